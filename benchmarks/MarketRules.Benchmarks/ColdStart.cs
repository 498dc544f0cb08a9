using System.Diagnostics;
using System.Globalization;

namespace MarketRules.Benchmarks;

/// <summary>
/// Cold start, measured on whole fresh processes (what BenchmarkDotNet, which warms up, cannot show): N processes of
/// the tiny app <c>benchmarks/MarketRules.ColdStart</c> per case, interleaved so that a change in the machine's load
/// falls on every case alike. Each case reports the median and p90 of the time from <c>Main</c> to the first decision
/// (the app's own Stopwatch) and of the whole process (start to exit, seen from here), in the same run.
/// Cases: MarketRules' first JSON decision (the subsidy conformance vector, and calendar.deadline/1), Microsoft
/// RulesEngine's first workflow evaluation of the same claim's ten conditions, and optionally the marketrules CLI
/// (<c>--cli path</c>, e.g. the Native AOT one) answering one <c>eval</c> of the subsidy request.
/// Build the app first (framework-dependent JIT, or ReadyToRun):
///   dotnet build benchmarks/MarketRules.ColdStart -c Release
///   dotnet publish benchmarks/MarketRules.ColdStart -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/coldstart-r2r
/// Run: nice -n -15 dotnet run -c Release --project benchmarks/MarketRules.Benchmarks -- cold-start 20 [--app dir]... [--cli path]
/// </summary>
internal static class ColdStart
{
    private static readonly string[] AppCases = ["marketrules", "marketrules-deadline", "rulesengine"];

    internal static int Run(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 20;
        var apps = new List<string>();
        string? cli = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--app" && i + 1 < args.Length)
            {
                apps.Add(Path.GetFullPath(args[++i]));
            }
            else if (args[i] == "--cli" && i + 1 < args.Length)
            {
                cli = Path.GetFullPath(args[++i]);
            }
        }
        if (apps.Count == 0)
        {
            apps.Add(Path.Combine(RepositoryRoot(), "benchmarks/MarketRules.ColdStart/bin/Release/net10.0"));
        }
        var cases = new List<(string Name, ProcessStartInfo Start, bool Reports)>();
        foreach (var app in apps)
        {
            var label = Path.GetFileName(app.TrimEnd('/'));
            foreach (var which in AppCases)
            {
                cases.Add(($"{which} ({label})", AppStart(app, which), true));
            }
        }
        string? requestFile = null;
        if (cli is not null)
        {
            requestFile = Path.Combine(Path.GetTempPath(), $"marketrules-coldstart-{Environment.ProcessId}.json");
            File.WriteAllText(requestFile, SubsidyRequest);
            var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "eval", "subsidy.ebike-tradein/1", "--input", requestFile, "--compact" })
            {
                start.ArgumentList.Add(arg);
            }
            cases.Add(($"marketrules eval ({Path.GetFileName(Path.GetDirectoryName(cli))})", start, false));
        }
        Console.WriteLine($"cold-start: {runs} fresh processes per case, interleaved; cores={Environment.ProcessorCount}; priority nice {Nice()}; load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        var first = cases.Select(_ => new List<double>()).ToArray();
        var whole = cases.Select(_ => new List<double>()).ToArray();
        // One unmeasured round: the files are then in the page cache for every case alike.
        for (var round = -1; round < runs; round++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var (elapsed, reported) = Measure(cases[c].Start, cases[c].Reports, cases[c].Name);
                if (round >= 0)
                {
                    whole[c].Add(elapsed);
                    if (reported is { } r)
                    {
                        first[c].Add(r);
                    }
                }
            }
        }
        if (requestFile is not null)
        {
            File.Delete(requestFile);
        }
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| Case | Main → first decision, median | p90 | Whole process, median | p90 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Count; c++)
        {
            var f = first[c].Count > 0 ? $"{Percentile(first[c], 0.5):F1} ms | {Percentile(first[c], 0.9):F1} ms" : "– | –";
            Console.WriteLine($"| {cases[c].Name} | {f} | {Percentile(whole[c], 0.5):F1} ms | {Percentile(whole[c], 0.9):F1} ms |");
        }
        return 0;
    }

    // The subsidy conformance vector "June edge", as the ColdStart app sends it.
    private const string SubsidyRequest = """
        {"rule":"subsidy.ebike-tradein/1","asOf":"2022-06-30","jurisdiction":"330105","input":{"schemeId":"gongshu-2022-ebike-tradein","claim":{"claimId":"A1","applicantId":"11010519491231002X","oldPlate":"杭州C12345","oldFrameNumber":"LF12345678","oldRegisteredNonStandard":true,"oldOwnerId":"11010519491231002X","recycledAt":"2022-06-30T08:00:00Z","recyclerAuthorised":true,"oldPlateCancelledAt":"2022-06-30T09:00:00Z","newFrameNumber":"NF87654321","newStandard":"gb17761-2018","newCccCertificate":"2021011119000001","purchaseDate":"2022-06-30","newPriceFen":259900,"newPlate":"浙A·54321","newRegisteredAt":"2022-06-30T15:00:00Z","completedAt":"2022-06-30T15:59:59Z","evidence":["identity-document","filing-certificate","recycling-receipt","plate-cancellation-record","purchase-invoice","ccc-certificate","new-plate-registration"]}}}
        """;

    private static ProcessStartInfo AppStart(string directory, string which)
    {
        // A published app has its apphost; a built one is started through the dotnet host (as `dotnet app.dll`).
        var apphost = Path.Combine(directory, "MarketRules.ColdStart");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(directory, "MarketRules.ColdStart.dll") } };
        start.ArgumentList.Add(which);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static (double Elapsed, double? Reported) Measure(ProcessStartInfo start, bool reports, string name)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + name);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }
        if (!reports)
        {
            return (elapsed, null);
        }
        // "first-decision-ms=12.34 ok=True"
        var line = stdout.Result.Split('\n').First(l => l.StartsWith("first-decision-ms=", StringComparison.Ordinal));
        var reported = double.Parse(line["first-decision-ms=".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        return (elapsed, reported);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    private static string Nice() =>
        File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketRules.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MarketRules.sln not found above " + AppContext.BaseDirectory);
    }
}
