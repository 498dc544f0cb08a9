using MarketRules.Json;
using System.Text.Json.Serialization;
using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Credit;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Engine.Rules.Sampling;

/// <summary>Input of <c>sampling.plan/1</c>: the roster inline, the task, the public seed and the plan's options.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SamplingPlanInput
{
    /// <summary>The inspection task's id.</summary>
    public string? TaskId { get; init; }

    /// <summary>The seed bytes from the public source, as hexadecimal.</summary>
    public string? Seed { get; init; }

    /// <summary>The entity directory.</summary>
    public ImmutableArray<EntityRecordInput> Roster { get; init; } = [];

    /// <summary>Credit codes always selected.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> MandatoryInclusions { get; init; } = [];

    /// <summary>Credit codes never drawn.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Exclusions { get; init; } = [];

    /// <summary>Entities with any of these marks are always selected.</summary>
    /// <value>The default value is <see cref="PriorityMarks.None"/>.</value>
    public PriorityMarks MandatoryMarks { get; init; }
}

/// <summary>One entity of <see cref="SamplingPlanInput.Roster"/>, as text so that bad values come back as coded errors.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EntityRecordInput
{
    /// <summary>The unified social credit code.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The GB/T 2260 region code.</summary>
    public string? Region { get; init; }

    /// <summary>The GB/T 4754 industry code.</summary>
    public string? Industry { get; init; }

    /// <summary>The credit-risk class: A, B, C or D.</summary>
    public string? Tier { get; init; }

    /// <summary><c>active</c>, <c>deregistered</c> or <c>revoked</c>.</summary>
    /// <value>The default value is <c>active</c>.</value>
    public string? Status { get; init; }

    /// <summary>Priority marks.</summary>
    /// <value>The default value is <see cref="PriorityMarks.None"/>.</value>
    public PriorityMarks Priority { get; init; }

    /// <summary>The day its last inspection ended.</summary>
    public LocalDate? LastInspected { get; init; }
}

/// <summary>Result of <c>sampling.plan/1</c>: the receipt to publish and the per-stratum report.</summary>
/// <param name="Receipt">The receipt.</param>
/// <param name="Strata">Per stratum: population, quota, selected, realised ratio.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SamplingPlanResult(SamplingReceipt Receipt, ImmutableArray<StratumReportRow> Strata);

/// <summary>One row of the per-stratum report.</summary>
/// <param name="Region">The region.</param>
/// <param name="Industry">The industry.</param>
/// <param name="Tier">The class.</param>
/// <param name="Active">Active enterprises.</param>
/// <param name="Population">Entities that may be drawn.</param>
/// <param name="Quota">Entities to select.</param>
/// <param name="Selected">Entities selected.</param>
/// <param name="RealisedRatio">Selected ÷ active.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record StratumReportRow(string Region, string Industry, CreditRiskClass Tier, int Active, int Population, int Quota, int Selected, decimal RealisedRatio);

/// <summary>
/// <c>sampling.plan/1</c>: commits the inline roster, draws the year's double-random plan with the public seed under the
/// working rules in force for the context's jurisdiction and date, and returns the receipt and per-stratum report.
/// </summary>
public sealed class SamplingPlanRule : RuleDefinition<SamplingPlanInput, SamplingPlanResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc />
    public override string Id => "sampling.plan/1";

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("“双随机、一公开”抽查计划（可验证抽取）", "Double-random inspection plan (verifiable draw)");

    /// <inheritdoc />
    public override JsonTypeInfo<SamplingPlanInput> Input => SamplingRuleJsonContext.Default.SamplingPlanInput;

    /// <inheritdoc />
    public override JsonTypeInfo<SamplingPlanResult> Result => SamplingRuleJsonContext.Default.SamplingPlanResult;

    // Validation needs what deciding builds (the roster records, the parsed seed), so it happens here, every error collected.
    /// <inheritdoc />
    protected override RuleResult<RuleDecision<SamplingPlanResult>> Decide(SamplingPlanInput input, RuleContext context)
    {
        var errors = validator.Validate(input).ToRuleErrors("$").ToBuilder();
        byte[] seed = [];
        if (errors.Count == 0)
        {
            try
            {
                seed = Convert.FromHexString(input.Seed!);
            }
            catch (FormatException)
            {
                errors.Add(SamplingErrors.InvalidSeed.Create("$.seed", ("Seed", input.Seed)));
            }
        }
        var roster = ToRecords(input.Roster.IsDefault ? [] : input.Roster, errors);
        if (errors.Count > 0)
        {
            return RuleResult<RuleDecision<SamplingPlanResult>>.Failure(errors.ToImmutable());
        }
        var policy = SamplingPolicy.Resolve(context.Law, context.AsOf, out var used) with
        {
            MandatoryInclusions = input.MandatoryInclusions.IsDefault ? [] : input.MandatoryInclusions,
            Exclusions = input.Exclusions.IsDefault ? [] : input.Exclusions,
            MandatoryMarks = input.MandatoryMarks,
        };
        var drawn = DoubleRandomSampler.Plan(input.TaskId!, context.AsOf, policy, seed, roster);
        if (!drawn.IsSuccess)
        {
            return RuleResult<RuleDecision<SamplingPlanResult>>.Failure(drawn.Errors);
        }
        var receipt = drawn.Value;
        var explanation = new ExplanationBuilder(Id, context.AsOf, context.JurisdictionCode);
        foreach (var value in used)
        {
            explanation.Use(value);
        }
        explanation.Add(SamplingReasons.PlanDrawn.ToReason(SamplingParameters.Samr2019Plan,
            ("Active", receipt.Active), ("Selected", receipt.SelectedCount), ("Strata", receipt.Strata.Length), ("Coverage", policy.AnnualCoverage)));
        foreach (var tier in Enum.GetValues<CreditRiskClass>())
        {
            if (context.Policy.TryResolve(SamplingParameters.TierRatioOf(tier), context.AsOf, context.Jurisdiction) is null)
            {
                explanation.Add(SamplingReasons.TierRatioDefaulted.ToReason(null, ("Tier", tier), ("Coverage", policy.AnnualCoverage)));
            }
        }
        if (receipt.Scale != 1m)
        {
            explanation.Add(SamplingReasons.RatiosScaled.ToReason(null, ("Scale", receipt.Scale), ("Target", receipt.Target)));
        }
        var rows = receipt.Strata.Select(s => new StratumReportRow(s.Stratum.Region, s.Stratum.Industry, s.Stratum.Tier, s.Active, s.Population, s.Quota, s.Selected.Length, s.RealisedRatio));
        return RuleResult<RuleDecision<SamplingPlanResult>>.Success(new RuleDecision<SamplingPlanResult>(
            new SamplingPlanResult(receipt, [.. rows]), explanation.Build("drawn")));
    }

    private static List<EntityRecord> ToRecords(ImmutableArray<EntityRecordInput> input, ImmutableArray<RuleError>.Builder errors)
    {
        var records = new List<EntityRecord>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var path = $"$.roster[{i}]";
            var r = input[i];
            if (r is null)
            {
                errors.Add(SamplingErrors.InvalidCreditCode.CreateLocalized(path, ("Index", i, i), ("Number", i + 1, i + 1), ("Code", "", ""), ("Detail", "记录为空", "the record is null")));
                continue;
            }
            // A fact left out is required, not "invalid" with a blank where its value would be.
            var code = UnifiedSocialCreditCode.Parse(r.CreditCode);
            if (r.CreditCode is null)
            {
                errors.Add(KernelErrors.Required.Create(path + ".creditCode", ("PropertyName", "creditCode")));
            }
            else if (!code.IsSuccess)
            {
                var problem = UnifiedSocialCreditCode.Problem(r.CreditCode)!;
                errors.Add(SamplingErrors.InvalidCreditCode.CreateLocalized(path + ".creditCode", ("Index", i, i), ("Number", i + 1, i + 1), ("Code", r.CreditCode, r.CreditCode),
                    ("Detail", problem.Chinese, problem.English)));
            }
            var tier = r.Tier switch { "A" => CreditRiskClass.A, "B" => CreditRiskClass.B, "C" => CreditRiskClass.C, "D" => CreditRiskClass.D, _ => (CreditRiskClass?)null };
            if (r.Tier is null)
            {
                errors.Add(KernelErrors.Required.Create(path + ".tier", ("PropertyName", "tier")));
            }
            else if (tier is null)
            {
                errors.Add(SamplingErrors.UnknownTier.Create(path + ".tier", ("Code", r.CreditCode ?? ""), ("Tier", r.Tier), ("Index", i), ("Number", i + 1)));
            }
            var region = Jurisdiction.Parse(r.Region);
            if (r.Region is null)
            {
                errors.Add(KernelErrors.Required.Create(path + ".region", ("PropertyName", "region")));
            }
            else if (!region.IsSuccess || region.Value.IsNational)
            {
                errors.Add(SamplingErrors.InvalidRegion.Create(path + ".region", ("Code", r.CreditCode ?? ""), ("Region", r.Region), ("Index", i), ("Number", i + 1)));
            }
            var status = r.Status switch { null or "active" => EntityStatus.Active, "deregistered" => EntityStatus.Deregistered, "revoked" => EntityStatus.Revoked, _ => (EntityStatus?)null };
            if (status is null)
            {
                errors.Add(SamplingErrors.InvalidField.Create(path + ".status", ("PropertyName", "status")));
            }
            if (errors.Count == 0)
            {
                records.Add(new EntityRecord(code.Value, r.Name ?? "", region.Value, r.Industry ?? "", EntityKind.Enterprise, status!.Value, tier!.Value)
                {
                    Priority = r.Priority,
                    LastInspected = r.LastInspected,
                });
            }
        }
        if (input.Length == 0)
        {
            errors.Add(SamplingErrors.EmptyRoster.Create("$.roster"));
        }
        return records;
    }

    private sealed class InputValidator : AbstractValidator<SamplingPlanInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.TaskId).NotEmpty().WithError(SamplingErrors.InvalidField);
            RuleFor(x => x.Seed).NotEmpty().WithError(SamplingErrors.InvalidField);
        }
    }
}

/// <summary>The JSON contract of <c>sampling.plan/1</c> (source-generated, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(SamplingPlanInput))]
[JsonSerializable(typeof(SamplingPlanResult))]
internal sealed partial class SamplingRuleJsonContext : JsonSerializerContext
{
}
