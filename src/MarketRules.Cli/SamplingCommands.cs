using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MarketRules.Parameters;
using MarketRules.Sampling;
using NodaTime;

namespace MarketRules.Cli;

/// <summary>
/// `marketrules sample` and `marketrules verify`: the double-random draw over a roster CSV file (the columns of
/// <see cref="RosterCsv.Header"/>), streamed, with progress on stderr and the receipt written to a file as it is serialised.
/// </summary>
internal sealed partial class CliApp
{
    private Command SampleCommand()
    {
        var roster = new Option<string>("--roster") { Description = "The roster CSV file (header: " + RosterCsv.Header + ").", Required = true };
        var task = new Option<string>("--task") { Description = "The inspection task's id, as published with the commitment.", Required = true };
        var seed = new Option<string>("--seed") { Description = "The seed bytes, as hexadecimal: the public value announced in advance.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The date of the draw (yyyy-MM-dd). Default: today in Beijing time." };
        var jurisdiction = new Option<string>("--jurisdiction", "-j") { Description = "Six-digit GB/T 2260 code whose working rules (ratios, coverage) apply.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the receipt (JSON).", Required = true };
        var cores = new Option<int>("--cores") { Description = "Cores to use (default: all).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("sample", "Commit a roster CSV file and draw from it (双随机 first random); the receipt goes to --out, progress to stderr.")
        {
            roster, task, seed, asOf, jurisdiction, output, cores,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            LocalDate? date = Today;
            if (parse.GetValue(asOf) is { } text)
            {
                date = NodaTime.Text.LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
            }
            var place = Jurisdiction.Parse(parse.GetValue(jurisdiction));
            byte[] seedBytes;
            try
            {
                seedBytes = Convert.FromHexString(parse.GetValue(seed)!);
            }
            catch (FormatException)
            {
                seedBytes = [];
            }
            if (date is null || !place.IsSuccess || seedBytes.Length == 0)
            {
                await stderr.WriteLineAsync("marketrules: --as-of must be yyyy-MM-dd, --jurisdiction a GB/T 2260 code and --seed hexadecimal bytes").ConfigureAwait(false);
                return UsageError;
            }
            var path = parse.GetValue(roster)!;
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"marketrules: roster '{path}' not found").ConfigureAwait(false);
                return UsageError;
            }
            var policy = SamplingPolicy.Resolve(new LawContext(engine.Policy, engine.Periods, place.Value), date.Value, out _);
            var degree = Math.Clamp(parse.GetValue(cores), 1, 256);
            var clockwatch = Stopwatch.StartNew();
            RuleResult<RosterCommitment> commitment;
            await using (var file = OpenRoster(path))
            {
                commitment = RosterCsv.Commit(parse.GetValue(task)!, date.Value, policy, file, degree, Progress("commit", clockwatch));
            }
            if (!commitment.IsSuccess)
            {
                await WriteErrorsAsync(path, commitment.Errors).ConfigureAwait(false);
                return RuleErrors;
            }
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"committed {commitment.Value.Records:N0} records, roster hash {commitment.Value.RosterHash}, {commitment.Value.Strata.Length} strata, {commitment.Value.TotalQuota:N0} to draw ({clockwatch.Elapsed.TotalSeconds:F1} s)")).ConfigureAwait(false);
            RuleResult<SamplingReceipt> receipt;
            await using (var file = OpenRoster(path))
            {
                receipt = RosterCsv.Draw(commitment.Value, seedBytes, file, degree, Progress("draw", clockwatch));
            }
            if (!receipt.IsSuccess)
            {
                await WriteErrorsAsync(path, receipt.Errors).ConfigureAwait(false);
                return RuleErrors;
            }
            await using (var file = new FileStream(parse.GetValue(output)!, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await receipt.Value.WriteToAsync(file, cancellation).ConfigureAwait(false);
            }
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"drew {receipt.Value.SelectedCount:N0} of {receipt.Value.Active:N0} active entities; receipt written to {parse.GetValue(output)} ({clockwatch.Elapsed.TotalSeconds:F1} s)")).ConfigureAwait(false);
            return Ok;
        });
        return command;
    }

    private Command VerifyCommand()
    {
        var roster = new Option<string>("--roster") { Description = "The published roster CSV file.", Required = true };
        var receiptPath = new Option<string>("--receipt") { Description = "The published receipt (JSON).", Required = true };
        var cores = new Option<int>("--cores") { Description = "Cores to use (default: all).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("verify", "Recompute a double-random draw's receipt from the published roster CSV file; exit 0 when it is confirmed bit for bit.")
        {
            roster, receiptPath, cores,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(roster)!;
            var receiptFile = parse.GetValue(receiptPath)!;
            if (!File.Exists(path) || !File.Exists(receiptFile))
            {
                await stderr.WriteLineAsync($"marketrules: '{(File.Exists(path) ? receiptFile : path)}' not found").ConfigureAwait(false);
                return UsageError;
            }
            var clockwatch = Stopwatch.StartNew();
            ReceiptVerification check;
            // The receipt is read as the draw is compared, a stratum at a time: a national receipt is never held whole.
            await using (var file = new FileStream(receiptFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                check = RosterCsv.VerifyPublished(file, () => OpenRoster(path), Math.Clamp(parse.GetValue(cores), 1, 256), Progress("verify", clockwatch));
            }
            if (!check.IsVerified)
            {
                var malformed = check.Differences.All(d => d.Code == "MR.Sampling.ReceiptMalformed");
                await WriteErrorsAsync(malformed ? receiptFile : path, check.Differences).ConfigureAwait(false);
                await stderr.WriteLineAsync($"NOT verified ({check.Format})").ConfigureAwait(false);
                return RuleErrors;
            }
            await stdout.WriteAsync(System.Text.Encoding.UTF8.GetBytes(
                $"verified: {check.Selected} selected of {check.Active} active, roster hash {check.RosterHash}, format {check.Format}\n"), cancellation).ConfigureAwait(false);
            return Ok;
        });
        return command;
    }

    private static FileStream OpenRoster(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private SynchronousProgress Progress(string phase, Stopwatch clockwatch) =>
        new SynchronousProgress(records => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {records:N0} records read ({clockwatch.Elapsed.TotalSeconds:F1} s)")));

    private async Task WriteErrorsAsync(string file, IEnumerable<RuleError> errors)
    {
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync($"{file}: {error.Code}{(error.Path is null ? "" : " at " + error.Path)}: {error.Message.English} / {error.Message.Chinese}").ConfigureAwait(false);
        }
    }

    /// <summary>Reports on the reading thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
