using MarketRules.Subsidies;
using Npgsql;

namespace MarketRules.Subsidies.PostgreSql;

/// <summary>
/// The responses kept for <c>Idempotency-Key</c>s in a PostgreSQL database (table <c>mr_http_idempotency</c>, in the
/// ledger's schema): the primary key makes the first writer win, so every server on the database answers a repeated
/// key alike. The table is created on first use.
/// </summary>
/// <remarks>This type is thread-safe. Dispose it to close its connection pool.</remarks>
public sealed class PostgreSqlIdempotencyStore : IIdempotencyStore, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    /// <summary>Opens the store, creating its table (and schema) when absent.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema of the table (the ledger's, <see cref="PostgreSqlSubsidyLedger.DefaultSchema"/> unless told otherwise).</param>
    public PostgreSqlIdempotencyStore(string connectionString, string schema = PostgreSqlSubsidyLedger.DefaultSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        PostgreSqlSubsidyLedger.CheckSchemaName(schema);
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
        try
        {
            using var connection = dataSource.OpenConnection();
            // Under the ledger's advisory lock, so that servers starting together create the schema once.
            using var command = new NpgsqlCommand($"""
                BEGIN;
                SELECT pg_advisory_xact_lock(5139850117716);
                CREATE SCHEMA IF NOT EXISTS {schema};
                CREATE TABLE IF NOT EXISTS mr_http_idempotency (
                    idempotency_key text        NOT NULL PRIMARY KEY,
                    fingerprint     text        NOT NULL,
                    status          integer     NOT NULL,
                    body            text        NOT NULL,
                    created_at      timestamptz NOT NULL DEFAULT now()
                );
                COMMIT;
                """, connection);
            command.ExecuteNonQuery();
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public StoredResponse? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT fingerprint, status, body FROM mr_http_idempotency WHERE idempotency_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    /// <inheritdoc/>
    public StoredResponse Save(string key, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        using (var connection = dataSource.OpenConnection())
        using (var command = new NpgsqlCommand("INSERT INTO mr_http_idempotency (idempotency_key, fingerprint, status, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            command.Parameters.Add(new NpgsqlParameter { Value = response.Fingerprint });
            command.Parameters.Add(new NpgsqlParameter { Value = response.Status });
            command.Parameters.Add(new NpgsqlParameter { Value = response.Body });
            command.ExecuteNonQuery();
        }
        return Find(key)!;
    }

    /// <inheritdoc/>
    public void Dispose() => dataSource.Dispose();
}

/// <summary>
/// Ledgers on PostgreSQL for several servers (<see cref="PostgreSqlSubsidyLedger"/>, one per scheme) with the
/// <c>Idempotency-Key</c> responses in the same schema (<see cref="PostgreSqlIdempotencyStore"/>). Give it to
/// MarketRules.Hosting's <c>services.AddMarketRulesSubsidyLedgers(…)</c>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PostgreSqlSubsidyLedgerStorage : SubsidyLedgerStorage
{
    /// <summary>Keeps the ledgers in a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string (every server the same).</param>
    /// <param name="schema">The PostgreSQL schema of the tables (lower-case letters, digits and underscores).</param>
    public PostgreSqlSubsidyLedgerStorage(string connectionString, string schema = PostgreSqlSubsidyLedger.DefaultSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        PostgreSqlSubsidyLedger.CheckSchemaName(schema);
        ConnectionString = connectionString;
        Schema = schema;
    }

    /// <summary>The connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL schema of the tables.</summary>
    public string Schema { get; }

    /// <inheritdoc/>
    public override string Kind => "postgresql";

    /// <inheritdoc/>
    public override ISubsidyLedger Open(SubsidyScheme scheme, IClock clock) => new PostgreSqlSubsidyLedger(scheme, ConnectionString, clock, Schema);

    /// <inheritdoc/>
    public override IIdempotencyStore OpenIdempotencyStore() => new PostgreSqlIdempotencyStore(ConnectionString, Schema);
}
