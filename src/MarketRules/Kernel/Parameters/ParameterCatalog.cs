using System.Collections.Frozen;
using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>The set of parameters a policy pack may override, each with its national values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ParameterCatalog
{
    private readonly FrozenDictionary<string, ParameterDefinition> byId;

    /// <summary>Creates a catalog.</summary>
    /// <param name="definitions">The parameters; ids must be unique.</param>
    /// <exception cref="ArgumentException">Thrown when two parameters share an id.</exception>
    public ParameterCatalog(IEnumerable<ParameterDefinition> definitions)
    {
        var list = Preconditions.CheckNotNull(definitions).ToList();
        var duplicate = list.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(duplicate is null, nameof(definitions), "Parameter id {0} is defined twice", duplicate?.Key);
        byId = list.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        Definitions = [.. list.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>The parameters, by id order.</summary>
    public ImmutableArray<ParameterDefinition> Definitions { get; }

    /// <summary>Finds a parameter by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The parameter, or <see langword="null"/>.</returns>
    public ParameterDefinition? Find(string id) => byId.GetValueOrDefault(Preconditions.CheckNotNull(id));

    /// <summary>Returns a catalog with more parameters.</summary>
    /// <param name="definitions">The parameters to add.</param>
    /// <returns>The larger catalog.</returns>
    public ParameterCatalog With(IEnumerable<ParameterDefinition> definitions) => new(Definitions.Concat(definitions));
}
