using MarketRules.Complaints;
using MarketRules.Parameters;

namespace MarketRules.Tests.Complaints;

public class ReportRewardCalculatorTests
{
    private static readonly LocalDate Closed = new(2026, 6, 30);
    private static readonly Jurisdiction Zhejiang = Jurisdiction.Parse("330000").GetValueOrThrow();
    private static readonly Jurisdiction Hangzhou = Jurisdiction.Parse("330106").GetValueOrThrow();
    private static readonly LawContext Packs = RewardPolicyPacks.WithAll(NationalCatalog.Law);

    private static RewardDecision Decide(decimal fines, RewardLevel level, Jurisdiction? where = null, RewardRounding rounding = RewardRounding.HalfUpToFen,
        bool crime = false, bool person = false) =>
        new ReportRewardCalculator(Packs.For(where ?? Zhejiang)).Decide(new RewardCase
        {
            ClosedOn = Closed, FinesAndConfiscations = Money.FromYuan(fines), Level = level, Rounding = rounding, SuspectedCrime = crime,
            ViolatorIsNaturalPerson = person,
        }).GetValueOrThrow();

    [Theory]
    // Each floor: the percentage is below it (R3 vectors: 50,000 at level 1 gives 2,500 → 5,000).
    [InlineData(100_000, RewardLevel.Level1, 5_000, true)]
    [InlineData(100_000, RewardLevel.Level2, 3_000, true)]
    [InlineData(100_000, RewardLevel.Level3, 1_000, true)]
    [InlineData(50_000, RewardLevel.Level1, 5_000, true)]
    [InlineData(400_000, RewardLevel.Level2, 12_000, false)]
    [InlineData(100_001, RewardLevel.Level1, 5_000.05, false)]
    [InlineData(12_000_000, RewardLevel.Level1, 600_000, false)]
    [InlineData(20_000_000, RewardLevel.Level1, 1_000_000, false)]
    [InlineData(30_000_000, RewardLevel.Level1, 1_000_000, false)]
    public void Amount_Percentage_Floor_AndCap(decimal fines, RewardLevel level, decimal expected, bool floor)
    {
        var d = Decide(fines, level, crime: true);
        Assert.True(d.Eligible);
        Assert.Equal(Money.FromYuan(expected), d.Amount);
        Assert.Equal(floor && fines * (level == RewardLevel.Level1 ? 0.05m : level == RewardLevel.Level2 ? 0.03m : 0.01m) < expected, d.FloorApplied);
        Assert.Equal(fines * (level == RewardLevel.Level1 ? 0.05m : level == RewardLevel.Level2 ? 0.03m : 0.01m) > 1_000_000m, d.CapApplied);
        Assert.Equal(d.Amount.Yuan >= 500_000m, d.NeedsFinanceCoDecision);
    }

    [Fact]
    public void Amount_FloorBoundary_OneFenAboveTheFloor_IsThePercentage()
    {
        // 5 % of 100,000.20 = 5,000.01: just above the floor.
        var d = Decide(100_000.20m, RewardLevel.Level1);
        Assert.Equal(Money.FromFen(500_001), d.Amount);
        Assert.False(d.FloorApplied);
        var exact = Decide(100_000m, RewardLevel.Level1);
        Assert.Equal(Money.FromYuan(5_000), exact.Amount);
        Assert.False(exact.FloorApplied); // 5,000 is not below 5,000
    }

    [Fact]
    public void Amount_AtTheCap_ExactlyAndOneFenAbove()
    {
        var at = Decide(20_000_000m, RewardLevel.Level1);
        Assert.Equal(Money.FromYuan(1_000_000), at.Amount);
        Assert.False(at.CapApplied);
        var above = Decide(20_000_000.20m, RewardLevel.Level1);
        Assert.Equal(Money.FromYuan(1_000_000), above.Amount);
        Assert.True(above.CapApplied);
        Assert.Contains(above.Explanation.Reasons, r => r.Code == "MR.Rewards.Cap");
    }

    [Fact]
    public void FinanceCoDecision_From500000Inclusive()
    {
        Assert.True(Decide(10_000_000m, RewardLevel.Level1).NeedsFinanceCoDecision); // exactly 500,000
        Assert.False(Decide(9_999_999.80m, RewardLevel.Level1).NeedsFinanceCoDecision); // 499,999.99
    }

    [Fact]
    public void Rounding_IsStated_AndEitherRuleIsExactToTheFen()
    {
        // 3 % of 123,456.79 = 3,703.7037 yuan: 3,703.70 either way; 1 % of 123,456.79 = 1,234.5679 → 1,234.57 half-up, 1,234.56 down.
        Assert.Equal(Money.FromYuan(3_703.70m), Decide(123_456.79m, RewardLevel.Level2).Amount);
        Assert.Equal(Money.FromYuan(1_234.57m), Decide(123_456.79m, RewardLevel.Level3).Amount);
        Assert.Equal(Money.FromYuan(1_234.56m), Decide(123_456.79m, RewardLevel.Level3, rounding: RewardRounding.DownToFen).Amount);
        // Half a fen: 1 % of 100,000.50 = 1,000.005 → 1,000.01 half away from zero, 1,000.00 down.
        Assert.Equal(Money.FromFen(100_001), Decide(100_000.50m, RewardLevel.Level3).Amount);
        Assert.Equal(Money.FromYuan(1_000m), Decide(100_000.50m, RewardLevel.Level3, rounding: RewardRounding.DownToFen).Amount);
        var reason = Assert.Single(Decide(123_456.79m, RewardLevel.Level3).Explanation.Reasons, r => r.Code == "MR.Rewards.Rounding");
        Assert.Equal(VerificationStatus.FromMemory, reason.Citation!.Status);
    }

    [Theory]
    [InlineData("330000", 100_000, true)] // Zhejiang: 10万（含10万元）以上 includes the amount
    [InlineData("330000", 99_999.99, false)] // one fen below
    [InlineData("330106", 100_000, true)] // a Hangzhou district inherits the province's threshold
    [InlineData("500000", 100_000, true)] // Chongqing
    [InlineData("500000", 99_999.99, false)]
    [InlineData("610000", 300_000, true)] // Shaanxi 30万
    [InlineData("610000", 299_999.99, false)]
    [InlineData("210000", 100_000, true)] // Liaoning, organisations
    [InlineData("210000", 99_999.99, false)]
    public void Eligibility_ProvincialThreshold_InclusiveAndJustBelow(string code, decimal fines, bool eligible)
    {
        var d = Decide(fines, RewardLevel.Level3, Jurisdiction.Parse(code).GetValueOrThrow());
        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(eligible ? [] : new[] { RewardExclusion.NotMajorViolation }, d.Exclusions.ToArray());
        Assert.Contains(d.Explanation.Parameters, p => p.ParameterId == "rewards.large-amount" && p.Source != "national");
    }

    [Fact]
    public void Eligibility_Liaoning_NaturalPersonThresholdIs10000()
    {
        var liaoning = Jurisdiction.Parse("210000").GetValueOrThrow();
        Assert.True(Decide(10_000m, RewardLevel.Level3, liaoning, person: true).Eligible);
        Assert.False(Decide(9_999.99m, RewardLevel.Level3, liaoning, person: true).Eligible);
        Assert.False(Decide(10_000m, RewardLevel.Level3, liaoning, person: false).Eligible);
    }

    [Fact]
    public void Eligibility_CrimeQualifiesWithoutAThreshold_AndTheFloorIsTheMinimumWithoutFines()
    {
        var d = new ReportRewardCalculator(NationalCatalog.Law).Decide(new RewardCase
        {
            ClosedOn = Closed, Level = RewardLevel.Level2, SuspectedCrime = true,
        }).GetValueOrThrow();
        Assert.True(d.Eligible);
        Assert.Equal(Money.FromYuan(3_000), d.Amount);
        Assert.True(d.FloorApplied);
        Assert.Equal(new[] { "crime" }, d.QualifiesBy.ToArray());
    }

    [Fact]
    public void Eligibility_AmountAloneWithoutAProvincialThreshold_IsACodedError()
    {
        var result = new ReportRewardCalculator(NationalCatalog.Law.For(Jurisdiction.Parse("110000").GetValueOrThrow())).Decide(new RewardCase
        {
            ClosedOn = Closed, Level = RewardLevel.Level1, FinesAndConfiscations = Money.FromYuan(200_000),
        });
        Assert.Equal("MR.Rewards.ThresholdNotSet", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Eligibility_ExcludedReporters_AndUnverifiedCases_GetNoReward()
    {
        var d = new ReportRewardCalculator(Packs.For(Zhejiang)).Decide(new RewardCase
        {
            ClosedOn = Closed, Level = RewardLevel.Level1, FinesAndConfiscations = Money.FromYuan(500_000), ReporterIsNaturalPerson = false,
            ReporterExclusions = [RewardExclusion.InfringedParty, RewardExclusion.OfficialDuty], VerifiedAndClosed = false,
        }).GetValueOrThrow();
        Assert.False(d.Eligible);
        Assert.Equal(new[] { RewardExclusion.NotNaturalPerson, RewardExclusion.OfficialDuty, RewardExclusion.InfringedParty, RewardExclusion.NotVerifiedAndClosed }, d.Exclusions.ToArray());
        Assert.Equal(Money.Zero, d.Amount);
        Assert.Equal("not-eligible", d.Explanation.Outcome);
    }

    [Fact]
    public void Decide_BeforeTheMeasures_AndWithoutALevel_AreCodedErrors()
    {
        var calculator = new ReportRewardCalculator(Packs.For(Zhejiang));
        Assert.Equal("MR.Rewards.LevelRequired", Assert.Single(calculator.Decide(new RewardCase { ClosedOn = Closed, SuspectedCrime = true }).Errors).Code);
        Assert.Equal("MR.Parameter.NotInForce",
            calculator.Decide(new RewardCase { ClosedOn = new LocalDate(2021, 11, 30), Level = RewardLevel.Level1, SuspectedCrime = true }).Errors[0].Code);
    }

    [Fact]
    public void Parameters_CarryTheirStatus_CapArticleFromMemory()
    {
        Assert.All(RewardParameters.All.SelectMany(p => p.Values), v => Assert.Equal(new LocalDate(2021, 12, 1), v.EffectiveFrom));
        Assert.Contains("条号凭记忆", RewardParameters.CapPerCase.Values[0].Citation.Article!.Chinese, StringComparison.Ordinal);
        Assert.Empty(RewardParameters.LargeAmount.Values);
        Assert.Equal(4, RewardPolicyPacks.All.Length);
    }

    [Fact]
    public void Assess_IsTheDecisionOfDecide_ExactToTheFen_AndAllocatesNothing()
    {
        // Amounts with fen, so the integer percentage is checked against the decimal one with both roundings, at and
        // around Zhejiang's 100,000 threshold, under every floor and past the cap; crime, person and exclusions mixed.
        var calculator = new ReportRewardCalculator(Packs.For(Hangzhou));
        var random = new Random(8);
        var cases = Enumerable.Range(0, 3_000).Select(i => new RewardCase
        {
            ClosedOn = Closed.PlusDays(random.Next(-200, 200)), Level = (RewardLevel)random.Next(1, 4), Rounding = (RewardRounding)random.Next(0, 2),
            FinesAndConfiscations = Money.FromFen(random.Next(0, 4) switch { 0 => 10_000_000, 1 => random.Next(0, 20_000_000), _ => random.NextInt64(0, 4_000_000_000) }),
            SuspectedCrime = random.Next(0, 5) == 0, ViolatorIsNaturalPerson = random.Next(0, 2) == 0, ReporterIsNaturalPerson = random.Next(0, 20) != 0,
            VerifiedAndClosed = random.Next(0, 20) != 0,
        }).ToArray();
        foreach (var c in cases)
        {
            var a = calculator.Assess(c).GetValueOrThrow();
            var d = calculator.Decide(c).GetValueOrThrow();
            Assert.Equal(a, d.Assessment);
            Assert.Equal((d.Eligible, d.Amount, d.FloorApplied, d.CapApplied, d.NeedsFinanceCoDecision), (a.Eligible, a.Amount, a.FloorApplied, a.CapApplied, a.NeedsFinanceCoDecision));
            Assert.Equal(d.Exclusions, a.Exclusions);
            if (a.Eligible)
            {
                var ratio = c.Level switch { RewardLevel.Level1 => 0.05m, RewardLevel.Level2 => 0.03m, _ => 0.01m };
                var floor = c.Level switch { RewardLevel.Level1 => 500_000L, RewardLevel.Level2 => 300_000L, _ => 100_000L };
                var rounded = ReportRewardCalculator.ToWholeFen(c.FinesAndConfiscations.Fen * ratio, c.Rounding);
                Assert.Equal(Math.Min(100_000_000L, Math.Max(floor, rounded)), a.Amount.Fen);
                Assert.Equal(c.FinesAndConfiscations.Fen * ratio / 100m, d.Percentage);
            }
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        long total = 0;
        foreach (var c in cases)
        {
            total += calculator.Assess(c).Value.Amount.Fen;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }

    [Fact]
    public void Assess_FollowsAPackThatChangesARatioLater()
    {
        // The calculator's table of spans takes the pack's dates: 5 % before 2027-01-01, the pack's 6 % from that day.
        var pack = PolicyPack.Parse("""
            { "id": "test-ratio", "version": "1", "jurisdiction": "330000", "title": { "zh": "测试比例", "en": "test ratio" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "project-requirement" },
              "parameters": { "rewards.level1-ratio": { "unit": "ratio", "values": [ { "from": "2027-01-01", "value": 0.06 } ] } } }
            """, NationalCatalog.Law.Policy.Catalog).GetValueOrThrow();
        var calculator = new ReportRewardCalculator(Packs.WithPack(pack).GetValueOrThrow().For(Hangzhou));
        RewardCase On(LocalDate day) => new() { ClosedOn = day, Level = RewardLevel.Level1, SuspectedCrime = true, FinesAndConfiscations = Money.FromYuan(1_000_000) };
        Assert.Equal(Money.FromYuan(50_000), calculator.Assess(On(new LocalDate(2026, 12, 31))).GetValueOrThrow().Amount);
        Assert.Equal(Money.FromYuan(60_000), calculator.Assess(On(new LocalDate(2027, 1, 1))).GetValueOrThrow().Amount);
        var explained = calculator.Decide(On(new LocalDate(2027, 1, 1))).GetValueOrThrow().Explanation;
        Assert.Contains(explained.Parameters, p => p.ParameterId == RewardParameters.Level1Ratio.Id && p.Value == 0.06m);
        Assert.Equal("MR.Parameter.NotInForce", calculator.Assess(On(new LocalDate(2021, 11, 30))).Errors[0].Code);
    }
}
