using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// Legal edges that mutation testing found unguarded (issue 18): each test names the rule of law it protects, and fails
// when the comparison that carries that rule is turned around, moved by one, or deleted.
public partial class CriminalReferralTests
{
    // Criminal Law Art 12 (从旧兼从轻): an Art 213 act of 2024 with a business volume of 300,000 yuan was 情节特别严重
    // under 法释〔2004〕19号 (250,000; three to ten years since Amendment XI); 法释〔2025〕5号 raised that band to 500,000,
    // so under the law of the decision it is the basic band (three years or less). Both laws make it a crime, and the
    // later law punishes less: its band applies.
    [Fact]
    public void TimeEffect_LawChangedBetweenActAndDecision_TheMoreLenientBandApplies()
    {
        var act = new LocalDate(2024, 6, 1);
        var facts = Facts(CriminalOffence.CounterfeitRegisteredMark, act, "", "volume", 300_000m);
        Assert.Equal(SentencingBand.EspeciallySerious, Decide(facts, act).Band);

        var later = Decide(facts, Today);
        Assert.True(later.Refer);
        Assert.True(later.LaterLawLighter);
        Assert.Equal(SentencingBand.Base, later.Band);
        Assert.Equal(new LocalDate(2025, 4, 26), later.LawFrom);
    }

    // The other side of Art 12: an Art 213 act of 2020 with 600,000 yuan was 情节特别严重 under the 1997 text (three to
    // seven years); Amendment XI raised that band to three to ten years and 500,000 still reaches it today. The later
    // law is harsher, so the band and the law of the act stay.
    [Fact]
    public void TimeEffect_LaterLawHarsher_TheBandOfTheActsLawStays()
    {
        var act = new LocalDate(2020, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, act, "", "volume", 600_000m), Today);
        Assert.True(decision.Refer);
        Assert.False(decision.LaterLawLighter);
        Assert.Equal(SentencingBand.EspeciallySerious, decision.Band);
        Assert.True(decision.LawFrom < new LocalDate(2021, 3, 1), decision.LawFrom.ToString());
    }

    // Art 12 applies the later law only where it is lighter: punished the same (the basic band of Art 213 under both
    // interpretations), the law of the act stays.
    [Fact]
    public void TimeEffect_LaterLawPunishesTheSame_TheLawOfTheActStays()
    {
        var act = new LocalDate(2024, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, act, "", "volume", 100_000m), Today);
        Assert.True(decision.Refer);
        Assert.False(decision.LaterLawLighter);
        Assert.Equal(SentencingBand.Base, decision.Band);
        Assert.True(decision.LawFrom < new LocalDate(2025, 4, 26), decision.LawFrom.ToString());
    }

    // Art 141 since Amendment VIII (2011-05-01): 致人死亡 is the third band (ten years, life or death) on its own; a
    // serious injury is the second; the act itself the first.
    [Theory]
    [InlineData("deaths", 1, SentencingBand.EspeciallySerious)]
    [InlineData("serious", 1, SentencingBand.Aggravated)]
    [InlineData("minor", 1, SentencingBand.Aggravated)]
    [InlineData("deaths", 0, SentencingBand.Base)]
    public void Art141_CounterfeitDrugs_ADeathAloneIsEspeciallySerious(string field, int count, SentencingBand band)
    {
        var date = new LocalDate(2019, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitDrugs, date, "", field, count), date);
        Assert.True(decision.Refer);
        Assert.Equal(band, decision.Band);
    }

    // Art 141 before 2011-05-01 (the 1997 text; 2001 interpretation Art 3): a death — with no other injury counted —
    // is actual harm, so the drug endangered health, and it is 致人死亡: the third band. Three serious or ten minor
    // injuries are 特别严重危害 too; one fewer is the second band.
    [Theory]
    [InlineData("deaths", 1, SentencingBand.EspeciallySerious)]
    [InlineData("serious", 3, SentencingBand.EspeciallySerious)]
    [InlineData("serious", 2, SentencingBand.Aggravated)]
    [InlineData("minor", 10, SentencingBand.EspeciallySerious)]
    [InlineData("minor", 9, SentencingBand.Aggravated)]
    public void Art141_CounterfeitDrugsBefore2011_ADeathIsEspeciallySerious_AndSoAreThreeSeriousOrTenMinorInjuries(string field, int count, SentencingBand band)
    {
        var date = new LocalDate(2009, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitDrugs, date, "", field, count), date);
        Assert.True(decision.Refer);
        Assert.Equal(band, decision.Band);
    }

    // Amendment XI (in force 2021-03-01) brought service marks into Art 213: an act on its first day is the crime, one
    // on the day before is not, and only the earlier one is explained as not covered.
    [Fact]
    public void Art213_ServiceMark_AmendmentXIsFirstDay_IsAnOffence()
    {
        var first = new LocalDate(2021, 3, 1);
        var dayBefore = new LocalDate(2021, 2, 28);
        var onFirstDay = Facts(CriminalOffence.CounterfeitRegisteredMark, first, "service", "gains", 40_000m);
        Assert.True(Decide(onFirstDay, first).Refer);
        Assert.False(Decide(onFirstDay with { ActDate = dayBefore }, dayBefore).Refer);

        Assert.DoesNotContain(Referral.Explain(onFirstDay, first).GetValueOrThrow().Explanation.Reasons,
            r => r.Code == "MR.Referral.ServiceMarkNotCovered");
        Assert.Contains(Referral.Explain(onFirstDay with { ActDate = dayBefore }, dayBefore).GetValueOrThrow().Explanation.Reasons,
            r => r.Code == "MR.Referral.ServiceMarkNotCovered");
    }

    // The typed door of the referral area (the one every caller passes, JSON or not): each amount of the facts up to
    // the largest amount of money is an amount, one fen more is refused at its own path; each count below zero is
    // refused at its own path. One bad field alone, so a check that let it through would leave no error at all.
    public static TheoryData<string> TypedFields() =>
    [
        "sales", "unsoldValue", "businessVolume", "illegalGains", "directLoss",
        "pieces", "unsoldPieces", "marks", "patents", "priorPenaltiesWithinTwoYears", "victims", "minorInjuries", "seriousInjuries", "deaths",
    ];

    private static ReferralFacts WithField(ReferralFacts f, string field, long value) => field switch
    {
        "sales" => f with { Sales = Money.FromFen(value) },
        "unsoldValue" => f with { UnsoldValue = Money.FromFen(value) },
        "businessVolume" => f with { BusinessVolume = Money.FromFen(value) },
        "illegalGains" => f with { IllegalGains = Money.FromFen(value) },
        "directLoss" => f with { DirectLoss = Money.FromFen(value) },
        "pieces" => f with { Pieces = (int)value },
        "unsoldPieces" => f with { UnsoldPieces = (int)value },
        "marks" => f with { Marks = (int)value },
        "patents" => f with { Patents = (int)value },
        "priorPenaltiesWithinTwoYears" => f with { PriorPenaltiesWithinTwoYears = (int)value },
        "victims" => f with { Victims = (int)value },
        "minorInjuries" => f with { MinorInjuries = (int)value },
        "seriousInjuries" => f with { SeriousInjuries = (int)value },
        "deaths" => f with { Deaths = (int)value },
        _ => throw new ArgumentException("Unknown field " + field, nameof(field)),
    };

    [Theory]
    [MemberData(nameof(TypedFields))]
    public void ReferralFacts_EachAmountUpToTheLargestAmountOfMoney_EachCountFromZero_AtItsOwnPath(string field)
    {
        var date = new LocalDate(2024, 6, 1);
        var facts = new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = date };
        var amount = field is "sales" or "unsoldValue" or "businessVolume" or "illegalGains" or "directLoss";
        var maxFen = (long)(Money.MaxYuan * 100m);
        if (amount)
        {
            Assert.True(Referral.Decide(WithField(facts, field, maxFen), date).IsSuccess);
            var over = Assert.Single(Referral.Decide(WithField(facts, field, maxFen + 1), date).Errors);
            Assert.Equal("MR.Amount.Invalid", over.Code);
            Assert.Equal("$." + field, over.Path);
        }
        else
        {
            Assert.True(Referral.Decide(WithField(facts, field, 0), date).IsSuccess);
        }
        var negative = Assert.Single(Referral.Decide(WithField(facts, field, -1), date).Errors);
        Assert.Equal(amount ? "MR.Referral.NegativeAmount" : "MR.Referral.NegativeCount", negative.Code);
        Assert.Equal("$." + field, negative.Path);
        Assert.Equal(negative, Assert.Single(Referral.Validate(WithField(facts, field, -1), date)));
    }

    // The kinds the typed facts carry as enums are closed: a value outside them is refused at its own path, and the
    // last defined value is accepted.
    [Fact]
    public void ReferralFacts_OffenderCategoryAndHarmOutsideTheirKinds_AreRefusedAtTheirPaths()
    {
        var date = new LocalDate(2024, 6, 1);
        var facts = new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = date };
        Assert.True(Referral.Decide(facts with { Offender = OffenderKind.Unit, Category = ProductCategory.Service, Harm = (HarmFacts)127 }, date).IsSuccess);
        Assert.Equal("$.offender", Assert.Single(Referral.Decide(facts with { Offender = (OffenderKind)2 }, date).Errors).Path);
        // Below zero too (a caller's cast): the same coded error, never an overflow.
        Assert.Equal("$.offender", Assert.Single(Referral.Decide(facts with { Offender = (OffenderKind)(-1) }, date).Errors).Path);
        Assert.Equal("$.category", Assert.Single(Referral.Decide(facts with { Category = (ProductCategory)(-1) }, date).Errors).Path);
        Assert.Equal("$.category", Assert.Single(Referral.Decide(facts with { Category = ProductCategory.Service + 1 }, date).Errors).Path);
        Assert.Equal("$.harm", Assert.Single(Referral.Decide(facts with { Harm = (HarmFacts)128 }, date).Errors).Path);
        Assert.Equal("$.offence", Assert.Single(Referral.Decide(facts with { Offence = (CriminalOffence)999 }, date).Errors).Path);
        Assert.Equal("$.actDate", Assert.Single(Referral.Decide(facts with { ActDate = default }, date).Errors).Path);
    }

    // Criminal Law Art 12, the harsher later law with a different band: a substandard medical device of 1999 that
    // injured one person. Under the 1997 text of Art 145 the actual harm is the crime itself (the basic band, five years
    // or less); since Amendment IV (2002-12-28) injury is the aggravated band. The later law punishes more, so the band
    // and the law of the act stay, and the decision says the law changed without the later one being lighter.
    [Fact]
    public void TimeEffect_LaterLawHarsherWithAnotherBand_Art145_TheActsBandStays()
    {
        var act = new LocalDate(1999, 6, 1);
        var facts = Facts(CriminalOffence.SubstandardMedicalDevices, act, "", "minor", 1);
        Assert.Equal(SentencingBand.Aggravated, Decide(facts with { ActDate = Today }, Today).Band);

        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.True(decision.LawChanged);
        Assert.False(decision.LaterLawLighter);
        Assert.False(decision.LaterLawMoreLenient);
        Assert.Equal(CriminalOffence.SubstandardMedicalDevices, decision.Offence);
        Assert.Equal(SentencingBand.Base, decision.Band);
        Assert.Equal(new LocalDate(1997, 10, 1), decision.LawFrom);
    }

    // Art 12 with Art 149 ¶2 (the heavier of both): toxic food sold for 2,000,000 yuan in 1999. Under the 1997 text
    // Art 144's basic band is lighter than Art 140's fourth band (fifteen years or life), so Art 140 applies; today's
    // Art 144 reaches its especially serious band (up to death) at that amount, which is heavier. The law of the act
    // stays: Art 140's offence and band, with Art 144 named as the lighter one.
    [Fact]
    public void TimeEffect_LaterLawHarsher_Art144SoldFor2Million_Art140OfTheActsLawApplies()
    {
        var act = new LocalDate(1999, 6, 1);
        var facts = Facts(CriminalOffence.ToxicFood, act, "", "sales", 2_000_000m);
        var today = Decide(facts with { ActDate = Today }, Today);
        Assert.Equal((CriminalOffence.ToxicFood, SentencingBand.EspeciallySerious), (today.Offence, today.Band));

        var decision = Decide(facts, Today);
        Assert.True(decision.Refer);
        Assert.True(decision.LawChanged);
        Assert.False(decision.LaterLawLighter);
        Assert.Equal(CriminalOffence.ShoddyProducts, decision.Offence);
        Assert.Equal(SentencingBand.Gravest, decision.Band);
        Assert.Equal(CriminalOffence.ToxicFood, decision.LighterOffence);
        Assert.Equal(SentencingBand.Base, decision.LighterBand);
        Assert.Equal(new LocalDate(1997, 10, 1), decision.LawFrom);
    }

    // Arts 143 and 144 (food interpretations 2013 and 2021, Art 4 and Art 7): 后果特别严重 is a death, three or more
    // serious injuries or ten or more minor ones; one fewer is the serious band (对人体健康造成严重危害).
    [Theory]
    [InlineData(CriminalOffence.UnsafeFood, "deaths", 1, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.UnsafeFood, "serious", 3, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.UnsafeFood, "serious", 2, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.UnsafeFood, "minor", 10, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.UnsafeFood, "minor", 9, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.ToxicFood, "deaths", 1, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.ToxicFood, "serious", 3, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.ToxicFood, "serious", 2, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.ToxicFood, "minor", 10, SentencingBand.EspeciallySerious)]
    [InlineData(CriminalOffence.ToxicFood, "minor", 9, SentencingBand.Aggravated)]
    public void Art143And144_ADeathThreeSeriousOrTenMinorInjuries_AreEspeciallySerious_OneFewerIsSerious(CriminalOffence offence, string field, int count, SentencingBand band)
    {
        var date = new LocalDate(2023, 6, 1);
        var decision = Decide(Facts(offence, date, "", field, count), date);
        Assert.True(decision.Refer);
        Assert.Equal(band, decision.Band);
    }

    // Arts 143 and 144, 其他严重情节 by sales (2021 interpretation Arts 3 and 7): 200,000 yuan, or 100,000 with an
    // aggravating fact. Sales that reach both are serious once, whichever route is taken; below both, the basic band.
    // Art 140 (Art 149 ¶2) gives 2–7 years from 200,000 yuan: lighter than the food articles' serious bands (3–7 years and
    // more), so a serious food band lost would show as Art 140's.
    [Theory]
    [InlineData(CriminalOffence.UnsafeFood, "harm=5", 250_000, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.UnsafeFood, "harm=5", 150_000, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.UnsafeFood, "harm=5", 99_999.99, SentencingBand.Base)]
    [InlineData(CriminalOffence.UnsafeFood, "harm=1", 150_000, SentencingBand.Base)]
    [InlineData(CriminalOffence.ToxicFood, "harm=4", 250_000, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.ToxicFood, "harm=4", 150_000, SentencingBand.Aggravated)]
    [InlineData(CriminalOffence.ToxicFood, "harm=4", 99_999.99, SentencingBand.Base)]
    [InlineData(CriminalOffence.ToxicFood, "", 150_000, SentencingBand.Base)]
    public void Art143And144_SeriousSales_200000OrWithAnAggravatingFact100000(CriminalOffence offence, string extra, double sales, SentencingBand band)
    {
        var date = new LocalDate(2023, 6, 1);
        var decision = Decide(Facts(offence, date, extra, "sales", (decimal)sales), date);
        Assert.True(decision.Refer);
        // The food article, not Art 140 through Art 149: at these amounts its band is the heavier of the two.
        Assert.Equal((offence, band), (decision.Offence, decision.Band));
    }
}
