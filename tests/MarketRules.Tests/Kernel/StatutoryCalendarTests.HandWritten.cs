using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

// Days checked by hand against the State Council notices (国务院办公厅关于 20xx 年部分节假日安排的通知).
public partial class StatutoryCalendarTests
{
    [Theory]
    // Year ends: the 2019 notice moved the New Year across 2018-12-29 (Sat, work) / 30–31 (rest).
    [InlineData("2018-12-29", DayKind.MakeUpWorkday)]
    [InlineData("2018-12-30", DayKind.HolidayRest)]
    [InlineData("2018-12-31", DayKind.HolidayRest)]
    [InlineData("2019-01-01", DayKind.HolidayRest)]
    [InlineData("2019-01-02", DayKind.WorkingDay)]
    // The 2023 notice: 2022-12-31 (Sat) to 2023-01-02 (Mon) rest.
    [InlineData("2022-12-30", DayKind.WorkingDay)]
    [InlineData("2022-12-31", DayKind.HolidayRest)]
    [InlineData("2023-01-02", DayKind.HolidayRest)]
    [InlineData("2023-01-03", DayKind.WorkingDay)]
    // The 2026 notice: 2026-01-01..03 rest, Sunday 2026-01-04 a make-up workday.
    [InlineData("2025-12-31", DayKind.WorkingDay)]
    [InlineData("2026-01-02", DayKind.HolidayRest)]
    [InlineData("2026-01-04", DayKind.MakeUpWorkday)]
    [InlineData("2026-12-31", DayKind.WorkingDay)]
    [InlineData("2016-01-01", DayKind.HolidayRest)]
    // Spring Festival 2024: 02-10..17 rest; Sundays 02-04 and 02-18 are make-up workdays.
    [InlineData("2024-02-04", DayKind.MakeUpWorkday)]
    [InlineData("2024-02-09", DayKind.WorkingDay)]
    [InlineData("2024-02-10", DayKind.HolidayRest)]
    [InlineData("2024-02-17", DayKind.HolidayRest)]
    [InlineData("2024-02-18", DayKind.MakeUpWorkday)]
    // Spring Festival 2025 (first year with 除夕 a holiday): 01-28..02-04 rest; 01-26 (Sun) and 02-08 (Sat) work.
    [InlineData("2025-01-26", DayKind.MakeUpWorkday)]
    [InlineData("2025-01-28", DayKind.HolidayRest)]
    [InlineData("2025-02-04", DayKind.HolidayRest)]
    [InlineData("2025-02-05", DayKind.WorkingDay)]
    [InlineData("2025-02-08", DayKind.MakeUpWorkday)]
    // Spring Festival 2020, extended by the notice of 2020-01-27 to 02-02: Saturday 02-01 no longer a workday.
    [InlineData("2020-01-19", DayKind.MakeUpWorkday)]
    [InlineData("2020-01-31", DayKind.HolidayRest)]
    [InlineData("2020-02-01", DayKind.HolidayRest)]
    [InlineData("2020-02-02", DayKind.HolidayRest)]
    [InlineData("2020-02-03", DayKind.WorkingDay)]
    // National Day 2024: 10-01..07 rest; 09-29 (Sun) and 10-12 (Sat) work.
    [InlineData("2024-09-29", DayKind.MakeUpWorkday)]
    [InlineData("2024-09-30", DayKind.WorkingDay)]
    [InlineData("2024-10-01", DayKind.HolidayRest)]
    [InlineData("2024-10-07", DayKind.HolidayRest)]
    [InlineData("2024-10-08", DayKind.WorkingDay)]
    [InlineData("2024-10-12", DayKind.MakeUpWorkday)]
    [InlineData("2024-10-13", DayKind.Weekend)]
    // Mid-Autumn and National Day 2023 together: 09-29..10-06 rest; 10-07 and 10-08 (Sat, Sun) work.
    [InlineData("2023-09-29", DayKind.HolidayRest)]
    [InlineData("2023-10-06", DayKind.HolidayRest)]
    [InlineData("2023-10-07", DayKind.MakeUpWorkday)]
    [InlineData("2023-10-08", DayKind.MakeUpWorkday)]
    public void GetDayKind_DaysAroundHolidays_MatchTheNotice(string date, DayKind expected)
    {
        Assert.Equal(expected, StatutoryCalendar.China.GetDayKind(Date(date)));
    }

    [Theory]
    // 2018-12-28 (Fri) + 1: Saturday 2018-12-29 is a make-up workday.
    [InlineData("2018-12-28", 1, "2018-12-29")]
    // 2018-12-29 + 1: 12-30..01-01 rest → 2019-01-02.
    [InlineData("2018-12-29", 1, "2019-01-02")]
    // Across the year end with nothing moved: 2024-12-31 (Tue) + 1 → 2025-01-02 (01-01 rest).
    [InlineData("2024-12-31", 1, "2025-01-02")]
    // Spring Festival 2024: 02-08 (Thu) + 3 → 02-09, 02-18 (Sun, make-up), 02-19.
    [InlineData("2024-02-08", 3, "2024-02-19")]
    // National Day 2023: 09-28 (Thu) + 1 → 10-07 (Sat, make-up).
    [InlineData("2023-09-28", 1, "2023-10-07")]
    // From a rest day: 2024-10-03 + 1 → 10-08.
    [InlineData("2024-10-03", 1, "2024-10-08")]
    // Zero working days is the date itself, rest day or not.
    [InlineData("2024-10-03", 0, "2024-10-03")]
    public void AddWorkingDays_AroundHolidays_MatchesCountingByHand(string start, int days, string expected)
    {
        Assert.Equal(Date(expected), StatutoryCalendar.China.AddWorkingDays(Date(start), days));
    }

    [Theory]
    [InlineData("2024-09-27", "2024-10-08", 3)] // 09-29, 09-30, 10-08
    [InlineData("2024-10-08", "2024-09-27", -3)]
    [InlineData("2024-02-09", "2024-02-17", 0)]
    [InlineData("2024-10-01", "2024-10-01", 0)]
    public void CountWorkingDays_AroundHolidays_MatchesCountingByHand(string start, string end, int expected)
    {
        Assert.Equal(expected, StatutoryCalendar.China.CountWorkingDays(Date(start), Date(end)));
    }

    [Fact]
    public void FindHoliday_NationalDay2024_NamesTheHolidayInBothLanguages()
    {
        var holiday = StatutoryCalendar.China.FindHoliday(Date("2024-10-03"));
        Assert.NotNull(holiday);
        Assert.Equal("国庆节", holiday.Name.Chinese);
        Assert.Equal("National Day", holiday.Name.English);
        Assert.Equal(new DateInterval(Date("2024-10-01"), Date("2024-10-07")), holiday.Days);
        Assert.Null(StatutoryCalendar.China.FindHoliday(Date("2024-10-08")));
    }

    [Fact]
    public void China_Range_Is2016To2026()
    {
        var calendar = StatutoryCalendar.China;
        Assert.Equal(2016, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.Equal(11, calendar.Years.Length);
        Assert.True(calendar.Covers(Date("2016-01-01")));
        Assert.True(calendar.Covers(Date("2026-12-31")));
        Assert.False(calendar.Covers(Date("2015-12-31")));
        Assert.False(calendar.Covers(Date("2027-01-01")));
    }

    internal static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
