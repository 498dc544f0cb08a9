using System.Globalization;
using System.Text;
using MarketRules.Calendar;
using MarketRules.Engine;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>
/// The statutory calendar at work: the deadlines of a few everyday case events in the demo year, counted on
/// working days and rolled past the Spring Festival and National Day rests, through the rule engine's JSON door.
/// </summary>
internal sealed class CalendarDemoStep : IDemoStep
{
    // (case event, legal basis, trigger, period as the law writes it). Bases from the laws' texts as recalled;
    // the periods' counting itself is cited in each decision (Civil Code arts. 200–204, APL art. 85).
    private static readonly (string Event, string Basis, int Month, int Day, string Period)[] Cases =
    [
        ("决定是否立案 Decide whether to open a case", "市场监督管理行政处罚程序规定 第十八条 (15 working days)", 9, 26, "\"length\": 15, \"unit\": \"working-days\""),
        ("当事人要求听证 Request a hearing", "行政处罚法 第六十四条 (5 days → working days, art. 85)", 1, 24, "\"penaltyLawDays\": 5"),
        ("缴纳罚款 Pay the fine", "行政处罚法 第六十七条 (15 days)", 9, 23, "\"penaltyLawDays\": 15"),
        ("申请行政复议 Apply for reconsideration", "行政复议法 第二十条 (60 days)", 8, 5, "\"length\": 60, \"unit\": \"days\""),
        ("普通程序结案 Decide an ordinary-procedure case", "市场监督管理行政处罚程序规定 第六十四条 (90 days)", 7, 3, "\"length\": 90, \"unit\": \"days\""),
        ("期间含检测时间 Case paused 10 days for testing", "市场监督管理行政处罚程序规定 (testing time not counted)", 9, 12, "\"length\": 15, \"unit\": \"working-days\", \"excluded\": [ { \"start\": \"2025-09-15\", \"end\": \"2025-09-24\" } ]"),
    ];

    public string Title => "法定期间 Statutory deadlines on the working-day calendar";

    public void Run(DemoContext context)
    {
        var engine = RuleEngine.Default;
        var rows = new List<IReadOnlyList<string>>();
        var decisions = new StringBuilder("[\n");
        var csv = new StringBuilder("event,basis,trigger,last_day,nominal_last_day,rolled_forward,excluded_days,expires_at\n");
        foreach (var (caseEvent, basis, month, day, period) in Cases)
        {
            var trigger = new LocalDate(context.Year, month, day);
            var request = $$"""{ "rule": "calendar.deadline/1", "asOf": "{{Iso(trigger)}}", "jurisdiction": "{{context.District}}", "input": { "trigger": "{{Iso(trigger)}}", {{period}} } }""";
            var decision = engine.Evaluate(request);
            decisions.Append(decisions.Length > 2 ? ",\n" : "").Append(decision);
            using var document = System.Text.Json.JsonDocument.Parse(decision);
            var result = document.RootElement.GetProperty("result");
            var lastDay = result.GetProperty("lastDay").GetString()!;
            var rolled = result.GetProperty("rolledForward").GetBoolean();
            var nominal = result.GetProperty("nominalLastDay").GetString()!;
            var excluded = result.GetProperty("excludedDays").GetInt32();
            rows.Add([caseEvent, basis, Iso(trigger), lastDay, rolled ? "rolled from " + nominal : "", excluded == 0 ? "" : excluded.ToString(CultureInfo.InvariantCulture)]);
            csv.Append(Csv(caseEvent)).Append(',').Append(Csv(basis)).Append(',').Append(Iso(trigger)).Append(',').Append(lastDay).Append(',')
                .Append(nominal).Append(',').Append(rolled ? "true" : "false").Append(',').Append(excluded).Append(',')
                .Append(result.GetProperty("expiresAt").GetString()).Append('\n');
        }
        decisions.Append("\n]\n");
        context.Table($"Case deadlines in {context.Year} 案件期间（{context.District}）", ["Event 事项", "Basis 依据", "Trigger 起算", "Last day 届满", "Rest days 顺延", "Excluded 不计入"], rows);

        // How long "15 working days" really is, started on each day of the year: the holidays stretch it.
        var calendar = PeriodCalculator.China;
        var start = new LocalDate(context.Year, 1, 1);
        var days = start.Calendar.GetDaysInYear(context.Year);
        var stretch = context.WithProgress("15 working days from every day of the year", days, progress =>
        {
            var byMonth = new (int Min, int Max, long Sum, int Count)[12];
            for (var i = 0; i < days; i++)
            {
                var trigger = start.PlusDays(i);
                var length = Period.DaysBetween(trigger, calendar.Deadline(trigger, LegalPeriod.WorkingDays(15)).LastDay);
                ref var month = ref byMonth[trigger.Month - 1];
                month = month.Count == 0 ? (length, length, length, 1) : (Math.Min(month.Min, length), Math.Max(month.Max, length), month.Sum + length, month.Count + 1);
                progress.Report(i + 1);
            }
            return byMonth;
        });
        context.Table("Calendar days taken by 15 working days, by month of trigger 十五个工作日折合自然日", ["Month 月", "Shortest", "Longest", "Average", "Working days in month"],
            stretch.Select((m, i) => (IReadOnlyList<string>)[
                (i + 1).ToString("00", CultureInfo.InvariantCulture),
                m.Min.ToString(CultureInfo.InvariantCulture),
                m.Max.ToString(CultureInfo.InvariantCulture),
                ((double)m.Sum / m.Count).ToString("0.0", CultureInfo.InvariantCulture),
                calendar.Calendar.CountWorkingDays(new LocalDate(context.Year, i + 1, 1).PlusDays(-1), new LocalDate(context.Year, i + 1, 1).PlusMonths(1).PlusDays(-1)).ToString(CultureInfo.InvariantCulture),
            ]));
        context.WriteFile("calendar-deadlines.json", decisions.ToString());
        context.WriteFile("calendar-deadlines.csv", csv.ToString());
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
