using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Subsidies;

/// <summary>Where a claim stands in the ledger.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyReservationState>))]
public enum SubsidyReservationState
{
    /// <summary>The amount is held against the budget, awaiting payment.</summary>
    Reserved = 0,

    /// <summary>Paid: the amount is spent.</summary>
    Confirmed = 1,

    /// <summary>The payment failed or was withdrawn: the amount went back to the budget and the keys are free again.</summary>
    Released = 2,

    /// <summary>Refused by the ledger (a key already paid, or no budget); nothing is held.</summary>
    Rejected = 3,
}

/// <summary>What a ledger journal line records.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyLedgerEntryKind>))]
public enum SubsidyLedgerEntryKind
{
    /// <summary>An amount was reserved.</summary>
    Reserved = 0,

    /// <summary>A reservation was paid.</summary>
    Confirmed = 1,

    /// <summary>A reservation was released and its amount returned.</summary>
    Released = 2,

    /// <summary>A reservation was refused.</summary>
    Rejected = 3,
}

/// <summary>A claim's place in the ledger, with the explanation of the allocation: phase, amount, remaining budget, citation.</summary>
/// <param name="ClaimId">The claim's id.</param>
/// <param name="State">The state when this snapshot was taken.</param>
/// <param name="PhaseNumber">The phase whose budget holds the amount (after any wait-listing), or the phase asked for when rejected.</param>
/// <param name="Amount">The amount held or paid; zero when rejected.</param>
/// <param name="PhaseRemaining">The phase's remaining budget right after the reservation, or <see langword="null"/> when the phase has no budget.</param>
/// <param name="Citation">The citation of the phase's amount and budget.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SubsidyReservation(string ClaimId, SubsidyReservationState State, int PhaseNumber, Money Amount, Money? PhaseRemaining, Citation Citation)
{
    /// <summary>The phase the claim was wait-listed from, or <see langword="null"/>.</summary>
    public int? WaitListedFromPhase { get; init; }

    /// <summary>Why the ledger refused the claim (<c>MR.Subsidy.AlreadySubsidised</c> or <c>MR.Subsidy.BudgetExhausted</c>), or <see langword="null"/>.</summary>
    public MessageDefinition? Rejection { get; init; }

    /// <summary>For <c>MR.Subsidy.AlreadySubsidised</c>: the key already held.</summary>
    public SubsidyUniquenessKey? ConflictingKey { get; init; }

    /// <summary>For <c>MR.Subsidy.AlreadySubsidised</c>: the claim holding that key.</summary>
    public string? ConflictingClaimId { get; init; }

    /// <summary>When the ledger recorded the reservation (or the rejection), or <see langword="null"/> when the ledger has no clock.</summary>
    public Instant? ReservedAt { get; init; }

    /// <summary>
    /// When an unpaid hold lapses: <see cref="ReservedAt"/> plus the scheme's <see cref="SubsidyScheme.ReservationExpiry"/>.
    /// From then on <see cref="ISubsidyLedger.ReleaseExpired"/> returns the amount to the budget and frees the keys.
    /// <see langword="null"/> for a rejection, or when the ledger has no clock.
    /// </summary>
    public Instant? ExpiresAt { get; init; }
}

/// <summary>The answer of <see cref="ISubsidyLedger.Reserve"/>: the reservation and whether the claim id had been seen before.</summary>
/// <param name="Reservation">The reservation (for a repeat, the first one, in its current state).</param>
/// <param name="IsRepeat">Whether the claim id had reached the ledger before (idempotency: nothing changed).</param>
public readonly record struct SubsidyReserveResult(SubsidyReservation Reservation, bool IsRepeat);

/// <summary>One line of the ledger's journal.</summary>
/// <param name="Sequence">The order in which the ledger recorded the line (from 1).</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Kind">What happened.</param>
/// <param name="PhaseNumber">The phase concerned.</param>
/// <param name="Amount">The amount moved (zero for a rejection).</param>
/// <param name="PhaseRemaining">The phase's remaining budget after the line, or <see langword="null"/> when it has no budget.</param>
/// <param name="ReasonCode">The code explaining the line (<c>MR.Subsidy.Reserved</c>, <c>MR.Subsidy.BudgetExhausted</c>…).</param>
/// <param name="Citation">The citation of the phase's amount.</param>
public sealed record SubsidyLedgerEntry(long Sequence, string ClaimId, SubsidyLedgerEntryKind Kind, int PhaseNumber, Money Amount, Money? PhaseRemaining,
    string ReasonCode, Citation Citation)
{
    /// <summary>When the ledger recorded the line, or <see langword="null"/> when the ledger has no clock.</summary>
    public Instant? At { get; init; }
}

/// <summary>A phase's money at one moment.</summary>
/// <param name="PhaseNumber">The phase.</param>
/// <param name="Budget">Its budget, or <see langword="null"/>.</param>
/// <param name="Quota">Its quota, or <see langword="null"/>.</param>
/// <param name="Reserved">Held, awaiting payment.</param>
/// <param name="Paid">Paid.</param>
/// <param name="ReservedCount">Claims held.</param>
/// <param name="PaidCount">Claims paid.</param>
public sealed record SubsidyPhaseBalance(int PhaseNumber, Money? Budget, int? Quota, Money Reserved, Money Paid, int ReservedCount, int PaidCount)
{
    /// <summary>The budget neither held nor paid, or <see langword="null"/> when the phase has no budget.</summary>
    public Money? Remaining => Budget is { } b ? b - Reserved - Paid : null;
}

/// <summary>The ledger's balances at one moment, consistent across phases.</summary>
/// <param name="Phases">Per phase.</param>
/// <param name="OverallBudget">The overall budget, or <see langword="null"/>.</param>
public sealed record SubsidyLedgerSnapshot(ImmutableArray<SubsidyPhaseBalance> Phases, Money? OverallBudget)
{
    /// <summary>Held over all phases.</summary>
    public Money Reserved => Phases.Aggregate(Money.Zero, (sum, p) => sum + p.Reserved);

    /// <summary>Paid over all phases.</summary>
    public Money Paid => Phases.Aggregate(Money.Zero, (sum, p) => sum + p.Paid);
}

/// <summary>
/// The budget store of one scheme: reserve an amount for an eligible claim, then confirm it (paid) or release it (the
/// payment failed: the money goes back). Implementations are idempotent by claim id, never pay a uniqueness key twice,
/// and never exceed a budget or quota, however many threads call them.
/// </summary>
public interface ISubsidyLedger
{
    /// <summary>The scheme whose budget this is.</summary>
    SubsidyScheme Scheme { get; }

    /// <summary>Reserves the amount of an eligible claim in a phase (wait-listing into later phases when the scheme says so).</summary>
    /// <param name="claim">The claim, already assessed eligible.</param>
    /// <param name="phaseIndex">The index of the phase in force at its completion.</param>
    /// <returns>The reservation, or the first one for a repeated claim id.</returns>
    SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex);

    /// <summary>Marks a reservation paid. Confirming a paid claim again changes nothing.</summary>
    /// <param name="claimId">The claim.</param>
    /// <returns>The reservation, or <c>MR.Subsidy.UnknownClaim</c> / <c>MR.Subsidy.InvalidLedgerTransition</c> (nothing changed).</returns>
    RuleResult<SubsidyReservation> Confirm(string claimId);

    /// <summary>Releases a reservation whose payment failed: the amount returns to its phase and the keys are free. Releasing again changes nothing.</summary>
    /// <param name="claimId">The claim.</param>
    /// <returns>The reservation, or <c>MR.Subsidy.UnknownClaim</c> / <c>MR.Subsidy.InvalidLedgerTransition</c> (nothing changed).</returns>
    RuleResult<SubsidyReservation> Release(string claimId);

    /// <summary>
    /// Releases every reservation whose hold lapsed (<see cref="SubsidyReservation.ExpiresAt"/> at or before
    /// <paramref name="now"/>) and is still unpaid: the amount returns to its phase and the keys are free, with a journal
    /// line coded <c>MR.Subsidy.ReservationExpired</c>. Idempotent: a hold released once is not returned again, and a
    /// hold confirmed or released meanwhile is left as it is (each claim settles exactly once).
    /// </summary>
    /// <param name="now">The instant to compare the expiries with.</param>
    /// <returns>The reservations this call released, in their released state.</returns>
    ImmutableArray<SubsidyReservation> ReleaseExpired(Instant now);

    /// <summary>Finds a claim's reservation in its current state.</summary>
    /// <param name="claimId">The claim.</param>
    /// <returns>The reservation, or <see langword="null"/>.</returns>
    SubsidyReservation? Find(string claimId);

    /// <summary>The balances, consistent across phases.</summary>
    /// <returns>The snapshot.</returns>
    SubsidyLedgerSnapshot Snapshot();

    /// <summary>The journal, in sequence order.</summary>
    /// <returns>The entries.</returns>
    ImmutableArray<SubsidyLedgerEntry> Entries();
}
