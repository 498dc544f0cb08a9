using System.Collections.Immutable;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// The schemes the library ships (embedded JSON under <c>Data/Subsidies/</c>) and the one way a scheme reaches an
/// evaluator: as an instrument of the law in force (<see cref="With(LawContext, SubsidyScheme)"/>, <see cref="Resolve"/>).
/// </summary>
/// <remarks>This type is thread-safe. A shipped scheme is parsed when it is first used, not when the law is built.</remarks>
public static class SubsidySchemes
{
    /// <summary>The id of <see cref="Gongshu2022"/>.</summary>
    public const string Gongshu2022Id = "gongshu-2022-ebike-tradein";

    /// <summary>The id of <see cref="National2025"/>.</summary>
    public const string National2025Id = "national-2025-ebike-tradein";

    private static readonly Lazy<SubsidyScheme> LazyGongshu = new(() => LoadEmbedded("gongshu-2022.json", Gongshu2022Id));
    private static readonly Lazy<SubsidyScheme> LazyNational = new(() => LoadEmbedded("national-2025.json", National2025Id));

    /// <summary>Gongshu District, Hangzhou, 2022: 300 / 200 / 100 yuan in June / July / August, phase 1 budget 780,000 yuan (REQ; phase dates assumed as calendar months).</summary>
    public static SubsidyScheme Gongshu2022 => LazyGongshu.Value;

    /// <summary>A national 2025 scheme template: amounts are local examples marked unverified — replace them with the local notice.</summary>
    public static SubsidyScheme National2025 => LazyNational.Value;

    /// <summary>Every subsidy scheme a law carries (the shipped ones and any added), ordered by id.</summary>
    /// <param name="law">The law.</param>
    /// <returns>The schemes.</returns>
    public static ImmutableArray<SubsidyScheme> All(LawContext law) => Preconditions.CheckNotNull(law).Policy.Instruments<SubsidyScheme>();

    /// <summary>Adds the shipped schemes to a policy that does not already carry a scheme of the same id (the caller's wins).</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The policy carrying the shipped schemes.</returns>
    public static PolicyContext AddShipped(PolicyContext policy)
    {
        Preconditions.CheckNotNull(policy);
        // Lazily: building the national law (the engine's first decision in a fresh process) parses no scheme.
        foreach (var (id, load) in Shipped)
        {
            if (!policy.TryGetInstrument<SubsidyScheme>(id, out _))
            {
                policy = policy.WithLazyInstrument(id, load);
            }
        }
        return policy;
    }

    /// <summary>The law with one more scheme (replacing one with the same id), found by <see cref="Resolve"/>.</summary>
    /// <param name="law">The law.</param>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The law carrying the scheme.</returns>
    public static LawContext With(LawContext law, SubsidyScheme scheme) =>
        Preconditions.CheckNotNull(law).WithInstrument(Preconditions.CheckNotNull(scheme).Id, scheme);

    /// <summary>Resolves a scheme by id in the law in force, as a rule does with a policy pack's values.</summary>
    /// <param name="law">The law (<c>NationalCatalog.Law</c> carries the shipped schemes).</param>
    /// <param name="id">The scheme's id.</param>
    /// <returns>The scheme, or the coded error <c>MR.Subsidy.UnknownScheme</c> at <c>$.schemeId</c>.</returns>
    public static RuleResult<SubsidyScheme> Resolve(LawContext law, string? id) =>
        Preconditions.CheckNotNull(law).TryGetInstrument<SubsidyScheme>(id, out var scheme)
            ? RuleResult<SubsidyScheme>.Success(scheme)
            : RuleResult<SubsidyScheme>.Failure(SubsidyErrors.UnknownScheme.Create("$.schemeId", ("Scheme", id ?? "")));

    private static readonly (string Id, Func<SubsidyScheme> Load)[] Shipped =
    [
        (Gongshu2022Id, () => Gongshu2022),
        (National2025Id, () => National2025),
    ];

    private static SubsidyScheme LoadEmbedded(string name, string id)
    {
        var resource = "MarketRules.Data.Subsidies/" + name;
        using var stream = typeof(SubsidySchemes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The embedded scheme is missing: " + resource);
        using var reader = new StreamReader(stream);
        var scheme = SubsidyScheme.Parse(reader.ReadToEnd()).GetValueOrThrow();
        // The law carries the scheme under this id before it is read: the file must agree.
        return scheme.Id == id ? scheme : throw new InvalidOperationException($"The embedded scheme {resource} has id {scheme.Id}, not {id}");
    }
}
