using System.Collections.Frozen;
using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>
/// The law as a decision reads it: the national catalog plus the local policy packs, resolved for a jurisdiction
/// and an as-of date. The most specific jurisdiction wins: a district's pack over its city's, a city's over its
/// province's, a province's over the national value.
/// </summary>
/// <remarks>
/// <para>Resolution allocates nothing: it returns the stored <see cref="ParameterValue"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PolicyContext
{
    private readonly FrozenDictionary<(int Jurisdiction, string Parameter), ImmutableArray<ParameterValue>> overrides;

    // Validated local documents other than parameter packs (a subsidy scheme, for one), keyed by their kind and id:
    // the kernel stores them without knowing their areas, so that they reach a rule the way packs do.
    private readonly ImmutableDictionary<(Type Kind, string Id), object> instruments;

    private PolicyContext(PolicyContext source, ImmutableDictionary<(Type Kind, string Id), object> instruments)
    {
        Catalog = source.Catalog;
        Packs = source.Packs;
        overrides = source.overrides;
        this.instruments = instruments;
    }

    private PolicyContext(ParameterCatalog catalog, ImmutableArray<PolicyPack> packs, ImmutableDictionary<(Type Kind, string Id), object> instruments)
    {
        Catalog = catalog;
        Packs = packs;
        this.instruments = instruments;
        var map = new Dictionary<(int, string), ImmutableArray<ParameterValue>>();
        foreach (var pack in packs)
        {
            foreach (var (id, values) in pack.Overrides)
            {
                var key = (pack.Jurisdiction.Code, id);
                // Read without out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
                var existing = ImmutableArray<ParameterValue>.Empty;
                map[key] = map.TryGetValue(key, out existing) ? [.. existing.Concat(values).OrderBy(v => v.EffectiveFrom)] : values;
            }
        }
        overrides = map.ToFrozenDictionary();
    }

    /// <summary>Creates a context with the national values only.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The context.</returns>
    public static PolicyContext National(ParameterCatalog catalog) => new(Preconditions.CheckNotNull(catalog), [], ImmutableDictionary<(Type, string), object>.Empty);

    /// <summary>The catalog.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>The packs, in the order they were added.</summary>
    public ImmutableArray<PolicyPack> Packs { get; }

    /// <summary>Returns a context with one more pack. Two packs of the same jurisdiction may not set the same parameter over overlapping dates.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The new context, or the coded errors; this context is unchanged either way.</returns>
    public RuleResult<PolicyContext> WithPack(PolicyPack pack)
    {
        Preconditions.CheckNotNull(pack);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        foreach (var existing in Packs.Where(p => p.Jurisdiction == pack.Jurisdiction))
        {
            if (existing.Id == pack.Id)
            {
                errors.Add(KernelErrors.PolicyPackMalformed.Create("$.id", ("Detail", $"a pack with id '{pack.Id}' is already loaded")));
                continue;
            }
            foreach (var (id, values) in pack.Overrides)
            {
                if (!existing.Overrides.TryGetValue(id, out var other))
                {
                    continue;
                }
                foreach (var a in values)
                {
                    foreach (var b in other)
                    {
                        if (a.EffectiveFrom < (b.EffectiveUntil ?? LocalDate.MaxIsoValue) && b.EffectiveFrom < (a.EffectiveUntil ?? LocalDate.MaxIsoValue))
                        {
                            errors.Add(KernelErrors.OverlappingDates.Create($"$.parameters['{id}']", ("Parameter", id),
                                ("Detail", $"pack '{pack.Id}' and pack '{existing.Id}' both set it for {pack.Jurisdiction} from {a.EffectiveFrom:uuuu-MM-dd}")));
                        }
                    }
                }
            }
        }
        return errors.Count > 0
            ? RuleResult<PolicyContext>.Failure(errors.ToImmutable())
            : RuleResult<PolicyContext>.Success(new PolicyContext(Catalog, Packs.Add(pack), instruments));
    }

    /// <summary>Finds the value of a parameter in force on a date for a jurisdiction.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="jurisdiction">The jurisdiction; <see cref="Jurisdiction.National"/> for national values only.</param>
    /// <returns>The value, or <see langword="null"/> when no value is in force on that date.</returns>
    public ParameterValue? TryResolve(ParameterDefinition parameter, LocalDate asOf, Jurisdiction jurisdiction = default)
    {
        Preconditions.CheckNotNull(parameter);
        if (overrides.Count > 0 && !jurisdiction.IsNational)
        {
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            var own = Find(jurisdiction.Code, parameter.Id, asOf);
            if (own is not null)
            {
                return own;
            }
            var city = jurisdiction.City;
            var cityValue = city != jurisdiction ? Find(city.Code, parameter.Id, asOf) : null;
            if (cityValue is not null)
            {
                return cityValue;
            }
            var province = jurisdiction.Province;
            var provinceValue = province != city ? Find(province.Code, parameter.Id, asOf) : null;
            if (provinceValue is not null)
            {
                return provinceValue;
            }
        }
        return parameter.NationalValueAsOf(asOf);
    }

    /// <summary>Finds the value of a parameter in force on a date for a jurisdiction, or reports that none is.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Parameter.NotInForce</c>) when no value is in force on <paramref name="asOf"/>, e.g. a date before the law existed.</exception>
    public ParameterValue Resolve(ParameterDefinition parameter, LocalDate asOf, Jurisdiction jurisdiction = default) =>
        TryResolve(parameter, asOf, jurisdiction) ?? throw new InvalidRuleInputException(NotInForceError(parameter, asOf));

    /// <summary>The coded error (<c>MR.Parameter.NotInForce</c>) <see cref="Resolve"/> throws, for a decision that returns it instead.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>The error, without a path.</returns>
    internal static RuleError NotInForceError(ParameterDefinition parameter, LocalDate asOf) =>
        KernelErrors.ParameterNotInForce.Create(null, ("Parameter", parameter.Id), ("Date", asOf),
            ("EffectiveFrom", parameter.Values.IsEmpty ? "-" : (object)parameter.Values[0].EffectiveFrom));

    private ParameterValue? Find(int jurisdiction, string id, LocalDate asOf)
    {
        // Read without out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var values = ImmutableArray<ParameterValue>.Empty;
        return overrides.TryGetValue((jurisdiction, id), out values) ? ParameterRules.Find(values, asOf) : null;
    }

    /// <summary>
    /// Returns a context that also carries a validated local instrument other than a parameter pack — a subsidy scheme,
    /// for one — under its id, so that rules find it in the law they are given. One of the same kind and id is replaced.
    /// </summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <param name="id">The instrument's id.</param>
    /// <param name="instrument">The instrument, already validated by its area's reader.</param>
    /// <returns>The new context; this context is unchanged.</returns>
    public PolicyContext WithInstrument<TInstrument>(string id, TInstrument instrument)
        where TInstrument : class =>
        new(this, instruments.SetItem((typeof(TInstrument), Preconditions.CheckNotNull(id)), Preconditions.CheckNotNull(instrument)));

    /// <summary>
    /// Returns a context that carries an instrument read only when a rule first asks for it (e.g. a shipped scheme parsed
    /// from embedded JSON), so that building the law costs nothing per instrument. Otherwise as <see cref="WithInstrument{TInstrument}(string, TInstrument)"/>.
    /// </summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <param name="id">The instrument's id: the id the loaded instrument has.</param>
    /// <param name="load">Reads and validates the instrument; called at most once, on first use.</param>
    /// <returns>The new context; this context is unchanged.</returns>
    public PolicyContext WithLazyInstrument<TInstrument>(string id, Func<TInstrument> load)
        where TInstrument : class =>
        new(this, instruments.SetItem((typeof(TInstrument), Preconditions.CheckNotNull(id)), new Deferred<TInstrument>(Preconditions.CheckNotNull(load))));

    /// <summary>Finds an instrument of a kind by id.</summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <param name="id">The id.</param>
    /// <param name="instrument">The instrument, when found.</param>
    /// <returns>Whether the context carries it.</returns>
    public bool TryGetInstrument<TInstrument>(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TInstrument? instrument)
        where TInstrument : class
    {
        // Read without out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        object? found = null;
        instrument = id is not null && instruments.TryGetValue((typeof(TInstrument), id), out found) ? Open<TInstrument>(found!) : null;
        return instrument is not null;
    }

    private static TInstrument Open<TInstrument>(object stored)
        where TInstrument : class =>
        stored as TInstrument ?? ((Deferred<TInstrument>)stored).Value;

    // An instrument read on first use. Not Lazy<T>, whose trimming annotation would reach every caller's type.
    private sealed class Deferred<TInstrument>(Func<TInstrument> load)
        where TInstrument : class
    {
        private TInstrument? value;

        public TInstrument Value => LazyInitializer.EnsureInitialized(ref value, load);
    }

    /// <summary>Every instrument of a kind the context carries, by id.</summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <returns>The instruments, ordered by id.</returns>
    public ImmutableArray<TInstrument> Instruments<TInstrument>()
        where TInstrument : class =>
        [.. instruments.Where(i => i.Key.Kind == typeof(TInstrument)).OrderBy(i => i.Key.Id, StringComparer.Ordinal).Select(i => Open<TInstrument>(i.Value))];
}
