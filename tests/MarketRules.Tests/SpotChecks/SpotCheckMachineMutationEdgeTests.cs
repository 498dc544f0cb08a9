using MarketRules.Json;
using MarketRules.SpotChecks;
using static MarketRules.Tests.SpotChecks.SpotCheckStateMachineTests;

namespace MarketRules.Tests.SpotChecks;

/// <summary>
/// Edges of the spot-check chain (产品质量监督抽查管理暂行办法; 食品安全抽样检验管理办法) that the mutation run showed
/// untested: the last day of each window the agenda lists, the refusals' coded errors and paths, the explanation of
/// each kind of step (due, overdue, late, the second-review window ending on a rest day), and the guards on bad input.
/// </summary>
public class SpotCheckMachineMutationEdgeTests
{
    private static readonly LocalDate Received20240920 = new(2024, 9, 20);

    // Goods received 2026-02-02, stopped the same day, rectification ordered 03-02, failed review 05-15, announced 06-01.
    private static SpotCheckLot AnnouncedOn20260601() => Then(Received(Goods, new LocalDate(2026, 2, 2)),
            E(SpotCheckEventKind.SaleStopped, 2026, 2, 2), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2),
            E(SpotCheckEventKind.ReviewFailed, 2026, 5, 15), E(SpotCheckEventKind.Announced, 2026, 6, 1));

    private static SpotCheckLot ReorganisationUntil(LocalDate until)
    {
        return Then(AnnouncedOn20260601(), E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3, until));
    }

    [Fact]
    public void RetestRequestWindow_IsListedOnItsLastDay_AndDroppedTheDayAfter()
    {
        // Goods received 2024-09-20: the 15-day window runs to 10-08 (rolled over National Day). A window is the
        // producer's right, not the bureau's duty: after its last day it is no longer listed, not listed overdue.
        var lot = Received(Goods, Received20240920);
        Assert.Contains(Machine.AsOf(lot, new LocalDate(2024, 10, 8)).Due, d => d.Step == SpotCheckStep.RetestRequest);
        var after = Machine.AsOf(lot, new LocalDate(2024, 10, 9));
        Assert.DoesNotContain(after.Due.Concat(after.Overdue), d => d.Step == SpotCheckStep.RetestRequest);
    }

    [Fact]
    public void SecondReview_IsDueOnTheWindowsLastDay_OverdueTheDayAfter_WithBothPeriodsStated()
    {
        // Announced 2026-06-01: "六十日后九十日前" — the window is 08-01 .. 08-29.
        var announced = AnnouncedOn20260601();
        var onLastDay = Assert.Single(Machine.AsOf(announced, new LocalDate(2026, 8, 29)).Due, d => d.Step == SpotCheckStep.SecondReview);
        Assert.Equal("after 60 days, before 90 days", onLastDay.Period);
        Assert.Contains(Machine.AsOf(announced, new LocalDate(2026, 8, 30)).Overdue, d => d.Step == SpotCheckStep.SecondReview);
    }

    [Fact]
    public void Reorganisation_IsListedUntilItsLastDayInclusive()
    {
        var lot = ReorganisationUntil(new LocalDate(2026, 9, 30));
        Assert.Contains(Machine.AsOf(lot, new LocalDate(2026, 9, 30)).Due, d => d.Step == SpotCheckStep.Reorganisation);
        Assert.DoesNotContain(Machine.AsOf(lot, new LocalDate(2026, 10, 1)).Due, d => d.Step == SpotCheckStep.Reorganisation);
    }

    [Fact]
    public void SecondReviewFailed_ReorganisationMustEndAfterTheReviewDay()
    {
        var announced = AnnouncedOn20260601();
        Assert.Equal(SpotCheckRejection.ReorganisationPeriodRequired,
            Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3, new LocalDate(2026, 8, 3))).Rejection);
        Assert.Equal(SpotCheckRejection.ReorganisationPeriodRequired, Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3)).Rejection);
        Assert.True(Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3, new LocalDate(2026, 8, 4))).Accepted);
        // A second review that passed needs no reorganisation period.
        Assert.True(Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewPassed, 2026, 8, 3)).Accepted);
    }

    [Fact]
    public void EventDatedBeforeTheLastOne_IsRefused_SameDayIsNot()
    {
        var lot = Received(Goods, Received20240920);
        var past = Machine.Decide(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 19));
        Assert.Equal((SpotCheckRejection.EventInPast, (LocalDate?)Received20240920), (past.Rejection, past.LimitDate));
        Assert.True(Machine.Decide(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 20)).Accepted);
    }

    [Fact]
    public void SaleStoppedTwice_IsRefusedNamingTheDayItWasRecorded()
    {
        var lot = Then(Received(Goods, Received20240920), E(SpotCheckEventKind.SaleStopped, 2024, 9, 21));
        var again = Machine.Decide(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 25));
        Assert.Equal((SpotCheckRejection.AlreadyRecorded, (LocalDate?)new LocalDate(2024, 9, 21)), (again.Rejection, again.LimitDate));
    }

    [Fact]
    public void StopOfSales_TakenAfterTheDayTheResultWasReceived_IsLate_OnThatDayIsNot()
    {
        var lot = Received(Goods, Received20240920);
        Assert.Empty(Machine.Transition(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 20)).GetValueOrThrow().Late);
        var late = Assert.Single(Machine.Transition(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 23)).GetValueOrThrow().Late);
        Assert.Equal(new SpotCheckLateStep(SpotCheckStep.StopSale, Received20240920, new LocalDate(2024, 9, 23), 3), late);
    }

    [Fact]
    public void LicenceAtStake_OnlyForALicensedProductOfANationalOrProvincialCheck()
    {
        // 工业产品生产许可证管理条例: a licensed product failing a national or provincial check puts the licence at stake.
        static bool AtStake(SpotCheckLotFacts facts)
        {
            var sampled = Machine.Replay(facts, [E(SpotCheckEventKind.Planned, 2024, 8, 1), E(SpotCheckEventKind.Sampled, 2024, 8, 10)]).GetValueOrThrow();
            return Machine.Transition(sampled, E(SpotCheckEventKind.TestedNonConforming, 2024, 9, 2)).GetValueOrThrow()
                .Explanation.Reasons.Any(r => r.Code == "MR.SpotChecks.LicenceAtStake");
        }
        Assert.True(AtStake(new SpotCheckLotFacts(false, SpotCheckLevel.National, LicensedProduct: true)));
        Assert.False(AtStake(new SpotCheckLotFacts(false, SpotCheckLevel.National, LicensedProduct: false)));
        Assert.False(AtStake(new SpotCheckLotFacts(false, SpotCheckLevel.City, LicensedProduct: true)));
    }

    [Fact]
    public void DateOutsideTheStatutoryCalendar_IsACodedFailure_OfReplayAndTransition()
    {
        SpotCheckEvent[] history = [E(SpotCheckEventKind.Planned, 2030, 11, 1), E(SpotCheckEventKind.Sampled, 2030, 11, 10), E(SpotCheckEventKind.TestedNonConforming, 2030, 12, 20)];
        var replayed = Machine.Replay(Goods, [.. history, E(SpotCheckEventKind.ResultReceived, 2031, 1, 5)]);
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(replayed.Errors).Code);
        var tested = Machine.Replay(Goods, history).GetValueOrThrow();
        var transition = Machine.Transition(tested, E(SpotCheckEventKind.ResultReceived, 2031, 1, 5));
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(transition.Errors).Code);
    }

    [Fact]
    public void NullArguments_AreRefusedAsArguments()
    {
        var lot = Received(Goods, Received20240920);
        Assert.Throws<ArgumentNullException>(() => Machine.Decide(lot, null!));
        Assert.Throws<ArgumentNullException>(() => Machine.Replay(Goods, null!));
        var empty = new SpotCheckAgenda(Received20240920, SpotCheckState.Closed, [], []);
        Assert.Throws<ArgumentNullException>(() => SpotCheckStateMachine.Explain(null!, new ExplanationBuilder("x", Received20240920, "CN")));
        Assert.Throws<ArgumentNullException>(() => SpotCheckStateMachine.Explain(empty, null!));
    }

    [Fact]
    public void TransitionTable_StateOrEventOutsideTheEnums_HasNoRow()
    {
        var states = Enum.GetValues<SpotCheckState>().Max() + 1;
        var events = Enum.GetValues<SpotCheckEventKind>().Max() + 1;
        var lastState = Enum.GetValues<SpotCheckState>().Max();
        Assert.Null(SpotCheckTransitionTable.Find(states, SpotCheckEventKind.None));
        Assert.Null(SpotCheckTransitionTable.Find((SpotCheckState)99, SpotCheckEventKind.None));
        Assert.Null(SpotCheckTransitionTable.Find((SpotCheckState)(-1), SpotCheckEventKind.None));
        Assert.Null(SpotCheckTransitionTable.Find(lastState, (SpotCheckEventKind)(-1)));
        Assert.Null(SpotCheckTransitionTable.Find(lastState, events));
    }

    [Fact]
    public void Decision_ErrorOfAnAcceptedOrUnknownDecision_AndApplyToAnotherState_Throw()
    {
        var lot = Received(Goods, Received20240920);
        var accepted = Machine.Decide(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 20));
        Assert.Equal("An accepted decision has no error", Assert.Throws<InvalidOperationException>(() => accepted.ToRuleError()).Message);
        var unknown = new SpotCheckDecision { Rejection = (SpotCheckRejection)99 };
        Assert.Equal("An accepted decision has no error", Assert.Throws<InvalidOperationException>(() => unknown.ToRuleError()).Message);
        Assert.Equal("Only an accepted event changes the lot", Assert.Throws<InvalidOperationException>(() => unknown.ApplyTo(lot)).Message);
        var other = Then(lot, E(SpotCheckEventKind.SaleStopped, 2024, 9, 20));
        var decided = Machine.Decide(other, E(SpotCheckEventKind.RetestRequested, 2024, 9, 25));
        var wrongLot = Then(lot, E(SpotCheckEventKind.RetestRequested, 2024, 9, 21));
        Assert.StartsWith("The event was decided on a lot in another state", Assert.Throws<ArgumentException>(() => decided.ApplyTo(wrongLot)).Message, StringComparison.Ordinal);
    }

    // Every refusal's coded bilingual error, at a path and at none (read against the rules: the member at fault
    // named, the re-test window's period and days, the state's allowed events — none once the lot is closed).
    [Fact]
    public void Refusals_EveryCodeWithAndWithoutPath_MatchSnapshot()
    {
        var received = Received(Goods, Received20240920);
        var stopped = Then(received, E(SpotCheckEventKind.SaleStopped, 2024, 9, 21));
        var announced = AnnouncedOn20260601();
        var reorganising = ReorganisationUntil(new LocalDate(2026, 9, 30));
        var closed = Then(received, E(SpotCheckEventKind.RetestRequested, 2024, 9, 23), E(SpotCheckEventKind.RetestOverturned, 2024, 10, 20));
        SpotCheckDecision[] refusals =
        [
            Machine.Decide(received, E(SpotCheckEventKind.Announced, 2024, 9, 25)),
            Machine.Decide(closed, E(SpotCheckEventKind.SaleStopped, 2024, 10, 21)),
            Machine.Decide(received, E(SpotCheckEventKind.SaleStopped, 2024, 9, 19)),
            Machine.Decide(stopped, E(SpotCheckEventKind.SaleStopped, 2024, 9, 25)),
            Machine.Decide(received, E(SpotCheckEventKind.RetestRequested, 2024, 10, 9)),
            Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewPassed, 2026, 7, 31)),
            Machine.Decide(announced, E(SpotCheckEventKind.SecondReviewFailed, 2026, 8, 3)),
            Machine.Decide(reorganising, E(SpotCheckEventKind.ReorganisationReviewPassed, 2026, 9, 30)),
        ];
        Assert.All(refusals, r => Assert.False(r.Accepted));
        Snapshooter.Xunit.Snapshot.Match(MarketRules.Tests.Credit.ErrorTexts.Of([.. refusals.SelectMany(r => new[] { r.ToRuleError(), r.ToRuleError(null) })]));
    }

    // Whole explanations, read against the rules: the transition's citation, the step taken late, the steps due and
    // overdue with their computed dates, the re-test cost, the second-review window and its end on a rest day.
    [Fact]
    public void Explanation_FoodResultReceived_RetestWindowOf7WorkingDaysAndStopOfSalesDue_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Machine.Transition(Then(Machine.Replay(Food,
            [E(SpotCheckEventKind.Planned, 2024, 8, 1), E(SpotCheckEventKind.Sampled, 2024, 8, 10), E(SpotCheckEventKind.TestedNonConforming, 2024, 9, 17)]).GetValueOrThrow()),
            E(SpotCheckEventKind.ResultReceived, 2024, 9, 20)).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_RetestRequestedWithoutStopOfSales_StopOfSalesOverdue_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Machine.Transition(Received(Goods, Received20240920),
            E(SpotCheckEventKind.RetestRequested, 2024, 9, 24)).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_StopOfSalesThreeDaysLate_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Machine.Transition(Received(Goods, Received20240920),
            E(SpotCheckEventKind.SaleStopped, 2024, 9, 23)).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_AnnouncedWindowEndingOnASaturday_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Machine.Transition(Then(Received(Goods, new LocalDate(2026, 2, 2)),
            E(SpotCheckEventKind.SaleStopped, 2026, 2, 2), E(SpotCheckEventKind.RectificationOrdered, 2026, 3, 2),
            E(SpotCheckEventKind.ReviewFailed, 2026, 5, 15)), E(SpotCheckEventKind.Announced, 2026, 6, 1)).GetValueOrThrow().Explanation));

    [Fact]
    public void Explanation_RetestUpheld_ApplicantBearsTheCost_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(Machine.Transition(Then(Received(Goods, Received20240920),
            E(SpotCheckEventKind.SaleStopped, 2024, 9, 20), E(SpotCheckEventKind.RetestRequested, 2024, 9, 23)),
            E(SpotCheckEventKind.RetestUpheld, 2024, 10, 20)).GetValueOrThrow().Explanation));
}
