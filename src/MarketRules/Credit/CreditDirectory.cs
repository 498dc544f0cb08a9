using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>An enterprise's class as of a date, with the reason: what the sampling reads.</summary>
/// <param name="Id">The enterprise's id.</param>
/// <param name="Class">Its class.</param>
/// <param name="Classification">The full classification with its explanation.</param>
public sealed record EnterpriseCreditClass(string Id, CreditRiskClass Class, CreditClassification Classification);

/// <summary>Classifies a directory of enterprises as of a date: the tier that feeds the sampling ratios.</summary>
public static class CreditDirectory
{
    /// <summary>Computes an enterprise's indicator values as of a date: penalties within the look-back, lists in force that day.</summary>
    /// <param name="facts">The facts (already validated with <see cref="Validate"/>).</param>
    /// <param name="asOf">The classification date.</param>
    /// <param name="lookBackStart">The first day whose penalties count.</param>
    /// <returns>The indicator values.</returns>
    public static CreditIndicators IndicatorsAsOf(EnterpriseCreditFacts facts, LocalDate asOf, LocalDate lookBackStart)
    {
        Preconditions.CheckNotNull(facts);
        int penalties = 0, heavier = 0;
        foreach (var penalty in facts.Penalties)
        {
            if (penalty.DecidedOn >= lookBackStart && penalty.DecidedOn <= asOf)
            {
                if (penalty.IsHeavier)
                {
                    heavier++;
                }
                else if (!penalty.IsWarningOnly)
                {
                    penalties++;
                }
            }
        }
        bool abnormal = false, serious = false;
        foreach (var listing in facts.Listings)
        {
            if (listing.IsActiveOn(asOf))
            {
                abnormal |= listing.Kind == CreditListKind.Abnormal;
                serious |= listing.Kind == CreditListKind.Serious;
            }
        }
        return new CreditIndicators(facts.BasicAttributes, facts.LateAnnualReports, penalties, heavier, facts.RelatedParties, facts.Complaints, abnormal, serious);
    }

    /// <summary>Checks an enterprise's facts: values in range, no record ending before it starts.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="path">The JSON path of the facts.</param>
    /// <returns>The coded errors; empty when valid.</returns>
    public static ImmutableArray<RuleError> Validate(EnterpriseCreditFacts facts, string path = "$")
    {
        Preconditions.CheckNotNull(facts);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (string.IsNullOrWhiteSpace(facts.Id))
        {
            errors.Add(KernelErrors.Required.Create(path + ".id", ("PropertyName", "id")));
        }
        void Range(int value, int max, string name)
        {
            if (value < 0 || value > max)
            {
                errors.Add(CreditErrors.OutOfRange.Create(path + "." + name, ("PropertyName", name)));
            }
        }
        Range(facts.BasicAttributes, 10, "basicAttributes");
        Range(facts.LateAnnualReports, int.MaxValue, "lateAnnualReports");
        Range(facts.RelatedParties, int.MaxValue, "relatedParties");
        Range(facts.Complaints, int.MaxValue, "complaints");
        for (var i = 0; i < facts.Listings.Length; i++)
        {
            var listing = facts.Listings[i];
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            var removed = listing.RemovedOn.GetValueOrDefault();
            if (listing.RemovedOn.HasValue && removed < listing.ListedOn)
            {
                errors.Add(CreditErrors.EndBeforeStart.Create($"{path}.listings[{i}].removedOn", ("Start", listing.ListedOn), ("End", removed)));
            }
        }
        for (var i = 0; i < facts.Penalties.Length; i++)
        {
            var penalty = facts.Penalties[i];
            if (penalty.Measures.IsDefaultOrEmpty)
            {
                errors.Add(KernelErrors.Required.Create($"{path}.penalties[{i}].measures", ("PropertyName", "measures")));
            }
            var end = penalty.RestrictionEndsOn.GetValueOrDefault();
            if (penalty.RestrictionEndsOn.HasValue && end < penalty.DecidedOn)
            {
                errors.Add(CreditErrors.EndBeforeStart.Create($"{path}.penalties[{i}].restrictionEndsOn", ("Start", penalty.DecidedOn), ("End", end)));
            }
        }
        return errors.ToImmutable();
    }

    /// <summary>Classifies every enterprise of a directory as of a date, each with its reason. All facts are checked first: one bad record fails the whole call and nothing is classified.</summary>
    /// <param name="directory">The enterprises.</param>
    /// <param name="asOf">The classification date.</param>
    /// <param name="policy">The classification policy.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>Each enterprise's class with its reason, in directory order, or the coded errors with paths <c>$[i]…</c> (and <c>MR.Credit.PolicyNotInForce</c> before the policy applies).</returns>
    public static RuleResult<ImmutableArray<EnterpriseCreditClass>> Classify(IEnumerable<EnterpriseCreditFacts> directory, LocalDate asOf,
        CreditRiskPolicy policy, LawContext law)
    {
        Preconditions.CheckNotNull(directory);
        Preconditions.CheckNotNull(policy);
        var list = directory.ToList();
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (asOf < policy.EffectiveFrom)
        {
            errors.Add(CreditErrors.PolicyNotInForce.Create(null, ("Policy", policy.Id), ("EffectiveFrom", policy.EffectiveFrom), ("Date", asOf)));
        }
        for (var i = 0; i < list.Count; i++)
        {
            errors.AddRange(Validate(Preconditions.CheckNotNull(list[i]), $"$[{i}]"));
        }
        if (errors.Count > 0)
        {
            return RuleResult<ImmutableArray<EnterpriseCreditClass>>.Failure(errors.ToImmutable());
        }
        var lookBack = law.Resolve(CreditParameters.ClassificationLookBack, asOf);
        var start = asOf.PlusYears(-(int)lookBack.Value).PlusDays(1);
        var result = ImmutableArray.CreateBuilder<EnterpriseCreditClass>(list.Count);
        var code = law.JurisdictionCode;
        foreach (var facts in list)
        {
            var classification = policy.Explain(IndicatorsAsOf(facts, asOf, start), asOf, code);
            result.Add(new EnterpriseCreditClass(facts.Id, classification.Class, classification));
        }
        return RuleResult<ImmutableArray<EnterpriseCreditClass>>.Success(result.MoveToImmutable());
    }
}
