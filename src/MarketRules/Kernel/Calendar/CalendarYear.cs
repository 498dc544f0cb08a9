using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Calendar;

/// <summary>How the statutory calendar classes a day.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<DayKind>))]
public enum DayKind
{
    /// <summary>An ordinary working day (Monday to Friday, not a holiday).</summary>
    WorkingDay = 0,

    /// <summary>A Saturday or Sunday that is not a make-up workday (周休息日).</summary>
    Weekend = 1,

    /// <summary>A rest day named in the State Council's notice: a public holiday or a day shifted to rest (调休).</summary>
    HolidayRest = 2,

    /// <summary>A Saturday or Sunday made a working day by the notice (调休上班).</summary>
    MakeUpWorkday = 3,
}

/// <summary>A run of rest days the State Council's notice names, e.g. the Spring Festival holiday.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Name">The holiday's name in Chinese and English.</param>
/// <param name="Days">The rest days, both ends included.</param>
public sealed record HolidayRest(LocalizedText Name, DateInterval Days);

/// <summary>
/// One year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知): its rest days and make-up workdays.
/// A notice may name days of the previous December (the 2019 notice moved 2018-12-29 to 31).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class CalendarYear
{
    /// <summary>Creates a year's notice.</summary>
    /// <param name="year">The notice year.</param>
    /// <param name="notice">The notice (or notices) this data comes from.</param>
    /// <param name="rest">The rest days named by the notice.</param>
    /// <param name="makeUpWorkdays">The weekend days made working days.</param>
    public CalendarYear(int year, Citation notice, IEnumerable<HolidayRest> rest, IEnumerable<LocalDate> makeUpWorkdays)
    {
        Year = year;
        Notice = Preconditions.CheckNotNull(notice);
        Rest = [.. Preconditions.CheckNotNull(rest)];
        MakeUpWorkdays = [.. Preconditions.CheckNotNull(makeUpWorkdays).Order()];
    }

    /// <summary>The notice year.</summary>
    public int Year { get; }

    /// <summary>The notice.</summary>
    public Citation Notice { get; }

    /// <summary>The rest days named by the notice.</summary>
    public ImmutableArray<HolidayRest> Rest { get; }

    /// <summary>The make-up workdays, in date order.</summary>
    public ImmutableArray<LocalDate> MakeUpWorkdays { get; }

    /// <summary>Checks the year's data: every date in the notice year or the previous December, no date listed twice, no rest day that is also a workday.</summary>
    /// <returns>The errors, empty when the data is sound.</returns>
    public ImmutableArray<RuleError> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        var seen = new HashSet<LocalDate>();
        void Fail(string detail) => errors.Add(KernelErrors.CalendarDataInvalid.Create("$.years[" + Year + "]", ("Year", Year), ("Detail", detail)));
        bool InScope(LocalDate d) => d.Year == Year || (d.Year == Year - 1 && d.Month == 12);
        foreach (var rest in Rest)
        {
            foreach (var day in rest.Days)
            {
                if (!InScope(day))
                {
                    Fail($"rest day {day:uuuu-MM-dd} is outside the notice year");
                }
                if (!seen.Add(day))
                {
                    Fail($"day {day:uuuu-MM-dd} is listed twice");
                }
            }
        }
        foreach (var day in MakeUpWorkdays)
        {
            if (!InScope(day))
            {
                Fail($"workday {day:uuuu-MM-dd} is outside the notice year");
            }
            if (!seen.Add(day))
            {
                Fail($"day {day:uuuu-MM-dd} is listed twice");
            }
        }
        return errors.ToImmutable();
    }
}
