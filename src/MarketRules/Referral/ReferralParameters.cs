using System.Collections.Immutable;
using MarketRules.Parameters;
using static MarketRules.Referral.ReferralSources;

namespace MarketRules.Referral;

/// <summary>
/// The national catalogue of criminal-referral thresholds (行刑衔接): every amount, count and period, with its values
/// over time (1997 Criminal Law; interpretations of 2001, 2004, 2007, 2021 and 2025; prosecution standards of 2008,
/// 2010 and 2022; State Council Order 310) and the verification status of each value.
/// </summary>
public static class ReferralParameters
{
    private const VerificationStatus VO = VerificationStatus.VerifiedOfficial;
    private const VerificationStatus VS = VerificationStatus.VerifiedSecondary;
    private const VerificationStatus Mem = VerificationStatus.FromMemory;

    private static readonly LocalDate CriminalLaw1997InForce = LegalDocuments.CriminalLaw1997.InForceFrom!.Value;
    private static readonly LocalDate ShoddyGoodsInterpretationInForce = LegalDocuments.ShoddyGoodsCrimeInterpretation.InForceFrom!.Value;
    private static readonly LocalDate TransferProvisionsInForce = LegalDocuments.CriminalCaseTransferProvisions.InForceFrom!.Value;
    private static readonly LocalDate IpInterpretation2004InForce = LegalDocuments.IpCrimeInterpretation2004.InForceFrom!.Value;
    private static readonly LocalDate IpInterpretation2007InForce = LegalDocuments.IpCrimeInterpretation2007.InForceFrom!.Value;
    private static readonly LocalDate ProsecutionStandardsIInForce = LegalDocuments.ProsecutionStandardsI.InForceFrom!.Value;
    private static readonly LocalDate ProsecutionStandardsII2010InForce = LegalDocuments.ProsecutionStandardsII2010.InForceFrom!.Value;
    private static readonly LocalDate IpOpinions2011InForce = LegalDocuments.IpCrimeOpinions2011.InForceFrom!.Value;
    private static readonly LocalDate FoodSafetyInterpretation2013InForce = LegalDocuments.FoodSafetyCrimeInterpretation2013.InForceFrom!.Value;
    private static readonly LocalDate TransferRevision2020InForce = LegalDocuments.CriminalCaseTransferProvisions2020.InForceFrom!.Value;
    private static readonly LocalDate AmendmentXIInForce = LegalDocuments.CriminalLawAmendmentXI.InForceFrom!.Value;
    private static readonly LocalDate FoodSafetyInterpretation2021InForce = LegalDocuments.FoodSafetyCrimeInterpretation2021.InForceFrom!.Value;
    private static readonly LocalDate ProsecutionStandardsII2022InForce = LegalDocuments.ProsecutionStandardsII2022.InForceFrom!.Value;
    private static readonly LocalDate IpInterpretation2025InForce = LegalDocuments.IpCrimeInterpretation2025.InForceFrom!.Value;

    private static readonly ImmutableArray<ParameterDefinition> ByThreshold = Build();

    /// <summary>Every referral parameter, in <see cref="ReferralThreshold"/> order.</summary>
    public static ImmutableArray<ParameterDefinition> All => ByThreshold;

    /// <summary>The parameter behind a threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="threshold"/> is not a defined member.</exception>
    public static ParameterDefinition Of(ReferralThreshold threshold) =>
        unchecked((uint)threshold) < (uint)ByThreshold.Length ? ByThreshold[(int)threshold] : throw new ArgumentOutOfRangeException(nameof(threshold));

    private static readonly bool[] IsMoney = [.. ByThreshold.Select(p => p.Unit == ParameterUnit.Yuan)];

    internal static decimal InUnit(ReferralThreshold threshold, long raw) => IsMoney[(int)threshold] ? raw / 100m : raw;

    private static ImmutableArray<ParameterDefinition> Build()
    {
        var l18Note = "法释〔2025〕5号 read in an article-by-article copy (V-S); check against the SPC gazette before relying on it in a dispute.";
        var practiceNote = "From 2021-03-01 Art 214 punishes 违法所得数额较大或者有其他严重情节. That no interpretation set amounts until 2025-04-26 is V-S (m.vtlaw.cn/news/6212.html: \"目前并未有新的司法解释出台对该罪'违法所得数额'的量刑标准作出规定\"); that courts kept using the 2004 sales amounts is not verified (domain reference Q9). Used only for decisions dated before 2025-04-26: a case handled from that date applies 法释〔2025〕5号 Art 5 to acts from 2021-03-01 (2001 time-effect rule Art 2; decision 0014).";
        var definitions = new (ReferralThreshold Threshold, ParameterDefinition Definition)[]
        {
            (ReferralThreshold.UnitMultiplierIp, Factor("referral.ip.unit-multiplier", "单位犯侵犯知识产权罪的定罪数额倍数", "Multiplier of the IP-crime thresholds for units",
                V(IpInterpretation2004InForce, 3, Cite(IpInterpretation2004, "第十五条", "Art. 15", VO, "Units: three times the thresholds for individuals.")),
                V(IpInterpretation2007InForce, 1, Cite(IpInterpretation2007, "第六条", "Art. 6", VO, "Units: the same thresholds as individuals.")),
                V(IpInterpretation2025InForce, 1, Cite(IpInterpretation2025, "第二十六条", "Art. 26", VS, l18Note)))),

            (ReferralThreshold.Art140Sales, Yuan("referral.art140.sales", "生产、销售伪劣产品罪 销售金额", "Art 140 shoddy products: sales amount",
                V(CriminalLaw1997InForce, 50_000, Cite(CriminalLaw, "第一百四十条", "Art. 140", VO, "销售金额五万元以上")))),
            (ReferralThreshold.Art140Unsold, Yuan("referral.art140.unsold", "生产、销售伪劣产品罪 尚未销售货值金额（未遂）", "Art 140: value of unsold goods (attempt)",
                V(ShoddyGoodsInterpretationInForce, 150_000, Cite(ShoddyGoods2001, "第二条第二款", "Art. 2(2)", VO, "货值金额达到刑法第一百四十条规定的销售金额3倍以上的，以…（未遂）定罪处罚")),
                V(ProsecutionStandardsIInForce, 150_000, Cite(ProsecutionStandardsI2008, "第十六条第（二）项", "Art. 16(2)", VS)))),
            (ReferralThreshold.Art140Combined, Yuan("referral.art140.combined", "生产、销售伪劣产品罪 销售金额×3＋货值金额", "Art 140: sales × 3 plus unsold value",
                V(ProsecutionStandardsIInForce, 150_000, Cite(ProsecutionStandardsI2008, "第十六条第（三）项", "Art. 16(3)", VS, "销售金额不满五万元，但将已销售金额乘以三倍后，与尚未销售的伪劣产品货值金额合计十五万元以上")))),
            (ReferralThreshold.Art140SalesMultiplier, Factor("referral.art140.sales-multiplier", "生产、销售伪劣产品罪 已销售金额倍数", "Art 140: multiplier of sales in the combination rule",
                V(ProsecutionStandardsIInForce, 3, Cite(ProsecutionStandardsI2008, "第十六条第（三）项", "Art. 16(3)", VS)))),
            (ReferralThreshold.Art140SecondBand, Yuan("referral.art140.second-band", "生产、销售伪劣产品罪 第二档销售金额", "Art 140: sales of the second band (2–7 years)",
                V(CriminalLaw1997InForce, 200_000, Cite(CriminalLaw, "第一百四十条", "Art. 140", VO, "销售金额二十万元以上不满五十万元的，处二年以上七年以下有期徒刑")))),
            (ReferralThreshold.Art140ThirdBand, Yuan("referral.art140.third-band", "生产、销售伪劣产品罪 第三档销售金额", "Art 140: sales of the third band (7 years or more)",
                V(CriminalLaw1997InForce, 500_000, Cite(CriminalLaw, "第一百四十条", "Art. 140", VO)))),
            (ReferralThreshold.Art140FourthBand, Yuan("referral.art140.fourth-band", "生产、销售伪劣产品罪 第四档销售金额", "Art 140: sales of the fourth band (15 years or life)",
                V(CriminalLaw1997InForce, 2_000_000, Cite(CriminalLaw, "第一百四十条", "Art. 140", VO)))),

            (ReferralThreshold.Art143SeriousSales, Yuan("referral.art143.serious-sales", "不符合安全标准的食品 其他严重情节 销售金额", "Art 143: sales that are other serious circumstances",
                V(FoodSafetyInterpretation2013InForce, 200_000, Cite(FoodSafety2013, "第三条第（一）项", "Art. 3(i)", VO, "生产、销售金额二十万元以上的")),
                V(FoodSafetyInterpretation2021InForce, 200_000, Cite(FoodSafety2021, "第三条", "Art. 3", VO)))),
            (ReferralThreshold.Art143SeriousSalesAggravated, Yuan("referral.art143.serious-sales-aggravated", "不符合安全标准的食品 其他严重情节 销售金额（有加重情形）", "Art 143: sales that are serious with an aggravating fact",
                V(FoodSafetyInterpretation2013InForce, 100_000, Cite(FoodSafety2013, "第三条第（二）至（四）项", "Art. 3(ii)–(iv)", VO, "生产、销售金额十万元以上不满二十万元，不符合食品安全标准的食品数量较大或者生产、销售持续时间较长的；…属于婴幼儿食品的；…一年内曾因危害食品安全违法犯罪活动受过行政处罚或者刑事处罚的")),
                V(FoodSafetyInterpretation2021InForce, 100_000, Cite(FoodSafety2021, "第三条", "Art. 3", VO, "≥6 months, infant or medical food, schools, prior record…")))),
            (ReferralThreshold.Art144SeriousSales, Yuan("referral.art144.serious-sales", "有毒、有害食品 其他严重情节 销售金额", "Art 144: sales that are other serious circumstances",
                V(FoodSafetyInterpretation2013InForce, 200_000, Cite(FoodSafety2013, "第六条第（一）项", "Art. 6(i)", VO, "生产、销售金额二十万元以上不满五十万元的")),
                V(FoodSafetyInterpretation2021InForce, 200_000, Cite(FoodSafety2021, "第七条", "Art. 7", VO)))),
            (ReferralThreshold.Art144SeriousSalesAggravated, Yuan("referral.art144.serious-sales-aggravated", "有毒、有害食品 其他严重情节 销售金额（有加重情形）", "Art 144: sales that are serious with an aggravating fact",
                V(FoodSafetyInterpretation2013InForce, 100_000, Cite(FoodSafety2013, "第六条第（二）至（四）项", "Art. 6(ii)–(iv)", VO)),
                V(FoodSafetyInterpretation2021InForce, 100_000, Cite(FoodSafety2021, "第七条", "Art. 7", VO)))),
            (ReferralThreshold.Art144EspeciallySeriousSales, Yuan("referral.art144.especially-serious-sales", "有毒、有害食品 其他特别严重情节 销售金额", "Art 144: sales that are especially serious",
                V(FoodSafetyInterpretation2013InForce, 500_000, Cite(FoodSafety2013, "第七条", "Art. 7", VO, "生产、销售金额五十万元以上…应当认定为刑法第一百四十四条规定的“致人死亡或者有其他特别严重情节”")),
                V(FoodSafetyInterpretation2021InForce, 500_000, Cite(FoodSafety2021, "第八条", "Art. 8", VO)))),
            (ReferralThreshold.Art145EspeciallySeriousMinorInjuries, Count("referral.art145.especially-serious-minor-injuries", "医疗器械 后果特别严重 轻伤人数", "Art 145: minor injuries that are especially serious consequences",
                V(ShoddyGoodsInterpretationInForce, 3, Cite(ShoddyGoods2001, "第六条", "Art. 6", VO, "感染病毒性肝炎…一人以上重伤、三人以上轻伤")))),
            (ReferralThreshold.Art146DirectLoss, Yuan("referral.art146.direct-loss", "不符合安全标准的产品 直接经济损失", "Art 146: direct economic loss that is a serious consequence",
                V(ProsecutionStandardsIInForce, 100_000, Cite(ProsecutionStandardsI2008, "第二十二条", "Art. 22", Mem, "Amount from memory; not found in a copy of the text (searched again 2026-11-23: reprints of 追诉标准(一) returned only Art 16). Replace through a policy pack once verified.")))),
            (ReferralThreshold.Art147Loss, Yuan("referral.art147.loss", "伪劣农药、兽药、化肥、种子 较大损失", "Art 147: relatively large production loss",
                V(ShoddyGoodsInterpretationInForce, 20_000, Cite(ShoddyGoods2001, "第七条", "Art. 7", VO, "一般以2万元为起点")))),
            (ReferralThreshold.Art147HeavyLoss, Yuan("referral.art147.heavy-loss", "伪劣农药、兽药、化肥、种子 重大损失", "Art 147: heavy production loss",
                V(ShoddyGoodsInterpretationInForce, 100_000, Cite(ShoddyGoods2001, "第七条", "Art. 7", VO)))),
            (ReferralThreshold.Art147EspeciallyHeavyLoss, Yuan("referral.art147.especially-heavy-loss", "伪劣农药、兽药、化肥、种子 特别重大损失", "Art 147: especially heavy production loss",
                V(ShoddyGoodsInterpretationInForce, 500_000, Cite(ShoddyGoods2001, "第七条", "Art. 7", VO)))),

            (ReferralThreshold.Art213Volume, Yuan("referral.art213.volume", "假冒注册商标罪 非法经营数额", "Art 213 counterfeit marks: illegal business volume",
                V(IpInterpretation2004InForce, 50_000, Cite(IpInterpretation2004, "第一条第一款", "Art. 1(1)", VO)),
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, l18Note)))),
            (ReferralThreshold.Art213Gains, Yuan("referral.art213.gains", "假冒注册商标罪 违法所得数额", "Art 213: illegal gains",
                V(IpInterpretation2004InForce, 30_000, Cite(IpInterpretation2004, "第一条第一款", "Art. 1(1)", VO)),
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, l18Note)))),
            (ReferralThreshold.Art213MultiVolume, Yuan("referral.art213.multi-volume", "假冒两种以上注册商标 非法经营数额", "Art 213, two or more marks: business volume",
                V(IpInterpretation2004InForce, 30_000, Cite(IpInterpretation2004, "第一条第一款", "Art. 1(1)", VO)),
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "Also for a repeat within 2 years of a penalty. " + l18Note)))),
            (ReferralThreshold.Art213MultiGains, Yuan("referral.art213.multi-gains", "假冒两种以上注册商标 违法所得数额", "Art 213, two or more marks: illegal gains",
                V(IpInterpretation2004InForce, 20_000, Cite(IpInterpretation2004, "第一条第一款", "Art. 1(1)", VO)),
                V(IpInterpretation2025InForce, 20_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "Also for a repeat within 2 years of a penalty. " + l18Note)))),
            (ReferralThreshold.Art213ServiceGains, Yuan("referral.art213.service-gains", "假冒服务商标 违法所得数额", "Art 213, service marks: illegal gains",
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, l18Note)))),
            (ReferralThreshold.Art213ServiceMultiGains, Yuan("referral.art213.service-multi-gains", "假冒两种以上服务商标或再犯 违法所得数额", "Art 213, service marks, two or more or repeat: illegal gains",
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, l18Note)))),
            (ReferralThreshold.Art213EspeciallySeriousVolume, Yuan("referral.art213.especially-serious-volume", "假冒注册商标罪 情节特别严重 非法经营数额", "Art 213 especially serious: business volume",
                V(IpInterpretation2004InForce, 250_000, Cite(IpInterpretation2004, "第一条第二款", "Art. 1(2)", VO)),
                V(IpInterpretation2025InForce, 500_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "10× the 情节严重 amounts. " + l18Note)))),
            (ReferralThreshold.Art213EspeciallySeriousGains, Yuan("referral.art213.especially-serious-gains", "假冒注册商标罪 情节特别严重 违法所得数额", "Art 213 especially serious: illegal gains",
                V(IpInterpretation2004InForce, 150_000, Cite(IpInterpretation2004, "第一条第二款", "Art. 1(2)", VO)),
                V(IpInterpretation2025InForce, 300_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "10× the 情节严重 amounts. " + l18Note)))),
            (ReferralThreshold.Art213EspeciallySeriousMultiVolume, Yuan("referral.art213.especially-serious-multi-volume", "假冒两种以上注册商标 情节特别严重 非法经营数额", "Art 213 especially serious, two or more marks: business volume",
                V(IpInterpretation2004InForce, 150_000, Cite(IpInterpretation2004, "第一条第二款", "Art. 1(2)", VO)),
                V(IpInterpretation2025InForce, 300_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "10× the 情节严重 amounts. " + l18Note)))),
            (ReferralThreshold.Art213EspeciallySeriousMultiGains, Yuan("referral.art213.especially-serious-multi-gains", "假冒两种以上注册商标 情节特别严重 违法所得数额", "Art 213 especially serious, two or more marks: illegal gains",
                V(IpInterpretation2004InForce, 100_000, Cite(IpInterpretation2004, "第一条第二款", "Art. 1(2)", VO)),
                V(IpInterpretation2025InForce, 200_000, Cite(IpInterpretation2025, "第三条", "Art. 3", VS, "10× the 情节严重 amounts. " + l18Note)))),

            (ReferralThreshold.Art214Sales, Yuan("referral.art214.sales", "销售假冒注册商标的商品罪 销售金额", "Art 214 selling counterfeit-mark goods: sales",
                V(IpInterpretation2004InForce, 50_000, Cite(IpInterpretation2004, "第二条第一款", "Art. 2(1)", VO, "销售金额在五万元以上的，属于“数额较大”")),
                V(AmendmentXIInForce, 50_000, Cite(AmendmentXI, "第十八条", "§ 18", Mem, practiceNote)),
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第五条第二款第（一）项", "Art. 5(2)(i)", VS, "其他严重情节. " + l18Note)))),
            (ReferralThreshold.Art214Unsold, Yuan("referral.art214.unsold", "销售假冒注册商标的商品罪 尚未销售货值金额", "Art 214: value of unsold goods",
                V(ProsecutionStandardsII2010InForce, 150_000, Cite(ProsecutionStandardsII2010, "第七十条", "Art. 70", VS, "No × 3 rule: unsold goods ≥ 150,000 (attempt).")),
                V(AmendmentXIInForce, 150_000, Cite(AmendmentXI, "第十八条", "§ 18", Mem, practiceNote)),
                V(IpInterpretation2025InForce, 150_000, Cite(IpInterpretation2025, "第五条第二款第（三）项", "Art. 5(2)(iii)", VS, "3× the sales threshold; a completed offence, not an attempt. " + l18Note)))),
            (ReferralThreshold.Art214SalesPlusUnsold, Yuan("referral.art214.sales-plus-unsold", "销售假冒注册商标的商品罪 销售金额＋货值金额", "Art 214: sales plus unsold value",
                V(ProsecutionStandardsII2010InForce, 150_000, Cite(ProsecutionStandardsII2010, "第七十条", "Art. 70", VS, "Sales below 50,000 plus unsold ≥ 150,000 — no × 3, unlike Art 140.")),
                V(AmendmentXIInForce, 150_000, Cite(AmendmentXI, "第十八条", "§ 18", Mem, practiceNote)),
                V(IpInterpretation2025InForce, 150_000, Cite(IpInterpretation2025, "第五条第二款第（三）项", "Art. 5(2)(iii)", VS, l18Note)))),
            (ReferralThreshold.Art214Gains, Yuan("referral.art214.gains", "销售假冒注册商标的商品罪 违法所得数额较大", "Art 214: illegal gains that are relatively large",
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第五条第一款", "Art. 5(1)", VS, l18Note)))),
            (ReferralThreshold.Art214RepeatGains, Yuan("referral.art214.repeat-gains", "销售假冒注册商标的商品罪 再犯 违法所得数额", "Art 214, repeat: illegal gains",
                V(IpInterpretation2025InForce, 20_000, Cite(IpInterpretation2025, "第五条第二款第（二）项", "Art. 5(2)(ii)", VS, l18Note)))),
            (ReferralThreshold.Art214RepeatSales, Yuan("referral.art214.repeat-sales", "销售假冒注册商标的商品罪 再犯 销售金额", "Art 214, repeat: sales",
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第五条第二款第（二）项", "Art. 5(2)(ii)", VS, l18Note)))),
            (ReferralThreshold.Art214RepeatUnsold, Yuan("referral.art214.repeat-unsold", "销售假冒注册商标的商品罪 再犯 货值金额", "Art 214, repeat: unsold value (or sales plus unsold)",
                V(IpInterpretation2025InForce, 90_000, Cite(IpInterpretation2025, "第五条第二款第（三）项", "Art. 5(2)(iii)", VS, "3× the repeat sales amount. " + l18Note)))),
            (ReferralThreshold.Art214HugeSales, Yuan("referral.art214.huge-sales", "销售假冒注册商标的商品罪 数额巨大 销售金额", "Art 214: sales that are huge / especially serious",
                V(IpInterpretation2004InForce, 250_000, Cite(IpInterpretation2004, "第二条第二款", "Art. 2(2)", VO)),
                V(AmendmentXIInForce, 250_000, Cite(AmendmentXI, "第十八条", "§ 18", Mem, practiceNote)),
                V(IpInterpretation2025InForce, 500_000, Cite(IpInterpretation2025, "第五条第三款", "Art. 5(3)", VS, "10× the first paragraph. " + l18Note)))),
            (ReferralThreshold.Art214HugeGains, Yuan("referral.art214.huge-gains", "销售假冒注册商标的商品罪 违法所得数额巨大", "Art 214: illegal gains that are huge",
                V(IpInterpretation2025InForce, 300_000, Cite(IpInterpretation2025, "第五条第三款", "Art. 5(3)", VS, l18Note)))),
            (ReferralThreshold.Art214HugeUnsold, Yuan("referral.art214.huge-unsold", "销售假冒注册商标的商品罪 其他特别严重情节 货值金额", "Art 214: unsold value that is especially serious",
                V(IpInterpretation2025InForce, 1_500_000, Cite(IpInterpretation2025, "第五条第三款", "Art. 5(3)", VS, l18Note)))),

            (ReferralThreshold.Art215Pieces, Count("referral.art215.pieces", "非法制造、销售非法制造的注册商标标识罪 标识数量", "Art 215 mark labels: pieces",
                V(IpInterpretation2004InForce, 20_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 10_000, Cite(IpInterpretation2025, "第六条第一款第（一）项", "Art. 6(1)(i)", VS, l18Note)))),
            (ReferralThreshold.Art215Volume, Yuan("referral.art215.volume", "注册商标标识罪 非法经营数额", "Art 215: business volume",
                V(IpInterpretation2004InForce, 50_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第六条第一款第（一）项", "Art. 6(1)(i)", VS, l18Note)))),
            (ReferralThreshold.Art215Gains, Yuan("referral.art215.gains", "注册商标标识罪 违法所得数额", "Art 215: illegal gains",
                V(IpInterpretation2004InForce, 30_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 20_000, Cite(IpInterpretation2025, "第六条第一款第（一）项", "Art. 6(1)(i)", VS, l18Note)))),
            (ReferralThreshold.Art215MultiPieces, Count("referral.art215.multi-pieces", "两种以上注册商标标识 标识数量", "Art 215, two or more marks: pieces",
                V(IpInterpretation2004InForce, 10_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 5_000, Cite(IpInterpretation2025, "第六条第一款第（二）项", "Art. 6(1)(ii)", VS, "Also for a repeat. " + l18Note)))),
            (ReferralThreshold.Art215MultiVolume, Yuan("referral.art215.multi-volume", "两种以上注册商标标识 非法经营数额", "Art 215, two or more marks: business volume",
                V(IpInterpretation2004InForce, 30_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 20_000, Cite(IpInterpretation2025, "第六条第一款第（二）项", "Art. 6(1)(ii)", VS, l18Note)))),
            (ReferralThreshold.Art215MultiGains, Yuan("referral.art215.multi-gains", "两种以上注册商标标识 违法所得数额", "Art 215, two or more marks: illegal gains",
                V(IpInterpretation2004InForce, 20_000, Cite(IpInterpretation2004, "第三条第一款", "Art. 3(1)", VO)),
                V(IpInterpretation2025InForce, 10_000, Cite(IpInterpretation2025, "第六条第一款第（二）项", "Art. 6(1)(ii)", VS, l18Note)))),
            (ReferralThreshold.Art215UnsoldPieces, Count("referral.art215.unsold-pieces", "注册商标标识 尚未销售（或已售与未售合计）数量", "Art 215: unsold labels, or sold plus unsold",
                V(IpOpinions2011InForce, 60_000, Cite(IpOpinions2011, "第九条", "Art. 9", VS, "Attempt.")),
                V(IpInterpretation2025InForce, 30_000, Cite(IpInterpretation2025, "第六条", "Art. 6", VS, "3× the pieces threshold. " + l18Note)))),
            (ReferralThreshold.Art215MultiUnsoldPieces, Count("referral.art215.multi-unsold-pieces", "两种以上注册商标标识 尚未销售数量", "Art 215, two or more marks: unsold labels",
                V(IpOpinions2011InForce, 30_000, Cite(IpOpinions2011, "第九条", "Art. 9", VS, "Attempt.")),
                V(IpInterpretation2025InForce, 15_000, Cite(IpInterpretation2025, "第六条", "Art. 6", VS, "3× the pieces threshold. " + l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousPieces, Count("referral.art215.especially-serious-pieces", "注册商标标识罪 情节特别严重 标识数量", "Art 215 especially serious: pieces",
                V(IpInterpretation2004InForce, 100_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, "5× the 情节严重 amounts. " + l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousVolume, Yuan("referral.art215.especially-serious-volume", "注册商标标识罪 情节特别严重 非法经营数额", "Art 215 especially serious: business volume",
                V(IpInterpretation2004InForce, 250_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 150_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousGains, Yuan("referral.art215.especially-serious-gains", "注册商标标识罪 情节特别严重 违法所得数额", "Art 215 especially serious: illegal gains",
                V(IpInterpretation2004InForce, 150_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 100_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousMultiPieces, Count("referral.art215.especially-serious-multi-pieces", "两种以上注册商标标识 情节特别严重 标识数量", "Art 215 especially serious, two or more marks: pieces",
                V(IpInterpretation2004InForce, 50_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 25_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousMultiVolume, Yuan("referral.art215.especially-serious-multi-volume", "两种以上注册商标标识 情节特别严重 非法经营数额", "Art 215 especially serious, two or more marks: business volume",
                V(IpInterpretation2004InForce, 150_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 100_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, l18Note)))),
            (ReferralThreshold.Art215EspeciallySeriousMultiGains, Yuan("referral.art215.especially-serious-multi-gains", "两种以上注册商标标识 情节特别严重 违法所得数额", "Art 215 especially serious, two or more marks: illegal gains",
                V(IpInterpretation2004InForce, 100_000, Cite(IpInterpretation2004, "第三条第二款", "Art. 3(2)", VO)),
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第六条第二款", "Art. 6(2)", VS, l18Note)))),

            (ReferralThreshold.Art216Volume, Yuan("referral.art216.volume", "假冒专利罪 非法经营数额", "Art 216 passing off patents: business volume",
                V(IpInterpretation2004InForce, 200_000, Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),
                V(IpInterpretation2025InForce, 200_000, Cite(IpInterpretation2025, "第十条第（一）项", "Art. 10(i)", VS, l18Note)))),
            (ReferralThreshold.Art216Gains, Yuan("referral.art216.gains", "假冒专利罪 违法所得数额", "Art 216: illegal gains",
                V(IpInterpretation2004InForce, 100_000, Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),
                V(IpInterpretation2025InForce, 100_000, Cite(IpInterpretation2025, "第十条第（一）项", "Art. 10(i)", VS, l18Note)))),
            (ReferralThreshold.Art216DirectLoss, Yuan("referral.art216.direct-loss", "假冒专利罪 给专利权人造成的直接经济损失", "Art 216: the patentee's direct loss",
                V(IpInterpretation2004InForce, 500_000, Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),
                V(IpInterpretation2025InForce, 300_000, Cite(IpInterpretation2025, "第十条第（二）项", "Art. 10(ii)", VS, l18Note)))),
            (ReferralThreshold.Art216MultiVolume, Yuan("referral.art216.multi-volume", "假冒两项以上他人专利 非法经营数额", "Art 216, two or more patents: business volume",
                V(IpInterpretation2004InForce, 100_000, Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),
                V(IpInterpretation2025InForce, 100_000, Cite(IpInterpretation2025, "第十条第（三）（四）项", "Art. 10(iii)(iv)", VS, "Also for a repeat. " + l18Note)))),
            (ReferralThreshold.Art216MultiGains, Yuan("referral.art216.multi-gains", "假冒两项以上他人专利 违法所得数额", "Art 216, two or more patents: illegal gains",
                V(IpInterpretation2004InForce, 50_000, Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),
                V(IpInterpretation2025InForce, 50_000, Cite(IpInterpretation2025, "第十条第（三）（四）项", "Art. 10(iii)(iv)", VS, l18Note)))),
            (ReferralThreshold.IpRepeatWindowYears, Years("referral.ip.repeat-window", "侵犯知识产权再犯的期间（受过刑事处罚或者行政处罚后二年内）", "Arts 213–216: look-back window for a repeat after a penalty",
                V(IpInterpretation2025InForce, 2, Cite(IpInterpretation2025, "第三条、第五条、第六条、第十条", "Arts. 3, 5, 6, 10", VS, l18Note)))),

            (ReferralThreshold.Art222Gains, Yuan("referral.art222.gains", "虚假广告罪 违法所得数额", "Art 222 false advertising: illegal gains",
                V(ProsecutionStandardsII2010InForce, 100_000, Cite(ProsecutionStandardsII2010, "第七十五条第（一）项", "Art. 75(i)", VS)),
                V(ProsecutionStandardsII2022InForce, 100_000, Cite(ProsecutionStandardsII2022, "第六十七条", "Art. 67", VS)))),
            (ReferralThreshold.Art222EmergencyGains, Yuan("referral.art222.emergency-gains", "虚假广告罪 假借突发事件、疫情 违法所得数额", "Art 222, emergencies or epidemics: illegal gains",
                V(ProsecutionStandardsII2010InForce, 30_000, Cite(ProsecutionStandardsII2010, "第七十五条第（三）项", "Art. 75(iii)", VS)),
                V(ProsecutionStandardsII2022InForce, 30_000, Cite(ProsecutionStandardsII2022, "第六十七条", "Art. 67", VS)))),
            (ReferralThreshold.Art222FoodOrDrugGains, Yuan("referral.art222.food-or-drug-gains", "虚假广告罪 食品、药品广告 违法所得数额", "Art 222, food or drug adverts: illegal gains",
                V(ProsecutionStandardsII2022InForce, 30_000, Cite(ProsecutionStandardsII2022, "第六十七条", "Art. 67", VS)))),
            (ReferralThreshold.Art222SingleConsumerLoss, Yuan("referral.art222.single-consumer-loss", "虚假广告罪 单个消费者直接经济损失", "Art 222: direct loss of one consumer",
                V(ProsecutionStandardsII2010InForce, 50_000, Cite(ProsecutionStandardsII2010, "第七十五条第（二）项", "Art. 75(ii)", VS, "Not in the 2022 Art 67 as read.")) with { EffectiveUntil = ProsecutionStandardsII2022InForce })),
            (ReferralThreshold.Art222ConsumersLoss, Yuan("referral.art222.consumers-loss", "虚假广告罪 多个消费者直接经济损失累计", "Art 222: cumulated direct loss of several consumers",
                V(ProsecutionStandardsII2010InForce, 200_000, Cite(ProsecutionStandardsII2010, "第七十五条第（二）项", "Art. 75(ii)", VS, "Not in the 2022 Art 67 as read.")) with { EffectiveUntil = ProsecutionStandardsII2022InForce })),
            (ReferralThreshold.Art222PriorPenalties, Count("referral.art222.prior-penalties", "虚假广告罪 二年内受过行政处罚次数", "Art 222: administrative penalties for false adverts within two years",
                V(ProsecutionStandardsII2010InForce, 2, Cite(ProsecutionStandardsII2010, "第七十五条第（四）项", "Art. 75(iv)", VS)),
                V(ProsecutionStandardsII2022InForce, 2, Cite(ProsecutionStandardsII2022, "第六十七条", "Art. 67", VS)))),

            (ReferralThreshold.Art225Volume, Yuan("referral.art225.food-volume", "非法经营罪（食品） 非法经营数额", "Art 225 illegal business (food): business volume",
                V(FoodSafetyInterpretation2021InForce, 100_000, Cite(FoodSafety2021, "第十六条至第十八条", "Arts. 16–18", VO)))),
            (ReferralThreshold.Art225Gains, Yuan("referral.art225.food-gains", "非法经营罪（食品） 违法所得数额", "Art 225 (food): illegal gains",
                V(FoodSafetyInterpretation2021InForce, 50_000, Cite(FoodSafety2021, "第十六条至第十八条", "Arts. 16–18", VO)))),
            (ReferralThreshold.Art225EspeciallySeriousVolume, Yuan("referral.art225.food-especially-serious-volume", "非法经营罪（食品） 情节特别严重 非法经营数额", "Art 225 (food) especially serious: business volume",
                V(FoodSafetyInterpretation2021InForce, 500_000, Cite(FoodSafety2021, "第十六条至第十八条", "Arts. 16–18", VO)))),
            (ReferralThreshold.Art225EspeciallySeriousGains, Yuan("referral.art225.food-especially-serious-gains", "非法经营罪（食品） 情节特别严重 违法所得数额", "Art 225 (food) especially serious: illegal gains",
                V(FoodSafetyInterpretation2021InForce, 250_000, Cite(FoodSafety2021, "第十六条至第十八条", "Arts. 16–18", VO)))),

            (ReferralThreshold.ApprovalDays, Period("referral.timetable.approval", "负责人批准或者不批准移送的期限", "Head's decision on the transfer", ParameterUnit.Days, 3, "第五条第二款", "Art. 5(2)")),
            (ReferralThreshold.TransferHours, Period("referral.timetable.transfer", "批准后向公安机关移送的期限", "Transfer to the police after approval", ParameterUnit.Hours, 24, "第五条第二款", "Art. 5(2)",
                VS, "66wkw.com/doc/52753.html (the 2001 text as published, 国务院令第310号)", "\"…定批准的,应当24 小时内向同级公安机关移送\" (PDF text, characters lost in extraction).")),
            (ReferralThreshold.PoliceDecisionDays, Period("referral.timetable.police-decision", "公安机关决定是否立案的期限", "Police decision whether to open a case", ParameterUnit.Days, 3, "第八条", "Art. 8")),
            (ReferralThreshold.ReconsiderationRequestDays, Period("referral.timetable.reconsideration-request", "提请复议的期限", "Request for reconsideration of a refusal", ParameterUnit.Days, 3, "第九条第一款", "Art. 9(1)")),
            (ReferralThreshold.ReconsiderationAnswerDays, Period("referral.timetable.reconsideration-answer", "公安机关作出复议决定的期限", "Police answer to the request for reconsideration", ParameterUnit.Days, 3, "第九条第二款", "Art. 9(2)")),
            (ReferralThreshold.SupervisionRequestDays, Period("referral.timetable.supervision-request", "建议人民检察院依法进行立案监督的期限", "Request to the procuratorate to supervise", ParameterUnit.Days, 3, "第九条第二款", "Art. 9(2)")),
            (ReferralThreshold.HandOverDays, Period("referral.timetable.hand-over", "公安机关立案后移交涉案物品和材料的期限", "Hand-over of items and files after the police open a case", ParameterUnit.Days, 3, "第十二条", "Art. 12")),
        };
        var ordered = new ParameterDefinition[Enum.GetValues<ReferralThreshold>().Length];
        foreach (var (threshold, definition) in definitions)
        {
            ordered[(int)threshold] = definition;
        }
        if (Array.IndexOf(ordered, null) is var missing and >= 0)
        {
            throw new InvalidOperationException($"Referral threshold {(ReferralThreshold)missing} has no parameter");
        }
        return [.. ordered];
    }

    private static DatedValue V(LocalDate from, decimal value, Citation citation) => new(from, value, citation);

    private static ParameterDefinition Yuan(string id, string zh, string en, params DatedValue[] values) => new(id, new LocalizedText(zh, en), ParameterUnit.Yuan, values);

    private static ParameterDefinition Count(string id, string zh, string en, params DatedValue[] values) => new(id, new LocalizedText(zh, en), ParameterUnit.Count, values);

    private static ParameterDefinition Factor(string id, string zh, string en, params DatedValue[] values) => new(id, new LocalizedText(zh, en), ParameterUnit.Factor, values);

    private static ParameterDefinition Years(string id, string zh, string en, params DatedValue[] values) => new(id, new LocalizedText(zh, en), ParameterUnit.Years, values);

    // The 2001 value cites the original order (the registry's 2001 entry), not the 2020 revision.
    private static ParameterDefinition Period(string id, string zh, string en, ParameterUnit unit, int length, string articleZh, string articleEn,
        VerificationStatus originalStatus = Mem, string? originalSource = null, string? originalNote = null) =>
        new(id, new LocalizedText(zh, en), unit,
        [
            V(TransferProvisionsInForce, length, Cite(TransferRegulations2001, articleZh, articleEn, originalStatus,
                originalNote ?? "The 2001 original text (国务院令第310号, 2001-07-09) is believed to set the same period: 2001 copies were found (law203.infoeach.com, 66wkw.com) but not this article's text; 工商 restatements (pfflw.com/guwen/falv/6m52ww.html) give the same 3 日.")
                with { Source = originalSource ?? TransferRegulations.Source }),
            V(TransferRevision2020InForce, length, Cite(TransferRegulations, articleZh, articleEn, VO, "\"3日\" read as calendar days and \"24小时\" as clock hours, Asia/Shanghai (domain reference Q8).")),
        ]);
}
