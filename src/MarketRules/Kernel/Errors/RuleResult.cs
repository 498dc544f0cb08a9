using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;

namespace MarketRules;

/// <summary>
/// The result of an operation on caller input: a value, or coded errors. Expected domain outcomes ("not eligible",
/// "refer to the police") are part of the value; this type's errors mean the input could not be evaluated at all.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// <para>The default value of this type is a failure with no errors; never produce it, use the factories.</para>
/// <para>This type is immutable and thread-safe when <typeparamref name="T"/> is.</para>
/// </remarks>
public readonly struct RuleResult<T>
{
    private readonly T? value;

    private RuleResult(T value)
    {
        // Errors stays default (read back as empty): building an empty array here kept this constructor from inlining.
        this.value = value;
        IsSuccess = true;
    }

    private RuleResult(ImmutableArray<RuleError> errors)
    {
        value = default;
        Errors = errors;
        IsSuccess = false;
    }

    /// <summary>Whether a value was produced.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess { get; }

    /// <summary>The value, or <see langword="default"/> on failure.</summary>
    public T? Value => value;

    /// <summary>The errors; empty on success.</summary>
    public ImmutableArray<RuleError> Errors { get => field.IsDefault ? [] : field; }

    /// <summary>Creates a success.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type.")]
    [Pure]
    public static RuleResult<T> Success(T value) => new(value);

    /// <summary>Creates a failure.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errors"/> is empty.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type.")]
    [Pure]
    public static RuleResult<T> Failure(ImmutableArray<RuleError> errors)
    {
        Utility.Preconditions.CheckArgument(!errors.IsDefaultOrEmpty, nameof(errors), "A failure needs at least one error");
        return new(errors);
    }

    /// <summary>Creates a failure from one error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type.")]
    [Pure]
    public static RuleResult<T> Failure(RuleError error) => new([Utility.Preconditions.CheckNotNull(error)]);

    /// <summary>Gets the value, or throws the errors.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when this result is a failure.</exception>
    [Pure]
    public T GetValueOrThrow() => IsSuccess ? value! : throw new InvalidRuleInputException(Errors.IsEmpty ? [KernelErrors.Unknown.Create(null)] : Errors);
}
