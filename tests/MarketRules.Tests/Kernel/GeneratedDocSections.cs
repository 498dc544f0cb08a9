namespace MarketRules.Tests.Kernel;

/// <summary>
/// The sections of a docs page generated from the code (between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>: defaults tables, transition tables, diagrams), checked in one place for every area;
/// <c>MARKETRULES_UPDATE_DOCS=1</c> rewrites them.
/// </summary>
internal static class GeneratedDocSections
{
    /// <summary>The text of a page of the repository (<c>docs/cases.md</c>), with \n line endings.</summary>
    public static string Read(string page) => File.ReadAllText(PathOf(page)).ReplaceLineEndings("\n");

    public static void AssertCurrent(string page, params (string Name, string Body)[] sections)
    {
        var current = Read(page);
        var expected = sections.Aggregate(current, (doc, section) => Replace(page, doc, section.Name, section.Body));
        if (Environment.GetEnvironmentVariable("MARKETRULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(PathOf(page), expected);
            return;
        }
        Assert.Equal(expected, current);
    }

    private static string PathOf(string page) => Path.Combine(RepositoryPaths.Root, page.Replace('/', Path.DirectorySeparatorChar));

    private static string Replace(string page, string doc, string name, string body)
    {
        var begin = $"<!-- {name}:begin -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"{page} has no {begin} … <!-- {name}:end --> section");
        return doc[..(start + begin.Length)] + "\n" + body + doc[stop..];
    }
}
