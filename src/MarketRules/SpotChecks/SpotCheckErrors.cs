namespace MarketRules.SpotChecks;

/// <summary>The coded errors of spot checks: events the chain refuses and bad input.</summary>
public static class SpotCheckErrors
{
    /// <summary>The event is not allowed in the lot's state.</summary>
    public static readonly MessageDefinition IllegalTransition = new("MR.SpotChecks.IllegalTransition",
        "批次处于“{State}”时不能记录“{Event}”；此时允许：{Allowed}",
        "'{Event}' cannot be recorded while the lot is '{State}'; allowed now: {Allowed}");

    /// <summary>The event is dated before the last recorded one.</summary>
    public static readonly MessageDefinition EventInPast = new("MR.SpotChecks.EventInPast",
        "事件日期 {Date} 早于上一事件日期 {Last}",
        "The event's date {Date} is before the last event's date {Last}");

    /// <summary>A re-test asked for after the window closed.</summary>
    public static readonly MessageDefinition RetestWindowClosed = new("MR.SpotChecks.RetestWindowClosed",
        "复检申请日 {Date} 已超过申请期限（收到检验结果 {From} 起 {Period}，至 {LastDay}）",
        "The re-test request on {Date} is after the window ({Period} from receipt of the result on {From}, until {LastDay})");

    /// <summary>A second review before the window opens.</summary>
    public static readonly MessageDefinition SecondReviewTooEarly = new("MR.SpotChecks.SecondReviewTooEarly",
        "公告后复查日 {Date} 早于复查窗口（公告日 {From} 起{OpensAfter}日后，最早 {Opens}）",
        "The second review on {Date} is before its window (after day {OpensAfter} from the announcement on {From}; first day {Opens})");

    /// <summary>A review after reorganisation before the period ended.</summary>
    public static readonly MessageDefinition ReorganisationNotEnded = new("MR.SpotChecks.ReorganisationNotEnded",
        "整顿期至 {Until}，复查日 {Date} 早于整顿期满",
        "The reorganisation runs until {Until}; the review on {Date} is before it ends");

    /// <summary>The reorganisation's last day is missing or not after the order.</summary>
    public static readonly MessageDefinition ReorganisationPeriodRequired = new("MR.SpotChecks.ReorganisationPeriodRequired",
        "责令停业整顿须给出整顿期限的最后一日，且晚于 {Date}",
        "Ordering reorganisation needs the last day of its period, after {Date}");

    /// <summary>A fact recorded twice.</summary>
    public static readonly MessageDefinition AlreadyRecorded = new("MR.SpotChecks.AlreadyRecorded",
        "“{Event}”已于 {Date} 记录",
        "'{Event}' was already recorded on {Date}");

    /// <summary>A count that cannot be: negative, or more conforming batches than sampled.</summary>
    public static readonly MessageDefinition InvalidCounts = new("MR.SpotChecks.InvalidCounts",
        "批次数不合理：抽查 {Sampled} 批，合格 {Conforming} 批",
        "Impossible counts: {Sampled} batches sampled, {Conforming} conforming");

    /// <summary>A reported rate outside 0–100 or a weight that is not positive.</summary>
    public static readonly MessageDefinition InvalidValue = new("MR.SpotChecks.InvalidValue",
        "取值 {Value} 无效：{Detail}",
        "Value {Value} is invalid: {Detail}");

    /// <summary>A weight names a category that has no counts, or a category with counts has no weight.</summary>
    public static readonly MessageDefinition WeightsMismatch = new("MR.SpotChecks.WeightsMismatch",
        "产值权重与品类不对应：{Category}",
        "The output weights do not match the categories: {Category}");
}

/// <summary>The reasons spot-check decisions give.</summary>
public static class SpotCheckReasons
{
    /// <summary>An accepted transition.</summary>
    public static readonly MessageDefinition Transition = new("MR.SpotChecks.Transition",
        "{Date}“{Event}”：批次由“{From}”转为“{To}”",
        "{Date} '{Event}': the lot moves from '{From}' to '{To}'");

    /// <summary>A step that now runs.</summary>
    public static readonly MessageDefinition StepDue = new("MR.SpotChecks.StepDue",
        "“{Step}”（{Actor}）期限至 {LastDay}",
        "'{Step}' ({Actor}) is due by {LastDay}");

    /// <summary>A step whose last day has passed with nothing recorded.</summary>
    public static readonly MessageDefinition StepOverdue = new("MR.SpotChecks.StepOverdue",
        "“{Step}”（{Actor}）期限已于 {LastDay} 届满，截至 {AsOf} 仍未记录",
        "'{Step}' ({Actor}) was due by {LastDay} and is still not recorded on {AsOf}");

    /// <summary>A step taken after its last day.</summary>
    public static readonly MessageDefinition StepLate = new("MR.SpotChecks.StepLate",
        "“{Step}”于 {TakenOn} 完成，晚于期限 {LastDay} 共 {DaysLate} 日",
        "'{Step}' was taken on {TakenOn}, {DaysLate} day(s) after its last day {LastDay}");

    /// <summary>The re-test outcome decides who pays.</summary>
    public static readonly MessageDefinition RetestCost = new("MR.SpotChecks.RetestCost",
        "复检结论为最终结论，复检费用由{Bearer}承担",
        "The re-test result is final; its cost is borne by {Bearer}");

    /// <summary>A licensed product failed a national or provincial check.</summary>
    public static readonly MessageDefinition LicenceAtStake = new("MR.SpotChecks.LicenceAtStake",
        "实行生产许可证管理的产品在{Level}监督抽查中不合格：责令限期改正，到期复查仍不合格的，吊销生产许可证",
        "A licensed product failed a {Level} check: it must be rectified in time, and the production licence is revoked if the review fails");

    /// <summary>The reading of the second-review window's ends.</summary>
    public static readonly MessageDefinition SecondReviewWindow = new("MR.SpotChecks.SecondReviewWindow",
        "公告后复查窗口按“{OpensAfter}日后{ClosesBefore}日前”读作 {Opens} 至 {Closes}（两端日不含，端点读法待核实）",
        "The second-review window reads 'after day {OpensAfter}, before day {ClosesBefore}' as {Opens} to {Closes} (both end days excluded; that reading is unverified)");

    /// <summary>The window's last day is a rest day and is not rolled over.</summary>
    public static readonly MessageDefinition WindowEndsOnRestDay = new("MR.SpotChecks.WindowEndsOnRestDay",
        "复查窗口最后一日 {Closes} 为休息日；“{ClosesBefore}日前”不顺延，应在此前的工作日复查",
        "The window's last day {Closes} is a rest day; 'before day {ClosesBefore}' is not rolled over, so the review falls on an earlier working day");

    /// <summary>An exact pass rate.</summary>
    public static readonly MessageDefinition PassRate = new("MR.SpotChecks.PassRate",
        "{Scope}：抽查 {Sampled} 批，合格 {Conforming} 批，合格率 {Fraction} = {Percent}%",
        "{Scope}: {Sampled} batches sampled, {Conforming} conforming, pass rate {Fraction} = {Percent}%");

    /// <summary>A reported rate its own counts do not give.</summary>
    public static readonly MessageDefinition ReportedRateMismatch = new("MR.SpotChecks.ReportedRateMismatch",
        "{Scope}：报告合格率 {Reported}% 与其批次数不符，{Conforming}/{Sampled} 精确为 {Fraction} = {Percent}%",
        "{Scope}: the reported pass rate {Reported}% does not follow from its counts; {Conforming}/{Sampled} is exactly {Fraction} = {Percent}%");

    /// <summary>The output-weighted rate.</summary>
    public static readonly MessageDefinition WeightedPassRate = new("MR.SpotChecks.WeightedPassRate",
        "按产值加权的合格率（权重由调用方提供）：{Fraction} = {Percent}%",
        "Output-weighted pass rate (weights given by the caller): {Fraction} = {Percent}%");

    /// <summary>A candidate excluded from a plan.</summary>
    public static readonly MessageDefinition Excluded = new("MR.SpotChecks.Excluded",
        "{CreditCode} 的产品 {Product} 不列入抽查：{Detail}",
        "{CreditCode}'s product {Product} is not checked: {Detail}");
}
