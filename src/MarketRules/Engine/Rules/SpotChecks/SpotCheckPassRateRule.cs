using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Json;
using MarketRules.SpotChecks;

namespace MarketRules.Engine.Rules.SpotChecks;

/// <summary>One group of batches as JSON callers send it.</summary>
public sealed record SpotCheckCountInput
{
    /// <summary>The product category.</summary>
    public string? Category { get; init; }

    /// <summary>The level of the bureau that checked them; absent when the counts mix levels (then not counted by level).</summary>
    public SpotCheckLevel? Level { get; init; }

    /// <summary>The period label (e.g. <c>2017</c>).</summary>
    public string? Period { get; init; }

    /// <summary>Batches sampled.</summary>
    public required long Sampled { get; init; }

    /// <summary>Batches conforming.</summary>
    public required long Conforming { get; init; }

    /// <summary>The pass rate the group's report printed, in percent, to be checked.</summary>
    public decimal? ReportedPercent { get; init; }
}

/// <summary>An output weight for one category (the national output-weighted method).</summary>
public sealed record SpotCheckWeightInput
{
    /// <summary>The category.</summary>
    public required string Category { get; init; }

    /// <summary>Its weight (e.g. its output value), above 0.</summary>
    public required decimal Weight { get; init; }
}

/// <summary>Input of <c>spotcheck.pass-rate/1</c>.</summary>
public sealed record SpotCheckPassRateInput
{
    /// <summary>The groups of batches.</summary>
    public ImmutableArray<SpotCheckCountInput> Counts { get => counts; init => counts = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<SpotCheckCountInput> counts = [];

    /// <summary>Decimals of the percentages (the fractions are exact whatever this is); 2 by default.</summary>
    public int? Decimals { get; init; }

    /// <summary>The overall rate the report printed, in percent, to be checked against the counts.</summary>
    public decimal? ReportedPercent { get; init; }

    /// <summary>Output weights by category, for the output-weighted rate; none for the simple rate only.</summary>
    public ImmutableArray<SpotCheckWeightInput>? Weights { get; init; }
}

/// <summary>Result of <c>spotcheck.pass-rate/1</c>.</summary>
/// <param name="Overall">All batches.</param>
/// <param name="ByCategory">One rate per category.</param>
/// <param name="ByLevel">One rate per level.</param>
/// <param name="ByPeriod">One rate per period.</param>
/// <param name="Mismatches">Reported rates their counts do not give, with the exact figure.</param>
/// <param name="Weighted">The output-weighted rate, when weights were given.</param>
public sealed record SpotCheckPassRateResult(PassRate Overall, ImmutableArray<PassRate> ByCategory, ImmutableArray<PassRate> ByLevel, ImmutableArray<PassRate> ByPeriod,
    ImmutableArray<PassRateMismatch> Mismatches, WeightedPassRate? Weighted);

/// <summary>The rule <c>spotcheck.pass-rate/1</c>: exact pass rates from counts by category, level and period, reported rates checked, optionally output-weighted.</summary>
public sealed class SpotCheckPassRateRule : RuleDefinition<SpotCheckPassRateInput, SpotCheckPassRateResult>
{
    /// <inheritdoc/>
    public override string Id => PassRates.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("产品质量监督抽查合格率", "Product-quality spot check pass rates");

    /// <inheritdoc/>
    public override JsonTypeInfo<SpotCheckPassRateInput> Input => SpotChecksJsonContext.Default.SpotCheckPassRateInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<SpotCheckPassRateResult> Result => SpotChecksJsonContext.Default.SpotCheckPassRateResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(SpotCheckPassRateInput input, RuleContext context)
    {
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (input.Counts.IsEmpty)
        {
            errors.Add(KernelErrors.Required.Create("$.counts", ("PropertyName", "counts")));
        }
        for (var i = 0; i < input.Counts.Length; i++)
        {
            var c = input.Counts[i];
            if (c is null)
            {
                errors.Add(KernelErrors.Required.Create($"$.counts[{i}]", ("PropertyName", $"counts[{i}]")));
            }
            else if (c.Level is { } level && !Enum.IsDefined(level))
            {
                errors.Add(KernelErrors.Required.Create($"$.counts[{i}].level", ("PropertyName", "level")));
            }
        }
        if (input.Weights is { } weights)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] is not { } w)
                {
                    errors.Add(KernelErrors.Required.Create($"$.weights[{i}]", ("PropertyName", $"weights[{i}]")));
                }
                else if (!seen.Add(w.Category))
                {
                    errors.Add(SpotCheckErrors.WeightsMismatch.Create($"$.weights[{i}].category", ("Category", w.Category)));
                }
            }
        }
        return errors.ToImmutable();
    }

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<SpotCheckPassRateResult>> Decide(SpotCheckPassRateInput input, RuleContext context)
    {
        var counts = input.Counts.Select(c => new SpotCheckBatchCount(c.Category ?? "", c.Level, c.Period ?? "", c.Sampled, c.Conforming) { ReportedPercent = c.ReportedPercent });
        var weights = input.Weights?.ToDictionary(w => w.Category, w => w.Weight, StringComparer.Ordinal);
        var report = PassRates.Compute(counts, input.Decimals ?? 2, input.ReportedPercent, weights, context.AsOf);
        var result = new SpotCheckPassRateResult(report.Overall, report.ByCategory, report.ByLevel, report.ByPeriod, report.Mismatches, report.Weighted);
        return RuleResult<RuleDecision<SpotCheckPassRateResult>>.Success(new RuleDecision<SpotCheckPassRateResult>(result, report.Explanation));
    }
}

/// <summary>The JSON contract of the spot-check rules: strict (unknown members and duplicate keys are errors).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(SpotCheckTransitionInput))]
[JsonSerializable(typeof(SpotCheckTransitionResult))]
[JsonSerializable(typeof(SpotCheckPassRateInput))]
[JsonSerializable(typeof(SpotCheckPassRateResult))]
internal sealed partial class SpotChecksJsonContext : JsonSerializerContext
{
}
