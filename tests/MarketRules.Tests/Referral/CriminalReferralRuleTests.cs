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

public class CriminalReferralRuleValidationTests
{
    private static readonly CriminalReferralRule Rule = new();

    private static RuleContext Context(LocalDate asOf) => new(asOf, Parameters.Jurisdiction.National, NationalCatalog.Policy, PeriodCalculator.China);

    // Every amount and count the JSON door of referral.criminal/1 reads, at the top level and in each act (the acts are
    // cumulated into the facts, so an act's bad amount must be named at its own path, not at the sum's).
    public static TheoryData<string, string> Fields() => new()
    {
        { "sales", "" }, { "unsoldValue", "" }, { "businessVolume", "" }, { "illegalGains", "" }, { "directLoss", "" },
        { "pieces", "" }, { "unsoldPieces", "" }, { "marks", "" }, { "patents", "" }, { "priorPenaltiesWithinTwoYears", "" },
        { "victims", "" }, { "minorInjuries", "" }, { "seriousInjuries", "" }, { "deaths", "" },
        { "sales", "act" }, { "unsoldValue", "act" }, { "businessVolume", "act" }, { "illegalGains", "act" }, { "directLoss", "act" },
        { "pieces", "act" }, { "unsoldPieces", "act" },
    };

    private static bool IsAmount(string field) => field is "sales" or "unsoldValue" or "businessVolume" or "illegalGains" or "directLoss";

    private static RuleResult<RuleDecision<CriminalReferralResult>> Evaluate(string field, string where, string value)
    {
        var json = where == "act"
            ? $$"""{ "offence": "shoddy-products", "acts": [ { "date": "2024-01-01" }, { "date": "2024-02-01", "{{field}}": {{value}} } ] }"""
            : $$"""{ "offence": "shoddy-products", "actDate": "2024-01-01", "{{field}}": {{value}} }""";
        return Rule.Evaluate(JsonSerializer.Deserialize(json, Rule.Input)!, Context(new LocalDate(2025, 1, 1)));
    }

    private static string PathOf(string field, string where) => where == "act" ? "$.acts[1]." + field : "$." + field;

    [Theory]
    [MemberData(nameof(Fields))]
    public void ReferralFacts_NegativeAmountOrCount_IsRefusedAtItsPath(string field, string where)
    {
        var result = Evaluate(field, where, "-1");
        var error = Assert.Single(result.Errors);
        Assert.Equal(IsAmount(field) ? "MR.Referral.NegativeAmount" : "MR.Referral.NegativeCount", error.Code);
        Assert.Equal(PathOf(field, where), error.Path);
    }

    // The largest amount of money (Money.MaxYuan, one trillion yuan) is an amount; one fen more is refused, for every
    // amount and wherever it stands.
    [Theory]
    [MemberData(nameof(Fields))]
    public void ReferralFacts_AmountUpToTheLargestAmountOfMoney_IsAccepted_OneFenMoreIsRefused(string field, string where)
    {
        if (!IsAmount(field))
        {
            Assert.True(Evaluate(field, where, "0").IsSuccess);
            return;
        }
        Assert.True(Evaluate(field, where, Money.MaxYuan.ToString(System.Globalization.CultureInfo.InvariantCulture)).IsSuccess);
        var result = Evaluate(field, where, (Money.MaxYuan + 0.01m).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Amount.Invalid", error.Code);
        Assert.Equal(PathOf(field, where), error.Path);
    }

    [Fact]
    public void Evaluate_TimelineWithoutTheReportToTheHead_MissingField_NoDeadlineCountedFrom1970()
    {
        // Order 310's periods all count from the head's decision; a timeline without it must not count from 1970.
        using var decision = System.Text.Json.JsonDocument.Parse(MarketRules.Tests.Engine.FreshRules.Engine().Evaluate("""
            { "rule": "referral.criminal/1", "asOf": "2024-10-01",
              "input": { "offence": "shoddy-products", "acts": [ { "date": "2024-03-01", "sales": 60000 } ], "timeline": { "approved": "2024-09-30T02:00:00Z" } } }
            """));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
        var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("MR.Engine.MissingField", "$.input.timeline.reportedToHead"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }

    [Fact]
    public void Evaluate_AnActWithoutItsDay_RequiredAtItsPath_NotAddedToTheOthers()
    {
        // Criminal Law Art 12: each act is judged by the law of its day; an undated act cannot be, so it is refused,
        // not cumulated into the dated acts' sales (here it would have lifted 30,000 yuan over Art 140's 50,000).
        using var decision = System.Text.Json.JsonDocument.Parse(MarketRules.Tests.Engine.FreshRules.Engine().Evaluate("""
            { "rule": "referral.criminal/1", "asOf": "2024-10-01",
              "input": { "offence": "shoddy-products", "acts": [ { "date": "2024-03-01", "sales": 30000 }, { "sales": 30000 } ] } }
            """));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
        var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("MR.Input.Required", "$.input.acts[1].date"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }
}
