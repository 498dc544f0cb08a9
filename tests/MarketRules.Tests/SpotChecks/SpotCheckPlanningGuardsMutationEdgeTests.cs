using MarketRules.Parameters;
using MarketRules.Sampling;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

/// <summary>
/// Edges of the repeat-check limits (同一产品六个月内不重复抽查; 下级不重复上级抽查): a check on the planned day itself,
/// several earlier checks, which rule is reported, and the texts.
/// </summary>
public class SpotCheckPlanningGuardsMutationEdgeTests
{
    private static readonly SpotCheckProduct Cable = new("91330105MA27XXXX0A", "电线", "GB/T 5023", "杭缆", "BV-2.5");

    private static PlannedSpotCheck Plan(LocalDate on, SpotCheckKind kind = SpotCheckKind.Regular) => new("gongshu", SpotCheckLevel.County, kind, on);

    [Fact]
    public void SameBureau_CheckedOnThePlannedDayItself_IsExcluded()
    {
        var on = new LocalDate(2025, 3, 10);
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(on), [Cable], [new PriorSpotCheck("gongshu", SpotCheckLevel.County, Cable, on)]);
        Assert.Equal(new LocalDate(2025, 9, 11), Assert.Single(screening.Excluded).CheckableFrom);
        Assert.False(screening.Exempt);
    }

    [Fact]
    public void SameBureau_TwoChecksWithinTheWindow_TheLatestSetsWhenItMayBeCheckedAgain()
    {
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 1, 10)), new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10))];
        var exclusion = Assert.Single(SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable], history).Excluded);
        Assert.Equal((new LocalDate(2025, 3, 10), new LocalDate(2025, 9, 11)), (exclusion.BlockedBy.On, exclusion.CheckableFrom));
    }

    [Fact]
    public void SameBureauLatest_AndAnOlderUpperLevelCheck_TheSameBureauRuleIsReported()
    {
        PriorSpotCheck[] history = [new("zhejiang", SpotCheckLevel.Provincial, Cable, new LocalDate(2025, 2, 1)), new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10))];
        var exclusion = Assert.Single(SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable], history).Excluded);
        Assert.Equal(SpotCheckExclusionReason.SameBureauWithinWindow, exclusion.Why);
        Assert.Contains("本局已于 2025-03-10 抽查同一产品，2025-09-11 前不得再次抽查", exclusion.Reason.Message.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void UpperLevel_TwoChecksWithinTheWindow_TheLatestSetsWhenItMayBeCheckedAgain()
    {
        // 下级不重复上级抽查: two provincial checks block a county plan until six months after the later one.
        PriorSpotCheck[] history = [new("zhejiang", SpotCheckLevel.Provincial, Cable, new LocalDate(2025, 1, 1)), new("zhejiang", SpotCheckLevel.Provincial, Cable, new LocalDate(2025, 3, 1))];
        var exclusion = Assert.Single(SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable], history).Excluded);
        Assert.Equal((SpotCheckExclusionReason.UpperLevelWithinWindow, new LocalDate(2025, 3, 1), new LocalDate(2025, 9, 2)),
            (exclusion.Why, exclusion.BlockedBy.On, exclusion.CheckableFrom));
    }

    [Fact]
    public void UpperLevelLatest_AndAnOlderSameBureauCheck_TheUpperLevelCheckBindsLonger()
    {
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 2, 1)), new("hangzhou", SpotCheckLevel.City, Cable, new LocalDate(2025, 4, 2))];
        var exclusion = Assert.Single(SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable], history).Excluded);
        Assert.Equal((SpotCheckExclusionReason.UpperLevelWithinWindow, new LocalDate(2025, 4, 2), new LocalDate(2025, 10, 3)),
            (exclusion.Why, exclusion.BlockedBy.On, exclusion.CheckableFrom));
    }

    [Fact]
    public void Exclusions_ReasonsMatchSnapshot_SameBureauAndUpperLevel()
    {
        var toy = new SpotCheckProduct("91330105MA28YYYY0B", "塑胶玩具", "GB 6675", "乐乐", "T-1");
        PriorSpotCheck[] history = [new("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10)), new("hangzhou", SpotCheckLevel.City, toy, new LocalDate(2025, 4, 2))];
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable, toy], history);
        Assert.Equal(2, screening.Excluded.Length);
        Snapshooter.Xunit.Snapshot.Match(screening.Excluded.Select(e => new
        {
            e.Reason.Code, Chinese = e.Reason.Message.Chinese, English = e.Reason.Message.English, e.Reason.Arguments,
            Document = e.Reason.Citation?.Document.Chinese, Article = e.Reason.Citation?.Article?.Chinese,
        }).ToArray());
    }

    [Fact]
    public void Screen_And_ApplyTo_RefuseANullArgument()
    {
        Assert.Throws<ArgumentNullException>(() => SpotCheckPlanningGuards.Screen(null!, Plan(new LocalDate(2025, 6, 1)), [Cable], []));
        Assert.Throws<ArgumentNullException>(() => SpotCheckPlanningGuards.Screen(NationalCatalog.Law, null!, [Cable], []));
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable], []);
        Assert.Throws<ArgumentNullException>(() => screening.ApplyTo(null!));
    }

    [Fact]
    public void ApplyTo_APolicyWithoutExclusions_GetsTheBlockedProducers()
    {
        var screening = SpotCheckPlanningGuards.Screen(NationalCatalog.Law, Plan(new LocalDate(2025, 6, 1)), [Cable],
            [new PriorSpotCheck("gongshu", SpotCheckLevel.County, Cable, new LocalDate(2025, 3, 10))]);
        var policy = screening.ApplyTo(new SamplingPolicy { Exclusions = default });
        Assert.Equal([Cable.ProducerCreditCode], policy.Exclusions.ToArray());
    }

    [Fact]
    public void SpotCheckPeriods_CarryTheirNamesInBothLanguages()
    {
        // The names an officer reads beside each period in an explanation (复检申请期限 …): one row per parameter.
        (ParameterDefinition Parameter, string Zh, string En)[] expected =
        [
            (SpotCheckParameters.RetestWindow, "复检申请期限", "re-test request window"),
            (SpotCheckParameters.FoodRetestWindow, "食品复检申请期限", "food re-test request window"),
            (SpotCheckParameters.Rectification, "责令整改期限", "rectification period"),
            (SpotCheckParameters.FirstReview, "复查期限", "review period"),
            (SpotCheckParameters.SecondReviewOpens, "公告后复查窗口起点（日后）", "second review opens after day"),
            (SpotCheckParameters.SecondReviewCloses, "公告后复查窗口终点（日前）", "second review closes before day"),
            (SpotCheckParameters.RepeatCheckWindow, "同一产品重复抽查限制期", "repeat-check window"),
        ];
        Assert.All(expected, e => Assert.Equal((e.Zh, e.En), (e.Parameter.Name.Chinese, e.Parameter.Name.English)));
    }
}
