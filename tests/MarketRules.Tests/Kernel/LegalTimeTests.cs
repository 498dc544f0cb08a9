using CsCheck;
using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

/// <summary>The fixed-offset fast path of <see cref="LegalTime"/> must answer exactly as the zone's general mapping.</summary>
public sealed class LegalTimeTests
{
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
