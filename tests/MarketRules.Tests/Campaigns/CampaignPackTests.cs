using MarketRules.Campaigns;

namespace MarketRules.Tests.Campaigns;

// Strict reading: unknown members, duplicate keys, bad values and unknown references are coded errors with paths.
public class CampaignPackTests
{
    private const string Minimal = """
        { "id": "p", "title": { "zh": "方案", "en": "plan" }, "window": { "start": "2017-01-01", "end": "2017-01-31" },
          "units": [ { "id": "o", "name": { "zh": "办公室", "en": "office" } }, { "id": "u", "name": { "zh": "成员单位", "en": "members" }, "reportsTo": "o" } ],
          "series": [ { "id": "w", "name": { "zh": "周报", "en": "weekly" }, "cadence": "weekly", "weekday": "thursday", "before": "15:00" } ] }
        """;

    [Fact]
    public void Minimal_Reads_DefaultsStated()
    {
        var plan = CampaignPlan.Parse(Minimal).GetValueOrThrow();
        var series = Assert.Single(plan.Series);
        Assert.Equal("o", series.To);
        Assert.Equal(["u"], series.Reporters.ToArray());
        Assert.Null(plan.RestDays);
        Assert.Equal(VerificationStatus.ProjectRequirement, plan.Citation.Status);
    }

    [Theory]
    [InlineData("\"cadence\": \"weekly\"", "\"cadence\": \"weekly\", \"colour\": \"red\"", "MR.Campaigns.PackMalformed", "$.series[0].colour")]
    [InlineData("\"id\": \"p\"", "\"id\": \"p\", \"id\": \"q\"", "MR.Campaigns.PackMalformed", "$.id")]
    [InlineData("\"thursday\"", "\"thursdays\"", "MR.Campaigns.PackMalformed", "$.series[0].weekday")]
    [InlineData("\"15:00\"", "\"3pm\"", "MR.Campaigns.PackInvalid", "$.series[0].before")]
    [InlineData("\"end\": \"2017-01-31\"", "\"end\": \"2016-12-31\"", "MR.Campaigns.RangeInvalid", "$.window")]
    [InlineData("\"reportsTo\": \"o\"", "\"reportsTo\": \"x\"", "MR.Campaigns.UnknownReference", "$.units[1].reportsTo")]
    [InlineData("\"before\": \"15:00\"", "\"before\": \"15:00\", \"within\": \"phase-9\"", "MR.Campaigns.UnknownReference", "$.series[0].within")]
    [InlineData("\"weekday\": \"thursday\", ", "", "MR.Campaigns.PackInvalid", "$.series[0].weekday")]
    [InlineData("\"start\": \"2017-01-01\"", "\"start\": \"2017-02-30\"", "MR.Campaigns.PackMalformed", "$.window.start")]
    public void BadPack_IsACodedErrorAtItsPath(string find, string replace, string code, string path)
    {
        var result = CampaignPlan.Parse(Minimal.Replace(find, replace, StringComparison.Ordinal));
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == code && e.Path == path);
        Assert.All(result.Errors, e => Assert.DoesNotContain("System.", e.Message.English, StringComparison.Ordinal));
    }
}
