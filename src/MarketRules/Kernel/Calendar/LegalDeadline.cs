using System.Diagnostics.Contracts;

namespace MarketRules.Calendar;

/// <summary>
/// The end of a legal period: its last day, and how it was reached (days excluded, a rest day rolled over).
/// </summary>
/// <remarks>
/// <para>The default value of this type has a period of 0 working days ending on 0001-01-01; only <see cref="PeriodCalculator"/> makes meaningful values.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct LegalDeadline
{
    internal LegalDeadline(LocalDate trigger, LegalPeriod period, LocalDate nominalLastDay, LocalDate lastDay, int excludedDays, Instant expiresAt)
    {
        Trigger = trigger;
        Period = period;
        NominalLastDay = nominalLastDay;
        LastDay = lastDay;
        ExcludedDays = excludedDays;
        ExpiresAt = expiresAt;
    }

    /// <summary>The day of the triggering event; not itself counted.</summary>
    public LocalDate Trigger { get; }

    /// <summary>The period.</summary>
    public LegalPeriod Period { get; }

    /// <summary>The last day before a rest day was rolled over (equal to <see cref="LastDay"/> when none was).</summary>
    public LocalDate NominalLastDay { get; }

    /// <summary>The last day of the period: an act done on this day is in time.</summary>
    public LocalDate LastDay { get; }

    /// <summary>The days not counted because the period was paused (testing, hearing, suspension…).</summary>
    public int ExcludedDays { get; }

    /// <summary>The instant the period runs out: the end of <see cref="LastDay"/> in Asia/Shanghai, or the exact instant for hour periods.</summary>
    public Instant ExpiresAt { get; }

    /// <summary>Whether the last day fell on a rest day and moved to the next working day (民法典 第二百零三条).</summary>
    public bool RolledForward => LastDay != NominalLastDay;

    /// <summary>Whether the period has run out by the end of a day: <paramref name="asOf"/> is after <see cref="LastDay"/>.</summary>
    /// <param name="asOf">The day to check.</param>
    /// <returns>Whether an act on <paramref name="asOf"/> would be late.</returns>
    [Pure]
    public bool IsOverdueOn(LocalDate asOf) => asOf > LastDay;

    /// <summary>Whether the period has run out at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether <paramref name="instant"/> is at or after <see cref="ExpiresAt"/>.</returns>
    [Pure]
    public bool IsOverdueAt(Instant instant) => instant >= ExpiresAt;
}
