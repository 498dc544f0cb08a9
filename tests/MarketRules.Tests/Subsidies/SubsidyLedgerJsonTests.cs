using System.Text;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

// A claim sent to the ledger (CLI or HTTP) passes the same strict door as a rule request: a misspelt member must
// not become a claim without that fact, and a repeated member must not be resolved by "last one wins".
public sealed class SubsidyLedgerJsonTests
{
    [Theory]
    [InlineData("""{ "claimId": "A1", "claimID": "A2" }""", "$.claimID")]
    [InlineData("""{ "claimId": "A1", "claimId": "A2" }""", "$.claimId")]
    [InlineData("""{ "claimId": "A1\ud800" }""", "$.claimId")]
    public void ReadClaim_MisspeltRepeatedOrInvalidMember_IsMalformedAtItsPath(string json, string path)
    {
        var result = SubsidyLedgerJson.ReadClaim(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Subsidy.ClaimMalformed", error.Code);
        Assert.Equal(path, error.Path);
    }

    // A claim built in code without its arrays (default ImmutableArray, as `default` or a serializer that skips
    // initialisers leaves them) is a claim with no evidence and no prior payments: it is written, not thrown on.
    [Fact]
    public void WriteClaim_ArraysOmitted_WritesThemEmptyAndReadsBack()
    {
        var input = SubsidyTestData.Input(1, SubsidyTestData.June15) with { Evidence = default, PreviouslySubsidised = default };

        var json = SubsidyLedgerJson.WriteClaim(input);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(0, document.RootElement.GetProperty("evidence").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("previouslySubsidised").GetArrayLength());
        var read = SubsidyLedgerJson.ReadClaim(Encoding.UTF8.GetBytes(json));
        Assert.True(read.IsSuccess);
        Assert.Equal(input.ClaimId, read.Value.ClaimId);
        Assert.Empty(read.Value.Evidence);
        Assert.Equal(SubsidyClaim.FromInput(input), SubsidyClaim.FromInput(read.Value));
    }
}
