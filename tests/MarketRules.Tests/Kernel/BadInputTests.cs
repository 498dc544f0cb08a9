using MarketRules.Calendar;
using static MarketRules.Tests.Kernel.StatutoryCalendarTests;

namespace MarketRules.Tests.Kernel;

// Bad input gives a typed exception carrying coded, bilingual errors: never a silent guess.
public class BadInputTests
{
    [Theory]
    [InlineData("2015-12-31")]
    [InlineData("2027-01-01")]
    [InlineData("1990-10-01")]
    public void IsWorkingDay_DateOutsideTheCalendar_ThrowsCalendarOutOfRange(string date)
    {
        var ex = Assert.Throws<CalendarOutOfRangeException>(() => StatutoryCalendar.China.IsWorkingDay(Date(date)));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("MR.Calendar.OutOfRange", error.Code);
        Assert.Equal(Date(date), ex.Date);
        Assert.Equal(2016, ex.FirstYear);
        Assert.Equal(2026, ex.LastYear);
        Assert.Contains(date, error.Message.English, StringComparison.Ordinal);
        Assert.Contains(date, error.Message.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_ResultBeyondTheCalendar_ThrowsCalendarOutOfRange()
    {
        var ex = Assert.Throws<CalendarOutOfRangeException>(() => StatutoryCalendar.China.AddWorkingDays(Date("2026-12-20"), 15));
        Assert.Equal(Date("2027-01-01"), ex.Date);
    }

    [Fact]
    public void Deadline_PeriodRunningPastTheCalendar_ThrowsCalendarOutOfRange()
    {
        Assert.Throws<CalendarOutOfRangeException>(() => PeriodCalculator.China.Deadline(Date("2026-12-01"), LegalPeriod.Days(60)));
        Assert.Throws<CalendarOutOfRangeException>(() => PeriodCalculator.China.Deadline(Date("2015-06-01"), LegalPeriod.WorkingDays(5)));
    }

    [Fact]
    public void LegalPeriod_NegativeLength_ThrowsNegativePeriod()
    {
        foreach (var make in new Func<LegalPeriod>[]
        {
            () => LegalPeriod.WorkingDays(-1), () => LegalPeriod.Days(-15), () => LegalPeriod.Months(-1),
            () => LegalPeriod.Years(-2), () => LegalPeriod.Hours(-24), () => LegalPeriod.UnderAdministrativePenaltyLaw(-3),
        })
        {
            var ex = Assert.Throws<InvalidRuleInputException>(() => make());
            Assert.Equal("MR.Period.Negative", Assert.Single(ex.Errors).Code);
        }
    }

    [Fact]
    public void AddWorkingDays_NegativeCount_ThrowsNegativePeriod()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => StatutoryCalendar.China.AddWorkingDays(Date("2024-10-08"), -1));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("MR.Period.Negative", error.Code);
        Assert.Equal("-1", error.Arguments["Length"]);
    }

    [Fact]
    public void ParseCalendar_NoYears_ReturnsDataInvalid()
    {
        var result = CalendarData.ParseCalendar("""{ "years": [] }""");
        Assert.Equal("MR.Calendar.DataInvalid", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void GetValueOrThrow_Failure_ThrowsTheCodedErrors()
    {
        var result = MarketRules.Parameters.Jurisdiction.Parse("33010");
        var ex = Assert.Throws<InvalidRuleInputException>(() => result.GetValueOrThrow());
        Assert.Equal("MR.Jurisdiction.Invalid", Assert.Single(ex.Errors).Code);
    }
}
