using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

// Every deadline of a non-conforming lot's chain, counted by hand on the statutory calendar (2024 National Day
// 10-01..07 with make-up workdays 09-29 and 10-12; 2026 Labour Day 05-01..05).
public partial class SpotCheckStateMachineTests
{
    internal static readonly SpotCheckStateMachine Machine = new(NationalCatalog.Law);

    internal static readonly SpotCheckLotFacts Goods = new(Food: false, SpotCheckLevel.City, LicensedProduct: false);

    internal static readonly SpotCheckLotFacts Food = new(Food: true, SpotCheckLevel.City, LicensedProduct: false);

    internal static SpotCheckEvent E(SpotCheckEventKind kind, int year, int month, int day, LocalDate? until = null) =>
        new(kind, new LocalDate(year, month, day)) { Until = until };

    // Planned, sampled, tested non-conforming and received on the given day.
    internal static SpotCheckLot Received(SpotCheckLotFacts facts, LocalDate received)
    {
        var events = new[]
        {
            new SpotCheckEvent(SpotCheckEventKind.Planned, received.PlusDays(-40)),
            new SpotCheckEvent(SpotCheckEventKind.Sampled, received.PlusDays(-30)),
            new SpotCheckEvent(SpotCheckEventKind.TestedNonConforming, received.PlusDays(-3)),
            new SpotCheckEvent(SpotCheckEventKind.ResultReceived, received),
        };
        return Machine.Replay(facts, events).GetValueOrThrow();
    }

    internal static SpotCheckLot Then(SpotCheckLot lot, params SpotCheckEvent[] events)
    {
        foreach (var e in events)
        {
            lot = Machine.Apply(lot, e).GetValueOrThrow();
        }
        return lot;
    }

    private static SpotCheckDeadline Due(SpotCheckLot lot, LocalDate asOf, SpotCheckStep step) =>
        Machine.AsOf(lot, asOf).Due.Concat(Machine.AsOf(lot, asOf).Overdue).Single(d => d.Step == step);

    [Fact]
    public void RetestWindow_Goods_Is15CalendarDaysRolledOverNationalDay()
    {
        // 2024-09-20 + 15 days = Sat 10-05, inside the National Day holiday: the window runs to Tue 10-08 (民法典 第二百零三条).
        var d = Due(Received(Goods, new LocalDate(2024, 9, 20)), new LocalDate(2024, 9, 20), SpotCheckStep.RetestRequest);
        Assert.Equal(new LocalDate(2024, 10, 8), d.LastDay);
        Assert.Equal(new LocalDate(2024, 10, 5), d.RolledForwardFrom);
        Assert.Equal("15 days", d.Period);
        Assert.Equal(SpotCheckCitations.RetestWindow, d.Citation);
        Assert.Equal(SpotCheckActor.Producer, d.Actor);
    }

    [Fact]
    public void RetestWindow_Food_Is7WorkingDaysCountingTheMakeUpSunday()
    {
        // 7 working days after Fri 2024-09-20: 09-23, 24, 25, 26, 27, Sun 09-29 (make-up workday), 09-30.
        var d = Due(Received(Food, new LocalDate(2024, 9, 20)), new LocalDate(2024, 9, 20), SpotCheckStep.RetestRequest);
        Assert.Equal(new LocalDate(2024, 9, 30), d.LastDay);
        Assert.Null(d.RolledForwardFrom);
        Assert.Equal("7 working days", d.Period);
        Assert.Equal(SpotCheckCitations.FoodRetestWindow, d.Citation);
    }

    [Fact]
    public void Decide_AllocatesNothing_InTimeOrLate_AndItsRefusalIsApplysError()
    {
        var lot = Received(Goods, new LocalDate(2024, 9, 20));
        SpotCheckEvent[] requests = [E(SpotCheckEventKind.RetestRequested, 2024, 10, 8), E(SpotCheckEventKind.RetestRequested, 2024, 10, 9)];
        // Warm up past tiered compilation, whose one-off work may be charged to this thread.
        for (var i = 0; i < 200_000; i++)
        {
            _ = Machine.Decide(lot, requests[i & 1]);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            accepted += Machine.Decide(lot, requests[i & 1]).Accepted ? 1 : 0;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(5_000, accepted);

        var late = Machine.Decide(lot, requests[1]);
        Assert.Equal(SpotCheckRejection.RetestWindowClosed, late.Rejection);
        Assert.Equal((SpotCheckState.Notified, SpotCheckState.Notified), (late.From, late.To));
        Assert.Equal(new LocalDate(2024, 10, 8), late.LimitDate);
        Assert.Equal(new LocalDate(2024, 9, 20), late.LimitFrom);
        var error = late.ToRuleError();
        var applied = Assert.Single(Machine.Apply(lot, requests[1]).Errors);
        Assert.Equal((applied.Code, applied.Path, applied.Message.Chinese, applied.Message.English), (error.Code, error.Path, error.Message.Chinese, error.Message.English));
        Assert.Throws<InvalidOperationException>(() => Machine.Decide(lot, requests[0]).ToRuleError());
    }

    [Fact]
    public void Decision_AppliedToItsLot_IsApplysLot_AndOnlyAnAcceptedDecisionOnItsOwnLotApplies()
    {
        var lot = Received(Goods, new LocalDate(2024, 9, 20));
        var request = E(SpotCheckEventKind.RetestRequested, 2024, 10, 8);
        var decision = Machine.Decide(lot, request);
        var next = decision.ApplyTo(lot);
        Assert.Equal(Machine.Apply(lot, request).GetValueOrThrow(), next);
        Assert.Equal((SpotCheckState.RetestRequested, new LocalDate(2024, 10, 8), lot.EventCount + 1), (next.State, next.RetestRequestedOn, next.EventCount));
        Assert.Equal(lot with { State = next.State, LastEventOn = next.LastEventOn, EventCount = next.EventCount, RetestRequestedOn = next.RetestRequestedOn }, next);

        Assert.Throws<ArgumentException>(() => decision.ApplyTo(next));
        Assert.Throws<InvalidOperationException>(() => Machine.Decide(lot, E(SpotCheckEventKind.RetestRequested, 2024, 10, 9)).ApplyTo(lot));
        Assert.Throws<InvalidOperationException>(() => default(SpotCheckDecision).ApplyTo(default));
    }

    [Fact]
    public void Lot_DayRecordedThenCleared_EqualsTheLotWithout_AndEachDayIsItsOwn()
    {
        var lot = SpotCheckLot.New(Food);
        var day = new LocalDate(2025, 3, 4);
        Assert.Equal(lot, lot with { ClosedOn = day } with { ClosedOn = null });
        Assert.NotEqual(lot, lot with { ClosedOn = day });
        var announced = lot with { AnnouncedOn = day, ReviewedOn = day.PlusDays(-1) };
        Assert.Equal((day, day.PlusDays(-1), (LocalDate?)null, (LocalDate?)null), (announced.AnnouncedOn, announced.ReviewedOn, announced.SecondReviewedOn, announced.LastEventOn));
        Assert.Equal(Food, announced.Facts);
    }

    [Theory]
    [InlineData(false, 2024, 10, 8, true)]
    [InlineData(false, 2024, 10, 9, false)]
    [InlineData(true, 2024, 9, 30, true)]
    [InlineData(true, 2024, 10, 8, false)]
    public void RetestRequest_OnTheLastDayAccepted_TheDayAfterRejected(bool food, int year, int month, int day, bool accepted)
    {
        var lot = Received(food ? Food : Goods, new LocalDate(2024, 9, 20));
        var result = Machine.Apply(lot, E(SpotCheckEventKind.RetestRequested, year, month, day));
        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("MR.SpotChecks.RetestWindowClosed", error.Code);
            Assert.Equal("$.event.on", error.Path);
            Assert.Contains(food ? "7个工作日" : "15日", error.Message.Chinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Retest_Upheld_ApplicantPays_Overturned_BureauPaysAndLotCloses()
    {
        var requested = Then(Received(Goods, new LocalDate(2025, 3, 3)), E(SpotCheckEventKind.RetestRequested, 2025, 3, 10));
        var upheld = Machine.Transition(requested, E(SpotCheckEventKind.RetestUpheld, 2025, 4, 1)).GetValueOrThrow();
        Assert.Equal(SpotCheckState.Confirmed, upheld.To);
        Assert.Equal(RetestCostBearer.Applicant, upheld.Lot.RetestCost);
        Assert.Contains(upheld.Explanation.Reasons, r => r.Code == "MR.SpotChecks.RetestCost" && r.Message.Chinese.Contains("申请人", StringComparison.Ordinal));
        var overturned = Machine.Transition(requested, E(SpotCheckEventKind.RetestOverturned, 2025, 4, 1)).GetValueOrThrow();
        Assert.Equal(SpotCheckState.Closed, overturned.To);
        Assert.Equal(SpotCheckCloseReason.RetestOverturned, overturned.Lot.CloseReason);
        Assert.Equal(RetestCostBearer.OrganisingBureau, overturned.Lot.RetestCost);
        Assert.Equal("closed-retest-overturned", overturned.Explanation.Outcome);
    }

    [Fact]
    public void Rectification_And_Review_FromTheOrder_RollOverLabourDayAndTheWeekend()
    {
        // domain-rules-more.md Q2 derived example: order 2026-03-02; day 60 = 05-01 (Labour Day) → 05-06; day 75 = Sat 05-16 → Mon 05-18.
        var ordered = Then(Received(Goods, new LocalDate(2026, 2, 2)), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2));
        var rectification = Due(ordered, new LocalDate(2026, 3, 2), SpotCheckStep.Rectification);
        Assert.Equal(new LocalDate(2026, 5, 6), rectification.LastDay);
        Assert.Equal(new LocalDate(2026, 5, 1), rectification.RolledForwardFrom);
        var review = Due(ordered, new LocalDate(2026, 3, 2), SpotCheckStep.FirstReview);
        Assert.Equal(new LocalDate(2026, 5, 18), review.LastDay);
        Assert.Equal(new LocalDate(2026, 5, 16), review.RolledForwardFrom);
        Assert.Equal(SpotCheckActor.Bureau, review.Actor);
        Assert.Equal(SpotCheckCitations.FirstReview, review.Citation);
    }

    [Fact]
    public void Review_AfterItsLastDay_IsAcceptedAndReportedLate_AndOverdueBeforeIt()
    {
        var ordered = Then(Received(Goods, new LocalDate(2026, 2, 2)), E(SpotCheckEventKind.SaleStopped, 2026, 2, 2), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2));
        var agenda = Machine.AsOf(ordered, new LocalDate(2026, 5, 19));
        var overdue = Assert.Single(agenda.Overdue);
        Assert.Equal(SpotCheckStep.FirstReview, overdue.Step);
        Assert.DoesNotContain(agenda.Due, d => d.Step == SpotCheckStep.Rectification);

        var late = Machine.Transition(ordered, E(SpotCheckEventKind.ReviewPassed, 2026, 5, 20)).GetValueOrThrow();
        Assert.Equal(SpotCheckState.Closed, late.To);
        var step = Assert.Single(late.Late);
        Assert.Equal((SpotCheckStep.FirstReview, new LocalDate(2026, 5, 18), 2), (step.Step, step.LastDay, step.DaysLate));
        Assert.Contains(late.Explanation.Reasons, r => r.Code == "MR.SpotChecks.StepLate" && r.Message.Chinese.Contains("2026-05-18", StringComparison.Ordinal));

        var onTime = Machine.Transition(ordered, E(SpotCheckEventKind.ReviewPassed, 2026, 5, 18)).GetValueOrThrow();
        Assert.Empty(onTime.Late);
    }

    private static SpotCheckLot Announced(LocalDate on) => Then(Received(Goods, new LocalDate(2026, 2, 2)),
        E(SpotCheckEventKind.SaleStopped, 2026, 2, 2), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2),
        E(SpotCheckEventKind.ReviewFailed, 2026, 5, 15), new SpotCheckEvent(SpotCheckEventKind.Announced, on));

    [Fact]
    public void SecondReviewWindow_AfterDay60BeforeDay90_NotRolled()
    {
        // Announced 2026-06-01: day 60 = 07-31, day 90 = 08-30; the window is 08-01 .. 08-29 (a Saturday: not rolled).
        var lot = Announced(new LocalDate(2026, 6, 1));
        var d = Due(lot, new LocalDate(2026, 6, 1), SpotCheckStep.SecondReview);
        Assert.Equal(new LocalDate(2026, 8, 1), d.Opens);
        Assert.Equal(new LocalDate(2026, 8, 29), d.LastDay);
    }

    [Theory]
    [InlineData(7, 31, "MR.SpotChecks.SecondReviewTooEarly", 0)] // day 60: excluded
    [InlineData(8, 1, null, 0)]                                   // day 61: first day
    [InlineData(8, 29, null, 0)]                                  // day 89: last day
    [InlineData(8, 30, null, 1)]                                  // day 90: excluded — accepted, reported one day late
    public void SecondReview_BothEndsOfTheWindow(int month, int day, string? code, int daysLate)
    {
        var lot = Announced(new LocalDate(2026, 6, 1));
        var result = Machine.Transition(lot, E(SpotCheckEventKind.SecondReviewPassed, 2026, month, day));
        if (code is not null)
        {
            Assert.Equal(code, Assert.Single(result.Errors).Code);
            return;
        }
        var step = result.GetValueOrThrow();
        Assert.Equal(SpotCheckCloseReason.RectifiedAfterAnnouncement, step.Lot.CloseReason);
        Assert.Equal(daysLate, step.Late.IsEmpty ? 0 : step.Late[0].DaysLate);
    }

    [Fact]
    public void Announcement_ExplainsTheWindowReading_AndItsRestDayEnd()
    {
        var reviewFailed = Then(Received(Goods, new LocalDate(2026, 2, 2)), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2), E(SpotCheckEventKind.ReviewFailed, 2026, 5, 15));
        var step = Machine.Transition(reviewFailed, E(SpotCheckEventKind.Announced, 2026, 6, 1)).GetValueOrThrow();
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.SpotChecks.SecondReviewWindow" && r.Message.English.Contains("2026-08-01 to 2026-08-29", StringComparison.Ordinal));
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.SpotChecks.WindowEndsOnRestDay");
        Assert.Contains(step.Explanation.Parameters, p => p.ParameterId == "spotchecks.second-review-closes" && p.Value == 90);
        // The sale stop was never recorded: reported overdue in the explanation, never dropped.
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.SpotChecks.StepOverdue");
    }

    [Fact]
    public void Reorganisation_NeedsItsLastDay_ReviewedOnlyAfterIt_FailureRevokesTheLicence()
    {
        var lot = Announced(new LocalDate(2026, 6, 1));
        var noPeriod = Machine.Apply(lot, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3));
        Assert.Equal(("MR.SpotChecks.ReorganisationPeriodRequired", "$.event.until"), (noPeriod.Errors[0].Code, noPeriod.Errors[0].Path));
        var reorganising = Then(lot, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3, until: new LocalDate(2026, 10, 31)));
        Assert.Equal(SpotCheckState.Reorganisation, reorganising.State);
        Assert.Equal(new LocalDate(2026, 10, 31), Due(reorganising, new LocalDate(2026, 9, 1), SpotCheckStep.Reorganisation).LastDay);
        var early = Machine.Apply(reorganising, E(SpotCheckEventKind.ReorganisationReviewFailed, 2026, 10, 31));
        Assert.Equal("MR.SpotChecks.ReorganisationNotEnded", Assert.Single(early.Errors).Code);
        var revoked = Machine.Transition(reorganising, E(SpotCheckEventKind.ReorganisationReviewFailed, 2026, 11, 2)).GetValueOrThrow();
        Assert.Equal(SpotCheckCloseReason.BusinessLicenceRevoked, revoked.Lot.CloseReason);
        Assert.Equal("closed-business-licence-revoked", revoked.Explanation.Outcome);
    }

    [Fact]
    public void StopSale_IsDueOnTheDayOfReceipt_LateStopReported_SecondRecordRejected()
    {
        var lot = Received(Goods, new LocalDate(2025, 3, 3));
        var due = Due(lot, new LocalDate(2025, 3, 3), SpotCheckStep.StopSale);
        Assert.False(due.Overdue);
        Assert.True(Due(lot, new LocalDate(2025, 3, 4), SpotCheckStep.StopSale).Overdue);
        var late = Machine.Transition(lot, E(SpotCheckEventKind.SaleStopped, 2025, 3, 6)).GetValueOrThrow();
        Assert.Equal(3, Assert.Single(late.Late).DaysLate);
        Assert.Equal(SpotCheckState.Notified, late.To);
        var twice = Machine.Apply(late.Lot, E(SpotCheckEventKind.SaleStopped, 2025, 3, 7));
        Assert.Equal("MR.SpotChecks.AlreadyRecorded", Assert.Single(twice.Errors).Code);
    }

    [Fact]
    public void IllegalEvent_IsRejectedWithTheAllowedEvents_NeverASilentChange()
    {
        var lot = Received(Goods, new LocalDate(2025, 3, 3));
        var result = Machine.Apply(lot, E(SpotCheckEventKind.ReviewPassed, 2025, 3, 4));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MR.SpotChecks.IllegalTransition", "$.event.kind"), (error.Code, error.Path));
        Assert.Contains("申请复检", error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("re-test requested", error.Message.English, StringComparison.Ordinal);
        var past = Machine.Apply(lot, E(SpotCheckEventKind.SaleStopped, 2025, 3, 1));
        Assert.Equal(("MR.SpotChecks.EventInPast", "$.event.on"), (past.Errors[0].Code, past.Errors[0].Path));
    }

    [Fact]
    public void LicensedProduct_FailingAProvincialCheck_PutsTheProductionLicenceAtStake()
    {
        var facts = new SpotCheckLotFacts(false, SpotCheckLevel.Provincial, LicensedProduct: true);
        var sampled = Machine.Replay(facts, [E(SpotCheckEventKind.Planned, 2025, 3, 1), E(SpotCheckEventKind.Sampled, 2025, 3, 3)]).GetValueOrThrow();
        var step = Machine.Transition(sampled, E(SpotCheckEventKind.TestedNonConforming, 2025, 3, 20)).GetValueOrThrow();
        var reason = Assert.Single(step.Explanation.Reasons, r => r.Code == "MR.SpotChecks.LicenceAtStake");
        Assert.Equal(SpotCheckCitations.ProductionLicence, reason.Citation);
        var city = Machine.Replay(Goods with { LicensedProduct = true }, [E(SpotCheckEventKind.Planned, 2025, 3, 1), E(SpotCheckEventKind.Sampled, 2025, 3, 3)]).GetValueOrThrow();
        Assert.DoesNotContain(Machine.Transition(city, E(SpotCheckEventKind.TestedNonConforming, 2025, 3, 20)).GetValueOrThrow().Explanation.Reasons,
            r => r.Code == "MR.SpotChecks.LicenceAtStake");
    }

    [Fact]
    public void RectificationOrder_BeforeOrder18_IsNotInForce()
    {
        var lot = Received(Goods, new LocalDate(2019, 5, 6));
        var result = Machine.Transition(lot, E(SpotCheckEventKind.RectificationOrdered, 2019, 6, 3));
        Assert.Equal("MR.Parameter.NotInForce", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ExplanationTexts_ChineseHasNoEnumNames_EnglishHasNoChinese()
    {
        var lot = Announced(new LocalDate(2026, 6, 1));
        var step = Machine.Transition(lot, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3, until: new LocalDate(2026, 10, 31))).GetValueOrThrow();
        foreach (var reason in step.Explanation.Reasons)
        {
            Assert.DoesNotMatch("[A-Za-z]{3,}", reason.Message.Chinese);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", reason.Message.English);
        }
    }
}
