namespace MarketRules.Calendar;

/// <summary>
/// Optional days stored as plain dates with a mask of which are recorded: a snapshot that state machines copy on every
/// event (a spot-check lot, a complaint) keeps its days in half the size of nullable dates, behind ordinary
/// <see cref="LocalDate"/>? properties.
/// </summary>
internal static class RecordedDays
{
    /// <summary>The day at <paramref name="bit"/> of the mask, or <see langword="null"/> when not recorded.</summary>
    internal static LocalDate? Read(ushort present, int bit, LocalDate day) => (present & (1 << bit)) != 0 ? day : null;

    /// <summary>Stores <paramref name="value"/> in <paramref name="day"/> and returns the mask with its bit set or cleared.</summary>
    /// <remarks>An absent day is stored as the default date, so member-wise equality sees only the recorded days.</remarks>
    internal static ushort Write(int bit, ref LocalDate day, LocalDate? value, ushort present)
    {
        day = value.GetValueOrDefault();
        return unchecked((ushort)(value.HasValue ? present | (1 << bit) : present & ~(1 << bit)));
    }
}
