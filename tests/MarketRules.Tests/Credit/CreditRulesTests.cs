using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Credit;
using MarketRules.Engine;
using MarketRules.Engine.Rules.Credit;

namespace MarketRules.Tests.Credit;

public class CreditRulesTests
{
    private static RuleContext Context(LocalDate asOf) => new(asOf, default, NationalCatalog.Policy, PeriodCalculator.China);

    [Fact]
    public void BuiltInRules_RegisterTheCreditRules()
    {
        Assert.Contains(BuiltInRules.All, r => r.Id == "credit.tier/1");
        Assert.Contains(BuiltInRules.All, r => r.Id == "credit.publication/1");
    }

    [Fact]
    public void CreditTier_FromJson_ClassifiesAndExplains()
    {
        var rule = new CreditTierRule();
        var input = JsonSerializer.Deserialize("""{ "penalties": 1, "heavierPenalties": 1, "onAbnormalList": false }""", rule.Input)!;
        var decision = rule.Evaluate(input, Context(new LocalDate(2025, 6, 30))).GetValueOrThrow();
        Assert.Equal(CreditRiskClass.C, decision.Result.Class); // 10 + 30 = 40 ≥ 35
        Assert.Equal(40, decision.Result.Score);
        Assert.Equal("credit.tier/1", decision.Explanation.Rule);
        Assert.Contains("\"class\":\"C\"", JsonSerializer.Serialize(decision.Result, rule.Result), StringComparison.Ordinal);
    }

    [Fact]
    public void CreditTier_NegativeIndicator_ReturnsCodedErrorWithPath()
    {
        var result = new CreditTierRule().Evaluate(new CreditTierInput { Penalties = -1 }, Context(new LocalDate(2025, 6, 30)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Credit.OutOfRange", error.Code);
        Assert.Equal("$.penalties", error.Path);
    }

    [Theory]
    [InlineData("basicAttributes", -1)]
    [InlineData("basicAttributes", 11)]
    [InlineData("lateAnnualReports", -1)]
    [InlineData("penalties", -1)]
    [InlineData("heavierPenalties", -1)]
    [InlineData("relatedParties", -1)]
    [InlineData("complaints", -1)]
    public void CreditTier_IndicatorOutsideItsRange_CodedAtItsOwnPath(string indicator, int value)
    {
        var rule = new CreditTierRule();
        var input = JsonSerializer.Deserialize($$"""{ "{{indicator}}": {{value}} }""", rule.Input)!;
        var error = Assert.Single(rule.Evaluate(input, Context(new LocalDate(2025, 6, 30))).Errors);
        Assert.Equal(("MR.Credit.OutOfRange", "$." + indicator), (error.Code, error.Path));
    }

    [Fact]
    public void CreditTier_CallersModel_AppliesFromItsEffectiveDay_NotTheDayBefore()
    {
        var rule = new CreditTierRule();
        var input = JsonSerializer.Deserialize($$"""{ "complaints": 2, "policy": {{ProvincialModel}} }""", rule.Input)!;
        Assert.Equal(CreditRiskClass.B, rule.Evaluate(input, Context(new LocalDate(2024, 1, 1))).GetValueOrThrow().Result.Class);
        var before = Assert.Single(rule.Evaluate(input, Context(new LocalDate(2023, 12, 31))).Errors);
        Assert.Equal("MR.Credit.PolicyNotInForce", before.Code);
    }

    // A province's model unlike the example: complaints weigh 10 (2 in the example) and B starts at 20 (10), so two
    // complaints are an A under the example and a B here.
    private const string ProvincialModel = """
        { "id": "province-model-2024", "effectiveFrom": "2024-01-01", "status": "verified-secondary",
          "indicators": { "complaints": { "weight": 10, "cap": 10 }, "penalties": { "weight": 20, "cap": 5 } },
          "cutPoints": { "b": 20, "c": 40, "d": 80 } }
        """;

    [Fact]
    public void CreditTier_WithTheCallersModel_ClassifiesByThatModel()
    {
        var rule = new CreditTierRule();
        var example = JsonSerializer.Deserialize("""{ "complaints": 2 }""", rule.Input)!;
        var provincial = JsonSerializer.Deserialize($$"""{ "complaints": 2, "policy": {{ProvincialModel}} }""", rule.Input)!;
        var context = Context(new LocalDate(2025, 6, 30));

        var byExample = rule.Evaluate(example, context).GetValueOrThrow();
        var byProvince = rule.Evaluate(provincial, context).GetValueOrThrow();

        Assert.Equal((CreditRiskClass.A, 4), (byExample.Result.Class, byExample.Result.Score));
        Assert.Equal((CreditRiskClass.B, 20), (byProvince.Result.Class, byProvince.Result.Score));
        Assert.All(byProvince.Explanation.Reasons, r => Assert.Equal("province-model-2024", r.Citation?.Document.Chinese));
    }

    [Fact]
    public void CreditTier_WithTheCallersModel_AppliesItsEffectiveDate()
    {
        var rule = new CreditTierRule();
        var input = JsonSerializer.Deserialize($$"""{ "complaints": 2, "policy": {{ProvincialModel}} }""", rule.Input)!;
        var result = rule.Evaluate(input, Context(new LocalDate(2023, 12, 31)));
        Assert.Equal("MR.Credit.PolicyNotInForce", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void CreditTier_WithABadModel_ReportsEveryErrorUnderPolicy()
    {
        var rule = new CreditTierRule();
        var input = JsonSerializer.Deserialize("""
            { "penalties": 1, "policy": { "id": "bad", "effectiveFrom": "2024-01-01",
              "indicators": { "bribes": { "weight": 5, "cap": 1 } }, "cutPoints": { "b": 30, "c": 20, "d": 80 } } }
            """, rule.Input)!;
        var result = rule.Evaluate(input, Context(new LocalDate(2025, 6, 30)));
        Assert.False(result.IsSuccess);
        Assert.Equal(["MR.Credit.UnknownIndicator@$.policy.indicators['bribes']", "MR.Credit.PolicyInvalid@$.policy.cutPoints"],
            result.Errors.Select(e => $"{e.Code}@{e.Path}"));
    }

    [Fact]
    public void CreditPublication_AsOfADate_ReportsPublicationAndRepair()
    {
        var rule = new CreditPublicationRule();
        var input = JsonSerializer.Deserialize("""{ "decidedOn": "2024-09-27", "measures": ["fine", "confiscation"], "fineYuan": 20000, "field": "food", "publishedOn": "2024-10-08" }""", rule.Input)!;
        var before = rule.Evaluate(input, Context(new LocalDate(2025, 10, 8))).GetValueOrThrow().Result;
        Assert.True(before.PublishedAsOf);
        Assert.False(before.RepairOpenAsOf);
        var after = rule.Evaluate(input, Context(new LocalDate(2025, 10, 9))).GetValueOrThrow().Result;
        Assert.True(after.RepairOpenAsOf);
        Assert.Equal(new LocalDate(2027, 10, 8), after.LastDay);
    }

    [Fact]
    public void CreditPublication_MissingMeasures_ReturnsRequired()
    {
        var result = new CreditPublicationRule().Evaluate(new CreditPublicationInput { DecidedOn = new LocalDate(2024, 1, 2) }, Context(new LocalDate(2025, 1, 2)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Input.Required", error.Code);
        Assert.Equal("$.measures", error.Path);
    }
}

public class CreditRulesSnapshotTests
{
    [Fact]
    public void CreditTier_ExplanationPayload_MatchesSnapshot()
    {
        var rule = new CreditTierRule();
        var decision = rule.Evaluate(new CreditTierInput { BasicAttributes = 2, Penalties = 1, Complaints = 3, OnAbnormalList = true },
            new RuleContext(new LocalDate(2025, 6, 30), CreditTestData.Gongshu, NationalCatalog.Policy, MarketRules.Calendar.PeriodCalculator.China)).GetValueOrThrow();
        Snapshooter.Xunit.Snapshot.Match(MarketRules.Json.MarketRulesJson.Serialize(decision.Explanation));
    }
}
