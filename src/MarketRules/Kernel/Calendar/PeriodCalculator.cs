using System.Runtime.CompilerServices;
using MarketRules.Utility;

namespace MarketRules.Calendar;

/// <summary>What happens when a period counted in calendar days, months or years ends on a rest day.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<RestDayRule>))]
public enum RestDayRule
{
    /// <summary>The period ends on the next working day (民法典 第二百零三条; 民事诉讼法 第八十五条). The rule for deadlines to act.</summary>
    RollForward = 0,

    /// <summary>The period ends on its nominal day whatever that day is. For durations that are not deadlines to act (how long a record stays published).</summary>
    None = 1,
}

/// <summary>
/// Computes the ends of legal periods the way Chinese law counts them, on a <see cref="StatutoryCalendar"/>:
/// the day of the triggering event is not counted; a period in days, months or years that ends on a rest day runs
/// to the next working day; working-day periods skip weekends and holidays and count make-up workdays; time that
/// the law excludes (testing, appraisal, hearing, public notice, suspension) pauses the clock.
/// </summary>
/// <remarks>
/// <para>Every computation is O(k) in the number k of excluded intervals, whatever the period's length.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PeriodCalculator
{
    private static readonly Lazy<PeriodCalculator> LazyChina = new(() => new PeriodCalculator(StatutoryCalendar.China));

    /// <summary>Creates a calculator on a calendar.</summary>
    /// <param name="calendar">The statutory calendar.</param>
    public PeriodCalculator(StatutoryCalendar calendar)
    {
        Calendar = Preconditions.CheckNotNull(calendar);
    }

    /// <summary>A calculator on <see cref="StatutoryCalendar.China"/>.</summary>
    public static PeriodCalculator China => LazyChina.Value;

    /// <summary>The calendar.</summary>
    public StatutoryCalendar Calendar { get; }

    /// <summary>Computes the end of a period counted from the day of an event.</summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period; for <see cref="PeriodUnit.Hours"/>, counted from the start of the day after <paramref name="trigger"/>.</param>
    /// <param name="rule">What to do when the period ends on a rest day.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(LocalDate trigger, LegalPeriod period, RestDayRule rule) =>
        Deadline(trigger, period, ReadOnlySpan<DateInterval>.Empty, rule);

    /// <summary>Computes the end of a period counted from the day of an event; a period in days, months or years that ends on a rest day runs to the next working day.</summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(LocalDate trigger, LegalPeriod period) =>
        Deadline(trigger, period, ReadOnlySpan<DateInterval>.Empty, RestDayRule.RollForward);

    /// <summary>Computes the end of a period that was paused for some intervals.</summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period.</param>
    /// <param name="excluded">The days not counted (both ends included); they may come in any order and overlap. Days on or before <paramref name="trigger"/> are ignored.</param>
    /// <param name="rule">What to do when the period ends on a rest day.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(LocalDate trigger, LegalPeriod period, ReadOnlySpan<DateInterval> excluded, RestDayRule rule)
    {
        if (period.Unit == PeriodUnit.Hours)
        {
            return Deadline(LegalTime.StartOfDay(trigger.PlusDays(1)), period, excluded, rule);
        }
        if (excluded.IsEmpty)
        {
            // Nothing paused: nothing to normalise or bank (most deadlines).
            return DeadlineOf(trigger, period, PeriodPauses.None, rule);
        }
        Span<(LocalDate Start, LocalDate End)> pauses = excluded.Length <= 16 ? stackalloc (LocalDate, LocalDate)[excluded.Length] : new (LocalDate, LocalDate)[excluded.Length];
        var count = NormalisePauses(trigger, excluded, pauses);
        var banked = PeriodPauses.None;
        foreach (var (start, end) in pauses[..count])
        {
            banked = Bank(trigger, period, banked, start, end);
        }
        return DeadlineOf(trigger, period, banked, rule);
    }

    /// <summary>Computes the end of a period whose clock was paused, as of a day: the pauses that ended, and the one running, up to the day before <paramref name="asOf"/>.</summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period.</param>
    /// <param name="pauses">The clock's pauses, banked by <see cref="Resume"/>.</param>
    /// <param name="asOf">The day of the question: a running pause counts up to the day before it, as if the clock ran again that day.</param>
    /// <param name="rule">What to do when the period ends on a rest day.</param>
    /// <returns>The deadline; the same as for the list of the pauses' intervals.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate asOf, RestDayRule rule)
    {
        if (period.Unit == PeriodUnit.Hours)
        {
            return Deadline(trigger, period, ReadOnlySpan<DateInterval>.Empty, rule);
        }
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var banked = pauses.RunningSince.HasValue ? Bank(trigger, period, pauses, pauses.RunningSince.Value, asOf.PlusDays(-1)) : pauses;
        return DeadlineOf(trigger, period, banked, rule);
    }

    /// <summary>Ends the running pause of a period's clock and banks the days it excluded.</summary>
    /// <param name="trigger">The day of the period's triggering event (days up to it are never counted, so never excluded).</param>
    /// <param name="period">The period (a pause that starts after it has run out does not bring it back).</param>
    /// <param name="pauses">The clock.</param>
    /// <param name="resumedOn">The day the clock runs again (counted).</param>
    /// <returns>The clock running, with the pause banked; <paramref name="pauses"/> itself when it was not paused.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    [System.Diagnostics.Contracts.Pure]
    public PeriodPauses Resume(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate resumedOn)
    {
        // Read without out variables in the conditional: a mutation tool that guards it would leave them unassigned (CS0165).
        var inRange = TryResume(trigger, period, pauses, resumedOn, out var resumed, out var outside);
        return inRange ? resumed : throw Calendar.OutOfRange(outside);
    }

    /// <summary>
    /// <see cref="Resume"/> without throwing for a date outside the calendar: for a decision that reports the
    /// calendar's range as its coded error (<see cref="StatutoryCalendar.OutOfRangeError"/>) instead of catching an exception.
    /// </summary>
    /// <param name="trigger">The day of the period's triggering event.</param>
    /// <param name="period">The period.</param>
    /// <param name="pauses">The clock.</param>
    /// <param name="resumedOn">The day the clock runs again (counted).</param>
    /// <param name="resumed">The clock running, with the pause banked.</param>
    /// <param name="outside">When the answer is <see langword="false"/>, the date outside the calendar that <see cref="Resume"/> would have named.</param>
    /// <returns><see langword="false"/> when the computation reaches a date outside the calendar's years.</returns>
    internal bool TryResume(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate resumedOn, out PeriodPauses resumed, out LocalDate outside)
    {
        outside = default;
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (!pauses.RunningSince.HasValue)
        {
            resumed = pauses;
            return true;
        }
        var banked = pauses;
        if (period.Unit != PeriodUnit.Hours && !TryBank(trigger, period, pauses, pauses.RunningSince.Value, resumedOn.PlusDays(-1), out banked, out outside))
        {
            resumed = pauses;
            return false;
        }
        resumed = new PeriodPauses(banked.ExcludedDays, banked.ExcludedWorkingDays, null);
        return true;
    }

    // The one rule for a pause, whether it comes from a list of intervals or from a clock banked event by event: the days
    // from its first counted day to its end are not counted — unless the period had already run out before it began.
    private PeriodPauses Bank(LocalDate trigger, LegalPeriod period, PeriodPauses banked, LocalDate start, LocalDate end)
    {
        // Read without out variables in the conditional, as in Resume.
        var inRange = TryBank(trigger, period, banked, start, end, out var result, out var outside);
        return inRange ? result : throw Calendar.OutOfRange(outside);
    }

    // Bank's one rule, reporting a date outside the calendar instead of throwing (outside: the date the error names).
    private bool TryBank(LocalDate trigger, LegalPeriod period, PeriodPauses banked, LocalDate start, LocalDate end, out PeriodPauses result, out LocalDate outside)
    {
        result = banked;
        var firstCounted = trigger.PlusDays(1);
        if (start < firstCounted)
        {
            start = firstCounted;
        }
        if (end < start)
        {
            outside = default;
            return true;
        }
        if (!TryNominal(trigger, period, banked, out var nominal))
        {
            outside = nominal;
            return false;
        }
        if (start > nominal)
        {
            outside = default;
            return true;
        }
        if (!Calendar.TryCountWorkingDays(start.PlusDays(-1), end, out var working, out outside))
        {
            return false;
        }
        result = new PeriodPauses(banked.ExcludedDays + Period.DaysBetween(start, end) + 1, banked.ExcludedWorkingDays + working, banked.RunningSince);
        return true;
    }

    // The nominal last day with the banked pauses not counted: a working-day period counts past the working days paused,
    // a period in days past the days paused, and one in months or years is extended by the days paused. False (with
    // the date outside the calendar) only when counting working days leaves the calendar.
    private bool TryNominal(LocalDate trigger, LegalPeriod period, PeriodPauses banked, out LocalDate nominal)
    {
        switch (period.Unit)
        {
            case PeriodUnit.WorkingDays:
                return Calendar.TryAddWorkingDays(trigger, period.Length + banked.ExcludedWorkingDays, out nominal);
            case PeriodUnit.Days:
                // NodaTime's own arithmetic: reading the day from the calendar's index (looking up the date's offset first)
                // measured slower for the short periods cases count (Apply 168 vs 271 ns idle, session 9).
                nominal = trigger.PlusDays(period.Length + banked.ExcludedDays);
                return true;
            case PeriodUnit.Months:
                nominal = trigger.PlusMonths(period.Length).PlusDays(banked.ExcludedDays);
                return true;
            default:
                nominal = trigger.PlusYears(period.Length).PlusDays(banked.ExcludedDays);
                return true;
        }
    }

    private LegalDeadline DeadlineOf(LocalDate trigger, LegalPeriod period, PeriodPauses banked, RestDayRule rule)
    {
        var lastDay = LastDayOf(trigger, period, banked, rule, out var nominal);
        return new LegalDeadline(trigger, period, nominal, lastDay, banked.ExcludedDays, LegalTime.EndOfDay(lastDay));
    }

    // The one rule for the last day of a day-based period (a deadline is this plus how it was reached and the instant
    // it runs out): the nominal day, rolled to the next working day when the rule says so and it is a rest day.
    private LocalDate LastDayOf(LocalDate trigger, LegalPeriod period, PeriodPauses banked, RestDayRule rule, out LocalDate nominal)
    {
        // Read without out variables in the conditional, as in Resume.
        var inRange = TryLastDayOf(trigger, period, banked, rule, out var lastDay, out nominal);
        return inRange ? lastDay : throw Calendar.OutOfRange(lastDay);
    }

    // LastDayOf's one rule, reporting a date outside the calendar instead of throwing (in lastDay: the date the error names).
    // Never inlined: .NET 10.0.12's Tier-1 JIT with (synthesized) PGO, inlining this method through DeadlineOf into
    // CaseController.VerificationDeadline, read the caller's `nominal` slot into `lastDay` *before* the call to TryNominal
    // that fills it, so every warmed-up case answered a lead-verification deadline of 0001-01-01 (it showed as CI failures
    // under load; DOTNET_TieredPGO=0 or this attribute make it vanish). The tests run with tiering's delay at zero
    // (tests/jit-warm.runsettings) so that warmed-up code is what they check (docs/decisions/0025-tested-as-jitted-in-service.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryLastDayOf(LocalDate trigger, LegalPeriod period, PeriodPauses banked, RestDayRule rule, out LocalDate lastDay, out LocalDate nominal)
    {
        if (!TryNominal(trigger, period, banked, out nominal))
        {
            lastDay = nominal;
            return false;
        }
        // Each way out assigns the answer itself, and the next working day is read into its own local: written as one
        // expression (`lastDay = nominal; return working || TryNext(nominal, out lastDay)`), a CI run under heavy load
        // returned 0001-01-01 for a working day, as if the first store had been dropped (2026-12-07; not reproduced since).
        if (rule != RestDayRule.RollForward || period.Unit == PeriodUnit.WorkingDays)
        {
            lastDay = nominal;
            return true;
        }
        if (!Calendar.TryGetDayKind(nominal, out var kind))
        {
            lastDay = nominal;
            return false;
        }
        if (kind is DayKind.WorkingDay or DayKind.MakeUpWorkday)
        {
            lastDay = nominal;
            return true;
        }
        var found = Calendar.TryNextWorkingDayOnOrAfter(nominal, out var next);
        lastDay = next;
        return found;
    }

    /// <summary>
    /// The last day of a period, as <see cref="Deadline(LocalDate, LegalPeriod, RestDayRule)"/> computes it, without the
    /// rest of the deadline (for a decision that only compares a day with it).
    /// </summary>
    internal LocalDate LastDay(LocalDate trigger, LegalPeriod period, RestDayRule rule = RestDayRule.RollForward)
    {
        // Read without out variables in the conditional, as in Resume.
        var inRange = TryLastDay(trigger, period, rule, out var lastDay);
        return inRange ? lastDay : throw Calendar.OutOfRange(lastDay);
    }

    /// <summary>
    /// The last day of a paused period as of a day, as
    /// <see cref="Deadline(LocalDate, LegalPeriod, PeriodPauses, LocalDate, RestDayRule)"/> computes it, without the rest of the deadline.
    /// </summary>
    internal LocalDate LastDay(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate asOf, RestDayRule rule)
    {
        // Read without out variables in the conditional, as in Resume.
        var inRange = TryLastDay(trigger, period, pauses, asOf, rule, out var lastDay);
        return inRange ? lastDay : throw Calendar.OutOfRange(lastDay);
    }

    /// <summary>
    /// <see cref="LastDay(LocalDate, LegalPeriod, RestDayRule)"/> without throwing for a date outside the calendar: for
    /// a decision that reports the calendar's range as its coded error (<see cref="StatutoryCalendar.OutOfRangeError"/>)
    /// instead of catching an exception on its path.
    /// </summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period.</param>
    /// <param name="rule">What to do when the period ends on a rest day.</param>
    /// <param name="lastDay">The last day; when the answer is <see langword="false"/>, the date outside the calendar that the throwing form would have named.</param>
    /// <returns><see langword="false"/> when the computation reaches a date outside the calendar's years.</returns>
    internal bool TryLastDay(LocalDate trigger, LegalPeriod period, RestDayRule rule, out LocalDate lastDay)
    {
        if (period.Unit == PeriodUnit.Hours)
        {
            // Hours are counted on the clock, never on the calendar.
            lastDay = Deadline(trigger, period, rule).LastDay;
            return true;
        }
        return TryLastDayOf(trigger, period, PeriodPauses.None, rule, out lastDay, out _);
    }

    /// <summary>
    /// <see cref="LastDay(LocalDate, LegalPeriod, PeriodPauses, LocalDate, RestDayRule)"/> without throwing for a date
    /// outside the calendar (as <see cref="TryLastDay(LocalDate, LegalPeriod, RestDayRule, out LocalDate)"/>).
    /// </summary>
    /// <param name="trigger">The day of the triggering event (not counted).</param>
    /// <param name="period">The period.</param>
    /// <param name="pauses">The clock's pauses.</param>
    /// <param name="asOf">The day of the question.</param>
    /// <param name="rule">What to do when the period ends on a rest day.</param>
    /// <param name="lastDay">The last day; when the answer is <see langword="false"/>, the date outside the calendar that the throwing form would have named.</param>
    /// <returns><see langword="false"/> when the computation reaches a date outside the calendar's years.</returns>
    internal bool TryLastDay(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate asOf, RestDayRule rule, out LocalDate lastDay)
    {
        if (period.Unit == PeriodUnit.Hours)
        {
            lastDay = Deadline(trigger, period, pauses, asOf, rule).LastDay;
            return true;
        }
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165),
        // and the day assigned first, so that the out parameter is assigned on every path of a guarded condition (CS0177).
        lastDay = default;
        var banked = pauses;
        if (pauses.RunningSince.HasValue && !TryBank(trigger, period, pauses, pauses.RunningSince.Value, asOf.PlusDays(-1), out banked, out lastDay))
        {
            return false;
        }
        return TryLastDayOf(trigger, period, banked, rule, out lastDay, out _);
    }

    /// <summary>Computes the end of a period counted from the instant of an event (hours from the instant, days from its legal date).</summary>
    /// <param name="trigger">The instant of the event.</param>
    /// <param name="period">The period.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(Instant trigger, LegalPeriod period) => Deadline(trigger, period, ReadOnlySpan<DateInterval>.Empty, RestDayRule.RollForward);

    /// <summary>Computes the end of a period counted from the instant of an event.</summary>
    /// <param name="trigger">The instant of the event.</param>
    /// <param name="period">The period. Hours are added to the instant; other units count from the event's legal date (Asia/Shanghai).</param>
    /// <param name="excluded">For day-based periods, the days not counted; for hour periods, ignored.</param>
    /// <param name="rule">What to do when a day-based period ends on a rest day.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when the computation reaches a date outside the calendar's years.</exception>
    public LegalDeadline Deadline(Instant trigger, LegalPeriod period, ReadOnlySpan<DateInterval> excluded, RestDayRule rule)
    {
        if (period.Unit != PeriodUnit.Hours)
        {
            return Deadline(LegalTime.DateOf(trigger), period, excluded, rule);
        }
        var expires = trigger.Plus(Duration.FromHours(period.Length));
        var lastDay = LegalTime.DateOf(expires - Duration.Epsilon);
        return new LegalDeadline(LegalTime.DateOf(trigger), period, lastDay, lastDay, 0, expires);
    }

    private static int NormalisePauses(LocalDate trigger, ReadOnlySpan<DateInterval> excluded, Span<(LocalDate Start, LocalDate End)> pauses)
    {
        var count = 0;
        var firstCounted = trigger.PlusDays(1);
        foreach (var interval in excluded)
        {
            Preconditions.CheckNotNull(interval);
            if (interval.End < firstCounted)
            {
                continue;
            }
            pauses[count++] = (interval.Start < firstCounted ? firstCounted : interval.Start, interval.End);
        }
        pauses[..count].Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = 0;
        for (var i = 0; i < count; i++)
        {
            if (merged > 0 && pauses[i].Start <= pauses[merged - 1].End.PlusDays(1))
            {
                if (pauses[i].End > pauses[merged - 1].End)
                {
                    pauses[merged - 1] = (pauses[merged - 1].Start, pauses[i].End);
                }
            }
            else
            {
                pauses[merged++] = pauses[i];
            }
        }
        return merged;
    }
}
