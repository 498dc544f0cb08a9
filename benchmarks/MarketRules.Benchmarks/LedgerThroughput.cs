using System.Diagnostics;
using System.Globalization;
using System.Text;
using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using MarketRules.Subsidies.Testing;

namespace MarketRules.Benchmarks;

/// <summary>
/// Reserve + confirm per second on each ledger with 1, 2 and 8 concurrent callers: a wall-clock throughput run (the
/// quantity the issue asks for), not a BenchmarkDotNet job. Each run starts from an empty store with a budget large
/// enough for every claim; each caller reserves and confirms its share of distinct claims.
/// Run: dotnet run -c Release --project benchmarks/MarketRules.Benchmarks -- ledger-throughput [output.md]
/// </summary>
internal static class LedgerThroughput
{
    private static readonly int InMemoryClaims = int.Parse(Environment.GetEnvironmentVariable("INMEMORY_CLAIMS") ?? "1000000", CultureInfo.InvariantCulture);

    public static int Run(string[] args)
    {
        var output = args.Length > 1 ? args[1] : null;
        var report = new StringBuilder();
        report.AppendLine("| Ledger | Callers | Claims | Seconds | Reserve+confirm per second | Per CPU-second of this process |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        var clock = NodaTime.Testing.FakeClock.FromUtc(2022, 6, 1, 0, 0, 0);
        var directory = Directory.CreateTempSubdirectory("mr-bench-").FullName;
        void Measure(string name, int count, int callers, Func<SubsidyScheme, ISubsidyLedger> open)
        {
            var claims = SubsidyClaims.Generate(count);
            var scheme = SubsidyClaims.Scheme(long.MaxValue / 8);
            var evaluator = new SubsidyEvaluator(scheme);
            var phases = claims.Select(c => Math.Max(evaluator.Assess(c).PhaseIndex, 0)).ToArray();
            var ledger = open(scheme);
            // Warm up on claims outside the measured set (JIT tiers, prepared statements, pools).
            var warmCount = ledger is InMemorySubsidyLedger ? 200_000 : 300;
            var warm = SubsidyClaims.Generate(count + warmCount)[count..];
            foreach (var claim in warm)
            {
                ledger.Reserve(claim, 0);
                ledger.Confirm(claim.ClaimId);
            }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, callers).Select(t => new Thread(() =>
            {
                for (var i = t; i < claims.Length; i += callers)
                {
                    if (ledger.Reserve(claims[i], phases[i]).Reservation.State == SubsidyReservationState.Reserved)
                    {
                        ledger.Confirm(claims[i].ClaimId);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            watch.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var paid = ledger.Snapshot().Phases.Sum(p => p.PaidCount) - warm.Length;
            (ledger as IDisposable)?.Dispose();
            var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {callers} | {paid:N0} | {watch.Elapsed.TotalSeconds:F2} | {paid / watch.Elapsed.TotalSeconds:N0} | {paid / cpuSeconds:N0} |");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var only = Environment.GetEnvironmentVariable("LEDGERS") ?? "memory,sqlite,postgresql";
        foreach (var callers in new[] { 1, 2, 8 })
        {
            if (only.Contains("memory", StringComparison.Ordinal))
            {
                Measure("in-memory", InMemoryClaims, callers, s => new InMemorySubsidyLedger(s, clock, InMemoryClaims + 200_000));
            }
            if (only.Contains("sqlite", StringComparison.Ordinal))
            {
                Measure("SQLite (WAL, synchronous=NORMAL)", 20_000, callers, s => new SqliteSubsidyLedger(s, Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db"), clock));
            }
        }
        if (only.Contains("postgresql", StringComparison.Ordinal))
        {
            using var server = PostgreSqlServer.StartDurable();
            foreach (var callers in new[] { 1, 2, 8 })
            {
                Measure("PostgreSQL 15 (fsync on, synchronous_commit on)", 2_000, callers, s => new PostgreSqlSubsidyLedger(s, server.ConnectionString, clock, PostgreSqlServer.NewSchema()));
                Measure("PostgreSQL 15 (fsync on, synchronous_commit off)", 10_000, callers, s => new PostgreSqlSubsidyLedger(s, server.ConnectionString, clock, PostgreSqlServer.NewSchema(), synchronousCommit: false));
            }
        }
        Directory.Delete(directory, recursive: true);
        if (output is not null)
        {
            File.WriteAllText(output, report.ToString());
        }
        return 0;
    }
}
