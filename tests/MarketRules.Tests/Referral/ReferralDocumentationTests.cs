using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

public class ReferralDocumentationTests
{
    [Fact]
    public void ThresholdTable_InDocs_MatchesReferralParameters()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "referral.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = document.IndexOf(ReferralDocumentation.Begin, StringComparison.Ordinal);
        var end = document.IndexOf(ReferralDocumentation.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/referral.md lacks the generated markers");
        var start = begin + ReferralDocumentation.Begin.Length + 1;
        var expected = ReferralDocumentation.ThresholdTable();
        if (Environment.GetEnvironmentVariable("MARKETRULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..start] + expected + document[end..]);
            return;
        }
        Assert.Equal(expected, document[start..end]);
    }

    [Fact]
    public void ThresholdTable_ShowsEveryParameterAndItsStatus()
    {
        var table = ReferralDocumentation.ThresholdTable();
        Assert.All(ReferralParameters.All, p => Assert.Contains("`" + p.Id + "`", table, StringComparison.Ordinal));
        Assert.Contains("**MEM**", table, StringComparison.Ordinal);
        Assert.Contains("法释〔2025〕5号", table, StringComparison.Ordinal);
    }
}

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketRules.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}
