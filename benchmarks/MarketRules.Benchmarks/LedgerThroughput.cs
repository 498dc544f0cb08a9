using System.Diagnostics;
using System.Globalization;
using System.Text;
using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using MarketRules.TestSupport;

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

    private static readonly int SqliteClaims = int.Parse(Environment.GetEnvironmentVariable("SQLITE_CLAIMS") ?? "20000", CultureInfo.InvariantCulture);

    // CALLERS=1 measures one caller only (while iterating on one ledger); the report runs 1, 2 and 8.
    private static readonly int[] CallerCounts = (Environment.GetEnvironmentVariable("CALLERS") ?? "1,2,8").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();

    // The calling thread's CPU time (user + system), from getrusage(RUSAGE_THREAD): unlike wall time, it does not
    // count the time other processes on a loaded machine take from this one.
    internal static long ThreadCpuMicroseconds()
    {
        if (!OperatingSystem.IsLinux() || getrusage(1, out var usage) != 0)
        {
            return 0;
        }
        return (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
    }

    // The calling thread's time on a CPU and waiting for one (ns), from /proc/thread-self/schedstat: what is left of a
    // thread's wall time is time it was blocked (file or lock waits), which a loaded machine does not inflate.
    internal static (long Running, long Runnable) ThreadSchedule()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (0, 0);
        }
        var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long Rest0, Rest1, Rest2, Rest3, Rest4, Rest5, Rest6, Rest7, Rest8, Rest9, Rest10, Rest11, Rest12, Rest13;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    public static int Run(string[] args)
    {
        var output = args.Length > 1 ? args[1] : null;
        var report = new StringBuilder();
        report.AppendLine("| Ledger | Callers | Claims | Wall seconds | Reserve+confirm per second (wall) | Per CPU-second of the callers' threads | Per CPU-second of the process | Callers blocked, µs per reserve+confirm | PostgreSQL server CPU, µs per reserve+confirm |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var clock = NodaTime.Testing.FakeClock.FromUtc(2022, 6, 1, 0, 0, 0);
        var directory = Directory.CreateTempSubdirectory("mr-bench-").FullName;
        PostgreSqlServer? server = null;
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
            var serverCpu = server?.ServerCpu();
            var watch = Stopwatch.StartNew();
            long threadMicros = 0;
            long blockedNanos = 0;
            var threads = Enumerable.Range(0, callers).Select(t => new Thread(() =>
            {
                var before = ThreadCpuMicroseconds();
                var schedule = ThreadSchedule();
                var started = Stopwatch.GetTimestamp();
                for (var i = t; i < claims.Length; i += callers)
                {
                    if (ledger.Reserve(claims[i], phases[i]).Reservation.State == SubsidyReservationState.Reserved)
                    {
                        ledger.Confirm(claims[i].ClaimId);
                    }
                }
                Interlocked.Add(ref threadMicros, ThreadCpuMicroseconds() - before);
                var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds;
                var (running, runnable) = ThreadSchedule();
                Interlocked.Add(ref blockedNanos, elapsed - (running - schedule.Running) - (runnable - schedule.Runnable));
            })
            {
                // Named, so `perf report --comm ledger-caller` shows the callers' threads alone.
                Name = "ledger-caller",
            }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            watch.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var serverSeconds = (server?.ServerCpu() - serverCpu)?.TotalSeconds;
            var paid = ledger.Snapshot().Phases.Sum(p => p.PaidCount) - warm.Length;
            (ledger as IDisposable)?.Dispose();
            var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {callers} | {paid:N0} | {watch.Elapsed.TotalSeconds:F2} | {paid / watch.Elapsed.TotalSeconds:N0} | {paid / (threadMicros / 1e6):N0} | {paid / cpuSeconds:N0} | {blockedNanos / 1e3 / paid:N0} | {(serverSeconds is { } ss ? (ss * 1e6 / paid).ToString("N0", CultureInfo.InvariantCulture) : "–")} |");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var only = Environment.GetEnvironmentVariable("LEDGERS") ?? "memory,sqlite,postgresql";
        foreach (var callers in CallerCounts)
        {
            if (only.Contains("memory", StringComparison.Ordinal))
            {
                Measure("in-memory", InMemoryClaims, callers, s => new InMemorySubsidyLedger(s, clock, InMemoryClaims + 200_000));
            }
            if (only.Contains("sqlite", StringComparison.Ordinal))
            {
                Measure("SQLite (WAL, synchronous=NORMAL)", SqliteClaims, callers, s => new SqliteSubsidyLedger(s, Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db"), clock));
            }
        }
        if (only.Contains("postgresql", StringComparison.Ordinal))
        {
            using var started = PostgreSqlServer.StartDurable();
            server = started;
            foreach (var callers in CallerCounts)
            {
                Measure("PostgreSQL 15 (fsync on, synchronous_commit on)", 2_000, callers, s => new PostgreSqlSubsidyLedger(s, started.ConnectionString, clock, PostgreSqlServer.NewSchema()));
                Measure("PostgreSQL 15 (fsync on, synchronous_commit off)", 10_000, callers, s => new PostgreSqlSubsidyLedger(s, started.ConnectionString, clock, PostgreSqlServer.NewSchema(), synchronousCommit: false));
            }
        }
        Directory.Delete(directory, recursive: true);
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
        if (output is not null)
        {
            File.WriteAllText(output, report.ToString());
        }
        return 0;
    }
}
