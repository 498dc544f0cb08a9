using System.Globalization;
using System.Text;
using MarketRules.Complaints;
using MarketRules.Tests.Kernel;

namespace MarketRules.Tests.Complaints;

public class ComplaintDocsTests
{
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

    [Fact]
    public void ComplaintsDoc_GeneratedSections_MatchTheCode() => GeneratedDocSections.AssertCurrent("docs/complaints.md",
        ("defaults", Defaults()), ("table", ComplaintTransitionTable.ToMarkdown()), ("mermaid", "```mermaid\n" + ComplaintTransitionTable.ToMermaid() + "```\n"));

    [Fact]
    public void ComplaintsDoc_NamesEveryParameter()
    {
        var doc = GeneratedDocSections.Read("docs/complaints.md");
        Assert.All(ComplaintParameters.All.Concat(RewardParameters.All), p => Assert.Contains($"`{p.Id}`", doc, StringComparison.Ordinal));
    }
}
