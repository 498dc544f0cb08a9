namespace MarketRules.Referral;

/// <summary>
/// The documents the referral thresholds come from, by the names the referral tables use: each is the kernel registry's
/// entry (<see cref="LegalDocuments"/>), which holds its title, issuer, number, dates and where it was read.
/// </summary>
internal static class ReferralSources
{
    internal static readonly LegalDocument CriminalLaw = LegalDocuments.CriminalLaw;
    internal static readonly LegalDocument AmendmentXI = LegalDocuments.CriminalLawAmendmentXI;
    internal static readonly LegalDocument CriminalLaw1997 = LegalDocuments.CriminalLaw1997;
    internal static readonly LegalDocument AmendmentIV = LegalDocuments.CriminalLawAmendmentIV;
    internal static readonly LegalDocument AmendmentVIII = LegalDocuments.CriminalLawAmendmentVIII;
    internal static readonly LegalDocument InterpretationTimeEffect2001 = LegalDocuments.CriminalInterpretationTimeEffect;
    internal static readonly LegalDocument FoodSafety2013 = LegalDocuments.FoodSafetyCrimeInterpretation2013;
    internal static readonly LegalDocument ShoddyGoods2001 = LegalDocuments.ShoddyGoodsCrimeInterpretation;
    internal static readonly LegalDocument ProsecutionStandardsI2008 = LegalDocuments.ProsecutionStandardsI;
    internal static readonly LegalDocument ProsecutionStandardsII2010 = LegalDocuments.ProsecutionStandardsII2010;
    internal static readonly LegalDocument ProsecutionStandardsII2022 = LegalDocuments.ProsecutionStandardsII2022;
    internal static readonly LegalDocument IpInterpretation2004 = LegalDocuments.IpCrimeInterpretation2004;
    internal static readonly LegalDocument IpInterpretation2007 = LegalDocuments.IpCrimeInterpretation2007;
    internal static readonly LegalDocument IpOpinions2011 = LegalDocuments.IpCrimeOpinions2011;
    internal static readonly LegalDocument IpInterpretation2025 = LegalDocuments.IpCrimeInterpretation2025;
    internal static readonly LegalDocument FoodSafety2021 = LegalDocuments.FoodSafetyCrimeInterpretation2021;
    internal static readonly LegalDocument TransferRegulations = LegalDocuments.CriminalCaseTransferProvisions2020;
    internal static readonly LegalDocument TransferRegulations2001 = LegalDocuments.CriminalCaseTransferProvisions;

    internal static Citation Cite(LegalDocument document, string articleZh, string articleEn, VerificationStatus status, string? note = null) =>
        new(document, new LocalizedText(articleZh, articleEn), status) { Note = note };
}
