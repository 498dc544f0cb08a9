using System.Globalization;
using DuckDB.NET.Data;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>An auditor reproduces a draw outside .NET: the SQL of docs/sampling.md run in embedded DuckDB.</summary>
public class DuckDbReproductionTests
{
    // The SQL exactly as docs/sampling.md documents it (the doc test checks the doc still contains it).
    internal const string RosterHashSql = """
        SELECT sha256(string_agg(bucket || '|' || bucket_hash || chr(10), '' ORDER BY bucket)) AS roster_hash
        FROM (SELECT substr(code, 18, 1) AS bucket,
                     sha256(string_agg(
                       code || '|' || region || '|' || industry || '|' || tier || '|' || status || '|' ||
                       priority || '|' || coalesce(last_inspected, '') || chr(10),
                       '' ORDER BY code)) AS bucket_hash
              FROM roster
              GROUP BY bucket) AS buckets;
        """;

    internal const string QuotaSql = """
        CREATE TABLE quotas AS
        SELECT region, industry, tier,
               count(*) AS active,
               count(*) FILTER (WHERE last_inspected IS NULL OR last_inspected <= $window_start) AS population,
               least(population, ceil(active * least(1, any_value(ratio) * CAST($scale AS DECIMAL(18,9))))) AS quota
        FROM roster JOIN ratios USING (tier)
        WHERE status = 'active'
        GROUP BY region, industry, tier;
        """;

    internal const string DrawSql = """
        WITH eligible AS (
          SELECT code, region, industry, tier,
                 sha256(unhex($prefix) || encode(code)) AS rank
          FROM roster
          WHERE status = 'active'
            AND (last_inspected IS NULL OR last_inspected <= $window_start)
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


    private const string WindowStart = "2024-03-01";

    [Fact]
    public void DuckDbSql_GeneratedRoster_SameHashQuotasAndSelection()
    {
        var roster = SamplingTestData.Roster(5_000, 42);
        var seed = SamplingTestData.Seed(42);
        // Henan's ratios and a 12-month avoid-repeat window: entities inspected after 2024-03-01 are not drawn.
        var policy = new SamplingPolicy { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m, AvoidRepeatMonths = 12 };
        var receipt = DoubleRandomSampler.Plan("杭州拱墅-2025-双随机-01", SamplingTestData.AsOf, policy, seed, roster).GetValueOrThrow();

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE roster (code VARCHAR, region VARCHAR, industry VARCHAR, tier VARCHAR, status VARCHAR, priority INTEGER, last_inspected VARCHAR)");
        Assert.Equal(new LocalDate(2024, 3, 1), SamplingTestData.AsOf.PlusMonths(-12));
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
        using (var command = connection.CreateCommand())
        {
            command.CommandText = QuotaSql;
            command.Parameters.Add(new DuckDBParameter("window_start", WindowStart));
            command.Parameters.Add(new DuckDBParameter("scale", receipt.Scale.ToString(CultureInfo.InvariantCulture)));
            command.ExecuteNonQuery();
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT region, industry, tier, active, population, quota FROM quotas ORDER BY region, industry, tier";
            using var reader = command.ExecuteReader();
            var quotas = new List<string>();
            while (reader.Read())
            {
                quotas.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}:{reader.GetInt64(3)}:{reader.GetInt64(4)}:{Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)}");
            }
            Assert.Equal(receipt.Strata.Select(s => $"{s.Stratum}:{s.Active}:{s.Population}:{s.Quota}"), quotas);
        }

        // 3. The selection.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = DrawSql;
            command.Parameters.Add(new DuckDBParameter("prefix", receipt.Prefix));
            command.Parameters.Add(new DuckDBParameter("window_start", WindowStart));
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
