using MarketRules.Json;
using System.Text.Json.Serialization;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Engine;
using MarketRules.Credit;

namespace MarketRules.Engine.Rules.Credit;

/// <summary>Input of <c>credit.tier/1</c>: an enterprise's indicator values as of the context's date.</summary>
[Mutable]
public sealed class CreditTierInput
{
    /// <summary>Basic-attribute risk rating, 0–10.</summary>
    public int BasicAttributes { get; set; }

    /// <summary>Late or missing annual reports.</summary>
    public int LateAnnualReports { get; set; }

    /// <summary>Penalties within the look-back.</summary>
    public int Penalties { get; set; }

    /// <summary>Heavier penalties within the look-back.</summary>
    public int HeavierPenalties { get; set; }

    /// <summary>Related parties on a bad-credit list.</summary>
    public int RelatedParties { get; set; }

    /// <summary>Upheld complaints in the last year.</summary>
    public int Complaints { get; set; }

    /// <summary>On the abnormal-operations list.</summary>
    public bool OnAbnormalList { get; set; }

    /// <summary>On the serious-violation list.</summary>
    public bool OnSeriousList { get; set; }

    /// <summary>
    /// The credit-risk model to classify with — indicators with weights and caps, cut points, list overrides, in the
    /// form <c>docs/credit.md</c> gives — as a province or city publishes it; absent: the example model
    /// (<see cref="CreditRiskPolicy.Example"/>), which is not law.
    /// </summary>
    public JsonElement? Policy { get; set; }
}

/// <summary>Result of <c>credit.tier/1</c>.</summary>
/// <param name="Class">The credit-risk class.</param>
/// <param name="Score">The weighted score.</param>
/// <param name="Basis">What decided the class.</param>
public sealed record CreditTierOutput(CreditRiskClass Class, int Score, CreditClassBasis Basis);

/// <summary><c>credit.tier/1</c>: classifies an enterprise (A–D) with the model given in the input (or the example model) and explains which indicators and rules decided.</summary>
public sealed class CreditTierRule : RuleDefinition<CreditTierInput, CreditTierOutput>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly Validator validator = new();

    /// <inheritdoc />
    public override string Id => "credit.tier/1";

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("企业信用风险分类（A/B/C/D）", "Enterprise credit-risk class (A/B/C/D)");

    /// <inheritdoc />
    public override JsonTypeInfo<CreditTierInput> Input => CreditRuleJsonContext.Default.CreditTierInput;

    /// <inheritdoc />
    public override JsonTypeInfo<CreditTierOutput> Result => CreditRuleJsonContext.Default.CreditTierOutput;

    /// <inheritdoc />
    protected override ImmutableArray<RuleError> Validate(CreditTierInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<CreditTierOutput>> Decide(CreditTierInput input, RuleContext context)
    {
        var policy = CreditRiskPolicy.Example;
        if (input.Policy is { } document)
        {
            var parsed = CreditRiskPolicy.Parse(document.GetRawText());
            if (!parsed.IsSuccess)
            {
                return RuleResult<RuleDecision<CreditTierOutput>>.Failure([.. parsed.Errors.Select(e => e.Under("$.policy"))]);
            }
            policy = parsed.Value;
        }
        if (context.AsOf < policy.EffectiveFrom)
        {
            return RuleResult<RuleDecision<CreditTierOutput>>.Failure(
                CreditErrors.PolicyNotInForce.Create(null, ("Policy", policy.Id), ("EffectiveFrom", policy.EffectiveFrom), ("Date", context.AsOf)));
        }
        var indicators = new CreditIndicators(input.BasicAttributes, input.LateAnnualReports, input.Penalties, input.HeavierPenalties,
            input.RelatedParties, input.Complaints, input.OnAbnormalList, input.OnSeriousList);
        var result = policy.Explain(indicators, context.AsOf, context.JurisdictionCode);
        return RuleResult<RuleDecision<CreditTierOutput>>.Success(new RuleDecision<CreditTierOutput>(
            new CreditTierOutput(result.Class, result.Score, result.Basis), result.Explanation));
    }

    private sealed class Validator : AbstractValidator<CreditTierInput>
    {
        public Validator()
        {
            RuleFor(x => x.BasicAttributes).InclusiveBetween(0, 10).WithError(CreditErrors.OutOfRange);
            RuleFor(x => x.LateAnnualReports).GreaterThanOrEqualTo(0).WithError(CreditErrors.OutOfRange);
            RuleFor(x => x.Penalties).GreaterThanOrEqualTo(0).WithError(CreditErrors.OutOfRange);
            RuleFor(x => x.HeavierPenalties).GreaterThanOrEqualTo(0).WithError(CreditErrors.OutOfRange);
            RuleFor(x => x.RelatedParties).GreaterThanOrEqualTo(0).WithError(CreditErrors.OutOfRange);
            RuleFor(x => x.Complaints).GreaterThanOrEqualTo(0).WithError(CreditErrors.OutOfRange);
        }
    }
}

/// <summary>Input of <c>credit.publication/1</c>: a penalty decision.</summary>
[Mutable]
public sealed class CreditPublicationInput
{
    /// <summary>The date of the decision.</summary>
    public LocalDate? DecidedOn { get; set; }

    /// <summary>What it imposes.</summary>
    public List<PenaltyMeasure>? Measures { get; set; }

    /// <summary>The fine in yuan, if any.</summary>
    public decimal FineYuan { get; set; }

    /// <summary>The field.</summary>
    public PenaltyField Field { get; set; }

    /// <summary>Decided under the summary procedure.</summary>
    public bool SummaryProcedure { get; set; }

    /// <summary>The enterprise is registered in another province.</summary>
    public bool CrossProvince { get; set; }

    /// <summary>End of a business restriction or employment ban.</summary>
    public LocalDate? RestrictionEndsOn { get; set; }

    /// <summary>The actual publication date, if known.</summary>
    public LocalDate? PublishedOn { get; set; }
}

/// <summary>Result of <c>credit.publication/1</c>, read as of the context's date.</summary>
/// <param name="Published">Whether the decision is published at all.</param>
/// <param name="PublishBy">The last day to publish.</param>
/// <param name="PublishedOn">The first day published.</param>
/// <param name="LastDay">The last day published unless stopped early.</param>
/// <param name="RepairFrom">The first day repair may be applied for, if ever.</param>
/// <param name="PublishedAsOf">Whether published on the context's date.</param>
/// <param name="RepairOpenAsOf">Whether repair may be applied for on the context's date.</param>
public sealed record CreditPublicationOutput(bool Published, LocalDate? PublishBy, LocalDate? PublishedOn, LocalDate? LastDay, LocalDate? RepairFrom,
    bool PublishedAsOf, bool RepairOpenAsOf);

/// <summary><c>credit.publication/1</c>: publication period and repair eligibility of a penalty decision as of a date.</summary>
public sealed class CreditPublicationRule : RuleDefinition<CreditPublicationInput, CreditPublicationOutput>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly Validator validator = new();

    /// <inheritdoc />
    public override string Id => "credit.publication/1";

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("行政处罚信息公示期与信用修复", "Penalty publication period and credit repair");

    /// <inheritdoc />
    public override JsonTypeInfo<CreditPublicationInput> Input => CreditRuleJsonContext.Default.CreditPublicationInput;

    /// <inheritdoc />
    public override JsonTypeInfo<CreditPublicationOutput> Result => CreditRuleJsonContext.Default.CreditPublicationOutput;

    /// <inheritdoc />
    protected override ImmutableArray<RuleError> Validate(CreditPublicationInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<CreditPublicationOutput>> Decide(CreditPublicationInput input, RuleContext context)
    {
        var record = new PenaltyRecord("input", input.DecidedOn!.Value, [.. input.Measures!])
        {
            Fine = Money.FromYuan(input.FineYuan),
            Field = input.Field,
            SummaryProcedure = input.SummaryProcedure,
            CrossProvince = input.CrossProvince,
            RestrictionEndsOn = input.RestrictionEndsOn,
        };
        var schedule = PenaltyPublication.Schedule(record, context.Law, input.PublishedOn);
        if (!schedule.IsSuccess)
        {
            return RuleResult<RuleDecision<CreditPublicationOutput>>.Failure(schedule.Errors);
        }
        var s = schedule.Value;
        var output = new CreditPublicationOutput(s.Published, s.PublishBy, s.PublishedOn, s.LastDay, s.RepairFrom,
            s.IsPublishedOn(context.AsOf), s.RepairFrom is { } from && context.AsOf >= from && context.AsOf <= s.LastDay);
        return RuleResult<RuleDecision<CreditPublicationOutput>>.Success(new RuleDecision<CreditPublicationOutput>(output, s.Explanation));
    }

    private sealed class Validator : AbstractValidator<CreditPublicationInput>
    {
        public Validator()
        {
            RuleFor(x => x.DecidedOn).NotNull().WithError(KernelErrors.Required);
            RuleFor(x => x.Measures).NotEmpty().WithError(KernelErrors.Required);
            RuleFor(x => x.FineYuan).GreaterThanOrEqualTo(0m).WithError(CreditErrors.OutOfRange).DependentRules(() => RuleFor(x => x.FineYuan).IsAmountInYuan());
        }
    }
}

/// <summary>The JSON contract of <c>credit.tier/1 and credit.publication/1</c> (source-generated, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(CreditTierInput))]
[JsonSerializable(typeof(CreditTierOutput))]
[JsonSerializable(typeof(CreditPublicationInput))]
[JsonSerializable(typeof(CreditPublicationOutput))]
internal sealed partial class CreditRuleJsonContext : JsonSerializerContext
{
}
