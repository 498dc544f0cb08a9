using System.Collections.Frozen;
using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// A law, regulation, order or notice as the library cites it: defined once, in <see cref="LegalDocuments"/>, so that
/// every citation of it carries the same number, the same Chinese and English title and the same dates.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Id">The stable id, e.g. <c>administrative-penalty-law</c>.</param>
/// <param name="Title">The title in Chinese and English.</param>
/// <param name="IssuingBody">Who issued it (全国人大常委会, 国务院, 市场监管总局…), or <see langword="null"/>.</param>
/// <param name="Number">The document number (文号), e.g. <c>国务院令第310号</c>, or <see langword="null"/> for a statute.</param>
/// <param name="Promulgated">The day the version cited was promulgated, or <see langword="null"/> when not known.</param>
/// <param name="InForceFrom">The day the version cited took effect, or <see langword="null"/> when not known.</param>
/// <param name="Repealed">The day it was repealed, or <see langword="null"/> when it is in force (or not known).</param>
public sealed record LegalDocument(
    string Id, LocalizedText Title, LocalizedText? IssuingBody, string? Number, LocalDate? Promulgated, LocalDate? InForceFrom, LocalDate? Repealed)
{
    /// <summary>Whether the document is in force on a day (an unknown start counts as in force).</summary>
    /// <param name="day">The day.</param>
    /// <returns>Whether it is in force.</returns>
    public bool IsInForceOn(LocalDate day) => (InForceFrom is not { } from || from <= day) && (Repealed is not { } repealed || day < repealed);

    /// <summary>Where the text (and its dates) was read: an address or a reference, or <see langword="null"/>. Citations of
    /// the document carry it as their <see cref="Citation.Source"/>.</summary>
    public string? Source { get; init; }

    /// <summary>How far <see cref="Promulgated"/> and <see cref="InForceFrom"/> were checked: against the gazette (V-O), a
    /// secondary copy (V-S), or not at all (from memory, the default).</summary>
    public VerificationStatus DatesStatus { get; init; } = VerificationStatus.FromMemory;

    /// <summary>Where <see cref="Promulgated"/> and <see cref="InForceFrom"/> were read, or <see langword="null"/> when they were not checked.</summary>
    public string? DatesSource { get; init; }
}

/// <summary>
/// The registry of the legal documents the library cites: each law, regulation, order and notice once, with its
/// number, titles and dates. Areas build their citations from these (<see cref="Citation(LegalDocument, LocalizedText?, VerificationStatus)"/>)
/// and never define a title of their own for a shared document. Dates are those stated in the texts the areas'
/// citations were read in; <see langword="null"/> where no text was read.
/// </summary>
public static class LegalDocuments
{
    private static readonly LocalizedText Npc = new("全国人民代表大会", "National People's Congress");
    private static readonly LocalizedText Npcsc = new("全国人民代表大会常务委员会", "Standing Committee of the National People's Congress");
    private static readonly LocalizedText StateCouncil = new("国务院", "State Council");
    private static readonly LocalizedText Samr = new("国家市场监督管理总局", "State Administration for Market Regulation");

    /// <summary>中华人民共和国行政处罚法 (2021 revision, in force 2021-07-15).</summary>
    public static LegalDocument AdministrativePenaltyLaw { get; } = new("administrative-penalty-law",
        new("中华人民共和国行政处罚法", "Administrative Penalty Law of the People's Republic of China"), Npcsc, null,
        new LocalDate(2021, 1, 22), new LocalDate(2021, 7, 15), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "erdossh.cn/contents/6/184767.html and shdbkk.com/html_3/falu/19425/list/3.html (revised 2021-01-22 at the 25th session of the 13th NPCSC, in force 2021-07-15)",
    };

    /// <summary>中华人民共和国行政处罚法 as in force before the 2021 revision (1996 text, amended 2009 and 2017), repealed by the revision on 2021-07-15.</summary>
    public static LegalDocument AdministrativePenaltyLaw2017 { get; } = new("administrative-penalty-law-2017",
        new("中华人民共和国行政处罚法", "Administrative Penalty Law of the People's Republic of China"), Npcsc, null,
        null, new LocalDate(1996, 10, 1), new LocalDate(2021, 7, 15));

    /// <summary>中华人民共和国立法法 (2023 amendment, in force 2023-03-15).</summary>
    public static LegalDocument LegislationLaw { get; } = new("legislation-law",
        new("中华人民共和国立法法", "Legislation Law of the People's Republic of China"), Npc, null, new LocalDate(2023, 3, 13), new LocalDate(2023, 3, 15), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "hk.lexiscn.com/law/law-chinese-1-4587032-T.html (主席令第3号 of 2023-03-13: adopted 2023-03-13, in force 2023-03-15)",
    };

    /// <summary>中华人民共和国产品质量法 (2018 amendment, in force 2018-12-29).</summary>
    public static LegalDocument ProductQualityLaw { get; } = new("product-quality-law",
        new("中华人民共和国产品质量法", "Product Quality Law of the People's Republic of China"), Npcsc, null, new LocalDate(2018, 12, 29), new LocalDate(2018, 12, 29), null);

    /// <summary>中华人民共和国食品安全法 (2021 amendment, in force 2021-04-29).</summary>
    public static LegalDocument FoodSafetyLaw { get; } = new("food-safety-law",
        new("中华人民共和国食品安全法", "Food Safety Law of the People's Republic of China"), Npcsc, null, null, new LocalDate(2021, 4, 29), null);

    /// <summary>企业信息公示暂行条例 (国务院令第654号, in force 2014-10-01).</summary>
    public static LegalDocument EnterpriseInformationDisclosureRegulations { get; } = new("enterprise-information-disclosure-regulations",
        new("企业信息公示暂行条例", "Interim Regulations on Enterprise Information Disclosure"), StateCouncil, "国务院令第654号",
        new LocalDate(2014, 8, 7), new LocalDate(2014, 10, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "law.esnai.com/law_show.aspx?LawID=148660 and en.pkulaw.cn (Order 654 signed 2014-08-07, in force 2014-10-01)",
    };

    /// <summary>企业信息公示暂行条例 as amended by 国务院令第777号 (in force 2024-05-01).</summary>
    public static LegalDocument EnterpriseInformationDisclosureRegulations2024 { get; } = new("enterprise-information-disclosure-regulations-2024",
        new("企业信息公示暂行条例", "Interim Regulations on Enterprise Information Disclosure"), StateCouncil, "国务院令第777号",
        null, new LocalDate(2024, 5, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "ssfb86.com/index/News/detail/newsid/14393.html (国务院关于修改和废止部分行政法规的决定, \"自2024年5月1日起施行\")",
    };

    /// <summary>行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号, in force 2001-07-09).</summary>
    public static LegalDocument CriminalCaseTransferProvisions { get; } = new("criminal-case-transfer-provisions",
        new("行政执法机关移送涉嫌犯罪案件的规定", "Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Agencies"),
        StateCouncil, "国务院令第310号", new LocalDate(2001, 7, 9), new LocalDate(2001, 7, 9), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "law203.infoeach.com/view-MjAzfDIzNjQx.html (Order 310 signed 2001-07-09, \"自公布之日起施行\"); en.pkulaw.cn (\"promulgated … on July 9, 2001\")",
    };

    /// <summary>市场监督管理行政处罚信息公示规定 (市场监管总局令第45号).</summary>
    public static LegalDocument PenaltyInformationPublicationProvisions { get; } = new("penalty-information-publication-provisions",
        new("市场监督管理行政处罚信息公示规定", "Provisions on the Publication of Market-Supervision Administrative Penalty Information"), Samr,
        "国家市场监督管理总局令第45号", null, new LocalDate(2021, 9, 1), null);

    /// <summary>市场监督管理投诉举报处理暂行办法 (市场监管总局令第20号, in force 2020-01-01, repealed 2026-04-15 by Order 121).</summary>
    public static LegalDocument ComplaintHandlingInterimMeasures { get; } = new("complaint-handling-interim-measures",
        new("市场监督管理投诉举报处理暂行办法", "SAMR Interim Measures on Handling Complaints and Reports"), Samr,
        "国家市场监督管理总局令第20号", null, new LocalDate(2020, 1, 1), new LocalDate(2026, 4, 15));

    /// <summary>市场监督管理投诉举报处理办法 (市场监管总局令第121号, in force 2026-04-15).</summary>
    public static LegalDocument ComplaintHandlingMeasures { get; } = new("complaint-handling-measures",
        new("市场监督管理投诉举报处理办法", "SAMR Measures on Handling Complaints and Reports"), Samr,
        "国家市场监督管理总局令第121号", null, new LocalDate(2026, 4, 15), null);

    /// <summary>市场监管领域重大违法行为举报奖励暂行办法 (国市监稽规〔2021〕4号, in force 2021-12-01).</summary>
    public static LegalDocument ReportRewardMeasures { get; } = new("report-reward-measures",
        new("市场监管领域重大违法行为举报奖励暂行办法", "Interim Measures on Rewards for Reporting Major Violations in Market Regulation"),
        new("国家市场监督管理总局、财政部", "SAMR and Ministry of Finance"), "国市监稽规〔2021〕4号", null, new LocalDate(2021, 12, 1), null);

    /// <summary>产品质量监督抽查管理暂行办法 (市场监管总局令第18号, promulgated 2019-11-21, in force 2020-01-01).</summary>
    public static LegalDocument SpotCheckInterimMeasures { get; } = new("spot-check-interim-measures",
        new("产品质量监督抽查管理暂行办法", "Interim Measures for the Administration of Product Quality Supervision Spot Checks"), Samr,
        "国家市场监督管理总局令第18号", new LocalDate(2019, 11, 21), new LocalDate(2020, 1, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "ppein.com and en.eqots.com/news/610.html (English copies of Order 18: signed 2019-11-21, \"shall come into force on January 1, 2020\")",
    };

    private static readonly LocalizedText SpcSpp = new("最高人民法院、最高人民检察院", "SPC and SPP");
    private static readonly LocalizedText SppMps = new("最高人民检察院、公安部", "SPP and MPS");
    private const string LawRefBook = "GitHub LawRefBook/Laws snapshot 2f4c5c2 (2025-04-19) [LRB]";

    /// <summary>中华人民共和国刑法 (the text in force, as amended).</summary>
    public static LegalDocument CriminalLaw { get; } = new("criminal-law",
        new("中华人民共和国刑法", "Criminal Law of the People's Republic of China"), Npc, null, null, new LocalDate(1997, 10, 1), null) { Source = LawRefBook };

    /// <summary>中华人民共和国刑法 as revised in 1997, before the amendments: the wording older acts are judged by.</summary>
    public static LegalDocument CriminalLaw1997 { get; } = new("criminal-law-1997",
        new("中华人民共和国刑法（1997年修订文本）", "Criminal Law of the People's Republic of China, 1997 text before the amendments"), Npc, null, null, new LocalDate(1997, 10, 1), null)
    {
        Source = "Secondary copies of the 1997 wording: www.51dongshi.net/wzztf/rdara/rdarascsb (Art 141); itanlian.com/zuiming/scwlspz/66666.html (Art 145); m.changpinglsh.com/nd.jsp?id=7428&mid=5 (Art 214)",
    };

    /// <summary>中华人民共和国刑法修正案（四） (in force 2002-12-28).</summary>
    public static LegalDocument CriminalLawAmendmentIV { get; } = new("criminal-law-amendment-4",
        new("中华人民共和国刑法修正案（四）", "Amendment IV to the Criminal Law"), Npcsc, null, null, new LocalDate(2002, 12, 28), null)
    {
        Source = LawRefBook + " 刑法/刑法修正案4.md (\"本修正案自公布之日起实行\", adopted 2002-12-28)",
    };

    /// <summary>中华人民共和国刑法修正案（八） (in force 2011-05-01).</summary>
    public static LegalDocument CriminalLawAmendmentVIII { get; } = new("criminal-law-amendment-8",
        new("中华人民共和国刑法修正案（八）", "Amendment VIII to the Criminal Law"), Npcsc, null, null, new LocalDate(2011, 5, 1), null)
    {
        Source = LawRefBook + " 刑法/刑法修正案8.md (\"本修正案自2011年5月1日起实行\")",
    };

    /// <summary>中华人民共和国刑法修正案（十一） (in force 2021-03-01).</summary>
    public static LegalDocument CriminalLawAmendmentXI { get; } = new("criminal-law-amendment-11",
        new("中华人民共和国刑法修正案（十一）", "Amendment XI to the Criminal Law"), Npcsc, null, null, new LocalDate(2021, 3, 1), null) { Source = LawRefBook };

    /// <summary>最高人民法院、最高人民检察院关于适用刑事司法解释时间效力问题的规定 (高检发释字〔2001〕5号).</summary>
    public static LegalDocument CriminalInterpretationTimeEffect { get; } = new("criminal-interpretation-time-effect",
        new("最高人民法院、最高人民检察院关于适用刑事司法解释时间效力问题的规定", "SPC–SPP Provisions on the Time Effect of Criminal Judicial Interpretations"), SpcSpp,
        "高检发释字〔2001〕5号", null, new LocalDate(2001, 12, 17), null)
    {
        Source = "zh.wikisource.org (text with the SPC–SPP notice, in force 2001-12-17); reprint of the SPP website text (freewechat.com/a/MzIzNTg5MDU5Mg==/2247484551/1)",
    };

    /// <summary>危害食品安全刑事案件解释 (法释〔2013〕12号), repealed from 2022-01-01 by 法释〔2021〕24号.</summary>
    public static LegalDocument FoodSafetyCrimeInterpretation2013 { get; } = new("food-safety-crime-interpretation-2013",
        new("最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释", "SPC–SPP Interpretation on Criminal Cases Endangering Food Safety (2013)"), SpcSpp,
        "法释〔2013〕12号", null, new LocalDate(2013, 5, 4), new LocalDate(2022, 1, 1))
    {
        Source = LawRefBook + "; repealed from 2022-01-01 by 法释〔2021〕24号 Art 26 (V-O)",
    };

    /// <summary>危害食品安全刑事案件解释 (法释〔2021〕24号, in force 2022-01-01).</summary>
    public static LegalDocument FoodSafetyCrimeInterpretation2021 { get; } = new("food-safety-crime-interpretation-2021",
        new("最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释", "SPC–SPP Interpretation on Criminal Cases Endangering Food Safety"), SpcSpp,
        "法释〔2021〕24号", null, new LocalDate(2022, 1, 1), null) { Source = LawRefBook };

    /// <summary>生产、销售伪劣商品刑事案件解释 (法释〔2001〕10号).</summary>
    public static LegalDocument ShoddyGoodsCrimeInterpretation { get; } = new("shoddy-goods-crime-interpretation",
        new("最高人民法院、最高人民检察院关于办理生产、销售伪劣商品刑事案件具体应用法律若干问题的解释",
            "SPC–SPP Interpretation on Criminal Cases of Producing and Selling Counterfeit and Shoddy Goods"), SpcSpp,
        "法释〔2001〕10号", null, new LocalDate(2001, 4, 10), null)
    {
        Source = LawRefBook + "; in-force date 2001-04-10 read at https://m.66laws.com/fagui/19236.html",
    };

    /// <summary>立案追诉标准（一） (公通字〔2008〕36号).</summary>
    public static LegalDocument ProsecutionStandardsI { get; } = new("prosecution-standards-1",
        new("最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）", "SPP–MPS Standards for Filing Criminal Cases for Prosecution (I)"), SppMps,
        "公通字〔2008〕36号", null, new LocalDate(2008, 6, 25), null) { Source = "xyzy.jxfy.gov.cn court page (Art 16); dl-lawyer.net reprint" };

    /// <summary>立案追诉标准（二） (公通字〔2010〕23号), replaced by the 2022 revision.</summary>
    public static LegalDocument ProsecutionStandardsII2010 { get; } = new("prosecution-standards-2-2010",
        new("最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）", "SPP–MPS Standards for Filing Criminal Cases for Prosecution (II), 2010"), SppMps,
        "公通字〔2010〕23号", null, new LocalDate(2010, 5, 7), null) { Source = "m.law-lib.com reprint (Arts 69–71); m.luxwatt.cn reprint (Art 75)" };

    /// <summary>立案追诉标准（二）（2022年修订） (公通字〔2022〕12号).</summary>
    public static LegalDocument ProsecutionStandardsII2022 { get; } = new("prosecution-standards-2-2022",
        new("最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）（2022年修订）", "SPP–MPS Standards for Filing Criminal Cases for Prosecution (II), 2022 revision"), SppMps,
        "公通字〔2022〕12号", null, new LocalDate(2022, 5, 15), null)
    {
        Source = "falvzhan.com reprint (Art 67); notice dated 2022-04-06 (shdbkk.com reprint), released 2022-04-29 (fa.113you.com); the in-force date 2022-05-15 is from memory",
    };

    /// <summary>侵犯知识产权刑事案件解释 (法释〔2004〕19号), repealed from 2025-04-26 by 法释〔2025〕5号.</summary>
    public static LegalDocument IpCrimeInterpretation2004 { get; } = new("ip-crime-interpretation-2004",
        new("最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释", "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (I)"), SpcSpp,
        "法释〔2004〕19号", null, new LocalDate(2004, 12, 22), new LocalDate(2025, 4, 26))
    {
        Source = LawRefBook + "; repealed from 2025-04-26 by 法释〔2025〕5号 Art 31 (V-S)",
    };

    /// <summary>侵犯知识产权刑事案件解释（二） (法释〔2007〕6号).</summary>
    public static LegalDocument IpCrimeInterpretation2007 { get; } = new("ip-crime-interpretation-2007",
        new("最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释（二）", "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (II)"), SpcSpp,
        "法释〔2007〕6号", null, new LocalDate(2007, 4, 5), null) { Source = LawRefBook };

    /// <summary>侵犯知识产权刑事案件意见 (法发〔2011〕3号).</summary>
    public static LegalDocument IpCrimeOpinions2011 { get; } = new("ip-crime-opinions-2011",
        new("最高人民法院、最高人民检察院、公安部关于办理侵犯知识产权刑事案件适用法律若干问题的意见", "SPC–SPP–MPS Opinions on Criminal Cases of Infringing Intellectual Property"),
        new("最高人民法院、最高人民检察院、公安部", "SPC, SPP and MPS"), "法发〔2011〕3号", null, new LocalDate(2011, 1, 10), null) { Source = "fasuixing.com reprint (Art 9)" };

    /// <summary>侵犯知识产权刑事案件解释 (法释〔2025〕5号, in force 2025-04-26).</summary>
    public static LegalDocument IpCrimeInterpretation2025 { get; } = new("ip-crime-interpretation-2025",
        new("最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件适用法律若干问题的解释", "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (2025)"), SpcSpp,
        "法释〔2025〕5号", null, new LocalDate(2025, 4, 26), null)
    {
        Source = "GitHub Chin-Jing1998/IPReader quartz-kb/content/34-侵犯知产刑事案件解释/ (commits 25b2498 / 7d2ddeb; names gongbao.court.gov.cn as its source)",
    };

    /// <summary>行政执法机关移送涉嫌犯罪案件的规定 as revised on 2020-08-07 by the State Council's decision promulgated as 国务院令第730号
    /// (the provisions themselves were promulgated by Order 310 in 2001): the text the referral area cites.</summary>
    public static LegalDocument CriminalCaseTransferProvisions2020 { get; } = new("criminal-case-transfer-provisions-2020",
        new("行政执法机关移送涉嫌犯罪案件的规定", "Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Agencies"),
        StateCouncil, "国务院令第730号", new LocalDate(2020, 8, 7), new LocalDate(2020, 8, 7), null)
    {
        Source = LawRefBook,
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "en.pkulaw.cn (2020 revision: \"Document Number: No. 730 Order of the State Council\", issued and effective 2020-08-07; "
            + "\"promulgated by the No. 310 Order … on July 9, 2001; revised by the Decision of the State Council … on August 7, 2020\"); "
            + "m.425z.cn (国务院关于修改《行政执法机关移送涉嫌犯罪案件的规定》的决定, 令第730号, 2020-8-7, \"自公布之日起施行\")",
    };

    private static readonly LocalizedText Saic = new("国家工商行政管理总局", "State Administration for Industry and Commerce");

    /// <summary>中华人民共和国民法典 (adopted 2020-05-28, in force 2021-01-01): the rules on counting periods (Arts. 200–204).</summary>
    public static LegalDocument CivilCode { get; } = new("civil-code",
        new("中华人民共和国民法典", "Civil Code of the People's Republic of China"), Npc, "主席令第45号", new LocalDate(2020, 5, 28), new LocalDate(2021, 1, 1), null);

    /// <summary>中华人民共和国行政强制法 (adopted 2011-06-30, in force 2012-01-01).</summary>
    public static LegalDocument AdministrativeCompulsionLaw { get; } = new("administrative-compulsion-law",
        new("中华人民共和国行政强制法", "Administrative Compulsion Law of the People's Republic of China"), Npcsc, "主席令第49号",
        new LocalDate(2011, 6, 30), new LocalDate(2012, 1, 1), null);

    /// <summary>中华人民共和国行政诉讼法 as amended on 2014-11-01 (in force 2015-05-01; amended again 2017).</summary>
    public static LegalDocument AdministrativeLitigationLaw { get; } = new("administrative-litigation-law",
        new("中华人民共和国行政诉讼法", "Administrative Litigation Law of the People's Republic of China"), Npcsc, null,
        new LocalDate(2014, 11, 1), new LocalDate(2015, 5, 1), null);

    /// <summary>中华人民共和国消费者权益保护法 as amended on 2013-10-25 (in force 2014-03-15).</summary>
    public static LegalDocument ConsumerRightsProtectionLaw { get; } = new("consumer-rights-protection-law",
        new("中华人民共和国消费者权益保护法", "Consumer Rights Protection Law of the People's Republic of China"), Npcsc, null,
        new LocalDate(2013, 10, 25), new LocalDate(2014, 3, 15), null);

    /// <summary>中华人民共和国产品质量法 as amended on 2009-08-27, replaced by the 2018 amendment on 2018-12-29.</summary>
    public static LegalDocument ProductQualityLaw2009 { get; } = new("product-quality-law-2009",
        new("中华人民共和国产品质量法", "Product Quality Law of the People's Republic of China"), Npcsc, null,
        new LocalDate(2009, 8, 27), new LocalDate(2009, 8, 27), new LocalDate(2018, 12, 29));

    /// <summary>中华人民共和国食品安全法 as revised on 2015-04-24 (in force 2015-10-01), replaced by the 2021 amendment.</summary>
    public static LegalDocument FoodSafetyLaw2015 { get; } = new("food-safety-law-2015",
        new("中华人民共和国食品安全法", "Food Safety Law of the People's Republic of China"), Npcsc, "主席令第21号",
        new LocalDate(2015, 4, 24), new LocalDate(2015, 10, 1), new LocalDate(2021, 4, 29));

    /// <summary>中华人民共和国工业产品生产许可证管理条例 (国务院令第440号; the 2023 text, in force 2023-07-20).</summary>
    public static LegalDocument ProductionLicenceRegulations { get; } = new("production-licence-regulations",
        new("中华人民共和国工业产品生产许可证管理条例", "Regulations on the Administration of Production Licences for Industrial Products"), StateCouncil,
        "国务院令第440号", null, new LocalDate(2023, 7, 20), null);

    /// <summary>工商行政管理机关行政处罚程序规定 (工商总局令第28号, in force 2007-10-01), replaced on 2019-04-01 by SAMR Order 2.</summary>
    public static LegalDocument SaicPenaltyProcedureRules { get; } = new("saic-penalty-procedure-rules",
        new("工商行政管理机关行政处罚程序规定", "SAIC Provisions on Administrative Penalty Procedure"), Saic,
        "国家工商行政管理总局令第28号", new LocalDate(2007, 9, 4), new LocalDate(2007, 10, 1), new LocalDate(2019, 4, 1));

    /// <summary>市场监督管理行政处罚程序暂行规定 (市场监管总局令第2号, in force 2019-04-01), amended and renamed by Order 42 from 2021-07-15.</summary>
    public static LegalDocument SamrPenaltyProcedureInterimRules { get; } = new("samr-penalty-procedure-interim-rules",
        new("市场监督管理行政处罚程序暂行规定", "SAMR Interim Provisions on Administrative Penalty Procedure"), Samr,
        "国家市场监督管理总局令第2号", new LocalDate(2018, 12, 21), new LocalDate(2019, 4, 1), new LocalDate(2021, 7, 15));

    /// <summary>市场监督管理行政处罚程序规定: the interim rules as amended and renamed by 市场监管总局令第42号 (in force 2021-07-15).</summary>
    public static LegalDocument SamrPenaltyProcedureRules { get; } = new("samr-penalty-procedure-rules",
        new("市场监督管理行政处罚程序规定", "SAMR Provisions on Administrative Penalty Procedure"), Samr,
        "国家市场监督管理总局令第42号", new LocalDate(2021, 7, 2), new LocalDate(2021, 7, 15), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "tuzhigs.com/art/2024/6/19/art_1229185869_59319681.html (国家市场监督管理总局关于修改《市场监督管理行政处罚程序暂行规定》等二部规章的决定, "
            + "2021-07-02: renamed 市场监督管理行政处罚程序规定, \"本决定自2021年7月15日起施行\")",
    };

    /// <summary>市场监督管理行政处罚听证办法: the interim hearing measures (总局令第3号) as amended and renamed by 市场监管总局令第42号 (in force 2021-07-15).</summary>
    public static LegalDocument SamrPenaltyHearingMeasures { get; } = new("samr-penalty-hearing-measures",
        new("市场监督管理行政处罚听证办法", "SAMR Measures on Administrative Penalty Hearings"), Samr,
        "国家市场监督管理总局令第42号", new LocalDate(2021, 7, 2), new LocalDate(2021, 7, 15), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "tuzhigs.com/art/2024/6/19/art_1229185869_59319681.html (the same decision amends 《市场监督管理行政处罚听证暂行办法》, in force 2021-07-15)",
    };

    /// <summary>企业经营异常名录管理暂行办法 (工商总局令第68号, in force 2014-10-01).</summary>
    public static LegalDocument AbnormalOperationsListMeasures { get; } = new("abnormal-operations-list-measures",
        new("企业经营异常名录管理暂行办法", "Interim Measures for the Administration of the List of Enterprises with Abnormal Operations"), Saic,
        "国家工商行政管理总局令第68号", null, new LocalDate(2014, 10, 1), null);

    /// <summary>严重违法失信企业名单管理暂行办法 (工商总局令第83号, in force 2016-04-01), replaced on 2021-09-01 by SAMR Order 44.</summary>
    public static LegalDocument SeriousViolationListMeasures2015 { get; } = new("serious-violation-list-measures-2015",
        new("严重违法失信企业名单管理暂行办法", "Interim Measures for the Administration of the List of Enterprises with Serious Violations of Law and Bad Faith"), Saic,
        "国家工商行政管理总局令第83号", new LocalDate(2015, 12, 30), new LocalDate(2016, 4, 1), new LocalDate(2021, 9, 1))
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "sgjweuf.cn/gsfg/hu1601057418.shtml (\"2015年12月30日国家工商行政管理总局令第83号公布\"); 93au.cc/news_view.asp?nid=2188 (signed 2015-12-30, \"将于2016年4月1日开始施行\")",
    };

    /// <summary>市场监督管理严重违法失信名单管理办法 (市场监管总局令第44号, in force 2021-09-01).</summary>
    public static LegalDocument SeriousViolationListMeasures { get; } = new("serious-violation-list-measures",
        new("市场监督管理严重违法失信名单管理办法", "Measures for the Administration of the Market-Supervision List of Serious Violations of Law and Bad Faith"), Samr,
        "国家市场监督管理总局令第44号", null, new LocalDate(2021, 9, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "dz.jjckb.cn 经济参考报 2021-08-03 (the list measures, Order 45 and the repair measures \"自2021年9月1日起施行\")",
    };

    /// <summary>市场监督管理信用修复管理办法 (国市监信规〔2021〕3号, in force 2021-09-01).</summary>
    public static LegalDocument CreditRepairMeasures { get; } = new("credit-repair-measures",
        new("市场监督管理信用修复管理办法", "Measures for Market-Supervision Credit Repair"), Samr,
        "国市监信规〔2021〕3号", null, new LocalDate(2021, 9, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "dz.jjckb.cn 经济参考报 2021-08-03 (\"自2021年9月1日起施行\")",
    };

    /// <summary>工商行政管理行政处罚信息公示暂行规定 (工商总局令第71号, in force 2014-10-01), replaced on 2021-09-01 by SAMR Order 45.</summary>
    public static LegalDocument SaicPenaltyPublicationProvisions { get; } = new("saic-penalty-publication-provisions",
        new("工商行政管理行政处罚信息公示暂行规定", "SAIC Interim Provisions on Publishing Administrative Penalty Information"), Saic,
        "国家工商行政管理总局令第71号", null, new LocalDate(2014, 10, 1), new LocalDate(2021, 9, 1));

    /// <summary>关于推进企业信用风险分类管理进一步提升监管效能的意见 (国市监信发〔2022〕6号).</summary>
    public static LegalDocument CreditRiskClassificationOpinions { get; } = new("credit-risk-classification-opinions",
        new("关于推进企业信用风险分类管理进一步提升监管效能的意见", "Opinions on Promoting Enterprise Credit-Risk Classification"), Samr,
        "国市监信发〔2022〕6号", null, new LocalDate(2022, 1, 13), null);

    /// <summary>市场监管总局《假冒伪劣重点领域治理工作方案》 (2019): a plan, cited for the 5 % coverage target (REQ); number and dates not read.</summary>
    public static LegalDocument CounterfeitGovernancePlan2019 { get; } = new("counterfeit-governance-plan-2019",
        new("市场监管总局《假冒伪劣重点领域治理工作方案》", "SAMR plan for the governance of key areas of counterfeit and shoddy goods (2019)"), Samr,
        null, null, null, null);

    /// <summary>GB 17761-2024《电动自行车安全技术规范》 (mandatory national standard, issued 2024-12-31, in force 2025-09-01).</summary>
    public static LegalDocument EBikeSafetyStandard2024 { get; } = new("gb-17761-2024",
        new("GB 17761-2024《电动自行车安全技术规范》", "GB 17761-2024 Safety technical specification for electric bicycles"),
        new("工业和信息化部、国家市场监督管理总局", "MIIT and SAMR"), "GB 17761-2024", new LocalDate(2024, 12, 31), new LocalDate(2025, 9, 1), null)
    {
        DatesStatus = VerificationStatus.VerifiedSecondary,
        DatesSource = "paper.wlxww.com 温岭日报 2025-07-01 (quoting MIIT: \"已于2024年12月31日正式发布，将于2025年9月1日施行\"); 中新社 2025-01-13 reprint",
    };

    /// <summary>商务部等5部门关于做好2025年度电动自行车以旧换新工作的通知: the national e-bike trade-in scheme of 2025 (number and dates not read).</summary>
    public static LegalDocument EBikeTradeInNotice2025 { get; } = new("ebike-trade-in-notice-2025",
        new("商务部等5部门关于做好2025年度电动自行车以旧换新工作的通知", "Notice of MOFCOM and four other departments on the 2025 e-bike trade-in"),
        new("商务部等5部门", "MOFCOM and four other departments"), null, null, null, null);

    // Local documents the library's shipped packs and schemes cite (Data/): registered like the national ones, so that a
    // shipped pack names no document of its own. A user's pack may still cite a local document outside the registry.

    /// <summary>浙江省市场监管领域重大违法行为举报奖励实施细则 (cited by <c>Data/Complaints/zhejiang-rewards.json</c>).</summary>
    public static LegalDocument ZhejiangReportRewardRules { get; } = new("zhejiang-report-reward-rules",
        new("浙江省市场监管领域重大违法行为举报奖励实施细则", "Zhejiang implementing rules on rewards for reporting major violations"),
        new("浙江省市场监督管理局", "Zhejiang Administration for Market Regulation"), null, null, null, null);

    /// <summary>重庆市市场监管领域重大违法行为举报奖励实施细则 (April 2022; cited by <c>Data/Complaints/chongqing-rewards.json</c>).</summary>
    public static LegalDocument ChongqingReportRewardRules { get; } = new("chongqing-report-reward-rules",
        new("重庆市市场监管领域重大违法行为举报奖励实施细则（2022年4月）", "Chongqing implementing rules on rewards for reporting major violations (April 2022)"),
        new("重庆市市场监督管理局", "Chongqing Administration for Market Regulation"), null, null, null, null);

    /// <summary>陕西省市场监管领域重大违法行为举报奖励实施细则 (陕市监发〔2022〕482号; cited by <c>Data/Complaints/shaanxi-rewards.json</c>).</summary>
    public static LegalDocument ShaanxiReportRewardRules { get; } = new("shaanxi-report-reward-rules",
        new("陕西省市场监管领域重大违法行为举报奖励实施细则", "Shaanxi implementing rules on rewards for reporting major violations"),
        new("陕西省市场监督管理局", "Shaanxi Administration for Market Regulation"), "陕市监发〔2022〕482号", null, null, null);

    /// <summary>辽宁省市场监督管理局、辽宁省财政厅关于转发《市场监管领域重大违法行为举报奖励暂行办法》的通知 (April 2022; cited by <c>Data/Complaints/liaoning-rewards.json</c>).</summary>
    public static LegalDocument LiaoningReportRewardNotice { get; } = new("liaoning-report-reward-notice",
        new("辽宁省市场监督管理局、辽宁省财政厅关于转发《市场监管领域重大违法行为举报奖励暂行办法》的通知（2022年4月）", "Liaoning notice forwarding the reward measures (April 2022)"),
        new("辽宁省市场监督管理局、辽宁省财政厅", "Liaoning Administration for Market Regulation and Department of Finance"), null, null, null, null);

    /// <summary>河南省市场监督管理局 2021 年企业信用风险分类抽查比例, as reported by 郑州日报 (cited by <c>Data/Sampling/henan-2021.json</c>).</summary>
    public static LegalDocument HenanSamplingRatios2021 { get; } = new("henan-sampling-ratios-2021",
        new("河南省市场监督管理局 2021 年企业信用风险分类抽查比例（郑州日报报道）", "Henan Administration for Market Regulation, 2021 inspection ratios by credit-risk class (Zhengzhou Daily report)"),
        new("河南省市场监督管理局", "Henan Administration for Market Regulation"), null, null, null, null);

    /// <summary>北京市2025年电动自行车以旧换新补贴 (the local amounts of the shipped national scheme, <c>Data/Subsidies/national-2025.json</c>).</summary>
    public static LegalDocument BeijingEBikeTradeIn2025 { get; } = new("beijing-ebike-trade-in-2025",
        new("北京市2025年电动自行车以旧换新补贴（地方示例）", "Beijing 2025 e-bike trade-in subsidy (local example)"),
        new("北京市", "Beijing Municipality"), null, null, null, null);

    private static readonly LocalizedText GeneralOfficeOfStateCouncil = new("国务院办公厅", "General Office of the State Council");

    /// <summary>The State Council General Office's notice of a year's holiday arrangement (国务院办公厅关于某年部分节假日安排的通知),
    /// which the statutory calendar encodes. The registry holds the notice of every year of the embedded calendar
    /// (<c>Data/Calendar/statutory-calendar.json</c>, the one place their titles and sources are written); a year added with
    /// <c>StatutoryCalendar.WithYear</c> gets its document from here too.</summary>
    /// <param name="year">The year the notice arranges.</param>
    /// <param name="title">The notice's title, or <see langword="null"/> for the usual wording.</param>
    /// <param name="source">Where the notice was read, or <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    public static LegalDocument HolidayArrangementNotice(int year, LocalizedText? title = null, string? source = null) =>
        new("holiday-arrangement-notice-" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            title ?? new LocalizedText($"国务院办公厅关于{year}年部分节假日安排的通知", $"Notice of the General Office of the State Council on the arrangement of some holidays in {year}"),
            GeneralOfficeOfStateCouncil, null, null, null, null)
        {
            Source = source,
        };

    private static readonly Lazy<FrozenDictionary<string, LegalDocument>> LazyById = new(() => All.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal));
    // One title may name several versions (a regulation and its revision, an interpretation and its replacement).
    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<LegalDocument>>> LazyByTitle =
        new(() => All.GroupBy(d => d.Title.Chinese, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal));

    private static readonly Lazy<ImmutableArray<LegalDocument>> LazyAll = new(() =>
    [
        .. Defined,
        .. Calendar.StatutoryCalendar.China.Years.Select(y => y.Notice.RegisteredDocument).OfType<LegalDocument>(),
    ]);

    /// <summary>Every document of the registry: those defined here, then the holiday notice of every year of the embedded
    /// statutory calendar (<see cref="HolidayArrangementNotice"/>).</summary>
    public static ImmutableArray<LegalDocument> All => LazyAll.Value;

    private static ImmutableArray<LegalDocument> Defined =>
    [
        AdministrativePenaltyLaw, AdministrativePenaltyLaw2017, LegislationLaw, ProductQualityLaw, FoodSafetyLaw, EnterpriseInformationDisclosureRegulations,
        EnterpriseInformationDisclosureRegulations2024,
        CriminalCaseTransferProvisions, PenaltyInformationPublicationProvisions, ComplaintHandlingInterimMeasures, ComplaintHandlingMeasures,
        ReportRewardMeasures, SpotCheckInterimMeasures, CriminalLaw, CriminalLaw1997, CriminalLawAmendmentIV, CriminalLawAmendmentVIII,
        CriminalLawAmendmentXI, CriminalInterpretationTimeEffect, FoodSafetyCrimeInterpretation2013, FoodSafetyCrimeInterpretation2021,
        ShoddyGoodsCrimeInterpretation, ProsecutionStandardsI, ProsecutionStandardsII2010, ProsecutionStandardsII2022, IpCrimeInterpretation2004,
        IpCrimeInterpretation2007, IpCrimeOpinions2011, IpCrimeInterpretation2025, CriminalCaseTransferProvisions2020,
        CivilCode, AdministrativeCompulsionLaw, AdministrativeLitigationLaw, ConsumerRightsProtectionLaw, ProductQualityLaw2009, FoodSafetyLaw2015,
        ProductionLicenceRegulations, SaicPenaltyProcedureRules, SamrPenaltyProcedureInterimRules, SamrPenaltyProcedureRules, SamrPenaltyHearingMeasures,
        AbnormalOperationsListMeasures, SeriousViolationListMeasures2015, SeriousViolationListMeasures, CreditRepairMeasures,
        SaicPenaltyPublicationProvisions, CreditRiskClassificationOpinions, CounterfeitGovernancePlan2019, EBikeSafetyStandard2024, EBikeTradeInNotice2025,
        ZhejiangReportRewardRules, ChongqingReportRewardRules, ShaanxiReportRewardRules, LiaoningReportRewardNotice, HenanSamplingRatios2021,
        BeijingEBikeTradeIn2025,
    ];

    /// <summary>Finds a document by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static LegalDocument? Find(string? id) => id is not null && LazyById.Value.TryGetValue(id, out var document) ? document : null;

    /// <summary>Finds the documents of a Chinese title: one, or each version of a document the registry holds in several
    /// (a regulation and its revision, an interpretation and its replacement), in the order of <see cref="All"/> — for the
    /// Administrative Penalty Law the 2021 revision before the text it replaced. A policy pack's citation of a title
    /// without a number is bound to the first version whose English title it also gives.</summary>
    /// <param name="chineseTitle">The title, e.g. <c>中华人民共和国行政处罚法</c>.</param>
    /// <returns>The documents; empty when the registry has none of that title.</returns>
    public static ImmutableArray<LegalDocument> FindByTitle(string? chineseTitle) =>
        chineseTitle is not null && LazyByTitle.Value.TryGetValue(chineseTitle, out var documents) ? documents : [];
}
