using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;
using static MarketRules.Referral.ReferralSources;

namespace MarketRules.Referral;

/// <summary>What an article requires, besides the act, for the act to be the crime (the element of harm or amount), on a date.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<OffenceElement>))]
public enum OffenceElement
{
    /// <summary>Nothing (no element is missing, or the article has none to report).</summary>
    None = 0,

    /// <summary>The act itself is the crime (行为犯): e.g. Art 141 from 2011-05-01, Art 144.</summary>
    ActItself = 1,

    /// <summary>The product must be sufficient to seriously endanger health (足以严重危害人体健康; Art 143: 足以造成严重食物中毒事故或者其他严重食源性疾病), established by testing.</summary>
    Endangerment = 2,

    /// <summary>Actual serious harm to health (对人体健康造成严重危害): an injury or another serious consequence.</summary>
    ActualHarm = 3,

    /// <summary>Serious consequences (造成严重后果): Arts 146 and 148.</summary>
    SeriousConsequences = 4,

    /// <summary>An amount, count or loss set by the thresholds (数额较大、情节严重、较大损失).</summary>
    Amount = 5,
}

/// <summary>
/// The element an article required on the dates it was in force: the law of the act date decides what must be
/// established, and a later, harsher text never reaches back (Criminal Law Art 12).
/// </summary>
/// <param name="Offence">The offence.</param>
/// <param name="EffectiveFrom">The first day the rule applies.</param>
/// <param name="EffectiveUntil">The first day it no longer applies, or <see langword="null"/> while in force.</param>
/// <param name="Element">What must be established.</param>
/// <param name="Requirement">The statutory words, in Chinese, and what they mean, in English.</param>
/// <param name="Citation">The article that sets the element, with its verification status.</param>
/// <param name="Interpretation">The judicial interpretation that reads the element, if any.</param>
public sealed record ElementRule(CriminalOffence Offence, LocalDate EffectiveFrom, LocalDate? EffectiveUntil, OffenceElement Element,
    LocalizedText Requirement, Citation Citation, Citation? Interpretation)
{
    /// <summary>Whether the rule applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether <paramref name="date"/> is in [<see cref="EffectiveFrom"/>, <see cref="EffectiveUntil"/>).</returns>
    public bool AppliesOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is not { } until || date < until);
}

/// <summary>
/// The dated elements of the referral catalogue (arts 140–148, 213–216, 222, 225): which facts each article required on
/// each date, with citations. An offence is in the catalogue on a date when one of its rules applies that day.
/// </summary>
public static class ReferralElements
{
    private const VerificationStatus VO = VerificationStatus.VerifiedOfficial;
    private const VerificationStatus VS = VerificationStatus.VerifiedSecondary;

    /// <summary>Amendment IV took force the day it was adopted: art 145 from actual harm (造成严重危害) to endangerment (足以严重危害).</summary>
    internal static readonly LocalDate AmendmentIVInForce = LegalDocuments.CriminalLawAmendmentIV.InForceFrom!.Value;

    /// <summary>Amendment VIII (art 141 becomes a crime of conduct; arts 143, 144 gain 其他严重情节).</summary>
    internal static readonly LocalDate AmendmentVIIIInForce = LegalDocuments.CriminalLawAmendmentVIII.InForceFrom!.Value;

    /// <summary>Amendment XI (art 214 from 销售金额 to 违法所得 or 其他严重情节; art 213 covers service marks; 213–215 top band 3–10 years).</summary>
    internal static readonly LocalDate AmendmentXIInForce = LegalDocuments.CriminalLawAmendmentXI.InForceFrom!.Value;

    /// <summary>The 2013 food-safety interpretation (art 225 applied to the food acts of its arts 11–12).</summary>
    internal static readonly LocalDate FoodSafety2013InForce = LegalDocuments.FoodSafetyCrimeInterpretation2013.InForceFrom!.Value;

    /// <summary>The 2021 food-safety interpretation (art 18 sets the art 225 amounts).</summary>
    internal static readonly LocalDate FoodSafety2021InForce = LegalDocuments.FoodSafetyCrimeInterpretation2021.InForceFrom!.Value;

    /// <summary>The 2025 IP interpretation.</summary>
    internal static readonly LocalDate IpInterpretation2025InForce = LegalDocuments.IpCrimeInterpretation2025.InForceFrom!.Value;

    private static readonly LocalDate CriminalLaw1997InForce = LegalDocuments.CriminalLaw1997.InForceFrom!.Value;
    private static readonly LocalDate ShoddyGoodsInterpretationInForce = LegalDocuments.ShoddyGoodsCrimeInterpretation.InForceFrom!.Value;
    private static readonly LocalDate IpInterpretation2004InForce = LegalDocuments.IpCrimeInterpretation2004.InForceFrom!.Value;
    private static readonly LocalDate ProsecutionStandardsII2010InForce = LegalDocuments.ProsecutionStandardsII2010.InForceFrom!.Value;

    /// <summary>Every rule, by offence and date.</summary>
    public static ImmutableArray<ElementRule> All { get; } = Build();

    private static readonly ImmutableArray<ElementRule>[] ByOffence = Index(All);

    /// <summary>The rule that applies to an offence on a date.</summary>
    /// <param name="offence">The offence.</param>
    /// <param name="date">The date (of the act, or of the decision for the later law).</param>
    /// <returns>The rule, or <see langword="null"/> when the catalogue has no standard for the offence on that date.</returns>
    public static ElementRule? At(CriminalOffence offence, LocalDate date)
    {
        var index = OffenceIndex(offence);
        if (index < 0)
        {
            return null;
        }
        foreach (var rule in ByOffence[index])
        {
            if (rule.AppliesOn(date))
            {
                return rule;
            }
        }
        return null;
    }

    /// <summary>The first day the catalogue has a standard for an offence.</summary>
    /// <param name="offence">The offence.</param>
    /// <returns>The date, or <see langword="null"/> for an offence outside the catalogue.</returns>
    public static LocalDate? FirstDay(CriminalOffence offence)
    {
        var index = OffenceIndex(offence);
        return index < 0 || ByOffence[index].IsEmpty ? null : ByOffence[index][0].EffectiveFrom;
    }

    // Offences in a compact index: 140–148 → 0–8, 213–216 → 9–12, 222 → 13, 225 → 14; -1 outside the catalogue.
    internal const int OffenceCount = 15;

    internal static int OffenceIndex(CriminalOffence offence) => offence switch
    {
        >= CriminalOffence.ShoddyProducts and <= CriminalOffence.SubstandardCosmetics => (int)offence - 140,
        >= CriminalOffence.CounterfeitRegisteredMark and <= CriminalOffence.PassingOffPatents => (int)offence - 213 + 9,
        CriminalOffence.FalseAdvertising => 13,
        CriminalOffence.IllegalFoodBusiness => 14,
        _ => -1,
    };

    private static ImmutableArray<ElementRule>[] Index(ImmutableArray<ElementRule> all)
    {
        var result = new ImmutableArray<ElementRule>[OffenceCount];
        for (var i = 0; i < OffenceCount; i++)
        {
            result[i] = [.. all.Where(r => OffenceIndex(r.Offence) == i).OrderBy(r => r.EffectiveFrom)];
        }
        return result;
    }

    private static Citation Law(string article, string articleEn, VerificationStatus status, string quote) =>
        Cite(CriminalLaw, article, articleEn, status, quote);

    private static ImmutableArray<ElementRule> Build()
    {
        ElementRule R(CriminalOffence offence, LocalDate from, LocalDate? until, OffenceElement element, string zh, string en, Citation citation, Citation? interpretation = null) =>
            new(offence, from, until, element, new LocalizedText(zh, en), citation, interpretation);

        return
        [
            R(CriminalOffence.ShoddyProducts, CriminalLaw1997InForce, null, OffenceElement.Amount, "销售金额五万元以上", "sales of 50,000 yuan or more",
                Law("第一百四十条", "Art. 140", VO, "销售金额五万元以上不满二十万元的，处二年以下有期徒刑或者拘役")),

            R(CriminalOffence.CounterfeitDrugs, CriminalLaw1997InForce, AmendmentVIIIInForce, OffenceElement.Endangerment, "足以严重危害人体健康",
                "the counterfeit drug must be sufficient to seriously endanger human health (established by a drug testing body)",
                Cite(CriminalLaw1997, "第一百四十一条", "Art. 141", VS, "生产、销售假药，足以严重危害人体健康的，处三年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金"),
                Cite(ShoddyGoods2001, "第三条", "Art. 3", VO, "经省级以上药品监督管理部门设置或者确定的药品检验机构鉴定，生产、销售的假药具有下列情形之一的，应认定为刑法第一百四十一条规定的“足以严重危害人体健康”. From 2009-05-27 法释〔2009〕9号 Art 1 listed the cases instead (not encoded).")),
            R(CriminalOffence.CounterfeitDrugs, AmendmentVIIIInForce, null, OffenceElement.ActItself, "生产、销售假药的（行为本身即构成犯罪）",
                "producing or selling a counterfeit drug is the crime itself",
                Cite(AmendmentVIII, "刑法第一百四十一条第一款", "Criminal Law Art. 141(1)", VO, "将刑法第一百四十一条第一款修改为：“生产、销售假药的，处三年以下有期徒刑或者拘役，并处罚金…”")),

            R(CriminalOffence.SubstandardDrugs, CriminalLaw1997InForce, null, OffenceElement.ActualHarm, "对人体健康造成严重危害", "actual serious harm to human health",
                Law("第一百四十二条", "Art. 142", VO, "生产、销售劣药，对人体健康造成严重危害的，处三年以上十年以下有期徒刑，并处罚金")),

            R(CriminalOffence.UnsafeFood, CriminalLaw1997InForce, AmendmentVIIIInForce, OffenceElement.Endangerment, "足以造成严重食物中毒事故或者其他严重食源性疾患",
                "sufficient to cause serious food poisoning or another serious food-borne illness",
                Cite(ShoddyGoods2001, "第四条", "Art. 4", VO, "食品中含有可能导致严重食物中毒事故或者其他严重食源性疾患的超标准的有害细菌或者其他污染物的，应认定为刑法第一百四十三条规定的“足以造成严重食物中毒事故或者其他严重食源性疾患”")),
            R(CriminalOffence.UnsafeFood, AmendmentVIIIInForce, null, OffenceElement.Endangerment, "足以造成严重食物中毒事故或者其他严重食源性疾病",
                "sufficient to cause serious food poisoning or another serious food-borne disease",
                Cite(AmendmentVIII, "刑法第一百四十三条", "Criminal Law Art. 143", VO, "生产、销售不符合食品安全标准的食品，足以造成严重食物中毒事故或者其他严重食源性疾病的，处三年以下有期徒刑或者拘役，并处罚金"),
                Cite(FoodSafety2021, "第一条", "Art. 1", VO, "The 2013 interpretation (法释〔2013〕12号) Art 1 and the 2021 one Art 1 list the cases.")),

            R(CriminalOffence.ToxicFood, CriminalLaw1997InForce, null, OffenceElement.ActItself, "掺入有毒、有害的非食品原料（行为本身即构成犯罪）", "adding toxic or harmful non-food material is the crime itself",
                Law("第一百四十四条", "Art. 144", VO, "在生产、销售的食品中掺入有毒、有害的非食品原料的，或者销售明知掺有有毒、有害的非食品原料的食品的，处五年以下有期徒刑，并处罚金")),

            R(CriminalOffence.SubstandardMedicalDevices, CriminalLaw1997InForce, AmendmentIVInForce, OffenceElement.ActualHarm, "对人体健康造成严重危害",
                "actual serious harm to human health (a minor injury or another serious consequence)",
                Cite(CriminalLaw1997, "第一百四十五条", "Art. 145", VS, "…医疗器械、医用卫生材料，对人体健康造成严重危害的，处五年以下有期徒刑，并处销售金额百分之五十以上二倍以下罚金；后果特别严重的，处五年以上十年以下有期徒刑…其中情节特别恶劣的，处十年以上有期徒刑或者无期徒刑"),
                Cite(ShoddyGoods2001, "第六条", "Art. 6", VO, "生产、销售不符合标准的医疗器械、医用卫生材料，致人轻伤或者其他严重后果的，应认定为刑法第一百四十五条规定的“对人体健康造成严重危害”")),
            R(CriminalOffence.SubstandardMedicalDevices, AmendmentIVInForce, null, OffenceElement.Endangerment, "足以严重危害人体健康",
                "sufficient to seriously endanger human health",
                Cite(AmendmentIV, "刑法第一百四十五条", "Criminal Law Art. 145", VO, "将刑法第一百四十五条修改为：“…足以严重危害人体健康的，处三年以下有期徒刑或者拘役…；对人体健康造成严重危害的，处三年以上十年以下有期徒刑…；后果特别严重的，处十年以上有期徒刑或者无期徒刑…”")),

            R(CriminalOffence.UnsafeProducts, CriminalLaw1997InForce, null, OffenceElement.SeriousConsequences, "造成严重后果", "serious consequences (injury, death, or a direct loss)",
                Law("第一百四十六条", "Art. 146", VO, "…造成严重后果的，处五年以下有期徒刑，并处销售金额百分之五十以上二倍以下罚金；后果特别严重的，处五年以上有期徒刑")),

            R(CriminalOffence.ShoddyAgriculturalInputs, ShoddyGoodsInterpretationInForce, null, OffenceElement.Amount, "使生产遭受较大损失（二万元起点）", "a relatively large production loss (from 20,000 yuan)",
                Law("第一百四十七条", "Art. 147", VO, "…使生产遭受较大损失的，处三年以下有期徒刑或者拘役"),
                Cite(ShoddyGoods2001, "第七条", "Art. 7", VO, "“使生产遭受较大损失”，一般以2万元为起点")),

            R(CriminalOffence.SubstandardCosmetics, CriminalLaw1997InForce, null, OffenceElement.SeriousConsequences, "造成严重后果", "serious consequences (disfigurement, organ damage, mental disorder…)",
                Law("第一百四十八条", "Art. 148", VO, "生产不符合卫生标准的化妆品，或者销售明知是不符合卫生标准的化妆品，造成严重后果的，处三年以下有期徒刑或者拘役")),

            R(CriminalOffence.CounterfeitRegisteredMark, IpInterpretation2004InForce, null, OffenceElement.Amount, "情节严重（非法经营数额、违法所得数额）", "serious circumstances (business volume or illegal gains)",
                Law("第二百一十三条", "Art. 213", VO, "…情节严重的，处三年以下有期徒刑，并处或者单处罚金"),
                Cite(IpInterpretation2004, "第一条", "Art. 1", VO, "The first amounts in the catalogue; the 2001 prosecution standards before them are not encoded.")),

            R(CriminalOffence.SellingCounterfeitMarkGoods, IpInterpretation2004InForce, AmendmentXIInForce, OffenceElement.Amount, "销售金额数额较大", "a relatively large sales amount",
                Cite(CriminalLaw1997, "第二百一十四条", "Art. 214", VS, "销售明知是假冒注册商标的商品，销售金额数额较大的，处三年以下有期徒刑或者拘役，并处或者单处罚金；销售金额数额巨大的，处三年以上七年以下有期徒刑，并处罚金"),
                Cite(IpInterpretation2004, "第二条", "Art. 2", VO, "销售金额在五万元以上的，属于“数额较大”")),
            R(CriminalOffence.SellingCounterfeitMarkGoods, AmendmentXIInForce, null, OffenceElement.Amount, "违法所得数额较大或者有其他严重情节",
                "relatively large illegal gains, or other serious circumstances",
                Cite(AmendmentXI, "第十八条（刑法第二百一十四条）", "§ 18 (Criminal Law Art. 214)", VO, "销售明知是假冒注册商标的商品，违法所得数额较大或者有其他严重情节的，处三年以下有期徒刑，并处或者单处罚金"),
                Cite(IpInterpretation2025, "第五条", "Art. 5", VS, "From 2025-04-26; for acts from 2021-03-01 handled after that date see decision 0014 (2001 time-effect rule Art 2).")),

            R(CriminalOffence.CounterfeitMarkLabels, IpInterpretation2004InForce, null, OffenceElement.Amount, "情节严重（标识数量、非法经营数额、违法所得数额）", "serious circumstances (pieces, business volume or illegal gains)",
                Law("第二百一十五条", "Art. 215", VO, "…情节严重的，处三年以下有期徒刑，并处或者单处罚金"),
                Cite(IpInterpretation2004, "第三条", "Art. 3", VO)),

            R(CriminalOffence.PassingOffPatents, IpInterpretation2004InForce, null, OffenceElement.Amount, "情节严重（非法经营数额、违法所得数额、直接经济损失）", "serious circumstances (business volume, illegal gains or the patentee's loss)",
                Law("第二百一十六条", "Art. 216", VO, "假冒他人专利，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金"),
                Cite(IpInterpretation2004, "第四条", "Art. 4", VO)),

            R(CriminalOffence.FalseAdvertising, ProsecutionStandardsII2010InForce, null, OffenceElement.Amount, "情节严重（违法所得、损失、再犯、严重后果）", "serious circumstances (gains, losses, repeat penalties, serious consequences)",
                Law("第二百二十二条", "Art. 222", VO, "…利用广告对商品或者服务作虚假宣传，情节严重的，处二年以下有期徒刑或者拘役，并处或者单处罚金"),
                Cite(ProsecutionStandardsII2010, "第七十五条", "Art. 75", VS, "The first standards in the catalogue; the 2001 standards before them are not encoded.")),

            R(CriminalOffence.IllegalFoodBusiness, FoodSafety2013InForce, FoodSafety2021InForce, OffenceElement.Amount,
                "情节严重（解释未规定数额）", "serious circumstances (the interpretation set no amount)",
                Cite(FoodSafety2013, "第十一条、第十二条", "Arts. 11–12", VO, "以提供给他人生产、销售食品为目的，违反国家规定，生产、销售国家禁止用于食品生产、销售的非食品原料，情节严重的，依照刑法第二百二十五条的规定以非法经营罪定罪处罚…私设生猪屠宰厂（场），从事生猪屠宰、销售等经营活动，情节严重的…"),
                Cite(InterpretationTimeEffect2001, "第二条", "Art. 2", VS, "No amount defined 情节严重 until 法释〔2021〕24号 Art 18; a case handled from 2022-01-01 applies it (decision 0014).")),
            R(CriminalOffence.IllegalFoodBusiness, FoodSafety2021InForce, null, OffenceElement.Amount, "情节严重（非法经营数额十万元以上或者违法所得数额五万元以上）",
                "serious circumstances (business volume of 100,000 yuan or gains of 50,000 yuan or more)",
                Cite(FoodSafety2021, "第十六条至第十八条", "Arts. 16–18", VO, "实施本解释规定的非法经营行为，非法经营数额在十万元以上，或者违法所得数额在五万元以上的，应当认定为刑法第二百二十五条规定的“情节严重”")),
        ];
    }
}
