using System.Globalization;
using System.Text;
using MarketRules.Parameters;

namespace MarketRules.Tests.Kernel;

/// <summary>
/// A catalogue of parameters and citations as a user reads it, one line per citation, for the areas' snapshots: each
/// parameter's key, names and unit, its dated values, and every field of each value's citation.
/// </summary>
internal static class CatalogueText
{
    /// <summary>Every field of a citation on one line, "-" where absent.</summary>
    public static string Line(Citation c) => string.Join(" | ",
        c.Document.Chinese, c.Document.English, c.Article?.Chinese ?? "-", c.Article?.English ?? "-", c.Status, c.DocumentNumber ?? "-",
        c.InForceFrom?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-", c.Source ?? "-", c.Note ?? "-");

    /// <summary>Appends each parameter with its dated values and their citations.</summary>
    public static StringBuilder AppendParameters(this StringBuilder text, IEnumerable<ParameterDefinition> parameters)
    {
        foreach (var parameter in parameters)
        {
            text.Append(parameter.Id).Append(" | ").Append(parameter.Name.Chinese).Append(" | ").Append(parameter.Name.English).Append(" | ").Append(parameter.Unit).Append('\n');
            foreach (var value in parameter.Values)
            {
                text.Append("  ").Append(value.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(" .. ")
                    .Append(value.EffectiveUntil?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "open").Append(" = ")
                    .Append(value.Value.ToString(CultureInfo.InvariantCulture)).Append("\n    ").Append(Line(value.Citation)).Append('\n');
            }
        }
        return text;
    }
}
