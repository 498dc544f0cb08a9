using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

public partial class CaseStateMachineTests
{
    private static CaseSnapshot Run(params CaseEvent[] events) => Machine.Replay(events).GetValueOrThrow();

    [Fact]
    public void Flow_LeadBeforeNationalDay2024_VerificationSkipsTheHolidayAndCountsTheMakeUpSaturday()
    {
        // 2024-09-30 + 15 wd: 10-01..07 off; 10-08..11 (4), Sat 10-12 make-up (5), 10-14..18 (10), 10-21..25 (15).
        var lead = CaseEvent.LeadReceived(At(2024, 9, 30), new LocalDate(2024, 9, 1));
        var result = Machine.Apply(CaseSnapshot.Initial, lead);
        Assert.Equal(CaseDeadlineKind.LeadVerification, result.NextDeadlineKind);
        Assert.Equal(new LocalDate(2024, 10, 25), result.NextDeadline);

        // +15 wd with the head's approval: 10-28..11-01 (5), 11-04..08 (10), 11-11..15 (15).
        var extended = Machine.Apply(result.Snapshot, CaseEvent.Of(CaseEventKind.VerificationExtended, At(2024, 10, 24)));
        Assert.Equal(new LocalDate(2024, 11, 15), extended.NextDeadline);

        var again = Machine.Apply(extended.Snapshot, CaseEvent.Of(CaseEventKind.VerificationExtended, At(2024, 10, 25)));
        Assert.Equal(CaseRejectionCode.VerificationAlreadyExtended, again.Rejection);

        var opened = Machine.Apply(extended.Snapshot, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 11, 1)));
        Assert.Equal(CaseState.Investigation, opened.Snapshot.State);
        // 90 days from 2024-11-01 is 2025-01-30, inside the 2025 Spring Festival (01-28..02-04): rolls to 02-05.
        Assert.Equal(new LocalDate(2025, 2, 5), opened.NextDeadline);
    }

    [Fact]
    public void Flow_NoticeServedBeforeSpringFestival2025_NoDecisionUntilFiveWorkingDaysRanOut()
    {
        var notified = Run(
            CaseEvent.LeadReceived(At(2024, 12, 2), new LocalDate(2024, 11, 20)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 12, 6)),
            CaseEvent.Concluded(At(2025, 1, 20), legalReviewRequired: false, collectiveDiscussionRequired: false),
            CaseEvent.NoticeServed(At(2025, 1, 24), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)));

        // 2025-01-24 (Fri) + 5 wd: Sun 01-26 make-up (1), 01-27 (2), 01-28..02-04 off, 02-05 (3), 02-06 (4), 02-07 (5).
        var agenda = Machine.AsOf(notified, new LocalDate(2025, 1, 27));
        Assert.Equal(new LocalDate(2025, 2, 7), agenda.Due.Single(d => d.Kind == CaseDeadlineKind.StatementAndDefence).LastDay);

        var tooEarly = Machine.Apply(notified, CaseEvent.PenaltyDecided(At(2025, 2, 7, 16), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)));
        Assert.Equal(CaseRejectionCode.StatementPeriodRunning, tooEarly.Rejection);
        Assert.Equal(new LocalDate(2025, 2, 7), tooEarly.LimitDate);
        Assert.Equal(notified, tooEarly.Snapshot);

        var decided = Machine.Apply(notified, CaseEvent.PenaltyDecided(At(2025, 2, 8), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)));
        Assert.Equal(CaseState.Decided, decided.Snapshot.State);
        // Service within 7 wd of 02-08 (a make-up Saturday): 02-10..14 (5), 02-17 (6), 02-18 (7).
        Assert.Equal(new LocalDate(2025, 2, 18), decided.NextDeadline);

        var waived = Machine.Apply(notified, CaseEvent.Of(CaseEventKind.RightsWaived, At(2025, 1, 24, 15)));
        var early = Machine.Apply(waived.Snapshot, CaseEvent.PenaltyDecided(At(2025, 1, 27), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)));
        Assert.True(early.Accepted);

        var heavier = Machine.Apply(waived.Snapshot, CaseEvent.PenaltyDecided(At(2025, 1, 27), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(60_000)));
        Assert.Equal(CaseRejectionCode.HeavierThanNotified, heavier.Rejection);
    }

    [Fact]
    public void Flow_SuspendedForTwentyDaysOfTesting_DecisionDeadlineMovesTwentyDaysAndRollsOffTheWeekend()
    {
        var opened = Run(CaseEvent.LeadReceived(At(2025, 2, 24), new LocalDate(2025, 2, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 3)));
        // 2025-03-03 + 90 d = 06-01, a Sunday inside the Dragon Boat rest (05-31..06-02): rolls to 06-03.
        Assert.Equal(new LocalDate(2025, 6, 3), Machine.AsOf(opened, new LocalDate(2025, 3, 3)).Due.Single().LastDay);

        var suspended = Machine.Apply(opened, CaseEvent.Suspended(At(2025, 3, 10), PauseKind.Testing)).Snapshot;
        var paused = Machine.AsOf(suspended, new LocalDate(2025, 3, 20)).Due.Single();
        Assert.True(paused.Paused);

        var resumed = Machine.Apply(suspended, CaseEvent.Of(CaseEventKind.InvestigationResumed, At(2025, 3, 30)));
        Assert.Equal(20, resumed.Snapshot.DecisionPauses.ExcludedDays);
        // 06-01 + 20 d = 06-21 (Sat) → Mon 06-23.
        Assert.Equal(new LocalDate(2025, 6, 23), resumed.NextDeadline);

        // The same date from the kernel's own paused-clock computation.
        var kernel = PeriodCalculator.China.Deadline(new LocalDate(2025, 3, 3), LegalPeriod.Days(90),
            [new DateInterval(new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 29))], RestDayRule.RollForward);
        Assert.Equal(kernel.LastDay, resumed.NextDeadline);
    }

    [Fact]
    public void DecisionPeriod_SuspensionBegunAfterItRanOut_DoesNotBringItBack()
    {
        // 行政处罚法 第六十条: suspension is not counted in the 90 days, but a clock that has already run out (06-03 here) is
        // not restarted by a suspension begun afterwards; the case stays overdue from 06-04.
        var opened = Run(CaseEvent.LeadReceived(At(2025, 2, 24), new LocalDate(2025, 2, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 3)));
        var suspended = Machine.Apply(opened, CaseEvent.Suspended(At(2025, 6, 10), PauseKind.Testing)).Snapshot;
        var resumed = Machine.Apply(suspended, CaseEvent.Of(CaseEventKind.InvestigationResumed, At(2025, 6, 30))).Snapshot;
        Assert.Equal(0, resumed.DecisionPauses.ExcludedDays);
        var overdue = Machine.AsOf(resumed, new LocalDate(2025, 7, 1)).Overdue.Single(d => d.Kind == CaseDeadlineKind.Decision);
        Assert.Equal(new LocalDate(2025, 6, 3), overdue.LastDay);
    }

    [Fact]
    public void Flow_DecisionPeriod_ExtendedOnceByApprovalThenOnlyCollectively()
    {
        var opened = Run(CaseEvent.LeadReceived(At(2025, 2, 24), new LocalDate(2025, 2, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 3)));
        var extended = Machine.Apply(opened, CaseEvent.DecisionPeriodExtended(At(2025, 5, 30), 30, false));
        Assert.Equal(new LocalDate(2025, 7, 1), extended.NextDeadline); // 03-03 + 120 d = 07-01 (Tue)
        Assert.Equal(CaseRejectionCode.ExtensionNotAllowed, Machine.Apply(extended.Snapshot, CaseEvent.DecisionPeriodExtended(At(2025, 6, 2), 30, false)).Rejection);
        Assert.Equal(CaseRejectionCode.ExtensionNotAllowed, Machine.Apply(extended.Snapshot, CaseEvent.DecisionPeriodExtended(At(2025, 6, 2), 0, true)).Rejection);
        var collective = Machine.Apply(extended.Snapshot, CaseEvent.DecisionPeriodExtended(At(2025, 6, 2), 45, true));
        Assert.Equal(new LocalDate(2025, 8, 15), collective.NextDeadline); // 07-01 + 45 d = 08-15 (Fri)
        Assert.Equal(CaseRejectionCode.PeriodAlreadyExpired, Machine.Apply(opened, CaseEvent.DecisionPeriodExtended(At(2025, 6, 4), 30, false)).Rejection);
    }

    [Fact]
    public void Flow_HearingRequested_MandatoryHearingWithSevenWorkingDaysNotice()
    {
        var notified = Run(
            CaseEvent.LeadReceived(At(2025, 9, 1), new LocalDate(2025, 8, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 9, 2)),
            CaseEvent.Concluded(At(2025, 9, 15), false, false),
            CaseEvent.NoticeServed(At(2025, 9, 16), PartyKind.Person, Sanctions.Fine, Money.FromYuan(10_000)));
        Assert.True(notified.InHearingScope); // a person, ≥ 10,000 yuan ("以上" includes the number)

        // Hearing request by 09-16 + 5 wd = 09-23; the decision must wait for the hearing once requested.
        var late = Machine.Apply(notified, CaseEvent.Of(CaseEventKind.HearingRequested, At(2025, 9, 24)));
        Assert.Equal(CaseRejectionCode.HearingRequestOutOfTime, late.Rejection);
        Assert.Equal(new LocalDate(2025, 9, 23), late.LimitDate);

        var requested = Machine.Apply(notified, CaseEvent.Of(CaseEventKind.HearingRequested, At(2025, 9, 23, 17))).Snapshot;
        Assert.Equal(CaseRejectionCode.IllegalTransition,
            Machine.Apply(requested, CaseEvent.PenaltyDecided(At(2025, 10, 9), PartyKind.Person, Sanctions.Fine, Money.FromYuan(10_000))).Rejection);

        // Notice on 09-26: 7 wd = 09-28 (Sun make-up), 09-29, 09-30, [10-01..08 off], 10-09, 10-10, 10-11 (Sat make-up), 10-13 → hearing from 10-14.
        var tooSoon = Machine.Apply(requested, CaseEvent.HearingNoticeServed(At(2025, 9, 26), new LocalDate(2025, 10, 13)));
        Assert.Equal(CaseRejectionCode.HearingNoticeTooLate, tooSoon.Rejection);
        Assert.Equal(new LocalDate(2025, 10, 14), tooSoon.LimitDate);
        var scheduled = Machine.Apply(requested, CaseEvent.HearingNoticeServed(At(2025, 9, 26), new LocalDate(2025, 10, 14))).Snapshot;
        var held = Machine.Apply(scheduled, CaseEvent.Of(CaseEventKind.HearingHeld, At(2025, 10, 14))).Snapshot;
        Assert.Equal(21, held.DecisionPauses.ExcludedDays); // hearing time 09-23 → 10-14 is not counted in the 90 days
        Assert.True(Machine.Apply(held, CaseEvent.PenaltyDecided(At(2025, 10, 20), PartyKind.Person, Sanctions.Fine, Money.FromYuan(8_000))).Accepted);

        var small = Run(
            CaseEvent.LeadReceived(At(2025, 9, 1), new LocalDate(2025, 8, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 9, 2)),
            CaseEvent.Concluded(At(2025, 9, 15), false, false),
            CaseEvent.NoticeServed(At(2025, 9, 16), PartyKind.Person, Sanctions.Fine, Money.FromFen(999_999)));
        Assert.Equal(CaseRejectionCode.NotInHearingScope, Machine.Apply(small, CaseEvent.Of(CaseEventKind.HearingRequested, At(2025, 9, 17))).Rejection);
    }

    [Fact]
    public void Flow_FineServedBeforeSpringFestival2026_SurchargeThreePercentADayCappedAtTheFine()
    {
        var decided = Run(
            CaseEvent.LeadReceived(At(2025, 11, 3), new LocalDate(2025, 10, 20)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 11, 5)),
            CaseEvent.Concluded(At(2026, 1, 5), false, false),
            CaseEvent.NoticeServed(At(2026, 1, 6), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)),
            CaseEvent.PenaltyDecided(At(2026, 1, 20), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)));
        var served = Machine.Apply(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(2026, 2, 10)));
        Assert.Equal(new LocalDate(2026, 2, 25), served.NextDeadline); // 02-10 + 15 d (02-25 is a working day)

        Assert.Equal(Money.FromYuan(3_000), Machine.LateSurcharge(served.Snapshot, new LocalDate(2026, 3, 7))); // 10 days × 300
        Assert.Equal(Money.FromYuan(10_000), Machine.LateSurcharge(served.Snapshot, new LocalDate(2026, 5, 1))); // capped at the fine
        var agenda = Machine.AsOf(served.Snapshot, new LocalDate(2026, 3, 7));
        Assert.Contains(agenda.Overdue, d => d.Kind == CaseDeadlineKind.Payment);
        Assert.Contains(agenda.Overdue, d => d.Kind == CaseDeadlineKind.Publication); // 01-20 + 20 wd passed
        Assert.Equal(Money.FromYuan(13_000), agenda.Outstanding);

        Assert.Equal(CaseRejectionCode.PaymentExceedsBalance, Machine.Apply(served.Snapshot, CaseEvent.PaymentReceived(At(2026, 3, 7), Money.FromYuan(13_000.01m))).Rejection);
        var paid = Machine.Apply(served.Snapshot, CaseEvent.PaymentReceived(At(2026, 3, 7), Money.FromYuan(13_000)));
        Assert.Equal(CaseState.Executed, paid.Snapshot.State);

        // Demand only after the surcharge ran more than 30 days (due 02-25 → from 03-28).
        Assert.Equal(CaseRejectionCode.DemandTooEarly, Machine.Apply(served.Snapshot, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(2026, 3, 27))).Rejection);
        var demanded = Machine.Apply(served.Snapshot, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(2026, 3, 28))).Snapshot;
        // Court only after the 6-month litigation period (served 02-10 → ends 08-10), within 3 months (→ 11-10).
        Assert.Equal(CaseRejectionCode.EnforcementTooEarly, Machine.Apply(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2026, 8, 10))).Rejection);
        Assert.Equal(CaseState.EnforcementApplied, Machine.Apply(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2026, 8, 11))).Snapshot.State);
        Assert.Equal(CaseRejectionCode.EnforcementWindowClosed, Machine.Apply(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2026, 11, 11))).Rejection);
    }

    [Fact]
    public void Flow_TransferToPoliceBeforeNationalDay2025_TimetableInCalendarDaysAndClockHours()
    {
        var investigation = Run(CaseEvent.LeadReceived(At(2025, 9, 1), new LocalDate(2025, 8, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 9, 2)));
        Assert.Equal(CaseRejectionCode.MissingFact, Machine.Apply(investigation, CaseEvent.Of(CaseEventKind.TransferToPoliceDecided, At(2025, 9, 30))).Rejection);

        var reported = Machine.Apply(investigation, CaseEvent.TransferToPoliceDecided(At(2025, 9, 30), SampleReferral));
        // 09-30 + 3 d = 10-03, inside the National Day rest (10-01..08): the last day rolls to 10-09.
        Assert.Equal(new LocalDate(2025, 10, 9), reported.NextDeadline);
        var approved = Machine.Apply(reported.Snapshot, CaseEvent.Of(CaseEventKind.TransferApproved, At(2025, 10, 9, 15)));
        Assert.Equal(CaseDeadlineKind.TransferDelivery, approved.NextDeadlineKind);
        Assert.Equal(At(2025, 10, 10, 15), Machine.AsOf(approved.Snapshot, new LocalDate(2025, 10, 9)).Due.Single().ExpiresAt);

        var sent = Machine.Apply(approved.Snapshot, CaseEvent.Of(CaseEventKind.CaseTransferred, At(2025, 10, 10, 9))).Snapshot;
        var declined = Machine.Apply(sent, CaseEvent.Of(CaseEventKind.PoliceDeclined, At(2025, 10, 13))).Snapshot;
        Assert.Equal(CaseRejectionCode.ReconsiderationNotAllowed, Machine.Apply(declined, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(2025, 10, 17))).Rejection);
        var asked = Machine.Apply(declined, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(2025, 10, 16))).Snapshot;
        var declinedAgain = Machine.Apply(asked, CaseEvent.Of(CaseEventKind.PoliceDeclined, At(2025, 10, 19))).Snapshot;
        Assert.Equal(CaseRejectionCode.ReconsiderationNotAllowed, Machine.Apply(declinedAgain, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(2025, 10, 20))).Rejection);
        Assert.Equal(CaseState.Investigation, Machine.Apply(declinedAgain, CaseEvent.Of(CaseEventKind.AdministrativeProceedingsResumed, At(2025, 10, 20))).Snapshot.State);
        Assert.Equal("刑法第一百四十条 生产、销售伪劣产品罪", declinedAgain.Referral!.Offence);
    }

    [Theory]
    [InlineData(2025, 6, 1, PartyKind.Person, 200, true)]
    [InlineData(2025, 6, 1, PartyKind.Person, 200.01, false)]
    [InlineData(2025, 6, 1, PartyKind.Organisation, 3000, true)]
    [InlineData(2025, 6, 1, PartyKind.Organisation, 3000.01, false)]
    [InlineData(2021, 7, 14, PartyKind.Person, 50, true)]
    [InlineData(2021, 7, 14, PartyKind.Person, 51, false)]
    [InlineData(2021, 7, 14, PartyKind.Organisation, 1000, true)]
    [InlineData(2021, 7, 15, PartyKind.Organisation, 1001, true)]
    public void SummaryPenalty_Limits_ChangeOn20210715(int y, int m, int d, PartyKind party, double yuan, bool allowed)
    {
        var result = Machine.Apply(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(At(y, m, d), party, Sanctions.Fine, Money.FromYuan((decimal)yuan)));
        Assert.Equal(allowed ? CaseRejectionCode.None : CaseRejectionCode.SummaryLimitExceeded, result.Rejection);
    }

    [Fact]
    public void Flow_SummaryWarning_ClosesWithoutPayment()
    {
        var warned = Machine.Apply(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(At(2025, 6, 3), PartyKind.Person, Sanctions.Warning, Money.Zero)).Snapshot;
        Assert.Equal(CaseState.Closed, Machine.Apply(warned, CaseEvent.Of(CaseEventKind.CaseClosed, At(2025, 6, 3))).Snapshot.State);
    }

    [Theory]
    [InlineData(false, CaseState.NotOpened)]
    [InlineData(true, CaseState.Investigation)]
    public void CaseOpened_ActDiscoveredAfterTwoYears_NotOpenedUnlessSeriousHarm(bool seriousHarm, CaseState expected)
    {
        // Act 2022-01-10; two years end 2024-01-10; discovered 2024-02-01.
        var lead = Run(CaseEvent.LeadReceived(At(2024, 2, 1), new LocalDate(2022, 1, 10), seriousHarm));
        var opened = Machine.Apply(lead, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 2, 2)));
        Assert.Equal(expected, opened.Snapshot.State);
        Assert.Equal(seriousHarm ? CaseCloseReason.None : CaseCloseReason.LimitationExpired, opened.Snapshot.CloseReason);
    }

    [Fact]
    public void PenaltyDecided_ActDateEstablishedOutsideLimitation_CaseClosesWithTheReason()
    {
        var notified = Run(
            CaseEvent.LeadReceived(At(2025, 3, 3), new LocalDate(2025, 1, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 4)),
            CaseEvent.Concluded(At(2025, 4, 1), false, false) with { Date = new LocalDate(2022, 12, 1) },
            CaseEvent.NoticeServed(At(2025, 4, 2), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000)),
            CaseEvent.Of(CaseEventKind.RightsWaived, At(2025, 4, 2)));
        var step = Machine.Transition(notified, CaseEvent.PenaltyDecided(At(2025, 4, 3), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000))).GetValueOrThrow();
        Assert.Equal(CaseState.Closed, step.To);
        Assert.Equal(CaseCloseReason.LimitationExpired, step.Snapshot.CloseReason);
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.Cases.LimitationExpired");
    }

    [Fact]
    public void Decide_LegalReviewAndCollectiveDiscussionRequired_RejectedUntilDone()
    {
        var concluded = Run(
            CaseEvent.LeadReceived(At(2025, 3, 3), new LocalDate(2025, 1, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 4)),
            CaseEvent.Concluded(At(2025, 4, 1), true, true));
        Assert.Equal(CaseRejectionCode.LegalReviewRequired,
            Machine.Apply(concluded, CaseEvent.NoticeServed(At(2025, 4, 2), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000))).Rejection);
        var notified = Run([.. PathTo(CaseState.None), .. new[]
        {
            CaseEvent.LeadReceived(At(2025, 3, 3), new LocalDate(2025, 1, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 4)),
            CaseEvent.Concluded(At(2025, 4, 1), true, true), CaseEvent.Of(CaseEventKind.LegalReviewStarted, At(2025, 4, 2)),
            CaseEvent.Of(CaseEventKind.LegalReviewCompleted, At(2025, 4, 3)),
            CaseEvent.NoticeServed(At(2025, 4, 7), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000)),
        }]);
        Assert.Equal(CaseRejectionCode.CollectiveDiscussionRequired,
            Machine.Apply(notified, CaseEvent.PenaltyDecided(At(2025, 4, 20), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000))).Rejection);
    }

    [Fact]
    public void Apply_EventInThePast_RejectedAndStateUnchanged()
    {
        var s = SnapshotIn(CaseState.Investigation);
        var result = Machine.Apply(s, CaseEvent.Of(CaseEventKind.InvestigationConcluded, At(D0)));
        Assert.Equal(CaseRejectionCode.EventInPast, result.Rejection);
        Assert.Equal(s, result.Snapshot);
        Assert.Equal("MR.Cases.EventInPast", result.ToRuleError().Code);
    }

    [Fact]
    public void Apply_UnknownState_RejectedAndStateUnchanged()
    {
        var s = SnapshotIn(CaseState.Investigation) with { State = (CaseState)99 };
        var result = Machine.Apply(s, CaseEvent.Of(CaseEventKind.InvestigationConcluded, At(D0.PlusDays(10))));
        Assert.Equal(CaseRejectionCode.UnknownState, result.Rejection);
        Assert.Equal(s, result.Snapshot);
        Assert.Equal("MR.Cases.UnknownState", result.ToRuleError().Code);
        Assert.Equal(CaseRejectionCode.UnknownEvent, Machine.Apply(CaseSnapshot.Initial, CaseEvent.Of((CaseEventKind)99, At(D0))).Rejection);
    }

    [Fact]
    public void Apply_NegativeFine_RejectedAndStateUnchanged()
    {
        var s = SnapshotIn(CaseState.InvestigationConcluded) with { LegalReviewRequired = false };
        var result = Machine.Apply(s, CaseEvent.NoticeServed(At(D0.PlusDays(10)), PartyKind.Person, Sanctions.Fine, Money.FromYuan(-1)));
        Assert.Equal(CaseRejectionCode.NegativeAmount, result.Rejection);
        Assert.Equal(s, result.Snapshot);
        Assert.Equal("MR.Cases.NegativeAmount", result.ToRuleError().Code);
    }

    [Fact]
    public void Record_EveryTransition_HistoryRebuildsTheSameCase()
    {
        var file = CaseFile.Open("杭上市监处罚〔2025〕1号");
        foreach (var e in PathTo(CaseState.Executed))
        {
            file = file.Record(e, Machine).GetValueOrThrow();
        }
        Assert.Equal(PathTo(CaseState.Executed).Count, file.History.Length);
        Assert.All(file.History, r => Assert.Equal("officer-1", r.Event.Actor ?? "officer-1"));
        Assert.Equal(CaseState.Executed, file.History[^1].To);
        var rebuilt = CaseFile.Rebuild(file.CaseId, file.Events(), Machine).GetValueOrThrow();
        Assert.Equal(file.Snapshot, rebuilt.Snapshot);
        var rejected = file.Record(CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(40))), Machine);
        Assert.False(rejected.IsSuccess);
        Assert.Equal(CaseState.Executed, file.State);
    }
}
