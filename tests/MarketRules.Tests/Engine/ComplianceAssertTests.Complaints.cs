using MarketRules.Calendar;
using MarketRules.Complaints;
using MarketRules.Testing;

namespace MarketRules.Tests.Engine;

public partial class ComplianceAssertTests
{
    private static Instant BeijingTen(int y, int m, int d) => new LocalDate(y, m, d).At(new LocalTime(10, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();

    private static ComplaintEvent C(ComplaintEventKind kind, int m, int d) => new(kind, BeijingTen(2026, m, d));

    [Fact]
    public void ComplaintDeadlinesMet_HistoryInTime_Passes()
    {
        ComplianceAssert.ComplaintDeadlinesMet(
        [
            C(ComplaintEventKind.Received, 4, 15), C(ComplaintEventKind.Accepted, 4, 24),
            C(ComplaintEventKind.MediationStarted, 4, 27) with { BothPartiesConsent = true }, C(ComplaintEventKind.AgreementReached, 5, 20),
            C(ComplaintEventKind.Closed, 5, 21),
        ], new LocalDate(2026, 6, 1));
    }

    [Fact]
    public void ComplaintDeadlinesMet_LateAcceptance_FailsCitingOrder121Art15()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.ComplaintDeadlinesMet([C(ComplaintEventKind.Received, 4, 15), C(ComplaintEventKind.Accepted, 4, 27)]));
        Assert.Equal("complaint.transition/1", ex.RuleId);
        Assert.Equal("第十五条", ex.Citation!.Article!.Chinese);
        Assert.Contains("2026-04-24", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplaintDeadlinesMet_PendingPastTheDeadlineOnAsOf_Fails()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.ComplaintDeadlinesMet([C(ComplaintEventKind.Received, 4, 14)], new LocalDate(2026, 4, 24)));
        Assert.Equal("第十四条", ex.Citation!.Article!.Chinese);
    }

    [Fact]
    public void ComplaintDeadlinesMet_IllegalEvent_Fails()
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.ComplaintDeadlinesMet([C(ComplaintEventKind.Received, 4, 15), C(ComplaintEventKind.AgreementReached, 4, 16)]));
        Assert.Contains("MR.Complaints.IllegalTransition", ex.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void RewardComputed_TheMeasuresAmount_Passes_AndAnotherFails()
    {
        var facts = new RewardCase { ClosedOn = new LocalDate(2026, 6, 30), Level = RewardLevel.Level1, SuspectedCrime = true, FinesAndConfiscations = Money.FromYuan(30_000_000) };
        ComplianceAssert.RewardComputed(facts, Money.FromYuan(1_000_000), financeCoDecided: true);
        var over = Assert.Throws<ComplianceException>(() => ComplianceAssert.RewardComputed(facts, Money.FromYuan(1_500_000), financeCoDecided: true));
        Assert.Contains("cap applied", over.Expected, StringComparison.Ordinal);
        Assert.Throws<ComplianceException>(() => ComplianceAssert.RewardComputed(facts, Money.FromYuan(1_000_000), financeCoDecided: false));
    }
}
