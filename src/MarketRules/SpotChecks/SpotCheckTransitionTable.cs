using System.Collections.Immutable;

namespace MarketRules.SpotChecks;

/// <summary>One legal transition of a lot: in <paramref name="From"/>, <paramref name="Event"/> leads to <paramref name="To"/> under <paramref name="Citation"/>.</summary>
/// <param name="From">The state before.</param>
/// <param name="Event">The event.</param>
/// <param name="To">The state after.</param>
/// <param name="Citation">The rule that allows it.</param>
public sealed record SpotCheckTransitionRow(SpotCheckState From, SpotCheckEventKind Event, SpotCheckState To, Citation Citation);

/// <summary>
/// Every legal transition of a lot's journey, and nothing else: the state machine rejects any (state, event) pair not
/// listed, so no state can be skipped.
/// </summary>
public static class SpotCheckTransitionTable
{
    /// <summary>The rows, in the order of the journey.</summary>
    public static ImmutableArray<SpotCheckTransitionRow> Rows { get; } = Build();

    // The rows by (state, event): every decision finds its row in one step (declared after Rows, which it reads).
    private static readonly uint States = (uint)Enum.GetValues<SpotCheckState>().Max() + 1;
    private static readonly uint Events = (uint)Enum.GetValues<SpotCheckEventKind>().Max() + 1;
    private static readonly SpotCheckTransitionRow?[] Index = BuildIndex();

    /// <summary>The row for a state and an event, or <see langword="null"/> when the event is not allowed in that state.</summary>
    /// <param name="from">The state.</param>
    /// <param name="event">The event.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public static SpotCheckTransitionRow? Find(SpotCheckState from, SpotCheckEventKind @event)
    {
        var (state, kind) = (unchecked((uint)from), unchecked((uint)@event)); // below zero: past every row, not an overflow
        return state < States && kind < Events ? Index[(state * Events) + kind] : null;
    }

    /// <summary>The events allowed in a state.</summary>
    /// <param name="from">The state.</param>
    /// <returns>The events, in table order.</returns>
    public static ImmutableArray<SpotCheckEventKind> AllowedEvents(SpotCheckState from) => [.. Rows.Where(r => r.From == from).Select(r => r.Event)];

    private static SpotCheckTransitionRow?[] BuildIndex()
    {
        var index = new SpotCheckTransitionRow?[States * Events];
        foreach (var row in Rows)
        {
            // The first row of a pair wins, as the search through the rows did.
            index[((uint)row.From * Events) + (uint)row.Event] ??= row;
        }
        return index;
    }

    private static ImmutableArray<SpotCheckTransitionRow> Build()
    {
        var pql15 = SpotCheckCitations.ProductQualityLawArticle15;
        var rows = ImmutableArray.CreateBuilder<SpotCheckTransitionRow>();
        void Add(SpotCheckState from, SpotCheckEventKind e, SpotCheckState to, Citation citation) => rows.Add(new(from, e, to, citation));
        Add(SpotCheckState.None, SpotCheckEventKind.Planned, SpotCheckState.Planned, pql15);
        Add(SpotCheckState.Planned, SpotCheckEventKind.Sampled, SpotCheckState.Sampled, pql15);
        Add(SpotCheckState.Sampled, SpotCheckEventKind.TestedConforming, SpotCheckState.Closed, SpotCheckCitations.Publication);
        Add(SpotCheckState.Sampled, SpotCheckEventKind.TestedNonConforming, SpotCheckState.NonConforming, SpotCheckCitations.StopSale);
        Add(SpotCheckState.NonConforming, SpotCheckEventKind.ResultReceived, SpotCheckState.Notified, SpotCheckCitations.RetestWindow);
        Add(SpotCheckState.Notified, SpotCheckEventKind.RetestRequested, SpotCheckState.RetestRequested, SpotCheckCitations.RetestWindow);
        Add(SpotCheckState.RetestRequested, SpotCheckEventKind.RetestUpheld, SpotCheckState.Confirmed, SpotCheckCitations.RetestOutcome);
        Add(SpotCheckState.RetestRequested, SpotCheckEventKind.RetestOverturned, SpotCheckState.Closed, SpotCheckCitations.RetestOutcome);
        Add(SpotCheckState.Notified, SpotCheckEventKind.RectificationOrdered, SpotCheckState.RectificationOrdered, SpotCheckCitations.Rectification);
        Add(SpotCheckState.Confirmed, SpotCheckEventKind.RectificationOrdered, SpotCheckState.RectificationOrdered, SpotCheckCitations.Rectification);
        Add(SpotCheckState.RectificationOrdered, SpotCheckEventKind.ReviewPassed, SpotCheckState.Closed, SpotCheckCitations.FirstReview);
        Add(SpotCheckState.RectificationOrdered, SpotCheckEventKind.ReviewFailed, SpotCheckState.ReviewFailed, SpotCheckCitations.FirstReview);
        Add(SpotCheckState.ReviewFailed, SpotCheckEventKind.Announced, SpotCheckState.Announced, SpotCheckCitations.Escalation);
        Add(SpotCheckState.Announced, SpotCheckEventKind.SecondReviewPassed, SpotCheckState.Closed, SpotCheckCitations.SecondReview);
        Add(SpotCheckState.Announced, SpotCheckEventKind.SecondReviewFailed, SpotCheckState.Reorganisation, SpotCheckCitations.SecondReview);
        Add(SpotCheckState.Reorganisation, SpotCheckEventKind.ReorganisationReviewPassed, SpotCheckState.Closed, SpotCheckCitations.Escalation);
        Add(SpotCheckState.Reorganisation, SpotCheckEventKind.ReorganisationReviewFailed, SpotCheckState.Closed, SpotCheckCitations.Escalation);
        // Stopping sales is a fact, not a stage: it may be recorded once in any state from the non-conforming result until the lot is closed.
        foreach (var state in (ReadOnlySpan<SpotCheckState>)[SpotCheckState.NonConforming, SpotCheckState.Notified, SpotCheckState.RetestRequested, SpotCheckState.Confirmed, SpotCheckState.RectificationOrdered,
            SpotCheckState.ReviewFailed, SpotCheckState.Announced, SpotCheckState.Reorganisation])
        {
            Add(state, SpotCheckEventKind.SaleStopped, state, SpotCheckCitations.StopSale);
        }
        return rows.ToImmutable();
    }
}
