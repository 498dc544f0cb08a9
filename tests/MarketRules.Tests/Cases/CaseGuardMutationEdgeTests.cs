using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The admission checks every event passes, the facts an accepted step records, and the thresholds of the hearing
/// scope, the summary procedure, payments and enforcement, each on both sides.
/// </summary>
public class CaseGuardMutationEdgeTests
{
    private static CaseTransition On(in CaseSnapshot s, CaseEvent e) => Machine.Apply(s, e);

    private static CaseSnapshot NotifiedOf(PartyKind party, Sanctions sanctions, Money fine, Money confiscation = default) =>
        CaseControllerFactsMutationEdgeTests.NotifiedOf(party, sanctions, fine, confiscation);

    [Fact]
    public void Admit_AStateOrEventJustPastTheKnownOnes_IsUnknown()
    {
        var unknownState = CaseSnapshot.Initial with { State = (CaseState)CaseTransitionTable.StateCount };
        Assert.Equal(CaseRejectionCode.UnknownState, On(unknownState, CaseEvent.LeadReceived(At(D0), D0)).Rejection);
        var unknownEvent = CaseEvent.Of((CaseEventKind)CaseTransitionTable.EventCount, At(D0));
        var t = On(CaseSnapshot.Initial, unknownEvent);
        Assert.Equal(CaseRejectionCode.UnknownEvent, t.Rejection);
        Assert.Null(t.LimitDate);
    }

    [Fact]
    public void Admit_AStateOrEventBelowZero_IsUnknown_NotAnOverflow()
    {
        // A caller's cast (or a JSON number the engine did not map): refused with its code, as one past the last is.
        var belowZero = CaseSnapshot.Initial with { State = (CaseState)(-1) };
        Assert.Equal(CaseRejectionCode.UnknownState, On(belowZero, CaseEvent.LeadReceived(At(D0), D0)).Rejection);
        Assert.Equal(CaseRejectionCode.UnknownEvent, On(CaseSnapshot.Initial, CaseEvent.Of((CaseEventKind)(-1), At(D0))).Rejection);
    }

    [Fact]
    public void Admit_TheFirstEvent_IsNeverInThePast_ButOutsideTheCalendarIsRefusedWithItsDate()
    {
        var early = new LocalDate(1960, 1, 4);
        var t = On(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(early), early));
        Assert.Equal(CaseRejectionCode.OutsideCalendar, t.Rejection);
        Assert.Equal(early, t.LimitDate);
    }

    [Fact]
    public void Admit_AnEventBeforeTheLastOne_IsInThePast_NamingTheLastEventsDate()
    {
        var s = SnapshotIn(CaseState.Investigation);
        var t = On(s, CaseEvent.Of(CaseEventKind.InvestigationEnded, At(D0.PlusDays(1))));
        Assert.Equal(CaseRejectionCode.EventInPast, t.Rejection);
        Assert.Equal(D0.PlusDays(2), t.LimitDate);

        var illegal = On(s, CaseEvent.Of(CaseEventKind.HearingHeld, At(D0.PlusDays(3))));
        Assert.Equal(CaseRejectionCode.IllegalTransition, illegal.Rejection);
        Assert.Null(illegal.LimitDate);
    }

    [Fact]
    public void NoticeServed_AConfiscationOfPositiveValue_IsAdmitted_ANegativeValueIsNot()
    {
        var s = SnapshotIn(CaseState.LegalReviewCompleted);
        var at = At(D0.PlusDays(7));
        Assert.True(On(s, CaseEvent.NoticeServed(at, PartyKind.Person, Sanctions.Confiscation, Money.Zero, Money.FromYuan(500))).Accepted);
        Assert.Equal(CaseRejectionCode.NegativeAmount,
            On(s, CaseEvent.NoticeServed(at, PartyKind.Person, Sanctions.Confiscation, Money.Zero, Money.FromFen(-1))).Rejection);
    }

    [Fact]
    public void HearingScope_FineAndConfiscation_FromTheirThresholdInclusive_HeavySanctionsAlways()
    {
        // 对自然人罚款一万元以上 (以上 includes the number); 没收违法所得、非法财物价值 at the same threshold.
        Assert.True(NotifiedOf(PartyKind.Person, Sanctions.Fine, Money.FromYuan(10_000)).InHearingScope);
        Assert.False(NotifiedOf(PartyKind.Person, Sanctions.Fine, Money.FromYuan(10_000) - Money.FromFen(1)).InHearingScope);
        Assert.False(NotifiedOf(PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)).InHearingScope);
        Assert.True(NotifiedOf(PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(100_000)).InHearingScope);

        Assert.True(NotifiedOf(PartyKind.Person, Sanctions.Confiscation, Money.Zero, Money.FromYuan(10_000)).InHearingScope);
        Assert.False(NotifiedOf(PartyKind.Person, Sanctions.Confiscation, Money.Zero, Money.FromYuan(9_999)).InHearingScope);
        // The amounts count only with their sanction.
        Assert.False(NotifiedOf(PartyKind.Person, Sanctions.Warning, Money.FromYuan(20_000)).InHearingScope);
        Assert.False(NotifiedOf(PartyKind.Person, Sanctions.Warning, Money.Zero, Money.FromYuan(20_000)).InHearingScope);

        Assert.True(NotifiedOf(PartyKind.Person, Sanctions.LicenceRevocation, Money.Zero).InHearingScope);
    }

    [Fact]
    public void InvestigationConcluded_WithRestatedFacts_ReplacesThem_WithoutKeepsTheLeads()
    {
        var act = D0.PlusDays(-30);
        var investigation = Machine.Replay(
        [
            CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act.PlusDays(3) }, CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(2))),
        ]).GetValueOrThrow();

        var kept = On(investigation, CaseEvent.Concluded(At(D0.PlusDays(4)), false, false) with { SeriousHarm = true, ActContinuing = true }).Snapshot;
        Assert.Equal(act, kept.ActDate);
        Assert.Equal(act.PlusDays(3), kept.ActEndedOn);
        Assert.False(kept.ActContinuing);
        Assert.False(kept.SeriousHarm);

        var restated = On(investigation, CaseEvent.Concluded(At(D0.PlusDays(4)), false, false) with
        {
            Date = act.PlusDays(-10), ActEnd = act.PlusDays(1), SeriousHarm = true,
        }).Snapshot;
        Assert.Equal(act.PlusDays(-10), restated.ActDate);
        Assert.Equal(act.PlusDays(1), restated.ActEndedOn);
        Assert.True(restated.SeriousHarm);

        var continuing = On(investigation, CaseEvent.Concluded(At(D0.PlusDays(4)), false, false) with
        {
            Date = act, ActEnd = act.PlusDays(1), ActContinuing = true,
        }).Snapshot;
        Assert.Null(continuing.ActEndedOn);
        Assert.True(continuing.ActContinuing);
    }

    [Fact]
    public void NoPenaltyDecided_RecordsNoSanctionAndNoFine_WhateverTheEventCarries()
    {
        var s = Machine.Replay([.. PathTo(CaseState.Investigation), CaseEvent.Concluded(At(D0.PlusDays(4)), false, false)]).GetValueOrThrow();
        var none = On(s, CaseEvent.Of(CaseEventKind.NoPenaltyDecided, At(D0.PlusDays(5))) with { Sanctions = Sanctions.Fine, Amount = Money.FromYuan(100) });
        Assert.True(none.Accepted);
        Assert.Equal(Sanctions.None, none.Snapshot.DecidedSanctions);
        Assert.Equal(Money.Zero, none.Snapshot.Fine);

        // Nothing to pay: serving it executes the decision, with no payment period.
        var served = On(none.Snapshot, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(6))));
        Assert.Equal(CaseState.Executed, served.Snapshot.State);
        Assert.Null(served.Snapshot.PaymentDueOn);

        var penalty = On(SnapshotIn(CaseState.CollectiveDiscussed), CaseEvent.PenaltyDecided(At(D0.PlusDays(32)), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(120_000)));
        Assert.Equal(Sanctions.Fine, penalty.Snapshot.DecidedSanctions);
        Assert.Equal(Money.FromYuan(120_000), penalty.Snapshot.Fine);
    }

    [Fact]
    public void Summary_OnlyAWarningOrAFineWithinTheLimit_AndAFineAloneHasAPaymentPeriod()
    {
        var at = At(D0);
        Assert.Equal(CaseRejectionCode.SummaryLimitExceeded, On(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(at, PartyKind.Person, Sanctions.Confiscation, Money.Zero)).Rejection);
        Assert.Equal(CaseRejectionCode.SummaryLimitExceeded, On(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(at, PartyKind.Person, Sanctions.None, Money.Zero)).Rejection);

        var warning = On(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(at, PartyKind.Person, Sanctions.Warning, Money.Zero));
        Assert.True(warning.Accepted);
        Assert.Null(warning.Snapshot.PaymentDueOn);

        var fine = On(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(at, PartyKind.Person, Sanctions.Fine, Money.FromYuan(100)));
        Assert.True(fine.Accepted);
        var payment = Machine.AsOf(fine.Snapshot, D0).Due.Single(d => d.Kind == CaseDeadlineKind.Payment);
        Assert.Equal(payment.LastDay, fine.Snapshot.PaymentDueOn);
        Assert.Equal(D0.PlusDays(15), fine.Snapshot.PaymentDueOn);
    }

    [Fact]
    public void SummaryCase_ClosedWithThePartUnpaid_NamesTheRemainder()
    {
        var s = SnapshotIn(CaseState.SummaryDecided);
        var paid = On(s, CaseEvent.PaymentReceived(At(D0.PlusDays(1)), Money.FromYuan(30))).Snapshot;
        var t = On(paid, CaseEvent.Of(CaseEventKind.CaseClosed, At(D0.PlusDays(2))));
        Assert.Equal(CaseRejectionCode.FineUnpaid, t.Rejection);
        Assert.Equal(Money.FromYuan(70), t.LimitAmount);
    }

    [Fact]
    public void PaymentReceived_PaymentsAddUp_AndOneAboveTheBalanceIsRefusedNamingIt()
    {
        var decided = SnapshotIn(CaseState.Decided);
        var s = On(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(33)))).Snapshot;
        var first = On(s, CaseEvent.PaymentReceived(At(D0.PlusDays(34)), Money.FromYuan(50_000))).Snapshot;
        var second = On(first, CaseEvent.PaymentReceived(At(D0.PlusDays(35)), Money.FromYuan(40_000)));
        Assert.Equal(Money.FromYuan(90_000), second.Snapshot.Paid);
        Assert.Equal(CaseState.Execution, second.Snapshot.State);

        var over = On(second.Snapshot, CaseEvent.PaymentReceived(At(D0.PlusDays(36)), Money.FromYuan(60_000) + Money.FromFen(1)));
        Assert.Equal(CaseRejectionCode.PaymentExceedsBalance, over.Rejection);
        Assert.Equal(Money.FromYuan(60_000), over.LimitAmount);
        Assert.Equal(CaseState.Executed, On(second.Snapshot, CaseEvent.PaymentReceived(At(D0.PlusDays(36)), Money.FromYuan(60_000))).Snapshot.State);
    }

    [Fact]
    public void LateSurcharge_NothingOnTheDueDate_ThreePercentTheDayAfter()
    {
        var s = SnapshotIn(CaseState.Execution);
        var due = s.PaymentDueOn!.Value;
        Assert.Equal(Money.Zero, Machine.LateSurcharge(s, due));
        Assert.Equal(Money.FromYuan(4_500), Machine.LateSurcharge(s, due.PlusDays(1)));
    }

    [Fact]
    public void EnforcementApplied_AfterALateDemand_WaitsForTheDemandsPeriod()
    {
        var decided = SnapshotIn(CaseState.Decided);
        var s = On(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(33)))).Snapshot;
        var litigationEnds = Machine.AsOf(s, D0.PlusDays(33)).Due.Single(d => d.Kind == CaseDeadlineKind.EnforcementApplication).From.PlusDays(-1);
        var demandedOn = litigationEnds.PlusDays(5);
        var demanded = On(s, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(demandedOn))).Snapshot;
        var window = Machine.AsOf(demanded, demandedOn).Due.Single(d => d.Kind == CaseDeadlineKind.EnforcementApplication);
        // 10 working days after the demand, not the day after the litigation period.
        Assert.True(window.From > litigationEnds.PlusDays(1));
        Assert.True(window.From >= demandedOn.PlusDays(14));

        var early = On(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(window.From.PlusDays(-1))));
        Assert.Equal(CaseRejectionCode.EnforcementTooEarly, early.Rejection);
        Assert.Equal(window.From, early.LimitDate);
        Assert.True(On(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(window.From))).Accepted);
    }

    [Fact]
    public void Limitation_SeriousHarm_ResolvedOnTheDayTheActWasFound_NotTheDayItWasDone()
    {
        // An act of 2020 with serious harm found in 2023: the five years in force when it was found apply.
        var act = new LocalDate(2020, 1, 6);
        var found = new LocalDate(2023, 6, 5);
        var s = Machine.Replay(
        [
            CaseEvent.LeadReceived(At(found), act, seriousHarm: true), CaseEvent.Of(CaseEventKind.CaseOpened, At(found.PlusDays(1))),
        ]).GetValueOrThrow();
        Assert.Equal(CaseState.Investigation, s.State);
    }
}
