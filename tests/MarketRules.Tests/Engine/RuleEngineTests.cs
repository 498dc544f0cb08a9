using System.Text;
using System.Text.Json;
using CsCheck;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Engine.Rules.Calendar;

namespace MarketRules.Tests.Engine;

public partial class RuleEngineTests
{
    private static RuleEngine Engine => FreshRules.Engine();

    private const string Good = """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }""";

    [Fact]
    public void Evaluate_DeadlineRequest_ReturnsResultAndExplanation()
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(Good));
        var root = decision.RootElement;
        Assert.Equal("calendar.deadline/1", root.GetProperty("rule").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        // Hand-checked: 09-29 and 10-12 are make-up workdays, 10-01..07 rest → the 15th working day is 10-23.
        Assert.Equal("2024-10-23", root.GetProperty("result").GetProperty("lastDay").GetString());
        var explanation = root.GetProperty("explanation");
        Assert.Equal("running", explanation.GetProperty("outcome").GetString());
        Assert.Equal("2024-10-23", explanation.GetProperty("dates")[0].GetProperty("date").GetString());
        Assert.Contains("民法典", explanation.GetProperty("reasons")[0].GetProperty("citation").GetProperty("document").GetProperty("zh").GetString());
    }

    [Fact]
    public void Evaluate_PenaltyLawDays_CitesArticle85()
    {
        var json = Engine.Evaluate("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""");
        Assert.Contains("第八十五条", json);
        Assert.Contains("\"lastDay\":\"2024-10-10\"", json);
    }

    [Fact]
    public void Evaluate_Jurisdiction_IsRecordedInExplanation()
    {
        var json = Engine.Evaluate("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "jurisdiction": "330105", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""");
        using var decision = JsonDocument.Parse(json);
        Assert.Equal("330105", decision.RootElement.GetProperty("explanation").GetProperty("jurisdiction").GetString());
    }

    [Fact]
    public void Evaluate_UnknownEnvelopeMember_IsRefusedNotIgnored()
    {
        // A misspelt "jurisdiction" would otherwise answer under national law without a word.
        var json = Engine.Evaluate("""{ "id": "corr-42", "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""");
        Assert.Contains("\"ok\":false", json);
        Assert.Contains("MR.Engine.UnknownMember", json);
        Assert.Contains("\"path\":\"$.id\"", json);
    }

    [Fact]
    public void Evaluate_InstantWithOffset_IsReadAsTheSameInstant()
    {
        // RFC 3339 allows any offset; the whole domain runs in Asia/Shanghai (+08:00), so callers send it.
        var reader = new MarketRules.Json.InstantJsonConverter();
        var bytes = Encoding.UTF8.GetBytes("\"2022-06-30T23:59:59+08:00\"");
        var json = new Utf8JsonReader(bytes);
        json.Read();
        Assert.Equal(Instant.FromUtc(2022, 6, 30, 15, 59, 59), reader.Read(ref json, typeof(Instant), new JsonSerializerOptions()));
    }

    [Fact]
    public void Evaluate_InputBeforeRule_IsRead()
    {
        var json = Engine.Evaluate("""{ "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 }, "asOf": "2024-09-27", "rule": "calendar.deadline/1" }""");
        Assert.Contains("\"lastDay\":\"2024-10-10\"", json);
    }

    [Fact]
    public void Evaluate_AddressedRuleDiffersFromRequest_ReportsMismatch()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.False(Engine.Evaluate(Encoding.UTF8.GetBytes(Good), writer, "calendar.working-days/1"));
        }
        Assert.Contains("MR.Engine.RuleMismatch", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Evaluate_TypedApi_AgreesWithJson()
    {
        var rule = new DeadlineRule();
        var typed = Engine.Evaluate(rule, new DeadlineInput { Trigger = new LocalDate(2024, 9, 27), Length = 15, Unit = PeriodUnit.WorkingDays }, new LocalDate(2024, 9, 27), Parameters.Jurisdiction.National);
        Assert.True(typed.IsSuccess);
        Assert.Contains("\"lastDay\":\"" + typed.Value.Result.LastDay.ToString("uuuu-MM-dd", null) + "\"", Engine.Evaluate(Good));
    }

    [Fact]
    public void Evaluate_WorkingDaysLength_Meets_Specification()
    {
        // The JSON door answers exactly what the kernel's period calculator answers, for any trigger and length.
        Gen.Select(Gen.Int[0, 365 * 8], Gen.Int[0, 120]).Sample((offset, days) =>
        {
            var trigger = new LocalDate(2016, 1, 1).PlusDays(offset);
            var expected = PeriodCalculator.China.Deadline(trigger, LegalPeriod.WorkingDays(days));
            var json = Engine.Evaluate($$"""{ "rule": "calendar.deadline/1", "asOf": "{{trigger:uuuu-MM-dd}}", "input": { "trigger": "{{trigger:uuuu-MM-dd}}", "length": {{days}}, "unit": "working-days" } }""");
            using var decision = JsonDocument.Parse(json);
            return decision.RootElement.GetProperty("result").GetProperty("lastDay").GetString() == expected.LastDay.ToString("uuuu-MM-dd", null);
        }, iter: 200);
    }

    [Fact]
    public void Constructor_DuplicateRuleIds_Throws() =>
        Assert.Throws<ArgumentException>(() => new RuleEngine(NationalCatalog.Policy, PeriodCalculator.China, [new DeadlineRule(), new DeadlineRule()]));

    [Fact]
    public void Constructor_LocalPolicyContext_IsUsedForEveryRequest()
    {
        var engine = new RuleEngine(NationalCatalog.Policy);
        Assert.Same(NationalCatalog.Catalog, engine.Policy.Catalog);
        Assert.Equal(BuiltInRules.All.Length, engine.Rules.Length);
    }
}

public class RuleEngineOptionsTests
{
    [Theory]
    [InlineData(1023, 64)]
    [InlineData((1 << 28) + 1, 64)]
    [InlineData(1 << 20, 7)]
    [InlineData(1 << 20, 257)]
    public void Constructor_LimitsOutOfRange_Throw(int maxRequestBytes, int maxDepth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RuleEngine(
            NationalCatalog.Policy, PeriodCalculator.China, BuiltInRules.All, new RuleEngineOptions { MaxRequestBytes = maxRequestBytes, MaxDepth = maxDepth }));

    [Fact]
    public void Default_Limits_AreDocumentedValues()
    {
        Assert.Equal(1 << 20, RuleEngineOptions.Default.MaxRequestBytes);
        Assert.Equal(64, RuleEngineOptions.Default.MaxDepth);
        Assert.False(RuleEngineOptions.Default.Indented);
    }

    [Fact]
    public void Indented_SingleDecision_IsWrittenOnSeveralLines()
    {
        var engine = new RuleEngine(NationalCatalog.Policy, PeriodCalculator.China, BuiltInRules.All, new RuleEngineOptions { Indented = true });
        Assert.Contains("\n", engine.Evaluate("""{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }"""));
    }
}
