using MarketRules.Calendar;
using MarketRules.Cases;

namespace MarketRules.Benchmarks;

/// <summary>
/// 10 M case transitions with deadline computation on the allocation-free hot path (<see cref="CaseStateMachine.Apply"/>),
/// against the explained path a user would call per event (<see cref="CaseStateMachine.Transition"/>).
/// </summary>
[MemoryDiagnoser]
public class CaseTransitionBenchmark
{
    private const int Transitions = 10_000_000;
    private const int ExplainedTransitions = 20_000;

    private CaseStateMachine machine = null!;
    private CaseEvent[] journey = [];

    [GlobalSetup]
    public void Setup()
    {
        machine = new CaseStateMachine(NationalCatalog.Law);
        var d0 = new LocalDate(2025, 3, 3);
        Instant At(int day, int hour = 10) => d0.PlusDays(day).At(new LocalTime(hour, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();
        journey =
        [
            CaseEvent.LeadReceived(At(0), d0.PlusDays(-30)),
            CaseEvent.Of(CaseEventKind.CaseOpened, At(2)),
            CaseEvent.Suspended(At(3), PauseKind.Testing),
            CaseEvent.Of(CaseEventKind.InvestigationResumed, At(23)),
            CaseEvent.Concluded(At(24), true, false),
            CaseEvent.Of(CaseEventKind.LegalReviewStarted, At(25)),
            CaseEvent.Of(CaseEventKind.LegalReviewCompleted, At(26)),
            CaseEvent.NoticeServed(At(27), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000)),
            CaseEvent.Of(CaseEventKind.HearingRequested, At(28)),
            CaseEvent.HearingNoticeServed(At(29), d0.PlusDays(50)),
            CaseEvent.Of(CaseEventKind.HearingHeld, At(50)),
            CaseEvent.PenaltyDecided(At(52), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(120_000)),
            CaseEvent.Of(CaseEventKind.DecisionServed, At(53)),
            CaseEvent.Of(CaseEventKind.DecisionPublished, At(54)),
            CaseEvent.PaymentReceived(At(60), Money.FromYuan(120_000)),
            CaseEvent.Of(CaseEventKind.CaseClosed, At(81)),
        ];
        var check = machine.Replay(journey);
        if (!check.IsSuccess || check.Value.State != CaseState.Closed)
        {
            throw new InvalidOperationException("The benchmark journey must close the case: " + string.Join("; ", check.Errors));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ExplainedTransitions)]
    public CaseState Transition_Explained()
    {
        var snapshot = CaseSnapshot.Initial;
        var j = 0;
        for (var i = 0; i < ExplainedTransitions; i++)
        {
            snapshot = machine.Transition(snapshot, journey[j]).GetValueOrThrow().Snapshot;
            if (++j == journey.Length)
            {
                j = 0;
                snapshot = CaseSnapshot.Initial;
            }
        }
        return snapshot.State;
    }

    [Benchmark(OperationsPerInvoke = Transitions)]
    public long Apply_HotPath()
    {
        var snapshot = CaseSnapshot.Initial;
        var events = journey;
        long checksum = 0;
        var j = 0;
        for (var i = 0; i < Transitions; i++)
        {
            var result = machine.Apply(snapshot, events[j]);
            checksum += result.NextDeadline.Day;
            snapshot = result.Snapshot;
            if (++j == events.Length)
            {
                j = 0;
                snapshot = CaseSnapshot.Initial;
            }
        }
        return checksum;
    }
}
