using System.Text.RegularExpressions;

namespace MarketRules.IntegrationTests;

/// <summary>
/// A copy-paste example from a markdown file: a fenced block whose info string is <c>csharp example</c> or
/// <c>sh example</c>, and the <c>output</c> block right after it, whose non-empty lines must each appear in what
/// the example prints (compared without whitespace, so indented and compact JSON both match).
/// </summary>
internal sealed record MarkdownExample(string File, int Line, string Language, string Code, IReadOnlyList<string> ExpectedLines)
{
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
            if (parts.Length == 2 && parts[1] == "example")
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
        var printed = Squeeze(result.Stdout);
        foreach (var line in ExpectedLines)
        {
            Assert.True(printed.Contains(Squeeze(line), StringComparison.Ordinal), $"{this}: expected output line not printed: {line}\nPrinted:\n{result.Stdout}");
        }
    }

    public override string ToString() => $"{Path.GetFileName(File)}:{Line} ({Language})";

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}
