using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Referral;

/// <summary>The sentencing band the facts reach, where the law ties it to an amount or a fact.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SentencingBand>))]
public enum SentencingBand
{
    /// <summary>No criminal threshold reached.</summary>
    None = 0,

    /// <summary>The basic band (数额较大, 情节严重, 足以…).</summary>
    Base = 1,

    /// <summary>The second band (e.g. Art 140 sales ≥ 200,000; serious harm to health; 其他严重情节 of Arts 143–144).</summary>
    Aggravated = 2,

    /// <summary>The third band (数额巨大, 情节特别严重, 后果特别严重; Art 140 sales ≥ 500,000).</summary>
    EspeciallySerious = 3,

    /// <summary>The fourth band of Art 140 (sales ≥ 2,000,000: 15 years or life).</summary>
    Gravest = 4,
}

/// <summary>A fact of harm or circumstance that makes the case criminal without an amount.</summary>
[Flags]
[JsonConverter(typeof(KebabCaseEnumConverter<FactTriggers>))]
public enum FactTriggers
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The act itself is the crime (Arts 141, 144).</summary>
    ActItself = 1,

    /// <summary>Injury or death.</summary>
    InjuryOrDeath = 2,

    /// <summary>An established fact of harm (<see cref="HarmFacts"/>).</summary>
    Harm = 4,

    /// <summary>Art 149(1): a product of Arts 141–148 that is not that crime but reaches the Art 140 sales threshold.</summary>
    FallbackToArt140 = 8,

    /// <summary>Art 149(2): both the specific crime and Art 140 apply; the provision with the heavier punishment applies (<see cref="ReferralDecision.LighterOffence"/> is the one set aside).</summary>
    HeavierOfBoth = 16,

    /// <summary>State Council Order 310 Art 3(2): an IP case with a reasonable suspicion of a crime is transferred so that the police can establish the amounts.</summary>
    ReasonableSuspicion = 32,
}

/// <summary>
/// The referral decision in a few machine words: whether to transfer, under which article and band, the decisive
/// threshold and its margin, the nearest missed threshold, and whether today's law differs. Made without allocating;
/// ask <see cref="CriminalReferral.Explain"/> for the full checks and citations.
/// </summary>
public readonly record struct ReferralDecision
{
    /// <summary>Whether the case must be transferred to the police (State Council Order 310 Art 3).</summary>
    public bool Refer { get; init; }

    /// <summary>The offence as charged: the specific article, or Art 140 when Art 149(1) falls back to it.</summary>
    public CriminalOffence Offence { get; init; }

    /// <summary>The sentencing band reached.</summary>
    public SentencingBand Band { get; init; }

    /// <summary>Whether only an attempt (未遂) threshold was reached, e.g. unsold goods only before 2025-04-26.</summary>
    public bool IsAttempt { get; init; }

    /// <summary>The facts of harm that triggered, if any.</summary>
    public FactTriggers Facts { get; init; }

    /// <summary>The bits of the referral thresholds reached (bit n = <see cref="ReferralThreshold"/> n), under the law of the act date.</summary>
    public UInt128 Triggered { get; init; }

    /// <summary>The first threshold reached, when <see cref="HasDecisiveThreshold"/>.</summary>
    public ReferralThreshold DecisiveThreshold { get; init; }

    /// <summary>Whether a threshold (rather than only a fact) was reached.</summary>
    public bool HasDecisiveThreshold { get; init; }

    /// <summary>How far the decisive threshold was exceeded, in its unit (yuan or pieces); 0 when exactly at it.</summary>
    public decimal Margin => HasDecisiveThreshold ? ReferralParameters.InUnit(DecisiveThreshold, MarginRaw) : 0m;

    // Kept in fen or pieces: decimal arithmetic costs more than the rest of a decision, so it waits until asked for.
    internal long MarginRaw { get; init; }

    internal long ShortfallRaw { get; init; }

    /// <summary>The threshold missed by the smallest fraction, when <see cref="HasNearestMiss"/>.</summary>
    public ReferralThreshold NearestMiss { get; init; }

    /// <summary>Whether some threshold was checked and missed.</summary>
    public bool HasNearestMiss { get; init; }

    /// <summary>How much is missing to reach <see cref="NearestMiss"/>, in its unit.</summary>
    public decimal Shortfall => HasNearestMiss ? ReferralParameters.InUnit(NearestMiss, ShortfallRaw) : 0m;

    /// <summary>The date the applied article's standard (its element and the thresholds it uses) took force.</summary>
    public LocalDate LawFrom { get; init; }

    /// <summary>The element the applied law required and the facts do not establish (e.g. endangerment for Art 141 before 2011-05-01); <see cref="OffenceElement.None"/> when nothing is missing.</summary>
    public OffenceElement MissingElement { get; init; }

    /// <summary>Under Art 149(2), the provision set aside because it punishes less heavily; <see cref="CriminalOffence.Unspecified"/> otherwise.</summary>
    public CriminalOffence LighterOffence { get; init; }

    /// <summary>The band the set-aside provision would have applied.</summary>
    public SentencingBand LighterBand { get; init; }

    /// <summary>
    /// Whether the thresholds applied are those in force on the decision date because no interpretation defined the
    /// element when the act was done (2001 time-effect rule Art 2; decision 0014): Art 214 and service marks under
    /// Art 213 for acts from 2021-03-01 to 2025-04-25, Art 225 (food) for acts from 2013-05-04 to 2021-12-31.
    /// </summary>
    public bool InterpretationOfDecisionDate { get; init; }

    /// <summary>Whether both laws make it a crime and the decision-date law punishes less heavily, so it applies (Criminal Law Art 12).</summary>
    public bool LaterLawLighter { get; init; }

    /// <summary>
    /// Whether the law of the decision date answers these facts differently from the law of the act date: a crime or
    /// not, the band, an attempt or a completed offence, or the thresholds reached. A change of law that gives these
    /// facts the same answer is not reported.
    /// </summary>
    public bool LawChanged { get; init; }

    /// <summary>Whether the facts would reach a threshold under the law of the decision date.</summary>
    public bool ReferUnderCurrentLaw { get; init; }

    /// <summary>Whether the act-date law made it a crime but the later law no longer does, so the more lenient law applies (Criminal Law Art 12).</summary>
    public bool LaterLawMoreLenient { get; init; }

    /// <summary>Whether the given threshold was reached.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Whether its bit is set.</returns>
    [System.Diagnostics.Contracts.Pure]
    public bool HasTriggered(ReferralThreshold threshold) => (Triggered & (UInt128.One << (int)threshold)) != UInt128.Zero;
}
