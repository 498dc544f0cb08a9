namespace MarketRules.Referral;

/// <summary>Coded errors of the referral area: bad input, never a domain outcome.</summary>
public static class ReferralErrors
{
    /// <summary>An amount is negative.</summary>
    public static readonly MessageDefinition NegativeAmount = new(
        "MR.Referral.NegativeAmount", "{Field} 不得为负数（{Value}）", "{Field} may not be negative ({Value})");

    /// <summary>A count is negative.</summary>
    public static readonly MessageDefinition NegativeCount = new(
        "MR.Referral.NegativeCount", "{Field} 不得为负数（{Value}）", "{Field} may not be negative ({Value})");

    /// <summary>An amount has fractions of a fen.</summary>
    public static readonly MessageDefinition FractionOfFen = new(
        "MR.Referral.FractionOfFen", "{Field} 最多两位小数（{Value}）", "{Field} has at most two decimal places ({Value})");

    /// <summary>The offence is missing or not in the catalogue.</summary>
    public static readonly MessageDefinition UnknownOffence = new(
        "MR.Referral.UnknownOffence", "未知罪名：{Offence}", "Unknown offence: {Offence}");

    /// <summary>A value of an enumeration is not defined.</summary>
    public static readonly MessageDefinition UnknownValue = new(
        "MR.Referral.UnknownValue", "{Field} 的取值未定义：{Value}", "{Field} has an undefined value: {Value}");

    /// <summary>No threshold of the offence was in force on the act date.</summary>
    public static readonly MessageDefinition ActBeforeLaw = new(
        "MR.Referral.ActBeforeLaw", "{Date} 时 {Offence} 尚无可适用的追诉标准（最早自 {EffectiveFrom} 起）",
        "No threshold for {Offence} was in force on {Date} (the first took effect on {EffectiveFrom})");

    /// <summary>The act date is after the decision date.</summary>
    public static readonly MessageDefinition ActAfterDecision = new(
        "MR.Referral.ActAfterDecision", "行为日期 {Date} 晚于决定日期 {AsOf}", "The act date {Date} is after the decision date {AsOf}");

    /// <summary>The act date is missing.</summary>
    public static readonly MessageDefinition ActDateRequired = new(
        "MR.Referral.ActDateRequired", "须提供行为日期", "The date of the acts is required");

    /// <summary>A timetable event comes before the one it follows.</summary>
    public static readonly MessageDefinition EventOutOfOrder = new(
        "MR.Referral.EventOutOfOrder", "{Event} 早于 {Previous}", "{Event} is earlier than {Previous}");
}

/// <summary>Reasons the referral decision records in its explanation.</summary>
public static class ReferralReasons
{
    /// <summary>A threshold was reached.</summary>
    public static readonly MessageDefinition ThresholdReached = new(
        "MR.Referral.ThresholdReached", "{Threshold}：{Actual} 达到 {Required}（超出 {Margin}）", "{Threshold}: {Actual} reaches {Required} (by {Margin})");

    /// <summary>A threshold was missed.</summary>
    public static readonly MessageDefinition ThresholdMissed = new(
        "MR.Referral.ThresholdMissed", "{Threshold}：{Actual} 未达到 {Required}（差 {Shortfall}）", "{Threshold}: {Actual} is below {Required} (short by {Shortfall})");

    /// <summary>A fact of harm made the case criminal.</summary>
    public static readonly MessageDefinition FactReached = new(
        "MR.Referral.FactReached", "{Offence}：{Facts}", "{Offence}: {Facts}");

    /// <summary>The case must be transferred.</summary>
    public static readonly MessageDefinition Refer = new(
        "MR.Referral.Refer", "涉嫌 {Offence}，应当移送公安机关（量刑档次：{Band}）",
        "Suspected {Offence}: transfer to the police (sentencing band: {Band})");

    /// <summary>No threshold was reached.</summary>
    public static readonly MessageDefinition DoNotRefer = new(
        "MR.Referral.DoNotRefer", "{Offence} 未达到追诉标准，不移送", "{Offence}: no threshold reached, no transfer");

    /// <summary>The later law is more lenient.</summary>
    public static readonly MessageDefinition LaterLawMoreLenient = new(
        "MR.Referral.LaterLawMoreLenient", "行为时（{ActDate}）构成犯罪，但 {AsOf} 适用的标准更轻，从旧兼从轻不移送",
        "A crime under the law of {ActDate}, but the law of {AsOf} is more lenient: no transfer (Criminal Law Art 12)");

    /// <summary>The later law is stricter; it does not apply to earlier acts.</summary>
    public static readonly MessageDefinition LaterLawStricter = new(
        "MR.Referral.LaterLawStricter", "按 {AsOf} 的标准将达到追诉标准，但不溯及 {ActDate} 的行为",
        "The law of {AsOf} would reach a threshold, but it does not apply to acts of {ActDate} (Criminal Law Art 12)");

    /// <summary>The law changed between the act and the decision.</summary>
    public static readonly MessageDefinition LawChanged = new(
        "MR.Referral.LawChanged", "自 {ActDate} 至 {AsOf} 标准有变化；按 {AsOf} 的标准：{Today}",
        "The thresholds changed between {ActDate} and {AsOf}; under the law of {AsOf}: {Today}");

    /// <summary>Service marks were not covered before Amendment XI.</summary>
    public static readonly MessageDefinition ServiceMarkNotCovered = new(
        "MR.Referral.ServiceMarkNotCovered", "{Date} 前假冒服务商标不属于刑法第二百一十三条", "Before {Date}, counterfeiting a service mark was not covered by Art 213");
}
