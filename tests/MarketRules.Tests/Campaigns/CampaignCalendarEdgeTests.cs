using MarketRules.Calendar;
using MarketRules.Campaigns;

namespace MarketRules.Tests.Campaigns;

// Edges of the reporting calendar that the first mutation run (mutation/README.md, campaigns) showed no test noticed:
// which rest-day rule wins, the outcome of a range without dues, the order of dues at the same instant, and where the
// calendar's years end (a due day exactly on the range's edge, a day before the range that no rule can move in).
public class CampaignCalendarEdgeTests
{
    // Hengyang 2022 (domain-rules-more P4.3): monthly before the 21st; 2022-05-21 is a Saturday, Monday 05-23 the next working day.
    private static CampaignPlan Plan(string planRestDays, string seriesRestDays) => CampaignPlan.Parse($$"""
        { "id": "hengyang-2022", "title": { "zh": "衡阳", "en": "Hengyang" }, "window": { "start": "2022-04-19", "end": "2022-10-14" }{{planRestDays}},
          "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } }, { "id": "county", "name": { "zh": "县市区局", "en": "county bureaus" }, "reportsTo": "city" } ],
          "series": [ { "id": "b-monthly", "name": { "zh": "月报乙", "en": "monthly B" }, "cadence": "monthly", "dayOfMonth": 21{{seriesRestDays}} },
                      { "id": "a-monthly", "name": { "zh": "月报甲", "en": "monthly A" }, "cadence": "monthly", "dayOfMonth": 21 } ] }
        """).GetValueOrThrow();

    private static CampaignCalendarResult Dues(CampaignPlan plan, LocalDate from, LocalDate to) =>
        CampaignCalendar.Dues(NationalCatalog.Law, plan, from, to).GetValueOrThrow();

    [Fact]
    public void SeriesRestDayRule_WinsOverThePlans_ThePlansAppliesWhereTheSeriesIsSilent()
    {
        var plan = Plan(""", "restDays": "next-working-day" """, """, "restDays": "keep" """);
        var dues = Dues(plan, new LocalDate(2022, 5, 1), new LocalDate(2022, 5, 31)).Dues;
        // b-monthly says keep: Saturday 05-21 stays, flagged; a-monthly says nothing: the plan's rule moves it to Monday.
        var kept = Assert.Single(dues, d => d.Series == "b-monthly");
        Assert.Equal((new LocalDate(2022, 5, 21), new LocalDate(2022, 5, 21)), (kept.Date, kept.NominalDate));
        Assert.Contains(ReportDueNote.OnRestDay, kept.Notes);
        var moved = Assert.Single(dues, d => d.Series == "a-monthly");
        Assert.Equal((new LocalDate(2022, 5, 23), new LocalDate(2022, 5, 21)), (moved.Date, moved.NominalDate));
    }

    [Fact]
    public void RestDayRule_Explained_InBothLanguages_ForEachRuleStated()
    {
        var plan = Plan(""", "restDays": "next-working-day" """, """, "restDays": "keep" """);
        var reasons = Dues(plan, new LocalDate(2022, 5, 1), new LocalDate(2022, 5, 31)).Explanation.Reasons.Where(r => r.Code == "MR.Campaigns.RestDayRule").ToList();
        Assert.Contains(reasons, r => r.Message.Chinese.Contains("方案规定照常报送", StringComparison.Ordinal) && r.Message.English.Contains("the plan keeps the day", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Message.Chinese.Contains("顺延至下一个工作日", StringComparison.Ordinal) && r.Message.English.Contains("moved to the next working day", StringComparison.Ordinal));
        var previous = Plan(""", "restDays": "previous-working-day" """, "");
        Assert.Contains(Dues(previous, new LocalDate(2022, 5, 1), new LocalDate(2022, 5, 31)).Explanation.Reasons,
            r => r.Code == "MR.Campaigns.RestDayRule" && r.Message.Chinese.Contains("提前至前一个工作日", StringComparison.Ordinal) && r.Message.English.Contains("moved to the previous working day", StringComparison.Ordinal));
    }

    [Fact]
    public void RangeWithoutDues_OutcomeIsNoneDue_WithDues_Dues()
    {
        var plan = Plan("", "");
        var none = Dues(plan, new LocalDate(2022, 5, 22), new LocalDate(2022, 6, 20));
        Assert.Empty(none.Dues);
        Assert.Equal("none-due", none.Explanation.Outcome);
        var some = Dues(plan, new LocalDate(2022, 5, 22), new LocalDate(2022, 6, 21));
        Assert.Equal(2, some.Dues.Length);
        Assert.Equal("dues", some.Explanation.Outcome);
        Assert.Contains(some.Explanation.Reasons, r => r.Code == "MR.Campaigns.Dues" && r.Message.English.Contains('2', StringComparison.Ordinal));
    }

    [Fact]
    public void DuesAtTheSameInstant_OrderedBySeriesId_NotByTheirOrderInThePlan()
    {
        var dues = Dues(Plan("", ""), new LocalDate(2022, 6, 1), new LocalDate(2022, 6, 30)).Dues;
        Assert.Equal(["a-monthly", "b-monthly"], dues.Select(d => d.Series));
        Assert.Equal(dues[0].DueAt, dues[1].DueAt);
    }

    [Fact]
    public void DueDayExactlyOnTheRangesLastDay_BeyondTheCalendar_IsTheCalendarsError_AtTo()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        var plan = CampaignCalendarTests.MonthlyOnThe10th(new LocalDate(last, 11, 1), new LocalDate(last + 1, 2, 28));
        var result = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(last, 12, 1), new LocalDate(last + 1, 1, 10));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MR.Calendar.OutOfRange", "$.to"), (error.Code, error.Path));
    }

    [Fact]
    public void DueDayExactlyOnTheRangesFirstDay_BeforeTheCalendar_IsTheCalendarsError_AtFrom_NamingTheDayAndTheYears()
    {
        var first = NationalCatalog.Law.Calendar.FirstYear;
        var plan = CampaignCalendarTests.MonthlyOnThe10th(new LocalDate(first - 1, 11, 1), new LocalDate(first, 2, 28));
        var result = CampaignCalendar.Dues(NationalCatalog.Law, plan, new LocalDate(first - 1, 12, 10), new LocalDate(first, 1, 31));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MR.Calendar.OutOfRange", "$.from"), (error.Code, error.Path));
        Assert.Contains($"{first - 1}-12-10", error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains($"{first}", error.Message.English, StringComparison.Ordinal);
        Assert.Contains($"{NationalCatalog.Law.Calendar.LastYear}", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void DayBeforeTheRange_BeforeTheCalendar_IsNoReasonToFail_WhenNoRuleCouldMoveItIn()
    {
        var first = NationalCatalog.Law.Calendar.FirstYear;
        var plan = CampaignCalendarTests.MonthlyOnThe10th(new LocalDate(first - 1, 11, 1), new LocalDate(first, 3, 31));
        // 12-10 of the year before the calendar lies within the 40 days looked at before 'from'; kept where it falls, it
        // cannot come into January, so January is answered.
        var january = Dues(plan, new LocalDate(first, 1, 1), new LocalDate(first, 1, 31));
        Assert.Equal(new LocalDate(first, 1, 10), Assert.Single(january.Dues).NominalDate);
        // Moved to the next working day, it could: unknown, so refused at $.from.
        var moving = CampaignCalendar.Dues(NationalCatalog.Law, plan.WithRestDays(CampaignRestDayRule.NextWorkingDay), new LocalDate(first, 1, 1), new LocalDate(first, 1, 31));
        Assert.Equal(("MR.Calendar.OutOfRange", "$.from"), (Assert.Single(moving.Errors).Code, moving.Errors[0].Path));
    }
}
