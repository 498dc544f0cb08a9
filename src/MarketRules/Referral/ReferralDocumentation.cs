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
        text.Append("\n**Elements by date** (`ReferralElements`): what each article required besides the act, on the dates it applied. An offence is in the catalogue on a date only when one of its rules applies.\n\n");
        text.Append("| Offence | In force | Element | Requirement | Source | Status |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var rule in ReferralElements.All.OrderBy(r => (int)r.Offence).ThenBy(r => r.EffectiveFrom))
        {
            text.Append(CultureInfo.InvariantCulture, $"| Art {(int)rule.Offence} | {Dates(rule.EffectiveFrom, rule.EffectiveUntil)} | `{Kebab(rule.Element)}` | {rule.Requirement.Chinese} | {Source(rule.Citation)}{(rule.Interpretation is { } i ? "; " + Source(i) : "")} | {Status(rule.Citation.Status)}{(rule.Interpretation is { } j ? " / " + Status(j.Status) : "")} |\n");
        }
        text.Append("\n**Statutory punishments** (`StatutoryPunishments`, 法定刑): used to choose the heavier provision (Art 149(2)) and the more lenient law (Art 12). Months: 0 = a fine alone may be imposed, 1 = criminal detention (拘役); the heavier is the one with the heavier top penalty (death, life, longest term), then the heavier minimum.\n\n");
        text.Append("| Offence | Band | In force | Punishment | Months | Source | Status |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var p in StatutoryPunishments.All.OrderBy(p => (int)p.Offence).ThenBy(p => p.Band).ThenBy(p => p.EffectiveFrom))
        {
            text.Append(CultureInfo.InvariantCulture, $"| Art {(int)p.Offence} | `{Kebab(p.Band)}` | {Dates(p.EffectiveFrom, p.EffectiveUntil)} | {p.Text.Chinese} | {p.MinimumMonths}–{p.MaximumMonths}{(p.Life ? ", life" : "")}{(p.Death ? ", death" : "")} | {Source(p.Citation)} | {Status(p.Citation.Status)} |\n");
        }
        return text.ToString();
    }

    private static string Kebab<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string Source(Citation citation) =>
        citation.Document.Chinese + (citation.DocumentNumber is { } number ? "（" + number + "）" : "") + (citation.Article is { } article ? " " + article.Chinese : "");

    private static string Dates(LocalDate from, LocalDate? until) =>
        from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " →" + (until is { } end ? " " + end.PlusDays(-1).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "");

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
