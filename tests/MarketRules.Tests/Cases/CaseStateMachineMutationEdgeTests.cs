using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Json;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The edges of the case machine that the mutation run found unguarded: what a caller reads from a transition and its
/// error, the explanation of the step into each state (the rule, the deadlines and the parameters in force), the
/// agenda's surcharge and balance, replay and the case file, and the table's lookups.
/// </summary>
public class CaseStateMachineMutationEdgeTests
{
    private static readonly CaseEventKind[] SummaryDecidedEvents = [CaseEventKind.PaymentReceived, CaseEventKind.CaseClosed];

    // The step that brought the case into `state` along the fixture's path.
    private static CaseStep LastStepInto(IReadOnlyList<CaseEvent> path)
    {
        var before = Machine.Replay(path.Take(path.Count - 1)).GetValueOrThrow();
        return Machine.Transition(before, path[^1]).GetValueOrThrow();
    }

    public static TheoryData<CaseState> StatesReached() => [.. Enum.GetValues<CaseState>().Where(s => s != CaseState.None)];

    // Snapshots of whole explanations, read against domain-rules.md § administrative penalty cases before committing:
    // the transition's article, each running deadline with its last day and article, the parameters the state reads.
    [Theory]
    [MemberData(nameof(StatesReached))]
    public void Explanation_OfTheStepIntoEachState_CitesTheTransitionDeadlinesAndParametersInForce(CaseState state) =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(LastStepInto(PathTo(state)).Explanation), new Snapshooter.SnapshotNameExtension(state));

    [Fact]
    public void Explanation_NoticeToAPerson_UsesThePersonsHearingThreshold()
    {
        var path = PathTo(CaseState.LegalReviewCompleted).Append(
            CaseEvent.NoticeServed(At(D0.PlusDays(7)), PartyKind.Person, Sanctions.Fine, Money.FromYuan(20_000))).ToList();
        var used = LastStepInto(path).Explanation.Parameters.Select(p => p.ParameterId).ToList();
        Assert.Contains(CaseParameters.HearingFinePerson.Id, used);
        Assert.DoesNotContain(CaseParameters.HearingFineOrganisation.Id, used);
    }

    [Fact]
    public void Explanation_NoticeToAnOrganisation_UsesTheOrganisationsHearingThreshold()
    {
        var used = LastStepInto(PathTo(CaseState.Notified)).Explanation.Parameters.Select(p => p.ParameterId).ToList();
        Assert.Contains(CaseParameters.HearingFineOrganisation.Id, used);
        Assert.DoesNotContain(CaseParameters.HearingFinePerson.Id, used);
    }

    [Fact]
    public void Explanation_SummaryPenaltyOnAnOrganisation_UsesTheOrganisationsSummaryLimit()
    {
        var step = LastStepInto([CaseEvent.SummaryPenalty(At(D0), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(1_000))]);
        var used = step.Explanation.Parameters.Select(p => p.ParameterId).ToList();
        Assert.Contains(CaseParameters.SummaryFineOrganisation.Id, used);
        Assert.DoesNotContain(CaseParameters.SummaryFinePerson.Id, used);
    }

    [Fact]
    public void Explanation_PenaltyDecidedOutsideLimitation_StatesTheActDateAndTheLastDayOfTheTwoYears()
    {
        var notified = Machine.Replay([
            CaseEvent.LeadReceived(At(2025, 3, 3), new LocalDate(2025, 1, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 3, 4)),
            CaseEvent.Concluded(At(2025, 4, 1), false, false) with { Date = new LocalDate(2022, 12, 1) },
            CaseEvent.NoticeServed(At(2025, 4, 2), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000)),
            CaseEvent.Of(CaseEventKind.RightsWaived, At(2025, 4, 2))]).GetValueOrThrow();
        var step = Machine.Transition(notified, CaseEvent.PenaltyDecided(At(2025, 4, 3), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(5_000))).GetValueOrThrow();
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(step.Explanation));
    }

    // What a caller reads from a transition.

    [Fact]
    public void ToRuleError_OfAnAcceptedTransition_Throws()
    {
        var accepted = Machine.Apply(CaseSnapshot.Initial, PathTo(CaseState.UnderVerification)[0]);
        Assert.True(accepted.Accepted);
        var ex = Assert.Throws<InvalidOperationException>(() => accepted.ToRuleError());
        Assert.Equal("An accepted transition has no error", ex.Message);
    }

    [Fact]
    public void ToRuleError_IllegalTransition_NamesTheStateTheEventAndTheEventsAllowed()
    {
        var rejected = Machine.Apply(SnapshotIn(CaseState.SummaryDecided), CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(1))));
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(rejected.ToRuleError()));
    }

    [Fact]
    public void ToRuleError_SummaryFineAboveTheLimit_CitesTheArticleInForceWithTheLimit()
    {
        var rejected = Machine.Apply(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(At(D0), PartyKind.Person, Sanctions.Fine, Money.FromYuan(201)));
        Assert.Equal(CaseRejectionCode.SummaryLimitExceeded, rejected.Rejection);
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(rejected.ToRuleError()));
    }

    [Fact]
    public void ToRuleError_HearingRequestedAfterFiveWorkingDays_StatesThePeriodAndItsLastDay()
    {
        var notified = SnapshotIn(CaseState.Notified);
        var rejected = Machine.Apply(notified, CaseEvent.Of(CaseEventKind.HearingRequested, At(D0.PlusDays(30))));
        Assert.Equal(CaseRejectionCode.HearingRequestOutOfTime, rejected.Rejection);
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(rejected.ToRuleError()));
    }

    [Fact]
    public void ToRuleError_ARejectionWithBothADatedArticleAndAPeriod_StatesBoth()
    {
        // No guard of the machine sets both today; a transition that does must still state both.
        var hearingRequest = Machine.Law.Policy.TryResolve(CaseParameters.HearingRequest, D0, Machine.Law.Jurisdiction)!;
        var transition = new CaseTransition
        {
            From = CaseState.Notified, Event = CaseEvent.Of(CaseEventKind.HearingRequested, At(D0)), Snapshot = SnapshotIn(CaseState.Notified),
            Rejection = CaseRejectionCode.HearingRequestOutOfTime, LimitDate = D0, LimitCitation = hearingRequest.Citation,
            LimitPeriod = Machine.Apply(SnapshotIn(CaseState.Notified), CaseEvent.Of(CaseEventKind.HearingRequested, At(D0.PlusDays(30)))).LimitPeriod,
        };
        var error = transition.ToRuleError("$.x");
        Assert.Equal("$.x", error.Path);
        Assert.Equal(["Allowed", "Article", "Event", "Limit", "Period", "State"], error.Arguments.Keys);
        Assert.Equal("2025-03-03", error.Arguments["Limit"]);
    }

    // The agenda: the surcharge and the balance run only while the fine is to be paid.

    [Fact]
    public void AsOf_DecidedButNotServed_NothingIsOutstanding()
    {
        var agenda = Machine.AsOf(SnapshotIn(CaseState.Decided), D0.PlusDays(200));
        Assert.Equal(Money.Zero, agenda.LateSurcharge);
        Assert.Equal(Money.Zero, agenda.Outstanding);
    }

    [Fact]
    public void AsOf_PaidInFullLate_NoSurchargeIsShownOnTheExecutedCase()
    {
        var executed = SnapshotIn(CaseState.Executed);
        var late = executed.PaymentDueOn!.Value.PlusDays(10);
        Assert.NotEqual(Money.Zero, Machine.LateSurcharge(executed, late));
        var agenda = Machine.AsOf(executed, late);
        Assert.Equal(Money.Zero, agenda.LateSurcharge);
        Assert.Equal(Money.Zero, agenda.Outstanding);
    }

    [Fact]
    public void AsOf_PartPaidBeforeTheDueDate_OutstandingIsTheFineLessThePayment()
    {
        var decided = SnapshotIn(CaseState.Decided);
        var served = Machine.Apply(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(33)))).Snapshot;
        var paid = Machine.Apply(served, CaseEvent.PaymentReceived(At(D0.PlusDays(34)), Money.FromYuan(50_000))).Snapshot;
        var agenda = Machine.AsOf(paid, D0.PlusDays(35));
        Assert.Equal(Money.Zero, agenda.LateSurcharge);
        Assert.Equal(Money.FromYuan(100_000), agenda.Outstanding);
    }

    // Replay and the case file.

    [Fact]
    public void Replay_NoEvents_IsRefusedAsAnArgument() =>
        Assert.Throws<ArgumentNullException>(() => Machine.Replay(null!));

    [Fact]
    public void Replay_TheThirdEventIllegal_ErrorPointsAtItsIndex()
    {
        var events = PathTo(CaseState.Investigation).Append(CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(3)))).ToList();
        var error = Assert.Single(Machine.Replay(events).Errors);
        Assert.Equal("MR.Cases.IllegalTransition", error.Code);
        Assert.Equal("$.history[2]", error.Path);
    }

    [Fact]
    public void Rebuild_NoEvents_IsRefusedAsAnArgument() =>
        Assert.Throws<ArgumentNullException>(() => CaseFile.Rebuild("C-1", null!, Machine));

    [Fact]
    public void Record_NoMachine_IsRefusedAsAnArgument() =>
        Assert.Throws<ArgumentNullException>(() => CaseFile.Open("C-1").Record(PathTo(CaseState.UnderVerification)[0], null!));

    [Fact]
    public void Rebuild_AnIllegalEvent_StopsThereWithItsError()
    {
        var events = PathTo(CaseState.Investigation).Append(CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(3)))).ToList();
        var result = CaseFile.Rebuild("C-1", events, Machine);
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Cases.IllegalTransition", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Rebuild_History_IsNumberedFromOne()
    {
        var file = CaseFile.Rebuild("C-1", PathTo(CaseState.Investigation), Machine).GetValueOrThrow();
        Assert.Equal([1, 2], file.History.Select(r => r.Sequence));
        Assert.Equal([CaseState.None, CaseState.UnderVerification], file.History.Select(r => r.From));
        Assert.Equal(CaseState.Investigation, file.State);
    }

    // The table.

    [Fact]
    public void AllowedEvents_OfASummaryDecision_ArePaymentAndClosingOnly() =>
        Assert.Equal(SummaryDecidedEvents, CaseTransitionTable.AllowedEvents(CaseState.SummaryDecided));

    [Fact]
    public void Find_AStateOrEventOutsideTheEnums_HasNoRow()
    {
        var states = Enum.GetValues<CaseState>().Length;
        var events = Enum.GetValues<CaseEventKind>().Length;
        Assert.Null(CaseTransitionTable.Find((CaseState)states, CaseEventKind.LeadReceived));
        Assert.Null(CaseTransitionTable.Find((CaseState)(states - 1), (CaseEventKind)events));
        Assert.Null(CaseTransitionTable.Find(CaseState.None, (CaseEventKind)(-1)));
        Assert.Null(CaseTransitionTable.Find((CaseState)(-1), CaseEventKind.LeadReceived));
    }
}
