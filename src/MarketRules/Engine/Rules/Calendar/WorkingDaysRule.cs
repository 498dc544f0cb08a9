using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Engine;
using MarketRules.Calendar;

namespace MarketRules.Engine.Rules.Calendar;

/// <summary>The input of <c>calendar.working-days/1</c>: a date, and optionally a second date or a number of working days.</summary>
public sealed record WorkingDaysInput
{
    /// <summary>The date asked about.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>When given, count the working days after <see cref="Date"/> up to and including this date.</summary>
    public LocalDate? Until { get; init; }

    /// <summary>When given, the date this many working days after <see cref="Date"/>.</summary>
    public int? AddWorkingDays { get; init; }
}

/// <summary>The result of <c>calendar.working-days/1</c>.</summary>
/// <param name="Date">The date asked about.</param>
/// <param name="Kind">What kind of day it is under the State Council's holiday notice.</param>
/// <param name="IsWorkingDay">Whether it is a working day (a weekday not on holiday, or a make-up workday).</param>
/// <param name="Holiday">The holiday it belongs to, when it is a holiday rest day.</param>
/// <param name="NextWorkingDay">The first working day on or after the date.</param>
/// <param name="WorkingDaysUntil">The working days after the date up to and including <c>until</c>, when asked.</param>
/// <param name="PlusWorkingDays">The date <c>addWorkingDays</c> working days later, when asked.</param>
public sealed record WorkingDaysResult(
    LocalDate Date, DayKind Kind, bool IsWorkingDay, LocalizedText? Holiday, LocalDate NextWorkingDay, int? WorkingDaysUntil, LocalDate? PlusWorkingDays);

/// <summary><c>calendar.working-days/1</c>: whether a date is a working day on the statutory calendar of China, and working-day arithmetic.</summary>
public sealed class WorkingDaysRule : RuleDefinition<WorkingDaysInput, WorkingDaysResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly WorkingDaysValidator validator = new();

    /// <inheritdoc />
    public override string Id => "calendar.working-days/1";

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("法定工作日查询与计算", "Statutory working days: query and arithmetic");

    /// <inheritdoc />
    public override JsonTypeInfo<WorkingDaysInput> Input => CalendarRuleJsonContext.Default.WorkingDaysInput;

    /// <inheritdoc />
    public override JsonTypeInfo<WorkingDaysResult> Result => CalendarRuleJsonContext.Default.WorkingDaysResult;

    /// <inheritdoc />
    protected override ImmutableArray<RuleError> Validate(WorkingDaysInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<WorkingDaysResult>> Decide(WorkingDaysInput input, RuleContext context)
    {
        var calendar = context.Periods.Calendar;
        var date = input.Date!.Value;
        var kind = calendar.GetDayKind(date);
        var explanation = new ExplanationBuilder(Id, context.AsOf, context.JurisdictionCode);
        var notice = calendar.Years.FirstOrDefault(y => y.Year == date.Year)?.Notice;
        var day = NodaTime.Text.LocalDatePattern.Iso.Format(date);
        explanation.Add(CalendarRuleReasons.DayKindOf.ToLocalizedReason(notice, ("Date", new LocalizedText(day, day)), ("Kind", Json.Label(kind))));
        int? count = null;
        if (input.Until is { } until)
        {
            count = calendar.CountWorkingDays(date, until);
            explanation.Add(CalendarRuleReasons.WorkingDaysCounted.ToReason(null, ("Date", date), ("Until", until), ("Count", count)));
        }
        LocalDate? plus = null;
        if (input.AddWorkingDays is { } n)
        {
            plus = calendar.AddWorkingDays(date, n);
            explanation.Add(CalendarRuleReasons.WorkingDaysAdded.ToReason(null, ("Date", date), ("Count", n), ("Result", plus)));
        }
        var isWorking = calendar.IsWorkingDay(date);
        var result = new WorkingDaysResult(date, kind, isWorking, calendar.FindHoliday(date)?.Name, calendar.NextWorkingDayOnOrAfter(date), count, plus);
        return RuleResult<RuleDecision<WorkingDaysResult>>.Success(new(result, explanation.Build(isWorking ? "working-day" : "rest-day")));
    }

    private sealed class WorkingDaysValidator : AbstractValidator<WorkingDaysInput>
    {
        public WorkingDaysValidator()
        {
            RuleFor(x => x.Date).NotNull().WithError(KernelErrors.Required);
            RuleFor(x => x.Until!.Value).GreaterThanOrEqualTo(x => x.Date!.Value).When(x => x.Until is not null && x.Date is not null)
                .OverridePropertyName("Until").WithError(CalendarRuleErrors.EndBeforeStart);
            RuleFor(x => x.AddWorkingDays!.Value).InclusiveBetween(0, DeadlineRule.MaxLength).When(x => x.AddWorkingDays is not null)
                .OverridePropertyName("AddWorkingDays").WithError(CalendarRuleErrors.OutOfRange);
        }
    }

    private static class Json
    {
        // The kind of a day as the notices name it, and in English (the JSON value is the enum's kebab-case spelling).
        public static LocalizedText Label(DayKind kind) => kind switch
        {
            DayKind.WorkingDay => new("工作日", "a working day"),
            DayKind.Weekend => new("周休息日", "a weekend rest day"),
            DayKind.HolidayRest => new("节假日休息日", "a holiday rest day"),
            _ => new("调休上班日", "a make-up workday"),
        };
    }
}
