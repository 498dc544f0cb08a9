using MarketRules.Subsidies;

namespace MarketRules.Benchmarks;

internal static class LedgerProfile
{
    public static int Run()
    {
        const int N = 1_000_000;
        var claims = SubsidyClaims.Generate(N);
        var scheme = SubsidyClaims.Scheme(long.MaxValue / 8);
        var noKeys = SubsidyScheme.Parse("""
        { "id": "bench", "jurisdiction": "330105", "title": { "zh": "基准", "en": "Benchmark" }, "uniqueness": [],
          "citation": { "document": { "zh": "基准", "en": "Benchmark" }, "status": "project-requirement" },
          "validity": { "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" },
          "phases": [
            { "start": "2022-06-01T00:00:00", "end": "2022-06-30T23:59:59", "amountFen": 30000, "budgetFen": 900000000000000,
              "citation": { "document": { "zh": "基准", "en": "Benchmark" }, "status": "project-requirement" } } ] }
        """).GetValueOrThrow();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, s, clock) in new[] { ("keys, clock", scheme, (IClock?)NodaTime.Testing.FakeClock.FromUtc(2022, 6, 1, 0, 0, 0)), ("keys, no clock", scheme, null), ("no keys, no clock", noKeys, null) })
            {
                var gc0 = GC.CollectionCount(0);
                var pause = GC.GetTotalPauseDuration();
                var ledger = new InMemorySubsidyLedger(s, clock, N);
                // The thread's CPU time (not wall time: the machine is shared) and the bytes it allocated, per operation.
                var cpu = LedgerThroughput.ThreadCpuMicroseconds();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < N; i++)
                {
                    ledger.Reserve(claims[i], 0);
                }
                var reserveNs = (LedgerThroughput.ThreadCpuMicroseconds() - cpu) * 1000.0 / N;
                var reserveBytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)N;
                cpu = LedgerThroughput.ThreadCpuMicroseconds();
                bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < N; i++)
                {
                    ledger.Confirm(claims[i].ClaimId);
                }
                var confirmNs = (LedgerThroughput.ThreadCpuMicroseconds() - cpu) * 1000.0 / N;
                var confirmBytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)N;
                Console.WriteLine($"{name}: reserve {reserveNs:F0} ns CPU, {reserveBytes:F0} B; confirm {confirmNs:F0} ns CPU, {confirmBytes:F0} B; gen0 GCs {GC.CollectionCount(0) - gc0}, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
            }
        }
        return 0;
    }
}
