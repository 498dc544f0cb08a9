using MarketRules.Credit;
using System.Collections.Immutable;
using MarketRules.Json;
using MarketRules.Parameters;
using Snapshooter.Xunit;

namespace MarketRules.Tests.Credit;

// Edges of the credit-risk classification policy (cut points, weights and caps, list overrides) and its JSON form.
// Policies are parsed afresh here (not the shared lazy Example), so each test exercises parsing itself.
public class CreditRiskPolicyMutationEdgeTests
{
    private static readonly LocalDate AsOf = new(2025, 6, 30);

    private static string PolicyJson(string indicators = """{ "penalties": { "weight": 10, "cap": 6 } }""", string cuts = """{ "b": 10, "c": 35, "d": 70 }""", string extra = "") =>
        $$"""{ "id": "p", "effectiveFrom": "2022-01-13", "indicators": {{indicators}}, "cutPoints": {{cuts}}{{extra}} }""";

    private static CreditRiskPolicy FreshExample() => CreditRiskPolicy.Parse(CreditRiskPolicy.ReadResource("MarketRules.Data.Credit/credit-risk-example.json")).GetValueOrThrow();

    [Fact]
    public void Explain_EveryIndicatorAndSeriousList_NamesEachCategoryAndTheSeriousListOverride()
    {
        // All six indicators contribute; the serious list decides class D whatever the score (2021 Measures).
        var explained = FreshExample().Explain(new CreditIndicators(1, 1, 1, 1, 1, 1, onSeriousList: true), AsOf, "330105");
        Assert.Equal(CreditRiskClass.D, explained.Class);
        Assert.Equal("D (score 57, SeriousList)", explained.ToString());
        Snapshot.Match(MarketRulesJson.Serialize(explained.Explanation));
    }

    [Fact]
    public void Explain_NothingRecorded_IsClassA()
    {
        var explained = FreshExample().Explain(default, AsOf);
        Assert.Equal(CreditRiskClass.A, explained.Class);
        Assert.Equal("class-a", explained.Explanation.Outcome);
        Assert.Equal(CreditClassBasis.Score, explained.Basis);
    }

    [Fact]
    public void Example_ToString_NamesTheIdAndTheBCutPoint() =>
        Assert.Equal("credit-risk-example-2022 (B≥10)", FreshExample().ToString());

    [Fact]
    public void ReadResource_Missing_SaysWhichResource() =>
        Assert.Equal("Missing embedded resource MarketRules.Data.Credit/none.json",
            Assert.Throws<InvalidOperationException>(() => CreditRiskPolicy.ReadResource("MarketRules.Data.Credit/none.json")).Message);

    [Fact]
    public void Parse_Null_ThrowsForTheJsonArgument() =>
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => CreditRiskPolicy.Parse(null!)).ParamName);

    [Theory]
    [InlineData("""{ "penalties": { "weight": 0, "cap": 0 } }""")]
    [InlineData("""{ "penalties": { "weight": 10000, "cap": 10000 } }""")]
    public void Parse_WeightAndCapAtTheBoundsOfTheRange_AreAccepted(string indicators) =>
        Assert.True(CreditRiskPolicy.Parse(PolicyJson(indicators)).IsSuccess);

    [Theory]
    [InlineData("""{ "penalties": { "cap": 5 } }""")]
    [InlineData("""{ "penalties": { "weight": 5 } }""")]
    [InlineData("""{ "penalties": { "weight": 10001, "cap": 5 } }""")]
    [InlineData("""{ "penalties": { "weight": 5, "cap": 10001 } }""")]
    [InlineData("""{ "penalties": { "weight": 5, "cap": -1 } }""")]
    public void Parse_WeightOrCapMissingOrOutOfRange_IsPolicyInvalidAtTheIndicator(string indicators)
    {
        var error = Assert.Single(CreditRiskPolicy.Parse(PolicyJson(indicators)).Errors);
        Assert.Equal(("MR.Credit.PolicyInvalid", "$.indicators['penalties']"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData(1, 1, 1, true)]   // 0 < b ≤ c ≤ d: equal cut points allowed
    [InlineData(10, 10, 20, true)]
    [InlineData(10, 20, 20, true)]
    [InlineData(0, 20, 30, false)] // b must be above 0
    [InlineData(10, 20, 19, false)]
    public void Parse_CutPoints_MustSatisfyZeroBelowBNotAboveCNotAboveD(int b, int c, int d, bool valid) =>
        Assert.Equal(valid, CreditRiskPolicy.Parse(PolicyJson(cuts: $$"""{ "b": {{b}}, "c": {{c}}, "d": {{d}} }""")).IsSuccess);

    [Fact]
    public void Parse_ListClassesAndStatusGiven_AreKept()
    {
        var policy = CreditRiskPolicy.Parse(PolicyJson(extra: """, "status": "verified-secondary", "seriousListClass": "C", "abnormalListFloor": "B" """)).GetValueOrThrow();
        Assert.Equal(VerificationStatus.VerifiedSecondary, policy.Citation.Status);
        Assert.Equal(CreditRiskClass.C, policy.SeriousListClass);
        Assert.Equal(CreditRiskClass.B, policy.AbnormalListFloor);
        Assert.Equal(new LocalizedText("p", "p"), policy.Citation.Document);
    }

    [Fact]
    public void Parse_MissingId_IsPolicyInvalidAtTheRoot()
    {
        var error = Assert.Single(CreditRiskPolicy.Parse("""{ "effectiveFrom": "2022-01-13", "indicators": {}, "cutPoints": { "b": 10, "c": 35, "d": 70 } }""").Errors);
        Assert.Equal(("MR.Credit.PolicyInvalid", "$"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_Errors_NameWhatIsWrong()
    {
        // One of each: malformed, required members missing, unknown indicator (even with a bad weight: one error), bad
        // weight, cut points out of order.
        var errors = new[]
        {
            CreditRiskPolicy.Parse("""{ "id": "x", """).Errors,
            CreditRiskPolicy.Parse("""{ "id": "x" }""").Errors,
            CreditRiskPolicy.Parse(PolicyJson("""{ "tax-arrears": { "weight": -1, "cap": 2 }, "penalties": { "weight": -1, "cap": 5 } }""", """{ "b": 10, "c": 5, "d": 30 }""")).Errors,
        };
        Assert.Equal(3, errors[2].Length);
        Snapshot.Match(ErrorTexts.Of(errors));
    }
}

public class LocalTierPolicyMutationEdgeTests
{
    private const string Tier = """ "records": ["penalty"], "lookBackYears": 1, "inspectionFrequencyMultiplier": 1.5 """;

    private static LocalTierPolicy FreshHangzhou() => LocalTierPolicy.Parse(CreditRiskPolicy.ReadResource("MarketRules.Data.Credit/hangzhou-credit-tiers.json")).GetValueOrThrow();

    private static RuleResult<LocalTierPolicy> Pack(string tiers, string extra = "") =>
        LocalTierPolicy.Parse($$"""{ "id": "t", "jurisdiction": "330100", "tiers": {{tiers}}{{extra}} }""");

    [Fact]
    public void Assess_GravestRecord_ExplainsTheTierAndTheRecord()
    {
        var assessment = FreshHangzhou().Assess([new LocalCreditRecord("warning", new LocalDate(2024, 5, 1)), new LocalCreditRecord("penalty", new LocalDate(2024, 3, 1))], new LocalDate(2024, 6, 1)).GetValueOrThrow();
        Assert.Equal(LocalCreditTier.Warning, assessment.Tier);
        Assert.Equal("tier-warning", assessment.Explanation.Outcome);
        Snapshot.Match(MarketRulesJson.Serialize(assessment.Explanation));
    }

    [Fact]
    public void Assess_NoRecord_IsNoTierWithNormalMeasures()
    {
        var assessment = FreshHangzhou().Assess([], new LocalDate(2024, 6, 1)).GetValueOrThrow();
        Assert.Equal(LocalCreditTier.None, assessment.Tier);
        Assert.Equal(new TierMeasures(1m, false, false), assessment.Measures);
        Assert.Equal("tier-none", assessment.Explanation.Outcome);
        Assert.Empty(assessment.Explanation.Reasons);
    }

    [Fact]
    public void Assess_RecordEndedBeforeTheLookBack_NoLongerCounts()
    {
        // Removed from the abnormal list on 2024-02-01: not the three-year look-back but its end date counts.
        var record = new LocalCreditRecord("abnormal-list", new LocalDate(2023, 7, 10), new LocalDate(2024, 2, 1));
        Assert.Equal(LocalCreditTier.Abnormal, FreshHangzhou().Assess([record], new LocalDate(2024, 2, 1)).GetValueOrThrow().Tier);
        Assert.Equal(LocalCreditTier.None, FreshHangzhou().Assess([record], new LocalDate(2024, 2, 2)).GetValueOrThrow().Tier);
    }

    [Fact]
    public void Assess_RecordEndingTheDayItStarts_CountsThatDay()
    {
        var record = new LocalCreditRecord("penalty", new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 1));
        Assert.Equal(LocalCreditTier.Warning, FreshHangzhou().Assess([record], new LocalDate(2024, 3, 1)).GetValueOrThrow().Tier);
    }

    [Fact]
    public void Assess_TwoRecordsOfTheSameTier_TheFirstDecides()
    {
        var first = new LocalCreditRecord("penalty", new LocalDate(2024, 3, 1));
        var assessment = FreshHangzhou().Assess([first, new LocalCreditRecord("spot-check-failure", new LocalDate(2024, 4, 1))], new LocalDate(2024, 6, 1)).GetValueOrThrow();
        Assert.Same(first, assessment.DecidedBy);
    }

    [Fact]
    public void AssessAndCheckCertificate_NullRecords_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => FreshHangzhou().Assess(null!, new LocalDate(2024, 6, 1)));
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => LocalTierPolicy.Parse(null!)).ParamName);
    }

    [Fact]
    public void CheckCertificate_BadRecords_AreCodedErrorsWithPaths()
    {
        var result = FreshHangzhou().CheckCertificate([new LocalCreditRecord("tax-arrears", new LocalDate(2024, 1, 1)), new LocalCreditRecord("penalty", new LocalDate(2024, 1, 1), new LocalDate(2023, 1, 1))],
            new LocalDate(2024, 6, 1), NationalCatalog.Law);
        Assert.False(result.IsSuccess);
        Snapshot.Match(ErrorTexts.Of(result.Errors));
    }

    [Fact]
    public void CheckCertificate_BlockingRecords_AreListedByDateWithTheLookBackStart()
    {
        // A record on the request date blocks; a listing that began before the look-back but ended inside it blocks.
        var records = new[]
        {
            new LocalCreditRecord("penalty", new LocalDate(2025, 5, 1)),
            new LocalCreditRecord("abnormal-list", new LocalDate(2020, 1, 1), new LocalDate(2023, 1, 1)),
        };
        var check = FreshHangzhou().CheckCertificate(records, new LocalDate(2025, 5, 1), NationalCatalog.Law).GetValueOrThrow();
        Assert.False(check.MayIssue);
        Assert.Equal(["abnormal-list", "penalty"], check.Blocking.Select(r => r.Kind));
        Snapshot.Match(MarketRulesJson.Serialize(check.Explanation));
    }

    [Fact]
    public void CheckCertificate_NoBlockingRecord_ExplainsTheClearLookBack()
    {
        var check = FreshHangzhou().CheckCertificate([new LocalCreditRecord("warning", new LocalDate(2025, 1, 1))], new LocalDate(2025, 5, 1), NationalCatalog.Law).GetValueOrThrow();
        Assert.True(check.MayIssue);
        Assert.Equal(new LocalDate(2022, 5, 2), check.Since);
        Snapshot.Match(MarketRulesJson.Serialize(check.Explanation));
    }

    [Theory]
    [InlineData(1, "0", true)]
    [InlineData(10, "100", true)]
    [InlineData(0, "1", false)]
    [InlineData(11, "1", false)]
    [InlineData(3, "-0.5", false)]
    [InlineData(3, "100.5", false)]
    public void Parse_LookBackInOneToTenYears_MultiplierInZeroToHundred(int years, string multiplier, bool valid)
    {
        var result = Pack($$"""{ "warning": { "records": ["penalty"], "lookBackYears": {{years}}, "inspectionFrequencyMultiplier": {{multiplier}} } }""");
        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal("$.tiers.warning", Assert.Single(result.Errors).Path);
        }
    }

    [Theory]
    [InlineData("""{ "warning": { "records": ["penalty"], "inspectionFrequencyMultiplier": 1 } }""")]
    [InlineData("""{ "warning": { "records": ["penalty"], "lookBackYears": 1 } }""")]
    public void Parse_LookBackOrMultiplierMissing_IsPolicyInvalid(string tiers) =>
        Assert.Equal("$.tiers.warning", Assert.Single(Pack(tiers).Errors).Path);

    [Fact]
    public void Parse_MinimalPack_TakesIdAsTitleAndBlocksNothing()
    {
        var pack = Pack($$"""{ "warning": { {{Tier}} }, "prompt": { "lookBackYears": 1, "inspectionFrequencyMultiplier": 1 } }""").GetValueOrThrow();
        Assert.Equal(new LocalizedText("t", "t"), pack.Citation.Document);
        Assert.Equal(VerificationStatus.ProjectRequirement, pack.Citation.Status);
        Assert.Empty(pack.CertificateBlockingTiers);
        Assert.Equal(["penalty"], pack.RecordKinds);
        Assert.Equal("t", pack.Id);
        Assert.Equal(LocalCreditTier.Warning, pack.Assess([new LocalCreditRecord("penalty", new LocalDate(2024, 1, 1))], new LocalDate(2024, 6, 1)).GetValueOrThrow().Tier);
    }

    [Fact]
    public void Parse_TitleStatusAndNote_AreKept()
    {
        var pack = Pack($$"""{ "warning": { {{Tier}} } }""", """, "title": { "zh": "示例", "en": "Example" }, "status": "verified-secondary", "note": "n" """).GetValueOrThrow();
        Assert.Equal(new LocalizedText("示例", "Example"), pack.Citation.Document);
        Assert.Equal(VerificationStatus.VerifiedSecondary, pack.Citation.Status);
        Assert.Equal("n", pack.Citation.Note);
    }

    [Fact]
    public void Parse_BadJurisdiction_ReturnsItsErrors()
    {
        var result = LocalTierPolicy.Parse($$"""{ "id": "t", "jurisdiction": "x", "tiers": { "warning": { {{Tier}} } } }""");
        Assert.Equal(Jurisdiction.Parse("x").Errors.Select(e => e.Code), result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Parse_Errors_NameWhatIsWrong()
    {
        var errors = new[]
        {
            LocalTierPolicy.Parse("""{ "id": "t", """).Errors,
            LocalTierPolicy.Parse("""{ "id": "t", "jurisdiction": "330100" }""").Errors,
            LocalTierPolicy.Parse("""{ "jurisdiction": "330100", "tiers": {} }""").Errors,
            Pack("""{ "amber": { "lookBackYears": 0 }, "warning": { "records": ["penalty", "penalty"], "lookBackYears": 1, "inspectionFrequencyMultiplier": 1 }, "prompt": { "lookBackYears": 0, "inspectionFrequencyMultiplier": 1 } }""").Errors,
        };
        Assert.Equal(3, errors[3].Length);
        Snapshot.Match(ErrorTexts.Of(errors));
    }
}

public class CreditDirectoryMutationEdgeTests
{
    private static readonly CreditRiskPolicy Policy = CreditRiskPolicy.Parse(CreditRiskPolicy.ReadResource("MarketRules.Data.Credit/credit-risk-example.json")).GetValueOrThrow();

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CreditDirectory.IndicatorsAsOf(null!, new LocalDate(2024, 1, 1), new LocalDate(2021, 1, 2)));
        Assert.Throws<ArgumentNullException>(() => CreditDirectory.Validate(null!));
        Assert.Equal("directory", Assert.Throws<ArgumentNullException>(() => CreditDirectory.Classify(null!, new LocalDate(2024, 1, 1), Policy, NationalCatalog.Law)).ParamName);
        Assert.Throws<ArgumentNullException>(() => CreditDirectory.Classify([], new LocalDate(2024, 1, 1), null!, NationalCatalog.Law));
    }

    [Fact]
    public void IndicatorsAsOf_PenaltyDecidedOnTheDay_AndTwoListingsOfAKind_Count()
    {
        var facts = new EnterpriseCreditFacts("E1", "甲公司")
        {
            Penalties = [CreditTestData.Penalty(new LocalDate(2024, 1, 1), PenaltyMeasure.Fine)],
            Listings =
            [
                new CreditListing(CreditListKind.Abnormal, new LocalDate(2023, 1, 1)), new CreditListing(CreditListKind.Abnormal, new LocalDate(2023, 6, 1)),
                new CreditListing(CreditListKind.Serious, new LocalDate(2023, 1, 1)), new CreditListing(CreditListKind.Serious, new LocalDate(2023, 6, 1)),
            ],
        };
        var indicators = CreditDirectory.IndicatorsAsOf(facts, new LocalDate(2024, 1, 1), new LocalDate(2021, 1, 2));
        Assert.Equal(1, indicators.Penalties);
        Assert.True(indicators.OnAbnormalList);
        Assert.True(indicators.OnSeriousList);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(10, true)] // basic attributes score 0–10
    [InlineData(11, false)]
    [InlineData(-1, false)]
    public void Validate_BasicAttributes_FromZeroToTen(int basic, bool valid) =>
        Assert.Equal(valid, CreditDirectory.Validate(new EnterpriseCreditFacts("E1", "甲公司") { BasicAttributes = basic }).IsEmpty);

    [Theory]
    [InlineData(2024, 1, 1)] // ends the day it starts: not before it
    [InlineData(2024, 6, 1)]
    public void Validate_ListingOrRestrictionEndingOnOrAfterItsStart_IsValid(int year, int month, int day) =>
        Assert.Empty(CreditDirectory.Validate(new EnterpriseCreditFacts("E1", "甲公司")
        {
            Penalties = [CreditTestData.Penalty(new LocalDate(2024, 1, 1), PenaltyMeasure.Fine) with { RestrictionEndsOn = new LocalDate(year, month, day) }],
            Listings = [new CreditListing(CreditListKind.Abnormal, new LocalDate(2024, 1, 1), new LocalDate(year, month, day))],
        }));

    [Fact]
    public void Validate_EveryBadValue_IsACodedErrorWithItsPath()
    {
        var facts = new EnterpriseCreditFacts(" ", "甲公司")
        {
            BasicAttributes = 11, LateAnnualReports = -1, RelatedParties = -1, Complaints = -1,
            Listings = [new CreditListing(CreditListKind.Abnormal, new LocalDate(2024, 7, 10), new LocalDate(2024, 7, 1))],
            Penalties = [CreditTestData.Penalty(new LocalDate(2024, 1, 1)) with { RestrictionEndsOn = new LocalDate(2023, 12, 31) }],
        };
        var errors = CreditDirectory.Validate(facts, "$[3]");
        Assert.Equal(["$[3].id", "$[3].basicAttributes", "$[3].lateAnnualReports", "$[3].relatedParties", "$[3].complaints", "$[3].listings[0].removedOn", "$[3].penalties[0].measures", "$[3].penalties[0].restrictionEndsOn"],
            errors.Select(e => e.Path));
        Snapshot.Match(ErrorTexts.Of(errors));
    }

    [Fact]
    public void Classify_OnThePolicysFirstDay_Applies()
    {
        Assert.True(CreditDirectory.Classify([new EnterpriseCreditFacts("E1", "甲公司")], new LocalDate(2022, 1, 13), Policy, NationalCatalog.Law).IsSuccess);
        var error = Assert.Single(CreditDirectory.Classify([new EnterpriseCreditFacts("E1", "甲公司")], new LocalDate(2022, 1, 12), Policy, NationalCatalog.Law).Errors);
        Assert.Equal(("credit-risk-example-2022", "2022-01-12"), (error.Arguments["Policy"], error.Arguments["Date"]));
    }
}

public class QualityCreditGradingMutationEdgeTests
{
    private static readonly LocalDate AsOf = new(2022, 6, 30);

    [Theory]
    [InlineData(0, 0.5, 0.5)]
    [InlineData(0.5, 0, 0.5)]
    [InlineData(0.5, 0.5, 0)]
    public void Policy_AZeroWeight_IsAllowed(double risk, double reputation, double onSite) =>
        Assert.Equal(0m, new[] { new QualityCreditGradingPolicy((decimal)risk, (decimal)reputation, (decimal)onSite, 90, 75, 60) }
            .Select(p => Math.Min(p.RiskWeight, Math.Min(p.ReputationWeight, p.OnSiteWeight))).Single());

    [Theory]
    [InlineData(-0.1, 0.6, 0.5)]
    [InlineData(0.6, -0.1, 0.5)]
    [InlineData(0.6, 0.5, -0.1)]
    [InlineData(0.3, 0.3, 0.3)]
    public void Policy_NegativeWeightsOrNotAddingUpToOne_AreRejected(double risk, double reputation, double onSite) =>
        Assert.StartsWith("Weights must be non-negative and add up to 1",
            Assert.ThrowsAny<ArgumentException>(() => new QualityCreditGradingPolicy((decimal)risk, (decimal)reputation, (decimal)onSite, 90, 75, 60)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(100, 75, 60)]
    [InlineData(80, 80, 60)]
    [InlineData(80, 70, 70)]
    [InlineData(80, 70, 0)]
    public void Policy_CutPointsDescendingWithinZeroToHundred_EqualOnesAllowed(int a, int b, int c) =>
        Assert.Equal(a, new QualityCreditGradingPolicy(0.3m, 0.3m, 0.4m, a, b, c).MinimumA);

    [Theory]
    [InlineData(101, 75, 60)]
    [InlineData(70, 75, 60)]
    [InlineData(80, 60, 70)]
    [InlineData(80, 70, -1)]
    public void Policy_CutPointsOutOfOrderOrRange_AreRejected(int a, int b, int c) =>
        Assert.StartsWith("Cut points must descend within [0, 100]",
            Assert.ThrowsAny<ArgumentException>(() => new QualityCreditGradingPolicy(0.3m, 0.3m, 0.4m, a, b, c)).Message, StringComparison.Ordinal);

    [Fact]
    public void Grade_ScoreExactlyTheBCutPoint_IsB()
    {
        var result = QualityCreditGradingPolicy.Example.Grade(new QualityCreditInputs(75, 75, 75), AsOf).GetValueOrThrow();
        Assert.Equal((QualityCreditGrade.B, 75m), (result.Grade, result.Score));
        Snapshot.Match(MarketRulesJson.Serialize(result.Explanation));
    }

    [Fact]
    public void Grade_ZeroScores_AreInRange() =>
        Assert.Equal(QualityCreditGrade.D, QualityCreditGradingPolicy.Example.Grade(new QualityCreditInputs(0, 0, 0), AsOf).GetValueOrThrow().Grade);

    [Fact]
    public void Grade_EachScoreOutOfRange_IsACodedErrorWithItsPath()
    {
        var result = QualityCreditGradingPolicy.Example.Grade(new QualityCreditInputs(-1, 101, 50), AsOf);
        Assert.Equal(["$.riskFactors", "$.qualityReputation"], result.Errors.Select(e => e.Path));
        Assert.Equal(["riskFactors", "qualityReputation"], result.Errors.Select(e => e.Arguments["PropertyName"]));
    }
}

// Errors as the snapshot shows them: code, path, both texts and the arguments.
internal static class ErrorTexts
{
    public static object Of(ImmutableArray<RuleError> errors) =>
        errors.Select(e => new { e.Code, e.Path, Zh = e.Message.Chinese, En = e.Message.English, e.Arguments }).ToList();

    public static object Of(IEnumerable<ImmutableArray<RuleError>> errors) => errors.Select(Of).ToList();
}
