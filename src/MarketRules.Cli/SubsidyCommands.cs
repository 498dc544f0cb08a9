using System.CommandLine;
using System.Text;
using System.Text.Json;
using MarketRules.Subsidies;
using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace MarketRules.Cli;

// `marketrules subsidy …`: run a phase's budget from the command line against a durable ledger (a SQLite file by
// default, or PostgreSQL), one JSON answer per line on stdout.
internal sealed partial class CliApp
{
    public const string DefaultLedgerFile = "marketrules-subsidies.db";

    private Command SubsidyCommand()
    {
        var db = new Option<string>("--db") { Description = $"The SQLite ledger file (created on first use; WAL: several processes may share it). Default: {DefaultLedgerFile}.", DefaultValueFactory = _ => DefaultLedgerFile, Recursive = true };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string: use that database's ledger instead of the SQLite file.", Recursive = true };
        var pgSchema = new Option<string>("--pg-schema") { Description = "The PostgreSQL schema of the ledger's tables.", DefaultValueFactory = _ => PostgreSqlSubsidyLedger.DefaultSchema, Recursive = true };
        var scheme = new Option<string>("--scheme", "-s") { Description = "The scheme: a shipped id (gongshu-2022-ebike-tradein, national-2025-ebike-tradein) or a scheme JSON file.", DefaultValueFactory = _ => SubsidySchemes.Gongshu2022.Id, Recursive = true };
        var command = new Command("subsidy", "Run an e-bike trade-in subsidy phase against a durable ledger: reserve, confirm, release, expire, balances, journal.") { db, postgres, pgSchema, scheme };

        var input = InputOption("Claims as JSON: one object, or NDJSON (one claim per line); a file, or - for stdin (the default).");
        var confirm = new Option<bool>("--confirm") { Description = "Confirm each granted claim at once (payment made), and any claim a rerun finds still reserved." };
        var explain = new Option<bool>("--explain") { Description = "Include each decision's explanation." };
        var reserve = new Command("reserve", "Assess and reserve claims, first come first served in input order; one decision per line (bad input: an error object on its line).") { input, confirm, explain };
        reserve.SetAction((parse, cancellation) => WithLedgerAsync(parse, db, postgres, pgSchema, scheme, async ledger =>
        {
            var allocator = new SubsidyAllocator(ledger);
            var path = parse.GetValue(input);
            var reader = path is null or "-" ? new StreamReader(stdin, Utf8, leaveOpen: true) : File.Exists(path) ? new StreamReader(path, Utf8) : null;
            if (reader is null)
            {
                await stderr.WriteLineAsync($"marketrules: input file '{path}' not found").ConfigureAwait(false);
                return UsageError;
            }
            var failed = false;
            using (reader)
            {
                var text = await reader.ReadToEndAsync(cancellation).ConfigureAwait(false);
                var lines = IsOneJsonObject(text) ? [text] : text.Split('\n');
                foreach (var raw in lines)
                {
                    var line = raw.Trim();
                    if (line.Length == 0)
                    {
                        continue;
                    }
                    var claim = SubsidyLedgerJson.ReadClaim(Utf8.GetBytes(line));
                    var result = claim.IsSuccess ? allocator.Submit(claim.Value) : RuleResult<SubsidyDecision>.Failure(claim.Errors);
                    if (!result.IsSuccess)
                    {
                        failed = true;
                        await WriteLineAsync(w => WriteErrors(w, result.Errors), cancellation).ConfigureAwait(false);
                        continue;
                    }
                    var decision = result.Value;
                    SubsidyReservation? current = null;
                    if (parse.GetValue(confirm) && decision.Reservation is { State: SubsidyReservationState.Reserved })
                    {
                        var confirmed = ledger.Confirm(decision.ClaimId);
                        failed |= !confirmed.IsSuccess;
                        current = confirmed.IsSuccess ? confirmed.Value : null;
                    }
                    await WriteLineAsync(w => SubsidyLedgerJson.Write(w, decision, parse.GetValue(explain), current), cancellation).ConfigureAwait(false);
                }
            }
            return failed ? RuleErrors : Ok;
        }));

        command.Subcommands.Add(reserve);
        command.Subcommands.Add(SettleCommand("confirm", "Mark reservations paid (idempotent).", db, postgres, pgSchema, scheme, (l, id) => l.Confirm(id)));
        command.Subcommands.Add(SettleCommand("release", "Release reservations whose payment failed: the money and the keys return (idempotent).", db, postgres, pgSchema, scheme, (l, id) => l.Release(id)));
        command.Subcommands.Add(SettleCommand("show", "Print claims' reservations in their current state.", db, postgres, pgSchema, scheme,
            (l, id) => l.Find(id) is { } r ? RuleResult<SubsidyReservation>.Success(r) : RuleResult<SubsidyReservation>.Failure(SubsidyLedgerRules.UnknownClaim(id))));

        var at = new Option<string?>("--at") { Description = "The instant to expire holds at (ISO 8601, e.g. 2022-06-04T00:00:00Z). Default: now." };
        var expire = new Command("release-expired", "Release every unpaid reservation whose hold lapsed (the scheme's reservation expiry); one line per hold released.") { at };
        expire.SetAction((parse, cancellation) => WithLedgerAsync(parse, db, postgres, pgSchema, scheme, async ledger =>
        {
            var now = clock.GetCurrentInstant();
            if (parse.GetValue(at) is { } text)
            {
                var parsed = InstantPattern.ExtendedIso.Parse(text);
                if (!parsed.Success)
                {
                    await stderr.WriteLineAsync($"marketrules: --at '{text}' is not an ISO 8601 instant (2022-06-04T00:00:00Z)").ConfigureAwait(false);
                    return UsageError;
                }
                now = parsed.Value;
            }
            foreach (var released in ledger.ReleaseExpired(now))
            {
                await WriteLineAsync(w => SubsidyLedgerJson.Write(w, released), cancellation).ConfigureAwait(false);
            }
            return Ok;
        }));
        command.Subcommands.Add(expire);

        var balances = new Command("balances", "Print the balances: per phase budget, held, paid, counts and remaining (JSON).");
        balances.SetAction((parse, cancellation) => WithLedgerAsync(parse, db, postgres, pgSchema, scheme, async ledger =>
        {
            await WriteLineAsync(w => SubsidyLedgerJson.Write(w, ledger.Snapshot()), cancellation).ConfigureAwait(false);
            return Ok;
        }));
        command.Subcommands.Add(balances);

        var journal = new Command("journal", "Print the journal, one line per reserve, confirm, release or reject with its reason code and citation (NDJSON).");
        journal.SetAction((parse, cancellation) => WithLedgerAsync(parse, db, postgres, pgSchema, scheme, async ledger =>
        {
            foreach (var entry in ledger.Entries())
            {
                await WriteLineAsync(w => SubsidyLedgerJson.Write(w, entry), cancellation).ConfigureAwait(false);
            }
            return Ok;
        }));
        command.Subcommands.Add(journal);
        return command;
    }

    private Command SettleCommand(string name, string description, Option<string> db, Option<string?> postgres, Option<string> pgSchema, Option<string> scheme,
        Func<ISubsidyLedger, string, RuleResult<SubsidyReservation>> settle)
    {
        var ids = new Argument<string[]>("claim-id") { Description = "The claims' ids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { ids };
        command.SetAction((parse, cancellation) => WithLedgerAsync(parse, db, postgres, pgSchema, scheme, async ledger =>
        {
            var failed = false;
            foreach (var id in parse.GetValue(ids) ?? [])
            {
                var result = settle(ledger, id);
                failed |= !result.IsSuccess;
                await WriteLineAsync(w =>
                {
                    if (result.IsSuccess)
                    {
                        SubsidyLedgerJson.Write(w, result.Value);
                    }
                    else
                    {
                        WriteErrors(w, result.Errors);
                    }
                }, cancellation).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    foreach (var error in result.Errors)
                    {
                        await stderr.WriteLineAsync($"{error.Code}: {error.Message.English} / {error.Message.Chinese}").ConfigureAwait(false);
                    }
                }
            }
            return failed ? RuleErrors : Ok;
        }));
        return command;
    }

    private async Task<int> WithLedgerAsync(ParseResult parse, Option<string> db, Option<string?> postgres, Option<string> pgSchema, Option<string> schemeOption,
        Func<ISubsidyLedger, Task<int>> action)
    {
        var schemeText = parse.GetValue(schemeOption)!;
        RuleResult<SubsidyScheme> scheme;
        if (File.Exists(schemeText))
        {
            scheme = SubsidyScheme.Parse(await File.ReadAllTextAsync(schemeText).ConfigureAwait(false));
        }
        else
        {
            scheme = SubsidySchemes.Resolve(NationalCatalog.Law, schemeText);
        }
        if (!scheme.IsSuccess)
        {
            foreach (var error in scheme.Errors)
            {
                await stderr.WriteLineAsync($"{schemeText}: {error.Code}{(error.Path is null ? "" : " at " + error.Path)}: {error.Message.English} / {error.Message.Chinese}").ConfigureAwait(false);
            }
            return RuleErrors;
        }
        var ledger = parse.GetValue(postgres) is { Length: > 0 } connection
            ? (ISubsidyLedger)new PostgreSqlSubsidyLedger(scheme.Value, connection, clock, parse.GetValue(pgSchema)!)
            : new SqliteSubsidyLedger(scheme.Value, parse.GetValue(db)!, clock);
        try
        {
            return await action(ledger).ConfigureAwait(false);
        }
        finally
        {
            ((IDisposable)ledger).Dispose();
        }
    }

    private async Task WriteLineAsync(Action<Utf8JsonWriter> write, CancellationToken cancellation)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRules.Json.MarketRulesJson.Encoder }))
        {
            write(writer);
        }
        await stdout.WriteAsync(buffer.WrittenMemory, cancellation).ConfigureAwait(false);
        await stdout.WriteAsync("\n"u8.ToArray(), cancellation).ConfigureAwait(false);
        await stdout.FlushAsync(cancellation).ConfigureAwait(false);
    }

    // One claim, possibly pretty-printed, or NDJSON (one claim per line).
    private static bool IsOneJsonObject(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteErrors(Utf8JsonWriter writer, IEnumerable<RuleError> errors)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("ok", false);
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            MarketRules.Json.MarketRulesJson.Write(writer, error);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
