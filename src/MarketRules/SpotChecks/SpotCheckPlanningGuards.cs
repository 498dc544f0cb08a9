using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Sampling;
using MarketRules.Utility;

namespace MarketRules.SpotChecks;

/// <summary>
/// "The same product" of the repeat-check rule: one producer's product made to the same standard under the same
/// trademark and the same specification or model (同一生产者按照同一标准生产的同一商标、同一规格型号的产品).
/// </summary>
/// <param name="ProducerCreditCode">The producer's unified social credit code.</param>
/// <param name="Product">The product's name.</param>
/// <param name="Standard">The standard it is made to.</param>
/// <param name="Trademark">The trademark.</param>
/// <param name="Model">The specification or model.</param>
public sealed record SpotCheckProduct(string ProducerCreditCode, string Product, string Standard, string Trademark, string Model);

/// <summary>A check already made of a product.</summary>
/// <param name="Bureau">The id of the bureau that made it.</param>
/// <param name="Level">Its level.</param>
/// <param name="Product">The product.</param>
/// <param name="On">The day of sampling.</param>
public sealed record PriorSpotCheck(string Bureau, SpotCheckLevel Level, SpotCheckProduct Product, LocalDate On);

/// <summary>The check being planned.</summary>
/// <param name="Bureau">The id of the planning bureau.</param>
/// <param name="Level">Its level.</param>
/// <param name="Kind">An ordinary check, or a follow-up or emergency check (exempt from the limits).</param>
/// <param name="On">The planned day of sampling.</param>
public sealed record PlannedSpotCheck(string Bureau, SpotCheckLevel Level, SpotCheckKind Kind, LocalDate On);

/// <summary>Why a product may not be checked.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.KebabCaseEnumConverter<SpotCheckExclusionReason>))]
public enum SpotCheckExclusionReason
{
    /// <summary>The same bureau checked the same product within the window (six months).</summary>
    SameBureauWithinWindow = 0,

    /// <summary>An upper-level bureau checked the same product within the window: a lower level may not repeat it.</summary>
    UpperLevelWithinWindow = 1,
}

/// <summary>A product the plan must leave out, with the check that blocks it.</summary>
/// <param name="Product">The product.</param>
/// <param name="Why">The rule that excludes it.</param>
/// <param name="BlockedBy">The earlier check.</param>
/// <param name="CheckableFrom">The first day the product may be checked again by this bureau.</param>
/// <param name="Reason">The reason, in both languages, with its citation.</param>
public sealed record SpotCheckExclusion(SpotCheckProduct Product, SpotCheckExclusionReason Why, PriorSpotCheck BlockedBy, LocalDate CheckableFrom, Reason Reason);

/// <summary>The candidates a plan may keep and those it must leave out.</summary>
/// <param name="Eligible">Products that may be checked.</param>
/// <param name="Excluded">Products that may not, each with its reason.</param>
/// <param name="Exempt">Whether the plan is a follow-up or emergency check, to which the limits do not apply.</param>
/// <param name="Window">The window used, with its citation.</param>
public sealed record SpotCheckScreening(ImmutableArray<SpotCheckProduct> Eligible, ImmutableArray<SpotCheckExclusion> Excluded, bool Exempt, ParameterValue Window)
{
    /// <summary>
    /// Plugs the screening into a double-random draw: the producers all of whose candidate products are excluded are
    /// added to <see cref="SamplingPolicy.Exclusions"/>, so the draw never picks them (they still count as active entities).
    /// </summary>
    /// <param name="policy">The draw's policy.</param>
    /// <returns>The policy with the exclusions added.</returns>
    public SamplingPolicy ApplyTo(SamplingPolicy policy)
    {
        Preconditions.CheckNotNull(policy);
        var eligibleProducers = Eligible.Select(p => p.ProducerCreditCode).ToHashSet(StringComparer.Ordinal);
        var blocked = Excluded.Select(e => e.Product.ProducerCreditCode).Where(c => !eligibleProducers.Contains(c));
        var existing = policy.Exclusions.IsDefault ? [] : policy.Exclusions;
        return policy with { Exclusions = [.. existing.Concat(blocked).Distinct(StringComparer.Ordinal)] };
    }
}

/// <summary>
/// The fairness limits of spot-check planning: the same bureau checks the same product at most once in six months,
/// and a lower level does not repeat a check an upper level made within six months (产品质量法 第十五条; 总局令第18号).
/// Follow-up checks of non-conforming products and emergency checks are exempt.
/// </summary>
public static class SpotCheckPlanningGuards
{
    /// <summary>Screens candidates against the checks already made.</summary>
    /// <param name="law">The law of the bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</param>
    /// <param name="plan">The check being planned.</param>
    /// <param name="candidates">The products the plan might sample.</param>
    /// <param name="history">Checks already made (by this bureau and by upper levels; the sampled party's proof of an upper-level check belongs here).</param>
    /// <returns>The screening.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Parameter.NotInForce</c>) when the window has no value on the plan's day.</exception>
    public static SpotCheckScreening Screen(LawContext law, PlannedSpotCheck plan, IEnumerable<SpotCheckProduct> candidates, IEnumerable<PriorSpotCheck> history)
    {
        Preconditions.CheckNotNull(law);
        Preconditions.CheckNotNull(plan);
        var window = law.Resolve(SpotCheckParameters.RepeatCheckWindow, plan.On);
        var products = Preconditions.CheckNotNull(candidates).Distinct().ToList();
        // Two comparisons rather than an `or` pattern: a mutation tool turns `or` into `and`, which does not compile.
        var exempt = plan.Kind == SpotCheckKind.FollowUp || plan.Kind == SpotCheckKind.Emergency;
        if (exempt)
        {
            return new SpotCheckScreening([.. products], [], true, window);
        }
        var period = window.AsPeriod();
        var byProduct = Preconditions.CheckNotNull(history).ToLookup(h => h.Product);
        var eligible = ImmutableArray.CreateBuilder<SpotCheckProduct>();
        var excluded = ImmutableArray.CreateBuilder<SpotCheckExclusion>();
        foreach (var product in products)
        {
            SpotCheckExclusion? found = null;
            foreach (var prior in byProduct[product].Where(p => p.On <= plan.On).OrderByDescending(p => p.On))
            {
                var sameBureau = string.Equals(prior.Bureau, plan.Bureau, StringComparison.Ordinal);
                var upper = prior.Level < plan.Level;
                if (!sameBureau && !upper)
                {
                    continue;
                }
                // "六个月内": the window ends on the day six months after the check; the day after, the product may be checked again.
                var lastDay = law.Periods.Deadline(prior.On, period, RestDayRule.None).LastDay;
                if (plan.On > lastDay)
                {
                    continue;
                }
                var why = sameBureau ? SpotCheckExclusionReason.SameBureauWithinWindow : SpotCheckExclusionReason.UpperLevelWithinWindow;
                var level = SpotCheckLabels.Of(prior.Level);
                var detail = sameBureau
                    ? ($"本局已于 {prior.On:uuuu-MM-dd} 抽查同一产品，{lastDay.PlusDays(1):uuuu-MM-dd} 前不得再次抽查",
                        $"this bureau checked the same product on {prior.On:uuuu-MM-dd}; not again before {lastDay.PlusDays(1):uuuu-MM-dd}")
                    : ($"{level.Zh}市场监管部门已于 {prior.On:uuuu-MM-dd} 抽查同一产品，下级不得重复抽查（至 {lastDay:uuuu-MM-dd}）",
                        $"a {level.En} bureau checked the same product on {prior.On:uuuu-MM-dd}; a lower level may not repeat it (until {lastDay:uuuu-MM-dd})");
                var reason = SpotCheckReasons.Excluded.ToReasonKeepingEnglish(sameBureau ? SpotCheckCitations.RepeatCheck : SpotCheckCitations.ProductQualityLawArticle15,
                    ("CreditCode", product.ProducerCreditCode, product.ProducerCreditCode), ("Product", product.Product, product.Product), ("Detail", detail.Item1, detail.Item2));
                // The newest blocking check binds: every window has the same length, so its last day is the latest and the
                // product may be checked again only after it; an older check (of either kind) ends sooner.
                found = new SpotCheckExclusion(product, why, prior, lastDay.PlusDays(1), reason);
                break;
            }
            if (found is null)
            {
                eligible.Add(product);
            }
            else
            {
                excluded.Add(found);
            }
        }
        return new SpotCheckScreening(eligible.ToImmutable(), excluded.ToImmutable(), false, window);
    }
}
