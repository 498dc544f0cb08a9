using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

public partial class StatutoryCalendarTests
{
    [Fact]
    public void AddWorkingDays_BeforeNationalDay2024_SkipsTheHolidayAndCountsTheMakeUpSaturday()
    {
        // 2024-09-27 (Fri) + 15 wd: 09-29 (Sun) and 10-12 (Sat) are make-up workdays; 10-01..10-07 rest.
        var result = StatutoryCalendar.China.AddWorkingDays(new LocalDate(2024, 9, 27), 15);
        Assert.Equal(new LocalDate(2024, 10, 23), result);
    }
}
