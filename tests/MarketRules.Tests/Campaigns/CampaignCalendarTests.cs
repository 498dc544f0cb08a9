using MarketRules.Calendar;
using MarketRules.Campaigns;

namespace MarketRules.Tests.Campaigns;

// The seed's Daguan plan on the 2016 and 2017 statutory calendars: Spring Festival 2017-01-27..02-02 off, make-up
// workdays Sun 01-22 and Sat 02-04; New Year 2016-12-31..2017-01-02 off.
public class CampaignCalendarTests
{
    private static readonly CampaignPlan Daguan = CampaignPlan.Daguan2016;

    private static IEnumerable<ReportDue> Dues(CampaignPlan plan, string series, LocalDate? from = null, LocalDate? to = null) =>
        CampaignCalendar.Dues(NationalCatalog.Law, plan, from ?? plan.Window.Start, to ?? plan.Window.End).GetValueOrThrow().Dues.Where(d => d.Series == series);

    private static string Days(IEnumerable<ReportDue> dues) => string.Join(" ", dues.Select(d => d.Date.ToString("MM-dd", null)));

    [Fact]
    public void Weekly_Is13ThursdaysBefore1500_The0202ReportFallsInTheSpringFestival()
    {
        var weekly = Dues(Daguan, "weekly").ToList();
        Assert.Equal("12-01 12-08 12-15 12-22 12-29 01-05 01-12 01-19 01-26 02-02 02-09 02-16 02-23", Days(weekly));
        Assert.All(weekly, d => Assert.Equal("15:00", d.Before));
        Assert.Equal(Instant.FromUtc(2016, 12, 1, 7, 0), weekly[0].DueAt); // 15:00 Beijing time
        var flagged = Assert.Single(weekly, d => !d.Notes.IsEmpty);
        Assert.Equal(new LocalDate(2017, 2, 2), flagged.Date);
        Assert.Equal(DayKind.HolidayRest, flagged.NominalDayKind);
        Assert.Equal([ReportDueNote.OnRestDay, ReportDueNote.RestDayRuleUnstated], flagged.Notes.ToArray());
        // 12-29 and 01-26 are working days (New Year and the Spring Festival start after them).
        Assert.Empty(weekly.Single(d => d.Date == new LocalDate(2016, 12, 29)).Notes);
        Assert.Empty(weekly.Single(d => d.Date == new LocalDate(2017, 1, 26)).Notes);
    }

    [Fact]
    public void Daily_OnlyInsideTheReportingWindows_Before1200_WeekendsFlagged()
    {
        var daily = Dues(Daguan, "daily").ToList();
        Assert.Equal("12-19 12-20 12-21 12-22 12-23 01-09 01-10 01-11 01-12 01-13 02-10 02-11 02-12 02-13 02-14", Days(daily));
        Assert.All(daily, d => Assert.Equal("12:00", d.Before));
        Assert.Equal("02-11 02-12", Days(daily.Where(d => d.Notes.Contains(ReportDueNote.OnRestDay))));
        Assert.All(Daguan.Concentrated, week => Assert.All(week.Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday || d.Month == 2),
            day => Assert.Contains(daily, d => d.Date == day)));
    }

    [Fact]
    public void FixedSummaries_FallOnTheirDates_AtTheEndOfTheDay()
    {
        Assert.Equal("12-27 01-17", Days(Dues(Daguan, "stage-summary")));
        var final = Assert.Single(Dues(Daguan, "final-summary"));
        Assert.Equal((new LocalDate(2017, 2, 23), (string?)null), (final.Date, final.Before));
        Assert.Equal(LegalTime.EndOfDay(new LocalDate(2017, 2, 23)), final.DueAt);
    }

    [Theory]
    [InlineData(CampaignRestDayRule.Keep, "01-26 02-02 02-09", "on-rest-day")]
    [InlineData(CampaignRestDayRule.PreviousWorkingDay, "01-26 02-09", "merged")]  // 02-02 moves onto Thu 01-26, which already has one
    [InlineData(CampaignRestDayRule.NextWorkingDay, "01-26 02-03 02-09", "moved-later")]
    public void RestDayRule_StatedByThePlan_MovesTheSpringFestivalThursday(CampaignRestDayRule rule, string days, string notes)
    {
        var plan = WithRestDays(rule);
        var weekly = Dues(plan, "weekly", new LocalDate(2017, 1, 23), new LocalDate(2017, 2, 10)).ToList();
        Assert.Equal(days, Days(weekly));
        var changed = weekly.Single(d => !d.Notes.IsEmpty);
        Assert.Equal(notes, string.Join(" ", changed.Notes.Select(n => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(n.ToString()))));
        Assert.DoesNotContain(ReportDueNote.RestDayRuleUnstated, changed.Notes); // the plan said
    }

    [Fact]
    public void RestDayRule_Explained_DefaultStated()
    {
        var result = CampaignCalendar.Dues(NationalCatalog.Law, Daguan, new LocalDate(2017, 1, 26), new LocalDate(2017, 2, 15)).GetValueOrThrow();
        Assert.Contains(result.Explanation.Reasons, r => r.Code == "MR.Campaigns.DueOnRestDay" && r.Message.Chinese.Contains("2017-02-02（法定节假日）", StringComparison.Ordinal));
        Assert.Contains(result.Explanation.Reasons, r => r.Code == "MR.Campaigns.RestDayRule" && r.Message.English.Contains("the plan does not say", StringComparison.Ordinal));
        Assert.Equal(VerificationStatus.ProjectRequirement, Daguan.Citation.Status);
    }

    [Fact]
    public void Range_EndingBeforeItStarts_IsACodedError() =>
        Assert.Equal("MR.Campaigns.RangeInvalid", CampaignCalendar.Dues(NationalCatalog.Law, Daguan, new LocalDate(2017, 2, 1), new LocalDate(2017, 1, 1)).Errors[0].Code);

    [Fact]
    public void Monthly_OnTheDayOfMonth_OffDaysFlagged()
    {
        // Hengyang 2022 (domain-rules-more P4.3): monthly before the 21st; 05-21 is a Saturday and 08-21 a Sunday.
        var plan = CampaignPlan.Parse("""
            { "id": "hengyang-2022", "title": { "zh": "衡阳", "en": "Hengyang" }, "window": { "start": "2022-04-19", "end": "2022-10-14" },
              "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } }, { "id": "county", "name": { "zh": "县市区局", "en": "county bureaus" }, "reportsTo": "city" } ],
              "series": [ { "id": "monthly", "name": { "zh": "月报", "en": "monthly" }, "cadence": "monthly", "dayOfMonth": 21 },
                          { "id": "final", "name": { "zh": "总结", "en": "summary" }, "cadence": "once", "dates": [ "2022-10-14" ] } ] }
            """).GetValueOrThrow();
        var monthly = Dues(plan, "monthly").ToList();
        Assert.Equal("04-21 05-21 06-21 07-21 08-21 09-21", Days(monthly));
        Assert.Equal("05-21 08-21", Days(monthly.Where(d => d.Notes.Contains(ReportDueNote.OnRestDay))));
        Assert.Empty(Assert.Single(Dues(plan, "final")).Notes);
    }

    // A plan running past the last year the statutory calendar knows (no holiday notice yet): the typed API answers with
    // the calendar's coded error on the day it could not place, as the JSON rule does, and never throws.
    internal static CampaignPlan BeyondTheCalendar()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        return MonthlyOnThe10th(new LocalDate(last, 11, 1), new LocalDate(last + 1, 2, 28));
    }

    // A plan of one monthly report due on the 10th, over the given window.
    internal static CampaignPlan MonthlyOnThe10th(LocalDate start, LocalDate end) => CampaignPlan.Parse($$"""
        { "id": "monthly-10th", "title": { "zh": "月报", "en": "Monthly" }, "window": { "start": "{{start:uuuu-MM-dd}}", "end": "{{end:uuuu-MM-dd}}" },
          "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } }, { "id": "county", "name": { "zh": "县局", "en": "county bureau" }, "reportsTo": "city" } ],
          "series": [ { "id": "monthly", "name": { "zh": "月报", "en": "monthly" }, "cadence": "monthly", "dayOfMonth": 10 } ] }
        """).GetValueOrThrow();

    [Fact]
    public void Dues_PastTheCalendarsLastYear_IsTheCalendarsCodedError_NotAnException()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        var plan = BeyondTheCalendar();
        var inside = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(last, 11, 1), new LocalDate(last, 12, 31)).GetValueOrThrow();
        Assert.Equal([new LocalDate(last, 11, 10), new LocalDate(last, 12, 10)], inside.Dues.Select(d => d.NominalDate));
        var result = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(last, 11, 1), new LocalDate(last + 1, 2, 28));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Calendar.OutOfRange", error.Code);
        Assert.Equal("$.to", error.Path);
        Assert.Contains($"{last + 1}-01-10", error.Message.Chinese, StringComparison.Ordinal);
        // Moved to the previous working day, the next year's 10 January could come back into December: unknown, so refused.
        var moving = CampaignCalendar.Dues(NationalCatalog.Law, plan.WithRestDays(CampaignRestDayRule.PreviousWorkingDay), new LocalDate(last, 12, 1), new LocalDate(last, 12, 31));
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(moving.Errors).Code);
        // Moved to the next working day, it cannot: December is answered.
        var later = CampaignCalendar.Dues(NationalCatalog.Law, plan.WithRestDays(CampaignRestDayRule.NextWorkingDay), new LocalDate(last, 12, 1), new LocalDate(last, 12, 31));
        Assert.Equal(new LocalDate(last, 12, 10), Assert.Single(later.GetValueOrThrow().Dues).NominalDate);
    }

    internal static CampaignPlan WithRestDays(CampaignRestDayRule rule)
    {
        var json = File.ReadAllText(Path.Combine(Kernel.RepositoryPaths.Root, "src", "MarketRules", "Data", "Campaigns", "daguan-2016.json"));
        var kebab = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(rule.ToString());
        return CampaignPlan.Parse(json.Replace("\"window\":", $"\"restDays\": \"{kebab}\", \"window\":", StringComparison.Ordinal)).GetValueOrThrow();
    }
}
