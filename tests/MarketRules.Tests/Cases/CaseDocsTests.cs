using System.Globalization;
using System.Text;
using MarketRules.Cases;
using MarketRules.Tests.Kernel;

namespace MarketRules.Tests.Cases;

public class CaseDocsTests
{
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

    [Fact]
    public void CasesDoc_GeneratedSections_MatchTheCode() => GeneratedDocSections.AssertCurrent("docs/cases.md",
        ("defaults", Defaults()), ("table", CaseTransitionTable.ToMarkdown()), ("mermaid", "```mermaid\n" + CaseTransitionTable.ToMermaid() + "```\n"));
}
