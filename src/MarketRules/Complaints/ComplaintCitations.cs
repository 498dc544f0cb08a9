namespace MarketRules.Complaints;

/// <summary>
/// The legal sources of complaints, reports and whistle-blower rewards, one citation per article used. Statuses mirror
/// the project's reference notes (domain-rules-more.md §C and §R): Order 20 is read in an official consolidation (V-O),
/// Order 121 in a third-party scrape of the official page (V-S, paragraph numbers inferred), the reward measures in
/// news that quotes them (V-S, with several article numbers from memory).
/// </summary>
public static class ComplaintCitations
{
    private static readonly LegalDocument Order20Title = LegalDocuments.ComplaintHandlingInterimMeasures;
    private static readonly LegalDocument Order121Title = LegalDocuments.ComplaintHandlingMeasures;
    private static readonly LegalDocument RewardTitle = LegalDocuments.ReportRewardMeasures;

    /// <summary>The day Order 20 took force.</summary>
    public static LocalDate Order20InForce { get; } = LegalDocuments.ComplaintHandlingInterimMeasures.InForceFrom!.Value;

    /// <summary>The day Order 121 took force and Order 20 was repealed (Order 121 Art 46).</summary>
    public static LocalDate Order121InForce { get; } = LegalDocuments.ComplaintHandlingMeasures.InForceFrom!.Value;

    /// <summary>The day the reward measures took force.</summary>
    public static LocalDate RewardsInForce { get; } = LegalDocuments.ReportRewardMeasures.InForceFrom!.Value;

    private static Citation Order20(string zh, string en, string note) =>
        new(Order20Title, new LocalizedText(zh, en), VerificationStatus.VerifiedOfficial)
        {
            Source = "LawRefBook/Laws 2f4c5c2 市场监督管理投诉举报处理暂行办法(2022-03-24); gov.cn content_5723506 (domain-rules-more.md §C10)",
            Note = note,
        };

    private static Citation Order121(string zh, string en, string note) =>
        new(Order121Title, new LocalizedText(zh, en), VerificationStatus.VerifiedSecondary)
        {
            Source = "samr.gov.cn art_e4d03a20c0fd49769e408c7bf3791ff5 via a third-party scrape (domain-rules-more.md S1); paragraph numbers inferred",
            Note = note,
        };

    private static Citation Reward(string zh, string en, VerificationStatus status, string source, string note) =>
        new(RewardTitle, new LocalizedText(zh, en), status)
        {
            Source = source, Note = note,
        };

    /// <summary>Order 20 Art 40: in force 2020-01-01 (the regime for complaints received before 2026-04-15).</summary>
    public static Citation Order20InForceArticle { get; } = Order20("第四十条", "Art. 40", "本办法自2020年1月1日起施行");

    /// <summary>Order 121 Art 46: in force 2026-04-15, Order 20 repealed; no transitional article (the receipt date decides, 立法法 Art 104).</summary>
    public static Citation Order121InForceArticle { get; } = Order121("第四十六条", "Art. 46",
        "本办法自2026年4月15日起施行。…《市场监督管理投诉举报处理暂行办法》同时废止 (no transitional article: which order governs a complaint is chosen by its receipt date, a policy choice, Q-C1)");

    /// <summary>立法法 第一百零四条: rules do not apply retroactively.</summary>
    public static Citation NoRetroactivity { get; } = new(LegalDocuments.LegislationLaw,
        new LocalizedText("第一百零四条", "Art. 104"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 2f4c5c2 (domain-rules-more.md S5)",
        Note = "法律、行政法规、地方性法规、自治条例和单行条例、规章不溯及既往，但为了更好地保护公民、法人和其他组织的权利和利益而作的特别规定除外",
    };

    /// <summary>消费者权益保护法 第四十六条: an administrative department handles a complaint within 7 working days.</summary>
    public static Citation ConsumerLawArticle46 { get; } = new(LegalDocuments.ConsumerRightsProtectionLaw,
        new LocalizedText("第四十六条", "Art. 46"), VerificationStatus.VerifiedOfficial)
    {
        Source = "LawRefBook/Laws 2f4c5c2 (domain-rules-more.md S4)",
        Note = "该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者",
    };

    /// <summary>Order 20 Art 14: acceptance decision within 7 working days.</summary>
    public static Citation Order20Acceptance { get; } = Order20("第十四条", "Art. 14", "应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人");

    /// <summary>Order 121 Art 15: acceptance decision within 7 working days; a refusal gives its reasons and the CPL Art 39 routes.</summary>
    public static Citation Order121Acceptance { get; } = Order121("第十五条", "Art. 15",
        "应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人；不予受理的，还应当告知理由和消费者权益保护法第三十九条规定的其他途径");

    /// <summary>Order 20 Art 15: the six grounds for refusing a complaint.</summary>
    public static Citation Order20Refusal { get; } = Order20("第十五条", "Art. 15", "不予受理的六项情形（第（一）项至第（六）项）");

    /// <summary>Order 121 Art 16: the seven grounds for refusing a complaint (false materials and identity grounds are new).</summary>
    public static Citation Order121Refusal { get; } = Order121("第十六条", "Art. 16", "不予受理的七项情形（第（一）项至第（七）项）；第（五）项增加提供虚假材料，第（六）项为冒用他人名义或者拒不配合核验真实身份信息");

    /// <summary>Order 20 Art 15 (四) / Order 121 Art 16 (四): complaints more than 3 years after the harm was known.</summary>
    public static Citation Order20Limitation { get; } = Order20("第十五条第（四）项", "Art. 15(4)", "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的");

    /// <summary>Order 121 Art 16 (四): the 3-year limitation.</summary>
    public static Citation Order121Limitation { get; } = Order121("第十六条第（四）项", "Art. 16(4)", "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的");

    /// <summary>Order 20 Arts 16, 20: mediation with both parties' consent; testing and appraisal time not counted (Art 20).</summary>
    public static Citation Order20Mediation { get; } = Order20("第十六条、第二十条", "Arts. 16, 20", "经投诉人和被投诉人同意，采用调解的方式处理投诉；检定、检验、检测、鉴定所需时间不计算在调解期限内");

    /// <summary>Order 121 Arts 18–22: mediation with both parties' consent; appraisal and testing time not counted (Art 22).</summary>
    public static Citation Order121Mediation { get; } = Order121("第十八条、第二十二条", "Arts. 18, 22", "经投诉人和被投诉人同意，采用调解的方式处理投诉；鉴定、检测所需时间不计算在调解期限内");

    /// <summary>Order 20 Art 21: the seven termination grounds, 45 working days, notice within 7 working days.</summary>
    public static Citation Order20Termination { get; } = Order20("第二十一条", "Art. 21",
        "终止调解的七项情形；自投诉受理之日起四十五个工作日内未能达成调解协议的；自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人");

    /// <summary>Order 121 Art 23: the eight termination grounds, 60 days, notice within 7 working days.</summary>
    public static Citation Order121Termination { get; } = Order121("第二十三条", "Art. 23",
        "终止调解的八项情形；自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议的；自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人");

    /// <summary>Order 20 Art 23: a clue found in mediation is verified within 15 working days, +15 in special cases.</summary>
    public static Citation Order20ClueVerification { get; } = Order20("第二十三条", "Art. 23", "自发现之日起十五个工作日内予以核查…特殊情况下，核查时限可以延长十五个工作日（无需批准）");

    /// <summary>Order 121 Art 27: a clue found in mediation is verified within 15 working days, +15 with the head's approval.</summary>
    public static Citation Order121ClueVerification { get; } = Order121("第二十七条", "Art. 27",
        "应当自发现之日起十五个工作日内予以核查…特殊情况下，经市场监督管理部门负责人批准，核查时限可以延长十五个工作日");

    /// <summary>Order 20 Art 30: jurisdiction disputes settled within 7 working days.</summary>
    public static Citation Order20JurisdictionDispute { get; } = Order20("第三十条", "Art. 30", "自发生争议之日起七个工作日内协商解决，协商不成的，报请共同的上一级市场监督管理部门指定处理机关");

    /// <summary>Order 121 Art 33: jurisdiction disputes settled within 7 working days.</summary>
    public static Citation Order121JurisdictionDispute { get; } = Order121("第三十三条", "Art. 33", "自发生争议之日起七个工作日内协商解决，协商不成的，报请共同的上一级市场监督管理部门指定处理机关");

    /// <summary>Order 20 Art 31 ¶2: a real-name reporter is told within 5 working days of the filing decision (removed by Order 121).</summary>
    public static Citation Order20RealNameNotice { get; } = Order20("第三十一条第二款", "Art. 31(2)", "举报人实名举报的，有处理权限的市场监督管理部门还应当自作出是否立案决定之日起五个工作日内告知举报人");

    /// <summary>Order 121 Art 36: no national deadline to tell a real-name reporter (only where another rule requires it).</summary>
    public static Citation Order121ReporterNotice { get; } = Order121("第三十六条", "Art. 36",
        "法律、法规、规章规定市场监督管理部门应当将举报处理结果告知举报人或者对举报人实行奖励的，应当予以告知或者奖励 (no 5-working-day clock; Q-C2)");

    /// <summary>Order 20 Art 31 / Order 121 Art 35 ¶1: reports are handled under the penalty procedure (15 + 15 working days of verification).</summary>
    public static Citation Order121ReportHandling { get; } = Order121("第三十五条第一款", "Art. 35(1)", "市场监督管理部门应当按照《市场监督管理行政处罚程序规定》处理举报");

    /// <summary>Order 20 Art 31 ¶1: reports are handled under the penalty procedure.</summary>
    public static Citation Order20ReportHandling { get; } = Order20("第三十一条第一款", "Art. 31(1)", "市场监督管理部门应当按照市场监督管理行政处罚等有关规定处理举报");

    /// <summary>Order 121 Art 35 ¶2: a repeat report of the same facts is not handled again; new facts are merged and the period restarts.</summary>
    public static Citation Order121RepeatReport { get; } = Order121("第三十五条第二款", "Art. 35(2)",
        "同一举报人就同一涉嫌违法事实重复举报同一被举报人的，不再另行处理；以补充新的事实为由再次举报的，可以合并处理，并自收到最后一次举报之日起重新计算处理期限");

    /// <summary>Order 20 Art 9 / Order 121 Art 9: a complaint and a report in one submission are handled separately.</summary>
    public static Citation Order121Separate { get; } = Order121("第九条", "Art. 9", "应当按照本办法规定的程序对投诉和举报予以分别处理");

    /// <summary>Order 20 Art 13: two competent bureaus, the first to receive the complaint handles it.</summary>
    public static Citation Order20FirstReceiver { get; } = Order20("第十三条", "Art. 13", "对同一消费者权益争议的投诉，两个以上市场监督管理部门均有处理权限的，由先收到投诉的市场监督管理部门处理");

    /// <summary>Order 121 Art 14: the first bureau to receive the complaint handles it.</summary>
    public static Citation Order121FirstReceiver { get; } = Order121("第十四条", "Art. 14", "由先收到投诉的市场监督管理部门处理");

    /// <summary>Order 20 Art 12: a platform seller is handled where it actually operates or where the platform is domiciled.</summary>
    public static Citation Order20PlatformSeller { get; } = Order20("第十二条", "Art. 12", "平台内经营者的实际经营地或者平台经营者住所地县级市场监督管理部门");

    /// <summary>Order 121 Art 13: a platform seller is handled at its disclosed address or the platform's domicile; with no reachable disclosed address, the platform's domicile.</summary>
    public static Citation Order121PlatformSeller { get; } = Order121("第十三条", "Art. 13",
        "由其在平台公示的地址所在地县级市场监督管理部门或者平台经营者住所地县级市场监督管理部门处理；未在平台依法公示地址，或者通过平台公示的地址无法取得联系的，由平台经营者住所地县级市场监督管理部门处理");

    /// <summary>Order 121 Art 45: how periods are counted (start day excluded; a last day on a 法定节假日 moves to the first day after it).</summary>
    public static Citation Order121Periods { get; } = Order121("第四十五条", "Art. 45",
        "开始的当日不计入，自下一工作日或者自然日开始计算。期间届满的最后一日是法定节假日的，以法定节假日后的第一日为期间届满的日期");

    /// <summary>The library's reading of Art 45 on ordinary weekends (Q-C4): not from any text.</summary>
    public static Citation Order121WeekendReading { get; } = Order121("第四十五条（周末是否顺延：本库的选择）", "Art. 45 (weekend roll-over: the library's choice)",
        "“法定节假日”是否包括普通周六、周日未见规定 (Q-C4)；默认顺延（与民法典第二百零三条“法定休假日”一致），可由政策包改为不顺延") with
    {
        Status = VerificationStatus.FromMemory,
    };

    /// <summary>Reward measures Art 2: natural persons; 重大违法 (crime, suspension, closure, licence revocation, 较大数额 fines), set by provinces.</summary>
    public static Citation RewardScope { get; } = Reward("第二条", "Art. 2", VerificationStatus.VerifiedSecondary, "flfgsc.cn/law (domain-rules-more.md R2.1–R2.3)",
        "举报人应当为自然人…涉嫌犯罪或者依法被处以责令停产停业、责令关闭、吊销（撤销）许可证件、较大数额罚没款等行政处罚的违法行为…较大数额罚没款由省级以上市场监督管理部门商本级政府财政部门结合实际确定");

    /// <summary>Reward measures: excluded reporters (article number from memory).</summary>
    public static Citation RewardExclusions { get; } = Reward("不予奖励情形（条号未见）", "exclusions (article number not found)", VerificationStatus.VerifiedSecondary,
        "tech.dongchanet.com/20210823/78655.html (domain-rules-more.md R2.6)",
        "市场监督管理部门工作人员或者具有法定监督、报告义务人员，侵权行为的被侵权方及其委托代理人或者利害关系人，实施违法行为人（内部举报人除外），因举报获得其他市场主体报酬的");

    /// <summary>Reward measures Art 11: the three levels.</summary>
    public static Citation RewardLevels { get; } = Reward("第十一条", "Art. 11", VerificationStatus.VerifiedSecondary, "qzcns.com/qznews/2021/0831/617675.html (domain-rules-more.md R3.1)",
        "一级、二级、三级举报奖励的标准");

    /// <summary>Reward measures Art 12: 5 % / 3 % / 1 % with floors 5,000 / 3,000 / 1,000 yuan.</summary>
    public static Citation RewardAmounts { get; } = Reward("第十二条", "Art. 12", VerificationStatus.VerifiedSecondary,
        "freewechat.com/a/MjM5MzIyMzU0OA==/2650804923/2; 3nexsa.cn/shehui/2021/0823/400032065.html (domain-rules-more.md R3.2–R3.5)",
        "按罚没款的5%、3%、1%给予奖励。按此计算不足5000元、3000元、1000元的，给予5000元、3000元、1000元奖励；无罚没款的案件分别不低于5000元、3000元、1000元");

    /// <summary>Reward measures: the 1,000,000-yuan cap per case (article number from memory).</summary>
    public static Citation RewardCap { get; } = Reward("第十三条（条号凭记忆）", "Art. 13 (number from memory)", VerificationStatus.VerifiedSecondary,
        "cnqlr.com/samr/4030.html; bltzw.com (domain-rules-more.md R3.8)", "每起案件的举报奖励金额上限为100万元");

    /// <summary>Reward measures: 500,000 yuan and more decided with the finance department (article number from memory).</summary>
    public static Citation RewardFinanceCoDecision { get; } = Reward("第十三条（条号凭记忆）", "Art. 13 (number from memory)", VerificationStatus.VerifiedSecondary,
        "tech.dongchanet.com/20210823/78655.html (domain-rules-more.md R3.9)", "单笔奖励金额达到50万元以上（含50万元）的，由发放举报奖励资金的市场监督管理部门同本级政府财政部门确定");

    /// <summary>The rounding of reward amounts to the fen: no source states one (Q-R2); the library's stated convention.</summary>
    public static Citation RewardRounding { get; } = Reward("金额取整（未见规定）", "rounding (no rule found)", VerificationStatus.FromMemory, "domain-rules-more.md R3.11, Q-R2",
        "未见奖励金额取整规定；本库按精确十进制计算后四舍五入到分（half away from zero），调用方可选择舍去到分");
}
