using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// A thread-safe in-memory <see cref="ISubsidyLedger"/>: a dictionary per table and one lock. Each operation runs
/// whole under the lock — the claim id, every uniqueness key, the phase budget, the phase quota and the overall budget
/// are checked and taken together — so the ledger is never beyond any budget, never pays a key twice, and refuses a
/// claim for the right reason (see <see cref="SubsidyLedgerRules"/>). The lock is held for a few dictionary look-ups
/// and additions; the claims live in one array of structs, so the ledger keeps no heap object per claim.
/// </summary>
/// <remarks>
/// <para>Claims are served in the order they reach the ledger. First come, first served by completion instant means
/// submitting in completion order: <see cref="SubsidyAllocator.SubmitInOrder"/> sorts a batch so.</para>
/// <para>A repeated claim id returns the first answer unchanged, even when the claim's content differs: resubmit a
/// corrected claim under a new id.</para>
/// <para>Holds expire only when the ledger has a clock (<see cref="InMemorySubsidyLedger(SubsidyScheme, IClock, int)"/>):
/// each reservation then carries <see cref="SubsidyReservation.ExpiresAt"/> and <see cref="ReleaseExpired"/> returns lapsed holds.</para>
/// <para>Everything is lost when the process stops: use a durable ledger (MarketRules.Subsidies.Sqlite or
/// MarketRules.Subsidies.PostgreSql) to run a real phase.</para>
/// <para>This type is thread-safe. It is deliberately mutable.</para>
/// </remarks>
[Mutable]
public sealed class InMemorySubsidyLedger : ISubsidyLedger
{
    private const int KeyKinds = 4;

    private readonly Lock gate = new();
    private readonly IClock? clock;
    private readonly Dictionary<string, int> claims;
    private readonly Dictionary<string, int>?[] keys = new Dictionary<string, int>?[KeyKinds];
    private readonly SubsidyUniquenessKey[] keyKinds;
    private readonly PhaseState[] phases;
    private readonly string[] reasonCodes;
    private ClaimRecord[] records;
    private int recordCount;
    private JournalLine[] journal;
    private int journalCount;
    private long overallFen;
    private int overallCount;

    /// <summary>Creates an empty ledger for a scheme, without a clock: its holds never expire.</summary>
    /// <param name="scheme">The scheme.</param>
    public InMemorySubsidyLedger(SubsidyScheme scheme)
        : this(scheme, 0)
    {
    }

    /// <summary>Creates an empty ledger sized for a number of claims, so its tables never grow under load; without a clock, its holds never expire.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="expectedClaims">The number of claims expected (0 to let the tables grow).</param>
    public InMemorySubsidyLedger(SubsidyScheme scheme, int expectedClaims)
        : this(scheme, null, expectedClaims)
    {
    }

    /// <summary>Creates an empty ledger whose reservations expire after the scheme's <see cref="SubsidyScheme.ReservationExpiry"/>, read on a clock.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="clock">The clock that dates reservations and journal lines.</param>
    /// <param name="expectedClaims">The number of claims expected (0 to let the tables grow).</param>
    public InMemorySubsidyLedger(SubsidyScheme scheme, IClock? clock, int expectedClaims = 0)
    {
        Scheme = Preconditions.CheckNotNull(scheme);
        Preconditions.CheckArgumentRange(expectedClaims, 0, 100_000_000);
        this.clock = clock;
        claims = new(Math.Max(expectedClaims, 16), StringComparer.Ordinal);
        keyKinds = [.. scheme.UniquenessKeys.Where(k => (int)k is >= 0 and < KeyKinds)];
        foreach (var kind in keyKinds)
        {
            keys[(int)kind] = new(Math.Max(expectedClaims, 16), StringComparer.Ordinal);
        }
        phases = [.. scheme.Phases.Select(p => new PhaseState(p))];
        reasonCodes = [SubsidyErrors.Reserved.Code, SubsidyErrors.Confirmed.Code, SubsidyErrors.Released.Code, SubsidyErrors.ReservationExpired.Code,
            SubsidyErrors.AlreadySubsidised.Code, SubsidyErrors.BudgetExhausted.Code];
        records = new ClaimRecord[Math.Max(expectedClaims, 16)];
        journal = new JournalLine[Math.Max(expectedClaims * 2, 64)];
    }

    /// <inheritdoc />
    public SubsidyScheme Scheme { get; }

    /// <inheritdoc />
    public SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex)
    {
        Preconditions.CheckArgument(!string.IsNullOrEmpty(claim.ClaimId), nameof(claim), "A claim needs an id");
        Preconditions.CheckArgumentRange(phaseIndex, 0, phases.Length - 1);
        var at = clock?.GetCurrentInstant();
        lock (gate)
        {
            // One probe of the claims table: the id's slot, found or added.
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(claims, claim.ClaimId, out var seen);
            if (seen)
            {
                return new SubsidyReserveResult(ToReservation(records[slot]), IsRepeat: true);
            }
            if (recordCount == records.Length)
            {
                Array.Resize(ref records, records.Length * 2);
            }
            var id = slot = recordCount++;
            ref var record = ref records[id];
            record = new ClaimRecord(claim.ClaimId, at);

            // The budget step first (no table is touched), then the keys: a key held by a live claim (reserved or paid)
            // refuses the claim as already subsidised whatever the budget says, and nothing is taken unless both pass.
            var index = phaseIndex;
            int? waitListedFrom = null;
            long amount;
            bool fits;
            while (true)
            {
                amount = Scheme.ComputeAmount(index, claim.Price, claim.LithiumToLeadAcid).Fen;
                fits = phases[index].Fits(amount) && SubsidyLedgerRules.Fits(Scheme.OverallBudget, Scheme.OverallQuota, overallFen, overallCount, amount);
                if (fits || Scheme.Exhaustion != SubsidyExhaustionPolicy.WaitListNextPhase || index + 1 >= phases.Length)
                {
                    break;
                }
                waitListedFrom ??= phaseIndex + 1;
                index++;
            }
            if (!fits)
            {
                foreach (var kind in keyKinds)
                {
                    if (SubsidyLedgerRules.KeyValue(claim, kind) is { } value && keys[(int)kind]!.TryGetValue(value, out var holder))
                    {
                        return RejectAsAlreadySubsidised(id, phaseIndex, kind, holder, at);
                    }
                }
                record.PhaseIndex = phaseIndex;
                record.RemainingFen = phases[phaseIndex].RemainingFen;
                record.Rejection = SubsidyErrors.BudgetExhausted;
                record.WaitListedFromPhase = waitListedFrom ?? 0;
                Append(id, SubsidyLedgerEntryKind.Rejected, phaseIndex, 0, Code.BudgetExhausted, at);
                return new SubsidyReserveResult(ToReservation(record), IsRepeat: false);
            }

            // One probe per key: its slot, found (held: undo the keys taken so far) or taken.
            for (var k = 0; k < keyKinds.Length; k++)
            {
                var kind = keyKinds[k];
                if (SubsidyLedgerRules.KeyValue(claim, kind) is not { } value)
                {
                    continue;
                }
                ref var holderSlot = ref CollectionsMarshal.GetValueRefOrAddDefault(keys[(int)kind]!, value, out var held);
                if (held)
                {
                    var holder = holderSlot;
                    for (var undo = 0; undo < k; undo++)
                    {
                        if (record.KeyOf((int)keyKinds[undo]) is { } taken)
                        {
                            keys[(int)keyKinds[undo]]!.Remove(taken);
                        }
                    }
                    record.ClearKeys();
                    return RejectAsAlreadySubsidised(id, phaseIndex, kind, holder, at);
                }
                holderSlot = id;
                record.SetKey(kind, value);
            }
            phases[index].Take(amount);
            overallFen += amount;
            overallCount++;
            record.State = SubsidyReservationState.Reserved;
            record.PhaseIndex = index;
            record.AmountFen = amount;
            record.RemainingFen = phases[index].RemainingFen;
            record.WaitListedFromPhase = waitListedFrom ?? 0;
            record.ExpiresAt = at is { } t ? SubsidyLedgerRules.ExpiryOf(Scheme, t) : null;
            Append(id, SubsidyLedgerEntryKind.Reserved, index, amount, Code.Reserved, at);
            return new SubsidyReserveResult(ToReservation(record), IsRepeat: false);
        }
    }

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Confirm(string claimId) => Settle(claimId, SubsidyReservationState.Confirmed, null);

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Release(string claimId) => Settle(claimId, SubsidyReservationState.Released, null);

    /// <inheritdoc />
    public ImmutableArray<SubsidyReservation> ReleaseExpired(Instant now)
    {
        var released = ImmutableArray.CreateBuilder<SubsidyReservation>();
        lock (gate)
        {
            for (var id = 0; id < recordCount; id++)
            {
                if (records[id].State == SubsidyReservationState.Reserved && records[id].ExpiresAt is { } expires && expires <= now)
                {
                    released.Add(SettleLocked(id, SubsidyReservationState.Released, Code.ReservationExpired, clock?.GetCurrentInstant() ?? now));
                }
            }
        }
        return released.ToImmutable();
    }

    /// <inheritdoc />
    public SubsidyReservation? Find(string claimId)
    {
        Preconditions.CheckNotNull(claimId);
        lock (gate)
        {
            return claims.TryGetValue(claimId, out var id) ? ToReservation(records[id]) : null;
        }
    }

    /// <inheritdoc />
    public SubsidyLedgerSnapshot Snapshot()
    {
        lock (gate)
        {
            return new SubsidyLedgerSnapshot([.. phases.Select(p => p.ToBalance())], Scheme.OverallBudget);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<SubsidyLedgerEntry> Entries()
    {
        lock (gate)
        {
            var entries = ImmutableArray.CreateBuilder<SubsidyLedgerEntry>(journalCount);
            for (var i = 0; i < journalCount; i++)
            {
                ref readonly var line = ref journal[i];
                var phase = Scheme.Phases[line.PhaseIndex];
                var citation = line.Code == Code.ReservationExpired ? Scheme.ReservationExpiryCitation : phase.Citation;
                entries.Add(new SubsidyLedgerEntry(i + 1, records[line.Record].ClaimId, line.Kind, phase.Number, Money.FromFen(line.AmountFen),
                    line.RemainingFen < 0 ? null : Money.FromFen(line.RemainingFen), reasonCodes[(int)line.Code], citation)
                {
                    At = line.At,
                });
            }
            return entries.MoveToImmutable();
        }
    }

    // Under the gate.
    private SubsidyReserveResult RejectAsAlreadySubsidised(int id, int phaseIndex, SubsidyUniquenessKey kind, int holder, Instant? at)
    {
        ref var record = ref records[id];
        record.PhaseIndex = phaseIndex;
        record.RemainingFen = phases[phaseIndex].RemainingFen;
        record.Rejection = SubsidyErrors.AlreadySubsidised;
        record.ConflictingKey = kind;
        record.ConflictingClaimId = records[holder].ClaimId;
        Append(id, SubsidyLedgerEntryKind.Rejected, phaseIndex, 0, Code.AlreadySubsidised, at);
        return new SubsidyReserveResult(ToReservation(record), IsRepeat: false);
    }

    private RuleResult<SubsidyReservation> Settle(string claimId, SubsidyReservationState target, Instant? at)
    {
        Preconditions.CheckNotNull(claimId);
        at ??= clock?.GetCurrentInstant();
        lock (gate)
        {
            if (!claims.TryGetValue(claimId, out var id))
            {
                return RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(claimId));
            }
            var state = records[id].State;
            if (state == target)
            {
                return RuleResult<SubsidyReservation>.Success(ToReservation(records[id]));
            }
            if (state != SubsidyReservationState.Reserved)
            {
                return RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.InvalidTransition(claimId, state, target));
            }
            return RuleResult<SubsidyReservation>.Success(SettleLocked(id, target, target == SubsidyReservationState.Confirmed ? Code.Confirmed : Code.Released, at));
        }
    }

    // Under the gate, on a reservation still held.
    private SubsidyReservation SettleLocked(int id, SubsidyReservationState target, Code code, Instant? at)
    {
        ref var record = ref records[id];
        var phase = phases[record.PhaseIndex];
        if (target == SubsidyReservationState.Confirmed)
        {
            phase.Pay(record.AmountFen);
        }
        else
        {
            phase.Return(record.AmountFen);
            overallFen -= record.AmountFen;
            overallCount--;
            for (var kind = 0; kind < KeyKinds; kind++)
            {
                if (record.KeyOf(kind) is { } value)
                {
                    keys[kind]!.Remove(value);
                }
            }
        }
        record.State = target;
        Append(id, target == SubsidyReservationState.Confirmed ? SubsidyLedgerEntryKind.Confirmed : SubsidyLedgerEntryKind.Released,
            record.PhaseIndex, record.AmountFen, code, at);
        return ToReservation(record);
    }

    private SubsidyReservation ToReservation(in ClaimRecord record)
    {
        var phase = Scheme.Phases[record.PhaseIndex];
        return new SubsidyReservation(record.ClaimId, record.State, phase.Number, Money.FromFen(record.AmountFen),
            record.RemainingFen < 0 ? null : Money.FromFen(record.RemainingFen), phase.Citation)
        {
            WaitListedFromPhase = record.WaitListedFromPhase == 0 ? null : record.WaitListedFromPhase,
            Rejection = record.Rejection,
            ConflictingKey = record.ConflictingKey,
            ConflictingClaimId = record.ConflictingClaimId,
            ReservedAt = record.ReservedAt,
            ExpiresAt = record.ExpiresAt,
        };
    }

    private void Append(int id, SubsidyLedgerEntryKind kind, int phaseIndex, long amountFen, Code code, Instant? at)
    {
        if (journalCount == journal.Length)
        {
            Array.Resize(ref journal, journal.Length * 2);
        }
        journal[journalCount++] = new JournalLine(id, kind, phaseIndex, amountFen, phases[phaseIndex].RemainingFen, code, at);
    }

    private enum Code : byte
    {
        Reserved,
        Confirmed,
        Released,
        ReservationExpired,
        AlreadySubsidised,
        BudgetExhausted,
    }

    // No reference: the journal array costs the garbage collector nothing to scan.
    private readonly record struct JournalLine(int Record, SubsidyLedgerEntryKind Kind, int PhaseIndex, long AmountFen, long RemainingFen, Code Code, Instant? At);

    // Guarded by the ledger's gate. A claim's answer as fields, in the ledger's array of records: a SubsidyReservation
    // is built only for a caller, and the ledger keeps no heap object per claim.
    private struct ClaimRecord(string claimId, Instant? reservedAt)
    {
        private string? person;
        private string? oldPlate;
        private string? oldFrame;
        private string? newFrame;

        public readonly string ClaimId { get; } = claimId;

        public readonly Instant? ReservedAt { get; } = reservedAt;

        public SubsidyReservationState State { get; set; } = SubsidyReservationState.Rejected;

        public int PhaseIndex { get; set; }

        public long AmountFen { get; set; }

        public long RemainingFen { get; set; } = -1;

        public int WaitListedFromPhase { get; set; }

        public MessageDefinition? Rejection { get; set; }

        public SubsidyUniquenessKey? ConflictingKey { get; set; }

        public string? ConflictingClaimId { get; set; }

        public Instant? ExpiresAt { get; set; }

        public void SetKey(SubsidyUniquenessKey kind, string value)
        {
            switch (kind)
            {
                case SubsidyUniquenessKey.PersonId: person = value; break;
                case SubsidyUniquenessKey.OldPlate: oldPlate = value; break;
                case SubsidyUniquenessKey.OldFrame: oldFrame = value; break;
                default: newFrame = value; break;
            }
        }

        public void ClearKeys() => person = oldPlate = oldFrame = newFrame = null;

        public readonly string? KeyOf(int kind) => kind switch
        {
            (int)SubsidyUniquenessKey.PersonId => person,
            (int)SubsidyUniquenessKey.OldPlate => oldPlate,
            (int)SubsidyUniquenessKey.OldFrame => oldFrame,
            _ => newFrame,
        };
    }

    // Guarded by the ledger's gate.
    private sealed class PhaseState(SubsidyPhase phase)
    {
        private long reservedFen;
        private long paidFen;
        private int reservedCount;
        private int paidCount;

        public long RemainingFen => phase.Budget is { } b ? b.Fen - reservedFen - paidFen : -1;

        public Money? Remaining => phase.Budget is { } b ? Money.FromFen(b.Fen - reservedFen - paidFen) : null;

        public bool Fits(long fen) => SubsidyLedgerRules.Fits(phase.Budget, phase.Quota, reservedFen + paidFen, reservedCount + paidCount, fen);

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
