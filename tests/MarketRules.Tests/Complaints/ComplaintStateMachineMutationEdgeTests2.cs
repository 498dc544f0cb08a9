using MarketRules.Complaints;
using MarketRules.Json;
using MarketRules.Parameters;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// Edges of the complaint state machine and report intake (domain-rules-more: Order 20 until 2026-04-14, Order 121 from
/// 2026-04-15) that the session-17 mutation run showed untested: a clock that an event starts running off the statutory
/// calendar (2016–2026) refuses the event with the kernel's coded error; a bureau whose provincial pack changes the
/// order or a period (a parameter not in force, a value that is no period, Art 45 without the weekend roll); the texts
/// of the programming errors and of an illegal transition.
/// </summary>
public class ComplaintStateMachineMutationEdgeTests2
{
    private static readonly Jurisdiction Zhejiang = Jurisdiction.Parse("330000").GetValueOrThrow();

    // Order 121, late in the calendar's last year: received Thursday 2026-10-29, accepted Friday 10-30 (60 days end
    // Tuesday 12-29), both parties consent Monday 11-02.
    private static readonly LocalDate LateReceived = D(2026, 10, 29);
    private static readonly LocalDate LateAccepted = D(2026, 10, 30);

    private static ComplaintSnapshot LateAcceptedComplaint(ComplaintStateMachine? machine = null) =>
        (machine ?? Machine).Replay([Received(LateReceived), E(ComplaintEventKind.Accepted, LateAccepted)]).GetValueOrThrow();

    private static ComplaintSnapshot LateMediation() =>
        Run(Received(LateReceived), E(ComplaintEventKind.Accepted, LateAccepted), Consent(D(2026, 11, 2)));

    // A machine under a provincial pack of Zhejiang setting the given complaint parameters ("id": [ {from, value} ]).
    private static ComplaintStateMachine Provincial(string parameters)
    {
        var pack = PolicyPack.Parse($$"""
            { "id": "zhejiang-complaints-test", "jurisdiction": "330000", "title": { "zh": "测试", "en": "test" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "from-memory" },
              "parameters": { {{parameters}} } }
            """, NationalCatalog.Catalog).GetValueOrThrow();
        return new ComplaintStateMachine(NationalCatalog.Law.WithPolicy(NationalCatalog.Policy.WithPack(pack).GetValueOrThrow()).For(Zhejiang));
    }

    private static RuleError Failed(ComplaintStateMachine machine, in ComplaintSnapshot s, ComplaintEvent e)
    {
        var t = machine.Apply(s, e);
        Assert.False(t.Accepted);
        Assert.Equal(ComplaintRejection.Failed, t.Rejection);
        return t.ToRuleError();
    }

    private static void OffTheCalendar(ComplaintStateMachine machine, in ComplaintSnapshot s, ComplaintEvent e) =>
        Assert.Equal("MR.Calendar.OutOfRange", Failed(machine, s, e).Code);

    [Fact]
    public void Receipt_DatedOutsideTheStatutoryCalendar_IsRefusedWithTheCalendarsError_EvenBefore1970()
    {
        // The first event has no event before it: a receipt dated before the epoch is outside the calendar, not "in the past".
        OffTheCalendar(Machine, ComplaintSnapshot.Initial, Received(D(2027, 1, 4)));
        OffTheCalendar(Machine, ComplaintSnapshot.Initial, Received(D(1969, 12, 31)));
    }

    [Fact]
    public void JurisdictionDispute_ItsSevenWorkingDaysRunningInto2027_RefusesTheDispute()
    {
        // Received Friday 2026-12-18: the 7 working days of acceptance end 12-29, inside the calendar; a dispute on
        // 12-24 would need its 7 working days (Order 121 Art 33) in 2027.
        var received = Run(Received(D(2026, 12, 18)));
        OffTheCalendar(Machine, received, E(ComplaintEventKind.JurisdictionDisputed, D(2026, 12, 24)));
        Assert.True(Machine.Apply(received, E(ComplaintEventKind.JurisdictionDisputed, D(2026, 12, 18))).Accepted);
    }

    [Fact]
    public void ClueVerification_ItsFifteenWorkingDays_OrTheExtension_RunningInto2027_RefusesTheEvent()
    {
        // Order 121 Art 27: 15 working days from the clue, 15 more when extended.
        var accepted = LateAcceptedComplaint();
        OffTheCalendar(Machine, accepted, E(ComplaintEventKind.ClueFound, D(2026, 12, 15)));
        var clue = Machine.Apply(accepted, E(ComplaintEventKind.ClueFound, D(2026, 12, 1))).ApplyTo(accepted);
        OffTheCalendar(Machine, clue, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 12, 2)) with { HeadApproved = true });
    }

    [Fact]
    public void MediationTerminated_ItsSevenWorkingDayNotice_RunningInto2027_RefusesTheTermination()
    {
        OffTheCalendar(Machine, LateMediation(), Terminated(D(2026, 12, 24), MediationEndGround.NoAgreementPossible));
        Assert.True(Machine.Apply(LateMediation(), Terminated(D(2026, 12, 18), MediationEndGround.NoAgreementPossible)).Accepted);
    }

    [Fact]
    public void StoredComplaint_DecidedUnderAProvincialPackWithLongerPeriods_AClockRunningInto2027_RefusesEachEvent()
    {
        // Snapshots made under the national law late in 2026, decided by a bureau whose pack sets longer periods (30
        // working days, a 90-day mediation limit): each clock the event counts runs into 2027, outside the calendar.
        var longer = Provincial("""
            "complaints.acceptance": { "unit": "working-days", "values": [ { "from": "2026-04-15", "value": 30 } ] },
            "complaints.jurisdiction-dispute": { "unit": "working-days", "values": [ { "from": "2026-04-15", "value": 30 } ] },
            "complaints.termination-notice": { "unit": "working-days", "values": [ { "from": "2026-04-15", "value": 30 } ] },
            "complaints.clue-verification": { "unit": "working-days", "values": [ { "from": "2026-04-15", "value": 30 } ] },
            "complaints.mediation-limit-days": { "unit": "days", "values": [ { "from": "2026-04-15", "value": 90 } ] }
            """);
        var received = Run(Received(D(2026, 12, 10)));
        OffTheCalendar(longer, received, E(ComplaintEventKind.Accepted, D(2026, 12, 11)));
        OffTheCalendar(longer, received, Refused(D(2026, 12, 11), ComplaintRefusalGround.MissingMaterials));
        // The acceptance is refused on its own 30 working days (the date the calendar lacks), before the mediation limit.
        Assert.Equal(Failed(longer, received, Refused(D(2026, 12, 11), ComplaintRefusalGround.MissingMaterials)).Message,
            Failed(longer, received, E(ComplaintEventKind.Accepted, D(2026, 12, 11))).Message);
        var disputed = Run(Received(D(2026, 12, 10)), E(ComplaintEventKind.JurisdictionDisputed, D(2026, 12, 11)));
        OffTheCalendar(longer, disputed, E(ComplaintEventKind.JurisdictionSettled, D(2026, 12, 14)));
        OffTheCalendar(longer, LateAcceptedComplaint(), Consent(D(2026, 11, 2)));
        OffTheCalendar(longer, LateMediation(), LabTest(D(2026, 11, 3)));
        OffTheCalendar(longer, LateMediation(), E(ComplaintEventKind.AgreementReached, D(2026, 11, 3)));
        var ended = Machine.Apply(LateMediation(), Terminated(D(2026, 12, 18), MediationEndGround.NoAgreementPossible)).ApplyTo(LateMediation());
        OffTheCalendar(longer, ended, E(ComplaintEventKind.TerminationNotified, D(2026, 12, 21)));
        var clue = Machine.Apply(LateAcceptedComplaint(), E(ComplaintEventKind.ClueFound, D(2026, 12, 1))).ApplyTo(LateAcceptedComplaint());
        OffTheCalendar(longer, clue, E(ComplaintEventKind.ClueResolved, D(2026, 12, 2)));
        OffTheCalendar(longer, clue, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 12, 2)) with { HeadApproved = true });
    }

    [Fact]
    public void Testing_RunningLate_PushesTheMediationLimitInto2027_TerminationOrEndOfTestingIsRefused()
    {
        // Testing from 11-03 is not counted in the 60 days (Order 121 Art 23 (五)): by 12-28 the limit lies in 2027.
        var mediating = LateMediation();
        var paused = Machine.Apply(mediating, LabTest(D(2026, 11, 3))).ApplyTo(mediating);
        OffTheCalendar(Machine, paused, Terminated(D(2026, 12, 28), MediationEndGround.NoAgreementPossible));
        OffTheCalendar(Machine, paused, E(ComplaintEventKind.TestingEnded, D(2026, 12, 28)));
    }

    [Fact]
    public void OrderGovernedByAPackBeforeItsParametersAreInForce_TheMissingParameterIsACodedError()
    {
        // A province applying Order 121 from 2025: the 60-day limit and the Art 45 weekend reading are in force only from
        // 2026-04-15, so deciding on them reports MR.Parameter.NotInForce instead of counting without them.
        var early = Provincial("""
            "complaints.governing-order": { "unit": "count", "values": [ { "from": "2025-01-01", "value": 121 } ] }
            """);
        Assert.Equal(ComplaintOrder.Order121, early.GoverningOrder(D(2025, 6, 2))!.Value.Order);
        var received = early.Replay([Received(D(2025, 6, 2))]).GetValueOrThrow();
        var mediation = Failed(early, received, E(ComplaintEventKind.Accepted, D(2025, 6, 3)));
        Assert.Equal("MR.Parameter.NotInForce", mediation.Code);
        Assert.Equal("complaints.mediation-limit-days", ParameterOf(mediation));

        var withHarm = early.Replay([Received(D(2025, 6, 2), D(2022, 7, 4))]).GetValueOrThrow();
        var weekend = Failed(early, withHarm, E(ComplaintEventKind.Accepted, D(2025, 6, 3)));
        Assert.Equal("MR.Parameter.NotInForce", weekend.Code);
        Assert.Equal("complaints.art45-roll-on-weekend", ParameterOf(weekend));
        // A refusal on the limitation ground needs the same count: the same coded error, not a refusal taken as established.
        Assert.Equal("complaints.art45-roll-on-weekend", ParameterOf(Failed(early, withHarm, Refused(D(2025, 6, 3), ComplaintRefusalGround.LimitationExpired))));
        var thrown = Assert.Throws<InvalidRuleInputException>(() => early.LimitationLastDay(D(2022, 7, 4), D(2025, 6, 2)));
        Assert.Equal("MR.Parameter.NotInForce", thrown.Errors[0].Code);
    }

    private static string? ParameterOf(RuleError error) => error.Arguments.Single(a => a.Key == "Parameter").Value?.ToString();

    [Fact]
    public void OrderGovernedByAPackBeforeOrder20_ItsPeriodsAreNotInForce_TheReceiptAndTheLimitationAreCodedErrors()
    {
        // A pack applying Order 20 from 2019: the acceptance period and the limitation are in force only from 2020-01-01.
        var early = Provincial("""
            "complaints.governing-order": { "unit": "count", "values": [ { "from": "2019-01-01", "value": 20 } ] }
            """);
        var receipt = Failed(early, ComplaintSnapshot.Initial, Received(D(2019, 6, 3)));
        Assert.Equal("MR.Parameter.NotInForce", receipt.Code);
        Assert.Equal("complaints.acceptance", ParameterOf(receipt));
        var thrown = Assert.Throws<InvalidRuleInputException>(() => early.LimitationLastDay(D(2018, 1, 10), D(2019, 6, 3)));
        Assert.Equal("complaints.limitation", ParameterOf(thrown.Errors[0]));
    }

    [Fact]
    public void Deadlines_OfAStoredSnapshotWhoseReceiptDayHasNoPeriodInForce_AreACodedInputError()
    {
        // A snapshot read back from storage, received 2019-06-03 (before Order 20's periods took force on 2020-01-01):
        // its acceptance deadline cannot be counted, and the query says which parameter is missing.
        var stored = ComplaintSnapshot.Initial with { State = ComplaintState.Received, Order = ComplaintOrder.Order20, EventCount = 1, ReceivedOn = D(2019, 6, 3) };
        var ex = Assert.Throws<InvalidRuleInputException>(() => Machine.Deadlines(stored, D(2019, 6, 3)));
        Assert.Equal("complaints.acceptance", ParameterOf(ex.Errors[0]));

        // Under a pack applying Order 121 and its 60 days from 2025, the Art 45 weekend reading (from 2026-04-15) is
        // missing: the mediation deadline of a complaint accepted in 2025 is a coded error, not a guess.
        var early = Provincial("""
            "complaints.governing-order": { "unit": "count", "values": [ { "from": "2025-01-01", "value": 121 } ] },
            "complaints.mediation-limit-days": { "unit": "days", "values": [ { "from": "2025-01-01", "value": 60 } ] }
            """);
        var accepted = stored with { State = ComplaintState.Accepted, Order = ComplaintOrder.Order121, EventCount = 2, ReceivedOn = D(2025, 6, 2), DecidedOn = D(2025, 6, 3) };
        var weekend = Assert.Throws<InvalidRuleInputException>(() => early.Deadlines(accepted, D(2025, 6, 3)));
        Assert.Equal("complaints.art45-roll-on-weekend", ParameterOf(weekend.Errors[0]));
    }

    [Fact]
    public void Order121Art45_WithoutTheWeekendRoll_ALimitEndingOnSaturdayStays_AndTheExplanationSaysSo()
    {
        // The weekend reading set to 0 (Q-C4): accepted Tuesday 2026-06-02, the 60 days end Saturday 08-01 and stay there.
        var noRoll = Provincial("""
            "complaints.art45-roll-on-weekend": { "unit": "count", "values": [ { "from": "2026-04-15", "value": 0 } ] }
            """);
        var received = noRoll.Replay([Received(D(2026, 6, 1))]).GetValueOrThrow();
        var step = noRoll.Transition(received, E(ComplaintEventKind.Accepted, D(2026, 6, 2))).GetValueOrThrow();
        Assert.Equal(ComplaintOrder.Order121, step.Snapshot.Order);
        Assert.Equal(D(2026, 8, 1), noRoll.Deadlines(step.Snapshot, D(2026, 6, 2)).Single(d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay);
        var counting = step.Explanation.Reasons.Single(r => r.Message.English.Contains("Order 121 Art 45", StringComparison.Ordinal));
        Assert.Contains("不顺延", counting.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("does not roll forward", counting.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Order121Art45_WithoutTheWeekendRoll_AMediationLimitEndingIn2027_RefusesTheAcceptance()
    {
        // Accepted 2026-11-06: 60 days end 2027-01-05, outside the calendar, so whether a holiday moves it is unknown;
        // accepted 11-01 they end Thursday 12-31, the calendar's last day.
        var noRoll = Provincial("""
            "complaints.art45-roll-on-weekend": { "unit": "count", "values": [ { "from": "2026-04-15", "value": 0 } ] }
            """);
        var received = noRoll.Replay([Received(D(2026, 10, 30))]).GetValueOrThrow();
        OffTheCalendar(noRoll, received, E(ComplaintEventKind.Accepted, D(2026, 11, 6)));
        var inTime = noRoll.Apply(received, E(ComplaintEventKind.Accepted, D(2026, 11, 1)));
        Assert.True(inTime.Accepted);
        Assert.Equal(D(2026, 12, 31), noRoll.Deadlines(inTime.ApplyTo(received), D(2026, 11, 1)).Single(d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay);
    }

    [Fact]
    public void ClueResolved_LeavesNoExtensionRecorded_SoTheNextClueMayBeExtendedOnce()
    {
        // Order 121 Art 27: the extension belongs to one clue's verification; a resolved clue leaves none behind.
        var resolved = Run(Received(D(2026, 6, 1)), E(ComplaintEventKind.Accepted, D(2026, 6, 2)), E(ComplaintEventKind.ClueFound, D(2026, 6, 3)),
            E(ComplaintEventKind.ClueVerificationExtended, D(2026, 6, 4)) with { HeadApproved = true }, E(ComplaintEventKind.ClueResolved, D(2026, 6, 5)));
        Assert.Null(resolved.ClueFoundOn);
        Assert.False(resolved.ClueExtended);
        var plain = Run(Received(D(2026, 6, 1)), E(ComplaintEventKind.Accepted, D(2026, 6, 2)), E(ComplaintEventKind.ClueFound, D(2026, 6, 3)),
            E(ComplaintEventKind.ClueResolved, D(2026, 6, 5)));
        Assert.False(plain.ClueExtended);
    }

    [Fact]
    public void GoverningOrder_BeforeOrder20_IsNone()
    {
        Assert.Null(Machine.GoverningOrder(D(2019, 12, 31)));
        Assert.Equal(ComplaintOrder.Order20, Machine.GoverningOrder(D(2020, 1, 1))!.Value.Order);
    }

    [Fact]
    public void IllegalTransition_NamesEveryEventAllowedInTheState_InBothLanguages()
    {
        var received = Run(Received(D(2026, 6, 1)));
        var error = Machine.Apply(received, E(ComplaintEventKind.Closed, D(2026, 6, 2))).ToRuleError();
        Assert.Equal("MR.Complaints.IllegalTransition", error.Code);
        // Received: acceptance, refusal, a jurisdiction dispute and its settlement (Order 121 Art 15, 16, 33).
        Assert.Contains("受理、不予受理、发生管辖争议、管辖争议解决", error.Message.Chinese, StringComparison.Ordinal);
        var english = ComplaintTransitionTable.AllowedEvents(ComplaintState.Received).Select(a => ComplaintLabels.Of(a).English).ToArray();
        Assert.Equal(4, english.Length);
        Assert.Contains($"{english[0]}, {english[1]}, {english[2]}, {english[3]}", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgrammingErrors_ASnapshotInAnotherState_AndARefusalCodeOutsideTheEnum_SayWhy()
    {
        var received = Run(Received(D(2026, 6, 1)));
        var accepted = Machine.Apply(received, E(ComplaintEventKind.Accepted, D(2026, 6, 2)));
        var other = Assert.Throws<ArgumentException>(() => accepted.ApplyTo(ComplaintSnapshot.Initial));
        Assert.StartsWith("The event was decided on a complaint in another state", other.Message, StringComparison.Ordinal);
        var unknown = new ComplaintTransition() with { Rejection = (ComplaintRejection)999 };
        Assert.Equal("An accepted event has no error", Assert.Throws<InvalidOperationException>(() => unknown.ToRuleError()).Message);
    }

    [Fact]
    public void RepeatReport_UnderOrder121_IsMatchedToTheLatestEarlierReportOfTheSameFacts()
    {
        // Order 121 Art 35 ¶2: the repeat is not handled again; the report it repeats is the most recent one.
        var handling = new ReportHandling(NationalCatalog.Law);
        ReportSubmission Report(LocalDate on) => new(on, "R-1", "91330106MA2XXXXX1", "expired-food", false);
        var intake = handling.Receive([Report(D(2026, 5, 4)), Report(D(2026, 5, 20))], Report(D(2026, 6, 1))).GetValueOrThrow();
        Assert.Equal(ReportIntakeOutcome.NotHandledAgain, intake.Outcome);
        Assert.Equal(1, intake.MergedInto);
    }

    [Fact]
    public void Report_VerificationRunningInto2027_IsTheCalendarsCodedError()
    {
        // 程序规定 Art 18: 15 working days from 2026-12-28 end in 2027, outside the statutory calendar.
        var handling = new ReportHandling(NationalCatalog.Law);
        var result = handling.Receive([], new ReportSubmission(D(2026, 12, 28), "R-1", "91330106MA2XXXXX1", "expired-food", false));
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Calendar.OutOfRange", result.Errors[0].Code);
    }
}
