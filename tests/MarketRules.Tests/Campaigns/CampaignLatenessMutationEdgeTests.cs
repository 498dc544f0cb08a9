using MarketRules.Campaigns;
using MarketRules.Json;

namespace MarketRules.Tests.Campaigns;

/// <summary>
/// Edges of lateness (domain-rules-more P2–P3: a report is on time strictly before its due instant; one not sent is
/// missing from that instant on; a report is matched to the day it names, or to the nearest unanswered due, the earlier on
/// a tie) that the session-13 mutation run showed untested: the assessed range, the due instant itself, the outcome with
/// two units, reports that answer nothing, and the texts of each unit's record.
/// </summary>
public class CampaignLatenessMutationEdgeTests
{
    // Two county bureaus report monthly before the 10th, 17:00 (Hengyang's pattern, P1.2, with a time of day); the east
    // bureau alone sends a final summary on 06-20. 2022-04-10 is a Sunday, kept (the plan is silent).
    private static readonly CampaignPlan TwoCounties = CampaignPlan.Parse("""
        { "id": "two-counties-2022", "title": { "zh": "两县", "en": "Two counties" }, "window": { "start": "2022-04-01", "end": "2022-06-30" },
          "units": [ { "id": "city", "name": { "zh": "市局", "en": "city bureau" } },
                     { "id": "east", "name": { "zh": "东县局", "en": "east county bureau" }, "reportsTo": "city" },
                     { "id": "west", "name": { "zh": "西县局", "en": "west county bureau" }, "reportsTo": "city" } ],
          "series": [ { "id": "monthly", "name": { "zh": "月报", "en": "monthly report" }, "cadence": "monthly", "dayOfMonth": 10, "before": "17:00" },
                      { "id": "final", "name": { "zh": "工作总结", "en": "final summary" }, "cadence": "once", "dates": [ "2022-06-20" ], "reporters": [ "east" ] } ] }
        """).GetValueOrThrow();

    private static readonly LocalDate May1 = new(2022, 5, 1);
    private static readonly LocalDate May31 = new(2022, 5, 31);

    private static Instant Beijing(int month, int day, int hour, int minute) =>
        new LocalDateTime(2022, month, day, hour, minute).InZoneStrictly(Calendar.LegalTime.Zone).ToInstant();

    private static readonly Instant May10Due = Beijing(5, 10, 17, 0);

    private static CampaignLatenessResult AssessMay(Instant asOf, params ReportSubmission[] submissions) =>
        CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, submissions, asOf, May1, May31).GetValueOrThrow();

    private static string Reports(IEnumerable<UnitReport> reports) => string.Join(" ", reports.Select(r => $"{r.Series}@{r.Date:MM-dd}"));

    [Fact]
    public void Assess_NullLawPlanOrSubmissions_IsAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => CampaignLateness.Assess(null!, TwoCounties, [], May10Due));
        Assert.Throws<ArgumentNullException>(() => CampaignLateness.Assess(NationalCatalog.Law, null!, [], May10Due));
        Assert.Throws<ArgumentNullException>(() => CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, null!, May10Due));
    }

    [Fact]
    public void UnknownUnitAndSeries_NameTheIdGiven()
    {
        var errors = CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, [new ReportSubmission("east", "monthly", May10Due), new ReportSubmission("town-9", "hourly", May10Due)], May10Due).Errors;
        Assert.Equal(["$.submissions[1].unit town-9", "$.submissions[1].series hourly"], errors.Select(e => $"{e.Path} {e.Arguments["Id"]}"));
        Assert.Equal(("未定义的引用「town-9」", "Unknown reference 'town-9'"), (errors[0].Message.Chinese, errors[0].Message.English));
    }

    [Fact]
    public void OneDayRange_IsAssessed_ADayEndingBeforeItStarts_IsRangeInvalidAtTo()
    {
        var day = new LocalDate(2022, 5, 10);
        var unit = AssessMayRange(day, day).Units.Single(u => u.Unit == "east");
        Assert.Equal("monthly@05-10", Reports(unit.Missing));
        var error = Assert.Single(CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, [], May10Due, day, day.PlusDays(-1)).Errors);
        Assert.Equal(("MR.Campaigns.RangeInvalid", "$.to"), (error.Code, error.Path));
        Assert.Equal(new Dictionary<string, string> { ["From"] = "2022-05-10", ["To"] = "2022-05-09" }, error.Arguments.ToDictionary());

        static CampaignLatenessResult AssessMayRange(LocalDate from, LocalDate to) =>
            CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, [], Beijing(7, 1, 0, 0), from, to).GetValueOrThrow();
    }

    [Fact]
    public void GivenLastDay_DuesAfterItAreNotAssessed()
    {
        var east = AssessMay(Beijing(7, 1, 0, 0)).Units.Single(u => u.Unit == "east");
        Assert.Equal("monthly@05-10", Reports(east.Missing));
    }

    [Fact]
    public void NotSent_IsMissingFromTheDueInstantItself_NotBefore()
    {
        var atTheInstant = AssessMay(May10Due);
        Assert.Equal(["east monthly@05-10", "west monthly@05-10"], atTheInstant.Units.Select(u => $"{u.Unit} {Reports(u.Missing)}"));
        Assert.Equal("exceptions", atTheInstant.Explanation.Outcome);
        var justBefore = AssessMay(May10Due - Duration.FromTicks(1));
        Assert.All(justBefore.Units, u => Assert.Empty(u.Missing));
        Assert.Equal("all-on-time", justBefore.Explanation.Outcome);
    }

    [Fact]
    public void OneUnitLate_TheOtherOnTime_NoneMissing_IsExceptions()
    {
        var result = AssessMay(Beijing(6, 1, 0, 0), new ReportSubmission("east", "monthly", May10Due), new ReportSubmission("west", "monthly", Beijing(5, 10, 16, 59)));
        Assert.Equal(["east 0 1 0", "west 1 0 0"], result.Units.Select(u => $"{u.Unit} {u.OnTime.Length} {u.Late.Length} {u.Missing.Length}"));
        Assert.Equal("exceptions", result.Explanation.Outcome);
    }

    [Fact]
    public void OneUnitMissing_NoneLate_IsExceptions()
    {
        var result = AssessMay(Beijing(6, 1, 0, 0), new ReportSubmission("east", "monthly", Beijing(5, 10, 9, 0)));
        Assert.Equal(["east 1 0 0", "west 0 0 1"], result.Units.Select(u => $"{u.Unit} {u.OnTime.Length} {u.Late.Length} {u.Missing.Length}"));
        Assert.Equal("exceptions", result.Explanation.Outcome);
    }

    [Fact]
    public void AllOnTime_IsAllOnTime()
    {
        var result = AssessMay(Beijing(6, 1, 0, 0), new ReportSubmission("east", "monthly", Beijing(5, 10, 9, 0)), new ReportSubmission("west", "monthly", Beijing(5, 9, 9, 0)));
        Assert.Equal("all-on-time", result.Explanation.Outcome);
    }

    [Fact]
    public void ReportMidwayBetweenTwoDues_AnswersTheEarlier()
    {
        // 05-10 17:00 and 06-10 17:00 are 31 days apart: 05-26 05:00 is 15.5 days from each.
        ReportSubmission[] submissions = [new("east", "monthly", Beijing(5, 26, 5, 0))];
        var east = CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, submissions, Beijing(7, 1, 0, 0), May1, new LocalDate(2022, 6, 30)).GetValueOrThrow().Units.Single(u => u.Unit == "east");
        var late = Assert.Single(east.Late);
        Assert.Equal((new LocalDate(2022, 5, 10), 22_320L), (late.Date, late.LateByMinutes));
        Assert.Equal("monthly@06-10 final@06-20", Reports(east.Missing));
    }

    [Fact]
    public void SecondReportForTheOneDue_AnswersNothing_IsUnmatched()
    {
        var second = new ReportSubmission("east", "monthly", Beijing(5, 10, 10, 0));
        var east = AssessMay(Beijing(6, 1, 0, 0), new ReportSubmission("east", "monthly", Beijing(5, 9, 10, 0)), second).Units.Single(u => u.Unit == "east");
        Assert.Equal((new LocalDate(2022, 5, 10), Beijing(5, 9, 10, 0)), (Assert.Single(east.OnTime).Date, east.OnTime[0].SubmittedAt));
        Assert.Equal(second, Assert.Single(east.Unmatched));
    }

    [Fact]
    public void ReportNamingADayWithoutADue_IsUnmatched()
    {
        var named = new ReportSubmission("east", "monthly", Beijing(5, 10, 10, 0)) { For = new LocalDate(2022, 5, 11) };
        var east = AssessMay(Beijing(6, 1, 0, 0), named).Units.Single(u => u.Unit == "east");
        Assert.Equal(named, Assert.Single(east.Unmatched));
        Assert.Equal("monthly@05-10", Reports(east.Missing));
    }

    [Fact]
    public void ReportOfASeriesTheUnitDoesNotSend_IsUnmatched_AndNoneOfThatSeriesIsMissing()
    {
        // Over the whole window: the monthly due on Sunday 04-10 is kept (the plan is silent).
        var summary = new ReportSubmission("west", "final", Beijing(6, 20, 9, 0));
        var west = CampaignLateness.Assess(NationalCatalog.Law, TwoCounties, [summary], Beijing(7, 1, 0, 0)).GetValueOrThrow().Units.Single(u => u.Unit == "west");
        Assert.Equal(summary, Assert.Single(west.Unmatched));
        // It answers no due of the west bureau: the final summary is not the west's to send, so none of it is on time either.
        Assert.Empty(west.OnTime);
        Assert.Equal("monthly@04-10 monthly@05-10 monthly@06-10", Reports(west.Missing));
    }

    // A snapshot of one assessment with a late, a missing and an on-time report (May and June to 06-15, as of 06-15 noon):
    // every reason's text and arguments. Read against domain-rules-more P2 before committing.
    [Fact]
    public void OnTimeLateAndMissing_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(CampaignLateness.Assess(NationalCatalog.Law, TwoCounties,
            [new ReportSubmission("east", "monthly", Beijing(5, 10, 18, 30)), new ReportSubmission("west", "monthly", Beijing(5, 10, 16, 0))],
            Beijing(6, 15, 12, 0), May1, new LocalDate(2022, 6, 15)).GetValueOrThrow().Explanation));
}
