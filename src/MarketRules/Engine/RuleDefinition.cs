using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Engine;

/// <summary>
/// What a rule is given besides its input: the as-of date, the jurisdiction, the law in force (national catalog
/// plus policy packs) and the statutory calendar.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <param name="jurisdiction">The jurisdiction whose local policy applies; <see cref="Jurisdiction.National"/> for national rules only.</param>
    /// <param name="policy">The law in force.</param>
    /// <param name="periods">The period calculator (and through it the statutory calendar).</param>
    public RuleContext(LocalDate asOf, Jurisdiction jurisdiction, PolicyContext policy, PeriodCalculator periods)
    {
        AsOf = asOf;
        Jurisdiction = jurisdiction;
        Policy = Preconditions.CheckNotNull(policy);
        Periods = Preconditions.CheckNotNull(periods);
        Law = new LawContext(policy, periods, jurisdiction);
    }

    /// <summary>The date the law is read as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The jurisdiction.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The law in force.</summary>
    public PolicyContext Policy { get; }

    /// <summary>The period calculator.</summary>
    public PeriodCalculator Periods { get; }

    /// <summary>The jurisdiction as the explanation records it: <see langword="null"/> for national rules only.</summary>
    public string? JurisdictionCode => Jurisdiction.IsNational ? null : Jurisdiction.ToString();

    /// <summary>Resolves a parameter for this context's date and jurisdiction.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The value in force.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Parameter.NotInForce</c>) when no value is in force.</exception>
    public ParameterValue Resolve(ParameterDefinition parameter) => Policy.Resolve(parameter, AsOf, Jurisdiction);

    /// <summary>The law of this request — its policy, jurisdiction and calendar — as the areas' evaluators receive it.</summary>
    public LawContext Law { get; }
}

/// <summary>A rule's answer: the typed result and its explanation.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
/// <param name="Result">The result.</param>
/// <param name="Explanation">Why the result is what it is.</param>
public sealed record RuleDecision<TResult>(TResult Result, Explanation Explanation)
    where TResult : class;

/// <summary>
/// A rule as the engine sees it, without its types: what JSON callers address by id (e.g. <c>referral.criminal/1</c>).
/// Implement <see cref="RuleDefinition{TInput, TResult}"/> rather than this interface.
/// </summary>
public interface IRuleDefinition
{
    /// <summary>The stable, versioned id, e.g. <c>referral.criminal/1</c>.</summary>
    string Id { get; }

    /// <summary>What the rule decides.</summary>
    LocalizedText Title { get; }

    /// <summary>The JSON contract of the input.</summary>
    JsonTypeInfo InputTypeInfo { get; }

    /// <summary>The JSON contract of the result.</summary>
    JsonTypeInfo ResultTypeInfo { get; }

    /// <summary>Evaluates an input already deserialised to <see cref="JsonTypeInfo.Type"/> of <see cref="InputTypeInfo"/>.</summary>
    /// <param name="input">The input.</param>
    /// <param name="context">The context.</param>
    /// <returns>The result (of <see cref="JsonTypeInfo.Type"/> of <see cref="ResultTypeInfo"/>) with its explanation, or coded errors whose paths are relative to the input (<c>$</c>).</returns>
    RuleResult<RuleDecision<object>> EvaluateUntyped(object input, RuleContext context);
}

/// <summary>
/// A rule exposed to JSON callers through the engine, the CLI and the HTTP host: typed input and result with
/// source-generated JSON contracts, and an evaluation that validates its input and never throws for bad input.
/// </summary>
/// <typeparam name="TInput">The input DTO.</typeparam>
/// <typeparam name="TResult">The result DTO.</typeparam>
public abstract class RuleDefinition<TInput, TResult> : IRuleDefinition
    where TInput : class
    where TResult : class
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract LocalizedText Title { get; }

    /// <summary>The input's JSON contract, from the area's source-generated context.</summary>
    public abstract JsonTypeInfo<TInput> Input { get; }

    /// <summary>The result's JSON contract, from the area's source-generated context.</summary>
    public abstract JsonTypeInfo<TResult> Result { get; }

    JsonTypeInfo IRuleDefinition.InputTypeInfo => Input;

    JsonTypeInfo IRuleDefinition.ResultTypeInfo => Result;

    /// <summary>
    /// Validates and evaluates an input: <see cref="Validate"/>, then, when it found nothing, <see cref="Decide"/>. A
    /// <see cref="MarketRulesException"/> from either (a date outside the calendar, a parameter not in force) becomes
    /// its coded errors, so bad input never throws.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <param name="context">The context.</param>
    /// <returns>The decision, or coded errors with paths relative to the input (<c>$</c>).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="input"/> or <paramref name="context"/> is <see langword="null"/>.</exception>
    public RuleResult<RuleDecision<TResult>> Evaluate(TInput input, RuleContext context)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(context);
        try
        {
            var errors = Validate(input, context);
            return errors.IsDefaultOrEmpty ? Decide(input, context) : RuleResult<RuleDecision<TResult>>.Failure(errors);
        }
        catch (MarketRulesException ex)
        {
            return RuleResult<RuleDecision<TResult>>.Failure(ex.Errors);
        }
    }

    /// <summary>Checks the input's shape and ranges (usually the rule's FluentValidation validator) before anything is decided.</summary>
    /// <param name="input">The input, not <see langword="null"/>.</param>
    /// <param name="context">The context, not <see langword="null"/>.</param>
    /// <returns>The coded errors, with paths relative to the input (<c>$</c>); empty when the input may be decided.</returns>
    /// <remarks>The default finds nothing: override it unless <see cref="Decide"/> validates as it goes (when checking needs what deciding builds).</remarks>
    protected virtual ImmutableArray<RuleError> Validate(TInput input, RuleContext context) => [];

    /// <summary>Decides a validated input under the law of <see cref="RuleContext.AsOf"/>.</summary>
    /// <param name="input">The input, validated by <see cref="Validate"/>.</param>
    /// <param name="context">The context.</param>
    /// <returns>The decision with its explanation, or coded errors for facts only the law can reject.</returns>
    /// <remarks>May throw <see cref="MarketRulesException"/>; <see cref="Evaluate"/> turns it into its errors.</remarks>
    protected abstract RuleResult<RuleDecision<TResult>> Decide(TInput input, RuleContext context);

    /// <inheritdoc />
    public RuleResult<RuleDecision<object>> EvaluateUntyped(object input, RuleContext context)
    {
        Preconditions.CheckNotNull(input);
        var result = Evaluate((TInput)input, context);
        return result.IsSuccess
            ? RuleResult<RuleDecision<object>>.Success(new RuleDecision<object>(result.Value.Result, result.Value.Explanation))
            : RuleResult<RuleDecision<object>>.Failure(result.Errors);
    }
}
