using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Parameters;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The case rules where a local policy pack makes two national periods differ (the hearing-request period longer than
/// the statement period; a payment period longer than the litigation period), and the edges the other case tests leave:
/// a continuing act's limitation, the end of a continuing act in the limitation's explanation, a refusal that names a
/// fact rather than a date, and deadlines the law or the calendar cannot give.
/// </summary>
public class CasePeriodOverrideMutationEdgeTests
{
    private static readonly Jurisdiction Xihu = Jurisdiction.Parse("330106").GetValueOrThrow();

    private static CaseStateMachine WithLocal(string parameter, string unit, int value)
    {
        var pack = PolicyPack.Parse($$"""
            { "id": "local-{{parameter}}", "jurisdiction": "330106",
              "title": { "zh": "地方期限（测试）", "en": "local period (test)" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "from-memory" },
              "parameters": { "{{parameter}}": { "unit": "{{unit}}", "values": [ { "from": "2021-07-15", "value": {{value}} } ] } } }
            """, NationalCatalog.Catalog).GetValueOrThrow();
        return new CaseStateMachine(NationalCatalog.Law.WithPack(pack).GetValueOrThrow().For(Xihu));
    }

    private static CaseSnapshot Notified(CaseStateMachine machine, long fineYuan) =>
        machine.Replay(PathToNoticeOn20250916(fineYuan)).GetValueOrThrow();

    // 行政处罚法第四十四条、第六十四条: the party may state and defend, and within the hearing scope ask for a hearing within
    // 5 working days of the notice; the decision waits for the later of the two. With a pack giving 8 working days to ask
    // for a hearing, the later is the hearing request's 2025-09-26 (the statement period ends 09-23).
    [Fact]
    public void Notified_HearingRequestLongerThanStatement_TheCaseWaitsForTheLaterOfTheTwo()
    {
        var machine = WithLocal("cases.hearing-request", "working-days", 8);
        var notified = Notified(machine, 10_000);
        Assert.True(notified.InHearingScope);

        var agenda = machine.AsOf(notified, new LocalDate(2025, 9, 17));
        Assert.Equal(new LocalDate(2025, 9, 23), agenda.Due.Single(d => d.Kind == CaseDeadlineKind.StatementAndDefence).LastDay);
        Assert.Equal(new LocalDate(2025, 9, 26), agenda.Due.Single(d => d.Kind == CaseDeadlineKind.HearingRequest).LastDay);

        // The transition into Notified reports the later day as the one that governs.
        var path = PathToNoticeOn20250916(10_000);
        var notice = machine.Apply(machine.Replay(path.Take(3)).GetValueOrThrow(), path[3]);
        Assert.Equal(CaseDeadlineKind.StatementAndDefence, notice.NextDeadlineKind);
        Assert.Equal(new LocalDate(2025, 9, 26), notice.NextDeadline);

        // On 09-25, after the statement period but within the hearing-request period, neither the collective discussion
        // nor the decision may come; both refusals name 09-26.
        var discussion = machine.Apply(notified, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(2025, 9, 25)));
        Assert.Equal(CaseRejectionCode.StatementPeriodRunning, discussion.Rejection);
        Assert.Equal(new LocalDate(2025, 9, 26), discussion.LimitDate);
        var decision = machine.Apply(notified, CaseEvent.PenaltyDecided(At(2025, 9, 25), PartyKind.Person, Sanctions.Fine, Money.FromYuan(10_000)));
        Assert.Equal(CaseRejectionCode.StatementPeriodRunning, decision.Rejection);
        Assert.Equal(new LocalDate(2025, 9, 26), decision.LimitDate);

        // The next working day (Sunday 09-28 is a make-up working day of National Day 2025) both periods are over.
        Assert.True(machine.Apply(notified, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(2025, 9, 28))).Accepted);
    }

    // Outside the hearing scope only the statement period counts, however long the hearing-request period is.
    [Fact]
    public void Notified_OutsideTheHearingScope_OnlyTheStatementPeriodHoldsTheDecision()
    {
        var machine = WithLocal("cases.hearing-request", "working-days", 8);
        var notified = Notified(machine, 500);
        Assert.False(notified.InHearingScope);
        Assert.Equal(new LocalDate(2025, 9, 23), machine.Apply(notified, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(2025, 9, 23))).LimitDate);
        Assert.True(machine.Apply(notified, CaseEvent.Of(CaseEventKind.CollectiveDiscussionHeld, At(2025, 9, 24))).Accepted);
    }

    // 行政强制法第五十三条: the court application runs for three months from the end of the litigation period, whatever the
    // payment period; only an approved deferral moves its start (行政处罚法第七十二条第二款). A pack with a payment period
    // longer than the six months of litigation must not move it.
    [Fact]
    public void EnforcementWindow_PaymentPeriodLongerThanLitigation_StillCountsFromTheEndOfLitigation()
    {
        var machine = WithLocal("cases.payment", "days", 300);
        var served = machine.Replay([
            CaseEvent.LeadReceived(At(2024, 11, 4), new LocalDate(2024, 10, 20)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 11, 5)),
            CaseEvent.Concluded(At(2025, 1, 6), false, false),
            CaseEvent.NoticeServed(At(2025, 1, 7), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)),
            CaseEvent.PenaltyDecided(At(2025, 1, 21), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)),
            CaseEvent.Of(CaseEventKind.DecisionServed, At(2025, 2, 10)),
        ]).GetValueOrThrow();
        Assert.False(served.PaymentDeferred);
        // 300 days from 2025-02-10: 2025-12-07, a Sunday, so Monday 12-08 — after the litigation period (to 2025-08-10).
        Assert.Equal(new LocalDate(2025, 12, 8), served.PaymentDueOn);

        var agenda = machine.AsOf(served, new LocalDate(2025, 9, 1));
        var window = agenda.Due.Concat(agenda.Overdue).Single(d => d.Kind == CaseDeadlineKind.EnforcementApplication);
        // Litigation ends Sunday 2025-08-10 → Monday 08-11; three months from it: 2025-11-11.
        Assert.Equal(new LocalDate(2025, 11, 11), window.LastDay);
    }

    // 行政处罚法第三十六条第二款: the limitation of a continuing act runs only from its end, so while it continues no
    // limitation is listed — not even an overdue one counted from the day it began.
    [Fact]
    public void Verification_ContinuingAct_ListsNoLimitation_DueOrOverdue()
    {
        var continuing = Machine.Replay([CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2019, 6, 1), null)]).GetValueOrThrow();
        Assert.Equal(CaseState.UnderVerification, continuing.State);
        var agenda = Machine.AsOf(continuing, new LocalDate(2024, 2, 1));
        Assert.DoesNotContain(agenda.Due.Concat(agenda.Overdue), d => d.Kind == CaseDeadlineKind.Limitation);

        // Ended 2023-01-10: the two years run from the end.
        var ended = Machine.Replay([CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2019, 6, 1), new LocalDate(2023, 1, 10))]).GetValueOrThrow();
        var limitation = Machine.AsOf(ended, new LocalDate(2024, 2, 1)).Due.Single(d => d.Kind == CaseDeadlineKind.Limitation);
        Assert.Equal(new LocalDate(2023, 1, 10), limitation.From);
        Assert.Equal(new LocalDate(2025, 1, 10), limitation.LastDay);
    }

    // The explanation of a case closed by limitation names the day the limitation ran from: for a continuing act that
    // ended, its end (2021-01-10), not the day it began.
    [Fact]
    public void LimitationExpired_ContinuingActThatEnded_TheExplanationCountsFromItsEnd()
    {
        var lead = Machine.Replay([CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2019, 6, 1), new LocalDate(2021, 1, 10))]).GetValueOrThrow();
        var step = Machine.Transition(lead, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 2, 2))).GetValueOrThrow();
        Assert.Equal(CaseCloseReason.LimitationExpired, step.Snapshot.CloseReason);
        var reason = step.Explanation.Reasons.Single(r => r.Code == "MR.Cases.LimitationExpired");
        Assert.Equal("2021-01-10", reason.Arguments["ActDate"]);
        Assert.Equal("2023-01-10", reason.Arguments["Limit"]);
    }

    // A refusal that names a missing or wrong fact gives that fact as its limit, even where it also carries a date.
    [Fact]
    public void ToRuleError_RefusalNamingAFact_GivesTheFactNotTheDate()
    {
        var act = new LocalDate(2025, 2, 1);
        var refused = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act.PlusDays(-1) });
        Assert.Equal(act, refused.LimitDate);
        var error = refused.ToRuleError();
        Assert.Contains("违法行为终了日不得早于发生日", error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("the end of the act may not precede its start", error.Message.English, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-02-01", error.Message.Chinese, StringComparison.Ordinal);
    }

    // Suspension (程序规定第四十八条) and a hearing requested but not yet scheduled stop the decision period: no deadline
    // governs those states, so the step into them reports none.
    [Fact]
    public void Suspended_AndHearingRequested_NoDeadlineGoverns()
    {
        var investigation = SnapshotIn(CaseState.Investigation);
        var suspended = Machine.Apply(investigation, CaseEvent.Suspended(At(D0.PlusDays(3)), PauseKind.Testing));
        Assert.Equal(CaseState.Suspended, suspended.Snapshot.State);
        Assert.Equal(CaseDeadlineKind.None, suspended.NextDeadlineKind);

        var notified = SnapshotIn(CaseState.Notified);
        var requested = Machine.Apply(notified, CaseEvent.Of(CaseEventKind.HearingRequested, At(D0.PlusDays(8))));
        Assert.Equal(CaseState.HearingRequested, requested.Snapshot.State);
        Assert.Equal(CaseDeadlineKind.None, requested.NextDeadlineKind);
    }

    // The 90-day decision period of the SAMR procedure rules (2019-04-01) had no national value in 2017 in the catalogue:
    // a case opened then cannot be given its deadline, and the step is refused with the coded reason (a pack may add the
    // rule of that time), not an exception.
    [Fact]
    public void CaseOpened_BeforeTheDecisionPeriodIsInForce_IsRefusedAsParameterNotInForce()
    {
        var lead = Machine.Replay([CaseEvent.LeadReceived(At(2017, 3, 1), new LocalDate(2017, 2, 1))]).GetValueOrThrow();
        var t = Machine.Apply(lead, CaseEvent.Of(CaseEventKind.CaseOpened, At(2017, 3, 2)));
        Assert.Equal(CaseRejectionCode.ParameterNotInForce, t.Rejection);
        Assert.Equal(new LocalDate(2017, 3, 2), t.LimitDate);
        Assert.Equal(CaseState.UnderVerification, t.Snapshot.State);
    }

    // A lead received three days before the calendar's last day (2026-12-28 while it ends with 2026) has 15 working days
    // running past it, which the calendar cannot count; the step is refused as outside the calendar, naming its date.
    [Fact]
    public void LeadReceived_WhoseVerificationRunsPastTheCalendar_IsRefusedAsOutsideTheCalendar()
    {
        var day = StatutoryCalendar.China.LastDay.PlusDays(-3);
        var t = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(day), day.PlusDays(-10)));
        Assert.Equal(CaseRejectionCode.OutsideCalendar, t.Rejection);
        Assert.Equal(day, t.LimitDate);
    }
}
