using NodaTime.TimeZones;

namespace MarketRules.Calendar;

// Asia/Shanghai without reading NodaTime's whole time-zone database when a process starts. Building
// DateTimeZoneProviders.Tzdb reads every zone of the embedded TZDB; it was the largest single step before the first
// decision (benchmarks/results/ColdStart-notes.md). Every date the law counts falls after 1991, when China's last
// daylight-saving period ended and UTC+8 became permanent: that one interval is answered here, and any earlier instant
// from NodaTime's TZDB itself, read on first need. So the zone's history is never restated: the one fact written here
// (standard time since 1991-09-14T17:00Z) is checked against TZDB interval by interval in LegalTimeTests, which fails
// if a NodaTime update brings a different rule.
internal sealed class ShanghaiTimeZone : DateTimeZone
{
    // 1991-09-15 02:00 China daylight time (UTC+9), when clocks went back for the last time.
    internal static readonly Instant StandardSince = Instant.FromUtc(1991, 9, 14, 17, 0);

    private static readonly ZoneInterval Standard = new("CST", StandardSince, null, Offset.FromHours(8), Offset.Zero);

    private readonly Lazy<DateTimeZone> history = new(() => DateTimeZoneProviders.Tzdb[TzdbId]);

    internal const string TzdbId = "Asia/Shanghai";

    // The extremes of the zone's whole history (LMT +08:05:43 lies between): UTC+8, and UTC+9 in daylight time.
    public ShanghaiTimeZone()
        : base(TzdbId, isFixed: false, minOffset: Offset.FromHours(8), maxOffset: Offset.FromHours(9))
    {
    }

    public override ZoneInterval GetZoneInterval(Instant instant) =>
        instant >= StandardSince ? Standard : history.Value.GetZoneInterval(instant);
}
