using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.SpotChecks;

namespace MarketRules.Engine.Rules.SpotChecks;

/// <summary>One event of a lot as JSON callers send it.</summary>
public sealed record SpotCheckEventInput
{
    /// <summary>What happened.</summary>
    public required SpotCheckEventKind Kind { get; init; }

    /// <summary>The day it happened.</summary>
    public required LocalDate On { get; init; }

    /// <summary>For <c>second-review-failed</c>: the last day of the reorganisation period.</summary>
    public LocalDate? Until { get; init; }

    internal SpotCheckEvent ToEvent() => new(Kind, On) { Until = Until };
}

/// <summary>Input of <c>spotcheck.transition/1</c>: the lot's facts, its accepted events and the new event.</summary>
public sealed record SpotCheckTransitionInput
{
    /// <summary>The lot's id (echoed, never used by a guard).</summary>
    public string? LotId { get; init; }

    /// <summary>Whether the lot is food (re-test window 7 working days instead of 15 days).</summary>
    public bool Food { get; init; }

    /// <summary>The level of the bureau that organised the check.</summary>
    public required SpotCheckLevel Level { get; init; }

    /// <summary>Whether the product is under production-licence management.</summary>
    public bool LicensedProduct { get; init; }

    /// <summary>The accepted events so far, oldest first.</summary>
    public ImmutableArray<SpotCheckEventInput> History { get => history; init => history = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<SpotCheckEventInput> history = [];

    /// <summary>The new event.</summary>
    public SpotCheckEventInput? Event { get; init; }
}

/// <summary>Result of <c>spotcheck.transition/1</c>.</summary>
/// <param name="LotId">The lot's id.</param>
/// <param name="From">The state before the event.</param>
/// <param name="To">The state after it.</param>
/// <param name="CloseReason">Why the journey ended, if it did.</param>
/// <param name="RetestCost">Who bears the re-test cost, once known.</param>
/// <param name="Due">Steps still in time on the event's day.</param>
/// <param name="Overdue">Steps missed on the event's day.</param>
/// <param name="Late">The step the event took after its last day, if it did.</param>
public sealed record SpotCheckTransitionResult(string? LotId, SpotCheckState From, SpotCheckState To, SpotCheckCloseReason CloseReason, RetestCostBearer RetestCost,
    ImmutableArray<SpotCheckDeadline> Due, ImmutableArray<SpotCheckDeadline> Overdue, ImmutableArray<SpotCheckLateStep> Late);

/// <summary>The rule <c>spotcheck.transition/1</c>: rebuilds a lot from its events, applies the new one and returns the new state, what is due and overdue, and the explanation — or the coded rejection.</summary>
public sealed class SpotCheckTransitionRule : RuleDefinition<SpotCheckTransitionInput, SpotCheckTransitionResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc/>
    public override string Id => SpotCheckStateMachine.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("产品质量监督抽查批次后处理", "Product-quality spot check: a lot's follow-up chain");

    /// <inheritdoc/>
    public override JsonTypeInfo<SpotCheckTransitionInput> Input => SpotChecksJsonContext.Default.SpotCheckTransitionInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<SpotCheckTransitionResult> Result => SpotChecksJsonContext.Default.SpotCheckTransitionResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(SpotCheckTransitionInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<SpotCheckTransitionResult>> Decide(SpotCheckTransitionInput input, RuleContext context)
    {
        var machine = new SpotCheckStateMachine(context.Law);
        var lot = machine.Replay(new SpotCheckLotFacts(input.Food, input.Level, input.LicensedProduct), input.History.Select(e => e.ToEvent()));
        if (!lot.IsSuccess)
        {
            return RuleResult<RuleDecision<SpotCheckTransitionResult>>.Failure(lot.Errors);
        }
        var step = machine.Transition(lot.Value, input.Event!.ToEvent());
        if (!step.IsSuccess)
        {
            return RuleResult<RuleDecision<SpotCheckTransitionResult>>.Failure(step.Errors);
        }
        var s = step.Value;
        var result = new SpotCheckTransitionResult(input.LotId, s.From, s.To, s.Lot.CloseReason, s.Lot.RetestCost, s.Agenda.Due, s.Agenda.Overdue, s.Late);
        return RuleResult<RuleDecision<SpotCheckTransitionResult>>.Success(new RuleDecision<SpotCheckTransitionResult>(result, s.Explanation));
    }

    private sealed class InputValidator : AbstractValidator<SpotCheckTransitionInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.Event).NotNull().WithError(KernelErrors.Required);
            RuleFor(x => x.Level).IsInEnum().WithError(KernelErrors.Required);
            RuleForEach(x => x.History).SetValidator(new EventValidator());
            RuleFor(x => x.Event!).SetValidator(new EventValidator()).When(x => x.Event is not null);
        }
    }

    private sealed class EventValidator : AbstractValidator<SpotCheckEventInput>
    {
        public EventValidator()
        {
            RuleFor(x => x.Kind).Must(k => k != SpotCheckEventKind.None && Enum.IsDefined(k)).WithError(KernelErrors.Required);
            RuleFor(x => x.On).NotEqual(default(LocalDate)).WithError(KernelErrors.Required);
        }
    }
}
