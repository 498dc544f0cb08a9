using System.Globalization;
using MarketRules.Sampling;
using MarketRules.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace MarketRules.Tests.Sampling;

/// <summary>One throwaway PostgreSQL cluster (initdb + pg_ctl, as for the subsidy ledger) for the sampling SQL reproduction.</summary>
[CollectionDefinition(Name)]
public sealed class SamplingPostgreSqlCluster : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "Sampling PostgreSQL";
}

/// <summary>
/// An auditor reproduces a draw of a million entities in PostgreSQL with its built-in <c>sha256()</c>: the SQL of
/// docs/sampling.md run on a real server started for the test run.
/// </summary>
[Collection(SamplingPostgreSqlCluster.Name)]
[Trait("Needs", "PostgreSQL")] // left out of mutation runs (eng/mutation.sh): it starts a server and takes 17 s
public class PostgreSqlReproductionTests(PostgreSqlServer server)
{
    // The SQL exactly as docs/sampling.md documents it (SamplingDocsTests checks the page still contains it).
    internal const string RosterHashSql = """
        SELECT encode(sha256(convert_to(string_agg(bucket || '|' || bucket_hash || chr(10),
                 '' ORDER BY bucket COLLATE "C"), 'UTF8')), 'hex') AS roster_hash
        FROM (SELECT substr(code, 18, 1) AS bucket,
                     encode(sha256(convert_to(string_agg(
                       code || '|' || region || '|' || industry || '|' || tier || '|' || status || '|' ||
                       priority || '|' || coalesce(last_inspected, '') || chr(10),
                       '' ORDER BY code COLLATE "C"), 'UTF8')), 'hex') AS bucket_hash
              FROM roster
              GROUP BY bucket) AS buckets;
        """;

    internal const string QuotaSql = """
        CREATE TABLE quotas AS
        SELECT region, industry, tier, active, population,
               least(population, ceil(active * least(1, ratio * CAST(@scale AS numeric)))) AS quota
        FROM (SELECT region, industry, tier, max(ratio) AS ratio,
                     count(*) AS active,
                     count(*) FILTER (WHERE last_inspected IS NULL OR last_inspected <= @window_start) AS population
              FROM roster JOIN ratios USING (tier)
              WHERE status = 'active'
              GROUP BY region, industry, tier) AS census;
        """;

    internal const string DrawSql = """
        WITH eligible AS (
          SELECT code, region, industry, tier,
                 encode(sha256(decode(@prefix, 'hex') || convert_to(code, 'UTF8')), 'hex') AS rank
          FROM roster
          WHERE status = 'active'
            AND (last_inspected IS NULL OR last_inspected <= @window_start)
        ),
        ranked AS (
          SELECT *, row_number() OVER (PARTITION BY region, industry, tier ORDER BY rank COLLATE "C") AS position
          FROM eligible
        )
        SELECT r.region, r.industry, r.tier, r.code, r.rank
        FROM ranked r
        JOIN quotas q USING (region, industry, tier)
        WHERE r.position <= q.quota
        ORDER BY r.region COLLATE "C", r.industry COLLATE "C", r.tier COLLATE "C", r.rank COLLATE "C";
        """;

    private const string WindowStart = "2024-03-01";

    [Fact]
    public async Task PostgreSql_MillionEntityRoster_SameHashQuotasAndSelection()
    {
        var roster = SamplingTestData.Roster(1_000_000, 7);
        var seed = SamplingTestData.Seed(7);
        var policy = new SamplingPolicy { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m, AvoidRepeatMonths = 12 };
        var receipt = DoubleRandomSampler.Plan("浙江-2025-双随机-全省", SamplingTestData.AsOf, policy, seed, roster, degreeOfParallelism: 2).GetValueOrThrow();
        Assert.Equal(new LocalDate(2024, 3, 1), SamplingTestData.AsOf.PlusMonths(-12));

        var schema = PostgreSqlServer.NewSchema();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"CREATE SCHEMA {schema}; SET search_path TO {schema}");
        await Execute(connection, "CREATE TABLE roster (code text, region text, industry text, tier text, status text, priority integer, last_inspected text)");
        await using (var copy = await connection.BeginBinaryImportAsync("COPY roster FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in roster)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.CreditCode.Value, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Region.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(r.Industry, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Tier.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(r.Status == EntityStatus.Active ? "active" : "deregistered", NpgsqlDbType.Text);
                await copy.WriteAsync((int)r.Priority, NpgsqlDbType.Integer);
                if (r.LastInspected is { } last)
                {
                    await copy.WriteAsync(last.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
            }
            await copy.CompleteAsync();
        }

        // 1. The roster hash.
        await using (var command = new NpgsqlCommand(RosterHashSql, connection))
        {
            Assert.Equal(receipt.RosterHash, (string)(await command.ExecuteScalarAsync())!);
        }

        // 2. The quotas, from the receipt's policy and scale.
        await Execute(connection, "CREATE TABLE ratios (tier text, ratio numeric)");
        await Execute(connection, string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO ratios VALUES ('A', {policy.RatioA}), ('B', {policy.RatioB}), ('C', {policy.RatioC}), ('D', {policy.RatioD})"));
        await using (var command = new NpgsqlCommand(QuotaSql, connection))
        {
            command.Parameters.AddWithValue("window_start", WindowStart);
            command.Parameters.AddWithValue("scale", receipt.Scale.ToString(CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
        }
        await using (var command = new NpgsqlCommand("SELECT region, industry, tier, active, population, quota FROM quotas ORDER BY region COLLATE \"C\", industry COLLATE \"C\", tier COLLATE \"C\"", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var quotas = new List<string>();
            while (await reader.ReadAsync())
            {
                quotas.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}:{reader.GetInt64(3)}:{reader.GetInt64(4)}:{Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)}");
            }
            Assert.Equal(receipt.Strata.Select(s => $"{s.Stratum}:{s.Active}:{s.Population}:{s.Quota}"), quotas);
        }

        // 3. The selection: 1 % to 30 % of a million entities, every code and rank as the receipt has them.
        await using (var command = new NpgsqlCommand(DrawSql, connection))
        {
            command.Parameters.AddWithValue("prefix", receipt.Prefix);
            command.Parameters.AddWithValue("window_start", WindowStart);
            await using var reader = await command.ExecuteReaderAsync();
            var selected = new List<string>();
            while (await reader.ReadAsync())
            {
                selected.Add($"{reader.GetString(3)}:{reader.GetString(4)}");
            }
            Assert.Equal(receipt.Strata.SelectMany(s => s.Selected).Select(s => $"{s.CreditCode}:{s.Rank}"), selected);
            Assert.True(selected.Count >= receipt.Target);
        }
        await Execute(connection, $"DROP SCHEMA {schema} CASCADE");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
