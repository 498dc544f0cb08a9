using MarketRules.Campaigns;

namespace MarketRules.Tests.Campaigns;

/// <summary>The texts of the pack's coded errors, which the session-13 mutation run showed no test read.</summary>
public class CampaignPlanMutationEdgeTests
{
    [Fact]
    public void Parse_NotJson_IsPackMalformed_SayingThePackCannotBeRead()
    {
        var error = CampaignPlan.Parse("{").Errors[0];
        Assert.Equal("MR.Campaigns.PackMalformed", error.Code);
        Assert.StartsWith("专项行动方案包无法读取：不是格式正确的 JSON", error.Message.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("The campaign pack cannot be read: not well-formed JSON", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutId_IsPackInvalid_SayingAValueIsInvalid()
    {
        var error = CampaignPlan.Parse("""
            { "title": { "zh": "无编号", "en": "No id" }, "window": { "start": "2022-04-01", "end": "2022-05-01" },
              "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } }, { "id": "county", "name": { "zh": "县局", "en": "county bureau" }, "reportsTo": "city" } ],
              "series": [ { "id": "monthly", "name": { "zh": "月报", "en": "monthly" }, "cadence": "monthly", "dayOfMonth": 10 } ] }
            """).Errors.First(e => e.Code == "MR.Campaigns.PackInvalid");
        Assert.Equal(("$.id", "专项行动方案包取值无效：须给出「id」"), (error.Path, error.Message.Chinese));
        Assert.Equal("The campaign pack has an invalid value: 'id' is required", error.Message.English);
    }
}
