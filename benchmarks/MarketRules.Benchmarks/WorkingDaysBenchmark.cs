using BenchmarkDotNet.Configs;
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
