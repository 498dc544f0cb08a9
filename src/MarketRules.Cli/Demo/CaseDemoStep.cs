using MarketRules.Calendar;
using MarketRules.Cases;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>Walks sample penalty cases of the demo year through their statutory deadlines, holidays included.</summary>
internal sealed class CaseDemoStep : IDemoStep
{
    public string Title => "Penalty cases: state machine and statutory deadlines (case.transition/1)";

    public void Run(DemoContext context)
    {
        var machine = new CaseStateMachine(NationalCatalog.Law.For(context.District));
        var y = context.Year;
        Instant At(int m, int d, int hour = 10) => new LocalDate(y, m, d).At(new LocalTime(hour, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();
        var rows = new List<IReadOnlyList<string>>();

        void Walk(string name, params CaseEvent[] events)
        {
            var snapshot = CaseSnapshot.Initial;
            foreach (var e in events)
            {
                var result = machine.Apply(snapshot, e);
                var note = result.Accepted
                    ? (result.NextDeadlineKind == CaseDeadlineKind.None ? "" : $"{result.NextDeadlineKind} by {result.NextDeadline:uuuu-MM-dd}")
                    : $"REJECTED {result.ToRuleError().Code}: {result.ToRuleError().Message.English}";
                rows.Add([name, LegalTime.DateOf(e.At).ToString("uuuu-MM-dd", null), e.Kind.ToString(), result.Snapshot.State.ToString(), note]);
                snapshot = result.Snapshot;
            }
            var agenda = machine.AsOf(snapshot, LegalTime.DateOf(events[^1].At).PlusDays(30));
            foreach (var overdue in agenda.Overdue)
            {
                rows.Add([name, agenda.AsOf.ToString("uuuu-MM-dd", null), "(as of +30 d)", snapshot.State.ToString(), $"OVERDUE {overdue.Kind} since {overdue.LastDay:uuuu-MM-dd}"]);
            }
            if (agenda.LateSurcharge != Money.Zero)
            {
                rows.Add([name, agenda.AsOf.ToString("uuuu-MM-dd", null), "(as of +30 d)", snapshot.State.ToString(), $"late surcharge {agenda.LateSurcharge}, outstanding {agenda.Outstanding}"]);
            }
        }

        Walk("A lead before National Day",
            CaseEvent.LeadReceived(At(9, 30), new LocalDate(y, 9, 1)),
            CaseEvent.Of(CaseEventKind.VerificationExtended, At(10, 20)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(10, 31)));

        Walk("A' sample sent for testing during verification",
            CaseEvent.LeadReceived(At(4, 1), new LocalDate(y, 3, 20)),
            CaseEvent.VerificationPaused(At(4, 8), PauseKind.Testing),
            CaseEvent.Of(CaseEventKind.VerificationResumed, At(4, 22)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(4, 28)));

        Walk("B notice before Spring Festival",
            CaseEvent.LeadReceived(At(1, 2), new LocalDate(y - 1, 12, 20)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(1, 6)),
            CaseEvent.Concluded(At(1, 20), legalReviewRequired: false, collectiveDiscussionRequired: false),
            CaseEvent.NoticeServed(At(1, 24), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)),
            CaseEvent.PenaltyDecided(At(2, 7), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)),
            CaseEvent.PenaltyDecided(At(2, 10), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000)),
            CaseEvent.Of(CaseEventKind.DecisionServed, At(2, 12)));

        Walk("C 20 days of testing",
            CaseEvent.LeadReceived(At(2, 24), new LocalDate(y, 2, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(3, 3)),
            CaseEvent.Suspended(At(3, 10), PauseKind.Testing),
            CaseEvent.Of(CaseEventKind.InvestigationResumed, At(3, 30)));

        Walk("D summary penalty",
            CaseEvent.SummaryPenalty(At(6, 3), PartyKind.Person, Sanctions.Fine, Money.FromYuan(201)));
        Walk("D' summary penalty",
            CaseEvent.SummaryPenalty(At(6, 3), PartyKind.Person, Sanctions.Fine, Money.FromYuan(200)),
            CaseEvent.PaymentReceived(At(6, 5), Money.FromYuan(200)),
            CaseEvent.Of(CaseEventKind.CaseClosed, At(6, 5)));

        Walk("E transfer to the police",
            CaseEvent.LeadReceived(At(9, 1), new LocalDate(y, 8, 1)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(9, 2)),
            CaseEvent.TransferToPoliceDecided(At(9, 30), new CriminalReferralReference("刑法第一百四十条", "销售金额 ≥ 50,000 元", At(9, 30))),
            CaseEvent.Of(CaseEventKind.TransferApproved, At(10, 9, 15)),
            CaseEvent.Of(CaseEventKind.CaseTransferred, At(10, 10, 9)));

        context.Table($"Sample penalty cases in {y} ({context.District})", ["Case", "Date", "Event", "State", "Next deadline / rejection"], rows);
    }
}
