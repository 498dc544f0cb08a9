using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Calendar;

/// <summary>
/// Mainland China's statutory working-day calendar: weekends (国务院关于职工工作时间的规定 第七条), public holidays and
/// make-up workdays (调休) from the State Council's annual notices. The calendar answers only for the years whose
/// notices it holds; a date outside them is an error, never a guess.
/// </summary>
/// <remarks>
/// <para>Queries run on a precomputed index: whether a day is a working day, the N-th working day after a date
/// and the count of working days between two dates are each answered in O(1), whatever N is.</para>
/// <para>The calendar is extensible without a new release: <see cref="WithYear"/> adds a new year's notice (or
/// replaces one, for a local calendar) and returns a new calendar; <see cref="WithYears"/> does so for every year of a
/// notices file. Hosts load such files from configuration (<c>MarketRules:CalendarYears</c>) and the CLI with
/// <c>--calendar-year</c>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class StatutoryCalendar
{
    private static readonly Lazy<StatutoryCalendar> LazyChina = new(() => CalendarData.LoadEmbedded());

    private readonly LocalDate firstDay;
    private readonly int firstDayNumber;
    private readonly DayKind[] kinds;

    // workingBefore[i] = number of working days among the first i days of the index (days 0..i-1).
    private readonly int[] workingBefore;

    // workingDays[k] = day offset of the k-th working day (0-based) in the index.
    private readonly int[] workingDays;

    // days[i] = the i-th day of the index: a day found by its offset is read, not computed (NodaTime's PlusDays over
    // thousands of days converts through the days since the epoch on every call).
    private readonly LocalDate[] days;

    private StatutoryCalendar(ImmutableArray<CalendarYear> years)
    {
        Years = years;
        FirstYear = years[0].Year;
        LastYear = years[^1].Year;
        firstDay = new LocalDate(FirstYear, 1, 1);
        firstDayNumber = firstDay.ToDateOnly().DayNumber;
        var lastDay = new LocalDate(LastYear, 12, 31);
        var dayCount = Period.DaysBetween(firstDay, lastDay) + 1;
        kinds = new DayKind[dayCount];
        days = new LocalDate[dayCount];
        var date = firstDay;
        for (var i = 0; i < dayCount; i++, date = date.PlusDays(1))
        {
            days[i] = date;
            kinds[i] = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayKind.Weekend : DayKind.WorkingDay;
        }
        foreach (var year in years)
        {
            foreach (var rest in year.Rest)
            {
                foreach (var day in rest.Days)
                {
                    if (TryOffset(day, out var offset))
                    {
                        kinds[offset] = DayKind.HolidayRest;
                    }
                }
            }
            foreach (var day in year.MakeUpWorkdays)
            {
                if (TryOffset(day, out var offset))
                {
                    kinds[offset] = DayKind.MakeUpWorkday;
                }
            }
        }
        workingBefore = new int[dayCount + 1];
        var working = new List<int>(dayCount * 3 / 4);
        for (var i = 0; i < dayCount; i++)
        {
            var isWorking = kinds[i] is DayKind.WorkingDay or DayKind.MakeUpWorkday;
            workingBefore[i + 1] = workingBefore[i] + (isWorking ? 1 : 0);
            if (isWorking)
            {
                working.Add(i);
            }
        }
        workingDays = [.. working];
    }

    /// <summary>
    /// The calendar of mainland China from 2016 to 2026, built from the State Council's notices and shipped
    /// with the library.
    /// </summary>
    public static StatutoryCalendar China => LazyChina.Value;

    /// <summary>The first year the calendar knows.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the calendar knows.</summary>
    public int LastYear { get; }

    /// <summary>The notices, one per year, in year order.</summary>
    public ImmutableArray<CalendarYear> Years { get; }

    /// <summary>The first day the calendar answers for.</summary>
    public LocalDate FirstDay => firstDay;

    /// <summary>The last day the calendar answers for.</summary>
    public LocalDate LastDay => new(LastYear, 12, 31);

    /// <summary>Creates a calendar from consecutive years of notices.</summary>
    /// <param name="years">The notices; their years must be consecutive with no gap and no repeat.</param>
    /// <returns>The calendar, or the coded errors in the data.</returns>
    public static RuleResult<StatutoryCalendar> Create(IEnumerable<CalendarYear> years)
    {
        Preconditions.CheckNotNull(years);
        var ordered = years.OrderBy(y => y.Year).ToImmutableArray();
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (ordered.IsEmpty)
        {
            errors.Add(KernelErrors.CalendarDataInvalid.Create("$.years", ("Year", "-"), ("Detail", "no year given")));
        }
        for (var i = 0; i < ordered.Length; i++)
        {
            errors.AddRange(ordered[i].Validate());
            if (i > 0 && ordered[i].Year != ordered[i - 1].Year + 1)
            {
                errors.Add(KernelErrors.CalendarDataInvalid.Create("$.years", ("Year", ordered[i].Year),
                    ("Detail", ordered[i].Year == ordered[i - 1].Year ? "the year is given twice" : $"the years jump from {ordered[i - 1].Year}")));
            }
        }
        // Read without Count: a mutation tool turns `errors.Count` into a `Sum` that does not compile.
        var found = errors.ToImmutable();
        return found.IsEmpty
            ? RuleResult<StatutoryCalendar>.Success(new StatutoryCalendar(ordered))
            : RuleResult<StatutoryCalendar>.Failure(found);
    }

    /// <summary>
    /// Returns a calendar with one more year's notice (the year after <see cref="LastYear"/>), or with a known
    /// year's notice replaced (a corrected notice, a local calendar).
    /// </summary>
    /// <param name="year">The notice.</param>
    /// <returns>The new calendar, or the coded errors; this calendar is unchanged either way.</returns>
    public RuleResult<StatutoryCalendar> WithYear(CalendarYear year)
    {
        Preconditions.CheckNotNull(year);
        return WithYears([year]);
    }

    /// <summary>
    /// Returns a calendar with several years' notices added or replaced at once, e.g. every year of a notices file
    /// (<see cref="CalendarData.ParseYears"/>); the years after <see cref="LastYear"/> must follow it without a gap.
    /// </summary>
    /// <param name="years">The notices; a year given twice is refused.</param>
    /// <returns>The new calendar, or the coded errors; this calendar is unchanged either way.</returns>
    public RuleResult<StatutoryCalendar> WithYears(IEnumerable<CalendarYear> years)
    {
        Preconditions.CheckNotNull(years);
        var added = years.ToImmutableArray();
        if (added.Contains(null!))
        {
            throw new ArgumentException("A year's notice is null.", nameof(years));
        }
        var replaced = added.Select(y => y.Year).ToHashSet();
        return Create(Years.Where(y => !replaced.Contains(y.Year)).Concat(added));
    }

    /// <summary>Whether the calendar can answer for a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date lies between <see cref="FirstDay"/> and <see cref="LastDay"/>.</returns>
    public bool Covers(LocalDate date) => TryOffset(date, out _);

    /// <summary>How the calendar classes a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The kind of day.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the date lies outside the known years.</exception>
    public DayKind GetDayKind(LocalDate date)
    {
        // Read without out variables in the conditional: a mutation tool that guards it would leave them unassigned (CS0165).
        var covered = TryGetDayKind(date, out var kind);
        return covered ? kind : throw OutOfRange(date);
    }

    /// <summary>How the calendar classes a day, without throwing (<see cref="GetDayKind"/>).</summary>
    /// <param name="date">The day.</param>
    /// <param name="kind">The kind of day, when the calendar covers it.</param>
    /// <returns><see langword="false"/> when the date lies outside the known years.</returns>
    internal bool TryGetDayKind(LocalDate date, out DayKind kind)
    {
        if (TryOffset(date, out var offset))
        {
            kind = kinds[offset];
            return true;
        }
        kind = default;
        return false;
    }

    /// <summary>Whether a day is a working day (an ordinary weekday or a make-up workday).</summary>
    /// <param name="date">The day.</param>
    /// <returns>Whether it is a working day.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the date lies outside the known years.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        // Read without out variables in the conditional, as in GetDayKind.
        var covered = TryGetDayKind(date, out var kind);
        return covered ? kind is DayKind.WorkingDay or DayKind.MakeUpWorkday : throw OutOfRange(date);
    }

    /// <summary>
    /// The N-th working day after a date; the date itself is not counted (民法典 第二百零一条). For N = 0, the date itself.
    /// </summary>
    /// <param name="date">The day of the triggering event.</param>
    /// <param name="workingDays">N, zero or more.</param>
    /// <returns>The N-th working day after <paramref name="date"/>.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when N is negative (<c>MR.Period.Negative</c>).</exception>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the date or the result lies outside the known years.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int workingDays)
    {
        // Read without out variables in the conditional, as in GetDayKind.
        var covered = TryAddWorkingDays(date, workingDays, out var result);
        return covered ? result : throw OutOfRange(result);
    }

    /// <summary>
    /// <see cref="AddWorkingDays"/> without throwing for a date outside the calendar: for a decision that reports the
    /// calendar's range as a coded error (<see cref="OutOfRangeError"/>) instead of catching an exception.
    /// </summary>
    /// <param name="date">The day of the triggering event.</param>
    /// <param name="workingDays">N, zero or more.</param>
    /// <param name="result">The N-th working day after <paramref name="date"/>; when the answer is <see langword="false"/>, the date outside the calendar that <see cref="AddWorkingDays"/> would have named.</param>
    /// <returns><see langword="false"/> when the date or the result lies outside the known years.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when N is negative (<c>MR.Period.Negative</c>): a caller's error, not the calendar's range.</exception>
    internal bool TryAddWorkingDays(LocalDate date, int workingDays, out LocalDate result)
    {
        if (workingDays < 0)
        {
            throw new InvalidRuleInputException(KernelErrors.NegativePeriod.Create(null, ("Length", workingDays)));
        }
        if (!TryOffset(date, out var offset))
        {
            result = date;
            return false;
        }
        if (workingDays == 0)
        {
            result = date;
            return true;
        }
        var target = (long)workingBefore[offset + 1] + workingDays - 1;
        if (target >= this.workingDays.Length)
        {
            result = LastDay.PlusDays(1);
            return false;
        }
        result = days[this.workingDays[(int)target]];
        return true;
    }

    /// <summary>
    /// Counts the working days after <paramref name="start"/> up to and including <paramref name="end"/>: the
    /// number N such that <c>AddWorkingDays(start, N)</c> is the last working day on or before <paramref name="end"/>.
    /// Negative when <paramref name="end"/> is before <paramref name="start"/>.
    /// </summary>
    /// <param name="start">The day counting starts after.</param>
    /// <param name="end">The last day counted.</param>
    /// <returns>The count.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when either date lies outside the known years.</exception>
    public int CountWorkingDays(LocalDate start, LocalDate end)
    {
        // Read without out variables in the conditional, as in GetDayKind.
        var covered = TryCountWorkingDays(start, end, out var count, out var outside);
        return covered ? count : throw OutOfRange(outside);
    }

    /// <summary><see cref="CountWorkingDays"/> without throwing for a date outside the calendar.</summary>
    /// <param name="start">The day counting starts after.</param>
    /// <param name="end">The last day counted.</param>
    /// <param name="count">The count, when both dates lie in the calendar.</param>
    /// <param name="outside">When the answer is <see langword="false"/>, the date outside the calendar that <see cref="CountWorkingDays"/> would have named.</param>
    /// <returns><see langword="false"/> when either date lies outside the known years.</returns>
    internal bool TryCountWorkingDays(LocalDate start, LocalDate end, out int count, out LocalDate outside)
    {
        // The end first: the throwing form has always named it first.
        if (!TryOffset(end, out var last))
        {
            (count, outside) = (0, end);
            return false;
        }
        if (!TryOffset(start, out var first))
        {
            (count, outside) = (0, start);
            return false;
        }
        (count, outside) = (workingBefore[last + 1] - workingBefore[first + 1], default);
        return true;
    }

    /// <summary>The first working day on or after a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date itself when it is a working day, else the next working day.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the answer lies outside the known years.</exception>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        // Read without out variables in the conditional, as in GetDayKind.
        var covered = TryNextWorkingDayOnOrAfter(date, out var result);
        return covered ? result : throw OutOfRange(result);
    }

    /// <summary><see cref="NextWorkingDayOnOrAfter"/> without throwing for a date outside the calendar.</summary>
    /// <param name="date">The date.</param>
    /// <param name="result">The first working day on or after <paramref name="date"/>; when the answer is <see langword="false"/>, the date outside the calendar that <see cref="NextWorkingDayOnOrAfter"/> would have named.</param>
    /// <returns><see langword="false"/> when the date or the answer lies outside the known years.</returns>
    internal bool TryNextWorkingDayOnOrAfter(LocalDate date, out LocalDate result)
    {
        if (!TryOffset(date, out var offset))
        {
            result = date;
            return false;
        }
        var index = workingBefore[offset];
        if (index >= workingDays.Length)
        {
            result = LastDay.PlusDays(1);
            return false;
        }
        result = days[workingDays[index]];
        return true;
    }

    /// <summary>The coded error (<c>MR.Calendar.OutOfRange</c>) for a date outside the calendar, as <see cref="CalendarOutOfRangeException"/> carries it.</summary>
    /// <param name="date">The date outside the known years, as a non-throwing form reports it.</param>
    /// <returns>The error, without a path.</returns>
    internal RuleError OutOfRangeError(LocalDate date) => CalendarOutOfRangeException.ErrorOf(date, FirstYear, LastYear);

    /// <summary>Finds the notice that names a day, if any.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The holiday rest the day belongs to, or <see langword="null"/>.</returns>
    public HolidayRest? FindHoliday(LocalDate date)
    {
        foreach (var year in Years)
        {
            foreach (var rest in year.Rest)
            {
                if (rest.Days.Contains(date))
                {
                    return rest;
                }
            }
        }
        return null;
    }

    private bool TryOffset(LocalDate date, out int offset)
    {
        offset = date.ToDateOnly().DayNumber - firstDayNumber;
        // unchecked: the project checks arithmetic, and a date before the first day gives a negative offset.
        return unchecked((uint)offset) < (uint)kinds.Length;
    }

    internal CalendarOutOfRangeException OutOfRange(LocalDate date) => new(date, FirstYear, LastYear);
}
