using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// One phase of a scheme: its window in Asia/Shanghai, the amount per vehicle, and its own budget and quota.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SubsidyPhase
{
    internal SubsidyPhase(int number, LocalizedText name, LocalDateTime start, LocalDateTime end, Money amount, decimal? rateOfPrice,
        Money? budget, int? quota, Citation citation)
    {
        Number = number;
        Name = name;
        StartLocal = start;
        EndLocal = end;
        Start = start.InZoneStrictly(LegalTime.Zone).ToInstant();
        EndExclusive = end.PlusSeconds(1).InZoneStrictly(LegalTime.Zone).ToInstant();
        Amount = amount;
        RateOfPrice = rateOfPrice;
        Budget = budget;
        Quota = quota;
        Citation = citation;
    }

    /// <summary>The phase's number, from 1.</summary>
    public int Number { get; }

    /// <summary>The phase's name, e.g. <c>6月 / June</c>.</summary>
    public LocalizedText Name { get; }

    /// <summary>The first second of the phase, as the scheme states it in Asia/Shanghai.</summary>
    public LocalDateTime StartLocal { get; }

    /// <summary>The last second of the phase, as the scheme states it in Asia/Shanghai (inclusive: <c>2022-06-30T23:59:59</c>).</summary>
    public LocalDateTime EndLocal { get; }

    /// <summary>The first instant of the phase.</summary>
    public Instant Start { get; }

    /// <summary>The first instant after the phase: one second after <see cref="EndLocal"/>, so the whole last second is in.</summary>
    public Instant EndExclusive { get; }

    /// <summary>The amount per vehicle; when <see cref="RateOfPrice"/> is set, the cap of the share of the price.</summary>
    public Money Amount { get; }

    /// <summary>The share of the new bike's price paid (0.15 for 15 %), capped at <see cref="Amount"/>; <see langword="null"/> for a fixed amount.</summary>
    public decimal? RateOfPrice { get; }

    /// <summary>The phase's budget, or <see langword="null"/> when the scheme sets none for it.</summary>
    public Money? Budget { get; }

    /// <summary>The phase's number of recipients, or <see langword="null"/> when unlimited.</summary>
    public int? Quota { get; }

    /// <summary>Where the amount and budget come from.</summary>
    public Citation Citation { get; }

    /// <summary>Whether an instant falls in this phase.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether <see cref="Start"/> ≤ instant &lt; <see cref="EndExclusive"/>.</returns>
    public bool Contains(Instant instant) => instant >= Start && instant < EndExclusive;

    /// <inheritdoc />
    public override string ToString() => $"phase {Number} {StartLocal:uuuu-MM-dd'T'HH:mm:ss}–{EndLocal:uuuu-MM-dd'T'HH:mm:ss} {Amount}";
}

/// <summary>An amount added to the phase amount when a condition holds (e.g. lithium traded for lead-acid).</summary>
/// <param name="Id">A stable id, e.g. <c>lithium-to-lead-acid</c>.</param>
/// <param name="Condition">When the extra applies.</param>
/// <param name="Amount">The amount added.</param>
/// <param name="Citation">Where the extra comes from.</param>
public sealed record SubsidyExtra(string Id, SubsidyExtraCondition Condition, Money Amount, Citation Citation);

/// <summary>Evidence a step of the trade-in needs.</summary>
/// <param name="Step">The step.</param>
/// <param name="Evidence">The evidence.</param>
public sealed record SubsidyEvidenceRequirement(SubsidyStep Step, SubsidyEvidence Evidence);

/// <summary>
/// An e-bike trade-in subsidy scheme as data (a policy pack of its own): who may claim, when, how much in each phase,
/// within which budget, once per which keys, with which evidence, and what happens when a phase's money runs out.
/// Read one with <see cref="Parse"/>; the shipped schemes are in <see cref="SubsidySchemes"/>.
/// </summary>
/// <remarks>
/// <para>Every time is stated in Asia/Shanghai and both ends are inclusive to the second, as notices state them
/// ("2022年6月1日0时至6月30日24时"): a claim completed at 23:59:59 on 30 June is in June. Instants from other
/// zones (a UTC timestamp) are converted.</para>
/// <para>This type is immutable and thread-safe. It is validated in full when read.</para>
/// </remarks>
public sealed class SubsidyScheme
{
    internal SubsidyScheme(string id, string version, Jurisdiction jurisdiction, LocalizedText title, Citation citation,
        LocalDateTime validFrom, LocalDateTime validTo, ImmutableArray<SubsidyPhase> phases, Money? overallBudget, int? overallQuota,
        ImmutableArray<SubsidyUniquenessKey> uniquenessKeys, ImmutableArray<SubsidyEvidenceRequirement> evidence,
        SubsidyExhaustionPolicy exhaustion, SubsidyRounding rounding, Money? minimumNewBikePrice, ImmutableArray<SubsidyExtra> extras,
        Duration? reservationExpiry = null, Citation? reservationExpiryCitation = null)
    {
        ReservationExpiry = reservationExpiry ?? DefaultReservationExpiry;
        ReservationExpiryCitation = reservationExpiry is null ? DefaultReservationExpiryCitation : reservationExpiryCitation ?? citation;
        ReservationExpiryIsDefault = reservationExpiry is null;
        Id = id;
        Version = version;
        Jurisdiction = jurisdiction;
        Title = title;
        Citation = citation;
        ValidFromLocal = validFrom;
        ValidToLocal = validTo;
        ValidFrom = validFrom.InZoneStrictly(LegalTime.Zone).ToInstant();
        ValidUntil = validTo.PlusSeconds(1).InZoneStrictly(LegalTime.Zone).ToInstant();
        FirstDay = validFrom.Date;
        LastDay = validTo.Date;
        Phases = phases;
        OverallBudget = overallBudget;
        OverallQuota = overallQuota;
        UniquenessKeys = uniquenessKeys;
        Evidence = evidence;
        Exhaustion = exhaustion;
        Rounding = rounding;
        MinimumNewBikePrice = minimumNewBikePrice;
        Extras = extras;
        foreach (var requirement in evidence)
        {
            RequiredEvidenceMask |= 1 << (int)requirement.Evidence;
        }
        foreach (var key in uniquenessKeys)
        {
            UniquenessMask |= 1 << (int)key;
        }
    }

    /// <summary>
    /// How long an unpaid reservation holds its money when a scheme states no period of its own: 72 hours. No law,
    /// regulation or notice found sets one (the law is silent), so this is MarketRules' own default, cited as such
    /// (<see cref="DefaultReservationExpiryCitation"/>); a scheme states its own with <c>reservationExpiry</c>.
    /// </summary>
    public static readonly Duration DefaultReservationExpiry = Duration.FromHours(72);

    /// <summary>The citation of <see cref="DefaultReservationExpiry"/>: MarketRules' own value, because the law is silent.</summary>
    public static readonly Citation DefaultReservationExpiryCitation = new(
        new LocalizedText("MarketRules 默认值：补贴预留保留期限（法律法规及已知实施细则均未规定）", "MarketRules default: how long a subsidy reservation is held (no law, regulation or known implementing rule sets it)"),
        null, VerificationStatus.ProjectRequirement)
    {
        Note = "The law is silent. 72 hours gives a payment platform three days to settle or retry an e-CNY transfer. " +
            "Not a legal value: a scheme whose notice sets a period states it as reservationExpiry with that notice's citation.",
    };

    /// <summary>The scheme's stable id, e.g. <c>gongshu-2022-ebike-tradein</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// How long a reservation holds its amount unpaid before <see cref="ISubsidyLedger.ReleaseExpired"/> returns it to the
    /// budget: the scheme's own <c>reservationExpiry</c>, or <see cref="DefaultReservationExpiry"/> when it states none.
    /// </summary>
    public Duration ReservationExpiry { get; }

    /// <summary>Where <see cref="ReservationExpiry"/> comes from: the scheme's citation for it, or <see cref="DefaultReservationExpiryCitation"/>.</summary>
    public Citation ReservationExpiryCitation { get; }

    /// <summary>Whether <see cref="ReservationExpiry"/> is MarketRules' default because the scheme (and the law) states none.</summary>
    public bool ReservationExpiryIsDefault { get; }

    /// <summary>The scheme's version.</summary>
    public string Version { get; }

    /// <summary>The jurisdiction that pays (GB/T 2260).</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The scheme's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The document the scheme encodes.</summary>
    public Citation Citation { get; }

    /// <summary>The first second of the scheme's window, Asia/Shanghai.</summary>
    public LocalDateTime ValidFromLocal { get; }

    /// <summary>The last second of the scheme's window, Asia/Shanghai (inclusive).</summary>
    public LocalDateTime ValidToLocal { get; }

    /// <summary>The first instant of the window.</summary>
    public Instant ValidFrom { get; }

    /// <summary>The first instant after the window.</summary>
    public Instant ValidUntil { get; }

    /// <summary>The phases in time order; they do not overlap and lie inside the window.</summary>
    public ImmutableArray<SubsidyPhase> Phases { get; }

    /// <summary>The budget over all phases, or <see langword="null"/>.</summary>
    public Money? OverallBudget { get; }

    /// <summary>The number of recipients over all phases, or <see langword="null"/>.</summary>
    public int? OverallQuota { get; }

    /// <summary>The keys that may be paid once.</summary>
    public ImmutableArray<SubsidyUniquenessKey> UniquenessKeys { get; }

    /// <summary>The evidence each step needs.</summary>
    public ImmutableArray<SubsidyEvidenceRequirement> Evidence { get; }

    /// <summary>What happens when a phase's budget runs out.</summary>
    public SubsidyExhaustionPolicy Exhaustion { get; }

    /// <summary>How shares of the price are rounded.</summary>
    /// <value>The default value is <see cref="SubsidyRounding.DownToFen"/>.</value>
    public SubsidyRounding Rounding { get; }

    /// <summary>The lowest price of a new bike that qualifies, or <see langword="null"/>.</summary>
    public Money? MinimumNewBikePrice { get; }

    /// <summary>Extras added to the phase amount.</summary>
    public ImmutableArray<SubsidyExtra> Extras { get; }

    internal int RequiredEvidenceMask { get; }

    internal LocalDate FirstDay { get; }

    internal LocalDate LastDay { get; }

    internal int UniquenessMask { get; }

    /// <summary>Whether a key is paid only once under this scheme.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it is a uniqueness key.</returns>
    public bool IsUnique(SubsidyUniquenessKey key) => (UniquenessMask & (1 << (int)key)) != 0;

    /// <summary>Whether an instant falls in the scheme's window.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether it is inside.</returns>
    public bool IsInWindow(Instant instant) => instant >= ValidFrom && instant < ValidUntil;

    /// <summary>Finds the phase in force at an instant.</summary>
    /// <param name="instant">The instant (any zone: it is compared as an instant).</param>
    /// <returns>The phase's index in <see cref="Phases"/>, or -1 when none is in force.</returns>
    public int PhaseIndexAt(Instant instant)
    {
        var phases = Phases;
        for (var i = 0; i < phases.Length; i++)
        {
            if (phases[i].Contains(instant))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Computes the amount of a phase for a claim: the fixed amount, or the share of the price rounded as declared and capped; plus extras.</summary>
    /// <param name="phaseIndex">The phase's index.</param>
    /// <param name="price">The new bike's price.</param>
    /// <param name="lithiumToLeadAcid">Whether a lithium bike was traded for a lead-acid one.</param>
    /// <returns>The amount.</returns>
    public Money ComputeAmount(int phaseIndex, Money price, bool lithiumToLeadAcid)
    {
        Preconditions.CheckArgumentRange(phaseIndex, 0, Phases.Length - 1);
        var phase = Phases[phaseIndex];
        var amount = phase.Amount;
        if (phase.RateOfPrice is { } rate)
        {
            var share = price.Fen * rate;
            var fen = Rounding == SubsidyRounding.DownToYuan ? decimal.Floor(share / 100m) * 100m : decimal.Floor(share);
            amount = Money.FromFen(Math.Min((long)fen, phase.Amount.Fen));
        }
        if (lithiumToLeadAcid)
        {
            foreach (var extra in Extras)
            {
                if (extra.Condition == SubsidyExtraCondition.LithiumToLeadAcid)
                {
                    amount += extra.Amount;
                }
            }
        }
        return amount;
    }

    /// <summary>Reads and validates a scheme.</summary>
    /// <param name="json">The scheme's JSON (see <c>docs/subsidies.md</c>).</param>
    /// <returns>The scheme, or every coded error found, each with its JSON path.</returns>
    [Pure]
    public static RuleResult<SubsidyScheme> Parse(string json) => SubsidySchemeReader.Parse(json);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Jurisdiction})";
}
