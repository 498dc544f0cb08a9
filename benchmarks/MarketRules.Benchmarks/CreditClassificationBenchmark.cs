using System.Collections.Generic;
using MarketRules.Credit;

namespace MarketRules.Benchmarks;

/// <summary>
/// Classifies 1 M enterprises (target: ≥ 5 M classifications/s on 2 cores, zero allocations per classification).
/// The baseline is what a user would write without the struct policy: weights looked up by name in a dictionary.
/// </summary>
[MemoryDiagnoser]
public class CreditClassificationBenchmark
{
    private const int Enterprises = 1_000_000;

    private CreditIndicators[] indicators = [];
    private CreditRiskClass[] classes = [];
    private Dictionary<string, int>[] rows = [];
    private readonly Dictionary<string, (int Weight, int Cap)> weights = new(StringComparer.Ordinal)
    {
        ["basic-attributes"] = (2, 10), ["late-annual-reports"] = (8, 5), ["penalties"] = (10, 6),
        ["heavier-penalties"] = (30, 3), ["related-parties"] = (5, 4), ["complaints"] = (2, 10),
    };

    private readonly CreditRiskPolicy policy = CreditRiskPolicy.Example;

    [GlobalSetup]
    public void Setup()
    {
        // Seeded generator: the same directory on every run.
        var random = new Random(20_260_401);
        indicators = new CreditIndicators[Enterprises];
        rows = new Dictionary<string, int>[Enterprises];
        classes = new CreditRiskClass[Enterprises];
        for (var i = 0; i < Enterprises; i++)
        {
            var x = new CreditIndicators(random.Next(0, 11), random.Next(0, 3) == 0 ? random.Next(1, 4) : 0, random.Next(0, 5) == 0 ? random.Next(1, 4) : 0,
                random.Next(0, 30) == 0 ? 1 : 0, random.Next(0, 10) == 0 ? 1 : 0, random.Next(0, 6), random.Next(0, 20) == 0, random.Next(0, 200) == 0);
            indicators[i] = x;
            rows[i] = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["basic-attributes"] = x.BasicAttributes, ["late-annual-reports"] = x.LateAnnualReports, ["penalties"] = x.Penalties,
                ["heavier-penalties"] = x.HeavierPenalties, ["related-parties"] = x.RelatedParties, ["complaints"] = x.Complaints,
                ["abnormal"] = x.OnAbnormalList ? 1 : 0, ["serious"] = x.OnSeriousList ? 1 : 0,
            };
        }
    }

    /// <summary>Naive: weights by name, a LINQ-free but dictionary-bound scorer.</summary>
    [Benchmark(Baseline = true)]
    public int Classify_DictionaryScorer()
    {
        var d = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            CreditRiskClass result;
            if (row["serious"] == 1)
            {
                result = CreditRiskClass.D;
            }
            else
            {
                var score = 0;
                foreach (var (name, (weight, cap)) in weights)
                {
                    score += weight * Math.Min(row[name], cap);
                }
                result = score >= 70 ? CreditRiskClass.D : score >= 35 ? CreditRiskClass.C : score >= 10 ? CreditRiskClass.B : CreditRiskClass.A;
                if (row["abnormal"] == 1 && result < CreditRiskClass.C)
                {
                    result = CreditRiskClass.C;
                }
            }
            classes[i] = result;
            d += result == CreditRiskClass.D ? 1 : 0;
        }
        return d;
    }

    /// <summary>The library's hot path, one core.</summary>
    [Benchmark]
    public int Classify_Policy()
    {
        var d = 0;
        var source = indicators;
        var target = classes;
        for (var i = 0; i < source.Length; i++)
        {
            var result = policy.Classify(in source[i]);
            target[i] = result;
            d += result == CreditRiskClass.D ? 1 : 0;
        }
        return d;
    }

    /// <summary>The hot path over 2 cores (two halves in parallel).</summary>
    [Benchmark]
    public int Classify_PolicyTwoCores()
    {
        var source = indicators;
        var target = classes;
        var half = source.Length / 2;
        var counts = new int[2];
        Parallel.For(0, 2, part =>
        {
            var start = part == 0 ? 0 : half;
            var end = part == 0 ? half : source.Length;
            var d = 0;
            for (var i = start; i < end; i++)
            {
                var result = policy.Classify(in source[i]);
                target[i] = result;
                d += result == CreditRiskClass.D ? 1 : 0;
            }
            counts[part] = d;
        });
        return counts[0] + counts[1];
    }
}

/// <summary>
/// The same classification against Microsoft RulesEngine on the same 4,096 enterprises (issue 11): the decision alone
/// (allocation-free), the explained call (one object, explanation made when read), the explanation made, and the RulesEngine workflow whose expressions take the
/// policy's weights, caps and cut points (<c>benchmarks/Shared/CreditRulesEngineWorkflow.cs</c>). The set-up checks
/// that both give every enterprise the same class.
/// </summary>
[MemoryDiagnoser]
public class CreditRulesEngineBenchmark
{
    private const int Enterprises = 4096;
    private static readonly LocalDate AsOf = new(2026, 6, 30);

    private readonly CreditRiskPolicy policy = CreditRiskPolicy.Example;
    private CreditIndicators[] indicators = [];
    private RulesEngine.Models.RuleParameter[][] facts = [];
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_260_401);
        indicators = new CreditIndicators[Enterprises];
        facts = new RulesEngine.Models.RuleParameter[Enterprises][];
        for (var i = 0; i < Enterprises; i++)
        {
            // Every other enterprise near the cut points, so every class and both lists occur.
            var x = new CreditIndicators(random.Next(0, 11), random.Next(0, 3) == 0 ? random.Next(1, 4) : 0, random.Next(0, 5) == 0 ? random.Next(1, 4) : 0,
                random.Next(0, 30) == 0 ? 1 : 0, random.Next(0, 10) == 0 ? 1 : 0, random.Next(0, 6), random.Next(0, 20) == 0, random.Next(0, 200) == 0);
            indicators[i] = x;
            facts[i] = [new RulesEngine.Models.RuleParameter(Baselines.CreditRulesEngineWorkflow.Parameter, Baselines.CreditFacts.From(x))];
        }
        engine = Baselines.CreditRulesEngineWorkflow.Create(policy);
        for (var i = 0; i < Enterprises; i++)
        {
            if (policy.Classify(in indicators[i]) != Baselines.CreditRulesEngineWorkflow.Classify(engine, facts[i]))
            {
                throw new InvalidOperationException($"Enterprise {i}: the two classes differ");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Enterprises)]
    public int RulesEngine_Classify()
    {
        var d = 0;
        for (var i = 0; i < Enterprises; i++)
        {
            d += Baselines.CreditRulesEngineWorkflow.Classify(engine, facts[i]) == CreditRiskClass.D ? 1 : 0;
        }
        return d;
    }

    [Benchmark(OperationsPerInvoke = Enterprises)]
    public int Classify_DecisionOnly()
    {
        var d = 0;
        for (var i = 0; i < Enterprises; i++)
        {
            d += policy.Classify(in indicators[i]) == CreditRiskClass.D ? 1 : 0;
        }
        return d;
    }

    /// <summary>The explained call (<see cref="CreditRiskPolicy.Explain"/>): class, score and basis in one object whose
    /// explanation is made when read (not read here).</summary>
    [Benchmark(OperationsPerInvoke = Enterprises)]
    public int Classify_Explained()
    {
        var score = 0;
        for (var i = 0; i < Enterprises; i++)
        {
            var c = policy.Explain(in indicators[i], AsOf);
            score += c.Score + (int)c.Basis;
        }
        return score;
    }

    /// <summary>The explained call with its explanation made (reasons; texts not read).</summary>
    [Benchmark(OperationsPerInvoke = Enterprises)]
    public int Classify_WithExplanation()
    {
        var reasons = 0;
        for (var i = 0; i < Enterprises; i++)
        {
            reasons += policy.Explain(in indicators[i], AsOf).Explanation.Reasons.Length;
        }
        return reasons;
    }
}
