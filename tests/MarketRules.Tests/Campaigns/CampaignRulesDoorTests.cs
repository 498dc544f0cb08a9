using System.Text.Json;

namespace MarketRules.Tests.Campaigns;

/// <summary>
/// campaign.lateness/1 at the door: the plan named exactly once (a shipped pack or the caller's own), an unknown pack
/// named back to the caller, and a report's named day ("for") read from JSON — it decides which due the report answers.
/// </summary>
public class CampaignRulesDoorTests
{
    private const string Submissions = """
        [{"unit":"member-units","series":"daily","at":"2016-12-19T03:00:00Z"},{"unit":"member-units","series":"daily","at":"2016-12-21T02:00:00Z"{{FOR}}}]
        """;

    private static JsonElement Evaluate(string input)
    {
        var json = MarketRules.Tests.Engine.FreshRules.Engine().Evaluate($$"""{"rule":"campaign.lateness/1","asOf":"2016-12-23","input":{{input}}}""");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Theory]
    [InlineData("""{"from":"2016-12-19","to":"2016-12-23","assessedAt":"2016-12-23T10:00:00Z","submissions":[]}""")]
    [InlineData("""{"planId":"daguan-2016-holiday-anti-counterfeit","plan":{},"from":"2016-12-19","to":"2016-12-23","assessedAt":"2016-12-23T10:00:00Z","submissions":[]}""")]
    public void Plan_NamedNeverOrTwice_RefusedAtPlanId_SayingWhichToGive(string input)
    {
        var error = Assert.Single(Evaluate(input).GetProperty("errors").EnumerateArray());
        Assert.Equal("$.input.planId", error.GetProperty("path").GetString());
        Assert.Contains("「planId」（随库提供的方案包）与「plan」（方案包）须给出且只能给出其一", error.GetProperty("message").GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("give either 'planId' (a shipped pack) or 'plan' (a pack), not both", error.GetProperty("message").GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownShippedPack_NamedBackToTheCaller()
    {
        var error = Assert.Single(Evaluate("""{"planId":"no-such-plan","from":"2016-12-19","to":"2016-12-23","assessedAt":"2016-12-23T10:00:00Z","submissions":[]}""")
            .GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.input.planId", "no-such-plan"), (error.GetProperty("path").GetString(), error.GetProperty("arguments").GetProperty("Id").GetString()));
    }

    [Fact]
    public void Report_NamingTheDayItIsFor_AnswersThatDay_NotTheNearest()
    {
        static string Input(string forMember) => $$"""{"planId":"daguan-2016-holiday-anti-counterfeit","from":"2016-12-19","to":"2016-12-21","assessedAt":"2016-12-23T10:00:00Z","submissions":{{Submissions.Replace("{{FOR}}", forMember, StringComparison.Ordinal)}}}""";
        var nearest = Evaluate(Input(""));
        var named = Evaluate(Input(""","for":"2016-12-20" """));
        Assert.True(named.GetProperty("ok").GetBoolean(), named.GetRawText());
        Assert.NotEqual(nearest.GetProperty("result").GetRawText(), named.GetProperty("result").GetRawText());
    }
}
