using MarketRules.Json;

namespace MarketRules.Cases;

// What a state or event of the case is called in each language's messages: the procedure rules' own Chinese term, and
// the JSON name (as callers send and read it) in English. A C# enum name never reaches a message.
internal static class CaseLabels
{
    // In CaseState order (None = 0 … VerificationPaused = 26).
    private static readonly string[] States =
    [
        "尚无线索", "线索核查", "不予立案", "立案调查", "中止调查", "调查终结", "法制审核", "法制审核完毕", "已告知",
        "当事人要求听证", "已发听证通知", "听证已举行", "集体讨论", "已作出决定", "执行中", "已申请强制执行", "执行完毕",
        "移送审批", "批准移送", "已移送公安", "公安不予立案", "要求复议", "公安已立案", "移送其他行政机关", "当场处罚",
        "结案", "线索核查暂停（检测、检验、检疫、鉴定）",
    ];

    // In CaseEventKind order (LeadReceived = 0 … VerificationResumed = 39).
    private static readonly string[] Events =
    [
        "收到线索", "核查期限延长", "立案", "不予立案", "中止调查", "恢复调查", "终止调查", "撤销立案", "调查终结",
        "提交法制审核", "法制审核完毕", "行政处罚告知", "当事人放弃陈述申辩和听证", "当事人要求听证", "听证通知送达", "举行听证",
        "集体讨论决定", "办案期限延长", "作出行政处罚决定", "作出不予行政处罚决定", "决定移送公安机关", "决定移送其他行政机关",
        "决定书送达", "决定信息公示", "延期或分期缴纳罚款", "缴纳罚款", "催告", "申请人民法院强制执行", "负责人批准移送",
        "负责人不批准移送", "向公安机关移送", "公安机关立案", "公安机关不予立案", "提请复议", "移交涉案物品和材料",
        "继续行政处罚程序", "当场作出行政处罚决定", "结案", "线索核查暂停（检测、检验、检疫、鉴定）", "线索核查恢复",
    ];

    // In CaseDeadlineKind order (None = 0 … FilesHandOver = 18): the procedure rules' names of the periods.
    private static readonly string[] Deadlines =
    [
        "无", "线索核查期限", "追责时效", "办案期限", "法制审核期限", "陈述申辩期限", "要求听证期限", "听证日期", "送达期限",
        "公示期限", "缴纳罚款期限", "催告", "申请人民法院强制执行期限", "移送审批期限", "批准后移送期限", "公安机关立案审查期限",
        "提请复议期限", "复议决定期限", "移交涉案物品期限",
    ];

    private static readonly IReadOnlyList<string> DeadlineNames = JsonEnumNames.Of(typeof(CaseDeadlineKind));

    /// <summary>The deadline's name in each language: the procedure rules' term, and its JSON name.</summary>
    public static LocalizedText Of(CaseDeadlineKind kind) =>
        unchecked((uint)kind) < (uint)Deadlines.Length && unchecked((uint)kind) < (uint)DeadlineNames.Count ? new(Deadlines[(int)kind], DeadlineNames[(int)kind]) : Undefined((int)kind);

    private static readonly IReadOnlyList<string> StateNames = JsonEnumNames.Of(typeof(CaseState));
    private static readonly IReadOnlyList<string> EventNames = JsonEnumNames.Of(typeof(CaseEventKind));

    /// <summary>The state's name in each language.</summary>
    public static LocalizedText Of(CaseState state) => unchecked((uint)state) < (uint)States.Length ? new(States[(int)state], StateNames[(int)state]) : Undefined((int)state);

    /// <summary>The event's name in each language.</summary>
    public static LocalizedText Of(CaseEventKind kind) => unchecked((uint)kind) < (uint)Events.Length ? new(Events[(int)kind], EventNames[(int)kind]) : Undefined((int)kind);

    // A value outside the enum (a caller's cast): named by its number, in both languages.
    private static LocalizedText Undefined(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A list of events in each language (、 in Chinese, commas in English), "-" when empty.</summary>
    public static LocalizedText Of(IEnumerable<CaseEventKind> kinds)
    {
        var list = kinds.ToList();
        return list.Count == 0
            ? new("-", "-")
            : new(string.Join("、", list.Select(k => Of(k).Chinese)), string.Join(", ", list.Select(k => Of(k).English)));
    }

    /// <summary>The number of labels, to hold the tables to the enums.</summary>
    internal static (int States, int Events) Counts => (States.Length, Events.Length);
}
