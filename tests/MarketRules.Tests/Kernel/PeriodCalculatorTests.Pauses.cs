using CsCheck;
using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// One rule for a paused clock, whether the pauses come as a list of intervals or are banked event by event as a case or
// a complaint carries them (行政处罚法 第六十条 and 程序规定 第十八条第二款: the days of testing, inspection, quarantine,
// appraisal, the hearing and suspension are not counted).
public partial class PeriodCalculatorTests
{
    [Fact]
    public void PausedClock_BankedEventByEvent_EqualsTheListOfItsPauses_AndTheDayByDayCount()
    {
        var first = new LocalDate(2016, 1, 1);
        var genUnit = Gen.Int[0, 3].Select(i => (PeriodUnit)new[] { PeriodUnit.Days, PeriodUnit.WorkingDays, PeriodUnit.Months, PeriodUnit.Years }[i]);
        // Up to three pauses one after the other (a clock is paused by one event and resumed by the next), starting
        // anywhere from before the trigger to well after the period's end.
        var genPauses = Gen.Select(Gen.Int[-5, 60], Gen.Int[1, 25]).Array[0, 3];
        Gen.Select(Gen.Int[0, 3200].Select(first.PlusDays), Gen.Int[0, 40], genUnit, genPauses, Gen.Int[0, 30]).Sample((trigger, length, unit, gaps, askedAfter) =>
        {
            // Every date reached stays inside the embedded calendar (2016–2026): triggers up to 2024-10, a year at most.
            var period = LegalPeriod.Of(unit == PeriodUnit.Months ? length / 20 : unit == PeriodUnit.Years ? length / 40 : length, unit);
            var intervals = new List<DateInterval>();
            var clock = PeriodPauses.None;
            var cursor = trigger;
            foreach (var (gap, days) in gaps)
            {
                var start = cursor.PlusDays(intervals.Count == 0 ? gap : Math.Abs(gap));
                var resumed = start.PlusDays(days);
                clock = Periods.Resume(trigger, period, clock.PausedOn(start), resumed);
                intervals.Add(new DateInterval(start, resumed.PlusDays(-1)));
                cursor = resumed;
            }
            var fromList = Periods.Deadline(trigger, period, intervals.ToArray(), RestDayRule.RollForward);
            Assert.Equal(fromList, Periods.Deadline(trigger, period, clock, trigger, RestDayRule.RollForward));
            Assert.False(clock.IsPaused);

            // A pause still running, asked about on a later day: as if the clock ran again that day.
            var since = cursor.PlusDays(askedAfter % 7);
            var asOf = since.PlusDays(askedAfter);
            var running = Periods.Deadline(trigger, period, clock.PausedOn(since), asOf, RestDayRule.RollForward);
            DateInterval[] asList = asOf > since ? [.. intervals, new DateInterval(since, asOf.PlusDays(-1))] : intervals.ToArray();
            Assert.Equal(Periods.Deadline(trigger, period, asList, RestDayRule.RollForward), running);

            // For periods in days and working days, the same end as counting one day at a time: a day inside a pause is
            // not counted, and a pause that begins after the period has run out is never reached.
            if (unit is PeriodUnit.Days or PeriodUnit.WorkingDays)
            {
                var day = trigger;
                var counted = 0;
                while (counted < period.Length)
                {
                    day = day.PlusDays(1);
                    var paused = intervals.Any(i => i.Contains(day));
                    if (!paused && (unit == PeriodUnit.Days || Periods.Calendar.IsWorkingDay(day)))
                    {
                        counted++;
                    }
                }
                Assert.Equal(day, fromList.NominalLastDay);
                var excluded = 0;
                foreach (var i in intervals)
                {
                    var start = i.Start < trigger.PlusDays(1) ? trigger.PlusDays(1) : i.Start;
                    excluded += start <= day && start <= i.End ? Period.DaysBetween(start, i.End) + 1 : 0;
                }
                Assert.Equal(excluded, fromList.ExcludedDays);
            }
        }, iter: 400);
    }

    [Fact]
    public void PausedClock_APauseBegunAfterThePeriodRanOut_DoesNotBringItBack()
    {
        // 2024-03-01 + 90 days ends 2024-05-30; testing from 06-03 to 06-12 comes too late to stop a clock that has run out.
        var trigger = Date("2024-03-01");
        var period = LegalPeriod.Days(90);
        var clock = Periods.Resume(trigger, period, PeriodPauses.None.PausedOn(Date("2024-06-03")), Date("2024-06-13"));
        Assert.Equal(PeriodPauses.None, clock);
        Assert.Equal(Date("2024-05-30"), Periods.Deadline(trigger, period, clock, Date("2024-06-20"), RestDayRule.RollForward).LastDay);
        // Begun on the last day itself, it still stops the clock: that day is not counted and one more day is owed.
        var onLastDay = Periods.Resume(trigger, period, PeriodPauses.None.PausedOn(Date("2024-05-30")), Date("2024-05-31"));
        Assert.Equal(1, onLastDay.ExcludedDays);
        Assert.Equal(Date("2024-05-31"), Periods.Deadline(trigger, period, onLastDay, Date("2024-06-20"), RestDayRule.RollForward).LastDay);
    }

    [Fact]
    public void PausedClock_PausedOnTheTriggerDay_StopsTheClockOnlyFromTheNextDay()
    {
        // 2024-05-06 (Mon) + 10 working days, paused 05-06..05-07: only 05-07 (a working day) is excluded, since the
        // trigger's own day is never counted.
        var trigger = Date("2024-05-06");
        var clock = Periods.Resume(trigger, LegalPeriod.WorkingDays(10), PeriodPauses.None.PausedOn(trigger), Date("2024-05-08"));
        Assert.Equal(1, clock.ExcludedDays);
        Assert.Equal(1, clock.ExcludedWorkingDays);
        Assert.Equal(PeriodPauses.None, Periods.Resume(trigger, LegalPeriod.WorkingDays(10), PeriodPauses.None, Date("2024-05-08")));
    }
}
