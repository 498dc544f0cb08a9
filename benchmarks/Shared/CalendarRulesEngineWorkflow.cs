using MarketRules.Calendar;
using RulesEngine.Models;

namespace MarketRules.Benchmarks.Baselines;

/// <summary>
/// The statutory calendar as Microsoft RulesEngine can be given it: RulesEngine has no calendar, so the workflow is
/// handed the embedded calendar's rest days and make-up workdays (the same notices, as day numbers) and decides one day
/// at a time whether it is a working day; the caller walks the days and counts. Stated once here for every benchmark
/// that counts a legal period on the RulesEngine side (the working-day deadline, the spot-check re-test window, the
/// complaint deadlines).
/// </summary>
public sealed class CalendarRulesEngineWorkflow
{
    /// <summary>The workflow's name; its facts are passed as <c>d</c> (<see cref="DayFacts"/>).</summary>
    public const string WorkingDay = "working-day";

    private static readonly LocalDate Epoch = new(1970, 1, 1);
    private readonly HashSet<int> restDays = [];
    private readonly HashSet<int> makeUpDays = [];

    /// <summary>The calendar's rest days and make-up workdays, read once.</summary>
    /// <param name="calendar">The statutory calendar the library counts on.</param>
    public CalendarRulesEngineWorkflow(StatutoryCalendar calendar)
    {
        foreach (var year in calendar.Years)
        {
            foreach (var rest in year.Rest)
            {
                foreach (var day in rest.Days)
                {
                    restDays.Add(DayNumber(day));
                }
            }
            foreach (var day in year.MakeUpWorkdays)
            {
                makeUpDays.Add(DayNumber(day));
            }
        }
    }

    /// <summary>The workflow: a day is a working day when no notice makes it a rest day, and it is a weekday or a make-up workday.</summary>
    public static Workflow Workflow { get; } = new()
    {
        WorkflowName = WorkingDay,
        Rules =
        [
            new Rule
            {
                RuleName = "working-day", RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = "!d.RestDays.Contains(d.Day) && (d.Weekday <= 5 || d.MakeUpDays.Contains(d.Day))",
            },
        ],
    };

    /// <summary>The day number RulesEngine compares: days since 1970-01-01.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The number.</returns>
    public static int DayNumber(LocalDate day) => NodaTime.Period.DaysBetween(Epoch, day);

    /// <summary>Asks the workflow whether <paramref name="day"/> is a working day.</summary>
    /// <param name="engine">An engine holding <see cref="Workflow"/>.</param>
    /// <param name="day">The day.</param>
    /// <returns>Whether it is.</returns>
    public bool IsWorkingDay(RulesEngine.RulesEngine engine, LocalDate day)
    {
        var facts = new DayFacts { Day = DayNumber(day), Weekday = (int)day.DayOfWeek, RestDays = restDays, MakeUpDays = makeUpDays };
        var pending = engine.ExecuteAllRulesAsync(WorkingDay, [new RuleParameter("d", facts)]);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return results[0].IsSuccess;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="trigger"/> (not counted), asking the workflow day by day.</summary>
    /// <param name="engine">An engine holding <see cref="Workflow"/>.</param>
    /// <param name="trigger">The day of the event.</param>
    /// <param name="count">The working days.</param>
    /// <returns>The last day.</returns>
    public LocalDate AddWorkingDays(RulesEngine.RulesEngine engine, LocalDate trigger, int count)
    {
        var date = trigger;
        for (var left = count; left > 0;)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(engine, date))
            {
                left--;
            }
        }
        return date;
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="trigger"/>, counted in C# beside RulesEngine from
    /// the same notices: what a user who keeps the calendar out of the workflow would write.
    /// </summary>
    /// <param name="trigger">The day of the event.</param>
    /// <param name="count">The working days.</param>
    /// <returns>The last day.</returns>
    public LocalDate AddWorkingDaysBeside(LocalDate trigger, int count)
    {
        var date = trigger;
        for (var left = count; left > 0;)
        {
            date = date.PlusDays(1);
            var day = DayNumber(date);
            if (!restDays.Contains(day) && ((int)date.DayOfWeek <= 5 || makeUpDays.Contains(day)))
            {
                left--;
            }
        }
        return date;
    }

    /// <summary>The last day of <paramref name="days"/> calendar days after <paramref name="trigger"/>, moved to the next working day when it is a rest day (asked of the workflow).</summary>
    /// <param name="engine">An engine holding <see cref="Workflow"/>.</param>
    /// <param name="trigger">The day of the event.</param>
    /// <param name="days">The calendar days.</param>
    /// <returns>The last day.</returns>
    public LocalDate AddDaysRolledForward(RulesEngine.RulesEngine engine, LocalDate trigger, int days)
    {
        var date = trigger.PlusDays(days);
        while (!IsWorkingDay(engine, date))
        {
            date = date.PlusDays(1);
        }
        return date;
    }

    /// <summary>One day as RulesEngine sees it.</summary>
    public sealed class DayFacts
    {
        /// <summary>The day number (days since 1970-01-01).</summary>
        public int Day { get; init; }

        /// <summary>ISO weekday, Monday 1 … Sunday 7.</summary>
        public int Weekday { get; init; }

        /// <summary>The rest days of the notices.</summary>
        public HashSet<int> RestDays { get; init; } = [];

        /// <summary>The make-up workdays of the notices.</summary>
        public HashSet<int> MakeUpDays { get; init; } = [];
    }
}
