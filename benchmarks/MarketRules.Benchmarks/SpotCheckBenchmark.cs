using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;
using MarketRules.Campaigns;
using MarketRules.Parameters;
using MarketRules.SpotChecks;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// Re-test requests of 4,096 notified lots (goods: 15 days rolled over rest days; food: 7 working days), decided from
/// the same dates on both sides: the day the result was received, the day of the request and whether the lot is food.
/// <list type="bullet">
/// <item><c>RetestRequest_Decide</c>: <see cref="SpotCheckStateMachine.Decide"/> — the transition table, the dated
/// parameter in force on the day of receipt, the period counted by the kernel's <see cref="PeriodCalculator"/>, the new
/// state or the refusal's code and facts (allocation-free either way; the new lot is made from the decision by
/// <see cref="SpotCheckDecision.ApplyTo"/>, which this row does not call).</item>
/// <item><c>RetestRequest_Transition</c>: <see cref="SpotCheckStateMachine.Transition"/> — the same decision and the
/// explained step (its agenda and explanation made when read; a refusal comes back as the bilingual error).</item>
/// <item><c>RetestRequest_ExplanationRead</c>: the step's explanation made and its reasons read.</item>
/// <item><c>RetestRequest_RulesEngine</c>: Microsoft RulesEngine 6.0.1 deciding the same rule from the same dates:
/// a workflow chooses the period from the lot's facts and the receipt day (one rule per dated value of the two
/// parameters, the values read from the catalogue), the days are counted the way <see cref="WorkingDaysRulesEngineBenchmark"/>
/// counts them (<see cref="CalendarRulesEngineWorkflow"/>: the workflow given the embedded calendar's rest days and
/// make-up workdays and asked day by day, the caller walking the days), and a last rule compares the request with the
/// window's last day. RulesEngine gives no explanation and no citation.</item>
/// </list>
/// The set-up checks that both sides agree on every lot: the decision and the window's last day.
/// Plus the Daguan plan's whole reporting calendar and the Hangzhou pass-rate check.
/// </summary>
[MemoryDiagnoser]
public class SpotCheckBenchmark
{
    private const int Lots = 4096;
    private const string PeriodWorkflow = "retest-period";
    private const string WindowWorkflow = "retest-window";

    private readonly SpotCheckStateMachine machine = new(NationalCatalog.Law);
    private readonly CalendarRulesEngineWorkflow calendar = new(NationalCatalog.Law.Calendar);
    private readonly Dictionary<string, (ParameterUnit Unit, int Length)> periods = [];
    private SpotCheckLot[] lots = [];
    private SpotCheckEvent[] requests = [];
    private RuleParameter[][] periodFacts = [];
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        lots = new SpotCheckLot[Lots];
        requests = new SpotCheckEvent[Lots];
        periodFacts = new RuleParameter[Lots][];
        for (var i = 0; i < Lots; i++)
        {
            var food = (i & 3) == 0;
            var received = new LocalDate(2024, 1, 2).PlusDays(random.Next(0, 700));
            lots[i] = machine.Replay(new SpotCheckLotFacts(food, SpotCheckLevel.City, false), [
                new SpotCheckEvent(SpotCheckEventKind.Planned, received.PlusDays(-30)),
                new SpotCheckEvent(SpotCheckEventKind.Sampled, received.PlusDays(-20)),
                new SpotCheckEvent(SpotCheckEventKind.TestedNonConforming, received.PlusDays(-3)),
                new SpotCheckEvent(SpotCheckEventKind.ResultReceived, received),
            ]).GetValueOrThrow();
            requests[i] = new SpotCheckEvent(SpotCheckEventKind.RetestRequested, received.PlusDays(random.Next(1, 20)));
            periodFacts[i] = [new RuleParameter("r", new LotFacts { Food = food, Received = CalendarRulesEngineWorkflow.DayNumber(received) })];
        }
        engine = new RulesEngine.RulesEngine([CalendarRulesEngineWorkflow.Workflow, PeriodRules(), new Workflow
        {
            WorkflowName = WindowWorkflow,
            Rules = [new Rule { RuleName = "in-window", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "w.RequestDay <= w.LastDay" }],
        }], new ReSettings());
        var refused = 0;
        for (var i = 0; i < Lots; i++)
        {
            var decision = machine.Decide(lots[i], requests[i]);
            var lastDay = machine.AsOf(lots[i], lots[i].ResultReceivedOn!.Value).Due.Single(d => d.Step == SpotCheckStep.RetestRequest).LastDay;
            var (accepted, reLastDay) = RulesEngineDecides(i);
            if (decision.Accepted != accepted || lastDay != reLastDay || (!decision.Accepted && decision.LimitDate != lastDay))
            {
                throw new InvalidOperationException($"Lot {i}: MarketRules {decision.Accepted} until {lastDay}, RulesEngine {accepted} until {reLastDay}");
            }
            refused += accepted ? 0 : 1;
        }
        if (refused == 0 || refused == Lots)
        {
            throw new InvalidOperationException("The lots must include requests in time and late ones");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lots)]
    public int RetestRequest_Decide()
    {
        var accepted = 0;
        for (var i = 0; i < Lots; i++)
        {
            accepted += machine.Decide(lots[i], requests[i]).Accepted ? 1 : 0;
        }
        return accepted;
    }

    /// <summary>The same request decided as an explained step (<c>Transition</c>: the step, its agenda and explanation made when read; a late request's bilingual error).</summary>
    [Benchmark(OperationsPerInvoke = Lots)]
    public int RetestRequest_Transition()
    {
        var accepted = 0;
        for (var i = 0; i < Lots; i++)
        {
            accepted += machine.Transition(lots[i], requests[i]).IsSuccess ? 1 : 0;
        }
        return accepted;
    }

    /// <summary>The explained step with its explanation made and its reasons' Chinese texts read (a refusal's error text read instead).</summary>
    [Benchmark(OperationsPerInvoke = Lots)]
    public int RetestRequest_ExplanationRead()
    {
        var characters = 0;
        for (var i = 0; i < Lots; i++)
        {
            var step = machine.Transition(lots[i], requests[i]);
            if (!step.IsSuccess)
            {
                characters += step.Errors[0].Message.Chinese.Length;
                continue;
            }
            foreach (var reason in step.Value.Explanation.Reasons)
            {
                characters += reason.Message.Chinese.Length;
            }
        }
        return characters;
    }

    [Benchmark(OperationsPerInvoke = Lots)]
    public int RetestRequest_RulesEngine()
    {
        var accepted = 0;
        for (var i = 0; i < Lots; i++)
        {
            accepted += RulesEngineDecides(i).Accepted ? 1 : 0;
        }
        return accepted;
    }

    [Benchmark]
    public int DaguanCalendar_WholeCampaign() =>
        CampaignCalendar.Dues(NationalCatalog.Law, CampaignPlan.Daguan2016, CampaignPlan.Daguan2016.Window.Start, CampaignPlan.Daguan2016.Window.End).GetValueOrThrow().Dues.Length;

    [Benchmark]
    public bool PassRate_Hangzhou2017() => PassRates.Agrees(PassRates.Of("overall", 1808, 1444), 79.82m);

    // One rule per dated value of the two re-test windows (goods, food), in force from its date to the next one's: the
    // values, units and dates read from the catalogue, none restated.
    private Workflow PeriodRules()
    {
        var rules = new List<Rule>();
        foreach (var (parameter, food) in new[] { (SpotCheckParameters.RetestWindow, false), (SpotCheckParameters.FoodRetestWindow, true) })
        {
            for (var v = 0; v < parameter.Values.Length; v++)
            {
                var value = parameter.Values[v];
                var until = v + 1 < parameter.Values.Length ? CalendarRulesEngineWorkflow.DayNumber(parameter.Values[v + 1].EffectiveFrom) : int.MaxValue;
                var name = $"{parameter.Id}@{value.EffectiveFrom:uuuu-MM-dd}";
                periods[name] = (parameter.Unit, (int)value.Value);
                rules.Add(new Rule
                {
                    RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = $"r.Food == {(food ? "true" : "false")} && r.Received >= {CalendarRulesEngineWorkflow.DayNumber(value.EffectiveFrom)} && r.Received < {until}",
                });
            }
        }
        return new Workflow { WorkflowName = PeriodWorkflow, Rules = rules };
    }

    // The rule decided by RulesEngine from the dates: the period in force for the lot, its last day counted on the
    // calendar workflow, the request compared with it.
    private (bool Accepted, LocalDate LastDay) RulesEngineDecides(int i)
    {
        var received = lots[i].ResultReceivedOn!.Value;
        var (unit, length) = (ParameterUnit.Days, 0);
        foreach (var result in Run(PeriodWorkflow, periodFacts[i]))
        {
            if (result.IsSuccess)
            {
                (unit, length) = periods[result.Rule.RuleName];
                break;
            }
        }
        var lastDay = unit == ParameterUnit.WorkingDays
            ? calendar.AddWorkingDays(engine, received, length)
            : calendar.AddDaysRolledForward(engine, received, length);
        var window = new WindowFacts { RequestDay = CalendarRulesEngineWorkflow.DayNumber(requests[i].On), LastDay = CalendarRulesEngineWorkflow.DayNumber(lastDay) };
        return (Run(WindowWorkflow, [new RuleParameter("w", window)])[0].IsSuccess, lastDay);
    }

    private List<RuleResultTree> Run(string workflow, RuleParameter[] facts)
    {
        var pending = engine.ExecuteAllRulesAsync(workflow, facts);
        return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The lot's facts the period is chosen by.</summary>
    public sealed class LotFacts
    {
        /// <summary>Food (the food window) or not.</summary>
        public bool Food { get; init; }

        /// <summary>The day the result was received (days since 1970-01-01): the parameter in force on it applies.</summary>
        public int Received { get; init; }
    }

    /// <summary>The request and the window's last day (days since 1970-01-01).</summary>
    public sealed class WindowFacts
    {
        /// <summary>The day of the request.</summary>
        public int RequestDay { get; init; }

        /// <summary>The window's last day, counted on the calendar workflow.</summary>
        public int LastDay { get; init; }
    }
}
