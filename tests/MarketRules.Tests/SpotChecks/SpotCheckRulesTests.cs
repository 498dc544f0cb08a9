using System.Text.Json;
using MarketRules.Engine;

namespace MarketRules.Tests.SpotChecks;

// The JSON door of spot checks is strict: unknown or misspelt members, duplicate keys, wrong enum spellings,
// impossible dates and missing fields are coded errors with their paths, never exceptions or silent defaults.
public class SpotCheckRulesTests
{
    private const string Received = """[{"kind":"planned","on":"2024-08-01"},{"kind":"sampled","on":"2024-08-12"},{"kind":"tested-non-conforming","on":"2024-09-13"}]""";

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { """{"level":"city","history":[],"event":{"kind":"planned","on":"2024-08-01","when":"x"}}""", "MR.Engine.UnknownMember", "$.input.event.when" },
        { """{"level":"city","lotid":"x","event":{"kind":"planned","on":"2024-08-01"}}""", "MR.Engine.UnknownMember", "$.input.lotid" },
        { """{"level":"city","event":{"kind":"planned","kind":"sampled","on":"2024-08-01"}}""", "MR.Engine.DuplicateMember", "$.input.event.kind" },
        { """{"level":"city","event":{"kind":"plan","on":"2024-08-01"}}""", "MR.Engine.WrongType", "$.input.event.kind" },
        { """{"level":"town","event":{"kind":"planned","on":"2024-08-01"}}""", "MR.Engine.WrongType", "$.input.level" },
        { """{"level":"city","event":{"kind":"planned","on":"2024-02-30"}}""", "MR.Engine.WrongType", "$.input.event.on" },
        { """{"level":"city","event":{"kind":"planned"}}""", "MR.Engine.MissingField", "$.input.event.on" },
        { """{"event":{"kind":"planned","on":"2024-08-01"}}""", "MR.Engine.MissingField", "$.input.level" },
        { """{"level":"city"}""", "MR.Input.Required", "$.input.event" },
        { """{"level":"city","history":""" + Received + ""","event":{"kind":"result-received","on":"2031-01-05"}}""", "MR.Calendar.OutOfRange", "$.input" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Transition_BadInput_IsACodedErrorAtItsPath(string input, string code, string path)
    {
        var error = Evaluate("spotcheck.transition/1", input);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(path, error.TryGetProperty("path", out var p) ? p.GetString() : "");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetProperty("zh").GetString()));
    }

    [Theory]
    [InlineData("""{"counts":[{"category":"A","sampled":5,"conforming":4,"sampled":6}]}""", "MR.Engine.DuplicateMember", "$.input.counts[0].sampled")]
    [InlineData("""{"counts":[{"category":"A","sampled":5}]}""", "MR.Engine.MissingField", "$.input.counts[0].conforming")]
    [InlineData("""{"counts":[{"category":"A","sampled":-5,"conforming":-6}]}""", "MR.SpotChecks.InvalidCounts", "$.input.counts[0]")]
    [InlineData("""{"counts":[{"category":"A","sampled":5,"conforming":4,"reportedPercent":101}]}""", "MR.SpotChecks.InvalidValue", "$.input.counts[0].reportedPercent")]
    [InlineData("""{"counts":[]}""", "MR.Input.Required", "$.input.counts")]
    [InlineData("""{"counts":[{"category":"A","sampled":5,"conforming":4}],"decimals":11}""", "MR.SpotChecks.InvalidValue", "$.input.decimals")]
    [InlineData("""{"counts":[{"category":"A","sampled":5,"conforming":4}],"weights":[{"category":"A","weight":1},{"category":"A","weight":2}]}""", "MR.SpotChecks.WeightsMismatch", "$.input.weights[1].category")]
    [InlineData("""{"counts":[{"category":"A","sampled":5,"conforming":4}],"weights":[{"category":"A","weight":0}]}""", "MR.SpotChecks.InvalidValue", "$.input.weights")]
    public void PassRate_BadInput_IsACodedErrorAtItsPath(string input, string code, string path)
    {
        var error = Evaluate("spotcheck.pass-rate/1", input);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(path, error.GetProperty("path").GetString());
    }

    [Fact]
    public void Transition_Explanation_CitesTheLawAndListsTheParameters()
    {
        var json = MarketRules.Tests.Engine.FreshRules.Engine().Evaluate("""{"rule":"spotcheck.transition/1","asOf":"2024-09-20","input":{"level":"city","history":"""
            + Received + ""","event":{"kind":"result-received","on":"2024-09-20"}}}""");
        using var doc = JsonDocument.Parse(json);
        var explanation = doc.RootElement.GetProperty("explanation");
        Assert.Equal("notified", explanation.GetProperty("outcome").GetString());
        Assert.Contains(explanation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("parameterId").GetString() == "spotchecks.retest-window");
        Assert.Contains("第十五条第四款", json, StringComparison.Ordinal);
        Assert.Contains("收到检验结果", json, StringComparison.Ordinal);
    }

    private static JsonElement Evaluate(string rule, string input)
    {
        var json = MarketRules.Tests.Engine.FreshRules.Engine().Evaluate($$"""{"rule":"{{rule}}","asOf":"2024-09-20","input":{{input}}}""");
        var root = JsonDocument.Parse(json).RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean(), json);
        return root.GetProperty("errors")[0];
    }
}
