using System.Diagnostics;
using System.Text.RegularExpressions;
using MarketRules.Engine;

namespace MarketRules.IntegrationTests;

// Runs every copy-paste example of a markdown file (docs/engine.md; README.md once it carries the examples):
// shell examples with `marketrules` bound to the built CLI and the host's address bound to a live host,
// C# examples as a file-based app referencing the library.
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

    // README.md and every page of docs/ that has a `csharp example` block (each area page opens with its quick start):
    // a page that adds one is run without touching this test.
    public static TheoryData<string> PagesWithCSharpExamples() => [.. PagesWithExamples()];

    private static List<string> PagesWithExamples() =>
        [.. new[] { "README.md" }
            .Concat(Directory.GetFiles(Repository.PathOf("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal))
            .Where(page => File.ReadAllText(Repository.PathOf(page)).Contains("```csharp example", StringComparison.Ordinal))];

    [Fact]
    public void PagesWithCSharpExamples_IncludeTheReadmeEngineAndAreaQuickStarts()
    {
        var pages = PagesWithExamples();
        Assert.Contains("README.md", pages);
        Assert.Contains("docs/engine.md", pages);
        Assert.Contains("docs/referral.md", pages);
        Assert.Contains("docs/credit.md", pages);
    }

    [Theory]
    [MemberData(nameof(PagesWithCSharpExamples))]
    public async Task CSharpExamples_InMarkdown_PrintTheirDocumentedOutput(string markdown)
    {
        var examples = MarkdownExample.Extract(Repository.PathOf(markdown)).Where(e => e.Language == "csharp").ToList();
        Assert.NotEmpty(examples);
        var work = Directory.CreateTempSubdirectory("marketrules-docs-cs-");
        try
        {
            var index = 0;
            foreach (var example in examples)
            {
                var file = Path.Combine(work.FullName, $"example{index++}.cs");
                await File.WriteAllTextAsync(file, Directives(example.Code) + example.Code);
                var start = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    WorkingDirectory = work.FullName,
                };
                start.ArgumentList.Add("run");
                start.ArgumentList.Add(file);
                example.AssertPrinted(await Processes.RunAsync(start, ""));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
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

    // The library always; the hosting packages (and the web SDK) when the example uses them.
    private static string Directives(string code)
    {
        var directives = new System.Text.StringBuilder();
        if (code.Contains("using MarketRules.AspNetCore;", StringComparison.Ordinal))
        {
            directives.Append("#:sdk Microsoft.NET.Sdk.Web\n");
            directives.Append($"#:project {Repository.PathOf("src/MarketRules.AspNetCore/MarketRules.AspNetCore.csproj")}\n");
        }
        if (code.Contains("using MarketRules.Hosting;", StringComparison.Ordinal))
        {
            directives.Append($"#:project {Repository.PathOf("src/MarketRules.Hosting/MarketRules.Hosting.csproj")}\n");
        }
        directives.Append($"#:project {Repository.PathOf("src/MarketRules/MarketRules.csproj")}\n#:property Nullable=enable\n");
        return directives.ToString();
    }
}
