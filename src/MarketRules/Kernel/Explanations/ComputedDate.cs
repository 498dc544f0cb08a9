using MarketRules.Calendar;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>A date a decision computed (a deadline, the end of a publication period), with how it was counted.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ComputedDate
{
    /// <summary>Creates a computed date.</summary>
    /// <param name="name">A stable name, e.g. <c>case.decision-deadline</c>.</param>
    /// <param name="label">What the date is, in both languages.</param>
    /// <param name="date">The date (the last day of a period, Asia/Shanghai).</param>
    public ComputedDate(string name, LocalizedText label, LocalDate date)
    {
        Name = Preconditions.CheckNotNull(name);
        Label = Preconditions.CheckNotNull(label);
        Date = date;
    }

    /// <summary>Creates a computed date from a legal deadline, carrying its counting details.</summary>
    /// <param name="name">A stable name.</param>
    /// <param name="label">What the date is.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="citation">The rule that sets the period, or <see langword="null"/>.</param>
    /// <returns>The computed date.</returns>
    public static ComputedDate FromDeadline(string name, LocalizedText label, LegalDeadline deadline, Citation? citation) =>
        new(name, label, deadline.LastDay)
        {
            From = deadline.Trigger,
            Period = deadline.Period.ToString(),
            ExcludedDays = deadline.ExcludedDays,
            RolledForwardFrom = deadline.RolledForward ? deadline.NominalLastDay : null,
            ExpiresAt = deadline.ExpiresAt,
            Citation = citation,
        };

    /// <summary>A stable name, e.g. <c>case.decision-deadline</c>.</summary>
    public string Name { get; }

    /// <summary>What the date is.</summary>
    public LocalizedText Label { get; }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>The instant the period runs out (the end of <see cref="Date"/> in Asia/Shanghai, or a clock time for hour periods), or <see langword="null"/>.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>The day the period was counted from (the triggering event's day, itself not counted), or <see langword="null"/>.</summary>
    public LocalDate? From { get; init; }

    /// <summary>The period as text, e.g. <c>15 working days</c>, or <see langword="null"/>.</summary>
    public string? Period { get; init; }

    /// <summary>Days not counted in the period (suspension, testing, hearing…).</summary>
    public int ExcludedDays { get; init; }

    /// <summary>When the period's last day was a rest day, the day it would otherwise have ended; else <see langword="null"/>.</summary>
    public LocalDate? RolledForwardFrom { get; init; }

    /// <summary>The rule that sets the period, or <see langword="null"/>.</summary>
    public Citation? Citation { get; init; }
}
