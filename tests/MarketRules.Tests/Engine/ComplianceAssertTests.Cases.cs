using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Testing;
using MarketRules.Tests.Cases;

namespace MarketRules.Tests.Engine;

// Dates checked by hand against the 2025 holiday notice: the fixture's penalty is decided on Friday 2025-04-04 (Qingming,
// 4–6 April off). Service within 7 working days (行政处罚法 art. 61) counts 7–11 and 14–15 April: last day 2025-04-15.
public partial class ComplianceAssertTests
{
    private static CaseEvent CaseEventOn(CaseEventKind kind, int y, int m, int d) => CaseEvent.Of(kind, CaseFixture.At(y, m, d), "officer-1");

    [Fact]
    public void LegalTransitions_FullOrdinaryProcedure_Passes() =>
        ComplianceAssert.LegalTransitions(CaseFixture.PathTo(CaseState.Executed));

    [Fact]
    public void LegalTransitions_DecisionWithoutInvestigationConcluded_ThrowsNamingIndexCodeAndRule()
    {
        List<CaseEvent> history = [.. CaseFixture.PathTo(CaseState.Investigation),
            CaseEvent.PenaltyDecided(CaseFixture.At(2025, 3, 10), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000))];
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.LegalTransitions(history));
        Assert.Equal(CaseStateMachine.RuleId, ex.RuleId);
        Assert.Contains("event #2", ex.Expected);
        Assert.Contains("Investigation", ex.Expected);
        Assert.Contains(nameof(CaseRejectionCode.IllegalTransition), ex.Actual);
        Assert.Contains("Event #2 (PenaltyDecided", ex.Finding);
    }

    [Fact]
    public void LegalTransitions_DecisionWhileStatementPeriodRuns_ThrowsWithTheTransitionsCitation()
    {
        var notified = CaseFixture.PathTo(CaseState.Notified);
        List<CaseEvent> history = [.. notified,
            CaseEvent.PenaltyDecided(notified[^1].At + Duration.FromDays(1), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000))];
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.LegalTransitions(history));
        Assert.Contains($"event #{notified.Count}", ex.Expected);
        Assert.Contains(nameof(CaseRejectionCode.StatementPeriodRunning), ex.Actual);
        Assert.Equal(CaseTransitionTable.Find(CaseState.Notified, CaseEventKind.PenaltyDecided)!.Citation, ex.Citation);
    }

    [Fact]
    public void DeadlinesMet_ServedOnTheSeventhWorkingDay_Passes()
    {
        List<CaseEvent> history = [.. CaseFixture.PathTo(CaseState.Decided), CaseEventOn(CaseEventKind.DecisionServed, 2025, 4, 15)];
        ComplianceAssert.DeadlinesMet(history);
    }

    [Fact]
    public void DeadlinesMet_ServedAfterTheSevenWorkingDays_ThrowsNamingTheServiceDeadline()
    {
        List<CaseEvent> history = [.. CaseFixture.PathTo(CaseState.Decided), CaseEventOn(CaseEventKind.DecisionServed, 2025, 4, 16)];
        ComplianceAssert.LegalTransitions(history); // legal, only late
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.DeadlinesMet(history));
        Assert.Equal(CaseStateMachine.RuleId, ex.RuleId);
        Assert.Equal(CaseCitations.Service, ex.Citation);
        Assert.Contains("Service deadline", ex.Expected);
        Assert.Contains("ends on 2025-04-15", ex.Expected);
        Assert.Contains("DecisionServed", ex.Actual);
        Assert.Contains("[case.transition/1] Event #", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadlinesMet_PenaltyNeverPublished_ThrowsAsOfAfterTheTwentyWorkingDays()
    {
        var history = CaseFixture.PathTo(CaseState.Executed);
        ComplianceAssert.DeadlinesMet(history);
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.DeadlinesMet(history, new LocalDate(2025, 6, 30)));
        Assert.Equal(CaseCitations.Publication, ex.Citation);
        Assert.Contains("Publication", ex.Finding);
        Assert.Contains("still pending on 2025-06-30", ex.Actual);
    }

    [Fact]
    public void DeadlinesMet_PenaltyPublishedInTime_PassesAsOfLater()
    {
        List<CaseEvent> history = [.. CaseFixture.PathTo(CaseState.Executed), CaseEventOn(CaseEventKind.DecisionPublished, 2025, 4, 10)];
        ComplianceAssert.DeadlinesMet(history, new LocalDate(2025, 6, 30));
    }
}
