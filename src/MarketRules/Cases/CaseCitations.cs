namespace MarketRules.Cases;

/// <summary>The legal sources of the case lifecycle, one citation per article used (statuses mirror domain-rules.md §3).</summary>
public static class CaseCitations
{
    private static readonly LegalDocument CompulsionLaw = LegalDocuments.AdministrativeCompulsionLaw;
    private static readonly LegalDocument ProcedureRules = LegalDocuments.SamrPenaltyProcedureRules;
    private static readonly LegalDocument HearingMeasures = LegalDocuments.SamrPenaltyHearingMeasures;

    private static Citation Law(string zh, string en, string? note = null) =>
        new(LegalDocuments.AdministrativePenaltyLaw, new LocalizedText(zh, en), VerificationStatus.VerifiedOfficial)
        {
            Source = "LawRefBook/Laws 2f4c5c2 (domain-rules.md §3)", Note = note,
        };

    /// <summary>程序规定 第十八条 (lead verification 15 + 15 working days), V-S.</summary>
    public static Citation LeadVerification { get; } = new(ProcedureRules, new LocalizedText("第十八条", "Art. 18"), VerificationStatus.VerifiedSecondary)
    {
        Source = "btdsss.gov.cn/c/2025-05-14/912884.shtml",
        Note = "应当自发现线索或者收到材料之日起十五个工作日内予以核查…可以延长十五个工作日",
    };

    /// <summary>程序规定 第十九条、第二十条 (立案 / 不予立案), V-S.</summary>
    public static Citation Opening { get; } = new(ProcedureRules, new LocalizedText("第十九条、第二十条", "Arts. 19–20"), VerificationStatus.VerifiedSecondary)
    {
        Source = "btdsss.gov.cn/c/2025-05-14/912884.shtml",
    };

    /// <summary>程序规定: 中止、终止调查、撤销立案、结案 (article numbers and texts from memory).</summary>
    public static Citation ProcedureFromMemory { get; } = new(ProcedureRules, new LocalizedText("第二十一条、第四十九条至第五十一条、第八十条（条号凭记忆）", "Arts. 21, 49–51, 80 (numbers from memory)"), VerificationStatus.FromMemory)
    {
        Note = "撤销立案、中止/终止调查和结案的条文未找到原文 (domain-rules.md §3.27; searched again 2026-11-23). Only the steps 中止案件调查、案件终止调查、原因消除立即恢复 are V-S (pinggu.org flowchart); numbers and texts are MEM",
    };

    /// <summary>程序规定: decision period extension and excluded time (Art 64 by memory), V-S.</summary>
    public static Citation DecisionExtension { get; } = new(ProcedureRules, new LocalizedText("第六十四条（条号凭记忆）", "Art. 64 (number from memory)"), VerificationStatus.VerifiedSecondary)
    {
        Source = "np.gov.cn (Nanping SAMR); pinggu.org flowchart",
        Note = "经负责人批准，可以延长30日…集体讨论决定是否继续延期…应当同时确定延长的合理期限；中止、听证、公告和检测、检验、检疫、鉴定…等时间不计入",
    };

    /// <summary>程序规定: legal review within 10 working days, V-S.</summary>
    public static Citation LegalReviewPeriod { get; } = new(ProcedureRules, new LocalizedText("法制审核", "legal review"), VerificationStatus.VerifiedSecondary)
    {
        Source = "pinggu.org flowchart", Note = "十个工作日内完成审核",
    };

    /// <summary>程序规定: statement and defence period 5 working days from 2021-07-15 (start point: service of the notice, from memory).</summary>
    public static Citation StatementPeriod { get; } = new(ProcedureRules, new LocalizedText("陈述申辩期限", "statement and defence period"), VerificationStatus.VerifiedSecondary)
    {
        Source = "pinggu.org flowchart (domain-rules.md §3.9, Q5)",
        Note = "五个工作日；起算点（告知书送达之日）凭记忆 (MEM)",
    };

    /// <summary>Pre-2021 statement period of 3 working days (工商 rules), V-S; switch date from memory.</summary>
    /// <remarks>Read in the SAIC rules; SAMR's interim rules of 2018 (in force 2019-04-01) are believed to keep the same
    /// three working days (<see cref="StatementPeriodInterimRules"/>).</remarks>
    public static Citation StatementPeriodBefore2021 { get; } = new(LegalDocuments.SaicPenaltyProcedureRules, null, VerificationStatus.VerifiedSecondary)
    {
        Source = "baiven.com (domain-rules.md §3.9)", Note = "自当事人签收之日起3个工作日内…视为放弃此权利；切换日期 2021-07-15 凭记忆 (Q5)",
    };

    /// <summary>Statement period of 3 working days under SAMR's interim penalty procedure rules (总局令第2号, 2019-04-01 to 2021-07-14): the same period as the SAIC rules, V-S; switch date from memory.</summary>
    public static Citation StatementPeriodInterimRules { get; } = new(LegalDocuments.SamrPenaltyProcedureInterimRules, null, VerificationStatus.VerifiedSecondary)
    {
        Source = "baiven.com (domain-rules.md §3.9)", Note = "工商 / 市场监管（2018）程序规定：自当事人签收之日起3个工作日内…视为放弃此权利；切换日期 2021-07-15 凭记忆 (Q5)",
    };

    /// <summary>听证办法 第五条: the large-fine thresholds, with the provincial override, V-S.</summary>
    public static Citation HearingScope { get; } = new(HearingMeasures, new LocalizedText("第五条", "Art. 5"), VerificationStatus.VerifiedSecondary)
    {
        Source = "focustax.cn (2018 text); 2021 consolidated reprint (domain-rules.md §3.12, Q6)",
        Note = "对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款；省级人大常委会或者人民政府可以另行规定 (policy-pack override)",
    };

    /// <summary>行政处罚法 第三十六条: limitation.</summary>
    public static Citation Limitation { get; } = Law("第三十六条", "Art. 36", "二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算");

    /// <summary>行政处罚法 第四十四条、第四十五条、第六十二条: notice before the decision, no heavier penalty for a defence.</summary>
    public static Citation Notice { get; } = Law("第四十四条、第四十五条、第六十二条", "Arts. 44, 45, 62", "未告知或者拒绝听取陈述、申辩的，不得作出行政处罚决定，当事人明确放弃的除外；不得因陈述、申辩而给予更重的处罚");

    /// <summary>行政处罚法 第五十一条: summary procedure limits.</summary>
    public static Citation Summary { get; } = Law("第五十一条", "Art. 51", "对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告");

    /// <summary>Pre-2021 summary limits 50 / 1,000 yuan (old Art 33), V-S.</summary>
    public static Citation SummaryBefore2021 { get; } = new(LegalDocuments.AdministrativePenaltyLaw2017, new LocalizedText("第三十三条（2017年修正）", "Art. 33 (2017 text)"), VerificationStatus.VerifiedSecondary)
    {
        Source = "np.gov.cn (domain-rules.md §3.21, Q11)", Note = "五十元以下、一千元以下罚款或者警告",
    };

    /// <summary>行政处罚法 第五十七条、第五十八条: decisions, collective discussion and legal review.</summary>
    public static Citation Decision { get; } = Law("第五十七条、第五十八条", "Arts. 57–58", "情节复杂或者重大违法行为…应当集体讨论决定；未经法制审核或者审核未通过的，不得作出决定");

    /// <summary>行政处罚法 第六十条: decision within 90 days.</summary>
    public static Citation DecisionPeriod { get; } = Law("第六十条", "Art. 60", "自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定");

    /// <summary>行政处罚法 第六十一条: service within 7 working days.</summary>
    public static Citation Service { get; } = Law("第六十一条、第八十五条", "Arts. 61, 85", "当事人不在场的，应当在七日内依照民事诉讼法的有关规定送达");

    /// <summary>行政处罚法 第六十三条、第六十四条: hearing right, request within 5 working days, notice 7 working days before.</summary>
    public static Citation Hearing { get; } = Law("第六十三条、第六十四条、第八十五条", "Arts. 63, 64, 85", "当事人要求听证的，应当在行政机关告知后五日内提出；行政机关应当在举行听证的七日前，通知当事人");

    /// <summary>行政处罚法 第六十六条、第六十七条: payment within 15 days, deferral and instalments.</summary>
    public static Citation Payment { get; } = Law("第六十六条、第六十七条", "Arts. 66–67", "自收到行政处罚决定书之日起十五日内…确有经济困难，需要延期或者分期缴纳罚款的…经批准，可以暂缓或者分期缴纳");

    /// <summary>行政处罚法 第七十二条: late surcharge 3 % a day, capped at the fine.</summary>
    public static Citation Surcharge { get; } = Law("第七十二条", "Art. 72", "每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额");

    /// <summary>行政处罚法 第七十二条第二款: with a deferral or instalments approved, the court-enforcement period counts from the end of the deferral.</summary>
    public static Citation DeferredEnforcement { get; } = Law("第七十二条第二款", "Art. 72(2)", "行政机关批准延期、分期缴纳罚款的，申请人民法院强制执行的期限，自暂缓或者分期缴纳罚款期限结束之日起计算");

    /// <summary>企业信息公示暂行条例 第六条: penalty information published within 20 working days (from 2014-10-01, before SAMR Order 45).</summary>
    public static Citation PublicationBeforeOrder45 { get; } = new(LegalDocuments.EnterpriseInformationDisclosureRegulations,
        new LocalizedText("第六条", "Art. 6"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 行政法规/企业信息公示暂行条例.md",
        Note = "工商行政管理部门应当通过企业信用信息公示系统，公示其在履行职责过程中产生的下列企业信息：…（四）行政处罚信息…前款规定的企业信息应当自产生之日起20个工作日内予以公示",
    };

    /// <summary>The 2001 text of the transfer provisions (国务院令第310号): the same timetable as the 2020 revision, believed unchanged.</summary>
    public static Citation Transfer2001 { get; } = new(LegalDocuments.CriminalCaseTransferProvisions, new LocalizedText("第五条、第八条、第九条、第十二条", "Arts. 5, 8, 9, 12"), VerificationStatus.FromMemory)
    {
        Source = "66wkw.com/doc/52753.html (2001 text, Art 5(2) 24 小时, V-S); the 3-day periods of the 2001 text were not read",
        Note = "Same values as the referral timetable's 2001 values (referral.timetable.*): 3 日 periods from memory, 24 hours V-S",
    };

    /// <summary>行政强制法 第四十五条、第四十六条、第五十三条、第五十四条、第六十九条: surcharge, demand and court application windows.</summary>
    public static Citation Enforcement { get; } = new(CompulsionLaw, new LocalizedText("第四十五条、第四十六条、第五十三条、第五十四条、第六十九条", "Arts. 45, 46, 53, 54, 69"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 2f4c5c2 (domain-rules.md §3.20)",
        Note = "加处罚款超过三十日…经催告；自期限届满之日起三个月内申请；催告书送达十日后；十日以内期限指工作日",
    };

    /// <summary>行政诉讼法 第四十六条: six months to sue (the end of the period opens the court-enforcement window), V-S.</summary>
    public static Citation LitigationPeriod { get; } = new(LegalDocuments.AdministrativeLitigationLaw,
        new LocalizedText("第四十六条", "Art. 46"), VerificationStatus.VerifiedSecondary)
    {
        Source = "mip.64365.com/special/18571846; m.law.iask.sina.com.cn/jx/sh/1km2pkrpW5t2.html",
        Note = "直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。法律另有规定的除外 (the 60-day review period ends earlier; before 2015-05-01 the 1989 text gave 3 months, not encoded)",
    };

    /// <summary>市场监督管理行政处罚信息公示规定 第九条: publication within 20 working days.</summary>
    public static Citation Publication { get; } = new(LegalDocuments.PenaltyInformationPublicationProvisions,
        new LocalizedText("第二条、第九条", "Arts. 2, 9"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 2f4c5c2 (domain-rules.md §2.4)",
        Note = "自作出行政处罚决定之日起二十个工作日内；仅受到警告行政处罚的不予公示",
    };

    /// <summary>移送规定 第五条、第八条、第九条、第十二条: the transfer timetable.</summary>
    public static Citation Transfer { get; } = new(LegalDocuments.CriminalCaseTransferProvisions2020, new LocalizedText("第五条、第八条、第九条、第十二条", "Arts. 5, 8, 9, 12"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 2f4c5c2 (domain-rules.md §4.1)",
        Note = "“3日”未定义为工作日，按日历日；24小时按钟点 (Asia/Shanghai) (domain-rules.md Q8)",
    };
}
