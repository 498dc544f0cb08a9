using System.Text.Json;
using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

// Cross-check against an independent transcription of the State Council notices: holiday-cn
// (../shared/reference/holiday-cn, MIT, read at test time and never copied into the repository).
public partial class StatutoryCalendarTests
{
    public static TheoryData<int> NoticeYears => [.. Enumerable.Range(2016, 11)];

    // A calendar built from the embedded data for this test, not the process-wide StatutoryCalendar.China: the index a
    // calendar builds (day kinds, working days before each day) is then built by the code under test in every test, so
    // a change to that code is seen by each of these cross-checks, not only by whichever test happened to build the
    // shared one first (issue 18: coverage attributed honestly under mutation testing).
    private static StatutoryCalendar Fresh() => CalendarData.LoadEmbedded();

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void IsWorkingDay_EveryDayListedInHolidayCn_AgreesWithTheReference(int year)
    {
        var days = ReadHolidayCn(year);
        Assert.NotEmpty(days);
        var mismatches = days
            .Where(d => Fresh().IsWorkingDay(d.Date) == d.IsOffDay)
            .Select(d => $"{d.Date:uuuu-MM-dd} ({d.Name}): reference says {(d.IsOffDay ? "rest" : "work")}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void GetDayKind_ReferenceOffDaysOnWeekdays_AreHolidayRest(int year)
    {
        // A weekday the notice sends to rest can only be a named holiday rest, never a plain weekend.
        foreach (var day in ReadHolidayCn(year).Where(d => d.IsOffDay && d.Date.DayOfWeek < IsoDayOfWeek.Saturday))
        {
            Assert.Equal(DayKind.HolidayRest, Fresh().GetDayKind(day.Date));
        }
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void GetDayKind_ReferenceWorkdaysOnWeekends_AreMakeUpWorkdays(int year)
    {
        foreach (var day in ReadHolidayCn(year).Where(d => !d.IsOffDay && d.Date.DayOfWeek >= IsoDayOfWeek.Saturday))
        {
            Assert.Equal(DayKind.MakeUpWorkday, Fresh().GetDayKind(day.Date));
        }
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void GetDayKind_DaysTheReferenceDoesNotList_FollowTheWeek(int year)
    {
        // The converse check: every day our data moves (rest on a weekday, work on a weekend) is one the reference
        // also lists. Merge the notice year and the next one, which may name days of this December.
        var listed = ReadHolidayCn(year).Concat(year < 2026 ? ReadHolidayCn(year + 1) : []).Select(d => d.Date).ToHashSet();
        var calendar = Fresh();
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            var weekend = date.DayOfWeek >= IsoDayOfWeek.Saturday;
            if (calendar.IsWorkingDay(date) == weekend)
            {
                Assert.True(listed.Contains(date), $"{date:uuuu-MM-dd} is moved by our data but not by the reference");
            }
        }
    }

    [Theory]
    [InlineData(2016, 250)]
    [InlineData(2017, 249)]
    [InlineData(2018, 250)]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void CountWorkingDays_WholeYear_MatchesTheNoticeAndTheReference(int year, int expected)
    {
        // Hand check of 2016: 366 days, 105 weekend days → 261 weekdays; 17 weekday holidays (元旦 1, 春节 5, 清明 1,
        // 劳动 1, 端午 2, 中秋 2, 国庆 5); 6 make-up weekend days → 250. 2024: 251 and 2025: 248 as widely published.
        var calendar = Fresh();
        var newYear = new LocalDate(year, 1, 1);
        var count = (calendar.IsWorkingDay(newYear) ? 1 : 0) + calendar.CountWorkingDays(newYear, new LocalDate(year, 12, 31));
        Assert.Equal(expected, count);
        Assert.Equal(expected, ReferenceWorkingDays(year));
    }

    private static int ReferenceWorkingDays(int year)
    {
        var listed = ReadHolidayCn(year).Concat(year < 2026 ? ReadHolidayCn(year + 1) : [])
            .Where(d => d.Date.Year == year)
            .ToDictionary(d => d.Date, d => d.IsOffDay);
        var count = 0;
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            var off = listed.TryGetValue(date, out var isOff) ? isOff : date.DayOfWeek >= IsoDayOfWeek.Saturday;
            count += off ? 0 : 1;
        }
        return count;
    }

    private static List<(LocalDate Date, string Name, bool IsOffDay)> ReadHolidayCn(int year)
    {
        var file = Path.Combine(RepositoryPaths.HolidayCn, $"{year}.json");
        Assert.True(File.Exists(file), $"Reference data missing: {file} (clone the repository with shared/ beside it)");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(year, document.RootElement.GetProperty("year").GetInt32());
        return [.. document.RootElement.GetProperty("days").EnumerateArray().Select(d => (
            NodaTime.Text.LocalDatePattern.Iso.Parse(d.GetProperty("date").GetString()!).GetValueOrThrow(),
            d.GetProperty("name").GetString()!,
            d.GetProperty("isOffDay").GetBoolean()))];
    }
}
