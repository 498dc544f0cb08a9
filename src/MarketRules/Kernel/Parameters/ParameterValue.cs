using System.Diagnostics.Contracts;
using MarketRules.Calendar;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>The unit a parameter is measured in.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<ParameterUnit>))]
public enum ParameterUnit
{
    /// <summary>Renminbi yuan (元); two decimal places (fen) at most.</summary>
    Yuan = 0,

    /// <summary>A ratio between 0 and 1 (5 % is 0.05).</summary>
    Ratio = 1,

    /// <summary>Working days.</summary>
    WorkingDays = 2,

    /// <summary>Calendar days.</summary>
    Days = 3,

    /// <summary>Months.</summary>
    Months = 4,

    /// <summary>Years.</summary>
    Years = 5,

    /// <summary>Clock hours.</summary>
    Hours = 6,

    /// <summary>A count of things (pieces, persons, marks).</summary>
    Count = 7,

    /// <summary>A multiplier or a score without unit.</summary>
    Factor = 8,
}

/// <summary>A value for a parameter as written in a source: when it takes effect, and its citation.</summary>
/// <param name="EffectiveFrom">The first day the value is in force.</param>
/// <param name="Value">The value, in the parameter's unit.</param>
/// <param name="Citation">Where the value comes from.</param>
public sealed record DatedValue(LocalDate EffectiveFrom, decimal Value, Citation Citation)
{
    /// <summary>The first day the value is no longer in force, or <see langword="null"/> when it is open-ended (it then runs until the next value).</summary>
    public LocalDate? EffectiveUntil { get; init; }
}

/// <summary>
/// A parameter's value in force over a span of dates, with its citation and where it came from (the national
/// catalog or a policy pack). This is what decisions record in their explanations.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Equality is reference equality: each value is one entry of a catalog or pack.</remarks>
public sealed class ParameterValue
{
    internal ParameterValue(string parameterId, ParameterUnit unit, DatedValue dated, LocalDate? effectiveUntil, string source, Jurisdiction jurisdiction)
    {
        ParameterId = parameterId;
        Unit = unit;
        Value = dated.Value;
        EffectiveFrom = dated.EffectiveFrom;
        EffectiveUntil = effectiveUntil;
        Citation = Preconditions.CheckNotNull(dated.Citation);
        Source = source;
        Jurisdiction = jurisdiction;
    }

    /// <summary>The parameter's id, e.g. <c>case.statement-period</c>.</summary>
    public string ParameterId { get; }

    /// <summary>The value.</summary>
    public decimal Value { get; }

    /// <summary>The unit.</summary>
    public ParameterUnit Unit { get; }

    /// <summary>The first day the value is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The first day it is no longer in force, or <see langword="null"/> while no later value replaced it.</summary>
    public LocalDate? EffectiveUntil { get; }

    /// <summary>The legal source.</summary>
    public Citation Citation { get; }

    /// <summary><c>national</c> for the library's catalog, else the id of the policy pack that set the value.</summary>
    public string Source { get; }

    /// <summary>The jurisdiction the value applies to (<see cref="Jurisdiction.National"/> for the national catalog).</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>Whether the value is in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether <paramref name="date"/> lies in [<see cref="EffectiveFrom"/>, <see cref="EffectiveUntil"/>).</returns>
    [Pure]
    // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
    public bool IsInForceOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is null || date < EffectiveUntil.Value);

    /// <summary>The value as a legal period, for parameters measured in time.</summary>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the unit is not a time unit or the value is not a whole number.</exception>
    [Pure]
    public LegalPeriod AsPeriod()
    {
        var unit = Unit switch
        {
            ParameterUnit.WorkingDays => PeriodUnit.WorkingDays,
            ParameterUnit.Days => PeriodUnit.Days,
            ParameterUnit.Months => PeriodUnit.Months,
            ParameterUnit.Years => PeriodUnit.Years,
            ParameterUnit.Hours => PeriodUnit.Hours,
            _ => throw new InvalidOperationException($"Parameter {ParameterId} is measured in {Unit}, not in time"),
        };
        if (decimal.Truncate(Value) != Value)
        {
            throw new InvalidOperationException($"Parameter {ParameterId} has a fractional period {Value}");
        }
        return LegalPeriod.Of((int)Value, unit);
    }

    /// <summary>The value as a legal period, or <see langword="null"/> where <see cref="AsPeriod"/> would throw (for tables built ahead of the decisions that raise the error).</summary>
    internal LegalPeriod? TryAsPeriod()
    {
        var unit = Unit switch
        {
            ParameterUnit.WorkingDays or ParameterUnit.Days or ParameterUnit.Months or ParameterUnit.Years or ParameterUnit.Hours => true,
            _ => false,
        };
        return unit && decimal.Truncate(Value) == Value && Value is >= int.MinValue and <= int.MaxValue ? AsPeriod() : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ParameterId} = {Value} {Unit} from {EffectiveFrom:uuuu-MM-dd} ({Source})";
}
