using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// A thread-safe in-memory <see cref="ISubsidyLedger"/>: a dictionary per table and one lock. Each operation runs
/// whole under the lock — the claim id, every uniqueness key, the phase budget, the phase quota and the overall budget
/// are checked and taken together — so the ledger is never beyond any budget, never pays a key twice, and refuses a
/// claim for the right reason (see <see cref="SubsidyLedgerRules"/>). The lock is held for a few dictionary look-ups
/// and additions; the claims live in one array of structs, so the ledger keeps no heap object per claim, and the claim
/// ids and keys are found through open-addressing tables of 8-byte slots (hash and record number) probed together.
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

    // The claim-id table sits after the four key tables (indexed by SubsidyUniquenessKey).
    private const int ClaimIdKind = KeyKinds;

    private readonly Lock gate = new();
    private readonly IClock? clock;
    private readonly KeyTable?[] tables = new KeyTable?[KeyKinds + 1];
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
        tables[ClaimIdKind] = new KeyTable(expectedClaims);
        keyKinds = [.. scheme.UniquenessKeys.Where(k => (int)k is >= 0 and < KeyKinds)];
        foreach (var kind in keyKinds)
        {
            tables[(int)kind] = new KeyTable(expectedClaims);
        }
        phases = [.. scheme.Phases.Select(p => new PhaseState(p))];
        reasonCodes = [SubsidyErrors.Reserved.Code, SubsidyErrors.Confirmed.Code, SubsidyErrors.Released.Code, SubsidyErrors.ReservationExpired.Code,
            SubsidyErrors.AlreadySubsidised.Code, SubsidyErrors.BudgetExhausted.Code];
        records = Committed(new ClaimRecord[Math.Max(expectedClaims, 16)]);
        journal = Committed(new JournalLine[Math.Max(expectedClaims * 2, 64)]);
    }

    /// <inheritdoc />
    public SubsidyScheme Scheme { get; }

    /// <inheritdoc />
    public SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex)
    {
        Preconditions.CheckArgument(!string.IsNullOrEmpty(claim.ClaimId), nameof(claim), "A claim needs an id");
        Preconditions.CheckArgumentRange(phaseIndex, 0, phases.Length - 1);
        var at = clock?.GetCurrentInstant();
        // The claim id and its keys are hashed before the lock is taken: only the probes run under it.
        var probe = new KeyProbe();
        probe.Hashes[ClaimIdKind] = Hash(claim.ClaimId);
        foreach (var kind in keyKinds)
        {
            var value = SubsidyLedgerRules.KeyValue(claim, kind);
            probe.Values[(int)kind] = value;
            probe.Hashes[(int)kind] = value is null ? 0u : Hash(value);
        }
        lock (gate)
        {
            // Read every table's home slot for this claim before probing any: with a million claims each read is a
            // cache miss, and issued together they overlap rather than wait one after another.
            for (var kind = 0; kind <= ClaimIdKind; kind++)
            {
                var table = tables[kind];
                if (table is not null && (kind == ClaimIdKind || probe.Values[kind] is not null))
                {
                    probe.Homes[kind] = table.Home(probe.Hashes[kind]);
                    probe.Firsts[kind] = table.SlotAt(probe.Homes[kind]);
                }
            }

            var claimSlot = 0;
            var seen = tables[ClaimIdKind]!.Find(probe.Homes[ClaimIdKind], probe.Firsts[ClaimIdKind], probe.Hashes[ClaimIdKind], claim.ClaimId, ClaimIdKind, records, out claimSlot);
            if (seen >= 0)
            {
                return new SubsidyReserveResult(ToReservation(records[seen]), IsRepeat: true);
            }
            if (recordCount == records.Length)
            {
                Array.Resize(ref records, records.Length * 2);
            }
            var id = recordCount++;
            ref var record = ref records[id];
            record = new ClaimRecord(claim.ClaimId, at);
            tables[ClaimIdKind]!.Add(claimSlot, probe.Hashes[ClaimIdKind], id);

            // The budget step first (no table is touched), then the keys: a key held by a live claim (reserved or paid)
            // refuses the claim as already subsidised whatever the budget says, and nothing is taken unless both pass.
            // The budget step every ledger takes (SubsidyLedgerRules), read from the running totals.
            var allocation = SubsidyLedgerRules.Allocate(Scheme, claim, phaseIndex, new PhaseTakings(phases), overallFen, overallCount);
            var index = allocation.PhaseIndex;
            var waitListedFrom = allocation.WaitListedFromPhase ?? 0;
            var amount = allocation.Amount.Fen;
            var fits = allocation.Fits;

            // One probe per key (nothing is taken until every key is known to be free).
            for (var k = 0; k < keyKinds.Length; k++)
            {
                var kind = (int)keyKinds[k];
                var value = probe.Values[kind];
                if (value is null)
                {
                    continue;
                }
                var slot = 0;
                var holder = tables[kind]!.Find(probe.Homes[kind], probe.Firsts[kind], probe.Hashes[kind], value, kind, records, out slot);
                if (holder >= 0)
                {
                    return RejectAsAlreadySubsidised(id, phaseIndex, keyKinds[k], holder, at);
                }
                probe.Slots[kind] = slot;
            }
            if (!fits)
            {
                record.PhaseIndex = phaseIndex;
                record.RemainingFen = phases[phaseIndex].RemainingFen;
                record.Rejection = SubsidyErrors.BudgetExhausted;
                record.WaitListedFromPhase = waitListedFrom;
                Append(id, SubsidyLedgerEntryKind.Rejected, phaseIndex, 0, Code.BudgetExhausted, at);
                return new SubsidyReserveResult(ToReservation(record), IsRepeat: false);
            }
            foreach (var kind in keyKinds)
            {
                var value = probe.Values[(int)kind];
                if (value is not null)
                {
                    tables[(int)kind]!.Add(probe.Slots[(int)kind], probe.Hashes[(int)kind], id);
                    record.SetKey(kind, value);
                }
            }
            phases[index].Take(amount);
            overallFen += amount;
            overallCount++;
            record.State = SubsidyReservationState.Reserved;
            record.PhaseIndex = index;
            record.AmountFen = amount;
            record.RemainingFen = phases[index].RemainingFen;
            record.WaitListedFromPhase = waitListedFrom;
            record.ExpiresAt = at.HasValue ? SubsidyLedgerRules.ExpiryOf(Scheme, at.Value) : null;
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
                if (records[id].State == SubsidyReservationState.Reserved && records[id].ExpiresAt <= now)
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
        var hash = Hash(claimId);
        lock (gate)
        {
            var id = FindClaim(hash, claimId);
            return id >= 0 ? ToReservation(records[id]) : null;
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

    // Writes every page of a new table once, now. A large array comes from memory the operating system maps only when
    // first written: left alone, each reservation's record and journal lines would land on fresh pages, one page
    // fault (a trip through the kernel) every few claims, taken under the lock. Sized for the expected claims, the
    // ledger pays for its memory when it is created instead.
    private static T[] Committed<T>(T[] table)
    {
        table.AsSpan().Clear();
        return table;
    }

    // Ordinal string hashes, randomised per process like the dictionary's (no caller can choose keys that collide).
    private static uint Hash(string value) => unchecked((uint)value.GetHashCode(StringComparison.Ordinal));

    // Under the gate: the claim's record number, or -1.
    private int FindClaim(uint hash, string claimId)
    {
        var table = tables[ClaimIdKind]!;
        var home = table.Home(hash);
        return table.Find(home, table.SlotAt(home), hash, claimId, ClaimIdKind, records, out _);
    }

    // Under the gate: what each phase holds and has paid, for the budget step.
    private readonly struct PhaseTakings(PhaseState[] phases) : SubsidyLedgerRules.IPhaseTakings
    {
        public long TakenFen(int index) => phases[index].TakenFen;

        public int TakenCount(int index) => phases[index].TakenCount;
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
        var hash = Hash(claimId);
        lock (gate)
        {
            var id = FindClaim(hash, claimId);
            if (id < 0)
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
                var value = record.KeyOf(kind);
                if (value is not null)
                {
                    tables[kind]!.Remove(Hash(value), value, kind, records);
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

        // A key held by this claim, or (ClaimIdKind) its id.
        public readonly string? KeyOf(int kind) => kind switch
        {
            (int)SubsidyUniquenessKey.PersonId => person,
            (int)SubsidyUniquenessKey.OldPlate => oldPlate,
            (int)SubsidyUniquenessKey.OldFrame => oldFrame,
            (int)SubsidyUniquenessKey.NewFrame => newFrame,
            _ => ClaimId,
        };
    }

    [InlineArray(KeyKinds + 1)]
    private struct PerTable<T>
    {
        private T element;
    }

    // One reservation's look-ups, one entry per table: the value, its hash, its home slot, what that slot held when
    // first read, and the free slot it will take.
    private struct KeyProbe
    {
        public PerTable<string?> Values;
        public PerTable<uint> Hashes;
        public PerTable<int> Homes;
        public PerTable<ulong> Firsts;
        public PerTable<int> Slots;
    }

    // Guarded by the ledger's gate. A set of strings (claim ids, or the values of one uniqueness key) mapped to the
    // record holding each: open addressing with linear probing, each slot the value's hash (high 32 bits) and the
    // record number plus one (low 32 bits; 0 is an empty slot). The value itself is read from the record only when the
    // hashes match, so a probe for a new value reads one 8-byte slot rather than a dictionary's bucket, entry and key.
    // At most three quarters full; removal shifts the following slots back (no tombstones).
    private sealed class KeyTable(int expected)
    {
        private ulong[] slots = Committed(new ulong[Capacity(expected)]);
        private int count;

        public int Home(uint hash) => (int)(hash & (uint)(slots.Length - 1));

        public ulong SlotAt(int index) => slots[index];

        // The record holding value (and its slot), or -1 and the empty slot where value would go. first is slots[home],
        // read earlier.
        public int Find(int home, ulong first, uint hash, string value, int kind, ClaimRecord[] records, out int slot)
        {
            var mask = slots.Length - 1;
            var i = home;
            var s = first;
            while (s != 0)
            {
                var holder = (int)unchecked((uint)s) - 1;
                if ((uint)(s >> 32) == hash && string.Equals(records[holder].KeyOf(kind), value, StringComparison.Ordinal))
                {
                    slot = i;
                    return holder;
                }
                i = (i + 1) & mask;
                s = slots[i];
            }
            slot = i;
            return -1;
        }

        // Takes the empty slot Find returned.
        public void Add(int slot, uint hash, int holder)
        {
            slots[slot] = ((ulong)hash << 32) | (uint)(holder + 1);
            if (++count > slots.Length / 4 * 3)
            {
                Grow();
            }
        }

        public void Remove(uint hash, string value, int kind, ClaimRecord[] records)
        {
            var home = Home(hash);
            if (Find(home, slots[home], hash, value, kind, records, out var hole) < 0)
            {
                return;
            }
            count--;
            var mask = slots.Length - 1;
            var next = hole;
            while (true)
            {
                slots[hole] = 0;
                ulong s;
                int wanted;
                do
                {
                    next = (next + 1) & mask;
                    s = slots[next];
                    if (s == 0)
                    {
                        return;
                    }
                    wanted = (int)((uint)(s >> 32) & (uint)mask);
                }
                // An entry stays where it is when its home lies cyclically in (hole, next].
                while (hole <= next ? hole < wanted && wanted <= next : hole < wanted || wanted <= next);
                slots[hole] = s;
                hole = next;
            }
        }

        private static int Capacity(int keys) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(keys + (keys / 3) + 1, 16));

        private void Grow()
        {
            var old = slots;
            slots = new ulong[old.Length * 2];
            var mask = slots.Length - 1;
            foreach (var s in old)
            {
                if (s != 0)
                {
                    var i = (int)((uint)(s >> 32) & (uint)mask);
                    while (slots[i] != 0)
                    {
                        i = (i + 1) & mask;
                    }
                    slots[i] = s;
                }
            }
        }
    }

    // Guarded by the ledger's gate.
    private sealed class PhaseState(SubsidyPhase phase)
    {
        private long reservedFen;
        private long paidFen;
        private int reservedCount;
        private int paidCount;

        public long RemainingFen => phase.Budget.HasValue ? phase.Budget.Value.Fen - reservedFen - paidFen : -1;

        public Money? Remaining => phase.Budget.HasValue ? Money.FromFen(phase.Budget.Value.Fen - reservedFen - paidFen) : null;

        public long TakenFen => reservedFen + paidFen;

        public int TakenCount => reservedCount + paidCount;

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
