using MarketRules.SpotChecks;
using MarketRules.Testing;
using static MarketRules.Tests.SpotChecks.SpotCheckStateMachineTests;

namespace MarketRules.Tests.Engine;

public partial class ComplianceAssertTests
{
    private static readonly SpotCheckEvent[] TimelyChain =
    [
        E(SpotCheckEventKind.Planned, 2026, 1, 5), E(SpotCheckEventKind.Sampled, 2026, 1, 6), E(SpotCheckEventKind.TestedNonConforming, 2026, 1, 28),
        E(SpotCheckEventKind.ResultReceived, 2026, 2, 2), E(SpotCheckEventKind.SaleStopped, 2026, 2, 2), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2),
    ];

    [Fact]
    public void FollowUpChainMet_TimelyChain_Passes()
    {
        ComplianceAssert.FollowUpChainMet(Goods, [.. TimelyChain, E(SpotCheckEventKind.ReviewPassed, 2026, 5, 18)]);
        ComplianceAssert.FollowUpChainMet(Goods, TimelyChain, asOf: new LocalDate(2026, 5, 18));
    }

    [Fact]
    public void FollowUpChainMet_ReviewAfter75Days_ThrowsWithTheLastDayAndTheArticle()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.FollowUpChainMet(Goods, [.. TimelyChain, E(SpotCheckEventKind.ReviewPassed, 2026, 5, 20)]));
        Assert.Equal(SpotCheckStateMachine.RuleId, ex.RuleId);
        Assert.Contains("2026-05-18", ex.Expected, StringComparison.Ordinal);
        Assert.Contains("2 day(s) late", ex.Actual, StringComparison.Ordinal);
        Assert.Equal(SpotCheckCitations.FirstReview, ex.Citation);
    }

    [Fact]
    public void FollowUpChainMet_ReviewStillPending_ThrowsOverdue()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.FollowUpChainMet(Goods, TimelyChain, asOf: new LocalDate(2026, 5, 19)));
        Assert.Contains("FirstReview", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowUpChainMet_SkippedStep_ThrowsNamingTheAllowedEvents()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.FollowUpChainMet(Goods, [.. TimelyChain[..4], E(SpotCheckEventKind.ReviewFailed, 2026, 3, 1)]));
        Assert.Contains("MR.SpotChecks.IllegalTransition", ex.Actual, StringComparison.Ordinal);
        Assert.Contains("RetestRequested", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void PassRateMatchesCounts_Hangzhou2017_ThrowsWithBothFigures()
    {
        ComplianceAssert.PassRateMatchesCounts(1808, 1444, 79.87m);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.PassRateMatchesCounts(1808, 1444, 79.82m));
        Assert.Contains("361/452 = 79.87%", ex.Expected, StringComparison.Ordinal);
        Assert.Equal("79.82%", ex.Actual);
    }
}
