using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.Complaints;

/// <summary>
/// Every period of complaint and report handling, dated across Order 20 (2020-01-01 to 2026-04-14) and Order 121
/// (from 2026-04-15), with its citation. A policy pack may override any of them.
/// </summary>
public static class ComplaintParameters
{
    private static readonly LocalDate Order20 = ComplaintCitations.Order20InForce;
    private static readonly LocalDate Order121 = ComplaintCitations.Order121InForce;

    private static ParameterDefinition Define(string id, string zh, string en, ParameterUnit unit, params DatedValue[] values) =>
        new(id, new LocalizedText(zh, en), unit, values);

    /// <summary>
    /// Which order governs complaints and reports received on a date: 20 from 2020-01-01, 121 from 2026-04-15. Order 121
    /// has no transitional article, so the library selects the order by the receipt date (立法法 Art 104, Q-C1).
    /// </summary>
    public static ParameterDefinition GoverningOrder { get; } = Define("complaints.governing-order", "投诉举报处理适用的总局令", "governing SAMR order", ParameterUnit.Count,
        new DatedValue(Order20, 20, ComplaintCitations.Order20InForceArticle), new DatedValue(Order121, 121, ComplaintCitations.Order121InForceArticle));

    /// <summary>受理期限: 7 working days from receipt (Order 20 Art 14; Order 121 Art 15).</summary>
    public static ParameterDefinition Acceptance { get; } = Define("complaints.acceptance", "投诉受理决定期限", "acceptance decision", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 7, ComplaintCitations.Order20Acceptance), new DatedValue(Order121, 7, ComplaintCitations.Order121Acceptance));

    /// <summary>调解期限 under Order 20: 45 working days from acceptance (Art 21 (五)); no value from 2026-04-15.</summary>
    public static ParameterDefinition MediationLimitWorkingDays { get; } = Define("complaints.mediation-limit-working-days", "调解期限（工作日）", "mediation limit in working days", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 45, ComplaintCitations.Order20Termination) { EffectiveUntil = Order121 });

    /// <summary>调解期限 under Order 121: 60 days from acceptance (Art 23 (五)), counted under Art 45.</summary>
    public static ParameterDefinition MediationLimitDays { get; } = Define("complaints.mediation-limit-days", "调解期限（日）", "mediation limit in days", ParameterUnit.Days,
        new DatedValue(Order121, 60, ComplaintCitations.Order121Termination));

    /// <summary>终止调解告知: 7 working days from the termination decision (Order 20 Art 21; Order 121 Art 23 ¶2).</summary>
    public static ParameterDefinition TerminationNotice { get; } = Define("complaints.termination-notice", "终止调解告知期限", "notice of termination", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 7, ComplaintCitations.Order20Termination), new DatedValue(Order121, 7, ComplaintCitations.Order121Termination));

    /// <summary>调解中发现违法线索的核查: 15 working days from discovery (Order 20 Art 23; Order 121 Art 27).</summary>
    public static ParameterDefinition ClueVerification { get; } = Define("complaints.clue-verification", "调解中发现违法线索核查期限", "verification of a clue found in mediation", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 15, ComplaintCitations.Order20ClueVerification), new DatedValue(Order121, 15, ComplaintCitations.Order121ClueVerification));

    /// <summary>Its extension: 15 working days (Order 20: special cases; Order 121: with the head's approval).</summary>
    public static ParameterDefinition ClueVerificationExtension { get; } = Define("complaints.clue-verification-extension", "线索核查延长期限", "clue verification extension", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 15, ComplaintCitations.Order20ClueVerification), new DatedValue(Order121, 15, ComplaintCitations.Order121ClueVerification));

    /// <summary>Whether the extension needs the head's approval: 0 under Order 20, 1 under Order 121.</summary>
    public static ParameterDefinition ClueExtensionNeedsApproval { get; } = Define("complaints.clue-extension-needs-approval", "线索核查延长须经负责人批准（1 是 0 否）", "clue extension needs the head's approval (1 yes, 0 no)", ParameterUnit.Count,
        new DatedValue(Order20, 0, ComplaintCitations.Order20ClueVerification), new DatedValue(Order121, 1, ComplaintCitations.Order121ClueVerification));

    /// <summary>管辖争议: 7 working days from the dispute (Order 20 Art 30; Order 121 Art 33).</summary>
    public static ParameterDefinition JurisdictionDispute { get; } = Define("complaints.jurisdiction-dispute", "管辖争议协商期限", "jurisdiction dispute", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 7, ComplaintCitations.Order20JurisdictionDispute), new DatedValue(Order121, 7, ComplaintCitations.Order121JurisdictionDispute));

    /// <summary>实名举报告知: 5 working days from the filing decision (Order 20 Art 31 ¶2); removed from 2026-04-15 (Q-C2).</summary>
    public static ParameterDefinition RealNameNotice { get; } = Define("complaints.real-name-notice", "实名举报立案告知期限", "notice to a real-name reporter", ParameterUnit.WorkingDays,
        new DatedValue(Order20, 5, ComplaintCitations.Order20RealNameNotice) { EffectiveUntil = Order121 });

    /// <summary>投诉时效: 3 years from when the complainant knew or should have known of the harm (Order 20 Art 15 (四); Order 121 Art 16 (四)).</summary>
    public static ParameterDefinition Limitation { get; } = Define("complaints.limitation", "投诉时效", "complaint limitation", ParameterUnit.Years,
        new DatedValue(Order20, 3, ComplaintCitations.Order20Limitation), new DatedValue(Order121, 3, ComplaintCitations.Order121Limitation));

    /// <summary>
    /// Order 121 Art 45 on a period whose last day is an ordinary Saturday or Sunday: 1 rolls it to the next working day
    /// (the default, MEM: the text says 法定节假日, Q-C4), 0 keeps the weekend day and moves only past statutory holidays.
    /// </summary>
    public static ParameterDefinition RollOnWeekend { get; } = Define("complaints.art45-roll-on-weekend", "第四十五条期间届满日为周末时顺延（1 是 0 否）", "Art 45: a last day on a weekend rolls forward (1 yes, 0 no)", ParameterUnit.Count,
        new DatedValue(Order121, 1, ComplaintCitations.Order121WeekendReading));

    /// <summary>Every parameter of complaint and report handling.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
    [
        GoverningOrder, Acceptance, MediationLimitWorkingDays, MediationLimitDays, TerminationNotice, ClueVerification, ClueVerificationExtension,
        ClueExtensionNeedsApproval, JurisdictionDispute, RealNameNotice, Limitation, RollOnWeekend,
    ];
}
