using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Engine;
using MarketRules.Json;
using MarketRules.Cases;

namespace MarketRules.Engine.Rules.Cases;

/// <summary>One event as JSON callers send it.</summary>
public sealed record CaseEventInput
{
    /// <summary>What happened. Required: left out, it would read as the first kind, a lead received.</summary>
    public required CaseEventKind Kind { get; init; }

    /// <summary>When it happened. Required: every deadline counts from it.</summary>
    public required Instant At { get; init; }

    /// <summary>Who recorded it.</summary>
    public string? Actor { get; init; }

    /// <summary>The fine or payment in yuan (at most two decimals).</summary>
    public decimal? AmountYuan { get; init; }

    /// <summary>The value of confiscated gains and property in yuan.</summary>
    public decimal? ConfiscationYuan { get; init; }

    /// <summary>The sanctions.</summary>
    public ImmutableArray<Sanctions> Sanctions { get => sanctions; init => sanctions = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<Sanctions> sanctions = [];

    /// <summary>Who the party is.</summary>
    public PartyKind Party { get; init; }

    /// <summary>The date fact (act date, hearing date, new due date).</summary>
    public LocalDate? Date { get; init; }

    /// <summary>For a lead or a concluded investigation: the day a continuing or repeated act ended; the limitation runs from it (行政处罚法第三十六条第二款). Omit for a single act.</summary>
    public LocalDate? ActEnd { get; init; }

    /// <summary>For a lead or a concluded investigation: the act is still continuing, so the limitation has not started (行政处罚法第三十六条第二款).</summary>
    public bool ActContinuing { get; init; }

    /// <summary>Life, health or financial safety involved and harm resulted.</summary>
    public bool SeriousHarm { get; init; }

    /// <summary>Why the clock pauses.</summary>
    public PauseKind Pause { get; init; }

    /// <summary>Legal review is required.</summary>
    public bool LegalReviewRequired { get; init; }

    /// <summary>A collective decision is required.</summary>
    public bool CollectiveDiscussionRequired { get; init; }

    /// <summary>Extension length in days.</summary>
    public int Days { get; init; }

    /// <summary>The extension was decided collectively.</summary>
    public bool ByCollectiveDecision { get; init; }

    /// <summary>The criminal-referral decision of a transfer to the police.</summary>
    public CriminalReferralReference? Referral { get; init; }

    internal CaseEvent ToEvent() => new()
    {
        Kind = Kind, At = At, Actor = Actor, Amount = Money.FromYuan(AmountYuan ?? 0m), ConfiscationValue = Money.FromYuan(ConfiscationYuan ?? 0m),
        Sanctions = Sanctions.Aggregate(MarketRules.Cases.Sanctions.None, (a, b) => a | b), // never default: the property normalises it
        Party = Party, Date = Date, ActEnd = ActEnd, ActContinuing = ActContinuing, SeriousHarm = SeriousHarm, Pause = Pause, LegalReviewRequired = LegalReviewRequired,
        CollectiveDiscussionRequired = CollectiveDiscussionRequired, Days = Days, ByCollectiveDecision = ByCollectiveDecision, Referral = Referral,
    };
}

/// <summary>Input of <c>case.transition/1</c>: the case's event history and the new event.</summary>
public sealed record CaseTransitionInput
{
    /// <summary>The bureau's case number (echoed, never used by a guard).</summary>
    public string? CaseId { get; init; }

    /// <summary>The accepted events so far, oldest first; the case is rebuilt from them.</summary>
    public ImmutableArray<CaseEventInput> History { get => history; init => history = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<CaseEventInput> history = [];

    /// <summary>The new event.</summary>
    public CaseEventInput? Event { get; init; }
}

/// <summary>Result of <c>case.transition/1</c>.</summary>
/// <param name="CaseId">The case number.</param>
/// <param name="From">The state before the event.</param>
/// <param name="To">The state after it.</param>
/// <param name="Decision">The decision kind so far.</param>
/// <param name="CloseReason">Why the case is closed, if it is.</param>
/// <param name="Due">Deadlines still running on the event's date.</param>
/// <param name="Overdue">Deadlines already missed on the event's date.</param>
/// <param name="LateSurchargeYuan">加处罚款 accrued on the event's date.</param>
/// <param name="OutstandingYuan">What remains to be paid.</param>
public sealed record CaseTransitionResult(string? CaseId, CaseState From, CaseState To, CaseDecisionKind Decision, CaseCloseReason CloseReason,
    ImmutableArray<CaseDeadline> Due, ImmutableArray<CaseDeadline> Overdue, decimal LateSurchargeYuan, decimal OutstandingYuan);

/// <summary>The rule <c>case.transition/1</c>: rebuilds a case from its history, applies the new event and returns the new state, its deadlines and the explanation, or the coded rejection.</summary>
public sealed class CaseTransitionRule : RuleDefinition<CaseTransitionInput, CaseTransitionResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc/>
    public override string Id => CaseStateMachine.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("行政处罚案件状态转换", "Administrative penalty case transition");

    /// <inheritdoc/>
    public override JsonTypeInfo<CaseTransitionInput> Input => CasesJsonContext.Default.CaseTransitionInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<CaseTransitionResult> Result => CasesJsonContext.Default.CaseTransitionResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(CaseTransitionInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<CaseTransitionResult>> Decide(CaseTransitionInput input, RuleContext context)
    {
        var machine = new CaseStateMachine(context.Law);
        var history = machine.Replay(input.History.Select(e => e.ToEvent()));
        if (!history.IsSuccess)
        {
            return RuleResult<RuleDecision<CaseTransitionResult>>.Failure(history.Errors);
        }
        var step = machine.Transition(history.Value, input.Event!.ToEvent());
        if (!step.IsSuccess)
        {
            return RuleResult<RuleDecision<CaseTransitionResult>>.Failure(step.Errors);
        }
        var s = step.Value;
        var result = new CaseTransitionResult(input.CaseId, s.From, s.To, s.Snapshot.Decision, s.Snapshot.CloseReason, s.Agenda.Due, s.Agenda.Overdue,
            s.Agenda.LateSurcharge.Yuan, s.Agenda.Outstanding.Yuan);
        return RuleResult<RuleDecision<CaseTransitionResult>>.Success(new RuleDecision<CaseTransitionResult>(result, s.Explanation));
    }

    private sealed class InputValidator : AbstractValidator<CaseTransitionInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.Event).NotNull().WithError(KernelErrors.Required);
            RuleForEach(x => x.History).SetValidator(new EventValidator());
            RuleFor(x => x.Event!).SetValidator(new EventValidator()).When(x => x.Event is not null);
        }
    }

    private sealed class EventValidator : AbstractValidator<CaseEventInput>
    {
        public EventValidator()
        {
            RuleFor(x => x.Kind).IsInEnum().WithError(CaseErrors.UnknownEvent);
            RuleFor(x => x.AmountYuan).GreaterThanOrEqualTo(0m).WithError(CaseErrors.NegativeAmount).DependentRules(() => RuleFor(x => x.AmountYuan).IsAmountInYuan());
            RuleFor(x => x.ConfiscationYuan).GreaterThanOrEqualTo(0m).WithError(CaseErrors.NegativeAmount).DependentRules(() => RuleFor(x => x.ConfiscationYuan).IsAmountInYuan());
            RuleFor(x => x.Days).GreaterThanOrEqualTo(0).WithError(CaseErrors.NegativeAmount);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(CaseTransitionInput))]
[JsonSerializable(typeof(CaseTransitionResult))]
internal sealed partial class CasesJsonContext : JsonSerializerContext
{
}
