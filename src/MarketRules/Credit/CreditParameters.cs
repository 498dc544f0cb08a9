using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.Credit;

/// <summary>
/// Every period and amount of the credit area as a dated, cited parameter. A change of regime is a new dated value
/// (or the end of one): e.g. the serious-violation term is 5 years for listings before 2021-09-01 and 3 years after,
/// and the "3 years on the abnormal list" escalation has no value from 2024-05-01.
/// </summary>
public static class CreditParameters
{
    private static readonly LocalDate Regulations2014 = LegalDocuments.EnterpriseInformationDisclosureRegulations.InForceFrom!.Value;
    private static readonly LocalDate Order44And45 = LegalDocuments.PenaltyInformationPublicationProvisions.InForceFrom!.Value;
    private static readonly LocalDate Revision2024 = LegalDocuments.EnterpriseInformationDisclosureRegulations2024.InForceFrom!.Value;

    private static ParameterDefinition Define(string id, string zh, string en, ParameterUnit unit, params DatedValue[] values) =>
        new(id, new LocalizedText(zh, en), unit, values);

    /// <summary>Listing on the abnormal list within 10 working days after the order to disclose expires or a fact is confirmed.</summary>
    public static ParameterDefinition AbnormalListingDeadline { get; } = Define("credit.abnormal.listing-deadline",
        "责令期限届满后列入经营异常名录的期限", "Listing on the abnormal list after the order expires", ParameterUnit.WorkingDays,
        new DatedValue(Regulations2014, 10, CreditCitations.AbnormalListMeasures2014));

    /// <summary>Decision on removal within 5 working days of a valid application (Q3: one reprint says 7 days).</summary>
    public static ParameterDefinition AbnormalRemovalDecision { get; } = Define("credit.abnormal.removal-decision",
        "移出经营异常名录申请的决定期限", "Decision on an application to be removed from the abnormal list", ParameterUnit.WorkingDays,
        new DatedValue(Regulations2014, 5, CreditCitations.AbnormalListMeasures2014));

    /// <summary>An objection to a listing may be filed within 30 days of its publication.</summary>
    public static ParameterDefinition AbnormalObjectionWindow { get; } = Define("credit.abnormal.objection-window",
        "对列入经营异常名录提出异议的期限", "Time to object to an abnormal-list listing", ParameterUnit.Days,
        new DatedValue(Regulations2014, 30, CreditCitations.AbnormalListMeasures2014));

    /// <summary>The bureau accepts or refuses an objection within 5 working days.</summary>
    public static ParameterDefinition AbnormalObjectionAnswer { get; } = Define("credit.abnormal.objection-answer",
        "异议受理决定期限", "Accepting or refusing an objection", ParameterUnit.WorkingDays,
        new DatedValue(Regulations2014, 5, CreditCitations.AbnormalListMeasures2014));

    /// <summary>The bureau verifies an accepted objection within 20 working days.</summary>
    public static ParameterDefinition AbnormalObjectionVerification { get; } = Define("credit.abnormal.objection-verification",
        "异议核实期限", "Verifying an accepted objection", ParameterUnit.WorkingDays,
        new DatedValue(Regulations2014, 20, CreditCitations.AbnormalListMeasures2014));

    /// <summary>Years on the abnormal list after which the enterprise moves to the serious list; no value from 2024-05-01 (the 2024 revision removed the escalation).</summary>
    public static ParameterDefinition AbnormalEscalationYears { get; } = Define("credit.abnormal.escalation-years",
        "列入经营异常名录满若干年转入严重违法名单", "Years on the abnormal list before moving to the serious list", ParameterUnit.Years,
        new DatedValue(Regulations2014, 3, CreditCitations.DisclosureRegulations2014Article17) { EffectiveUntil = Revision2024 });

    /// <summary>Public reminder within 60 days before the three years run out.</summary>
    public static ParameterDefinition AbnormalEscalationReminder { get; } = Define("credit.abnormal.escalation-reminder",
        "满3年前公告提示的期间", "Reminder before the three years run out", ParameterUnit.Days,
        new DatedValue(LegalDocuments.SeriousViolationListMeasures2015.InForceFrom!.Value, 60, CreditCitations.SeriousList2015Articles8To9),
        new DatedValue(Order44And45, 60, CreditCitations.SeriousList2021Term with
        {
            Article = new LocalizedText("条号未核实", "article not verified"),
            Note = "Assumed unchanged under 总局令第44号 (from memory: the order's text was not read).",
        }) { EffectiveUntil = Revision2024 });

    /// <summary>Listing on the serious list within 10 working days after the three years run out.</summary>
    public static ParameterDefinition AbnormalEscalationListing { get; } = Define("credit.abnormal.escalation-listing",
        "届满后列入严重违法名单的期限", "Listing on the serious list after the three years", ParameterUnit.WorkingDays,
        new DatedValue(LegalDocuments.SeriousViolationListMeasures2015.InForceFrom!.Value, 10, CreditCitations.SeriousList2015Articles8To9),
        new DatedValue(Order44And45, 10, CreditCitations.SeriousList2021Term with
        {
            Article = new LocalizedText("条号未核实", "article not verified"),
            Note = "Assumed unchanged under 总局令第44号 (from memory: the order's text was not read).",
        }) { EffectiveUntil = Revision2024 });

    /// <summary>Years the legal representative of an escalated (2014) or seriously false-disclosing (2024) enterprise may not represent another enterprise.</summary>
    public static ParameterDefinition RepresentativeBarYears { get; } = Define("credit.abnormal.representative-bar-years",
        "法定代表人任职限制年限", "Years the legal representative is barred", ParameterUnit.Years,
        new DatedValue(Regulations2014, 3, CreditCitations.DisclosureRegulations2014Article17),
        new DatedValue(Revision2024, 3, CreditCitations.DisclosureRegulations2024Article18));

    /// <summary>From 2024-05-01: consecutive years without an annual report (while unreachable) before the business licence is revoked.</summary>
    public static ParameterDefinition RevocationConsecutiveYears { get; } = Define("credit.abnormal.revocation-consecutive-years",
        "连续未报送年度报告吊销营业执照的年数", "Consecutive unfiled years before revocation", ParameterUnit.Years,
        new DatedValue(Revision2024, 2, CreditCitations.DisclosureRegulations2024Article18));

    /// <summary>Term on the serious list: 5 years under the 2014/2015 regime, 3 years under Order 44 (from memory).</summary>
    public static ParameterDefinition SeriousListTerm { get; } = Define("credit.serious.term-years",
        "列入严重违法（失信）名单的期限", "Term on the serious-violation list", ParameterUnit.Years,
        new DatedValue(Regulations2014, 5, CreditCitations.DisclosureRegulations2014Article17),
        new DatedValue(Order44And45, 3, CreditCitations.SeriousList2021Term));

    /// <summary>Minimum time on the serious list before early removal may be applied for (Order 44).</summary>
    public static ParameterDefinition SeriousEarlyRemoval { get; } = Define("credit.serious.early-removal-years",
        "申请提前移出严重违法失信名单的最短列入期", "Minimum time listed before early removal", ParameterUnit.Years,
        new DatedValue(Order44And45, 1, CreditCitations.SeriousList2021EarlyRemoval));

    /// <summary>Publication within 20 working days of the penalty decision (企业信息公示暂行条例 Art. 6 from 2014-10-01; 总局令第45号 Art. 9 from 2021-09-01).</summary>
    public static ParameterDefinition PublicationDeadline { get; } = Define("credit.publication.deadline",
        "行政处罚信息公示期限", "Publishing a penalty decision", ParameterUnit.WorkingDays,
        new DatedValue(Regulations2014, 20, CreditCitations.DisclosureRegulations2014Article6),
        new DatedValue(Order44And45, 20, CreditCitations.PenaltyPublication));

    /// <summary>Across provinces: pushed to the home bureau within 10 working days, which publishes within 10 more.</summary>
    public static ParameterDefinition PublicationCrossProvinceStep { get; } = Define("credit.publication.cross-province-step",
        "跨省推送与公示各自期限", "Each step of a cross-province publication", ParameterUnit.WorkingDays,
        new DatedValue(Order44And45, 10, CreditCitations.PenaltyPublication));

    /// <summary>Withdrawal within 3 working days after the decision is changed, revoked or held void.</summary>
    public static ParameterDefinition PublicationWithdrawal { get; } = Define("credit.publication.withdrawal",
        "处罚决定变更撤销后撤下公示的期限", "Withdrawing a changed or revoked decision", ParameterUnit.WorkingDays,
        new DatedValue(Order44And45, 3, CreditCitations.PenaltyPublication));

    /// <summary>Public criticism and lower-amount fines are published for 3 months.</summary>
    public static ParameterDefinition PublicationShortPeriod { get; } = Define("credit.publication.short-months",
        "通报批评和较低数额罚款的公示期", "Publication of public criticism and lower-amount fines", ParameterUnit.Months,
        new DatedValue(Order44And45, 3, CreditCitations.PenaltyPublication));

    /// <summary>Other penalties are published for 3 years (longer restrictions: their actual length).</summary>
    public static ParameterDefinition PublicationStandardPeriod { get; } = Define("credit.publication.standard-years",
        "其他行政处罚信息的公示期", "Publication of other penalties", ParameterUnit.Years,
        new DatedValue(Order44And45, 3, CreditCitations.PenaltyPublication));

    /// <summary>The provincial 较低数额罚款 threshold (fines at or below it are published 3 months); 0 nationally.</summary>
    public static ParameterDefinition LowerAmountFine { get; } = Define("credit.publication.lower-fine-threshold",
        "较低数额罚款标准（由省级市场监管部门确定）", "Lower-amount fine threshold (set by the province)", ParameterUnit.Yuan,
        new DatedValue(Order44And45, 0, CreditCitations.LowerAmountFine));

    /// <summary>Publication time before a repair may be applied for.</summary>
    public static ParameterDefinition RepairMinimum { get; } = Define("credit.repair.min-months",
        "申请信用修复的最短公示期", "Publication before repair may be applied for", ParameterUnit.Months,
        new DatedValue(Order44And45, 6, CreditCitations.CreditRepair));

    /// <summary>Publication time before a repair for food, drugs and special equipment.</summary>
    public static ParameterDefinition RepairMinimumSensitive { get; } = Define("credit.repair.min-months-sensitive",
        "食品、药品、特种设备领域申请信用修复的最短公示期", "Publication before repair (food, drugs, special equipment)", ParameterUnit.Months,
        new DatedValue(Order44And45, 12, CreditCitations.CreditRepair));

    /// <summary>Decision on a repair application (from memory, unverified).</summary>
    public static ParameterDefinition RepairDecision { get; } = Define("credit.repair.decision-deadline",
        "信用修复决定期限", "Decision on a repair application", ParameterUnit.WorkingDays,
        new DatedValue(Order44And45, 15, CreditCitations.CreditRepairDecision));

    /// <summary>Years of penalties the risk classification counts (example policy).</summary>
    public static ParameterDefinition ClassificationLookBack { get; } = Define("credit.classification.look-back-years",
        "信用风险分类计入行政处罚的回溯年限", "Years of penalties the classification counts", ParameterUnit.Years,
        new DatedValue(LegalDocuments.CreditRiskClassificationOpinions.InForceFrom!.Value, 3, CreditCitations.RiskClassification with { Status = VerificationStatus.ProjectRequirement }));

    /// <summary>Years without a disqualifying record before a credit certificate (信用证明) is issued (example).</summary>
    public static ParameterDefinition CertificateLookBack { get; } = Define("credit.certificate.look-back-years",
        "出具信用证明的无不良记录回溯年限", "Look-back of the credit-certificate check", ParameterUnit.Years,
        new DatedValue(new LocalDate(2018, 1, 1), 3, CreditCitations.ProjectExample));

    /// <summary>Every parameter of the credit area.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
    [
        AbnormalListingDeadline, AbnormalRemovalDecision, AbnormalObjectionWindow, AbnormalObjectionAnswer, AbnormalObjectionVerification,
        AbnormalEscalationYears, AbnormalEscalationReminder, AbnormalEscalationListing, RepresentativeBarYears, RevocationConsecutiveYears,
        SeriousListTerm, SeriousEarlyRemoval,
        PublicationDeadline, PublicationCrossProvinceStep, PublicationWithdrawal, PublicationShortPeriod, PublicationStandardPeriod, LowerAmountFine,
        RepairMinimum, RepairMinimumSensitive, RepairDecision,
        ClassificationLookBack, CertificateLookBack,
    ];
}
