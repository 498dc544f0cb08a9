using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// Boundaries that mutation testing found unguarded (issue 18): the last day of a period belongs to the period
// (民法典 第二百零三条: "期间的最后一日的截止时间为二十四时"), and a suspension lengthens a period counted in months or years
// by the days it lasted, never shortens it (行政处罚法 第六十条 with the days of 检测、检验、检疫、鉴定 excluded).
public partial class PeriodCalculatorTests
{
    [Fact]
    public void LastDayOfAPeriod_BelongsToThePeriod_OverdueOnlyFromTheNextDay()
    {
        // 2024-06-03 (Mon) + 5 working days: 06-04 … 06-07, 06-11 (06-10 is the Dragon Boat Festival).
        var deadline = Periods.Deadline(Date("2024-06-03"), LegalPeriod.WorkingDays(5));
        Assert.Equal(Date("2024-06-11"), deadline.LastDay);
        Assert.False(deadline.IsOverdueOn(Date("2024-06-10")));
        Assert.False(deadline.IsOverdueOn(deadline.LastDay));
        Assert.True(deadline.IsOverdueOn(Date("2024-06-12")));
        // The instant form: overdue from midnight Asia/Shanghai after the last day, not one tick before.
        Assert.False(deadline.IsOverdueAt(Instant.FromUtc(2024, 6, 11, 15, 59, 59)));
        Assert.True(deadline.IsOverdueAt(Instant.FromUtc(2024, 6, 11, 16, 0)));
    }

    [Theory]
    [InlineData(PeriodUnit.Months, 3, "2024-03-15", "2024-06-15")]
    [InlineData(PeriodUnit.Years, 1, "2024-03-15", "2025-03-15")]
    public void Suspension_LengthensAMonthOrYearPeriod_ByTheDaysItLasted(PeriodUnit unit, int length, string trigger, string nominal)
    {
        // Ten days of testing (2024-04-01 … 2024-04-10, both counted) inside the period push its end ten days later.
        var period = LegalPeriod.Of(length, unit);
        var plain = Periods.Deadline(Date(trigger), period, [], RestDayRule.None);
        Assert.Equal(Date(nominal), plain.NominalLastDay);
        Assert.Equal(0, plain.ExcludedDays);

        var paused = Periods.Deadline(Date(trigger), period, [new DateInterval(Date("2024-04-01"), Date("2024-04-10"))], RestDayRule.None);
        Assert.Equal(10, paused.ExcludedDays);
        Assert.Equal(Date(nominal).PlusDays(10), paused.NominalLastDay);
        Assert.True(paused.LastDay > plain.LastDay);
    }
}
