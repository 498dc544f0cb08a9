using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Cli.Demo;
using MarketRules.Engine;
using NodaTime;
using Spectre.Console;

namespace MarketRules.Cli;

/// <summary>
/// The `marketrules` commands over given streams and clock, so that tests run them in process as well as the
/// built tool. Exit codes: 0 success, 1 rule or input errors (details on stderr, the decision on stdout), 2 usage.
/// </summary>
internal sealed partial class CliApp
{
    public const int Ok = 0;
    public const int RuleErrors = 1;
    public const int UsageError = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream stdin;
    private readonly Stream stdout;
    private readonly TextWriter stderr;
    private readonly IClock clock;
    private readonly Option<string[]> policyPacks = new("--policy-pack")
    {
        Description = "A local policy pack (JSON) whose parameters apply to requests of its jurisdiction; repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> calendarYears = new("--calendar-year")
    {
        Description = "A statutory calendar file (JSON, the format of the embedded calendar: the State Council's holiday notice for a year it does not hold yet, or a corrected year) that every rule counts working days on; repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private RuleEngine engine;
    private RuleEngine prettyEngine;
    private readonly bool interactive;

    public CliApp(Stream stdin, Stream stdout, TextWriter stderr, IClock clock, RuleEngine? engine = null, bool interactive = false)
    {
        this.interactive = interactive;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.clock = clock;
        this.engine = engine ?? RuleEngine.Default;
        prettyEngine = new RuleEngine(this.engine.Policy, this.engine.Periods, this.engine.Rules, this.engine.Options with { Indented = true });
    }

    /// <summary>Today in Beijing time: the default as-of date of requests that do not name one.</summary>
    private LocalDate Today => LegalTime.DateOf(clock.GetCurrentInstant());

    public async Task<int> RunAsync(string[] args)
    {
        var root = BuildCommands();
        var parse = root.Parse(args);
        var output = new StreamWriter(stdout, Utf8, leaveOpen: true) { AutoFlush = true };
        await using (output.ConfigureAwait(false))
        {
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await stderr.WriteLineAsync("marketrules: " + error.Message).ConfigureAwait(false);
                }
                await stderr.WriteLineAsync("Try 'marketrules --help'.").ConfigureAwait(false);
                return UsageError;
            }
            if (parse.GetValue(calendarYears) is { Length: > 0 } years && !await LoadCalendarYearsAsync(years).ConfigureAwait(false))
            {
                return RuleErrors;
            }
            if (parse.GetValue(policyPacks) is { Length: > 0 } packs && !await LoadPolicyPacksAsync(packs).ConfigureAwait(false))
            {
                return RuleErrors;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = stderr }).ConfigureAwait(false);
        }
    }

    private Command BuildCommands()
    {
        // Named for the tool command, not the process: RootCommand takes its name from the executable, which is
        // "MarketRules.Cli" when run as `dotnet MarketRules.Cli.dll`, and help would then teach a command nobody has.
        var root = new Command("marketrules", "MarketRules: Chinese market-supervision rules as code. Evaluate rules from JSON, run batches, query the statutory calendar and run the demo district.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Options.Add(policyPacks);
        root.Options.Add(calendarYears);
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(EvalCommand());
        root.Subcommands.Add(BatchCommand());
        root.Subcommands.Add(RulesCommand());
        root.Subcommands.Add(CalendarCommand());
        root.Subcommands.Add(SubsidyCommand());
        root.Subcommands.Add(SampleCommand());
        root.Subcommands.Add(VerifyCommand());
        return root;
    }

    private static Option<string?> InputOption(string description) => new("--input", "-i") { Description = description };

    private Command EvalCommand()
    {
        var rule = new Argument<string>("rule") { Description = "The rule id, e.g. calendar.deadline/1 (see 'marketrules rules')." };
        var input = InputOption("A JSON file, or - for stdin (the default): a request { \"asOf\", \"jurisdiction\", \"input\" } or the rule's input alone.");
        var asOf = new Option<string?>("--as-of") { Description = "The date the law is read as of (yyyy-MM-dd), when the JSON does not name one. Default: today in Beijing time." };
        var jurisdiction = new Option<string?>("--jurisdiction", "-j") { Description = "Six-digit GB/T 2260 code whose local policy applies, when the JSON does not name one." };
        var compact = new Option<bool>("--compact") { Description = "Write the decision on one line." };
        var command = new Command("eval", "Evaluate one JSON request against a rule; the decision goes to stdout.") { rule, input, asOf, jurisdiction, compact };
        command.SetAction(async (parse, cancellation) =>
        {
            var json = await ReadInputAsync(parse.GetValue(input), cancellation).ConfigureAwait(false);
            if (json is null)
            {
                return UsageError;
            }
            var request = Envelope(json, parse.GetValue(asOf), parse.GetValue(jurisdiction));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            bool ok;
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = !parse.GetValue(compact), Encoder = MarketRules.Json.MarketRulesJson.Encoder }))
            {
                ok = engine.Evaluate(request, writer, parse.GetValue(rule));
            }
            await stdout.WriteAsync(buffer.WrittenMemory, cancellation).ConfigureAwait(false);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellation).ConfigureAwait(false);
            await stdout.FlushAsync(cancellation).ConfigureAwait(false);
            if (!ok)
            {
                await ReportErrorsAsync(buffer.WrittenMemory).ConfigureAwait(false);
            }
            return ok ? Ok : RuleErrors;
        });
        return command;
    }

    private Command BatchCommand()
    {
        var input = InputOption("An NDJSON file (one request per line), or - for stdin (the default).");
        var command = new Command("batch", "Evaluate newline-delimited JSON requests (stdin → stdout), one decision per line, in order. A bad line gets its own error and never stops the batch.") { input };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(input);
            if (path is null or "-")
            {
                await engine.EvaluateLinesAsync(stdin, stdout, cancellation).ConfigureAwait(false);
                return Ok;
            }
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"marketrules: input file '{path}' not found").ConfigureAwait(false);
                return UsageError;
            }
            var file = File.OpenRead(path);
            await using (file.ConfigureAwait(false))
            {
                await engine.EvaluateLinesAsync(file, stdout, cancellation).ConfigureAwait(false);
            }
            return Ok;
        });
        return command;
    }

    private Command RulesCommand()
    {
        var json = new Option<bool>("--json") { Description = "Write the catalog as JSON, with each rule's input and result JSON Schemas." };
        var writeSchemas = new Option<string?>("--write-schemas") { Description = "Write each rule's schemas as <id>.input.json / <id>.result.json into a directory (how docs/schemas is produced)." };
        var command = new Command("rules", "List the rules the engine answers, with their JSON Schemas.") { json, writeSchemas };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(writeSchemas) is { } directory)
            {
                Directory.CreateDirectory(directory);
                foreach (var rule in engine.Rules)
                {
                    var stem = Path.Combine(directory, RuleSchemas.FileStem(rule.Id));
                    await File.WriteAllTextAsync(stem + ".input.json", RuleSchemas.Format(RuleSchemas.Input(rule)), cancellation).ConfigureAwait(false);
                    await File.WriteAllTextAsync(stem + ".result.json", RuleSchemas.Format(RuleSchemas.Result(rule)), cancellation).ConfigureAwait(false);
                }
            }
            if (parse.GetValue(json))
            {
                using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = MarketRules.Json.MarketRulesJson.Encoder });
                RuleSchemas.WriteCatalog(engine, writer, includeSchemas: true);
                await writer.FlushAsync(cancellation).ConfigureAwait(false);
                await stdout.WriteAsync("\n"u8.ToArray(), cancellation).ConfigureAwait(false);
                return Ok;
            }
            var console = CreateConsole(parse.InvocationConfiguration.Output);
            var table = new Table().AddColumns("Rule", "规则", "Title", "Schemas");
            foreach (var rule in engine.Rules)
            {
                var stem = RuleSchemas.FileStem(rule.Id);
                table.AddRow(new Text(rule.Id), new Text(rule.Title.Chinese), new Text(rule.Title.English), new Text($"docs/schemas/{stem}.input.json, .result.json"));
            }
            console.Write(table);
            return Ok;
        });
        return command;
    }

    private Command CalendarCommand()
    {
        var command = new Command("calendar", "Query the statutory working-day calendar of China (State Council holiday notices).");
        var json = new Option<bool>("--json") { Description = "Write the rule's JSON decision instead of a sentence." };
        // stdout carries only the answer, so that $(marketrules calendar add-working-days …) is just the date.
        var explain = new Option<bool>("--explain") { Description = "Also write the reasons (zh-CN) to stderr.", Recursive = true };
        command.Options.Add(explain);

        var date = new Argument<string>("date") { Description = "A date, yyyy-MM-dd." };
        var isWorkingDay = new Command("is-working-day", "Whether a date is a working day, and what kind of day it is.") { date, json };
        isWorkingDay.SetAction((parse, cancellation) => CalendarAsync(parse.GetValue(json), parse.GetValue(explain), $$"""{ "date": {{Quote(parse.GetValue(date))}} }""", r =>
            $"{r.GetProperty("date").GetString()}: {(r.GetProperty("isWorkingDay").GetBoolean() ? "working day 工作日" : "rest day 休息日")} ({r.GetProperty("kind").GetString()}"
            + (r.TryGetProperty("holiday", out var h) ? $", {h.GetProperty("zh").GetString()} {h.GetProperty("en").GetString()}" : "")
            + $"); next working day {r.GetProperty("nextWorkingDay").GetString()}", cancellation));

        var from = new Argument<string>("date") { Description = "The start date, yyyy-MM-dd (not counted)." };
        var count = new Argument<int>("working-days") { Description = "How many working days to add." };
        var add = new Command("add-working-days", "The date a number of working days after a date (the start date not counted).") { from, count, json };
        add.SetAction((parse, cancellation) => CalendarAsync(parse.GetValue(json), parse.GetValue(explain), $$"""{ "date": {{Quote(parse.GetValue(from))}}, "addWorkingDays": {{parse.GetValue(count)}} }""", r =>
            $"{r.GetProperty("plusWorkingDays").GetString()}", cancellation));

        var start = new Argument<string>("from") { Description = "The start date, yyyy-MM-dd (not counted)." };
        var end = new Argument<string>("to") { Description = "The end date, yyyy-MM-dd (counted)." };
        var between = new Command("count-working-days", "The working days after a date up to and including another.") { start, end, json };
        between.SetAction((parse, cancellation) => CalendarAsync(parse.GetValue(json), parse.GetValue(explain), $$"""{ "date": {{Quote(parse.GetValue(start))}}, "until": {{Quote(parse.GetValue(end))}} }""", r =>
            $"{r.GetProperty("workingDaysUntil").GetInt32()}", cancellation));

        var trigger = new Argument<string>("trigger") { Description = "The day of the event that starts the period, yyyy-MM-dd." };
        var length = new Argument<int>("length") { Description = "The period's length." };
        var unit = new Argument<string>("unit") { Description = "working-days, days, months, years, hours — or apl-days for the Administrative Penalty Law's days (art. 85)." };
        unit.AcceptOnlyFromAmong("working-days", "days", "months", "years", "hours", "apl-days");
        var deadline = new Command("deadline", "The last day of a legal period, rolled past rest days (Civil Code arts. 200–204; APL art. 85).") { trigger, length, unit, json };
        deadline.SetAction(async (parse, cancellation) =>
        {
            var u = parse.GetValue(unit);
            var period = u == "apl-days" ? $"\"penaltyLawDays\": {parse.GetValue(length)}" : $"\"length\": {parse.GetValue(length)}, \"unit\": {Quote(u)}";
            var request = $$"""{ "rule": "calendar.deadline/1", "asOf": "{{Format(Today)}}", "input": { "trigger": {{Quote(parse.GetValue(trigger))}}, {{period}} } }""";
            return await EvaluateForPersonAsync(parse.GetValue(json), parse.GetValue(explain), request, r =>
                $"{r.GetProperty("lastDay").GetString()} (expires {r.GetProperty("expiresAt").GetString()}"
                + (r.GetProperty("rolledForward").GetBoolean() ? $", rolled forward from {r.GetProperty("nominalLastDay").GetString()}" : "") + ")", cancellation).ConfigureAwait(false);
        });

        command.Subcommands.Add(isWorkingDay);
        command.Subcommands.Add(add);
        command.Subcommands.Add(between);
        command.Subcommands.Add(deadline);
        return command;
    }

    private Task<int> CalendarAsync(bool json, bool explain, string input, Func<JsonElement, string> sentence, CancellationToken cancellation) =>
        EvaluateForPersonAsync(json, explain, $$"""{ "rule": "calendar.working-days/1", "asOf": "{{Format(Today)}}", "input": {{input}} }""", sentence, cancellation);

    private async Task<int> EvaluateForPersonAsync(bool json, bool explain, string request, Func<JsonElement, string> sentence, CancellationToken cancellation)
    {
        var decision = (json ? prettyEngine : engine).Evaluate(request);
        using var document = JsonDocument.Parse(decision);
        var ok = document.RootElement.GetProperty("ok").GetBoolean();
        if (json)
        {
            await stdout.WriteAsync(Utf8.GetBytes(decision + "\n"), cancellation).ConfigureAwait(false);
        }
        else if (ok)
        {
            await stdout.WriteAsync(Utf8.GetBytes(sentence(document.RootElement.GetProperty("result")) + "\n"), cancellation).ConfigureAwait(false);
            if (explain)
            {
                foreach (var reason in document.RootElement.GetProperty("explanation").GetProperty("reasons").EnumerateArray())
                {
                    await stderr.WriteLineAsync("  · " + reason.GetProperty("message").GetProperty("zh").GetString()).ConfigureAwait(false);
                }
            }
        }
        if (!ok)
        {
            await ReportErrorsAsync(Utf8.GetBytes(decision)).ConfigureAwait(false);
        }
        return ok ? Ok : RuleErrors;
    }

    private Command DemoCommand()
    {
        var output = new Option<string>("--output", "-o") { Description = "Directory for the plan and decisions as JSON and CSV.", DefaultValueFactory = _ => "demo-output" };
        var seed = new Option<ulong>("--seed") { Description = "The seed every generated record derives from (published, so the draw can be verified).", DefaultValueFactory = _ => 20250101UL };
        var command = new Command("demo", "Run a year of supervision on the demo district (Gongshu District, Hangzhou): tables on screen, JSON and CSV in the output directory.") { output, seed };
        command.SetAction(parse =>
        {
            var console = CreateConsole(parse.InvocationConfiguration.Output);
            return new DemoRunner(console, parse.InvocationConfiguration.Output ?? TextWriter.Null, parse.GetValue(output)!, parse.GetValue(seed), stderr).Run();
        });
        return command;
    }

    // On a terminal: colours and live progress. Redirected (a file, a pipe, a test): plain text, 120 columns.
    private IAnsiConsole CreateConsole(TextWriter? output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output ?? TextWriter.Null),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 120;
        }
        return console;
    }

    // The JSON may be a whole request (it has "input") or the rule's input alone, completed from the options.
    private byte[] Envelope(string json, string? asOf, string? jurisdiction)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("input", out _))
            {
                if (asOf is null && jurisdiction is null)
                {
                    return Utf8.GetBytes(json);
                }
                var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                if (asOf is not null && !node.ContainsKey("asOf"))
                {
                    node["asOf"] = asOf;
                }
                if (jurisdiction is not null && !node.ContainsKey("jurisdiction"))
                {
                    node["jurisdiction"] = jurisdiction;
                }
                return Utf8.GetBytes(node.ToJsonString());
            }
        }
        catch (JsonException)
        {
            // Not JSON: the engine answers MR.Engine.InvalidJson.
            return Utf8.GetBytes(json);
        }
        var envelope = $$"""{ "asOf": {{Quote(asOf ?? Format(Today))}}{{(jurisdiction is null ? "" : ", \"jurisdiction\": " + Quote(jurisdiction))}}, "input": {{json}} }""";
        return Utf8.GetBytes(envelope);
    }

    private async Task<string?> ReadInputAsync(string? path, CancellationToken cancellation)
    {
        if (path is null or "-")
        {
            using var reader = new StreamReader(stdin, Utf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return await reader.ReadToEndAsync(cancellation).ConfigureAwait(false);
        }
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"marketrules: input file '{path}' not found").ConfigureAwait(false);
            return null;
        }
        return await File.ReadAllTextAsync(path, cancellation).ConfigureAwait(false);
    }

    // A year's holiday notice published after the release enters here: every rule counts working days on the result.
    private async Task<bool> LoadCalendarYearsAsync(string[] paths)
    {
        var calendar = engine.Periods.Calendar;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"marketrules: calendar file '{path}' not found").ConfigureAwait(false);
                return false;
            }
            var years = CalendarData.ParseYears(await File.ReadAllTextAsync(path).ConfigureAwait(false));
            var extended = years.IsSuccess ? calendar.WithYears(years.Value) : RuleResult<StatutoryCalendar>.Failure(years.Errors);
            if (!extended.IsSuccess)
            {
                await WriteFileErrorsAsync(path, extended.Errors).ConfigureAwait(false);
                return false;
            }
            calendar = extended.Value;
        }
        var periods = new PeriodCalculator(calendar);
        engine = new RuleEngine(engine.Policy, periods, engine.Rules, engine.Options);
        prettyEngine = new RuleEngine(engine.Policy, periods, engine.Rules, engine.Options with { Indented = true });
        return true;
    }

    private async Task WriteFileErrorsAsync(string path, ImmutableArray<RuleError> errors)
    {
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync($"{path}: {error.Code}{(error.Path is null ? "" : " at " + error.Path)}: {error.Message.English} / {error.Message.Chinese}").ConfigureAwait(false);
        }
    }

    // Local law enters the engine here: each pack is validated against the national catalog and applies by jurisdiction.
    private async Task<bool> LoadPolicyPacksAsync(string[] paths)
    {
        var policy = engine.Policy;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"marketrules: policy pack '{path}' not found").ConfigureAwait(false);
                return false;
            }
            var pack = Parameters.PolicyPack.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false), policy.Catalog);
            var combined = pack.IsSuccess ? policy.WithPack(pack.Value) : RuleResult<Parameters.PolicyContext>.Failure(pack.Errors);
            if (!combined.IsSuccess)
            {
                await WriteFileErrorsAsync(path, combined.Errors).ConfigureAwait(false);
                return false;
            }
            policy = combined.Value;
        }
        engine = new RuleEngine(policy, engine.Periods, engine.Rules, engine.Options);
        prettyEngine = new RuleEngine(policy, engine.Periods, engine.Rules, engine.Options with { Indented = true });
        return true;
    }

    private async Task ReportErrorsAsync(ReadOnlyMemory<byte> decision)
    {
        using var document = JsonDocument.Parse(decision);
        foreach (var error in document.RootElement.GetProperty("errors").EnumerateArray())
        {
            var path = error.TryGetProperty("path", out var p) ? " at " + p.GetString() : "";
            var message = error.GetProperty("message");
            await stderr.WriteLineAsync($"{error.GetProperty("code").GetString()}{path}: {message.GetProperty("en").GetString()} / {message.GetProperty("zh").GetString()}").ConfigureAwait(false);
        }
    }

    private static string Quote(string? value) => JsonSerializer.Serialize(value ?? "", CliJsonContext.Default.String);

    private static string Format(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
