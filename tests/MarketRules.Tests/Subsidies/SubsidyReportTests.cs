using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public class SubsidyReportTests
{
    [Fact]
    public void Create_GongshuPhase1With2560Recipients_Pays768000AndLeaves12000()
    {
        // Worked by hand: 2,560 × 300 yuan = 768,000 yuan; 780,000 − 768,000 = 12,000 yuan left (room for 40 more).
        var ledger = new InMemorySubsidyLedger(SubsidySchemes.Gongshu2022);
        var allocator = new SubsidyAllocator(ledger);
        var start = SubsidyTestData.Shanghai("2022-06-01T08:00:00");
        var claims = Enumerable.Range(0, 2_560).Select(n => SubsidyTestData.Claim(n, start.Plus(Duration.FromMinutes(n)))).ToList();
        var notEligible = SubsidyClaim.FromInput(SubsidyTestData.Input(9_000, start) with { NewCccCertificate = null });
        var decisions = allocator.SubmitInOrder([.. claims, notEligible]);
        foreach (var decision in decisions.Where(d => d.Outcome == SubsidyOutcome.Granted))
        {
            Assert.True(ledger.Confirm(decision.ClaimId).IsSuccess);
        }

        var report = SubsidyPhaseReport.Create(SubsidySchemes.Gongshu2022, decisions, ledger.Snapshot());
        var june = report.Single(r => r.PhaseNumber == 1);
        Assert.Equal(2_561, june.Claims);
        Assert.Equal(2_560, june.PaidCount);
        Assert.Equal(Money.FromYuan(768_000m), june.AmountPaid);
        Assert.Equal(Money.FromYuan(12_000m), june.Remaining);
        Assert.Equal(1, june.RejectedByReason["MR.Subsidy.NoCcc"]);
        Assert.Equal(0, report.Single(r => r.PhaseNumber == 2).Claims);
    }

    [Fact]
    public void Create_ClaimsPastBudget_AreCountedAsBudgetExhausted()
    {
        // 780,000 / 300 = 2,600 recipients fit; 2,610 claims leave 10 refused and 0 yuan.
        var ledger = new InMemorySubsidyLedger(SubsidySchemes.Gongshu2022);
        var allocator = new SubsidyAllocator(ledger);
        var start = SubsidyTestData.Shanghai("2022-06-02T08:00:00");
        var decisions = allocator.SubmitInOrder(Enumerable.Range(0, 2_610).Select(n => SubsidyTestData.Claim(n, start.Plus(Duration.FromSeconds(n)))));
        var june = SubsidyPhaseReport.Create(SubsidySchemes.Gongshu2022, decisions, ledger.Snapshot())[0];
        Assert.Equal(2_600, june.Granted);
        Assert.Equal(10, june.RejectedByReason["MR.Subsidy.BudgetExhausted"]);
        Assert.Equal(Money.Zero, june.Remaining);
        Assert.Equal(Money.FromYuan(780_000m), june.AmountReserved);
    }
}
