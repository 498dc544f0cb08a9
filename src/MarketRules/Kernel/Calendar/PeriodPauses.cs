using System.Diagnostics.Contracts;

namespace MarketRules.Calendar;

/// <summary>
/// The pauses of one legal period's clock so far: the days already excluded and the pause running now. A case or
/// complaint carries this between events instead of the list of its pause intervals; <see cref="PeriodCalculator"/>
/// banks a pause when it ends (<see cref="PeriodCalculator.Resume"/>) and counts the period from it
/// (<see cref="PeriodCalculator.Deadline(LocalDate, LegalPeriod, PeriodPauses, LocalDate, RestDayRule)"/>) by the same
/// rule as for a list of excluded intervals.
/// </summary>
/// <remarks>
/// <para>The default value of this type (<see cref="None"/>) is a clock never paused.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct PeriodPauses
{
    internal PeriodPauses(int excludedDays, int excludedWorkingDays, LocalDate? runningSince)
    {
        ExcludedDays = excludedDays;
        ExcludedWorkingDays = excludedWorkingDays;
        RunningSince = runningSince;
    }

    /// <summary>A clock never paused.</summary>
    public static PeriodPauses None => default;

    /// <summary>The calendar days of the pauses that ended, not counted in the period.</summary>
    public int ExcludedDays { get; }

    /// <summary>How many of <see cref="ExcludedDays"/> are working days (what a period in working days does not count).</summary>
    public int ExcludedWorkingDays { get; }

    /// <summary>The first day of the pause running now, or <see langword="null"/> while the clock runs.</summary>
    public LocalDate? RunningSince { get; }

    /// <summary>Whether the clock stands still now.</summary>
    public bool IsPaused => RunningSince is not null;

    /// <summary>The clock paused from a day on (that day not counted); a clock already paused stays paused from its first day.</summary>
    /// <param name="day">The first day not counted.</param>
    /// <returns>The paused clock.</returns>
    [Pure]
    public PeriodPauses PausedOn(LocalDate day) => IsPaused ? this : new PeriodPauses(ExcludedDays, ExcludedWorkingDays, day);
}
