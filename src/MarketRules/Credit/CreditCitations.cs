namespace MarketRules.Credit;

/// <summary>
/// The sources of the credit area, each with the verification status recorded in the project's domain reference
/// (§2 and §7 Q2–Q4). Values that could not be checked against the text of the order are marked
/// <see cref="VerificationStatus.FromMemory"/> with a note saying what is unverified.
/// </summary>
public static class CreditCitations
{
    private static readonly LegalDocument DisclosureRegulations = LegalDocuments.EnterpriseInformationDisclosureRegulations;
    private static readonly LegalDocument DisclosureRegulations2024 = LegalDocuments.EnterpriseInformationDisclosureRegulations2024;
    private static readonly LegalDocument AbnormalListMeasures = LegalDocuments.AbnormalOperationsListMeasures;
    private static readonly LegalDocument SeriousList2015 = LegalDocuments.SeriousViolationListMeasures2015;
    private static readonly LegalDocument SeriousList2021 = LegalDocuments.SeriousViolationListMeasures;
    private static readonly LegalDocument PenaltyPublicationRules = LegalDocuments.PenaltyInformationPublicationProvisions;
    private static readonly LegalDocument RepairMeasures = LegalDocuments.CreditRepairMeasures;

    // A registered document: its title, issuer, number and dates come from the registry.
    private static Citation Of(LegalDocument document, string zhArticle, string enArticle, VerificationStatus status) =>
        new(document, new LocalizedText(zhArticle, enArticle), status);

    /// <summary>企业信息公示暂行条例 (2014) Art. 17: listed three years → serious list; legal representative barred three years; removal after five years.</summary>
    public static Citation DisclosureRegulations2014Article17 { get; } = Of(DisclosureRegulations, "第十七条", "Art. 17", VerificationStatus.VerifiedOfficial) with
    {
        Note = "满3年未依照本条例规定履行公示义务的…列入严重违法企业名单…3年内不得担任其他企业的法定代表人…满5年未再发生…移出",
    };

    /// <summary>企业信息公示暂行条例 (2024 revision) Art. 18: the three-year escalation is replaced by revocation after two consecutive unfiled years while unreachable.</summary>
    public static Citation DisclosureRegulations2024Article18 { get; } = Of(DisclosureRegulations2024, "第十八条", "Art. 18", VerificationStatus.VerifiedSecondary) with
    {
        Source = "Ministry of Justice regulation database text via a secondary copy (domain-rules.md row 2.8a)",
        Note = "企业因连续2年未按规定报送年度报告被列入经营异常名录未改正，且通过登记的住所或者经营场所无法取得联系的…吊销营业执照",
    };

    /// <summary>企业经营异常名录管理暂行办法 (工商总局令第68号) Arts. 4–16: grounds, listing, removal and objection periods.</summary>
    public static Citation AbnormalListMeasures2014 { get; } = Of(AbnormalListMeasures, "第四条至第十六条", "Arts. 4–16", VerificationStatus.VerifiedSecondary) with
    {
        Source = "Reprints (crsrw.com, zqgszc.com, gudianfeng.com, mip.maxlaw.cn), domain-rules.md rows 2.3–2.7",
        Note = "Removal decision: 5 working days in most reprints, 7 days in one (open question Q3). A 2025 replacement exists but its text was not verified (Q2).",
    };

    /// <summary>严重违法失信企业名单管理暂行办法 (工商总局令第83号) Arts. 8–9: reminder 60 days before the three years, listing within 10 working days, removal after five years.</summary>
    public static Citation SeriousList2015Articles8To9 { get; } = Of(SeriousList2015, "第八条、第九条", "Arts. 8–9", VerificationStatus.VerifiedSecondary) with
    {
        Source = "Reprint of the measures read through the search tool on 2026-11-23 (Arts. 8 and 9 quoted)",
        Note = "满3年前60日内…以公告方式提示…自届满之日起10个工作日内将其列入; 满5年未再发生…移出. The in-force date 2016-04-01 is V-S (see LegalDocuments.SeriousViolationListMeasures2015).",
    };

    /// <summary>市场监督管理严重违法失信名单管理办法 (总局令第44号): listing term three years (article number and automatic removal unverified).</summary>
    public static Citation SeriousList2021Term { get; } = Of(SeriousList2021, "第十九条（条号凭记忆）", "Art. 19 (number from memory)", VerificationStatus.FromMemory) with
    {
        Source = "Indirect: Dongguan SAMR guide (m.163.com/local/article/KJA7ENIN053489NX.html) allows early removal only while 被列严满一年且未满三年",
        Note = "Searched the order's text on 2026-11-23, two passes (pages corpus: Chinese article wording, the Beijing implementing measures, the Zhanjiang 解读, English and Japanese summaries): the 3-year automatic removal and the article number were not found; encoded from memory (Q4).",
    };

    /// <summary>总局令第44号: listing test (Art. 2) and early removal after at least one year when four conditions hold.</summary>
    public static Citation SeriousList2021EarlyRemoval { get; } = Of(SeriousList2021, "第二条、第二十条（条号凭记忆）", "Arts. 2 and 20 (number of Art. 20 from memory)", VerificationStatus.VerifiedSecondary) with
    {
        Source = "Dongguan SAMR guide (m.163.com, 2025); langkequan.com SAMR summary of Art. 2",
        Note = "被列严满一年且未满三年；管理措施期限届满；已经自觉履行…义务；已经主动采取相关整改措施，消除危害后果和不良影响；未再受到市场监督管理部门较重行政处罚",
    };

    /// <summary>市场监督管理行政处罚信息公示规定 (总局令第45号) Arts. 2, 9–14.</summary>
    public static Citation PenaltyPublication { get; } = Of(PenaltyPublicationRules, "第二条、第九条至第十四条", "Arts. 2, 9–14", VerificationStatus.VerifiedOfficial) with
    {
    };

    /// <summary>企业信息公示暂行条例 (2014) Art. 6: penalty information published within 20 working days of arising — the deadline before SAMR Order 45.</summary>
    public static Citation DisclosureRegulations2014Article6 { get; } = Of(DisclosureRegulations, "第六条", "Art. 6", VerificationStatus.VerifiedOfficial) with
    {
        Source = "LawRefBook/Laws 行政法规/企业信息公示暂行条例.md",
        Note = "工商行政管理部门应当通过企业信用信息公示系统，公示其在履行职责过程中产生的下列企业信息：…（四）行政处罚信息…前款规定的企业信息应当自产生之日起20个工作日内予以公示",
    };

    /// <summary>工商行政管理行政处罚信息公示暂行规定 (工商总局令第71号) Art. 2: ordinary-procedure decisions published, with no exclusion of warnings (2014-10-01 to 2021-08-31).</summary>
    public static Citation PenaltyPublication2014 { get; } = Of(LegalDocuments.SaicPenaltyPublicationProvisions,
        "第二条", "Art. 2", VerificationStatus.VerifiedSecondary) with
    {
        Source = "big5.www.gov.cn/gate/big5/www.gov.cn/gongbao/content/2014/content_2771082.htm (State Council gazette mirror, Arts 1–6 read)",
        Note = "工商行政管理部门适用一般程序作出行政处罚决定的相关信息应当向社会公示. Its publication term was not read: for a decision before 2021-09-01 the library applies Order 45's term and repair from that date (decision 0014, MEM reading).",
    };

    /// <summary>总局令第45号 Art. 13: the lower-amount fine (较低数额罚款) is defined by each provincial bureau.</summary>
    public static Citation LowerAmountFine { get; } = Of(PenaltyPublicationRules, "第十三条", "Art. 13", VerificationStatus.ProjectRequirement) with
    {
        Note = "The order leaves 较低数额罚款 to the provincial bureau. Nationally no fine is treated as lower-amount (0 yuan) until a provincial policy pack sets the threshold.",
    };

    /// <summary>市场监督管理信用修复管理办法 (国市监信规〔2021〕3号): repair after six months of publication (one year for food, drugs, special equipment).</summary>
    public static Citation CreditRepair { get; } = new(RepairMeasures, null, VerificationStatus.VerifiedSecondary)
    {
        Source = "yuanjiang.gov.cn 沅江市市场监督管理局信用修复指引 restating the measures; article numbers not seen",
        Note = "除第十四条第三款规定的行政处罚，或者仅受到警告、通报批评和较低数额罚款外，其他行政处罚信息公示期满六个月，其中食品、药品、特种设备领域…公示期满一年",
    };

    /// <summary>The repair decision deadline: not verified.</summary>
    public static Citation CreditRepairDecision { get; } = new(RepairMeasures, null, VerificationStatus.FromMemory)
    {
        Note = "15 working days from acceptance is from memory: searched on 2026-11-23, two passes (pages corpus; copies of the measures at m.personalh.cn, m.wenkunet.com, qyxyxf.tv return only Arts 1–4), no text stating the decision deadline was found (domain-rules.md row 2.29).",
    };

    /// <summary>国市监信发〔2022〕6号: the four credit-risk classes; the indicators, weights and cut points are the project's example policy.</summary>
    public static Citation RiskClassification { get; } = new(LegalDocuments.CreditRiskClassificationOpinions, null, VerificationStatus.VerifiedSecondary)
    {
        Source = "SAMR release reprinted on xpykjsws.com; credit.daqing.gov.cn (domain-rules.md row 2.1)",
        Note = "The class names are V-S. Indicator weights, cut points and the look-back are an example policy (REQ): provinces publish their own models. The in-force date is from memory.",
    };

    /// <summary>The project's own requirement (Hangzhou credit-linkage platform, 2018 reply; quality credit grading), not law.</summary>
    public static Citation ProjectExample { get; } = new(
        new LocalizedText("MarketRules 示例政策（项目资料）", "MarketRules example policy (project sources)"), null, VerificationStatus.ProjectRequirement)
    {
        Source = "domain-rules.md §8.2 (Hangzhou 2018 reply) and §8.3 (Gongshu 2022 report)",
        Note = "No legal text was found for these tiers or grades (Q13): an example to be replaced by the local rules.",
    };
}
