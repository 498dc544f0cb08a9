using CsCheck;
using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

// 程序规定 Art 18(2): testing, inspection, quarantine, appraisal and identification by the right holder do not count in
// the 15 (+15) working days of lead verification.
public partial class CaseStateMachineTests
{
    // Lead on Fri 2024-09-27: 15 wd are 09-29 (Sun make-up), 09-30, 10-08..12 (Sat 10-12 make-up), 10-14..18, 10-21..23.
    private static readonly CaseEvent LeadBeforeNationalDay = CaseEvent.LeadReceived(At(2024, 9, 27), new LocalDate(2024, 9, 1));

    [Fact]
    public void VerificationPaused_TestingForTwelveDays_MovesTheDeadlineByTheNineWorkingDaysItTook()
    {
        var lead = Machine.Apply(CaseSnapshot.Initial, LeadBeforeNationalDay);
        Assert.Equal(new LocalDate(2024, 10, 23), lead.NextDeadline);

        var paused = Machine.Apply(lead.Snapshot, CaseEvent.VerificationPaused(At(2024, 10, 9), PauseKind.Testing));
        Assert.True(paused.Accepted);
        Assert.Equal(CaseState.VerificationPaused, paused.Snapshot.State);

        // Testing 10-09..10-20 takes 9 working days (10-09..12, 10-14..18): 24 wd from the lead end on 11-05.
        var resumed = Machine.Apply(paused.Snapshot, CaseEvent.Of(CaseEventKind.VerificationResumed, At(2024, 10, 21)));
        Assert.Equal(CaseState.UnderVerification, resumed.Snapshot.State);
        Assert.Equal(9, resumed.Snapshot.VerificationPauses.ExcludedWorkingDays);
        Assert.False(resumed.Snapshot.VerificationPauses.IsPaused);
        Assert.Equal(new LocalDate(2024, 11, 5), resumed.NextDeadline);

        // The kernel's own paused-clock computation agrees.
        var kernel = PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 27), LegalPeriod.WorkingDays(15),
            [new DateInterval(new LocalDate(2024, 10, 9), new LocalDate(2024, 10, 20))], RestDayRule.RollForward);
        Assert.Equal(kernel.LastDay, resumed.NextDeadline);
    }

    [Fact]
    public void VerificationPaused_WhileTestingRuns_TheAgendaShowsAPausedDeadlineThatMovesDayByDay()
    {
        var paused = Run(LeadBeforeNationalDay, CaseEvent.VerificationPaused(At(2024, 10, 9), PauseKind.Appraisal));

        // As of 10-15 the pause has taken 10-09..12 and 10-14: 5 working days, so 20 wd from the lead: 10-30.
        var due = Assert.Single(Machine.AsOf(paused, new LocalDate(2024, 10, 15)).Due, d => d.Kind == CaseDeadlineKind.LeadVerification);
        Assert.True(due.Paused);
        Assert.Equal(new LocalDate(2024, 10, 30), due.LastDay);

        var later = Assert.Single(Machine.AsOf(paused, new LocalDate(2024, 10, 16)).Due, d => d.Kind == CaseDeadlineKind.LeadVerification);
        Assert.Equal(new LocalDate(2024, 10, 31), later.LastDay);
    }

    [Fact]
    public void VerificationPaused_CaseOpenedDuringTesting_EndsThePauseAndTheDecisionClockStartsClean()
    {
        var paused = Run(LeadBeforeNationalDay, CaseEvent.VerificationPaused(At(2024, 10, 9), PauseKind.Testing));
        var opened = Machine.Apply(paused, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 10, 14)));

        Assert.Equal(CaseState.Investigation, opened.Snapshot.State);
        Assert.False(opened.Snapshot.VerificationPauses.IsPaused);
        Assert.Equal(4, opened.Snapshot.VerificationPauses.ExcludedWorkingDays); // 10-09..12
        // 90 days from 10-14 is 2025-01-12, a Sunday: rolls to Mon 01-13. The verification pause does not leak into it.
        Assert.Equal(new LocalDate(2025, 1, 13), opened.NextDeadline);
        Assert.Equal(0, opened.Snapshot.DecisionPauses.ExcludedDays);
    }

    [Fact]
    public void VerificationPaused_OnTheLeadsOwnDay_OnlyTheDaysAfterItAreNotCounted()
    {
        // The lead's day never counts, so a pause from that day (Fri 09-27) to Mon 09-30 excludes only Sun 09-29 (make-up).
        var resumed = Run(LeadBeforeNationalDay, CaseEvent.VerificationPaused(At(2024, 9, 27, 15), PauseKind.Inspection),
            CaseEvent.Of(CaseEventKind.VerificationResumed, At(2024, 9, 30)));
        Assert.Equal(1, resumed.VerificationPauses.ExcludedWorkingDays);
        var kernel = PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 27), LegalPeriod.WorkingDays(15),
            [new DateInterval(new LocalDate(2024, 9, 27), new LocalDate(2024, 9, 29))], RestDayRule.RollForward);
        Assert.Equal(new LocalDate(2024, 10, 24), kernel.LastDay);
        Assert.Equal(kernel.LastDay, Machine.AsOf(resumed, new LocalDate(2024, 9, 30)).Due.Single(d => d.Kind == CaseDeadlineKind.LeadVerification).LastDay);
    }

    [Theory]
    [InlineData(PauseKind.Suspension)]
    [InlineData(PauseKind.PublicNotice)]
    [InlineData((PauseKind)99)]
    public void VerificationPaused_ForAnythingButTestingAndTheLike_IsRejectedAndChangesNothing(PauseKind pause)
    {
        var lead = Run(LeadBeforeNationalDay);
        var result = Machine.Apply(lead, CaseEvent.VerificationPaused(At(2024, 10, 9), pause));
        Assert.Equal(CaseRejectionCode.PauseNotExcluded, result.Rejection);
        Assert.Equal(lead, result.Snapshot);
        Assert.Equal("MR.Cases.PauseNotExcluded", result.ToRuleError().Code);
    }

    [Fact]
    public void VerificationPaused_AfterTheDeadline_IsRejected()
    {
        var lead = Run(LeadBeforeNationalDay);
        var late = Machine.Apply(lead, CaseEvent.VerificationPaused(At(2024, 10, 24), PauseKind.Testing));
        Assert.Equal(CaseRejectionCode.PeriodAlreadyExpired, late.Rejection);
        Assert.Equal(new LocalDate(2024, 10, 23), late.LimitDate);

        var onTheLastDay = Machine.Apply(lead, CaseEvent.VerificationPaused(At(2024, 10, 23), PauseKind.Testing));
        Assert.True(onTheLastDay.Accepted);
    }

    [Fact]
    public void VerificationPaused_Twice_IsAnIllegalTransition()
    {
        var paused = Run(LeadBeforeNationalDay, CaseEvent.VerificationPaused(At(2024, 10, 9), PauseKind.Testing));
        var again = Machine.Apply(paused, CaseEvent.VerificationPaused(At(2024, 10, 10), PauseKind.Testing));
        Assert.Equal(CaseRejectionCode.IllegalTransition, again.Rejection);
    }

    [Fact]
    public void VerificationPaused_AnyLeadAndPause_Meets_Specification()
    {
        // Whatever the dates, the machine's verification deadline after one pause equals the kernel's paused-clock one.
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 25], Gen.Int[1, 40]).Sample((leadOffset, startAfter, length) =>
        {
            var leadDay = new LocalDate(2016, 1, 4).PlusDays(leadOffset);
            var lead = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(leadDay), leadDay.PlusDays(-10)));
            var start = leadDay.PlusDays(startAfter);
            var paused = Machine.Apply(lead.Snapshot, CaseEvent.VerificationPaused(At(start), PauseKind.Testing));
            if (start > lead.NextDeadline)
            {
                return paused.Rejection == CaseRejectionCode.PeriodAlreadyExpired;
            }
            var end = start.PlusDays(length);
            var resumed = Machine.Apply(paused.Snapshot, CaseEvent.Of(CaseEventKind.VerificationResumed, At(end)));
            // The period in force on the lead's day: 7 wd under the 2007 SAIC rules, 15 from 2019.
            var period = Machine.Law.Resolve(CaseParameters.LeadVerification, leadDay).AsPeriod();
            var kernel = Machine.Law.Periods.Deadline(leadDay, period, [new DateInterval(start, end.PlusDays(-1))], RestDayRule.RollForward);
            return resumed.Accepted && resumed.NextDeadline == kernel.LastDay;
        }, iter: 2_000);
    }
}
