using System.Collections.Immutable;
using MarketRules.Credit;
using MarketRules.Parameters;

namespace MarketRules.Sampling;

/// <summary>
/// The dated, cited parameters of double-random inspections (双随机、一公开): the annual coverage target, the ratios by
/// credit-risk class, the team size, the publication period and the avoid-repeat window. Policy packs override them
/// per jurisdiction (for example <c>Data/Sampling/henan-2021.json</c>).
/// </summary>
public static class SamplingParameters
{
    /// <summary>SAMR plan of 2019 against counterfeit and shoddy goods, §六(三) (REQ).</summary>
    public static Citation Samr2019Plan { get; } = new(
        LegalDocuments.CounterfeitGovernancePlan2019,
        new LocalizedText("第六部分第（三）项", "Part VI (3)"),
        VerificationStatus.ProjectRequirement)
    {
        Note = "\"全年“双随机”抽查覆盖企业比例达到5%，抽查结果公示率达到100%\" — quoted in the project's source documents; no statute or State Council regulation sets the 5 % (domain-rules §1.7, Q1).",
    };

    /// <summary>Administrative Penalty Law art. 42 (2021 revision): at least two enforcement officers.</summary>
    public static Citation PenaltyLawArticle42 { get; } = new(
        LegalDocuments.AdministrativePenaltyLaw,
        new LocalizedText("第四十二条", "Art. 42"),
        VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws snapshot 2f4c5c2",
        Note = "\"执法人员不得少于两人，法律另有规定的除外\"; also 食品生产经营监督检查管理办法 art. 23 (2 名以上).",
    };

    /// <summary>Administrative Penalty Law art. 43: recusal (回避) of an officer with an interest.</summary>
    public static Citation PenaltyLawArticle43 { get; } = new(
        LegalDocuments.AdministrativePenaltyLaw,
        new LocalizedText("第四十三条", "Art. 43"),
        VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws snapshot 2f4c5c2",
        Note = "\"与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避\"",
    };

    /// <summary>Enterprise Information Disclosure Regulations art. 6: publication within 20 working days.</summary>
    public static Citation DisclosureRegulationsArticle6 { get; } = new(
        LegalDocuments.EnterpriseInformationDisclosureRegulations,
        new LocalizedText("第六条", "Art. 6"),
        VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws snapshot 2f4c5c2 (2014 text)",
        Note = "Art. 6 sets 20 working days (自产生之日起20个工作日内) for information the authority must publish; for inspection results the 20 wd counted from the end of the inspection is SAMR practice (2018, V-S news.china.com). The 2024 revision was not compared.",
    };

    /// <summary>Annual share of enterprises a year's double-random inspections cover.</summary>
    /// <value>The default value is 5 % from 2019 (REQ), the SAMR 2019 plan.</value>
    public static ParameterDefinition AnnualCoverage { get; } = new(
        "sampling.annual-coverage",
        new LocalizedText("年度“双随机”抽查覆盖企业比例", "Annual share of enterprises covered by double-random inspections"),
        ParameterUnit.Ratio,
        [new DatedValue(new LocalDate(2019, 1, 1), 0.05m, Samr2019Plan with { Note = Samr2019Plan.Note + " The plan's exact date of issue was not verified; 2019-01-01 is used." })]);

    /// <summary>Inspection ratio for class A (low risk). No national value: the national texts set none; without a policy pack every class uses <see cref="AnnualCoverage"/>.</summary>
    public static ParameterDefinition TierRatioA { get; } = TierRatio(CreditRiskClass.A, "低", "low");

    /// <summary>Inspection ratio for class B (general risk). No national value.</summary>
    public static ParameterDefinition TierRatioB { get; } = TierRatio(CreditRiskClass.B, "一般", "general");

    /// <summary>Inspection ratio for class C (higher risk). No national value.</summary>
    public static ParameterDefinition TierRatioC { get; } = TierRatio(CreditRiskClass.C, "较高", "higher");

    /// <summary>Inspection ratio for class D (high risk). No national value.</summary>
    public static ParameterDefinition TierRatioD { get; } = TierRatio(CreditRiskClass.D, "高", "high");

    /// <summary>Minimum number of inspectors on a visit.</summary>
    /// <value>The default value is 2 (Administrative Penalty Law art. 42; art. 37 of the 1996 text before 2021-07-15).</value>
    public static ParameterDefinition TeamSize { get; } = new(
        "sampling.team-size",
        new LocalizedText("每次检查的执法人员最少人数", "Minimum number of inspectors on a visit"),
        ParameterUnit.Count,
        [
            new DatedValue(LegalDocuments.AdministrativePenaltyLaw2017.InForceFrom!.Value, 2m, new Citation(
                LegalDocuments.AdministrativePenaltyLaw2017,
                new LocalizedText("第三十七条（1996年文本）", "Art. 37 (1996 text)"),
                VerificationStatus.VerifiedSecondary)
            {
                Source = "fjsen.com/zhuanti/2013-11/29/content_13063537_6.htm; zhao119.com/news/show-1067-7.html",
                Note = "\"第三十七条 行政机关在调查或者进行检查时，执法人员不得少于两人，并应当向当事人或者有关人员出示证件\" (reprints of the pre-2021 text; the 2021 text, art. 42, is V-O).",
            }),
            new DatedValue(LegalDocuments.AdministrativePenaltyLaw.InForceFrom!.Value, 2m, PenaltyLawArticle42),
        ]);

    /// <summary>Working days, after the inspection ends, within which its result is published.</summary>
    /// <value>The default value is 20 working days.</value>
    public static ParameterDefinition PublicationPeriod { get; } = new(
        "sampling.publication-period",
        new LocalizedText("抽查检查结果公示期限", "Period to publish an inspection's result"),
        ParameterUnit.WorkingDays,
        [new DatedValue(LegalDocuments.EnterpriseInformationDisclosureRegulations.InForceFrom!.Value, 20m, DisclosureRegulationsArticle6)]);

    /// <summary>Share of results to publish.</summary>
    /// <value>The default value is 100 % (REQ, SAMR 2019 plan).</value>
    public static ParameterDefinition PublicationTarget { get; } = new(
        "sampling.publication-target",
        new LocalizedText("抽查结果公示率目标", "Target share of published results"),
        ParameterUnit.Ratio,
        [new DatedValue(new LocalDate(2019, 1, 1), 1m, Samr2019Plan)]);

    /// <summary>
    /// Months after an inspection during which the entity is not drawn again (avoiding repeated inspections, 企业公示信息抽查办法 art. 4).
    /// No national value: no national text sets a number; without a policy pack there is no window.
    /// </summary>
    public static ParameterDefinition AvoidRepeatWindow { get; } = new(
        "sampling.avoid-repeat-window",
        new LocalizedText("避免重复检查的间隔", "Window during which an inspected entity is not drawn again"),
        ParameterUnit.Months,
        []);

    /// <summary>Every parameter of the area.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
        [AnnualCoverage, TierRatioA, TierRatioB, TierRatioC, TierRatioD, TeamSize, PublicationPeriod, PublicationTarget, AvoidRepeatWindow];

    /// <summary>The ratio parameter of a credit-risk class.</summary>
    /// <param name="tier">The class.</param>
    /// <returns>Its parameter.</returns>
    public static ParameterDefinition TierRatioOf(CreditRiskClass tier) => tier switch
    {
        CreditRiskClass.A => TierRatioA,
        CreditRiskClass.B => TierRatioB,
        CreditRiskClass.C => TierRatioC,
        CreditRiskClass.D => TierRatioD,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Value should be in range [A-D]"),
    };

    private static ParameterDefinition TierRatio(CreditRiskClass tier, string zh, string en) => new(
        "sampling.tier-ratio." + tier.ToString().ToLowerInvariant(),
        new LocalizedText($"信用风险{zh}（{tier}类）企业抽查比例", $"Inspection ratio for class {tier} ({en} credit risk)"),
        ParameterUnit.Ratio,
        []);
}
