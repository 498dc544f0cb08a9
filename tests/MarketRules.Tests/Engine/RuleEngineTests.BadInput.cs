using System.Text;
using System.Text.Json;
using CsCheck;
using MarketRules.Engine;

namespace MarketRules.Tests.Engine;

// Every class of bad input is answered with a coded, located, bilingual error — never an exception.
public partial class RuleEngineTests
{
    public static TheoryData<string, string, string?> BadRequests() => new()
    {
        // Invalid JSON
        { "{not json", "MR.Engine.InvalidJson", "$" },
        { "", "MR.Engine.InvalidJson", "$" },
        { Good + " trailing", "MR.Engine.InvalidJson", "$" },
        { "[1, 2]", "MR.Engine.WrongType", "$" },
        // Unknown rule
        { """{ "rule": "nope/1", "asOf": "2024-09-27", "input": {} }""", "MR.Engine.UnknownRule", "$.rule" },
        // Missing fields
        { """{ "asOf": "2024-09-27", "input": {} }""", "MR.Engine.MissingField", "$.rule" },
        { """{ "rule": "calendar.deadline/1", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""", "MR.Engine.MissingField", "$.asOf" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27" }""", "MR.Engine.MissingField", "$.input" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": null }""", "MR.Engine.MissingField", "$.input" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "penaltyLawDays": 5 } }""", "MR.Deadline.TriggerRequired", "$.input.trigger" },
        { """{ "rule": "calendar.working-days/1", "asOf": "2024-09-27", "input": { } }""", "MR.Input.Required", "$.input.date" },
        // Wrong types
        { """{ "rule": 7, "asOf": "2024-09-27", "input": {} }""", "MR.Engine.WrongType", "$.rule" },
        { """{ "rule": "calendar.deadline/1", "asOf": 20240927, "input": {} }""", "MR.Engine.WrongType", "$.asOf" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-13-01", "input": {} }""", "MR.Engine.WrongType", "$.asOf" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": 12, "penaltyLawDays": 5 } }""", "MR.Engine.WrongType", "$.input.trigger" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-02-30", "penaltyLawDays": 5 } }""", "MR.Engine.WrongType", "$.input.trigger" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": "fifteen", "unit": "days" } }""", "MR.Engine.WrongType", "$.input.length" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "fortnights" } }""", "MR.Engine.WrongType", "$.input.unit" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5, "excluded": [ { "start": "2024-10-02" } ] } }""", "MR.Engine.WrongType", "$.input.excluded[0]" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": "2024-09-27" }""", "MR.Engine.WrongType", "$.input" },
        // Values out of range
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 1e20, "unit": "days" } }""", "MR.Engine.ValueOutOfRange", "$.input.length" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 99999, "unit": "days" } }""", "MR.Deadline.OutOfRange", "$.input.length" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": -1, "unit": "days" } }""", "MR.Deadline.OutOfRange", "$.input.length" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "jurisdiction": "abc", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""", "MR.Jurisdiction.Invalid", "$.jurisdiction" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2030-09-27", "input": { "trigger": "2030-09-27", "penaltyLawDays": 5 } }""", "MR.Calendar.OutOfRange", "$.input" },
        // The strict door: a misspelt, repeated or invalid member is refused with its path, never ignored or guessed.
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDay": 5 } }""", "MR.Engine.UnknownMember", "$.input.penaltyLawDay" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5, "excluded": [ { "start": "2024-10-02", "end": "2024-10-03", "note": "x" } ] } }""", "MR.Engine.UnknownMember", "$.input.excluded[0].note" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "jurisdicton": "330100", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""", "MR.Engine.UnknownMember", "$.jurisdicton" },
        { """{ "rule": "calendar.deadline/1", "rule": "calendar.working-days/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""", "MR.Engine.DuplicateMember", "$.rule" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "trigger": "2024-09-30", "penaltyLawDays": 5 } }""", "MR.Engine.DuplicateMember", "$.input.trigger" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "WORKING-DAYS" } }""", "MR.Engine.WrongType", "$.input.unit" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "WorkingDays" } }""", "MR.Engine.WrongType", "$.input.unit" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5, "excluded": [ null ] } }""", "MR.Engine.WrongType", "$.input.excluded[0]" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "0000-01-01", "penaltyLawDays": 5 } }""", "MR.Engine.ValueOutOfRange", "$.input.trigger" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "9999-12-31", "penaltyLawDays": 5 } }""", "MR.Engine.ValueOutOfRange", "$.input.trigger" },
        { """{ "rule": "calendar.deadline/1\ud800", "asOf": "2024-09-27", "input": { } }""", "MR.Engine.InvalidJson", "$.rule" },
        { """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5, "\udc00": 1 } }""", "MR.Engine.InvalidJson", "$.input" },
        { """{ "rule": "calendar.working-days/1", "asOf": "2024-09-27", "input": { "date": "2024-10-08", "until": "2024-10-01" } }""", "MR.Deadline.EndBeforeStart", "$.input.until" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Evaluate_BadInput_AnswersCodedLocatedBilingualError(string request, string code, string? path)
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(request));
        var root = decision.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors, e => e.GetProperty("code").GetString() == code);
        Assert.Equal(path, error.TryGetProperty("path", out var p) ? p.GetString() : null);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetProperty("zh").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetProperty("en").GetString()));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Evaluate_InvalidUtf8InAString_AnswersInvalidJsonAtItsPath(byte[] invalid)
    {
        var request = Encoding.UTF8.GetBytes("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "jurisdiction": "X", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""").ToList();
        request.InsertRange(request.IndexOf((byte)'X'), invalid);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.False(Engine.Evaluate(request.ToArray(), writer));
        }
        using var decision = JsonDocument.Parse(buffer.WrittenMemory);
        var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("MR.Engine.InvalidJson", error.GetProperty("code").GetString());
        Assert.StartsWith("$", error.GetProperty("path").GetString());
    }

    [Fact]
    public void Evaluate_StringWithLoneSurrogate_AnswersInvalidJson()
    {
        var json = Engine.Evaluate("{ \"rule\": \"calendar.deadline/1\", \"asOf\": \"2024-09-27\", \"jurisdiction\": \"" + '\uD800' + "\", \"input\": {} }");
        Assert.Contains("MR.Engine.InvalidJson", json);
    }

    [Fact]
    public void Evaluate_RequestOverLimit_AnswersTooLarge()
    {
        var engine = new RuleEngine(NationalCatalog.Policy, Calendar.PeriodCalculator.China, BuiltInRules.All, new RuleEngineOptions { MaxRequestBytes = 1024 });
        var json = engine.Evaluate("""{ "rule": "calendar.deadline/1", "pad": "' + new string('x', 2000) + '" }""".Replace("' + new string('x', 2000) + '", new string('x', 2000), StringComparison.Ordinal));
        Assert.Contains("MR.Engine.RequestTooLarge", json);
    }

    [Fact]
    public void Evaluate_DeeplyNestedJson_AnswersInvalidJson()
    {
        var json = Engine.Evaluate(new string('[', 500) + new string(']', 500));
        Assert.Contains("MR.Engine.InvalidJson", json);
    }

    [Fact]
    public void Evaluate_ArbitraryText_Meets_Specification()
    {
        // Whatever a caller sends, the engine answers one JSON decision with "ok" and never throws.
        var fragments = Gen.OneOf(new[] {"{", "}", "[", "]", "\"rule\":", "\"calendar.deadline/1\"", "\"asOf\":", "\"2024-09-27\"", "\"input\":",
            "\"trigger\":", "\"length\":", "\"unit\":", "\"working-days\"", "-1", "1e400", "null", "true", ",", ":", "\"\\u0000\"", "\"penaltyLawDays\":", "5" });
        fragments.Array[0, 30].Select(a => string.Concat(a)).Sample(text =>
        {
            using var decision = JsonDocument.Parse(Engine.Evaluate(text));
            return decision.RootElement.TryGetProperty("ok", out _);
        }, iter: 500);
        Gen.String.Sample(text =>
        {
            using var decision = JsonDocument.Parse(Engine.Evaluate(text));
            return !decision.RootElement.GetProperty("ok").GetBoolean();
        }, iter: 200);
    }

    public static TheoryData<string> RuleIds() => [.. BuiltInRules.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Evaluate_EveryRuleWithEmptyOrJunkInput_AnswersWithoutThrowing(string ruleId)
    {
        foreach (var input in new[] { "{}", "[]", "\"x\"", "0", """{ "a": { "b": [1, {}] } }""", """{ "date": null, "trigger": null }""" })
        {
            var json = Engine.Evaluate($$"""{ "rule": "{{ruleId}}", "asOf": "2025-03-01", "input": {{input}} }""");
            using var decision = JsonDocument.Parse(json);
            Assert.Equal(ruleId, decision.RootElement.GetProperty("rule").GetString());
            if (!decision.RootElement.GetProperty("ok").GetBoolean())
            {
                Assert.All(decision.RootElement.GetProperty("errors").EnumerateArray(), e => Assert.StartsWith("MR.", e.GetProperty("code").GetString()));
                Assert.DoesNotContain("MR.Engine.RuleFailed", json);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BuiltInRules_EachRule_HasVersionedIdBilingualTitleAndSchemas(string ruleId)
    {
        var rule = FreshRules.Of(ruleId);
        Assert.Matches(@"^[a-z]+(\.[a-z][a-z0-9-]*)+/[1-9][0-9]*$", rule.Id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title.Chinese));
        Assert.False(string.IsNullOrWhiteSpace(rule.Title.English));
        Assert.Equal("object", RuleSchemas.Input(rule)["type"]?.ToString());
        Assert.Equal("object", RuleSchemas.Result(rule)["type"]?.ToString());
    }

    [Fact]
    public void BuiltInRules_Ids_AreDistinct() =>
        Assert.Equal(BuiltInRules.All.Length, BuiltInRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void EngineErrors_Codes_AreDistinctAndStartWithEngine()
    {
        var definitions = typeof(EngineErrors).GetFields().Select(f => (MessageDefinition)f.GetValue(null)!).ToList();
        Assert.All(definitions, d => Assert.StartsWith("MR.Engine.", d.Code));
        Assert.Equal(definitions.Count, definitions.Select(d => d.Code).Distinct().Count());
        Assert.All(definitions, d => Assert.Equal(
            MessageDefinition.PlaceholdersOf(d.Template.Chinese).Order(),
            MessageDefinition.PlaceholdersOf(d.Template.English).Order()));
    }
}
