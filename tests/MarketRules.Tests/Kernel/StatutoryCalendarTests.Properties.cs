using CsCheck;
using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

public partial class StatutoryCalendarTests
{
    private static readonly LocalDate GenFirst = new(2016, 1, 1);

    // Dates from 2016-01-01 to 2026-06-30, so that 100 working days later is still inside the calendar.
    private static readonly Gen<LocalDate> GenDate = Gen.Int[0, Period.DaysBetween(GenFirst, new LocalDate(2026, 6, 30))].Select(GenFirst.PlusDays);

    [Fact]
    public void AddWorkingDays_AnyDateAndCount_Meets_Specification()
    {
        // The result of N > 0 working days is a working day, and exactly N working days lie after the start up to it.
        Gen.Select(GenDate, Gen.Int[1, 100]).Sample((date, n) =>
        {
            var calendar = StatutoryCalendar.China;
            var result = calendar.AddWorkingDays(date, n);
            return result > date && calendar.IsWorkingDay(result) && calendar.CountWorkingDays(date, result) == n;
        }, iter: 300);
    }

    [Fact]
    public void AddWorkingDays_AgainstADayByDayWalk_Meets_Specification()
    {
        // The index against the obvious (slow) definition: step one day at a time, counting working days.
        Gen.Select(GenDate, Gen.Int[0, 60]).Sample((date, n) =>
        {
            var calendar = StatutoryCalendar.China;
            var walk = date;
            for (var left = n; left > 0;)
            {
                walk = walk.PlusDays(1);
                left -= calendar.IsWorkingDay(walk) ? 1 : 0;
            }
            return calendar.AddWorkingDays(date, n) == walk;
        }, iter: 200);
    }

    [Fact]
    public void AddWorkingDays_LargerCount_Meets_Specification()
    {
        // Deadlines are strictly monotone in N. n + more stays within the 100 working days of headroom GenDate leaves.
        Gen.Select(GenDate, Gen.Int[0, 50], Gen.Int[1, 50]).Sample((date, n, more) =>
            StatutoryCalendar.China.AddWorkingDays(date, n) < StatutoryCalendar.China.AddWorkingDays(date, n + more), iter: 200);
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_AnyDate_Meets_Specification()
    {
        GenDate.Sample(date =>
        {
            var calendar = StatutoryCalendar.China;
            var next = calendar.NextWorkingDayOnOrAfter(date);
            return next >= date && calendar.IsWorkingDay(next) && (next == date || (!calendar.IsWorkingDay(date) && calendar.CountWorkingDays(date, next.PlusDays(-1)) == 0));
        }, iter: 200);
    }
}
