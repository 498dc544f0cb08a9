using System.Collections.Immutable;

namespace MarketRules.Subsidies;

/// <summary>
/// A trade-in claim as a caller sends it (JSON): who claims, the old bike and how it was disposed of, the new bike and
/// its registration, when the whole process completed, and the evidence supplied. Validated at the boundary by
/// <see cref="SubsidyClaimInputValidator"/> and then converted to a <see cref="SubsidyClaim"/>.
/// </summary>
/// <remarks>A missing step (no recycling time, no new plate) is a domain outcome ("not eligible"), not an error; a
/// malformed value (an identity number with a wrong check character) is an error.</remarks>
public sealed record SubsidyClaimInput
{
    /// <summary>The claim's id, unique per scheme: a repeated id is the same claim (idempotency).</summary>
    public string? ClaimId { get; init; }

    /// <summary>The applicant's 18-character resident identity number.</summary>
    public string? ApplicantId { get; init; }

    /// <summary>The old bike's plate.</summary>
    public string? OldPlate { get; init; }

    /// <summary>The old bike's frame number; required when the scheme makes it a uniqueness key.</summary>
    public string? OldFrameNumber { get; init; }

    /// <summary>Whether the old bike is on the register of non-standard e-bikes (备案非标), as the registration platform answers.</summary>
    public bool? OldRegisteredNonStandard { get; init; }

    /// <summary>The resident identity number of the old bike's registered owner.</summary>
    public string? OldOwnerId { get; init; }

    /// <summary>The old bike's battery.</summary>
    public BatteryKind? OldBattery { get; init; }

    /// <summary>When the old bike was handed to the recycling point, or <see langword="null"/> if it was not.</summary>
    public Instant? RecycledAt { get; init; }

    /// <summary>Whether the recycling point is authorised by the scheme.</summary>
    public bool? RecyclerAuthorised { get; init; }

    /// <summary>When the old plate was cancelled, or <see langword="null"/> if it was not.</summary>
    public Instant? OldPlateCancelledAt { get; init; }

    /// <summary>The new bike's frame number.</summary>
    public string? NewFrameNumber { get; init; }

    /// <summary>The standard the new bike was made to.</summary>
    public EBikeStandard? NewStandard { get; init; }

    /// <summary>The new bike's CCC certificate number, or <see langword="null"/> when it has none.</summary>
    public string? NewCccCertificate { get; init; }

    /// <summary>The purchase date (Asia/Shanghai).</summary>
    public LocalDate? PurchaseDate { get; init; }

    /// <summary>The new bike's production date, when known (decides the GB 17761-2018 sell-through window).</summary>
    public LocalDate? ProductionDate { get; init; }

    /// <summary>The new bike's price in fen.</summary>
    public long? NewPriceFen { get; init; }

    /// <summary>The new bike's battery.</summary>
    public BatteryKind? NewBattery { get; init; }

    /// <summary>The new bike's plate, or <see langword="null"/> when it was not registered.</summary>
    public string? NewPlate { get; init; }

    /// <summary>When the new bike was registered, or <see langword="null"/>.</summary>
    public Instant? NewRegisteredAt { get; init; }

    /// <summary>When the applicant completed the whole trade-in: the instant that orders claims and picks the phase.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>The evidence supplied (none when omitted: a default array reads as empty).</summary>
    public ImmutableArray<SubsidyEvidence> Evidence { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Keys the payment register says were already paid under this scheme (for the stateless rule; the ledger checks for itself); none when omitted.</summary>
    public ImmutableArray<SubsidyUniquenessKey> PreviouslySubsidised { get; init => field = value.IsDefault ? [] : value; } = [];
}

/// <summary>
/// A claim checked at the boundary and ready for the fast evaluation path: normalised identifiers and typed facts.
/// Build one with <see cref="SubsidyClaim.FromInput"/>, or directly when the facts come from trusted systems.
/// </summary>
/// <remarks>This type is immutable and thread-safe. The default value of this type is an empty claim that no scheme grants.</remarks>
public readonly record struct SubsidyClaim
{
    /// <summary>The claim's id.</summary>
    public string ClaimId { get; init; }

    /// <summary>The applicant.</summary>
    public ResidentIdNumber Applicant { get; init; }

    /// <summary>The old bike's normalised plate.</summary>
    public string OldPlate { get; init; }

    /// <summary>The old bike's normalised frame number, or <see langword="null"/>.</summary>
    public string? OldFrameNumber { get; init; }

    /// <summary>Whether the old bike is a registered non-standard e-bike.</summary>
    public bool OldRegisteredNonStandard { get; init; }

    /// <summary>Whether the old bike's registered owner is the applicant.</summary>
    public bool OwnedByApplicant { get; init; }

    /// <summary>The old bike's battery.</summary>
    public BatteryKind OldBattery { get; init; }

    /// <summary>When the old bike was handed in, or <see langword="null"/>.</summary>
    public Instant? RecycledAt { get; init; }

    /// <summary>Whether the recycler is authorised.</summary>
    public bool RecyclerAuthorised { get; init; }

    /// <summary>When the old plate was cancelled, or <see langword="null"/>.</summary>
    public Instant? OldPlateCancelledAt { get; init; }

    /// <summary>The new bike's normalised frame number.</summary>
    public string NewFrameNumber { get; init; }

    /// <summary>The new bike's standard.</summary>
    public EBikeStandard NewStandard { get; init; }

    /// <summary>Whether the new bike has a CCC certificate.</summary>
    public bool HasCcc { get; init; }

    /// <summary>The purchase date.</summary>
    public LocalDate PurchaseDate { get; init; }

    /// <summary>The production date, or <see langword="null"/>.</summary>
    public LocalDate? ProductionDate { get; init; }

    /// <summary>The new bike's price.</summary>
    public Money Price { get; init; }

    /// <summary>The new bike's battery.</summary>
    public BatteryKind NewBattery { get; init; }

    /// <summary>The new bike's normalised plate, or <see langword="null"/>.</summary>
    public string? NewPlate { get; init; }

    /// <summary>When the new bike was registered, or <see langword="null"/>.</summary>
    public Instant? NewRegisteredAt { get; init; }

    /// <summary>When the whole process completed.</summary>
    public Instant CompletedAt { get; init; }

    /// <summary>The evidence supplied, one bit per <see cref="SubsidyEvidence"/>.</summary>
    public int EvidenceMask { get; init; }

    /// <summary>Keys already paid per the register, one bit per <see cref="SubsidyUniquenessKey"/>.</summary>
    public int PreviouslySubsidisedMask { get; init; }

    /// <summary>Whether a lithium bike was traded for a lead-acid one.</summary>
    public bool LithiumToLeadAcid => OldBattery == BatteryKind.Lithium && NewBattery == BatteryKind.LeadAcid;

    /// <summary>Converts an input that passed <see cref="SubsidyClaimInputValidator"/>.</summary>
    /// <param name="input">The validated input.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when the input was not validated and an identifier is malformed.</exception>
    [System.Diagnostics.Contracts.Pure]
    public static SubsidyClaim FromInput(SubsidyClaimInput input)
    {
        Utility.Preconditions.CheckNotNull(input);
        var applicant = ResidentIdNumber.Parse(input.ApplicantId).GetValueOrThrow();
        var owner = input.OldOwnerId is null ? (ResidentIdNumber?)null : ResidentIdNumber.Parse(input.OldOwnerId).GetValueOrThrow();
        var evidence = 0;
        foreach (var e in input.Evidence)
        {
            evidence |= 1 << (int)e;
        }
        var paid = 0;
        foreach (var k in input.PreviouslySubsidised)
        {
            paid |= 1 << (int)k;
        }
        return new SubsidyClaim
        {
            ClaimId = input.ClaimId ?? "",
            Applicant = applicant,
            OldPlate = VehicleIdentifiers.NormalizePlate(input.OldPlate) ?? "",
            OldFrameNumber = VehicleIdentifiers.NormalizeFrameNumber(input.OldFrameNumber),
            OldRegisteredNonStandard = input.OldRegisteredNonStandard == true,
            OwnedByApplicant = owner == applicant,
            OldBattery = input.OldBattery ?? BatteryKind.Unknown,
            RecycledAt = input.RecycledAt,
            RecyclerAuthorised = input.RecyclerAuthorised == true,
            OldPlateCancelledAt = input.OldPlateCancelledAt,
            NewFrameNumber = VehicleIdentifiers.NormalizeFrameNumber(input.NewFrameNumber) ?? "",
            NewStandard = input.NewStandard ?? EBikeStandard.Unknown,
            HasCcc = !string.IsNullOrWhiteSpace(input.NewCccCertificate),
            PurchaseDate = input.PurchaseDate ?? default,
            ProductionDate = input.ProductionDate,
            Price = Money.FromFen(input.NewPriceFen ?? 0),
            NewBattery = input.NewBattery ?? BatteryKind.Unknown,
            NewPlate = VehicleIdentifiers.NormalizePlate(input.NewPlate),
            NewRegisteredAt = input.NewRegisteredAt,
            CompletedAt = input.CompletedAt ?? default,
            EvidenceMask = evidence,
            PreviouslySubsidisedMask = paid,
        };
    }
}
