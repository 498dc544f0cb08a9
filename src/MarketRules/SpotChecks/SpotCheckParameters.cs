using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.SpotChecks;

/// <summary>Every period of a spot check's follow-up chain, dated and cited. A policy pack may override any of them.</summary>
public static class SpotCheckParameters
{
    // Order 18's in-force date (2020-01-01) is from memory; the rule it replaced (reported as 质检总局令第133号) was not read,
    // so these periods have no value before it and a lot ordered to rectify earlier is answered MR.Parameter.NotInForce.
    private static readonly LocalDate Order18 = LegalDocuments.SpotCheckInterimMeasures.InForceFrom!.Value;

    private static ParameterDefinition Define(string id, string zh, string en, ParameterUnit unit, params DatedValue[] values) =>
        new(id, new LocalizedText(zh, en), unit, values);

    /// <summary>复检申请期限: 15 calendar days from receipt of the result (产品质量法 第十五条).</summary>
    public static ParameterDefinition RetestWindow { get; } = Define("spotchecks.retest-window", "复检申请期限", "re-test request window", ParameterUnit.Days,
        new DatedValue(new LocalDate(2016, 1, 1), 15, SpotCheckCitations.RetestWindowBefore2018),
        new DatedValue(LegalDocuments.ProductQualityLaw.InForceFrom!.Value, 15, SpotCheckCitations.RetestWindow));

    /// <summary>食品复检申请期限: 7 working days from receipt of the conclusion (食品安全法 第八十八条).</summary>
    public static ParameterDefinition FoodRetestWindow { get; } = Define("spotchecks.food-retest-window", "食品复检申请期限", "food re-test request window", ParameterUnit.WorkingDays,
        new DatedValue(LegalDocuments.FoodSafetyLaw2015.InForceFrom!.Value, 7, SpotCheckCitations.FoodRetestWindowBefore2021),
        new DatedValue(LegalDocuments.FoodSafetyLaw.InForceFrom!.Value, 7, SpotCheckCitations.FoodRetestWindow));

    /// <summary>整改期限: 60 days from the order (总局令第18号 第四十六条).</summary>
    public static ParameterDefinition Rectification { get; } = Define("spotchecks.rectification", "责令整改期限", "rectification period", ParameterUnit.Days,
        new DatedValue(Order18, 60, SpotCheckCitations.Rectification));

    /// <summary>复查期限: 75 days from the order (总局令第18号 第四十七条).</summary>
    public static ParameterDefinition FirstReview { get; } = Define("spotchecks.first-review", "复查期限", "review period", ParameterUnit.Days,
        new DatedValue(Order18, 75, SpotCheckCitations.FirstReview));

    /// <summary>公告后复查窗口起点: after day 60 from the announcement (总局令第18号 第四十八条).</summary>
    public static ParameterDefinition SecondReviewOpens { get; } = Define("spotchecks.second-review-opens", "公告后复查窗口起点（日后）", "second review opens after day", ParameterUnit.Days,
        new DatedValue(Order18, 60, SpotCheckCitations.SecondReview));

    /// <summary>公告后复查窗口终点: before day 90 from the announcement (总局令第18号 第四十八条).</summary>
    public static ParameterDefinition SecondReviewCloses { get; } = Define("spotchecks.second-review-closes", "公告后复查窗口终点（日前）", "second review closes before day", ParameterUnit.Days,
        new DatedValue(Order18, 90, SpotCheckCitations.SecondReview));

    /// <summary>重复抽查限制: the same bureau, the same product, 6 months (总局令第18号; article number not found).</summary>
    public static ParameterDefinition RepeatCheckWindow { get; } = Define("spotchecks.repeat-check-window", "同一产品重复抽查限制期", "repeat-check window", ParameterUnit.Months,
        new DatedValue(Order18, 6, SpotCheckCitations.RepeatCheck));

    /// <summary>Every parameter of spot checks.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
        [RetestWindow, FoodRetestWindow, Rectification, FirstReview, SecondReviewOpens, SecondReviewCloses, RepeatCheckWindow];
}
