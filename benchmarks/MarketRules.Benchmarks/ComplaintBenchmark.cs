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
/// state on every step and the same mediation limit where a guard reads it. For rewards, both decide eligibility and
/// the amount from the same case: MarketRules reads the measures' ratios, floors, cap and Zhejiang's 较大数额 as of the
/// closing day from its table of spans (resolved once per calculator); RulesEngine's expression takes the same
/// parameters, resolved by the set-up through the same law context for the closing day (so RulesEngine does no date
/// lookup: favouring it), and decides natural person, verified, major violation (crime or the threshold, inclusive),
/// percentage, floor and cap. The set-up checks that both give every case the same eligibility and amount.
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
    private RuleParameter rewardLaw = null!;
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
            list.Add((snapshot, e, result.To));
            snapshot = result.ApplyTo(snapshot);
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
        rewardLaw = new RuleParameter("law", ReRewardLaw.Resolve(calculator.Law, new LocalDate(2026, 6, 30)));
        rewardParameters = [.. rewards.Select(r => new[] { new RuleParameter("r", ReReward.From(r)), rewardLaw })];

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
            var typed = calculator.Assess(rewards[i]).GetValueOrThrow();
            var decided = calculator.Decide(rewards[i]).GetValueOrThrow();
            var (eligible, amount) = RulesEngineRewardDecision(i);
            if (typed.Eligible != eligible || typed.Amount.Yuan != amount || decided.Eligible != eligible || decided.Amount.Yuan != amount)
            {
                throw new InvalidOperationException($"Reward {i} ({rewards[i]}): MarketRules {typed.Eligible} {typed.Amount.Yuan}, RulesEngine {eligible} {amount}");
            }
        }
    }

    /// <summary>The typed decision (<c>Apply</c>): every guard, the new state and a refusal's facts; the new snapshot is not made.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Transition_Apply()
    {
        long checksum = 0;
        for (var i = 0; i < Steps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            checksum += (int)machine.Apply(before, e).To;
        }
        return checksum;
    }

    /// <summary>The decision and the new snapshot (<c>Apply</c> then <c>ApplyTo</c>), as a caller keeping the complaint does.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Transition_ApplyTo()
    {
        long checksum = 0;
        for (var i = 0; i < Steps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            checksum += machine.Apply(before, e).ApplyTo(before).EventCount;
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

    /// <summary>The decision alone (<see cref="ReportRewardCalculator.Assess"/>): eligibility, level, amount; allocation-free.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Reward_Assess()
    {
        long total = 0;
        for (var i = 0; i < Steps; i++)
        {
            total += calculator.Assess(rewards[i & 1023]).Value.Amount.Fen;
        }
        return total;
    }

    /// <summary>The explained call (<see cref="ReportRewardCalculator.Decide"/>): the same decision kept in one object whose
    /// explanation is made when read (not read here).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Reward_Decide()
    {
        long total = 0;
        for (var i = 0; i < Steps; i++)
        {
            total += calculator.Decide(rewards[i & 1023]).Value!.Amount.Fen;
        }
        return total;
    }

    /// <summary>The explained call with its explanation made (reasons and parameters used; texts not read).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public int Reward_Explained()
    {
        var reasons = 0;
        for (var i = 0; i < Steps; i++)
        {
            reasons += calculator.Decide(rewards[i & 1023]).Value!.Explanation.Reasons.Length;
        }
        return reasons;
    }

    /// <summary>The reward decided and its explanation read: every reason's text and arguments made.</summary>
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
            total += RulesEngineRewardDecision(i & 1023).Amount;
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

    private (bool Eligible, decimal Amount) RulesEngineRewardDecision(int index)
    {
        var pending = engine.ExecuteAllRulesAsync(RewardWorkflow, rewardParameters[index]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return result.ActionResult.Exception is { } ex
                    ? throw new InvalidOperationException("RulesEngine output expression failed", ex)
                    : (true, Convert.ToDecimal(result.ActionResult.Output, CultureInfo.InvariantCulture));
            }
        }
        return (false, 0m);
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

    /// <summary>Eligibility and amount from the parameters in force (<see cref="ReRewardLaw"/>): natural person, verified,
    /// major violation (crime, or fines at or above the 较大数额), the level's percentage rounded to the fen (Math.Round's
    /// default, half to even, where the library rounds half away from zero: the cases are whole yuan, so no half fen
    /// occurs and the set-up check holds), raised to the level's floor, lowered to the cap.</summary>
    private static List<Rule> RewardRules() =>
    [
        new Rule
        {
            RuleName = "reward",
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = "r.Natural && r.Verified && (r.Crime || r.Fines >= law.LargeAmount)",
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo
                {
                    Name = "OutputExpression",
                    Context = new Dictionary<string, object>
                    {
                        ["expression"] = "Math.Min(law.Cap, Math.Max(r.Level == 1 ? law.Floor1 : r.Level == 2 ? law.Floor2 : law.Floor3, "
                            + "Math.Round(r.Fines * (r.Level == 1 ? law.Ratio1 : r.Level == 2 ? law.Ratio2 : law.Ratio3), 2)))",
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

    /// <summary>The reward parameters in force on a day, resolved through the calculator's law context (the same values
    /// the library reads), as RulesEngine's second input.</summary>
    public sealed class ReRewardLaw
    {
        public decimal Ratio1 { get; init; }
        public decimal Ratio2 { get; init; }
        public decimal Ratio3 { get; init; }
        public decimal Floor1 { get; init; }
        public decimal Floor2 { get; init; }
        public decimal Floor3 { get; init; }
        public decimal Cap { get; init; }
        public decimal LargeAmount { get; init; }

        internal static ReRewardLaw Resolve(LawContext law, LocalDate day) => new()
        {
            Ratio1 = law.Resolve(RewardParameters.Level1Ratio, day).Value, Ratio2 = law.Resolve(RewardParameters.Level2Ratio, day).Value,
            Ratio3 = law.Resolve(RewardParameters.Level3Ratio, day).Value, Floor1 = law.Resolve(RewardParameters.Level1Floor, day).Value,
            Floor2 = law.Resolve(RewardParameters.Level2Floor, day).Value, Floor3 = law.Resolve(RewardParameters.Level3Floor, day).Value,
            Cap = law.Resolve(RewardParameters.CapPerCase, day).Value, LargeAmount = law.Resolve(RewardParameters.LargeAmount, day).Value,
        };
    }
}
