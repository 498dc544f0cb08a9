using System.Collections.Frozen;
using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>The set of parameters a policy pack may override, each with its national values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ParameterCatalog
{
    // Either every definition at once (the constructor), or one table per area built when a parameter of that area is
    // first looked up (ByArea): a process whose first decision needs no parameter of an area never builds its
    // definitions, citations and documents (the national catalogue was ~10 % of a fresh process's first decision).
    private readonly FrozenDictionary<string, ParameterDefinition>? byId;
    private readonly FrozenDictionary<string, Lazy<FrozenDictionary<string, ParameterDefinition>>>? byArea;
    private readonly Lazy<ImmutableArray<ParameterDefinition>> definitions;

    /// <summary>Creates a catalog.</summary>
    /// <param name="definitions">The parameters; ids must be unique.</param>
    /// <exception cref="ArgumentException">Thrown when two parameters share an id.</exception>
    public ParameterCatalog(IEnumerable<ParameterDefinition> definitions)
    {
        var list = Preconditions.CheckNotNull(definitions).ToList();
        byId = Index(list, nameof(definitions));
        ImmutableArray<ParameterDefinition> sorted = [.. list.OrderBy(d => d.Id, StringComparer.Ordinal)];
        this.definitions = new(() => sorted);
    }

    private ParameterCatalog(FrozenDictionary<string, Lazy<FrozenDictionary<string, ParameterDefinition>>> byArea)
    {
        this.byArea = byArea;
        definitions = new(() => [.. byArea.Values.SelectMany(area => area.Value.Values).OrderBy(d => d.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Creates a catalog gathered from rule areas, each area's parameters built the first time one of them is looked up
    /// (or <see cref="Definitions"/> is read). Every id of an area starts with its prefix and a dot
    /// (<c>referral.art140.sales</c> in the area <c>referral</c>), which is how a lookup finds its area.
    /// </summary>
    /// <param name="areas">Each area's prefix and the function returning its parameters.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">Thrown when a prefix is empty or contains a dot.</exception>
    /// <exception cref="InvalidOperationException">Thrown on the first lookup in an area whose parameters share an id or have an id outside its prefix.</exception>
    public static ParameterCatalog ByArea(IReadOnlyDictionary<string, Func<IEnumerable<ParameterDefinition>>> areas)
    {
        Preconditions.CheckNotNull(areas);
        var lazy = new Dictionary<string, Lazy<FrozenDictionary<string, ParameterDefinition>>>(StringComparer.Ordinal);
        foreach (var (prefix, build) in areas)
        {
            Preconditions.CheckArgument(prefix.Length > 0 && !prefix.Contains('.', StringComparison.Ordinal), nameof(areas), "Area prefix '{0}' must be non-empty and contain no dot", prefix);
            Preconditions.CheckNotNull(build);
            lazy[prefix] = new(() => BuildArea(prefix, build()));
        }
        return new ParameterCatalog(lazy.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The parameters, by id order.</summary>
    public ImmutableArray<ParameterDefinition> Definitions => definitions.Value;

    /// <summary>Finds a parameter by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The parameter, or <see langword="null"/>.</returns>
    public ParameterDefinition? Find(string id)
    {
        Preconditions.CheckNotNull(id);
        if (byId is not null)
        {
            return byId.GetValueOrDefault(id);
        }
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        // Read without out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        Lazy<FrozenDictionary<string, ParameterDefinition>>? area = null;
        return dot > 0 && byArea!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id.AsSpan(0, dot), out area)
            ? area!.Value.GetValueOrDefault(id)
            : null;
    }

    /// <summary>Returns a catalog with more parameters.</summary>
    /// <param name="definitions">The parameters to add.</param>
    /// <returns>The larger catalog.</returns>
    public ParameterCatalog With(IEnumerable<ParameterDefinition> definitions) => new(Definitions.Concat(definitions));

    private static FrozenDictionary<string, ParameterDefinition> Index(List<ParameterDefinition> list, string paramName)
    {
        var duplicate = list.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(duplicate is null, paramName, "Parameter id {0} is defined twice", duplicate?.Key);
        return list.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
    }

    // A library's own area tables are checked when built: an id outside the prefix would never be found.
    private static FrozenDictionary<string, ParameterDefinition> BuildArea(string prefix, IEnumerable<ParameterDefinition> definitions)
    {
        var list = definitions.ToList();
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var stray = list.FirstOrDefault(d => !d.Id.StartsWith(prefix + ".", StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new InvalidOperationException($"Parameter id {stray.Id} is outside its area '{prefix}'");
        }
        try
        {
            return Index(list, nameof(definitions));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
