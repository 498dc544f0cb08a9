using System.Globalization;
using System.Text;
using System.Text.Json;
using MarketRules.Engine.Rules.Referral;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

/// <summary>
/// What a bureau reads of the referral catalogue, word for word (issue 18): every dated threshold with its citation and
/// note (<see cref="ReferralParameters"/>), every element of every offence (<see cref="ReferralElements"/>), every
/// statutory punishment (<see cref="StatutoryPunishments"/>), and the explanation of every conformance vector's decision
/// in both languages with the checks behind it. The first referral baseline (2026-12-07, 61.7 %) left ~500 of its 784
/// survivors in these texts: a wrong article, a dropped excerpt or an emptied note went unnoticed.
/// </summary>
public class ReferralLegalTextsMutationEdgeTests
{
    private static readonly string VectorPath = Path.Combine(RepositoryRoot.Find(), "src", "MarketRules.Testing", "Vectors", "referral.criminal.json");

    // A record's generated ToString formats its dates with the current culture; the snapshot must not depend on the machine's.
    private static string InvariantText(object value)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return value.ToString()!;
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static string Day(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "open";

    private static void Append(StringBuilder text, string indent, Citation? citation)
    {
        if (citation is null)
        {
            text.Append(indent).AppendLine("citation: none");
            return;
        }
        text.Append(indent).Append("citation: ").Append(citation.Document.Chinese).Append(" / ").Append(citation.Document.English)
            .Append(" | ").Append(citation.Article?.Chinese).Append(" / ").Append(citation.Article?.English)
            .Append(" | ").Append(citation.Status).Append(" | in force ").Append(Day(citation.InForceFrom)).AppendLine()
            .Append(indent).Append("  source: ").AppendLine(citation.Source)
            .Append(indent).Append("  note: ").AppendLine(citation.Note);
    }

    [Fact]
    public void EveryReferralThreshold_IdNamesUnitDatedValuesCitationsAndNotes_MatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var p in ReferralParameters.All)
        {
            text.Append(p.Id).Append(" | ").Append(p.Name.Chinese).Append(" | ").Append(p.Name.English).Append(" | ").Append(p.Unit).AppendLine();
            foreach (var v in p.Values)
            {
                text.Append("  ").Append(Day(v.EffectiveFrom)).Append(" .. ").Append(Day(v.EffectiveUntil))
                    .Append(' ').Append(v.Value.ToString(CultureInfo.InvariantCulture)).AppendLine();
                Append(text, "    ", v.Citation);
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void EveryOffenceElement_DatedRequirementArticleAndInterpretation_MatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var rule in ReferralElements.All)
        {
            text.Append(rule.Offence).Append(' ').Append(rule.Element).Append(' ').Append(Day(rule.EffectiveFrom)).Append(" .. ")
                .Append(Day(rule.EffectiveUntil)).Append(" | ").Append(rule.Requirement.Chinese).Append(" / ").Append(rule.Requirement.English).AppendLine();
            Append(text, "  ", rule.Citation);
            text.Append("  interpretation:").AppendLine();
            Append(text, "    ", rule.Interpretation);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void EveryStatutoryPunishment_BandRangeWordsAndArticle_MatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var p in StatutoryPunishments.All)
        {
            // ToString is the range in words a log shows; the members are what a decision reads.
            text.Append(p.ToString()).Append(" | ").Append(Day(p.EffectiveFrom)).Append(" .. ").Append(Day(p.EffectiveUntil))
                .Append(" | life ").Append(p.Life).Append(" death ").Append(p.Death)
                .Append(" | ").Append(p.Text.Chinese).Append(" / ").Append(p.Text.English).AppendLine();
            Append(text, "  ", p.Citation);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void EveryConformanceVector_ExplanationInBothLanguagesWithItsChecks_MatchesSnapshot()
    {
        // A referral built for this test (not the process-wide one), so its spans of law are built by the code under test.
        var referral = new CriminalReferral(NationalCatalog.Law);
        var rule = new CriminalReferralRule();
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPath));
        var text = new StringBuilder();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var request = vector.GetProperty("request");
            var asOf = NodaTime.Text.LocalDatePattern.Iso.Parse(request.GetProperty("asOf").GetString()!).GetValueOrThrow();
            var facts = CriminalReferralRule.ToFacts(request.GetProperty("input").Deserialize(rule.Input)!);
            text.Append("## ").AppendLine(vector.GetProperty("name").GetString());
            var result = referral.Explain(facts, asOf);
            if (!result.IsSuccess)
            {
                foreach (var error in result.Errors)
                {
                    text.Append("error ").Append(error.Code).Append(' ').Append(error.Path).Append(" | ")
                        .Append(error.Message.Chinese).Append(" / ").Append(error.Message.English).AppendLine();
                }
                continue;
            }
            var report = result.GetValueOrThrow();
            var explanation = report.Explanation;
            text.Append("outcome ").Append(explanation.Outcome).Append(" as of ").Append(Day(explanation.AsOf)).Append(' ').Append(explanation.Jurisdiction)
                .Append(" | refer ").Append(report.Decision.Refer).Append(' ').Append(report.Decision.Band).AppendLine()
                // Every member of the decision a caller reads (the law applied, the later law's effect, the lighter
                // offence and band, the missing element), not only the yes/no.
                .Append("decision ").AppendLine(InvariantText(report.Decision));
            foreach (var reason in explanation.Reasons)
            {
                text.Append("- ").Append(reason.Code).Append(" | ").Append(reason.Message.Chinese).Append(" | ").Append(reason.Message.English).AppendLine();
                foreach (var (key, value) in reason.Arguments)
                {
                    text.Append("    ").Append(key).Append('=').Append(value).AppendLine();
                }
                Append(text, "    ", reason.Citation);
            }
            foreach (var value in explanation.Parameters)
            {
                text.Append("p ").Append(value.ParameterId).Append(' ').Append(value.Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(value.Unit)
                    .Append(' ').Append(Day(value.EffectiveFrom)).Append(" .. ").Append(Day(value.EffectiveUntil)).AppendLine();
            }
            foreach (var date in explanation.Dates)
            {
                text.Append("d ").Append(date.Name).Append(' ').Append(date.Label.Chinese).Append(" / ").Append(date.Label.English).Append(' ').Append(Day(date.Date))
                    .Append(" from ").Append(Day(date.From)).Append(' ').Append(date.Period).Append(" excluded ").Append(date.ExcludedDays)
                    .Append(" rolled from ").Append(Day(date.RolledForwardFrom)).AppendLine();
                Append(text, "    ", date.Citation);
            }
            foreach (var (law, checks) in new[] { ("act", report.Checks), ("current", report.CurrentLawChecks) })
            {
                foreach (var check in checks)
                {
                    text.Append("check ").Append(law).Append(' ').Append(check.Threshold).Append(' ').Append(check.Role)
                        .Append(" actual ").Append(check.Actual.ToString(CultureInfo.InvariantCulture))
                        .Append(" required ").Append(check.Required.ToString(CultureInfo.InvariantCulture))
                        .Append(" x").Append(check.Multiplier).Append(" met ").Append(check.Met)
                        .Append(" difference ").Append(check.Difference.ToString(CultureInfo.InvariantCulture))
                        .Append(' ').Append(check.Value.ParameterId).AppendLine();
                }
            }
            text.Append("citations ").AppendLine(string.Join("; ", report.Citations.Select(c => c.ToString())));
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }
}
