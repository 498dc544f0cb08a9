using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Referral;
using MarketRules.Engine.Rules.Referral;

namespace MarketRules.Tests.Referral;

public class CriminalReferralRuleTests
{
    private static readonly CriminalReferralRule Rule = new();

    private static RuleContext Context(LocalDate asOf) => new(asOf, Parameters.Jurisdiction.National, NationalCatalog.Policy, PeriodCalculator.China);

    [Fact]
    public void BuiltInRules_ContainReferralCriminal()
    {
        Assert.Contains(BuiltInRules.All, r => r.Id == "referral.criminal/1");
        Assert.All(ReferralParameters.All, p => Assert.Same(p, NationalCatalog.Catalog.Definitions.Single(d => d.Id == p.Id)));
    }

    [Fact]
    public void Evaluate_JsonInputWithActsAndTimeline_RefersWithChecksAndDeadlines()
    {
        const string json = """
            {
              "offence": "shoddy-products",
              "acts": [ { "date": "2024-03-01", "sales": 30000 }, { "date": "2024-05-01", "sales": 20000 } ],
              "timeline": { "reportedToHead": "2024-09-29T02:00:00Z" }
            }
            """;
        var input = JsonSerializer.Deserialize(json, Rule.Input)!;
        var decision = Rule.Evaluate(input, Context(new LocalDate(2024, 10, 1))).GetValueOrThrow();
        Assert.True(decision.Result.Refer);
        Assert.Equal(new[] { ReferralThreshold.Art140Sales }, decision.Result.Triggered.ToArray());
        Assert.Equal(new LocalDate(2024, 5, 1), decision.Result.ActDate);
        var approval = Assert.Single(decision.Result.Deadlines);
        Assert.Equal(new LocalDate(2024, 10, 8), approval.LastDay);
        Assert.Equal("refer", decision.Explanation.Outcome);
        Assert.Single(decision.Explanation.Dates);
        var output = JsonSerializer.Serialize(decision.Result, Rule.Result);
        Assert.Contains("\"triggered\":[\"art140-sales\"]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "offence": "shoddy-products", "actDate": "2024-01-01", "sales": -5 }""", "MR.Referral.NegativeAmount", "$.sales")]
    [InlineData("""{ "offence": "shoddy-products", "actDate": "2024-01-01", "sales": 1.005 }""", "MR.Referral.FractionOfFen", "$.sales")]
    [InlineData("""{ "offence": "shoddy-products", "sales": 5 }""", "MR.Referral.ActDateRequired", "$.actDate")]
    [InlineData("""{ "actDate": "2024-01-01", "sales": 5 }""", "MR.Referral.UnknownOffence", "$.offence")]
    [InlineData("""{ "offence": "shoddy-products", "acts": [ { "date": "2024-01-01", "sales": -1 } ] }""", "MR.Referral.NegativeAmount", "$.acts[0].sales")]
    [InlineData("""{ "offence": "passing-off-patents", "actDate": "2003-01-01", "businessVolume": 5 }""", "MR.Referral.ActBeforeLaw", "$.actDate")]
    public void Evaluate_BadInput_CodedErrorWithPath(string json, string code, string path)
    {
        var input = JsonSerializer.Deserialize(json, Rule.Input)!;
        var result = Rule.Evaluate(input, Context(new LocalDate(2025, 1, 1)));
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.DoesNotContain("{", error.Message.English, StringComparison.Ordinal);
    }
}
