using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Complaints;

namespace MarketRules.Engine.Rules.Complaints;

/// <summary>A report as JSON callers send it.</summary>
public sealed record ReportSubmissionInput
{
    /// <summary>The day it was received.</summary>
    public LocalDate ReceivedOn { get; init; }

    /// <summary>Who reported (an identifier the bureau keeps; anonymous reports may use a channel id).</summary>
    public string ReporterId { get; init; } = "";

    /// <summary>Who is reported (credit code or name).</summary>
    public string RespondentId { get; init; } = "";

    /// <summary>What is reported, as the bureau keys the alleged facts.</summary>
    public string FactsKey { get; init; } = "";

    /// <summary>The reporter says the report adds new facts to an earlier one.</summary>
    public bool AddsNewFacts { get; init; }

    /// <summary>The reporter gave a real name (Order 20 Art 31 ¶2).</summary>
    public bool RealName { get; init; }

    internal ReportSubmission ToSubmission() => new(ReceivedOn, ReporterId, RespondentId, FactsKey, AddsNewFacts, RealName);
}

/// <summary>Input of <c>report.intake/1</c>: the new report and the reports handled before it.</summary>
public sealed record ReportIntakeInput
{
    /// <summary>The new report.</summary>
    public ReportSubmissionInput? Report { get; init; }

    /// <summary>Earlier reports, oldest first.</summary>
    public ImmutableArray<ReportSubmissionInput> Earlier { get => earlier; init => earlier = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<ReportSubmissionInput> earlier = [];

    /// <summary>The verification was extended by the head (程序规定 Art 18).</summary>
    public bool Extended { get; init; }

    /// <summary>Testing, inspection, quarantine or appraisal time not counted (both ends included).</summary>
    public ImmutableArray<DateInterval> Excluded { get => excluded; init => excluded = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<DateInterval> excluded = [];

    /// <summary>The day of the decision whether to open a case, for the real-name notice deadline (Order 20 only).</summary>
    public LocalDate? FilingDecidedOn { get; init; }
}

/// <summary>Result of <c>report.intake/1</c>.</summary>
/// <param name="Outcome">What is done with the report.</param>
/// <param name="Order">The governing order, by the day the report was received.</param>
/// <param name="ClockStartsOn">The day the verification period counts from.</param>
/// <param name="VerifyBy">The last day of the verification, absent when the report is not handled again.</param>
/// <param name="ExcludedDays">Days not counted in the verification.</param>
/// <param name="MergedInto">The index in <c>earlier</c> of the report it repeats or is merged into, if any.</param>
/// <param name="RealNameNoticeBy">The last day to tell a real-name reporter whether a case was opened (Order 20; absent under Order 121 or without <c>filingDecidedOn</c>).</param>
public sealed record ReportIntakeResult(ReportIntakeOutcome Outcome, ComplaintOrder Order, LocalDate ClockStartsOn, LocalDate? VerifyBy, int? ExcludedDays, int? MergedInto,
    LocalDate? RealNameNoticeBy);

/// <summary>
/// The rule <c>report.intake/1</c>: what the bureau does with a report when it arrives — the governing order, a
/// repeat not handled again or new facts merged with the clock restarted (Order 121 Art 35 ¶2), the verification
/// deadline on the statutory calendar (程序规定 Art 18), and under Order 20 the notice to a real-name reporter (Art 31 ¶2).
/// The typed API is <see cref="ReportHandling"/>; this is its JSON door.
/// </summary>
public sealed class ReportIntakeRule : RuleDefinition<ReportIntakeInput, ReportIntakeResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc/>
    public override string Id => ReportHandling.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("举报受理与核查期限", "Report intake and verification deadline");

    /// <inheritdoc/>
    public override JsonTypeInfo<ReportIntakeInput> Input => ComplaintsJsonContext.Strict.ReportIntakeInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<ReportIntakeResult> Result => ComplaintsJsonContext.Strict.ReportIntakeResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(ReportIntakeInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<ReportIntakeResult>> Decide(ReportIntakeInput input, RuleContext context)
    {
        var handling = new ReportHandling(context.Law);
        var report = input.Report!.ToSubmission();
        var intake = handling.Receive([.. input.Earlier.Select(e => e.ToSubmission())], report, input.Extended, input.Excluded.IsEmpty ? null : input.Excluded);
        if (!intake.IsSuccess)
        {
            return RuleResult<RuleDecision<ReportIntakeResult>>.Failure(intake.Errors);
        }
        var decided = intake.Value!;
        var notice = input.FilingDecidedOn is { } filing && report.RealName ? handling.RealNameNoticeDeadline(report.ReceivedOn, filing) : null;
        return RuleResult<RuleDecision<ReportIntakeResult>>.Success(new RuleDecision<ReportIntakeResult>(
            new ReportIntakeResult(decided.Outcome, decided.Order, decided.ClockStartsOn, decided.Verification?.LastDay, decided.Verification?.ExcludedDays,
                decided.MergedInto, notice?.LastDay),
            decided.Explanation));
    }

    private sealed class InputValidator : AbstractValidator<ReportIntakeInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.Report).NotNull().WithError(KernelErrors.Required);
            RuleFor(x => x.Report!).SetValidator(new SubmissionValidator()).When(x => x.Report is not null);
            RuleForEach(x => x.Earlier).SetValidator(new SubmissionValidator());
            RuleFor(x => x.Earlier).Must((input, earlier) => input.Report is null || earlier.All(e => e.ReceivedOn <= input.Report.ReceivedOn))
                .WithError(ComplaintErrors.ReportOutOfOrder);
            RuleFor(x => x.FilingDecidedOn).Must((input, filing) => input.Report is null || filing is not { } day || day >= input.Report.ReceivedOn)
                .WithError(ComplaintErrors.FilingBeforeReport);
        }
    }

    private sealed class SubmissionValidator : AbstractValidator<ReportSubmissionInput>
    {
        public SubmissionValidator()
        {
            // Every period of the verification, and which order governs it, counts from the day of receipt: an earlier
            // report without one would have been received on 0001-01-01 and still compared as a repeat.
            RuleFor(x => x.ReceivedOn).NotEqual(default(LocalDate)).WithError(KernelErrors.Required);
            RuleFor(x => x.ReporterId).NotEmpty().WithError(KernelErrors.Required);
            RuleFor(x => x.RespondentId).NotEmpty().WithError(KernelErrors.Required);
            RuleFor(x => x.FactsKey).NotEmpty().WithError(KernelErrors.Required);
        }
    }
}
