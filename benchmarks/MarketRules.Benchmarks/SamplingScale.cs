using System.Diagnostics;
using System.Globalization;
using MarketRules.Sampling;
using MarketRules.Utility;

namespace MarketRules.Benchmarks;

/// <summary>
/// One national-scale run with wall time, bytes allocated and peak resident memory per phase — the quantities issue 13
/// asks for that BenchmarkDotNet does not report (peak RSS), and that stay meaningful on a loaded machine (allocations).
/// Run: dotnet run -c Release --project benchmarks/MarketRules.Benchmarks -- sampling-scale memory 10000000
///      dotnet run -c Release --project benchmarks/MarketRules.Benchmarks -- sampling-scale csv 100000000 /tmp/roster.csv
///      dotnet run -c Release --project benchmarks/MarketRules.Benchmarks -- sampling-scale composite 10000000 6
///      (SAMPLING_SCALE_AB=spread alternates the commit's spread sort off and on, =sha the draw's SHA-256 path between the
///      portable eight lanes and the best here, =pool empties the commit's memory pool before every other commit;
///      SAMPLING_SCALE_THP=1 samples AnonHugePages)
/// </summary>
internal static class SamplingScale
{
    private static readonly SamplingPolicy Policy = new() { AnnualCoverage = 0.05m, RatioA = 0.05m, RatioB = 0.05m, RatioC = 0.05m, RatioD = 0.05m };
    private static readonly LocalDate AsOf = new(2025, 3, 1);
    private static readonly byte[] Seed = [1, 2, 3, 4];
    private static readonly PeakWatch Watch = new();

    internal static int Run(string[] args)
    {
        var mode = args.Length > 1 ? args[1] : "memory";
        var n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000_000;
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"sampling-scale {mode} N={n:N0} cores={cores} load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return mode switch
        {
            "csv" => Csv(n, args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"roster-{n}.csv"), cores),
            "commits" => Commits(n, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 6, cores),
            "composite" => Composite(n, args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 6, cores),
            _ => InMemory(n, cores),
        };
    }

    /// <summary>
    /// The same in-memory commit several times in one process, as BenchmarkDotNet's iterations run it: CPU time and
    /// minor page faults per commit once the process is warm (the commit's memory is freshly mapped each time).
    /// SAMPLING_SCALE_AB=hugepages or =spread alternates one change off and on (A/B in one process).
    /// </summary>
    private static int Commits(int n, int times, int cores)
    {
        var roster = PublicDrawBenchmark.Generate(n);
        GC.Collect();
        // SAMPLING_SCALE_AB=hugepages: odd commits with the slabs advised as transparent huge pages, even ones without.
        // SAMPLING_SCALE_AB=spread: odd commits spread each bucket into slices before sorting it, even ones sort it whole.
        var ab = Environment.GetEnvironmentVariable("SAMPLING_SCALE_AB");
        for (var i = 0; i < times; i++)
        {
            if (ab == "hugepages")
            {
                NativeArena.HugePages = i % 2 == 1;
                Console.Write($"  [huge pages {(NativeArena.HugePages ? "on " : "off")}]");
            }
            else if (ab == "spread")
            {
                RosterCommitter.SpreadSort = i % 2 == 1;
                Console.Write($"  [spread sort {(RosterCommitter.SpreadSort ? "on " : "off")}]");
            }
            var faults = MinorFaults();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var commitment = DoubleRandomSampler.Commit("scale-task", AsOf, Policy, roster, cores).GetValueOrThrow();
            clock.Stop();
            Console.WriteLine($"  commit {i + 1}: {clock.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, "
                + $"{MinorFaults() - faults:N0} minor faults; {commitment.RosterHash[..12]}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return 0;
    }

    /// <summary>
    /// PublicDrawBenchmark's composite row — Commit, Draw, receipt to a counting stream, the same public calls — repeated
    /// in one warm process with a full collection between iterations (as BenchmarkDotNet forces one), printing per phase
    /// what a loaded machine does not distort: process CPU, GC collections and pause, minor page faults, and (with
    /// SAMPLING_SCALE_THP=1) the highest AnonHugePages sampled every 20 ms while the phase ran.
    /// </summary>
    private static int Composite(int n, int times, int cores)
    {
        var roster = PublicDrawBenchmark.Generate(n);
        GC.Collect();
        // smaps_rollup walks the page tables of the whole process (the roster's gigabytes too): read every 20 ms it took
        // a fifth of the process's CPU samples in session 9's profile, so it is asked for (SAMPLING_SCALE_THP=1) only in
        // a run that looks at huge pages, never in one whose CPU times are compared.
        Watch.SampleHugePages = Environment.GetEnvironmentVariable("SAMPLING_SCALE_THP") == "1";
        Console.WriteLine($"THP enabled: {File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Trim()}; defrag: {File.ReadAllText("/sys/kernel/mm/transparent_hugepage/defrag").Trim()}");
        var totals = new (double Wall, double Cpu, double Pause, long Faults)[4];
        for (var i = 0; i < times; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var ab = Environment.GetEnvironmentVariable("SAMPLING_SCALE_AB");
            if (ab == "spread")
            {
                // A/B in one process: odd iterations spread the commit's buckets before sorting, even ones sort them whole.
                RosterCommitter.SpreadSort = i % 2 == 1;
            }
            else if (ab == "pool")
            {
                // A/B in one process: even iterations empty the pool first, so their commit maps fresh memory as before
                // session 10; odd ones reuse the blocks the previous commit left in it.
                if (i % 2 == 0)
                {
                    NativeArena.TrimPool();
                }
            }
            else if (ab == "sha")
            {
                // A/B in one process: odd iterations hash the draw by the best path here, even ones by the portable eight lanes (before session 10).
                Sha256Lanes.Path = i % 2 == 1 ? Sha256Lanes.Best : Sha256Path.Lanes8;
            }
            Console.WriteLine($" iteration {i + 1} (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}{(RosterCommitter.SpreadSort ? "" : ", spread sort off")}, SHA-256 {Sha256Lanes.Path}, pooled {NativeArena.PooledBytes >> 20} MiB), AnonHugePages before {AnonHugePages() / 1e6:N0} MB:");
            var all = Counters.Take();
            var commitment = Measured("commit", ref totals[0], i, () => DoubleRandomSampler.Commit("benchmark-task", AsOf, Policy, roster, cores).GetValueOrThrow());
            var receipt = Measured("draw", ref totals[1], i, () => DoubleRandomSampler.Draw(commitment, Seed, roster, cores).GetValueOrThrow());
            Measured("receipt", ref totals[2], i, () =>
            {
                using var output = new PublicDrawBenchmark.CountingStream();
                receipt.WriteTo(output);
                return output.Length;
            });
            var whole = Counters.Take() - all;
            Console.WriteLine($"   {"all three",-8} {whole}");
            if (i > 0)
            {
                totals[3] = (totals[3].Wall + whole.Wall, totals[3].Cpu + whole.Cpu, totals[3].Pause + whole.Pause, totals[3].Faults + whole.Faults);
            }
        }
        if (times > 1)
        {
            Console.WriteLine($" mean of iterations 2–{times}:");
            string[] names = ["commit", "draw", "receipt", "all three"];
            for (var p = 0; p < 4; p++)
            {
                var t = totals[p];
                Console.WriteLine($"   {names[p],-9} {t.Wall / (times - 1):F3} s wall, {t.Cpu / (times - 1):F3} s CPU, GC paused {t.Pause / (times - 1):F3} s, {t.Faults / (times - 1):N0} minor faults");
            }
        }
        return 0;
    }

    private static T Measured<T>(string name, ref (double Wall, double Cpu, double Pause, long Faults) total, int iteration, Func<T> action)
    {
        Watch.TakeHugePages();
        var before = Counters.Take();
        var result = action();
        var used = Counters.Take() - before;
        Console.WriteLine($"   {name,-9} {used}; AnonHugePages up to {Watch.TakeHugePages() / 1e6:N0} MB");
        if (iteration > 0)
        {
            total = (total.Wall + used.Wall, total.Cpu + used.Cpu, total.Pause + used.Pause, total.Faults + used.Faults);
        }
        return result;
    }

    /// <summary>A phase's costs: wall and process CPU time, GC collections and pause, minor page faults.</summary>
    private readonly record struct Counters(double Wall, double Cpu, int Gen0, int Gen1, int Gen2, double Pause, long Faults)
    {
        internal static Counters Take() => new(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency, Environment.CpuUsage.TotalTime.TotalSeconds,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalSeconds, MinorFaults());

        public static Counters operator -(Counters a, Counters b) =>
            new(a.Wall - b.Wall, a.Cpu - b.Cpu, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause, a.Faults - b.Faults);

        public override string ToString() =>
            $"{Wall:F3} s wall, {Cpu:F3} s CPU, GC {Gen0}/{Gen1}/{Gen2} paused {Pause:F3} s, {Faults,7:N0} minor faults";
    }

    // smaps_rollup's AnonHugePages: anonymous memory of the process backed by transparent huge pages.
    private static long AnonHugePages() =>
        File.ReadLines("/proc/self/smaps_rollup").Where(l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["AnonHugePages:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();

    // /proc/self/stat's tenth field: minor page faults of the process.
    private static long MinorFaults() => long.Parse(File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ')[8], CultureInfo.InvariantCulture);

    private static int InMemory(int n, int cores)
    {
        var roster = PublicDrawBenchmark.Generate(n);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = ResidentBytes();
        ResetPeak();
        Console.WriteLine($"roster: {roster.Length:N0} records, resident {baseline / 1e6:N0} MB (of which the roster itself; GC heap {GC.GetTotalMemory(false) / 1e6:N0} MB)");
        var total = Stopwatch.StartNew();
        var commitment = Phase("commit (2 cores)", () => DoubleRandomSampler.Commit("scale-task", AsOf, Policy, roster, cores).GetValueOrThrow());
        var receipt = Phase("draw (2 cores)", () => DoubleRandomSampler.Draw(commitment, Seed, roster, cores).GetValueOrThrow());
        var bytes = Phase("receipt to stream", () =>
        {
            using var output = new PublicDrawBenchmark.CountingStream();
            receipt.WriteTo(output);
            return output.Length;
        });
        total.Stop();
        var peak = PeakResidentBytes();
        Console.WriteLine($"commit + draw + receipt: {total.Elapsed.TotalSeconds:F2} s wall; receipt {bytes / 1e6:N1} MB; {receipt.SelectedCount:N0} selected of {receipt.Active:N0} active");
        Console.WriteLine($"peak RSS {peak / 1e6:N0} MB, above the roster {(peak - baseline) / 1e6:N0} MB = {(double)(peak - baseline) / roster.Length:F1} B per entity "
            + $"(budget 64 B/entity + 300 B/selected = {(64.0 * roster.Length + 300.0 * receipt.SelectedCount) / 1e6:N0} MB)");
        Phase("draw (1 core)", () => DoubleRandomSampler.Draw(commitment, Seed, roster, 1).GetValueOrThrow());
        Phase("draw (2 cores), again", () => DoubleRandomSampler.Draw(commitment, Seed, roster, cores).GetValueOrThrow());
        return 0;
    }

    private static int Csv(int n, string path, int cores)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            var generate = Stopwatch.StartNew();
            using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20))
            {
                writer.Write(RosterCsv.Header + "\n");
                const int batch = 1_000_000;
                for (var start = 0; start < n; start += batch)
                {
                    foreach (var record in PublicDrawBenchmark.Generate(Math.Min(batch, n - start), start))
                    {
                        var line = DoubleRandomSampler.CanonicalLine(record);
                        writer.Write(line.Replace('|', ','));
                    }
                }
            }
            Console.WriteLine($"generated {path}: {new FileInfo(path).Length / 1e9:N2} GB in {generate.Elapsed.TotalSeconds:F0} s");
        }
        ResetPeak();
        var baseline = ResidentBytes();
        var total = Stopwatch.StartNew();
        var commitment = Phase("commit from CSV", () =>
        {
            using var file = File.OpenRead(path);
            return RosterCsv.Commit("scale-task", AsOf, Policy, file, cores).GetValueOrThrow();
        });
        var receipt = Phase("draw from CSV", () =>
        {
            using var file = File.OpenRead(path);
            return RosterCsv.Draw(commitment, Seed, file, cores).GetValueOrThrow();
        });
        var records = commitment.Records;
        // The commitment is dropped before verification, which builds its own: at most one commitment is live at a time.
        commitment = null!;
        var receiptPath = path + ".receipt.json";
        Phase("receipt to file", () =>
        {
            using var file = File.Create(receiptPath);
            receipt.WriteTo(file);
            return file.Length;
        });
        receipt = null!;
        // Collected here so the peak below is what verification keeps live, not what the GC has not yet reclaimed.
        GC.Collect();
        Console.WriteLine($"  after GC.Collect(): RSS {ResidentBytes() / 1e6:N0} MB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6:N0} MB, native {NativeArena.OutstandingBytes / 1e6:N0} MB");
        var verified = Phase("verify from CSV (commit + draw again)", () =>
        {
            // The published receipt is read as it is compared, a stratum at a time: it is never held beside the
            // commitment and the recomputed draw.
            using var published = File.OpenRead(receiptPath);
            return RosterCsv.VerifyPublished(published, () => File.OpenRead(path), cores);
        });
        Console.WriteLine($"{records:N0} records; verified: {verified.IsVerified}; total {total.Elapsed.TotalSeconds:F0} s; "
            + $"peak RSS {PeakResidentBytes() / 1e6:N0} MB (process start {baseline / 1e6:N0} MB) = {(double)(PeakResidentBytes() - baseline) / records:F1} B per record");
        return verified.IsVerified ? 0 : 1;
    }

    private static T Phase<T>(string name, Func<T> action)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Watch.TakePeak();
        var clock = Stopwatch.StartNew();
        var result = action();
        clock.Stop();
        var (rss, native, gcCommitted) = Watch.TakePeak();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  {name}: {clock.Elapsed.TotalSeconds:F2} s wall, {used.TotalSeconds:F2} s CPU, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:N0} MB allocated, "
            + $"peak RSS so far {PeakResidentBytes() / 1e6:N0} MB; GC paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s "
            + $"(gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}); "
            + $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"    at the phase's highest sampled RSS, {rss / 1e6:N0} MB: native (commit entries) {native / 1e6:N0} MB, GC committed (at the last GC) {gcCommitted / 1e6:N0} MB, "
            + $"rest {(rss - native - gcCommitted) / 1e6:N0} MB; after the phase RSS {ResidentBytes() / 1e6:N0} MB, native {NativeArena.OutstandingBytes / 1e6:N0} MB");
        return result;
    }

    private static long ResidentBytes() => Status("VmRSS:");

    /// <summary>
    /// Samples the resident size every 20 ms on its own thread and keeps, for the highest sample since the last
    /// <see cref="TakePeak"/>, what it was made of: the native arenas (the commit's entries) and the GC heap's committed
    /// bytes as of the last collection. VmHWM stays the exact peak; this says what filled it.
    /// </summary>
    private sealed class PeakWatch
    {
        private readonly Lock gate = new();
        private (long Rss, long Native, long GcCommitted) peak;
        private long hugePages;

        /// <summary>Whether the sampler also reads AnonHugePages (smaps_rollup walks the page tables: only when asked).</summary>
        internal bool SampleHugePages { get; set; }

        /// <summary>The highest AnonHugePages sampled since the last call.</summary>
        internal long TakeHugePages() => Interlocked.Exchange(ref hugePages, 0);

        internal PeakWatch()
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "RSS sampler" };
            thread.Start();
        }

        internal (long Rss, long Native, long GcCommitted) TakePeak()
        {
            lock (gate)
            {
                var taken = peak;
                peak = default;
                return taken;
            }
        }

        private void Loop()
        {
            var page = Environment.SystemPageSize;
            while (true)
            {
                // statm's second field: resident pages.
                var rss = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * page;
                lock (gate)
                {
                    if (rss > peak.Rss)
                    {
                        peak = (rss, NativeArena.OutstandingBytes, GC.GetGCMemoryInfo().TotalCommittedBytes);
                    }
                }
                if (SampleHugePages)
                {
                    var huge = AnonHugePages();
                    if (huge > Interlocked.Read(ref hugePages))
                    {
                        Interlocked.Exchange(ref hugePages, huge);
                    }
                }
                Thread.Sleep(20);
            }
        }
    }

    private static long PeakResidentBytes() => Status("VmHWM:");

    // Writing 5 to clear_refs resets VmHWM to the current RSS, so the peak is the run's, not the setup's.
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long Status(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => long.Parse(l[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();
}
