using MarketRules.Complaints;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// <c>report.intake/1</c>: 4,096 reports, each with up to eight earlier reports, decided by <see cref="ReportHandling"/>
/// (the governing order, repeat or merged report under Order 121 Art 35 ¶2, the verification deadline on the statutory
/// calendar, the explanation) against a Microsoft RulesEngine 6.0.1 workflow stating the same outcome over the same
/// reports (RulesEngine searches the earlier reports itself) with the order chosen and no deadline counted — RulesEngine
/// has no dated law and no calendar, so the comparison favours it.
/// </summary>
[MemoryDiagnoser]
public class ReportIntakeBenchmark
{
    private const int Reports = 4096;
    private const string Workflow = "report-intake";

    private readonly ReportHandling handling = new(NationalCatalog.Law);
    private ReportSubmission[][] earlier = [];
    private ReportSubmission[] reports = [];
    private RuleParameter[][] parameters = [];
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(23);
        string Person(int n) => "P" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        earlier = new ReportSubmission[Reports][];
        reports = new ReportSubmission[Reports];
        parameters = new RuleParameter[Reports][];
        for (var i = 0; i < Reports; i++)
        {
            // Dates on both sides of Order 121 (in force 2026-04-15), so both orders govern; few reporters and respondents, so
            // repeats and merges are common.
            var day = new LocalDate(2025, 6, 2).PlusDays(random.Next(0, 500));
            var before = new ReportSubmission[random.Next(0, 9)];
            for (var k = 0; k < before.Length; k++)
            {
                before[k] = new ReportSubmission(day.PlusDays(-1 - random.Next(0, 60)), Person(random.Next(0, 4)), Person(random.Next(0, 4)), "F" + random.Next(0, 3));
            }
            earlier[i] = before;
            reports[i] = new ReportSubmission(day, Person(random.Next(0, 4)), Person(random.Next(0, 4)), "F" + random.Next(0, 3), AddsNewFacts: random.Next(0, 4) == 0);
            var order121 = handling.Receive(before, reports[i]).GetValueOrThrow().Order == ComplaintOrder.Order121;
            parameters[i] =
            [
                new RuleParameter("r", new ReportFacts(reports[i].ReporterId, reports[i].RespondentId, reports[i].FactsKey, reports[i].AddsNewFacts, order121)),
                new RuleParameter("earlier", before.Select(e => new ReportFacts(e.ReporterId, e.RespondentId, e.FactsKey, false, order121)).ToList()),
            ];
        }
        engine = new RulesEngine.RulesEngine([new Workflow
        {
            WorkflowName = Workflow,
            Rules =
            [
                Rule("merged-clock-restarted", "r.Order121 && r.AddsNewFacts && earlier.Any(e => e.Reporter == r.Reporter && e.Respondent == r.Respondent)"),
                Rule("not-handled-again", "r.Order121 && !r.AddsNewFacts && earlier.Any(e => e.Reporter == r.Reporter && e.Respondent == r.Respondent && e.Facts == r.Facts)"),
            ],
        }], new ReSettings());
        for (var i = 0; i < Reports; i++)
        {
            if (Typed(i) != RulesEngineOutcome(i))
            {
                throw new InvalidOperationException($"Report {i}: MarketRules {Typed(i)}, RulesEngine {RulesEngineOutcome(i)}");
            }
        }
    }

    /// <summary>The typed intake: the decision alone (its explanation is made only when read).</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Reports)]
    public int Intake_Decide()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            checksum += (int)Typed(i);
        }
        return checksum;
    }

    /// <summary>The typed intake with its explanation read (reasons, parameters used, the computed deadline).</summary>
    /// <returns>A checksum of the outcomes and reasons.</returns>
    [Benchmark(OperationsPerInvoke = Reports)]
    public int Intake_WithExplanation()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            var intake = handling.Receive(earlier[i], reports[i]).GetValueOrThrow();
            checksum += (int)intake.Outcome + intake.Explanation.Reasons.Length;
        }
        return checksum;
    }

    /// <summary>The same outcome from RulesEngine, the order given and no deadline counted.</summary>
    /// <returns>A checksum of the outcomes.</returns>
    [Benchmark(OperationsPerInvoke = Reports)]
    public int Intake_RulesEngine()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            checksum += (int)RulesEngineOutcome(i);
        }
        return checksum;
    }

    private ReportIntakeOutcome Typed(int i) => handling.Receive(earlier[i], reports[i]).GetValueOrThrow().Outcome;

    private ReportIntakeOutcome RulesEngineOutcome(int i)
    {
        var pending = engine.ExecuteAllRulesAsync(Workflow, parameters[i]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return results[0].IsSuccess ? ReportIntakeOutcome.MergedClockRestarted
            : results[1].IsSuccess ? ReportIntakeOutcome.NotHandledAgain
            : ReportIntakeOutcome.Handle;
    }

    private static Rule Rule(string name, string expression) =>
        new() { RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = expression };

    /// <summary>A report as RulesEngine reads it.</summary>
    /// <param name="Reporter">Who reported.</param>
    /// <param name="Respondent">Who is reported.</param>
    /// <param name="Facts">The facts' key.</param>
    /// <param name="AddsNewFacts">The report says it adds new facts.</param>
    /// <param name="Order121">Order 121 governs (chosen by the caller from the receipt date).</param>
    public sealed record ReportFacts(string Reporter, string Respondent, string Facts, bool AddsNewFacts, bool Order121);
}
