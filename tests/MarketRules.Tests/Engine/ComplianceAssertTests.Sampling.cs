using MarketRules.Credit;
using MarketRules.Sampling;
using MarketRules.Testing;
using MarketRules.Tests.Sampling;

namespace MarketRules.Tests.Engine;

public partial class ComplianceAssertTests
{
    private static readonly List<EntityRecord> SamplingRoster = SamplingTestData.Roster(2_000);

    private static SamplingReceipt NationalReceipt() =>
        DoubleRandomSampler.Plan("330100-2025-01", SamplingTestData.AsOf, new SamplingPolicy(), SamplingTestData.Seed(1), SamplingRoster).GetValueOrThrow();

    [Fact]
    public void CoverageMet_PlanDrawnAtTheNationalTarget_Passes()
    {
        var receipt = NationalReceipt();
        // 5 % of the active enterprises, rounded up, is what the working rules require.
        Assert.True(receipt.SelectedCount * 20 >= receipt.Active);
        ComplianceAssert.CoverageMet(receipt);
        ComplianceAssert.CoverageMet(receipt, new SamplingPolicy { AnnualCoverage = 0.05m });
    }

    [Fact]
    public void CoverageMet_LawRequiresMoreThanThePlanDrew_ThrowsNamingTheTarget()
    {
        var receipt = NationalReceipt();
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.CoverageMet(receipt, new SamplingPolicy { AnnualCoverage = 0.10m }));
        var target = (receipt.Active + 9) / 10;
        Assert.Equal("sampling.plan/1", ex.RuleId);
        Assert.Equal(SamplingParameters.Samr2019Plan, ex.Citation);
        Assert.Contains($"at least {target} selected (10 % of {receipt.Active} active", ex.Expected);
        Assert.Contains($"{receipt.SelectedCount} selected", ex.Actual);
        Assert.Contains("[sampling.plan/1] The plan does not reach the annual coverage target.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageMet_ClassDRatioOfOneHundredPercent_ThrowsForADStratum()
    {
        var receipt = NationalReceipt();
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.CoverageMet(receipt, new SamplingPolicy { RatioD = 1m }));
        Assert.Equal(CreditCitations.RiskClassification, ex.Citation);
        Assert.Contains("/D:", ex.Expected);
        Assert.Contains("class D ratio 100 %", ex.Expected);
    }

    [Fact]
    public void CoverageMet_StratumShortOfItsQuota_Throws()
    {
        var receipt = NationalReceipt();
        var index = receipt.Strata.IndexOf(receipt.Strata.First(s => s.Selected.Length > 0));
        var shorted = receipt.Strata[index] with { Selected = receipt.Strata[index].Selected[..^1] };
        var tampered = receipt with { Strata = receipt.Strata.SetItem(index, shorted) };
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.CoverageMet(tampered));
        Assert.Contains($"stratum {shorted.Stratum}", ex.Expected);
        Assert.Contains($"quota {shorted.Quota}", ex.Expected);
        Assert.Equal($"{shorted.Quota - 1} selected (ratio {decimal.Round((decimal)(shorted.Quota - 1) / shorted.Active, 6) * 100m:0.####} %)", ex.Actual);
    }

    [Fact]
    public void CoverageMet_MandatoryEntityLeftOut_Throws()
    {
        var receipt = NationalReceipt();
        var index = receipt.Strata.IndexOf(receipt.Strata.First(s => s.Selected.Length > 0 && s.Selected.All(e => !e.Mandatory)));
        var claimed = receipt.Strata[index] with { Mandatory = 1 };
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.CoverageMet(receipt with { Strata = receipt.Strata.SetItem(index, claimed) }));
        Assert.Equal($"stratum {claimed.Stratum}: all 1 mandatory entities selected", ex.Expected);
        Assert.Equal("0 mandatory entities selected", ex.Actual);
    }

    [Fact]
    public void UsedPublishedSeed_SameSeedAndRoster_Passes() =>
        ComplianceAssert.UsedPublishedSeed(NationalReceipt(), SamplingTestData.Seed(1), SamplingRoster);

    [Fact]
    public void UsedPublishedSeed_OtherSeedThanAnnounced_ThrowsNamingBothSeeds()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.UsedPublishedSeed(NationalReceipt(), SamplingTestData.Seed(2), SamplingRoster));
        Assert.Equal("sampling.plan/1", ex.RuleId);
        Assert.Equal("国办发〔2015〕58号", ex.Citation!.DocumentNumber);
        Assert.Contains(Convert.ToHexStringLower(SamplingTestData.Seed(2)), ex.Expected);
        Assert.Contains(Convert.ToHexStringLower(SamplingTestData.Seed(1)), ex.Actual);
    }

    [Fact]
    public void UsedPublishedSeed_RosterChangedAfterTheDraw_ThrowsWithTheDifferences()
    {
        var receipt = NationalReceipt();
        List<EntityRecord> changed = [.. SamplingRoster];
        changed[0] = changed[0] with { Tier = changed[0].Tier == CreditRiskClass.D ? CreditRiskClass.A : CreditRiskClass.D };
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.UsedPublishedSeed(receipt, SamplingTestData.Seed(1), changed));
        Assert.Contains("$.rosterHash", ex.Actual);
        Assert.Contains("does not verify", ex.Finding);
    }
}
