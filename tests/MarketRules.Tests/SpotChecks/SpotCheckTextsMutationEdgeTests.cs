using System.Globalization;
using System.Reflection;
using MarketRules.Json;
using MarketRules.SpotChecks;
using static MarketRules.Tests.SpotChecks.SpotCheckStateMachineTests;

namespace MarketRules.Tests.SpotChecks;

// What a user reads of a spot check (issue 18): the zh/en words of every state, event, step, actor, level and cost
// bearer; the article each citation names; the coded errors and reasons of each path, as whole snapshots. The labels
// and articles are written here from domain-rules-more.md §Q (产品质量法 第十五条、第十七条; 食品安全法 第八十八条;
// 工业产品生产许可证管理条例 第五十四条; 总局令第18号 第四十四条至第四十八条), not copied from the code.
public sealed class SpotCheckTextsMutationEdgeTests
{
    // --- Labels: every value of every enum an explanation names. ---

    [Theory]
    [InlineData(SpotCheckState.None, "未记录", "nothing recorded")]
    [InlineData(SpotCheckState.Planned, "已列入计划", "planned")]
    [InlineData(SpotCheckState.Sampled, "已抽样", "sampled")]
    [InlineData(SpotCheckState.NonConforming, "检验不合格", "non-conforming")]
    [InlineData(SpotCheckState.Notified, "已告知检验结果", "result received")]
    [InlineData(SpotCheckState.RetestRequested, "复检中", "re-test requested")]
    [InlineData(SpotCheckState.Confirmed, "不合格结论确定", "non-conformity confirmed")]
    [InlineData(SpotCheckState.RectificationOrdered, "责令整改", "rectification ordered")]
    [InlineData(SpotCheckState.ReviewFailed, "复查不合格待公告", "review failed, awaiting announcement")]
    [InlineData(SpotCheckState.Announced, "已公告", "announced")]
    [InlineData(SpotCheckState.Reorganisation, "停业整顿", "suspended for reorganisation")]
    [InlineData(SpotCheckState.Closed, "已结束", "closed")]
    public void StateLabel_NamesTheLotsStageOfTheProductQualityLawArticle17Chain(SpotCheckState state, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(state));

    [Theory]
    [InlineData(SpotCheckEventKind.None, "无", "none")]
    [InlineData(SpotCheckEventKind.Planned, "列入抽查计划", "planned")]
    [InlineData(SpotCheckEventKind.Sampled, "抽样", "sampled")]
    [InlineData(SpotCheckEventKind.TestedConforming, "检验合格", "tested conforming")]
    [InlineData(SpotCheckEventKind.TestedNonConforming, "检验不合格", "tested non-conforming")]
    [InlineData(SpotCheckEventKind.ResultReceived, "收到检验结果", "result received")]
    [InlineData(SpotCheckEventKind.SaleStopped, "停止生产销售", "sales stopped")]
    [InlineData(SpotCheckEventKind.RetestRequested, "申请复检", "re-test requested")]
    [InlineData(SpotCheckEventKind.RetestUpheld, "复检维持不合格", "re-test upheld")]
    [InlineData(SpotCheckEventKind.RetestOverturned, "复检结论合格", "re-test overturned")]
    [InlineData(SpotCheckEventKind.RectificationOrdered, "责令整改", "rectification ordered")]
    [InlineData(SpotCheckEventKind.ReviewPassed, "复查合格", "review passed")]
    [InlineData(SpotCheckEventKind.ReviewFailed, "复查不合格", "review failed")]
    // 产品质量法 第十七条: the announcement is made by a bureau at provincial level or above.
    [InlineData(SpotCheckEventKind.Announced, "省级公告", "announced")]
    [InlineData(SpotCheckEventKind.SecondReviewPassed, "公告后复查合格", "second review passed")]
    [InlineData(SpotCheckEventKind.SecondReviewFailed, "公告后复查不合格，责令停业整顿", "second review failed, reorganisation ordered")]
    [InlineData(SpotCheckEventKind.ReorganisationReviewPassed, "整顿期满复查合格", "review after reorganisation passed")]
    [InlineData(SpotCheckEventKind.ReorganisationReviewFailed, "整顿期满复查不合格，吊销营业执照", "review after reorganisation failed, business licence revoked")]
    public void EventLabel_NamesTheStepOfTheCheckAndItsFollowUp(SpotCheckEventKind kind, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(kind));

    [Theory]
    [InlineData(SpotCheckStep.None, "无", "none")]
    [InlineData(SpotCheckStep.RetestRequest, "申请复检", "re-test request")]
    [InlineData(SpotCheckStep.StopSale, "立即停止生产销售", "stop sales at once")]
    [InlineData(SpotCheckStep.Rectification, "整改", "rectification")]
    [InlineData(SpotCheckStep.FirstReview, "组织复查", "review")]
    [InlineData(SpotCheckStep.SecondReview, "公告后复查", "second review")]
    [InlineData(SpotCheckStep.Reorganisation, "停业整顿", "reorganisation")]
    public void StepLabel_NamesTheDeadlineOfOrder18Articles45To48(SpotCheckStep step, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(step));

    [Theory]
    [InlineData(SpotCheckActor.Producer, "被抽样生产者、销售者", "the producer or seller")]
    [InlineData(SpotCheckActor.Bureau, "市场监管部门", "the bureau")]
    public void ActorLabel_TheProducerOrSellerActsOnItsWindows_TheBureauOnItsReviews(SpotCheckActor actor, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(actor));

    [Theory]
    [InlineData(SpotCheckLevel.National, "国家", "national")]
    [InlineData(SpotCheckLevel.Provincial, "省级", "provincial")]
    [InlineData(SpotCheckLevel.City, "市级", "city")]
    [InlineData(SpotCheckLevel.County, "县级", "county")]
    public void LevelLabel_NamesTheLevelOfTheOrganisingBureau(SpotCheckLevel level, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(level));

    [Theory]
    [InlineData(RetestCostBearer.Applicant, "申请人（复检结论与初检一致）", "the applicant (the re-test agrees with the first test)")]
    [InlineData(RetestCostBearer.OrganisingBureau, "组织监督抽查的市场监管部门（复检结论与初检不一致）", "the bureau that organised the check (the re-test differs from the first test)")]
    public void RetestCostBearer_Order18_TheApplicantWhenTheResultsAgree_TheBureauWhenTheyDiffer(RetestCostBearer bearer, string zh, string en) =>
        Assert.Equal((zh, en), SpotCheckLabels.Of(bearer));

    // --- Citations: the article each names, checked against domain-rules-more.md §Q. ---

    public static TheoryData<string, string, string> Articles => new()
    {
        { nameof(SpotCheckCitations.ProductQualityLawArticle15), "第十五条", "Art. 15" },
        { nameof(SpotCheckCitations.RetestWindow), "第十五条第四款", "Art. 15 para. 4" },
        { nameof(SpotCheckCitations.RetestWindowBefore2018), "第十五条第四款（2009年修正）", "Art. 15 para. 4 (2009 text)" },
        { nameof(SpotCheckCitations.Escalation), "第十七条", "Art. 17" },
        { nameof(SpotCheckCitations.FoodRetestWindow), "第八十八条", "Art. 88" },
        { nameof(SpotCheckCitations.FoodRetestWindowBefore2021), "第八十八条（2015年修订）", "Art. 88 (2015 text)" },
        { nameof(SpotCheckCitations.ProductionLicence), "第五十四条", "Art. 54" },
        { nameof(SpotCheckCitations.RepeatCheck), "（条号未查到）", "(article number not found)" },
        { nameof(SpotCheckCitations.RetestOutcome), "（条号未查到）", "(article number not found)" },
        { nameof(SpotCheckCitations.StopSale), "第四十五条", "Art. 45" },
        { nameof(SpotCheckCitations.Rectification), "第四十六条", "Art. 46" },
        { nameof(SpotCheckCitations.FirstReview), "第四十七条", "Art. 47" },
        { nameof(SpotCheckCitations.SecondReview), "第四十八条", "Art. 48" },
        { nameof(SpotCheckCitations.Publication), "第四十四条", "Art. 44" },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Citation_NamesTheArticleThatSetsTheRule(string name, string zh, string en)
    {
        var article = Citation(name).Article!;
        Assert.Equal((zh, en), (article.Chinese, article.English));
    }

    [Fact]
    public void EveryCitation_DocumentArticleStatusSourceAndQuote_MatchSnapshot()
    {
        var text = new System.Text.StringBuilder();
        foreach (var property in CitationProperties())
        {
            var c = (Citation)property.GetValue(null)!;
            text.Append(property.Name).Append(" | ").Append(c.Document.Chinese).Append(" | ").Append(c.DocumentNumber).Append(" | ").Append(c.InForceFrom?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(" | ").Append(c.Article?.Chinese).Append(" | ")
                .Append(c.Article?.English).Append(" | ").Append(c.Status).Append('\n')
                .Append("  source: ").Append(c.Source).Append('\n').Append("  note: ").Append(c.Note).Append('\n');
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void Order18Citations_SayWhenTheOrderCameIntoForce_AndWhichCopiesWereRead()
    {
        foreach (var c in new[] { SpotCheckCitations.RepeatCheck, SpotCheckCitations.RetestOutcome, SpotCheckCitations.StopSale, SpotCheckCitations.Rectification,
                     SpotCheckCitations.FirstReview, SpotCheckCitations.SecondReview, SpotCheckCitations.Publication })
        {
            Assert.EndsWith("; promulgated 2019-11-21 and in force 2020-01-01 (V-S: English copies of the order, see LegalDocuments.SpotCheckInterimMeasures)", c.Note);
            Assert.Equal("sitongtrade.com.cn/news/show-5527723-3.html (Ch. 6, Arts 44–49); caolvse.com/d/780338.html (6-month and re-test text)", c.Source);
        }
    }

    private static IEnumerable<PropertyInfo> CitationProperties() =>
        typeof(SpotCheckCitations).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Citation)).OrderBy(p => p.MetadataToken);

    private static Citation Citation(string name) => (Citation)typeof(SpotCheckCitations).GetProperty(name)!.GetValue(null)!;

    // --- Coded errors of the chain: every refusal, with its path and both texts. ---

    private static readonly SpotCheckLotFacts LicensedNational = new(Food: false, SpotCheckLevel.National, LicensedProduct: true);

    // Goods received 2024-03-01 (Fri), ordered to rectify 2024-03-20, review failed 2024-05-20, announced Mon 2024-06-03:
    // the second-review window runs from day 61 (08-03) to day 89 (Sat 08-31).
    private static SpotCheckLot AnnouncedOn20240603() => Then(Received(Goods, new LocalDate(2024, 3, 1)),
        E(SpotCheckEventKind.RectificationOrdered, 2024, 3, 20), E(SpotCheckEventKind.ReviewFailed, 2024, 5, 20), E(SpotCheckEventKind.Announced, 2024, 6, 3));

    private static string Refusal(SpotCheckLot lot, SpotCheckEvent e)
    {
        var error = Assert.Single(Machine.Apply(lot, e).Errors);
        return $"{error.Code} | {error.Path} | {error.Message.Chinese} | {error.Message.English}";
    }

    [Fact]
    public void EveryRefusalOfTheChain_CodePathAndTexts_MatchSnapshot()
    {
        var received = Received(Goods, new LocalDate(2024, 9, 20));
        var closed = Then(SpotCheckLot.New(Goods), E(SpotCheckEventKind.Planned, 2024, 1, 2), E(SpotCheckEventKind.Sampled, 2024, 1, 3), E(SpotCheckEventKind.TestedConforming, 2024, 1, 10));
        var stopped = Then(received, E(SpotCheckEventKind.SaleStopped, 2024, 9, 20));
        var announced = AnnouncedOn20240603();
        var reorganising = Then(announced, E(SpotCheckEventKind.SecondReviewFailed, 2024, 8, 5, until: new LocalDate(2024, 11, 5)));
        string[] lines =
        [
            Refusal(received, E(SpotCheckEventKind.Announced, 2024, 9, 21)),
            Refusal(closed, E(SpotCheckEventKind.ReviewPassed, 2024, 2, 1)),
            Refusal(received, E(SpotCheckEventKind.RetestRequested, 2024, 9, 19)),
            Refusal(stopped, E(SpotCheckEventKind.SaleStopped, 2024, 9, 23)),
            // 15 days from 2024-09-20 end on Sat 10-05 inside National Day, rolled to Tue 10-08: 10-09 is late (产品质量法 第十五条第四款).
            Refusal(received, E(SpotCheckEventKind.RetestRequested, 2024, 10, 9)),
            Refusal(announced, E(SpotCheckEventKind.SecondReviewPassed, 2024, 8, 2)),
            Refusal(announced, E(SpotCheckEventKind.SecondReviewFailed, 2024, 8, 5)),
            Refusal(reorganising, E(SpotCheckEventKind.ReorganisationReviewPassed, 2024, 11, 4)),
        ];
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", lines));
    }

    [Fact]
    public void IllegalTransition_InAClosedLot_AllowsNothing()
    {
        var closed = Then(SpotCheckLot.New(Goods), E(SpotCheckEventKind.Planned, 2024, 1, 2), E(SpotCheckEventKind.Sampled, 2024, 1, 3), E(SpotCheckEventKind.TestedConforming, 2024, 1, 10));
        var error = Assert.Single(Machine.Apply(closed, E(SpotCheckEventKind.ReviewPassed, 2024, 2, 1)).Errors);
        Assert.EndsWith("此时允许：无", error.Message.Chinese);
        Assert.EndsWith("allowed now: none", error.Message.English);
    }

    // --- Explanations of the chain's reasons: cost of the re-test, licence at stake, late and overdue steps, the window's ends. ---

    private static string Explained(SpotCheckLot lot, SpotCheckEvent e) => MarketRulesJson.Serialize(Machine.Transition(lot, e).GetValueOrThrow().Explanation);

    [Fact]
    public void RetestUpheld_TheApplicantPays_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Explained(Then(Received(Goods, new LocalDate(2024, 9, 20)), E(SpotCheckEventKind.SaleStopped, 2024, 9, 20),
            E(SpotCheckEventKind.RetestRequested, 2024, 9, 25)), E(SpotCheckEventKind.RetestUpheld, 2024, 10, 15)));

    [Fact]
    public void RetestOverturned_TheOrganisingBureauPays_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Explained(Then(Received(Goods, new LocalDate(2024, 9, 20)), E(SpotCheckEventKind.SaleStopped, 2024, 9, 20),
            E(SpotCheckEventKind.RetestRequested, 2024, 9, 25)), E(SpotCheckEventKind.RetestOverturned, 2024, 10, 15)));

    [Fact]
    public void LicensedProductFailingANationalCheck_PutsTheProductionLicenceAtStake_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Explained(Then(SpotCheckLot.New(LicensedNational), E(SpotCheckEventKind.Planned, 2024, 1, 2), E(SpotCheckEventKind.Sampled, 2024, 1, 3)),
            E(SpotCheckEventKind.TestedNonConforming, 2024, 1, 10)));

    [Fact]
    public void SalesStoppedLate_WithTheFirstReviewOverdue_ExplanationMatchesSnapshot() =>
        // Ordered 2024-03-20: the review was due within 75 days (06-03); sales stopped on 07-01, 122 days after the result.
        Snapshooter.Xunit.Snapshot.Match(Explained(Then(Received(Goods, new LocalDate(2024, 3, 1)), E(SpotCheckEventKind.RectificationOrdered, 2024, 3, 20)),
            E(SpotCheckEventKind.SaleStopped, 2024, 7, 1)));

    [Fact]
    public void Announced_WindowEndingOnASaturday_IsNotRolledOver_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Explained(Then(Received(Goods, new LocalDate(2024, 3, 1)), E(SpotCheckEventKind.RectificationOrdered, 2024, 3, 20),
            E(SpotCheckEventKind.ReviewFailed, 2024, 5, 20)), E(SpotCheckEventKind.Announced, 2024, 6, 3)));

    // --- Pass rates: the reasons and the input errors. ---

    private static readonly LocalDate AsOf = new(2025, 12, 31);

    [Fact]
    public void PassRateReport_RatesMismatchAndWeightedRate_ExplanationMatchesSnapshot()
    {
        SpotCheckBatchCount[] counts = [new("A", SpotCheckLevel.City, "2025", 10, 9) { ReportedPercent = 91m }, new("B", SpotCheckLevel.County, "2025", 2, 1)];
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(
            PassRates.Compute(counts, 2, 83.33m, new Dictionary<string, decimal> { ["A"] = 3m, ["B"] = 1m }, AsOf).Explanation));
    }

    [Fact]
    public void PassRateInput_EveryBadValue_CodePathAndTexts_MatchSnapshot()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute(
            [new SpotCheckBatchCount("A", null, "", 5, 6), new SpotCheckBatchCount("B", null, "", 5, 4) { ReportedPercent = 101m }], 2, -1m,
            new Dictionary<string, decimal> { ["B"] = 0m, ["C"] = 1m }, AsOf));
        var single = Assert.Throws<InvalidRuleInputException>(() => PassRates.Of("x", 3, 4));
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", ex.Errors.Concat(single.Errors).Select(e => $"{e.Code} | {e.Path} | {e.Message.Chinese} | {e.Message.English}")));
    }
}
