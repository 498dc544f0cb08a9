using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// Connects FluentValidation to MarketRules' coded, bilingual errors: every rule declares an
/// <see cref="MessageDefinition"/> with <see cref="WithError{T, TProperty}"/>, and a result converts to
/// <see cref="RuleError"/>s with both languages filled from the same placeholder values.
/// </summary>
public static class ValidationExtensions
{
    /// <summary>Declares the coded error a rule reports when it fails.</summary>
    /// <typeparam name="T">The validated type.</typeparam>
    /// <typeparam name="TProperty">The property type.</typeparam>
    /// <param name="rule">The rule.</param>
    /// <param name="error">The error definition.</param>
    /// <returns>The rule, for chaining.</returns>
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, MessageDefinition error)
    {
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckNotNull(error);
        return rule.WithErrorCode(error.Code).WithMessage(error.Template.English).WithState(_ => error);
    }

    /// <summary>Requires an amount in yuan that can be money (<see cref="Money.IsValidYuan"/>), reported as <see cref="KernelErrors.InvalidAmount"/>.</summary>
    /// <typeparam name="T">The validated type.</typeparam>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule, for chaining.</returns>
    public static IRuleBuilderOptions<T, decimal> IsAmountInYuan<T>(this IRuleBuilder<T, decimal> rule) =>
        Preconditions.CheckNotNull(rule).Must(Money.IsValidYuan).WithError(KernelErrors.InvalidAmount);

    /// <summary>Requires an optional amount in yuan to be absent or money (<see cref="Money.IsValidYuan"/>).</summary>
    /// <typeparam name="T">The validated type.</typeparam>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule, for chaining.</returns>
    // Read without pattern variables: a pattern variable in a condition mutation testing wraps does not compile (CS0165).
    public static IRuleBuilderOptions<T, decimal?> IsAmountInYuan<T>(this IRuleBuilder<T, decimal?> rule) =>
        Preconditions.CheckNotNull(rule).Must(v => v is null || Money.IsValidYuan(v.Value)).WithError(KernelErrors.InvalidAmount);

    /// <summary>Converts a FluentValidation result to coded errors, with JSON paths in camelCase.</summary>
    /// <param name="result">The validation result.</param>
    /// <param name="pathPrefix">The JSON path of the validated object, <c>$</c> by default.</param>
    /// <returns>The errors; empty when the result is valid.</returns>
    public static ImmutableArray<RuleError> ToRuleErrors(this ValidationResult result, string pathPrefix = "$")
    {
        Preconditions.CheckNotNull(result);
        if (result.IsValid)
        {
            return [];
        }
        var errors = ImmutableArray.CreateBuilder<RuleError>(result.Errors.Count);
        foreach (var failure in result.Errors)
        {
            var definition = failure.CustomState as MessageDefinition;
            var arguments = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            // A value in both languages (a detail the rule words itself) shows its Chinese in the zh-CN text and its
            // English in the English one; the error's arguments keep the English, as for every other value.
            Dictionary<string, LocalizedText>? localized = null;
            // Read without pattern variables: a pattern variable in a condition mutation testing wraps does not compile (CS0165).
            var placeholders = failure.FormattedMessagePlaceholderValues;
            if (placeholders is not null)
            {
                foreach (var (name, value) in placeholders)
                {
                    // A value that is not a scalar (a list, a nested object) would be rendered by .NET as its type name:
                    // not something to show a caller, so the argument is left out and the path says where to look.
                    if (value is null or string or IFormattable or bool)
                    {
                        arguments[name] = MessageArguments.Format(value);
                    }
                    else if (value is LocalizedText)
                    {
                        var text = (LocalizedText)value;
                        (localized ??= new(StringComparer.Ordinal))[name] = text;
                        arguments[name] = text.English;
                    }
                }
            }
            var path = ToJsonPath(pathPrefix, failure.PropertyName);
            if (arguments.ContainsKey("PropertyName"))
            {
                // FluentValidation's display name ("Fine Yuan") is an English rendering of a C# property; the caller
                // knows the member by its JSON name (fineYuan), which both languages quote as it is spelt.
                arguments["PropertyName"] = MemberName(path);
            }
            errors.Add(definition is not null
                ? localized is null
                    ? definition.Create(path, arguments.ToImmutable())
                    : definition.CreateLocalized(path, [.. arguments.Select(a => (a.Key, (object?)(localized.GetValueOrDefault(a.Key)?.Chinese ?? a.Value),
                        (object?)a.Value))])
                : new RuleError(
                    string.IsNullOrEmpty(failure.ErrorCode) || !failure.ErrorCode.StartsWith("MR.", StringComparison.Ordinal) ? KernelErrors.Unknown.Code : failure.ErrorCode,
                    path,
                    new LocalizedText(failure.ErrorMessage, failure.ErrorMessage),
                    arguments.ToImmutable()));
        }
        return errors.MoveToImmutable();
    }

    /// <summary>Validates and converts the result to a <see cref="RuleResult{T}"/> holding the validated instance.</summary>
    /// <typeparam name="T">The validated type.</typeparam>
    /// <param name="validator">The validator.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="pathPrefix">The JSON path of the instance.</param>
    /// <returns>The instance on success, or the coded errors.</returns>
    public static RuleResult<T> ValidateToResult<T>(this IValidator<T> validator, T instance, string pathPrefix = "$")
    {
        Preconditions.CheckNotNull(validator);
        var errors = validator.Validate(instance).ToRuleErrors(pathPrefix);
        return errors.IsEmpty ? RuleResult<T>.Success(instance) : RuleResult<T>.Failure(errors);
    }

    // The last member of a JSON path, without an array index: $.excluded[0].start → start.
    private static string MemberName(string path)
    {
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']')
        {
            end = path.LastIndexOf('[', end - 1);
        }
        var start = path.LastIndexOf('.', Math.Max(end - 1, 0)) + 1;
        return end > start ? path[start..end] : path;
    }

    internal static string ToJsonPath(string prefix, string? propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return prefix;
        }
        var builder = new StringBuilder(prefix);
        foreach (var segment in propertyPath.Split('.'))
        {
            builder.Append('.');
            if (segment.Length > 0)
            {
                builder.Append(char.ToLower(segment[0], CultureInfo.InvariantCulture)).Append(segment, 1, segment.Length - 1);
            }
        }
        return builder.ToString();
    }
}
