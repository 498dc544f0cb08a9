namespace MarketRules.Referral;

/// <summary>Coded errors of the referral area: bad input, never a domain outcome.</summary>
public static class ReferralErrors
{
    /// <summary>An amount is negative.</summary>
    public static readonly MessageDefinition NegativeAmount = new(
        "MR.Referral.NegativeAmount", "「{Field}」不得为负数（{Value}）", "{Field} may not be negative ({Value})");

    /// <summary>A count is negative.</summary>
    public static readonly MessageDefinition NegativeCount = new(
        "MR.Referral.NegativeCount", "「{Field}」不得为负数（{Value}）", "{Field} may not be negative ({Value})");

    /// <summary>An amount has fractions of a fen.</summary>
    public static readonly MessageDefinition FractionOfFen = new(
        "MR.Referral.FractionOfFen", "「{Field}」最多两位小数（{Value}）", "{Field} has at most two decimal places ({Value})");

    /// <summary>The offence is missing or not in the catalogue.</summary>
    public static readonly MessageDefinition UnknownOffence = new(
        "MR.Referral.UnknownOffence", "未知罪名：{Offence}", "Unknown offence: {Offence}");

    /// <summary>A value of an enumeration is not defined.</summary>
    public static readonly MessageDefinition UnknownValue = new(
        "MR.Referral.UnknownValue", "「{Field}」的取值未定义：{Value}", "{Field} has an undefined value: {Value}");

    /// <summary>The catalogue has no standard of the offence for the act date: no text it encodes answers.</summary>
    public static readonly MessageDefinition ActBeforeLaw = new(
        "MR.Referral.ActBeforeLaw", "{Date} 时 {Offence} 没有本库收录的追诉标准（本库收录的最早标准自 {EffectiveFrom} 起施行），本库不作判断",
        "The catalogue has no standard for {Offence} on {Date} (the first it encodes took effect on {EffectiveFrom}); no decision is made");

    /// <summary>No interpretation set the amount of the element on the decision date (Art 225 food acts handled before 2022-01-01).</summary>
    public static readonly MessageDefinition NoAmountStandard = new(
        "MR.Referral.NoAmountStandard", "{Offence}：{AsOf} 时没有司法解释规定“情节严重”的数额（自 {From} 起适用），本库不作判断",
        "{Offence}: on {AsOf} no interpretation set the amount of 'serious circumstances' (one applies from {From}); no decision is made");

    /// <summary>Two facts contradict each other.</summary>
    public static readonly MessageDefinition ConflictingFacts = new(
        "MR.Referral.ConflictingFacts", "「{Field}」与「{Other}」相互矛盾：{Detail}", "{Field} contradicts {Other}: {Detail}");

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

    /// <summary>The element the applied law required.</summary>
    public static readonly MessageDefinition ElementRequired = new(
        "MR.Referral.ElementRequired", "{Date} 时 {Offence} 要求：{Requirement}；{Outcome}",
        "On {Date} {Offence} required: {Requirement}; {Outcome}");

    /// <summary>Art 149(2): the provision with the heavier punishment applies.</summary>
    public static readonly MessageDefinition HeavierOfBoth = new(
        "MR.Referral.HeavierOfBoth", "同时构成 {Specific}（{SpecificRange}）与 {Art140}（{Art140Range}），依照处罚较重的 {Chosen} 定罪处罚（刑法第一百四十九条第二款）",
        "Both {Specific} ({SpecificRange}) and {Art140} ({Art140Range}) apply: the heavier, {Chosen}, is charged (Criminal Law Art 149(2))");

    /// <summary>The interpretation in force on the decision date applies to an act done when none defined the element.</summary>
    public static readonly MessageDefinition InterpretationOfDecisionDate = new(
        "MR.Referral.InterpretationOfDecisionDate", "行为时（{ActDate}）没有司法解释规定该要件的数额，{AsOf} 办理时适用自 {From} 起施行的司法解释",
        "No interpretation defined the element when the act was done ({ActDate}); a case handled on {AsOf} applies the interpretation in force from {From}");

    /// <summary>The decision on a case handled before the interpretation existed keeps the earlier reading (flagged).</summary>
    public static readonly MessageDefinition InterpretationNotYetIssued = new(
        "MR.Referral.InterpretationNotYetIssued", "{AsOf} 时尚无司法解释规定该要件的数额（{From} 起施行），沿用此前的销售金额标准（凭记忆，见决定 0014）",
        "On {AsOf} no interpretation defined the element yet (one took force on {From}); the earlier sales amounts are kept (from memory, see decision 0014)");

    /// <summary>Order 310 Art 3(2) required the transfer.</summary>
    public static readonly MessageDefinition ReasonableSuspicion = new(
        "MR.Referral.ReasonableSuspicion", "知识产权领域的案件存在犯罪的合理嫌疑，需要公安机关采取措施进一步获取证据，应当移送（已查明的数额未达到追诉标准）",
        "An IP case with a reasonable suspicion of a crime that police measures must establish is transferred, although the amounts found are below the threshold");

    /// <summary>Order 310 Art 3(2) was stated but does not apply.</summary>
    public static readonly MessageDefinition ReasonableSuspicionNotApplicable = new(
        "MR.Referral.ReasonableSuspicionNotApplicable", "所述合理嫌疑不适用：{Detail}", "The stated reasonable suspicion does not apply: {Detail}");

    /// <summary>Only an attempt threshold was reached (goods or labels not yet sold): an attempted offence (Criminal Law Art 23).</summary>
    public static readonly MessageDefinition Attempt = new(
        "MR.Referral.Attempt", "{Offence} 未遂：尚未销售即案发，对于未遂犯，可以比照既遂犯从轻或者减轻处罚（刑法第二十三条）",
        "{Offence}, attempted: the goods were not yet sold; an attempt may be punished less heavily than the completed offence (Criminal Law Art 23)");

    /// <summary>Both laws make it a crime; the later one punishes less heavily and applies.</summary>
    public static readonly MessageDefinition LaterLawLighter = new(
        "MR.Referral.LaterLawLighter", "行为时（{ActDate}）与决定时（{AsOf}）的法律均认为是犯罪，决定时的规定处刑较轻，适用决定时的规定（刑法第十二条）",
        "Both the law of {ActDate} and that of {AsOf} make it a crime; the later punishes less heavily and applies (Criminal Law Art 12)");

    /// <summary>Service marks were not covered before Amendment XI.</summary>
    public static readonly MessageDefinition ServiceMarkNotCovered = new(
        "MR.Referral.ServiceMarkNotCovered", "{Date} 前假冒服务商标不属于刑法第二百一十三条", "Before {Date}, counterfeiting a service mark was not covered by Art 213");
}
