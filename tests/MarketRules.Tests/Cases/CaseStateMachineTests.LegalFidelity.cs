using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Engine;
using static MarketRules.Tests.Cases.CaseFixture;
using MarketRules.Engine.Rules.Cases;

namespace MarketRules.Tests.Cases;

/// <summary>Issue 12 for the case lifecycle: each test quotes the article it checks.</summary>
public partial class CaseStateMachineTests
{
    private static CaseSnapshot ServedIn2025() => Run(
        CaseEvent.LeadReceived(At(2024, 11, 4), new LocalDate(2024, 10, 20)),
        CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 11, 5)),
        CaseEvent.Concluded(At(2025, 1, 6), false, false),
        CaseEvent.NoticeServed(At(2025, 1, 7), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)),
        CaseEvent.PenaltyDecided(At(2025, 1, 21), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(10_000)),
        CaseEvent.Of(CaseEventKind.DecisionServed, At(2025, 2, 10)));

    // 行政处罚法第七十二条第二款: "行政机关批准延期、分期缴纳罚款的，申请人民法院强制执行的期限，自暂缓或者分期缴纳罚款期限结束之日起计算".
    [Fact]
    public void Enforcement_WithAnApprovedDeferral_CountsFromTheEndOfTheDeferral()
    {
        var served = ServedIn2025();
        // Without a deferral: litigation period ends 2025-08-10, court application until 2025-11-10.
        var plain = Machine.Apply(served, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(2025, 3, 28))).Snapshot;
        Assert.Equal(CaseRejectionCode.EnforcementWindowClosed, Machine.Apply(plain, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2025, 12, 1))).Rejection);

        // Deferred to 2025-09-30: the three months run from then (to 2025-12-30), so the window is still open on 12-01.
        var deferred = Machine.Apply(served, CaseEvent.PaymentDeferred(At(2025, 2, 20), new LocalDate(2025, 9, 30))).Snapshot;
        Assert.True(deferred.PaymentDeferred);
        var agenda = Machine.AsOf(deferred, new LocalDate(2025, 10, 1));
        var window = Assert.Single(agenda.Due.Concat(agenda.Overdue), d => d.Kind == CaseDeadlineKind.EnforcementApplication);
        Assert.Equal(new LocalDate(2025, 12, 30), window.LastDay);
        Assert.Equal("第七十二条第二款", window.Citation.Article!.Chinese);

        var demanded = Machine.Apply(deferred, CaseEvent.Of(CaseEventKind.EnforcementDemanded, At(2025, 10, 31))).Snapshot;
        Assert.Equal(CaseState.EnforcementApplied, Machine.Apply(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2025, 12, 1))).Snapshot.State);
        var late = Machine.Apply(demanded, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(2025, 12, 31)));
        Assert.Equal(CaseRejectionCode.EnforcementWindowClosed, late.Rejection);
        Assert.Equal(new LocalDate(2025, 12, 30), late.LimitDate);
    }

    // 行政处罚法第三十六条第二款: "前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算".
    [Fact]
    public void Limitation_ContinuingAct_RunsFromTheDayItEnded()
    {
        // Began 2021-06-01, ended 2023-01-10, discovered 2024-02-01: within two years of the end.
        var ended = Run(CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2021, 6, 1), new LocalDate(2023, 1, 10)));
        var limitation = Assert.Single(Machine.AsOf(ended, new LocalDate(2024, 2, 1)).Due, d => d.Kind == CaseDeadlineKind.Limitation);
        Assert.Equal(new LocalDate(2025, 1, 10), limitation.LastDay);
        Assert.Equal(CaseState.Investigation, Machine.Apply(ended, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 2, 2))).Snapshot.State);

        // The same start as a single act: more than two years before discovery, the case is not opened.
        var single = Run(CaseEvent.LeadReceived(At(2024, 2, 1), new LocalDate(2021, 6, 1)));
        Assert.Equal(CaseCloseReason.LimitationExpired, Machine.Apply(single, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 2, 2))).Snapshot.CloseReason);

        // Still continuing: the limitation has not started, no deadline is listed.
        var continuing = Run(CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2019, 6, 1), null));
        Assert.True(continuing.ActContinuing);
        Assert.DoesNotContain(Machine.AsOf(continuing, new LocalDate(2024, 2, 1)).Due, d => d.Kind == CaseDeadlineKind.Limitation);
        Assert.Equal(CaseState.Investigation, Machine.Apply(continuing, CaseEvent.Of(CaseEventKind.CaseOpened, At(2024, 2, 2))).Snapshot.State);

        // An end before the start is refused.
        var backwards = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceivedForContinuingAct(At(2024, 2, 1), new LocalDate(2023, 1, 10), new LocalDate(2022, 1, 1)));
        Assert.Equal(CaseRejectionCode.MissingFact, backwards.Rejection);
    }

    [Fact]
    public void Limitation_ContinuingAct_ThroughTheJsonDoor()
    {
        var rule = new CaseTransitionRule();
        const string json = """
            { "history": [ { "kind": "lead-received", "at": "2024-02-01T02:00:00Z", "date": "2021-06-01", "actEnd": "2023-01-10" } ],
              "event": { "kind": "case-opened", "at": "2024-02-02T02:00:00Z" } }
            """;
        var input = JsonSerializer.Deserialize(json, rule.Input)!;
        var context = new RuleContext(new LocalDate(2024, 2, 2), Parameters.Jurisdiction.National, NationalCatalog.Policy, PeriodCalculator.China);
        Assert.Equal(CaseState.Investigation, rule.Evaluate(input, context).GetValueOrThrow().Result.To);
    }

    // Before 2021-07-15 the summary limits (50 / 1,000 yuan) were 行政处罚法第三十三条 of the earlier text ("对公民处以五十元以下、
    // 对法人或者其他组织处以一千元以下罚款或者警告"); from then 第五十一条 ("二百元以下…三千元以下").
    [Theory]
    [InlineData(2021, 7, 14, 51, "第三十三条", "Art. 33")]
    [InlineData(2021, 7, 15, 201, "第五十一条", "Art. 51")]
    public void SummaryLimitExceeded_CitesTheArticleOfTheDate(int y, int m, int d, int yuan, string zh, string en)
    {
        var result = Machine.Apply(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(At(y, m, d), PartyKind.Person, Sanctions.Fine, Money.FromYuan(yuan)));
        var error = result.ToRuleError();
        Assert.Contains(zh, error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains(en, error.Message.English, StringComparison.Ordinal);
        Assert.DoesNotContain(zh == "第三十三条" ? "第五十一条" : "第三十三条", error.Message.Chinese, StringComparison.Ordinal);

        var accepted = Machine.Transition(CaseSnapshot.Initial, CaseEvent.SummaryPenalty(At(y, m, d), PartyKind.Person, Sanctions.Warning, Money.Zero)).GetValueOrThrow();
        Assert.StartsWith(zh, accepted.Explanation.Reasons[0].Citation!.Article!.Chinese, StringComparison.Ordinal);
    }

    // 企业信息公示暂行条例第六条 (from 2014-10-01): "行政处罚信息…应当自产生之日起20个工作日内予以公示"; before Order 45 a warning
    // decided under the ordinary procedure was published too (Order 45 Art 2 excludes it only from 2021-09-01).
    [Fact]
    public void Publication_DecisionBeforeOrder45_HasTheRegulationsDeadline()
    {
        var decided = Run(
            CaseEvent.LeadReceived(At(2020, 3, 2), new LocalDate(2020, 2, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2020, 3, 3)),
            CaseEvent.Concluded(At(2020, 4, 1), false, false),
            CaseEvent.NoticeServed(At(2020, 4, 2), PartyKind.Organisation, Sanctions.Warning, Money.Zero),
            CaseEvent.Of(CaseEventKind.RightsWaived, At(2020, 4, 2)),
            CaseEvent.PenaltyDecided(At(2020, 4, 3), PartyKind.Organisation, Sanctions.Warning, Money.Zero));
        var publication = Assert.Single(Machine.AsOf(decided, new LocalDate(2020, 4, 3)).Due, d => d.Kind == CaseDeadlineKind.Publication);
        Assert.Equal("第六条", publication.Citation.Article!.Chinese);
        Assert.Equal(new LocalDate(2020, 5, 6), publication.LastDay); // 20 wd from 04-03 across the Qingming and Labour Day holidays
        Assert.True(Machine.Apply(decided, CaseEvent.Of(CaseEventKind.DecisionPublished, At(2020, 4, 10))).Accepted);
    }

    // 国务院令第310号 (2001) Art 5(2): "…应当自接到报告之日起3日内作出批准移送或者不批准移送的决定" — a transfer in 2019 has its
    // timetable (the 2001 values, as in the referral catalogue), not ParameterNotInForce.
    [Fact]
    public void Transfer_In2019_UsesThe2001Order()
    {
        var investigation = Run(CaseEvent.LeadReceived(At(2019, 9, 2), new LocalDate(2019, 8, 1)), CaseEvent.Of(CaseEventKind.CaseOpened, At(2019, 9, 3)));
        var reported = Machine.Apply(investigation, CaseEvent.TransferToPoliceDecided(At(2019, 9, 4), SampleReferral));
        Assert.True(reported.Accepted);
        Assert.Equal(CaseDeadlineKind.TransferApproval, reported.NextDeadlineKind);
        Assert.Equal(new LocalDate(2019, 9, 9), reported.NextDeadline); // 09-04 + 3 d = 09-07 (Sat) → Monday 09-09
    }
}
