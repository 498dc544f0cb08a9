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

    // The notice's facts as JSON gives them: the amounts in yuan and every sanction, combined (行政处罚法第六十三条: an
    // organisation has a hearing for a fine, or a confiscation, of 100,000 yuan or more by default, and for a licence
    // revoked whatever the fine).
    [Theory]
    [InlineData("\"fine\"", 50_000, false)]
    [InlineData("\"fine\"", 150_000, true)]
    [InlineData("\"fine\", \"licence-revocation\"", 50_000, true)]
    [InlineData("\"licence-revocation\", \"fine\"", 50_000, true)]
    [InlineData("\"confiscation\"", 0, false, 99_999)]
    [InlineData("\"confiscation\"", 0, true, 100_000)]
    public void Evaluate_HearingRequested_RightFollowsTheNoticesAmountAndEverySanction_PenaltyLawArt63(string sanctions, int amountYuan, bool hearing, int confiscationYuan = 0)
    {
        var input = Parse($$"""
            { "history": [
                { "kind": "lead-received", "at": "2024-12-02T02:00:00Z", "date": "2024-11-20" },
                { "kind": "case-opened", "at": "2024-12-06T02:00:00Z" },
                { "kind": "investigation-concluded", "at": "2025-01-20T02:00:00Z" },
                { "kind": "notice-served", "at": "2025-01-24T02:00:00Z", "party": "organisation", "sanctions": [{{sanctions}}], "amountYuan": {{amountYuan}}, "confiscationYuan": {{confiscationYuan}} } ],
              "event": { "kind": "hearing-requested", "at": "2025-01-27T02:00:00Z" } }
            """);
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.Equal(hearing, result.IsSuccess);
        if (hearing)
        {
            Assert.Equal(CaseState.HearingRequested, Assert.IsType<CaseTransitionResult>(result.Value!.Result).To);
        }
    }

    [Theory]
    [InlineData("confiscationYuan", "-0.01")]
    [InlineData("amountYuan", "-1")]
    [InlineData("days", "-1")]
    public void Evaluate_NegativeConfiscationAmountOrDays_RefusedAtItsPath(string member, string value)
    {
        var input = Parse($$"""{ {{History}}, "event": { "kind": "payment-received", "at": "2025-02-08T02:00:00Z", "{{member}}": {{value}} } }""");
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.False(result.IsSuccess);
        Assert.Equal(("MR.Cases.NegativeAmount", "$.event." + member), (Assert.Single(result.Errors).Code, result.Errors[0].Path));
    }

    [Fact]
    public void Evaluate_TypedEventOfNoKnownKind_RefusedAsUnknownEvent()
    {
        // JSON cannot spell such a kind (the door refuses the string); a typed caller can cast one.
        var input = new CaseTransitionInput { Event = new CaseEventInput { Kind = (CaseEventKind)99, At = Instant.FromUtc(2025, 2, 8, 2, 0) } };
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.False(result.IsSuccess);
        Assert.Equal(("MR.Cases.UnknownEvent", "$.event.kind"), (Assert.Single(result.Errors).Code, result.Errors[0].Path));
    }

    [Fact]
    public void Evaluate_HistoryTheMachineRefuses_AnswersItsRejectionAtThatEvent_NotADecision()
    {
        // A case opened before any lead: the history itself breaks the procedure, so nothing is decided on top of it.
        var input = Parse("""
            { "history": [ { "kind": "case-opened", "at": "2024-12-06T02:00:00Z" } ],
              "event": { "kind": "investigation-concluded", "at": "2025-01-20T02:00:00Z" } }
            """);
        var result = Rule.EvaluateUntyped(input, Context);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MR.Cases.", error.Code, StringComparison.Ordinal);
        Assert.Contains("history[0]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseEventInput_TypedDefaultSanctions_ReadAsNone()
    {
        var input = new CaseEventInput { Kind = CaseEventKind.NoticeServed, At = Instant.FromUtc(2025, 2, 8, 2, 0), Sanctions = default };
        Assert.False(input.Sanctions.IsDefault);
        Assert.Empty(input.Sanctions);
    }

    [Fact]
    public void Evaluate_EventWithoutItsKindOrInstant_MissingField_NotALeadReceivedIn1970()
    {
        // An event left without "kind" read as the first kind (a lead received) and without "at" as 1970-01-01, and
        // answered with deadlines counted from it.
        foreach (var (evt, path) in new[]
        {
            ("""{ "at": "2024-12-02T02:00:00Z" }""", "$.input.event.kind"),
            ("""{ "kind": "lead-received" }""", "$.input.event.at"),
        })
        {
            using var decision = System.Text.Json.JsonDocument.Parse(MarketRules.Tests.Engine.FreshRules.Engine().Evaluate(
                $$"""{ "rule": "case.transition/1", "asOf": "2024-12-02", "input": { "event": {{evt}} } }"""));
            Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
            var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal(("MR.Engine.MissingField", path), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        }
    }
}
