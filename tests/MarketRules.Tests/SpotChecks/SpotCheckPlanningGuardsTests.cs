using MarketRules.Sampling;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

public class SpotCheckPlanningGuardsTests
{
    private static readonly SpotCheckProduct Cable = new("91330105MA27XXXX0A", "电线", "GB/T 5023", "杭缆", "BV-2.5");
    private static readonly SpotCheckProduct CableOtherModel = Cable with { Model = "BV-4" };
    private static readonly SpotCheckProduct Toy = new("91330105MA28YYYY0B", "塑胶玩具", "GB 6675", "乐乐", "T-1");

    private static PlannedSpotCheck Plan(int year, int month, int day, SpotCheckKind kind = SpotCheckKind.Regular, SpotCheckLevel level = SpotCheckLevel.County) =>
        new("gongshu", level, kind, new LocalDate(year, month, day));

    [Theory]
    [InlineData(2025, 9, 10, true)]  // exactly six months after 03-10: still within
    [InlineData(2025, 9, 11, false)] // the day after: checkable again
    [InlineData(2025, 6, 1, true)]
    public void SameBureau_SameProduct_SixMonths(int year, int month, int day, bool excluded)
    {
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10))];
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(year, month, day), [Cable, CableOtherModel, Toy], history);
        Assert.Equal(excluded, screening.Excluded.Any(e => e.Product == Cable));
        Assert.Contains(CableOtherModel, screening.Eligible); // another model is another product
        Assert.Contains(Toy, screening.Eligible);
        if (excluded)
        {
            var exclusion = Assert.Single(screening.Excluded);
            Assert.Equal(SpotCheckExclusionReason.SameBureauWithinWindow, exclusion.Why);
            Assert.Equal(new LocalDate(2025, 9, 11), exclusion.CheckableFrom);
            Assert.Equal(SpotCheckCitations.RepeatCheck, exclusion.Reason.Citation);
            Assert.Contains("2025-09-11", exclusion.Reason.Message.Chinese, StringComparison.Ordinal);
        }
        Assert.Equal(6m, screening.Window.Value);
    }

    [Fact]
    public void UpperLevelCheck_BlocksALowerLevel_NotTheOtherWayRound()
    {
        PriorSpotCheck[] history = [new("zhejiang", SpotCheckLevel.Provincial, Cable, new LocalDate(2025, 4, 1)), new("binjiang", SpotCheckLevel.County, Toy, new LocalDate(2025, 4, 1))];
        var county = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(2025, 6, 1), [Cable, Toy], history);
        var exclusion = Assert.Single(county.Excluded);
        Assert.Equal((Cable, SpotCheckExclusionReason.UpperLevelWithinWindow), (exclusion.Product, exclusion.Why));
        Assert.Contains("省级", exclusion.Reason.Message.Chinese, StringComparison.Ordinal);
        Assert.Equal(SpotCheckCitations.ProductQualityLawArticle15, exclusion.Reason.Citation);
        Assert.Contains(Toy, county.Eligible); // another county's check does not bind this one
        var city = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, new PlannedSpotCheck("hangzhou", SpotCheckLevel.City, SpotCheckKind.Regular, new LocalDate(2025, 6, 1)), [Toy], history);
        Assert.Contains(Toy, city.Eligible); // a lower level's check does not bind an upper level
    }

    [Theory]
    [InlineData(SpotCheckKind.FollowUp)]
    [InlineData(SpotCheckKind.Emergency)]
    public void FollowUpAndEmergencyChecks_AreExempt(SpotCheckKind kind)
    {
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10))];
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(2025, 4, 1, kind), [Cable], history);
        Assert.True(screening.Exempt);
        Assert.Empty(screening.Excluded);
        Assert.Equal([Cable], screening.Eligible.ToArray());
    }

    [Fact]
    public void ApplyTo_SamplingPolicy_ExcludesProducersWithNoCheckableProductLeft()
    {
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10)), new("gongshu", SpotCheckLevel.County, Toy, new LocalDate(2025, 3, 10))];
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(2025, 5, 1), [Cable, CableOtherModel, Toy], history);
        var policy = screening.ApplyTo(new SamplingPolicy { Exclusions = ["EXISTING"] });
        Assert.Equal(["EXISTING", Toy.ProducerCreditCode], policy.Exclusions.ToArray());
    }
}
