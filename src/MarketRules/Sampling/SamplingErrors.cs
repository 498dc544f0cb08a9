namespace MarketRules.Sampling;

/// <summary>The coded errors of double-random inspections: bad rosters, directories and working rules. Nothing is drawn when one occurs.</summary>
public static class SamplingErrors
{
    /// <summary>An entity whose credit code is missing or malformed. Arguments: <c>Index</c>, the record's place counted
    /// from 0 as in the error's path; <c>Number</c>, counted from 1 as the text says it (第 1 条 is <c>roster[0]</c>).</summary>
    public static readonly MessageDefinition InvalidCreditCode = new(
        "MR.Sampling.InvalidCreditCode",
        "名录库第 {Number} 条记录的统一社会信用代码 {Code} 无效：{Detail}",
        "Record {Number} of the entity directory has an invalid unified social credit code {Code}: {Detail}");

    /// <summary>The same entity listed twice in the roster. Arguments: <c>FirstIndex</c> and <c>Index</c>, the two
    /// records' places counted from 0 as in paths; <c>FirstNumber</c> and <c>Number</c>, counted from 1 as the text says them.</summary>
    public static readonly MessageDefinition DuplicateEntity = new(
        "MR.Sampling.DuplicateEntity",
        "统一社会信用代码 {Code} 在名录库中重复出现（第 {FirstNumber} 条与第 {Number} 条）",
        "Unified social credit code {Code} appears twice in the entity directory (records {FirstNumber} and {Number})");

    /// <summary>A roster CSV file that is not as documented: its header, a row's column count, a field, or its UTF-8.</summary>
    public static readonly MessageDefinition InvalidCsv = new(
        "MR.Sampling.InvalidCsv",
        "名录库 CSV 第 {Line} 行第 {Column} 列（{Name}）无效：{Detail}",
        "Line {Line}, column {Column} ({Name}) of the roster CSV is invalid: {Detail}");

    /// <summary>The same entity in two shards of one roster: shards are disjoint parts of it. Arguments: <c>FirstShard</c>,
    /// <c>FirstIndex</c>, <c>Shard</c> and <c>Index</c> counted from 0 as in paths; <c>FirstShardNumber</c>,
    /// <c>FirstNumber</c>, <c>ShardNumber</c> and <c>Number</c> counted from 1 as the text says them.</summary>
    public static readonly MessageDefinition OverlappingShards = new(
        "MR.Sampling.OverlappingShards",
        "统一社会信用代码 {Code} 同时出现在第 {FirstShardNumber} 个分片（第 {FirstNumber} 条）和第 {ShardNumber} 个分片（第 {Number} 条）：分片不得重叠",
        "Unified social credit code {Code} appears in shard {FirstShardNumber} (record {FirstNumber}) and shard {ShardNumber} (record {Number}): shards must not overlap");

    /// <summary>An entity without a known credit-risk class. Arguments: <c>Code</c> (empty when the record has none),
    /// <c>Tier</c>, and the record's <c>Index</c> (from 0, as in the path) and <c>Number</c> (from 1, as the text says it).</summary>
    public static readonly MessageDefinition UnknownTier = new(
        "MR.Sampling.UnknownTier",
        "名录库第 {Number} 条记录的信用风险分类 {Tier} 未知：应为 A、B、C 或 D",
        "Record {Number} of the entity directory has an unknown credit-risk class {Tier}: expected A, B, C or D");

    /// <summary>An entity whose region is not a GB/T 2260 code. Arguments: <c>Code</c>, <c>Region</c>, <c>Index</c> and
    /// <c>Number</c> as for <see cref="UnknownTier"/>.</summary>
    public static readonly MessageDefinition InvalidRegion = new(
        "MR.Sampling.InvalidRegion",
        "名录库第 {Number} 条记录的行政区划代码 {Region} 无效",
        "Record {Number} of the entity directory has an invalid region code {Region}");

    /// <summary>An entity whose industry is not a GB/T 4754 code. Arguments: <c>Code</c>, <c>Industry</c>, <c>Index</c> and
    /// <c>Number</c> as for <see cref="UnknownTier"/>.</summary>
    public static readonly MessageDefinition InvalidIndustry = new(
        "MR.Sampling.InvalidIndustry",
        "名录库第 {Number} 条记录的行业代码 {Industry} 无效：应为 GB/T 4754 门类字母，可带 2–4 位数字",
        "Record {Number} of the entity directory has an invalid industry code {Industry}: expected a GB/T 4754 section letter, optionally followed by 2–4 digits");

    /// <summary>A mandatory inclusion that is not an active entity of the roster.</summary>
    public static readonly MessageDefinition MandatoryNotEligible = new(
        "MR.Sampling.MandatoryNotEligible",
        "必查对象 {Code} 不是名录库中的存续企业",
        "Mandatory entity {Code} is not an active entity of the directory");

    /// <summary>An entity both included and excluded by the working rules.</summary>
    public static readonly MessageDefinition MandatoryAndExcluded = new(
        "MR.Sampling.MandatoryAndExcluded",
        "企业 {Code} 同时被列为必查对象和排除对象",
        "Entity {Code} is both a mandatory inclusion and an exclusion");

    /// <summary>The working rules ask for more entities than may be drawn.</summary>
    public static readonly MessageDefinition InfeasibleRatios = new(
        "MR.Sampling.InfeasibleRatios",
        "抽查比例无法实现：需抽取 {Target} 户（{Coverage} × {Active} 户存续企业），但可抽取的企业只有 {Available} 户",
        "The ratios cannot be met: {Target} entities are required ({Coverage} × {Active} active enterprises) but only {Available} may be drawn");

    /// <summary>An empty roster.</summary>
    public static readonly MessageDefinition EmptyRoster = new(
        "MR.Sampling.EmptyRoster",
        "检查对象名录库中没有存续企业",
        "The entity directory has no active enterprise");

    /// <summary>A seed that is not hexadecimal or is empty.</summary>
    public static readonly MessageDefinition InvalidSeed = new(
        "MR.Sampling.InvalidSeed",
        "随机种子「{Seed}」无效：应为非空的十六进制字节串",
        "Seed {Seed} is invalid: expected a non-empty hexadecimal byte string");

    /// <summary>The roster streamed at the draw differs from the one committed.</summary>
    public static readonly MessageDefinition RosterChanged = new(
        "MR.Sampling.RosterChanged",
        "抽取时的名录与公布的承诺不符：{Detail}",
        "The roster at the draw differs from the published commitment: {Detail}");

    /// <summary>An inspector record that is unusable. Arguments: <c>Index</c>, counted from 0 as in the path;
    /// <c>Number</c>, counted from 1 as the text says it.</summary>
    public static readonly MessageDefinition InvalidInspector = new(
        "MR.Sampling.InvalidInspector",
        "执法检查人员名录库第 {Number} 条记录无效：{Detail}",
        "Record {Number} of the inspector directory is invalid: {Detail}");

    /// <summary>No inspector at all to draw teams from.</summary>
    public static readonly MessageDefinition EmptyInspectorPool = new(
        "MR.Sampling.EmptyInspectorPool",
        "执法检查人员名录库为空，无法选派检查人员",
        "The inspector directory is empty: no team can be drawn");

    /// <summary>An invalid field of a rule input.</summary>
    public static readonly MessageDefinition InvalidField = new(
        "MR.Sampling.InvalidField",
        "字段取值无效（位置见错误路径）",
        "A field's value is invalid (see the error's path)");

    /// <summary>A published receipt that is not JSON, or whose values have the wrong type: it cannot be checked at all.</summary>
    public static readonly MessageDefinition ReceiptMalformed = new(
        "MR.Sampling.ReceiptMalformed",
        "抽查凭证无法读取：{Detail}",
        "The receipt cannot be read: {Detail}");

    /// <summary>
    /// A receipt of a format this library does not check (e.g. <c>marketrules-sampling/1</c>, whose roster hash was one
    /// stream over all the lines): verify it with the library version it names.
    /// </summary>
    public static readonly MessageDefinition UnsupportedReceiptFormat = new(
        "MR.Sampling.UnsupportedReceiptFormat",
        "抽查凭证格式为「{Format}」，本库只能核验「{Supported}」格式；请用凭证记载的库版本核验",
        "The receipt's format is '{Format}'; this library checks '{Supported}' only — verify it with the library version the receipt names");

    /// <summary>A receipt that differs from the draw recomputed from its roster and task.</summary>
    public static readonly MessageDefinition ReceiptMismatch = new(
        "MR.Sampling.ReceiptMismatch",
        "抽查凭证与重新计算的结果不一致：{Detail}",
        "The receipt differs from the recomputed draw: {Detail}");
}

/// <summary>The coded reasons of double-random inspection decisions (team infeasibility, explanations of a plan).</summary>
public static class SamplingReasons
{
    /// <summary>The plan was drawn.</summary>
    public static readonly MessageDefinition PlanDrawn = new(
        "MR.Sampling.PlanDrawn",
        "从 {Active} 户存续企业中抽取 {Selected} 户（{Strata} 个层），覆盖目标 {Coverage}",
        "Drew {Selected} of {Active} active enterprises ({Strata} strata), coverage target {Coverage}");

    /// <summary>The tier ratios were raised uniformly to reach the overall coverage target.</summary>
    public static readonly MessageDefinition RatiosScaled = new(
        "MR.Sampling.RatiosScaled",
        "按信用分类的抽查比例合计不足总体目标，各类比例同乘 {Scale} 以达到 {Target} 户",
        "The class ratios fell short of the overall target; every class ratio was multiplied by {Scale} to reach {Target} entities");

    /// <summary>A class without a ratio in the policy used the overall coverage target.</summary>
    public static readonly MessageDefinition TierRatioDefaulted = new(
        "MR.Sampling.TierRatioDefaulted",
        "{Tier} 类企业无适用的抽查比例，采用总体覆盖目标 {Coverage}",
        "No ratio applies to class {Tier}; the overall coverage target {Coverage} is used");

    /// <summary>No team could be formed: too few inspectors pass a constraint.</summary>
    public static readonly MessageDefinition TeamInfeasible = new(
        "MR.Sampling.TeamInfeasible",
        "对 {Code} 的检查无法组成 {TeamSize} 人检查组：经“{Constraint}”筛选后仅剩 {Remaining} 名人员",
        "No team of {TeamSize} for the visit to {Code}: only {Remaining} inspectors remain after the constraint '{Constraint}'");
}
