using MarketRules.Subsidies;
using MarketRules.Testing;
using MarketRules.Tests.Subsidies;

namespace MarketRules.Tests.Engine;

public partial class ComplianceAssertTests
{
    private static SubsidyLedgerEntry Line(long sequence, string claim, SubsidyLedgerEntryKind kind, long fen, SubsidyScheme scheme) =>
        new(sequence, claim, kind, 1, Money.FromFen(fen), null, "MR.Subsidy.Test", scheme.Phases[0].Citation);

    [Fact]
    public void WithinBudget_LedgerThatRefusedTheThirdClaim_Passes()
    {
        // 600 yuan budget, 300 yuan each: two claims fit, the third is refused by the ledger.
        var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(60_000));
        for (var n = 1; n <= 3; n++)
        {
            ledger.Reserve(SubsidyTestData.Claim(n, SubsidyTestData.June15), 0);
        }
        Assert.True(ledger.Confirm("C000001").IsSuccess);
        ComplianceAssert.WithinBudget(ledger);
    }

    [Fact]
    public void WithinBudget_ReleasedAmountReused_Passes()
    {
        var scheme = SubsidyTestData.OnePhase(60_000);
        ComplianceAssert.WithinBudget(scheme, [Line(1, "a", SubsidyLedgerEntryKind.Reserved, 30_000, scheme), Line(2, "b", SubsidyLedgerEntryKind.Reserved, 30_000, scheme),
            Line(3, "b", SubsidyLedgerEntryKind.Released, 30_000, scheme), Line(4, "c", SubsidyLedgerEntryKind.Reserved, 30_000, scheme)]);
    }

    [Fact]
    public void WithinBudget_ThirdReservationOverThePhaseBudget_ThrowsAtThatLine()
    {
        var scheme = SubsidyTestData.OnePhase(60_000);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.WithinBudget(scheme,
            [Line(1, "a", SubsidyLedgerEntryKind.Reserved, 30_000, scheme), Line(2, "a", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme),
             Line(3, "b", SubsidyLedgerEntryKind.Reserved, 30_000, scheme), Line(4, "c", SubsidyLedgerEntryKind.Reserved, 30_000, scheme)]));
        Assert.Equal(SubsidyEvaluator.RuleId, ex.RuleId);
        Assert.Equal(scheme.Phases[0].Citation, ex.Citation);
        Assert.Contains("budget 600.00 yuan", ex.Expected);
        Assert.Equal("900.00 yuan after journal line 4 (claim c, phase 1), 300.00 yuan over", ex.Actual);
    }

    [Fact]
    public void WithinBudget_PaymentsWithoutReservationOverTheBudget_Throws()
    {
        var scheme = SubsidyTestData.OnePhase(60_000);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.WithinBudget(scheme,
            [Line(1, "a", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme), Line(2, "a", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme),
             Line(3, "b", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme)]));
        Assert.StartsWith("900.00 yuan after journal line 3", ex.Actual, StringComparison.Ordinal);
        Assert.Contains("[subsidy.ebike-tradein/1] A phase's subsidy budget was exceeded.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinBudget_SecondClaimOverAQuotaOfOne_Throws()
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000, quota: "1");
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.WithinBudget(scheme,
            [Line(1, "a", SubsidyLedgerEntryKind.Reserved, 30_000, scheme), Line(2, "b", SubsidyLedgerEntryKind.Reserved, 30_000, scheme)]));
        Assert.Contains("at most 1 claims", ex.Expected);
        Assert.Contains("2 claims after journal line 2", ex.Actual);
    }

    [Fact]
    public void NeverPaidTwice_DistinctPeopleAndVehicles_Passes()
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000);
        ComplianceAssert.NeverPaidTwice(scheme, [SubsidyTestData.Claim(1, SubsidyTestData.June15), SubsidyTestData.Claim(2, SubsidyTestData.June15)]);
    }

    [Fact]
    public void NeverPaidTwice_SamePersonTwice_ThrowsWithTheIdMasked()
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000);
        Assert.Contains(SubsidyUniquenessKey.PersonId, scheme.UniquenessKeys);
        var id = SubsidyTestData.PersonId(1);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.NeverPaidTwice(scheme,
            [SubsidyTestData.Claim(1, SubsidyTestData.June15), SubsidyTestData.Claim(2, SubsidyTestData.June15, person: 1)]));
        Assert.Equal(SubsidyEvaluator.RuleId, ex.RuleId);
        Assert.Contains("one subsidy per PersonId", ex.Expected);
        Assert.Contains("paid to claim C000001", ex.Expected);
        Assert.Contains("claim C000002 paid again", ex.Actual);
        Assert.DoesNotContain(id, ex.Message, StringComparison.Ordinal);
        Assert.Contains(id[..6] + "********" + id[^4..], ex.Expected);
    }

    [Theory]
    [InlineData(SubsidyUniquenessKey.OldPlate)]
    [InlineData(SubsidyUniquenessKey.OldFrame)]
    [InlineData(SubsidyUniquenessKey.NewFrame)]
    public void NeverPaidTwice_SameVehicleTwice_ThrowsNamingTheKey(SubsidyUniquenessKey key)
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000);
        Assert.Contains(key, scheme.UniquenessKeys);
        var first = SubsidyTestData.Claim(1, SubsidyTestData.June15);
        var second = SubsidyTestData.Claim(2, SubsidyTestData.June15);
        second = key switch
        {
            SubsidyUniquenessKey.OldPlate => second with { OldPlate = first.OldPlate },
            SubsidyUniquenessKey.OldFrame => second with { OldFrameNumber = first.OldFrameNumber },
            _ => second with { NewFrameNumber = first.NewFrameNumber },
        };
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.NeverPaidTwice(scheme, [first, second]));
        Assert.Contains($"one subsidy per {key}", ex.Expected);
    }

    [Fact]
    public void NeverPaidTwice_FromTheJournal_CountsOnlyClaimsStillPaid()
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000);
        SubsidyClaim[] claims = [SubsidyTestData.Claim(1, SubsidyTestData.June15), SubsidyTestData.Claim(2, SubsidyTestData.June15, person: 1)];
        // Claim 2 (same person) was paid only after claim 1's payment was released: one payment in the end.
        ComplianceAssert.NeverPaidTwice(scheme, claims, [Line(1, "C000001", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme),
            Line(2, "C000001", SubsidyLedgerEntryKind.Released, 30_000, scheme), Line(3, "C000002", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme)]);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.NeverPaidTwice(scheme, claims,
            [Line(1, "C000001", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme), Line(2, "C000002", SubsidyLedgerEntryKind.Confirmed, 30_000, scheme)]));
        Assert.Contains("PersonId", ex.Finding);
    }
}
