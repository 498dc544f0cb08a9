using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>
/// A legal parameter: an amount, ratio or period the law sets, with its national values over time. A decision
/// reads the value in force on its as-of date, so a rule changed in 2021 still answers right for a 2019 case.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ParameterDefinition
{
    /// <summary>Creates a parameter with its national values.</summary>
    /// <param name="id">A stable id, lower-case words separated by dots and dashes, e.g. <c>case.statement-period</c>.</param>
    /// <param name="name">What the parameter is, in both languages.</param>
    /// <param name="unit">The unit of every value.</param>
    /// <param name="values">The national values; each runs until its <see cref="DatedValue.EffectiveUntil"/> or the next value's start.</param>
    /// <exception cref="ArgumentException">Thrown when two values overlap or a value lies outside the unit's range: the library's own data is wrong.</exception>
    public ParameterDefinition(string id, LocalizedText name, ParameterUnit unit, IEnumerable<DatedValue> values)
    {
        Id = Preconditions.CheckNotNull(id);
        Name = Preconditions.CheckNotNull(name);
        Unit = unit;
        var errors = ParameterRules.CheckValues(id, unit, Preconditions.CheckNotNull(values).ToList(), "$", out var built, "national", Jurisdiction.National);
        Preconditions.CheckArgument(errors.IsEmpty, nameof(values), "Invalid national values: {0}", string.Join("; ", errors));
        Values = built;
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>What the parameter is.</summary>
    public LocalizedText Name { get; }

    /// <summary>The unit.</summary>
    public ParameterUnit Unit { get; }

    /// <summary>The national values in date order.</summary>
    public ImmutableArray<ParameterValue> Values { get; }

    /// <summary>The national value in force on a date.</summary>
    /// <param name="date">The as-of date.</param>
    /// <returns>The value, or <see langword="null"/> when none is in force (before the first took effect, or after the last was repealed).</returns>
    [Pure]
    public ParameterValue? NationalValueAsOf(LocalDate date) => ParameterRules.Find(Values, date);

    /// <inheritdoc />
    public override string ToString() => Id;
}

internal static class ParameterRules
{
    internal static ParameterValue? Find(ImmutableArray<ParameterValue> values, LocalDate date)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var value = values[i];
            if (value.EffectiveFrom <= date)
            {
                return value.IsInForceOn(date) ? value : null;
            }
        }
        return null;
    }

    internal static (decimal Min, decimal Max) RangeOf(ParameterUnit unit) => unit switch
    {
        ParameterUnit.Ratio => (0m, 1m),
        ParameterUnit.Factor => (decimal.MinValue, decimal.MaxValue),
        ParameterUnit.Yuan => (0m, 1_000_000_000_000m),
        _ => (0m, 1_000_000_000m),
    };

    internal static ImmutableArray<RuleError> CheckValues(string id, ParameterUnit unit, IReadOnlyList<DatedValue> values, string path,
        out ImmutableArray<ParameterValue> built, string source, Jurisdiction jurisdiction)
    {
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        var (min, max) = RangeOf(unit);
        // An array, not a list: a mutation tool reads a list's Count as LINQ's Count() and turns it into Sum(), which does
        // not compile, and the loop's bounds would go unmeasured.
        var ordered = values.Select((v, i) => (Value: v, Index: i)).OrderBy(v => v.Value.EffectiveFrom).ToArray();
        var result = ImmutableArray.CreateBuilder<ParameterValue>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            var (value, index) = ordered[i];
            var valuePath = $"{path}[{index}]";
            if (value.Value < min || value.Value > max || (unit == ParameterUnit.Yuan && decimal.Round(value.Value, 2) != value.Value) ||
                (unit is ParameterUnit.WorkingDays or ParameterUnit.Days or ParameterUnit.Months or ParameterUnit.Years or ParameterUnit.Hours or ParameterUnit.Count
                    && decimal.Truncate(value.Value) != value.Value))
            {
                errors.Add(KernelErrors.ValueOutOfRange.Create(valuePath + ".value", ("Parameter", id), ("Value", value.Value),
                    ("Range", unit == ParameterUnit.Ratio ? "[0, 1]" : unit == ParameterUnit.Yuan ? "≥ 0, fen at most" : unit == ParameterUnit.Factor ? "any" : "whole numbers ≥ 0")));
            }
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            if (value.EffectiveUntil is not null && value.EffectiveUntil.Value <= value.EffectiveFrom)
            {
                errors.Add(KernelErrors.OverlappingDates.Create(valuePath, ("Parameter", id),
                    ("Detail", $"effectiveUntil {value.EffectiveUntil.Value:uuuu-MM-dd} is not after effectiveFrom {value.EffectiveFrom:uuuu-MM-dd}")));
            }
            LocalDate? next = i + 1 < ordered.Length ? ordered[i + 1].Value.EffectiveFrom : null;
            if (next is not null && (next.Value == value.EffectiveFrom || (value.EffectiveUntil is not null && value.EffectiveUntil.Value > next.Value)))
            {
                errors.Add(KernelErrors.OverlappingDates.Create(valuePath, ("Parameter", id),
                    ("Detail", $"the value from {value.EffectiveFrom:uuuu-MM-dd} overlaps the value from {next.Value:uuuu-MM-dd}")));
            }
            result.Add(new ParameterValue(id, unit, value, value.EffectiveUntil ?? next, source, jurisdiction));
        }
        built = result.MoveToImmutable();
        return errors.ToImmutable();
    }
}
