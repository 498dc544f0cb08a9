using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Engine;
using MarketRules.Calendar;

namespace MarketRules.Engine.Rules.Calendar;

/// <summary>The input of <c>calendar.deadline/1</c>: when a legal period starts, how long it is, and what does not count.</summary>
/// <remarks>Give exactly one of <see cref="Trigger"/> and <see cref="TriggerAt"/>, and either <see cref="Length"/> with
/// <see cref="Unit"/> or <see cref="PenaltyLawDays"/>.</remarks>
public sealed record DeadlineInput
{
    /// <summary>The day of the event that starts the period (service, filing, acceptance); the period counts from the next day.</summary>
    public LocalDate? Trigger { get; init; }

    /// <summary>The instant of the event, for periods in hours (or read as its Beijing date for other units).</summary>
    public Instant? TriggerAt { get; init; }

    /// <summary>The period's length in <see cref="Unit"/>.</summary>
    public int? Length { get; init; }

    /// <summary>The period's unit.</summary>
    public PeriodUnit? Unit { get; init; }

    /// <summary>A number of days as the Administrative Penalty Law writes it: 2, 3, 5 and 7 mean working days (art. 85), others calendar days.</summary>
    public int? PenaltyLawDays { get; init; }

    /// <summary>Intervals that do not count (inspection, testing, expert opinion, hearing); both ends included.</summary>
    public ImmutableArray<DateInterval> Excluded { get; init; } = [];

    /// <summary>What happens when a period in days, months or years ends on a rest day.</summary>
    /// <value>The default value is <see cref="RestDayRule.RollForward"/> (Civil Code art. 203).</value>
    public RestDayRule RestDayRule { get; init; } = RestDayRule.RollForward;
}

/// <summary>The result of <c>calendar.deadline/1</c>.</summary>
/// <param name="Trigger">The day the period counts from (exclusive).</param>
/// <param name="Length">The period's length.</param>
/// <param name="Unit">The period's unit, after the Administrative Penalty Law's reading.</param>
/// <param name="NominalLastDay">The last day before the rest-day rule.</param>
/// <param name="LastDay">The last day on which the act is in time.</param>
/// <param name="ExpiresAt">The instant the period ends (end of <paramref name="LastDay"/> in Beijing time, or the exact hour).</param>
/// <param name="RolledForward">Whether the last day was moved past rest days.</param>
/// <param name="ExcludedDays">Days not counted because of excluded intervals.</param>
/// <param name="OverdueAsOf">Whether the period had run out on the request's as-of date.</param>
public sealed record DeadlineResult(
    LocalDate Trigger, int Length, PeriodUnit Unit, LocalDate NominalLastDay, LocalDate LastDay, Instant ExpiresAt,
    bool RolledForward, int ExcludedDays, bool OverdueAsOf);

/// <summary>The codes of the calendar rules' input errors.</summary>
public static class CalendarRuleErrors
{
    /// <summary>Neither or both of trigger and triggerAt.</summary>
    public static readonly MessageDefinition TriggerRequired = new(
        "MR.Deadline.TriggerRequired",
        "须且仅须给出「trigger」（日期）或「triggerAt」（时刻）之一",
        "Give exactly one of trigger (a date) and triggerAt (an instant)");

    /// <summary>Neither or both of length+unit and penaltyLawDays.</summary>
    public static readonly MessageDefinition PeriodRequired = new(
        "MR.Deadline.PeriodRequired",
        "须且仅须给出「length」与「unit」，或「penaltyLawDays」之一",
        "Give either length with unit, or penaltyLawDays");

    /// <summary>A number outside its allowed range.</summary>
    public static readonly MessageDefinition OutOfRange = new(
        "MR.Deadline.OutOfRange",
        "「{PropertyName}」的取值 {PropertyValue} 超出允许范围 {From}–{To}",
        "{PropertyName} {PropertyValue} is outside the allowed range {From}–{To}");

    /// <summary>An end date before the start date.</summary>
    public static readonly MessageDefinition EndBeforeStart = new(
        "MR.Deadline.EndBeforeStart",
        "「{PropertyName}」不得早于起始日期",
        "{PropertyName} must not be before the start date");
}

/// <summary>The reasons the calendar rules give.</summary>
public static class CalendarRuleReasons
{
    /// <summary>How a period in working days was counted.</summary>
    public static readonly MessageDefinition CountedWorkingDays = new(
        "MR.Deadline.CountedWorkingDays",
        "期间自 {Trigger} 的次日起计算 {Period}，届满日为 {NominalLastDay}",
        "The period of {Period} counts from the day after {Trigger} and ends on {NominalLastDay}");

    /// <summary>How a period in days was counted.</summary>
    public static readonly MessageDefinition CountedDays = new(
        "MR.Deadline.CountedDays",
        "期间自 {Trigger} 的次日起计算 {Period}，届满日为 {NominalLastDay}",
        "The period of {Period} counts from the day after {Trigger} and ends on {NominalLastDay}");

    /// <summary>How a period in months was counted.</summary>
    public static readonly MessageDefinition CountedMonths = new(
        "MR.Deadline.CountedMonths",
        "期间自 {Trigger} 起计算 {Period}，届满日为到期月的对应日（无对应日的为月末日）{NominalLastDay}",
        "The period of {Period} from {Trigger} ends on the corresponding day of the last month (or its last day), {NominalLastDay}");

    /// <summary>How a period in years was counted.</summary>
    public static readonly MessageDefinition CountedYears = new(
        "MR.Deadline.CountedYears",
        "期间自 {Trigger} 起计算 {Period}，届满日为 {NominalLastDay}",
        "The period of {Period} from {Trigger} ends on {NominalLastDay}");

    /// <summary>How a period in hours was counted.</summary>
    public static readonly MessageDefinition CountedHours = new(
        "MR.Deadline.CountedHours",
        "期间按小时计算 {Period}，自 {Trigger} 起，届满日为 {NominalLastDay}",
        "The period of {Period} from {Trigger} ends on {NominalLastDay}");

    /// <summary>Days in the Administrative Penalty Law read as working days.</summary>
    public static readonly MessageDefinition PenaltyLawWorkingDays = new(
        "MR.Deadline.PenaltyLawWorkingDays",
        "行政处罚法所称“{Days}日”指工作日，不含法定节假日",
        "The Administrative Penalty Law's \"{Days} days\" are working days, excluding statutory holidays");

    /// <summary>Days in the Administrative Penalty Law read as calendar days.</summary>
    public static readonly MessageDefinition PenaltyLawCalendarDays = new(
        "MR.Deadline.PenaltyLawCalendarDays",
        "行政处罚法所称“{Days}日”按自然日计算",
        "The Administrative Penalty Law's \"{Days} days\" are calendar days");

    /// <summary>The last day fell on a rest day and moved.</summary>
    public static readonly MessageDefinition RolledForward = new(
        "MR.Deadline.RolledForward",
        "期间最后一日 {NominalLastDay} 是法定休假日，以休假日结束的次日 {LastDay} 为期间的最后一日",
        "The last day {NominalLastDay} is a statutory rest day; the period ends on the day after the rest, {LastDay}");

    /// <summary>Days not counted.</summary>
    public static readonly MessageDefinition Excluded = new(
        "MR.Deadline.Excluded",
        "{ExcludedDays} 日不计入期间",
        "Days not counted in the period: {ExcludedDays}");

    /// <summary>The kind of a day in the statutory calendar.</summary>
    public static readonly MessageDefinition DayKindOf = new(
        "MR.Calendar.DayKind",
        "依国务院办公厅节假日安排，{Date} 是{Kind}",
        "Under the State Council's holiday notice, {Date} is {Kind}");

    /// <summary>Working days counted between two dates.</summary>
    public static readonly MessageDefinition WorkingDaysCounted = new(
        "MR.Calendar.WorkingDaysCounted",
        "{Date} 之后至 {Until}（含）共有 {Count} 个工作日",
        "Working days after {Date} up to and including {Until}: {Count}");

    /// <summary>Working days added to a date.</summary>
    public static readonly MessageDefinition WorkingDaysAdded = new(
        "MR.Calendar.WorkingDaysAdded",
        "{Date} 之后第 {Count} 个工作日为 {Result}",
        "Working day number {Count} after {Date} is {Result}");
}

/// <summary>
/// <c>calendar.deadline/1</c>: the last day of a legal period on the statutory calendar of China (working days,
/// days, months, years or hours), with excluded intervals and the rest-day rule, explained with its citations.
/// </summary>
public sealed class DeadlineRule : RuleDefinition<DeadlineInput, DeadlineResult>
{
    /// <summary>The longest period the rule accepts, in its unit (ten years of days).</summary>
    public const int MaxLength = 3660;

    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly DeadlineValidator validator = new();

    /// <inheritdoc />
    public override string Id => "calendar.deadline/1";

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("法定期间届满日计算（工作日、日、月、年、小时）", "Last day of a legal period (working days, days, months, years, hours)");

    /// <inheritdoc />
    public override JsonTypeInfo<DeadlineInput> Input => CalendarRuleJsonContext.Default.DeadlineInput;

    /// <inheritdoc />
    public override JsonTypeInfo<DeadlineResult> Result => CalendarRuleJsonContext.Default.DeadlineResult;

    /// <inheritdoc />
    protected override ImmutableArray<RuleError> Validate(DeadlineInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<DeadlineResult>> Decide(DeadlineInput input, RuleContext context) =>
        RuleResult<RuleDecision<DeadlineResult>>.Success(Deadline(input, context));

    private static RuleDecision<DeadlineResult> Deadline(DeadlineInput input, RuleContext context)
    {
        var period = input.PenaltyLawDays is { } penaltyDays
            ? LegalPeriod.UnderAdministrativePenaltyLaw(penaltyDays)
            : LegalPeriod.Of(input.Length!.Value, input.Unit!.Value);
        var excluded = input.Excluded.IsDefault ? [] : input.Excluded;
        var deadline = input.TriggerAt is { } at
            ? context.Periods.Deadline(at, period, excluded.AsSpan(), input.RestDayRule)
            : context.Periods.Deadline(input.Trigger!.Value, period, excluded.AsSpan(), input.RestDayRule);

        var explanation = new ExplanationBuilder("calendar.deadline/1", context.AsOf, context.JurisdictionCode);
        var periodCitation = LegalPeriod.CivilCodePeriods;
        if (input.PenaltyLawDays is { } days)
        {
            periodCitation = LegalPeriod.AdministrativePenaltyLawArticle85;
            explanation.Add((period.Unit == PeriodUnit.WorkingDays ? CalendarRuleReasons.PenaltyLawWorkingDays : CalendarRuleReasons.PenaltyLawCalendarDays)
                .ToReason(LegalPeriod.AdministrativePenaltyLawArticle85, ("Days", days)));
        }
        var counted = period.Unit switch
        {
            PeriodUnit.WorkingDays => CalendarRuleReasons.CountedWorkingDays,
            PeriodUnit.Days => CalendarRuleReasons.CountedDays,
            PeriodUnit.Months => CalendarRuleReasons.CountedMonths,
            PeriodUnit.Years => CalendarRuleReasons.CountedYears,
            _ => CalendarRuleReasons.CountedHours,
        };
        object trigger = input.TriggerAt is { } triggerAt ? triggerAt : deadline.Trigger;
        explanation.Add(counted.ToReason(
            LegalPeriod.CivilCodePeriods, ("Trigger", trigger), ("Length", period.Length), ("Period", period), ("NominalLastDay", deadline.NominalLastDay)));
        if (deadline.ExcludedDays > 0)
        {
            explanation.Add(CalendarRuleReasons.Excluded.ToReason(null, ("ExcludedDays", deadline.ExcludedDays)));
        }
        if (deadline.RolledForward)
        {
            explanation.Add(CalendarRuleReasons.RolledForward.ToReason(
                LegalPeriod.CivilCodePeriods, ("NominalLastDay", deadline.NominalLastDay), ("LastDay", deadline.LastDay)));
        }
        explanation.Add(ComputedDate.FromDeadline("lastDay", new LocalizedText("期间届满日", "Last day of the period"), deadline, periodCitation));
        var overdue = deadline.IsOverdueOn(context.AsOf);
        var result = new DeadlineResult(
            deadline.Trigger, period.Length, period.Unit, deadline.NominalLastDay, deadline.LastDay, deadline.ExpiresAt,
            deadline.RolledForward, deadline.ExcludedDays, overdue);
        return new RuleDecision<DeadlineResult>(result, explanation.Build(overdue ? "overdue" : "running"));
    }

    private sealed class DeadlineValidator : AbstractValidator<DeadlineInput>
    {
        public DeadlineValidator()
        {
            RuleFor(x => x.Trigger).NotNull().When(x => x.TriggerAt is null).WithError(CalendarRuleErrors.TriggerRequired);
            RuleFor(x => x.TriggerAt).Null().When(x => x.Trigger is not null).WithError(CalendarRuleErrors.TriggerRequired);
            RuleFor(x => x.Length).NotNull().When(x => x.PenaltyLawDays is null).WithError(CalendarRuleErrors.PeriodRequired);
            RuleFor(x => x.Unit).NotNull().When(x => x.Length is not null).WithError(CalendarRuleErrors.PeriodRequired);
            RuleFor(x => x.PenaltyLawDays).Null().When(x => x.Length is not null || x.Unit is not null).WithError(CalendarRuleErrors.PeriodRequired);
            RuleFor(x => x.Length!.Value).InclusiveBetween(0, MaxLength).When(x => x.Length is not null && x.Unit != PeriodUnit.Hours)
                .OverridePropertyName("Length").WithError(CalendarRuleErrors.OutOfRange);
            RuleFor(x => x.Length!.Value).InclusiveBetween(0, MaxLength * 24).When(x => x.Length is not null && x.Unit == PeriodUnit.Hours)
                .OverridePropertyName("Length").WithError(CalendarRuleErrors.OutOfRange);
            RuleFor(x => x.PenaltyLawDays!.Value).InclusiveBetween(0, MaxLength).When(x => x.PenaltyLawDays is not null)
                .OverridePropertyName("PenaltyLawDays").WithError(CalendarRuleErrors.OutOfRange);
            RuleFor(x => x.Unit).IsInEnum().WithError(CalendarRuleErrors.PeriodRequired);
            RuleFor(x => x.RestDayRule).IsInEnum().WithError(CalendarRuleErrors.PeriodRequired);
        }
    }
}

/// <summary>The JSON contracts of the calendar rules.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Json.LocalDateJsonConverter), typeof(Json.InstantJsonConverter), typeof(Json.DateIntervalJsonConverter)])]
[JsonSerializable(typeof(DeadlineInput))]
[JsonSerializable(typeof(DeadlineResult))]
[JsonSerializable(typeof(WorkingDaysInput))]
[JsonSerializable(typeof(WorkingDaysResult))]
internal sealed partial class CalendarRuleJsonContext : JsonSerializerContext
{
}
