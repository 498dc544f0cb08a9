using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.Cases;

/// <summary>Every period, amount and ratio of the penalty-case lifecycle, dated and cited. A policy pack may override any of them.</summary>
public static class CaseParameters
{
    private static readonly LocalDate PenaltyLaw2021 = LegalDocuments.AdministrativePenaltyLaw.InForceFrom!.Value;
    private static readonly LocalDate SamrRules2019 = LegalDocuments.SamrPenaltyProcedureInterimRules.InForceFrom!.Value;
    private static readonly LocalDate PenaltyLaw1996 = LegalDocuments.AdministrativePenaltyLaw2017.InForceFrom!.Value;

    private static readonly Citation Saic2007 = new(LegalDocuments.SaicPenaltyProcedureRules, null, VerificationStatus.VerifiedSecondary)
    {
        Note = "核查 7 个工作日 (pre-2019 工商 rule, V-S); the switch to 15 on 2019-04-01 is from memory",
    };

    private static Citation PenaltyLawOld(string zh, string en, string source, string quote) =>
        new(LegalDocuments.AdministrativePenaltyLaw2017, new LocalizedText(zh + "（2017年修正）", en + " (2017 text)"), VerificationStatus.VerifiedSecondary)
        {
            Source = source,
            Note = quote + " (read in reprints of the 1996 text; that the 2009 and 2017 amendments left the article unchanged is MEM)",
        };

    // The old law counts plain 日 (it has no rule like the 2021 Art 85): reading these periods as working days before
    // 2021-07-15 does not come from it and stays open (MEM).
    private const string OldDaysCaveat = "; the law says 日, the working-day reading before 2021-07-15 is MEM";

    private static readonly Citation PenaltyLawOldHearing = PenaltyLawOld("第四十二条", "Art. 42", "m31.bjzjxf.com/artcon/18545",
        "当事人要求听证的，应当在行政机关告知后三日内提出；行政机关应当在听证的七日前，通知当事人举行听证的时间、地点" + OldDaysCaveat);

    private static readonly Citation PenaltyLawOldService = PenaltyLawOld("第四十条", "Art. 40", "6065bob.com/fagui/60973.html",
        "当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定，将行政处罚决定书送达当事人" + OldDaysCaveat);

    private static readonly Citation PenaltyLawOldPayment = PenaltyLawOld("第四十六条", "Art. 46", "5itupu.com/KnowledgeShow-2,724,0,491,2.html",
        "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行缴纳罚款");

    private static readonly Citation PenaltyLawOldLimitation = PenaltyLawOld("第二十九条", "Art. 29", "6065bob.com/fagui/60945.html",
        "违法行为在二年内未被发现的，不再给予行政处罚。法律另有规定的除外");

    private static readonly Citation ProcedureRules2019 = new(LegalDocuments.SamrPenaltyProcedureInterimRules,
        new LocalizedText("案件办理期限（条号未查到）", "case-handling period (article number not found)"), VerificationStatus.FromMemory)
    {
        Source = CaseCitations.DecisionExtension.Source,
        Note = "总局令第2号 (in force 2019-04-01) already set 90 days: MEM. Indirect: the np.gov.cn flowchart gives 立案之日起90日内 next to the pre-2021 summary limits (五十元、一千元), so it was drawn under the 2018 rules; their text was not read",
    };

    private static ParameterDefinition Define(string id, string zh, string en, ParameterUnit unit, params DatedValue[] values) =>
        new(id, new LocalizedText(zh, en), unit, values);

    /// <summary>线索核查: 15 working days from discovery (2019-04-01; 7 before, V-S).</summary>
    public static ParameterDefinition LeadVerification { get; } = Define("cases.lead-verification", "线索核查期限", "lead verification period", ParameterUnit.WorkingDays,
        new DatedValue(new LocalDate(2016, 1, 1), 7, Saic2007), new DatedValue(SamrRules2019, 15, CaseCitations.LeadVerification));

    /// <summary>Extension of lead verification with the head's approval: 15 working days.</summary>
    public static ParameterDefinition LeadVerificationExtension { get; } = Define("cases.lead-verification-extension", "线索核查延长期限", "lead verification extension", ParameterUnit.WorkingDays,
        new DatedValue(new LocalDate(2016, 1, 1), 8, Saic2007), new DatedValue(SamrRules2019, 15, CaseCitations.LeadVerification));

    /// <summary>陈述申辩期限: 5 working days from 2021-07-15, 3 before (Q5).</summary>
    public static ParameterDefinition StatementPeriod { get; } = Define("cases.statement-period", "陈述申辩期限", "statement and defence period", ParameterUnit.WorkingDays,
        new DatedValue(new LocalDate(2016, 1, 1), 3, CaseCitations.StatementPeriodBefore2021),
        new DatedValue(SamrRules2019, 3, CaseCitations.StatementPeriodInterimRules), new DatedValue(PenaltyLaw2021, 5, CaseCitations.StatementPeriod));

    /// <summary>要求听证期限: 5 working days after the notice (L1 Art 64 + 85); before 2021-07-15 the old Art 42 gave 3 日 (V-S), counted here as working days (MEM).</summary>
    public static ParameterDefinition HearingRequest { get; } = Define("cases.hearing-request", "要求听证期限", "hearing request period", ParameterUnit.WorkingDays,
        new DatedValue(new LocalDate(2016, 1, 1), 3, PenaltyLawOldHearing), new DatedValue(PenaltyLaw2021, 5, CaseCitations.Hearing));

    /// <summary>听证通知: at least 7 working days before the hearing (L1 Art 64 + 85).</summary>
    public static ParameterDefinition HearingNotice { get; } = Define("cases.hearing-notice", "听证通知提前期", "hearing notice lead time", ParameterUnit.WorkingDays,
        new DatedValue(new LocalDate(2016, 1, 1), 7, PenaltyLawOldHearing), new DatedValue(PenaltyLaw2021, 7, CaseCitations.Hearing));

    /// <summary>Large fine on a person that gives the hearing right: 10,000 yuan (V-S; provinces may override).</summary>
    public static ParameterDefinition HearingFinePerson { get; } = Define("cases.hearing-fine-person", "听证较大数额罚款（自然人）", "hearing threshold, fine on a person", ParameterUnit.Yuan,
        new DatedValue(SamrRules2019, 10_000m, CaseCitations.HearingScope));

    /// <summary>Large fine on an organisation that gives the hearing right: 100,000 yuan (V-S; provinces may override).</summary>
    public static ParameterDefinition HearingFineOrganisation { get; } = Define("cases.hearing-fine-organisation", "听证较大数额罚款（法人或其他组织）", "hearing threshold, fine on an organisation", ParameterUnit.Yuan,
        new DatedValue(SamrRules2019, 100_000m, CaseCitations.HearingScope));

    /// <summary>法制审核: 10 working days (V-S).</summary>
    public static ParameterDefinition LegalReview { get; } = Define("cases.legal-review", "法制审核期限", "legal review period", ParameterUnit.WorkingDays,
        new DatedValue(SamrRules2019, 10, CaseCitations.LegalReviewPeriod));

    /// <summary>办案期限: 90 days from opening (L1 Art 60).</summary>
    public static ParameterDefinition DecisionPeriod { get; } = Define("cases.decision-period", "作出处罚决定期限", "decision period", ParameterUnit.Days,
        new DatedValue(SamrRules2019, 90, ProcedureRules2019), new DatedValue(PenaltyLaw2021, 90, CaseCitations.DecisionPeriod));

    /// <summary>办案期限延长 with the head's approval: 30 days (V-S); later extensions need a collective decision with a set length.</summary>
    public static ParameterDefinition DecisionExtension { get; } = Define("cases.decision-extension", "办案期限延长（负责人批准）", "decision period extension by approval", ParameterUnit.Days,
        new DatedValue(SamrRules2019, 30, CaseCitations.DecisionExtension));

    /// <summary>送达: 7 working days (L1 Art 61 + 85).</summary>
    public static ParameterDefinition Service { get; } = Define("cases.service", "决定书送达期限", "service of the decision", ParameterUnit.WorkingDays,
        new DatedValue(PenaltyLaw1996, 7, PenaltyLawOldService), new DatedValue(PenaltyLaw2021, 7, CaseCitations.Service));

    /// <summary>缴纳罚款: 15 calendar days from receipt (L1 Art 67; Q7).</summary>
    public static ParameterDefinition Payment { get; } = Define("cases.payment", "缴纳罚款期限", "payment period", ParameterUnit.Days,
        new DatedValue(PenaltyLaw1996, 15, PenaltyLawOldPayment), new DatedValue(PenaltyLaw2021, 15, CaseCitations.Payment));

    /// <summary>加处罚款: 3 % of the fine per day, never more than the fine (L1 Art 72).</summary>
    public static ParameterDefinition LateSurchargeRate { get; } = Define("cases.late-surcharge-rate", "加处罚款日比例", "late surcharge per day", ParameterUnit.Ratio,
        new DatedValue(PenaltyLaw1996, 0.03m, CaseCitations.Surcharge));

    /// <summary>Surcharge days before a demand may lead to enforcement: more than 30 days (L2 Art 46).</summary>
    public static ParameterDefinition EnforcementSurchargeDays { get; } = Define("cases.enforcement-surcharge-days", "加处罚款超过日数", "surcharge days before enforcement", ParameterUnit.Days,
        new DatedValue(LegalDocuments.AdministrativeCompulsionLaw.InForceFrom!.Value, 30, CaseCitations.Enforcement));

    /// <summary>Court application no earlier than 10 working days after the demand (L2 Art 54 + 69).</summary>
    public static ParameterDefinition EnforcementDemandWait { get; } = Define("cases.enforcement-demand-wait", "催告后等待期", "wait after the demand", ParameterUnit.WorkingDays,
        new DatedValue(LegalDocuments.AdministrativeCompulsionLaw.InForceFrom!.Value, 10, CaseCitations.Enforcement));

    /// <summary>Court application within 3 months after the review and litigation periods end (L2 Art 53).</summary>
    public static ParameterDefinition EnforcementApplicationWindow { get; } = Define("cases.enforcement-application-window", "申请强制执行期限", "court application window", ParameterUnit.Months,
        new DatedValue(LegalDocuments.AdministrativeCompulsionLaw.InForceFrom!.Value, 3, CaseCitations.Enforcement));

    /// <summary>Litigation period that must end before the court application: 6 months (行政诉讼法 Art 46, MEM).</summary>
    public static ParameterDefinition LitigationPeriod { get; } = Define("cases.litigation-period", "起诉期限", "litigation period", ParameterUnit.Months,
        new DatedValue(LegalDocuments.AdministrativeLitigationLaw.InForceFrom!.Value, 6, CaseCitations.LitigationPeriod));

    /// <summary>公示: 20 working days from the decision (企业信息公示暂行条例 Art 6 from 2014-10-01; 总局令第45号 Art 9 from 2021-09-01).</summary>
    public static ParameterDefinition Publication { get; } = Define("cases.publication", "处罚信息公示期限", "publication of the decision", ParameterUnit.WorkingDays,
        new DatedValue(LegalDocuments.EnterpriseInformationDisclosureRegulations.InForceFrom!.Value, 20, CaseCitations.PublicationBeforeOrder45), new DatedValue(LegalDocuments.PenaltyInformationPublicationProvisions.InForceFrom!.Value, 20, CaseCitations.Publication));

    /// <summary>追责时效: 2 years (L1 Art 36).</summary>
    public static ParameterDefinition Limitation { get; } = Define("cases.limitation", "追责时效", "limitation period", ParameterUnit.Years,
        new DatedValue(PenaltyLaw1996, 2, PenaltyLawOldLimitation), new DatedValue(PenaltyLaw2021, 2, CaseCitations.Limitation));

    /// <summary>追责时效, life, health or financial safety with harm: 5 years (L1 Art 36).</summary>
    public static ParameterDefinition LimitationSerious { get; } = Define("cases.limitation-serious", "追责时效（生命健康、金融安全且有危害后果）", "limitation period, serious harm", ParameterUnit.Years,
        new DatedValue(PenaltyLaw2021, 5, CaseCitations.Limitation));

    /// <summary>当场处罚 limit for a person: 200 yuan from 2021-07-15, 50 before.</summary>
    public static ParameterDefinition SummaryFinePerson { get; } = Define("cases.summary-fine-person", "当场处罚罚款上限（公民）", "summary fine limit, person", ParameterUnit.Yuan,
        new DatedValue(PenaltyLaw1996, 50m, CaseCitations.SummaryBefore2021), new DatedValue(PenaltyLaw2021, 200m, CaseCitations.Summary));

    /// <summary>当场处罚 limit for an organisation: 3,000 yuan from 2021-07-15, 1,000 before.</summary>
    public static ParameterDefinition SummaryFineOrganisation { get; } = Define("cases.summary-fine-organisation", "当场处罚罚款上限（法人或其他组织）", "summary fine limit, organisation", ParameterUnit.Yuan,
        new DatedValue(PenaltyLaw1996, 1_000m, CaseCitations.SummaryBefore2021), new DatedValue(PenaltyLaw2021, 3_000m, CaseCitations.Summary));

    // The State Council Order 310 transfer timetable is defined once, in the referral area (ReferralParameters), with
    // its 2001 and 2020 texts; the case lifecycle reads the same definitions, so a policy pack that sets one sets both.

    /// <summary>Head's decision on a transfer: 3 days from the report (Order 310 Art 5); the referral area's definition.</summary>
    public static ParameterDefinition TransferApproval => Referral.ReferralParameters.Of(Referral.ReferralThreshold.ApprovalDays);

    /// <summary>Transfer to the police after approval: 24 hours (Order 310 Art 5); the referral area's definition.</summary>
    public static ParameterDefinition TransferDelivery => Referral.ReferralParameters.Of(Referral.ReferralThreshold.TransferHours);

    /// <summary>Police decide whether to open a case: 3 days from receipt (Order 310 Art 8); the referral area's definition.</summary>
    public static ParameterDefinition PoliceDecision => Referral.ReferralParameters.Of(Referral.ReferralThreshold.PoliceDecisionDays);

    /// <summary>Request for reconsideration: 3 days from the police notice (Order 310 Art 9); the referral area's definition.</summary>
    public static ParameterDefinition ReconsiderationRequest => Referral.ReferralParameters.Of(Referral.ReferralThreshold.ReconsiderationRequestDays);

    /// <summary>Police decision on the reconsideration: 3 days (Order 310 Art 9); the referral area's definition.</summary>
    public static ParameterDefinition ReconsiderationDecision => Referral.ReferralParameters.Of(Referral.ReferralThreshold.ReconsiderationAnswerDays);

    /// <summary>Hand-over of files and seized items after the police open a case: 3 days (Order 310 Art 12); the referral area's definition.</summary>
    public static ParameterDefinition FilesHandOver => Referral.ReferralParameters.Of(Referral.ReferralThreshold.HandOverDays);

    /// <summary>Every parameter of the case lifecycle.</summary>
    public static ImmutableArray<ParameterDefinition> All { get; } =
    [
        LeadVerification, LeadVerificationExtension, StatementPeriod, HearingRequest, HearingNotice, HearingFinePerson, HearingFineOrganisation,
        LegalReview, DecisionPeriod, DecisionExtension, Service, Payment, LateSurchargeRate, EnforcementSurchargeDays, EnforcementDemandWait,
        EnforcementApplicationWindow, LitigationPeriod, Publication, Limitation, LimitationSerious, SummaryFinePerson, SummaryFineOrganisation,
    ];
}
