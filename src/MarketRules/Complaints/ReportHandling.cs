using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>What the bureau does with a report (举报) when it arrives.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReportIntakeOutcome>))]
public enum ReportIntakeOutcome
{
    /// <summary>A new report: verified under the penalty procedure (15 working days, +15).</summary>
    Handle = 0,

    /// <summary>The same reporter, respondent and facts again: not handled again (Order 121 Art 35 ¶2). Under Order 20 it is handled as a report of its own.</summary>
    NotHandledAgain = 1,

    /// <summary>New facts against the same respondent by the same reporter: merged, and the period restarts from this report (Order 121 Art 35 ¶2).</summary>
    MergedClockRestarted = 2,
}

/// <summary>A report as received.</summary>
/// <param name="ReceivedOn">The day it was received.</param>
/// <param name="ReporterId">Who reported (an identifier the bureau keeps; anonymous reports may use a channel id).</param>
/// <param name="RespondentId">Who is reported (credit code or name).</param>
/// <param name="FactsKey">What is reported, as the bureau keys the alleged facts.</param>
/// <param name="AddsNewFacts">The reporter says the report adds new facts to an earlier one.</param>
/// <param name="RealName">The reporter gave a real name (Order 20 Art 31 ¶2).</param>
public sealed record ReportSubmission(LocalDate ReceivedOn, string ReporterId, string RespondentId, string FactsKey, bool AddsNewFacts = false, bool RealName = false);

/// <summary>The intake decision for a report: its outcome, the governing order, the verification clock and the explanation.</summary>
/// <remarks>The decision is made at once; its <see cref="Explanation"/> is made from it the first time it is read (a
/// caller screening many reports pays only for the ones it explains). Thread-safe: immutable once made.</remarks>
public sealed class ReportIntake
{
    private readonly ReportHandling handling;
    private readonly ParameterValue governing;
    private readonly ParameterValue? verificationPeriod;
    private readonly ParameterValue? extension;
    [Memoised]
    private Explanation? explanation;

    internal ReportIntake(ReportHandling handling, ReportIntakeOutcome outcome, ComplaintOrder order, LocalDate clockStartsOn, LegalDeadline? verification,
        int? mergedInto, ParameterValue governing, ParameterValue? verificationPeriod, ParameterValue? extension)
    {
        this.handling = handling;
        this.governing = governing;
        this.verificationPeriod = verificationPeriod;
        this.extension = extension;
        Outcome = outcome;
        Order = order;
        ClockStartsOn = clockStartsOn;
        Verification = verification;
        MergedInto = mergedInto;
    }

    /// <summary>What is done with it.</summary>
    public ReportIntakeOutcome Outcome { get; }

    /// <summary>The governing order (by the receipt date).</summary>
    public ComplaintOrder Order { get; }

    /// <summary>The day the verification period counts from (this report's day when merged or new).</summary>
    public LocalDate ClockStartsOn { get; }

    /// <summary>The verification deadline, or <see langword="null"/> when the report is not handled again.</summary>
    public LegalDeadline? Verification { get; }

    /// <summary>The index of the earlier report it was merged into or repeats, or <see langword="null"/>.</summary>
    public int? MergedInto { get; }

    /// <summary>Why: the governing order, the outcome with its article, the verification period with the parameters used.</summary>
    public Explanation Explanation
    {
        get
        {
            if (explanation is { } made)
            {
                return made;
            }
            var built = handling.Explain(this, governing, verificationPeriod, extension);
            return Interlocked.CompareExchange(ref explanation, built, null) ?? built;
        }
    }
}

/// <summary>
/// Report handling (举报处理): reports follow the penalty procedure's lead verification (程序规定 Art 18: 15 working
/// days, +15 with the head's approval, testing time excluded); under Order 121 a repeat report of the same facts is not
/// handled again and a report with new facts is merged with the clock restarted (Art 35 ¶2); under Order 20 a real-name
/// reporter is told of the filing decision within 5 working days (Art 31 ¶2). A complaint and a report in one
/// submission are handled separately (Art 9): run the complaint through <see cref="ComplaintStateMachine"/> and the
/// report through this class.
/// </summary>
/// <remarks>Thread-safe: immutable.</remarks>
public sealed class ReportHandling
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "report.intake/1";

    private readonly ComplaintStateMachine orders;

    /// <summary>Report handling under the law of a bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</summary>
    /// <param name="law">The parameters in force, the jurisdiction and the period calculator.</param>
    public ReportHandling(LawContext law) => orders = new ComplaintStateMachine(law);

    /// <summary>Decides what to do with <paramref name="report"/> given the reports handled before it.</summary>
    /// <param name="earlier">Earlier reports, oldest first.</param>
    /// <param name="report">The new report.</param>
    /// <param name="extended">The verification was extended by the head (程序规定 Art 18).</param>
    /// <param name="excluded">Testing, inspection, quarantine or appraisal time not counted (both ends included).</param>
    /// <returns>The intake, or a coded error (no order in force; a date outside the calendar).</returns>
    public RuleResult<ReportIntake> Receive(IReadOnlyList<ReportSubmission> earlier, ReportSubmission report, bool extended = false, IReadOnlyList<DateInterval>? excluded = null)
    {
        Preconditions.CheckNotNull(earlier);
        Preconditions.CheckNotNull(report);
        try
        {
            var date = report.ReceivedOn;
            if (orders.GoverningOrder(date) is not { } governing)
            {
                return RuleResult<ReportIntake>.Failure(ComplaintErrors.NoOrderInForce.Create("$.report.receivedOn", ("Limit", date)));
            }
            int? match = null;
            var outcome = ReportIntakeOutcome.Handle;
            if (governing.Order == ComplaintOrder.Order121)
            {
                for (var i = earlier.Count - 1; i >= 0; i--)
                {
                    var e = earlier[i];
                    if (e.ReporterId == report.ReporterId && e.RespondentId == report.RespondentId)
                    {
                        if (report.AddsNewFacts)
                        {
                            (match, outcome) = (i, ReportIntakeOutcome.MergedClockRestarted);
                            break;
                        }
                        if (e.FactsKey == report.FactsKey)
                        {
                            (match, outcome) = (i, ReportIntakeOutcome.NotHandledAgain);
                            break;
                        }
                    }
                }
            }
            LegalDeadline? verification = null;
            ParameterValue? first = null, more = null;
            if (outcome != ReportIntakeOutcome.NotHandledAgain)
            {
                first = orders.Policy.Resolve(CaseParameters.LeadVerification, date, orders.Jurisdiction);
                more = extended ? orders.Policy.Resolve(CaseParameters.LeadVerificationExtension, date, orders.Jurisdiction) : null;
                var days = (int)first.Value + (more is null ? 0 : (int)more.Value);
                verification = orders.Periods.Deadline(date, LegalPeriod.WorkingDays(days), excluded is null ? [] : excluded.ToArray(), RestDayRule.RollForward);
            }
            return RuleResult<ReportIntake>.Success(new ReportIntake(this, outcome, governing.Order, date, verification, match, governing.Value, first, more));
        }
        catch (MarketRulesException ex)
        {
            return RuleResult<ReportIntake>.Failure(ex.Errors);
        }
    }

    // The explanation of a decision made by Receive, from what it decided and the parameters it used.
    internal Explanation Explain(ReportIntake intake, ParameterValue governing, ParameterValue? first, ParameterValue? more)
    {
        var date = intake.ClockStartsOn;
        var builder = new ExplanationBuilder(RuleId, date, orders.Jurisdiction.IsNational ? null : orders.Jurisdiction.ToString());
        builder.Use(governing);
        builder.Add(ComplaintReasons.GoverningOrder.ToReason(governing.Citation, ("Received", date), ("Order", ComplaintStateMachine.Kebab(intake.Order))));
        var citation = intake.Order == ComplaintOrder.Order20 ? ComplaintCitations.Order20ReportHandling : ComplaintCitations.Order121ReportHandling;
        builder.Add(ReportReasons.Outcome.ToReason(intake.Outcome == ReportIntakeOutcome.Handle ? citation : ComplaintCitations.Order121RepeatReport,
            ("Outcome", ComplaintStateMachine.Kebab(intake.Outcome)), ("Index", (object?)intake.MergedInto ?? "-")));
        if (intake.Verification is { } deadline && first is not null)
        {
            builder.Use(first);
            if (more is not null)
            {
                builder.Use(more);
            }
            builder.Add(ComplaintReasons.DeadlineRuns.ToReason(first.Citation, ("Deadline", "report-verification"), ("Limit", deadline.LastDay), ("Excluded", deadline.ExcludedDays)));
            builder.Add(new ComputedDate("report-verification", new LocalizedText("举报核查期限", "report verification"), deadline.LastDay)
            {
                From = date, ExpiresAt = deadline.ExpiresAt, Citation = first.Citation,
            });
        }
        return builder.Build(ComplaintStateMachine.Kebab(intake.Outcome));
    }

    /// <summary>
    /// The last day to tell a real-name reporter whether a case was opened: 5 working days from the filing decision
    /// under Order 20 (Art 31 ¶2); <see langword="null"/> under Order 121, which has no such clock (Q-C2).
    /// </summary>
    /// <param name="receivedOn">The day the report was received (chooses the order).</param>
    /// <param name="filingDecidedOn">The day of the decision whether to open a case.</param>
    /// <returns>The deadline, or <see langword="null"/>.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the deadline runs outside the calendar.</exception>
    public LegalDeadline? RealNameNoticeDeadline(LocalDate receivedOn, LocalDate filingDecidedOn) =>
        orders.Policy.TryResolve(ComplaintParameters.RealNameNotice, receivedOn, orders.Jurisdiction) is { } value
            ? orders.Periods.Deadline(filingDecidedOn, value.AsPeriod())
            : null;
}

/// <summary>The coded reasons of report intake.</summary>
public static class ReportReasons
{
    /// <summary>The intake outcome.</summary>
    public static readonly MessageDefinition Outcome = new("MR.Complaints.ReportOutcome",
        "举报处理：{Outcome}（对照在先举报：{Index}）",
        "Report intake: {Outcome} (earlier report: {Index})");
}
