using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Campaigns;
using MarketRules.Json;

namespace MarketRules.Engine.Rules.Campaigns;

/// <summary>Input of <c>campaign.calendar/1</c>: a plan (a shipped example by id, or a pack) and a date range.</summary>
public sealed record CampaignCalendarInput
{
    /// <summary>The id of a pack shipped with the library (e.g. <c>daguan-2016-holiday-anti-counterfeit</c>), instead of <see cref="Plan"/>.</summary>
    public string? PlanId { get; init; }

    /// <summary>The plan as a pack, instead of <see cref="PlanId"/>.</summary>
    public CampaignPackDto? Plan { get; init; }

    /// <summary>The first day.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The last day.</summary>
    public required LocalDate To { get; init; }
}

/// <summary>Result of <c>campaign.calendar/1</c>.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="Dues">Every report due in the range.</param>
public sealed record CampaignCalendarOutput(string Plan, ImmutableArray<ReportDue> Dues);

/// <summary>One received report as JSON callers send it.</summary>
public sealed record ReportSubmissionInput
{
    /// <summary>The unit's id.</summary>
    public required string Unit { get; init; }

    /// <summary>The series' id.</summary>
    public required string Series { get; init; }

    /// <summary>When it arrived.</summary>
    public required Instant At { get; init; }

    /// <summary>The due day it answers, when known.</summary>
    public LocalDate? For { get; init; }
}

/// <summary>Input of <c>campaign.lateness/1</c>.</summary>
public sealed record CampaignLatenessInput
{
    /// <summary>The id of a shipped pack, instead of <see cref="Plan"/>.</summary>
    public string? PlanId { get; init; }

    /// <summary>The plan as a pack, instead of <see cref="PlanId"/>.</summary>
    public CampaignPackDto? Plan { get; init; }

    /// <summary>The reports received.</summary>
    public ImmutableArray<ReportSubmissionInput> Submissions { get => submissions; init => submissions = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<ReportSubmissionInput> submissions = [];

    /// <summary>The instant of the assessment: reports due after it are not missing yet.</summary>
    public required Instant AssessedAt { get; init; }

    /// <summary>The first day assessed; the campaign's first day by default.</summary>
    public LocalDate? From { get; init; }

    /// <summary>The last day assessed; the campaign's last day by default.</summary>
    public LocalDate? To { get; init; }
}

/// <summary>Result of <c>campaign.lateness/1</c>.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="Units">One record per reporting unit.</param>
public sealed record CampaignLatenessOutput(string Plan, ImmutableArray<UnitLateness> Units);

/// <summary>The rule <c>campaign.calendar/1</c>: a campaign plan's reporting calendar over a date range.</summary>
public sealed class CampaignCalendarRule : RuleDefinition<CampaignCalendarInput, CampaignCalendarOutput>
{
    /// <inheritdoc/>
    public override string Id => CampaignCalendar.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("专项行动报送日历", "Campaign reporting calendar");

    /// <inheritdoc/>
    public override JsonTypeInfo<CampaignCalendarInput> Input => CampaignRulesJsonContext.Default.CampaignCalendarInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<CampaignCalendarOutput> Result => CampaignRulesJsonContext.Default.CampaignCalendarOutput;

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<CampaignCalendarOutput>> Decide(CampaignCalendarInput input, RuleContext context)
    {
        var plan = CampaignPlans.Resolve(input.PlanId, input.Plan);
        if (!plan.IsSuccess)
        {
            return RuleResult<RuleDecision<CampaignCalendarOutput>>.Failure(plan.Errors);
        }
        var calendar = CampaignCalendar.Dues(context.Law, plan.Value, input.From, input.To);
        return calendar.IsSuccess
            ? RuleResult<RuleDecision<CampaignCalendarOutput>>.Success(new(new CampaignCalendarOutput(calendar.Value.Plan, calendar.Value.Dues), calendar.Value.Explanation))
            : RuleResult<RuleDecision<CampaignCalendarOutput>>.Failure(calendar.Errors);
    }
}

/// <summary>The rule <c>campaign.lateness/1</c>: on time, late (by how much) and missing reports, per unit.</summary>
public sealed class CampaignLatenessRule : RuleDefinition<CampaignLatenessInput, CampaignLatenessOutput>
{
    /// <inheritdoc/>
    public override string Id => CampaignLateness.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("专项行动报送迟报漏报", "Campaign reports: late and missing");

    /// <inheritdoc/>
    public override JsonTypeInfo<CampaignLatenessInput> Input => CampaignRulesJsonContext.Default.CampaignLatenessInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<CampaignLatenessOutput> Result => CampaignRulesJsonContext.Default.CampaignLatenessOutput;

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<CampaignLatenessOutput>> Decide(CampaignLatenessInput input, RuleContext context)
    {
        var plan = CampaignPlans.Resolve(input.PlanId, input.Plan);
        if (!plan.IsSuccess)
        {
            return RuleResult<RuleDecision<CampaignLatenessOutput>>.Failure(plan.Errors);
        }
        var submissions = input.Submissions.Select(s => new ReportSubmission(s.Unit, s.Series, s.At) { For = s.For });
        var result = CampaignLateness.Assess(context.Law, plan.Value, submissions, input.AssessedAt, input.From, input.To);
        return result.IsSuccess
            ? RuleResult<RuleDecision<CampaignLatenessOutput>>.Success(new(new CampaignLatenessOutput(result.Value.Plan, result.Value.Units), result.Value.Explanation))
            : RuleResult<RuleDecision<CampaignLatenessOutput>>.Failure(result.Errors);
    }
}

internal static class CampaignPlans
{
    internal static RuleResult<CampaignPlan> Resolve(string? planId, CampaignPackDto? pack)
    {
        if ((planId is null) == (pack is null))
        {
            return RuleResult<CampaignPlan>.Failure(CampaignErrors.PackInvalid.CreateLocalized("$.planId",
                ("Detail", "「planId」（随库提供的方案包）与「plan」（方案包）须给出且只能给出其一", "give either 'planId' (a shipped pack) or 'plan' (a pack), not both")));
        }
        if (pack is not null)
        {
            return CampaignPackReader.FromDto(pack, "$.plan");
        }
        return CampaignPlan.Examples.FirstOrDefault(p => p.Id == planId) is { } shipped
            ? RuleResult<CampaignPlan>.Success(shipped)
            : RuleResult<CampaignPlan>.Failure(CampaignErrors.UnknownReference.Create("$.planId", ("Id", planId)));
    }
}

/// <summary>The JSON contract of the campaign rules: strict (unknown members and duplicate keys are errors).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(CampaignCalendarInput))]
[JsonSerializable(typeof(CampaignCalendarOutput))]
[JsonSerializable(typeof(CampaignLatenessInput))]
[JsonSerializable(typeof(CampaignLatenessOutput))]
internal sealed partial class CampaignRulesJsonContext : JsonSerializerContext
{
}
