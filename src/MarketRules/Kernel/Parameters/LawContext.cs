using MarketRules.Calendar;
using MarketRules.Utility;
using NodaTime;

namespace MarketRules.Parameters;

/// <summary>
/// The law an evaluator applies: the parameters in force (national values and local policy packs), the jurisdiction
/// whose packs apply, and the period calculator with its statutory working-day calendar. Every area's evaluator is
/// built from, or called with, one of these — never from a hard-wired national default — so a calendar extended with
/// <see cref="StatutoryCalendar.WithYear"/> or a loaded pack reaches every rule alike.
/// </summary>
/// <remarks>
/// <para>The national law of the library is <c>NationalCatalog.Law</c>; the engine builds one per request from its
/// policy, the request's jurisdiction and its calendar.</para>
/// <para>This type is immutable and thread-safe; resolving a parameter allocates nothing.</para>
/// </remarks>
public sealed class LawContext
{
    /// <summary>Creates the law of a jurisdiction.</summary>
    /// <param name="policy">The parameters in force: the catalog and the loaded packs.</param>
    /// <param name="periods">The period calculator, and through it the statutory calendar.</param>
    /// <param name="jurisdiction">The jurisdiction whose packs apply; <see cref="Jurisdiction.National"/> for national values only.</param>
    public LawContext(PolicyContext policy, PeriodCalculator periods, Jurisdiction jurisdiction = default)
    {
        Policy = Preconditions.CheckNotNull(policy);
        Periods = Preconditions.CheckNotNull(periods);
        Jurisdiction = jurisdiction;
    }

    /// <summary>The parameters in force: the catalog and the loaded packs.</summary>
    public PolicyContext Policy { get; }

    /// <summary>The period calculator, and through it the statutory calendar.</summary>
    public PeriodCalculator Periods { get; }

    /// <summary>The statutory working-day calendar the periods are counted on.</summary>
    public StatutoryCalendar Calendar => Periods.Calendar;

    /// <summary>The jurisdiction whose packs apply.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The jurisdiction as an explanation records it: <see langword="null"/> for national rules only.</summary>
    public string? JurisdictionCode => Jurisdiction.IsNational ? null : Jurisdiction.ToString();

    /// <summary>The same law read for another jurisdiction (its own and its parents' packs apply).</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <returns>The law of that jurisdiction; this instance when it is the same.</returns>
    public LawContext For(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction ? this : new(Policy, Periods, jurisdiction);

    /// <summary>The same law counted on another calendar (e.g. one extended with a newly published year).</summary>
    /// <param name="periods">The period calculator.</param>
    /// <returns>The law with that calendar.</returns>
    public LawContext WithPeriods(PeriodCalculator periods) => new(Policy, periods, Jurisdiction);

    /// <summary>The same law with other parameters in force (e.g. after loading a pack).</summary>
    /// <param name="policy">The parameters.</param>
    /// <returns>The law with those parameters.</returns>
    public LawContext WithPolicy(PolicyContext policy) => new(policy, Periods, Jurisdiction);

    /// <summary>Returns the law with one more policy pack loaded; see <see cref="PolicyContext.WithPack"/>.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The new law, or the pack's coded errors; this instance is unchanged either way.</returns>
    public RuleResult<LawContext> WithPack(PolicyPack pack)
    {
        var policy = Policy.WithPack(pack);
        return policy.IsSuccess ? RuleResult<LawContext>.Success(WithPolicy(policy.Value)) : RuleResult<LawContext>.Failure(policy.Errors);
    }

    /// <summary>Resolves a parameter in force on a date in this jurisdiction.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <returns>The value in force.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Parameter.NotInForce</c>) when no value is in force.</exception>
    public ParameterValue Resolve(ParameterDefinition parameter, LocalDate asOf) => Policy.Resolve(parameter, asOf, Jurisdiction);

    /// <summary>Resolves a parameter in force on a date in this jurisdiction, or <see langword="null"/> when none is.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <returns>The value in force, or <see langword="null"/>.</returns>
    public ParameterValue? TryResolve(ParameterDefinition parameter, LocalDate asOf) => Policy.TryResolve(parameter, asOf, Jurisdiction);

    /// <summary>The same law carrying one more validated local instrument (e.g. a subsidy scheme); see <see cref="PolicyContext.WithInstrument{TInstrument}(string, TInstrument)"/>.</summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <param name="id">The instrument's id.</param>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The new law; this instance is unchanged.</returns>
    public LawContext WithInstrument<TInstrument>(string id, TInstrument instrument)
        where TInstrument : class => WithPolicy(Policy.WithInstrument(id, instrument));

    /// <summary>Finds an instrument of a kind by id; see <see cref="PolicyContext.TryGetInstrument"/>.</summary>
    /// <typeparam name="TInstrument">The instrument's kind.</typeparam>
    /// <param name="id">The id.</param>
    /// <param name="instrument">The instrument, when found.</param>
    /// <returns>Whether the law carries it.</returns>
    public bool TryGetInstrument<TInstrument>(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TInstrument? instrument)
        where TInstrument : class => Policy.TryGetInstrument(id, out instrument);
}
