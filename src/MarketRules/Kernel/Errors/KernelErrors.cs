namespace MarketRules;

/// <summary>The error codes of the kernel: calendar, legal periods, dated parameters and policy packs.</summary>
public static class KernelErrors
{
    /// <summary>An error without a more specific code; should never reach a caller.</summary>
    public static readonly MessageDefinition Unknown = new("MR.Kernel.Unknown", "未知错误", "Unknown error");

    /// <summary>A date outside the years the statutory calendar knows.</summary>
    public static readonly MessageDefinition CalendarOutOfRange = new(
        "MR.Calendar.OutOfRange",
        "日期 {Date} 超出法定工作日历已知的年份范围（{FirstYear}—{LastYear}）；请加载该年度国务院办公厅节假日安排通知",
        "Date {Date} is outside the years the statutory calendar knows ({FirstYear}–{LastYear}); load that year's State Council holiday notice");

    /// <summary>A calendar file that is not valid JSON of the calendar's format: unknown or misspelt members, repeated keys, wrong types (<c>{Detail}</c> names the defect).</summary>
    public static readonly MessageDefinition CalendarFileMalformed = new(
        "MR.Calendar.Malformed",
        "日历文件格式错误：{Detail}",
        "Malformed calendar file: {Detail}");

    /// <summary>Calendar data whose content is inconsistent (a date outside its year, a day both rest and work, a gap between years).</summary>
    public static readonly MessageDefinition CalendarDataInvalid = new(
        "MR.Calendar.DataInvalid",
        "{Year} 年度日历数据无效：{Detail}",
        "Calendar data for {Year} is invalid: {Detail}");

    /// <summary>An amount of money from a caller that cannot be one: negative, a fraction of a fen, or above <see cref="Money.MaxYuan"/>.</summary>
    public static readonly MessageDefinition InvalidAmount = new(
        "MR.Amount.Invalid",
        "金额 {PropertyValue} 无效：应在 0 至 1 万亿元之间，最小单位为分",
        "Amount {PropertyValue} is invalid: it must lie between 0 and 1 trillion yuan, in whole fen");

    /// <summary>A negative period length.</summary>
    public static readonly MessageDefinition NegativePeriod = new(
        "MR.Period.Negative",
        "期间长度不能为负数：{Length}",
        "A period cannot be negative: {Length}");

    /// <summary>An excluded (paused) interval that ends before it starts or overlaps another.</summary>
    public static readonly MessageDefinition InvalidExclusion = new(
        "MR.Period.InvalidExclusion",
        "不计入期间的时段无效：{Detail}",
        "Invalid excluded time: {Detail}");

    /// <summary>A policy pack that is not valid JSON or misses a required member.</summary>
    public static readonly MessageDefinition PolicyPackMalformed = new(
        "MR.PolicyPack.Malformed",
        "政策包格式错误：{Detail}",
        "Malformed policy pack: {Detail}");

    /// <summary>A citation in a pack names no document (no Chinese and English title), or names a document of the register of legal documents (<see cref="LegalDocuments"/>) with another title or number.</summary>
    public static readonly MessageDefinition CitationDocument = new(
        "MR.PolicyPack.CitationDocument",
        "引用的文件无效：{Detail}",
        "The citation's document is not valid: {Detail}");

    /// <summary>A pack sets a parameter the catalog does not define.</summary>
    public static readonly MessageDefinition UnknownParameter = new(
        "MR.PolicyPack.UnknownParameter",
        "未知参数：{Parameter}",
        "Unknown parameter: {Parameter}");

    /// <summary>A policy pack whose value has another unit than the parameter.</summary>
    public static readonly MessageDefinition WrongUnit = new(
        "MR.PolicyPack.WrongUnit",
        "参数 {Parameter} 的单位应为 {Expected}，而不是 {Actual}",
        "Parameter {Parameter} is measured in {Expected}, not {Actual}");

    /// <summary>Two dated values of one parameter that overlap or repeat a date.</summary>
    public static readonly MessageDefinition OverlappingDates = new(
        "MR.PolicyPack.OverlappingDates",
        "参数 {Parameter} 的有效期重叠：{Detail}",
        "The validity periods of parameter {Parameter} overlap: {Detail}");

    /// <summary>A parameter value outside the range its unit allows (a ratio above 1, a negative amount).</summary>
    public static readonly MessageDefinition ValueOutOfRange = new(
        "MR.PolicyPack.ValueOutOfRange",
        "参数 {Parameter} 的取值 {Value} 超出允许范围 {Range}",
        "Value {Value} of parameter {Parameter} is outside the allowed range {Range}");

    /// <summary>A jurisdiction code that is not a six-digit GB/T 2260 administrative division code.</summary>
    public static readonly MessageDefinition InvalidJurisdiction = new(
        "MR.Jurisdiction.Invalid",
        "行政区划代码 {Code} 无效：应为 6 位数字（GB/T 2260）",
        "Jurisdiction code {Code} is invalid: expected six digits (GB/T 2260)");

    /// <summary>A parameter asked for at a date before its first value took effect.</summary>
    public static readonly MessageDefinition ParameterNotInForce = new(
        "MR.Parameter.NotInForce",
        "参数「{Parameter}」在 {Date} 尚无有效取值（最早自 {EffectiveFrom} 起）",
        "Parameter {Parameter} has no value in force on {Date} (the first takes effect on {EffectiveFrom})");

    /// <summary>A required field is missing.</summary>
    public static readonly MessageDefinition Required = new(
        "MR.Input.Required",
        "「{PropertyName}」为必填项",
        "{PropertyName} is required");

    /// <summary>A malformed unified social credit code.</summary>
    public static readonly MessageDefinition InvalidCreditCode = new(
        "MR.Identifier.InvalidCreditCode",
        "统一社会信用代码 {Code} 无效：{Detail}",
        "Unified social credit code {Code} is invalid: {Detail}");
}
