using CsCheck;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

public partial class SpotCheckStateMachineTests
{
    private static readonly SpotCheckEventKind[] Kinds = [.. Enum.GetValues<SpotCheckEventKind>().Where(k => k != SpotCheckEventKind.None)];

    // The journey's order: a state never goes back to an earlier stage (stopping sales stays in place).
    private static int Stage(SpotCheckState state) => state switch
    {
        SpotCheckState.None => 0,
        SpotCheckState.Planned => 1,
        SpotCheckState.Sampled => 2,
        SpotCheckState.NonConforming => 3,
        SpotCheckState.Notified => 4,
        SpotCheckState.RetestRequested => 5,
        SpotCheckState.Confirmed => 6,
        SpotCheckState.RectificationOrdered => 7,
        SpotCheckState.ReviewFailed => 8,
        SpotCheckState.Announced => 9,
        SpotCheckState.Reorganisation => 10,
        _ => 11,
    };

    // A random walk from nothing: each step picks, four times in five, an event the table allows now, otherwise any
    // event; days advance by 0–100 so guards (windows, ends of periods) both pass and fail.
    private static readonly Gen<(bool Food, int Start, (int Pick, int Gap, int Until)[] Steps)> Walks =
        Gen.Select(Gen.Bool, Gen.Int[0, 900], Gen.Select(Gen.Int[0, (Kinds.Length * 5) - 1], Gen.Int[0, 100], Gen.Int[1, 120]).Array[1, 40]);

    [Fact]
    public void Walk_EveryAcceptedEvent_IsATableRow_NoStateIsSkipped()
    {
        Walks.Sample(walk =>
        {
            var lot = SpotCheckLot.New(walk.Food ? Food : Goods);
            var day = new LocalDate(2020, 3, 2).PlusDays(walk.Start);
            foreach (var (pick, gap, until) in walk.Steps)
            {
                var allowed = SpotCheckTransitionTable.AllowedEvents(lot.State);
                var kind = pick < Kinds.Length * 4 && allowed.Length > 0 ? allowed[pick % allowed.Length] : Kinds[pick % Kinds.Length];
                day = day.PlusDays(gap);
                RuleResult<SpotCheckLot> result;
                try
                {
                    result = Machine.Apply(lot, new SpotCheckEvent(kind, day) { Until = day.PlusDays(until) });
                }
                catch (CalendarOutOfRangeException outside) when (outside.Date.Year > outside.LastYear)
                {
                    // Up to 40 steps of 100 days run past the years the statutory calendar knows; a deadline there cannot
                    // be counted and the typed Apply says so by throwing MR.Calendar.OutOfRange, as documented. The walk ends.
                    break;
                }
                var row = SpotCheckTransitionTable.Find(lot.State, kind);
                if (row is null)
                {
                    Assert.False(result.IsSuccess);
                    Assert.Equal("MR.SpotChecks.IllegalTransition", result.Errors[0].Code);
                    continue;
                }
                if (!result.IsSuccess)
                {
                    continue;
                }
                Assert.Equal(row.To, result.Value.State);
                Assert.True(Stage(row.To) >= Stage(lot.State), $"{lot.State} -> {row.To}");
                Assert.Equal(lot.EventCount + 1, result.Value.EventCount);
                lot = result.Value;
            }
        }, iter: 300);
    }

    [Fact]
    public void FullChain_DeadlinesAreOrdered_AndEveryStageIsVisited()
    {
        // The longest journey with random gaps, each event inside its window: re-test window ≥ receipt, rectification
        // ≤ review, second review opens after the announcement and closes after it opens, all in event order.
        Gen.Select(Gen.Bool, Gen.Int[0, 1500], Gen.Int[0, 14].Array[8]).Sample(t =>
        {
            var (food, start, gaps) = t;
            var day = new LocalDate(2020, 1, 6).PlusDays(start);
            var lot = SpotCheckLot.New(food ? Food : Goods);
            var visited = new List<SpotCheckState> { lot.State };
            SpotCheckLot Step(SpotCheckEventKind kind, LocalDate on, LocalDate? until = null)
            {
                var next = Machine.Apply(lot, new SpotCheckEvent(kind, on) { Until = until }).GetValueOrThrow();
                visited.Add(next.State);
                return next;
            }
            lot = Step(SpotCheckEventKind.Planned, day);
            lot = Step(SpotCheckEventKind.Sampled, day = day.PlusDays(gaps[0]));
            lot = Step(SpotCheckEventKind.TestedNonConforming, day = day.PlusDays(gaps[1]));
            lot = Step(SpotCheckEventKind.ResultReceived, day = day.PlusDays(gaps[2]));
            var retest = Machine.AsOf(lot, day).Due.Single(d => d.Step == SpotCheckStep.RetestRequest);
            Assert.True(retest.LastDay > day);
            Assert.True(retest.LastDay >= (food ? day : day.PlusDays(15)));
            lot = Step(SpotCheckEventKind.RetestRequested, retest.LastDay.PlusDays(-Math.Min(gaps[3], 6)) < day ? day : retest.LastDay.PlusDays(-Math.Min(gaps[3], 6)));
            lot = Step(SpotCheckEventKind.RetestUpheld, day = lot.LastEventOn!.Value.PlusDays(gaps[4]));
            lot = Step(SpotCheckEventKind.RectificationOrdered, day = day.PlusDays(gaps[5]));
            var agenda = Machine.AsOf(lot, day);
            var rectification = agenda.Due.Single(d => d.Step == SpotCheckStep.Rectification);
            var review = agenda.Due.Single(d => d.Step == SpotCheckStep.FirstReview);
            Assert.True(day < rectification.LastDay && rectification.LastDay <= review.LastDay);
            lot = Step(SpotCheckEventKind.ReviewFailed, day = review.LastDay.PlusDays(-gaps[6]));
            lot = Step(SpotCheckEventKind.Announced, day = day.PlusDays(gaps[7]));
            var second = Machine.AsOf(lot, day).Due.Single(d => d.Step == SpotCheckStep.SecondReview);
            Assert.True(day < second.Opens && second.Opens <= second.LastDay);
            Assert.Equal(day.PlusDays(61), second.Opens);
            Assert.Equal(day.PlusDays(89), second.LastDay);
            lot = Step(SpotCheckEventKind.SecondReviewFailed, day = second.Opens!.Value, second.Opens.Value.PlusDays(30));
            lot = Step(SpotCheckEventKind.ReorganisationReviewPassed, day.PlusDays(31));
            Assert.Equal(SpotCheckCloseReason.RectifiedAfterReorganisation, lot.CloseReason);
            // Every stage from planned to closed, in order, none skipped (the re-test branch included).
            Assert.Equal(
                [SpotCheckState.None, SpotCheckState.Planned, SpotCheckState.Sampled, SpotCheckState.NonConforming, SpotCheckState.Notified, SpotCheckState.RetestRequested,
                 SpotCheckState.Confirmed, SpotCheckState.RectificationOrdered, SpotCheckState.ReviewFailed, SpotCheckState.Announced, SpotCheckState.Reorganisation, SpotCheckState.Closed],
                visited);
        }, iter: 200);
    }

    [Fact]
    public void Table_FromEveryState_OnlyItsRowsAreAccepted()
    {
        // Exhaustive: in every state reachable by the table, an event outside the table is rejected, never applied.
        foreach (var state in Enum.GetValues<SpotCheckState>())
        {
            var lot = SpotCheckLot.New(Goods) with { State = state, LastEventOn = new LocalDate(2025, 1, 2) };
            foreach (var kind in Kinds.Where(k => SpotCheckTransitionTable.Find(state, k) is null))
            {
                var result = Machine.Apply(lot, new SpotCheckEvent(kind, new LocalDate(2025, 1, 3)));
                Assert.False(result.IsSuccess, $"{state} + {kind}");
            }
        }
        Assert.Empty(SpotCheckTransitionTable.AllowedEvents(SpotCheckState.Closed));
    }
}
