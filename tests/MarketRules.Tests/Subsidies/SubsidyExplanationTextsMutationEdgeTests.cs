using System.Globalization;
using System.Text;
using MarketRules.Subsidies;
using MarketRules.Tests.Kernel;

namespace MarketRules.Tests.Subsidies;

/// <summary>
/// What an applicant and a bureau read of a subsidy decision, word for word (issue 18): for each shipped scheme, its
/// terms (window, phases, amounts, budgets, extras, evidence, keys, each with its citation), the explanation of an
/// eligible claim with and without the lithium-to-lead-acid extra, of a claim failing each condition alone, and of one
/// failing them all — every reason in both languages with its arguments and citation.
/// </summary>
public class SubsidyExplanationTextsMutationEdgeTests
{
    [Fact]
    public void EveryShippedScheme_TermsAndEveryConditionExplained_MatchSnapshot()
    {
        var text = new StringBuilder();
        Scheme(text, SubsidySchemes.Gongshu2022, SubsidyTestData.June15);
        Scheme(text, SubsidySchemes.National2025, SubsidyTestData.Shanghai("2025-05-10T09:00:00"));
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    private static void Scheme(StringBuilder text, SubsidyScheme scheme, Instant completed)
    {
        text.Append("# ").Append(scheme.Id).Append(" | ").Append(scheme.Title.Chinese).Append(" | ").Append(scheme.Title.English).Append(" | ").Append(scheme.Jurisdiction).AppendLine()
            .Append("citation ").AppendLine(CatalogueText.Line(scheme.Citation))
            .Append("window ").Append(scheme.ValidFromLocal.ToString("uuuu-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)).Append(" .. ")
            .Append(scheme.ValidToLocal.ToString("uuuu-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture))
            .Append(" | exhaustion ").Append(scheme.Exhaustion).Append(" | rounding ").Append(scheme.Rounding)
            .Append(" | overall ").Append(scheme.OverallBudget?.ToString() ?? "-").Append(" / ").Append(scheme.OverallQuota?.ToString(CultureInfo.InvariantCulture) ?? "-")
            .Append(" | hold ").Append(scheme.ReservationExpiry.TotalHours.ToString(CultureInfo.InvariantCulture)).Append(" h ").AppendLine(CatalogueText.Line(scheme.ReservationExpiryCitation))
            .Append("keys ").AppendLine(string.Join(", ", scheme.UniquenessKeys.Select(SubsidyLedgerRules.Name)))
            .Append("evidence ").AppendLine(string.Join(", ", scheme.Evidence.Select(e => e.Step + ":" + e.Evidence)));
        foreach (var phase in scheme.Phases)
        {
            text.Append("phase ").Append(phase.Number).Append(' ').Append(phase.Amount).Append(" rate ").Append(phase.RateOfPrice?.ToString(CultureInfo.InvariantCulture) ?? "-")
                .Append(" budget ").Append(phase.Budget?.ToString() ?? "-").Append(" quota ").Append(phase.Quota?.ToString(CultureInfo.InvariantCulture) ?? "-")
                .Append(" | ").AppendLine(CatalogueText.Line(phase.Citation));
        }
        foreach (var extra in scheme.Extras)
        {
            text.Append("extra ").Append(extra.Id).Append(' ').Append(extra.Condition).Append(' ').Append(extra.Amount).Append(" | ").AppendLine(CatalogueText.Line(extra.Citation));
        }

        var evaluator = new SubsidyEvaluator(scheme);
        var eligible = SubsidyTestData.Input(1, completed);
        var other = SubsidyTestData.PersonId(2);
        var cases = new (string Name, SubsidyClaimInput Input)[]
        {
            ("eligible, lead-acid to lead-acid", eligible),
            ("eligible, lithium handed in for lead-acid", eligible with { OldBattery = BatteryKind.Lithium, NewBattery = BatteryKind.LeadAcid }),
            ("old bike not a registered non-standard bike", eligible with { OldRegisteredNonStandard = false }),
            ("old bike not the applicant's", eligible with { OldOwnerId = other }),
            ("recycler not authorised", eligible with { RecyclerAuthorised = false }),
            ("old plate not cancelled", eligible with { OldPlateCancelledAt = null }),
            ("new bike to the 1999 standard", eligible with { NewStandard = EBikeStandard.Gb17761Of1999 }),
            ("new bike without CCC", eligible with { NewCccCertificate = null }),
            ("new bike not registered", eligible with { NewPlate = null, NewRegisteredAt = null }),
            ("new bike at 1 yuan", eligible with { NewPriceFen = 100 }),
            ("recycled a year before the window", eligible with { RecycledAt = completed - Duration.FromDays(366) }),
            ("every condition failing", eligible with
            {
                OldRegisteredNonStandard = false, OldOwnerId = other, RecyclerAuthorised = false, OldPlateCancelledAt = null,
                NewStandard = EBikeStandard.Gb17761Of1999, NewCccCertificate = null, NewPlate = null, NewRegisteredAt = null, NewPriceFen = 100,
                RecycledAt = completed - Duration.FromDays(366),
            }),
        };
        foreach (var (name, input) in cases)
        {
            var builder = evaluator.Explain(SubsidyClaim.FromInput(input), out var assessment);
            var explanation = builder.Build(assessment.IsEligible ? "eligible" : "ineligible");
            text.Append("## ").Append(name).Append(" | ").Append(assessment.Ineligibility).Append(" phase ").Append(assessment.PhaseIndex)
                .Append(' ').Append(assessment.Amount).AppendLine();
            Reasons(text, explanation);
        }
    }

    // What the ledger adds (先到先得): a reservation with the phase's remaining budget, a claim wait-listed into the next
    // phase at its amount, a person already paid, a phase whose budget is used up — in both languages.
    [Fact]
    public void LedgerReasons_ReservedWaitListedAlreadySubsidisedAndExhausted_MatchSnapshot()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase);
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(scheme));
        var claims = new (string Name, SubsidyClaim Claim)[]
        {
            ("reserved in June", SubsidyTestData.Claim(1, SubsidyTestData.June15)),
            ("June used up: wait-listed into July", SubsidyTestData.Claim(2, SubsidyTestData.June15)),
            ("the first applicant again", SubsidyTestData.Claim(3, SubsidyTestData.June15, person: 1)),
            ("July's last 200 yuan", SubsidyTestData.Claim(4, SubsidyTestData.July15)),
            ("every phase used up", SubsidyTestData.Claim(5, SubsidyTestData.July15)),
        };
        var text = new StringBuilder();
        foreach (var (name, claim) in claims)
        {
            var decision = allocator.Submit(claim);
            text.Append("## ").Append(name).Append(" | ").Append(decision.Outcome).Append(' ').Append(decision.Amount).AppendLine();
            Reasons(text, decision.Explanation);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    private static void Reasons(StringBuilder text, Explanation explanation)
    {
        foreach (var reason in explanation.Reasons)
        {
            text.Append("- ").Append(reason.Code).Append(" | ").Append(reason.Message.Chinese).Append(" | ").Append(reason.Message.English).AppendLine();
            foreach (var (key, value) in reason.Arguments)
            {
                text.Append("    ").Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).AppendLine();
            }
            text.Append("    ").AppendLine(reason.Citation is null ? "no citation" : CatalogueText.Line(reason.Citation));
        }
    }
}
