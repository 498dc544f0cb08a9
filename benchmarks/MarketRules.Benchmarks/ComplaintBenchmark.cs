using System.Globalization;
using MarketRules.Calendar;
using MarketRules.Complaints;
using MarketRules.Parameters;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// A complaint transition and a reward decision, MarketRules against a Microsoft RulesEngine 6.0.1 workflow on the
/// same logic. For transitions, RulesEngine gets each (state, event) row of the table as a rule and the guards as
/// expressions over the facts; it cannot count the statutory calendar, so it is handed the mediation limit's last day
/// precomputed, while MarketRules computes every deadline. For rewards, both decide eligibility (Zhejiang's 10万) and
/// the amount (percentage, floor, cap) per case.
/// </summary>
[MemoryDiagnoser]
public class ComplaintBenchmark
{
    private const int Steps = 100_000;
    private const int RulesEngineSteps = 20_000;
    private const string TransitionWorkflow = "complaint";
    private const string RewardWorkflow = "reward";

    private ComplaintStateMachine machine = null!;
    private (ComplaintSnapshot Before, ComplaintEvent Event, ComplaintState To)[] steps = [];
    private RuleParameter[][] transitionParameters = [];
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
        var snapshot = ComplaintSnapshot.Initial;
        foreach (var e in journey)
        {
            var result = machine.Apply(snapshot, e);
            if (!result.Accepted)
            {
                throw new InvalidOperationException("The benchmark journey must be legal: " + result.Error);
            }
            list.Add((snapshot, e, result.Snapshot.State));
            snapshot = result.Snapshot;
        }
        steps = [.. list];
        transitionParameters = [.. steps.Select(s => new[] { new RuleParameter("t", ReStep.From(machine, s.Before, s.Event)) })];

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
            new Workflow { WorkflowName = RewardWorkflow, Rules = RewardRules() },
        ], new ReSettings());
        for (var i = 0; i < steps.Length; i++)
        {
            var re = RulesEngineTransition(i);
            if (re != steps[i].To)
            {
                throw new InvalidOperationException($"Step {i}: MarketRules {steps[i].To}, RulesEngine {re}");
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

    [Benchmark(OperationsPerInvoke = RulesEngineSteps)]
    public long Transition_Explained()
    {
        long checksum = 0;
        for (var i = 0; i < RulesEngineSteps; i++)
        {
            var (before, e, _) = steps[i % steps.Length];
            checksum += machine.Transition(before, e).Value!.Deadlines.Length;
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
        var pending = engine.ExecuteAllRulesAsync(TransitionWorkflow, transitionParameters[index]);
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
                    ComplaintEventKind.Received => " && t.Date >= 20200101",
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

    /// <summary>The flat step RulesEngine evaluates: names as strings, dates as yyyymmdd, the mediation limit precomputed.</summary>
    public sealed class ReStep
    {
        public string State { get; init; } = "";
        public string Event { get; init; } = "";
        public int Date { get; init; }
        public bool Consent { get; init; }
        public string Pause { get; init; } = "";
        public int LimitDay { get; init; }

        internal static ReStep From(ComplaintStateMachine machine, ComplaintSnapshot s, ComplaintEvent e)
        {
            var date = LegalTime.DateOf(e.At);
            var limit = machine.Deadlines(s, date).FirstOrDefault(d => d.Kind == ComplaintDeadlineKind.Mediation)?.LastDay ?? new LocalDate(2026, 12, 31);
            static int Number(LocalDate d) => (d.Year * 10000) + (d.Month * 100) + d.Day;
            return new ReStep
            {
                State = s.State.ToString(), Event = e.Kind.ToString(), Date = Number(date), Consent = e.BothPartiesConsent, Pause = e.Pause.ToString(), LimitDay = Number(limit),
            };
        }
    }

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
