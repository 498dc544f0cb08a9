namespace MarketRules.Credit;

/// <summary>The coded errors of the credit area: bad input or a request the law does not allow yet. Nothing is changed when one is returned.</summary>
public static class CreditErrors
{
    /// <summary>A policy names an indicator the classifier does not know.</summary>
    public static readonly MessageDefinition UnknownIndicator = new(
        "MR.Credit.UnknownIndicator",
        "未知的信用风险分类指标「{Indicator}」（可用：{Known}）",
        "Unknown credit-risk indicator '{Indicator}' (known: {Known})");

    /// <summary>A policy is malformed.</summary>
    public static readonly MessageDefinition PolicyInvalid = new(
        "MR.Credit.PolicyInvalid",
        "信用政策无效：{Detail}",
        "Invalid credit policy: {Detail}");

    /// <summary>The classification date precedes the policy.</summary>
    public static readonly MessageDefinition PolicyNotInForce = new(
        "MR.Credit.PolicyNotInForce",
        "信用风险分类政策「{Policy}」自 {EffectiveFrom} 起施行，不能用于 {Date}",
        "Credit-risk policy {Policy} applies from {EffectiveFrom}, not on {Date}");

    /// <summary>A record ends before it starts.</summary>
    public static readonly MessageDefinition EndBeforeStart = new(
        "MR.Credit.EndBeforeStart",
        "记录的结束日期 {End} 早于开始日期 {Start}",
        "The record ends on {End}, before it starts on {Start}");

    /// <summary>A repair (or early removal) is requested before the law allows it.</summary>
    public static readonly MessageDefinition RepairTooEarly = new(
        "MR.Credit.RepairTooEarly",
        "{Date} 尚不能申请信用修复：最早可于 {Earliest} 申请",
        "A repair cannot be applied for on {Date}: the earliest date is {Earliest}");

    /// <summary>The record can never be repaired early.</summary>
    public static readonly MessageDefinition RepairNotAvailable = new(
        "MR.Credit.RepairNotAvailable",
        "该记录不适用信用修复（提前停止公示/提前移出）：{Detail}",
        "This record cannot be repaired (stopped or removed early): {Detail}");

    /// <summary>A value is out of range.</summary>
    public static readonly MessageDefinition OutOfRange = new(
        "MR.Credit.OutOfRange",
        "「{PropertyName}」的取值超出允许范围",
        "{PropertyName} is out of the allowed range");

    /// <summary>A record is dated after the as-of date or otherwise inconsistent.</summary>
    public static readonly MessageDefinition InvalidRecord = new(
        "MR.Credit.InvalidRecord",
        "信用记录无效：{Detail}",
        "Invalid credit record: {Detail}");
}

/// <summary>The reasons credit decisions give, each a stable code with bilingual text.</summary>
public static class CreditReasons
{
    /// <summary>A decision before SAMR Order 45: published under the 2014 regulations; the term and repair are Order 45's from its entry into force.</summary>
    public static readonly MessageDefinition PublishedUnderEarlierRules = new(
        "MR.Credit.PublishedUnderEarlierRules",
        "决定早于总局令第45号施行日（{Date}）：按企业信息公示暂行条例第六条在{Period}内公示（一般程序的决定，含仅警告）；公示期和信用修复自 {Date} 起适用第45号令",
        "A decision before SAMR Order 45 took force ({Date}): published within {Period} under the 2014 regulations Art 6 (ordinary-procedure decisions, warnings included); the term and repair follow Order 45 from {Date}");

    /// <summary>The score and the class it falls in.</summary>
    public static readonly MessageDefinition Score = new(
        "MR.Credit.Score",
        "风险得分 {Score}（B≥{B}，C≥{C}，D≥{D}），按得分为 {Class} 类",
        "Risk score {Score} (B≥{B}, C≥{C}, D≥{D}): class {Class} by score");

    /// <summary>An indicator's contribution.</summary>
    public static readonly MessageDefinition IndicatorContribution = new(
        "MR.Credit.Indicator",
        "指标「{Indicator}」（{Category}）取值 {Value}，计 {Points} 分",
        "Indicator {Indicator} ({Category}) = {Value}: {Points} points");

    /// <summary>The serious-list override.</summary>
    public static readonly MessageDefinition SeriousListOverride = new(
        "MR.Credit.SeriousListOverride",
        "列入严重违法失信名单，直接确定为 {Class} 类",
        "On the serious-violation list: class {Class} regardless of score");

    /// <summary>The abnormal-list override.</summary>
    public static readonly MessageDefinition AbnormalListOverride = new(
        "MR.Credit.AbnormalListOverride",
        "列入经营异常名录，至少为 {Class} 类",
        "On the abnormal-operations list: at least class {Class}");

    /// <summary>Which regime governs a listing.</summary>
    public static readonly MessageDefinition Regime = new(
        "MR.Credit.Regime",
        "{Date} 适用：{Regime}",
        "On {Date} the regime is: {Regime}");

    /// <summary>Publication period.</summary>
    public static readonly MessageDefinition PublicationPeriod = new(
        "MR.Credit.PublicationPeriod",
        "公示期 {Period}，公示至 {LastDay}（含）",
        "Published for {Period}, until {LastDay} inclusive");

    /// <summary>Not published.</summary>
    public static readonly MessageDefinition NotPublished = new(
        "MR.Credit.NotPublished",
        "不予公示：{Detail}",
        "Not published: {Detail}");

    /// <summary>Repair available from a date.</summary>
    public static readonly MessageDefinition RepairFrom = new(
        "MR.Credit.RepairFrom",
        "可自 {Date} 起申请信用修复",
        "Repair may be applied for from {Date}");

    /// <summary>Repair excluded.</summary>
    public static readonly MessageDefinition RepairExcluded = new(
        "MR.Credit.RepairExcluded",
        "不适用信用修复：{Detail}",
        "No repair: {Detail}");

    /// <summary>An early-stop condition not met.</summary>
    public static readonly MessageDefinition ConditionNotMet = new(
        "MR.Credit.ConditionNotMet",
        "条件未满足：{Condition}",
        "Condition not met: {Condition}");

    /// <summary>A local tier and its source record.</summary>
    public static readonly MessageDefinition LocalTier = new(
        "MR.Credit.LocalTier",
        "记录 {Record} 对应信用等级 {Tier}",
        "Record {Record} puts the enterprise in tier {Tier}");

    /// <summary>A disqualifying record for a credit certificate.</summary>
    public static readonly MessageDefinition CertificateBlocked = new(
        "MR.Credit.CertificateBlocked",
        "{Date} 的记录 {Record} 在回溯期（自 {Since} 起）内，不予出具信用证明",
        "Record {Record} of {Date} lies within the look-back (since {Since}): no credit certificate");

    /// <summary>No disqualifying record.</summary>
    public static readonly MessageDefinition CertificateClear = new(
        "MR.Credit.CertificateClear",
        "自 {Since} 起无不良记录，可以出具信用证明",
        "No disqualifying record since {Since}: a credit certificate may be issued");

    /// <summary>Quality credit grade.</summary>
    public static readonly MessageDefinition QualityGrade = new(
        "MR.Credit.QualityGrade",
        "质量信用得分 {Score}，评为 {Grade} 级（示例政策）",
        "Quality credit score {Score}: grade {Grade} (example policy)");
}
