using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

/// <summary>
/// Issue 12: a decision before SAMR Order 45 (in force 2021-09-01) gets the deadline of 企业信息公示暂行条例 Art 6 (from
/// 2014-10-01): "行政处罚信息…应当自产生之日起20个工作日内予以公示" — not MR.Parameter.NotInForce.
/// </summary>
public class PenaltyPublicationBeforeOrder45Tests
{
    [Fact]
    public void Schedule_DecisionOf2019_PublishByTwentyWorkingDaysUnderTheRegulationsArticle6()
    {
        // Decided Mon 2019-06-03: 20 wd skipping the Dragon Boat holiday (06-07) → 2019-07-02.
        var schedule = PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2019, 6, 3), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(50_000) }, NationalCatalog.Law)
            .GetValueOrThrow();
        Assert.True(schedule.Published);
        Assert.Equal(new LocalDate(2019, 7, 2), schedule.PublishBy);
        var publishBy = schedule.Explanation.Dates.Single(d => d.Name == "publish-by");
        Assert.Equal("第六条", publishBy.Citation!.Article!.Chinese);
        Assert.Equal("国务院令第654号", publishBy.Citation.DocumentNumber);
        Assert.Contains(schedule.Explanation.Reasons, r => r.Code == "MR.Credit.PublishedUnderEarlierRules");
        // The term (3 years from publication) and the repair wait follow Order 45 from its entry into force.
        Assert.Equal(new LocalDate(2022, 7, 2), schedule.LastDay);
        Assert.Equal(new LocalDate(2020, 1, 3), schedule.RepairFrom);
    }

    [Fact]
    public void Schedule_WarningAloneBeforeOrder45_IsPublished_AfterItIsNot()
    {
        // 工商总局令第71号 Art 2: "适用一般程序作出行政处罚决定的相关信息应当向社会公示" — no exclusion of warnings until Order 45 Art 2.
        Assert.True(PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2021, 8, 31), PenaltyMeasure.Warning), NationalCatalog.Law).GetValueOrThrow().Published);
        Assert.False(PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2021, 9, 1), PenaltyMeasure.Warning), NationalCatalog.Law).GetValueOrThrow().Published);
    }

    [Fact]
    public void Schedule_BeforeTheRegulations_SaysNoRuleWasInForce()
    {
        var result = PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2014, 9, 30), PenaltyMeasure.Fine), NationalCatalog.Law);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Parameter.NotInForce", error.Code);
        Assert.Contains("2014-10-01", error.Message.English, StringComparison.Ordinal);
    }
}
