using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;

namespace MarketRules.Server;

/// <summary>
/// Where the server's subsidy ledgers live, chosen by configuration: <c>MarketRules:Subsidies:Ledger</c> =
/// <c>sqlite</c> (the default: the file <c>MarketRules:Subsidies:Sqlite:Path</c>, default <c>marketrules-subsidies.db</c>),
/// <c>postgresql</c> (the connection string <c>ConnectionStrings:MarketRulesSubsidies</c>, schema
/// <c>MarketRules:Subsidies:PostgreSql:Schema</c>; chosen by default when that connection string is set) or
/// <c>memory</c> (tests and demos only: lost at exit, one server only).
/// </summary>
internal static class SubsidyLedgerConfiguration
{
    public const string DefaultSqlitePath = "marketrules-subsidies.db";

    public static SubsidyLedgerStorage Storage(IConfiguration configuration)
    {
        var section = configuration.GetSection("MarketRules:Subsidies");
        var connectionString = configuration.GetConnectionString("MarketRulesSubsidies");
        var kind = (section["Ledger"] ?? (string.IsNullOrEmpty(connectionString) ? "sqlite" : "postgresql")).ToLowerInvariant();
        return kind switch
        {
            "postgresql" => string.IsNullOrEmpty(connectionString)
                ? throw new InvalidOperationException("MarketRules:Subsidies:Ledger is postgresql but ConnectionStrings:MarketRulesSubsidies is not set")
                : new PostgreSqlSubsidyLedgerStorage(connectionString, section["PostgreSql:Schema"] ?? PostgreSqlSubsidyLedger.DefaultSchema),
            "sqlite" => new SqliteSubsidyLedgerStorage(section["Sqlite:Path"] ?? DefaultSqlitePath),
            "memory" => SubsidyLedgerStorage.InMemory(),
            _ => throw new InvalidOperationException($"MarketRules:Subsidies:Ledger '{kind}' is not sqlite, postgresql or memory"),
        };
    }
}
