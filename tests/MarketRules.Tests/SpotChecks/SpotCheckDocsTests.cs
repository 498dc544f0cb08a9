using System.Globalization;
using System.Text;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

// docs/spot-checks.md's parameter table, transition table and diagram are generated from the code and checked here;
// MARKETRULES_UPDATE_DOCS=1 rewrites them.
public class SpotCheckDocsTests
{
    private static string Defaults()
    {
        var text = new StringBuilder("| Parameter | Value | Unit | From | Citation | Status |\n|---|---|---|---|---|---|\n");
        foreach (var definition in SpotCheckParameters.All)
        {
            foreach (var v in definition.Values)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{definition.Id}` {definition.Name.Chinese} | {v.Value} | {v.Unit} | {v.EffectiveFrom:uuuu-MM-dd} | {v.Citation} | {v.Citation.Status} |\n");
            }
        }
        return text.ToString();
    }

    private static string Kebab<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string Table()
    {
        var text = new StringBuilder("| From | Event | To | Rule |\n|---|---|---|---|\n");
        foreach (var row in SpotCheckTransitionTable.Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{Kebab(row.From)}` | `{Kebab(row.Event)}` | `{Kebab(row.To)}` | {row.Citation} |\n");
        }
        return text.ToString();
    }

    private static string Mermaid()
    {
        var text = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        foreach (var row in SpotCheckTransitionTable.Rows.Where(r => r.From != r.To))
        {
            var from = row.From == SpotCheckState.None ? "[*]" : row.From.ToString();
            var to = row.To == SpotCheckState.Closed ? "Closed" : row.To.ToString();
            text.Append(CultureInfo.InvariantCulture, $"    {from} --> {to}: {Kebab(row.Event)}\n");
        }
        return text.Append("    Closed --> [*]\n```\n").ToString();
    }

    [Fact]
    public void SpotChecksDoc_GeneratedSections_MatchTheCode() => Kernel.GeneratedDocSections.AssertCurrent("docs/spot-checks.md",
        ("defaults", Defaults()), ("table", Table()), ("mermaid", Mermaid()));
}
