using System.Collections.Frozen;
using System.Collections.Immutable;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// The schemes the library ships (embedded JSON under <c>Data/Subsidies/</c>) and a registry to look schemes up by id.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SubsidySchemes
{
    private static readonly Lazy<SubsidyScheme> LazyGongshu = new(() => LoadEmbedded("gongshu-2022.json"));
    private static readonly Lazy<SubsidyScheme> LazyNational = new(() => LoadEmbedded("national-2025.json"));
    private static readonly Lazy<SubsidySchemes> LazyBuiltIn = new(() => new SubsidySchemes([Gongshu2022, National2025]));

    private readonly FrozenDictionary<string, SubsidyScheme> byId;

    /// <summary>Creates a registry.</summary>
    /// <param name="schemes">The schemes; ids must be unique.</param>
    /// <exception cref="ArgumentException">Thrown when two schemes share an id.</exception>
    public SubsidySchemes(IEnumerable<SubsidyScheme> schemes)
    {
        var list = Preconditions.CheckNotNull(schemes).ToList();
        Preconditions.CheckArgument(list.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == list.Count, nameof(schemes), "Scheme ids must be unique");
        byId = list.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        All = [.. list];
    }

    /// <summary>Gongshu District, Hangzhou, 2022: 300 / 200 / 100 yuan in June / July / August, phase 1 budget 780,000 yuan (REQ; phase dates assumed as calendar months).</summary>
    public static SubsidyScheme Gongshu2022 => LazyGongshu.Value;

    /// <summary>A national 2025 scheme template: amounts are local examples marked unverified — replace them with the local notice.</summary>
    public static SubsidyScheme National2025 => LazyNational.Value;

    /// <summary>The registry of the shipped schemes.</summary>
    public static SubsidySchemes BuiltIn => LazyBuiltIn.Value;

    /// <summary>The schemes.</summary>
    public ImmutableArray<SubsidyScheme> All { get; }

    /// <summary>Returns a registry with one more scheme (replacing one with the same id).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The larger registry.</returns>
    public SubsidySchemes With(SubsidyScheme scheme)
    {
        Preconditions.CheckNotNull(scheme);
        return new SubsidySchemes(All.Where(s => s.Id != scheme.Id).Append(scheme));
    }

    /// <summary>Adds the shipped schemes to a policy that does not already carry a scheme of the same id (the caller's wins).</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The policy carrying the shipped schemes.</returns>
    public static PolicyContext AddShipped(PolicyContext policy)
    {
        Preconditions.CheckNotNull(policy);
        foreach (var scheme in BuiltIn.All)
        {
            if (!policy.TryGetInstrument<SubsidyScheme>(scheme.Id, out _))
            {
                policy = policy.WithInstrument(scheme.Id, scheme);
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

    /// <summary>Finds a scheme by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The scheme, or the coded error <c>MR.Subsidy.UnknownScheme</c>.</returns>
    public RuleResult<SubsidyScheme> Find(string? id) =>
        id is not null && byId.TryGetValue(id, out var scheme)
            ? RuleResult<SubsidyScheme>.Success(scheme)
            : RuleResult<SubsidyScheme>.Failure(SubsidyErrors.UnknownScheme.Create("$.schemeId", ("Scheme", id ?? "")));

    private static SubsidyScheme LoadEmbedded(string name)
    {
        var resource = "MarketRules.Data.Subsidies/" + name;
        using var stream = typeof(SubsidySchemes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The embedded scheme is missing: " + resource);
        using var reader = new StreamReader(stream);
        return SubsidyScheme.Parse(reader.ReadToEnd()).GetValueOrThrow();
    }
}
