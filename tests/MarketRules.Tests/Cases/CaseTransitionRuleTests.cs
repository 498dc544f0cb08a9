using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Engine;
using static MarketRules.Tests.Cases.CaseFixture;
using MarketRules.Engine.Rules.Cases;

namespace MarketRules.Tests.Cases;

public class CaseTransitionRuleTests
{
    private static readonly RuleContext Context = new(new LocalDate(2025, 2, 8), default, NationalCatalog.Policy, PeriodCalculator.China);

    private static IRuleDefinition Rule => MarketRules.Tests.Engine.FreshRules.Of("case.transition/1");

    private static object Parse(string json) => JsonSerializer.Deserialize(json, Rule.InputTypeInfo)!;

    private const string History = """
        "history": [
          { "kind": "lead-received", "at": "2024-12-02T02:00:00Z", "date": "2024-11-20" },
          { "kind": "case-opened", "at": "2024-12-06T02:00:00Z" },
          { "kind": "investigation-concluded", "at": "2025-01-20T02:00:00Z" },
          { "kind": "notice-served", "at": "2025-01-24T02:00:00Z", "party": "organisation", "sanctions": ["fine"], "amountYuan": 50000 }
        ]
        """;

    [Fact]
    public void Evaluate_DecisionAfterTheStatementPeriod_DecidedWithServiceDeadline()
    {
        var input = Parse($$"""{ "caseId": "A-1", {{History}}, "event": { "kind": "penalty-decided", "at": "2025-02-08T02:00:00Z", "party": "organisation", "sanctions": ["fine"], "amountYuan": 50000 } }""");
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var output = Assert.IsType<CaseTransitionResult>(result.Value!.Result);
        Assert.Equal(CaseState.Decided, output.To);
        Assert.Contains(output.Due, d => d.Kind == CaseDeadlineKind.Service && d.LastDay == new LocalDate(2025, 2, 18));
        Assert.Equal("case.transition/1", result.Value.Explanation.Rule);
        Assert.Contains("\"to\":\"decided\"", JsonSerializer.Serialize(output, Rule.ResultTypeInfo), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DecisionDuringTheStatementPeriod_CodedRejection()
    {
        var input = Parse($$"""{ {{History}}, "event": { "kind": "penalty-decided", "at": "2025-02-07T02:00:00Z", "party": "organisation", "sanctions": ["fine"], "amountYuan": 50000 } }""");
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Cases.StatementPeriodRunning", Assert.Single(result.Errors).Code);
        Assert.Equal("$.event", result.Errors[0].Path);
    }

    [Fact]
    public void Evaluate_NegativeAmount_ValidationError()
    {
        var input = Parse($$"""{ {{History}}, "event": { "kind": "payment-received", "at": "2025-02-08T02:00:00Z", "amountYuan": -5 } }""");
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == "MR.Cases.NegativeAmount" && e.Path == "$.event.amountYuan");
    }
}
