using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// Edges of counting legal periods that mutation testing found unguarded (issue 18): a clock paused for testing, hearing
// or suspension (行政处罚法 第六十条; 程序规定 第十八条第二款: those days are not counted) asked about while the pause
// runs, pauses that run past the calendar's years, and the texts a period is stated in. Each test builds its calculator
// on a calendar read afresh from the embedded data.
public class PeriodCalculatorMutationEdgeTests
{
    private static PeriodCalculator Fresh() => new(CalendarData.LoadEmbedded());

    [Fact]
    public void RunningPause_CountsUpToTheDayBeforeTheQuestion_AndAClockNeverPausedCountsNothing()
    {
        // 2024-03-01 + 90 days ends 2024-05-30 (Thu). Testing since 04-01, asked on 04-06: 04-01 … 04-05 (5 days) are
        // not counted, so the period ends 06-04 (Tue), a working day.
        var periods = Fresh();
        var trigger = Date("2024-03-01");
        var period = LegalPeriod.Days(90);
        var paused = PeriodPauses.None.PausedOn(Date("2024-04-01"));
        var asOf = Date("2024-04-06");
        Assert.True(periods.TryLastDay(trigger, period, paused, asOf, RestDayRule.RollForward, out var lastDay));
        Assert.Equal(Date("2024-06-04"), lastDay);
        Assert.Equal(Date("2024-06-04"), periods.LastDay(trigger, period, paused, asOf, RestDayRule.RollForward));
        var deadline = periods.Deadline(trigger, period, paused, asOf, RestDayRule.RollForward);
        Assert.Equal(5, deadline.ExcludedDays);
        Assert.Equal(Date("2024-06-04"), deadline.LastDay);

        // Not paused: the plain period, in every form.
        Assert.True(periods.TryLastDay(trigger, period, PeriodPauses.None, asOf, RestDayRule.RollForward, out var plain));
        Assert.Equal(Date("2024-05-30"), plain);
        Assert.Equal(Date("2024-05-30"), periods.LastDay(trigger, period, PeriodPauses.None, asOf, RestDayRule.RollForward));
        Assert.Equal(Date("2024-05-30"), periods.LastDay(trigger, period));
        var unpaused = periods.Deadline(trigger, period, PeriodPauses.None, asOf, RestDayRule.RollForward);
        Assert.Equal(0, unpaused.ExcludedDays);
        Assert.Equal(Date("2024-05-30"), unpaused.LastDay);
        Assert.Equal(PeriodPauses.None, periods.Resume(trigger, period, PeriodPauses.None, asOf));
    }

    [Fact]
    public void RunningPause_OfAWorkingDayPeriodWhoseEndTheCalendarCannotReach_IsTheCodedRangeError()
    {
        // 2026-12-01 + 45 working days runs past 2026-12-31, the last day the notices cover: a pause banked on the way
        // must report the calendar's range (naming the day after its last), not drop the pause.
        var periods = Fresh();
        var trigger = Date("2026-12-01");
        var period = LegalPeriod.WorkingDays(45);
        var paused = PeriodPauses.None.PausedOn(Date("2026-12-05"));
        var asOf = Date("2026-12-11");

        Assert.Equal(Date("2027-01-01"), Assert.Throws<CalendarOutOfRangeException>(() => periods.Resume(trigger, period, paused, asOf)).Date);
        Assert.False(periods.TryResume(trigger, period, paused, asOf, out _, out var outside));
        Assert.Equal(Date("2027-01-01"), outside);

        Assert.False(periods.TryLastDay(trigger, period, paused, asOf, RestDayRule.RollForward, out var named));
        Assert.Equal(Date("2027-01-01"), named);
        Assert.Equal(Date("2027-01-01"), Assert.Throws<CalendarOutOfRangeException>(() => periods.LastDay(trigger, period, paused, asOf, RestDayRule.RollForward)).Date);
        Assert.Equal(Date("2027-01-01"), Assert.Throws<CalendarOutOfRangeException>(() => periods.Deadline(trigger, period, paused, asOf, RestDayRule.RollForward)).Date);
        Assert.Equal(Date("2027-01-01"), Assert.Throws<CalendarOutOfRangeException>(() => periods.LastDay(trigger, period)).Date);
        Assert.False(periods.TryLastDay(trigger, period, RestDayRule.RollForward, out var plainNamed));
        Assert.Equal(Date("2027-01-01"), plainNamed);
    }

    [Fact]
    public void Pause_RunningPastTheCalendarsLastDay_IsTheCodedRangeErrorNamingItsEnd()
    {
        // 2026-12-01 + 10 days ends 12-11, inside the calendar; testing from 12-05 to 2027-01-10 lies partly in a year
        // without a notice, so its working days cannot be counted: the coded error names the pause's end.
        var periods = Fresh();
        var trigger = Date("2026-12-01");
        var period = LegalPeriod.Days(10);
        Assert.Equal(Date("2026-12-11"), periods.Deadline(trigger, period).LastDay);
        var error = Assert.Throws<CalendarOutOfRangeException>(() =>
            periods.Deadline(trigger, period, [new DateInterval(Date("2026-12-05"), Date("2027-01-10"))], RestDayRule.RollForward));
        Assert.Equal(Date("2027-01-10"), error.Date);
        // The same pause as a clock resumed on 2027-01-11.
        var clock = PeriodPauses.None.PausedOn(Date("2026-12-05"));
        Assert.Equal(Date("2027-01-10"), Assert.Throws<CalendarOutOfRangeException>(() => periods.Resume(trigger, period, clock, Date("2027-01-11"))).Date);
        // Ending on the calendar's last day, its days are counted: 27 days paused, the period's nominal end moves to
        // 2027-01-07; without the rest-day rule that day is not looked up in the calendar, so it is the answer.
        var untilLastDay = periods.Deadline(trigger, period, [new DateInterval(Date("2026-12-05"), Date("2026-12-31"))], RestDayRule.None);
        Assert.Equal(27, untilLastDay.ExcludedDays);
        Assert.Equal(Date("2027-01-07"), untilLastDay.LastDay);
    }

    [Fact]
    public void Pause_WithoutItsInterval_IsAnArgumentError()
    {
        var periods = Fresh();
        DateInterval[] excluded = [new DateInterval(Date("2024-04-01"), Date("2024-04-10")), null!];
        Assert.Throws<ArgumentNullException>(() => periods.Deadline(Date("2024-03-01"), LegalPeriod.Days(90), excluded, RestDayRule.RollForward));
    }

    [Fact]
    public void SecondPause_WhileOneRuns_DoesNotRestartTheFirst()
    {
        // Testing begun 04-01 and a hearing begun 04-05 while testing still runs: the clock stands still from 04-01.
        var clock = PeriodPauses.None.PausedOn(Date("2024-04-01")).PausedOn(Date("2024-04-05"));
        Assert.Equal(Date("2024-04-01"), clock.RunningSince);
        var periods = Fresh();
        Assert.Equal(10, periods.Resume(Date("2024-03-01"), LegalPeriod.Days(90), clock, Date("2024-04-11")).ExcludedDays);
    }

    [Fact]
    public void NegativePeriod_IsTheCodedErrorNamingTheLength()
    {
        var error = Assert.Single(Assert.Throws<InvalidRuleInputException>(() => LegalPeriod.Days(-1)).Errors);
        Assert.Equal("MR.Period.Negative", error.Code);
        Assert.Equal(new LocalizedText("期间长度不能为负数：-1", "A period cannot be negative: -1"), error.Message);
    }

    [Theory]
    [InlineData(1, PeriodUnit.WorkingDays, "1个工作日", "1 working day", "1 working days")]
    [InlineData(2, PeriodUnit.WorkingDays, "2个工作日", "2 working days", "2 working days")]
    [InlineData(1, PeriodUnit.Days, "1日", "1 day", "1 days")]
    [InlineData(15, PeriodUnit.Days, "15日", "15 days", "15 days")]
    [InlineData(1, PeriodUnit.Months, "1个月", "1 month", "1 months")]
    [InlineData(6, PeriodUnit.Months, "6个月", "6 months", "6 months")]
    [InlineData(1, PeriodUnit.Years, "1年", "1 year", "1 years")]
    [InlineData(2, PeriodUnit.Years, "2年", "2 years", "2 years")]
    [InlineData(1, PeriodUnit.Hours, "1小时", "1 hour", "1 hours")]
    [InlineData(24, PeriodUnit.Hours, "24小时", "24 hours", "24 hours")]
    public void Period_AsAMessageStatesIt_OneInTheSingular(int length, PeriodUnit unit, string chinese, string english, string invariant)
    {
        var period = LegalPeriod.Of(length, unit);
        Assert.Equal(new LocalizedText(chinese, english), period.ToLocalizedText());
        Assert.Equal(invariant, period.ToString());
    }

    [Fact]
    public void LegalDay_WrittenInAnotherCalendarSystem_EndsAtTheSameInstant()
    {
        // The same day in the Gregorian (not ISO) calendar system ends at midnight Asia/Shanghai as well.
        var iso = new LocalDate(2024, 10, 1);
        var gregorian = new LocalDate(2024, 10, 1, CalendarSystem.Gregorian);
        Assert.Equal(Instant.FromUtc(2024, 10, 1, 16, 0), LegalTime.EndOfDay(iso));
        Assert.Equal(LegalTime.EndOfDay(iso), LegalTime.EndOfDay(gregorian));
    }

    [Fact]
    public void RecordedDay_ErasedFromASnapshot_IsNoLongerReported()
    {
        // Bits 0 and 3 recorded; erasing bit 3 leaves bit 0 and reads bit 3 as absent.
        var day = Date("2024-04-01");
        var present = RecordedDays.Write(0, ref day, Date("2024-04-01"), 0);
        var other = Date("2024-05-01");
        present = RecordedDays.Write(3, ref other, Date("2024-05-01"), present);
        Assert.Equal(0b1001, present);
        present = RecordedDays.Write(3, ref other, null, present);
        Assert.Equal(0b0001, present);
        Assert.Null(RecordedDays.Read(present, 3, other));
        Assert.Equal(Date("2024-04-01"), RecordedDays.Read(present, 0, day));
    }
}
