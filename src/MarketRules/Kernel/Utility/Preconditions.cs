using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace MarketRules.Utility;

/// <summary>
/// Argument checks for programmer errors. User data errors never come through here: they are reported
/// as coded <see cref="RuleError"/> values by the validators of each rule area.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        return argument;
    }

    internal static void CheckArgumentRange(int value, int minInclusive, int maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                string.Format(CultureInfo.InvariantCulture, "Value should be in range [{0}-{1}]", minInclusive, maxInclusive));
        }
    }

    internal static void CheckArgumentRange(long value, long minInclusive, long maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                string.Format(CultureInfo.InvariantCulture, "Value should be in range [{0}-{1}]", minInclusive, maxInclusive));
        }
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckArgument<T>([DoesNotReturnIf(false)] bool expression, string paramName, string messageFormat, T messageArg)
    {
        if (!expression)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, messageFormat, messageArg), paramName);
        }
    }

    [Conditional("DEBUG")]
    internal static void DebugCheckState(bool expression, string message)
    {
        if (!expression)
        {
            throw new InvalidOperationException("Invariant violated: " + message);
        }
    }
}
