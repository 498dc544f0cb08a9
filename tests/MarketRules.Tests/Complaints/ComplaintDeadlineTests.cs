using MarketRules.Calendar;
using MarketRules.Complaints;
using MarketRules.Parameters;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

// Every expected date below was counted by hand on the 2026 statutory calendar (Qingming 04-04..06, Labour Day
// 05-01..05 with make-up workday Sat 05-09, National Day 10-01..07 with make-up workday Sat 10-10) and cross-checked
// with a separate script over Data/Calendar/statutory-calendar.json.
public class ComplaintDeadlineTests
{
    private static ComplaintDeadline Only(ComplaintSnapshot s, ComplaintDeadlineKind kind, LocalDate asOf) =>
        Assert.Single(Machine.Deadlines(s, asOf), d => d.Kind == kind);

    [Fact]
    public void Received_OnTheLastDayOfOrder20_IsGovernedByOrder20_AcceptanceDue0423()
    {
        var step = Machine.Transition(ComplaintSnapshot.Initial, Received(D(2026, 4, 14))).GetValueOrThrow();
        Assert.Equal(ComplaintOrder.Order20, step.Snapshot.Order);
        var acceptance = Assert.Single(step.Deadlines);
        Assert.Equal(ComplaintDeadlineKind.Acceptance, acceptance.Kind);
        Assert.Equal(D(2026, 4, 23), acceptance.LastDay);
        Assert.Equal("第十四条", acceptance.Citation.Article!.Chinese);
        var reason = Assert.Single(step.Explanation.Reasons, r => r.Code == "MR.Complaints.GoverningOrder");
        Assert.Contains("2026-04-14", reason.Message.English, StringComparison.Ordinal);
        Assert.Contains("Interim Measures on Handling Complaints and Reports", reason.Message.English, StringComparison.Ordinal);
        Assert.Contains(step.Explanation.Parameters, p => p.ParameterId == "complaints.governing-order" && p.Value == 20);
    }

    [Fact]
    public void Received_OnTheFirstDayOfOrder121_IsGovernedByOrder121_AcceptanceDue0424_AndCitesArt45()
    {
        var step = Machine.Transition(ComplaintSnapshot.Initial, Received(D(2026, 4, 15))).GetValueOrThrow();
        Assert.Equal(ComplaintOrder.Order121, step.Snapshot.Order);
        var acceptance = Assert.Single(step.Deadlines);
        Assert.Equal(D(2026, 4, 24), acceptance.LastDay);
        Assert.Equal("第十五条", acceptance.Citation.Article!.Chinese);
        Assert.Equal(VerificationStatus.VerifiedSecondary, acceptance.Citation.Status);
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.Complaints.PeriodCounting");
        Assert.Contains(step.Explanation.Parameters, p => p.ParameterId == "complaints.art45-roll-on-weekend" && p.Citation.Status == VerificationStatus.FromMemory);
    }

    [Fact]
    public void Received_BeforeOrder20_IsRejectedWithNoOrderInForce()
    {
        var result = Machine.Apply(ComplaintSnapshot.Initial, Received(D(2019, 12, 31)));
        Assert.Equal("MR.Complaints.NoOrderInForce", result.Error!.Code);
        Assert.Equal("$.event", result.Error.Path);
        // The first order and its first day come from the catalogue (the governing-order parameter) and the registry.
        var first = ComplaintParameters.GoverningOrder.Values[0];
        Assert.Equal(20m, first.Value);
        Assert.Equal(first.EffectiveFrom.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.Error.Arguments["FirstInForce"]);
        Assert.Contains(LegalDocuments.ComplaintHandlingInterimMeasures.Number!, result.Error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains(LegalDocuments.ComplaintHandlingInterimMeasures.Title.English, result.Error.Message.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 4, 10, 2026, 4, 21)] // C8.1: Friday, counting starts Monday 04-13
    [InlineData(2026, 9, 28, 2026, 10, 13)] // C8.2: over National Day, with the make-up workday 10-10
    [InlineData(2025, 9, 30, 2025, 10, 16)] // Order 20 over National Day 2025 (10-01..08; make-up 09-28, 10-11)
    public void Acceptance_SevenWorkingDays(int y, int m, int d, int ly, int lm, int ld)
    {
        var s = Run(Received(D(y, m, d)));
        Assert.Equal(D(ly, lm, ld), Only(s, ComplaintDeadlineKind.Acceptance, D(y, m, d)).LastDay);
    }

    [Fact]
    public void Mediation_UnderOrder20_Is45WorkingDaysFromAcceptance()
    {
        var s = Run(Received(D(2026, 4, 14)), E(ComplaintEventKind.Accepted, D(2026, 4, 16)));
        var limit = Only(s, ComplaintDeadlineKind.Mediation, D(2026, 4, 16));
        Assert.Equal(D(2026, 6, 23), limit.LastDay);
        Assert.Equal(PeriodUnit.WorkingDays, Machine.Policy.Resolve(ComplaintParameters.MediationLimitWorkingDays, D(2026, 4, 14)).AsPeriod().Unit);
    }

    [Fact]
    public void Mediation_UnderOrder121_Is60DaysFromAcceptance()
    {
        var s = Run(Received(D(2026, 4, 15)), E(ComplaintEventKind.Accepted, D(2026, 4, 17)));
        Assert.Equal(D(2026, 6, 16), Only(s, ComplaintDeadlineKind.Mediation, D(2026, 4, 17)).LastDay);
    }

    [Fact]
    public void Mediation_OrderIsKeptFromReceipt_EvenWhenAcceptedAfterTheSwitch()
    {
        // Received 04-14 under Order 20, accepted 04-16 under Order 121's days: the receipt date decides (Q-C1).
        var s = Run(Received(D(2026, 4, 14)), E(ComplaintEventKind.Accepted, D(2026, 4, 16)));
        Assert.Equal(ComplaintOrder.Order20, s.Order);
        Assert.Null(Machine.Policy.TryResolve(ComplaintParameters.MediationLimitWorkingDays, D(2026, 4, 16)));
        Assert.Equal(D(2026, 6, 23), Only(s, ComplaintDeadlineKind.Mediation, D(2026, 4, 16)).LastDay);
    }

    [Fact]
    public void Mediation_Order121_Day60OnNationalDay_MovesToTheFirstDayAfterTheHoliday()
    {
        // C8.3: accepted 08-03, day 60 = 10-02 (holiday) → 10-08 (Art 45). Order 20's 45 wd would give 10-10 (a make-up Saturday).
        var s121 = Run(Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3)));
        var limit = Only(s121, ComplaintDeadlineKind.Mediation, D(2026, 8, 3));
        Assert.Equal(D(2026, 10, 2), Machine.Periods.Deadline(D(2026, 8, 3), LegalPeriod.Days(60), RestDayRule.None).LastDay);
        Assert.Equal(D(2026, 10, 8), limit.LastDay);
        Assert.Equal(D(2026, 10, 10), Machine.Periods.Deadline(D(2026, 8, 3), LegalPeriod.WorkingDays(45)).LastDay);
    }

    [Fact]
    public void Mediation_Order121_Day60OnASunday_RollsByDefault_AndStaysWhenAPackSaysWeekendsDoNotRoll()
    {
        // C8.4: accepted 05-06, day 60 = Sunday 07-05 (Q-C4).
        var events = new[] { Received(D(2026, 5, 4)), E(ComplaintEventKind.Accepted, D(2026, 5, 6)) };
        Assert.Equal(D(2026, 7, 6), Only(Run(events), ComplaintDeadlineKind.Mediation, D(2026, 5, 6)).LastDay);

        var pack = PolicyPack.Parse("""
            { "id": "no-weekend-roll", "jurisdiction": "330106",
              "title": { "zh": "周末不顺延（测试）", "en": "weekends do not roll (test)" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "from-memory" },
              "parameters": { "complaints.art45-roll-on-weekend": { "unit": "count", "values": [ { "from": "2026-04-15", "value": 0 } ] } } }
            """, NationalCatalog.Catalog).GetValueOrThrow();
        var local = new ComplaintStateMachine(NationalCatalog.Law.WithPack(pack).GetValueOrThrow().For(Jurisdiction.Parse("330106").GetValueOrThrow()));
        var s = local.Replay(events).GetValueOrThrow();
        Assert.Equal(D(2026, 7, 5), Assert.Single(local.Deadlines(s, D(2026, 5, 6)), d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay);

        // Without weekend roll-over a holiday still moves the day: C8.3 again gives 10-08.
        var holiday = local.Replay([Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3))]).GetValueOrThrow();
        Assert.Equal(D(2026, 10, 8), Assert.Single(local.Deadlines(holiday, D(2026, 8, 3)), d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay);
    }

    [Fact]
    public void Mediation_PausedForTesting_Order121_MovesByTheTestingDays()
    {
        // C8.5: testing from 08-10, results on 08-20: 08-10..08-19 (10 days) are not counted; 10-02 + 10 = Mon 10-12.
        var s = Run(Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3)), Consent(D(2026, 8, 4)), LabTest(D(2026, 8, 10)),
            E(ComplaintEventKind.TestingEnded, D(2026, 8, 20)));
        var limit = Only(s, ComplaintDeadlineKind.Mediation, D(2026, 8, 20));
        Assert.Equal(D(2026, 10, 12), limit.LastDay);
        Assert.Equal(10, limit.ExcludedDays);
        Assert.False(limit.Paused);
    }

    [Fact]
    public void Mediation_PausedForTesting_Order20_MovesByTheTestingWorkingDays()
    {
        var s = Run(Received(D(2025, 7, 28)), E(ComplaintEventKind.Accepted, D(2025, 8, 4)), Consent(D(2025, 8, 5)),
            LabTest(D(2025, 8, 11), MediationPause.VerificationOrInspection), E(ComplaintEventKind.TestingEnded, D(2025, 8, 21)));
        var unpaused = Machine.Periods.Deadline(D(2025, 8, 4), LegalPeriod.WorkingDays(45)).LastDay;
        var limit = Only(s, ComplaintDeadlineKind.Mediation, D(2025, 8, 21));
        // 08-11..08-20 holds 8 working days, so the limit moves by exactly 8 working days.
        Assert.Equal(Machine.Periods.Calendar.AddWorkingDays(unpaused, 8), limit.LastDay);
        Assert.Equal(10, limit.ExcludedDays);
    }

    [Fact]
    public void Mediation_WhileTestingRuns_TheLimitIsMarkedPausedAndMovesDayByDay()
    {
        var s = Run(Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3)), Consent(D(2026, 8, 4)), LabTest(D(2026, 8, 10)));
        var onDay5 = Only(s, ComplaintDeadlineKind.Mediation, D(2026, 8, 15));
        Assert.True(onDay5.Paused);
        Assert.Equal(5, onDay5.ExcludedDays);
        Assert.Equal(D(2026, 10, 8), onDay5.LastDay); // 10-02 + 5 = 10-07, still National Day → 10-08
    }

    [Fact]
    public void Mediation_Order121_RejectsInspectionAndRecusalAsPauses()
    {
        var s = Run(Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3)), Consent(D(2026, 8, 4)));
        Assert.Equal("MR.Complaints.PauseNotExcluded", Machine.Apply(s, LabTest(D(2026, 8, 10), MediationPause.VerificationOrInspection)).Error!.Code);
        Assert.Equal("MR.Complaints.PauseNotExcluded", Machine.Apply(s, LabTest(D(2026, 8, 10), MediationPause.Recusal)).Error!.Code);
        Assert.True(Machine.Apply(s, LabTest(D(2026, 8, 10), MediationPause.Appraisal)).Accepted);
    }

    [Fact]
    public void TerminationNotice_SevenWorkingDays_OverNationalDay()
    {
        var s = Run(Received(D(2026, 7, 28)), E(ComplaintEventKind.Accepted, D(2026, 8, 3)), Consent(D(2026, 8, 4)),
            Terminated(D(2026, 9, 30), MediationEndGround.NoAgreementPossible));
        Assert.Equal(D(2026, 10, 15), Only(s, ComplaintDeadlineKind.TerminationNotice, D(2026, 9, 30)).LastDay);
        var closed = Machine.Apply(s, E(ComplaintEventKind.TerminationNotified, D(2026, 10, 16))).ApplyTo(s);
        Assert.Equal(new[] { ComplaintDeadlineKind.TerminationNotice }, closed.Missed.ToArray());
    }

    [Fact]
    public void JurisdictionDispute_SevenWorkingDays_UnderBothOrders()
    {
        var s20 = Run(Received(D(2026, 4, 14)), E(ComplaintEventKind.JurisdictionDisputed, D(2026, 4, 16)));
        var s121 = Run(Received(D(2026, 4, 15)), E(ComplaintEventKind.JurisdictionDisputed, D(2026, 4, 16)));
        var d20 = Only(s20, ComplaintDeadlineKind.JurisdictionDispute, D(2026, 4, 16));
        var d121 = Only(s121, ComplaintDeadlineKind.JurisdictionDispute, D(2026, 4, 16));
        Assert.Equal(D(2026, 4, 27), d20.LastDay);
        Assert.Equal(D(2026, 4, 27), d121.LastDay);
        Assert.Equal("第三十条", d20.Citation.Article!.Chinese);
        Assert.Equal("第三十三条", d121.Citation.Article!.Chinese);
    }

    [Fact]
    public void ClueVerification_15WorkingDays_Plus15_WithApprovalOnlyUnderOrder121()
    {
        var s121 = Run(Received(D(2026, 4, 28)), E(ComplaintEventKind.Accepted, D(2026, 4, 30)), E(ComplaintEventKind.ClueFound, D(2026, 5, 6)));
        Assert.Equal(D(2026, 5, 26), Only(s121, ComplaintDeadlineKind.ClueVerification, D(2026, 5, 6)).LastDay);
        var unapproved = Machine.Apply(s121, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 5, 20)));
        Assert.Equal("MR.Complaints.ClueExtensionNotAllowed", unapproved.Error!.Code);
        var extended = Machine.Apply(s121, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 5, 20)) with { HeadApproved = true }).ApplyTo(s121);
        Assert.Equal(D(2026, 6, 16), Only(extended, ComplaintDeadlineKind.ClueVerification, D(2026, 5, 20)).LastDay);
        Assert.Equal("MR.Complaints.ClueExtensionNotAllowed",
            Machine.Apply(extended, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 5, 21)) with { HeadApproved = true }).Error!.Code);

        var s20 = Run(Received(D(2026, 4, 1)), E(ComplaintEventKind.Accepted, D(2026, 4, 3)), E(ComplaintEventKind.ClueFound, D(2026, 5, 6)));
        Assert.True(Machine.Apply(s20, E(ComplaintEventKind.ClueVerificationExtended, D(2026, 5, 20))).Accepted);
    }

    [Fact]
    public void RealNameNotice_FiveWorkingDaysUnderOrder20_NoneUnderOrder121()
    {
        Assert.Equal(D(2026, 4, 20), new ReportHandling(NationalCatalog.Law).RealNameNoticeDeadline(D(2026, 4, 1), D(2026, 4, 13))!.Value.LastDay);
        Assert.Equal(D(2026, 10, 12), new ReportHandling(NationalCatalog.Law).RealNameNoticeDeadline(D(2026, 4, 14), D(2026, 9, 29))!.Value.LastDay);
        Assert.Null(new ReportHandling(NationalCatalog.Law).RealNameNoticeDeadline(D(2026, 4, 15), D(2026, 4, 20)));
    }

    [Fact]
    public void Deadlines_RunningInto2027_AnswerCalendarOutOfRange()
    {
        var result = Machine.Apply(ComplaintSnapshot.Initial, Received(D(2026, 12, 28)));
        Assert.False(result.Accepted);
        Assert.Equal("MR.Calendar.OutOfRange", result.Error!.Code);
        Assert.Equal("$.event", result.Error.Path);
    }

    [Fact]
    public void MediationLimit_RunningInto2027_RefusesTheAcceptance_WithTheDateTheCalendarLacks()
    {
        // Received 2026-11-18, accepted 2026-11-20: 60 days end on 2027-01-19, a day the 2016–2026 calendar cannot class.
        var received = Machine.Apply(ComplaintSnapshot.Initial, Received(D(2026, 11, 18)));
        Assert.True(received.Accepted);
        var afterReceipt = received.ApplyTo(ComplaintSnapshot.Initial);
        var accepted = Machine.Apply(afterReceipt, E(ComplaintEventKind.Accepted, D(2026, 11, 20)));
        Assert.Equal(ComplaintRejection.Failed, accepted.Rejection);
        Assert.Equal(afterReceipt.State, accepted.To);
        Assert.Throws<InvalidOperationException>(() => accepted.ApplyTo(afterReceipt));
        var error = accepted.ToRuleError("$.history[1]");
        Assert.Equal("MR.Calendar.OutOfRange", error.Code);
        Assert.Equal("$.history[1]", error.Path);
        Assert.Equal(new CalendarOutOfRangeException(D(2027, 1, 19), 2016, 2026).Errors[0].Message, error.Message);
    }

    [Theory]
    [InlineData(2023, 4, 10, 14, true)] // 2026-04-10 is a Friday: received 04-14, out of time
    [InlineData(2023, 4, 14, 14, false)] // the third anniversary is the receipt day: in time
    [InlineData(2023, 4, 4, 7, false)] // 2026-04-04 is Qingming: the last day rolls to Tuesday 04-07
    [InlineData(2023, 4, 4, 8, true)] // … and a day later it has run out
    [InlineData(2023, 4, 15, 16, true)] // Order 121: 2026-04-15 was the last day
    public void Limitation_ThreeYears_RefusalGroundHoldsOnlyWhenExpired(int y, int m, int d, int receivedInApril, bool expired)
    {
        var s = Run(Received(D(2026, 4, receivedInApril), D(y, m, d)));
        var refuse = Machine.Apply(s, Refused(D(2026, 4, 17), ComplaintRefusalGround.LimitationExpired));
        var accept = Machine.Apply(s, E(ComplaintEventKind.Accepted, D(2026, 4, 17)));
        Assert.Equal(expired, refuse.Accepted);
        Assert.Equal(!expired, accept.Accepted);
        Assert.Equal(expired ? "MR.Complaints.LimitationExpired" : "MR.Complaints.GroundNotEstablished", (expired ? accept : refuse).Error!.Code);
    }

    [Fact]
    public void Limitation_LastDay_OnQingming_RollsToTheNextWorkingDay()
    {
        Assert.Equal(D(2026, 4, 7), Machine.LimitationLastDay(D(2023, 4, 4), D(2026, 4, 14)));
        Assert.Equal(D(2026, 4, 10), Machine.LimitationLastDay(D(2023, 4, 10), D(2026, 4, 20)));
    }

    [Fact]
    public void Acceptance_DecidedLate_IsRecordedAsMissed_AndExplained()
    {
        var s = Run(Received(D(2026, 4, 15)));
        var step = Machine.Transition(s, E(ComplaintEventKind.Accepted, D(2026, 4, 27))).GetValueOrThrow();
        Assert.Equal(new[] { ComplaintDeadlineKind.Acceptance }, step.Snapshot.Missed.ToArray());
        Assert.Contains(step.Explanation.Reasons, r => r.Code == "MR.Complaints.DeadlineMissed" && r.Message.English.Contains("2026-04-24", StringComparison.Ordinal));
        var onTime = Machine.Apply(s, E(ComplaintEventKind.Accepted, D(2026, 4, 24))).ApplyTo(s);
        Assert.Equal(new[] { ComplaintDeadlineKind.Acceptance }, onTime.Met.ToArray());
        Assert.Empty(onTime.Missed);
    }
}
