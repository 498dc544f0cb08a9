using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

// Extending the calendar without a new release: a new year's notice in the embedded file's JSON format.
public partial class StatutoryCalendarTests
{
    // A made-up 2027 notice for the test only (the real one was not published when the data was written):
    // New Year rest 2027-01-01 (Fri) to 01-03 (Sun), Saturday 2027-01-09 worked in exchange.
    private const string Notice2027 = """
        { "years": [ {
            "year": 2027,
            "notice": { "title": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）", "source": "test" },
            "restDays": [ { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03" } ],
            "makeUpWorkdays": [ "2027-01-09" ]
        } ] }
        """;

    [Fact]
    public void WithYear_NextYearsNotice_ExtendsTheCalendarAndLeavesTheOriginal()
    {
        var year = Assert.Single(CalendarData.ParseYears(Notice2027).GetValueOrThrow());
        var result = StatutoryCalendar.China.WithYear(year);

        Assert.True(result.IsSuccess);
        var extended = result.Value;
        Assert.Equal(2027, extended.LastYear);
        Assert.Equal(DayKind.HolidayRest, extended.GetDayKind(Date("2027-01-01")));
        Assert.Equal(DayKind.MakeUpWorkday, extended.GetDayKind(Date("2027-01-09")));
        Assert.Equal(Date("2027-01-04"), extended.AddWorkingDays(Date("2026-12-31"), 1));
        // 2027-01-04..08 (5) + 01-09 (make-up) = 6 working days after 2026-12-31 up to 01-09.
        Assert.Equal(6, extended.CountWorkingDays(Date("2026-12-31"), Date("2027-01-09")));
        // Earlier years answer as before.
        Assert.Equal(StatutoryCalendar.China.AddWorkingDays(Date("2024-09-27"), 15), extended.AddWorkingDays(Date("2024-09-27"), 15));
        // The shipped calendar is unchanged.
        Assert.Equal(2026, StatutoryCalendar.China.LastYear);
        Assert.Throws<CalendarOutOfRangeException>(() => StatutoryCalendar.China.AddWorkingDays(Date("2026-12-31"), 1));
    }

    [Fact]
    public void WithYear_ReplacedYear_ChangesOnlyThatYear()
    {
        // A local calendar may replace a year: here 2024 without any holiday, so 2024-10-01 becomes a working day.
        var plain2024 = new CalendarYear(2024, StatutoryCalendar.China.Years[8].Notice, [], []);
        var local = StatutoryCalendar.China.WithYear(plain2024).GetValueOrThrow();
        Assert.True(local.IsWorkingDay(Date("2024-10-01")));
        Assert.False(local.IsWorkingDay(Date("2024-10-12")));
        Assert.False(local.IsWorkingDay(Date("2025-10-01")));
        Assert.False(StatutoryCalendar.China.IsWorkingDay(Date("2024-10-01")));
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2027-13-01" } ] } ] }""", "$.years[0].restDays[0].from")]
    [InlineData("""{ "years": [ { "year": 2027, "makeUpWorkdays": [ "9 January" ] } ] }""", "$.years[0].makeUpWorkdays[0]")]
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2027-01-03", "to": "2027-01-01" } ] } ] }""", "$.years[0].restDays[0]")]
    [InlineData("""{ "years": [] }""", "$.years")]
    public void ParseYears_MalformedNotice_ReturnsDataInvalidWithPath(string json, string path)
    {
        var result = CalendarData.ParseYears(json);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Calendar.DataInvalid", error.Code);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    // A year that leaves a gap after 2026.
    [InlineData("""{ "years": [ { "year": 2028, "restDays": [ { "name": "元旦", "from": "2028-01-01" } ] } ] }""", "jump")]
    // A day both rest and work.
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "makeUpWorkdays": [ "2027-01-02" ] } ] }""", "listed twice")]
    // A day outside the notice year (only the previous December may be named).
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2028-01-01" } ] } ] }""", "outside the notice year")]
    public void WithYear_InconsistentNotice_FailsAndLeavesTheCalendar(string json, string detail)
    {
        var year = Assert.Single(CalendarData.ParseYears(json).GetValueOrThrow());
        var result = StatutoryCalendar.China.WithYear(year);
        Assert.False(result.IsSuccess);
        Assert.All(result.Errors, e => Assert.Equal("MR.Calendar.DataInvalid", e.Code));
        Assert.Contains(result.Errors, e => e.Message.English.Contains(detail, StringComparison.Ordinal));
        Assert.Equal(2026, StatutoryCalendar.China.LastYear);
    }

    [Fact]
    public void WithYears_TwoNewYearsAtOnce_ExtendTheCalendarInOneStep()
    {
        // A notices file may carry several years (a host that missed a release); 2028 here is plain weekends.
        var y2027 = Assert.Single(CalendarData.ParseYears(Notice2027).GetValueOrThrow());
        var y2028 = new CalendarYear(2028, y2027.Notice, [], []);
        var extended = StatutoryCalendar.China.WithYears([y2028, y2027]).GetValueOrThrow();
        Assert.Equal(2028, extended.LastYear);
        Assert.Equal(DayKind.HolidayRest, extended.GetDayKind(Date("2027-01-01")));
        Assert.True(extended.IsWorkingDay(Date("2028-01-03")));
        // The same pair one at a time: 2028 alone would leave 2027 unknown, so it is refused.
        Assert.Contains(StatutoryCalendar.China.WithYear(y2028).Errors, e => e.Message.English.Contains("the years jump from 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void WithYears_AYearTwiceOrANullNotice_IsRefused()
    {
        var y2027 = Assert.Single(CalendarData.ParseYears(Notice2027).GetValueOrThrow());
        var twice = StatutoryCalendar.China.WithYears([y2027, y2027]);
        Assert.Contains(twice.Errors, e => e.Code == "MR.Calendar.DataInvalid" && e.Message.English.Contains("the year is given twice", StringComparison.Ordinal));
        Assert.Equal("years", Assert.Throws<ArgumentException>(() => StatutoryCalendar.China.WithYears([y2027, null!])).ParamName);
        Assert.Equal("years", Assert.Throws<ArgumentNullException>(() => StatutoryCalendar.China.WithYears(null!)).ParamName);
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": "2027" } ] }""", "$.years[0].year")]
    [InlineData("""{ "notices": [] }""", "$.notices")]
    [InlineData("""{ "years": [ { "year": 2027, "makeUpWorkday": [ "2027-01-09" ] } ] }""", "$.years[0].makeUpWorkday")]
    [InlineData("""{ "years": [ { "year": 2027 } ], "years": [ { "year": 2027 } ] }""", "$.years")]
    public void ParseYears_MisspeltMemberRepeatedKeyOrWrongType_IsMalformed_NeverAYearWithoutItsWorkdays(string json, string path)
    {
        // A misspelt "makeUpWorkday" read leniently would load 2027 without its make-up Saturday and move every deadline.
        var result = CalendarData.ParseYears(json);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == "MR.Calendar.Malformed" && e.Path == path);
    }
}
