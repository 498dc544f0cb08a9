using System.Globalization;
using DuckDB.NET.Data;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>An auditor reproduces a draw outside .NET: the SQL of docs/sampling.md run in embedded DuckDB.</summary>
public class DuckDbReproductionTests
{
    // The SQL exactly as docs/sampling.md documents it (the doc test checks the doc still contains it).
    internal const string RosterHashSql = """
        SELECT sha256(string_agg(
                 code || '|' || region || '|' || industry || '|' || tier || '|' || status || '|' ||
                 priority || '|' || coalesce(last_inspected, '') || chr(10),
                 '' ORDER BY code)) AS roster_hash
        FROM roster;
        """;

    internal const string DrawSql = """
        WITH eligible AS (
          SELECT code, region, industry, tier,
                 sha256(unhex($prefix) || encode(code)) AS rank
          FROM roster
          WHERE status = 'active'
        ),
        ranked AS (
          SELECT *, row_number() OVER (PARTITION BY region, industry, tier ORDER BY rank) AS position
          FROM eligible
        )
        SELECT r.region, r.industry, r.tier, r.code, r.rank
        FROM ranked r
        JOIN quotas q USING (region, industry, tier)
        WHERE r.position <= q.quota
        ORDER BY r.region, r.industry, r.tier, r.rank;
        """;


    [Fact]
    public void DuckDbSql_GeneratedRoster_SameHashQuotasAndSelection()
    {
        var roster = SamplingTestData.Roster(5_000, 42);
        var seed = SamplingTestData.Seed(42);
        var policy = new SamplingPolicy { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m };
        var receipt = DoubleRandomSampler.Plan("杭州拱墅-2025-双随机-01", SamplingTestData.AsOf, policy, seed, roster).GetValueOrThrow();

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE roster (code VARCHAR, region VARCHAR, industry VARCHAR, tier VARCHAR, status VARCHAR, priority INTEGER, last_inspected VARCHAR)");
        using (var appender = connection.CreateAppender("roster"))
        {
            foreach (var r in roster)
            {
                appender.CreateRow()
                    .AppendValue(r.CreditCode.Value).AppendValue(r.Region.ToString()).AppendValue(r.Industry).AppendValue(r.Tier.ToString())
                    .AppendValue(r.Status == EntityStatus.Active ? "active" : "deregistered").AppendValue((int)r.Priority)
                    .AppendValue(r.LastInspected?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))
                    .EndRow();
            }
        }

        // 1. The roster hash.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = RosterHashSql;
            Assert.Equal(receipt.RosterHash, (string)command.ExecuteScalar()!);
        }

        // 2. The quotas: ceil(population × min(1, ratio × scale)), per stratum, from the receipt's policy and scale.
        Execute(connection, "CREATE TABLE ratios (tier VARCHAR, ratio DECIMAL(18,9))");
        Execute(connection, $"INSERT INTO ratios VALUES ('A', {policy.RatioA}), ('B', {policy.RatioB}), ('C', {policy.RatioC}), ('D', {policy.RatioD})");
        Execute(connection, $"""
            CREATE TABLE quotas AS
            SELECT region, industry, tier, count(*) AS population,
                   least(count(*), ceil(count(*) * least(1, any_value(ratio) * CAST({receipt.Scale.ToString(CultureInfo.InvariantCulture)} AS DECIMAL(18,9))))) AS quota
            FROM roster JOIN ratios USING (tier)
            WHERE status = 'active'
            GROUP BY region, industry, tier
            """);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT region, industry, tier, population, quota FROM quotas ORDER BY region, industry, tier";
            using var reader = command.ExecuteReader();
            var quotas = new List<string>();
            while (reader.Read())
            {
                quotas.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}:{reader.GetInt64(3)}:{Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)}");
            }
            Assert.Equal(receipt.Strata.Select(s => $"{s.Stratum}:{s.Population}:{s.Quota}"), quotas);
        }

        // 3. The selection.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = DrawSql;
            command.Parameters.Add(new DuckDBParameter("prefix", receipt.Prefix));
            using var reader = command.ExecuteReader();
            var selected = new List<string>();
            while (reader.Read())
            {
                selected.Add($"{reader.GetString(3)}:{reader.GetString(4)}");
            }
            Assert.Equal(receipt.Strata.SelectMany(s => s.Selected).Select(s => $"{s.CreditCode}:{s.Rank}"), selected);
            Assert.True(selected.Count >= receipt.Target);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
