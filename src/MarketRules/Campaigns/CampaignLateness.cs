using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Campaigns;

/// <summary>A report a unit sent.</summary>
/// <param name="Unit">The unit's id.</param>
/// <param name="Series">The series' id.</param>
/// <param name="At">When it arrived.</param>
public sealed record ReportSubmission(string Unit, string Series, Instant At)
{
    /// <summary>The due day the report answers, when the unit said so; otherwise the report is matched to the due it falls before.</summary>
    public LocalDate? For { get; init; }
}

/// <summary>How a due report was met.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReportStanding>))]
public enum ReportStanding
{
    /// <summary>Sent before it was due.</summary>
    OnTime = 0,

    /// <summary>Sent after it was due.</summary>
    Late = 1,

    /// <summary>Not sent, and already due.</summary>
    Missing = 2,
}

/// <summary>One due report of one unit and how it was met.</summary>
/// <param name="Series">The series' id.</param>
/// <param name="Date">The due day.</param>
/// <param name="DueAt">The instant it was due before.</param>
/// <param name="Standing">On time, late or missing.</param>
/// <param name="SubmittedAt">When it arrived, or <see langword="null"/>.</param>
/// <param name="LateByMinutes">For a late report, the whole minutes after <paramref name="DueAt"/> (rounded up).</param>
public sealed record UnitReport(string Series, LocalDate Date, Instant DueAt, ReportStanding Standing, Instant? SubmittedAt, long? LateByMinutes);

/// <summary>One unit's record.</summary>
/// <param name="Unit">The unit's id.</param>
/// <param name="OnTime">Reports sent in time.</param>
/// <param name="Late">Reports sent late.</param>
/// <param name="Missing">Reports due and not sent.</param>
/// <param name="Unmatched">Submissions that answer no due report (a series the unit does not send, or more reports than dues).</param>
public sealed record UnitLateness(string Unit, ImmutableArray<UnitReport> OnTime, ImmutableArray<UnitReport> Late, ImmutableArray<UnitReport> Missing, ImmutableArray<ReportSubmission> Unmatched);

/// <summary>Every reporting unit's record as of an instant.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="AsOf">The instant of the assessment: reports due after it are not yet missing.</param>
/// <param name="Units">One record per reporting unit, in the plan's order.</param>
/// <param name="Explanation">The explanation.</param>
public sealed record CampaignLatenessResult(string Plan, Instant AsOf, ImmutableArray<UnitLateness> Units, Explanation Explanation);

/// <summary>
/// Who reported on time, who late and by how much, and who did not report, per unit. A submission that names its due
/// day (<see cref="ReportSubmission.For"/>) answers that day; otherwise it answers the unanswered due of its series nearest
/// in time (the earlier one on a tie). A report is on time when it arrives strictly before the due instant.
/// </summary>
public static class CampaignLateness
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "campaign.lateness/1";

    /// <summary>Assesses submissions against the plan's calendar over the campaign's window (or a part of it).</summary>
    /// <param name="law">The law whose statutory calendar the dues are counted on (<c>NationalCatalog.Law</c> for the national one).</param>
    /// <param name="plan">The plan.</param>
    /// <param name="submissions">The reports received.</param>
    /// <param name="asOf">The instant of the assessment.</param>
    /// <param name="from">The first day assessed; the campaign's first day by default.</param>
    /// <param name="to">The last day assessed; the campaign's last day by default.</param>
    /// <returns>
    /// The records, or coded errors for submissions naming an unknown unit or series, or <c>MR.Calendar.OutOfRange</c>
    /// when a due day lies outside the years the statutory calendar knows: never an exception.
    /// </returns>
    public static RuleResult<CampaignLatenessResult> Assess(LawContext law, CampaignPlan plan, IEnumerable<ReportSubmission> submissions, Instant asOf,
        LocalDate? from = null, LocalDate? to = null)
    {
        Preconditions.CheckNotNull(law);
        Preconditions.CheckNotNull(plan);
        var calendar = law.Calendar;
        // Read without pattern variables, and arrays counted by Length: a mutation tool that guards each condition would
        // leave a pattern variable unassigned (CS0165), and it turns a `.Count` into a `Sum` that does not compile; either
        // drops the method's mutants unmeasured.
        var list = Preconditions.CheckNotNull(submissions).ToArray();
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        for (var i = 0; i < list.Length; i++)
        {
            if (!plan.Units.Any(u => u.Id == list[i].Unit))
            {
                errors.Add(CampaignErrors.UnknownReference.Create($"$.submissions[{i}].unit", ("Id", list[i].Unit)));
            }
            if (!plan.Series.Any(s => s.Id == list[i].Series))
            {
                errors.Add(CampaignErrors.UnknownReference.Create($"$.submissions[{i}].series", ("Id", list[i].Series)));
            }
        }
        var first = from ?? plan.Window.Start;
        var last = to ?? plan.Window.End;
        if (last < first)
        {
            errors.Add(CampaignErrors.RangeInvalid.Create("$.to", ("From", first), ("To", last)));
        }
        var rejected = errors.ToImmutable();
        if (!rejected.IsEmpty)
        {
            return RuleResult<CampaignLatenessResult>.Failure(rejected);
        }
        var computed = CampaignCalendar.TryCompute(plan, first, last, calendar, null);
        if (!computed.IsSuccess)
        {
            return RuleResult<CampaignLatenessResult>.Failure(computed.Errors);
        }
        var dues = computed.Value;
        var builder = new ExplanationBuilder(RuleId, LegalTime.DateOf(asOf));
        var units = ImmutableArray.CreateBuilder<UnitLateness>();
        foreach (var unit in plan.Units.Where(u => plan.Series.Any(s => s.Reporters.Contains(u.Id))))
        {
            var onTime = ImmutableArray.CreateBuilder<UnitReport>();
            var late = ImmutableArray.CreateBuilder<UnitReport>();
            var missing = ImmutableArray.CreateBuilder<UnitReport>();
            var unmatched = ImmutableArray.CreateBuilder<ReportSubmission>();
            foreach (var series in plan.Series)
            {
                var mine = list.Where(s => s.Unit == unit.Id && s.Series == series.Id).OrderBy(s => s.At).ToList();
                if (!series.Reporters.Contains(unit.Id))
                {
                    unmatched.AddRange(mine);
                    continue;
                }
                var seriesDues = dues.Where(d => d.Series == series.Id).ToArray();
                var answer = new ReportSubmission?[seriesDues.Length];
                foreach (var s in mine)
                {
                    var named = s.For;
                    var index = named is null
                        ? OpenDue(seriesDues, answer, s.At)
                        : Array.FindIndex(seriesDues, d => d.Date == named.Value && answer[Array.IndexOf(seriesDues, d)] is null);
                    if (index < 0)
                    {
                        unmatched.Add(s);
                    }
                    else
                    {
                        answer[index] = s;
                    }
                }
                for (var i = 0; i < seriesDues.Length; i++)
                {
                    var d = seriesDues[i];
                    var s = answer[i];
                    if (s is not null)
                    {
                        if (s.At < d.DueAt)
                        {
                            onTime.Add(new UnitReport(series.Id, d.Date, d.DueAt, ReportStanding.OnTime, s.At, null));
                        }
                        else
                        {
                            // Instant.Minus: an Instant plus an Instant, the arithmetic mutant of '-', does not compile.
                            var minutes = (long)Math.Ceiling(s.At.Minus(d.DueAt).TotalMinutes);
                            late.Add(new UnitReport(series.Id, d.Date, d.DueAt, ReportStanding.Late, s.At, minutes));
                            builder.Add(CampaignReasons.LateReport.ToReasonKeepingEnglish(plan.Citation, ("Unit", unit.Name.Chinese, unit.Name.English),
                                ("Series", series.Name.Chinese, series.Name.English), ("DueAt", Local(d.DueAt), Local(d.DueAt)),
                                ("SubmittedAt", Local(s.At), Local(s.At)), ("Minutes", minutes, minutes)));
                        }
                    }
                    else if (d.DueAt <= asOf)
                    {
                        missing.Add(new UnitReport(series.Id, d.Date, d.DueAt, ReportStanding.Missing, null, null));
                        builder.Add(CampaignReasons.MissingReport.ToReasonKeepingEnglish(plan.Citation, ("Unit", unit.Name.Chinese, unit.Name.English),
                            ("Series", series.Name.Chinese, series.Name.English), ("DueAt", Local(d.DueAt), Local(d.DueAt))));
                    }
                }
            }
            // Counted by the sorted arrays' Length: Stryker turns a `.Count` inside a tuple argument into a form that does
            // not compile, and then drops every mutant of this method unmeasured.
            ImmutableArray<UnitReport> onTimeReports = [.. onTime.OrderBy(r => r.DueAt)], lateReports = [.. late.OrderBy(r => r.DueAt)],
                missingReports = [.. missing.OrderBy(r => r.DueAt)];
            builder.Add(CampaignReasons.UnitRecord.ToReasonKeepingEnglish(plan.Citation, ("Unit", unit.Name.Chinese, unit.Name.English),
                ("OnTime", onTimeReports.Length, onTimeReports.Length), ("Late", lateReports.Length, lateReports.Length),
                ("Missing", missingReports.Length, missingReports.Length)));
            units.Add(new UnitLateness(unit.Id, onTimeReports, lateReports, missingReports, unmatched.ToImmutable()));
        }
        var outcome = units.Any(u => u.Late.Length > 0 || u.Missing.Length > 0) ? "exceptions" : "all-on-time";
        return RuleResult<CampaignLatenessResult>.Success(new CampaignLatenessResult(plan.Id, asOf, units.ToImmutable(), builder.Build(outcome)));
    }

    // The unanswered due nearest in time to the submission (the earlier one on a tie): a daily report sent the next
    // morning answers that day's due, a weekly report an hour late answers this week's.
    private static int OpenDue(ReportDue[] dues, ReportSubmission?[] answer, Instant at)
    {
        var best = -1;
        var bestDistance = Duration.MaxValue;
        for (var i = 0; i < dues.Length; i++)
        {
            if (answer[i] is not null)
            {
                continue;
            }
            // The distance either way, by Instant.Minus (an Instant plus an Instant does not compile).
            var distance = Duration.Max(dues[i].DueAt.Minus(at), at.Minus(dues[i].DueAt));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }
        return best;
    }

    private static string Local(Instant instant) =>
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm").Format(instant.InZone(LegalTime.Zone).LocalDateTime);
}
