using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Campaigns;

/// <summary>What happened to a report's due day.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReportDueNote>))]
public enum ReportDueNote
{
    /// <summary>The nominal day is a rest day (weekend or holiday) and the report stays due on it.</summary>
    OnRestDay = 0,

    /// <summary>The plan does not say what a rest day does; the day was kept (the library's default) — check with the issuer.</summary>
    RestDayRuleUnstated = 1,

    /// <summary>Moved to the last working day before.</summary>
    MovedEarlier = 2,

    /// <summary>Moved to the first working day after.</summary>
    MovedLater = 3,

    /// <summary>Moved onto a day the series already falls due on: one report answers both.</summary>
    Merged = 4,
}

/// <summary>One report due.</summary>
/// <param name="Series">The series' id.</param>
/// <param name="Date">The day it is due (after any move).</param>
/// <param name="NominalDate">The day the plan's rule gives.</param>
/// <param name="DueAt">The instant it is due before: the time of day in Asia/Shanghai, or the end of the day.</param>
/// <param name="Before">The time of day (<c>HH:mm</c>), or <see langword="null"/> for the end of the day.</param>
/// <param name="NominalDayKind">The kind of the nominal day on the statutory calendar.</param>
/// <param name="Notes">What happened to the day.</param>
public sealed record ReportDue(string Series, LocalDate Date, LocalDate NominalDate, Instant DueAt, string? Before, DayKind NominalDayKind, ImmutableArray<ReportDueNote> Notes);

/// <summary>A campaign's reporting calendar over a range, with its explanation.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="From">The first day of the range.</param>
/// <param name="To">The last day of the range.</param>
/// <param name="Dues">Every report due in the range, by date, time and series.</param>
/// <param name="Explanation">The explanation.</param>
public sealed record CampaignCalendarResult(string Plan, LocalDate From, LocalDate To, ImmutableArray<ReportDue> Dues, Explanation Explanation);

/// <summary>
/// A campaign plan's reporting calendar: every report due in a date range, in Asia/Shanghai with its time of day, on the
/// statutory calendar. What a due day on a rest day becomes is the plan's (or the series') <see cref="CampaignRestDayRule"/>;
/// when the plan is silent — every plan found is — the day is kept and flagged <see cref="ReportDueNote.RestDayRuleUnstated"/>.
/// </summary>
public static class CampaignCalendar
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "campaign.calendar/1";

    /// <summary>The reports due from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="law">The law whose statutory calendar the dues are counted on (<c>NationalCatalog.Law</c> for the national one).</param>
    /// <param name="plan">The plan.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>
    /// The calendar, or <c>MR.Campaigns.RangeInvalid</c>, or <c>MR.Calendar.OutOfRange</c> when a due day lies outside the
    /// years the statutory calendar knows: never an exception.
    /// </returns>
    public static RuleResult<CampaignCalendarResult> Dues(LawContext law, CampaignPlan plan, LocalDate from, LocalDate to)
    {
        Preconditions.CheckNotNull(law);
        Preconditions.CheckNotNull(plan);
        if (to < from)
        {
            return RuleResult<CampaignCalendarResult>.Failure(CampaignErrors.RangeInvalid.Create("$.to", ("From", from), ("To", to)));
        }
        var calendar = law.Calendar;
        var builder = new ExplanationBuilder(RuleId, from);
        var computed = TryCompute(plan, from, to, calendar, builder);
        if (!computed.IsSuccess)
        {
            return RuleResult<CampaignCalendarResult>.Failure(computed.Errors);
        }
        var dues = computed.Value;
        builder.Add(CampaignReasons.Dues.ToReason(plan.Citation, ("From", from), ("To", to), ("Count", dues.Length)));
        return RuleResult<CampaignCalendarResult>.Success(new CampaignCalendarResult(plan.Id, from, to, dues, builder.Build(dues.IsEmpty ? "none-due" : "dues")));
    }

    // The dues, or the calendar's coded error when a day the plan falls due on (or is moved to) lies beyond the years the
    // statutory calendar knows: which day that is shows only while counting, so the calendar's own check is the test.
    // A day before the calendar's first year is the range's start's fault ($.from), one after its last year the end's
    // ($.to) — also when that day is 'from' itself (it was reported at $.to before the mutation run's test).
    internal static RuleResult<ImmutableArray<ReportDue>> TryCompute(CampaignPlan plan, LocalDate from, LocalDate to, StatutoryCalendar calendar, ExplanationBuilder? builder)
    {
        try
        {
            return RuleResult<ImmutableArray<ReportDue>>.Success(Compute(plan, from, to, calendar, builder));
        }
        catch (CalendarOutOfRangeException ex)
        {
            return RuleResult<ImmutableArray<ReportDue>>.Failure(KernelErrors.CalendarOutOfRange.Create(ex.Date.Year < ex.FirstYear ? "$.from" : "$.to",
                ("Date", ex.Date), ("FirstYear", ex.FirstYear), ("LastYear", ex.LastYear)));
        }
    }

    private static ImmutableArray<ReportDue> Compute(CampaignPlan plan, LocalDate from, LocalDate to, StatutoryCalendar calendar, ExplanationBuilder? builder)
    {
        var all = ImmutableArray.CreateBuilder<ReportDue>();
        foreach (var series in plan.Series)
        {
            var rule = series.RestDays ?? plan.RestDays;
            var effective = rule ?? CampaignRestDayRule.Keep;
            var name = series.Name;
            var ruleText = (rule, effective) switch
            {
                (null, _) => ("方案未作规定，按原定日期报送并逐一标注（默认）", "the plan does not say; the day is kept and flagged (the default)"),
                (_, CampaignRestDayRule.Keep) => ("方案规定照常报送", "the plan keeps the day"),
                (_, CampaignRestDayRule.PreviousWorkingDay) => ("提前至前一个工作日", "moved to the previous working day"),
                _ => ("顺延至下一个工作日", "moved to the next working day"),
            };
            var byDate = new SortedDictionary<LocalDate, ReportDue>();
            foreach (var nominal in NominalDates(series, from.PlusDays(-40), to.PlusDays(40)))
            {
                // A day outside the range is looked at only because a move could bring it in; where the rule cannot
                // move it in, a day the calendar does not know yet (next year's notice not out) is no reason to fail.
                if ((nominal < from || nominal > to) && !calendar.Covers(nominal)
                    && !(effective == CampaignRestDayRule.PreviousWorkingDay && nominal > to) && !(effective == CampaignRestDayRule.NextWorkingDay && nominal < from))
                {
                    continue;
                }
                var kind = calendar.GetDayKind(nominal);
                var flags = ImmutableArray.CreateBuilder<ReportDueNote>();
                var date = nominal;
                if (!calendar.IsWorkingDay(nominal))
                {
                    switch (effective)
                    {
                        case CampaignRestDayRule.Keep:
                            flags.Add(ReportDueNote.OnRestDay);
                            if (rule is null)
                            {
                                flags.Add(ReportDueNote.RestDayRuleUnstated);
                            }
                            break;
                        case CampaignRestDayRule.PreviousWorkingDay:
                            date = PreviousWorkingDay(calendar, nominal);
                            flags.Add(ReportDueNote.MovedEarlier);
                            break;
                        default:
                            date = calendar.NextWorkingDayOnOrAfter(nominal);
                            flags.Add(ReportDueNote.MovedLater);
                            break;
                    }
                }
                if (date < from || date > to)
                {
                    continue;
                }
                var before = series.Before;
                // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
                var dueAt = before is null ? LegalTime.EndOfDay(date) : date.At(before.Value).InZoneLeniently(LegalTime.Zone).ToInstant();
                var due = new ReportDue(series.Id, date, nominal, dueAt, before?.ToString("HH:mm", CultureInfo.InvariantCulture), kind, flags.ToImmutable());
                if (byDate.TryGetValue(date, out var existing))
                {
                    // Moved onto a day the series already has: one report answers both.
                    byDate[date] = existing with { Notes = existing.Notes.Contains(ReportDueNote.Merged) ? existing.Notes : existing.Notes.Add(ReportDueNote.Merged) };
                    continue;
                }
                byDate[date] = due;
                if (builder is not null && !calendar.IsWorkingDay(nominal))
                {
                    var (kindZh, kindEn) = kind == DayKind.HolidayRest ? ("法定节假日", "a statutory holiday") : ("周休息日", "a weekend day");
                    var outcome = effective == CampaignRestDayRule.Keep
                        ? (rule is null ? ("照常报送（方案未规定，默认）", "still due that day (the plan is silent; the default)") : ("照常报送", "still due that day"))
                        : ($"改为 {date:uuuu-MM-dd} 报送", $"due on {date:uuuu-MM-dd} instead");
                    builder.Add(CampaignReasons.DueOnRestDay.ToReasonKeepingEnglish(plan.Citation, ("Series", name.Chinese, name.English), ("Date", nominal, nominal),
                        ("DayKind", kindZh, kindEn), ("Outcome", outcome.Item1, outcome.Item2)));
                }
            }
            builder?.Add(CampaignReasons.RestDayRule.ToReasonKeepingEnglish(plan.Citation, ("Series", name.Chinese, name.English), ("Rule", ruleText.Item1, ruleText.Item2)));
            all.AddRange(byDate.Values);
        }
        return [.. all.OrderBy(d => d.DueAt).ThenBy(d => d.Series, StringComparer.Ordinal)];
    }

    private static IEnumerable<LocalDate> NominalDates(ReportSeries series, LocalDate from, LocalDate to)
    {
        if (series.Cadence == ReportCadence.Once)
        {
            foreach (var date in series.Dates.Where(d => d >= from && d <= to))
            {
                yield return date;
            }
            yield break;
        }
        foreach (var window in series.Windows)
        {
            var start = window.Start > from ? window.Start : from;
            var end = window.End < to ? window.End : to;
            for (var d = start; d <= end; d = d.PlusDays(1))
            {
                var due = series.Cadence switch
                {
                    ReportCadence.Daily => true,
                    ReportCadence.Weekly => d.DayOfWeek == series.Weekday,
                    _ => d.Day == Math.Min(series.DayOfMonth!.Value, d.Calendar.GetDaysInMonth(d.Year, d.Month)),
                };
                if (due)
                {
                    yield return d;
                }
            }
        }
    }

    private static LocalDate PreviousWorkingDay(StatutoryCalendar calendar, LocalDate date)
    {
        var d = date.PlusDays(-1);
        while (!calendar.IsWorkingDay(d))
        {
            d = d.PlusDays(-1);
        }
        return d;
    }
}
