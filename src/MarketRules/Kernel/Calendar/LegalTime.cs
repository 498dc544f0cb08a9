namespace MarketRules.Calendar;

/// <summary>Legal time: the time zone in which Chinese administrative law counts days.</summary>
public static class LegalTime
{
    /// <summary>Asia/Shanghai (China Standard Time, UTC+8, no daylight saving since 1991), from the TZDB data embedded in NodaTime.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>The legal date of an instant: its calendar date in Asia/Shanghai.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date in Asia/Shanghai.</returns>
    public static LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The instant a legal day ends: the start of the next day in Asia/Shanghai.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The first instant after that day.</returns>
    public static Instant EndOfDay(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>The first instant of a legal day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>Midnight at the start of that day in Asia/Shanghai.</returns>
    public static Instant StartOfDay(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();
}
