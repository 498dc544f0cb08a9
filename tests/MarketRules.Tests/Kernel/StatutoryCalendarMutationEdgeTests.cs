using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// Edges of the statutory calendar that mutation testing found unguarded (issue 18): the first and last day the State
// Council's notices cover (2016–2026) and the coded error for a day beyond them — the calendar never guesses a year it
// holds no notice for — and the reader's coded errors with their JSON paths. Calendars are built here from the embedded
// data or from small JSON (not the process-wide StatutoryCalendar.China), so the code that builds them runs in each test.
public class StatutoryCalendarMutationEdgeTests
{
    private static StatutoryCalendar Fresh() => CalendarData.LoadEmbedded();

    // A made-up 2027 notice for the tests only: New Year 01-01 (Fri) to 01-03, Saturday 01-09 worked, and the year's
    // last day (Friday 2027-12-31) a rest day, so that the calendar ends on a rest day.
    private const string Notice2027EndingOnRest = """
        { "years": [ {
            "year": 2027,
            "notice": { "title": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）", "source": "test" },
            "restDays": [
              { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03" },
              { "name": "年末（测试）", "nameEn": "Year end (test)", "from": "2027-12-31" } ],
            "makeUpWorkdays": [ "2027-01-09" ]
        } ] }
        """;

    private static CalendarOutOfRangeException OutOfRange(Action question) => Assert.Throws<CalendarOutOfRangeException>(question);

    [Fact]
    public void DayKind_OnTheFirstAndLastCoveredDays_IsTheNotices_AndADayBeyondIsTheCodedRangeError()
    {
        var calendar = Fresh();
        Assert.Equal(DayKind.HolidayRest, calendar.GetDayKind(Date("2016-01-01")));
        Assert.Equal(DayKind.WorkingDay, calendar.GetDayKind(Date("2026-12-31")));
        Assert.False(calendar.IsWorkingDay(Date("2016-01-01")));
        Assert.True(calendar.IsWorkingDay(Date("2026-12-31")));

        var before = OutOfRange(() => calendar.GetDayKind(Date("2015-12-31")));
        Assert.Equal(Date("2015-12-31"), before.Date);
        var error = Assert.Single(before.Errors);
        Assert.Equal("MR.Calendar.OutOfRange", error.Code);
        Assert.Equal("日期 2015-12-31 超出法定工作日历已知的年份范围（2016—2026）；请加载该年度国务院办公厅节假日安排通知", error.Message.Chinese);
        Assert.Equal("Date 2015-12-31 is outside the years the statutory calendar knows (2016–2026); load that year's State Council holiday notice", error.Message.English);
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.GetDayKind(Date("2027-01-01"))).Date);
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.IsWorkingDay(Date("2027-01-01"))).Date);
        Assert.Equal(Date("2015-12-31"), OutOfRange(() => calendar.IsWorkingDay(Date("2015-12-31"))).Date);
    }

    [Fact]
    public void WorkingDaysAfterTheLastCoveredDays_AreCountedUpToIt_AndOneMoreIsTheCodedRangeError()
    {
        var calendar = Fresh();
        // 2026-12-30 (Wed) + 1 = 12-31 (Thu), the last day known; one more would fall in 2027, whose notice is not loaded.
        Assert.Equal(Date("2026-12-31"), calendar.AddWorkingDays(Date("2026-12-30"), 1));
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.AddWorkingDays(Date("2026-12-31"), 1)).Date);
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.AddWorkingDays(Date("2026-12-30"), 2)).Date);
        // Counting from a day before the first notice is not possible either.
        Assert.Equal(Date("2015-12-31"), OutOfRange(() => calendar.AddWorkingDays(Date("2015-12-31"), 1)).Date);
        // 2016-01-01 (Fri, New Year) and the weekend: the first working day known is Monday 2016-01-04.
        Assert.Equal(Date("2016-01-04"), calendar.AddWorkingDays(Date("2016-01-01"), 1));
        Assert.Equal(Date("2016-01-04"), calendar.NextWorkingDayOnOrAfter(Date("2016-01-01")));
        Assert.Equal(Date("2026-12-31"), calendar.NextWorkingDayOnOrAfter(Date("2026-12-31")));
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.NextWorkingDayOnOrAfter(Date("2027-01-01"))).Date);
    }

    [Fact]
    public void CountWorkingDays_AcrossTheCalendarsEdges_IsTheCodedRangeErrorNamingTheEndFirst()
    {
        var calendar = Fresh();
        // Up to the last day known: 12-28 … 12-31 (Mon–Thu) after Sunday 12-27.
        Assert.Equal(4, calendar.CountWorkingDays(Date("2026-12-27"), Date("2026-12-31")));
        // From the first day known: 2016-01-04 … 01-08.
        Assert.Equal(5, calendar.CountWorkingDays(Date("2016-01-01"), Date("2016-01-08")));
        Assert.Equal(Date("2027-01-04"), OutOfRange(() => calendar.CountWorkingDays(Date("2026-12-27"), Date("2027-01-04"))).Date);
        Assert.Equal(Date("2015-12-31"), OutOfRange(() => calendar.CountWorkingDays(Date("2015-12-31"), Date("2016-01-08"))).Date);
        // Both outside: the end is named, as the throwing form always did.
        Assert.Equal(Date("2027-01-01"), OutOfRange(() => calendar.CountWorkingDays(Date("2015-12-31"), Date("2027-01-01"))).Date);
    }

    [Fact]
    public void ACalendarEndingOnARestDay_HasNoNextWorkingDay_AndAPeriodEndingThereIsTheCodedRangeError()
    {
        // 民法典 第二百零三条: a last day on a rest day runs to the next working day; when the calendar ends on a rest day,
        // that day is in a year without a notice, so the answer is the coded error naming the day after the calendar.
        var calendar = CalendarData.ParseCalendar(Notice2027EndingOnRest).GetValueOrThrow();
        Assert.Equal(DayKind.HolidayRest, calendar.GetDayKind(Date("2027-12-31")));
        Assert.Equal(Date("2027-12-30"), calendar.NextWorkingDayOnOrAfter(Date("2027-12-30")));
        Assert.Equal(Date("2028-01-01"), OutOfRange(() => calendar.NextWorkingDayOnOrAfter(Date("2027-12-31"))).Date);
        Assert.Equal(Date("2028-01-01"), OutOfRange(() => calendar.AddWorkingDays(Date("2027-12-30"), 1)).Date);

        var periods = new PeriodCalculator(calendar);
        // 2027-12-01 + 29 days = 12-30 (Thu), a working day: in range. + 30 days = 12-31, the rest day at the end.
        Assert.Equal(Date("2027-12-30"), periods.Deadline(Date("2027-12-01"), LegalPeriod.Days(29)).LastDay);
        Assert.Equal(Date("2028-01-01"), OutOfRange(() => periods.Deadline(Date("2027-12-01"), LegalPeriod.Days(30))).Date);
        // A duration that is not a deadline to act ends on its nominal day, rest day or not.
        Assert.Equal(Date("2027-12-31"), periods.Deadline(Date("2027-12-01"), LegalPeriod.Days(30), RestDayRule.None).LastDay);
    }

    [Fact]
    public void ReadingANotice_RestDayNames_FallBackFromEnglishToChineseToNothing()
    {
        var years = CalendarData.ParseYears("""
            { "years": [ { "year": 2027, "restDays": [
              { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01" },
              { "name": "春节", "from": "2027-02-06" },
              { "from": "2027-02-07" } ] } ] }
            """).GetValueOrThrow();
        var rest = Assert.Single(years).Rest;
        Assert.Equal(new LocalizedText("元旦", "New Year's Day"), rest[0].Name);
        Assert.Equal(new LocalizedText("春节", "春节"), rest[1].Name);
        Assert.Equal(new LocalizedText("", ""), rest[2].Name);
        // A rest day given by "from" alone is that one day.
        Assert.Equal(new DateInterval(Date("2027-02-07"), Date("2027-02-07")), rest[2].Days);
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2027-01-03", "to": "2027-01-01" } ] } ] }""",
        "$.years[0].restDays[0]", "2027 年度日历数据无效：「to」早于「from」", "Calendar data for 2027 is invalid: 'to' is before 'from'")]
    [InlineData("""{ "years": [ { "year": 2027, "makeUpWorkdays": [ "9 January" ] } ] }""",
        "$.years[0].makeUpWorkdays[0]", "2027 年度日历数据无效：「9 January」不是 ISO 日期（yyyy-MM-dd）", "Calendar data for 2027 is invalid: '9 January' is not an ISO date (yyyy-MM-dd)")]
    // One bad end of a rest period is one error, whichever end it is; the other end is read but not used.
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "1 January", "to": "2027-01-03" } ] } ] }""",
        "$.years[0].restDays[0].from", "2027 年度日历数据无效：「1 January」不是 ISO 日期（yyyy-MM-dd）", "Calendar data for 2027 is invalid: '1 January' is not an ISO date (yyyy-MM-dd)")]
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦", "from": "2027-01-01", "to": "3 January" } ] } ] }""",
        "$.years[0].restDays[0].to", "2027 年度日历数据无效：「3 January」不是 ISO 日期（yyyy-MM-dd）", "Calendar data for 2027 is invalid: '3 January' is not an ISO date (yyyy-MM-dd)")]
    [InlineData("""{ "years": [ { "year": 2027, "restDays": [ { "name": "元旦" } ] } ] }""",
        "$.years[0].restDays[0].from", "2027 年度日历数据无效：「」不是 ISO 日期（yyyy-MM-dd）", "Calendar data for 2027 is invalid: '' is not an ISO date (yyyy-MM-dd)")]
    public void ReadingANotice_ABadDate_IsOneCodedErrorAtItsJsonPath(string json, string path, string chinese, string english)
    {
        var result = CalendarData.ParseYears(json);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Calendar.DataInvalid", error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(new LocalizedText(chinese, english), error.Message);
        // The calendar built from the same text fails with the same error.
        Assert.Equal(error, Assert.Single(CalendarData.ParseCalendar(json).Errors));
    }

    private static CalendarYear Year2027(IEnumerable<HolidayRest> rest, IEnumerable<LocalDate> workdays) =>
        new(2027, StatutoryCalendar.China.Years[^1].Notice, rest, workdays);

    private static HolidayRest Rest(string from, string to) => new(new LocalizedText("测试", "test"), new DateInterval(Date(from), Date(to)));

    [Theory]
    // Only the notice year and the previous December may be named (the 2019 notice moved 2018-12-29 to 31).
    [InlineData("2028-01-01", "2028-01-01", null, "rest day 2028-01-01 is outside the notice year")]
    [InlineData("2026-11-30", "2026-11-30", null, "rest day 2026-11-30 is outside the notice year")]
    [InlineData("2027-01-01", "2027-01-01", "2026-11-28", "workday 2026-11-28 is outside the notice year")]
    [InlineData("2027-01-01", "2027-01-01", "2028-01-08", "workday 2028-01-08 is outside the notice year")]
    // A day both rest and work, or named by two rest periods.
    [InlineData("2027-01-01", "2027-01-03", "2027-01-02", "day 2027-01-02 is listed twice")]
    public void ANotice_NamingADayOutsideItsYearOrTwice_IsTheCodedErrorForThatYear(string from, string to, string? workday, string detail)
    {
        var year = Year2027([Rest(from, to)], workday is null ? [] : [Date(workday)]);
        var error = Assert.Single(year.Validate());
        Assert.Equal("MR.Calendar.DataInvalid", error.Code);
        Assert.Equal("$.years[2027]", error.Path);
        Assert.Equal(new LocalizedText("2027 年度日历数据无效：" + detail, "Calendar data for 2027 is invalid: " + detail), error.Message);
        Assert.Equal(error, Assert.Single(StatutoryCalendar.Create([year]).Errors));
    }

    [Fact]
    public void ANotice_NamingARestDayInTwoPeriods_IsTheCodedError()
    {
        var year = Year2027([Rest("2027-01-01", "2027-01-03"), Rest("2027-01-03", "2027-01-04")], []);
        var error = Assert.Single(year.Validate());
        Assert.Equal("Calendar data for 2027 is invalid: day 2027-01-03 is listed twice", error.Message.English);
        // The previous December is the notice's to name: 2026-12-01 and 2026-12-31 are in scope.
        Assert.Empty(Year2027([Rest("2026-12-31", "2027-01-01")], [Date("2026-12-01")]).Validate());
    }

    [Fact]
    public void Create_NoYearATwiceGivenYearOrAGap_IsTheCodedErrorAtTheYears()
    {
        var none = Assert.Single(StatutoryCalendar.Create([]).Errors);
        Assert.Equal("MR.Calendar.DataInvalid", none.Code);
        Assert.Equal("$.years", none.Path);
        Assert.Equal(new LocalizedText("- 年度日历数据无效：no year given", "Calendar data for - is invalid: no year given"), none.Message);

        var y2026 = StatutoryCalendar.China.Years[^1];
        var twice = Assert.Single(StatutoryCalendar.Create([y2026, y2026]).Errors);
        Assert.Equal("$.years", twice.Path);
        Assert.Equal(new LocalizedText("2026 年度日历数据无效：the year is given twice", "Calendar data for 2026 is invalid: the year is given twice"), twice.Message);

        var gap = Assert.Single(StatutoryCalendar.Create([StatutoryCalendar.China.Years[^3], y2026]).Errors);
        Assert.Equal("$.years", gap.Path);
        Assert.Equal(new LocalizedText("2026 年度日历数据无效：the years jump from 2024", "Calendar data for 2026 is invalid: the years jump from 2024"), gap.Message);
    }

    [Fact]
    public void WithYear_NoNotice_IsAnArgumentError() =>
        Assert.Equal("year", Assert.Throws<ArgumentNullException>(() => StatutoryCalendar.China.WithYear(null!)).ParamName);
}
