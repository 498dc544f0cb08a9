using System.Globalization;
using System.Text;
using MarketRules.Cases;

namespace MarketRules.Tests.Cases;

public class CaseDocsTests
{
    private static string DocPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MarketRules.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "docs", "cases.md");
    }

    internal static string Defaults()
    {
        var text = new StringBuilder("| Parameter | Value | Unit | From | Citation | Status |\n|---|---|---|---|---|---|\n");
        foreach (var definition in CaseParameters.All)
        {
            foreach (var v in definition.Values)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{definition.Id}` {definition.Name.Chinese} | {v.Value} | {v.Unit} | {v.EffectiveFrom:uuuu-MM-dd} | {v.Citation} | {v.Citation.Status} |\n");
            }
        }
        return text.ToString();
    }

    private static string Expected(string current)
    {
        string Replace(string doc, string name, string body)
        {
            var begin = $"<!-- {name}:begin -->";
            var end = $"<!-- {name}:end -->";
            var start = doc.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
            var stop = doc.IndexOf(end, StringComparison.Ordinal);
            return doc[..start] + "\n" + body + doc[stop..];
        }
        var doc = Replace(current, "defaults", Defaults());
        doc = Replace(doc, "table", CaseTransitionTable.ToMarkdown());
        return Replace(doc, "mermaid", "```mermaid\n" + CaseTransitionTable.ToMermaid() + "```\n");
    }

    [Fact]
    public void CasesDoc_GeneratedSections_MatchTheCode()
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
}
