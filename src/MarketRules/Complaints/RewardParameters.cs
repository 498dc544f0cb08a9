using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.Complaints;

/// <summary>
/// The amounts and ratios of whistle-blower rewards (国市监稽规〔2021〕4号, in force 2021-12-01), and the provincial
/// 较大数额 thresholds, which have no national value: each province sets them (Art 2 ¶2), so they come from a
/// jurisdiction pack (<see cref="RewardPolicyPacks"/>).
/// </summary>
public static class RewardParameters
{
    private static readonly LocalDate InForce = ComplaintCitations.RewardsInForce;

    private static ParameterDefinition Define(string id, string zh, string en, ParameterUnit unit, params DatedValue[] values) =>
        new(id, new LocalizedText(zh, en), unit, values);

    /// <summary>一级举报奖励: 5 % of the fines and confiscations (Art 12 (一)).</summary>
    public static ParameterDefinition Level1Ratio { get; } = Define("rewards.level1-ratio", "一级举报奖励比例", "level 1 reward ratio", ParameterUnit.Ratio,
        new DatedValue(InForce, 0.05m, ComplaintCitations.RewardAmounts));

    /// <summary>二级举报奖励: 3 % (Art 12 (二)).</summary>
    public static ParameterDefinition Level2Ratio { get; } = Define("rewards.level2-ratio", "二级举报奖励比例", "level 2 reward ratio", ParameterUnit.Ratio,
        new DatedValue(InForce, 0.03m, ComplaintCitations.RewardAmounts));

    /// <summary>三级举报奖励: 1 % (Art 12 (三)).</summary>
    public static ParameterDefinition Level3Ratio { get; } = Define("rewards.level3-ratio", "三级举报奖励比例", "level 3 reward ratio", ParameterUnit.Ratio,
        new DatedValue(InForce, 0.01m, ComplaintCitations.RewardAmounts));

    /// <summary>Level 1 floor: 5,000 yuan (Art 12 (一), also the minimum without fines).</summary>
    public static ParameterDefinition Level1Floor { get; } = Define("rewards.level1-floor", "一级举报奖励最低额", "level 1 floor", ParameterUnit.Yuan,
        new DatedValue(InForce, 5_000m, ComplaintCitations.RewardAmounts));

    /// <summary>Level 2 floor: 3,000 yuan.</summary>
    public static ParameterDefinition Level2Floor { get; } = Define("rewards.level2-floor", "二级举报奖励最低额", "level 2 floor", ParameterUnit.Yuan,
        new DatedValue(InForce, 3_000m, ComplaintCitations.RewardAmounts));

    /// <summary>Level 3 floor: 1,000 yuan.</summary>
    public static ParameterDefinition Level3Floor { get; } = Define("rewards.level3-floor", "三级举报奖励最低额", "level 3 floor", ParameterUnit.Yuan,
        new DatedValue(InForce, 1_000m, ComplaintCitations.RewardAmounts));

    /// <summary>每起案件奖励上限: 1,000,000 yuan per case (V-S; article number MEM).</summary>
    public static ParameterDefinition CapPerCase { get; } = Define("rewards.cap-per-case", "每起案件举报奖励上限", "reward cap per case", ParameterUnit.Yuan,
        new DatedValue(InForce, 1_000_000m, ComplaintCitations.RewardCap));

    /// <summary>A single reward of 500,000 yuan or more (含) is set with the finance department.</summary>
    public static ParameterDefinition FinanceCoDecision { get; } = Define("rewards.finance-co-decision", "须会同财政部门确定的单笔奖励金额", "reward set with the finance department from", ParameterUnit.Yuan,
        new DatedValue(InForce, 500_000m, ComplaintCitations.RewardFinanceCoDecision));

    /// <summary>较大数额罚没款 (fines plus confiscations, 以上 includes the amount): no national value; a province sets it (Art 2 ¶2).</summary>
    public static ParameterDefinition LargeAmount { get; } = Define("rewards.large-amount", "较大数额罚没款（单位或不分对象）", "large fines and confiscations (organisations, or everyone)", ParameterUnit.Yuan);

    /// <summary>较大数额 for a natural person where a province sets a separate one (Liaoning); otherwise <see cref="LargeAmount"/> applies.</summary>
    public static ParameterDefinition LargeAmountPerson { get; } = Define("rewards.large-amount-person", "较大数额罚没款（自然人）", "large fines and confiscations (natural persons)", ParameterUnit.Yuan);

    /// <summary>Every reward parameter.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
    [
        Level1Ratio, Level2Ratio, Level3Ratio, Level1Floor, Level2Floor, Level3Floor, CapPerCase, FinanceCoDecision, LargeAmount, LargeAmountPerson,
    ];
}
