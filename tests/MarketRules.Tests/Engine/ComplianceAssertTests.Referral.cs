using MarketRules.Referral;
using MarketRules.Testing;
using MarketRules.Engine.Rules.Referral;

namespace MarketRules.Tests.Engine;

// Art 140 (producing or selling shoddy products): sales of 50,000 yuan or more are prosecuted (2008 prosecution standard
// Art 16, 2001 interpretation Art 2), so an act of 2019 with exactly 50,000 yuan of sales must be referred.
public partial class ComplianceAssertTests
{
    private static ReferralFacts ShoddySales(decimal yuan) =>
        new() { Offence = CriminalOffence.ShoddyProducts, ActDate = new LocalDate(2019, 6, 1), Sales = Money.FromYuan(yuan) };

    private static readonly LocalDate ReferralDecided = new(2019, 7, 1);

    [Theory]
    [InlineData(50_000, true)]
    [InlineData(49_999.99, false)]
    public void ReferralDecisionMatches_DecisionAsTheThresholdSays_Passes(double yuan, bool referred) =>
        ComplianceAssert.ReferralDecisionMatches(ShoddySales((decimal)yuan), ReferralDecided, referred);

    [Fact]
    public void ReferralDecisionMatches_NotReferredAtTheThreshold_ThrowsNamingTheThreshold()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.ReferralDecisionMatches(ShoddySales(50_000m), ReferralDecided, referred: false));
        Assert.Equal(CriminalReferralRule.RuleId, ex.RuleId);
        Assert.NotNull(ex.Citation);
        Assert.Contains("referred: ShoddyProducts", ex.Expected);
        Assert.Contains("Art140Sales 50,000 ≥ 50,000", ex.Expected);
        Assert.Equal("not referred", ex.Actual);
        Assert.Contains("[referral.criminal/1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Basis:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferralDecisionMatches_ReferredOneFenShort_ThrowsWithTheShortfall()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.ReferralDecisionMatches(ShoddySales(49_999.99m), ReferralDecided, referred: true));
        Assert.Contains("nearest Art140Sales 49,999.99 < 50,000, 0.01 short", ex.Expected);
        Assert.Equal("referred", ex.Actual);
        Assert.NotNull(ex.Citation);
    }
}
