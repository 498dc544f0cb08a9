using System.Collections.Immutable;
using System.Globalization;
using MarketRules.Subsidies;
using MarketRules.Subsidies.Storage;
using Microsoft.Data.Sqlite;
using NodaTime.Text;
using SQLitePCL;

namespace MarketRules.Subsidies.Sqlite;

/// <summary>
/// A durable <see cref="ISubsidyLedger"/> in one SQLite file: every reservation, confirmation, release and rejection
/// is one <c>BEGIN IMMEDIATE</c> transaction, so the budget, the quotas, the uniqueness keys and the journal survive a
/// restart or a crash, and several processes on one machine may share the file (WAL mode: readers never wait for the
/// writer; writers queue on SQLite's lock). Budgets and quotas are also CHECK constraints, claim ids a primary key and
/// each uniqueness key a unique index: the file refuses an overspend or a second holder even from a faulty writer.
/// </summary>
/// <remarks>
/// <para>The schema (<see cref="SchemaSql"/>, <c>Schema/v2.sql</c>) is created on first use, versioned in
/// <c>mr_schema_version</c>; a version 1 file is migrated in place when first opened (<c>Schema/v1-to-v2.sql</c>, one
/// transaction); opening a file written by a newer version fails rather than guessing. Several schemes may share one
/// file (every table is keyed by scheme id).</para>
/// <para>Durability: <c>synchronous = NORMAL</c> in WAL mode — a committed transaction survives the process being
/// killed; after a power loss the last transactions before it may be rolled back, never half applied. Pass
/// <c>synchronous: true</c> for <c>FULL</c> (an fsync per commit).</para>
/// <para>Decisions are made by <see cref="SubsidyLedgerRules"/>, exactly as the in-memory ledger makes them.</para>
/// <para>This type is thread-safe (one connection, one lock per instance; other instances and processes are
/// serialised by SQLite). Dispose it to close the file.</para>
/// </remarks>
[Mutable]
public sealed class SqliteSubsidyLedger : ISubsidyLedger, IDisposable
{
    /// <summary>The schema version this library creates and reads.</summary>
    public const int SchemaVersion = 2;

    private const string Component = "subsidy-ledger";

    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");

    private readonly Lock gate = new();
    private readonly IClock? clock;
    private readonly SqliteConnection connection;
    private readonly WriterQueue writers;
    private bool writing;
    private readonly Dictionary<string, PreparedSql> commands = new(ReferenceEqualityComparer.Instance);
    private readonly GroupCommit commits;
    private readonly Checkpointer? checkpoints;
    private bool disposed;

    /// <summary>Opens (creating when absent) the ledger of a scheme in a SQLite file.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="databasePath">The file.</param>
    /// <param name="clock">The clock that dates reservations and journal lines and starts each hold's expiry; without one, holds never expire.</param>
    /// <param name="synchronous">Whether each commit is flushed to disk (<c>synchronous = FULL</c>) rather than at checkpoints (<c>NORMAL</c>, the default).</param>
    public SqliteSubsidyLedger(SubsidyScheme scheme, string databasePath, IClock? clock = null, bool synchronous = false)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Scheme = scheme;
        DatabasePath = Path.GetFullPath(databasePath);
        this.clock = clock;
        commits = new GroupCommit(RunBatch);
        // Writers of this library on one machine queue on a lock file beside the database before taking SQLite's write
        // lock (WriterQueue); a process killed while holding it drops it with its handles (SQLite rolls it back).
        writers = new WriterQueue(DatabasePath);
        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 120,
        }.ToString());
        try
        {
            connection.Open();
            Execute("PRAGMA busy_timeout = 120000");
            Execute("PRAGMA journal_mode = WAL");
            Execute(synchronous ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            Execute("PRAGMA foreign_keys = ON");
            // Keep the key and claim pages in this connection's cache (64 MiB rather than 2 MiB) and read the file
            // through a memory map: a reservation's look-ups then cost no read() call. Another process's commit still
            // invalidates the cache, as SQLite checks the WAL index at every transaction.
            Execute("PRAGMA cache_size = -65536");
            Execute("PRAGMA mmap_size = 268435456");
            Migrate();
            // Checkpoints off the callers' threads (Checkpointer); set last, as it replaces SQLite's automatic checkpoint.
            checkpoints = new Checkpointer(connection.Handle!, DatabasePath, synchronous);
        }
        catch
        {
            checkpoints?.Dispose();
            connection.Dispose();
            writers.Dispose();
            throw;
        }
    }

    /// <summary>The schema this library creates (version <see cref="SchemaVersion"/>), as SQL a DBA can read.</summary>
    public static string SchemaSql { get; } = ReadSchema("v2.sql");

    /// <inheritdoc />
    public SubsidyScheme Scheme { get; }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    // For tests: how the WAL's checkpoints ran.
    internal Checkpointer? Checkpoints => checkpoints;

    /// <inheritdoc />
    public SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.ClaimId, nameof(claim));
        ArgumentOutOfRangeException.ThrowIfNegative(phaseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(phaseIndex, Scheme.Phases.Length);
        var copy = claim;
        return commits.Run(() => ReserveInTransaction(copy, phaseIndex));
    }

    // Inside a batch's write transaction.
    private SubsidyReserveResult ReserveInTransaction(in SubsidyClaim claim, int phaseIndex)
    {
        var existing = ReadClaim(claim.ClaimId);
        if (existing is not null)
        {
            return new SubsidyReserveResult(existing, IsRepeat: true);
        }
        // The claim's value of each key the scheme uses, one per held_* column (NULL never matches): one look-up over
        // the four unique indexes, and the same values stored on the claim when it takes the money.
        var held = new string?[HeldKeys.Length];
        var any = false;
        foreach (var kind in Scheme.UniquenessKeys)
        {
            if ((int)kind is >= 0 and < 4 && SubsidyLedgerRules.KeyValue(claim, kind) is { } value)
            {
                held[(int)kind] = value;
                any = true;
            }
        }
        (SubsidyUniquenessKey, string)? conflict = null;
        if (any)
        {
            var holders = new string?[HeldKeys.Length];
            using (var reader = Command(HolderSql, HeldParameters(held)).ExecuteReader())
            {
                while (reader.Read())
                {
                    holders[reader.GetInt32(0)] = reader.GetString(1);
                }
            }
            // The first key in the scheme's order decides the reason, as in every ledger.
            foreach (var kind in Scheme.UniquenessKeys)
            {
                if ((int)kind is >= 0 and < 4 && holders[(int)kind] is { } holder)
                {
                    conflict = (kind, holder);
                    break;
                }
            }
        }
        var at = Now();
        var reservation = SubsidyLedgerRules.Decide(Scheme, claim, phaseIndex, conflict, ReadBalances(), at);
        var r = reservation;
        var cite = SubsidyLedgerRules.CitationOf(Scheme, reservation.PhaseNumber, reservation.Rejection?.Code ?? SubsidyErrors.Reserved.Code).ToString();
        var reserved = reservation.State == SubsidyReservationState.Reserved;
        Command(reserved ? ReserveSql : RejectSql,
            [.. HeldParameters(reserved ? held : NoKeys), ("$c", r.ClaimId), ("$st", SubsidyLedgerRules.Name(r.State)), ("$p", r.PhaseNumber), ("$a", r.Amount.Fen),
             ("$r", r.PhaseRemaining?.Fen), ("$w", r.WaitListedFromPhase), ("$rej", r.Rejection?.Code),
             ("$ck", r.ConflictingKey is { } ck ? SubsidyLedgerRules.Name(ck) : null), ("$cc", r.ConflictingClaimId), ("$at", Format(r.ReservedAt)),
             ("$exp", Format(r.ExpiresAt)), ("$code", r.Rejection?.Code ?? SubsidyErrors.Reserved.Code), ("$cite", cite), ("$kind", SubsidyLedgerRules.Name(r.State))]).ExecuteNonQuery();
        return new SubsidyReserveResult(reservation, IsRepeat: false);
    }

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Confirm(string claimId) => Settle(claimId, SubsidyReservationState.Confirmed);

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Release(string claimId) => Settle(claimId, SubsidyReservationState.Released);

    /// <inheritdoc />
    public ImmutableArray<SubsidyReservation> ReleaseExpired(Instant now)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            Begin();
            try
            {
                var due = new List<string>();
                using (var reader = Command("SELECT claim_id FROM mr_subsidy_claim WHERE scheme_id = $s AND state = 'reserved' AND expires_at <= $now ORDER BY expires_at, claim_id",
                    ("$now", Format(now))).ExecuteReader())
                {
                    while (reader.Read())
                    {
                        due.Add(reader.GetString(0));
                    }
                }
                var released = ImmutableArray.CreateBuilder<SubsidyReservation>(due.Count);
                var at = Now() ?? now;
                foreach (var claimId in due)
                {
                    released.Add(SettleLocked(ReadClaim(claimId)!, SubsidyReservationState.Released, SubsidyErrors.ReservationExpired.Code, at));
                }
                Commit();
                return released.MoveToImmutable();
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public SubsidyReservation? Find(string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return ReadClaim(claimId);
        }
    }

    /// <inheritdoc />
    public SubsidyLedgerSnapshot Snapshot()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return new SubsidyLedgerSnapshot([.. ReadBalances()], Scheme.OverallBudget);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<SubsidyLedgerEntry> Entries()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var entries = ImmutableArray.CreateBuilder<SubsidyLedgerEntry>();
            using var reader = Command("SELECT sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, at FROM mr_subsidy_journal WHERE scheme_id = $s ORDER BY sequence").ExecuteReader();
            while (reader.Read())
            {
                var phase = reader.GetInt32(3);
                var code = reader.GetString(6);
                entries.Add(new SubsidyLedgerEntry(reader.GetInt64(0), reader.GetString(1), (SubsidyLedgerEntryKind)(int)SubsidyLedgerRules.ParseState(reader.GetString(2)), phase,
                    Money.FromFen(reader.GetInt64(4)), reader.IsDBNull(5) ? null : Money.FromFen(reader.GetInt64(5)), code, SubsidyLedgerRules.CitationOf(Scheme, phase, code))
                {
                    At = reader.IsDBNull(7) ? null : Parse(reader.GetString(7)),
                });
            }
            return entries.ToImmutable();
        }
    }

    /// <summary>
    /// Rebuilds the balances from the journal (<see cref="SubsidyLedgerRules.Replay"/>) and writes them over the
    /// balance rows, in one transaction: the journal is the record, the balances a summary of it.
    /// </summary>
    /// <returns>The rebuilt balances.</returns>
    public SubsidyLedgerSnapshot RebuildBalances()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            Begin();
            try
            {
                var snapshot = SubsidyLedgerRules.Replay(Scheme, EntriesLocked());
                long takenFen = 0;
                var takenCount = 0;
                foreach (var p in snapshot.Phases)
                {
                    Command("UPDATE mr_subsidy_phase SET reserved_fen = $r, paid_fen = $pd, reserved_count = $rc, paid_count = $pc WHERE scheme_id = $s AND phase = $p",
                        ("$r", p.Reserved.Fen), ("$pd", p.Paid.Fen), ("$rc", p.ReservedCount), ("$pc", p.PaidCount), ("$p", p.PhaseNumber)).ExecuteNonQuery();
                    takenFen += p.Reserved.Fen + p.Paid.Fen;
                    takenCount += p.ReservedCount + p.PaidCount;
                }
                Command("UPDATE mr_subsidy_ledger SET taken_fen = $f, taken_count = $n WHERE scheme_id = $s",
                    ("$f", KeepsOverallTotals ? takenFen : 0), ("$n", KeepsOverallTotals ? takenCount : 0)).ExecuteNonQuery();
                Commit();
                return snapshot;
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            checkpoints?.Dispose();
            foreach (var command in commands.Values)
            {
                command.Close();
            }
            connection.Dispose();
            writers.Dispose();
        }
    }

    private ImmutableArray<SubsidyLedgerEntry> EntriesLocked()
    {
        var entries = ImmutableArray.CreateBuilder<SubsidyLedgerEntry>();
        using var reader = Command("SELECT sequence, claim_id, kind, phase, amount_fen, reason_code FROM mr_subsidy_journal WHERE scheme_id = $s ORDER BY sequence").ExecuteReader();
        while (reader.Read())
        {
            var phase = reader.GetInt32(3);
            entries.Add(new SubsidyLedgerEntry(reader.GetInt64(0), reader.GetString(1), (SubsidyLedgerEntryKind)(int)SubsidyLedgerRules.ParseState(reader.GetString(2)), phase,
                Money.FromFen(reader.GetInt64(4)), null, reader.GetString(5), Scheme.Phases[phase - 1].Citation));
        }
        return entries.ToImmutable();
    }

    private RuleResult<SubsidyReservation> Settle(string claimId, SubsidyReservationState target)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        return commits.Run(() => SettleInTransaction(claimId, target));
    }

    // Inside a batch's write transaction.
    private RuleResult<SubsidyReservation> SettleInTransaction(string claimId, SubsidyReservationState target)
    {
        var current = ReadClaim(claimId);
        if (current is null)
        {
            return RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(claimId));
        }
        if (current.State == target)
        {
            return RuleResult<SubsidyReservation>.Success(current);
        }
        if (current.State != SubsidyReservationState.Reserved)
        {
            return RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.InvalidTransition(claimId, current.State, target));
        }
        return RuleResult<SubsidyReservation>.Success(SettleLocked(current, target,
            target == SubsidyReservationState.Confirmed ? SubsidyErrors.Confirmed.Code : SubsidyErrors.Released.Code, Now()));
    }

    // The writes of concurrent callers in one BEGIN IMMEDIATE transaction and one commit (GroupCommit): each write in
    // its own savepoint when there are several, so one write's failure undoes only that write.
    private void RunBatch(IReadOnlyList<GroupCommit.Write> batch)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            Begin();
            try
            {
                if (batch.Count == 1)
                {
                    batch[0].Run();
                }
                else
                {
                    foreach (var write in batch)
                    {
                        Command("SAVEPOINT mr_write").ExecuteNonQuery();
                        try
                        {
                            write.Run();
                        }
#pragma warning disable CA1031 // The write keeps its own exception for its caller; the batch goes on without it.
                        catch (Exception)
#pragma warning restore CA1031
                        {
                            Command("ROLLBACK TO mr_write").ExecuteNonQuery();
                        }
                        Command("RELEASE mr_write").ExecuteNonQuery();
                    }
                }
                Commit();
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }

    // Inside a write transaction, on a claim read in it and still reserved.
    private SubsidyReservation SettleLocked(SubsidyReservation current, SubsidyReservationState target, string code, Instant? at)
    {
        var confirm = target == SubsidyReservationState.Confirmed;
        var rows = Command(confirm ? ConfirmSql : ReleaseSql,
            ("$c", current.ClaimId), ("$a", current.Amount.Fen), ("$p", current.PhaseNumber), ("$at", Format(at)), ("$code", code),
            ("$cite", SubsidyLedgerRules.CitationOf(Scheme, current.PhaseNumber, code).ToString()), ("$kind", SubsidyLedgerRules.Name(target))).ExecuteNonQuery();
        // Each statement of a settlement runs only when the one before it changed its row, starting with the claim's
        // move out of 'reserved': a claim found settled here (by a writer that ignored the lock) changes nothing, and
        // the write is refused rather than reported done.
        if (rows != (confirm ? 3 : KeepsOverallTotals ? 4 : 3))
        {
            throw new InvalidOperationException($"Claim {current.ClaimId} was not held when settled in {DatabasePath}; nothing was written.");
        }
        return current with { State = target };
    }

    // The uniqueness keys' columns on mr_subsidy_claim, indexed by SubsidyUniquenessKey.
    private static readonly string[] HeldKeys = ["$h0", "$h1", "$h2", "$h3"];

    private static readonly string?[] NoKeys = new string?[4];

    // The holders of a claim's keys: one probe per unique index (a NULL value finds nothing), answering the key's number.
    internal const string HolderSql = """
        SELECT 0, claim_id FROM mr_subsidy_claim WHERE scheme_id = $s AND held_person_id = $h0
        UNION ALL SELECT 1, claim_id FROM mr_subsidy_claim WHERE scheme_id = $s AND held_old_plate = $h1
        UNION ALL SELECT 2, claim_id FROM mr_subsidy_claim WHERE scheme_id = $s AND held_old_frame = $h2
        UNION ALL SELECT 3, claim_id FROM mr_subsidy_claim WHERE scheme_id = $s AND held_new_frame = $h3
        """;

    // Whether the ledger row's totals are kept (TakeOverallSql).
    private bool KeepsOverallTotals => Scheme.OverallBudget is not null || Scheme.OverallQuota is not null;

    private const string InsertClaimSql = """
        INSERT INTO mr_subsidy_claim (scheme_id, claim_id, state, phase, amount_fen, phase_remaining_fen, wait_listed_from, rejection_code,
                                      conflicting_key, conflicting_claim_id, reserved_at, expires_at, held_person_id, held_old_plate, held_old_frame, held_new_frame)
        VALUES ($s, $c, $st, $p, $a, $r, $w, $rej, $ck, $cc, $at, $exp, $h0, $h1, $h2, $h3);
        """;

    // The journal's next line: its number is the scheme's last plus one (read from the page the append writes), and
    // the phase's remaining budget after the statements before it. Settlements add "AND changes() = 1".
    private const string JournalSql = """
        INSERT INTO mr_subsidy_journal (scheme_id, sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, citation, at)
        SELECT $s, (SELECT coalesce(max(j.sequence), 0) + 1 FROM mr_subsidy_journal j WHERE j.scheme_id = $s), $c, $kind, $p, $a,
               (SELECT ph.budget_fen - ph.reserved_fen - ph.paid_fen FROM mr_subsidy_phase ph WHERE ph.scheme_id = $s AND ph.phase = $p), $code, $cite, $at
        """;

    // One command per write, several statements each: fewer round trips through the driver.
    private const string ReserveSql = InsertClaimSql + """
        UPDATE mr_subsidy_phase SET reserved_fen = reserved_fen + $a, reserved_count = reserved_count + 1 WHERE scheme_id = $s AND phase = $p;
        """ + "\n" + JournalSql + ";\n" + TakeOverallSql;

    // The overall totals are kept only for a scheme with an overall budget or quota, whose CHECK they serve: for the
    // others the ledger row is left alone (one page fewer per write) and its totals stay 0.
    private const string TakeOverallSql = """
        UPDATE mr_subsidy_ledger SET taken_fen = taken_fen + $a, taken_count = taken_count + 1
        WHERE scheme_id = $s AND (overall_budget_fen IS NOT NULL OR overall_quota IS NOT NULL);
        """;

    private const string RejectSql = InsertClaimSql + "\n" + JournalSql + ";";

    // A settlement: every statement after the claim's UPDATE runs only when the statement before it changed its row
    // (changes() is the count of the last statement completed), so a claim is settled at most once.
    private const string ConfirmSql = """
        UPDATE mr_subsidy_claim SET state = 'confirmed', settled_at = $at, settled_code = $code WHERE scheme_id = $s AND claim_id = $c AND state = 'reserved';
        UPDATE mr_subsidy_phase SET reserved_fen = reserved_fen - $a, reserved_count = reserved_count - 1, paid_fen = paid_fen + $a, paid_count = paid_count + 1
        WHERE scheme_id = $s AND phase = $p AND changes() = 1;
        """ + "\n" + JournalSql + " WHERE changes() = 1;";

    private const string ReleaseSql = """
        UPDATE mr_subsidy_claim SET state = 'released', settled_at = $at, settled_code = $code, held_person_id = NULL, held_old_plate = NULL, held_old_frame = NULL, held_new_frame = NULL
        WHERE scheme_id = $s AND claim_id = $c AND state = 'reserved';
        UPDATE mr_subsidy_phase SET reserved_fen = reserved_fen - $a, reserved_count = reserved_count - 1 WHERE scheme_id = $s AND phase = $p AND changes() = 1;
        """ + "\n" + JournalSql + """
         WHERE changes() = 1;
        UPDATE mr_subsidy_ledger SET taken_fen = taken_fen - $a, taken_count = taken_count - 1
        WHERE scheme_id = $s AND (overall_budget_fen IS NOT NULL OR overall_quota IS NOT NULL) AND changes() = 1;
        """;

    private static (string, object?)[] HeldParameters(string?[] held) =>
        [("$h0", held[0]), ("$h1", held[1]), ("$h2", held[2]), ("$h3", held[3])];

    private SubsidyReservation? ReadClaim(string claimId)
    {
        using var reader = Command("""
            SELECT state, phase, amount_fen, phase_remaining_fen, wait_listed_from, rejection_code, conflicting_key, conflicting_claim_id, reserved_at, expires_at
            FROM mr_subsidy_claim WHERE scheme_id = $s AND claim_id = $c
            """, ("$c", claimId)).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var phase = reader.GetInt32(1);
        return new SubsidyReservation(claimId, SubsidyLedgerRules.ParseState(reader.GetString(0)), phase, Money.FromFen(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : Money.FromFen(reader.GetInt64(3)), Scheme.Phases[phase - 1].Citation)
        {
            WaitListedFromPhase = reader.IsDBNull(4) ? null : reader.GetInt32(4),
            Rejection = reader.IsDBNull(5) ? null : SubsidyLedgerRules.Message(reader.GetString(5)),
            ConflictingKey = reader.IsDBNull(6) ? null : SubsidyLedgerRules.ParseKey(reader.GetString(6)),
            ConflictingClaimId = reader.IsDBNull(7) ? null : reader.GetString(7),
            ReservedAt = reader.IsDBNull(8) ? null : Parse(reader.GetString(8)),
            ExpiresAt = reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
        };
    }

    private List<SubsidyPhaseBalance> ReadBalances()
    {
        var balances = new List<SubsidyPhaseBalance>(Scheme.Phases.Length);
        using var reader = Command("SELECT phase, reserved_fen, paid_fen, reserved_count, paid_count FROM mr_subsidy_phase WHERE scheme_id = $s ORDER BY phase").ExecuteReader();
        while (reader.Read())
        {
            var number = reader.GetInt32(0);
            if (number > Scheme.Phases.Length)
            {
                continue;
            }
            var phase = Scheme.Phases[number - 1];
            balances.Add(new SubsidyPhaseBalance(number, phase.Budget, phase.Quota, Money.FromFen(reader.GetInt64(1)), Money.FromFen(reader.GetInt64(2)),
                reader.GetInt32(3), reader.GetInt32(4)));
        }
        return balances;
    }

    private void Migrate()
    {
        Begin();
        try
        {
            var hasTable = Convert.ToInt64(Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'mr_schema_version'").ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
            var version = hasTable ? Command("SELECT version FROM mr_schema_version WHERE component = $comp", ("$comp", Component)).ExecuteScalar() as long? : null;
            if (version is null)
            {
                Execute(SchemaSql);
                Command("INSERT INTO mr_schema_version (component, version, applied_at) VALUES ($comp, $v, $at)",
                    ("$comp", Component), ("$v", SchemaVersion), ("$at", Format(Now()) ?? "")).ExecuteNonQuery();
            }
            else if (version == 1)
            {
                // In the same transaction as the version read: of several processes opening a version 1 file, the
                // first migrates it and the others find version 2.
                Execute(ReadSchema("v1-to-v2.sql"));
                Command("UPDATE mr_schema_version SET version = $v, applied_at = $at WHERE component = $comp",
                    ("$comp", Component), ("$v", SchemaVersion), ("$at", Format(Now()) ?? "")).ExecuteNonQuery();
            }
            else if (version > SchemaVersion)
            {
                throw new NotSupportedException($"{DatabasePath} holds subsidy-ledger schema version {version}; this library reads version {SchemaVersion} and older. Use a newer MarketRules.Subsidies.Sqlite.");
            }
            Command("""
                INSERT INTO mr_subsidy_ledger (scheme_id, scheme_version, overall_budget_fen, overall_quota) VALUES ($s, $ver, $b, $q)
                ON CONFLICT (scheme_id) DO UPDATE SET scheme_version = excluded.scheme_version, overall_budget_fen = excluded.overall_budget_fen, overall_quota = excluded.overall_quota,
                    taken_fen = CASE WHEN excluded.overall_budget_fen IS NULL AND excluded.overall_quota IS NULL THEN 0
                                     ELSE (SELECT coalesce(sum(p.reserved_fen + p.paid_fen), 0) FROM mr_subsidy_phase p WHERE p.scheme_id = excluded.scheme_id) END,
                    taken_count = CASE WHEN excluded.overall_budget_fen IS NULL AND excluded.overall_quota IS NULL THEN 0
                                       ELSE (SELECT coalesce(sum(p.reserved_count + p.paid_count), 0) FROM mr_subsidy_phase p WHERE p.scheme_id = excluded.scheme_id) END
                """, ("$ver", Scheme.Version), ("$b", Scheme.OverallBudget?.Fen), ("$q", Scheme.OverallQuota)).ExecuteNonQuery();
            foreach (var phase in Scheme.Phases)
            {
                Command("""
                    INSERT INTO mr_subsidy_phase (scheme_id, phase, budget_fen, quota) VALUES ($s, $p, $b, $q)
                    ON CONFLICT (scheme_id, phase) DO UPDATE SET budget_fen = excluded.budget_fen, quota = excluded.quota
                    """, ("$p", phase.Number), ("$b", phase.Budget?.Fen), ("$q", phase.Quota)).ExecuteNonQuery();
            }
            Commit();
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private Instant? Now() => clock?.GetCurrentInstant() is { } now ? Instant.FromUnixTimeTicks(now.ToUnixTimeTicks() - (now.ToUnixTimeTicks() % 10)) : null;

    private static string? Format(Instant? instant) => instant is { } i ? TimePattern.Format(Instant.FromUnixTimeTicks(i.ToUnixTimeTicks() - (i.ToUnixTimeTicks() % 10))) : null;

    private static Instant Parse(string text) => TimePattern.Parse(text).GetValueOrThrow();

    private void Begin()
    {
        writers.Enter(TimeSpan.FromMinutes(2));
        writing = true;
        try
        {
            Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        }
        catch
        {
            EndWrite();
            throw;
        }
    }

    private void Commit()
    {
        try
        {
            Command("COMMIT").ExecuteNonQuery();
        }
        finally
        {
            EndWrite();
        }
        // Still under the ledger's lock, the other processes' writers free to go on: a PASSIVE checkpoint waits for none.
        checkpoints?.AfterCommit();
    }

    private void EndWrite()
    {
        if (writing)
        {
            writing = false;
            writers.Exit();
        }
    }

    private void Rollback()
    {
        try
        {
            if (connection.State.HasFlag(System.Data.ConnectionState.Open))
            {
                Command("ROLLBACK").ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // No transaction was open (it failed to begin, or SQLite already rolled it back).
        }
        finally
        {
            EndWrite();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Prepared once per connection and reused, with its parameters bound afresh (the scheme id is always $s). sql is a
    // constant of this class: the cache is keyed by the string's identity, so a look-up never hashes a long statement.
    private PreparedSql Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = new PreparedSql(connection.Handle!, sql);
            commands.Add(sql, command);
        }
        return command.Bind(Scheme.Id, parameters);
    }

    /// <summary>
    /// Statements prepared once on SQLite's own interface (SQLitePCL.raw, which Microsoft.Data.Sqlite runs on), each
    /// parameter's position in each statement looked up once. A SqliteCommand looks every parameter up by name in every
    /// statement of its text on every execution — two native calls per parameter and statement, about 200 for a
    /// reservation — which cost more of a write than SQLite's own work.
    /// </summary>
    private sealed class PreparedSql : IDisposable
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt[] statements;
        private readonly Dictionary<string, int>[] positions;
        private readonly bool[] writes;

        public PreparedSql(sqlite3 db, string sql)
        {
            this.db = db;
            statements = []; // until prepared: a failure to prepare resets nothing
            var list = new List<sqlite3_stmt>();
            var rest = sql;
            while (rest.Trim().Length > 0)
            {
                Check(raw.sqlite3_prepare_v3(db, rest, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out var tail));
                if (statement is null || statement.IsInvalid)
                {
                    break; // only white space or a comment was left
                }
                list.Add(statement);
                rest = tail ?? "";
            }
            statements = [.. list];
            positions = [.. statements.Select(statement =>
            {
                var names = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
                {
                    names[raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()] = i;
                }
                return names;
            })];
            writes = [.. statements.Select(statement => raw.sqlite3_stmt_readonly(statement) == 0)];
        }

        public PreparedSql Bind(string schemeId, ReadOnlySpan<(string Name, object? Value)> parameters)
        {
            for (var i = 0; i < statements.Length; i++)
            {
                var statement = statements[i];
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
                if (positions[i].TryGetValue("$s", out var position))
                {
                    Check(raw.sqlite3_bind_text(statement, position, schemeId));
                }
                foreach (var (name, value) in parameters)
                {
                    if (positions[i].TryGetValue(name, out position))
                    {
                        Check(value switch
                        {
                            null => raw.sqlite3_bind_null(statement, position),
                            string text => raw.sqlite3_bind_text(statement, position, text),
                            long number => raw.sqlite3_bind_int64(statement, position, number),
                            int number => raw.sqlite3_bind_int64(statement, position, number),
                            _ => throw new ArgumentException($"Cannot bind {value.GetType()} to {name}", nameof(parameters)),
                        });
                    }
                }
            }
            return this;
        }

        // Runs every statement; the rows changed by those that write.
        public int ExecuteNonQuery()
        {
            var changed = 0;
            for (var i = 0; i < statements.Length; i++)
            {
                int rc;
                while ((rc = raw.sqlite3_step(statements[i])) == raw.SQLITE_ROW)
                {
                }
                if (rc != raw.SQLITE_DONE)
                {
                    Fail(rc);
                }
                if (writes[i])
                {
                    changed += raw.sqlite3_changes(db);
                }
                raw.sqlite3_reset(statements[i]);
            }
            return changed;
        }

        // A query is one statement: read it with Read and the getters, then dispose (reset) it.
        public PreparedSql ExecuteReader() => this;

        public object? ExecuteScalar()
        {
            using (this)
            {
                return !Read() ? null : raw.sqlite3_column_type(statements[0], 0) switch
                {
                    raw.SQLITE_NULL => null,
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statements[0], 0),
                    _ => raw.sqlite3_column_text(statements[0], 0).utf8_to_string(),
                };
            }
        }

        public bool Read()
        {
            var rc = raw.sqlite3_step(statements[0]);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }
            if (rc != raw.SQLITE_DONE)
            {
                Fail(rc);
            }
            return false;
        }

        public long GetInt64(int column) => raw.sqlite3_column_int64(statements[0], column);

        public int GetInt32(int column) => raw.sqlite3_column_int(statements[0], column);

        public string GetString(int column) => raw.sqlite3_column_text(statements[0], column).utf8_to_string();

        public bool IsDBNull(int column) => raw.sqlite3_column_type(statements[0], column) == raw.SQLITE_NULL;

        // Ends a read (the statement keeps no lock or snapshot once reset).
        public void Dispose()
        {
            foreach (var statement in statements)
            {
                raw.sqlite3_reset(statement);
            }
        }

        public void Close()
        {
            foreach (var statement in statements)
            {
                statement.Dispose();
            }
        }

        private void Fail(int rc)
        {
            // The error code and message of the failed step; resetting the statements leaves them reusable.
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            var extended = raw.sqlite3_extended_errcode(db);
            Dispose();
            throw new SqliteException(message, rc, extended);
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                Fail(rc);
            }
        }
    }

    private static string ReadSchema(string file)
    {
        using var stream = typeof(SqliteSubsidyLedger).Assembly.GetManifestResourceStream("MarketRules.Subsidies.Sqlite." + file)
            ?? throw new InvalidOperationException("The embedded schema MarketRules.Subsidies.Sqlite." + file + " is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
