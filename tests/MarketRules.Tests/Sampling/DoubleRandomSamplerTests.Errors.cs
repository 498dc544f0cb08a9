using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public partial class DoubleRandomSamplerTests
{
    [Fact]
    public void Commit_DuplicateCode_CodedErrorNamingBothRecords_CountedFromOneInTheText()
    {
        var roster = SamplingTestData.Roster(50);
        roster.Add(roster[7] with { Name = "again" });
        var result = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, new SamplingPolicy(), roster);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Sampling.DuplicateEntity", error.Code);
        Assert.Equal("$.roster[50].creditCode", error.Path);
        Assert.Equal(("7", "50"), (error.Arguments["FirstIndex"], error.Arguments["Index"]));
        // roster[7] is the eighth record: the text says so, as a clerk counts.
        Assert.Equal(("8", "51"), (error.Arguments["FirstNumber"], error.Arguments["Number"]));
        Assert.EndsWith("（第 8 条与第 51 条）", error.Message.Chinese, StringComparison.Ordinal);
        Assert.EndsWith("(records 8 and 51)", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_MissingCodeUnknownTierBadIndustry_EveryRecordNamed()
    {
        var roster = SamplingTestData.Roster(10);
        roster[2] = roster[2] with { CreditCode = default };
        roster[4] = roster[4] with { Tier = (CreditRiskClass)9 };
        roster[6] = roster[6] with { Industry = "Z9" };
        var result = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, new SamplingPolicy(), roster);
        Assert.False(result.IsSuccess);
        Assert.Equal(
            ["MR.Sampling.InvalidCreditCode@$.roster[2].creditCode", "MR.Sampling.UnknownTier@$.roster[4].tier", "MR.Sampling.InvalidIndustry@$.roster[6].industry"],
            result.Errors.Select(e => e.Code + "@" + e.Path));
        // Each names the record as a clerk counts it: roster[6] is the seventh.
        Assert.Equal("名录库第 5 条记录的信用风险分类 9 未知：应为 A、B、C 或 D", result.Errors[1].Message.Chinese);
        Assert.StartsWith("Record 7 of the entity directory has an invalid industry code Z9", result.Errors[2].Message.English, StringComparison.Ordinal);
        Assert.Equal(("6", "7", roster[6].CreditCode.Value), (result.Errors[2].Arguments["Index"], result.Errors[2].Arguments["Number"], result.Errors[2].Arguments["Code"]));
    }

    [Fact]
    public void Commit_RatiosThatCannotReachTarget_InfeasibleRatios()
    {
        // Every class at 0 %: nothing may be drawn, yet 5 % is required.
        var policy = new SamplingPolicy { RatioA = 0m, RatioB = 0m, RatioC = 0m, RatioD = 0m };
        var result = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, policy, SamplingTestData.Roster(100));
        Assert.Equal("MR.Sampling.InfeasibleRatios", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Commit_MandatoryNotInRosterOrAlsoExcluded_CodedErrors()
    {
        var roster = SamplingTestData.Roster(20);
        var active = roster.First(r => r.Status == EntityStatus.Active).CreditCode.Value;
        var policy = new SamplingPolicy { MandatoryInclusions = [SamplingTestData.Code(999_999_999), active], Exclusions = [active] };
        var result = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, policy, roster);
        Assert.Equal(["MR.Sampling.MandatoryNotEligible", "MR.Sampling.MandatoryAndExcluded"], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("F", true)]
    [InlineData("F52", true)]
    [InlineData("C1311", true)]
    [InlineData("F5", false)]
    [InlineData("U", false)]
    [InlineData("f52", false)]
    [InlineData("C13111", false)]
    [InlineData("", false)]
    public void IsIndustryCode_Boundaries(string code, bool expected) => Assert.Equal(expected, DoubleRandomSampler.IsIndustryCode(code));

    [Fact]
    public void Draw_RosterChangedAfterCommit_RosterChangedNothingDrawn()
    {
        var roster = SamplingTestData.Roster(300);
        var commitment = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, new SamplingPolicy(), roster).GetValueOrThrow();
        roster.RemoveAt(roster.FindIndex(r => r.Status == EntityStatus.Active));
        var result = DoubleRandomSampler.Draw(commitment, SamplingTestData.Seed(1), roster);
        Assert.Equal("MR.Sampling.RosterChanged", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void SelectedEntity_DrawnAndReadBack_EqualByValue()
    {
        var roster = SamplingTestData.Roster(400, 8);
        var drawn = PlanOf(roster, SamplingTestData.Seed(8), Henan).Strata.SelectMany(s => s.Selected).ToList();
        var prefix = DrawPrefix.Create(SamplingTestData.Seed(8), "t");
        var read = drawn.Select(e => new SelectedEntity(e.CreditCode, e.Rank, e.Mandatory)).ToList();

        Assert.NotEmpty(drawn);
        Assert.Equal(drawn, read);
        Assert.Equal(drawn.Select(e => e.GetHashCode()), read.Select(e => e.GetHashCode()));
        Assert.All(drawn, e => Assert.Matches("^[0-9a-f]{64}$", e.Rank));
        Assert.All(drawn, e => Assert.True(UnifiedSocialCreditCode.Parse(e.CreditCode).IsSuccess));
        Assert.NotEqual(drawn[0], drawn[0] with { CreditCode = drawn[1].CreditCode });
        Assert.NotEqual(drawn[0], drawn[0] with { Rank = prefix.Rank(drawn[0].CreditCode) });
        Assert.NotEqual(drawn[0], drawn[0] with { Mandatory = !drawn[0].Mandatory });
    }

    [Fact]
    public void SelectedEntity_IsAValueWithoutReferences_48BytesPerSelectedEntity()
    {
        // The draw's selection is one inline array per stratum: no object per entity, nothing for the GC to trace.
        Assert.True(typeof(SelectedEntity).IsValueType);
        Assert.False(System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<SelectedEntity>());
        Assert.Equal(48, System.Runtime.CompilerServices.Unsafe.SizeOf<SelectedEntity>());
    }

    [Theory]
    [InlineData("91410100MA3X1234Y5", "0000000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData("91410100MA3X1234Y", "00000000000000000000000000000000000000000000000000000000000000ab", false)]
    [InlineData("91410100MA3X1234I5", "00000000000000000000000000000000000000000000000000000000000000ab", false)]
    [InlineData("91410100MA3X1234Y5", "00000000000000000000000000000000000000000000000000000000000000AB", false)]
    [InlineData("91410100MA3X1234Y5", "00000000000000000000000000000000000000000000000000000000000000a", false)]
    [InlineData("91410100MA3X1234Y5", "00000000000000000000000000000000000000000000000000000000000000xy", false)]
    public void SelectedEntity_FromText_OnlyTheFormsADrawWrites(string code, string rank, bool valid)
    {
        if (valid)
        {
            var entity = new SelectedEntity(code, rank, Mandatory: true);
            Assert.Equal((code, rank, true), (entity.CreditCode, entity.Rank, entity.Mandatory));
            Assert.False((entity with { Mandatory = false }).Mandatory);
            Assert.Equal(code, (entity with { Mandatory = false }).CreditCode);
        }
        else
        {
            Assert.ThrowsAny<ArgumentException>(() => new SelectedEntity(code, rank, false));
        }
    }

    [Fact]
    public void FromJson_SelectedEntityRankNotLowerCaseHex_CodedErrorNotException()
    {
        var roster = SamplingTestData.Roster(300, 3);
        var receipt = PlanOf(roster, SamplingTestData.Seed(3), Henan);
        var rank = receipt.Strata.First(s => s.Selected.Length > 0).Selected[0].Rank;
        var json = receipt.ToJson().Replace(rank, rank.ToUpperInvariant(), StringComparison.Ordinal);

        Assert.Equal("MR.Sampling.ReceiptMalformed", Assert.Single(SamplingReceipt.FromJson(json).Errors).Code);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var streamed = Assert.Single(SamplingReceipt.FromJson(stream).Errors);
        Assert.Equal("MR.Sampling.ReceiptMalformed", streamed.Code);
        Assert.StartsWith("$.strata[", streamed.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_SelectedEntityWithoutItsCode_RefusedNotTheZeroCode()
    {
        // A struct has a default value (the all-zero code and rank): a selected entity without its code is refused, not read as it.
        var roster = SamplingTestData.Roster(300, 3);
        var receipt = PlanOf(roster, SamplingTestData.Seed(3), Henan);
        var entity = receipt.Strata.First(s => s.Selected.Length > 0).Selected[0];
        var json = receipt.ToJson().Replace($"\"creditCode\": \"{entity.CreditCode}\",", "", StringComparison.Ordinal);

        Assert.NotEqual(receipt.ToJson(), json);
        Assert.Equal("MR.Sampling.ReceiptMalformed", Assert.Single(SamplingReceipt.FromJson(json).Errors).Code);
    }

    [Fact]
    public void Verify_ReceiptOfFormat1_RefusedWithCodedErrorNamingBothFormats()
    {
        var roster = SamplingTestData.Roster(300, 3);
        var receipt = PlanOf(roster, SamplingTestData.Seed(3), Henan);
        var json = receipt.ToJson().Replace("\"marketrules-sampling/2\"", "\"marketrules-sampling/1\"", StringComparison.Ordinal);
        var old = SamplingReceipt.FromJson(json).GetValueOrThrow();

        var check = DoubleRandomSampler.Verify(old, roster);

        Assert.False(check.IsVerified);
        Assert.Equal("marketrules-sampling/2", check.Format);
        var error = Assert.Single(check.Differences);
        Assert.Equal(("MR.Sampling.UnsupportedReceiptFormat", "$.format"), (error.Code, error.Path));
        Assert.Contains("'marketrules-sampling/1'", error.Message.English, StringComparison.Ordinal);
        Assert.Contains("'marketrules-sampling/2'", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PublishedReceipt_VerifiedAndTamperingFound()
    {
        var roster = SamplingTestData.Roster(600, 4);
        var receipt = PlanOf(roster, SamplingTestData.Seed(4), Henan);
        var published = SamplingReceipt.FromJson(receipt.ToJson()).GetValueOrThrow();
        Assert.True(DoubleRandomSampler.Verify(published, roster).IsVerified);

        // Swap one selected entity for an unselected one of the same stratum.
        var stratum = published.Strata.First(s => s.Selected.Length > 0 && s.Population > s.Selected.Length);
        var other = roster.First(r => r.Status == EntityStatus.Active && DoubleRandomSampler.StratumOf(r) == stratum.Stratum
            && !stratum.Selected.Any(s => s.CreditCode == r.CreditCode.Value));
        var forged = published with
        {
            Strata = published.Strata.Replace(stratum, stratum with { Selected = stratum.Selected.SetItem(0, stratum.Selected[0] with { CreditCode = other.CreditCode.Value }) }),
        };
        var verification = DoubleRandomSampler.Verify(forged, roster);
        Assert.False(verification.IsVerified);
        Assert.Equal("MR.Sampling.ReceiptMismatch", Assert.Single(verification.Differences).Code);

        // A changed roster changes the hash.
        var changed = roster.Select((r, i) => i == 0 ? r with { Tier = r.Tier == CreditRiskClass.A ? CreditRiskClass.B : CreditRiskClass.A } : r).ToList();
        Assert.Contains(DoubleRandomSampler.Verify(published, changed).Differences, d => d.Path == "$.rosterHash");
    }
}
