using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Referral;
using static MarketRules.Tests.Referral.CriminalReferralTests;
using MarketRules.Engine.Rules.Referral;

namespace MarketRules.Tests.Referral;

/// <summary>
/// Issue 12: the elements of an offence change with time, the heavier of both (Art 149(2)), decisions instead of errors
/// where the law still answers. Each test quotes the article it checks.
/// </summary>
public class LegalFidelityTests
{
    // The referral decisions under national law, built from the library's national law context.
    internal static readonly CriminalReferral Referral = new(NationalCatalog.Law);

    private static readonly LocalDate Today = new(2026, 11, 23);

    private static ReferralDecision Decide(ReferralFacts facts, LocalDate asOf) => Referral.Decide(facts, asOf).GetValueOrThrow();

    private static ReferralReport Explain(ReferralFacts facts, LocalDate asOf) => Referral.Explain(facts, asOf).GetValueOrThrow();

    // ---- 1. Dated elements.

    // 1997 刑法第一百四十一条: "生产、销售假药，足以严重危害人体健康的，处三年以下有期徒刑或者拘役" (until Amendment VIII,
    // in force 2011-05-01); 2001 interpretation Art 3 reads the element ("应认定为刑法第一百四十一条规定的“足以严重危害人体健康”").
    [Fact]
    public void Art141_Before20110501_ActWithoutEndangerment_IsNotTheCrime()
    {
        var act = new LocalDate(2010, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitDrugs, act, "", "sales", 0m), act);
        Assert.False(decision.Refer);
        Assert.Equal(OffenceElement.Endangerment, decision.MissingElement);

        var report = Explain(Facts(CriminalOffence.CounterfeitDrugs, act, "", "sales", 0m), act);
        var element = Assert.Single(report.Explanation.Reasons, r => r.Code == "MR.Referral.ElementRequired");
        Assert.Contains("足以严重危害人体健康", element.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("do not establish", element.Message.English, StringComparison.Ordinal);
        Assert.Equal("第一百四十一条", element.Citation!.Article!.Chinese);
        Assert.Equal(VerificationStatus.VerifiedSecondary, element.Citation.Status);

        // Established by testing (harm=1 = sufficient-to-endanger-health): the crime, base band.
        var endangering = Decide(Facts(CriminalOffence.CounterfeitDrugs, act, "harm=1", "sales", 0m), act);
        Assert.True(endangering.Refer);
        Assert.Equal(SentencingBand.Base, endangering.Band);
        Assert.Equal(OffenceElement.None, endangering.MissingElement);
    }

    // Amendment VIII: "将刑法第一百四十一条第一款修改为：“生产、销售假药的，处三年以下有期徒刑或者拘役…”" — from 2011-05-01 the
    // act itself; a later, harsher text never reaches back (刑法第十二条).
    [Fact]
    public void Art141_ActOf2010DecidedToday_LaterHarsherTextDoesNotReachBack()
    {
        var act = new LocalDate(2011, 4, 30);
        var decision = Decide(Facts(CriminalOffence.CounterfeitDrugs, act, "", "sales", 0m), Today);
        Assert.False(decision.Refer);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.Equal(OffenceElement.Endangerment, decision.MissingElement);
        var reasons = Explain(Facts(CriminalOffence.CounterfeitDrugs, act, "", "sales", 0m), Today).Explanation.Reasons;
        Assert.Contains(reasons, r => r.Code == "MR.Referral.LaterLawStricter");

        var next = new LocalDate(2011, 5, 1);
        Assert.True(Decide(Facts(CriminalOffence.CounterfeitDrugs, next, "", "sales", 0m), next).Refer);
    }

    // Art 149(1): the product of Art 141 that is not that crime is still Art 140 when sales reach 50,000.
    [Fact]
    public void Art141_Before20110501_NoEndangermentButSales_FallsBackToArt140_AndSaysWhichElementWasMissing()
    {
        var act = new LocalDate(2009, 3, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitDrugs, act, "", "sales", 60_000m), act);
        Assert.True(decision.Refer);
        Assert.Equal(CriminalOffence.ShoddyProducts, decision.Offence);
        Assert.True(decision.Facts.HasFlag(FactTriggers.FallbackToArt140));
        Assert.Equal(OffenceElement.Endangerment, decision.MissingElement);
    }

    // 1997 刑法第一百四十五条: "…医疗器械、医用卫生材料，对人体健康造成严重危害的，处五年以下有期徒刑" (until Amendment IV,
    // "本修正案自公布之日起实行", 2002-12-28); 2001 interpretation Art 6: "致人轻伤或者其他严重后果的，应认定为…“对人体健康造成严重危害”".
    [Fact]
    public void Art145_Before20021228_RequiresActualHarm()
    {
        var act = new LocalDate(2002, 12, 27);
        var endangerOnly = Decide(Facts(CriminalOffence.SubstandardMedicalDevices, act, "harm=1", "sales", 0m), act);
        Assert.False(endangerOnly.Refer);
        Assert.Equal(OffenceElement.ActualHarm, endangerOnly.MissingElement);

        var injured = Decide(Facts(CriminalOffence.SubstandardMedicalDevices, act, "minor=1", "sales", 0m), act);
        Assert.True(injured.Refer);
        Assert.Equal(SentencingBand.Base, injured.Band);
        // 后果特别严重 (1 serious injury) and 情节特别恶劣 (death) under the 1997 text (2001 interpretation Art 6(2)(3)).
        Assert.Equal(SentencingBand.Aggravated, Decide(Facts(CriminalOffence.SubstandardMedicalDevices, act, "serious=1", "sales", 0m), act).Band);
        Assert.Equal(SentencingBand.EspeciallySerious, Decide(Facts(CriminalOffence.SubstandardMedicalDevices, act, "deaths=1", "sales", 0m), act).Band);

        // Amendment IV took force on the day it was adopted: endangerment suffices from 2002-12-28.
        var amended = new LocalDate(2002, 12, 28);
        Assert.True(Decide(Facts(CriminalOffence.SubstandardMedicalDevices, amended, "harm=1", "sales", 0m), amended).Refer);
        // The act of 2002-12-27 decided today: the later text (a crime of endangerment) does not reach back.
        var later = Decide(Facts(CriminalOffence.SubstandardMedicalDevices, act, "harm=1", "sales", 0m), Today);
        Assert.False(later.Refer);
        Assert.True(later.ReferUnderCurrentLaw);
    }

    [Fact]
    public void Elements_EveryCatalogueOffence_HasARuleFromItsFirstDay_WithoutGapsOrOverlaps()
    {
        foreach (var group in ReferralElements.All.GroupBy(r => r.Offence))
        {
            var rules = group.OrderBy(r => r.EffectiveFrom).ToList();
            for (var i = 1; i < rules.Count; i++)
            {
                Assert.Equal(rules[i - 1].EffectiveUntil, rules[i].EffectiveFrom);
            }
            Assert.Null(rules[^1].EffectiveUntil);
            Assert.All(rules, r => Assert.NotNull(r.Citation.Article));
        }
        Assert.Equal(15, ReferralElements.All.Select(r => r.Offence).Distinct().Count());
    }

    // ---- 2. Art 149(2): "构成各该条规定的犯罪，同时又构成本节第一百四十条规定之罪的，依照处罚较重的规定定罪处罚".

    [Fact]
    public void Art149_2_CosmeticsAndLargeSales_Art140PunishesMoreHeavily()
    {
        // Art 148: up to 3 years; Art 140 with sales of 300,000: 2 to 7 years. The heavier is Art 140.
        var date = new LocalDate(2023, 6, 1);
        var facts = Facts(CriminalOffence.SubstandardCosmetics, date, "harm=8", "sales", 300_000m);
        var decision = Decide(facts, date);
        Assert.True(decision.Refer);
        Assert.Equal(CriminalOffence.ShoddyProducts, decision.Offence);
        Assert.Equal(SentencingBand.Aggravated, decision.Band);
        Assert.Equal(CriminalOffence.SubstandardCosmetics, decision.LighterOffence);
        Assert.Equal(SentencingBand.Base, decision.LighterBand);
        var reason = Assert.Single(Explain(facts, date).Explanation.Reasons, r => r.Code == "MR.Referral.HeavierOfBoth");
        Assert.Contains("二年以上七年以下有期徒刑", reason.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("2 to 7 years", reason.Message.English, StringComparison.Ordinal);
        Assert.Equal("第一百四十九条第二款", reason.Citation!.Article!.Chinese);
    }

    [Fact]
    public void Art149_2_UnsafeFoodAndSmallSales_TheSpecificArticlePunishesMoreHeavily()
    {
        // Art 143 base: up to 3 years; Art 140 with sales of 60,000: up to 2 years. The heavier is Art 143.
        var date = new LocalDate(2023, 6, 1);
        var decision = Decide(Facts(CriminalOffence.UnsafeFood, date, "harm=1", "sales", 60_000m), date);
        Assert.Equal(CriminalOffence.UnsafeFood, decision.Offence);
        Assert.Equal(SentencingBand.Base, decision.Band);
        Assert.Equal(CriminalOffence.ShoddyProducts, decision.LighterOffence);

        // Same maximum (7 years): Art 143's second band starts at 3 years, Art 140's at 2 — Art 143 is heavier.
        var aggravated = Decide(Facts(CriminalOffence.UnsafeFood, date, "minor=1", "sales", 250_000m), date);
        Assert.Equal(CriminalOffence.UnsafeFood, aggravated.Offence);
        Assert.Equal(SentencingBand.Aggravated, aggravated.Band);
    }

    [Fact]
    public void Punishments_CompareByTopPenaltyThenMinimum()
    {
        var date = new LocalDate(2023, 6, 1);
        var a141 = StatutoryPunishments.Of(CriminalOffence.CounterfeitDrugs, SentencingBand.EspeciallySerious, date)!;
        var a140 = StatutoryPunishments.Of(CriminalOffence.ShoddyProducts, SentencingBand.Gravest, date)!;
        Assert.True(a141.CompareSeverity(a140) > 0);   // death beats life
        var old145 = StatutoryPunishments.Of(CriminalOffence.SubstandardMedicalDevices, SentencingBand.Base, new LocalDate(2002, 1, 1))!;
        var new145 = StatutoryPunishments.Of(CriminalOffence.SubstandardMedicalDevices, SentencingBand.Base, new LocalDate(2003, 1, 1))!;
        Assert.Equal(60, old145.MaximumMonths);
        Assert.Equal(36, new145.MaximumMonths);
    }

    // ---- 3. Art 214 after Amendment XI ("违法所得数额较大或者有其他严重情节"): decision 0014.

    [Fact]
    public void Art214_ActIn2023_HandledAfter20250426_TakesThe2025Interpretation()
    {
        // 2001 time-effect rule Art 2: "行为时没有相关司法解释，司法解释施行后尚未处理或者正在处理的案件，依照司法解释的规定办理".
        var act = new LocalDate(2023, 6, 1);
        var facts = Facts(CriminalOffence.SellingCounterfeitMarkGoods, act, "", "gains", 30_000m);
        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.True(decision.InterpretationOfDecisionDate);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art214Gains));
        Assert.Equal(new LocalDate(2025, 4, 26), decision.LawFrom);
        var reason = Assert.Single(Explain(facts, Today).Explanation.Reasons, r => r.Code == "MR.Referral.InterpretationOfDecisionDate");
        Assert.Equal("第二条", reason.Citation!.Article!.Chinese);

        // Handled in 2024, before the interpretation: gains alone have no amount; the 2004 sales amounts are kept (MEM).
        var handled2024 = new LocalDate(2024, 6, 1);
        Assert.False(Decide(facts, handled2024).Refer);
        Assert.True(Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, act, "", "sales", 50_000m), handled2024).Refer);
        Assert.Contains(Explain(facts, handled2024).Explanation.Reasons, r => r.Code == "MR.Referral.InterpretationNotYetIssued");

        // Acts before Amendment XI keep the 2004 interpretation (the related interpretation existed: Art 3 of the 2001 rule).
        var old = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, new LocalDate(2020, 6, 1), "", "gains", 40_000m), Today);
        Assert.False(old.Refer);
        Assert.False(old.InterpretationOfDecisionDate);
    }

    [Fact]
    public void Art213_ServiceMarkActIn2023_HandledToday_TakesThe2025ServiceAmounts()
    {
        // Amendment XI: "在同一种商品、服务上使用与其注册商标相同的商标"; service amounts only in 法释〔2025〕5号 Art 3.
        var act = new LocalDate(2023, 6, 1);
        var facts = new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, ActDate = act, Category = ProductCategory.Service, IllegalGains = Money.FromYuan(50_000m) };
        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.True(decision.InterpretationOfDecisionDate);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art213ServiceGains));
    }

    // ---- 4. Art 225 on food: 2013 interpretation Arts 11–12 ("情节严重的，依照刑法第二百二十五条的规定以非法经营罪定罪处罚"),
    // 2021 interpretation Art 18 ("非法经营数额在十万元以上，或者违法所得数额在五万元以上的，应当认定为…“情节严重”").

    [Fact]
    public void Art225_FoodActIn2021_HandledToday_IsDecidedUnderArticle18()
    {
        var act = new LocalDate(2021, 6, 1);
        var facts = Facts(CriminalOffence.IllegalFoodBusiness, act, "", "volume", 100_000m);
        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art225Volume));
        Assert.True(decision.InterpretationOfDecisionDate);
        Assert.Equal(new LocalDate(2022, 1, 1), decision.LawFrom);
        Assert.False(Decide(Facts(CriminalOffence.IllegalFoodBusiness, act, "", "volume", 99_999.99m), Today).Refer);

        // Handled in 2021 itself: no interpretation set an amount yet — the error says so.
        var early = Referral.Decide(facts, new LocalDate(2021, 9, 1));
        Assert.Equal("MR.Referral.NoAmountStandard", Assert.Single(early.Errors).Code);
        // Before the 2013 interpretation applied Art 225 to these acts, the catalogue has no standard.
        Assert.Equal("MR.Referral.ActBeforeLaw", Assert.Single(Referral.Decide(Facts(CriminalOffence.IllegalFoodBusiness, new LocalDate(2013, 5, 3), "", "volume", 1m), Today).Errors).Code);
    }

    // ---- 8. Order 310 Art 3(2): "知识产权领域的违法案件…认为存在犯罪的合理嫌疑，需要公安机关采取措施进一步获取证据…的，应当向公安机关移送".

    [Fact]
    public void ReasonableSuspicion_InAnIpCase_RequiresTheTransfer()
    {
        var act = new LocalDate(2024, 6, 1);
        var facts = Facts(CriminalOffence.CounterfeitRegisteredMark, act, "", "volume", 10_000m) with { ReasonableSuspicion = true };
        var decision = Decide(facts, act);
        Assert.True(decision.Refer);
        Assert.True(decision.Facts.HasFlag(FactTriggers.ReasonableSuspicion));
        Assert.Equal(SentencingBand.None, decision.Band);
        var reasons = Explain(facts, act).Explanation.Reasons;
        var refer = Assert.Single(reasons, r => r.Code == "MR.Referral.Refer");
        Assert.Equal("第三条第二款", refer.Citation!.Article!.Chinese);

        // Outside IP cases, and before the 2020 revision, the paragraph does not apply: no transfer, and the reason says why.
        var shoddy = Facts(CriminalOffence.ShoddyProducts, act, "", "sales", 10_000m) with { ReasonableSuspicion = true };
        Assert.False(Decide(shoddy, act).Refer);
        Assert.Contains(Explain(shoddy, act).Explanation.Reasons, r => r.Code == "MR.Referral.ReasonableSuspicionNotApplicable");
        var early = new LocalDate(2019, 6, 1);
        Assert.False(Decide(facts with { ActDate = early }, early).Refer);
    }

    // ---- 9. Art 213: one field for service marks; lawFrom is the applied article's standard.

    [Fact]
    public void ServiceMarkWithAGoodsCategory_IsACodedConflict()
    {
        var date = new LocalDate(2025, 6, 1);
        var facts = new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, ActDate = date, ServiceMark = true, Category = ProductCategory.Food, IllegalGains = Money.FromYuan(50_000m) };
        var error = Assert.Single(Referral.Decide(facts, date).Errors);
        Assert.Equal("MR.Referral.ConflictingFacts", error.Code);
        Assert.Equal("$.serviceMark", error.Path);
        // category "service" alone is a service mark: the service amounts apply.
        var byCategory = Decide(facts with { ServiceMark = false, Category = ProductCategory.Service }, date);
        Assert.True(byCategory.HasTriggered(ReferralThreshold.Art213ServiceGains));
    }

    [Theory]
    [InlineData(CriminalOffence.ShoddyProducts, "2019-06-01", "2008-06-25")]       // unsold and combined rules of the 2008 standards
    [InlineData(CriminalOffence.CounterfeitDrugs, "2019-06-01", "2011-05-01")]     // Amendment VIII
    [InlineData(CriminalOffence.SubstandardMedicalDevices, "2019-06-01", "2002-12-28")]
    [InlineData(CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "2011-01-10")] // unsold labels (2011 opinions)
    public void LawFrom_IsTheDateTheAppliedArticlesStandardTookForce(CriminalOffence offence, string act, string expected)
    {
        var date = LocalDate.FromDateTime(DateTime.Parse(act, System.Globalization.CultureInfo.InvariantCulture));
        var decision = Decide(Facts(offence, date, "harm=1;minor=1", "sales", 60_000m) with { Pieces = 30_000 }, date);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), decision.LawFrom);
    }

    [Fact]
    public void JsonDoor_ReasonableSuspicionAndNewResultFields_RoundTrip()
    {
        var rule = new CriminalReferralRule();
        const string json = """{ "offence": "counterfeit-mark-labels", "actDate": "2024-06-01", "pieces": 100, "reasonableSuspicion": true }""";
        var input = JsonSerializer.Deserialize(json, rule.Input)!;
        var context = new RuleContext(new LocalDate(2024, 6, 1), Parameters.Jurisdiction.National, NationalCatalog.Policy, PeriodCalculator.China);
        var result = rule.Evaluate(input, context).GetValueOrThrow().Result;
        Assert.True(result.Refer);
        var output = JsonSerializer.Serialize(result, rule.Result);
        Assert.Contains("\"missingElement\":\"none\"", output, StringComparison.Ordinal);
        Assert.Contains("\"facts\":\"reasonable-suspicion\"", output, StringComparison.Ordinal);
    }
}
