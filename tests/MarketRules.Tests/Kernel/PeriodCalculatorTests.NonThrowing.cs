using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

// The non-throwing forms a decision uses to report the calendar's range as a coded error (issue 11, session 11): each
// must give the throwing form's answer where it has one, and where it throws, the date its error names.
public partial class PeriodCalculatorTests
{
    private static readonly LegalPeriod[] NearTheEdgePeriods =
    [
        LegalPeriod.WorkingDays(0), LegalPeriod.WorkingDays(7), LegalPeriod.WorkingDays(45), LegalPeriod.Of(10, PeriodUnit.Days),
        LegalPeriod.Of(60, PeriodUnit.Days), LegalPeriod.Of(3, PeriodUnit.Months), LegalPeriod.Of(3, PeriodUnit.Years), LegalPeriod.Of(24, PeriodUnit.Hours),
    ];

    // Triggers on both edges of the calendar and outside it, where the counts leave its years.
    private static IEnumerable<LocalDate> EdgeTriggers(StatutoryCalendar calendar)
    {
        for (var d = calendar.FirstDay.PlusDays(-3); d <= calendar.FirstDay.PlusDays(3); d = d.PlusDays(1))
        {
            yield return d;
        }
        for (var d = calendar.LastDay.PlusDays(-100); d <= calendar.LastDay.PlusDays(2); d = d.PlusDays(1))
        {
            yield return d;
        }
    }

    [Fact]
    public void TryLastDay_GivesTheThrowingFormsAnswer_OrTheDateItsErrorNames()
    {
        var periods = new PeriodCalculator(StatutoryCalendar.China);
        var (answered, failed) = (0, 0);
        foreach (var trigger in EdgeTriggers(periods.Calendar))
        {
            foreach (var period in NearTheEdgePeriods)
            {
                foreach (var rule in new[] { RestDayRule.RollForward, RestDayRule.None })
                {
                    var ok = periods.TryLastDay(trigger, period, rule, out var day);
                    var exception = Record.Exception(() => periods.LastDay(trigger, period, rule));
                    Check(ok, day, exception, () => periods.LastDay(trigger, period, rule), periods.Calendar);
                    // The paused form: a pause running since three days after the trigger, asked ten days later.
                    var pauses = PeriodPauses.None.PausedOn(trigger.PlusDays(3));
                    var pausedOk = periods.TryLastDay(trigger, period, pauses, trigger.PlusDays(10), rule, out var pausedDay);
                    var pausedException = Record.Exception(() => periods.LastDay(trigger, period, pauses, trigger.PlusDays(10), rule));
                    Check(pausedOk, pausedDay, pausedException, () => periods.LastDay(trigger, period, pauses, trigger.PlusDays(10), rule), periods.Calendar);
                    (answered, failed) = ok ? (answered + 1, failed) : (answered, failed + 1);
                }
            }
        }
        // Both outcomes were exercised.
        Assert.True(answered > 100 && failed > 100, $"answered {answered}, failed {failed}");
    }

    [Fact]
    public void TryResume_GivesTheThrowingFormsAnswer_OrTheDateItsErrorNames()
    {
        var periods = new PeriodCalculator(StatutoryCalendar.China);
        var failed = 0;
        foreach (var trigger in EdgeTriggers(periods.Calendar))
        {
            foreach (var period in NearTheEdgePeriods)
            {
                var pauses = PeriodPauses.None.PausedOn(trigger.PlusDays(2));
                var resumedOn = trigger.PlusDays(8);
                var ok = periods.TryResume(trigger, period, pauses, resumedOn, out var resumed, out var outside);
                var exception = Record.Exception(() => periods.Resume(trigger, period, pauses, resumedOn));
                if (ok)
                {
                    Assert.Null(exception);
                    Assert.Equal(periods.Resume(trigger, period, pauses, resumedOn), resumed);
                }
                else
                {
                    failed++;
                    var range = Assert.IsType<CalendarOutOfRangeException>(exception);
                    Assert.Equal(range.Date, outside);
                    Assert.Equal(range.Errors[0].Message, periods.Calendar.OutOfRangeError(outside).Message);
                }
            }
        }
        Assert.True(failed > 0);
    }

    private static void Check(bool ok, LocalDate day, Exception? exception, Func<LocalDate> throwing, StatutoryCalendar calendar)
    {
        if (ok)
        {
            Assert.Null(exception);
            Assert.Equal(throwing(), day);
            return;
        }
        var range = Assert.IsType<CalendarOutOfRangeException>(exception);
        Assert.Equal(range.Date, day);
        Assert.False(calendar.Covers(day));
        var error = calendar.OutOfRangeError(day);
        Assert.Equal(range.Errors[0].Code, error.Code);
        Assert.Equal(range.Errors[0].Message, error.Message);
    }
}
