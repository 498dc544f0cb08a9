using MarketRules.Subsidies;
using Microsoft.Data.Sqlite;

namespace MarketRules.Subsidies.Sqlite;

/// <summary>
/// The responses kept for <c>Idempotency-Key</c>s in a SQLite file (table <c>mr_http_idempotency</c>, beside the
/// ledger's tables): the primary key makes the first writer win, so every process on the file answers a repeated key
/// alike. The table is created on first use.
/// </summary>
/// <remarks>This type is thread-safe (a connection per call, from Microsoft.Data.Sqlite's pool).</remarks>
public sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private readonly string connectionString;

    /// <summary>Opens the store in a file, creating the file and its table when absent.</summary>
    /// <param name="databasePath">The SQLite file (usually the ledger's).</param>
    public SqliteIdempotencyStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, DefaultTimeout = 120 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS mr_http_idempotency (
                idempotency_key TEXT    NOT NULL PRIMARY KEY,
                fingerprint     TEXT    NOT NULL,  -- SHA-256 of method, path and body
                status          INTEGER NOT NULL,
                body            TEXT    NOT NULL
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>The file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc/>
    public StoredResponse? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT fingerprint, status, body FROM mr_http_idempotency WHERE idempotency_key = $k";
        command.Parameters.AddWithValue("$k", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    /// <inheritdoc/>
    public StoredResponse Save(string key, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO mr_http_idempotency (idempotency_key, fingerprint, status, body) VALUES ($k, $f, $s, $b) ON CONFLICT DO NOTHING";
            command.Parameters.AddWithValue("$k", key);
            command.Parameters.AddWithValue("$f", response.Fingerprint);
            command.Parameters.AddWithValue("$s", response.Status);
            command.Parameters.AddWithValue("$b", response.Body);
            command.ExecuteNonQuery();
        }
        return Find(key)!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 120000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Ledgers in one SQLite file (<see cref="SqliteSubsidyLedger"/>, one per scheme) with the <c>Idempotency-Key</c>
/// responses in the same file (<see cref="SqliteIdempotencyStore"/>): the embedded default, shared by the processes of
/// one machine. Give it to MarketRules.Hosting's <c>services.AddMarketRulesSubsidyLedgers(…)</c>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SqliteSubsidyLedgerStorage : SubsidyLedgerStorage
{
    /// <summary>Keeps the ledgers in a file (created when absent).</summary>
    /// <param name="databasePath">The SQLite file, relative to the working directory unless rooted.</param>
    public SqliteSubsidyLedgerStorage(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
    }

    /// <summary>The file, as a full path.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc/>
    public override string Kind => "sqlite";

    /// <inheritdoc/>
    public override ISubsidyLedger Open(SubsidyScheme scheme, IClock clock) => new SqliteSubsidyLedger(scheme, DatabasePath, clock);

    /// <inheritdoc/>
    public override IIdempotencyStore OpenIdempotencyStore() => new SqliteIdempotencyStore(DatabasePath);
}
