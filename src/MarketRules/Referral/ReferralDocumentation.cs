using System.Globalization;
using System.Text;
using MarketRules.Parameters;

namespace MarketRules.Referral;

/// <summary>Writes the threshold table of <c>docs/referral.md</c> from <see cref="ReferralParameters"/>, so the document cannot drift from the code.</summary>
internal static class ReferralDocumentation
{
    internal const string Begin = "<!-- BEGIN GENERATED: ReferralParameters (do not edit; run the ReferralDocumentationTests with MARKETRULES_UPDATE_DOCS=1) -->";
    internal const string End = "<!-- END GENERATED -->";

    internal static string ThresholdTable()
    {
        var text = new StringBuilder();
        text.Append("| Parameter | Meaning | Value | In force | Source | Status |\n");
        text.Append("|---|---|---:|---|---|---|\n");
        foreach (var definition in ReferralParameters.All)
        {
            foreach (var value in definition.Values)
            {
                var citation = value.Citation;
                var source = citation.Document.Chinese + (citation.DocumentNumber is { } number ? "（" + number + "）" : "") + (citation.Article is { } article ? " " + article.Chinese : "");
                text.Append(CultureInfo.InvariantCulture, $"| `{definition.Id}` | {definition.Name.English} | {Format(definition.Unit, value.Value)} | {Dates(value)} | {source} | {Status(citation.Status)} |\n");
            }
        }
        return text.ToString();
    }

    private static string Format(ParameterUnit unit, decimal value) => unit switch
    {
        ParameterUnit.Yuan => value.ToString("#,0", CultureInfo.InvariantCulture) + " yuan",
        ParameterUnit.Count => value.ToString("#,0", CultureInfo.InvariantCulture),
        ParameterUnit.Factor => "× " + value.ToString("0", CultureInfo.InvariantCulture),
        ParameterUnit.Days => value.ToString("0", CultureInfo.InvariantCulture) + " d",
        ParameterUnit.Hours => value.ToString("0", CultureInfo.InvariantCulture) + " h",
        ParameterUnit.Years => value.ToString("0", CultureInfo.InvariantCulture) + " years",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Dates(ParameterValue value) =>
        value.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " →" +
        (value.EffectiveUntil is { } until ? " " + until.PlusDays(-1).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "");

    private static string Status(VerificationStatus status) => status switch
    {
        VerificationStatus.VerifiedOfficial => "V-O",
        VerificationStatus.VerifiedSecondary => "V-S",
        VerificationStatus.FromMemory => "**MEM**",
        _ => "REQ",
    };
}
