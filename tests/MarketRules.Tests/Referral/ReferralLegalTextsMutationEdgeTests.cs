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
            Render(text, referral, vector.GetProperty("name").GetString()!, facts, asOf);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    // The explanations the vectors do not reach, word for word: a later lighter law (Art 12), a service mark before
    // Amendment XI, attempts of Arts 215 and 140, a change from an attempt to a completed offence, Art 149's fallback and
    // heavier-of-both across a change of law, Order 310's reasonable suspicion on its first day, and every coded error of
    // the facts with its path and both texts.
    [Fact]
    public void ExplanationsBeyondTheVectors_InBothLanguagesWithTheirChecks_MatchSnapshot()
    {
        var referral = new CriminalReferral(NationalCatalog.Law);
        var today = new LocalDate(2026, 11, 23);
        var y2019 = new LocalDate(2019, 6, 1);
        var y2020 = new LocalDate(2020, 6, 1);
        var y2024 = new LocalDate(2024, 6, 1);
        static ReferralFacts F(CriminalOffence offence, LocalDate date, string extra, string field, decimal value) =>
            CriminalReferralTests.Facts(offence, date, extra, field, value);
        var cases = new (string Name, ReferralFacts Facts, LocalDate AsOf)[]
        {
            ("Art 213, 300,000 yuan in 2024, decided today: the later interpretation is lighter", F(CriminalOffence.CounterfeitRegisteredMark, y2024, "", "volume", 300_000m), today),
            ("Art 213, a service mark in 2020: not yet an offence", new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, ActDate = y2020, Category = ProductCategory.Service, ServiceMark = true, IllegalGains = Money.FromYuan(50_000m) }, today),
            ("Art 214, unsold goods in 2020: an attempt then, completed today", F(CriminalOffence.SellingCounterfeitMarkGoods, y2020, "", "unsold", 200_000m), today),
            ("Art 215, 60,000 unsold labels in 2019: an attempt", F(CriminalOffence.CounterfeitMarkLabels, y2019, "", "unsoldPieces", 60_000m), y2019),
            ("Art 142 without harm, unsold goods: Art 140's attempt", F(CriminalOffence.SubstandardDrugs, y2019, "", "unsold", 200_000m), y2019),
            ("Art 144, 2,000,000 yuan in 1999, decided today: heavier of both across the change", F(CriminalOffence.ToxicFood, new LocalDate(1999, 6, 1), "", "sales", 2_000_000m), today),
            ("Art 213 below the thresholds, reasonable suspicion, decided on 2020-08-07", F(CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2020, 8, 6), "", "volume", 10_000m) with { ReasonableSuspicion = true }, new LocalDate(2020, 8, 7)),
            ("Art 141 with a death", F(CriminalOffence.CounterfeitDrugs, y2019, "", "deaths", 1m), y2019),
            ("error: no act date", F(CriminalOffence.ShoddyProducts, default, "", "sales", 60_000m), today),
            ("error: act after the decision", F(CriminalOffence.ShoddyProducts, today.PlusDays(1), "", "sales", 60_000m), today),
            ("error: unknown offender, category and harm", F(CriminalOffence.ShoddyProducts, y2019, "", "sales", 60_000m) with { Offender = (OffenderKind)7, Category = (ProductCategory)9, Harm = (HarmFacts)128 }, today),
            ("error: a service mark on food", F(CriminalOffence.CounterfeitRegisteredMark, y2024, "", "volume", 60_000m) with { ServiceMark = true, Category = ProductCategory.Food }, today),
            ("error: a negative count of every kind", F(CriminalOffence.ShoddyProducts, y2019, "pieces=-1;unsoldPieces=-1;marks=-1;patents=-1;prior=-1;victims=-1;minor=-1;serious=-1", "deaths", -1m), today),
        };
        var text = new StringBuilder();
        foreach (var (name, facts, asOf) in cases)
        {
            Render(text, referral, name, facts, asOf);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    // One decision as a bureau reads it: the outcome, every member of the decision, every reason in both languages with
    // its arguments and citation, the parameters and dates, every check under both laws, and the citations.
    private static void Render(StringBuilder text, CriminalReferral referral, string name, in ReferralFacts facts, LocalDate asOf)
    {
        text.Append("## ").AppendLine(name);
        var result = referral.Explain(facts, asOf);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                text.Append("error ").Append(error.Code).Append(' ').Append(error.Path).Append(" | ")
                    .Append(error.Message.Chinese).Append(" / ").Append(error.Message.English).AppendLine();
            }
            return;
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
}
