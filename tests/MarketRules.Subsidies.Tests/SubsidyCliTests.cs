using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MarketRules.Subsidies;
using MarketRules.Tests.Subsidies;

namespace MarketRules.Subsidies.Tests;

// `marketrules subsidy …` as a bureau would run a phase from the command line, against a SQLite file.
public sealed class SubsidyCliTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly string directory = Directory.CreateTempSubdirectory("mr-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task ReserveShowConfirmReleaseExpireBalancesJournal_AgainstOneFile()
    {
        var db = Path.Combine(directory, "phase1.db");
        var first = JsonSerializer.Serialize(JsonDocument.Parse(SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(1, SubsidyTestData.June15))).RootElement,
            Indented);
        var reserved = await RunAsync(first, "subsidy", "--db", db, "reserve");
        Assert.Equal(0, reserved.ExitCode);
        var decision = JsonDocument.Parse(reserved.Stdout).RootElement;
        Assert.Equal("granted", decision.GetProperty("outcome").GetString());
        Assert.Equal("reserved", decision.GetProperty("reservation").GetProperty("state").GetString());

        var batch = string.Join('\n', new[] { 2, 3 }.Select(n => SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(n, SubsidyTestData.June15))))
            + "\n" + SubsidyLedgerJson.WriteClaim(SubsidyTestData.Input(4, SubsidyTestData.June15, person: 1)) + "\n{ \"claimId\": \"bad\" }\n";
        var more = await RunAsync(batch, "subsidy", "--db", db, "reserve", "--confirm");
        Assert.Equal(1, more.ExitCode); // the bad line
        var lines = more.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("confirmed", lines[0].GetProperty("reservation").GetProperty("state").GetString());
        Assert.Equal("already-subsidised", lines[2].GetProperty("outcome").GetString());
        Assert.False(lines[3].GetProperty("ok").GetBoolean());

        Assert.Equal("confirmed", Parse((await RunAsync("", "subsidy", "--db", db, "show", "C000002")).Stdout).GetProperty("state").GetString());
        var release = await RunAsync("", "subsidy", "--db", db, "release", "C000002");
        Assert.Equal(1, release.ExitCode);
        Assert.Contains("MR.Subsidy.InvalidLedgerTransition", release.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("", "subsidy", "--db", db, "confirm", "nobody")).ExitCode);

        Assert.Equal("", (await RunAsync("", "subsidy", "--db", db, "release-expired", "--at", "2000-01-01T00:00:00Z")).Stdout.Trim());
        var expired = Parse((await RunAsync("", "subsidy", "--db", db, "release-expired", "--at", "2100-01-01T00:00:00Z")).Stdout);
        Assert.Equal("C000001", expired.GetProperty("claimId").GetString());

        var balances = Parse((await RunAsync("", "subsidy", "--db", db, "balances")).Stdout);
        Assert.Equal(60_000, balances.GetProperty("paidFen").GetInt64());
        Assert.Equal(0, balances.GetProperty("reservedFen").GetInt64());
        var journal = (await RunAsync("", "subsidy", "--db", db, "journal")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Equal(["reserved", "reserved", "confirmed", "reserved", "confirmed", "rejected", "released"], journal.Select(j => j.GetProperty("kind").GetString()));
        Assert.Equal("MR.Subsidy.ReservationExpired", journal[^1].GetProperty("reasonCode").GetString());
        Assert.Contains("MarketRules", journal[^1].GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
