using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;
using MarketRules.Cases;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// 10 M case transitions with deadline computation on the allocation-free hot path (<see cref="CaseStateMachine.Apply"/>),
/// against the explained path a user would call per event (<see cref="CaseStateMachine.Transition"/>) and the same
/// decision (is the event allowed, which state follows, which deadline governs) as Microsoft RulesEngine 6.0.1
/// workflows (<see cref="CaseRulesEngineWorkflow"/>). Times are per transition; the set-up checks that all agree.
/// </summary>
[MemoryDiagnoser]
public class CaseTransitionBenchmark
{
    private const int Transitions = 10_000_000;
    private const int ExplainedTransitions = 20_000;
    private const int RulesEngineTransitions = 20_000;

    private CaseStateMachine machine = null!;
    private CaseEvent[] journey = [];
    private RulesEngine.RulesEngine engine = null!;
    private RuleParameter[][] transitionFacts = [];
    private bool[] paymentDue = [];
    // The deadline facts RulesEngine reads, one per (state, payment due) built once: the caller's flattening, not the decision.
    private RuleParameter[][] deadlineFacts = [];

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
        engine = CaseRulesEngineWorkflow.Create();
        var states = Enum.GetValues<CaseState>().Length;
        deadlineFacts = new RuleParameter[states * 2][];
        for (var i = 0; i < deadlineFacts.Length; i++)
        {
            deadlineFacts[i] = [new RuleParameter(CaseRulesEngineWorkflow.DeadlineParameter, new CaseDeadlineFacts { State = i >> 1, PaymentDue = (i & 1) != 0 })];
        }
        transitionFacts = new RuleParameter[journey.Length][];
        paymentDue = new bool[journey.Length];
        var snapshot = CaseSnapshot.Initial;
        for (var j = 0; j < journey.Length; j++)
        {
            var applied = machine.Apply(snapshot, journey[j]);
            var row = CaseTransitionTable.Find(snapshot.State, journey[j].Kind)!;
            // The guard as a fact the caller states: whether the machine took the row's alternative.
            var guard = row.Alternative != CaseState.None && applied.Snapshot.State == row.Alternative;
            transitionFacts[j] = [new RuleParameter(CaseRulesEngineWorkflow.TransitionParameter, new CaseTransitionFacts { From = (int)snapshot.State, Event = (int)journey[j].Kind, Guard = guard })];
            paymentDue[j] = applied.Snapshot.PaymentDueOn is not null;
            var (state, deadline) = RulesEngineTransition(j);
            if (state != applied.Snapshot.State || deadline != applied.NextDeadlineKind)
            {
                throw new InvalidOperationException($"Step {j} ({journey[j].Kind}): machine {applied.Snapshot.State}/{applied.NextDeadlineKind}, RulesEngine {state}/{deadline}");
            }
            snapshot = applied.Snapshot;
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

    // The same, and the step's explanation read as a caller that shows or serialises it would start: its agenda,
    // reasons, computed dates and parameters made (each reason's text is still made only when read).
    [Benchmark(OperationsPerInvoke = ExplainedTransitions)]
    public int Transition_ReadExplanation()
    {
        var snapshot = CaseSnapshot.Initial;
        var reasons = 0;
        var j = 0;
        for (var i = 0; i < ExplainedTransitions; i++)
        {
            var step = machine.Transition(snapshot, journey[j]).GetValueOrThrow();
            var explanation = step.Explanation;
            reasons += explanation.Reasons.Length + explanation.Dates.Length + explanation.Parameters.Length;
            snapshot = step.Snapshot;
            if (++j == journey.Length)
            {
                j = 0;
                snapshot = CaseSnapshot.Initial;
            }
        }
        return reasons;
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

    // The same decision as RulesEngine workflows: the allowed row gives the next state, then the governing deadline of it.
    [Benchmark(OperationsPerInvoke = RulesEngineTransitions)]
    public int Transition_RulesEngineWorkflow()
    {
        var checksum = 0;
        var j = 0;
        for (var i = 0; i < RulesEngineTransitions; i++)
        {
            var (state, deadline) = RulesEngineTransition(j);
            checksum += (int)state + (int)deadline;
            if (++j == journey.Length)
            {
                j = 0;
            }
        }
        return checksum;
    }

    private (CaseState State, CaseDeadlineKind Deadline) RulesEngineTransition(int step)
    {
        var row = First(CaseRulesEngineWorkflow.Transition, transitionFacts[step]);
        if (row < 0)
        {
            return (CaseState.None, CaseDeadlineKind.None);
        }
        var state = CaseRulesEngineWorkflow.Targets[row];
        var deadline = First(CaseRulesEngineWorkflow.Deadline, deadlineFacts[((int)state << 1) | (paymentDue[step] ? 1 : 0)]);
        return (state, deadline < 0 ? CaseDeadlineKind.None : CaseRulesEngineWorkflow.Deadlines[deadline]);
    }

    // The index of the first rule that succeeded (rules are named prefix-index, in order), or -1.
    private int First(string workflow, RuleParameter[] facts)
    {
        var pending = engine.ExecuteAllRulesAsync(workflow, facts);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].IsSuccess)
            {
                return i;
            }
        }
        return -1;
    }
}
