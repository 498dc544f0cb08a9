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

/// <summary>
/// The intake decision for a report without its explanation (<see cref="ReportHandling.Assess"/>): its outcome, the
/// governing order, the verification clock. Made without allocating; <see cref="ReportHandling.Receive"/> makes the same
/// decision and keeps it with its explanation.
/// </summary>
public readonly record struct ReportIntakeAssessment
{
    internal ReportIntakeAssessment(IntakeLaw law, bool extended, ReportIntakeOutcome outcome, LocalDate clockStartsOn, LegalDeadline? verification, int? mergedInto)
    {
        Law = law;
        Extended = extended;
        Outcome = outcome;
        ClockStartsOn = clockStartsOn;
        Verification = verification;
        MergedInto = mergedInto;
    }

    /// <summary>What is done with it.</summary>
    public ReportIntakeOutcome Outcome { get; }

    /// <summary>The governing order (by the receipt date).</summary>
    public ComplaintOrder Order => Law.Order;

    /// <summary>The day the verification period counts from (this report's day when merged or new).</summary>
    public LocalDate ClockStartsOn { get; }

    /// <summary>The verification deadline, or <see langword="null"/> when the report is not handled again.</summary>
    public LegalDeadline? Verification { get; }

    /// <summary>The index of the earlier report it was merged into or repeats, or <see langword="null"/>.</summary>
    public int? MergedInto { get; }

    // The law in force on the receipt day (the span of the handler's table) and whether the extension was counted.
    internal IntakeLaw Law { get; }

    internal bool Extended { get; }
}

/// <summary>The intake decision for a report: its outcome, the governing order, the verification clock and the explanation.</summary>
/// <remarks>The decision is made at once (<see cref="ReportHandling.Assess"/>, kept here); its <see cref="Explanation"/> is
/// made from it the first time it is read (a caller screening many reports pays only for the ones it explains).
/// Thread-safe: immutable once made.</remarks>
public sealed class ReportIntake : IDeferredMessageArguments
{
    private readonly ReportHandling handling;
    [Memoised]
    private Explanation? explanation;

    internal ReportIntake(ReportHandling handling, in ReportIntakeAssessment assessment)
    {
        this.handling = handling;
        Assessment = assessment;
    }

    /// <summary>The decision without its explanation.</summary>
    public ReportIntakeAssessment Assessment { get; }

    /// <summary>What is done with it.</summary>
    public ReportIntakeOutcome Outcome => Assessment.Outcome;

    /// <summary>The governing order (by the receipt date).</summary>
    public ComplaintOrder Order => Assessment.Order;

    /// <summary>The day the verification period counts from (this report's day when merged or new).</summary>
    public LocalDate ClockStartsOn => Assessment.ClockStartsOn;

    /// <summary>The verification deadline, or <see langword="null"/> when the report is not handled again.</summary>
    public LegalDeadline? Verification => Assessment.Verification;

    /// <summary>The index of the earlier report it was merged into or repeats, or <see langword="null"/>.</summary>
    public int? MergedInto => Assessment.MergedInto;

    /// <summary>Why: the governing order, the outcome with its article, the verification period with the parameters used.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.handling.Explain(self));

    // The values of the explanation's reasons, made from the decision when a reason's text or arguments are read.
    MessageArguments IDeferredMessageArguments.ArgumentsOf(int index) => ReportHandling.ArgumentsOf(this, index);
}

/// <summary>
/// The report-intake law in force from one date for a handler's jurisdiction, as resolved through the law context: the
/// governing order and the verification period with its extension (null when none is in force).
/// </summary>
internal sealed class IntakeLaw
{
    internal IntakeLaw(LawContext law, LocalDate from)
    {
        Governing = law.TryResolve(ComplaintParameters.GoverningOrder, from);
        // Read without pattern variables: Stryker guards each condition, a variable declared in one is then not
        // definitely assigned (CS0165) and the mutants of the method are dropped.
        Order = Governing != null ? (ComplaintOrder)(int)Governing.Value : default;
        Verification = law.TryResolve(CaseParameters.LeadVerification, from);
        Extension = law.TryResolve(CaseParameters.LeadVerificationExtension, from);
    }

    internal static IEnumerable<ParameterDefinition> Parameters =>
        [ComplaintParameters.GoverningOrder, CaseParameters.LeadVerification, CaseParameters.LeadVerificationExtension];

    internal ParameterValue? Governing { get; }

    internal ComplaintOrder Order { get; }

    internal ParameterValue? Verification { get; }

    internal ParameterValue? Extension { get; }
}

/// <summary>
/// Report handling (举报处理): reports follow the penalty procedure's lead verification (程序规定 Art 18: 15 working
/// days, +15 with the head's approval, testing time excluded); under Order 121 a repeat report of the same facts is not
/// handled again and a report with new facts is merged with the clock restarted (Art 35 ¶2); under Order 20 a real-name
/// reporter is told of the filing decision within 5 working days (Art 31 ¶2). A complaint and a report in one
/// submission are handled separately (Art 9): run the complaint through <see cref="ComplaintStateMachine"/> and the
/// report through this class.
/// </summary>
/// <remarks>The handler resolves its parameters once, for every date on which one of them changes (its table of spans);
/// a decision finds the span in force on the receipt day. Thread-safe: immutable.</remarks>
public sealed class ReportHandling
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "report.intake/1";

    private static readonly string[] OutcomeNames = [.. Enum.GetValues<ReportIntakeOutcome>().Select(ComplaintStateMachine.Kebab)];

    // The outcomes as the texts name them (the JSON ids stay the explanation's outcome).
    private static readonly LocalizedText[] OutcomeTexts =
    [
        new("作为新举报核查处理", "handled as a new report"),
        new("同一举报人就同一违法行为重复举报，不再处理", "the same report again: not handled again"),
        new("提供新的事实，合并处理并重新计算期限", "new facts: merged, the period restarts"),
    ];
    private static readonly LocalizedText VerificationName = new("举报核查期限", "report verification");

    private readonly InForceSpans<IntakeLaw> spans;
    private readonly LawContext law;

    /// <summary>Report handling under the law of a bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</summary>
    /// <param name="law">The parameters in force, the jurisdiction and the period calculator.</param>
    public ReportHandling(LawContext law)
    {
        this.law = Preconditions.CheckNotNull(law);
        spans = new InForceSpans<IntakeLaw>(law, IntakeLaw.Parameters, from => new IntakeLaw(law, from));
    }

    /// <summary>
    /// Decides what to do with <paramref name="report"/> given the reports handled before it, without the explanation:
    /// the same decision as <see cref="Receive"/>, allocating nothing when the facts are valid (unless
    /// <paramref name="excluded"/> is neither an array nor a list).
    /// </summary>
    /// <param name="earlier">Earlier reports, oldest first.</param>
    /// <param name="report">The new report.</param>
    /// <param name="extended">The verification was extended by the head (程序规定 Art 18).</param>
    /// <param name="excluded">Testing, inspection, quarantine or appraisal time not counted (both ends included).</param>
    /// <returns>The decision, or a coded error (no order in force; a date outside the calendar).</returns>
    public RuleResult<ReportIntakeAssessment> Assess(IReadOnlyList<ReportSubmission> earlier, ReportSubmission report, bool extended = false, IReadOnlyList<DateInterval>? excluded = null)
    {
        Preconditions.CheckNotNull(earlier);
        Preconditions.CheckNotNull(report);
        try
        {
            var date = report.ReceivedOn;
            var span = spans.Find(date);
            if (span.Governing is null)
            {
                return RuleResult<ReportIntakeAssessment>.Failure(ComplaintStateMachine.NoOrderInForce("$.report.receivedOn", date));
            }
            int? match = null;
            var outcome = ReportIntakeOutcome.Handle;
            if (span.Order == ComplaintOrder.Order121)
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
            if (outcome != ReportIntakeOutcome.NotHandledAgain)
            {
                // Not in force (a pack ending the period): the law context's coded error, as Resolve reports it.
                var first = span.Verification ?? law.Resolve(CaseParameters.LeadVerification, date);
                var more = extended ? span.Extension ?? law.Resolve(CaseParameters.LeadVerificationExtension, date) : null;
                var days = (int)first.Value + (more is null ? 0 : (int)more.Value);
                ReadOnlySpan<DateInterval> pauses = excluded switch
                {
                    null => [],
                    DateInterval[] array => array,
                    List<DateInterval> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
                    _ => excluded.ToArray(),
                };
                verification = law.Periods.Deadline(date, LegalPeriod.WorkingDays(days), pauses, RestDayRule.RollForward);
            }
            return RuleResult<ReportIntakeAssessment>.Success(new ReportIntakeAssessment(span, extended, outcome, date, verification, match));
        }
        catch (MarketRulesException ex)
        {
            return RuleResult<ReportIntakeAssessment>.Failure(ex.Errors);
        }
    }

    /// <summary>Decides what to do with <paramref name="report"/> given the reports handled before it; the explanation is made from the decision the first time it is read.</summary>
    /// <param name="earlier">Earlier reports, oldest first.</param>
    /// <param name="report">The new report.</param>
    /// <param name="extended">The verification was extended by the head (程序规定 Art 18).</param>
    /// <param name="excluded">Testing, inspection, quarantine or appraisal time not counted (both ends included).</param>
    /// <returns>The intake, or a coded error (no order in force; a date outside the calendar).</returns>
    public RuleResult<ReportIntake> Receive(IReadOnlyList<ReportSubmission> earlier, ReportSubmission report, bool extended = false, IReadOnlyList<DateInterval>? excluded = null)
    {
        var assessed = Assess(earlier, report, extended, excluded);
        return assessed.IsSuccess
            ? RuleResult<ReportIntake>.Success(new ReportIntake(this, assessed.Value))
            : RuleResult<ReportIntake>.Failure(assessed.Errors);
    }

    // The reasons of an explanation, by the index its deferred arguments are asked for.
    private const int GoverningReason = 0, OutcomeReason = 1, DeadlineReason = 2;

    // The values of reason `index` of an intake's explanation (Explain), as the texts show them.
    internal static MessageArguments ArgumentsOf(ReportIntake intake, int index)
    {
        var a = intake.Assessment;
        (string Name, object? Value)[] values = index switch
        {
            GoverningReason => ComplaintStateMachine.GoverningOrderArguments(ComplaintStateMachine.ReportSubject, a.ClockStartsOn, a.Order),
            OutcomeReason => [("Outcome", OutcomeTexts[(int)a.Outcome]), ("Index", (object?)a.MergedInto ?? "-")],
            _ => [("Deadline", VerificationName), ("Limit", a.Verification!.Value.LastDay), ("Excluded", a.Verification!.Value.ExcludedDays)],
        };
        return MessageArguments.Of(values);
    }

    // The explanation of a decision made by Assess, from what it decided and the parameters it used; the builder is
    // sized for the reasons, parameters and dates it will hold, so Build hands its arrays over without a copy.
    internal Explanation Explain(ReportIntake intake)
    {
        var a = intake.Assessment;
        var date = a.ClockStartsOn;
        var governing = a.Law.Governing!;
        var deadline = a.Verification;
        var first = deadline is null ? null : a.Law.Verification ?? law.Resolve(CaseParameters.LeadVerification, date);
        var more = deadline is not null && a.Extended ? a.Law.Extension ?? law.Resolve(CaseParameters.LeadVerificationExtension, date) : null;
        var builder = new ExplanationBuilder(RuleId, date, law.JurisdictionCode, deadline is null ? 2 : 3, 1 + (first is null ? 0 : 1) + (more is null ? 0 : 1));
        builder.Use(governing);
        builder.Add(ComplaintReasons.GoverningOrder.ToDeferredReason(governing.Citation, intake, GoverningReason));
        var citation = a.Order == ComplaintOrder.Order20 ? ComplaintCitations.Order20ReportHandling : ComplaintCitations.Order121ReportHandling;
        builder.Add(ReportReasons.Outcome.ToDeferredReason(a.Outcome == ReportIntakeOutcome.Handle ? citation : ComplaintCitations.Order121RepeatReport, intake, OutcomeReason));
        // Read without pattern variables (see IntakeLaw).
        if (deadline != null && first is not null)
        {
            var d = deadline.Value;
            builder.Use(first);
            if (more is not null)
            {
                builder.Use(more);
            }
            builder.Add(ComplaintReasons.DeadlineRuns.ToDeferredReason(first.Citation, intake, DeadlineReason));
            builder.Add(new ComputedDate("report-verification", VerificationName, d.LastDay)
            {
                From = date, ExpiresAt = d.ExpiresAt, Citation = first.Citation,
            });
        }
        return builder.Build(OutcomeNames[(int)a.Outcome]);
    }

    /// <summary>
    /// The last day to tell a real-name reporter whether a case was opened: 5 working days from the filing decision
    /// under Order 20 (Art 31 ¶2); <see langword="null"/> under Order 121, which has no such clock (Q-C2).
    /// </summary>
    /// <param name="receivedOn">The day the report was received (chooses the order).</param>
    /// <param name="filingDecidedOn">The day of the decision whether to open a case.</param>
    /// <returns>The deadline, or <see langword="null"/>.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the deadline runs outside the calendar.</exception>
    public LegalDeadline? RealNameNoticeDeadline(LocalDate receivedOn, LocalDate filingDecidedOn)
    {
        // Read without pattern variables (see IntakeLaw).
        var value = law.TryResolve(ComplaintParameters.RealNameNotice, receivedOn);
        return value != null ? law.Periods.Deadline(filingDecidedOn, value.AsPeriod()) : null;
    }
}

/// <summary>The coded reasons of report intake.</summary>
public static class ReportReasons
{
    /// <summary>The intake outcome.</summary>
    public static readonly MessageDefinition Outcome = new("MR.Complaints.ReportOutcome",
        "举报处理：{Outcome}（对照在先举报：{Index}）",
        "Report intake: {Outcome} (earlier report: {Index})");
}
