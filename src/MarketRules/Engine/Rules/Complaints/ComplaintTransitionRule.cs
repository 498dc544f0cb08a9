using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Complaints;

namespace MarketRules.Engine.Rules.Complaints;

/// <summary>One complaint event as JSON callers send it.</summary>
public sealed record ComplaintEventInput
{
    /// <summary>What happened. Required: left out, it would read as the first kind, a complaint received.</summary>
    public required ComplaintEventKind Kind { get; init; }

    /// <summary>When it happened.</summary>
    public Instant At { get; init; }

    /// <summary>Who recorded it.</summary>
    public string? Actor { get; init; }

    /// <summary>For <c>received</c>: the day the complainant knew or should have known of the harm.</summary>
    public LocalDate? HarmKnownOn { get; init; }

    /// <summary>For <c>refused</c>: every ground that applies.</summary>
    public ImmutableArray<ComplaintRefusalGround> RefusalGrounds { get => refusalGrounds; init => refusalGrounds = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<ComplaintRefusalGround> refusalGrounds = [];

    /// <summary>For <c>mediation-started</c>: both parties consented.</summary>
    public bool BothPartiesConsent { get; init; }

    /// <summary>For <c>testing-started</c>: what pauses the limit.</summary>
    public MediationPause Pause { get; init; }

    /// <summary>For <c>mediation-terminated</c>: the ground.</summary>
    public MediationEndGround EndGround { get; init; }

    /// <summary>For <c>clue-verification-extended</c>: the head approved it.</summary>
    public bool HeadApproved { get; init; }

    /// <summary>For <c>clue-resolved</c>: a penalty case was opened.</summary>
    public bool CaseOpened { get; init; }

    internal ComplaintEvent ToEvent() => new(Kind, At)
    {
        Actor = Actor, HarmKnownOn = HarmKnownOn, RefusalGrounds = RefusalGrounds, BothPartiesConsent = BothPartiesConsent, Pause = Pause,
        EndGround = EndGround, HeadApproved = HeadApproved, CaseOpened = CaseOpened,
    };
}

/// <summary>Input of <c>complaint.transition/1</c>: the complaint's events so far and the new event.</summary>
public sealed record ComplaintTransitionInput
{
    /// <summary>The bureau's complaint number (echoed).</summary>
    public string? ComplaintId { get; init; }

    /// <summary>The accepted events so far, oldest first.</summary>
    public ImmutableArray<ComplaintEventInput> History { get => history; init => history = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<ComplaintEventInput> history = [];

    /// <summary>The new event.</summary>
    public ComplaintEventInput? Event { get; init; }
}

/// <summary>A deadline as <c>complaint.transition/1</c> reports it.</summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="From">The day it counts from.</param>
/// <param name="LastDay">The last day.</param>
/// <param name="ExpiresAt">The instant it runs out.</param>
/// <param name="Overdue">Run out on the event's day.</param>
/// <param name="Paused">Paused on the event's day.</param>
/// <param name="ExcludedDays">Days not counted.</param>
public sealed record ComplaintDeadlineOutput(ComplaintDeadlineKind Kind, LocalDate From, LocalDate LastDay, Instant ExpiresAt, bool Overdue, bool Paused, int ExcludedDays);

/// <summary>Result of <c>complaint.transition/1</c>.</summary>
/// <param name="ComplaintId">The complaint number.</param>
/// <param name="Order">The governing order.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="RefusalGrounds">The refusal grounds, when refused.</param>
/// <param name="EndGround">The termination ground, when terminated.</param>
/// <param name="Deadlines">The deadlines running on the event's day.</param>
/// <param name="Met">Deadlines met so far.</param>
/// <param name="Missed">Deadlines missed so far.</param>
public sealed record ComplaintTransitionResult(string? ComplaintId, ComplaintOrder Order, ComplaintState From, ComplaintState To,
    ImmutableArray<ComplaintRefusalGround> RefusalGrounds, MediationEndGround EndGround, ImmutableArray<ComplaintDeadlineOutput> Deadlines,
    ImmutableArray<ComplaintDeadlineKind> Met, ImmutableArray<ComplaintDeadlineKind> Missed);

/// <summary>The rule <c>complaint.transition/1</c>: rebuilds a complaint from its history, applies the new event and returns the new state, the governing order, its deadlines and the explanation, or the coded rejection.</summary>
public sealed class ComplaintTransitionRule : RuleDefinition<ComplaintTransitionInput, ComplaintTransitionResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc/>
    public override string Id => ComplaintStateMachine.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("投诉处理状态转换", "Consumer complaint transition");

    /// <inheritdoc/>
    public override JsonTypeInfo<ComplaintTransitionInput> Input => ComplaintsJsonContext.Strict.ComplaintTransitionInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<ComplaintTransitionResult> Result => ComplaintsJsonContext.Strict.ComplaintTransitionResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(ComplaintTransitionInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<ComplaintTransitionResult>> Decide(ComplaintTransitionInput input, RuleContext context)
    {
        var machine = new ComplaintStateMachine(context.Law);
        var history = machine.Replay(input.History.Select(e => e.ToEvent()));
        if (!history.IsSuccess)
        {
            return RuleResult<RuleDecision<ComplaintTransitionResult>>.Failure(history.Errors);
        }
        var step = machine.Transition(history.Value!, input.Event!.ToEvent());
        if (!step.IsSuccess)
        {
            return RuleResult<RuleDecision<ComplaintTransitionResult>>.Failure(step.Errors);
        }
        var s = step.Value!;
        var result = new ComplaintTransitionResult(input.ComplaintId, s.Snapshot.Order, s.From, s.To, s.Snapshot.RefusalGrounds, s.Snapshot.EndGround,
            [.. s.Deadlines.Select(d => new ComplaintDeadlineOutput(d.Kind, d.From, d.LastDay, d.ExpiresAt, d.Overdue, d.Paused, d.ExcludedDays))],
            s.Snapshot.Met, s.Snapshot.Missed);
        return RuleResult<RuleDecision<ComplaintTransitionResult>>.Success(new RuleDecision<ComplaintTransitionResult>(result, s.Explanation));
    }

    private sealed class InputValidator : AbstractValidator<ComplaintTransitionInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.Event).NotNull().WithError(KernelErrors.Required);
            RuleForEach(x => x.History).SetValidator(new EventValidator());
            RuleFor(x => x.Event!).SetValidator(new EventValidator()).When(x => x.Event is not null);
        }
    }

    private sealed class EventValidator : AbstractValidator<ComplaintEventInput>
    {
        public EventValidator()
        {
            RuleFor(x => x.At).NotEqual(default(Instant)).WithError(KernelErrors.Required);
        }
    }
}
