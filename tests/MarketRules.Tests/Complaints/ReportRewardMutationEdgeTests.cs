using System.Globalization;
using System.Text;
using MarketRules.Complaints;
using MarketRules.Json;
using MarketRules.Parameters;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// Edges of the whistle-blower reward measures (国市监稽规〔2021〕4号) and the provincial 较大数额 packs that the
/// calculator's tests left open (issue 18): the first day each threshold is in force, the reporter and case exclusions
/// one by one, the qualifiers, and snapshots of whole explanations (texts, citations, parameters) per path.
/// </summary>
public class ReportRewardMutationEdgeTests
{
    private static readonly LocalDate Closed = new(2026, 6, 30);
    private static readonly LawContext Packs = RewardPolicyPacks.WithAll(NationalCatalog.Law);

    private static Jurisdiction J(string code) => Jurisdiction.Parse(code).GetValueOrThrow();

    private static ReportRewardCalculator In(string code) => new(Packs.For(J(code)));

    private static RuleResult<RewardDecision> Decide(string code, RewardCase facts) => In(code).Decide(facts);

    private static RewardCase Case(decimal fines, RewardLevel level = RewardLevel.Level3, LocalDate? closedOn = null) =>
        new() { ClosedOn = closedOn ?? Closed, FinesAndConfiscations = Money.FromYuan(fines), Level = level };

    [Theory]
    // Each province's 较大数额 applies from its pack's first day; the day before, the amount alone cannot decide.
    [InlineData("500000", 2022, 4, 1)] // Chongqing
    [InlineData("210000", 2022, 4, 1)] // Liaoning
    [InlineData("610000", 2022, 11, 17)] // Shaanxi
    [InlineData("330000", 2021, 12, 1)] // Zhejiang, from the measures' first day
    public void LargeAmountThreshold_AppliesFromThePacksFirstDay_AndNotTheDayBefore(string code, int y, int m, int d)
    {
        var first = new LocalDate(y, m, d);
        var on = Decide(code, Case(300_000m, closedOn: first)).GetValueOrThrow();
        Assert.True(on.Eligible);
        Assert.Equal(new[] { "large-amount" }, on.QualiesByArray());
        var before = Decide(code, Case(300_000m, closedOn: first.PlusDays(-1)));
        Assert.False(before.IsSuccess);
        Assert.Contains(before.Errors, e => e.Code is "MR.Rewards.ThresholdNotSet" or "MR.Parameter.NotInForce");
    }

    [Fact]
    public void Measures_FirstDayInForce_2021_12_01_GivesTheLevel1Percentage()
    {
        var on = Decide("330000", Case(1_000_000m, RewardLevel.Level1, new LocalDate(2021, 12, 1))).GetValueOrThrow();
        Assert.Equal(Money.FromYuan(50_000), on.Amount);
        Assert.Equal(new LocalDate(2021, 12, 1), ComplaintCitations.RewardsInForce);
    }

    [Fact]
    public void ThresholdNotSet_NamesTheJurisdiction_NationalOrTheProvinceCode()
    {
        var national = new ReportRewardCalculator(NationalCatalog.Law).Decide(Case(200_000m)).Errors.Single();
        Assert.Equal("MR.Rewards.ThresholdNotSet", national.Code);
        Assert.Equal("national", national.Arguments["Jurisdiction"]);
        var beijing = In("110000").Decide(Case(200_000m)).Errors.Single();
        Assert.Equal(J("110000").ToString(), beijing.Arguments["Jurisdiction"]);
        Assert.NotEqual("national", beijing.Arguments["Jurisdiction"]);
        Assert.Equal("2026-06-30", beijing.Arguments["Date"]);
    }

    [Fact]
    public void NoFinesAndNoQualifier_IsNotAMajorViolation_EvenWithoutAProvincialThreshold()
    {
        // Nothing to compare with the 较大数额: not an error, simply not within Art 2.
        var d = new ReportRewardCalculator(NationalCatalog.Law).Decide(Case(0m)).GetValueOrThrow();
        Assert.False(d.Eligible);
        Assert.Equal(new[] { RewardExclusion.NotMajorViolation }, d.Exclusions.ToArray());
    }

    [Theory]
    [InlineData(RewardExclusion.OfficialDuty)]
    [InlineData(RewardExclusion.InfringedParty)]
    [InlineData(RewardExclusion.Violator)]
    [InlineData(RewardExclusion.PaidByCompetitor)]
    public void ExcludedReporter_GetsNoReward_EvenWhenTheBureauRecordsTheExclusionTwice(RewardExclusion exclusion)
    {
        var d = Decide("330000", Case(200_000m) with { ReporterExclusions = [exclusion, exclusion] }).GetValueOrThrow();
        Assert.False(d.Eligible);
        Assert.Equal(new[] { exclusion }, d.Exclusions.ToArray());
        Assert.Equal(Money.Zero, d.Amount);
        Assert.Equal(0m, d.Percentage);
    }

    [Fact]
    public void ReporterExclusions_OnlyTheFourReporterKinds_AreTakenFromTheBureau()
    {
        // The case-level grounds follow from the facts, not from the reporter's list.
        var d = Decide("330000", Case(200_000m) with { ReporterExclusions = [RewardExclusion.None, RewardExclusion.NotMajorViolation, RewardExclusion.NotVerifiedAndClosed] }).GetValueOrThrow();
        Assert.True(d.Eligible);
    }

    [Fact]
    public void NotEligible_HasNoPercentage_ThoughTheLevelAndFinesWouldGiveOne()
    {
        var d = Decide("330000", Case(500_000m, RewardLevel.Level1) with { VerifiedAndClosed = false }).GetValueOrThrow();
        Assert.Equal(new[] { RewardExclusion.NotVerifiedAndClosed }, d.Exclusions.ToArray());
        Assert.Equal(0m, d.Percentage);
        Assert.Equal(Money.Zero, d.Amount);
    }

    [Theory]
    [InlineData(true, false, false, "crime")]
    [InlineData(false, true, false, "suspension-or-closure")]
    [InlineData(false, false, true, "licence-revoked")]
    public void MajorViolation_EachQualifierAlone_MakesTheCaseEligibleBelowTheThreshold(bool crime, bool suspension, bool revoked, string by)
    {
        var d = Decide("330000", Case(1_000m) with { SuspectedCrime = crime, SuspensionOrClosure = suspension, LicenceRevoked = revoked }).GetValueOrThrow();
        Assert.True(d.Eligible);
        Assert.Equal(new[] { by }, d.QualiesByArray());
        Assert.Equal(Money.FromYuan(1_000), d.Amount);
    }

    [Fact]
    public void Liaoning_NaturalPersonViolator_TheExplanationUsesThePersonThreshold()
    {
        var d = Decide("210000", Case(10_000m) with { ViolatorIsNaturalPerson = true }).GetValueOrThrow();
        var threshold = Assert.Single(d.Explanation.Parameters, p => p.ParameterId.StartsWith("rewards.large-amount", StringComparison.Ordinal));
        Assert.Equal("rewards.large-amount-person", threshold.ParameterId);
        Assert.Equal(10_000m, threshold.Value);
    }

    [Fact]
    public void Ratio_FinerThanOneTenThousandth_IsComputedExactly()
    {
        // A pack with a ratio of 0.005 ‰ (finer than 1/10,000): the decision applies it exactly.
        var pack = PolicyPack.Parse("""
            { "id": "test-fine-ratio", "version": "1", "jurisdiction": "330000", "title": { "zh": "测试比例", "en": "test ratio" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "project-requirement" },
              "parameters": { "rewards.level1-ratio": { "unit": "ratio", "values": [ { "from": "2027-01-01", "value": 0.00005 } ] } } }
            """, NationalCatalog.Law.Policy.Catalog).GetValueOrThrow();
        var calculator = new ReportRewardCalculator(Packs.WithPack(pack).GetValueOrThrow().For(J("330000")));
        var a = calculator.Assess(Case(1_000_000_000m, RewardLevel.Level1, new LocalDate(2027, 1, 1))).GetValueOrThrow();
        Assert.Equal(Money.FromYuan(50_000), a.Amount);
        Assert.False(a.FloorApplied);
    }

    [Theory]
    // A pack may put some of the measures' values in force before the measures (2021-12-01); a reward's amount needs
    // all four for its level, and the first one missing on the closing day is the coded error.
    [InlineData("rewards.level1-ratio")]
    [InlineData("rewards.level1-floor")]
    [InlineData("rewards.cap-per-case")]
    [InlineData("rewards.finance-co-decision")]
    public void Amount_WithOneOfItsValuesNotYetInForce_IsThatValuesNotInForceError(string missing)
    {
        var values = new Dictionary<string, (string Unit, decimal Value)>
        {
            ["rewards.level1-ratio"] = ("ratio", 0.05m),
            ["rewards.level1-floor"] = ("yuan", 5_000m),
            ["rewards.cap-per-case"] = ("yuan", 1_000_000m),
            ["rewards.finance-co-decision"] = ("yuan", 500_000m),
        };
        var parameters = string.Join(", ", values.Where(v => v.Key != missing).Select(v =>
            $$"""
            "{{v.Key}}": { "unit": "{{v.Value.Unit}}", "values": [ { "from": "2020-01-01", "value": {{v.Value.Value.ToString(CultureInfo.InvariantCulture)}} } ] }
            """));
        var pack = PolicyPack.Parse($$"""
            { "id": "test-early-values", "version": "1", "jurisdiction": "330000", "title": { "zh": "测试", "en": "test" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "project-requirement" },
              "parameters": { {{parameters}} } }
            """, NationalCatalog.Law.Policy.Catalog).GetValueOrThrow();
        var calculator = new ReportRewardCalculator(Packs.WithPack(pack).GetValueOrThrow().For(J("330000")));
        var result = calculator.Assess(Case(100_000m, RewardLevel.Level1, new LocalDate(2021, 6, 1)) with { SuspectedCrime = true });
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Parameter.NotInForce", error.Code);
        Assert.Contains(missing, error.Message.English, StringComparison.Ordinal);
        // With all four from the pack's first day, the same case has its amount: 5 % of 100,000 yuan.
        var complete = calculator.Assess(Case(100_000m, RewardLevel.Level1, new LocalDate(2021, 12, 1)) with { SuspectedCrime = true });
        Assert.Equal(Money.FromYuan(5_000m), complete.GetValueOrThrow().Amount);
    }

    [Theory]
    [InlineData(RewardRounding.HalfUpToFen, 5)]
    [InlineData(RewardRounding.DownToFen, 4)]
    public void Percentage_OfAnOddFen_IsRoundedAsTheCallerChose(RewardRounding rounding, long expectedFen)
    {
        // 1 % of 4.50 yuan is 4.5 fen: half up to the fen gives 5, down to the fen 4 (the floor then governs the amount).
        var a = In("330000").Assess(Case(4.50m, RewardLevel.Level3) with { SuspectedCrime = true, Rounding = rounding }).GetValueOrThrow();
        Assert.Equal(expectedFen, a.RoundedFen);
    }

    [Fact]
    public void Fines_BeyondWhatJsonAdmits_ATypedCallersAmountIsStillCappedExactly()
    {
        // Money.FromFen takes any long; the percentage of the largest is computed without overflow and capped.
        var a = In("330000").Assess(Case(0m, RewardLevel.Level1) with { FinesAndConfiscations = Money.FromFen(long.MaxValue), SuspectedCrime = true }).GetValueOrThrow();
        Assert.True(a.CapApplied);
        Assert.Equal(Money.FromYuan(1_000_000), a.Amount);
        Assert.Equal(long.MaxValue / 20, a.RoundedFen); // …790.35 fen, half up to the fen
    }

    [Fact]
    public void AddDefaults_Twice_KeepsOnePackPerProvince()
    {
        var twice = RewardPolicyPacks.AddDefaults(RewardPolicyPacks.AddDefaults(NationalCatalog.Law.Policy));
        Assert.All(RewardPolicyPacks.All, pack => Assert.Single(twice.Packs, p => p.Id == pack.Id));
    }

    [Fact]
    public void RewardParameters_NamesUnitsValuesAndCitations_MatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var p in RewardParameters.All)
        {
            text.Append(p.Id).Append(" | ").Append(p.Name.Chinese).Append(" | ").Append(p.Name.English).Append(" | ").Append(p.Unit).AppendLine();
            foreach (var v in p.Values)
            {
                text.Append("  ").Append(v.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(' ').Append(v.Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(v.Citation.Article?.Chinese).Append(" / ").Append(v.Citation.Article?.English).Append(' ').Append(v.Citation.Status).AppendLine();
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    // Snapshots of whole explanations, one per path. Read against domain-rules-more.md R2–R5 before committing: Art 2
    // for the scope and the excluded non-persons, Art 12 for the percentage and floors, the cap and the finance
    // co-decision, the province's pack for the 较大数额.

    [Fact]
    public void Explanation_Zhejiang_LargeAmountReached_Level1Percentage_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Decide("330000", Case(1_000_000m, RewardLevel.Level1)).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_National_NoFines_CrimeSuspensionRevocation_Level3FloorRoundedDown_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(new ReportRewardCalculator(NationalCatalog.Law).Decide(Case(0m) with
        {
            SuspectedCrime = true, SuspensionOrClosure = true, LicenceRevoked = true, Rounding = RewardRounding.DownToFen,
        }).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_Zhejiang_CrimeBelowTheThreshold_Level2FloorWithFines_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Decide("330000", Case(50_000m, RewardLevel.Level2) with { SuspectedCrime = true }).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_Zhejiang_CapAndFinanceCoDecision_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Decide("330000", Case(30_000_000m, RewardLevel.Level1) with { LicenceRevoked = true }).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_Zhejiang_EveryExclusion_BelowTheThreshold_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Decide("330000", Case(99_999.99m, RewardLevel.Level1) with
        {
            ReporterIsNaturalPerson = false, VerifiedAndClosed = false,
            ReporterExclusions = [RewardExclusion.PaidByCompetitor, RewardExclusion.Violator, RewardExclusion.InfringedParty, RewardExclusion.OfficialDuty],
        }).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_Liaoning_NaturalPersonViolator_PersonThresholdReached_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Decide("210000", Case(10_000m) with { ViolatorIsNaturalPerson = true }).GetValueOrThrow().Explanation));

    [Fact]
    public void RewardErrors_EveryCodedError_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(string.Join('\n', new[]
        {
            In("330000").Decide(new RewardCase { ClosedOn = Closed, SuspectedCrime = true }).Errors.Single(),
            In("330000").Decide(Case(-1m)).Errors.Single(),
            In("110000").Decide(Case(200_000m)).Errors.Single(),
        }.Select(MarketRulesJson.Serialize)));
}

internal static class RewardDecisionTestExtensions
{
    internal static string[] QualiesByArray(this RewardDecision d) => d.QualifiesBy.ToArray();
}

public class RewardEntryPointsMutationEdgeTests
{
    [Fact]
    public void Assess_WithoutFacts_IsAnArgumentError()
    {
        var calculator = new ReportRewardCalculator(NationalCatalog.Law);
        Assert.Equal("facts", Assert.Throws<ArgumentNullException>(() => calculator.Assess(null!)).ParamName);
    }

    [Fact]
    public void AddDefaults_WithoutAPolicy_IsAnArgumentError() =>
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => RewardPolicyPacks.AddDefaults(null!)).ParamName);

    [Fact]
    public void Json_OfAPackNotShipped_NamesTheMissingFile() =>
        Assert.Equal("Embedded resource hainan-rewards.json is missing", Assert.Throws<InvalidOperationException>(() => RewardPolicyPacks.Json("hainan-rewards.json")).Message);
}
