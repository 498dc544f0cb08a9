using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// The base of every exception MarketRules throws for input it cannot answer (as opposed to programmer errors,
/// which are <see cref="ArgumentException"/>s). It always carries the coded errors, so a host can turn it into the
/// same error objects the rule engine returns.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries coded errors.")]
public abstract class MarketRulesException : Exception
{
    /// <summary>Creates the exception from its errors; the message is the first error's English text.</summary>
    /// <param name="errors">At least one error.</param>
    private protected MarketRulesException(ImmutableArray<RuleError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>The coded errors, never empty.</summary>
    public ImmutableArray<RuleError> Errors { get; }

    private static string BuildMessage(ImmutableArray<RuleError> errors)
    {
        Preconditions.CheckArgument(!errors.IsDefaultOrEmpty, nameof(errors), "At least one error is required");
        return string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}

/// <summary>
/// Thrown when a value the caller supplied breaks a rule of its type (a malformed credit code, a negative period,
/// a malformed policy pack). Every error is coded; see <see cref="MarketRulesException.Errors"/>.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries coded errors.")]
public sealed class InvalidRuleInputException : MarketRulesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors, at least one.</param>
    public InvalidRuleInputException(ImmutableArray<RuleError> errors)
        : base(errors)
    {
    }

    /// <summary>Creates the exception from one error.</summary>
    /// <param name="error">The error.</param>
    public InvalidRuleInputException(RuleError error)
        : base([Preconditions.CheckNotNull(error)])
    {
    }
}

/// <summary>
/// Thrown when a date lies outside the years the statutory calendar knows (code <c>MR.Calendar.OutOfRange</c>).
/// Load that year's State Council notice with <see cref="Calendar.StatutoryCalendar.WithYear"/> to answer for it.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries coded errors.")]
public sealed class CalendarOutOfRangeException : MarketRulesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="date">The date asked for.</param>
    /// <param name="firstYear">The first year the calendar knows.</param>
    /// <param name="lastYear">The last year the calendar knows.</param>
    public CalendarOutOfRangeException(LocalDate date, int firstYear, int lastYear)
        : base([ErrorOf(date, firstYear, lastYear)])
    {
        Date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The date asked for.</summary>
    public LocalDate Date { get; }

    /// <summary>The first year the calendar knows.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the calendar knows.</summary>
    public int LastYear { get; }

    // The one text of the calendar's range error: thrown here, returned by the calendar's non-throwing forms.
    internal static RuleError ErrorOf(LocalDate date, int firstYear, int lastYear) =>
        KernelErrors.CalendarOutOfRange.Create(null, ("Date", date), ("FirstYear", firstYear), ("LastYear", lastYear));
}
