using MarketRules.Json;
using System.Text.Json.Serialization;
using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Engine;
using MarketRules.Utility;
using MarketRules.Subsidies;

namespace MarketRules.Engine.Rules.Subsidies;

/// <summary>The input of <c>subsidy.ebike-tradein/1</c>: a claim and the id of the scheme to judge it by.</summary>
public sealed record SubsidyRuleInput
{
    /// <summary>The scheme's id, e.g. <c>gongshu-2022-ebike-tradein</c>.</summary>
    public string? SchemeId { get; init; }

    /// <summary>The claim.</summary>
    public SubsidyClaimInput? Claim { get; init; }
}

/// <summary>The result of <c>subsidy.ebike-tradein/1</c>: eligibility, phase and amount. No money is reserved.</summary>
public sealed record SubsidyRuleResult
{
    /// <summary>The scheme's id.</summary>
    public required string SchemeId { get; init; }

    /// <summary>The claim's id.</summary>
    public required string ClaimId { get; init; }

    /// <summary>Whether the claim is eligible.</summary>
    public required bool Eligible { get; init; }

    /// <summary>The number of the phase in force at completion, or 0 when none was.</summary>
    public required int Phase { get; init; }

    /// <summary>The amount in fen (zero when not eligible).</summary>
    public required long AmountFen { get; init; }

    /// <summary>The codes of every failing condition (empty when eligible).</summary>
    public required ImmutableArray<string> Reasons { get; init; }
}

/// <summary>
/// <c>subsidy.ebike-tradein/1</c>: judges one claim against a named scheme — eligibility, the phase in force at the
/// completion instant and the amount, with the explanation. The rule is stateless: it does not reserve money (the
/// ledger does, through <see cref="SubsidyAllocator"/>), so "paid before" comes from the caller's register
/// (<see cref="SubsidyClaimInput.PreviouslySubsidised"/>). The scheme is resolved by id in the request's law
/// (<see cref="RuleContext.Law"/>), which carries the shipped schemes and any added with <see cref="SubsidySchemes.With(MarketRules.Parameters.LawContext, SubsidyScheme)"/>.
/// </summary>
public sealed class EBikeTradeInRule : RuleDefinition<SubsidyRuleInput, SubsidyRuleResult>
{
    /// <inheritdoc />
    public override string Id => SubsidyEvaluator.RuleId;

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("电动自行车以旧换新补贴资格与金额", "E-bike trade-in subsidy: eligibility and amount");

    /// <inheritdoc />
    public override JsonTypeInfo<SubsidyRuleInput> Input => SubsidyRuleJsonContext.Default.SubsidyRuleInput;

    /// <inheritdoc />
    public override JsonTypeInfo<SubsidyRuleResult> Result => SubsidyRuleJsonContext.Default.SubsidyRuleResult;

    // Validation needs the scheme the input names, so it happens here. The scheme is resolved in the request's law, as a
    // pack's values are: the engine's policy carries the shipped schemes and any the caller added (SubsidySchemes.With).
    /// <inheritdoc />
    protected override RuleResult<RuleDecision<SubsidyRuleResult>> Decide(SubsidyRuleInput input, RuleContext context)
    {
        var scheme = SubsidySchemes.Resolve(context.Law, input.SchemeId);
        if (!scheme.IsSuccess)
        {
            return RuleResult<RuleDecision<SubsidyRuleResult>>.Failure(scheme.Errors);
        }
        if (input.Claim is null)
        {
            return RuleResult<RuleDecision<SubsidyRuleResult>>.Failure(SubsidyErrors.Required.Create("$.claim", ("PropertyName", "Claim")));
        }
        var errors = new SubsidyClaimInputValidator(scheme.Value).Validate(input.Claim).ToRuleErrors("$.claim");
        if (!errors.IsEmpty)
        {
            return RuleResult<RuleDecision<SubsidyRuleResult>>.Failure(errors);
        }
        var evaluator = new SubsidyEvaluator(scheme.Value);
        var claim = SubsidyClaim.FromInput(input.Claim);
        var builder = evaluator.Explain(claim, out var assessment);
        var explanation = builder.Build(assessment.IsEligible ? "eligible" : "not-eligible");
        var result = new SubsidyRuleResult
        {
            SchemeId = scheme.Value.Id,
            ClaimId = claim.ClaimId,
            Eligible = assessment.IsEligible,
            Phase = assessment.PhaseIndex + 1,
            AmountFen = assessment.Amount.Fen,
            Reasons = assessment.IsEligible ? [] : [.. explanation.Reasons.Select(r => r.Code)],
        };
        return RuleResult<RuleDecision<SubsidyRuleResult>>.Success(new RuleDecision<SubsidyRuleResult>(result, explanation));
    }
}

/// <summary>The JSON contract of the e-bike trade-in rule (source-generated, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(LocalDateTimeJsonConverter)])]
[JsonSerializable(typeof(SubsidyRuleInput))]
[JsonSerializable(typeof(SubsidyRuleResult))]
internal sealed partial class SubsidyRuleJsonContext : JsonSerializerContext
{
}
