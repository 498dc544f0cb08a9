using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>A listing on the serious-violation list (严重违法失信名单).</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="ListedOn">The listing date.</param>
public sealed record SeriousListing(string EnterpriseId, LocalDate ListedOn)
{
    /// <summary>The end of a legal restriction (e.g. an employment ban) that runs longer than the term, if any.</summary>
    public LocalDate? RestrictionEndsOn { get; init; }
}

/// <summary>The four conditions of early removal from the serious list (总局令第44号; domain reference row 2.16). All must hold.</summary>
/// <param name="DutiesPerformed">The duties in the penalty or other decision have been performed.</param>
/// <param name="HarmRemoved">Corrective measures taken, harm and bad influence removed.</param>
/// <param name="NoFurtherHeavierPenalty">No further heavier penalty from a market-supervision bureau.</param>
/// <param name="ManagementMeasuresExpired">Management measures imposed under a law or administrative regulation have run out.</param>
public readonly record struct EarlyRemovalConditions(bool DutiesPerformed, bool HarmRemoved, bool NoFurtherHeavierPenalty, bool ManagementMeasuresExpired)
{
    /// <summary>Whether all four hold.</summary>
    public bool AllMet => DutiesPerformed && HarmRemoved && NoFurtherHeavierPenalty && ManagementMeasuresExpired;
}

/// <summary>The term of a serious listing.</summary>
/// <param name="LastDayListed">The last day on the list.</param>
/// <param name="Explanation">Why.</param>
public sealed record SeriousListTerm(LocalDate LastDayListed, Explanation Explanation)
{
    /// <summary>The first day off the list.</summary>
    public LocalDate RemovedOn => LastDayListed.PlusDays(1);

    /// <summary>The first day early removal may be applied for, or <see langword="null"/> under a regime without it.</summary>
    public LocalDate? EarlyRemovalFrom { get; init; }
}

/// <summary>A decision on an application for early removal.</summary>
/// <param name="Granted">Whether all conditions hold.</param>
/// <param name="DecideBy">The last day to decide (from memory: see <see cref="CreditParameters.RepairDecision"/>).</param>
/// <param name="Explanation">Why.</param>
public sealed record EarlyRemovalDecision(bool Granted, LocalDate DecideBy, Explanation Explanation);

/// <summary>The serious-violation list: listing test, term, early removal.</summary>
public static class SeriousViolationList
{
    private static readonly LocalDate Order44 = LegalDocuments.SeriousViolationListMeasures.InForceFrom!.Value;

    /// <summary>
    /// Whether a penalty qualifies for listing under 总局令第44号 Art. 2: a heavier penalty (较重行政处罚) for a breach
    /// whose circumstances the bureau finds 性质恶劣、情节严重、社会危害较大. Before 2021-09-01 the order does not apply.
    /// </summary>
    /// <param name="penalty">The penalty.</param>
    /// <param name="seriousCircumstances">The bureau's finding on the circumstances (Art. 12 factors).</param>
    /// <returns>Whether the listing test is met.</returns>
    public static bool MeetsListingTest(PenaltyRecord penalty, bool seriousCircumstances) =>
        Preconditions.CheckNotNull(penalty).DecidedOn >= Order44 && penalty.IsHeavier && seriousCircumstances;

    /// <summary>The term of a listing under the law of its listing date: 5 years before 2021-09-01, 3 years after, or the restriction's end if later.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The term.</returns>
    public static SeriousListTerm Term(SeriousListing listing, LawContext law)
    {
        Preconditions.CheckNotNull(listing);
        Preconditions.CheckNotNull(law);
        var context = law.Policy;
        var jurisdiction = law.Jurisdiction;
        var builder = new ExplanationBuilder("credit.serious/1", listing.ListedOn, law.JurisdictionCode);
        var years = context.Resolve(CreditParameters.SeriousListTerm, listing.ListedOn, jurisdiction);
        builder.Use(years);
        var end = law.Periods.Deadline(listing.ListedOn, years.AsPeriod(), RestDayRule.None);
        builder.Add(ComputedDate.FromDeadline("term-ends", new LocalizedText("列入期限届满", "Term ends"), end, years.Citation));
        var last = end.LastDay;
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (listing.RestrictionEndsOn is not null && listing.RestrictionEndsOn.Value > last)
        {
            var restriction = listing.RestrictionEndsOn.Value;
            last = restriction;
            builder.Add(new ComputedDate("restriction-ends", new LocalizedText("法定限制期限届满", "Legal restriction ends"), restriction) { Citation = years.Citation });
        }
        LocalDate? earlyFrom = null;
        var early = context.TryResolve(CreditParameters.SeriousEarlyRemoval, listing.ListedOn, jurisdiction);
        if (early is not null)
        {
            builder.Use(early);
            earlyFrom = law.Periods.Deadline(listing.ListedOn, early.AsPeriod(), RestDayRule.None).LastDay.PlusDays(1);
        }
        return new SeriousListTerm(last, builder.Build("listed-until")) { EarlyRemovalFrom = earlyFrom };
    }

    /// <summary>Decides an application for early removal.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="appliedOn">The application date.</param>
    /// <param name="conditions">The four conditions.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The decision (granted or refused, with the conditions not met), or a coded error when the application comes too early, after the term, or under a regime without early removal.</returns>
    public static RuleResult<EarlyRemovalDecision> RequestEarlyRemoval(SeriousListing listing, LocalDate appliedOn, EarlyRemovalConditions conditions,
        LawContext law)
    {
        var term = Term(listing, law);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (term.EarlyRemovalFrom is null)
        {
            return RuleResult<EarlyRemovalDecision>.Failure(CreditErrors.RepairNotAvailable.Create("$.listedOn", ("Detail", "listings before 2021-09-01 have no early removal")));
        }
        var from = term.EarlyRemovalFrom.Value;
        if (appliedOn < from)
        {
            return RuleResult<EarlyRemovalDecision>.Failure(CreditErrors.RepairTooEarly.Create("$.appliedOn", ("Date", appliedOn), ("Earliest", from)));
        }
        if (appliedOn > term.LastDayListed)
        {
            return RuleResult<EarlyRemovalDecision>.Failure(CreditErrors.RepairNotAvailable.Create("$.appliedOn", ("Detail", "the term has already run out")));
        }
        Preconditions.CheckNotNull(law);
        var context = law.Policy;
        var jurisdiction = law.Jurisdiction;
        var builder = new ExplanationBuilder("credit.serious/1", appliedOn, law.JurisdictionCode);
        var decision = context.Resolve(CreditParameters.RepairDecision, appliedOn, jurisdiction);
        builder.Use(decision);
        var decideBy = law.Periods.Deadline(appliedOn, decision.AsPeriod());
        builder.Add(ComputedDate.FromDeadline("decide-by", new LocalizedText("作出决定期限", "Decide by"), decideBy, decision.Citation));
        AddUnmet(builder, conditions.DutiesPerformed, "duties performed / 已履行行政决定义务");
        AddUnmet(builder, conditions.HarmRemoved, "harm removed / 已消除危害后果和不良影响");
        AddUnmet(builder, conditions.NoFurtherHeavierPenalty, "no further heavier penalty / 未再受到较重行政处罚");
        AddUnmet(builder, conditions.ManagementMeasuresExpired, "management measures expired / 管理措施期限届满");
        return RuleResult<EarlyRemovalDecision>.Success(new EarlyRemovalDecision(conditions.AllMet, decideBy.LastDay,
            builder.Build(conditions.AllMet ? "removed-early" : "refused")));
    }

    internal static void AddUnmet(ExplanationBuilder builder, bool met, string condition)
    {
        if (!met)
        {
            builder.Add(CreditReasons.ConditionNotMet.ToReason(CreditCitations.SeriousList2021EarlyRemoval, ("Condition", condition)));
        }
    }
}
