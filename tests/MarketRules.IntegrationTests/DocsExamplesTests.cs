using System.Diagnostics;
using System.Text.RegularExpressions;
using MarketRules.Engine;

namespace MarketRules.IntegrationTests;

// Runs every copy-paste example of README.md and docs/: shell examples with `marketrules` bound to the built CLI and
// the host's address bound to a live host; C# blocks compiled together in-process (DocsCompilation) and run one by one.
// Not in parallel with other tests: a C# block's console is captured by redirecting Console.
[Collection(nameof(ConsoleCapture))]
public class DocsExamplesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string DocumentedHost = "http://127.0.0.1:5080";

    [Theory]
    [InlineData("docs/engine.md")]
    [InlineData("README.md")]
    public async Task ShellExamples_InMarkdown_PrintTheirDocumentedOutput(string markdown)
    {
        var examples = MarkdownExample.Extract(Repository.PathOf(markdown)).Where(e => e.Language == "sh").ToList();
        Assert.NotEmpty(examples);
        var work = Directory.CreateTempSubdirectory("marketrules-docs-");
        try
        {
            foreach (var example in examples)
            {
                var script = $"set -euo pipefail\nmarketrules() {{ dotnet '{Cli.Dll}' \"$@\"; }}\n"
                    + example.Code.Replace(DocumentedHost, host.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
                var start = new ProcessStartInfo("bash")
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    WorkingDirectory = work.FullName,
                };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(script);
                example.AssertPrinted(await Processes.RunAsync(start, ""));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // README.md, every page of docs/ and every package README: each C# block is compiled (all in one compilation) and run, and what it prints
    // checked against the `output` block after it. A page that adds a block is run without touching this test.
    public static TheoryData<string> PagesWithCSharp() =>
        [.. DocPages.CSharpBlocks().Select(b => b.Page).Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PagesWithCSharp))]
    public async Task CSharpBlocks_InMarkdown_CompileRunAndPrintTheirDocumentedOutput(string page)
    {
        var docs = DocsCompilation.All;
        var failures = new List<string>();
        foreach (var block in docs.BlocksOf(page))
        {
            if (await docs.RunAsync(block) is { } failure)
            {
                failures.Add(failure);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    // No C# block escapes the compilation: an indented fence, or one tagged otherwise, would not be run.
    [Fact]
    public void EveryCSharpFence_IsCompiled()
    {
        var fences = DocPages.All().Sum(page => File.ReadLines(page).Count(line => Regex.IsMatch(line, @"^\s*```\s*(csharp|cs|c#)\b", RegexOptions.IgnoreCase)));
        Assert.Equal(fences, DocPages.CSharpBlocks().Count);
    }

    // The quick starts: README, engine, ASP.NET Core and every area page open with an example whose output is checked.
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/engine.md")]
    [InlineData("docs/aspnetcore.md")]
    [InlineData("docs/sampling.md")]
    [InlineData("docs/credit.md")]
    [InlineData("docs/cases.md")]
    [InlineData("docs/referral.md")]
    [InlineData("docs/subsidies.md")]
    [InlineData("docs/complaints.md")]
    [InlineData("docs/spot-checks.md")]
    [InlineData("docs/campaigns.md")]
    public void Page_HasCSharpExamplesWithCheckedOutput(string page) =>
        Assert.Contains(DocPages.CSharpBlocks(), b => b.Page == page && b.ExpectedLines.Count > 0);

    // A block that does not compile is reported by its page and line, and the others still run.
    [Fact]
    public async Task ABrokenBlock_IsReportedByPageAndLine_AndTheOthersRun()
    {
        var page = Repository.PathOf("docs/engine.md");
        MarkdownExample[] blocks =
        [
            new(page, 10, "csharp", "using MarketRules.Engine;\nConsole.WriteLine(RuleEngine.Default is not null);", ["True"]),
            new(page, 20, "csharp", "Console.WriteLine(\"a\");\nundefined.Call();", []),
            new(page, 30, "csharp", "Console.WriteLine(\"printed\");", ["not printed"]),
            new(page, 40, "csharp", "throw new InvalidOperationException(\"thrown\");", []),
        ];
        var docs = new DocsCompilation(blocks);
        Assert.Null(await docs.RunAsync(blocks[0]));
        Assert.Contains("docs/engine.md:22: error CS0103", await docs.RunAsync(blocks[1]), StringComparison.Ordinal);
        Assert.Contains("docs/engine.md:30 (csharp): expected output line not printed: not printed", await docs.RunAsync(blocks[2]), StringComparison.Ordinal);
        Assert.Contains("docs/engine.md:40 (csharp) threw System.InvalidOperationException: thrown", await docs.RunAsync(blocks[3]), StringComparison.Ordinal);
    }

    // docs/engine.md lists the built-in rules between <!-- rules:start --> and <!-- rules:end -->: one row per rule of
    // BuiltInRules.All, whose Chinese title begins with the row's 规则 column, so the page cannot drift from the registry.
    [Fact]
    public void EngineMd_RuleTable_ListsEveryBuiltInRule()
    {
        var page = File.ReadAllText(Repository.PathOf("docs/engine.md"));
        var start = page.IndexOf("<!-- rules:start -->", StringComparison.Ordinal);
        var end = page.IndexOf("<!-- rules:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/engine.md has no <!-- rules:start --> … <!-- rules:end --> table");
        var rows = page[start..end].Split('\n')
            .Select(line => Regex.Match(line, @"^\|\s*`(?<id>[^`]+)`\s*\|[^|]*\|\s*(?<zh>[^|]+?)\s*\|"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["zh"].Value, StringComparer.Ordinal);
        Assert.Equal(BuiltInRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(BuiltInRules.All, rule => Assert.StartsWith(rows[rule.Id], rule.Title.Chinese, StringComparison.Ordinal));
    }
}

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
