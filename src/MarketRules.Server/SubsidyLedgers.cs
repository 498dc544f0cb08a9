using System.Collections.Concurrent;
using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using NodaTime;

namespace MarketRules.Server;

/// <summary>
/// The ledgers behind the claims endpoints, one per scheme, chosen by configuration:
/// <c>MarketRules:Subsidies:Ledger</c> = <c>sqlite</c> (the default: the file <c>MarketRules:Subsidies:Sqlite:Path</c>,
/// default <c>marketrules-subsidies.db</c>), <c>postgresql</c> (the connection string
/// <c>ConnectionStrings:MarketRulesSubsidies</c>, schema <c>MarketRules:Subsidies:PostgreSql:Schema</c>; chosen by default
/// when that connection string is set) or <c>memory</c> (tests and demos only: lost at exit, one server only).
/// Schemes: the shipped ones and any JSON files listed under <c>MarketRules:Subsidies:Schemes</c>.
/// The idempotency records of the HTTP layer live in the same database, so that every server behind a load balancer
/// answers a repeated <c>Idempotency-Key</c> alike.
/// </summary>
internal sealed class SubsidyLedgers : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ISubsidyLedger>> ledgers = new(StringComparer.Ordinal);
    private readonly Func<SubsidyScheme, ISubsidyLedger> open;
    private readonly MarketRules.Hosting.IMarketRulesLaw law;

    public SubsidyLedgers(IConfiguration configuration, IClock clock, MarketRules.Hosting.IMarketRulesLaw law)
    {
        var section = configuration.GetSection("MarketRules:Subsidies");
        // The schemes ride on the law MarketRules.Hosting loaded and validated (shipped + MarketRules:Subsidies:Schemes files).
        this.law = law;
        var connectionString = configuration.GetConnectionString("MarketRulesSubsidies");
        Kind = (section["Ledger"] ?? (string.IsNullOrEmpty(connectionString) ? "sqlite" : "postgresql")).ToLowerInvariant();
        switch (Kind)
        {
            case "postgresql":
                if (string.IsNullOrEmpty(connectionString))
                {
                    throw new InvalidOperationException("MarketRules:Subsidies:Ledger is postgresql but ConnectionStrings:MarketRulesSubsidies is not set");
                }
                var schema = section["PostgreSql:Schema"] ?? PostgreSqlSubsidyLedger.DefaultSchema;
                open = scheme => new PostgreSqlSubsidyLedger(scheme, connectionString, clock, schema);
                Idempotency = new PostgreSqlIdempotencyStore(connectionString, schema);
                break;
            case "sqlite":
                var file = Path.GetFullPath(section["Sqlite:Path"] ?? "marketrules-subsidies.db");
                open = scheme => new SqliteSubsidyLedger(scheme, file, clock);
                Idempotency = new SqliteIdempotencyStore(file);
                break;
            case "memory":
                open = scheme => new InMemorySubsidyLedger(scheme, clock);
                Idempotency = new InMemoryIdempotencyStore();
                break;
            default:
                throw new InvalidOperationException($"MarketRules:Subsidies:Ledger '{Kind}' is not sqlite, postgresql or memory");
        }
    }

    public string Kind { get; }

    public IIdempotencyStore Idempotency { get; }

    /// <summary>The ledger of a scheme, opened (and its schema created) on first use.</summary>
    public RuleResult<ISubsidyLedger> Find(string schemeId)
    {
        var scheme = SubsidySchemes.Resolve(law.Current.Law, schemeId);
        if (!scheme.IsSuccess)
        {
            return RuleResult<ISubsidyLedger>.Failure(scheme.Errors);
        }
        return RuleResult<ISubsidyLedger>.Success(ledgers.GetOrAdd(schemeId, _ => new Lazy<ISubsidyLedger>(() => open(scheme.Value))).Value);
    }

    public void Dispose()
    {
        foreach (var ledger in ledgers.Values.Where(l => l.IsValueCreated))
        {
            (ledger.Value as IDisposable)?.Dispose();
        }
        (Idempotency as IDisposable)?.Dispose();
    }
}

/// <summary>A response kept for an <c>Idempotency-Key</c>: the request's fingerprint, the status and the body.</summary>
internal sealed record StoredResponse(string Fingerprint, int Status, string Body);

/// <summary>Where idempotency records live: first writer wins, every server reads the same record.</summary>
internal interface IIdempotencyStore
{
    StoredResponse? Find(string key);

    /// <summary>Keeps a response unless one is already kept for the key; returns the one kept.</summary>
    StoredResponse Save(string key, StoredResponse response);
}

internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, StoredResponse> responses = new(StringComparer.Ordinal);

    public StoredResponse? Find(string key) => responses.GetValueOrDefault(key);

    public StoredResponse Save(string key, StoredResponse response) => responses.GetOrAdd(key, response);
}

internal sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private readonly string connectionString;

    public SqliteIdempotencyStore(string file)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 120 }.ToString();
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

    public StoredResponse? Find(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT fingerprint, status, body FROM mr_http_idempotency WHERE idempotency_key = $k";
        command.Parameters.AddWithValue("$k", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    public StoredResponse Save(string key, StoredResponse response)
    {
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

internal sealed class PostgreSqlIdempotencyStore : IIdempotencyStore, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlIdempotencyStore(string connectionString, string schema)
    {
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
        using var connection = dataSource.OpenConnection();
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

    public StoredResponse? Find(string key)
    {
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT fingerprint, status, body FROM mr_http_idempotency WHERE idempotency_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredResponse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    public StoredResponse Save(string key, StoredResponse response)
    {
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

    public void Dispose() => dataSource.Dispose();
}
