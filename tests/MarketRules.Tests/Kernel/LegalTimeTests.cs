using CsCheck;
using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

/// <summary>The fixed-offset fast path of <see cref="LegalTime"/> must answer exactly as the zone's general mapping.</summary>
public sealed class LegalTimeTests
{
    [Theory]
    [InlineData(1991, 9, 14, 16, 59)] // last minute of the 1991 daylight-saving period (UTC+9)
    [InlineData(1991, 9, 14, 17, 0)] // back to UTC+8 for good
    [InlineData(1991, 9, 15, 15, 59)]
    [InlineData(1991, 9, 15, 16, 0)]
    [InlineData(2024, 12, 31, 15, 59)] // 23:59 on 31 December in Beijing
    [InlineData(2024, 12, 31, 16, 0)] // midnight on 1 January in Beijing
    [InlineData(1990, 7, 1, 15, 30)] // inside a daylight-saving summer: general path
    [InlineData(1900, 1, 1, 0, 0)] // local mean time era: general path
    [InlineData(9999, 12, 31, 0, 0)] // end of range: general path
    public void DateOf_Boundaries_EqualsZoneMapping(int year, int month, int day, int hour, int minute)
    {
        var instant = Instant.FromUtc(year, month, day, hour, minute);
        Assert.Equal(instant.InZone(LegalTime.Zone).Date, LegalTime.DateOf(instant));
    }

    [Fact]
    public void DateOf_AnyInstant_Meets_Specification()
    {
        var from = Instant.FromUtc(1985, 1, 1, 0, 0).ToUnixTimeSeconds();
        var until = Instant.FromUtc(2060, 1, 1, 0, 0).ToUnixTimeSeconds();
        Gen.Long[from, until].Sample(seconds =>
        {
            var instant = Instant.FromUnixTimeSeconds(seconds);
            Assert.Equal(instant.InZone(LegalTime.Zone).Date, LegalTime.DateOf(instant));
        }, iter: 2000);
    }

    [Fact]
    public void EndOfDay_AnyDate_Meets_Specification()
    {
        var from = new LocalDate(1985, 1, 1);
        Gen.Int[0, 365 * 75].Sample(days =>
        {
            var date = from.PlusDays(days);
            Assert.Equal(date.PlusDays(1).AtStartOfDayInZone(LegalTime.Zone).ToInstant(), LegalTime.EndOfDay(date));
            Assert.Equal(date, LegalTime.DateOf(LegalTime.EndOfDay(date) - Duration.FromTicks(1)));
        }, iter: 2000);
    }
}
