namespace MarketRules.Calendar;

/// <summary>Legal time: the time zone in which Chinese administrative law counts days.</summary>
public static class LegalTime
{
    /// <summary>
    /// Asia/Shanghai (China Standard Time, UTC+8, no daylight saving since 1991), as in the TZDB data embedded in
    /// NodaTime. Instants since September 1991 are answered without reading the time-zone database (the cost of a
    /// process's first decision); earlier ones from NodaTime's TZDB, read on first need.
    /// </summary>
    public static DateTimeZone Zone { get; } = new ShanghaiTimeZone();

    // Asia/Shanghai has kept one offset (+08:00) since daylight saving ended in September 1991. Inside that zone
    // interval the end of a day is plain offset arithmetic (DateOf keeps InZone: measured, the cached zone is already
    // faster than going through OffsetDateTime); the interval is read from the zone data itself (not
    // hard-coded), so a future TZDB change simply narrows the fast path and everything else takes the general one.
    private static readonly NodaTime.TimeZones.ZoneInterval Fixed = Zone.GetZoneInterval(Instant.FromUtc(2000, 1, 1, 0, 0));
    private static readonly Offset FixedOffset = Fixed.WallOffset;
    // Stay clear of the end of NodaTime's range, where adding the offset would leave it.
    private static readonly Instant FixedUntil = Fixed.HasEnd && Fixed.End < Instant.FromUtc(9999, 12, 1, 0, 0) ? Fixed.End : Instant.FromUtc(9999, 12, 1, 0, 0);
    private static readonly LocalDate FixedDateFrom = Fixed.IsoLocalStart.Date.PlusDays(2);
    private static readonly LocalDate FixedDateUntil = FixedUntil.WithOffset(FixedOffset).Date.PlusDays(-2);

    /// <summary>The legal date of an instant: its calendar date in Asia/Shanghai.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date in Asia/Shanghai.</returns>
    public static LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The instant a legal day ends: the start of the next day in Asia/Shanghai.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The first instant after that day.</returns>
    public static Instant EndOfDay(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date >= FixedDateFrom && date < FixedDateUntil
            ? date.PlusDays(1).AtMidnight().WithOffset(FixedOffset).ToInstant()
            : date.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>The first instant of a legal day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>Midnight at the start of that day in Asia/Shanghai.</returns>
    public static Instant StartOfDay(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();
}
