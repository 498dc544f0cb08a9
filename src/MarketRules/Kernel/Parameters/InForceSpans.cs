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
    private readonly int[] spanByMonth;
    private readonly int firstMonth;

    /// <summary>Builds the spans.</summary>
    /// <param name="law">The law the evaluator applies (its packs' change dates are included).</param>
    /// <param name="parameters">The parameters the evaluator reads.</param>
    /// <param name="build">Makes the span in force from a date (resolving through <paramref name="law"/>).</param>
    /// <param name="alsoFrom">Other days the evaluator's law changes on (a rule that takes force without a parameter of its own).</param>
    internal InForceSpans(LawContext law, IEnumerable<ParameterDefinition> parameters, Func<LocalDate, TSpan> build, IEnumerable<LocalDate>? alsoFrom = null)
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
        foreach (var day in alsoFrom ?? [])
        {
            dates.Add(day);
        }
        keys = [.. dates.Select(InForceSpans.Key)];
        spans = [.. dates.Select(build)];
        spanByMonth = IndexByMonth(keys, out firstMonth);
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
    internal TSpan Find(LocalDate date) => Find(InForceSpans.Key(date));

    /// <summary>The span in force on the day whose <see cref="InForceSpans.Key"/> is <paramref name="key"/>.</summary>
    /// <param name="key">The day's key.</param>
    /// <returns>The span.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TSpan Find(int key)
    {
        // O(1): start at the span in force on the first of the day's month, then step over the (rare) changes later in
        // that month. Days before the first change fall in the first span, days after the table's end in the last.
        // Unchecked: a key is at most 2^23 in magnitude, far from overflow.
        var k = keys;
        var month = unchecked((key >> 5) - firstMonth);
        if (unchecked((uint)month) < (uint)spanByMonth.Length)
        {
            var i = spanByMonth[month];
            while (unchecked((uint)(i + 1)) < (uint)k.Length && k[i + 1] <= key)
            {
                i = unchecked(i + 1);
            }
            return spans[i];
        }
        return month < 0 ? spans[0] : spans[^1];
    }

    // For each month from the first change's month to the last change's month plus one, the index of the span in force
    // on the first of that month. The first span (from the earliest ISO date) is left out of the range: it would make
    // the table ten thousand years long.
    private static int[] IndexByMonth(int[] keys, out int first)
    {
        if (keys.Length < 2)
        {
            first = 0;
            return [];
        }
        first = keys[1] >> 5;
        var last = (keys[^1] >> 5) + 1;
        var table = new int[last - first + 1];
        var j = 0;
        for (var m = first; m <= last; m++)
        {
            var monthKey = (m << 5) | 1;
            while (j + 1 < keys.Length && keys[j + 1] <= monthKey)
            {
                j++;
            }
            table[m - first] = j;
        }
        return table;
    }

    private static void Add(SortedSet<LocalDate> dates, LocalDate from, LocalDate? until)
    {
        dates.Add(from);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (until is not null)
        {
            dates.Add(until.Value);
        }
    }
}

/// <summary>The day keys the in-force tables compare.</summary>
internal static class InForceSpans
{
    /// <summary>A day as one integer, ordered as the days are (year, month, day packed; negative years stay ordered).</summary>
    /// <param name="date">The day.</param>
    /// <returns>Its key.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Key(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;
}
