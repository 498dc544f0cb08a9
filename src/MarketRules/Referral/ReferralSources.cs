namespace MarketRules.Referral;

/// <summary>The documents the referral thresholds come from, with where each was read and how far it was verified.</summary>
internal static class ReferralSources
{
    internal const string LawRefBook = "GitHub LawRefBook/Laws snapshot 2f4c5c2 (2025-04-19) [LRB]";
    internal const string IpReader = "GitHub Chin-Jing1998/IPReader quartz-kb/content/34-侵犯知产刑事案件解释/ (commits 25b2498 / 7d2ddeb; names gongbao.court.gov.cn as its source)";

    internal static readonly Document CriminalLaw = new(
        "中华人民共和国刑法", "Criminal Law of the People's Republic of China", "全国人民代表大会", "National People's Congress",
        null, new LocalDate(1997, 10, 1), LawRefBook);

    internal static readonly Document AmendmentXI = new(
        "中华人民共和国刑法修正案（十一）", "Amendment XI to the Criminal Law", "全国人民代表大会常务委员会", "NPC Standing Committee",
        null, new LocalDate(2021, 3, 1), LawRefBook);

    internal static readonly Document CriminalLaw1997 = new(
        "中华人民共和国刑法（1997年修订文本）", "Criminal Law of the People's Republic of China, 1997 text before the amendments", "全国人民代表大会", "National People's Congress",
        null, new LocalDate(1997, 10, 1),
        "Secondary copies of the 1997 wording: www.51dongshi.net/wzztf/rdara/rdarascsb (Art 141); itanlian.com/zuiming/scwlspz/66666.html (Art 145); m.changpinglsh.com/nd.jsp?id=7428&mid=5 (Art 214)");

    internal static readonly Document AmendmentIV = new(
        "中华人民共和国刑法修正案（四）", "Amendment IV to the Criminal Law", "全国人民代表大会常务委员会", "NPC Standing Committee",
        null, new LocalDate(2002, 12, 28), LawRefBook + " 刑法/刑法修正案4.md (\"本修正案自公布之日起实行\", adopted 2002-12-28)");

    internal static readonly Document AmendmentVIII = new(
        "中华人民共和国刑法修正案（八）", "Amendment VIII to the Criminal Law", "全国人民代表大会常务委员会", "NPC Standing Committee",
        null, new LocalDate(2011, 5, 1), LawRefBook + " 刑法/刑法修正案8.md (\"本修正案自2011年5月1日起实行\")");

    internal static readonly Document InterpretationTimeEffect2001 = new(
        "最高人民法院、最高人民检察院关于适用刑事司法解释时间效力问题的规定",
        "SPC–SPP Provisions on the Time Effect of Criminal Judicial Interpretations", "最高人民法院、最高人民检察院", "SPC and SPP",
        "高检发释字〔2001〕5号", new LocalDate(2001, 12, 17),
        "zh.wikisource.org (text with the SPC–SPP notice, in force 2001-12-17); reprint of the SPP website text (freewechat.com/a/MzIzNTg5MDU5Mg==/2247484551/1)");

    internal static readonly Document FoodSafety2013 = new(
        "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释",
        "SPC–SPP Interpretation on Criminal Cases Endangering Food Safety (2013)", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2013〕12号", new LocalDate(2013, 5, 4), LawRefBook + "; repealed from 2022-01-01 by 法释〔2021〕24号 Art 26 (V-O)");

    internal static readonly Document ShoddyGoods2001 = new(
        "最高人民法院、最高人民检察院关于办理生产、销售伪劣商品刑事案件具体应用法律若干问题的解释",
        "SPC–SPP Interpretation on Criminal Cases of Producing and Selling Counterfeit and Shoddy Goods", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2001〕10号", new LocalDate(2001, 4, 10), LawRefBook + "; in-force date 2001-04-10 read at https://m.66laws.com/fagui/19236.html");

    internal static readonly Document ProsecutionStandardsI2008 = new(
        "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）",
        "SPP–MPS Standards for Filing Criminal Cases for Prosecution (I)", "最高人民检察院、公安部", "SPP and MPS",
        "公通字〔2008〕36号", new LocalDate(2008, 6, 25), "xyzy.jxfy.gov.cn court page (Art 16); dl-lawyer.net reprint");

    internal static readonly Document ProsecutionStandardsII2010 = new(
        "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）",
        "SPP–MPS Standards for Filing Criminal Cases for Prosecution (II), 2010", "最高人民检察院、公安部", "SPP and MPS",
        "公通字〔2010〕23号", new LocalDate(2010, 5, 7), "m.law-lib.com reprint (Arts 69–71); m.luxwatt.cn reprint (Art 75)");

    internal static readonly Document ProsecutionStandardsII2022 = new(
        "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）（2022年修订）",
        "SPP–MPS Standards for Filing Criminal Cases for Prosecution (II), 2022 revision", "最高人民检察院、公安部", "SPP and MPS",
        "公通字〔2022〕12号", new LocalDate(2022, 5, 15), "falvzhan.com reprint (Art 67); notice dated 2022-04-06 (shdbkk.com reprint), released 2022-04-29 (fa.113you.com); the in-force date 2022-05-15 is from memory");

    internal static readonly Document IpInterpretation2004 = new(
        "最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释",
        "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (I)", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2004〕19号", new LocalDate(2004, 12, 22), LawRefBook + "; repealed from 2025-04-26 by 法释〔2025〕5号 Art 31 (V-S)");

    internal static readonly Document IpInterpretation2007 = new(
        "最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释（二）",
        "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (II)", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2007〕6号", new LocalDate(2007, 4, 5), LawRefBook);

    internal static readonly Document IpOpinions2011 = new(
        "最高人民法院、最高人民检察院、公安部关于办理侵犯知识产权刑事案件适用法律若干问题的意见",
        "SPC–SPP–MPS Opinions on Criminal Cases of Infringing Intellectual Property", "最高人民法院、最高人民检察院、公安部", "SPC, SPP and MPS",
        "法发〔2011〕3号", new LocalDate(2011, 1, 10), "fasuixing.com reprint (Art 9)");

    internal static readonly Document IpInterpretation2025 = new(
        "最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件适用法律若干问题的解释",
        "SPC–SPP Interpretation on Criminal Cases of Infringing Intellectual Property (2025)", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2025〕5号", new LocalDate(2025, 4, 26), IpReader);

    internal static readonly Document FoodSafety2021 = new(
        "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释",
        "SPC–SPP Interpretation on Criminal Cases Endangering Food Safety", "最高人民法院、最高人民检察院", "SPC and SPP",
        "法释〔2021〕24号", new LocalDate(2022, 1, 1), LawRefBook);

    internal static readonly Document TransferRegulations = new(
        "行政执法机关移送涉嫌犯罪案件的规定", "Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Agencies",
        "国务院", "State Council", "国务院令第310号（2020年修订）", new LocalDate(2020, 8, 7), LawRefBook);

    internal static Citation Cite(Document document, string articleZh, string articleEn, VerificationStatus status, string? note = null) =>
        new(new LocalizedText(document.TitleZh, document.TitleEn), new LocalizedText(articleZh, articleEn), status)
        {
            IssuingBody = new LocalizedText(document.IssuerZh, document.IssuerEn),
            DocumentNumber = document.Number,
            InForceFrom = document.InForceFrom,
            Source = document.Source,
            Note = note,
        };

    internal sealed record Document(string TitleZh, string TitleEn, string IssuerZh, string IssuerEn, string? Number, LocalDate InForceFrom, string Source);
}
