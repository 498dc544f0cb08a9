using MarketRules.Campaigns;
using MarketRules.SpotChecks;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// Re-test requests of 4,096 notified lots (goods: 15 days rolled over rest days; food: 7 working days) decided by the
/// spot-check state machine on the statutory calendar, against a Microsoft RulesEngine 6.0.1 workflow given the same
/// decision with the day counts already computed by the caller (RulesEngine has no statutory calendar); plus the Daguan
/// plan's whole reporting calendar and the Hangzhou pass-rate check.
/// </summary>
[MemoryDiagnoser]
public class SpotCheckBenchmark
{
    private const int Lots = 4096;
    private const string Workflow = "retest";

    private readonly SpotCheckStateMachine machine = new(NationalCatalog.Law);
    private SpotCheckLot[] lots = [];
    private SpotCheckEvent[] requests = [];
    private RuleParameter[][] parameters = [];
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        lots = new SpotCheckLot[Lots];
        requests = new SpotCheckEvent[Lots];
        parameters = new RuleParameter[Lots][];
        for (var i = 0; i < Lots; i++)
        {
            var food = (i & 3) == 0;
            var received = new LocalDate(2024, 1, 2).PlusDays(random.Next(0, 700));
            var lot = machine.Replay(new SpotCheckLotFacts(food, SpotCheckLevel.City, false), [
                new SpotCheckEvent(SpotCheckEventKind.Planned, received.PlusDays(-30)),
                new SpotCheckEvent(SpotCheckEventKind.Sampled, received.PlusDays(-20)),
                new SpotCheckEvent(SpotCheckEventKind.TestedNonConforming, received.PlusDays(-3)),
                new SpotCheckEvent(SpotCheckEventKind.ResultReceived, received),
            ]).GetValueOrThrow();
            lots[i] = lot;
            var on = received.PlusDays(random.Next(1, 20));
            requests[i] = new SpotCheckEvent(SpotCheckEventKind.RetestRequested, on);
            var lastDay = machine.AsOf(lot, received).Due.Single(d => d.Step == SpotCheckStep.RetestRequest).LastDay;
            parameters[i] = [new RuleParameter("f", new RetestFacts { Food = food, RequestDay = Period.DaysBetween(received, on), WindowDays = Period.DaysBetween(received, lastDay) })];
        }
        engine = new RulesEngine.RulesEngine([new Workflow
        {
            WorkflowName = Workflow,
            Rules = [new Rule { RuleName = "in-window", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "f.RequestDay <= f.WindowDays" }],
        }], new ReSettings());
        for (var i = 0; i < Lots; i++)
        {
            if (Typed(i) != RulesEngineAccepts(i))
            {
                throw new InvalidOperationException($"Lot {i}: the two decisions differ");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lots)]
    public int RetestRequest_StateMachine()
    {
        var accepted = 0;
        for (var i = 0; i < Lots; i++)
        {
            accepted += Typed(i) ? 1 : 0;
        }
        return accepted;
    }

    /// <summary>The same request decided with its explanation (<c>Transition</c>: the lot, its agenda and the explanation).</summary>
    [Benchmark(OperationsPerInvoke = Lots)]
    public int RetestRequest_Explained()
    {
        var reasons = 0;
        for (var i = 0; i < Lots; i++)
        {
            var step = machine.Transition(lots[i], requests[i]);
            reasons += step.IsSuccess ? step.Value!.Explanation.Reasons.Length : 0;
        }
        return reasons;
    }

    [Benchmark(OperationsPerInvoke = Lots)]
    public int RetestRequest_RulesEngineWithPrecountedDays()
    {
        var accepted = 0;
        for (var i = 0; i < Lots; i++)
        {
            accepted += RulesEngineAccepts(i) ? 1 : 0;
        }
        return accepted;
    }

    [Benchmark]
    public int DaguanCalendar_WholeCampaign() =>
        CampaignCalendar.Dues(NationalCatalog.Law, CampaignPlan.Daguan2016, CampaignPlan.Daguan2016.Window.Start, CampaignPlan.Daguan2016.Window.End).GetValueOrThrow().Dues.Length;

    [Benchmark]
    public bool PassRate_Hangzhou2017() => PassRates.Agrees(PassRates.Of("overall", 1808, 1444), 79.82m);

    private bool Typed(int i) => machine.Apply(lots[i], requests[i]).IsSuccess;

    private bool RulesEngineAccepts(int i)
    {
        var pending = engine.ExecuteAllRulesAsync(Workflow, parameters[i]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return results[0].IsSuccess;
    }

    /// <summary>The flat facts RulesEngine evaluates: the request's and the window's day counts from receipt.</summary>
    public sealed class RetestFacts
    {
        /// <summary>Food (7 working days) or not (15 days).</summary>
        public bool Food { get; init; }

        /// <summary>Days from receipt to the request.</summary>
        public int RequestDay { get; init; }

        /// <summary>Days from receipt to the window's last day (counted by the caller on the statutory calendar).</summary>
        public int WindowDays { get; init; }
    }
}
