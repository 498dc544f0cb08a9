using MarketRules.Cases;
using RulesEngine.Models;

namespace MarketRules.Benchmarks.Baselines;

/// <summary>
/// The penalty case's transition decision as Microsoft RulesEngine workflows: which event is allowed from a state (one
/// rule per row of <see cref="CaseTransitionTable"/>, the state it leads to in the rule's name) and which deadline
/// governs the state reached (one rule per deadline, over the state). Stated once here for every benchmark that
/// compares cases against RulesEngine.
/// </summary>
/// <remarks>
/// The workflows decide less than <see cref="CaseStateMachine"/>: no guards (limitation, nothing to pay), no dates
/// (RulesEngine has no statutory calendar; a caller would count the period itself) and no explanation. The comparison
/// therefore favours RulesEngine.
/// </remarks>
public static class CaseRulesEngineWorkflow
{
    /// <summary>The transition workflow's name; its facts are passed as <see cref="TransitionParameter"/>.</summary>
    public const string Transition = "case-transition";

    /// <summary>The deadline workflow's name; its facts are passed as <see cref="DeadlineParameter"/>.</summary>
    public const string Deadline = "case-deadline";

    /// <summary>The name of the (state, event) facts in the transition rules: <c>t.From</c>, <c>t.Event</c>.</summary>
    public const string TransitionParameter = "t";

    /// <summary>The name of the state facts in the deadline rules: <c>d.State</c>, <c>d.PaymentDue</c>.</summary>
    public const string DeadlineParameter = "d";

    // Which deadline governs each state (CaseController.Deadlines): the decision period in the investigation unless the
    // state has a shorter period of its own or its clock stands still.
    private static readonly (CaseDeadlineKind Kind, string Expression)[] Governing =
    [
        (CaseDeadlineKind.LeadVerification, Any(CaseState.UnderVerification, CaseState.VerificationPaused)),
        (CaseDeadlineKind.Decision, Any(CaseState.Investigation, CaseState.InvestigationConcluded, CaseState.LegalReviewCompleted, CaseState.HearingHeld, CaseState.CollectiveDiscussed)),
        (CaseDeadlineKind.LegalReview, Any(CaseState.LegalReview)),
        (CaseDeadlineKind.StatementAndDefence, Any(CaseState.Notified)),
        (CaseDeadlineKind.Hearing, Any(CaseState.HearingScheduled)),
        (CaseDeadlineKind.Service, Any(CaseState.Decided)),
        (CaseDeadlineKind.Payment, $"({Any(CaseState.Execution, CaseState.SummaryDecided)}) && d.PaymentDue"),
        (CaseDeadlineKind.TransferApproval, Any(CaseState.TransferPendingApproval)),
        (CaseDeadlineKind.TransferDelivery, Any(CaseState.TransferApproved)),
        (CaseDeadlineKind.PoliceDecision, Any(CaseState.AwaitingPoliceDecision)),
        (CaseDeadlineKind.ReconsiderationRequest, Any(CaseState.PoliceDeclined)),
        (CaseDeadlineKind.ReconsiderationDecision, Any(CaseState.AwaitingReconsideration)),
        (CaseDeadlineKind.FilesHandOver, Any(CaseState.PoliceAccepted)),
    ];

    // A rule per row, and for a row with an alternative (closed when the limitation expired, executed when paid in full)
    // a second one: the caller states whether the row's guard holds (RulesEngine has neither the calendar nor the ledger).
    private static readonly (CaseState To, string Expression)[] Rows =
    [
        .. CaseTransitionTable.Rows.SelectMany(r => r.Alternative == CaseState.None
            ? new[] { (r.To, $"t.From == {(int)r.From} && t.Event == {(int)r.Event}") }
            : [(r.To, $"t.From == {(int)r.From} && t.Event == {(int)r.Event} && !t.Guard"), (r.Alternative, $"t.From == {(int)r.From} && t.Event == {(int)r.Event} && t.Guard")]),
    ];

    /// <summary>The state each transition rule leads to, by the rule's index (its name is <c>row-</c> and the index).</summary>
    public static IReadOnlyList<CaseState> Targets { get; } = [.. Rows.Select(r => r.To)];

    /// <summary>The deadline each deadline rule names, by the rule's index (its name is <c>deadline-</c> and the index).</summary>
    public static IReadOnlyList<CaseDeadlineKind> Deadlines { get; } = [.. Governing.Select(g => g.Kind)];

    /// <summary>A RulesEngine holding both workflows.</summary>
    /// <returns>The engine.</returns>
    public static global::RulesEngine.RulesEngine Create() => new(
    [
        new Workflow
        {
            WorkflowName = Transition,
            Rules = [.. Rows.Select((r, n) => Rule("row-" + n, r.Expression))],
        },
        new Workflow
        {
            WorkflowName = Deadline,
            Rules = [.. Governing.Select((g, n) => Rule("deadline-" + n, g.Expression))],
        },
    ], new ReSettings());

    private static Rule Rule(string name, string expression) =>
        new() { RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = expression };

    private static string Any(params CaseState[] states) => string.Join(" || ", states.Select(s => $"d.State == {(int)s}"));
}

/// <summary>The (state, event) pair RulesEngine's transition rules read.</summary>
public sealed class CaseTransitionFacts
{
    /// <summary>The state the case is in, as its number.</summary>
    public int From { get; init; }

    /// <summary>The event, as its number.</summary>
    public int Event { get; init; }

    /// <summary>Whether the guard of the row holds, so the alternative state applies (e.g. the fine is paid in full).</summary>
    public bool Guard { get; init; }
}

/// <summary>The state RulesEngine's deadline rules read.</summary>
public sealed class CaseDeadlineFacts
{
    /// <summary>The state reached, as its number.</summary>
    public int State { get; init; }

    /// <summary>Whether a payment due date is set (the decision was served with something to pay).</summary>
    public bool PaymentDue { get; init; }
}
