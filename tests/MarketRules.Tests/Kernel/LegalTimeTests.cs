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

    // LegalTime.Zone answers instants since 1991 itself (no TZDB read at start): it must be NodaTime's Asia/Shanghai,
    // interval by interval, from the zone's first interval to 2100 (a NodaTime update with another rule fails here).
    [Fact]
    public void Zone_IntervalByInterval_IsTzdbAsiaShanghai()
    {
        var tzdb = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Assert.Equal(tzdb.Id, LegalTime.Zone.Id);
        Assert.Equal(tzdb.MinOffset, LegalTime.Zone.MinOffset);
        Assert.Equal(tzdb.MaxOffset, LegalTime.Zone.MaxOffset);
        var intervals = tzdb.GetZoneIntervals(Instant.FromUtc(1800, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0)).ToList();
        Assert.True(intervals.Count > 10, $"{intervals.Count} intervals");
        foreach (var interval in intervals)
        {
            // The interval itself (name, start, end, offsets), seen from its first and last tick and its middle.
            var first = interval.HasStart ? interval.Start : Instant.FromUtc(1800, 1, 1, 0, 0);
            var last = interval.HasEnd ? interval.End - Duration.Epsilon : Instant.FromUtc(2100, 1, 1, 0, 0);
            foreach (var instant in new[] { first, last, first + ((last - first) / 2) })
            {
                Assert.Equal(interval, LegalTime.Zone.GetZoneInterval(instant));
            }
        }
        Assert.Equal(tzdb.GetZoneInterval(Instant.FromUtc(2000, 1, 1, 0, 0)).Start, Instant.FromUtc(1991, 9, 14, 17, 0));
    }

    // Local times map alike too, through every daylight-saving change (gaps and repeated hours) and since.
    [Fact]
    public void Zone_LocalTimes_MapAsTzdbAsiaShanghai()
    {
        var tzdb = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        for (var local = new LocalDateTime(1985, 1, 1, 0, 30); local < new LocalDateTime(1993, 1, 1, 0, 0); local = local.PlusHours(1))
        {
            var expected = tzdb.MapLocal(local);
            var actual = LegalTime.Zone.MapLocal(local);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.EarlyInterval, actual.EarlyInterval);
            Assert.Equal(expected.LateInterval, actual.LateInterval);
        }
        Gen.Int[0, 365 * 100].Sample(days =>
        {
            var local = new LocalDate(1900, 1, 1).PlusDays(days).At(new LocalTime(days % 24, 0));
            Assert.Equal(local.InZoneLeniently(tzdb).ToInstant(), local.InZoneLeniently(LegalTime.Zone).ToInstant());
        }, iter: 2000);
    }
}
