using System.Globalization;
using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;
using MarketRules.Credit;
using RulesEngine.Models;

namespace MarketRules.Benchmarks;

/// <summary>
/// <c>credit.publication/1</c>: the publication dates of 4,096 penalty decisions (2020–2025, both sides of SAMR Order 45;
/// warnings, summary procedure, cross-province, food and drugs, restrictions that outlast the term) decided by
/// <see cref="PenaltyPublication"/>, against a Microsoft RulesEngine 6.0.1 workflow given the same decision.
/// </summary>
/// <remarks>
/// What each side does. The library: whether published, the publish-by day (20 working days, or 10 + 10 across
/// provinces, on the statutory calendar), the term (3 years, or 3 months for criticism and lower-amount fines; a longer
/// restriction extends it) and the first day repair may be applied for (6 or 12 months), each from the parameter in force.
/// RulesEngine: one workflow states the published/short/sensitive/never-stops/cross-province conditions over the same
/// measures and dates, and a second one the term's last day and repair date as output expressions; its parameters (the
/// periods, Order 45's first day, the lower-fine threshold) are read from the same catalogue, not restated. RulesEngine
/// has no calendar, so the publish-by day is counted in two ways, each a row: <c>RulesEngine_CalendarInWorkflow</c> asks
/// the shared working-day workflow (<see cref="CalendarRulesEngineWorkflow"/>) one day at a time (the literal reading of
/// "RulesEngine on the same input"), and <c>RulesEngine_CalendarCountedBeside</c> counts the working days in C# beside
/// RulesEngine from the same notices (what a user would more likely write). The set-up checks that all three agree on
/// every decision and every date.
/// </remarks>
[MemoryDiagnoser]
public class PenaltyPublicationBenchmark
{
    private const int Decisions = 4096;
    private const string Conditions = "publication";
    private const string Term = "publication-term";
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    private readonly MarketRules.Parameters.LawContext law = NationalCatalog.Law;
    private PenaltyRecord[] penalties = [];
    private RuleParameter[][] conditionFacts = [];
    private RulesEngine.RulesEngine engine = null!;
    private readonly CalendarRulesEngineWorkflow calendar = new(StatutoryCalendar.China);
    private int publishDays;
    private int crossProvinceStep;

    [GlobalSetup]
    public void Setup()
    {
        // The workflow's numbers come from the catalogue: the regime of Order 45 (its values' first day) and its periods.
        var order45 = CreditParameters.PublicationStandardPeriod.Values[0].EffectiveFrom;
        int Value(MarketRules.Parameters.ParameterDefinition p) => (int)law.Resolve(p, order45).Value;
        publishDays = Value(CreditParameters.PublicationDeadline);
        crossProvinceStep = Value(CreditParameters.PublicationCrossProvinceStep);
        var p = new PublicationParameters
        {
            Order45Day = CalendarRulesEngineWorkflow.DayNumber(order45), LowerFine = law.Resolve(CreditParameters.LowerAmountFine, order45).Value,
            StandardYears = Value(CreditParameters.PublicationStandardPeriod), ShortMonths = Value(CreditParameters.PublicationShortPeriod),
            RepairMonths = Value(CreditParameters.RepairMinimum), RepairMonthsSensitive = Value(CreditParameters.RepairMinimumSensitive),
        };

        var random = new Random(45);
        var measures = Enum.GetValues<PenaltyMeasure>();
        penalties = new PenaltyRecord[Decisions];
        conditionFacts = new RuleParameter[Decisions][];
        for (var i = 0; i < Decisions; i++)
        {
            var decided = new LocalDate(2020, 3, 2).PlusDays(random.Next(0, 2000));
            // Mostly fines, as bureaus decide them; sometimes a warning alone, criticism or a heavier measure beside the fine.
            PenaltyMeasure[] imposed = random.Next(0, 6) switch
            {
                0 => [PenaltyMeasure.Warning],
                1 => [PenaltyMeasure.PublicCriticism],
                2 => [PenaltyMeasure.Fine, measures[random.Next(0, measures.Length)]],
                _ => [PenaltyMeasure.Fine],
            };
            var penalty = new PenaltyRecord("P-" + i.ToString(CultureInfo.InvariantCulture), decided, [.. imposed.Distinct()])
            {
                Fine = Money.FromYuan(random.Next(1, 200) * 500),
                Field = (PenaltyField)random.Next(0, 4),
                SummaryProcedure = random.Next(0, 10) == 0,
                CrossProvince = random.Next(0, 5) == 0,
                RestrictionEndsOn = random.Next(0, 8) == 0 ? decided.PlusDays(random.Next(30, 2500)) : null,
            };
            penalties[i] = penalty;
            conditionFacts[i] =
            [
                new RuleParameter("f", new PenaltyFacts
                {
                    Decided = CalendarRulesEngineWorkflow.DayNumber(decided), Measures = [.. penalty.Measures.Select(m => m.ToString())], Fine = penalty.Fine.Yuan,
                    Field = penalty.Field.ToString(), Summary = penalty.SummaryProcedure, CrossProvince = penalty.CrossProvince,
                }),
                new RuleParameter("p", p),
            ];
        }
        engine = new RulesEngine.RulesEngine(
        [
            new Workflow
            {
                WorkflowName = Conditions,
                Rules =
                [
                    Rule("published", "!f.Summary && !(f.Measures.All(m => m == \"Warning\") && f.Decided >= p.Order45Day)"),
                    Rule("short", "f.Measures.All(m => m == \"Warning\" || m == \"PublicCriticism\" || m == \"Fine\")"
                        + " && (!f.Measures.Contains(\"Fine\") || (p.LowerFine > 0 && f.Fine <= p.LowerFine))"),
                    Rule("sensitive", "f.Field == \"Food\" || f.Field == \"Drugs\" || f.Field == \"SpecialEquipment\""),
                    Rule("never-stops", "f.Measures.Any(m => m == \"Suspension\" || m == \"BusinessRestriction\" || m == \"EmploymentBan\""
                        + " || m == \"QualificationLowered\" || m == \"LicenceRevoked\" || m == \"BusinessLicenceRevoked\")"),
                    Rule("cross-province", "f.CrossProvince && f.Decided >= p.Order45Day"),
                ],
            },
            new Workflow
            {
                WorkflowName = Term,
                Rules =
                [
                    Output("last-day", "t.ShortTerm ? t.Start.AddMonths(p.ShortMonths) : t.Start.AddYears(p.StandardYears)"),
                    Output("repair-from", "(t.Sensitive ? t.Start.AddMonths(p.RepairMonthsSensitive) : t.Start.AddMonths(p.RepairMonths)).AddDays(1)"),
                ],
            },
            CalendarRulesEngineWorkflow.Workflow,
        ], new ReSettings());
        for (var i = 0; i < Decisions; i++)
        {
            var library = PenaltyPublication.Decide(penalties[i], law).Value;
            var inWorkflow = RulesEngineDates(i, calendarInWorkflow: true);
            var beside = RulesEngineDates(i, calendarInWorkflow: false);
            if (library != inWorkflow || library != beside)
            {
                throw new InvalidOperationException($"Decision {i} ({penalties[i]}): library {library}, RulesEngine {inWorkflow} / {beside}");
            }
        }
    }

    /// <summary>The dates alone (<see cref="PenaltyPublication.Decide(PenaltyRecord, MarketRules.Parameters.LawContext, LocalDate?)"/>).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions)]
    public int Decide()
    {
        var published = 0;
        for (var i = 0; i < Decisions; i++)
        {
            published += PenaltyPublication.Decide(penalties[i], law).Value.Published ? 1 : 0;
        }
        return published;
    }

    /// <summary>The schedule with its explanation (<see cref="PenaltyPublication.Schedule"/>).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Decisions)]
    public int Schedule_Explained()
    {
        var reasons = 0;
        for (var i = 0; i < Decisions; i++)
        {
            reasons += PenaltyPublication.Schedule(penalties[i], law).Value!.Explanation.Reasons.Length;
        }
        return reasons;
    }

    /// <summary>RulesEngine, the working days asked of the working-day workflow one day at a time.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Decisions)]
    public int RulesEngine_CalendarInWorkflow()
    {
        var published = 0;
        for (var i = 0; i < Decisions; i++)
        {
            published += RulesEngineDates(i, calendarInWorkflow: true).Published ? 1 : 0;
        }
        return published;
    }

    /// <summary>RulesEngine, the working days counted in C# beside it from the same notices.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Decisions)]
    public int RulesEngine_CalendarCountedBeside()
    {
        var published = 0;
        for (var i = 0; i < Decisions; i++)
        {
            published += RulesEngineDates(i, calendarInWorkflow: false).Published ? 1 : 0;
        }
        return published;
    }

    private PublicationDates RulesEngineDates(int i, bool calendarInWorkflow)
    {
        var outcome = Execute(Conditions, conditionFacts[i]);
        if (!outcome[0].IsSuccess)
        {
            return default;
        }
        var facts = (PenaltyFacts)conditionFacts[i][0].Value;
        var decided = Epoch.PlusDays(facts.Decided);
        var publishBy = outcome[4].IsSuccess
            ? AddWorkingDays(AddWorkingDays(decided, crossProvinceStep, calendarInWorkflow), crossProvinceStep, calendarInWorkflow)
            : AddWorkingDays(decided, publishDays, calendarInWorkflow);
        var term = new TermFacts { Start = publishBy.ToDateTimeUnspecified(), ShortTerm = outcome[1].IsSuccess, Sensitive = outcome[2].IsSuccess };
        var dates = Execute(Term, [new RuleParameter("t", term), conditionFacts[i][1]]);
        var lastDay = LocalDate.FromDateTime((DateTime)dates[0].ActionResult.Output);
        var restriction = penalties[i].RestrictionEndsOn;
        if (!term.ShortTerm && restriction is { } r && r > lastDay)
        {
            lastDay = r;
        }
        LocalDate? repairFrom = term.ShortTerm || outcome[3].IsSuccess ? null : LocalDate.FromDateTime((DateTime)dates[1].ActionResult.Output);
        return new PublicationDates(publishBy, publishBy, lastDay, repairFrom, term.ShortTerm);
    }

    private LocalDate AddWorkingDays(LocalDate from, int count, bool calendarInWorkflow) =>
        calendarInWorkflow ? calendar.AddWorkingDays(engine, from, count) : calendar.AddWorkingDaysBeside(from, count);

    private List<RuleResultTree> Execute(string workflow, RuleParameter[] facts)
    {
        var pending = engine.ExecuteAllRulesAsync(workflow, facts);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.ActionResult?.Exception is { } failed)
            {
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed", failed);
            }
        }
        return results;
    }

    private static Rule Rule(string name, string expression) =>
        new() { RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = expression };

    private static Rule Output(string name, string expression) => new()
    {
        RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "true",
        Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new Dictionary<string, object> { ["expression"] = expression } } },
    };

    /// <summary>A penalty decision as RulesEngine reads it.</summary>
    public sealed class PenaltyFacts
    {
        /// <summary>The decision day (days since 1970-01-01).</summary>
        public int Decided { get; init; }

        /// <summary>The measures imposed, by name.</summary>
        public List<string> Measures { get; init; } = [];

        /// <summary>The fine in yuan.</summary>
        public decimal Fine { get; init; }

        /// <summary>The field, by name.</summary>
        public string Field { get; init; } = "";

        /// <summary>Summary procedure.</summary>
        public bool Summary { get; init; }

        /// <summary>Registered in another province.</summary>
        public bool CrossProvince { get; init; }
    }

    /// <summary>The term's start and kind.</summary>
    public sealed class TermFacts
    {
        /// <summary>The first day published.</summary>
        public DateTime Start { get; init; }

        /// <summary>The short term applies.</summary>
        public bool ShortTerm { get; init; }

        /// <summary>Food, drugs or special equipment.</summary>
        public bool Sensitive { get; init; }
    }

    /// <summary>The parameters in force, read from the catalogue.</summary>
    public sealed class PublicationParameters
    {
        /// <summary>Order 45's first day (days since 1970-01-01).</summary>
        public int Order45Day { get; init; }

        /// <summary>The lower-amount fine threshold in yuan (0 nationally).</summary>
        public decimal LowerFine { get; init; }

        /// <summary>The standard term in years.</summary>
        public int StandardYears { get; init; }

        /// <summary>The short term in months.</summary>
        public int ShortMonths { get; init; }

        /// <summary>Months published before repair.</summary>
        public int RepairMonths { get; init; }

        /// <summary>Months published before repair, food, drugs and special equipment.</summary>
        public int RepairMonthsSensitive { get; init; }
    }
}
