using MarketRules.Campaigns;
using MarketRules.Tests.Credit;
using Snapshooter.Xunit;

namespace MarketRules.Tests.Campaigns;

// A campaign plan is not law (domain-rules-more.md P): every value is pack data, so what the reader protects is the
// pack's own consistency. Each window, phase, concentrated week and report window lies inside the campaign's days (both
// ends included); phases run in order without overlap; each series names its schedule once; every reference resolves.
public class CampaignPackReaderMutationEdgeTests
{
    private const string Name = """ "name": { "zh": "名", "en": "name" } """;
    private const string Units = $$"""[ { "id": "o", {{Name}} }, { "id": "u", {{Name}}, "reportsTo": "o" } ]""";
    private const string StartOnly = """{ "start": "2017-01-06" }""";
    private const string Weekly = $$"""{ "id": "w", {{Name}}, "cadence": "weekly", "weekday": "thursday" }""";

    // A pack over January 2017 with the given members; the defaults make a valid pack.
    private static RuleResult<CampaignPlan> Pack(string extra = "", string units = Units, string series = $"[ {Weekly} ]") =>
        CampaignPlan.Parse($$"""
            { "id": "p", "title": { "zh": "方案", "en": "plan" }, "window": { "start": "2017-01-01", "end": "2017-01-31" },
              {{extra}} "units": {{units}}, "series": {{series}} }
            """);

    private static string Phase(string id, string start, string end) =>
        $$"""{ "id": "{{id}}", {{Name}}, "start": "{{start}}", "end": "{{end}}" }""";

    private static string Range(string start, string end) => $$"""{ "start": "{{start}}", "end": "{{end}}" }""";

    private static string Series(string id, string members) => $$"""{ "id": "{{id}}", {{Name}}, {{members}} }""";

    [Fact]
    public void FullPack_ReadsEveryMember_WindowsOnTheCampaignsFirstAndLastDayAreInside()
    {
        var plan = CampaignPlan.Parse($$"""
            { "id": "full", "source": "seed", "status": "verified-secondary", "note": "n",
              "title": { "zh": "方案", "en": "plan" }, "issuer": { "zh": "办公室", "en": "office" },
              "window": { "start": "2017-01-01", "end": "2017-01-31" }, "restDays": "next-working-day",
              "phases": [ {{Phase("one", "2017-01-01", "2017-01-10")}}, {{Phase("two", "2017-01-11", "2017-01-31")}} ],
              "concentrated": [ {{Range("2017-01-01", "2017-01-01")}}, {{Range("2017-01-31", "2017-01-31")}} ],
              "units": {{Units}},
              "series": [
                {{Series("c", """ "cadence": "daily", "within": "campaign" """)}},
                {{Series("k", """ "cadence": "daily", "within": "concentrated" """)}},
                {{Series("ph", """ "cadence": "monthly", "dayOfMonth": 1, "within": "two" """)}},
                {{Series("own", $""" "cadence": "monthly", "dayOfMonth": 31, "windows": [ {Range("2017-01-01", "2017-01-01")}, {Range("2017-01-31", "2017-01-31")} ], "reporters": ["u", "o"], "to": "o" """)}},
                {{Series("once", """ "cadence": "once", "dates": ["2017-01-01", "2017-01-31"], "before": "09:30", "restDays": "keep" """)}} ] }
            """).GetValueOrThrow();

        var january = new DateInterval(new LocalDate(2017, 1, 1), new LocalDate(2017, 1, 31));
        // Compared as text: xunit would compare each interval as the collection of its days.
        static string Day(int d) => new DateInterval(new LocalDate(2017, 1, d), new LocalDate(2017, 1, d)).ToString();
        static string[] Text(IEnumerable<DateInterval> intervals) => [.. intervals.Select(i => i.ToString())];
        Assert.Equal(("full", "plan", "office", january), (plan.Id, plan.Title.English, plan.Issuer.English, plan.Window));
        Assert.Equal(CampaignRestDayRule.NextWorkingDay, plan.RestDays);
        Assert.Equal(("office", "seed", "n", VerificationStatus.VerifiedSecondary),
            (plan.Citation.IssuingBody?.English, plan.Citation.Source, plan.Citation.Note, plan.Citation.Status));
        Assert.Equal(["one", "two"], plan.Phases.Select(p => p.Id));
        Assert.Equal(new DateInterval(new LocalDate(2017, 1, 11), january.End), plan.Phases[1].Days);
        Assert.Equal([Day(1), Day(31)], Text(plan.Concentrated));
        Assert.Equal(["o", "u"], plan.Units.Select(u => u.Id));

        var series = plan.Series.ToDictionary(s => s.Id);
        Assert.Equal(Text([january]), Text(series["c"].Windows));
        Assert.Equal([Day(1), Day(31)], Text(series["k"].Windows));
        Assert.Equal(Text([plan.Phases[1].Days]), Text(series["ph"].Windows));
        Assert.Equal((ReportCadence.Monthly, 1), (series["ph"].Cadence, series["ph"].DayOfMonth));
        Assert.Equal([Day(1), Day(31)], Text(series["own"].Windows));
        Assert.Equal(31, series["own"].DayOfMonth);
        Assert.Equal(["u", "o"], series["own"].Reporters.ToArray());
        Assert.Equal([new LocalDate(2017, 1, 1), new LocalDate(2017, 1, 31)], series["once"].Dates.ToArray());
        Assert.Equal((new LocalTime(9, 30), CampaignRestDayRule.Keep), (series["once"].Before, series["once"].RestDays));
        Assert.All(plan.Series, s => Assert.Equal("o", s.To));
    }

    [Fact]
    public void DayOfMonth_OfAMonthlySeriesMissing_IsOneErrorWithItsTextInBothLanguages()
    {
        var error = Assert.Single(Pack(series: $$"""[ {{Series("m", """ "cadence": "monthly" """)}} ]""").Errors);
        Assert.Equal(("MR.Campaigns.PackInvalid", "$.series[0].dayOfMonth"), (error.Code, error.Path));
        Assert.Contains("只有每月报送的事项须且只能写明每月几日（1至31）", error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("a monthly series, and only a monthly series, names its day of the month (1–31)", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_WithoutItsName_IsReportedOnce_ItsScheduleIsNotJudged()
    {
        // A series missing a required member is reported once, at the series, and is not read: its schedule (here a
        // monthly series without its day) is not checked as well, and the pack is left with no series.
        var errors = Pack(series: """[ { "id": "m", "cadence": "monthly" } ]""").Errors;
        Assert.Equal(["$.series[0]", "$.series"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal("MR.Campaigns.PackInvalid", e.Code));
    }

    [Fact]
    public void Issuer_WhenAbsent_IsTheTitle()
    {
        var plan = Pack().GetValueOrThrow();
        Assert.Equal("plan", plan.Issuer.English);
        Assert.Null(plan.Citation.IssuingBody);
    }

    [Fact]
    public void Window_OfASingleDay_IsValid()
    {
        var plan = CampaignPlan.Parse($$"""
            { "id": "p", "title": { "zh": "方案", "en": "plan" }, "window": { "start": "2017-01-01", "end": "2017-01-01" },
              "units": {{Units}}, "series": [ {{Weekly}} ] }
            """).GetValueOrThrow();
        Assert.Equal(1, plan.Window.Length);
    }

    [Theory]
    [InlineData("2017-01-01", "2017-01-31", true)]
    [InlineData("2016-12-31", "2017-01-31", false)]
    [InlineData("2017-01-01", "2017-02-01", false)]
    public void Phase_InsideTheCampaign_BothEndsIncluded(string start, string end, bool inside)
    {
        var result = Pack($""" "phases": [ {Phase("a", start, end)} ], """);
        Assert.Equal(inside, result.IsSuccess);
        if (!inside)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(("MR.Campaigns.PackInvalid", "$.phases[0]"), (error.Code, error.Path));
            Assert.Equal("phase 'a' lies outside the campaign's window", error.Arguments["Detail"]);
        }
    }

    [Theory]
    [InlineData("2017-01-11", true)]
    [InlineData("2017-01-10", false)]
    public void Phase_StartsAfterThePreviousPhaseEnds(string secondStart, bool valid)
    {
        var result = Pack($""" "phases": [ {Phase("a", "2017-01-01", "2017-01-10")}, {Phase("b", secondStart, "2017-01-20")}, {Phase("c", "2017-01-15", "2017-01-31")} ], """);
        // The third phase overlaps the second in both cases: each phase is checked against the one read before it.
        Assert.Equal(valid ? new[] { "$.phases[2]" } : ["$.phases[1]", "$.phases[2]"], result.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void DayOfMonth_IsOneToThirtyOne(int day, bool valid)
    {
        var result = Pack(series: $$"""[ {{Series("m", $""" "cadence": "monthly", "dayOfMonth": {day} """)}} ]""");
        Assert.Equal(valid ? Array.Empty<string>() : ["$.series[0].dayOfMonth"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void FromDto_PrefixesEveryPathWithItsRoot()
    {
        var result = CampaignPackReader.FromDto(new CampaignPackDto(), "$.plan");
        Assert.Equal(["$.plan.id", "$.plan.title", "$.plan.window", "$.plan.units", "$.plan.series"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void BadPacks_EveryCodedError_NamesItsPathAndWhatIsWrong()
    {
        var errors = new[]
        {
            // Nothing given.
            CampaignPlan.Parse("{}").Errors,
            // Phases, concentrated weeks and units: a name missing, one day outside the window, a start on the previous
            // phase's last day, an end before the start, a start without an end, a unit defined twice and referring to
            // nobody, a unit without an id; one series naming an unknown reporter.
            Pack(
                $$"""
                "phases": [ { "id": "a", "start": "2017-01-01", "end": "2017-01-02" }, {{Phase("b", "2016-12-31", "2017-01-10")}},
                  {{Phase("c", "2017-01-10", "2017-01-20")}}, {{Phase("d", "2017-01-25", "2017-01-24")}} ],
                "concentrated": [ {{Range("2017-01-31", "2017-02-01")}}, { "start": "2017-01-05" } ],
                """,
                units: $$"""[ { "id": "o", {{Name}} }, { "id": "o", {{Name}}, "reportsTo": "x" }, { {{Name}} } ]""",
                series: $$"""[ {{Series("r", """ "cadence": "daily", "reporters": ["o", "z"] """)}} ]""").Errors,
            // Series: each way of naming the schedule wrongly (a fixed date on the window's last day is inside, the next day is
            // not), windows, references, missing members.
            Pack(
                $""" "phases": [ {Phase("ph", "2017-01-01", "2017-01-10")} ], """,
                series: $$"""
                [ {{Series("w", """ "cadence": "weekly", "before": "3pm" """)}},
                  {{Series("w", """ "cadence": "monthly", "dayOfMonth": 1, "weekday": "monday" """)}},
                  {{Series("o1", """ "cadence": "once", "dates": [] """)}},
                  {{Series("o2", """ "cadence": "daily", "dates": ["2017-01-31", "2017-02-01"] """)}},
                  {{Series("b", $""" "cadence": "daily", "within": "campaign", "windows": [ {Range("2017-01-01", "2017-01-02")} ] """)}},
                  {{Series("ws", $""" "cadence": "daily", "windows": [ {Range("2016-12-31", "2017-01-01")}, {Range("2017-01-05", "2017-01-04")}, {StartOnly} ] """)}},
                  {{Series("k", """ "cadence": "daily", "within": "concentrated" """)}},
                  {{Series("x", """ "cadence": "daily", "within": "phase-9", "to": "nobody" """)}},
                  {{Series("r", """ "cadence": "daily", "to": "o", "reporters": ["u", "ghost"] """)}},
                  { {{Name}}, "cadence": "daily" },
                  { "id": "n", "cadence": "daily" },
                  {{Series("nc", """ "to": "o" """)}} ]
                """).Errors,
            // Two units report to no one: a series must name its receiver.
            Pack(units: $$"""[ { "id": "a", {{Name}} }, { "id": "b", {{Name}} } ]""", series: $$"""[ {{Series("d", """ "cadence": "daily" """)}} ]""").Errors,
        };
        Snapshot.Match(ErrorTexts.Of(errors));
    }
}
