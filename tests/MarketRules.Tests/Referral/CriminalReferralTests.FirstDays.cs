using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// The first and last days of the laws the referral decision turns on (issue 18): each test puts a case on the day a
// law takes force and on the day before, so that moving a date comparison by one day fails.
public partial class CriminalReferralTests
{
    // State Council Order 310 Art 3(2), added by the 2020 revision (国务院令第730号, in force 2020-08-07): an IP case with
    // a reasonable suspicion of a crime is transferred. It governs the transfer, so the date of the decision counts.
    [Fact]
    public void ReasonableSuspicion_FromTheDayThe2020RevisionTookForce()
    {
        var act = new LocalDate(2020, 8, 6);
        var facts = Facts(CriminalOffence.CounterfeitRegisteredMark, act, "", "volume", 10_000m) with { ReasonableSuspicion = true };
        Assert.False(Decide(facts, act).Refer);
        var onTheDay = Decide(facts, new LocalDate(2020, 8, 7));
        Assert.True(onTheDay.Refer);
        Assert.True(onTheDay.Facts.HasFlag(FactTriggers.ReasonableSuspicion));
    }

    // Art 3(2) reaches the IP articles, Art 213 to Art 216 (passing off patents, the last of them), and no further:
    // false advertising (Art 222) on the same suspicion is not transferred.
    [Fact]
    public void ReasonableSuspicion_ReachesArt216PassingOffPatents_NotArt222()
    {
        var act = new LocalDate(2024, 6, 1);
        var patents = Facts(CriminalOffence.PassingOffPatents, act, "", "volume", 10_000m) with { ReasonableSuspicion = true };
        Assert.True(Decide(patents, act).Refer);
        var advertising = Facts(CriminalOffence.FalseAdvertising, act, "", "gains", 10_000m) with { ReasonableSuspicion = true };
        Assert.False(Decide(advertising, act).Refer);
    }

    // 两高《关于适用刑事司法解释时间效力问题的规定》第二条: an Art 214 act with no interpretation of its element when it was
    // done — from Amendment XI's first day (2021-03-01) to the day before 法释〔2025〕5号 (2025-04-26) — is handled under
    // the interpretation in force when it is decided. Before that span the 2010 standards applied; from its end, the
    // 2025 interpretation is the act's own law.
    [Theory]
    [InlineData("2021-02-28", false, false)]
    [InlineData("2021-03-01", true, true)]
    [InlineData("2025-04-25", true, true)]
    [InlineData("2025-04-26", true, false)]
    public void Art214Gains_InterpretationOfTheDecisionDate_OnlyForActsInTheGap(string actDate, bool refer, bool decisionDatesLaw)
    {
        var decision = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, Parse(actDate), "", "gains", 40_000m), Today);
        Assert.Equal(refer, decision.Refer);
        Assert.Equal(decisionDatesLaw, decision.InterpretationOfDecisionDate);
    }

    // The same gap for service marks under Art 213 (Amendment XI added 服务; amounts for services only in 法释〔2025〕5号 Art 3).
    [Theory]
    [InlineData("2021-03-01", true)]
    [InlineData("2025-04-25", true)]
    [InlineData("2025-04-26", false)]
    public void Art213ServiceMark_InterpretationOfTheDecisionDate_OnlyForActsInTheGap(string actDate, bool decisionDatesLaw)
    {
        var facts = new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, ActDate = Parse(actDate), Category = ProductCategory.Service, IllegalGains = Money.FromYuan(50_000m) };
        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.Equal(decisionDatesLaw, decision.InterpretationOfDecisionDate);
    }

    // Art 225 on food: the 2013 interpretation (from 2013-05-04) named the offence without an amount; 法释〔2021〕24号
    // Art 18 (from 2022-01-01) set one. Acts from 2013-05-04 to 2021-12-31 are handled under Art 18.
    [Theory]
    [InlineData("2013-05-04", true)]
    [InlineData("2021-12-31", true)]
    [InlineData("2022-01-01", false)]
    public void Art225Food_InterpretationOfTheDecisionDate_OnlyForActsInTheGap(string actDate, bool decisionDatesLaw)
    {
        var decision = Decide(Facts(CriminalOffence.IllegalFoodBusiness, Parse(actDate), "", "volume", 100_000m), Today);
        Assert.True(decision.Refer);
        Assert.Equal(decisionDatesLaw, decision.InterpretationOfDecisionDate);
        Assert.Equal(new LocalDate(2022, 1, 1), decision.LawFrom);
    }

    // Decided on the day the interpretation takes force, the act in the gap is handled under it; decided the day before,
    // not: Art 214's gains have no amount yet (no referral), and food under Art 225 has no standard at all (coded error,
    // from Decide and from Validate alike).
    [Fact]
    public void GapCases_DecidedOnTheInterpretationsFirstDay_HandledUnderIt()
    {
        var ipAct = Facts(CriminalOffence.SellingCounterfeitMarkGoods, new LocalDate(2024, 6, 1), "", "gains", 40_000m);
        Assert.False(Decide(ipAct, new LocalDate(2025, 4, 25)).Refer);
        var ip = Decide(ipAct, new LocalDate(2025, 4, 26));
        Assert.True(ip.Refer);
        Assert.True(ip.InterpretationOfDecisionDate);

        var foodAct = Facts(CriminalOffence.IllegalFoodBusiness, new LocalDate(2021, 6, 1), "", "volume", 100_000m);
        var dayBefore = new LocalDate(2021, 12, 31);
        Assert.Equal("MR.Referral.NoAmountStandard", Assert.Single(Referral.Decide(foodAct, dayBefore).Errors).Code);
        Assert.Equal("MR.Referral.NoAmountStandard", Assert.Single(Referral.Validate(foodAct, dayBefore)).Code);
        var firstDay = new LocalDate(2022, 1, 1);
        Assert.True(Decide(foodAct, firstDay).Refer);
        Assert.Empty(Referral.Validate(foodAct, firstDay));
    }
}
