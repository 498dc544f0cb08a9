using System.Text.RegularExpressions;

namespace MarketRules.IntegrationTests;

/// <summary>
/// A copy-paste example from a markdown file: every fenced C# block (info string <c>csharp</c>, also <c>cs</c> or
/// <c>c#</c>, optionally followed by <c>example</c>: none is left untested), a block whose info string is
/// <c>sh example</c>, and the <c>output</c> block right after it, whose non-empty lines must each appear in what the
/// example prints (compared without whitespace, so indented and compact JSON both match).
/// </summary>
internal sealed record MarkdownExample(string File, int Line, string Language, string Code, IReadOnlyList<string> ExpectedLines)
{
    private static readonly HashSet<string> CSharp = new(["csharp", "cs", "c#"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The page as the repository names it (<c>docs/credit.md</c>), for messages and <c>#line</c>.</summary>
    public string Page => Path.GetRelativePath(Repository.Root, File).Replace(Path.DirectorySeparatorChar, '/');

    private static readonly Regex Fence = new(@"^```(?<info>.*)$", RegexOptions.Compiled);

    public static IReadOnlyList<MarkdownExample> Extract(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        var blocks = new List<(int Line, string Info, string Body)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i].TrimEnd());
            if (!open.Success)
            {
                continue;
            }
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].TrimEnd() != "```"; i++)
            {
                body.Add(lines[i]);
            }
            blocks.Add((start + 1, open.Groups["info"].Value.Trim(), string.Join("\n", body)));
        }
        var examples = new List<MarkdownExample>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var parts = blocks[b].Info.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && CSharp.Contains(parts[0]))
            {
                parts = ["csharp", .. parts[1..]];
            }
            if ((parts.Length == 2 && parts[1] == "example") || (parts is ["csharp"]))
            {
                var expected = b + 1 < blocks.Count && blocks[b + 1].Info == "output"
                    ? blocks[b + 1].Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()
                    : [];
                examples.Add(new MarkdownExample(path, blocks[b].Line, parts[0], blocks[b].Body, expected));
            }
        }
        return examples;
    }

    public void AssertPrinted(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, $"{this} exited {result.ExitCode}: {result.Stderr}\n{result.Stdout}");
        Assert.True(Missing(result.Stdout) is null, Missing(result.Stdout));
    }

    /// <summary>Null when every expected line was printed; otherwise the first one that was not, with what was.</summary>
    public string? Missing(string stdout)
    {
        var printed = Squeeze(stdout);
        var missing = ExpectedLines.FirstOrDefault(line => !printed.Contains(Squeeze(line), StringComparison.Ordinal));
        return missing is null ? null : $"{this}: expected output line not printed: {missing}\nPrinted:\n{stdout}";
    }

    public override string ToString() => $"{Page}:{Line} ({Language})";

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}

/// <summary>
/// The pages whose examples the tests run: README.md, every page of docs/, and the README of every package
/// (<c>src/*/README.md</c>: the page a user reads first, on the package's listing).
/// </summary>
internal static class DocPages
{
    public static IReadOnlyList<string> All() =>
        [.. new[] { Repository.PathOf("README.md") }
            .Concat(Directory.GetFiles(Repository.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(Repository.PathOf("src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists).Order(StringComparer.Ordinal))];

    public static IReadOnlyList<MarkdownExample> CSharpBlocks() =>
        [.. All().SelectMany(MarkdownExample.Extract).Where(e => e.Language == "csharp")];
}
