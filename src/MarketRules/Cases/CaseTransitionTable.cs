using System.Collections.Immutable;
using System.Globalization;
using MarketRules.Utility;

namespace MarketRules.Cases;

/// <summary>One row of the transition table: from a state, an event leads to a state (or, when a guard says so, to the alternative).</summary>
/// <param name="From">The state the case is in.</param>
/// <param name="Event">The event.</param>
/// <param name="To">The state the event normally leads to.</param>
/// <param name="Alternative">The state a guard may send the case to instead (e.g. closed when the limitation expired), or <see cref="CaseState.None"/>.</param>
/// <param name="AlternativeWhen">When the alternative applies, in English, for the docs.</param>
/// <param name="Citation">The rule that allows the transition.</param>
public sealed record CaseTransitionRow(CaseState From, CaseEventKind Event, CaseState To, CaseState Alternative, string? AlternativeWhen, Citation Citation);

/// <summary>
/// The transition table of the penalty case: the single source of the machine, the docs table and the mermaid diagram.
/// A (state, event) pair that is not in the table is rejected with <see cref="CaseErrors.IllegalTransition"/>.
/// </summary>
public static class CaseTransitionTable
{
    /// <summary>Every allowed transition, grouped by the state it leaves.</summary>
    public static ImmutableArray<CaseTransitionRow> Rows { get; } = Build();

    private static readonly int[] Index = BuildIndex();

    /// <summary>The number of states.</summary>
    internal static int StateCount { get; } = Enum.GetValues<CaseState>().Length;

    /// <summary>The number of events.</summary>
    internal static int EventCount { get; } = Enum.GetValues<CaseEventKind>().Length;

    /// <summary>The row for (<paramref name="from"/>, <paramref name="event"/>), or <see langword="null"/> when the pair is illegal.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="event">The event.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public static CaseTransitionRow? Find(CaseState from, CaseEventKind @event)
    {
        var i = IndexOf(from, @event);
        return i < 0 ? null : Rows[i];
    }

    /// <summary>The events allowed in <paramref name="state"/>, in table order.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The events.</returns>
    public static ImmutableArray<CaseEventKind> AllowedEvents(CaseState state) => [.. Rows.Where(r => r.From == state).Select(r => r.Event)];

    internal static int IndexOf(CaseState from, CaseEventKind @event)
    {
        // One unsigned comparison per bound turns a negative value away too; unchecked, as the build checks overflow and
        // would throw on a negative value instead of finding no row.
        var s = unchecked((uint)(int)from);
        var e = unchecked((uint)(int)@event);
        return s < (uint)StateCount && e < (uint)EventCount ? Index[((int)s * EventCount) + (int)e] : -1;
    }

    /// <summary>The mermaid <c>stateDiagram-v2</c> of the table, as published in docs/cases.md.</summary>
    /// <returns>The diagram source, lines separated by '\n'.</returns>
    public static string ToMermaid()
    {
        // Lines gathered in a list, not a StringBuilder: Stryker takes StringBuilder.Append for LINQ's Append and its
        // Prepend mutant does not compile, which dropped the method's mutants.
        List<string> lines = ["stateDiagram-v2\n", "    [*] --> None\n"];
        foreach (var row in Rows)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {row.From} --> {row.To} : {row.Event}\n"));
            if (row.Alternative != CaseState.None)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {row.From} --> {row.Alternative} : {row.Event} ({row.AlternativeWhen})\n"));
            }
        }
        lines.Add("    NotOpened --> [*]\n");
        lines.Add("    Closed --> [*]\n");
        return string.Concat(lines);
    }

    /// <summary>The markdown table of the transitions, as published in docs/cases.md.</summary>
    /// <returns>The table, lines separated by '\n'.</returns>
    public static string ToMarkdown()
    {
        // A list of lines, not a StringBuilder (see ToMermaid).
        List<string> lines = ["| From | Event | To | Otherwise | Rule |\n|---|---|---|---|---|\n"];
        foreach (var row in Rows)
        {
            var otherwise = row.Alternative == CaseState.None ? "" : $"{row.Alternative} ({row.AlternativeWhen})";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {row.From} | {row.Event} | {row.To} | {otherwise} | {row.Citation} |\n"));
        }
        return string.Concat(lines);
    }

    private static ImmutableArray<CaseTransitionRow> Build()
    {
        var rows = ImmutableArray.CreateBuilder<CaseTransitionRow>();
        void Add(CaseState from, CaseEventKind e, CaseState to, Citation citation, CaseState alternative = CaseState.None, string? when = null) =>
            rows.Add(new CaseTransitionRow(from, e, to, alternative, when, citation));
        void Extend(CaseState state) => Add(state, CaseEventKind.DecisionPeriodExtended, state, CaseCitations.DecisionExtension);
        void Decide(CaseState from, bool penalty)
        {
            if (penalty)
            {
                Add(from, CaseEventKind.PenaltyDecided, CaseState.Decided, CaseCitations.Decision, CaseState.Closed, "act not discovered within the limitation period");
            }
            Add(from, CaseEventKind.NoPenaltyDecided, CaseState.Decided, CaseCitations.Decision);
            Add(from, CaseEventKind.TransferToPoliceDecided, CaseState.TransferPendingApproval, CaseCitations.Transfer);
            Add(from, CaseEventKind.TransferToAgencyDecided, CaseState.TransferredToAgency, CaseCitations.Decision);
        }

        Add(CaseState.None, CaseEventKind.LeadReceived, CaseState.UnderVerification, CaseCitations.LeadVerification);
        Add(CaseState.None, CaseEventKind.SummaryPenaltyImposed, CaseState.SummaryDecided, CaseCitations.Summary);

        Add(CaseState.UnderVerification, CaseEventKind.VerificationExtended, CaseState.UnderVerification, CaseCitations.LeadVerification);
        Add(CaseState.UnderVerification, CaseEventKind.CaseOpened, CaseState.Investigation, CaseCitations.Opening, CaseState.NotOpened, "act not discovered within the limitation period");
        Add(CaseState.UnderVerification, CaseEventKind.CaseNotOpened, CaseState.NotOpened, CaseCitations.Opening);
        Add(CaseState.UnderVerification, CaseEventKind.VerificationPaused, CaseState.VerificationPaused, CaseCitations.LeadVerification);

        // While testing and the like run, the head may still extend (the pause goes on), open or decline (ending it that day).
        Add(CaseState.VerificationPaused, CaseEventKind.VerificationResumed, CaseState.UnderVerification, CaseCitations.LeadVerification);
        Add(CaseState.VerificationPaused, CaseEventKind.VerificationExtended, CaseState.VerificationPaused, CaseCitations.LeadVerification);
        Add(CaseState.VerificationPaused, CaseEventKind.CaseOpened, CaseState.Investigation, CaseCitations.Opening, CaseState.NotOpened, "act not discovered within the limitation period");
        Add(CaseState.VerificationPaused, CaseEventKind.CaseNotOpened, CaseState.NotOpened, CaseCitations.Opening);

        Add(CaseState.Investigation, CaseEventKind.InvestigationSuspended, CaseState.Suspended, CaseCitations.DecisionExtension);
        Add(CaseState.Investigation, CaseEventKind.InvestigationEnded, CaseState.Closed, CaseCitations.ProcedureFromMemory);
        Add(CaseState.Investigation, CaseEventKind.CaseCancelled, CaseState.Closed, CaseCitations.ProcedureFromMemory);
        Add(CaseState.Investigation, CaseEventKind.InvestigationConcluded, CaseState.InvestigationConcluded, CaseCitations.ProcedureFromMemory);
        Extend(CaseState.Investigation);
        Add(CaseState.Investigation, CaseEventKind.TransferToPoliceDecided, CaseState.TransferPendingApproval, CaseCitations.Transfer);
        Add(CaseState.Investigation, CaseEventKind.TransferToAgencyDecided, CaseState.TransferredToAgency, CaseCitations.Decision);

        Add(CaseState.Suspended, CaseEventKind.InvestigationResumed, CaseState.Investigation, CaseCitations.DecisionExtension);
        Add(CaseState.Suspended, CaseEventKind.InvestigationEnded, CaseState.Closed, CaseCitations.ProcedureFromMemory);
        Add(CaseState.Suspended, CaseEventKind.CaseCancelled, CaseState.Closed, CaseCitations.ProcedureFromMemory);

        Add(CaseState.InvestigationConcluded, CaseEventKind.LegalReviewStarted, CaseState.LegalReview, CaseCitations.Decision);
        Add(CaseState.InvestigationConcluded, CaseEventKind.NoticeServed, CaseState.Notified, CaseCitations.Notice);
        Add(CaseState.InvestigationConcluded, CaseEventKind.CaseCancelled, CaseState.Closed, CaseCitations.ProcedureFromMemory);
        Extend(CaseState.InvestigationConcluded);
        Decide(CaseState.InvestigationConcluded, penalty: false);

        Add(CaseState.LegalReview, CaseEventKind.LegalReviewCompleted, CaseState.LegalReviewCompleted, CaseCitations.LegalReviewPeriod);
        Extend(CaseState.LegalReview);

        Add(CaseState.LegalReviewCompleted, CaseEventKind.NoticeServed, CaseState.Notified, CaseCitations.Notice);
        Add(CaseState.LegalReviewCompleted, CaseEventKind.CaseCancelled, CaseState.Closed, CaseCitations.ProcedureFromMemory);
        Extend(CaseState.LegalReviewCompleted);
        Decide(CaseState.LegalReviewCompleted, penalty: false);

        Add(CaseState.Notified, CaseEventKind.NoticeServed, CaseState.Notified, CaseCitations.Notice);
        Add(CaseState.Notified, CaseEventKind.RightsWaived, CaseState.Notified, CaseCitations.Notice);
        Add(CaseState.Notified, CaseEventKind.HearingRequested, CaseState.HearingRequested, CaseCitations.Hearing);
        Add(CaseState.Notified, CaseEventKind.CollectiveDiscussionHeld, CaseState.CollectiveDiscussed, CaseCitations.Decision);
        Extend(CaseState.Notified);
        Decide(CaseState.Notified, penalty: true);

        Add(CaseState.HearingRequested, CaseEventKind.HearingNoticeServed, CaseState.HearingScheduled, CaseCitations.Hearing);
        Extend(CaseState.HearingRequested);

        Add(CaseState.HearingScheduled, CaseEventKind.HearingHeld, CaseState.HearingHeld, CaseCitations.Hearing);
        Extend(CaseState.HearingScheduled);

        Add(CaseState.HearingHeld, CaseEventKind.CollectiveDiscussionHeld, CaseState.CollectiveDiscussed, CaseCitations.Decision);
        Extend(CaseState.HearingHeld);
        Decide(CaseState.HearingHeld, penalty: true);

        Extend(CaseState.CollectiveDiscussed);
        Decide(CaseState.CollectiveDiscussed, penalty: true);

        Add(CaseState.Decided, CaseEventKind.DecisionServed, CaseState.Execution, CaseCitations.Service, CaseState.Executed, "nothing to pay");
        Add(CaseState.Decided, CaseEventKind.DecisionPublished, CaseState.Decided, CaseCitations.Publication);

        Add(CaseState.Execution, CaseEventKind.PaymentReceived, CaseState.Execution, CaseCitations.Payment, CaseState.Executed, "paid in full");
        Add(CaseState.Execution, CaseEventKind.PaymentDeferred, CaseState.Execution, CaseCitations.Payment);
        Add(CaseState.Execution, CaseEventKind.EnforcementDemanded, CaseState.Execution, CaseCitations.Enforcement);
        Add(CaseState.Execution, CaseEventKind.EnforcementApplied, CaseState.EnforcementApplied, CaseCitations.Enforcement);
        Add(CaseState.Execution, CaseEventKind.DecisionPublished, CaseState.Execution, CaseCitations.Publication);

        Add(CaseState.EnforcementApplied, CaseEventKind.PaymentReceived, CaseState.EnforcementApplied, CaseCitations.Payment, CaseState.Executed, "paid in full");
        Add(CaseState.EnforcementApplied, CaseEventKind.DecisionPublished, CaseState.EnforcementApplied, CaseCitations.Publication);
        Add(CaseState.EnforcementApplied, CaseEventKind.CaseClosed, CaseState.Closed, CaseCitations.ProcedureFromMemory);

        Add(CaseState.Executed, CaseEventKind.DecisionPublished, CaseState.Executed, CaseCitations.Publication);
        Add(CaseState.Executed, CaseEventKind.CaseClosed, CaseState.Closed, CaseCitations.ProcedureFromMemory);

        Add(CaseState.TransferPendingApproval, CaseEventKind.TransferApproved, CaseState.TransferApproved, CaseCitations.Transfer);
        Add(CaseState.TransferPendingApproval, CaseEventKind.TransferRefused, CaseState.Investigation, CaseCitations.Transfer);
        Add(CaseState.TransferApproved, CaseEventKind.CaseTransferred, CaseState.AwaitingPoliceDecision, CaseCitations.Transfer);
        Add(CaseState.AwaitingPoliceDecision, CaseEventKind.PoliceAccepted, CaseState.PoliceAccepted, CaseCitations.Transfer);
        Add(CaseState.AwaitingPoliceDecision, CaseEventKind.PoliceDeclined, CaseState.PoliceDeclined, CaseCitations.Transfer);
        Add(CaseState.PoliceDeclined, CaseEventKind.ReconsiderationRequested, CaseState.AwaitingReconsideration, CaseCitations.Transfer);
        Add(CaseState.PoliceDeclined, CaseEventKind.AdministrativeProceedingsResumed, CaseState.Investigation, CaseCitations.Transfer);
        Add(CaseState.AwaitingReconsideration, CaseEventKind.PoliceAccepted, CaseState.PoliceAccepted, CaseCitations.Transfer);
        Add(CaseState.AwaitingReconsideration, CaseEventKind.PoliceDeclined, CaseState.PoliceDeclined, CaseCitations.Transfer);
        Add(CaseState.PoliceAccepted, CaseEventKind.FilesHandedOver, CaseState.Closed, CaseCitations.Transfer);

        Add(CaseState.TransferredToAgency, CaseEventKind.CaseClosed, CaseState.Closed, CaseCitations.ProcedureFromMemory);

        Add(CaseState.SummaryDecided, CaseEventKind.PaymentReceived, CaseState.SummaryDecided, CaseCitations.Payment, CaseState.Executed, "paid in full");
        Add(CaseState.SummaryDecided, CaseEventKind.CaseClosed, CaseState.Closed, CaseCitations.Summary);
        return rows.ToImmutable();
    }

    private static int[] BuildIndex()
    {
        var states = Enum.GetValues<CaseState>().Length;
        var events = Enum.GetValues<CaseEventKind>().Length;
        var index = new int[states * events];
        Array.Fill(index, -1);
        for (var i = 0; i < Rows.Length; i++)
        {
            var slot = ((int)Rows[i].From * events) + (int)Rows[i].Event;
            Preconditions.DebugCheckState(index[slot] < 0, "one row per (state, event)");
            index[slot] = i;
        }
        return index;
    }
}
