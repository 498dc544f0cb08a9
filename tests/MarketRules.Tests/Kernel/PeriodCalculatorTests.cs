using CsCheck;
using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// Every expected date below was counted by hand on the State Council notices; the counting rules are the Civil
// Code's (民法典 第二百零一条: the trigger day is not counted; 第二百零三条: a period ending on a rest day runs to the
// next working day) and the Administrative Penalty Law's (第八十五条: "2, 3, 5, 7 日" are working days).
public partial class PeriodCalculatorTests
{
    private static readonly PeriodCalculator Periods = PeriodCalculator.China;

    [Fact]
    public void Deadline_FifteenWorkingDaysBeforeNationalDay2025_SkipsTheHolidayAndCountsMakeUpDays()
    {
        // 2025-09-26 (Fri): 09-28 (Sun, make-up) 1, 09-29 2, 09-30 3, 10-01..08 rest, 10-09 4, 10-10 5,
        // 10-11 (Sat, make-up) 6, 10-13..17 7–11, 10-20..23 12–15.
        var deadline = Periods.Deadline(Date("2025-09-26"), LegalPeriod.WorkingDays(15));
        Assert.Equal(Date("2025-10-23"), deadline.LastDay);
        Assert.False(deadline.RolledForward);
        Assert.Equal(0, deadline.ExcludedDays);
        Assert.Equal(Date("2025-09-26"), deadline.Trigger);
    }

    [Fact]
    public void Deadline_FiveWorkingDaysOverAMakeUpSaturday_CountsTheSaturday()
    {
        // 2024-10-09 (Wed): 10-10 1, 10-11 2, 10-12 (Sat, make-up) 3, 10-14 4, 10-15 5.
        var deadline = Periods.Deadline(Date("2024-10-09"), LegalPeriod.WorkingDays(5));
        Assert.Equal(Date("2024-10-15"), deadline.LastDay);
    }

    [Fact]
    public void Deadline_FifteenDaysEndingOnASunday_RollsToMonday()
    {
        // 2024-06-01 + 15 days = 2024-06-16, an ordinary Sunday → Monday 06-17 (民法典 第二百零三条).
        var deadline = Periods.Deadline(Date("2024-06-01"), LegalPeriod.Days(15));
        Assert.Equal(Date("2024-06-16"), deadline.NominalLastDay);
        Assert.Equal(Date("2024-06-17"), deadline.LastDay);
        Assert.True(deadline.RolledForward);
        Assert.Equal(LegalTime.StartOfDay(Date("2024-06-18")), deadline.ExpiresAt);
    }

    [Fact]
    public void Deadline_FifteenDaysEndingOnNationalDay_RollsPastTheWholeHoliday()
    {
        // 2024-09-16 + 15 days = 2024-10-01; 10-01..07 rest → 10-08.
        var deadline = Periods.Deadline(Date("2024-09-16"), LegalPeriod.Days(15));
        Assert.Equal(Date("2024-10-01"), deadline.NominalLastDay);
        Assert.Equal(Date("2024-10-08"), deadline.LastDay);
    }

    [Fact]
    public void Deadline_RestDayRuleNone_KeepsTheNominalDay()
    {
        var deadline = Periods.Deadline(Date("2024-06-01"), LegalPeriod.Days(15), RestDayRule.None);
        Assert.Equal(Date("2024-06-16"), deadline.LastDay);
        Assert.False(deadline.RolledForward);
    }

    [Fact]
    public void Deadline_NinetyDaysPausedForTwentyDaysOfTesting_EndsTwentyDaysLater()
    {
        // 2024-03-01 + 90 days = 2024-05-30 (Thu). Testing from 04-01 to 04-20 (20 days) is not counted:
        // 30 days run to 03-31, the clock stops, 60 more run from 04-21 to 06-19 (Wed, a working day).
        var testing = new DateInterval(Date("2024-04-01"), Date("2024-04-20"));
        var plain = Periods.Deadline(Date("2024-03-01"), LegalPeriod.Days(90));
        var paused = Periods.Deadline(Date("2024-03-01"), LegalPeriod.Days(90), [testing], RestDayRule.RollForward);
        Assert.Equal(Date("2024-05-30"), plain.LastDay);
        Assert.Equal(Date("2024-06-19"), paused.LastDay);
        Assert.Equal(20, paused.ExcludedDays);
    }

    [Fact]
    public void Deadline_PausesOverlappingAndUnordered_CountEachDayOnce()
    {
        // 04-01..04-10 and 04-05..04-20 merge into 04-01..04-20: the same 20 days as one pause.
        DateInterval[] pauses = [new(Date("2024-04-05"), Date("2024-04-20")), new(Date("2024-04-01"), Date("2024-04-10"))];
        var deadline = Periods.Deadline(Date("2024-03-01"), LegalPeriod.Days(90), pauses, RestDayRule.RollForward);
        Assert.Equal(Date("2024-06-19"), deadline.LastDay);
        Assert.Equal(20, deadline.ExcludedDays);
    }

    [Fact]
    public void Deadline_PauseAfterThePeriodEnds_ChangesNothing()
    {
        var late = new DateInterval(Date("2024-07-01"), Date("2024-07-20"));
        var deadline = Periods.Deadline(Date("2024-03-01"), LegalPeriod.Days(90), [late], RestDayRule.RollForward);
        Assert.Equal(Date("2024-05-30"), deadline.LastDay);
        Assert.Equal(0, deadline.ExcludedDays);
    }

    [Fact]
    public void Deadline_WorkingDaysPausedForAWeek_ResumeAfterThePause()
    {
        // 2024-05-06 (Mon) + 10 working days, hearing 05-08..05-14 not counted: 05-07 1, [pause], 05-15 2 … 05-24 9,
        // 05-27 10. (05-11, Sat, is a make-up workday but falls inside the pause.)
        var hearing = new DateInterval(Date("2024-05-08"), Date("2024-05-14"));
        var deadline = Periods.Deadline(Date("2024-05-06"), LegalPeriod.WorkingDays(10), [hearing], RestDayRule.RollForward);
        Assert.Equal(Date("2024-05-27"), deadline.LastDay);
        Assert.Equal(7, deadline.ExcludedDays);
    }

    [Theory]
    // 民法典 第二百零二条: the corresponding day of the last month, or its last day when there is none.
    [InlineData("2024-01-31", 1, "2024-02-29")] // leap year; Thursday
    [InlineData("2023-01-31", 1, "2023-02-28")] // Tuesday
    [InlineData("2024-03-31", 1, "2024-04-30")] // Tuesday
    [InlineData("2024-08-31", 1, "2024-09-30")] // Monday, a working day between Mid-Autumn and National Day
    [InlineData("2024-05-31", 1, "2024-07-01")] // 06-30 is a Sunday → Monday 07-01
    public void Deadline_Months_EndOnTheCorrespondingOrLastDay(string trigger, int months, string expected)
    {
        Assert.Equal(Date(expected), Periods.Deadline(Date(trigger), LegalPeriod.Months(months)).LastDay);
    }

    [Theory]
    [InlineData("2024-02-29", 1, "2025-02-28")] // no 29 February in 2025; Friday
    [InlineData("2023-10-01", 1, "2024-10-08")] // 2024-10-01 is National Day → 10-08
    [InlineData("2021-06-15", 3, "2024-06-17")] // 2024-06-15 is a Saturday → Monday 06-17
    public void Deadline_Years_EndOnTheCorrespondingDayOrTheNextWorkingDay(string trigger, int years, string expected)
    {
        Assert.Equal(Date(expected), Periods.Deadline(Date(trigger), LegalPeriod.Years(years)).LastDay);
    }

    [Fact]
    public void Deadline_TwentyFourHoursFromAUtcInstant_CountsInShanghaiTime()
    {
        // 2024-10-08T16:30Z is 2024-10-09 00:30 in Shanghai: the legal date of the event is 10-09, not 10-08.
        var seized = Instant.FromUtc(2024, 10, 8, 16, 30);
        var deadline = Periods.Deadline(seized, LegalPeriod.Hours(24));
        Assert.Equal(Date("2024-10-09"), deadline.Trigger);
        Assert.Equal(Instant.FromUtc(2024, 10, 9, 16, 30), deadline.ExpiresAt);
        Assert.Equal(Date("2024-10-10"), deadline.LastDay);
        Assert.False(deadline.IsOverdueAt(Instant.FromUtc(2024, 10, 9, 16, 29)));
        Assert.True(deadline.IsOverdueAt(Instant.FromUtc(2024, 10, 9, 16, 30)));
    }

    [Fact]
    public void Deadline_HoursEndingAtMidnight_LastDayIsTheDayBefore()
    {
        // 2024-06-30T16:00Z = 2024-07-01 00:00 Shanghai; +24 h ends at 07-02 00:00, so the last day is 07-01.
        var deadline = Periods.Deadline(Instant.FromUtc(2024, 6, 30, 16, 0), LegalPeriod.Hours(24));
        Assert.Equal(Date("2024-07-01"), deadline.LastDay);
        Assert.Equal(LegalTime.EndOfDay(Date("2024-07-01")), deadline.ExpiresAt);
    }

    [Fact]
    public void Deadline_DaysFromAnInstant_CountFromTheShanghaiDate()
    {
        // 2024-09-27T17:00Z is 2024-09-28 01:00 in Shanghai (a Saturday): 15 working days from 09-28.
        var deadline = Periods.Deadline(Instant.FromUtc(2024, 9, 27, 17, 0), LegalPeriod.WorkingDays(15));
        Assert.Equal(Date("2024-09-28"), deadline.Trigger);
        Assert.Equal(Periods.Deadline(Date("2024-09-28"), LegalPeriod.WorkingDays(15)).LastDay, deadline.LastDay);
    }

    [Theory]
    [InlineData(2, PeriodUnit.WorkingDays)]
    [InlineData(3, PeriodUnit.WorkingDays)]
    [InlineData(5, PeriodUnit.WorkingDays)]
    [InlineData(7, PeriodUnit.WorkingDays)]
    [InlineData(1, PeriodUnit.Days)]
    [InlineData(10, PeriodUnit.Days)]
    [InlineData(15, PeriodUnit.Days)]
    [InlineData(60, PeriodUnit.Days)]
    public void UnderAdministrativePenaltyLaw_TwoThreeFiveSeven_AreWorkingDays(int days, PeriodUnit expected)
    {
        var period = LegalPeriod.UnderAdministrativePenaltyLaw(days);
        Assert.Equal(expected, period.Unit);
        Assert.Equal(days, period.Length);
    }

    [Fact]
    public void Deadline_ThreeDaysUnderThePenaltyLawOverNationalDay_CountsWorkingDays()
    {
        // 2024-09-30 (Mon) + 3 working days: 10-08, 10-09, 10-10. As calendar days it would end 10-03 and roll to 10-08.
        Assert.Equal(Date("2024-10-10"), Periods.Deadline(Date("2024-09-30"), LegalPeriod.UnderAdministrativePenaltyLaw(3)).LastDay);
        Assert.Equal(Date("2024-10-08"), Periods.Deadline(Date("2024-09-30"), LegalPeriod.Days(3)).LastDay);
    }

    [Theory]
    [InlineData(10, PeriodUnit.WorkingDays)]
    [InlineData(11, PeriodUnit.Days)]
    public void UnderAdministrativeCompulsionLaw_TenDaysOrLess_AreWorkingDays(int days, PeriodUnit expected)
    {
        Assert.Equal(expected, LegalPeriod.UnderAdministrativeCompulsionLaw(days).Unit);
    }

    [Fact]
    public void Deadline_AnyDaysPeriodAndPause_Meets_Specification()
    {
        // Pauses never shorten a period, and a deadline never comes before its nominal end.
        var first = new LocalDate(2016, 1, 1);
        var genDate = Gen.Int[0, 3500].Select(first.PlusDays);
        var genUnit = Gen.Int[0, 2].Select(i => i == 0 ? PeriodUnit.Days : i == 1 ? PeriodUnit.WorkingDays : PeriodUnit.Months);
        Gen.Select(genDate, Gen.Int[0, 40], genUnit, Gen.Int[0, 60], Gen.Int[0, 30]).Sample((trigger, length, unit, pauseStart, pauseLength) =>
        {
            var period = LegalPeriod.Of(unit == PeriodUnit.Months ? length / 10 : length, unit);
            var pause = new DateInterval(trigger.PlusDays(pauseStart), trigger.PlusDays(pauseStart + pauseLength));
            var plain = Periods.Deadline(trigger, period);
            var paused = Periods.Deadline(trigger, period, [pause], RestDayRule.RollForward);
            return paused.LastDay >= plain.LastDay && plain.LastDay >= plain.NominalLastDay && plain.LastDay >= trigger;
        }, iter: 300);
    }

    [Fact]
    public void Deadline_LongerPeriod_Meets_Specification()
    {
        // Deadlines are monotone in the length, for working days and calendar days alike.
        var first = new LocalDate(2016, 1, 1);
        Gen.Select(Gen.Int[0, 3500].Select(first.PlusDays), Gen.Int[0, 100], Gen.Int[0, 30], Gen.Bool).Sample((trigger, n, more, working) =>
        {
            LegalPeriod Of(int length) => working ? LegalPeriod.WorkingDays(length) : LegalPeriod.Days(length);
            return Periods.Deadline(trigger, Of(n)).LastDay <= Periods.Deadline(trigger, Of(n + more)).LastDay;
        }, iter: 300);
    }
}
