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
        new LocalDate(2021, 1, 22), new LocalDate(2021, 7, 15), null);

    /// <summary>中华人民共和国立法法 (2023 amendment, in force 2023-03-15).</summary>
    public static LegalDocument LegislationLaw { get; } = new("legislation-law",
        new("中华人民共和国立法法", "Legislation Law of the People's Republic of China"), Npc, null, new LocalDate(2023, 3, 13), new LocalDate(2023, 3, 15), null);

    /// <summary>中华人民共和国产品质量法 (2018 amendment, in force 2018-12-29).</summary>
    public static LegalDocument ProductQualityLaw { get; } = new("product-quality-law",
        new("中华人民共和国产品质量法", "Product Quality Law of the People's Republic of China"), Npcsc, null, new LocalDate(2018, 12, 29), new LocalDate(2018, 12, 29), null);

    /// <summary>中华人民共和国食品安全法.</summary>
    public static LegalDocument FoodSafetyLaw { get; } = new("food-safety-law",
        new("中华人民共和国食品安全法", "Food Safety Law of the People's Republic of China"), Npcsc, null, null, null, null);

    /// <summary>企业信息公示暂行条例 (国务院令第654号, in force 2014-10-01).</summary>
    public static LegalDocument EnterpriseInformationDisclosureRegulations { get; } = new("enterprise-information-disclosure-regulations",
        new("企业信息公示暂行条例", "Interim Regulations on Enterprise Information Disclosure"), StateCouncil, "国务院令第654号",
        new LocalDate(2014, 8, 7), new LocalDate(2014, 10, 1), null);

    /// <summary>行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号, in force 2001-07-09).</summary>
    public static LegalDocument CriminalCaseTransferProvisions { get; } = new("criminal-case-transfer-provisions",
        new("行政执法机关移送涉嫌犯罪案件的规定", "Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Agencies"),
        StateCouncil, "国务院令第310号", new LocalDate(2001, 7, 9), new LocalDate(2001, 7, 9), null);

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

    /// <summary>产品质量监督抽查管理暂行办法 (市场监管总局令第18号; in force 2020-01-01 from memory).</summary>
    public static LegalDocument SpotCheckInterimMeasures { get; } = new("spot-check-interim-measures",
        new("产品质量监督抽查管理暂行办法", "Interim Measures for the Administration of Product Quality Supervision Spot Checks"), Samr,
        "国家市场监督管理总局令第18号", null, new LocalDate(2020, 1, 1), null);

    private static readonly Lazy<FrozenDictionary<string, LegalDocument>> LazyById = new(() => All.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal));
    private static readonly Lazy<FrozenDictionary<string, LegalDocument>> LazyByTitle = new(() => All.ToFrozenDictionary(d => d.Title.Chinese, StringComparer.Ordinal));

    /// <summary>Every document of the registry.</summary>
    public static ImmutableArray<LegalDocument> All { get; } =
    [
        AdministrativePenaltyLaw, LegislationLaw, ProductQualityLaw, FoodSafetyLaw, EnterpriseInformationDisclosureRegulations,
        CriminalCaseTransferProvisions, PenaltyInformationPublicationProvisions, ComplaintHandlingInterimMeasures, ComplaintHandlingMeasures,
        ReportRewardMeasures, SpotCheckInterimMeasures,
    ];

    /// <summary>Finds a document by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    public static LegalDocument? Find(string? id) => id is not null && LazyById.Value.TryGetValue(id, out var document) ? document : null;

    /// <summary>Finds a document by its Chinese title.</summary>
    /// <param name="chineseTitle">The title, e.g. <c>中华人民共和国行政处罚法</c>.</param>
    /// <returns>The document, or <see langword="null"/> when the registry has none of that title.</returns>
    public static LegalDocument? FindByTitle(string? chineseTitle) =>
        chineseTitle is not null && LazyByTitle.Value.TryGetValue(chineseTitle, out var document) ? document : null;
}
