using MarketRules.Calendar;

namespace MarketRules.Testing;

// Legal periods: an act is in time when it falls on or before the period's last day (Civil Code arts. 200–204;
// Administrative Penalty Law art. 85 for its 2/3/5/7 days).
public static partial class ComplianceAssert
{
    private const string DeadlineRuleId = "calendar.deadline/1";

    /// <summary>Checks that an act was done within a legal period (on or before its last day).</summary>
    /// <param name="deadline">The period's deadline, from <see cref="PeriodCalculator.Deadline(LocalDate, LegalPeriod)"/>.</param>
    /// <param name="actedOn">The day the act was done.</param>
    /// <exception cref="ComplianceException">Thrown when <paramref name="actedOn"/> is after the last day.</exception>
    public static void DeadlineMet(LegalDeadline deadline, LocalDate actedOn)
    {
        if (actedOn > deadline.LastDay)
        {
            throw new ComplianceException(
                DeadlineRuleId,
                CitationFor(deadline),
                $"on or before {Format(deadline.LastDay)} ({deadline.Period} from {Format(deadline.Trigger)}{RolledNote(deadline)})",
                $"done on {Format(actedOn)}, {Period.DaysBetween(deadline.LastDay, actedOn)} day(s) late",
                "The deadline was missed.");
        }
    }

    /// <summary>Checks that an act was done before a legal period expired, to the instant.</summary>
    /// <param name="deadline">The period's deadline.</param>
    /// <param name="actedAt">The instant the act was done.</param>
    /// <exception cref="ComplianceException">Thrown when <paramref name="actedAt"/> is at or after <see cref="LegalDeadline.ExpiresAt"/>.</exception>
    public static void DeadlineMet(LegalDeadline deadline, Instant actedAt)
    {
        if (deadline.IsOverdueAt(actedAt))
        {
            throw new ComplianceException(
                DeadlineRuleId,
                CitationFor(deadline),
                $"before {Format(deadline.ExpiresAt)} ({deadline.Period} from {Format(deadline.Trigger)}{RolledNote(deadline)})",
                $"done at {Format(actedAt)}",
                "The deadline was missed.");
        }
    }

    /// <summary>Checks that an act was done within a period counted on the statutory calendar of China.</summary>
    /// <param name="trigger">The day of the event that started the period.</param>
    /// <param name="period">The period, e.g. <c>LegalPeriod.WorkingDays(15)</c> or <c>LegalPeriod.UnderAdministrativePenaltyLaw(5)</c>.</param>
    /// <param name="actedOn">The day the act was done.</param>
    /// <exception cref="ComplianceException">Thrown when the act was late.</exception>
    public static void DeadlineMet(LocalDate trigger, LegalPeriod period, LocalDate actedOn) =>
        DeadlineMet(PeriodCalculator.China.Deadline(trigger, period), actedOn);

    private static Citation CitationFor(LegalDeadline deadline) =>
        deadline.Period.Unit == PeriodUnit.WorkingDays && deadline.Period.Length is 2 or 3 or 5 or 7
            ? LegalPeriod.AdministrativePenaltyLawArticle85
            : LegalPeriod.CivilCodePeriods;

    private static string RolledNote(LegalDeadline deadline) =>
        deadline.RolledForward ? $"; {Format(deadline.NominalLastDay)} was a rest day" : "";
}
