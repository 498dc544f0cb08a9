using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;
using MarketRules.Cases;
using MarketRules.Complaints;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// <c>report.intake/1</c>: 4,096 reports, each with up to eight earlier reports, decided by <see cref="ReportHandling"/>
/// (the governing order by the receipt date, repeat or merged report under Order 121 Art 35 ¶2, the 15-working-day
/// verification deadline on the statutory calendar) against a Microsoft RulesEngine 6.0.1 workflow deciding the same
/// from the same report. RulesEngine is given, besides the reports, the day Order 121 took force (read by the set-up
/// from the governing-order parameter), the verification period in working days (the parameter in force), and the
/// embedded calendar's rest days and make-up workdays (the same notices); it chooses the order by comparing the receipt
/// day, searches the earlier reports itself, and counts the deadline one day at a time with the shared working-day
/// workflow (<see cref="CalendarRulesEngineWorkflow"/>, as every calendar baseline does). MarketRules resolves its
/// parameters from its table of spans and counts on the calendar's index. The set-up checks that both give every
/// report the same outcome, order and deadline.
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
    private IntakeLawFacts law = null!;
    private readonly CalendarRulesEngineWorkflow calendar = new(NationalCatalog.Law.Calendar);
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        // What RulesEngine is told of the law: the first day of Order 121 from the governing-order parameter, the
        // verification period in force, and the notices' rest days and make-up workdays.
        var order121 = ComplaintParameters.GoverningOrder.Values.Single(v => v.Value == (int)ComplaintOrder.Order121).EffectiveFrom;
        law = new IntakeLawFacts(CalendarRulesEngineWorkflow.DayNumber(order121), (int)NationalCatalog.Law.Resolve(CaseParameters.LeadVerification, order121).Value);
        var random = new Random(23);
        string Person(int n) => "P" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        earlier = new ReportSubmission[Reports][];
        reports = new ReportSubmission[Reports];
        parameters = new RuleParameter[Reports][];
        var lawParameter = new RuleParameter("law", law);
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
            parameters[i] =
            [
                new RuleParameter("r", ReportFacts.From(reports[i])),
                new RuleParameter("earlier", before.Select(ReportFacts.From).ToList()),
                lawParameter,
            ];
        }
        engine = new RulesEngine.RulesEngine(
        [
            new Workflow
            {
                WorkflowName = Workflow,
                Rules =
                [
                    Rule("order-121", "r.Received >= law.Order121From"),
                    Rule("merged-clock-restarted", "r.Received >= law.Order121From && r.AddsNewFacts && earlier.Any(e => e.Reporter == r.Reporter && e.Respondent == r.Respondent)"),
                    Rule("not-handled-again", "r.Received >= law.Order121From && !r.AddsNewFacts && earlier.Any(e => e.Reporter == r.Reporter && e.Respondent == r.Respondent && e.Facts == r.Facts)"),
                ],
            },
            CalendarRulesEngineWorkflow.Workflow,
        ], new ReSettings());
        for (var i = 0; i < Reports; i++)
        {
            var typed = handling.Assess(earlier[i], reports[i]).GetValueOrThrow();
            var explained = handling.Receive(earlier[i], reports[i]).GetValueOrThrow();
            var re = RulesEngineIntake(i);
            if (typed.Outcome != re.Outcome || typed.Order != re.Order || typed.Verification?.LastDay != re.Deadline
                || explained.Outcome != re.Outcome || explained.Order != re.Order || explained.Verification?.LastDay != re.Deadline)
            {
                throw new InvalidOperationException($"Report {i}: MarketRules {typed.Outcome} {typed.Order} {typed.Verification?.LastDay}, RulesEngine {re}");
            }
        }
    }

    /// <summary>The decision alone (<see cref="ReportHandling.Assess"/>): outcome, order and deadline, allocation-free.</summary>
    /// <returns>A checksum of the outcomes and deadlines.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Reports)]
    public int Intake_Decide()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            var intake = handling.Assess(earlier[i], reports[i]).Value;
            checksum += (int)intake.Outcome + (intake.Verification?.LastDay.Day ?? 0);
        }
        return checksum;
    }

    /// <summary>The explained call (<see cref="ReportHandling.Receive"/>): the same decision kept in one object whose explanation is made when read (not read here).</summary>
    /// <returns>A checksum of the outcomes and deadlines.</returns>
    [Benchmark(OperationsPerInvoke = Reports)]
    public int Intake_Explained()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            var intake = handling.Receive(earlier[i], reports[i]).Value!;
            checksum += (int)intake.Outcome + (intake.Verification?.LastDay.Day ?? 0);
        }
        return checksum;
    }

    /// <summary>The explained call with its explanation made (reasons, parameters used, the computed deadline; texts not read).</summary>
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

    /// <summary>The same outcome, order and deadline from RulesEngine.</summary>
    /// <returns>A checksum of the outcomes and deadlines.</returns>
    [Benchmark(OperationsPerInvoke = Reports)]
    public int Intake_RulesEngine()
    {
        var checksum = 0;
        for (var i = 0; i < Reports; i++)
        {
            var intake = RulesEngineIntake(i);
            checksum += (int)intake.Outcome + (intake.Deadline?.Day ?? 0);
        }
        return checksum;
    }

    private (ReportIntakeOutcome Outcome, ComplaintOrder Order, LocalDate? Deadline) RulesEngineIntake(int i)
    {
        var pending = engine.ExecuteAllRulesAsync(Workflow, parameters[i]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var order = results[0].IsSuccess ? ComplaintOrder.Order121 : ComplaintOrder.Order20;
        var outcome = results[1].IsSuccess ? ReportIntakeOutcome.MergedClockRestarted
            : results[2].IsSuccess ? ReportIntakeOutcome.NotHandledAgain
            : ReportIntakeOutcome.Handle;
        if (outcome == ReportIntakeOutcome.NotHandledAgain)
        {
            return (outcome, order, null);
        }
        // The verification period: the working days after the receipt day, each asked of the working-day rule.
        var date = calendar.AddWorkingDays(engine, reports[i].ReceivedOn, law.VerificationDays);
        return (outcome, order, date);
    }

    private static Rule Rule(string name, string expression) =>
        new() { RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = expression };

    /// <summary>A report as RulesEngine reads it.</summary>
    /// <param name="Reporter">Who reported.</param>
    /// <param name="Respondent">Who is reported.</param>
    /// <param name="Facts">The facts' key.</param>
    /// <param name="AddsNewFacts">The report says it adds new facts.</param>
    /// <param name="Received">The receipt day (days since 1970-01-01).</param>
    public sealed record ReportFacts(string Reporter, string Respondent, string Facts, bool AddsNewFacts, int Received)
    {
        internal static ReportFacts From(ReportSubmission s) => new(s.ReporterId, s.RespondentId, s.FactsKey, s.AddsNewFacts, CalendarRulesEngineWorkflow.DayNumber(s.ReceivedOn));
    }

    /// <summary>The law as RulesEngine is told it.</summary>
    /// <param name="Order121From">The first day of Order 121 (days since 1970-01-01), from the governing-order parameter.</param>
    /// <param name="VerificationDays">The verification period in working days, from the parameter in force.</param>
    public sealed record IntakeLawFacts(int Order121From, int VerificationDays);
}
