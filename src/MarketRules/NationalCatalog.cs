using MarketRules.Calendar;
using MarketRules.Parameters;

namespace MarketRules;

/// <summary>
/// The library's national parameters, gathered from every rule area: what a policy pack may override.
/// </summary>
public static class NationalCatalog
{
    // One entry per rule area: each area owns its parameters, built when one of them is first looked up.
    private static readonly Lazy<ParameterCatalog> LazyCatalog = new(() => ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>>
    {
        ["cases"] = () => Cases.CaseParameters.All,
        ["complaints"] = () => Complaints.ComplaintParameters.All,
        ["rewards"] = () => Complaints.RewardParameters.All,
        ["credit"] = () => Credit.CreditParameters.All,
        ["referral"] = () => Referral.ReferralParameters.All,
        ["sampling"] = () => Sampling.SamplingParameters.All,
        ["spotchecks"] = () => SpotChecks.SpotCheckParameters.All,
    }));

    /// <summary>Every national parameter of the library.</summary>
    public static ParameterCatalog Catalog => LazyCatalog.Value;

    /// <summary>The national law with no local policy packs, carrying the shipped subsidy schemes (which a rule finds by id).</summary>
    public static PolicyContext Policy => LazyPolicy.Value;

    /// <summary>The national law with no local policy, counted on the built-in statutory calendar: what an evaluator is built from when no pack applies.</summary>
    public static LawContext Law => LazyLaw.Value;

    private static readonly Lazy<PolicyContext> LazyPolicy = new(() => Subsidies.SubsidySchemes.AddShipped(PolicyContext.National(Catalog)));

    private static readonly Lazy<LawContext> LazyLaw = new(() => new LawContext(Policy, PeriodCalculator.China));
}
