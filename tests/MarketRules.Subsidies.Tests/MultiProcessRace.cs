using System.Diagnostics;
using System.Globalization;
using System.Text;
using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using MarketRules.TestSupport;
using MarketRules.Testing;
using MarketRules.Tests.Subsidies;

namespace MarketRules.Subsidies.Tests;

/// <summary>
/// Several processes on one ledger: N separate `marketrules subsidy reserve --confirm` workers (the built command)
/// race over one SQLite file or one PostgreSQL database; then the same with the workers killed by SIGKILL in the
/// middle and started again. Afterwards: no overspend, no double payment, the journal adds up to the balances, and
/// every claim id has exactly one final state.
/// </summary>
public abstract class MultiProcessRace : IDisposable
{
    private const int Workers = 4;

    protected MultiProcessRace() => Directory = System.IO.Directory.CreateTempSubdirectory("mr-race-").FullName;

    protected string Directory { get; }

    /// <summary>The options that point a worker at the shared ledger.</summary>
    protected abstract string[] LedgerArguments(string store);

    protected abstract string NewStore();

    protected abstract ISubsidyLedger OpenLedger(SubsidyScheme scheme, string store);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory: the system cleans it.
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FourWorkerProcesses_10000Claims_NoOverspendNoDoublePaymentJournalEqualsBalances()
    {
        var (scheme, schemePath, claims, parts) = Prepare(10_000, recipients: 2_560);
        var store = NewStore();
        var results = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => RunWorkerAsync(schemePath, store, parts[w], killAfterLines: null)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"worker exited {r.ExitCode}: {r.Stderr}"));
        Assert.Equal(claims.Length, results.Sum(r => r.Lines));
        Verify(scheme, store, claims, recipients: 2_560);
    }

    [Fact]
    public async Task WorkersKilledMidRaceAndRestarted_LoseNothingPayNothingTwiceAndSettleEveryClaimOnce()
    {
        var (scheme, schemePath, claims, parts) = Prepare(2_400, recipients: 600);
        var store = NewStore();
        // First run: each worker is killed (SIGKILL) after it has answered about a third of its claims.
        var killed = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => RunWorkerAsync(schemePath, store, parts[w], killAfterLines: claims.Length / Workers / 3 + 37 * w)));
        Assert.All(killed, r => Assert.True(r.Killed, "a worker finished before it could be killed"));
        using (var ledger = (IDisposable)OpenLedger(scheme, store))
        {
            var decided = ((ISubsidyLedger)ledger).Entries().Count(e => e.Kind is SubsidyLedgerEntryKind.Reserved or SubsidyLedgerEntryKind.Rejected);
            Assert.InRange(decided, 1, claims.Length - 1);
        }
        // Restart: the same inputs again; repeats return the first answers, holds left by the killed run are confirmed.
        var restarted = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => RunWorkerAsync(schemePath, store, parts[w], killAfterLines: null)));
        Assert.All(restarted, r => Assert.True(r.ExitCode == 0, $"worker exited {r.ExitCode}: {r.Stderr}"));
        Verify(scheme, store, claims, recipients: 600);
    }

    private void Verify(SubsidyScheme scheme, string store, SubsidyClaim[] claims, int recipients)
    {
        var ledger = OpenLedger(scheme, store);
        try
        {
            var entries = ledger.Entries();
            var snapshot = ledger.Snapshot();
            // Nothing lost: the whole budget went to distinct recipients, nothing is left held.
            Assert.Equal(Money.FromFen(recipients * 30_000L), snapshot.Paid);
            Assert.Equal(recipients, snapshot.Phases[0].PaidCount);
            Assert.Equal(Money.Zero, snapshot.Reserved);
            Assert.Equal(Money.Zero, snapshot.Phases[0].Remaining);
            // Never beyond the budget at any line, never a key or a claim paid twice.
            ComplianceAssert.WithinBudget(ledger);
            ComplianceAssert.NeverPaidTwice(scheme, claims, entries);
            // The journal adds up to the balances, with a gapless sequence.
            Assert.Equal(Enumerable.Range(1, entries.Length).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Equal(SubsidyLedgerRules.Replay(scheme, entries).Phases.ToArray(), snapshot.Phases.ToArray());
            // Every claim id: one decision line, at most one settlement, exactly one final state (paid or refused).
            var byClaim = entries.ToLookup(e => e.ClaimId);
            // Every claim's stored state, read by four callers at once (one query each: on PostgreSQL a round trip each).
            var finals = claims.AsParallel().WithDegreeOfParallelism(4).Select(c => ledger.Find(c.ClaimId)!).ToDictionary(r => r.ClaimId);
            foreach (var claim in claims)
            {
                var lines = byClaim[claim.ClaimId].ToList();
                Assert.Single(lines, l => l.Kind is SubsidyLedgerEntryKind.Reserved or SubsidyLedgerEntryKind.Rejected);
                Assert.True(lines.Count(l => l.Kind is SubsidyLedgerEntryKind.Confirmed or SubsidyLedgerEntryKind.Released) <= 1);
                var final = finals[claim.ClaimId];
                Assert.True(final.State is SubsidyReservationState.Confirmed or SubsidyReservationState.Rejected, $"{claim.ClaimId} ended {final.State}");
                Assert.Equal(final.State == SubsidyReservationState.Confirmed, lines.Any(l => l.Kind == SubsidyLedgerEntryKind.Confirmed));
                if (final.Rejection == SubsidyErrors.AlreadySubsidised)
                {
                    Assert.Equal(SubsidyReservationState.Confirmed, finals[final.ConflictingClaimId!].State);
                }
            }
            Assert.Equal(claims.Select(c => c.ClaimId).ToHashSet(), entries.Select(e => e.ClaimId).ToHashSet());
        }
        finally
        {
            ((IDisposable)ledger).Dispose();
        }
    }

    // Claims with repeated persons (30 %) and reused old plates (every 10th), split round robin into one NDJSON file per worker.
    private (SubsidyScheme Scheme, string SchemePath, SubsidyClaim[] Claims, string[] Parts) Prepare(int count, int recipients)
    {
        var schemeJson = SchemeJson(recipients * 30_000L);
        var schemePath = Path.Combine(Directory, "scheme.json");
        File.WriteAllText(schemePath, schemeJson);
        var scheme = SubsidyScheme.Parse(schemeJson).GetValueOrThrow();
        var persons = count * 7 / 10;
        var inputs = Enumerable.Range(0, count).Select(n =>
        {
            var input = SubsidyTestData.Input(n, SubsidyTestData.June15.Plus(Duration.FromSeconds(n)), person: n % persons);
            return n % 10 == 9 ? input with { OldPlate = "杭州" + (n - 1).ToString("D6", CultureInfo.InvariantCulture) } : input;
        }).ToArray();
        var parts = new string[Workers];
        for (var w = 0; w < Workers; w++)
        {
            parts[w] = Path.Combine(Directory, $"claims-{w}.ndjson");
            var lines = new StringBuilder();
            for (var i = w; i < inputs.Length; i += Workers)
            {
                lines.Append(SubsidyLedgerJson.WriteClaim(inputs[i])).Append('\n');
            }
            File.WriteAllText(parts[w], lines.ToString());
        }
        return (scheme, schemePath, [.. inputs.Select(SubsidyClaim.FromInput)], parts);
    }

    private async Task<WorkerResult> RunWorkerAsync(string schemePath, string store, string input, int? killAfterLines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Cli.Dll, "subsidy", "--scheme", schemePath }.Concat(LedgerArguments(store)).Concat(["reserve", "-i", input, "--confirm"]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = 0;
        var killed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length > 0)
                {
                    lines++;
                }
                if (killAfterLines is { } limit && lines >= limit && !killed)
                {
                    process.Kill(); // SIGKILL: no cleanup, mid-transaction or between reserve and confirm.
                    killed = true;
                }
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"worker on {input} did not finish within 5 minutes; {lines} lines so far; {await stderr}");
        }
        return new WorkerResult(process.ExitCode, lines, killed, await stderr);
    }

    private static string SchemeJson(long budgetFen) => $$"""
        {
          "id": "race-scheme", "jurisdiction": "330105",
          "title": { "zh": "多进程测试", "en": "Multi-process test" },
          "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" },
          "validity": { "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" },
          "phases": [
            { "start": "2022-06-01T00:00:00", "end": "2022-06-30T23:59:59", "amountFen": 30000, "budgetFen": {{budgetFen}},
              "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" } }
          ]
        }
        """;

    private sealed record WorkerResult(int ExitCode, int Lines, bool Killed, string Stderr);
}

public sealed class SqliteMultiProcessRace : MultiProcessRace
{
    protected override string NewStore() => Path.Combine(Directory, "ledger-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override string[] LedgerArguments(string store) => ["--db", store];

    protected override ISubsidyLedger OpenLedger(SubsidyScheme scheme, string store) => new SqliteSubsidyLedger(scheme, store);
}

[Collection(PostgreSqlCluster.Name)]
public sealed class PostgreSqlMultiProcessRace(PostgreSqlServer server) : MultiProcessRace
{
    protected override string NewStore() => PostgreSqlServer.NewSchema();

    protected override string[] LedgerArguments(string store) => ["--postgres", server.ConnectionString, "--pg-schema", store];

    protected override ISubsidyLedger OpenLedger(SubsidyScheme scheme, string store) => new PostgreSqlSubsidyLedger(scheme, server.ConnectionString, schema: store);
}

/// <summary>The built `marketrules` command (MarketRules.Cli.dll), run with `dotnet`.</summary>
internal static class Cli
{
    public static string Dll { get; } = FindDll();

    private static string FindDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "MarketRules.Cli.dll") };
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketRules.sln")))
            {
                candidates.Add(Path.Combine(directory.FullName, "src", "MarketRules.Cli", "bin", configuration, "net10.0", "MarketRules.Cli.dll"));
                break;
            }
        }
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new InvalidOperationException("The built CLI (MarketRules.Cli.dll) was not found; build src/MarketRules.Cli first");
    }
}
