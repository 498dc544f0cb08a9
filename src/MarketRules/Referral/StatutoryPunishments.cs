using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using static MarketRules.Referral.ReferralSources;

namespace MarketRules.Referral;

/// <summary>
/// The statutory punishment (法定刑) of one sentencing band of an article on the dates it was in force, as the
/// Criminal Law states it. Used to decide which of two applicable provisions punishes more heavily (Art 149(2)) and
/// which of two laws is more lenient (Art 12).
/// </summary>
/// <param name="Offence">The offence.</param>
/// <param name="Band">The band.</param>
/// <param name="EffectiveFrom">The first day of the text.</param>
/// <param name="EffectiveUntil">The first day it no longer applies, or <see langword="null"/>.</param>
/// <param name="MinimumMonths">The lightest custodial penalty in months: 0 when a fine alone may be imposed (单处罚金), 1 for criminal detention (拘役), else the lower bound of fixed-term imprisonment (6 months when none is stated).</param>
/// <param name="MaximumMonths">The heaviest fixed term in months (180 for "以上" without an upper bound: the 15-year ceiling of Art 45).</param>
/// <param name="Life">Whether life imprisonment (无期徒刑) may be imposed.</param>
/// <param name="Death">Whether the death penalty (死刑) may be imposed.</param>
/// <param name="Text">The statutory words (Chinese) and their meaning (English).</param>
/// <param name="Citation">The article.</param>
public sealed record StatutoryPunishment(CriminalOffence Offence, SentencingBand Band, LocalDate EffectiveFrom, LocalDate? EffectiveUntil,
    int MinimumMonths, int MaximumMonths, bool Life, bool Death, LocalizedText Text, Citation Citation)
{
    /// <summary>Compares the severity of two punishments: the heavier top penalty (death, life, then the longest term), then the heavier minimum.</summary>
    /// <param name="other">The other punishment.</param>
    /// <returns>Positive when this one is heavier, negative when lighter, zero when equal.</returns>
    public int CompareSeverity(StatutoryPunishment other)
    {
        Utility.Preconditions.CheckNotNull(other);
        return StatutoryPunishments.Compare(Severity, other.Severity);
    }

    internal long Severity { get; } = StatutoryPunishments.SeverityOf(MinimumMonths, MaximumMonths, Life, Death);

    /// <summary>The range in words, e.g. <c>3–10 years</c>.</summary>
    /// <returns>The range.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Offence} {Band}: {MinimumMonths}–{MaximumMonths} months{(Life ? ", life" : "")}{(Death ? ", death" : "")}");
}

/// <summary>The statutory punishments of arts 140–148, 213–216, 222 and 225, by band and date.</summary>
public static class StatutoryPunishments
{
    private const VerificationStatus VO = VerificationStatus.VerifiedOfficial;
    private const VerificationStatus VS = VerificationStatus.VerifiedSecondary;
    private static readonly LocalDate CriminalLaw1997InForce = LegalDocuments.CriminalLaw1997.InForceFrom!.Value;

    /// <summary>Every bracket.</summary>
    public static ImmutableArray<StatutoryPunishment> All { get; } = Build();

    // [offence index * 5 + band] → the brackets of that band, by date.
    private static readonly StatutoryPunishment[][] ByOffenceBand = Index(All);

    /// <summary>The bracket of an offence's band on a date.</summary>
    /// <param name="offence">The offence.</param>
    /// <param name="band">The band.</param>
    /// <param name="date">The date whose law applies.</param>
    /// <returns>The bracket, or <see langword="null"/> when none is recorded.</returns>
    public static StatutoryPunishment? Of(CriminalOffence offence, SentencingBand band, LocalDate date)
    {
        var list = Slot(offence, band);
        if (list is null)
        {
            return null;
        }
        foreach (var p in list)
        {
            if (date >= p.EffectiveFrom && (p.EffectiveUntil is not { } until || date < until))
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>
    /// Compares two (offence, band) pairs, each under the law of its own date, by severity. Allocation-free; an
    /// unrecorded pair compares as equal (the caller keeps its default).
    /// </summary>
    internal static int Compare(CriminalOffence first, SentencingBand firstBand, LocalDate firstDate, CriminalOffence second, SentencingBand secondBand, LocalDate secondDate)
    {
        var a = Of(first, firstBand, firstDate);
        var b = Of(second, secondBand, secondDate);
        return a is null || b is null ? 0 : Compare(a.Severity, b.Severity);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Compare(long a, long b) => a.CompareTo(b);

    // Death > life > longest term > heaviest minimum, packed in one number.
    internal static long SeverityOf(int minimum, int maximum, bool life, bool death) =>
        ((death ? 2L : life ? 1L : 0L) << 40) | ((long)maximum << 20) | (uint)minimum;

    private static StatutoryPunishment[]? Slot(CriminalOffence offence, SentencingBand band)
    {
        var index = ReferralElements.OffenceIndex(offence);
        return index < 0 || unchecked((uint)band) > (uint)SentencingBand.Gravest ? null : ByOffenceBand[(index * 5) + (int)band];
    }

    private static StatutoryPunishment[][] Index(ImmutableArray<StatutoryPunishment> all)
    {
        var result = new StatutoryPunishment[ReferralElements.OffenceCount * 5][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [.. all.Where(p => (ReferralElements.OffenceIndex(p.Offence) * 5) + (int)p.Band == i).OrderBy(p => p.EffectiveFrom)];
        }
        return result;
    }

    private static ImmutableArray<StatutoryPunishment> Build()
    {
        StatutoryPunishment P(CriminalOffence offence, SentencingBand band, LocalDate from, LocalDate? until, int min, int max, bool life, bool death, string zh, string en, Citation citation) =>
            new(offence, band, from, until, min, max, life, death, new LocalizedText(zh, en), citation);
        Citation Art(string zh, string en, string quote, VerificationStatus status = VO) => Cite(CriminalLaw, zh, en, status, quote);
        Citation Old(string zh, string en, string quote) => Cite(CriminalLaw1997, zh, en, VS, quote);
        var viii = ReferralElements.AmendmentVIIIInForce;
        var iv = ReferralElements.AmendmentIVInForce;
        var xi = ReferralElements.AmendmentXIInForce;

        var a140 = Art("第一百四十条", "Art. 140", "销售金额五万元以上不满二十万元的，处二年以下有期徒刑或者拘役，并处或者单处…罚金；二十万元以上不满五十万元的，处二年以上七年以下…；五十万元以上不满二百万元的，处七年以上有期徒刑…；二百万元以上的，处十五年有期徒刑或者无期徒刑");
        var a141Old = Old("第一百四十一条", "Art. 141", "足以严重危害人体健康的，处三年以下有期徒刑或者拘役，并处或者单处…罚金；对人体健康造成严重危害的，处三年以上十年以下…；致人死亡或者对人体健康造成特别严重危害的，处十年以上有期徒刑、无期徒刑或者死刑");
        var a141 = Art("第一百四十一条", "Art. 141", "生产、销售假药的，处三年以下有期徒刑或者拘役，并处罚金；对人体健康造成严重危害或者有其他严重情节的，处三年以上十年以下…；致人死亡或者有其他特别严重情节的，处十年以上有期徒刑、无期徒刑或者死刑");
        var a142 = Art("第一百四十二条", "Art. 142", "对人体健康造成严重危害的，处三年以上十年以下有期徒刑，并处罚金；后果特别严重的，处十年以上有期徒刑或者无期徒刑");
        var a143 = Art("第一百四十三条", "Art. 143", "足以造成严重食物中毒事故或者其他严重食源性疾病的，处三年以下有期徒刑或者拘役，并处罚金；对人体健康造成严重危害或者有其他严重情节的，处三年以上七年以下…；后果特别严重的，处七年以上有期徒刑或者无期徒刑");
        var a144 = Art("第一百四十四条", "Art. 144", "处五年以下有期徒刑，并处罚金；对人体健康造成严重危害或者有其他严重情节的，处五年以上十年以下…；致人死亡或者有其他特别严重情节的，依照本法第一百四十一条的规定处罚");
        var a145Old = Old("第一百四十五条", "Art. 145", "对人体健康造成严重危害的，处五年以下有期徒刑…；后果特别严重的，处五年以上十年以下有期徒刑…，其中情节特别恶劣的，处十年以上有期徒刑或者无期徒刑");
        var a145 = Cite(AmendmentIV, "刑法第一百四十五条", "Criminal Law Art. 145", VO, "足以严重危害人体健康的，处三年以下有期徒刑或者拘役…；对人体健康造成严重危害的，处三年以上十年以下…；后果特别严重的，处十年以上有期徒刑或者无期徒刑");
        var a146 = Art("第一百四十六条", "Art. 146", "造成严重后果的，处五年以下有期徒刑…；后果特别严重的，处五年以上有期徒刑");
        var a147 = Art("第一百四十七条", "Art. 147", "使生产遭受较大损失的，处三年以下有期徒刑或者拘役，并处或者单处…罚金；重大损失的，处三年以上七年以下…；特别重大损失的，处七年以上有期徒刑或者无期徒刑");
        var a148 = Art("第一百四十八条", "Art. 148", "造成严重后果的，处三年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金");
        var ipOld = Old("第二百一十三条至第二百一十五条", "Arts. 213–215", "情节严重的（第二百一十四条：销售金额数额较大的），处三年以下有期徒刑或者拘役，并处或者单处罚金；情节特别严重的（数额巨大的），处三年以上七年以下有期徒刑，并处罚金. Art 214 read in a reprint (m.changpinglsh.com); the same brackets for Arts 213 and 215 are from memory") with
        {
            Status = VerificationStatus.FromMemory,
        };
        var ip = Cite(AmendmentXI, "第十七条至第十九条（刑法第二百一十三条至第二百一十五条）", "§§ 17–19 (Criminal Law Arts. 213–215)", VO, "…处三年以下有期徒刑，并处或者单处罚金；…处三年以上十年以下有期徒刑，并处罚金");
        var a216 = Art("第二百一十六条", "Art. 216", "假冒他人专利，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金");
        var a222 = Art("第二百二十二条", "Art. 222", "情节严重的，处二年以下有期徒刑或者拘役，并处或者单处罚金");
        var a225 = Art("第二百二十五条", "Art. 225", "情节严重的，处五年以下有期徒刑或者拘役，并处或者单处违法所得一倍以上五倍以下罚金；情节特别严重的，处五年以上有期徒刑");

        const SentencingBand B = SentencingBand.Base, A = SentencingBand.Aggravated, E = SentencingBand.EspeciallySerious, G = SentencingBand.Gravest;
        var o140 = CriminalOffence.ShoddyProducts;
        return
        [
            P(o140, B, CriminalLaw1997InForce, null, 0, 24, false, false, "二年以下有期徒刑或者拘役，并处或者单处罚金", "up to 2 years or criminal detention, or a fine alone", a140),
            P(o140, A, CriminalLaw1997InForce, null, 24, 84, false, false, "二年以上七年以下有期徒刑", "2 to 7 years", a140),
            P(o140, E, CriminalLaw1997InForce, null, 84, 180, false, false, "七年以上有期徒刑", "7 years or more", a140),
            P(o140, G, CriminalLaw1997InForce, null, 180, 180, true, false, "十五年有期徒刑或者无期徒刑", "15 years or life", a140),

            P(CriminalOffence.CounterfeitDrugs, B, CriminalLaw1997InForce, viii, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", a141Old),
            P(CriminalOffence.CounterfeitDrugs, B, viii, null, 1, 36, false, false, "三年以下有期徒刑或者拘役，并处罚金", "up to 3 years or detention, and a fine", a141),
            P(CriminalOffence.CounterfeitDrugs, A, CriminalLaw1997InForce, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", a141),
            P(CriminalOffence.CounterfeitDrugs, E, CriminalLaw1997InForce, null, 120, 180, true, true, "十年以上有期徒刑、无期徒刑或者死刑", "10 years or more, life or death", a141),

            P(CriminalOffence.SubstandardDrugs, B, CriminalLaw1997InForce, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", a142),
            P(CriminalOffence.SubstandardDrugs, E, CriminalLaw1997InForce, null, 120, 180, true, false, "十年以上有期徒刑或者无期徒刑", "10 years or more, or life", a142),

            P(CriminalOffence.UnsafeFood, B, CriminalLaw1997InForce, null, 1, 36, false, false, "三年以下有期徒刑或者拘役", "up to 3 years or detention", a143),
            P(CriminalOffence.UnsafeFood, A, CriminalLaw1997InForce, null, 36, 84, false, false, "三年以上七年以下有期徒刑", "3 to 7 years", a143),
            P(CriminalOffence.UnsafeFood, E, CriminalLaw1997InForce, null, 84, 180, true, false, "七年以上有期徒刑或者无期徒刑", "7 years or more, or life", a143),

            P(CriminalOffence.ToxicFood, B, CriminalLaw1997InForce, null, 6, 60, false, false, "五年以下有期徒刑", "up to 5 years", a144),
            P(CriminalOffence.ToxicFood, A, CriminalLaw1997InForce, null, 60, 120, false, false, "五年以上十年以下有期徒刑", "5 to 10 years", a144),
            P(CriminalOffence.ToxicFood, E, CriminalLaw1997InForce, null, 120, 180, true, true, "依照第一百四十一条：十年以上有期徒刑、无期徒刑或者死刑", "as Art 141: 10 years or more, life or death", a144),

            P(CriminalOffence.SubstandardMedicalDevices, B, CriminalLaw1997InForce, iv, 6, 60, false, false, "五年以下有期徒刑", "up to 5 years", a145Old),
            P(CriminalOffence.SubstandardMedicalDevices, A, CriminalLaw1997InForce, iv, 60, 120, false, false, "五年以上十年以下有期徒刑（后果特别严重）", "5 to 10 years (especially serious consequences)", a145Old),
            P(CriminalOffence.SubstandardMedicalDevices, E, CriminalLaw1997InForce, iv, 120, 180, true, false, "十年以上有期徒刑或者无期徒刑（情节特别恶劣）", "10 years or more, or life (especially heinous)", a145Old),
            P(CriminalOffence.SubstandardMedicalDevices, B, iv, null, 1, 36, false, false, "三年以下有期徒刑或者拘役", "up to 3 years or detention", a145),
            P(CriminalOffence.SubstandardMedicalDevices, A, iv, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", a145),
            P(CriminalOffence.SubstandardMedicalDevices, E, iv, null, 120, 180, true, false, "十年以上有期徒刑或者无期徒刑", "10 years or more, or life", a145),

            P(CriminalOffence.UnsafeProducts, B, CriminalLaw1997InForce, null, 6, 60, false, false, "五年以下有期徒刑", "up to 5 years", a146),
            P(CriminalOffence.UnsafeProducts, E, CriminalLaw1997InForce, null, 60, 180, false, false, "五年以上有期徒刑", "5 years or more", a146),

            P(CriminalOffence.ShoddyAgriculturalInputs, B, CriminalLaw1997InForce, null, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", a147),
            P(CriminalOffence.ShoddyAgriculturalInputs, A, CriminalLaw1997InForce, null, 36, 84, false, false, "三年以上七年以下有期徒刑", "3 to 7 years", a147),
            P(CriminalOffence.ShoddyAgriculturalInputs, E, CriminalLaw1997InForce, null, 84, 180, true, false, "七年以上有期徒刑或者无期徒刑", "7 years or more, or life", a147),

            P(CriminalOffence.SubstandardCosmetics, B, CriminalLaw1997InForce, null, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", a148),

            P(CriminalOffence.CounterfeitRegisteredMark, B, CriminalLaw1997InForce, xi, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", ipOld),
            P(CriminalOffence.CounterfeitRegisteredMark, E, CriminalLaw1997InForce, xi, 36, 84, false, false, "三年以上七年以下有期徒刑", "3 to 7 years", ipOld),
            P(CriminalOffence.CounterfeitRegisteredMark, B, xi, null, 0, 36, false, false, "三年以下有期徒刑，并处或者单处罚金", "up to 3 years, or a fine alone", ip),
            P(CriminalOffence.CounterfeitRegisteredMark, E, xi, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", ip),
            P(CriminalOffence.SellingCounterfeitMarkGoods, B, CriminalLaw1997InForce, xi, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", ipOld with { Status = VS }),
            P(CriminalOffence.SellingCounterfeitMarkGoods, E, CriminalLaw1997InForce, xi, 36, 84, false, false, "三年以上七年以下有期徒刑", "3 to 7 years", ipOld with { Status = VS }),
            P(CriminalOffence.SellingCounterfeitMarkGoods, B, xi, null, 0, 36, false, false, "三年以下有期徒刑，并处或者单处罚金", "up to 3 years, or a fine alone", ip),
            P(CriminalOffence.SellingCounterfeitMarkGoods, E, xi, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", ip),
            P(CriminalOffence.CounterfeitMarkLabels, B, CriminalLaw1997InForce, xi, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", ipOld),
            P(CriminalOffence.CounterfeitMarkLabels, E, CriminalLaw1997InForce, xi, 36, 84, false, false, "三年以上七年以下有期徒刑", "3 to 7 years", ipOld),
            P(CriminalOffence.CounterfeitMarkLabels, B, xi, null, 0, 36, false, false, "三年以下有期徒刑，并处或者单处罚金", "up to 3 years, or a fine alone", ip),
            P(CriminalOffence.CounterfeitMarkLabels, E, xi, null, 36, 120, false, false, "三年以上十年以下有期徒刑", "3 to 10 years", ip),

            P(CriminalOffence.PassingOffPatents, B, CriminalLaw1997InForce, null, 0, 36, false, false, "三年以下有期徒刑或者拘役，并处或者单处罚金", "up to 3 years or detention, or a fine alone", a216),
            P(CriminalOffence.FalseAdvertising, B, CriminalLaw1997InForce, null, 0, 24, false, false, "二年以下有期徒刑或者拘役，并处或者单处罚金", "up to 2 years or detention, or a fine alone", a222),
            P(CriminalOffence.IllegalFoodBusiness, B, CriminalLaw1997InForce, null, 0, 60, false, false, "五年以下有期徒刑或者拘役，并处或者单处罚金", "up to 5 years or detention, or a fine alone", a225),
            P(CriminalOffence.IllegalFoodBusiness, E, CriminalLaw1997InForce, null, 60, 180, false, false, "五年以上有期徒刑", "5 years or more", a225),
        ];
    }
}
