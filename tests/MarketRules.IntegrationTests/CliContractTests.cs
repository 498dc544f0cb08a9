using System.Text.Json;
using MarketRules.Engine;

namespace MarketRules.IntegrationTests;

// The language-neutral contract: the built command, driven as a separate process with JSON in and JSON out.
public class CliContractTests
{
    [Fact]
    public async Task Eval_RequestOnStdin_WritesDecisionAndExitsZero()
    {
        var result = await Cli.RunAsync("""{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }""", "eval", "calendar.deadline/1");
        Assert.Equal(0, result.ExitCode);
        using var decision = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2024-10-23", decision.RootElement.GetProperty("result").GetProperty("lastDay").GetString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Eval_InputFileWithAsOfOption_IsEnveloped()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{ "trigger": "2024-09-27", "penaltyLawDays": 5 }""");
        var result = await Cli.RunAsync("", "eval", "calendar.deadline/1", "--input", file, "--as-of", "2024-09-27", "--jurisdiction", "330105", "--compact");
        File.Delete(file);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"lastDay\":\"2024-10-10\"", result.Stdout);
        Assert.Contains("\"jurisdiction\":\"330105\"", result.Stdout);
    }

    [Theory]
    [InlineData("eval", "calendar.deadline/1")]
    [InlineData("eval", "calendar.deadline/1", "--compact")]
    [InlineData("batch")]
    public async Task EvalAndBatch_ChineseCitation_IsReadableOnStdout(params string[] args)
    {
        var result = await Cli.RunAsync("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5 } }""" + "\n", args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("中华人民共和国行政处罚法", result.Stdout);
        Assert.DoesNotMatch(NonAsciiEscape, result.Stdout);
        using var decision = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2024-10-10", decision.RootElement.GetProperty("result").GetProperty("lastDay").GetString());
    }

    [Fact]
    public async Task Rules_Json_TitlesAreReadableChinese()
    {
        var result = await Cli.RunAsync("", "rules", "--json");
        Assert.Equal(0, result.ExitCode);
        using var catalog = JsonDocument.Parse(result.Stdout);
        var title = catalog.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "calendar.deadline/1").GetProperty("title").GetProperty("zh").GetString()!;
        Assert.Contains("\"" + title + "\"", result.Stdout);
        Assert.DoesNotMatch(NonAsciiEscape, result.Stdout);
    }

    // A \uXXXX escape of a character outside ASCII (escapes of ' " < > & and control characters are expected).
    internal const string NonAsciiEscape = @"\\u(?!00[0-7][0-9A-Fa-f])[0-9A-Fa-f]{4}";

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "calendar.deadline/1", "{ not json", "MR.Engine.InvalidJson" },
        { "nope/1", """{ "asOf": "2024-09-27", "input": {} }""", "MR.Engine.UnknownRule" },
        { "calendar.deadline/1", """{ "input": null, "asOf": "2024-09-27" }""", "MR.Engine.MissingField" },
        { "calendar.deadline/1", """{ "asOf": "2024-09-27", "input": { "trigger": [], "penaltyLawDays": 5 } }""", "MR.Engine.WrongType" },
        { "calendar.deadline/1", """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 99999999999 } }""", "MR.Engine.ValueOutOfRange" },
        { "calendar.deadline/1", """{ "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 4000 } }""", "MR.Deadline.OutOfRange" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Eval_BadInput_ExitsOneWithDecisionOnStdoutAndErrorOnStderr(string rule, string stdin, string code)
    {
        var result = await Cli.RunAsync(stdin, "eval", rule);
        Assert.Equal(1, result.ExitCode);
        using var decision = JsonDocument.Parse(result.Stdout);
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(decision.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
        Assert.Contains(code, result.Stderr);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("frobnicate")]
    [InlineData("calendar", "add-working-days", "2024-09-27", "fifteen")]
    [InlineData("calendar", "deadline", "2024-09-27", "5", "fortnights")]
    [InlineData("eval", "calendar.deadline/1", "--input", "/nonexistent/request.json")]
    public async Task Run_UsageError_ExitsTwoWithMessageOnStderr(params string[] args)
    {
        var result = await Cli.RunAsync("", args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("eval", "--help")]
    [InlineData("batch", "--help")]
    [InlineData("rules", "--help")]
    [InlineData("calendar", "--help")]
    [InlineData("calendar", "deadline", "--help")]
    public async Task Help_EveryCommand_ExitsZeroWithUsage(params string[] args)
    {
        var result = await Cli.RunAsync("", args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage", result.Stdout);
        // Help teaches the installed command, not the assembly the tests run it from.
        Assert.Contains("marketrules", result.Stdout);
        Assert.DoesNotContain("MarketRules.Cli", result.Stdout);
    }

    [Fact]
    public async Task Version_PrintsThePackageVersion()
    {
        var result = await Cli.RunAsync("", "--version");
        Assert.Equal(0, result.ExitCode);
        var expected = typeof(MarketRules.Cli.CliApp).Assembly.GetName().Version!;
        Assert.StartsWith($"{expected.Major}.{expected.Minor}.{expected.Build}", result.Stdout.Trim());
    }

    // stdout carries only the answer, so that `$(marketrules calendar …)` is the answer; the reasons are on stderr
    // and only when asked for with --explain.
    [Theory]
    [InlineData("2024-10-23", "calendar", "add-working-days", "2024-09-27", "15")]
    [InlineData("12", "calendar", "count-working-days", "2024-09-27", "2024-10-18")]
    [InlineData("2024-10-12: working day 工作日 (make-up-workday); next working day 2024-10-12", "calendar", "is-working-day", "2024-10-12")]
    public async Task Calendar_Answer_IsTheOnlyLineOnStdoutAndReasonsNeedExplain(string answer, params string[] args)
    {
        var quiet = await Cli.RunAsync("", args);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(answer + "\n", quiet.Stdout);
        Assert.Equal("", quiet.Stderr);

        var explained = await Cli.RunAsync("", [.. args, "--explain"]);
        Assert.Equal(0, explained.ExitCode);
        Assert.Equal(answer + "\n", explained.Stdout);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", explained.Stderr);
    }

    [Fact]
    public async Task Batch_Ndjson_AnswersEveryLineInOrder()
    {
        var stdin = string.Join("\n",
            """{ "rule": "calendar.deadline/1", "asOf": "2024-09-24", "input": { "trigger": "2024-09-24", "length": 10, "unit": "days" } }""",
            "not json",
            """{ "rule": "nope/1", "asOf": "2024-09-24", "input": {} }""",
            """{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }""");
        var result = await Cli.RunAsync(stdin, "batch");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var decisions = lines.Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Equal([true, false, false, true], decisions.Select(d => d.RootElement.GetProperty("ok").GetBoolean()));
        Assert.Equal("2024-10-08", decisions[0].RootElement.GetProperty("result").GetProperty("lastDay").GetString());
        decisions.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Batch_LinesTheStrictDoorRefuses_AreAnsweredEachWithItsCodeAndTheBatchGoesOn()
    {
        var stdin = string.Join("\n",
            """{ "rule": "calendar.deadline/1\ud800", "asOf": "2024-09-24", "input": {} }""",
            """{ "rule": "calendar.deadline/1", "rule": "calendar.deadline/1", "asOf": "2024-09-24", "input": {} }""",
            """{ "rule": "calendar.deadline/1", "asOf": "2024-09-24", "input": { "trigger": "0000-01-01", "penaltyLawDays": 5 } }""",
            """{ "rule": "calendar.deadline/1", "asOf": "2024-09-24", "input": { "trigger": "2024-09-24", "penaltyLawDay": 5 } }""",
            """{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }""");
        var result = await Cli.RunAsync(stdin, "batch");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains("MR.Engine.InvalidJson", lines[0]);
        Assert.Contains("MR.Engine.DuplicateMember", lines[1]);
        Assert.Contains("MR.Engine.ValueOutOfRange", lines[2]);
        Assert.Contains("MR.Engine.UnknownMember", lines[3]);
        Assert.Contains("\"ok\":true", lines[4]);
    }

    [Fact]
    public async Task Rules_Json_ListsEveryBuiltInRuleWithSchemas()
    {
        var result = await Cli.RunAsync("", "rules", "--json");
        Assert.Equal(0, result.ExitCode);
        using var catalog = JsonDocument.Parse(result.Stdout);
        Assert.Equal(BuiltInRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), catalog.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Calendar_AddWorkingDaysAcrossNationalDay_PrintsHandCheckedDate()
    {
        // 2024-09-29 and 2024-10-12 are make-up workdays; 2024-10-01..07 rest.
        var result = await Cli.RunAsync("", "calendar", "add-working-days", "2024-09-27", "15");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("2024-10-23", result.Stdout);
    }

    [Fact]
    public async Task Calendar_DateOutsideCalendar_ExitsOne()
    {
        var result = await Cli.RunAsync("", "calendar", "is-working-day", "2040-01-01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MR.Calendar.OutOfRange", result.Stderr);
    }

    [Fact]
    public async Task Demo_Run_WritesJsonAndCsvAndExitsZero()
    {
        var output = Path.Combine(Path.GetTempPath(), "marketrules-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await Cli.RunAsync("", "demo", "--output", output);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("2025-10-23", result.Stdout);
            var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
            Assert.Contains("calendar-deadlines.json", files);
            Assert.Contains("calendar-deadlines.csv", files);
            // The credit step: a food fine of 2025-03-14 is published by 2025-04-14 (20 working days around Qingming
            // 2025-04-04..06), so repair opens a year later on 2026-04-15 and an application on 2026-04-14 is too early.
            Assert.Contains("credit-classes.csv", files);
            Assert.Contains("MR.Credit.RepairTooEarly", result.Stdout);
            Assert.Contains("2026-04-15", result.Stdout);
            // The complaints step: a month of 12315 traffic across Order 20 and Order 121, and one reward (3 % of 400,000).
            Assert.Contains("complaints-2026-04.csv", files);
            Assert.Contains("not-handled-again", result.Stdout);
            Assert.Contains("12000.00 yuan", result.Stdout);
            using var decisions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "calendar-deadlines.json")));
            Assert.All(decisions.RootElement.EnumerateArray(), d => Assert.True(d.GetProperty("ok").GetBoolean()));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public async Task PolicyPack_Valid_IsLoadedAndInvalid_ExitsOneWithCodedError()
    {
        const string Header = """{ "id": "zj-demo", "version": "2025.1", "jurisdiction": "330000", "title": { "zh": "浙江省示例政策包", "en": "Zhejiang demo pack" }, "citation": { "document": { "zh": "示例", "en": "Example" }, "status": "project-requirement" }, "parameters": """;
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(good, Header + "{} }");
            await File.WriteAllTextAsync(bad, Header + """{ "no.such.parameter": { "unit": "days", "values": [ { "from": "2025-01-01", "value": 1 } ] } } }""");
            var loaded = await Cli.RunAsync("", "calendar", "add-working-days", "2024-09-27", "15", "--policy-pack", good);
            Assert.Equal(0, loaded.ExitCode);
            var rejected = await Cli.RunAsync("", "--policy-pack", bad, "calendar", "add-working-days", "2024-09-27", "15");
            Assert.Equal(1, rejected.ExitCode);
            Assert.Contains("MR.PolicyPack.UnknownParameter", rejected.Stderr);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task CalendarYear_AYearTheShippedCalendarLacks_IsCountedOn_AndAGapIsACodedError()
    {
        // The made-up 2027 test notice: 2027-01-01..03 rest, Saturday 01-09 worked.
        var notice = Repository.PathOf("tests/Shared/made-up-2027-notice.json");
        var without = await Cli.RunAsync("", "calendar", "add-working-days", "2026-12-28", "15");
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("MR.Calendar.OutOfRange", without.Stderr, StringComparison.Ordinal);

        var with = await Cli.RunAsync("", "calendar", "add-working-days", "2026-12-28", "15", "--calendar-year", notice);
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("2027-01-18", with.Stdout.Trim());

        var gap = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(gap, (await File.ReadAllTextAsync(notice)).Replace("2027", "2028", StringComparison.Ordinal));
            var refused = await Cli.RunAsync("", "--calendar-year", gap, "calendar", "add-working-days", "2026-12-28", "15");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(gap + ": MR.Calendar.DataInvalid at $.years", refused.Stderr, StringComparison.Ordinal);
            Assert.Empty(refused.Stdout);
        }
        finally
        {
            File.Delete(gap);
        }
    }

    [Fact]
    public async Task SampleThenVerify_RosterCsv_ReceiptWrittenAndConfirmed()
    {
        var work = Directory.CreateTempSubdirectory("marketrules-sample-");
        try
        {
            var roster = Path.Combine(work.FullName, "roster.csv");
            var receipt = Path.Combine(work.FullName, "receipt.json");
            var text = new System.Text.StringBuilder(MarketRules.Sampling.RosterCsv.Header).Append('\n');
            var first = new char[17];
            for (var n = 0; n < 3_000; n++)
            {
                "91330105".AsSpan().CopyTo(first);
                for (int c = 16, x = n * 7919; c >= 8; c--, x /= 31)
                {
                    first[c] = UnifiedSocialCreditCode.Alphabet[x % 31];
                }
                var code = new string(first) + UnifiedSocialCreditCode.ComputeCheckCharacter(first);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},33010{2 + n % 3},{"CFH"[n % 3 == 0 ? 0 : n % 2]},{"ABCD"[n % 4]},{(n % 17 == 0 ? "revoked" : "active")},{n % 8},{(n % 5 == 0 ? "2024-06-01" : "")}\n");
            }
            await File.WriteAllTextAsync(roster, text.ToString());

            var sampled = await Cli.RunAsync("", "sample", "--roster", roster, "--task", "330100-2025-01", "--seed", "00ff10", "--jurisdiction", "330100",
                "--as-of", "2025-03-01", "--out", receipt);
            Assert.True(sampled.ExitCode == 0, sampled.Stderr);
            Assert.Contains("commit: 3,000 records read", sampled.Stderr);
            Assert.Contains("receipt written to", sampled.Stderr);
            using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(receipt)))
            {
                Assert.Equal("marketrules-sampling/2", document.RootElement.GetProperty("format").GetString());
                Assert.Equal("00ff10", document.RootElement.GetProperty("seed").GetString());
            }

            var verified = await Cli.RunAsync("", "verify", "--roster", roster, "--receipt", receipt);
            Assert.True(verified.ExitCode == 0, verified.Stderr);
            Assert.Contains("verified:", verified.Stdout);
            Assert.Contains("format marketrules-sampling/2", verified.Stdout);
            Assert.Matches(@"verified: [1-9]\d* selected of [1-9]\d* active, roster hash [0-9a-f]{64}", verified.Stdout);

            // A receipt with a member its format does not have is refused, naming the receipt file and the member.
            var extended = Path.Combine(work.FullName, "receipt-signed.json");
            var published = (await File.ReadAllTextAsync(receipt)).TrimEnd();
            await File.WriteAllTextAsync(extended, published[..^1] + ", \"signature\": \"x\"}");
            var unknown = await Cli.RunAsync("", "verify", "--roster", roster, "--receipt", extended);
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains($"{extended}: MR.Sampling.ReceiptMalformed at $.signature", unknown.Stderr);

            // One changed field in the published roster: the receipt no longer verifies.
            await File.WriteAllTextAsync(roster, text.ToString().Replace(",2024-06-01\n", ",2024-06-02\n", StringComparison.Ordinal));
            var changed = await Cli.RunAsync("", "verify", "--roster", roster, "--receipt", receipt);
            Assert.Equal(1, changed.ExitCode);
            Assert.Contains("MR.Sampling.ReceiptMismatch at $.rosterHash", changed.Stderr);

            // A malformed row: a coded error with its line and column, exit 1.
            await File.WriteAllTextAsync(roster, text.ToString() + "NOTACODE,330102,C,A,active,0,\n");
            var bad = await Cli.RunAsync("", "sample", "--roster", roster, "--task", "t", "--seed", "01", "--jurisdiction", "330100", "--out", receipt);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("MR.Sampling.InvalidCsv at line 3002, column 1 (code)", bad.Stderr);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
