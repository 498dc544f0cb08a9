namespace MarketRules.Engine;

/// <summary>
/// The error codes of the rule engine: what can be wrong with a JSON request before (or around) a rule evaluates it.
/// A rule's own validation reports its area's codes; these cover the envelope and the JSON itself.
/// </summary>
public static class EngineErrors
{
    /// <summary>The request is not well-formed JSON.</summary>
    public static readonly MessageDefinition InvalidJson = new(
        "MR.Engine.InvalidJson",
        "请求不是有效的 JSON：{Detail}",
        "The request is not valid JSON: {Detail}");

    /// <summary>The request names a rule the engine does not know.</summary>
    public static readonly MessageDefinition UnknownRule = new(
        "MR.Engine.UnknownRule",
        "未知规则「{Rule}」；可用规则：{Known}",
        "Unknown rule {Rule}; known rules: {Known}");

    /// <summary>A required field is missing (or null).</summary>
    public static readonly MessageDefinition MissingField = new(
        "MR.Engine.MissingField",
        "缺少必填字段 {Field}",
        "Required field {Field} is missing");

    /// <summary>A field has the wrong JSON type or a value that cannot be read as its type (e.g. a malformed date).</summary>
    public static readonly MessageDefinition WrongType = new(
        "MR.Engine.WrongType",
        "字段 {Field} 的类型或格式错误，应为 {Expected}",
        "Field {Field} has the wrong type or format; expected {Expected}");

    /// <summary>A member the contract does not define: a misspelt or made-up field is refused, never ignored.</summary>
    public static readonly MessageDefinition UnknownMember = new(
        "MR.Engine.UnknownMember",
        "未知字段 {Field}；可用字段：{Known}",
        "Unknown field {Field}; known fields: {Known}");

    /// <summary>A member given twice in one object: which of the two was meant cannot be known.</summary>
    public static readonly MessageDefinition DuplicateMember = new(
        "MR.Engine.DuplicateMember",
        "字段 {Field} 重复出现",
        "Field {Field} appears more than once");

    /// <summary>A number does not fit the field it is given for.</summary>
    public static readonly MessageDefinition ValueOutOfRange = new(
        "MR.Engine.ValueOutOfRange",
        "字段 {Field} 的取值超出允许范围",
        "The value of field {Field} is out of range");

    /// <summary>A request larger than the engine accepts.</summary>
    public static readonly MessageDefinition RequestTooLarge = new(
        "MR.Engine.RequestTooLarge",
        "请求超过 {Limit} 字节的上限",
        "The request exceeds the limit of {Limit} bytes");

    /// <summary>A request whose rule differs from the rule the caller addressed (e.g. in the URL).</summary>
    public static readonly MessageDefinition RuleMismatch = new(
        "MR.Engine.RuleMismatch",
        "请求中的规则 {Rule} 与所调用的规则 {Addressed} 不一致",
        "The request's rule {Rule} differs from the addressed rule {Addressed}");

    /// <summary>A rule failed unexpectedly; a defect of the rule, reported rather than thrown so that a batch goes on.</summary>
    public static readonly MessageDefinition RuleFailed = new(
        "MR.Engine.RuleFailed",
        "规则 {Rule} 执行失败：{Detail}",
        "Rule {Rule} failed: {Detail}");

    /// <summary>A request that is not JSON, with the detail in both languages (never the reader's exception text).</summary>
    internal static RuleError InvalidJsonAt(string path, LocalizedText detail) => InvalidJson.CreateLocalized(path, ("Detail", detail));

    /// <summary>A text that is not well-formed JSON, with where the reader stopped.</summary>
    internal static RuleError Malformed(System.Text.Json.JsonException ex) => InvalidJsonAt("$", Json.JsonTexts.Malformed(ex));

    /// <summary>A field of the wrong type, with what was expected in both languages.</summary>
    internal static RuleError WrongTypeAt(string path, LocalizedText expected) =>
        WrongType.CreateLocalized(path, ("Field", new LocalizedText(path, path)), ("Expected", expected));

    /// <summary>A member the contract does not define, with the contract's members listed in both languages.</summary>
    internal static RuleError UnknownMemberAt(string path, string knownNames) =>
        UnknownMember.CreateLocalized(path, ("Field", new LocalizedText(path, path)), ("Known", Json.JsonTexts.MemberList(knownNames)));

    /// <summary>A rule that threw instead of answering with coded errors: a defect of the library, reported without the exception's text.</summary>
    internal static RuleError RuleFailedFor(string? rule) =>
        RuleFailed.CreateLocalized(null, ("Rule", new LocalizedText(rule ?? "", rule ?? "")),
            ("Detail", new LocalizedText("规则未以编码错误作答，这是本库的缺陷，请报告", "the rule did not answer with coded errors; this is a defect of the library, please report it")));
}
