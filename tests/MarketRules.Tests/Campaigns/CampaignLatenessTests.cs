using MarketRules.Campaigns;

namespace MarketRules.Tests.Campaigns;

public class CampaignLatenessTests
{
    private static Instant Beijing(int month, int day, int hour, int minute) =>
        new LocalDateTime(month == 12 ? 2016 : 2017, month, day, hour, minute).InZoneStrictly(Calendar.LegalTime.Zone).ToInstant();

    [Fact]
    public void DailyWeek_OnTimeLateAndMissing_PerUnit()
    {
        ReportSubmission[] submissions =
        [
            new("member-units", "daily", Beijing(12, 19, 11, 0)),
            new("member-units", "daily", Beijing(12, 20, 13, 30)),    // 90 minutes late
            new("member-units", "daily", Beijing(12, 22, 9, 0)),      // the 22nd's (nearest), so the 21st is missing
            new("member-units", "weekly", Beijing(12, 22, 15, 0)),    // at 15:00 sharp: late by 0 → counted late, 0 minutes
        ];
        var result = CampaignLateness.Assess(NationalCatalog.Law, CampaignPlan.Daguan2016, submissions, Beijing(12, 23, 18, 0), new LocalDate(2016, 12, 19), new LocalDate(2016, 12, 23)).GetValueOrThrow();
        var unit = Assert.Single(result.Units);
        Assert.Equal("member-units", unit.Unit);
        Assert.Equal(["daily 12-19", "daily 12-22"], unit.OnTime.Select(r => $"{r.Series} {r.Date:MM-dd}"));
        Assert.Equal(["daily 12-20 90", "weekly 12-22 0"], unit.Late.Select(r => $"{r.Series} {r.Date:MM-dd} {r.LateByMinutes}"));
        Assert.Equal(["daily 12-21", "daily 12-23"], unit.Missing.Select(r => $"{r.Series} {r.Date:MM-dd}"));
        Assert.Contains(result.Explanation.Reasons, r => r.Code == "MR.Campaigns.LateReport" && r.Message.Chinese.Contains("迟 90 分钟", StringComparison.Ordinal));
        Assert.Equal("exceptions", result.Explanation.Outcome);
    }

    [Fact]
    public void NotYetDue_IsNotMissing_AndNamedDueDayIsHonoured()
    {
        ReportSubmission[] submissions = [new("member-units", "daily", Beijing(12, 21, 8, 0)) { For = new LocalDate(2016, 12, 20) }];
        var result = CampaignLateness.Assess(NationalCatalog.Law, CampaignPlan.Daguan2016, submissions, Beijing(12, 21, 9, 0), new LocalDate(2016, 12, 19), new LocalDate(2016, 12, 23)).GetValueOrThrow();
        var unit = Assert.Single(result.Units);
        Assert.Equal(new LocalDate(2016, 12, 20), Assert.Single(unit.Late).Date);
        Assert.Equal(["12-19"], unit.Missing.Select(r => r.Date.ToString("MM-dd", null)));
    }

    [Fact]
    public void UnknownUnitOrSeries_IsACodedError()
    {
        var result = CampaignLateness.Assess(NationalCatalog.Law, CampaignPlan.Daguan2016, [new ReportSubmission("town-9", "hourly", Beijing(12, 21, 8, 0))], Beijing(12, 21, 9, 0));
        Assert.Equal(["$.submissions[0].unit", "$.submissions[0].series"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Assess_PastTheCalendarsLastYear_IsTheCalendarsCodedError_NotAnException()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        var at = new LocalDateTime(last + 1, 1, 9, 9, 0).InZoneStrictly(Calendar.LegalTime.Zone).ToInstant();
        var result = CampaignLateness.Assess(NationalCatalog.Law, CampaignCalendarTests.BeyondTheCalendar(), [new ReportSubmission("county", "monthly", at)], at);
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(result.Errors).Code);
    }
}
