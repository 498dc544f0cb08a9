using System.Text;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Json;
using MarketRules.Engine.Rules.Calendar;

namespace MarketRules.Tests.Engine;

// Officers read the answers in logs and on screen: Chinese must be written as Chinese, yet the answers may be
// pasted into web pages, so HTML-sensitive characters stay escaped.
public partial class RuleEngineTests
{
    // A \uXXXX escape of a character outside ASCII (escapes of ' " < > & and control characters are expected).
    private const string NonAsciiEscape = @"\\u(?!00[0-7][0-9A-Fa-f])[0-9A-Fa-f]{4}";

    private const string PenaltyLawDays = """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""";

    private const string Script = "<script>alert('罚')</script>&/1";

    // A character outside the Basic Multilingual Plane (CJK Extension B, found in personal names).
    private const string ExtensionB = "𠮷";

    [Fact]
    public void Evaluate_ChineseCitation_IsWrittenUnescaped()
    {
        var json = Engine.Evaluate(PenaltyLawDays);
        Assert.Contains("\"zh\":\"中华人民共和国行政处罚法\"", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(NonAsciiEscape, json);
    }

    [Fact]
    public void EvaluateBatch_ChineseCitation_IsWrittenUnescaped()
    {
        var json = Engine.EvaluateBatch($"[ {PenaltyLawDays}, {Good} ]");
        Assert.Contains("中华人民共和国行政处罚法", json, StringComparison.Ordinal);
        Assert.Contains("民法典", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(NonAsciiEscape, json);
    }

    [Fact]
    public async Task EvaluateLinesAsync_ChineseCitation_IsWrittenUnescaped()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(PenaltyLawDays + "\n" + Good + "\n"));
        using var output = new MemoryStream();
        await Engine.EvaluateLinesAsync(input, output, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("中华人民共和国行政处罚法", lines[0], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.DoesNotMatch(NonAsciiEscape, line));
    }

    [Fact]
    public void Evaluate_HtmlInEchoedRuleId_StaysEscapedAndRoundTrips()
    {
        var json = Engine.Evaluate($$"""{ "rule": {{JsonSerializer.Serialize(Script)}}, "asOf": "2024-09-27", "input": {} }""");
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.DoesNotContain("'", json, StringComparison.Ordinal);
        Assert.Contains(@"\u003Cscript\u003Ealert(\u0027罚\u0027)\u003C/script\u003E\u0026/1", json, StringComparison.Ordinal);
        using var decision = JsonDocument.Parse(json);
        Assert.Equal(Script, decision.RootElement.GetProperty("rule").GetString());
        Assert.Equal("MR.Engine.UnknownRule", decision.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void MarketRulesJson_SerializeExplanation_WritesWhatTheEngineAnswers()
    {
        var explanation = Engine.Evaluate(new DeadlineRule(), new DeadlineInput { Trigger = new LocalDate(2024, 9, 27), PenaltyLawDays = 5 },
            new LocalDate(2024, 9, 27), Parameters.Jurisdiction.National).GetValueOrThrow().Explanation;
        var json = MarketRulesJson.Serialize(explanation);
        Assert.Contains("\"zh\":\"中华人民共和国行政处罚法\"", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(NonAsciiEscape, json);
        using var answer = JsonDocument.Parse(Engine.Evaluate(PenaltyLawDays));
        Assert.Equal(answer.RootElement.GetProperty("explanation").GetRawText(), json);
    }

    [Fact]
    public void MarketRulesJson_SerializeError_EscapesHtmlButNotChinese()
    {
        var error = EngineErrors.UnknownRule.Create("$.rule", ("Rule", Script));
        var json = MarketRulesJson.Serialize(error);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.Contains("罚", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(NonAsciiEscape, json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(error.Message.Chinese, document.RootElement.GetProperty("message").GetProperty("zh").GetString());
    }

    [Fact]
    public void MarketRulesJson_SerializeError_OutsideTheBmp_IsEscapedAndRoundTrips()
    {
        var error = EngineErrors.UnknownRule.Create("$.rule", ("Rule", ExtensionB + "/1"));
        var json = MarketRulesJson.Serialize(error);
        Assert.Contains(@"\uD842\uDFB7/1", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(error.Message.Chinese, document.RootElement.GetProperty("message").GetProperty("zh").GetString());
    }
}
