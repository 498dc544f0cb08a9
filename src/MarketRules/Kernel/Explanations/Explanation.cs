using System.Collections.Immutable;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// Why a decision came out as it did: the outcome, the reasons, every parameter used with its citation, and the
/// dates computed. Every decision in MarketRules carries one, and it serialises to JSON unchanged.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Build one with <see cref="ExplanationBuilder"/>.</remarks>
public sealed class Explanation
{
    internal Explanation(string rule, string outcome, LocalDate asOf, string? jurisdiction, ImmutableArray<Reason> reasons,
        ImmutableArray<ParameterValue> parameters, ImmutableArray<ComputedDate> dates)
    {
        Rule = rule;
        Outcome = outcome;
        AsOf = asOf;
        Jurisdiction = jurisdiction;
        Reasons = reasons;
        Parameters = parameters;
        Dates = dates;
    }

    /// <summary>The rule that decided, e.g. <c>referral.criminal/1</c>.</summary>
    public string Rule { get; }

    /// <summary>The outcome as a stable code, e.g. <c>refer</c>, <c>eligible</c>, <c>D</c>.</summary>
    public string Outcome { get; }

    /// <summary>The date the law was read as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The jurisdiction whose policy applied (GB/T 2260 code), or <see langword="null"/> for national rules only.</summary>
    public string? Jurisdiction { get; }

    /// <summary>The reasons, in the order they were established.</summary>
    public ImmutableArray<Reason> Reasons { get; }

    /// <summary>The parameters used, each with its value, dates of force and citation.</summary>
    public ImmutableArray<ParameterValue> Parameters { get; }

    /// <summary>The dates computed.</summary>
    public ImmutableArray<ComputedDate> Dates { get; }
}

/// <summary>Collects the parts of an <see cref="Explanation"/> while a rule evaluates.</summary>
/// <remarks>Not thread-safe: one builder per evaluation.</remarks>
[Mutable]
public sealed class ExplanationBuilder
{
    // Plain arrays grown on demand rather than three ImmutableArray builders: an explained evaluation builds one of
    // these every time, most add a handful of reasons, and Build hands the arrays over without a copy when full.
    private Reason[]? reasons;
    private int reasonCount;
    private ParameterValue[]? parameters;
    private int parameterCount;
    private ComputedDate[]? dates;
    private int dateCount;

    /// <summary>Starts an explanation.</summary>
    /// <param name="rule">The rule id, e.g. <c>referral.criminal/1</c>.</param>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <param name="jurisdiction">The jurisdiction, or <see langword="null"/>.</param>
    public ExplanationBuilder(string rule, LocalDate asOf, string? jurisdiction = null)
    {
        Rule = Preconditions.CheckNotNull(rule);
        AsOf = asOf;
        Jurisdiction = jurisdiction;
    }

    // Sized for the reasons and parameters an evaluation knows it will add: when it adds exactly that many, Build hands
    // the arrays over with no growth and no copy.
    internal ExplanationBuilder(string rule, LocalDate asOf, string? jurisdiction, int reasonCapacity, int parameterCapacity)
        : this(rule, asOf, jurisdiction)
    {
        reasons = reasonCapacity > 0 ? new Reason[reasonCapacity] : null;
        parameters = parameterCapacity > 0 ? new ParameterValue[parameterCapacity] : null;
    }

    /// <summary>The rule id.</summary>
    public string Rule { get; }

    /// <summary>The as-of date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The jurisdiction, or <see langword="null"/>.</summary>
    public string? Jurisdiction { get; }

    /// <summary>Adds a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>This builder.</returns>
    public ExplanationBuilder Add(Reason reason)
    {
        Append(ref reasons, ref reasonCount, Preconditions.CheckNotNull(reason));
        return this;
    }

    /// <summary>Records a parameter used; a parameter value recorded twice is kept once.</summary>
    /// <param name="value">The parameter value.</param>
    /// <returns>The value's number, for convenience in expressions.</returns>
    public decimal Use(ParameterValue value)
    {
        Preconditions.CheckNotNull(value);
        if (parameters is null || Array.IndexOf(parameters, value, 0, parameterCount) < 0)
        {
            Append(ref parameters, ref parameterCount, value);
        }
        return value.Value;
    }

    /// <summary>Adds a computed date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>This builder.</returns>
    public ExplanationBuilder Add(ComputedDate date)
    {
        Append(ref dates, ref dateCount, Preconditions.CheckNotNull(date));
        return this;
    }

    /// <summary>Builds the explanation.</summary>
    /// <param name="outcome">The outcome code.</param>
    /// <returns>The explanation.</returns>
    public Explanation Build(string outcome) =>
        new(Rule, Preconditions.CheckNotNull(outcome), AsOf, Jurisdiction, ToImmutable(reasons, reasonCount), ToImmutable(parameters, parameterCount), ToImmutable(dates, dateCount));

    private static void Append<T>(ref T[]? items, ref int count, T item)
    {
        if (items is null)
        {
            items = new T[4];
        }
        else if (count == items.Length)
        {
            Array.Resize(ref items, count * 2);
        }
        items[count++] = item;
    }

    // A full array is handed over as it is: the builder writes only below an array's length, so if used again it grows
    // into a new array and a built explanation never changes.
    private static ImmutableArray<T> ToImmutable<T>(T[]? items, int count) =>
        items is null || count == 0 ? []
        : count == items.Length ? System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items)
        : ImmutableArray.Create(items, 0, count);
}
