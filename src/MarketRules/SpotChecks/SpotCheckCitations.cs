namespace MarketRules.SpotChecks;

/// <summary>
/// The legal sources of product-quality supervision spot checks (产品质量监督抽查), one citation per article used.
/// Statuses mirror <c>domain-rules-more.md</c> §Q: the statutes are verified against official texts; SAMR Order 18
/// only against secondary copies, and some of its article numbers were not found.
/// </summary>
public static class SpotCheckCitations
{
    private static readonly LegalDocument ProductQualityLaw = LegalDocuments.ProductQualityLaw;
    private static readonly LegalDocument FoodSafetyLaw = LegalDocuments.FoodSafetyLaw;
    private static readonly LegalDocument Order18 = LegalDocuments.SpotCheckInterimMeasures;
    private const string Order18Copies = "sitongtrade.com.cn/news/show-5527723-3.html (Ch. 6, Arts 44–49); caolvse.com/d/780338.html (6-month and re-test text)";
    private const string Order18InForce = "; promulgated 2019-11-21 and in force 2020-01-01 (V-S: English copies of the order, see LegalDocuments.SpotCheckInterimMeasures)";
    private const string Lrb = "LawRefBook/Laws 2f4c5c2 (domain-rules-more.md §Q1)";

    private static Citation Pql(string zh, string en, string quote) =>
        new(ProductQualityLaw, new LocalizedText(zh, en), VerificationStatus.VerifiedOfficial)
        {
            Source = Lrb, Note = quote,
        };

    private static Citation Order(string zh, string en, VerificationStatus status, string quote) =>
        new(Order18, new LocalizedText(zh, en), status)
        {
            // Read without the string '+': Stryker's arithmetic mutant of it ('-' on strings) does not compile.
            Source = Order18Copies, Note = string.Concat(quote, Order18InForce),
        };

    /// <summary>产品质量法 第十五条第一款至第三款: random samples from goods awaiting sale; no repeat checks by lower levels; no fee (V-O).</summary>
    public static Citation ProductQualityLawArticle15 { get; } = Pql("第十五条", "Art. 15",
        "抽查的样品应当在市场上或者企业成品仓库内的待销产品中随机抽取…国家监督抽查的产品，地方不得另行重复抽查；上级监督抽查的产品，下级不得另行重复抽查");

    /// <summary>产品质量法 第十五条第四款: 15 days from receipt of the result to ask for a re-test (V-O, 2018 text).</summary>
    public static Citation RetestWindow { get; } = Pql("第十五条第四款", "Art. 15 para. 4",
        "可以自收到检验结果之日起十五日内向实施监督抽查的市场监督管理部门或者其上级市场监督管理部门申请复检");

    /// <summary>产品质量法 第十五条第四款 before the 2018 amendment: the same 15 days; the amendment changed only the agencies' names (V-O per domain-rules-more §Q3).</summary>
    public static Citation RetestWindowBefore2018 { get; } = new(LegalDocuments.ProductQualityLaw2009,
        new LocalizedText("第十五条第四款（2009年修正）", "Art. 15 para. 4 (2009 text)"), VerificationStatus.VerifiedOfficial)
    {
        Source = "domain-rules-more.md §Q3",
        Note = "2018-12-29 amendment: agency names become 市场监督管理部门, the 15-day objection window is unchanged; the 2009 wording itself was not quoted",
    };

    /// <summary>产品质量法 第十七条: rectify within a time limit → provincial announcement → suspension and reorganisation → revocation of the business licence (V-O).</summary>
    public static Citation Escalation { get; } = Pql("第十七条", "Art. 17",
        "责令其生产者、销售者限期改正。逾期不改正的，由省级以上人民政府市场监督管理部门予以公告；公告后经复查仍不合格的，责令停业，限期整顿；整顿期满后经复查产品质量仍不合格的，吊销营业执照");

    /// <summary>食品安全法 第八十八条: 7 working days from receipt of the conclusion; the re-test lab differs from the first; the re-test result is final (V-O, 2021 text).</summary>
    public static Citation FoodRetestWindow { get; } = new(FoodSafetyLaw, new LocalizedText("第八十八条", "Art. 88"), VerificationStatus.VerifiedOfficial)
    {
        Source = Lrb,
        Note = "可以自收到检验结论之日起七个工作日内…提出复检申请…复检机构与初检机构不得为同一机构",
    };

    /// <summary>食品安全法 (2015 revision) 第八十八条: the same 7 working days; the 2015 date and wording are from memory.</summary>
    public static Citation FoodRetestWindowBefore2021 { get; } = new(LegalDocuments.FoodSafetyLaw2015,
        new LocalizedText("第八十八条（2015年修订）", "Art. 88 (2015 text)"), VerificationStatus.FromMemory)
    {
        Note = "the 2015 revision (in force 2015-10-01) is recalled to set the same 7 working days; neither the date nor the wording was read (MEM)",
    };

    /// <summary>工业产品生产许可证管理条例 第五十四条: a licensed product failing a national or provincial check must be rectified; failing the review revokes the production licence (V-O, 2023 text).</summary>
    public static Citation ProductionLicence { get; } = new(LegalDocuments.ProductionLicenceRegulations,
        new LocalizedText("第五十四条", "Art. 54"), VerificationStatus.VerifiedOfficial)
    {
        Source = Lrb,
        Note = "责令限期改正；到期复查仍不合格的，吊销生产许可证",
    };

    /// <summary>总局令第18号: the same bureau checks the same product at most once in 6 months; a lower level may not repeat an upper level's check; follow-up and emergency checks are exempt (text V-S, article number MEM).</summary>
    public static Citation RepeatCheck { get; } = Order("（条号未查到）", "(article number not found)", VerificationStatus.VerifiedSecondary,
        "同一市场监督管理部门不得在六个月内对同一生产者按照同一标准生产的同一商标、同一规格型号的产品…进行两次以上监督抽查。被抽样生产者、销售者在抽样时能够证明同一产品在六个月内经上级市场监督管理部门监督抽查的，下级市场监督管理部门不得重复抽查。对监督抽查发现的不合格产品的跟踪抽查和为应对突发事件开展的监督抽查，不适用…; the article number is MEM");

    /// <summary>总局令第18号: the re-test result is final; the applicant pays first and bears the cost when the result matches the first test, the organising bureau when it differs (text V-S, article number MEM).</summary>
    public static Citation RetestOutcome { get; } = Order("（条号未查到）", "(article number not found)", VerificationStatus.VerifiedSecondary,
        "复检结论为最终结论…复检费用由申请人向复检机构先行支付。复检结论与初检结论一致的，复检费用由申请人承担；与初检结论不一致的，复检费用由组织监督抽查的市场监督管理部门承担; the article number is MEM");

    /// <summary>总局令第18号 第四十五条: stop producing and selling the same product at once (V-S).</summary>
    public static Citation StopSale { get; } = Order("第四十五条", "Art. 45", VerificationStatus.VerifiedSecondary,
        "对检验结论为不合格的产品，被抽样生产者、销售者应当立即停止生产、销售同一产品");

    /// <summary>总局令第18号 第四十六条: rectify within 60 days of the order (V-S).</summary>
    public static Citation Rectification { get; } = Order("第四十六条", "Art. 46", VerificationStatus.VerifiedSecondary,
        "应当责令不合格产品的被抽样生产者、销售者自责令之日起六十日内予以改正");

    /// <summary>总局令第18号 第四十七条: review within 75 days of the order; a failed review is reported level by level to the province, which announces it (V-S).</summary>
    public static Citation FirstReview { get; } = Order("第四十七条", "Art. 47", VerificationStatus.VerifiedSecondary,
        "应当自责令之日起七十五日内按照监督抽查实施细则组织复查…经复查不合格的…应当逐级上报至省级市场监督管理部门，由其向社会公告");

    /// <summary>总局令第18号 第四十八条: second review after day 60 and before day 90 from the announcement; then suspension and reorganisation, then revocation (V-S; whether the end days count is MEM).</summary>
    public static Citation SecondReview { get; } = Order("第四十八条", "Art. 48", VerificationStatus.VerifiedSecondary,
        "应当在公告之日起六十日后九十日前对被抽样生产者、销售者组织复查，经复查仍不合格的，按照《中华人民共和国产品质量法》第十七条规定，责令停业，限期整顿；整顿期满后经复查仍不合格的，吊销营业执照; read here as an open interval (day 61 to day 89): whether day 60 and day 90 are included is MEM (Q-Q2)");

    /// <summary>总局令第18号 第四十四条: results are published and reported; out-of-area producers are reported to their home bureau (V-S).</summary>
    public static Citation Publication { get; } = Order("第四十四条", "Art. 44", VerificationStatus.VerifiedSecondary,
        "应当汇总分析、依法公开监督抽查结果，并向地方人民政府、上一级市场监督管理部门和同级有关部门通报");
}
