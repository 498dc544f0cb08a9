using MarketRules.Calendar;
using MarketRules.Campaigns;
using MarketRules.Json;

namespace MarketRules.Tests.Campaigns;

/// <summary>
/// Edges of the reporting calendar (domain-rules-more P2–P3: due days on the statutory calendar, a rest day kept and
/// flagged when the plan is silent, or moved as the plan says) that the session-13 mutation run showed untested: the
/// one-day range, the notes of a moved and a merged day, the 40 days looked at either side of the range, a series
/// window reaching past the calendar's years, and the texts of each rest-day outcome.
/// </summary>
public class CampaignCalendarMutationEdgeTests
{
    private static readonly LocalDate SpringFestivalFrom = new(2017, 1, 26);
    private static readonly LocalDate SpringFestivalTo = new(2017, 2, 14);

    // A plan with one fixed-date report (a final summary) on the given day; the window reaches a year either side.
    private static CampaignPlan FinalSummaryOn(LocalDate date, CampaignRestDayRule rule) => CampaignPlan.Parse($$"""
        { "id": "final-{{date:uuuu-MM-dd}}", "title": { "zh": "总结", "en": "Summary" }, "restDays": "{{System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(rule.ToString())}}",
          "window": { "start": "{{date.PlusYears(-1):uuuu-MM-dd}}", "end": "{{date.PlusYears(1):uuuu-MM-dd}}" },
          "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } }, { "id": "county", "name": { "zh": "县局", "en": "county bureau" }, "reportsTo": "city" } ],
          "series": [ { "id": "final", "name": { "zh": "工作总结", "en": "final summary" }, "cadence": "once", "dates": [ "{{date:uuuu-MM-dd}}" ] } ] }
        """).GetValueOrThrow();

    [Fact]
    public void Dues_NullLawOrPlan_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => CampaignCalendar.Dues(null!, CampaignPlan.Daguan2016, SpringFestivalFrom, SpringFestivalTo));
        Assert.Throws<ArgumentNullException>(() => CampaignCalendar.Dues(NationalCatalog.Law, null!, SpringFestivalFrom, SpringFestivalTo));
    }

    [Fact]
    public void Dues_OneDayRange_IsValid_TheDayBeforeIsRangeInvalid_NamingBothDays()
    {
        var day = new LocalDate(2017, 2, 23);
        var final = CampaignCalendar.Dues(NationalCatalog.Law, CampaignPlan.Daguan2016, day, day).GetValueOrThrow();
        Assert.Equal(["weekly", "final-summary"], final.Dues.Select(d => d.Series).Order(StringComparer.Ordinal).Reverse());
        var error = Assert.Single(CampaignCalendar.Dues(NationalCatalog.Law, CampaignPlan.Daguan2016, day, day.PlusDays(-1)).Errors);
        Assert.Equal(("MR.Campaigns.RangeInvalid", "$.to"), (error.Code, error.Path));
        Assert.Equal(new Dictionary<string, string> { ["From"] = "2017-02-23", ["To"] = "2017-02-22" }, error.Arguments.ToDictionary());
        Assert.Equal("日期范围 2017-02-23 至 2017-02-22 无效", error.Message.Chinese);
        Assert.Equal("The date range 2017-02-23 to 2017-02-22 is invalid", error.Message.English);
    }

    [Fact]
    public void PreviousWorkingDay_FinalSummaryInTheSpringFestival_MovesToTheLastWorkingDayBefore_NotedMovedEarlier()
    {
        // Wednesday 2017-02-01 is in the Spring Festival holiday (01-27 → 02-02); the last working day before is Thursday 01-26.
        var due = Assert.Single(CampaignCalendar.Dues(NationalCatalog.Law, FinalSummaryOn(new LocalDate(2017, 2, 1), CampaignRestDayRule.PreviousWorkingDay),
            new LocalDate(2017, 1, 20), new LocalDate(2017, 1, 31)).GetValueOrThrow().Dues);
        Assert.Equal((new LocalDate(2017, 1, 26), new LocalDate(2017, 2, 1), DayKind.HolidayRest), (due.Date, due.NominalDate, due.NominalDayKind));
        Assert.Equal([ReportDueNote.MovedEarlier], due.Notes.ToArray());
    }

    [Fact]
    public void NextWorkingDay_SaturdayAndSundayDailies_MergeIntoMondays_MarkedMergedOnce()
    {
        // Daily 02-10 → 02-14: Saturday 02-11 and Sunday 02-12 both move to Monday 02-13, which is due itself: one report
        // answers all three, noted once as merged.
        var plan = CampaignCalendarTests.WithRestDays(CampaignRestDayRule.NextWorkingDay);
        var daily = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(2017, 2, 10), new LocalDate(2017, 2, 14)).GetValueOrThrow().Dues
            .Where(d => d.Series == "daily").ToList();
        Assert.Equal(["02-10", "02-13", "02-14"], daily.Select(d => d.Date.ToString("MM-dd", null)));
        Assert.Equal(new LocalDate(2017, 2, 11), daily[1].NominalDate);
        Assert.Equal([ReportDueNote.MovedLater, ReportDueNote.Merged], daily[1].Notes.ToArray());
    }

    // The days looked at for a fixed-date report are the range and 40 days either side, both ends included (no run of
    // rest days is longer): a day the calendar does not know is refused only where the plan's rule could move it in.

    [Fact]
    public void FixedDate40DaysBeforeTheRange_BeforeTheCalendar_MovedLater_IsRefusedAtFrom()
    {
        var from = new LocalDate(NationalCatalog.Law.Calendar.FirstYear, 1, 20);
        var result = CampaignCalendar.Dues(NationalCatalog.Law, FinalSummaryOn(from.PlusDays(-40), CampaignRestDayRule.NextWorkingDay), from, from.PlusDays(10));
        Assert.Equal(("MR.Calendar.OutOfRange", "$.from"), (Assert.Single(result.Errors).Code, result.Errors[0].Path));
    }

    [Fact]
    public void FixedDate40DaysAfterTheRange_AfterTheCalendar_MovedEarlier_IsRefusedAtTo()
    {
        var to = new LocalDate(NationalCatalog.Law.Calendar.LastYear, 12, 20);
        var result = CampaignCalendar.Dues(NationalCatalog.Law, FinalSummaryOn(to.PlusDays(40), CampaignRestDayRule.PreviousWorkingDay), to.PlusDays(-10), to);
        Assert.Equal(("MR.Calendar.OutOfRange", "$.to"), (Assert.Single(result.Errors).Code, result.Errors[0].Path));
    }

    [Fact]
    public void FixedDate41DaysAfterTheRange_AfterTheCalendar_IsNotLookedAt()
    {
        var to = new LocalDate(NationalCatalog.Law.Calendar.LastYear, 12, 20);
        var result = CampaignCalendar.Dues(NationalCatalog.Law, FinalSummaryOn(to.PlusDays(41), CampaignRestDayRule.PreviousWorkingDay), to.PlusDays(-10), to);
        Assert.Empty(result.GetValueOrThrow().Dues);
    }

    [Fact]
    public void SeriesWindowStartingBeforeTheCalendar_MovedLater_RangeMonthsAfter_IsAnswered()
    {
        // Only the range and its 40 days before are looked at, not the series' whole window.
        var first = NationalCatalog.Law.Calendar.FirstYear;
        var plan = CampaignCalendarTests.MonthlyOnThe10th(new LocalDate(first - 1, 11, 1), new LocalDate(first, 12, 31)).WithRestDays(CampaignRestDayRule.NextWorkingDay);
        var dues = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(first, 3, 1), new LocalDate(first, 3, 31)).GetValueOrThrow().Dues;
        Assert.Equal(new LocalDate(first, 3, 10), Assert.Single(dues).NominalDate);
    }

    [Fact]
    public void SeriesWindowEndingAfterTheCalendar_MovedEarlier_RangeMonthsBefore_IsAnswered()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        var plan = CampaignCalendarTests.MonthlyOnThe10th(new LocalDate(last, 1, 1), new LocalDate(last + 1, 6, 30)).WithRestDays(CampaignRestDayRule.PreviousWorkingDay);
        var dues = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(last, 10, 1), new LocalDate(last, 10, 31)).GetValueOrThrow().Dues;
        Assert.Equal(new LocalDate(last, 10, 10), Assert.Single(dues).NominalDate);
    }

    // Snapshots of the Spring Festival weeks of the seed (2017-01-26 → 02-14): Thursday 02-02 a statutory holiday,
    // daily reports on Saturday 02-11 and Sunday 02-12; one per rest-day rule. Read against domain-rules-more P1.1, P2.

    [Fact]
    public void SpringFestival_PlanSilent_KeptAndFlagged_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(
            CampaignCalendar.Dues(NationalCatalog.Law, CampaignPlan.Daguan2016, SpringFestivalFrom, SpringFestivalTo).GetValueOrThrow().Explanation));

    [Fact]
    public void SpringFestival_PlanKeepsTheDay_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(CampaignCalendar.Dues(NationalCatalog.Law,
            CampaignCalendarTests.WithRestDays(CampaignRestDayRule.Keep), SpringFestivalFrom, SpringFestivalTo).GetValueOrThrow().Explanation));

    [Fact]
    public void SpringFestival_NextWorkingDay_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(CampaignCalendar.Dues(NationalCatalog.Law,
            CampaignCalendarTests.WithRestDays(CampaignRestDayRule.NextWorkingDay), SpringFestivalFrom, SpringFestivalTo).GetValueOrThrow().Explanation));
}
