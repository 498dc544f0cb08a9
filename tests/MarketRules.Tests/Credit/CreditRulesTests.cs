using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Credit;
using MarketRules.Engine;

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
