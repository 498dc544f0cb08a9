using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>
/// An evaluator's law as a table of spans: for every date on which one of its parameters changes (a national value or
/// a pack's override starts or ends), the values in force from that date, resolved once through the law context when
/// the evaluator is built. A decision then finds its span by date instead of resolving each parameter per call. The
/// spans hold what <see cref="PolicyContext.TryResolve"/> answered, so the law is still read from one place.
/// </summary>
/// <typeparam name="TSpan">What an evaluator keeps per span (the resolved values it decides with).</typeparam>
/// <remarks>Thread-safe: immutable once built.</remarks>
internal sealed class InForceSpans<TSpan>
    where TSpan : class
{
    // One table per span type, policy and jurisdiction: the spans depend on nothing else, and the engine makes a law
    // context per request over one shared policy (a cache per context would rebuild them on every request).
    private static readonly ConditionalWeakTable<PolicyContext, ConcurrentDictionary<Jurisdiction, InForceSpans<TSpan>>> Shared = new();

    private readonly int[] keys;
    private readonly TSpan[] spans;

    /// <summary>Builds the spans.</summary>
    /// <param name="law">The law the evaluator applies (its packs' change dates are included).</param>
    /// <param name="parameters">The parameters the evaluator reads.</param>
    /// <param name="build">Makes the span in force from a date (resolving through <paramref name="law"/>).</param>
    internal InForceSpans(LawContext law, IEnumerable<ParameterDefinition> parameters, Func<LocalDate, TSpan> build)
    {
        Preconditions.CheckNotNull(law);
        // The earliest date first, so every date finds a span (before any value is in force, one with nothing in it).
        var dates = new SortedSet<LocalDate> { LocalDate.MinIsoValue };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in parameters)
        {
            ids.Add(definition.Id);
            foreach (var value in definition.Values)
            {
                Add(dates, value.EffectiveFrom, value.EffectiveUntil);
            }
        }
        foreach (var pack in law.Policy.Packs)
        {
            foreach (var (id, values) in pack.Overrides)
            {
                if (ids.Contains(id))
                {
                    foreach (var value in values)
                    {
                        Add(dates, value.EffectiveFrom, value.EffectiveUntil);
                    }
                }
            }
        }
        keys = [.. dates.Select(Key)];
        spans = [.. dates.Select(build)];
    }

    /// <summary>
    /// The spans of an evaluator's law, built on first use and shared by every evaluator of the same span type built
    /// on the same policy and jurisdiction (an evaluator's span type reads one fixed set of parameters).
    /// </summary>
    /// <param name="law">The law the evaluator applies.</param>
    /// <param name="parameters">The parameters the span type reads.</param>
    /// <param name="build">Makes the span in force from a date.</param>
    /// <returns>The spans.</returns>
    internal static InForceSpans<TSpan> For(LawContext law, IEnumerable<ParameterDefinition> parameters, Func<LawContext, LocalDate, TSpan> build)
    {
        Preconditions.CheckNotNull(law);
        return Shared.GetValue(law.Policy, static _ => new()).GetOrAdd(law.Jurisdiction,
            static (_, args) => new InForceSpans<TSpan>(args.law, args.parameters, from => args.build(args.law, from)), (law, parameters, build));
    }

    /// <summary>The span in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The span.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TSpan Find(LocalDate date)
    {
        // Few spans (a handful of amendments and pack dates): scanned from the latest, where most dates fall.
        var key = Key(date);
        var k = keys;
        var i = k.Length - 1;
        while (i > 0 && k[i] > key)
        {
            i--;
        }
        return spans[i];
    }

    // Dates compared as one integer (year, month, day packed in order; negative years stay ordered).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    private static void Add(SortedSet<LocalDate> dates, LocalDate from, LocalDate? until)
    {
        dates.Add(from);
        if (until is { } end)
        {
            dates.Add(end);
        }
    }
}
