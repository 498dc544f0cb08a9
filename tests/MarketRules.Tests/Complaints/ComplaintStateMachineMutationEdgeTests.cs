using MarketRules.Complaints;
using MarketRules.Json;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// Edges of the complaint state machine (domain-rules-more: Order 20 until 2026-04-14, Order 121 from 2026-04-15) that
/// the session-16 mutation run showed untested: the last day of each running limit (in time on it, late the day after),
/// the 3-year limitation ending on a Saturday, every refusal with its coded bilingual error, the texts of each step's
/// explanation, and the guards on the arguments.
/// </summary>
public class ComplaintStateMachineMutationEdgeTests
{
    // Order 121: received Monday 2026-06-01, accepted Tuesday 06-02; Order 20: received Monday 2026-03-02.
    private static readonly LocalDate Received121 = D(2026, 6, 1);
    private static readonly LocalDate Accepted121 = D(2026, 6, 2);
    private static readonly LocalDate Received20 = D(2026, 3, 2);

    private static ComplaintEvent Ev(ComplaintEventKind kind, LocalDate date) => E(kind, date);

    private static ComplaintSnapshot AcceptedUnder121() => Run(Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121));

    private static ComplaintSnapshot AcceptedUnder20() => Run(Received(Received20), Ev(ComplaintEventKind.Accepted, Received20.PlusDays(1)));

    private static ComplaintTransition Refuse(ComplaintRejection expected, in ComplaintSnapshot s, ComplaintEvent e)
    {
        var t = Machine.Apply(s, e);
        Assert.False(t.Accepted);
        Assert.Equal(expected, t.Rejection);
        return t;
    }

    private static LocalDate LastDayOf(in ComplaintSnapshot s, ComplaintDeadlineKind kind, LocalDate asOf) =>
        Machine.Deadlines(s, asOf).Single(d => d.Kind == kind).LastDay;

    [Fact]
    public void Order121_MediationLimit60Days_EndingOnSaturday_RollsToMonday_MediationMayStartThatMondayNotTheTuesday()
    {
        // Accepted 06-02 + 60 days = Saturday 08-01; Art 45 with the weekend reading (roll = 1) moves it to Monday 08-03.
        var accepted = AcceptedUnder121();
        Assert.Equal(D(2026, 8, 3), LastDayOf(accepted, ComplaintDeadlineKind.Mediation, Accepted121));
        Assert.True(Machine.Apply(accepted, Consent(D(2026, 8, 3))).Accepted);
        var late = Refuse(ComplaintRejection.MediationLimitExpired, accepted, Consent(D(2026, 8, 4)));
        Assert.Equal(D(2026, 8, 3), late.LimitDate);
    }

    [Fact]
    public void Order121_TestingMayStartOnTheLastDayOfTheMediationLimit_NotTheDayAfter()
    {
        var mediating = Machine.Replay([Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Consent(D(2026, 6, 3))]).GetValueOrThrow();
        Assert.True(Machine.Apply(mediating, LabTest(D(2026, 8, 3))).Accepted);
        Assert.Equal(D(2026, 8, 3), Refuse(ComplaintRejection.MediationLimitExpired, mediating, LabTest(D(2026, 8, 4))).LimitDate);
    }

    [Fact]
    public void ClueVerification_ExtendedOnItsLastDay_Allowed_TheDayAfter_Refused()
    {
        var clue = Run(Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Ev(ComplaintEventKind.ClueFound, D(2026, 6, 3)));
        var last = LastDayOf(clue, ComplaintDeadlineKind.ClueVerification, D(2026, 6, 3));
        Assert.True(Machine.Apply(clue, Ev(ComplaintEventKind.ClueVerificationExtended, last) with { HeadApproved = true }).Accepted);
        var late = Refuse(ComplaintRejection.ClueExtensionNotAllowed, clue, Ev(ComplaintEventKind.ClueVerificationExtended, last.PlusDays(1)) with { HeadApproved = true });
        Assert.Equal(last, late.LimitDate);
    }

    [Fact]
    public void AcceptanceDeadline_NotOverdueOnItsLastDay_OverdueTheDayAfter()
    {
        var received = Run(Received(Received121));
        var last = LastDayOf(received, ComplaintDeadlineKind.Acceptance, Received121);
        Assert.False(Machine.Deadlines(received, last).Single().Overdue);
        Assert.True(Machine.Deadlines(received, last.PlusDays(1)).Single().Overdue);
    }

    [Fact]
    public void HarmKnownOnTheReceiptDay_IsAccepted_TheDayAfter_IsRefused()
    {
        Assert.True(Machine.Apply(ComplaintSnapshot.Initial, Received(Received121, Received121)).Accepted);
        Refuse(ComplaintRejection.HarmKnownAfterReceipt, ComplaintSnapshot.Initial, Received(Received121, Received121.PlusDays(1)));
    }

    [Fact]
    public void Order20_ThreeYearLimitationEndingOnSaturday_RollsToMonday_ComplaintReceivedThatMondayIsInTime()
    {
        // Harm known 2023-03-14: three years end on Saturday 2026-03-14, which rolls to Monday 03-16 (民法典 第二百零三条).
        Assert.Equal(D(2026, 3, 16), Machine.LimitationLastDay(D(2023, 3, 14), D(2026, 3, 16)));
        var received = Run(Received(D(2026, 3, 16), D(2023, 3, 14)));
        Assert.True(Machine.Apply(received, Ev(ComplaintEventKind.Accepted, D(2026, 3, 17))).Accepted);
        // One day older harm: the limitation ended Friday 03-13, before the receipt.
        var expired = Run(Received(D(2026, 3, 16), D(2023, 3, 13)));
        Assert.Equal(D(2026, 3, 13), Refuse(ComplaintRejection.LimitationExpired, expired, Ev(ComplaintEventKind.Accepted, D(2026, 3, 17))).LimitDate);
    }

    [Fact]
    public void LimitationLastDay_BeforeAnyOrder_IsACodedInputError()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => Machine.LimitationLastDay(D(2017, 1, 1), D(2019, 6, 3)));
        Assert.Equal("MR.Complaints.NoOrderInForce", ex.Errors[0].Code);
    }

    [Fact]
    public void ClueResolved_ACaseOpenedOnAnEarlierClue_StaysOpened_ANewClueWithoutCaseDoesNotOpenOne()
    {
        var accepted = AcceptedUnder121();
        var one = Machine.Replay([Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Ev(ComplaintEventKind.ClueFound, D(2026, 6, 3)),
            Ev(ComplaintEventKind.ClueResolved, D(2026, 6, 4))]).GetValueOrThrow();
        Assert.False(one.CaseOpenedOnClue);
        var both = Machine.Replay([Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Ev(ComplaintEventKind.ClueFound, D(2026, 6, 3)),
            Ev(ComplaintEventKind.ClueResolved, D(2026, 6, 4)) with { CaseOpened = true }, Ev(ComplaintEventKind.ClueFound, D(2026, 6, 5)),
            Ev(ComplaintEventKind.ClueResolved, D(2026, 6, 8))]).GetValueOrThrow();
        Assert.True(both.CaseOpenedOnClue);
        Assert.Equal(ComplaintState.Accepted, accepted.State);
    }

    [Fact]
    public void TestingEnded_OrMediationTerminatedWhilePaused_ClearsThePause()
    {
        var paused = Run(Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Consent(D(2026, 6, 3)), LabTest(D(2026, 6, 4)));
        Assert.Equal(MediationPause.Testing, paused.Pause);
        var resumed = Machine.Apply(paused, Ev(ComplaintEventKind.TestingEnded, D(2026, 6, 8)));
        Assert.Equal(MediationPause.None, resumed.ApplyTo(paused).Pause);
        var ended = Machine.Apply(paused, Terminated(D(2026, 6, 8), MediationEndGround.NoAgreementPossible));
        Assert.Equal(MediationPause.None, ended.ApplyTo(paused).Pause);
    }

    [Fact]
    public void ApplyTo_ARefusalOrAnotherState_AndTheErrorOfAnAcceptedEvent_AreProgrammingErrors()
    {
        var received = Run(Received(Received121));
        var refused = Machine.Apply(received, Refused(D(2026, 6, 2)));
        Assert.Equal("Only an accepted event changes the complaint", Assert.Throws<InvalidOperationException>(() => refused.ApplyTo(received)).Message);
        var accepted = Machine.Apply(received, Ev(ComplaintEventKind.Accepted, Accepted121));
        Assert.Equal("snapshot", Assert.Throws<ArgumentException>(() => accepted.ApplyTo(ComplaintSnapshot.Initial)).ParamName);
        Assert.Equal("An accepted event has no error", Assert.Throws<InvalidOperationException>(() => accepted.ToRuleError()).Message);
        Assert.Throws<ArgumentNullException>(() => Machine.Apply(received, null!));
        Assert.Throws<ArgumentNullException>(() => Machine.Replay(null!));
    }

    [Fact]
    public void TransitionTable_AllowedEventsOfAState_AndAnEventKindPastTheTable_HasNoRow()
    {
        Assert.Equal([ComplaintEventKind.Accepted, ComplaintEventKind.Refused, ComplaintEventKind.JurisdictionDisputed, ComplaintEventKind.JurisdictionSettled],
            ComplaintTransitionTable.AllowedEvents(ComplaintState.Received).ToArray());
        var lastState = Enum.GetValues<ComplaintState>().Max();
        var pastEvents = (ComplaintEventKind)((int)Enum.GetValues<ComplaintEventKind>().Max() + 1);
        Assert.Null(ComplaintTransitionTable.Find(lastState, pastEvents));
    }

    [Fact]
    public void EveryRefusal_CodedBilingualError_MatchesSnapshot()
    {
        var received121 = Run(Received(Received121));
        var received20 = Run(Received(Received20));
        var accepted121 = AcceptedUnder121();
        var accepted20 = AcceptedUnder20();
        var mediating121 = Run(Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Consent(D(2026, 6, 3)));
        var clue = Run(Received(Received121), Ev(ComplaintEventKind.Accepted, Accepted121), Ev(ComplaintEventKind.ClueFound, D(2026, 6, 3)));
        var disputed = Run(Received(Received121), Ev(ComplaintEventKind.JurisdictionDisputed, D(2026, 6, 2)));
        var refused = Run(Received(Received121), Refused(D(2026, 6, 2), ComplaintRefusalGround.MissingMaterials));
        var oldHarm = Run(Received(Received121, D(2023, 5, 1)));
        // A clue verification is extended once (Order 121 Art 27): a second extension is refused.
        var extension = Ev(ComplaintEventKind.ClueVerificationExtended, D(2026, 6, 4)) with { HeadApproved = true };
        var refusals = new[]
        {
            Refuse(ComplaintRejection.EventInPast, received121, Ev(ComplaintEventKind.Accepted, D(2026, 5, 29))),
            Refuse(ComplaintRejection.IllegalTransition, ComplaintSnapshot.Initial, Ev(ComplaintEventKind.Accepted, Received121)),
            Refuse(ComplaintRejection.IllegalTransition, refused, Ev(ComplaintEventKind.Accepted, D(2026, 6, 3))),
            Refuse(ComplaintRejection.NoOrderInForce, ComplaintSnapshot.Initial, Received(D(2019, 6, 3))),
            Refuse(ComplaintRejection.HarmKnownAfterReceipt, ComplaintSnapshot.Initial, Received(Received121, D(2026, 6, 5))),
            Refuse(ComplaintRejection.LimitationExpired, oldHarm, Ev(ComplaintEventKind.Accepted, Accepted121)),
            Refuse(ComplaintRejection.GroundNotEstablished, received121, Refused(Accepted121, ComplaintRefusalGround.LimitationExpired)),
            Refuse(ComplaintRejection.NoRefusalGround, received20, Refused(Received20.PlusDays(1))),
            Refuse(ComplaintRejection.GroundNotInForce, received121, Refused(Accepted121, ComplaintRefusalGround.HandledByMediationOrganisation)),
            Refuse(ComplaintRejection.GroundNotInForce, received20, Refused(Received20.PlusDays(1), ComplaintRefusalGround.FalseMaterials)),
            Refuse(ComplaintRejection.ConsentRequired, accepted20, Ev(ComplaintEventKind.MediationStarted, Received20.PlusDays(2))),
            Refuse(ComplaintRejection.ConsentRequired, accepted121, Ev(ComplaintEventKind.MediationStarted, D(2026, 6, 3))),
            Refuse(ComplaintRejection.MediationLimitExpired, accepted121, Consent(D(2026, 8, 4))),
            Refuse(ComplaintRejection.LimitNotElapsed, mediating121, Terminated(D(2026, 6, 4), MediationEndGround.LimitElapsed)),
            Refuse(ComplaintRejection.PauseNotExcluded, mediating121, LabTest(D(2026, 6, 4), MediationPause.VerificationOrInspection)),
            Refuse(ComplaintRejection.EndGroundNotInForce, accepted20, Terminated(Received20.PlusDays(2), MediationEndGround.FraudFound)),
            Refuse(ComplaintRejection.ClueAlreadyVerified, clue, Ev(ComplaintEventKind.ClueFound, D(2026, 6, 4))),
            Refuse(ComplaintRejection.NoClueVerified, accepted121, Ev(ComplaintEventKind.ClueResolved, D(2026, 6, 4))),
            Refuse(ComplaintRejection.NoClueVerified, accepted121, Ev(ComplaintEventKind.ClueVerificationExtended, D(2026, 6, 4)) with { HeadApproved = true }),
            Refuse(ComplaintRejection.ClueExtensionNotAllowed, Machine.Apply(clue, extension).ApplyTo(clue), extension with { At = At(D(2026, 6, 5)) }),
            Refuse(ComplaintRejection.DisputeAlreadyOpen, disputed, Ev(ComplaintEventKind.JurisdictionDisputed, D(2026, 6, 3))),
            Refuse(ComplaintRejection.NoDisputeOpen, received121, Ev(ComplaintEventKind.JurisdictionSettled, D(2026, 6, 3))),
        };
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", refusals.Select(t => Line(t.ToRuleError()))));
    }

    private static string Line(RuleError e) =>
        $"{e.Code} {e.Path} | {e.Message.Chinese} | {e.Message.English} | {string.Join(", ", e.Arguments.Select(a => $"{a.Key}={a.Value}"))}";

    // Every step's explanation of a history, one JSON line per step.
    private static string Steps(params ComplaintEvent[] events)
    {
        var s = ComplaintSnapshot.Initial;
        var lines = new List<string>();
        foreach (var e in events)
        {
            var step = Machine.Transition(s, e).GetValueOrThrow();
            lines.Add(MarketRulesJson.Serialize(step.Explanation));
            s = step.Snapshot;
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public void Order121_MediationWithClueAndTesting_EveryStepExplanation_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Steps(
            Received(Received121, D(2026, 5, 20)), Ev(ComplaintEventKind.Accepted, Accepted121), Ev(ComplaintEventKind.ClueFound, D(2026, 6, 3)),
            Ev(ComplaintEventKind.ClueVerificationExtended, D(2026, 6, 4)) with { HeadApproved = true }, Ev(ComplaintEventKind.ClueResolved, D(2026, 6, 5)) with { CaseOpened = true },
            Consent(D(2026, 6, 8)), LabTest(D(2026, 6, 9)), Ev(ComplaintEventKind.TestingEnded, D(2026, 6, 12)),
            Terminated(D(2026, 6, 15), MediationEndGround.NoAgreementPossible), Ev(ComplaintEventKind.TerminationNotified, D(2026, 6, 16))));

    [Fact]
    public void Order20_DisputeSettledThenLateRefusalOnTwoGrounds_EveryStepExplanation_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Steps(
            Received(Received20), Ev(ComplaintEventKind.JurisdictionDisputed, D(2026, 3, 3)), Ev(ComplaintEventKind.JurisdictionSettled, D(2026, 3, 4)),
            Refused(D(2026, 3, 20), ComplaintRefusalGround.MissingMaterials, ComplaintRefusalGround.NotConsumerDispute)));

    [Fact]
    public void Order20_AgreementThenClosed_EveryStepExplanation_MatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(Steps(
            Received(Received20), Ev(ComplaintEventKind.Accepted, D(2026, 3, 3)), Consent(D(2026, 3, 4)),
            Ev(ComplaintEventKind.AgreementReached, D(2026, 3, 5)), Ev(ComplaintEventKind.Closed, D(2026, 3, 6))));
}
