using System.Globalization;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

public partial class CriminalReferralTests
{
    // The referral decisions under national law, built from the library's national law context — for each use, not
    // once per process: the tables of law spans are built by the code under test in every test that decides, so a
    // change to how they are built is seen by every referral test (issue 18: honest coverage under mutation testing).
    internal static CriminalReferral Referral => new(NationalCatalog.Law);

    private static readonly LocalDate Today = new(2026, 11, 23);

    [Fact]
    public void Decide_UnitBefore20070405_NeedsThreeTimesTheAmount()
    {
        var before = new LocalDate(2007, 4, 4);
        Assert.False(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, before, "unit", "volume", 149_999.99m), before).Refer);
        var atTriple = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, before, "unit", "volume", 150_000m), before);
        Assert.True(atTriple.Refer);
        Assert.True(atTriple.HasTriggered(ReferralThreshold.Art213Volume));
        // A person on the same day needs only 50,000.
        Assert.True(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, before, "", "volume", 50_000m), before).Refer);
    }

    [Fact]
    public void Decide_UnitFrom20070405_SameAmountAsPerson()
    {
        var from = new LocalDate(2007, 4, 5);
        Assert.True(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, from, "unit", "volume", 50_000m), from).Refer);
        Assert.False(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, from, "unit", "volume", 49_999.99m), from).Refer);
    }

    [Fact]
    public void Decide_UnitActBefore2007DecidedLater_LaterLawDoesNotReachBack()
    {
        // 2007-04-04, unit, 50,000: below the 3× threshold of its day; the 2007 rule is stricter, so it does not apply.
        var act = new LocalDate(2007, 4, 4);
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, act, "unit", "volume", 50_000m), Today);
        Assert.False(decision.Refer);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.True(decision.LawChanged);
    }

    [Theory]
    [InlineData("2021-02-28", VerificationStatus.VerifiedOfficial, "法释〔2004〕19号")]
    [InlineData("2021-03-01", VerificationStatus.FromMemory, null)]
    [InlineData("2025-04-26", VerificationStatus.VerifiedSecondary, "法释〔2025〕5号")]
    public void Explain_Art214AcrossAmendmentXIAndThe2025Interpretation_CitesTheLawOfTheDay(string date, VerificationStatus status, string? number)
    {
        var actDate = Parse(date);
        var report = Referral.Explain(Facts(CriminalOffence.SellingCounterfeitMarkGoods, actDate, "", "sales", 50_000m), actDate).GetValueOrThrow();
        Assert.True(report.Decision.Refer);
        var sales = Assert.Single(report.Checks, c => c.Threshold == ReferralThreshold.Art214Sales);
        Assert.True(sales.Met);
        Assert.Equal(status, sales.Value.Citation.Status);
        Assert.Equal(number, sales.Value.Citation.DocumentNumber);
        Assert.True(report.Decision.LawFrom <= actDate);
    }

    [Fact]
    public void Decide_Art214GainsOnly_CriminalOnlyFrom20250426()
    {
        // 40,000 gains, nothing sold on the record: before 法释〔2025〕5号 no amount for gains existed.
        var before = new LocalDate(2025, 4, 25);
        var from = new LocalDate(2025, 4, 26);
        Assert.False(Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, before, "", "gains", 40_000m), before).Refer);
        Assert.True(Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, from, "", "gains", 40_000m), from).HasTriggered(ReferralThreshold.Art214Gains));
        // The act of 2025-04-25 handled later: no interpretation defined 违法所得数额较大 when it was done, so the one in
        // force when the case is handled applies (两高《关于适用刑事司法解释时间效力问题的规定》第二条: "行为时没有相关司法解释，
        // 司法解释施行后尚未处理或者正在处理的案件，依照司法解释的规定办理"; decision 0014).
        var late = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, before, "", "gains", 40_000m), Today);
        Assert.True(late.Refer);
        Assert.True(late.InterpretationOfDecisionDate);
        Assert.True(late.HasTriggered(ReferralThreshold.Art214Gains));
        Assert.Equal(new LocalDate(2025, 4, 26), late.LawFrom);
    }

    [Fact]
    public void Decide_Art214UnsoldOnly_AttemptBefore2025_CompletedAfter()
    {
        var before = new LocalDate(2024, 6, 1);
        var after = new LocalDate(2025, 6, 1);
        var old = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, before, "", "unsold", 150_000m), before);
        var now = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, after, "", "unsold", 150_000m), after);
        Assert.True(old.Refer);
        Assert.True(old.IsAttempt);
        Assert.True(now.Refer);
        Assert.False(now.IsAttempt);
    }

    [Fact]
    public void Decide_Art215In2023With15000Labels_StaysBelowThe2004Threshold()
    {
        // domain-rules.md §4.2: the 2025 interpretation lowered 20,000 to 10,000 but does not reach back.
        var act = new LocalDate(2023, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitMarkLabels, act, "", "pieces", 15_000m), Today);
        Assert.False(decision.Refer);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.Equal(ReferralThreshold.Art215Pieces, decision.NearestMiss);
        Assert.Equal(5_000m, decision.Shortfall);
    }

    [Fact]
    public void Decide_Art222ConsumerLossUnder2010StandardDecidedAfter2022_LaterLawMoreLenient()
    {
        var act = new LocalDate(2021, 6, 1);
        var facts = Facts(CriminalOffence.FalseAdvertising, act, "victims=1", "loss", 60_000m);
        Assert.True(Decide(facts, act).Refer);
        var later = Decide(facts, Today);
        Assert.False(later.Refer);
        Assert.True(later.LaterLawMoreLenient);
    }

    [Fact]
    public void Decide_Art140CombinationRule_SalesTimesThreePlusUnsold()
    {
        var date = new LocalDate(2019, 6, 1);
        // 40,000 × 3 + 30,000 = 150,000: refer; 40,000 + 30,000 under Art 214 would be 70,000 and not reach 150,000.
        var shoddy = Decide(Facts(CriminalOffence.ShoddyProducts, date, "sales=40000", "unsold", 30_000m), date);
        var marks = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, date, "sales=40000", "unsold", 30_000m), date);
        Assert.True(shoddy.Refer);
        Assert.Equal(ReferralThreshold.Art140Combined, shoddy.DecisiveThreshold);
        Assert.False(marks.Refer);
    }

    [Fact]
    public void Decide_Art140SalesAboveThreshold_CombinationNotApplied()
    {
        var date = new LocalDate(2019, 6, 1);
        var decision = Decide(Facts(CriminalOffence.ShoddyProducts, date, "", "sales", 60_000m), date);
        Assert.True(decision.Refer);
        Assert.False(decision.HasTriggered(ReferralThreshold.Art140Combined));
        Assert.Equal(10_000m, decision.Margin);
        Assert.Equal(SentencingBand.Base, decision.Band);
    }

    [Fact]
    public void Decide_TwoMarks_LowerThreshold()
    {
        var date = new LocalDate(2019, 6, 1);
        Assert.False(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, date, "marks=1", "volume", 40_000m), date).Refer);
        Assert.True(Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, date, "marks=2", "volume", 40_000m), date).Refer);
    }

    [Fact]
    public void Decide_ServiceMarkBefore2021_NotCovered()
    {
        var date = new LocalDate(2020, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, date, "service", "gains", 1_000_000m), date);
        Assert.False(decision.Refer);
    }

    [Fact]
    public void Decide_Art149_FallsBackToArt140WhenTheSpecificCrimeIsNotMadeOut()
    {
        var date = new LocalDate(2019, 6, 1);
        var fallback = Decide(Facts(CriminalOffence.SubstandardDrugs, date, "", "sales", 60_000m), date);
        Assert.True(fallback.Refer);
        Assert.Equal(CriminalOffence.ShoddyProducts, fallback.Offence);
        Assert.True(fallback.Facts.HasFlag(FactTriggers.FallbackToArt140));

        // Both apply: Art 142 (3–10 years) against Art 140 with sales of 600,000 (7 years or more): Art 140 punishes more
        // heavily, so it is charged (刑法第一百四十九条第二款 "依照处罚较重的规定定罪处罚").
        var both = Decide(Facts(CriminalOffence.SubstandardDrugs, date, "minor=1", "sales", 600_000m), date);
        Assert.Equal(CriminalOffence.ShoddyProducts, both.Offence);
        Assert.True(both.Facts.HasFlag(FactTriggers.HeavierOfBoth));
        Assert.Equal(SentencingBand.EspeciallySerious, both.Band);
        Assert.Equal(CriminalOffence.SubstandardDrugs, both.LighterOffence);
        Assert.Equal(SentencingBand.Base, both.LighterBand);

        Assert.False(Decide(Facts(CriminalOffence.SubstandardDrugs, date, "", "sales", 49_999.99m), date).Refer);
    }

    [Theory]
    [InlineData(CriminalOffence.CounterfeitDrugs, "", true)]
    [InlineData(CriminalOffence.ToxicFood, "", true)]
    [InlineData(CriminalOffence.SubstandardDrugs, "", false)]
    [InlineData(CriminalOffence.SubstandardDrugs, "minor=1", true)]
    [InlineData(CriminalOffence.UnsafeFood, "", false)]
    [InlineData(CriminalOffence.UnsafeFood, "harm=1", true)]
    [InlineData(CriminalOffence.SubstandardMedicalDevices, "harm=1", true)]
    [InlineData(CriminalOffence.UnsafeProducts, "minor=2", false)]
    [InlineData(CriminalOffence.UnsafeProducts, "serious=1", true)]
    [InlineData(CriminalOffence.SubstandardCosmetics, "", false)]
    [InlineData(CriminalOffence.SubstandardCosmetics, "harm=8", true)]
    [InlineData(CriminalOffence.FalseAdvertising, "minor=1", true)]
    public void Decide_HarmFacts_TriggerWithoutAmount(CriminalOffence offence, string extra, bool refer)
    {
        var date = new LocalDate(2023, 6, 1);
        Assert.Equal(refer, Decide(Facts(offence, date, extra, "sales", 0m), date).Refer);
    }

    [Fact]
    public void Cumulate_UnhandledActs_AreAddedAndHandledOnesSkipped()
    {
        var facts = new ReferralFacts { Offence = CriminalOffence.ShoddyProducts };
        ReadOnlySpan<ReferralAct> acts =
        [
            new() { Date = new LocalDate(2019, 3, 1), Sales = Money.FromYuan(30_000m) },
            new() { Date = new LocalDate(2019, 5, 1), Sales = Money.FromYuan(20_000m) },
            new() { Date = new LocalDate(2019, 4, 1), Sales = Money.FromYuan(90_000m), Handled = true },
        ];
        var cumulated = facts.Cumulate(acts);
        Assert.Equal(Money.FromYuan(50_000m), cumulated.Sales);
        Assert.Equal(new LocalDate(2019, 5, 1), cumulated.ActDate);
        Assert.True(Decide(cumulated, cumulated.ActDate).Refer);
    }

    // Acts not yet handled are added up (the 2001 and 2008 interpretations: 多次…未经处理的，累计计算): every amount and
    // count, and the date of the last act decides the law, whichever order the acts are listed in.
    [Fact]
    public void Cumulate_EveryAmountAndCountIsAdded_AndTheLastActsDateKept_InAnyOrder()
    {
        var facts = new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, ActDate = new LocalDate(2019, 1, 1), Pieces = 1 };
        ReadOnlySpan<ReferralAct> acts =
        [
            new() { Date = new LocalDate(2019, 6, 1), Sales = Money.FromYuan(1m), UnsoldValue = Money.FromYuan(2m), BusinessVolume = Money.FromYuan(3m),
                IllegalGains = Money.FromYuan(4m), DirectLoss = Money.FromYuan(5m), Pieces = 6, UnsoldPieces = 7 },
            new() { Date = new LocalDate(2019, 2, 1), Sales = Money.FromYuan(10m), UnsoldValue = Money.FromYuan(20m), BusinessVolume = Money.FromYuan(30m),
                IllegalGains = Money.FromYuan(40m), DirectLoss = Money.FromYuan(50m), Pieces = 60, UnsoldPieces = 70 },
        ];
        var cumulated = facts.Cumulate(acts);
        Assert.Equal(
            (Money.FromYuan(11m), Money.FromYuan(22m), Money.FromYuan(33m), Money.FromYuan(44m), Money.FromYuan(55m), 67, 77, new LocalDate(2019, 6, 1)),
            (cumulated.Sales, cumulated.UnsoldValue, cumulated.BusinessVolume, cumulated.IllegalGains, cumulated.DirectLoss, cumulated.Pieces, cumulated.UnsoldPieces, cumulated.ActDate));
    }

    [Theory]
    [InlineData("sales", "MR.Referral.NegativeAmount", "$.sales")]
    [InlineData("pieces", "MR.Referral.NegativeCount", "$.pieces")]
    public void Decide_NegativeInput_CodedError(string field, string code, string path)
    {
        var date = new LocalDate(2019, 6, 1);
        var result = Referral.Decide(Facts(CriminalOffence.ShoddyProducts, date, "", field, -1m), date);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(CriminalOffence.CounterfeitRegisteredMark, "2003-06-01")]
    [InlineData(CriminalOffence.ShoddyProducts, "1997-09-30")]
    [InlineData(CriminalOffence.IllegalFoodBusiness, "2013-05-03")]
    public void Decide_ActBeforeTheLaw_CodedError(CriminalOffence offence, string date)
    {
        var actDate = Parse(date);
        var result = Referral.Decide(Facts(offence, actDate, "", "sales", 1m), Today);
        Assert.Equal("MR.Referral.ActBeforeLaw", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(CriminalOffence.Unspecified)]
    [InlineData((CriminalOffence)999)]
    public void Decide_UnknownOffence_CodedError(CriminalOffence offence)
    {
        var date = new LocalDate(2019, 6, 1);
        var result = Referral.Decide(Facts(offence, date, "", "sales", 1m), date);
        Assert.Contains(result.Errors, e => e.Code == "MR.Referral.UnknownOffence");
    }

    [Fact]
    public void Decide_ActAfterDecisionDate_CodedError()
    {
        var result = Referral.Decide(Facts(CriminalOffence.ShoddyProducts, new LocalDate(2026, 1, 2), "", "sales", 1m), new LocalDate(2026, 1, 1));
        Assert.Equal("MR.Referral.ActAfterDecision", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Decide_ValidFacts_AllocatesNothing()
    {
        var date = new LocalDate(2024, 6, 1);
        var facts = new[]
        {
            Facts(CriminalOffence.ShoddyProducts, date, "unsold=10000", "sales", 60_000m),
            Facts(CriminalOffence.SellingCounterfeitMarkGoods, date, "prior=1", "gains", 25_000m),
            Facts(CriminalOffence.CounterfeitMarkLabels, date, "marks=2", "pieces", 12_000m),
            Facts(CriminalOffence.SubstandardDrugs, date, "minor=1", "sales", 300_000m),
        };
        var referral = Referral;
        // Warm up past tiered compilation, whose one-off work may be charged to this thread.
        for (var i = 0; i < 200_000; i++)
        {
            _ = referral.Decide(facts[i & 3], Today);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refer = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (referral.Decide(facts[i & 3], Today).Value.Refer)
            {
                refer++;
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(refer > 0);
    }

    [Fact]
    public void Explain_ListsEveryCheckWithCitationAndTheDecisionMatchesDecide()
    {
        var date = new LocalDate(2019, 6, 1);
        var facts = Facts(CriminalOffence.ShoddyProducts, date, "", "sales", 250_000m);
        var report = Referral.Explain(facts, date).GetValueOrThrow();
        Assert.Equal(Decide(facts, date), report.Decision);
        Assert.Equal(SentencingBand.Aggravated, report.Decision.Band);
        Assert.Contains(report.Checks, c => c.Threshold == ReferralThreshold.Art140Sales && c.Met && c.Difference == 200_000m);
        Assert.Contains(report.Checks, c => c.Threshold == ReferralThreshold.Art140ThirdBand && !c.Met);
        Assert.Equal("refer", report.Explanation.Outcome);
        Assert.All(report.Explanation.Reasons.Where(r => r.Code.StartsWith("MR.Referral.Threshold", StringComparison.Ordinal)), r => Assert.NotNull(r.Citation));
    }

    private static ReferralDecision Decide(ReferralFacts facts, LocalDate asOf) =>
        Referral.Decide(facts, asOf).GetValueOrThrow();

    private static LocalDate Parse(string date) => LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture));

    /// <summary>Builds facts: <paramref name="extra"/> is a ';'-separated list such as <c>marks=2;unit;sales=40000</c>.</summary>
    internal static ReferralFacts Facts(CriminalOffence offence, LocalDate date, string extra, string field, decimal value)
    {
        var facts = new ReferralFacts { Offence = offence, ActDate = date };
        foreach (var item in extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=');
            facts = Set(facts, parts[0], parts.Length > 1 ? decimal.Parse(parts[1], CultureInfo.InvariantCulture) : 1m);
        }
        return Set(facts, field, value);
    }

    private static ReferralFacts Set(ReferralFacts f, string field, decimal value) => field switch
    {
        "sales" => f with { Sales = Money.FromYuan(value) },
        "unsold" => f with { UnsoldValue = Money.FromYuan(value) },
        "volume" => f with { BusinessVolume = Money.FromYuan(value) },
        "gains" => f with { IllegalGains = Money.FromYuan(value) },
        "loss" => f with { DirectLoss = Money.FromYuan(value) },
        "pieces" => f with { Pieces = (int)value },
        "unsoldPieces" => f with { UnsoldPieces = (int)value },
        "marks" => f with { Marks = (int)value },
        "patents" => f with { Patents = (int)value },
        "prior" => f with { PriorPenaltiesWithinTwoYears = (int)value },
        "victims" => f with { Victims = (int)value },
        "minor" => f with { MinorInjuries = (int)value },
        "serious" => f with { SeriousInjuries = (int)value },
        "deaths" => f with { Deaths = (int)value },
        "harm" => f with { Harm = (HarmFacts)(int)value },
        "unit" => f with { Offender = OffenderKind.Unit },
        "service" => f with { ServiceMark = true, Category = ProductCategory.Service },
        "emergency" => f with { Emergency = true },
        "food" => f with { Category = ProductCategory.Food },
        _ => throw new ArgumentException("Unknown field " + field, nameof(field)),
    };
}
