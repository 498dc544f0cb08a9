using System.Globalization;
using System.Text;
using MarketRules.Credit;
using MarketRules.Parameters;

namespace MarketRules.Tests.Credit;

public class CreditDocsTests
{
    private const string Begin = "<!-- BEGIN credit-parameters (generated from CreditParameters.All by CreditDocsTests; do not edit) -->";
    private const string End = "<!-- END credit-parameters -->";

    internal static string ParameterTable()
    {
        var text = new StringBuilder();
        text.Append("| Parameter | Value | Unit | From | Until | Citation | Status |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var definition in CreditParameters.All)
        {
            foreach (var value in definition.Values)
            {
                var citation = value.Citation;
                var cite = citation.Document.Chinese + (citation.Article is { } a ? " " + a.Chinese : "") + (citation.DocumentNumber is { } n ? "（" + n + "）" : "");
                text.Append(CultureInfo.InvariantCulture, $"| `{definition.Id}` — {definition.Name.English} | {value.Value.ToString(CultureInfo.InvariantCulture)} | {Kebab(value.Unit)} | {value.EffectiveFrom:uuuu-MM-dd} | {(value.EffectiveUntil is { } u ? u.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "—")} | {cite} | {Status(citation.Status)} |\n");
            }
        }
        return text.ToString();
    }

    [Fact]
    public void CreditDoc_ParameterTable_MatchesTheCode()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "credit.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/credit.md lacks the generated-table markers");
        var actual = doc.Substring(start + Begin.Length, end - start - Begin.Length).Trim('\n') + "\n";
        var expected = ParameterTable();
        if (actual != expected)
        {
            var file = Path.Combine(Path.GetTempPath(), "credit-parameters-table.md");
            File.WriteAllText(file, expected);
            Assert.Fail($"docs/credit.md has drifted from CreditParameters.All; the expected table is in {file}");
        }
    }

    private static string Kebab(ParameterUnit unit) => unit switch
    {
        ParameterUnit.WorkingDays => "working days",
        ParameterUnit.Days => "days",
        ParameterUnit.Months => "months",
        ParameterUnit.Years => "years",
        ParameterUnit.Yuan => "yuan",
        _ => unit.ToString().ToLowerInvariant(),
    };

    private static string Status(VerificationStatus status) => status switch
    {
        VerificationStatus.VerifiedOfficial => "V-O",
        VerificationStatus.VerifiedSecondary => "V-S",
        VerificationStatus.FromMemory => "MEM",
        _ => "REQ",
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MarketRules.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
