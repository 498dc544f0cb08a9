using System.Diagnostics.Contracts;
using System.Globalization;

namespace MarketRules.Calendar;

/// <summary>The unit a legal period is counted in.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<PeriodUnit>))]
public enum PeriodUnit
{
    /// <summary>Working days (工作日) of the statutory calendar.</summary>
    WorkingDays = 0,

    /// <summary>Calendar days (日); a period ending on a rest day runs to the next working day.</summary>
    Days = 1,

    /// <summary>Months (月); ends on the corresponding day, or the month's last day when there is none.</summary>
    Months = 2,

    /// <summary>Years (年); ends on the corresponding day, or the month's last day when there is none.</summary>
    Years = 3,

    /// <summary>Clock hours (小时), counted from the instant of the event.</summary>
    Hours = 4,
}

/// <summary>
/// A period the law sets: a length and a unit, e.g. 15 working days or 3 years.
/// </summary>
/// <remarks>
/// <para>Equality compares length and unit: 7 days and 1 week are different periods, as the law counts them differently.</para>
/// <para>The default value of this type is a period of 0 working days.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct LegalPeriod
{
    private LegalPeriod(int length, PeriodUnit unit)
    {
        if (length < 0)
        {
            throw new InvalidRuleInputException(KernelErrors.NegativePeriod.Create(null, ("Length", length)));
        }
        Length = length;
        Unit = unit;
    }

    /// <summary>The length, zero or more.</summary>
    public int Length { get; }

    /// <summary>The unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>A period of working days.</summary>
    /// <param name="days">The number of working days, zero or more.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod WorkingDays(int days) => new(days, PeriodUnit.WorkingDays);

    /// <summary>A period of calendar days.</summary>
    /// <param name="days">The number of days, zero or more.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod Days(int days) => new(days, PeriodUnit.Days);

    /// <summary>A period of months.</summary>
    /// <param name="months">The number of months, zero or more.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod Months(int months) => new(months, PeriodUnit.Months);

    /// <summary>A period of years.</summary>
    /// <param name="years">The number of years, zero or more.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod Years(int years) => new(years, PeriodUnit.Years);

    /// <summary>A period of clock hours.</summary>
    /// <param name="hours">The number of hours, zero or more.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod Hours(int hours) => new(hours, PeriodUnit.Hours);

    /// <summary>A period of a given unit.</summary>
    /// <param name="length">The length, zero or more.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The period.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod Of(int length, PeriodUnit unit) => new(length, unit);

    /// <summary>
    /// A period written "N日" in the Administrative Penalty Law: "2日, 3日, 5日, 7日" mean working days excluding
    /// statutory holidays (行政处罚法 第八十五条); every other number of days means calendar days.
    /// </summary>
    /// <param name="days">The number of days as the law writes it.</param>
    /// <returns>Working days for 2, 3, 5 and 7; calendar days otherwise.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod UnderAdministrativePenaltyLaw(int days) =>
        days is 2 or 3 or 5 or 7 ? WorkingDays(days) : Days(days);

    /// <summary>
    /// A period written "N日" in the Administrative Compulsion Law: periods of ten days or less are working days
    /// (行政强制法 第六十九条); longer periods are calendar days.
    /// </summary>
    /// <param name="days">The number of days as the law writes it.</param>
    /// <returns>Working days up to 10; calendar days above.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.Period.Negative</c>) when the length is negative.</exception>
    [Pure]
    public static LegalPeriod UnderAdministrativeCompulsionLaw(int days) => days <= 10 ? WorkingDays(days) : Days(days);

    /// <summary>The citation for the Administrative Penalty Law's rule on "2, 3, 5, 7 days".</summary>
    public static Citation AdministrativePenaltyLawArticle85 { get; } = new(
        LegalDocuments.AdministrativePenaltyLaw,
        new LocalizedText("第八十五条", "Art. 85"), VerificationStatus.VerifiedOfficial)
    {
        Note = "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日",
    };

    /// <summary>The citation for the Civil Code's rules on counting periods.</summary>
    public static Citation CivilCodePeriods { get; } = new(
        LegalDocuments.CivilCode,
        new LocalizedText("第二百条至第二百零四条", "Arts. 200–204"), VerificationStatus.VerifiedOfficial)
    {
        Note = "开始的当日不计入，自下一日开始计算；期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日",
    };

    /// <summary>The period as a message states it, in both languages: <c>5个工作日</c> / <c>5 working days</c>, <c>30日</c> /
    /// <c>30 days</c>, <c>3个月</c>, <c>3年</c>, <c>24小时</c>. Messages take a period from the parameter in force through this,
    /// never from a literal, so a policy pack that changes the period changes the text.</summary>
    /// <returns>The text.</returns>
    [Pure]
    public LocalizedText ToLocalizedText()
    {
        var n = Length.ToString(CultureInfo.InvariantCulture);
        var one = Length == 1;
        return Unit switch
        {
            PeriodUnit.WorkingDays => new(n + "个工作日", n + (one ? " working day" : " working days")),
            PeriodUnit.Days => new(n + "日", n + (one ? " day" : " days")),
            PeriodUnit.Months => new(n + "个月", n + (one ? " month" : " months")),
            PeriodUnit.Years => new(n + "年", n + (one ? " year" : " years")),
            _ => new(n + "小时", n + (one ? " hour" : " hours")),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => Length.ToString(CultureInfo.InvariantCulture) + " working days",
        PeriodUnit.Days => Length.ToString(CultureInfo.InvariantCulture) + " days",
        PeriodUnit.Months => Length.ToString(CultureInfo.InvariantCulture) + " months",
        PeriodUnit.Years => Length.ToString(CultureInfo.InvariantCulture) + " years",
        _ => Length.ToString(CultureInfo.InvariantCulture) + " hours",
    };
}
