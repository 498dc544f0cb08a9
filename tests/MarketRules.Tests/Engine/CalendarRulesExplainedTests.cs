using System.Text;
using System.Text.Json;

namespace MarketRules.Tests.Engine;

/// <summary>
/// The calendar rules as a JSON caller reads them: every way of counting a period (民法典第二百条至第二百零四条, 行政处罚法
/// 第八十五条), the rest-day rule, paused days and each kind of day, explained word for word in both languages; and every
/// fault of a request, coded at its path. Read by hand when the snapshot changes.
/// </summary>
public class CalendarRulesExplainedTests
{
    private static readonly (string Name, string AsOf, string Rule, string Input)[] Requests =
    [
        ("working days, no rest day at the end", "2024-09-27", "calendar.deadline/1", """{"trigger":"2024-09-27","length":5,"unit":"working-days"}"""),
        ("days ending on National Day: rolled forward", "2024-09-21", "calendar.deadline/1", """{"trigger":"2024-09-21","length":10,"unit":"days"}"""),
        ("days ending on National Day, rest-day rule none", "2024-09-21", "calendar.deadline/1", """{"trigger":"2024-09-21","length":10,"unit":"days","restDayRule":"none"}"""),
        ("a month from the 31st: the month's last day", "2024-01-31", "calendar.deadline/1", """{"trigger":"2024-01-31","length":1,"unit":"months"}"""),
        ("a year ending on National Day", "2023-10-02", "calendar.deadline/1", """{"trigger":"2023-10-02","length":1,"unit":"years"}"""),
        ("48 hours from an instant", "2024-09-30", "calendar.deadline/1", """{"triggerAt":"2024-09-30T02:30:00Z","length":48,"unit":"hours"}"""),
        ("penalty law 5 days: working days", "2024-09-27", "calendar.deadline/1", """{"trigger":"2024-09-27","penaltyLawDays":5}"""),
        ("penalty law 10 days: calendar days", "2024-09-27", "calendar.deadline/1", """{"trigger":"2024-09-27","penaltyLawDays":10}"""),
        ("30 days with 5 days excluded", "2024-03-01", "calendar.deadline/1", """{"trigger":"2024-03-01","length":30,"unit":"days","excluded":[{"start":"2024-03-05","end":"2024-03-09"}]}"""),
        ("asked the day after it ran out", "2024-10-11", "calendar.deadline/1", """{"trigger":"2024-09-27","length":5,"unit":"working-days"}"""),
        ("asked on its last day", "2024-10-10", "calendar.deadline/1", """{"trigger":"2024-09-27","length":5,"unit":"working-days"}"""),
        ("a holiday rest day, counted and added to", "2024-10-01", "calendar.working-days/1", """{"date":"2024-10-01","until":"2024-10-12","addWorkingDays":3}"""),
        ("a make-up workday", "2024-10-12", "calendar.working-days/1", """{"date":"2024-10-12"}"""),
        ("a weekend rest day", "2024-09-21", "calendar.working-days/1", """{"date":"2024-09-21"}"""),
        ("a working day, until itself", "2024-09-27", "calendar.working-days/1", """{"date":"2024-09-27","until":"2024-09-27","addWorkingDays":0}"""),
    ];

    private static readonly (string Name, string Rule, string Input)[] Faults =
    [
        ("no trigger", "calendar.deadline/1", """{"length":5,"unit":"days"}"""),
        ("both triggers", "calendar.deadline/1", """{"trigger":"2024-09-27","triggerAt":"2024-09-27T02:00:00Z","length":5,"unit":"days"}"""),
        ("no period", "calendar.deadline/1", """{"trigger":"2024-09-27"}"""),
        ("a length without its unit", "calendar.deadline/1", """{"trigger":"2024-09-27","length":5}"""),
        ("a unit without its length", "calendar.deadline/1", """{"trigger":"2024-09-27","unit":"days"}"""),
        ("length and penaltyLawDays", "calendar.deadline/1", """{"trigger":"2024-09-27","length":5,"unit":"days","penaltyLawDays":5}"""),
        ("unit and penaltyLawDays", "calendar.deadline/1", """{"trigger":"2024-09-27","unit":"days","penaltyLawDays":5}"""),
        ("a negative length", "calendar.deadline/1", """{"trigger":"2024-09-27","length":-1,"unit":"days"}"""),
        ("days beyond the longest period", "calendar.deadline/1", """{"trigger":"2016-01-01","length":3661,"unit":"days"}"""),
        ("hours beyond the longest period", "calendar.deadline/1", """{"triggerAt":"2016-01-01T00:00:00Z","length":87841,"unit":"hours"}"""),
        ("a negative penaltyLawDays", "calendar.deadline/1", """{"trigger":"2024-09-27","penaltyLawDays":-1}"""),
        ("penaltyLawDays beyond the longest period", "calendar.deadline/1", """{"trigger":"2024-09-27","penaltyLawDays":3661}"""),
        ("no date", "calendar.working-days/1", """{"until":"2024-10-12"}"""),
        ("until before the date", "calendar.working-days/1", """{"date":"2024-10-12","until":"2024-10-11"}"""),
        ("a negative number of working days", "calendar.working-days/1", """{"date":"2024-10-12","addWorkingDays":-1}"""),
        ("working days beyond the longest period", "calendar.working-days/1", """{"date":"2016-01-04","addWorkingDays":3661}"""),
    ];

    [Fact]
    public void EveryWayOfCounting_AndEveryKindOfDay_ExplainedWordForWord()
    {
        var engine = FreshRules.Engine();
        var text = new StringBuilder();
        foreach (var (name, asOf, rule, input) in Requests)
        {
            var json = engine.Evaluate($$"""{"rule":"{{rule}}","asOf":"{{asOf}}","input":{{input}}}""");
            using var decision = JsonDocument.Parse(json);
            var root = decision.RootElement;
            Assert.True(root.GetProperty("ok").GetBoolean(), name + ": " + json);
            text.Append("## ").AppendLine(name);
            text.Append("result: ").AppendLine(root.GetProperty("result").GetRawText());
            var explanation = root.GetProperty("explanation");
            text.Append("outcome: ").AppendLine(explanation.GetProperty("outcome").GetString());
            foreach (var reason in explanation.GetProperty("reasons").EnumerateArray())
            {
                var message = reason.GetProperty("message");
                text.Append("- ").Append(reason.GetProperty("code").GetString())
                    .Append(" | ").Append(message.GetProperty("zh").GetString())
                    .Append(" | ").Append(message.GetProperty("en").GetString())
                    .Append(" | ").Append(reason.TryGetProperty("arguments", out var arguments) ? arguments.GetRawText() : "{}")
                    .Append(" | ").AppendLine(reason.TryGetProperty("citation", out var citation) ? Cited(citation) : "(no citation)");
            }
            if (explanation.TryGetProperty("dates", out var dates))
            {
                foreach (var date in dates.EnumerateArray())
                {
                    text.Append("date: ").AppendLine(date.GetRawText());
                }
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    private static string Cited(JsonElement citation) =>
        citation.GetProperty("document").GetProperty("zh").GetString()
        + (citation.TryGetProperty("documentNumber", out var number) ? "（" + number.GetString() + "）" : "")
        + (citation.TryGetProperty("article", out var article) ? " " + article.GetProperty("zh").GetString() : "");

    [Fact]
    public void EveryFaultOfARequest_CodedAtItsPath_InBothLanguages_AndNothingDecided()
    {
        var engine = FreshRules.Engine();
        var text = new StringBuilder();
        foreach (var (name, rule, input) in Faults)
        {
            var json = engine.Evaluate($$"""{"rule":"{{rule}}","asOf":"2024-09-27","input":{{input}}}""");
            using var decision = JsonDocument.Parse(json);
            var root = decision.RootElement;
            Assert.False(root.GetProperty("ok").GetBoolean(), name + ": " + json);
            Assert.False(root.TryGetProperty("result", out _), name);
            text.Append("## ").AppendLine(name);
            foreach (var error in root.GetProperty("errors").EnumerateArray())
            {
                var message = error.GetProperty("message");
                text.Append("- ").Append(error.GetProperty("code").GetString()).Append(" at ").Append(error.GetProperty("path").GetString())
                    .Append(" | ").Append(message.GetProperty("zh").GetString()).Append(" | ").AppendLine(message.GetProperty("en").GetString());
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Theory]
    [InlineData("""{"trigger":"2016-01-01","length":3660,"unit":"days"}""")]
    [InlineData("""{"triggerAt":"2016-01-01T00:00:00Z","length":87840,"unit":"hours"}""")]
    [InlineData("""{"trigger":"2016-01-01","penaltyLawDays":3660}""")]
    [InlineData("""{"trigger":"2024-09-27","length":0,"unit":"days"}""")]
    public void LongestAndShortestPeriods_AreAccepted(string input)
    {
        var json = FreshRules.Engine().Evaluate($$"""{"rule":"calendar.deadline/1","asOf":"2024-09-27","input":{{input}}}""");
        Assert.Contains("\"ok\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedUnitOrRestDayRuleNoJsonSpellingNames_RefusedAtItsPath()
    {
        // JSON cannot spell these (the door refuses the string); a typed caller can cast them.
        var rule = FreshRules.Of("calendar.deadline/1");
        var context = new MarketRules.Engine.RuleContext(new LocalDate(2024, 9, 27), default, NationalCatalog.Policy, MarketRules.Calendar.PeriodCalculator.China);
        var unit = rule.EvaluateUntyped(new MarketRules.Engine.Rules.Calendar.DeadlineInput { Trigger = new LocalDate(2024, 9, 27), Length = 5, Unit = (MarketRules.Calendar.PeriodUnit)99 }, context);
        Assert.Contains(unit.Errors, e => e.Code == "MR.Deadline.PeriodRequired" && e.Path == "$.unit");
        var rest = rule.EvaluateUntyped(new MarketRules.Engine.Rules.Calendar.DeadlineInput { Trigger = new LocalDate(2024, 9, 27), Length = 5, Unit = MarketRules.Calendar.PeriodUnit.Days, RestDayRule = (MarketRules.Calendar.RestDayRule)9 }, context);
        Assert.Equal(("MR.Deadline.PeriodRequired", "$.restDayRule"), (Assert.Single(rest.Errors).Code, rest.Errors[0].Path));
    }
}
