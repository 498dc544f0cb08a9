using System.Globalization;
using BenchmarkDotNet.Attributes;
using MarketRules.Referral;
using NodaTime;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// 1 M referral decisions (act-date law; 100,000 for RulesEngine, 20,000 explained) four ways: MarketRules' one
/// evaluator without the explanation (<c>Decide</c>) and with it (<c>Explain</c>: the report with its record of every
/// check; <c>Explain_ReadExplanation</c>: its explanation's reasons also made), a bare hand-written if chain with
/// the same thresholds, and a Microsoft RulesEngine 6.0.1 workflow carrying the whole offence catalogue. Times are per
/// decision (OperationsPerInvoke). The set-up checks that they agree on every generated case.
/// </summary>
[MemoryDiagnoser]
public class ReferralBenchmark
{
    private const int Decisions = 1_000_000;
    private const int RulesEngineDecisions = 100_000;
    private const int ExplainedDecisions = 20_000;
    // 1,024 distinct cases (about 100 KB of facts) keep the working set in cache, so the timing measures the
    // decision rather than memory traffic on a shared machine; an 8,192-case run is kept in benchmarks/results.
    private const int Cases = 1024;
    private const string Workflow = "referral";

    private ReferralFacts[] facts = [];
    private RuleParameter[][] parameters = [];
    private CriminalReferral referral = null!;
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        referral = new CriminalReferral(NationalCatalog.Law);
        facts = Generate(new Random(20261123), Cases);
        parameters = [.. facts.Select(f => new[] { new RuleParameter("f", ReCase.From(f)) })];
        engine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = Workflow, Rules = CatalogueRules() }], new ReSettings());
        for (var i = 0; i < Cases; i++)
        {
            var typed = referral.Decide(facts[i], facts[i].ActDate).GetValueOrThrow().Refer;
            var bare = BareIfChain.Refer(facts[i]);
            var explained = referral.Explain(facts[i], facts[i].ActDate).GetValueOrThrow().Decision.Refer;
            var re = RulesEngineRefer(i);
            if (typed != bare || typed != re || typed != explained)
            {
                throw new InvalidOperationException($"Case {i} ({facts[i]}): typed {typed}, explained {explained}, if chain {bare}, RulesEngine {re}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int Decide_TypedPath()
    {
        var refer = 0;
        var all = facts;
        for (var i = 0; i < Decisions; i++)
        {
            ref readonly var f = ref all[i & (Cases - 1)];
            if (referral.Decide(f, f.ActDate).Value.Refer)
            {
                refer++;
            }
        }
        return refer;
    }

    // The same evaluator building its explanation (every check with its citation and margin, zh-CN and en reasons):
    // what the JSON rule and an officer's screen call.
    [Benchmark(OperationsPerInvoke = ExplainedDecisions)]
    public int Explain_TypedPath()
    {
        var refer = 0;
        var all = facts;
        for (var i = 0; i < ExplainedDecisions; i++)
        {
            ref readonly var f = ref all[i & (Cases - 1)];
            if (referral.Explain(f, f.ActDate).Value!.Decision.Refer)
            {
                refer++;
            }
        }
        return refer;
    }

    // The same, and the explanation read as a caller that serialises it would start: its reasons and parameters made
    // (each reason's text is still made only when read).
    [Benchmark(OperationsPerInvoke = ExplainedDecisions)]
    public int Explain_ReadExplanation()
    {
        var reasons = 0;
        var all = facts;
        for (var i = 0; i < ExplainedDecisions; i++)
        {
            ref readonly var f = ref all[i & (Cases - 1)];
            var explanation = referral.Explain(f, f.ActDate).Value!.Explanation;
            reasons += explanation.Reasons.Length + explanation.Parameters.Length;
        }
        return reasons;
    }

    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Decide_BareIfChain()
    {
        var refer = 0;
        var all = facts;
        for (var i = 0; i < Decisions; i++)
        {
            if (BareIfChain.Refer(all[i & (Cases - 1)]))
            {
                refer++;
            }
        }
        return refer;
    }

    // RulesEngine runs 100,000 decisions per invocation (~40 µs each would make one 1 M invocation exceed the
    // in-process toolchain's time limit); the time reported is per decision, like the others.
    [Benchmark(OperationsPerInvoke = RulesEngineDecisions)]
    public int Decide_RulesEngineWorkflow()
    {
        var refer = 0;
        for (var i = 0; i < RulesEngineDecisions; i++)
        {
            if (RulesEngineRefer(i & (Cases - 1)))
            {
                refer++;
            }
        }
        return refer;
    }

    private bool RulesEngineRefer(int index)
    {
        var pending = engine.ExecuteAllRulesAsync(Workflow, parameters[index]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return true;
            }
        }
        return false;
    }

    private static ReferralFacts[] Generate(Random random, int count)
    {
        (CriminalOffence Offence, LocalDate From)[] offences =
        [
            (CriminalOffence.ShoddyProducts, new LocalDate(2001, 1, 1)),
            (CriminalOffence.CounterfeitDrugs, new LocalDate(2005, 1, 1)),
            (CriminalOffence.UnsafeFood, new LocalDate(2005, 1, 1)),
            (CriminalOffence.ShoddyAgriculturalInputs, new LocalDate(2002, 1, 1)),
            (CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2005, 1, 1)),
            (CriminalOffence.SellingCounterfeitMarkGoods, new LocalDate(2005, 1, 1)),
            (CriminalOffence.CounterfeitMarkLabels, new LocalDate(2005, 1, 1)),
            (CriminalOffence.PassingOffPatents, new LocalDate(2005, 1, 1)),
            (CriminalOffence.FalseAdvertising, new LocalDate(2010, 6, 1)),
            (CriminalOffence.IllegalFoodBusiness, new LocalDate(2022, 1, 1)),
        ];
        var end = new LocalDate(2026, 6, 30);
        var result = new ReferralFacts[count];
        for (var i = 0; i < count; i++)
        {
            var (offence, from) = offences[random.Next(offences.Length)];
            var date = from.PlusDays(random.Next(Period.DaysBetween(from, end) + 1));
            var food = random.Next(5) == 0;
            var serviceMark = offence == CriminalOffence.CounterfeitRegisteredMark && random.Next(5) == 0;
            result[i] = new ReferralFacts
            {
                Offence = offence,
                ActDate = date,
                Offender = random.Next(10) < 3 ? OffenderKind.Unit : OffenderKind.Person,
                Sales = Amount(random, 120_000),
                UnsoldValue = random.Next(3) == 0 ? Amount(random, 300_000) : default,
                BusinessVolume = Amount(random, 250_000),
                IllegalGains = Amount(random, 120_000),
                DirectLoss = random.Next(3) == 0 ? Amount(random, 600_000) : default,
                Pieces = random.Next(30_000),
                UnsoldPieces = random.Next(4) == 0 ? random.Next(70_000) : 0,
                Marks = 1 + random.Next(3),
                Patents = 1 + random.Next(2),
                PriorPenaltiesWithinTwoYears = random.Next(10) < 2 ? 1 + random.Next(2) : 0,
                Victims = random.Next(4),
                MinorInjuries = random.Next(20) == 0 ? 1 : 0,
                Harm = random.Next(4) == 0 ? HarmFacts.SufficientToEndangerHealth : HarmFacts.None,
                // A service mark is never on goods of a category (that would be MR.Referral.ConflictingFacts).
                Category = serviceMark ? ProductCategory.Service : food ? ProductCategory.Food : ProductCategory.General,
                ServiceMark = serviceMark,
                Emergency = random.Next(10) == 0,
            };
        }
        return result;
    }

    private static Money Amount(Random random, int maxYuan) => Money.FromFen(random.NextInt64(maxYuan * 100L));

    /// <summary>The whole catalogue as RulesEngine lambda expressions over a flat case; the case is referred when any rule succeeds.</summary>
    private static List<Rule> CatalogueRules()
    {
        const string M = "iif(f.IsUnit && f.Date < 20070405, 3, 1)";
        string[] expressions =
        [
            "f.Offence == 140 && f.Sales >= 50000",
            "f.Offence == 140 && f.Date >= 20010410 && f.Unsold >= 150000",
            "f.Offence == 140 && f.Date >= 20080625 && f.Sales > 0 && f.Sales * 3 + f.Unsold >= 150000",
            "f.Offence >= 141 && f.Offence <= 148 && (f.Sales >= 50000 || (f.Date >= 20010410 && f.Unsold >= 150000) || (f.Date >= 20080625 && f.Sales > 0 && f.Sales * 3 + f.Unsold >= 150000))",
            "f.Offence == 144",
            "f.Offence == 141 && (f.Date >= 20110501 || f.Sufficient || f.Injuries > 0)",
            "f.Offence == 143 && (f.Sufficient || f.Injuries > 0)",
            "f.Offence == 147 && f.Loss >= 20000",
            $"f.Offence == 213 && !(f.Service && f.Date < 20210301) && !(f.Service && f.Date >= 20250426) && f.Marks < 2 && !(f.Date >= 20250426 && f.Prior > 0) && (f.Volume >= 50000 * {M} || f.Gains >= 30000 * {M})",
            $"f.Offence == 213 && !(f.Service && f.Date < 20210301) && !(f.Service && f.Date >= 20250426) && (f.Marks >= 2 || (f.Date >= 20250426 && f.Prior > 0)) && (f.Volume >= 30000 * {M} || f.Gains >= 20000 * {M})",
            "f.Offence == 213 && f.Service && f.Date >= 20250426 && f.Marks < 2 && f.Prior == 0 && f.Gains >= 50000",
            "f.Offence == 213 && f.Service && f.Date >= 20250426 && (f.Marks >= 2 || f.Prior > 0) && f.Gains >= 30000",
            $"f.Offence == 214 && f.Date < 20250426 && f.Sales >= 50000 * {M}",
            $"f.Offence == 214 && f.Date >= 20100507 && f.Date < 20250426 && f.Unsold >= 150000 * {M}",
            $"f.Offence == 214 && f.Date >= 20100507 && f.Date < 20250426 && f.Sales > 0 && f.Sales + f.Unsold >= 150000 * {M}",
            "f.Offence == 214 && f.Date >= 20250426 && (f.Gains >= 30000 || f.Sales >= 50000 || f.Unsold >= 150000 || (f.Sales > 0 && f.Sales + f.Unsold >= 150000))",
            "f.Offence == 214 && f.Date >= 20250426 && f.Prior > 0 && (f.Gains >= 20000 || f.Sales >= 30000 || f.Sales + f.Unsold >= 90000)",
            $"f.Offence == 215 && f.Date < 20250426 && f.Marks < 2 && (f.Pieces >= 20000 * {M} || f.Volume >= 50000 * {M} || f.Gains >= 30000 * {M} || (f.Date >= 20110110 && f.UnsoldPieces > 0 && f.Pieces + f.UnsoldPieces >= 60000 * {M}))",
            $"f.Offence == 215 && f.Date < 20250426 && f.Marks >= 2 && (f.Pieces >= 10000 * {M} || f.Volume >= 30000 * {M} || f.Gains >= 20000 * {M} || (f.Date >= 20110110 && f.UnsoldPieces > 0 && f.Pieces + f.UnsoldPieces >= 30000 * {M}))",
            "f.Offence == 215 && f.Date >= 20250426 && f.Marks < 2 && f.Prior == 0 && (f.Pieces >= 10000 || f.Volume >= 30000 || f.Gains >= 20000 || (f.UnsoldPieces > 0 && f.Pieces + f.UnsoldPieces >= 30000))",
            "f.Offence == 215 && f.Date >= 20250426 && (f.Marks >= 2 || f.Prior > 0) && (f.Pieces >= 5000 || f.Volume >= 20000 || f.Gains >= 10000 || (f.UnsoldPieces > 0 && f.Pieces + f.UnsoldPieces >= 15000))",
            $"f.Offence == 216 && f.Date < 20250426 && f.Patents < 2 && (f.Volume >= 200000 * {M} || f.Gains >= 100000 * {M})",
            $"f.Offence == 216 && f.Date < 20250426 && f.Patents >= 2 && (f.Volume >= 100000 * {M} || f.Gains >= 50000 * {M})",
            $"f.Offence == 216 && f.Date < 20250426 && f.Loss >= 500000 * {M}",
            "f.Offence == 216 && f.Date >= 20250426 && f.Patents < 2 && f.Prior == 0 && (f.Volume >= 200000 || f.Gains >= 100000)",
            "f.Offence == 216 && f.Date >= 20250426 && (f.Patents >= 2 || f.Prior > 0) && (f.Volume >= 100000 || f.Gains >= 50000)",
            "f.Offence == 216 && f.Date >= 20250426 && f.Loss >= 300000",
            "f.Offence == 222 && f.Gains >= 100000",
            "f.Offence == 222 && f.Emergency && f.Gains >= 30000",
            "f.Offence == 222 && f.Date >= 20220515 && f.FoodOrDrug && f.Gains >= 30000",
            "f.Offence == 222 && f.Date < 20220515 && f.Victims <= 1 && f.Loss >= 50000",
            "f.Offence == 222 && f.Date < 20220515 && f.Victims > 1 && f.Loss >= 200000",
            "f.Offence == 222 && (f.Prior >= 2 || f.Injuries > 0 || f.SeriousConsequences)",
            "f.Offence == 225 && (f.Volume >= 100000 || f.Gains >= 50000)",
        ];
        return [.. expressions.Select((e, i) => new Rule
        {
            RuleName = "r" + i.ToString(CultureInfo.InvariantCulture),
            Expression = e,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
        })];
    }

    /// <summary>The flat case RulesEngine evaluates: amounts in yuan, the act date as yyyymmdd.</summary>
    public sealed class ReCase
    {
        public int Offence { get; init; }
        public int Date { get; init; }
        public bool IsUnit { get; init; }
        public decimal Sales { get; init; }
        public decimal Unsold { get; init; }
        public decimal Volume { get; init; }
        public decimal Gains { get; init; }
        public decimal Loss { get; init; }
        public int Pieces { get; init; }
        public int UnsoldPieces { get; init; }
        public int Marks { get; init; }
        public int Patents { get; init; }
        public int Prior { get; init; }
        public int Victims { get; init; }
        public int Injuries { get; init; }
        public bool Sufficient { get; init; }
        public bool SeriousConsequences { get; init; }
        public bool Service { get; init; }
        public bool Emergency { get; init; }
        public bool FoodOrDrug { get; init; }

        public static ReCase From(in ReferralFacts f) => new()
        {
            Offence = (int)f.Offence,
            Date = (f.ActDate.Year * 10000) + (f.ActDate.Month * 100) + f.ActDate.Day,
            IsUnit = f.Offender == OffenderKind.Unit,
            Sales = f.Sales.Yuan,
            Unsold = f.UnsoldValue.Yuan,
            Volume = f.BusinessVolume.Yuan,
            Gains = f.IllegalGains.Yuan,
            Loss = f.DirectLoss.Yuan,
            Pieces = f.Pieces,
            UnsoldPieces = f.UnsoldPieces,
            Marks = f.Marks,
            Patents = f.Patents,
            Prior = f.PriorPenaltiesWithinTwoYears,
            Victims = f.Victims,
            Injuries = f.MinorInjuries + f.SeriousInjuries + f.Deaths,
            Sufficient = (f.Harm & HarmFacts.SufficientToEndangerHealth) != 0,
            SeriousConsequences = (f.Harm & HarmFacts.SeriousConsequences) != 0,
            Service = f.ServiceMark,
            Emergency = f.Emergency,
            FoodOrDrug = f.Category is ProductCategory.Food or ProductCategory.Drug,
        };
    }

    /// <summary>The same thresholds as a bare hand-written if chain: constants in fen, no citations, no explanation, no validation.</summary>
    internal static class BareIfChain
    {
        private const long Y = 100;
        private static readonly LocalDate D2001 = new(2001, 4, 10);
        private static readonly LocalDate D2007 = new(2007, 4, 5);
        private static readonly LocalDate D2008 = new(2008, 6, 25);
        private static readonly LocalDate D2010 = new(2010, 5, 7);
        private static readonly LocalDate D2011 = new(2011, 1, 10);
        private static readonly LocalDate D2011AmendmentVIII = new(2011, 5, 1);
        private static readonly LocalDate D2021 = new(2021, 3, 1);
        private static readonly LocalDate D2022 = new(2022, 5, 15);
        private static readonly LocalDate D2025 = new(2025, 4, 26);

        public static bool Refer(in ReferralFacts f)
        {
            long sales = f.Sales.Fen, unsold = f.UnsoldValue.Fen, volume = f.BusinessVolume.Fen, gains = f.IllegalGains.Fen, loss = f.DirectLoss.Fen;
            var d = f.ActDate;
            var injured = f.MinorInjuries + f.SeriousInjuries + f.Deaths > 0;
            long m = f.Offender == OffenderKind.Unit && d < D2007 ? 3 : 1;
            var l18 = d >= D2025;
            var repeat = l18 && f.PriorPenaltiesWithinTwoYears > 0;
            switch (f.Offence)
            {
                case CriminalOffence.ShoddyProducts:
                    return Art140(sales, unsold, d);
                case CriminalOffence.CounterfeitDrugs:
                    // Before Amendment VIII (2011-05-01) art 141 required 足以严重危害人体健康.
                    return d >= D2011AmendmentVIII || (f.Harm & HarmFacts.SufficientToEndangerHealth) != 0 || injured || Art140(sales, unsold, d);
                case CriminalOffence.ToxicFood:
                    return true;
                case CriminalOffence.UnsafeFood:
                    return (f.Harm & HarmFacts.SufficientToEndangerHealth) != 0 || injured || Art140(sales, unsold, d);
                case CriminalOffence.ShoddyAgriculturalInputs:
                    return loss >= 20_000 * Y || Art140(sales, unsold, d);
                case CriminalOffence.CounterfeitRegisteredMark:
                    {
                        var multi = f.Marks >= 2 || repeat;
                        if (f.ServiceMark)
                        {
                            if (d < D2021)
                            {
                                return false;
                            }
                            if (l18)
                            {
                                return gains >= (multi ? 30_000 : 50_000) * Y;
                            }
                        }
                        return volume >= (multi ? 30_000 : 50_000) * Y * m || gains >= (multi ? 20_000 : 30_000) * Y * m;
                    }
                case CriminalOffence.SellingCounterfeitMarkGoods:
                    if (l18)
                    {
                        return gains >= 30_000 * Y || sales >= 50_000 * Y || unsold >= 150_000 * Y || (sales > 0 && sales + unsold >= 150_000 * Y)
                            || (repeat && (gains >= 20_000 * Y || sales >= 30_000 * Y || sales + unsold >= 90_000 * Y));
                    }
                    return sales >= 50_000 * Y * m || (d >= D2010 && (unsold >= 150_000 * Y * m || (sales > 0 && sales + unsold >= 150_000 * Y * m)));
                case CriminalOffence.CounterfeitMarkLabels:
                    {
                        var multi = f.Marks >= 2 || repeat;
                        long pieces = f.Pieces, all = (long)f.Pieces + f.UnsoldPieces;
                        if (l18)
                        {
                            return pieces >= (multi ? 5_000 : 10_000) || volume >= (multi ? 20_000 : 30_000) * Y || gains >= (multi ? 10_000 : 20_000) * Y
                                || (f.UnsoldPieces > 0 && all >= (multi ? 15_000 : 30_000));
                        }
                        return pieces >= (multi ? 10_000 : 20_000) * m || volume >= (multi ? 30_000 : 50_000) * Y * m || gains >= (multi ? 20_000 : 30_000) * Y * m
                            || (d >= D2011 && f.UnsoldPieces > 0 && all >= (multi ? 30_000 : 60_000) * m);
                    }
                case CriminalOffence.PassingOffPatents:
                    {
                        var multi = f.Patents >= 2 || repeat;
                        return volume >= (multi ? 100_000 : 200_000) * Y * m || gains >= (multi ? 50_000 : 100_000) * Y * m || loss >= (l18 ? 300_000 : 500_000) * Y * m;
                    }
                case CriminalOffence.FalseAdvertising:
                    return gains >= 100_000 * Y || (f.Emergency && gains >= 30_000 * Y)
                        || (d >= D2022 && f.Category is ProductCategory.Food or ProductCategory.Drug && gains >= 30_000 * Y)
                        || (d < D2022 && loss >= (f.Victims <= 1 ? 50_000 : 200_000) * Y)
                        || f.PriorPenaltiesWithinTwoYears >= 2 || injured || (f.Harm & HarmFacts.SeriousConsequences) != 0;
                case CriminalOffence.IllegalFoodBusiness:
                    return volume >= 100_000 * Y || gains >= 50_000 * Y;
                default:
                    return false;
            }
        }

        private static bool Art140(long sales, long unsold, LocalDate d) =>
            sales >= 50_000 * Y || (d >= D2001 && unsold >= 150_000 * Y) || (d >= D2008 && sales > 0 && (sales * 3) + unsold >= 150_000 * Y);
    }
}
