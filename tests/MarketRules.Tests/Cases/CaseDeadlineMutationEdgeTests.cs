using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// Both sides of the last day of every period of the penalty case (a step on the period's own last day is on time, the
/// next day is late) and the day a deadline turns overdue in the agenda (the day after its last day).
/// </summary>
public class CaseDeadlineMutationEdgeTests
{
    private static CaseDeadline Running(in CaseSnapshot s, LocalDate asOf, CaseDeadlineKind kind)
    {
        var agenda = Machine.AsOf(s, asOf);
        return agenda.Due.Concat(agenda.Overdue).Single(d => d.Kind == kind);
    }

    private static CaseTransition On(in CaseSnapshot s, CaseEvent e) => Machine.Apply(s, e);

    [Fact]
    public void VerificationExtended_OnTheLastDayOfThe15WorkingDays_IsOnTime_TheNextDayIsLate()
    {
        var s = SnapshotIn(CaseState.UnderVerification);
        var last = Running(s, D0, CaseDeadlineKind.LeadVerification).LastDay;
        // 15 working days from Monday 2025-03-03: the days after the lead, weekends not counted.
        Assert.Equal(new LocalDate(2025, 3, 24), last);

        var onTime = On(s, CaseEvent.Of(CaseEventKind.VerificationExtended, At(last)));
        Assert.True(onTime.Accepted);
        Assert.True(onTime.Snapshot.VerificationExtended);

        var late = On(s, CaseEvent.Of(CaseEventKind.VerificationExtended, At(last.PlusDays(1))));
        Assert.Equal(CaseRejectionCode.PeriodAlreadyExpired, late.Rejection);
        Assert.Equal(last, late.LimitDate);
    }

    [Fact]
    public void DecisionPeriodExtended_OnTheLastDayOfThe90Days_IsOnTime_TheNextDayIsLate()
    {
        var s = SnapshotIn(CaseState.Investigation);
        var last = Running(s, D0, CaseDeadlineKind.Decision).LastDay;
        // 90 days from the opening on 2025-03-05: 2025-06-03 (a Tuesday).
        Assert.Equal(new LocalDate(2025, 6, 3), last);

        Assert.True(On(s, CaseEvent.DecisionPeriodExtended(At(last), 30, false)).Accepted);
        var late = On(s, CaseEvent.DecisionPeriodExtended(At(last.PlusDays(1)), 30, false));
        Assert.Equal(CaseRejectionCode.PeriodAlreadyExpired, late.Rejection);
        Assert.Equal(last, late.LimitDate);
    }

    [Fact]
    public void NoPenaltyDecided_OnTheLastDayOfTheDecisionPeriod_IsOnTime_TheNextDayIsLate()
    {
        var s = Machine.Replay([.. PathTo(CaseState.Investigation), CaseEvent.Concluded(At(D0.PlusDays(4)), false, false)]).GetValueOrThrow();
        var last = Running(s, D0.PlusDays(4), CaseDeadlineKind.Decision).LastDay;

        var onTime = On(s, CaseEvent.Of(CaseEventKind.NoPenaltyDecided, At(last)));
        Assert.True(onTime.Accepted);
        Assert.Equal(CaseDecisionKind.NoPenalty, onTime.Snapshot.Decision);
        var late = On(s, CaseEvent.Of(CaseEventKind.NoPenaltyDecided, At(last.PlusDays(1))));
        Assert.Equal(CaseRejectionCode.DecisionPeriodExpired, late.Rejection);
        Assert.Equal(last, late.LimitDate);
    }

    [Fact]
    public void HearingRequested_AtTheInstantThePeriodExpires_IsLate_TheInstantBeforeIsOnTime()
    {
        var s = SnapshotIn(CaseState.Notified);
        var period = Running(s, D0.PlusDays(7), CaseDeadlineKind.HearingRequest);

        var onTime = On(s, CaseEvent.Of(CaseEventKind.HearingRequested, period.ExpiresAt - Duration.FromSeconds(1)));
        Assert.True(onTime.Accepted);
        var late = On(s, CaseEvent.Of(CaseEventKind.HearingRequested, period.ExpiresAt));
        Assert.Equal(CaseRejectionCode.HearingRequestOutOfTime, late.Rejection);
        Assert.Equal(period.LastDay, late.LimitDate);
    }

    [Fact]
    public void HearingHeld_OnTheNotifiedDate_IsAccepted_TheDayBeforeIsRefused()
    {
        var s = SnapshotIn(CaseState.HearingScheduled);
        var hearing = s.HearingDate!.Value;
        Assert.True(On(s, CaseEvent.Of(CaseEventKind.HearingHeld, At(hearing))).Accepted);
        var early = On(s, CaseEvent.Of(CaseEventKind.HearingHeld, At(hearing.PlusDays(-1))));
        Assert.Equal(CaseRejectionCode.HearingBeforeNoticeDate, early.Rejection);
        Assert.Equal(hearing, early.LimitDate);
    }

    [Fact]
    public void CollectiveDiscussionHeld_WhileTheStatementPeriodRuns_IsRefused_AfterItIsRecorded()
    {
        var s = SnapshotIn(CaseState.Notified);
        var governing = On(SnapshotIn(CaseState.LegalReviewCompleted), CaseEvent.NoticeServed(At(D0.PlusDays(7)), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000)));
        Assert.Equal(CaseDeadlineKind.StatementAndDefence, governing.NextDeadlineKind);
        var until = governing.NextDeadline;

        var running = On(s, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(until)));
        Assert.Equal(CaseRejectionCode.StatementPeriodRunning, running.Rejection);
        Assert.Equal(until, running.LimitDate);

        var held = On(s, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(until.PlusDays(1))));
        Assert.True(held.Accepted);
        Assert.True(held.Snapshot.CollectiveDiscussionDone);
    }

    [Fact]
    public void PaymentDeferred_ToTheSameDueDate_IsNotADeferral()
    {
        var s = SnapshotIn(CaseState.Execution);
        var due = s.PaymentDueOn!.Value;
        var same = On(s, CaseEvent.PaymentDeferred(At(D0.PlusDays(91)), due));
        Assert.Equal(CaseRejectionCode.DeferralNotLater, same.Rejection);
        Assert.Equal(due, same.LimitDate);
        var later = On(s, CaseEvent.PaymentDeferred(At(D0.PlusDays(91)), due.PlusDays(1)));
        Assert.True(later.Accepted);
        Assert.Equal(due.PlusDays(1), later.Snapshot.PaymentDueOn);
        Assert.True(later.Snapshot.PaymentDeferred);
    }

    [Fact]
    public void EnforcementApplied_OnTheLastDayOfTheWindow_IsOnTime_TheNextDayIsClosed()
    {
        var s = SnapshotIn(CaseState.Execution);
        var window = Running(s, D0.PlusDays(91), CaseDeadlineKind.EnforcementApplication);
        Assert.True(On(s, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(window.LastDay))).Accepted);
        var late = On(s, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(window.LastDay.PlusDays(1))));
        Assert.Equal(CaseRejectionCode.EnforcementWindowClosed, late.Rejection);
        Assert.Equal(window.LastDay, late.LimitDate);
    }

    [Fact]
    public void ReconsiderationRequested_OnTheLastDay_IsOnTime_TheNextDayIsLate()
    {
        var s = SnapshotIn(CaseState.PoliceDeclined);
        var last = Running(s, D0.PlusDays(5), CaseDeadlineKind.ReconsiderationRequest).LastDay;
        Assert.True(On(s, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(last))).Accepted);
        var late = On(s, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(last.PlusDays(1))));
        Assert.Equal(CaseRejectionCode.ReconsiderationNotAllowed, late.Rejection);
        Assert.Equal(last, late.LimitDate);
    }

    [Fact]
    public void Publication_AWarningDecidedOnTheDayOrder45TakesEffect_IsNotPublished_TheDayBeforeItIs()
    {
        var inForce = new LocalDate(2021, 9, 1);
        var warning = CaseSnapshot.Initial with { DecidedSanctions = Sanctions.Warning };
        Assert.False(CaseController.Published(warning with { DecidedOn = inForce }));
        Assert.True(CaseController.Published(warning with { DecidedOn = inForce.PlusDays(-1) }));
    }

    [Fact]
    public void Limitation_ALeadFoundOnItsLastDay_IsInTime_TheNextDayTheCaseIsNotOpenedAsTimeBarred()
    {
        var act = new LocalDate(2023, 3, 3);
        var lead = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act));
        var last = Running(lead.Snapshot, D0, CaseDeadlineKind.Limitation).LastDay;

        var inTime = Machine.Replay([CaseEvent.LeadReceived(At(last), act), CaseEvent.Of(CaseEventKind.CaseOpened, At(last.PlusDays(1)))]).GetValueOrThrow();
        Assert.Equal(CaseState.Investigation, inTime.State);
        var barred = Machine.Replay([CaseEvent.LeadReceived(At(last.PlusDays(1)), act), CaseEvent.Of(CaseEventKind.CaseOpened, At(last.PlusDays(2)))]).GetValueOrThrow();
        Assert.Equal(CaseState.NotOpened, barred.State);
        Assert.Equal(CaseCloseReason.LimitationExpired, barred.CloseReason);
    }

    [Theory]
    [InlineData(CaseState.Decided, CaseDeadlineKind.Service)]
    [InlineData(CaseState.Investigation, CaseDeadlineKind.Decision)]
    [InlineData(CaseState.UnderVerification, CaseDeadlineKind.LeadVerification)]
    [InlineData(CaseState.UnderVerification, CaseDeadlineKind.Limitation)]
    [InlineData(CaseState.LegalReview, CaseDeadlineKind.LegalReview)]
    [InlineData(CaseState.Notified, CaseDeadlineKind.StatementAndDefence)]
    [InlineData(CaseState.Notified, CaseDeadlineKind.HearingRequest)]
    [InlineData(CaseState.HearingScheduled, CaseDeadlineKind.Hearing)]
    [InlineData(CaseState.Execution, CaseDeadlineKind.Payment)]
    [InlineData(CaseState.Execution, CaseDeadlineKind.EnforcementApplication)]
    [InlineData(CaseState.SummaryDecided, CaseDeadlineKind.Payment)]
    [InlineData(CaseState.TransferPendingApproval, CaseDeadlineKind.TransferApproval)]
    [InlineData(CaseState.AwaitingPoliceDecision, CaseDeadlineKind.PoliceDecision)]
    [InlineData(CaseState.PoliceDeclined, CaseDeadlineKind.ReconsiderationRequest)]
    [InlineData(CaseState.AwaitingReconsideration, CaseDeadlineKind.ReconsiderationDecision)]
    [InlineData(CaseState.PoliceAccepted, CaseDeadlineKind.FilesHandOver)]
    public void Agenda_ADeadlineIsDueOnItsLastDay_AndOverdueTheDayAfter(CaseState state, CaseDeadlineKind kind)
    {
        var s = SnapshotIn(state);
        var asOf = LegalTime.DateOf(s.LastEventAt);
        var deadline = Running(s, asOf, kind);

        var onLastDay = Machine.AsOf(s, deadline.LastDay);
        var due = Assert.Single(onLastDay.Due, d => d.Kind == kind);
        Assert.False(due.Overdue);
        Assert.False(due.Paused);
        Assert.DoesNotContain(onLastDay.Overdue, d => d.Kind == kind);

        var dayAfter = Machine.AsOf(s, deadline.LastDay.PlusDays(1));
        var overdue = Assert.Single(dayAfter.Overdue, d => d.Kind == kind);
        Assert.True(overdue.Overdue);
        Assert.Equal(deadline.LastDay, overdue.LastDay);
    }

    [Theory]
    [InlineData(CaseState.UnderVerification, CaseDeadlineKind.LeadVerification)]
    [InlineData(CaseState.Investigation, CaseDeadlineKind.Decision)]
    [InlineData(CaseState.Suspended, CaseDeadlineKind.None)]
    [InlineData(CaseState.LegalReview, CaseDeadlineKind.LegalReview)]
    [InlineData(CaseState.Notified, CaseDeadlineKind.StatementAndDefence)]
    [InlineData(CaseState.HearingRequested, CaseDeadlineKind.None)]
    [InlineData(CaseState.HearingScheduled, CaseDeadlineKind.Hearing)]
    [InlineData(CaseState.HearingHeld, CaseDeadlineKind.Decision)]
    [InlineData(CaseState.Decided, CaseDeadlineKind.Service)]
    [InlineData(CaseState.Execution, CaseDeadlineKind.Payment)]
    [InlineData(CaseState.SummaryDecided, CaseDeadlineKind.Payment)]
    [InlineData(CaseState.TransferPendingApproval, CaseDeadlineKind.TransferApproval)]
    [InlineData(CaseState.TransferApproved, CaseDeadlineKind.TransferDelivery)]
    [InlineData(CaseState.AwaitingPoliceDecision, CaseDeadlineKind.PoliceDecision)]
    [InlineData(CaseState.PoliceDeclined, CaseDeadlineKind.ReconsiderationRequest)]
    [InlineData(CaseState.AwaitingReconsideration, CaseDeadlineKind.ReconsiderationDecision)]
    [InlineData(CaseState.PoliceAccepted, CaseDeadlineKind.FilesHandOver)]
    public void Transition_IntoAState_ReportsTheDeadlineThatGovernsIt(CaseState state, CaseDeadlineKind kind)
    {
        var path = PathTo(state);
        var before = Machine.Replay(path.Take(path.Count - 1)).GetValueOrThrow();
        var step = On(before, path[^1]);
        Assert.True(step.Accepted);
        Assert.Equal(state, step.Snapshot.State);
        Assert.Equal(kind, step.NextDeadlineKind);
        if (kind == CaseDeadlineKind.None)
        {
            Assert.Equal(default, step.NextDeadline);
            return;
        }
        var on = LegalTime.DateOf(path[^1].At);
        var governing = kind == CaseDeadlineKind.StatementAndDefence
            ? Machine.AsOf(step.Snapshot, on).Due.Where(d => d.Kind is CaseDeadlineKind.StatementAndDefence or CaseDeadlineKind.HearingRequest).Max(d => d.LastDay)
            : Running(step.Snapshot, on, kind).LastDay;
        Assert.Equal(governing, step.NextDeadline);
    }

    [Fact]
    public void Agenda_BeforeTheDemand_ShowsTheEarliestDayOfTheDemand_NeverOverdue()
    {
        var decided = SnapshotIn(CaseState.Decided);
        var s = On(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(33)))).Snapshot;
        var earliest = s.PaymentDueOn!.Value.PlusDays(31);
        var demand = Running(s, earliest.PlusDays(100), CaseDeadlineKind.EnforcementDemand);
        Assert.Equal(s.PaymentDueOn.Value, demand.From);
        Assert.Equal(earliest, demand.LastDay);
        Assert.False(demand.Overdue);
        Assert.False(demand.Paused);
        Assert.Equal(CaseCitations.Enforcement, demand.Citation);

        Assert.True(On(s, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(earliest))).Accepted);
        Assert.Equal(CaseRejectionCode.DemandTooEarly, On(s, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(earliest.PlusDays(-1)))).Rejection);
        Assert.DoesNotContain(Machine.AsOf(SnapshotIn(CaseState.Execution), D0.PlusDays(91)).Due, d => d.Kind == CaseDeadlineKind.EnforcementDemand);
    }

    [Fact]
    public void Agenda_AfterADeferral_CitesTheDeferredEnforcementRule()
    {
        var s = SnapshotIn(CaseState.Execution);
        Assert.Equal(CaseCitations.Enforcement, Running(s, D0.PlusDays(91), CaseDeadlineKind.EnforcementApplication).Citation);
        var deferred = On(s, CaseEvent.PaymentDeferred(At(D0.PlusDays(91)), s.PaymentDueOn!.Value.PlusDays(30))).Snapshot;
        Assert.Equal(CaseCitations.DeferredEnforcement, Running(deferred, D0.PlusDays(91), CaseDeadlineKind.EnforcementApplication).Citation);
    }

    [Fact]
    public void Agenda_AnUnpublishedPenalty_RunsItsPublicationPeriod_UntilItIsPublished()
    {
        var s = SnapshotIn(CaseState.Decided);
        var publication = Running(s, D0.PlusDays(32), CaseDeadlineKind.Publication);
        Assert.Equal(D0.PlusDays(32), publication.From);
        Assert.False(publication.Overdue);
        var published = On(s, CaseEvent.Of(CaseEventKind.DecisionPublished, At(D0.PlusDays(33)))).Snapshot;
        Assert.DoesNotContain(Machine.AsOf(published, D0.PlusDays(33)).Due, d => d.Kind == CaseDeadlineKind.Publication);
    }
}
