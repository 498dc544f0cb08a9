using BenchmarkDotNet.Configs;
using MarketRules.Benchmarks.Baselines;
using MarketRules.Calendar;

namespace MarketRules.Benchmarks;

/// <summary>
/// Working-day arithmetic on the statutory calendar's precomputed index against the obvious implementation that
/// walks the calendar one day at a time asking <see cref="StatutoryCalendar.IsWorkingDay"/>. The index must not
/// depend on N; the walk grows linearly with it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkingDaysBenchmark
{
    private StatutoryCalendar calendar = null!;
    private LocalDate start;
    private LocalDate end;

    /// <summary>The number of working days: a statement period, a month of case handling, a year.</summary>
    [Params(5, 20, 250)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        calendar = StatutoryCalendar.China;
        // A start before National Day 2024, so every N crosses holidays and make-up workdays.
        start = new LocalDate(2024, 9, 20);
        end = calendar.AddWorkingDays(start, N);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AddWorkingDays")]
    public LocalDate AddWorkingDays_DayByDayLoop()
    {
        var date = start;
        for (var left = N; left > 0;)
        {
            date = date.PlusDays(1);
            if (calendar.IsWorkingDay(date))
            {
                left--;
            }
        }
        return date;
    }

    [Benchmark]
    [BenchmarkCategory("AddWorkingDays")]
    public LocalDate AddWorkingDays_Index() => calendar.AddWorkingDays(start, N);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("CountWorkingDays")]
    public int CountWorkingDays_DayByDayLoop()
    {
        var count = 0;
        for (var date = start.PlusDays(1); date <= end; date = date.PlusDays(1))
        {
            if (calendar.IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }

    [Benchmark]
    [BenchmarkCategory("CountWorkingDays")]
    public int CountWorkingDays_Index() => calendar.CountWorkingDays(start, end);
}

/// <summary>
/// A working-day deadline (5 working days from Friday 2024-09-27, across National Day and its make-up Saturday) against
/// Microsoft RulesEngine on the same input (issue 11). RulesEngine has no calendar: the workflow is given the embedded
/// calendar's rest days and make-up workdays (the same notices, as day numbers) and decides one day at a time whether
/// it is a working day, the caller counting to the fifth — the decision a user without the library's index would make.
/// The set-up checks that both land on the same day.
/// </summary>
[MemoryDiagnoser]
public class WorkingDaysRulesEngineBenchmark
{
    private static readonly LocalDate Trigger = new(2024, 9, 27);
    private static readonly LegalPeriod Five = LegalPeriod.WorkingDays(5);

    private readonly PeriodCalculator periods = PeriodCalculator.China;
    private readonly CalendarRulesEngineWorkflow calendar = new(StatutoryCalendar.China);
    private RulesEngine.RulesEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = new RulesEngine.RulesEngine([CalendarRulesEngineWorkflow.Workflow], new RulesEngine.Models.ReSettings());
        if (RulesEngine_Deadline() != Deadline_Decision())
        {
            throw new InvalidOperationException($"RulesEngine {RulesEngine_Deadline()}, the calendar {Deadline_Decision()}");
        }
    }

    [Benchmark(Baseline = true)]
    public LocalDate RulesEngine_Deadline() => calendar.AddWorkingDays(engine, Trigger, Five.Length);

    [Benchmark]
    public LocalDate Deadline_Decision() => periods.Deadline(Trigger, Five).LastDay;
}
