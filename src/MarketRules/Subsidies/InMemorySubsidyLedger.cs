using System.Collections.Concurrent;
using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// A thread-safe in-memory <see cref="ISubsidyLedger"/>. Idempotency and uniqueness are lock-free (concurrent
/// dictionaries: the first claim to insert a key owns it); the budget arithmetic of all phases sits behind one small
/// lock held for a few comparisons and additions, so a phase budget, a phase quota and the overall budget are checked
/// and taken together — correctness first, and never beyond any of them.
/// </summary>
/// <remarks>
/// <para>Claims are served in the order they reach the ledger. First come, first served by completion instant means
/// submitting in completion order: <see cref="SubsidyAllocator.SubmitInOrder"/> sorts a batch so.</para>
/// <para>A repeated claim id returns the first answer unchanged, even when the claim's content differs: resubmit a
/// corrected claim under a new id.</para>
/// <para>This type is thread-safe. It is deliberately mutable.</para>
/// </remarks>
[Mutable]
public sealed class InMemorySubsidyLedger : ISubsidyLedger
{
    private const int Pending = -1;

    private readonly ConcurrentDictionary<string, ClaimRecord> claims;
    private readonly ConcurrentDictionary<(SubsidyUniquenessKey Kind, string Value), string> keys;
    private readonly ConcurrentQueue<SubsidyLedgerEntry> journal = new();
    private readonly Lock gate = new();
    private readonly PhaseState[] phases;
    private long sequence;
    private long overallTaken;
    private int overallCount;

    /// <summary>Creates an empty ledger for a scheme.</summary>
    /// <param name="scheme">The scheme.</param>
    public InMemorySubsidyLedger(SubsidyScheme scheme)
        : this(scheme, 0)
    {
    }

    /// <summary>Creates an empty ledger sized for a number of claims, so its tables never grow under load.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="expectedClaims">The number of claims expected (0 to let the tables grow).</param>
    public InMemorySubsidyLedger(SubsidyScheme scheme, int expectedClaims)
    {
        Scheme = Preconditions.CheckNotNull(scheme);
        Preconditions.CheckArgumentRange(expectedClaims, 0, 100_000_000);
        var concurrency = Math.Max(Environment.ProcessorCount, 1) * 4;
        claims = new(concurrency, Math.Max(expectedClaims, 31), StringComparer.Ordinal);
        keys = new(concurrency, Math.Max(expectedClaims * Math.Max(scheme.UniquenessKeys.Length, 1), 31), EqualityComparer<(SubsidyUniquenessKey, string)>.Default);
        phases = [.. scheme.Phases.Select(p => new PhaseState(p))];
    }

    /// <inheritdoc />
    public SubsidyScheme Scheme { get; }

    /// <inheritdoc />
    public SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex)
    {
        Preconditions.CheckArgument(!string.IsNullOrEmpty(claim.ClaimId), nameof(claim), "A claim needs an id");
        Preconditions.CheckArgumentRange(phaseIndex, 0, phases.Length - 1);
        var record = new ClaimRecord();
        var existing = claims.GetOrAdd(claim.ClaimId, record);
        if (!ReferenceEquals(existing, record))
        {
            return new SubsidyReserveResult(Current(existing), IsRepeat: true);
        }

        // Uniqueness: the first claim to insert a key owns it until it is released.
        var held = new List<(SubsidyUniquenessKey, string)>(4);
        foreach (var kind in Scheme.UniquenessKeys)
        {
            var value = KeyValue(claim, kind);
            if (value is null)
            {
                continue;
            }
            var key = (kind, value);
            if (keys.TryAdd(key, claim.ClaimId))
            {
                held.Add(key);
                continue;
            }
            keys.TryGetValue(key, out var holder);
            ReleaseKeys(held, claim.ClaimId);
            var phase = Scheme.Phases[phaseIndex];
            return Publish(record, new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Rejected, phase.Number, Money.Zero, phases[phaseIndex].RemainingLocked(gate), phase.Citation)
            {
                Rejection = SubsidyErrors.AlreadySubsidised,
                ConflictingKey = kind,
                ConflictingClaimId = holder,
            }, SubsidyLedgerEntryKind.Rejected, SubsidyErrors.AlreadySubsidised.Code);
        }
        record.Keys = held;

        // Budget: take from the phase in force, or wait-list into the next phases when the scheme says so.
        var waitListedFrom = (int?)null;
        var index = phaseIndex;
        Money amount;
        Money? remaining;
        var taken = false;
        lock (gate)
        {
            while (true)
            {
                amount = Scheme.ComputeAmount(index, claim.Price, claim.LithiumToLeadAcid);
                if (phases[index].Fits(amount.Fen) && OverallFits(amount.Fen))
                {
                    phases[index].Take(amount.Fen);
                    overallTaken += amount.Fen;
                    overallCount++;
                    taken = true;
                    break;
                }
                if (Scheme.Exhaustion != SubsidyExhaustionPolicy.WaitListNextPhase || index + 1 >= phases.Length)
                {
                    break;
                }
                waitListedFrom ??= phaseIndex + 1;
                index++;
            }
            remaining = phases[index].Remaining;
        }
        var phaseTaken = Scheme.Phases[index];
        if (!taken)
        {
            ReleaseKeys(held, claim.ClaimId);
            var asked = Scheme.Phases[phaseIndex];
            return Publish(record, new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Rejected, asked.Number, Money.Zero, phases[phaseIndex].RemainingLocked(gate), asked.Citation)
            {
                Rejection = SubsidyErrors.BudgetExhausted,
                WaitListedFromPhase = waitListedFrom,
            }, SubsidyLedgerEntryKind.Rejected, SubsidyErrors.BudgetExhausted.Code);
        }
        record.PhaseIndex = index;
        record.AmountFen = amount.Fen;
        return Publish(record, new SubsidyReservation(claim.ClaimId, SubsidyReservationState.Reserved, phaseTaken.Number, amount, remaining, phaseTaken.Citation)
        {
            WaitListedFromPhase = waitListedFrom,
        }, SubsidyLedgerEntryKind.Reserved, SubsidyErrors.Reserved.Code);
    }

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Confirm(string claimId) => Settle(claimId, SubsidyReservationState.Confirmed);

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Release(string claimId) => Settle(claimId, SubsidyReservationState.Released);

    /// <inheritdoc />
    public SubsidyReservation? Find(string claimId) =>
        claims.TryGetValue(Preconditions.CheckNotNull(claimId), out var record) ? Current(record) : null;

    /// <inheritdoc />
    public SubsidyLedgerSnapshot Snapshot()
    {
        lock (gate)
        {
            return new SubsidyLedgerSnapshot([.. phases.Select(p => p.ToBalance())], Scheme.OverallBudget);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<SubsidyLedgerEntry> Entries() => [.. journal.OrderBy(e => e.Sequence)];

    private RuleResult<SubsidyReservation> Settle(string claimId, SubsidyReservationState target)
    {
        Preconditions.CheckNotNull(claimId);
        if (!claims.TryGetValue(claimId, out var record))
        {
            return RuleResult<SubsidyReservation>.Failure(SubsidyErrors.UnknownClaim.Create("$.claimId", ("ClaimId", claimId)));
        }
        WaitUntilDecided(record);
        var previous = Interlocked.CompareExchange(ref record.State, (int)target, (int)SubsidyReservationState.Reserved);
        if (previous == (int)target)
        {
            return RuleResult<SubsidyReservation>.Success(Current(record));
        }
        if (previous != (int)SubsidyReservationState.Reserved)
        {
            return RuleResult<SubsidyReservation>.Failure(SubsidyErrors.InvalidLedgerTransition.Create("$.claimId", ("ClaimId", claimId),
                ("State", SubsidyClaimInputValidator.Kebab((SubsidyReservationState)previous)),
                ("Operation", target == SubsidyReservationState.Confirmed ? "confirmed" : "released")));
        }
        Money? remaining;
        var phase = phases[record.PhaseIndex];
        lock (gate)
        {
            if (target == SubsidyReservationState.Confirmed)
            {
                phase.Pay(record.AmountFen);
            }
            else
            {
                phase.Return(record.AmountFen);
                overallTaken -= record.AmountFen;
                overallCount--;
            }
            remaining = phase.Remaining;
        }
        if (target == SubsidyReservationState.Released)
        {
            ReleaseKeys(record.Keys, claimId);
        }
        var result = Current(record);
        journal.Enqueue(new SubsidyLedgerEntry(Interlocked.Increment(ref sequence), claimId,
            target == SubsidyReservationState.Confirmed ? SubsidyLedgerEntryKind.Confirmed : SubsidyLedgerEntryKind.Released,
            result.PhaseNumber, result.Amount, remaining, SubsidyErrors.Reserved.Code, result.Citation));
        return RuleResult<SubsidyReservation>.Success(result);
    }

    private SubsidyReserveResult Publish(ClaimRecord record, SubsidyReservation reservation, SubsidyLedgerEntryKind kind, string code)
    {
        record.Reservation = reservation;
        Volatile.Write(ref record.State, (int)reservation.State);
        journal.Enqueue(new SubsidyLedgerEntry(Interlocked.Increment(ref sequence), reservation.ClaimId, kind, reservation.PhaseNumber,
            reservation.Amount, reservation.PhaseRemaining, code, reservation.Citation));
        return new SubsidyReserveResult(reservation, IsRepeat: false);
    }

    private static SubsidyReservation Current(ClaimRecord record)
    {
        WaitUntilDecided(record);
        var state = (SubsidyReservationState)Volatile.Read(ref record.State);
        var reservation = record.Reservation!;
        return reservation.State == state ? reservation : reservation with { State = state };
    }

    private static void WaitUntilDecided(ClaimRecord record)
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref record.State) == Pending)
        {
            spin.SpinOnce();
        }
    }

    private void ReleaseKeys(List<(SubsidyUniquenessKey, string)>? held, string claimId)
    {
        if (held is null)
        {
            return;
        }
        foreach (var key in held)
        {
            keys.TryRemove(new KeyValuePair<(SubsidyUniquenessKey, string), string>(key, claimId));
        }
    }

    private bool OverallFits(long fen) =>
        (Scheme.OverallBudget is not { } budget || overallTaken + fen <= budget.Fen) &&
        (Scheme.OverallQuota is not { } quota || overallCount < quota);

    private static string? KeyValue(in SubsidyClaim claim, SubsidyUniquenessKey kind) => kind switch
    {
        SubsidyUniquenessKey.PersonId => claim.Applicant.Value,
        SubsidyUniquenessKey.OldPlate => claim.OldPlate,
        SubsidyUniquenessKey.OldFrame => claim.OldFrameNumber,
        SubsidyUniquenessKey.NewFrame => claim.NewFrameNumber,
        _ => null,
    };

    private sealed class ClaimRecord
    {
        public int State = Pending;
        public SubsidyReservation? Reservation;
        public List<(SubsidyUniquenessKey, string)>? Keys;
        public int PhaseIndex;
        public long AmountFen;
    }

    // Guarded by the ledger's gate.
    private sealed class PhaseState(SubsidyPhase phase)
    {
        private long reservedFen;
        private long paidFen;
        private int reservedCount;
        private int paidCount;

        public Money? Remaining => phase.Budget is { } b ? Money.FromFen(b.Fen - reservedFen - paidFen) : null;

        public Money? RemainingLocked(Lock gate)
        {
            lock (gate)
            {
                return Remaining;
            }
        }

        public bool Fits(long fen) =>
            (phase.Budget is not { } budget || reservedFen + paidFen + fen <= budget.Fen) &&
            (phase.Quota is not { } quota || reservedCount + paidCount < quota);

        public void Take(long fen)
        {
            reservedFen += fen;
            reservedCount++;
        }

        public void Pay(long fen)
        {
            reservedFen -= fen;
            reservedCount--;
            paidFen += fen;
            paidCount++;
        }

        public void Return(long fen)
        {
            reservedFen -= fen;
            reservedCount--;
        }

        public SubsidyPhaseBalance ToBalance() =>
            new(phase.Number, phase.Budget, phase.Quota, Money.FromFen(reservedFen), Money.FromFen(paidFen), reservedCount, paidCount);
    }
}
