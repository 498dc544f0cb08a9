using System.Collections.Immutable;
using MarketRules.Subsidies;
using MarketRules.Subsidies.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MarketRules.Subsidies.PostgreSql;

/// <summary>
/// A durable <see cref="ISubsidyLedger"/> on PostgreSQL, for several servers sharing one budget. The database enforces
/// the rules: every write transaction first locks its scheme's ledger row (<c>SELECT … FOR UPDATE</c>, READ
/// COMMITTED), so writers from every server run one after another and read the balances and keys as last committed;
/// and CHECK constraints (budgets, quotas), primary keys (claim ids, key values) and unique indexes (one decision and
/// one settlement per claim in the journal) hold even against a writer that skipped the lock.
/// </summary>
/// <remarks>
/// <para>The schema (<see cref="SchemaSql"/>, <c>Schema/v2.sql</c>) is created on first use in the PostgreSQL schema
/// named by <c>schema</c> (default <c>marketrules</c>), versioned in <c>mr_schema_version</c>, under an advisory lock
/// so that servers starting together create it once; a version 1 schema is migrated in place in the same transaction
/// (<c>Schema/v1-to-v2.sql</c>), and a database written by a newer version is refused.</para>
/// <para>A reservation and a settlement are one statement each (the functions <c>mr_subsidy_reserve</c> and
/// <c>mr_subsidy_settle</c>, which apply the decisions of <see cref="SubsidyLedgerRules"/> with the amounts the library
/// computed), so the ledger row is locked only while the server runs them. Commits are synchronous by default;
/// <c>synchronousCommit: false</c> sets <c>synchronous_commit = off</c> for the ledger's connections (a server crash
/// may lose the last acknowledged transactions, never half of one, never a constraint).</para>
/// <para>Decisions are made by <see cref="SubsidyLedgerRules"/>, exactly as the in-memory ledger makes them.</para>
/// <para>This type is thread-safe (pooled connections, one per call). Dispose it to close the pool.</para>
/// </remarks>
[Mutable]
public sealed class PostgreSqlSubsidyLedger : ISubsidyLedger, IDisposable
{
    /// <summary>The schema version this library creates and reads.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The PostgreSQL schema the tables go in unless told otherwise.</summary>
    public const string DefaultSchema = "marketrules";

    private const string Component = "subsidy-ledger";
    private const long MigrationLockKey = 0x4D52_5355_4253_4944; // "MRSUBSID"

    private const string ClaimColumns = "state, phase, amount_fen, phase_remaining_fen, wait_listed_from, rejection_code, conflicting_key, conflicting_claim_id, reserved_at, expires_at, claim_id";

    private readonly NpgsqlDataSource dataSource;
    private readonly IClock? clock;
    private readonly string begin;
    private readonly string[] phaseCitations;
    private readonly GroupCommit commits;

    /// <summary>Opens (creating the schema when absent) the ledger of a scheme in a PostgreSQL database.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="clock">The clock that dates reservations and journal lines and starts each hold's expiry; without one, holds never expire.</param>
    /// <param name="schema">The PostgreSQL schema of the tables (created when absent).</param>
    /// <param name="synchronousCommit">Whether each commit waits for its WAL flush (PostgreSQL's default); <see langword="false"/> trades the last transactions before a server crash for throughput.</param>
    public PostgreSqlSubsidyLedger(SubsidyScheme scheme, string connectionString, IClock? clock = null, string schema = DefaultSchema, bool synchronousCommit = true)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        CheckSchemaName(schema);
        Scheme = scheme;
        Schema = schema;
        this.clock = clock;
        begin = "BEGIN ISOLATION LEVEL READ COMMITTED";
        phaseCitations = [.. scheme.Phases.Select(p => p.Citation.ToString())];
        commits = new GroupCommit(RunBatch);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        if (!synchronousCommit)
        {
            builder.Options = (builder.Options + " -c synchronous_commit=off").Trim();
        }
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            Migrate();
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    // The schema name goes into SQL text (CREATE SCHEMA cannot take a parameter): only a plain lower-case identifier.
    internal static void CheckSchemaName(string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException("A schema name is lower-case letters, digits and underscores", nameof(schema));
        }
    }

    /// <summary>The schema this library creates (version <see cref="SchemaVersion"/>), as SQL a DBA can read.</summary>
    public static string SchemaSql { get; } = ReadSchema("v2.sql");

    // Run before SchemaSql on a version 1 schema, in the same transaction.
    private static readonly string MigrationFromVersion1 = ReadSchema("v1-to-v2.sql");

    /// <inheritdoc />
    public SubsidyScheme Scheme { get; }

    /// <summary>The PostgreSQL schema holding the tables.</summary>
    public string Schema { get; }

    /// <inheritdoc />
    public SubsidyReserveResult Reserve(in SubsidyClaim claim, int phaseIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(claim.ClaimId, nameof(claim));
        ArgumentOutOfRangeException.ThrowIfNegative(phaseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(phaseIndex, Scheme.Phases.Length);
        var kinds = new List<string>(4);
        var values = new List<string>(4);
        foreach (var kind in Scheme.UniquenessKeys)
        {
            if (SubsidyLedgerRules.KeyValue(claim, kind) is { } value)
            {
                kinds.Add(SubsidyLedgerRules.Name(kind));
                values.Add(value);
            }
        }
        // The amount and citation of each candidate phase: the one asked for, then the later ones when the scheme wait-lists.
        var last = Scheme.Exhaustion == SubsidyExhaustionPolicy.WaitListNextPhase ? Scheme.Phases.Length - 1 : phaseIndex;
        var amounts = new long[last - phaseIndex + 1];
        var citations = new string[amounts.Length];
        for (var i = phaseIndex; i <= last; i++)
        {
            amounts[i - phaseIndex] = Scheme.ComputeAmount(i, claim.Price, claim.LithiumToLeadAcid).Fen;
            citations[i - phaseIndex] = Scheme.Phases[i].Citation.ToString();
        }
        var at = Now();
        var expires = at is { } t ? SubsidyLedgerRules.ExpiryOf(Scheme, t) : (Instant?)null;
        var claimId = claim.ClaimId;
        var call = new Call("SELECT * FROM mr_subsidy_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            [Scheme.Id, claimId, phaseIndex + 1, amounts, kinds.ToArray(), values.ToArray(), Time(at), Time(expires), citations],
            reader => new SubsidyReserveResult(ReadReservation(reader, 1, claimId), IsRepeat: reader.GetBoolean(0)));
        return commits.Run(() => (SubsidyReserveResult)RunAlone(call), call);
    }

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Confirm(string claimId) => Settle(claimId, SubsidyReservationState.Confirmed);

    /// <inheritdoc />
    public RuleResult<SubsidyReservation> Release(string claimId) => Settle(claimId, SubsidyReservationState.Released);

    /// <inheritdoc />
    public ImmutableArray<SubsidyReservation> ReleaseExpired(Instant now)
    {
        using var connection = dataSource.OpenConnection();
        try
        {
            long sequence;
            var due = new List<SubsidyReservation>();
            using (var read = Batch(connection,
                (begin, []),
                ("SELECT last_sequence FROM mr_subsidy_ledger WHERE scheme_id = $1 FOR UPDATE", [Scheme.Id]),
                ($"SELECT {ClaimColumns} FROM mr_subsidy_claim WHERE scheme_id = $1 AND state = 'reserved' AND expires_at <= $2 ORDER BY expires_at, claim_id",
                    [Scheme.Id, Time(now)])))
            using (var reader = read.ExecuteReader())
            {
                sequence = ReadSequence(reader);
                reader.NextResult();
                while (reader.Read())
                {
                    due.Add(ReadReservation(reader));
                }
            }
            var at = Now() ?? Truncate(now);
            var writes = new List<(string, object?[])>();
            var released = ImmutableArray.CreateBuilder<SubsidyReservation>(due.Count);
            foreach (var reservation in due)
            {
                writes.AddRange(SettleWrites(reservation, SubsidyReservationState.Released, SubsidyErrors.ReservationExpired.Code, ++sequence, at));
                released.Add(reservation with { State = SubsidyReservationState.Released });
            }
            writes.Add(("COMMIT", []));
            using (var write = Batch(connection, [.. writes]))
            {
                write.ExecuteNonQuery();
            }
            return released.MoveToImmutable();
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    /// <inheritdoc />
    public SubsidyReservation? Find(string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        using var connection = dataSource.OpenConnection();
        using var batch = Batch(connection, ($"SELECT {ClaimColumns} FROM mr_subsidy_claim WHERE scheme_id = $1 AND claim_id = $2", [Scheme.Id, claimId]));
        using var reader = batch.ExecuteReader();
        return reader.Read() ? ReadReservation(reader) : null;
    }

    /// <inheritdoc />
    public SubsidyLedgerSnapshot Snapshot()
    {
        using var connection = dataSource.OpenConnection();
        using var batch = Batch(connection, ("SELECT phase, reserved_fen, paid_fen, reserved_count, paid_count FROM mr_subsidy_phase WHERE scheme_id = $1 ORDER BY phase", [Scheme.Id]));
        using var reader = batch.ExecuteReader();
        return new SubsidyLedgerSnapshot([.. ReadBalances(reader)], Scheme.OverallBudget);
    }

    /// <inheritdoc />
    public ImmutableArray<SubsidyLedgerEntry> Entries()
    {
        using var connection = dataSource.OpenConnection();
        return ReadEntries(connection);
    }

    /// <summary>
    /// Rebuilds the balances from the journal (<see cref="SubsidyLedgerRules.Replay"/>) and writes them over the
    /// balance rows, in one transaction holding the ledger's lock: the journal is the record, the balances a summary of it.
    /// </summary>
    /// <returns>The rebuilt balances.</returns>
    public SubsidyLedgerSnapshot RebuildBalances()
    {
        using var connection = dataSource.OpenConnection();
        try
        {
            using (var read = Batch(connection, (begin, []), ("SELECT last_sequence FROM mr_subsidy_ledger WHERE scheme_id = $1 FOR UPDATE", [Scheme.Id])))
            {
                read.ExecuteNonQuery();
            }
            var snapshot = SubsidyLedgerRules.Replay(Scheme, ReadEntries(connection));
            var writes = new List<(string, object?[])>();
            long takenFen = 0;
            var takenCount = 0;
            foreach (var p in snapshot.Phases)
            {
                writes.Add(("UPDATE mr_subsidy_phase SET reserved_fen = $3, paid_fen = $4, reserved_count = $5, paid_count = $6 WHERE scheme_id = $1 AND phase = $2",
                    [Scheme.Id, p.PhaseNumber, p.Reserved.Fen, p.Paid.Fen, p.ReservedCount, p.PaidCount]));
                takenFen += p.Reserved.Fen + p.Paid.Fen;
                takenCount += p.ReservedCount + p.PaidCount;
            }
            writes.Add(("UPDATE mr_subsidy_ledger SET taken_fen = $2, taken_count = $3 WHERE scheme_id = $1", [Scheme.Id, takenFen, takenCount]));
            writes.Add(("COMMIT", []));
            using (var write = Batch(connection, [.. writes]))
            {
                write.ExecuteNonQuery();
            }
            return snapshot;
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => dataSource.Dispose();

    private RuleResult<SubsidyReservation> Settle(string claimId, SubsidyReservationState target)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        var call = new Call("SELECT * FROM mr_subsidy_settle($1, $2, $3, $4, $5, $6, $7)",
            [Scheme.Id, claimId, SubsidyLedgerRules.Name(target), target == SubsidyReservationState.Confirmed ? SubsidyErrors.Confirmed.Code : SubsidyErrors.Released.Code,
             Time(Now()), phaseCitations, Scheme.ReservationExpiryCitation.ToString()],
            reader => ReadSettlement(reader, claimId, target));
        return commits.Run(() => (RuleResult<SubsidyReservation>)RunAlone(call), call);
    }

    // One write (a call of mr_subsidy_reserve or mr_subsidy_settle) in a transaction of its own.
    private object RunAlone(Call call)
    {
        using var connection = dataSource.OpenConnection();
        using var batch = Batch(connection, (call.Sql, call.Arguments));
        using var reader = batch.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The ledger function returned no row");
        }
        return call.Read(reader);
    }

    // Concurrent callers' writes (GroupCommit) as one request: BEGIN, one function call per write, COMMIT — one round
    // trip and one WAL flush for all of them. Each result is handed out only after the COMMIT's answer arrived. When
    // the server refuses any of them, the transaction is rolled back (nothing of it was committed) and each write runs
    // again alone, so that only the faulty one fails (a write whose COMMIT did land is answered as a repeat: every
    // write is idempotent by claim id).
    private void RunBatch(IReadOnlyList<GroupCommit.Write> batch)
    {
        if (batch.Count == 1)
        {
            batch[0].Run();
            return;
        }
        var calls = batch.Select(w => (Call)w.Payload!).ToArray();
        using (var connection = dataSource.OpenConnection())
        {
            try
            {
                var results = new object[calls.Length];
                using (var request = Batch(connection, [(begin, []), .. calls.Select(c => (c.Sql, c.Arguments)), ("COMMIT", [])]))
                using (var reader = request.ExecuteReader())
                {
                    for (var i = 0; i < calls.Length; i++)
                    {
                        if ((i > 0 && !reader.NextResult()) || !reader.Read())
                        {
                            throw new InvalidOperationException("The ledger function returned no row");
                        }
                        results[i] = calls[i].Read(reader);
                    }
                    while (reader.NextResult())
                    {
                    }
                }
                for (var i = 0; i < calls.Length; i++)
                {
                    batch[i].Succeed(results[i]);
                }
                return;
            }
            catch (NpgsqlException)
            {
                TryRollback(connection);
            }
        }
        foreach (var write in batch)
        {
            try
            {
                write.Run();
            }
#pragma warning disable CA1031 // The write keeps its own exception for its caller.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private RuleResult<SubsidyReservation> ReadSettlement(NpgsqlDataReader reader, string claimId, SubsidyReservationState target)
    {
        var outcome = reader.GetString(0);
        if (outcome == "unknown")
        {
            return RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(claimId));
        }
        var reservation = ReadReservation(reader, 1, claimId);
        return outcome == "settled" ? RuleResult<SubsidyReservation>.Success(reservation with { State = target })
            : reservation.State == target ? RuleResult<SubsidyReservation>.Success(reservation)
            : RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.InvalidTransition(claimId, reservation.State, target));
    }

    // A function call a write sends, and how its row is read.
    private sealed record Call(string Sql, object?[] Arguments, Func<NpgsqlDataReader, object> Read);

    private List<(string, object?[])> SettleWrites(SubsidyReservation current, SubsidyReservationState target, string code, long sequence, Instant? at)
    {
        var fen = current.Amount.Fen;
        var writes = new List<(string, object?[])>
        {
            (target == SubsidyReservationState.Released
                ? "UPDATE mr_subsidy_claim SET state = $3, settled_at = $4, settled_code = $5, held_person_id = NULL, held_old_plate = NULL, held_old_frame = NULL, held_new_frame = NULL WHERE scheme_id = $1 AND claim_id = $2 AND state = 'reserved'"
                : "UPDATE mr_subsidy_claim SET state = $3, settled_at = $4, settled_code = $5 WHERE scheme_id = $1 AND claim_id = $2 AND state = 'reserved'",
                [Scheme.Id, current.ClaimId, SubsidyLedgerRules.Name(target), Time(at), code]),
            (target == SubsidyReservationState.Confirmed
                ? "UPDATE mr_subsidy_phase SET reserved_fen = reserved_fen - $3, reserved_count = reserved_count - 1, paid_fen = paid_fen + $3, paid_count = paid_count + 1 WHERE scheme_id = $1 AND phase = $2"
                : "UPDATE mr_subsidy_phase SET reserved_fen = reserved_fen - $3, reserved_count = reserved_count - 1 WHERE scheme_id = $1 AND phase = $2",
                [Scheme.Id, current.PhaseNumber, fen]),
        };
        writes.AddRange(Journal(sequence, current.ClaimId, target == SubsidyReservationState.Confirmed ? SubsidyLedgerEntryKind.Confirmed : SubsidyLedgerEntryKind.Released,
            current.PhaseNumber, fen, null, code, target == SubsidyReservationState.Released ? -fen : 0, target == SubsidyReservationState.Released ? -1 : 0, at));
        return writes;
    }

    // The sequence is the ledger row's counter + 1, read under its lock. A null remaining is read from the phase row as just updated.
    private IEnumerable<(string, object?[])> Journal(long sequence, string claimId, SubsidyLedgerEntryKind kind, int phase, long amountFen, long? remainingFen, string code,
        long takenFen, int takenCount, Instant? at)
    {
        yield return ("UPDATE mr_subsidy_ledger SET last_sequence = $2, taken_fen = taken_fen + $3, taken_count = taken_count + $4 WHERE scheme_id = $1",
            [Scheme.Id, sequence, takenFen, takenCount]);
        yield return ("""
            INSERT INTO mr_subsidy_journal (scheme_id, sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, citation, at)
            SELECT $1, $2, $3, $4, $5, $6, CASE WHEN $10 THEN (SELECT budget_fen - reserved_fen - paid_fen FROM mr_subsidy_phase WHERE scheme_id = $1 AND phase = $5) ELSE $7 END, $8, $9, $11
            """,
            [Scheme.Id, sequence, claimId, SubsidyLedgerRules.Name(kind), phase, amountFen, remainingFen, code,
             SubsidyLedgerRules.CitationOf(Scheme, phase, code).ToString(), kind is SubsidyLedgerEntryKind.Confirmed or SubsidyLedgerEntryKind.Released, Time(at)]);
    }

    private ImmutableArray<SubsidyLedgerEntry> ReadEntries(NpgsqlConnection connection)
    {
        var entries = ImmutableArray.CreateBuilder<SubsidyLedgerEntry>();
        using var batch = Batch(connection, ("SELECT sequence, claim_id, kind, phase, amount_fen, phase_remaining_fen, reason_code, at FROM mr_subsidy_journal WHERE scheme_id = $1 ORDER BY sequence", [Scheme.Id]));
        using var reader = batch.ExecuteReader();
        while (reader.Read())
        {
            var phase = reader.GetInt32(3);
            var code = reader.GetString(6);
            entries.Add(new SubsidyLedgerEntry(reader.GetInt64(0), reader.GetString(1), (SubsidyLedgerEntryKind)(int)SubsidyLedgerRules.ParseState(reader.GetString(2)), phase,
                Money.FromFen(reader.GetInt64(4)), reader.IsDBNull(5) ? null : Money.FromFen(reader.GetInt64(5)), code, SubsidyLedgerRules.CitationOf(Scheme, phase, code))
            {
                At = reader.IsDBNull(7) ? null : Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)),
            });
        }
        return entries.ToImmutable();
    }

    private SubsidyReservation ReadReservation(NpgsqlDataReader reader) => ReadReservation(reader, 0, reader.GetString(10));

    // The columns state, phase, amount_fen, phase_remaining_fen, wait_listed_from, rejection_code, conflicting_key,
    // conflicting_claim_id, reserved_at, expires_at from an offset.
    private SubsidyReservation ReadReservation(NpgsqlDataReader reader, int o, string claimId)
    {
        var phase = reader.GetInt32(o + 1);
        return new SubsidyReservation(claimId, SubsidyLedgerRules.ParseState(reader.GetString(o)), phase, Money.FromFen(reader.GetInt64(o + 2)),
            reader.IsDBNull(o + 3) ? null : Money.FromFen(reader.GetInt64(o + 3)), Scheme.Phases[phase - 1].Citation)
        {
            WaitListedFromPhase = reader.IsDBNull(o + 4) ? null : reader.GetInt32(o + 4),
            Rejection = reader.IsDBNull(o + 5) ? null : SubsidyLedgerRules.Message(reader.GetString(o + 5)),
            ConflictingKey = reader.IsDBNull(o + 6) ? null : SubsidyLedgerRules.ParseKey(reader.GetString(o + 6)),
            ConflictingClaimId = reader.IsDBNull(o + 7) ? null : reader.GetString(o + 7),
            ReservedAt = reader.IsDBNull(o + 8) ? null : Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(o + 8), DateTimeKind.Utc)),
            ExpiresAt = reader.IsDBNull(o + 9) ? null : Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(o + 9), DateTimeKind.Utc)),
        };
    }

    private List<SubsidyPhaseBalance> ReadBalances(NpgsqlDataReader reader)
    {
        var balances = new List<SubsidyPhaseBalance>(Scheme.Phases.Length);
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

    private static long ReadSequence(NpgsqlDataReader reader)
    {
        if (!reader.Read())
        {
            throw new InvalidOperationException("The scheme's ledger row is missing");
        }
        return reader.GetInt64(0);
    }

    private void Migrate()
    {
        using var connection = dataSource.OpenConnection();
        try
        {
            Execute(connection, "BEGIN");
            Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey})");
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {Schema}");
            int? version;
            using (var check = Batch(connection, ("SELECT to_regclass('mr_schema_version') IS NOT NULL", [])))
            {
                version = (bool)check.ExecuteScalar()! ? null : -1;
            }
            if (version is null)
            {
                using var read = Batch(connection, ("SELECT version FROM mr_schema_version WHERE component = $1", [Component]));
                version = read.ExecuteScalar() is int v ? v : -1;
            }
            if (version == -1)
            {
                Execute(connection, SchemaSql);
                using var mark = Batch(connection, ("INSERT INTO mr_schema_version (component, version) VALUES ($1, $2)", [Component, SchemaVersion]));
                mark.ExecuteNonQuery();
            }
            else if (version == 1)
            {
                Execute(connection, MigrationFromVersion1);
                Execute(connection, SchemaSql);
                using var mark = Batch(connection, ("UPDATE mr_schema_version SET version = $2, applied_at = now() WHERE component = $1", [Component, SchemaVersion]));
                mark.ExecuteNonQuery();
            }
            else if (version > SchemaVersion)
            {
                throw new NotSupportedException($"Schema {Schema} holds subsidy-ledger schema version {version}; this library reads version {SchemaVersion} and older. Use a newer MarketRules.Subsidies.PostgreSql.");
            }
            var writes = new List<(string, object?[])>
            {
                ("""
                 INSERT INTO mr_subsidy_ledger (scheme_id, scheme_version, overall_budget_fen, overall_quota) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (scheme_id) DO UPDATE SET scheme_version = excluded.scheme_version, overall_budget_fen = excluded.overall_budget_fen, overall_quota = excluded.overall_quota
                 """, [Scheme.Id, Scheme.Version, Scheme.OverallBudget?.Fen, Scheme.OverallQuota]),
            };
            foreach (var phase in Scheme.Phases)
            {
                writes.Add(("""
                    INSERT INTO mr_subsidy_phase (scheme_id, phase, budget_fen, quota) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (scheme_id, phase) DO UPDATE SET budget_fen = excluded.budget_fen, quota = excluded.quota
                    """, [Scheme.Id, phase.Number, phase.Budget?.Fen, phase.Quota]));
            }
            writes.Add(("COMMIT", []));
            using var write = Batch(connection, [.. writes]);
            write.ExecuteNonQuery();
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    private Instant? Now() => clock?.GetCurrentInstant() is { } now ? Truncate(now) : null;

    private static Instant Truncate(Instant instant) => Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() - (instant.ToUnixTimeTicks() % 10));

    private static DateTime? Time(Instant? instant) => instant is { } i ? Truncate(i).ToDateTimeUtc() : null;

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void TryRollback(NpgsqlConnection connection)
    {
        try
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                Execute(connection, "ROLLBACK");
            }
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server rolls the transaction back when it goes.
        }
        catch (InvalidOperationException)
        {
            // The connection is in no state to talk: likewise.
        }
    }

    private static NpgsqlBatch Batch(NpgsqlConnection connection, params (string Sql, object?[] Parameters)[] commands)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var (sql, parameters) in commands)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in parameters)
            {
                command.Parameters.Add(value switch
                {
                    null => new NpgsqlParameter { Value = DBNull.Value },
                    DateTime time => new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    _ => new NpgsqlParameter { Value = value },
                });
            }
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private static string ReadSchema(string file)
    {
        using var stream = typeof(PostgreSqlSubsidyLedger).Assembly.GetManifestResourceStream("MarketRules.Subsidies.PostgreSql." + file)
            ?? throw new InvalidOperationException("The embedded schema MarketRules.Subsidies.PostgreSql." + file + " is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
