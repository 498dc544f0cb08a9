using System.Reflection;
using System.Text.RegularExpressions;
using MarketRules.Cases;
using MarketRules.Parameters;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Kernel;

// Issue 11: a period (or amount) a message states comes from the parameter in force, never from a literal in the
// template, so a policy pack that changes the period changes the text.
public partial class MessagePeriodTests
{
    // A length with a unit: 五个工作日, 三十日, 3年, 二十个工作日, 24小时 — not an article (第十五条), not a date
    // (2020年1月1日) and not the words 最后一日 / 次日.
    [GeneratedRegex(@"(?<!第|最后|前|下|[月\d])([零一二两三四五六七八九十百千]+|\d+)\s*(个工作日|个月|日|年|天|小时)(?!\d)")]
    private static partial Regex ChinesePeriod();

    [GeneratedRegex(@"\b(\d+|one|two|three|five|six|seven|ten|fifteen|twenty|thirty|sixty|ninety)[\s-]+(working[\s-]days?|days?|months?|years?|hours?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPeriod();

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex ChineseDate();

    public static IEnumerable<(string Where, MessageDefinition Message)> Messages() =>
        typeof(NationalCatalog).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(MessageDefinition))
                .Select(f => (t.Name + "." + f.Name, (MessageDefinition)f.GetValue(null)!)));

    [Fact]
    public void Templates_OfEveryMessage_StateNoLiteralPeriod()
    {
        var messages = Messages().ToList();
        Assert.True(messages.Count > 200, "too few message definitions found: " + messages.Count);
        var literal = messages
            .Select(m => (m.Where, Zh: ChinesePeriod().Matches(ChineseDate().Replace(m.Message.Template.Chinese, "")).Select(x => x.Value).ToList(),
                En: EnglishPeriod().Matches(m.Message.Template.English).Select(x => x.Value).ToList()))
            .Where(m => m.Zh.Count > 0 || m.En.Count > 0)
            .Select(m => $"{m.Where}: {string.Join(", ", m.Zh.Concat(m.En))}")
            .ToList();
        Assert.True(literal.Count == 0, "Message templates that restate a period instead of taking it from its parameter:\n" + string.Join("\n", literal));
    }

    [Fact]
    public void Templates_Detector_FindsALiteralPeriod()
    {
        // The detector above must see the literals it was written against (the templates of before issue 11's fix).
        Assert.Matches(ChinesePeriod(), "要求听证应在告知后五个工作日内（至{Limit}）提出");
        Assert.Matches(ChinesePeriod(), "加处罚款超过三十日后方可催告");
        Assert.Matches(EnglishPeriod(), "More than 3 years passed since");
        Assert.Matches(EnglishPeriod(), "The three months to apply to the court");
        Assert.DoesNotMatch(ChinesePeriod(), "（行政处罚法第六十四条、第八十五条）；最后一日{Limit}");
        Assert.DoesNotMatch(ChinesePeriod(), ChineseDate().Replace("总局令第20号自2020年1月1日起施行", ""));
    }

    private static CaseSnapshot Notified(CaseStateMachine machine) => machine.Replay(PathToNoticeOn20250916(10_000)).GetValueOrThrow();

    [Fact]
    public void HearingRequestOutOfTime_PackLengthensThePeriod_MessageStatesThePacksPeriod()
    {
        // National law: 5 working days from the notice of 2025-09-16, so a request on 09-24 is late (by 09-23).
        var national = Machine.Apply(Notified(Machine), CaseEvent.Of(CaseEventKind.HearingRequested, At(2025, 9, 24)));
        Assert.Equal(CaseRejectionCode.HearingRequestOutOfTime, national.Rejection);
        var nationalError = national.ToRuleError();
        Assert.Contains("告知后5个工作日内（至2025-09-23）", nationalError.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("within 5 working days of the notice (by 2025-09-23)", nationalError.Message.English, StringComparison.Ordinal);

        // A pack that gives 8 working days: the deadline moves to 09-26 and the message says 8, in both languages.
        var pack = PolicyPack.Parse("""
            { "id": "hearing-request-eight", "jurisdiction": "330106",
              "title": { "zh": "要求听证期限八个工作日（测试）", "en": "eight working days to ask for a hearing (test)" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "from-memory" },
              "parameters": { "cases.hearing-request": { "unit": "working-days", "values": [ { "from": "2021-07-15", "value": 8 } ] } } }
            """, NationalCatalog.Catalog).GetValueOrThrow();
        var local = new CaseStateMachine(NationalCatalog.Law.WithPack(pack).GetValueOrThrow().For(Jurisdiction.Parse("330106").GetValueOrThrow()));
        var late = local.Apply(Notified(local), CaseEvent.Of(CaseEventKind.HearingRequested, At(2025, 9, 29)));
        Assert.Equal(CaseRejectionCode.HearingRequestOutOfTime, late.Rejection);
        Assert.Equal(new LocalDate(2025, 9, 26), late.LimitDate);
        var error = late.ToRuleError();
        Assert.Contains("告知后8个工作日内（至2025-09-26）", error.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("within 8 working days of the notice (by 2025-09-26)", error.Message.English, StringComparison.Ordinal);
        Assert.Equal("8个工作日", error.Arguments["Period"]);
    }

    [Fact]
    public void ToLocalizedText_EachUnit_BothLanguages()
    {
        Assert.Equal(new LocalizedText("5个工作日", "5 working days"), MarketRules.Calendar.LegalPeriod.WorkingDays(5).ToLocalizedText());
        Assert.Equal(new LocalizedText("30日", "30 days"), MarketRules.Calendar.LegalPeriod.Days(30).ToLocalizedText());
        Assert.Equal(new LocalizedText("3个月", "3 months"), MarketRules.Calendar.LegalPeriod.Months(3).ToLocalizedText());
        Assert.Equal(new LocalizedText("1年", "1 year"), MarketRules.Calendar.LegalPeriod.Years(1).ToLocalizedText());
        Assert.Equal(new LocalizedText("24小时", "24 hours"), MarketRules.Calendar.LegalPeriod.Hours(24).ToLocalizedText());
    }
}
