using System.Globalization;
using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;
using MarketRules.Complaints;
using MarketRules.Parameters;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// A complaint transition and a reward decision, MarketRules against a Microsoft RulesEngine 6.0.1 workflow on the
/// same logic. For transitions (a 2026 Order 121 journey: receipt, acceptance, mediation, testing, agreement, closing),
/// RulesEngine gets each (state, event) row of the table as a rule and the guards as expressions over the facts, and
/// decides from the same dates as the library: the governing order from the receipt day (the date read from the
/// catalogue), and for the guards on the mediation limit the limit itself — its length from a rule per dated value of
/// the two mediation parameters (values, units and dates read from the catalogue), the testing days the caller recorded
/// added, and the days counted on <see cref="CalendarRulesEngineWorkflow"/> (the workflow given the embedded calendar's
/// rest days and make-up workdays and asked day by day). MarketRules' <c>Apply</c> also records every deadline met or
/// missed and checks the calendar's range; RulesEngine gives no explanation. The set-up checks that both reach the same
/// state on every step and the same mediation limit where a guard reads it. For rewards, both decide eligibility
/// (Zhejiang's 10万) and the amount (percentage, floor, cap) per case.
/// </summary>
[MemoryDiagnoser]
public class ComplaintBenchmark
{
    private const int Steps = 100_000;
    private const int RulesEngineSteps = 20_000;
    private const string TransitionWorkflow = "complaint";
    private const string RewardWorkflow = "reward";
    private const string MediationPeriodWorkflow = "complaint-mediation-period";

    private ComplaintStateMachine machine = null!;
    private (ComplaintSnapshot Before, ComplaintEvent Event, ComplaintState To)[] steps = [];
    private ReJourney[] transitionFacts = [];
    private readonly CalendarRulesEngineWorkflow calendar = new(NationalCatalog.Law.Calendar);
    private readonly Dictionary<string, (ParameterUnit Unit, int Length)> mediationPeriods = [];
    private ReportRewardCalculator calculator = null!;
    private RewardCase[] rewards = [];
    private RuleParameter[][] rewardParameters = [];
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        machine = new ComplaintStateMachine(NationalCatalog.Law);
        static Instant At(int m, int d) => new LocalDate(2026, m, d).At(new LocalTime(10, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();
        ComplaintEvent[] journey =
        [
            new(ComplaintEventKind.Received, At(4, 15)),
            new(ComplaintEventKind.Accepted, At(4, 17)),
            new(ComplaintEventKind.MediationStarted, At(4, 20)) { BothPartiesConsent = true },
            new(ComplaintEventKind.TestingStarted, At(4, 27)) { Pause = MediationPause.Testing },
            new(ComplaintEventKind.TestingEnded, At(5, 8)),
            new(ComplaintEventKind.AgreementReached, At(6, 10)),
            new(ComplaintEventKind.Closed, At(6, 11)),
        ];
        var list = new List<(ComplaintSnapshot, ComplaintEvent, ComplaintState)>();
        var facts = new List<ReJourney>();
        var snapshot = ComplaintSnapshot.Initial;
        // What a caller without the library records as the events come: the receipt and acceptance days, the testing intervals.
        LocalDate received = default, accepted = default;
        LocalDate? testingSince = null;
        var testing = new List<(LocalDate Start, LocalDate End)>();
        foreach (var e in journey)
        {
            var result = machine.Apply(snapshot, e);
            if (!result.Accepted)
            {
                throw new InvalidOperationException("The benchmark journey must be legal: " + result.Error);
            }
            var date = LegalTime.DateOf(e.At);
            facts.Add(new ReJourney(snapshot.State, e, date, received, accepted, [.. testing, .. testingSince is { } open && date > open ? new[] { (open, date.PlusDays(-1)) } : []]));
            list.Add((snapshot, e, result.Snapshot.State));
            snapshot = result.Snapshot;
            switch (e.Kind)
            {
                case ComplaintEventKind.Received: received = date; break;
                case ComplaintEventKind.Accepted: accepted = date; break;
                case ComplaintEventKind.TestingStarted: testingSince = date; break;
                case ComplaintEventKind.TestingEnded:
                    if (date > testingSince!.Value)
                    {
                        testing.Add((testingSince.Value, date.PlusDays(-1)));
                    }
                    testingSince = null;
                    break;
            }
        }
        steps = [.. list];
        transitionFacts = [.. facts];
        if (NationalCatalog.Law.Resolve(ComplaintParameters.RollOnWeekend, received).Value != 1)
        {
            throw new InvalidOperationException("The RulesEngine baseline rolls a last day on any rest day forward, as Order 121 Art 45 does with the national value");
        }

        calculator = new ReportRewardCalculator(RewardPolicyPacks.WithAll(NationalCatalog.Law).For(Jurisdiction.Parse("330000").GetValueOrThrow()));
        var random = new Random(20261206);
        rewards = [.. Enumerable.Range(0, 1024).Select(_ => new RewardCase
        {
            ClosedOn = new LocalDate(2026, 6, 30), Level = (RewardLevel)random.Next(1, 4), SuspectedCrime = random.Next(0, 10) == 0,
            FinesAndConfiscations = Money.FromYuan(random.Next(0, 6) switch { 0 => random.Next(0, 100_000), 1 => 100_000, _ => random.Next(100_000, 40_000_000) }),
        })];
        rewardParameters = [.. rewards.Select(r => new[] { new RuleParameter("r", ReReward.From(r)) })];

        engine = new RulesEngine.RulesEngine(
        [
            new Workflow { WorkflowName = TransitionWorkflow, Rules = TransitionRules() },
            new Workflow { WorkflowName = MediationPeriodWorkflow, Rules = MediationPeriodRules() },
            CalendarRulesEngineWorkflow.Workflow,
            new Workflow { WorkflowName = RewardWorkflow, Rules = RewardRules() },
        ], new ReSettings());
        for (var i = 0; i < steps.Length; i++)
        {
            var re = RulesEngineTransition(i);
            if (re != steps[i].To)
            {
                throw new InvalidOperationException($"Step {i}: MarketRules {steps[i].To}, RulesEngine {re}");
            }
            if (NeedsMediationLimit(steps[i].Event.Kind))
            {
                var (before, e, _) = steps[i];
                var limit = machine.Deadlines(before, LegalTime.DateOf(e.At)).Single(d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay;
                if (RulesEngineMediationLimit(transitionFacts[i]) != limit)
                {
                    throw new InvalidOperationException($"Step {i}: mediation limit {limit}, RulesEngine {RulesEngineMediationLimit(transitionFacts[i])}");
                }
            }
        }
        for (var i = 0; i < rewards.Length; i++)
        {
            var typed = calculator.Decide(rewards[i]).GetValueOrThrow().Amount.Yuan;
            var re = RulesEngineReward(i);
            if (typed != re)
            {
                throw new InvalidOperationException($"Reward {i} ({rewards[i]}): MarketRules {typed}, RulesEngine {re}");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public long Transition_Apply()
    {
        long checksum = 0;
        for (var i = 0; i < Steps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            checksum += (int)machine.Apply(before, e).Snapshot.State;
        }
        return checksum;
    }

    /// <summary>The explained step (<c>Transition</c>): decided at once, its deadlines and explanation made when read (not read here).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Transition_Explained()
    {
        long checksum = 0;
        for (var i = 0; i < Steps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            checksum += (int)machine.Transition(before, e).Value!.To;
        }
        return checksum;
    }

    /// <summary>The explained step with its explanation made and its reasons' Chinese texts read.</summary>
    [Benchmark(OperationsPerInvoke = RulesEngineSteps)]
    public long Transition_ExplanationRead()
    {
        long checksum = 0;
        for (var i = 0; i < RulesEngineSteps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            foreach (var reason in machine.Transition(before, e).Value!.Explanation.Reasons)
            {
                checksum += reason.Message.Chinese.Length;
            }
        }
        return checksum;
    }

    [Benchmark(OperationsPerInvoke = RulesEngineSteps)]
    public long Transition_RulesEngine()
    {
        long checksum = 0;
        for (var i = 0; i < RulesEngineSteps; i++)
        {
            checksum += (int)RulesEngineTransition(i % steps.Length);
        }
        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public decimal Reward_Decide()
    {
        var total = 0m;
        for (var i = 0; i < Steps; i++)
        {
            total += calculator.Decide(rewards[i & 1023]).Value!.Amount.Yuan;
        }
        return total;
    }

    /// <summary>The reward decided and its explanation read: every reason's text and arguments made (<c>Reward_Decide</c>
    /// builds the explanation but leaves its texts unread; the calculator has no decision-only path).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public int Reward_ReadExplanation()
    {
        var characters = 0;
        for (var i = 0; i < Steps; i++)
        {
            foreach (var reason in calculator.Decide(rewards[i & 1023]).Value!.Explanation.Reasons)
            {
                characters += reason.Message.Chinese.Length + reason.Arguments.Count;
            }
        }
        return characters;
    }

    [Benchmark(OperationsPerInvoke = RulesEngineSteps)]
    public decimal Reward_RulesEngine()
    {
        var total = 0m;
        for (var i = 0; i < RulesEngineSteps; i++)
        {
            total += RulesEngineReward(i & 1023);
        }
        return total;
    }

    private ComplaintState RulesEngineTransition(int index)
    {
        var f = transitionFacts[index];
        static int Number(LocalDate d) => (d.Year * 10000) + (d.Month * 100) + d.Day;
        var limit = NeedsMediationLimit(f.Event.Kind) ? RulesEngineMediationLimit(f) : f.Date;
        var step = new ReStep
        {
            State = f.State.ToString(), Event = f.Event.Kind.ToString(), Date = Number(f.Date), Consent = f.Event.BothPartiesConsent, Pause = f.Event.Pause.ToString(),
            LimitDay = Number(limit),
        };
        var pending = engine.ExecuteAllRulesAsync(TransitionWorkflow, [new RuleParameter("t", step)]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return Enum.Parse<ComplaintState>(result.Rule.SuccessEvent);
            }
        }
        return ComplaintState.None;
    }

    private static bool NeedsMediationLimit(ComplaintEventKind kind) =>
        kind is ComplaintEventKind.MediationStarted or ComplaintEventKind.TestingStarted or ComplaintEventKind.AgreementReached;

    // The mediation limit from the caller's dates: the period in force on the receipt day (a workflow rule per dated
    // value), the testing days added (calendar days, or the working days among them for a period in working days,
    // asked of the calendar workflow), counted from acceptance on the calendar workflow.
    private LocalDate RulesEngineMediationLimit(ReJourney f)
    {
        var pending = engine.ExecuteAllRulesAsync(MediationPeriodWorkflow, [new RuleParameter("m", new ReReceipt { Received = CalendarRulesEngineWorkflow.DayNumber(f.Received) })]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var (unit, length) = mediationPeriods[results.First(r => r.IsSuccess).Rule.RuleName];
        var excluded = 0;
        foreach (var (start, end) in f.Testing)
        {
            for (var day = start; day <= end; day = day.PlusDays(1))
            {
                excluded += unit == ParameterUnit.WorkingDays && !calendar.IsWorkingDay(engine, day) ? 0 : 1;
            }
        }
        return unit == ParameterUnit.WorkingDays
            ? calendar.AddWorkingDays(engine, f.Accepted, length + excluded)
            : calendar.AddDaysRolledForward(engine, f.Accepted, length + excluded);
    }

    /// <summary>One rule per dated value of the two mediation limits, in force on the receipt days it covers (values, units, dates from the catalogue).</summary>
    private List<Rule> MediationPeriodRules()
    {
        var rules = new List<Rule>();
        foreach (var parameter in new[] { ComplaintParameters.MediationLimitWorkingDays, ComplaintParameters.MediationLimitDays })
        {
            for (var v = 0; v < parameter.Values.Length; v++)
            {
                var value = parameter.Values[v];
                var until = value.EffectiveUntil ?? (v + 1 < parameter.Values.Length ? parameter.Values[v + 1].EffectiveFrom : (LocalDate?)null);
                var name = $"{parameter.Id}@{value.EffectiveFrom:uuuu-MM-dd}";
                mediationPeriods[name] = (parameter.Unit, (int)value.Value);
                rules.Add(new Rule
                {
                    RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = $"m.Received >= {CalendarRulesEngineWorkflow.DayNumber(value.EffectiveFrom)}"
                        + (until is { } u ? $" && m.Received < {CalendarRulesEngineWorkflow.DayNumber(u)}" : ""),
                });
            }
        }
        return rules;
    }

    private decimal RulesEngineReward(int index)
    {
        var pending = engine.ExecuteAllRulesAsync(RewardWorkflow, rewardParameters[index]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return result.ActionResult.Exception is { } ex
                    ? throw new InvalidOperationException("RulesEngine output expression failed", ex)
                    : Convert.ToDecimal(result.ActionResult.Output, CultureInfo.InvariantCulture);
            }
        }
        return 0m;
    }

    // The first day an order governs complaints, as yyyymmdd, from the catalogue.
    private static int FirstOrderInForce => ComplaintParameters.GoverningOrder.Values[0].EffectiveFrom is var d ? (d.Year * 10000) + (d.Month * 100) + d.Day : 0;

    /// <summary>One rule per row of the transition table, with the guards the journey exercises.</summary>
    private static List<Rule> TransitionRules() =>
    [
        .. ComplaintTransitionTable.Rows.Select((row, i) => new Rule
        {
            RuleName = "row" + i.ToString(CultureInfo.InvariantCulture),
            SuccessEvent = row.To.ToString(),
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = $"t.State == \"{row.From}\" && t.Event == \"{row.Event}\""
                + row.Event switch
                {
                    ComplaintEventKind.MediationStarted => " && t.Consent && t.Date <= t.LimitDay",
                    ComplaintEventKind.TestingStarted => " && (t.Pause == \"Testing\" || t.Pause == \"Appraisal\") && t.Date <= t.LimitDay",
                    ComplaintEventKind.AgreementReached => " && t.Date <= t.LimitDay",
                    ComplaintEventKind.Received => $" && t.Date >= {FirstOrderInForce}",
                    _ => "",
                },
        }),
    ];

    /// <summary>Eligibility and amount: 5 / 3 / 1 %, floors 5,000 / 3,000 / 1,000, cap 1,000,000, Zhejiang's 100,000 threshold inclusive.</summary>
    private static List<Rule> RewardRules() =>
    [
        new Rule
        {
            RuleName = "reward",
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = "r.Natural && r.Verified && (r.Crime || r.Fines >= 100000)",
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo
                {
                    Name = "OutputExpression",
                    Context = new Dictionary<string, object>
                    {
                        ["expression"] = "Math.Min(1000000M, Math.Max(r.Level == 1 ? 5000M : r.Level == 2 ? 3000M : 1000M, "
                            + "Math.Round(r.Fines * (r.Level == 1 ? 0.05M : r.Level == 2 ? 0.03M : 0.01M), 2)))",
                    },
                },
            },
        },
    ];

    /// <summary>The flat step RulesEngine evaluates: names as strings, dates as yyyymmdd, the mediation limit as RulesEngine counted it.</summary>
    public sealed class ReStep
    {
        public string State { get; init; } = "";
        public string Event { get; init; } = "";
        public int Date { get; init; }
        public bool Consent { get; init; }
        public string Pause { get; init; } = "";
        public int LimitDay { get; init; }
    }

    /// <summary>The receipt day (days since 1970-01-01) the mediation period is chosen by.</summary>
    public sealed class ReReceipt
    {
        public int Received { get; init; }
    }

    /// <summary>What the RulesEngine caller knows at a step: the state, the event, its day, and the dates it recorded (receipt, acceptance, testing intervals so far).</summary>
    private sealed record ReJourney(ComplaintState State, ComplaintEvent Event, LocalDate Date, LocalDate Received, LocalDate Accepted, (LocalDate Start, LocalDate End)[] Testing);

    /// <summary>The flat reward case RulesEngine evaluates.</summary>
    public sealed class ReReward
    {
        public bool Natural { get; init; }
        public bool Verified { get; init; }
        public bool Crime { get; init; }
        public decimal Fines { get; init; }
        public int Level { get; init; }

        internal static ReReward From(RewardCase r) => new()
        {
            Natural = r.ReporterIsNaturalPerson, Verified = r.VerifiedAndClosed, Crime = r.SuspectedCrime, Fines = r.FinesAndConfiscations.Yuan, Level = (int)r.Level,
        };
    }
}
