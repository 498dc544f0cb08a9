using MarketRules.SpotChecks;
using static MarketRules.Tests.SpotChecks.SpotCheckStateMachineTests;

namespace MarketRules.Tests.SpotChecks;

/// <summary>The re-test window a lot's explanation names: 7 working days for food (食品安全抽样检验管理办法), 15 days for other products (产品质量法 第十五条).</summary>
public class SpotCheckRetestWindowMutationEdgeTests
{
    // The transition that delivers the non-conforming result: the lot is then notified, and its re-test window runs.
    private static Explanation ResultReceived(SpotCheckLotFacts facts, LocalDate received)
    {
        var tested = Machine.Replay(facts, [E(SpotCheckEventKind.Planned, 2024, 8, 1), E(SpotCheckEventKind.Sampled, 2024, 8, 10), E(SpotCheckEventKind.TestedNonConforming, 2024, 9, 10)]).GetValueOrThrow();
        return Machine.Transition(tested, new SpotCheckEvent(SpotCheckEventKind.ResultReceived, received)).GetValueOrThrow().Explanation;
    }

    [Fact]
    public void ResultReceived_FoodLotNamesTheFoodRetestWindow_OtherProductsTheGeneralOne()
    {
        var received = new LocalDate(2024, 9, 20);
        Assert.Equal([("spotchecks.food-retest-window", 7m)], ResultReceived(Food, received).Parameters.Select(p => (p.ParameterId, p.Value)));
        Assert.Equal([("spotchecks.retest-window", 15m)], ResultReceived(Goods, received).Parameters.Select(p => (p.ParameterId, p.Value)));
    }
}
