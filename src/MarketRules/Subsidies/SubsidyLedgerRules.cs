using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>Where the budget step puts a claim: the phase that takes it and the amount, or no room anywhere.</summary>
/// <param name="Fits">Whether a phase (the one asked for, or a later one when wait-listing) has room.</param>
/// <param name="PhaseIndex">The index of the phase that takes the claim, or of the phase asked for when nothing fits.</param>
/// <param name="Amount">The amount at that phase's rate; zero when nothing fits.</param>
/// <param name="WaitListedFromPhase">The number of the phase the claim was wait-listed from, or <see langword="null"/>.</param>
public readonly record struct SubsidyAllocation(bool Fits, int PhaseIndex, Money Amount, int? WaitListedFromPhase);

/// <summary>
/// The rules every <see cref="ISubsidyLedger"/> applies, as functions of the ledger's state, so that a ledger over a
/// database decides exactly as the in-memory one: the value of a uniqueness key, the budget step (phase budget, phase
/// quota, overall budget and quota, wait-listing), the expiry of a hold, the journal's reason codes, and the balances
/// rebuilt from a journal.
/// </summary>
/// <remarks>
/// <para>A ledger decides a reservation in this order, atomically: a repeated claim id returns the first answer; a key
/// held by a live claim (reserved or paid) rejects with <c>MR.Subsidy.AlreadySubsidised</c>; no room rejects with
/// <c>MR.Subsidy.BudgetExhausted</c>; otherwise the keys and the amount are taken together. A claim rejected for budget
/// never held a key, so no claim is ever refused as already subsidised because of a claim that was itself refused.</para>
/// <para>This type is stateless and thread-safe.</para>
/// </remarks>
public static class SubsidyLedgerRules
{
    /// <summary>The value of a uniqueness key of a claim (normalised as the claim holds it), or <see langword="null"/> when the claim has none.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when absent or empty.</returns>
    public static string? KeyValue(in SubsidyClaim claim, SubsidyUniquenessKey key)
    {
        var value = key switch
        {
            SubsidyUniquenessKey.PersonId => claim.Applicant.Value,
            SubsidyUniquenessKey.OldPlate => claim.OldPlate,
            SubsidyUniquenessKey.OldFrame => claim.OldFrameNumber,
            SubsidyUniquenessKey.NewFrame => claim.NewFrameNumber,
            _ => null,
        };
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// The budget step: the phase asked for when its budget, its quota and the overall budget and quota all have room,
    /// else (with <see cref="SubsidyExhaustionPolicy.WaitListNextPhase"/>) the first later phase with room, at that
    /// phase's amount; else no room.
    /// </summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="claim">The claim (its price and batteries decide the amount).</param>
    /// <param name="phaseIndex">The index of the phase in force at completion.</param>
    /// <param name="balances">The ledger's balances now, one per phase in order.</param>
    /// <returns>Where the claim goes.</returns>
    public static SubsidyAllocation Allocate(SubsidyScheme scheme, in SubsidyClaim claim, int phaseIndex, IReadOnlyList<SubsidyPhaseBalance> balances)
    {
        Preconditions.CheckNotNull(scheme);
        Preconditions.CheckNotNull(balances);
        Preconditions.CheckArgumentRange(phaseIndex, 0, scheme.Phases.Length - 1);
        Preconditions.CheckArgument(balances.Count == scheme.Phases.Length, nameof(balances), "one balance per phase");
        long overallFen = 0;
        var overallCount = 0;
        foreach (var b in balances)
        {
            overallFen += b.Reserved.Fen + b.Paid.Fen;
            overallCount += b.ReservedCount + b.PaidCount;
        }
        return Allocate(scheme, claim, phaseIndex, new BalanceTakings(balances), overallFen, overallCount);
    }

    /// <summary>What is held or paid against each phase, however a ledger keeps it (balances, or running totals).</summary>
    internal interface IPhaseTakings
    {
        /// <summary>Held or paid in the phase at <paramref name="index"/>, in fen.</summary>
        long TakenFen(int index);

        /// <summary>Claims held or paid in the phase at <paramref name="index"/>.</summary>
        int TakenCount(int index);
    }

    private readonly struct BalanceTakings(IReadOnlyList<SubsidyPhaseBalance> balances) : IPhaseTakings
    {
        public long TakenFen(int index) => balances[index].Reserved.Fen + balances[index].Paid.Fen;

        public int TakenCount(int index) => balances[index].ReservedCount + balances[index].PaidCount;
    }

    /// <summary>
    /// The budget step itself, written once for every ledger: the in-memory ledger reads its running totals through
    /// <typeparamref name="TTakings"/> (a struct, so nothing is allocated or boxed), a database ledger its balances.
    /// </summary>
    internal static SubsidyAllocation Allocate<TTakings>(SubsidyScheme scheme, in SubsidyClaim claim, int phaseIndex, TTakings takings, long overallFen, int overallCount)
        where TTakings : struct, IPhaseTakings
    {
        int? waitListedFrom = null;
        for (var index = phaseIndex; ; index++)
        {
            var amount = scheme.ComputeAmount(index, claim.Price, claim.LithiumToLeadAcid);
            var phase = scheme.Phases[index];
            if (Fits(phase.Budget, phase.Quota, takings.TakenFen(index), takings.TakenCount(index), amount.Fen) &&
                Fits(scheme.OverallBudget, scheme.OverallQuota, overallFen, overallCount, amount.Fen))
            {
                return new SubsidyAllocation(true, index, amount, waitListedFrom);
            }
            if (scheme.Exhaustion != SubsidyExhaustionPolicy.WaitListNextPhase || index + 1 >= scheme.Phases.Length)
            {
                return new SubsidyAllocation(false, phaseIndex, Money.Zero, waitListedFrom);
            }
            waitListedFrom ??= phaseIndex + 1;
        }
    }

    /// <summary>
    /// Decides a new claim id (not a repeat) against the ledger's state read inside the ledger's transaction: a key
    /// held by a live claim refuses it as already subsidised; else the budget step (<see cref="Allocate"/>) reserves it
    /// or refuses it for budget. Nothing is taken: the ledger writes what the answer says, in the same transaction.
    /// </summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="claim">The claim.</param>
    /// <param name="phaseIndex">The index of the phase in force at completion.</param>
    /// <param name="conflict">The first of the claim's keys (in <see cref="SubsidyScheme.UniquenessKeys"/> order) held by a live claim, with that claim's id, or <see langword="null"/>.</param>
    /// <param name="balances">The balances, one per phase.</param>
    /// <param name="at">When the ledger records it (dates the hold and its expiry), or <see langword="null"/> without a clock.</param>
    /// <returns>The reservation to record: <see cref="SubsidyReservationState.Reserved"/> (with the phase's remaining budget after it) or <see cref="SubsidyReservationState.Rejected"/>.</returns>
    public static SubsidyReservation Decide(SubsidyScheme scheme, in SubsidyClaim claim, int phaseIndex, (SubsidyUniquenessKey Key, string ClaimId)? conflict,
        IReadOnlyList<SubsidyPhaseBalance> balances, Instant? at)
    {
        Preconditions.CheckNotNull(scheme);
        Preconditions.CheckNotNull(balances);
        var asked = scheme.Phases[phaseIndex];
        if (conflict is { } c)
        {
            return new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Rejected, asked.Number, Money.Zero, balances[phaseIndex].Remaining, asked.Citation)
            {
                Rejection = SubsidyErrors.AlreadySubsidised,
                ConflictingKey = c.Key,
                ConflictingClaimId = c.ClaimId,
                ReservedAt = at,
            };
        }
        var allocation = Allocate(scheme, claim, phaseIndex, balances);
        if (!allocation.Fits)
        {
            return new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Rejected, asked.Number, Money.Zero, balances[phaseIndex].Remaining, asked.Citation)
            {
                Rejection = SubsidyErrors.BudgetExhausted,
                WaitListedFromPhase = allocation.WaitListedFromPhase,
                ReservedAt = at,
            };
        }
        var phase = scheme.Phases[allocation.PhaseIndex];
        var remaining = balances[allocation.PhaseIndex].Remaining is { } r ? r - allocation.Amount : (Money?)null;
        return new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Reserved, phase.Number, allocation.Amount, remaining, phase.Citation)
        {
            WaitListedFromPhase = allocation.WaitListedFromPhase,
            ReservedAt = at,
            ExpiresAt = at is { } t ? ExpiryOf(scheme, t) : null,
        };
    }

    /// <summary>The stored name of a state: <c>reserved</c>, <c>confirmed</c>, <c>released</c>, <c>rejected</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Name(SubsidyReservationState state) => state switch
    {
        SubsidyReservationState.Reserved => "reserved",
        SubsidyReservationState.Confirmed => "confirmed",
        SubsidyReservationState.Released => "released",
        _ => "rejected",
    };

    /// <summary>The stored name of a journal line's kind: <c>reserved</c>, <c>confirmed</c>, <c>released</c>, <c>rejected</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(SubsidyLedgerEntryKind kind) => Name((SubsidyReservationState)(int)kind);

    /// <summary>The stored name of a uniqueness key: <c>person-id</c>, <c>old-plate</c>, <c>old-frame</c>, <c>new-frame</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The name.</returns>
    public static string Name(SubsidyUniquenessKey key) => SubsidyClaimInputValidator.Kebab(key);

    /// <summary>Reads a stored state name.</summary>
    /// <param name="name">The name (<see cref="Name(SubsidyReservationState)"/>).</param>
    /// <returns>The state.</returns>
    /// <exception cref="FormatException">Thrown for an unknown name.</exception>
    public static SubsidyReservationState ParseState(string name) => name switch
    {
        "reserved" => SubsidyReservationState.Reserved,
        "confirmed" => SubsidyReservationState.Confirmed,
        "released" => SubsidyReservationState.Released,
        "rejected" => SubsidyReservationState.Rejected,
        _ => throw new FormatException($"Unknown reservation state '{name}'"),
    };

    /// <summary>Reads a stored uniqueness key name.</summary>
    /// <param name="name">The name (<see cref="Name(SubsidyUniquenessKey)"/>).</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">Thrown for an unknown name.</exception>
    public static SubsidyUniquenessKey ParseKey(string name)
    {
        foreach (var key in Enum.GetValues<SubsidyUniquenessKey>())
        {
            if (Name(key) == name)
            {
                return key;
            }
        }
        throw new FormatException($"Unknown uniqueness key '{name}'");
    }

    /// <summary>The ledger's message for a stored rejection or release code, or <see langword="null"/>.</summary>
    /// <param name="code">The code, e.g. <c>MR.Subsidy.BudgetExhausted</c>.</param>
    /// <returns>The message definition, or <see langword="null"/> for none or an unknown code.</returns>
    public static MessageDefinition? Message(string? code) => code switch
    {
        "MR.Subsidy.AlreadySubsidised" => SubsidyErrors.AlreadySubsidised,
        "MR.Subsidy.BudgetExhausted" => SubsidyErrors.BudgetExhausted,
        "MR.Subsidy.ReservationExpired" => SubsidyErrors.ReservationExpired,
        "MR.Subsidy.Released" => SubsidyErrors.Released,
        "MR.Subsidy.Confirmed" => SubsidyErrors.Confirmed,
        "MR.Subsidy.Reserved" => SubsidyErrors.Reserved,
        _ => null,
    };

    /// <summary>The citation of a journal line: the expiry's citation for a lapsed hold, else the phase's.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="phaseNumber">The line's phase.</param>
    /// <param name="reasonCode">The line's reason code.</param>
    /// <returns>The citation.</returns>
    public static Citation CitationOf(SubsidyScheme scheme, int phaseNumber, string reasonCode) =>
        reasonCode == SubsidyErrors.ReservationExpired.Code ? Preconditions.CheckNotNull(scheme).ReservationExpiryCitation : scheme.Phases[phaseNumber - 1].Citation;

    /// <summary>The error a ledger answers when a settled claim is asked to settle the other way.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="state">Its state.</param>
    /// <param name="target">What was asked: <see cref="SubsidyReservationState.Confirmed"/> or <see cref="SubsidyReservationState.Released"/>.</param>
    /// <returns><c>MR.Subsidy.InvalidLedgerTransition</c>.</returns>
    public static RuleError InvalidTransition(string claimId, SubsidyReservationState state, SubsidyReservationState target) =>
        SubsidyErrors.InvalidLedgerTransition.Create("$.claimId", ("ClaimId", claimId), ("State", Name(state)),
            ("Operation", target == SubsidyReservationState.Confirmed ? "confirmed" : "released"));

    /// <summary>The error a ledger answers for a claim id it never saw.</summary>
    /// <param name="claimId">The claim.</param>
    /// <returns><c>MR.Subsidy.UnknownClaim</c>.</returns>
    public static RuleError UnknownClaim(string claimId) => SubsidyErrors.UnknownClaim.Create("$.claimId", ("ClaimId", claimId));

    /// <summary>Whether an amount fits a budget and a quota given what is already held or paid against them.</summary>
    /// <param name="budget">The budget, or <see langword="null"/> for none.</param>
    /// <param name="quota">The quota, or <see langword="null"/> for none.</param>
    /// <param name="takenFen">Held or paid so far.</param>
    /// <param name="takenCount">Claims held or paid so far.</param>
    /// <param name="fen">The amount asked for.</param>
    /// <returns>Whether both have room.</returns>
    public static bool Fits(Money? budget, int? quota, long takenFen, int takenCount, long fen) =>
        (budget is null || takenFen + fen <= budget.Value.Fen) && (quota is null || takenCount < quota.Value);

    /// <summary>When a hold made at an instant lapses under a scheme.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="reservedAt">When the reservation was made.</param>
    /// <returns><paramref name="reservedAt"/> plus <see cref="SubsidyScheme.ReservationExpiry"/>.</returns>
    public static Instant ExpiryOf(SubsidyScheme scheme, Instant reservedAt) => reservedAt + Preconditions.CheckNotNull(scheme).ReservationExpiry;

    /// <summary>The reason code of a journal line: what a ledger writes for each kind of line.</summary>
    /// <param name="kind">The line's kind.</param>
    /// <param name="rejection">For a rejection, why; for a release, <see cref="SubsidyErrors.ReservationExpired"/> when the hold lapsed.</param>
    /// <returns>The code.</returns>
    public static string ReasonCode(SubsidyLedgerEntryKind kind, MessageDefinition? rejection = null) => kind switch
    {
        SubsidyLedgerEntryKind.Reserved => SubsidyErrors.Reserved.Code,
        SubsidyLedgerEntryKind.Confirmed => SubsidyErrors.Confirmed.Code,
        SubsidyLedgerEntryKind.Released => (rejection ?? SubsidyErrors.Released).Code,
        _ => (rejection ?? SubsidyErrors.BudgetExhausted).Code,
    };

    /// <summary>The zeroed balances of a scheme, one per phase (what a new ledger starts from).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The balances.</returns>
    public static SubsidyLedgerSnapshot Empty(SubsidyScheme scheme) =>
        new([.. Preconditions.CheckNotNull(scheme).Phases.Select(p => new SubsidyPhaseBalance(p.Number, p.Budget, p.Quota, Money.Zero, Money.Zero, 0, 0))], scheme.OverallBudget);

    /// <summary>
    /// Rebuilds the balances from a journal: each reservation holds its amount in its phase, a confirmation moves a
    /// held amount to paid, a release returns it, a rejection moves nothing. A ledger whose balances differ from the
    /// replay of its own journal is corrupt.
    /// </summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="journal">The journal (any order: it is replayed in sequence order).</param>
    /// <returns>The balances the journal adds up to.</returns>
    /// <exception cref="InvalidOperationException">Thrown when a line settles a claim that holds nothing (a confirmation or release without a reservation, or twice).</exception>
    public static SubsidyLedgerSnapshot Replay(SubsidyScheme scheme, IEnumerable<SubsidyLedgerEntry> journal)
    {
        Preconditions.CheckNotNull(scheme);
        Preconditions.CheckNotNull(journal);
        var n = scheme.Phases.Length;
        var reserved = new long[n];
        var paid = new long[n];
        var reservedCount = new int[n];
        var paidCount = new int[n];
        var open = new Dictionary<string, (int Phase, long Fen)>(StringComparer.Ordinal);
        foreach (var line in journal.OrderBy(l => l.Sequence))
        {
            switch (line.Kind)
            {
                case SubsidyLedgerEntryKind.Reserved:
                    var i = line.PhaseNumber - 1;
                    reserved[i] += line.Amount.Fen;
                    reservedCount[i]++;
                    open.Add(line.ClaimId, (i, line.Amount.Fen));
                    break;
                case SubsidyLedgerEntryKind.Confirmed or SubsidyLedgerEntryKind.Released:
                    if (!open.Remove(line.ClaimId, out var held))
                    {
                        throw new InvalidOperationException($"Journal line {line.Sequence} settles claim {line.ClaimId}, which holds nothing");
                    }
                    reserved[held.Phase] -= held.Fen;
                    reservedCount[held.Phase]--;
                    if (line.Kind == SubsidyLedgerEntryKind.Confirmed)
                    {
                        paid[held.Phase] += held.Fen;
                        paidCount[held.Phase]++;
                    }
                    break;
                default:
                    break;
            }
        }
        return new SubsidyLedgerSnapshot([.. scheme.Phases.Select((p, i) =>
            new SubsidyPhaseBalance(p.Number, p.Budget, p.Quota, Money.FromFen(reserved[i]), Money.FromFen(paid[i]), reservedCount[i], paidCount[i]))], scheme.OverallBudget);
    }
}
