using System.Globalization;
using System.Text;
using MarketRules.Complaints;

namespace MarketRules.Tests.Complaints;

public class ComplaintDocsTests
{
    private static string DocPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MarketRules.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "docs", "complaints.md");
    }

    internal static string Defaults()
    {
        var text = new StringBuilder("| Parameter | Value | Unit | From | Until | Citation | Status |\n|---|---|---|---|---|---|---|\n");
        foreach (var definition in ComplaintParameters.All.Concat(RewardParameters.All))
        {
            if (definition.Values.IsEmpty)
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{definition.Id}` {definition.Name.Chinese} | — | {definition.Unit} | — | — | set by the province (packs below) | — |\n");
            }
            foreach (var v in definition.Values)
            {
                var until = v.EffectiveUntil is { } u ? u.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "";
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{definition.Id}` {definition.Name.Chinese} | {v.Value} | {v.Unit} | {v.EffectiveFrom:uuuu-MM-dd} | {until} | {v.Citation} | {v.Citation.Status} |\n");
            }
        }
        return text.ToString();
    }

    private static string Expected(string current)
    {
        static string Replace(string doc, string name, string body)
        {
            var begin = $"<!-- {name}:begin -->";
            var end = $"<!-- {name}:end -->";
            var start = doc.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
            var stop = doc.IndexOf(end, StringComparison.Ordinal);
            return doc[..start] + "\n" + body + doc[stop..];
        }
        var doc = Replace(current, "defaults", Defaults());
        doc = Replace(doc, "table", ComplaintTransitionTable.ToMarkdown());
        return Replace(doc, "mermaid", "```mermaid\n" + ComplaintTransitionTable.ToMermaid() + "```\n");
    }

    [Fact]
    public void ComplaintsDoc_GeneratedSections_MatchTheCode()
    {
        var path = DocPath();
        var current = File.ReadAllText(path).ReplaceLineEndings("\n");
        var expected = Expected(current);
        if (Environment.GetEnvironmentVariable("MARKETRULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        Assert.Equal(expected, current);
    }

    [Fact]
    public void ComplaintsDoc_NamesEveryParameter()
    {
        var doc = File.ReadAllText(DocPath());
        Assert.All(ComplaintParameters.All.Concat(RewardParameters.All), p => Assert.Contains($"`{p.Id}`", doc, StringComparison.Ordinal));
    }
}
