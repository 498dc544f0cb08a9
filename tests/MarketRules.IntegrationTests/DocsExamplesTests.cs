using System.Diagnostics;

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

    [Theory]
    [InlineData("docs/engine.md")]
    [InlineData("README.md")]
    [InlineData("docs/aspnetcore.md")]
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
