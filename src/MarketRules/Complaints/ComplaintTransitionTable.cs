using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace MarketRules.Complaints;

/// <summary>One row of the complaint transition table, with the article that allows it under each order.</summary>
/// <param name="From">The state the complaint is in.</param>
/// <param name="Event">The event.</param>
/// <param name="To">The state it leads to.</param>
/// <param name="Order20">The rule under Order 20.</param>
/// <param name="Order121">The rule under Order 121.</param>
public sealed record ComplaintTransitionRow(ComplaintState From, ComplaintEventKind Event, ComplaintState To, Citation Order20, Citation Order121)
{
    /// <summary>The rule under <paramref name="order"/>.</summary>
    /// <param name="order">The governing order.</param>
    /// <returns>The citation.</returns>
    public Citation CitationUnder(ComplaintOrder order) => order == ComplaintOrder.Order20 ? Order20 : Order121;
}

/// <summary>
/// The transition table of a complaint: the single source of the machine, the docs table and the mermaid diagram in
/// docs/complaints.md. A (state, event) pair not in the table is rejected with <see cref="ComplaintErrors.IllegalTransition"/>.
/// </summary>
public static class ComplaintTransitionTable
{
    /// <summary>Every allowed transition.</summary>
    public static ImmutableArray<ComplaintTransitionRow> Rows { get; } = Build();

    // The rows by (state, event): every decision finds its row in one step (declared after Rows, which it reads).
    private static readonly uint States = (uint)Enum.GetValues<ComplaintState>().Max() + 1;
    private static readonly uint Events = (uint)Enum.GetValues<ComplaintEventKind>().Max() + 1;
    private static readonly ComplaintTransitionRow?[] Index = BuildIndex();

    /// <summary>The states that a complaint cannot leave except through clue-verification events.</summary>
    public static ImmutableArray<ComplaintState> Terminal { get; } = [ComplaintState.Refused, ComplaintState.Closed];

    /// <summary>The row for (<paramref name="from"/>, <paramref name="event"/>), or <see langword="null"/> when the pair is illegal.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="event">The event.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public static ComplaintTransitionRow? Find(ComplaintState from, ComplaintEventKind @event)
    {
        var (state, kind) = (unchecked((uint)from), unchecked((uint)@event)); // below zero: past every row, not an overflow
        return state < States && kind < Events ? Index[(state * Events) + kind] : null;
    }

    /// <summary>The events allowed in <paramref name="state"/>, in table order.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The events.</returns>
    public static ImmutableArray<ComplaintEventKind> AllowedEvents(ComplaintState state) => [.. Rows.Where(r => r.From == state).Select(r => r.Event)];

    /// <summary>The mermaid <c>stateDiagram-v2</c> of the table (state changes only; the clue and dispute self-loops are listed in the table), as published in docs/complaints.md.</summary>
    /// <returns>The diagram source, lines separated by '\n'.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n    [*] --> None\n");
        foreach (var row in Rows.Where(r => r.From != r.To))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {row.From} --> {row.To} : {row.Event}\n");
        }
        foreach (var state in Terminal)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {state} --> [*]\n");
        }
        return text.ToString();
    }

    /// <summary>The markdown table of the transitions with the article under each order, as published in docs/complaints.md.</summary>
    /// <returns>The table, lines separated by '\n'.</returns>
    public static string ToMarkdown()
    {
        var text = new StringBuilder("| From | Event | To | Order 20 | Order 121 |\n|---|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.From} | {row.Event} | {row.To} | {row.Order20.Article?.Chinese} | {row.Order121.Article?.Chinese} |\n");
        }
        return text.ToString();
    }

    private static ComplaintTransitionRow?[] BuildIndex()
    {
        var index = new ComplaintTransitionRow?[States * Events];
        foreach (var row in Rows)
        {
            // The first row of a pair wins, as the search through the rows did.
            index[((uint)row.From * Events) + (uint)row.Event] ??= row;
        }
        return index;
    }

    private static ImmutableArray<ComplaintTransitionRow> Build()
    {
        var rows = ImmutableArray.CreateBuilder<ComplaintTransitionRow>();
        void Add(ComplaintState from, ComplaintEventKind e, ComplaintState to, Citation order20, Citation order121) =>
            rows.Add(new ComplaintTransitionRow(from, e, to, order20, order121));

        Add(ComplaintState.None, ComplaintEventKind.Received, ComplaintState.Received, ComplaintCitations.Order20Acceptance, ComplaintCitations.Order121Acceptance);
        Add(ComplaintState.Received, ComplaintEventKind.Accepted, ComplaintState.Accepted, ComplaintCitations.Order20Acceptance, ComplaintCitations.Order121Acceptance);
        Add(ComplaintState.Received, ComplaintEventKind.Refused, ComplaintState.Refused, ComplaintCitations.Order20Refusal, ComplaintCitations.Order121Refusal);
        Add(ComplaintState.Received, ComplaintEventKind.JurisdictionDisputed, ComplaintState.Received, ComplaintCitations.Order20JurisdictionDispute, ComplaintCitations.Order121JurisdictionDispute);
        Add(ComplaintState.Received, ComplaintEventKind.JurisdictionSettled, ComplaintState.Received, ComplaintCitations.Order20JurisdictionDispute, ComplaintCitations.Order121JurisdictionDispute);

        Add(ComplaintState.Accepted, ComplaintEventKind.MediationStarted, ComplaintState.Mediating, ComplaintCitations.Order20Mediation, ComplaintCitations.Order121Mediation);
        Add(ComplaintState.Accepted, ComplaintEventKind.MediationTerminated, ComplaintState.MediationEnded, ComplaintCitations.Order20Termination, ComplaintCitations.Order121Termination);

        Add(ComplaintState.Mediating, ComplaintEventKind.TestingStarted, ComplaintState.MediationPaused, ComplaintCitations.Order20Mediation, ComplaintCitations.Order121Mediation);
        Add(ComplaintState.Mediating, ComplaintEventKind.AgreementReached, ComplaintState.Agreed, ComplaintCitations.Order20Termination, ComplaintCitations.Order121Termination);
        Add(ComplaintState.Mediating, ComplaintEventKind.MediationTerminated, ComplaintState.MediationEnded, ComplaintCitations.Order20Termination, ComplaintCitations.Order121Termination);

        Add(ComplaintState.MediationPaused, ComplaintEventKind.TestingEnded, ComplaintState.Mediating, ComplaintCitations.Order20Mediation, ComplaintCitations.Order121Mediation);
        Add(ComplaintState.MediationPaused, ComplaintEventKind.MediationTerminated, ComplaintState.MediationEnded, ComplaintCitations.Order20Termination, ComplaintCitations.Order121Termination);

        Add(ComplaintState.Agreed, ComplaintEventKind.Closed, ComplaintState.Closed, ComplaintCitations.Order20Mediation, ComplaintCitations.Order121Mediation);
        Add(ComplaintState.MediationEnded, ComplaintEventKind.TerminationNotified, ComplaintState.Closed, ComplaintCitations.Order20Termination, ComplaintCitations.Order121Termination);

        // A clue of a violation found while the complaint is handled runs on its own clock beside the complaint (Order 20 Art 23; Order 121 Art 27).
        foreach (var state in new[] { ComplaintState.Accepted, ComplaintState.Mediating, ComplaintState.MediationPaused, ComplaintState.Agreed, ComplaintState.MediationEnded, ComplaintState.Closed })
        {
            Add(state, ComplaintEventKind.ClueFound, state, ComplaintCitations.Order20ClueVerification, ComplaintCitations.Order121ClueVerification);
            Add(state, ComplaintEventKind.ClueVerificationExtended, state, ComplaintCitations.Order20ClueVerification, ComplaintCitations.Order121ClueVerification);
            Add(state, ComplaintEventKind.ClueResolved, state, ComplaintCitations.Order20ClueVerification, ComplaintCitations.Order121ClueVerification);
        }
        return rows.ToImmutable();
    }
}
