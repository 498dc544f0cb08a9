using System.Text.Json;
using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using NodaTime.Text;

namespace MarketRules.Json;

// Source-generated contexts name converters by type and need a parameterless constructor. These read and write
// NodaTime values with NodaTime's own ISO patterns, strictly: one text form per type, and dates inside the years the
// library answers for (DoorLimits), so that year 0 or 9999 is refused at the door with its path instead of failing
// deep inside a computation. Written here rather than taken from NodaTime.Serialization.SystemTextJson, whose
// converters are not trim- or AOT-safe (decision 0003).

/// <summary>The limits of what the library reads: dates and instants outside them are refused as out of range.</summary>
public static class DoorLimits
{
    /// <summary>The earliest date read (1900-01-01): before any law the library encodes.</summary>
    public static LocalDate EarliestDate { get; } = new(1900, 1, 1);

    /// <summary>The latest date read (2199-12-31): far beyond any period the library counts.</summary>
    public static LocalDate LatestDate { get; } = new(2199, 12, 31);

    /// <summary>Whether a date is inside the limits.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether <paramref name="date"/> lies between <see cref="EarliestDate"/> and <see cref="LatestDate"/>.</returns>
    public static bool Contains(LocalDate date) => date >= EarliestDate && date <= LatestDate;

    internal static JsonException OutOfRange(string text) =>
        new($"'{text}' is outside the years 1900–2199 that the library reads", new ArgumentOutOfRangeException(nameof(text)));

    internal static string ReadText(ref Utf8JsonReader reader, string expected) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected " + expected);
}

/// <summary>Serialises <see cref="LocalDate"/> as an ISO date (<c>2024-10-01</c>); reads only that form, between 1900 and 2199.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = DoorLimits.ReadText(ref reader, "an ISO date");
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            throw new JsonException("Expected an ISO date (yyyy-MM-dd)");
        }
        return DoorLimits.Contains(parsed.Value) ? parsed.Value : throw DoorLimits.OutOfRange(text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

/// <summary>
/// Serialises <see cref="Instant"/> as an ISO instant in UTC (<c>2024-06-30T15:59:59Z</c>); reads any RFC 3339
/// date-time with its offset (<c>2024-06-30T23:59:59+08:00</c> is the same instant), between 1900 and 2199.
/// </summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = DoorLimits.ReadText(ref reader, "an RFC 3339 date-time");
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            throw new JsonException("Expected an RFC 3339 date-time with offset (yyyy-MM-ddTHH:mm:ssZ or +08:00)");
        }
        var instant = parsed.Value.ToInstant();
        return DoorLimits.Contains(instant.InUtc().Date) ? instant : throw DoorLimits.OutOfRange(text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

/// <summary>Serialises <see cref="OffsetDateTime"/> as an ISO date-time with offset (<c>2024-06-30T23:59:59+08:00</c>).</summary>
public sealed class OffsetDateTimeJsonConverter : JsonConverter<OffsetDateTime>
{
    /// <inheritdoc />
    public override OffsetDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = DoorLimits.ReadText(ref reader, "an RFC 3339 date-time");
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            throw new JsonException("Expected an RFC 3339 date-time with offset");
        }
        return DoorLimits.Contains(parsed.Value.Date) ? parsed.Value : throw DoorLimits.OutOfRange(text);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OffsetDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // RFC 3339's offset is always hours and minutes (+08:00); the extended ISO pattern would write +08.
        writer.WriteStringValue(OffsetDateTimePattern.Rfc3339.Format(value));
    }
}

/// <summary>Serialises <see cref="DateInterval"/> as <c>{"start": "…", "end": "…"}</c>, both ends included.</summary>
public sealed class DateIntervalJsonConverter : JsonConverter<DateInterval>
{
    private static readonly LocalDateJsonConverter Dates = new();

    /// <inheritdoc />
    public override DateInterval? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A date interval is an object with 'start' and 'end'");
        }
        LocalDate? start = null, end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStart = reader.ValueTextEquals("start"u8);
            if (!isStart && !reader.ValueTextEquals("end"u8))
            {
                throw new JsonException("A date interval has only 'start' and 'end'");
            }
            reader.Read();
            var value = Dates.Read(ref reader, typeof(LocalDate), options);
            if (isStart)
            {
                start = value;
            }
            else
            {
                end = value;
            }
        }
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (start is null || end is null)
        {
            throw new JsonException("A date interval needs both 'start' and 'end'");
        }
        if (end.Value < start.Value)
        {
            throw new JsonException("A date interval's 'end' is before its 'start'");
        }
        return new DateInterval(start.Value, end.Value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("start", LocalDatePattern.Iso.Format(value.Start));
        writer.WriteString("end", LocalDatePattern.Iso.Format(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>The one place that says how an enum value is spelt in JSON: read, written, and listed in schemas.</summary>
internal static class JsonEnumNames
{
    /// <summary>The JSON names of an enum's values, in the order of <see cref="Enum.GetValues(Type)"/>: the name given by
    /// <see cref="JsonStringEnumMemberNameAttribute"/>, else the kebab-case of the C# name.</summary>
    /// <param name="enumType">The enum type.</param>
    /// <returns>The names.</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The trimmer keeps every field of an enum that is kept.")]
    public static IReadOnlyList<string> Of(Type enumType)
    {
        var values = Enum.GetValuesAsUnderlyingType(enumType);
        var names = new string[values.Length];
        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        for (var i = 0; i < names.Length; i++)
        {
            var value = values.GetValue(i);
            var field = fields.First(f => Equals(Convert.ChangeType(f.GetRawConstantValue(), value!.GetType(), System.Globalization.CultureInfo.InvariantCulture), value));
            names[i] = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(field.Name);
        }
        return names;
    }
}

/// <summary>
/// Serialises an enum as its kebab-case name (<c>VerifiedOfficial</c> → <c>verified-official</c>, or the name given by
/// <see cref="JsonStringEnumMemberNameAttribute"/>), and reads exactly those names: no other casing, no numbers, no
/// C# names. A misspelt value is refused rather than guessed (AOT-safe).
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class KebabCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly (string Name, TEnum Value)[] Table = Build();

    /// <summary>The names a JSON text may use for <typeparamref name="TEnum"/>, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Table.Select(e => e.Name).ToArray());

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (name, value) in Table)
            {
                if (reader.ValueTextEquals(name))
                {
                    return value;
                }
            }
            // A combination of flags is written "a, b" (as System.Text.Json writes it); each part must be exact.
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            if (IsFlags)
            {
                var text = reader.GetString()!;
                if (text.Contains(',', StringComparison.Ordinal))
                {
                    ulong bits = 0;
                    foreach (var part in text.Split(", "))
                    {
                        var index = Array.FindIndex(Table, e => string.Equals(e.Name, part, StringComparison.Ordinal));
                        // "none, disfigurement" contradicts itself: the name of no flag is never part of a combination
                        // (the writer never writes one), so a caller's slip is refused rather than read as the rest.
                        var flag = index < 0 ? 0UL : Convert.ToUInt64(Table[index].Value, System.Globalization.CultureInfo.InvariantCulture);
                        if (flag == 0)
                        {
                            throw new JsonException("Expected one or more of " + CombinableNames);
                        }
                        bits |= flag;
                    }
                    return (TEnum)Enum.ToObject(typeof(TEnum), bits);
                }
            }
        }
        throw new JsonException("Expected one of " + string.Join(", ", Names));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, known) in Table)
        {
            if (EqualityComparer<TEnum>.Default.Equals(known, value))
            {
                writer.WriteStringValue(name);
                return;
            }
        }
        if (IsFlags)
        {
            var bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            var parts = new List<string>();
            foreach (var (name, known) in Table)
            {
                var flag = Convert.ToUInt64(known, System.Globalization.CultureInfo.InvariantCulture);
                if (flag != 0 && (bits & flag) == flag)
                {
                    parts.Add(name);
                    bits &= ~flag;
                }
            }
            if (bits == 0)
            {
                writer.WriteStringValue(string.Join(", ", parts));
                return;
            }
        }
        throw new JsonException($"{value} has no JSON name");
    }

    private static bool IsFlags { get; } = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

    // The names a combination may list: every flag but the one for no flag at all.
    private static string CombinableNames { get; } = string.Join(
        ", ", Table.Where(e => Convert.ToUInt64(e.Value, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(e => e.Name));

    private static (string, TEnum)[] Build()
    {
        var names = JsonEnumNames.Of(typeof(TEnum));
        var values = Enum.GetValues<TEnum>();
        // Sized by the array's Length (one name per value): a mutation tool turns a list's `.Count` into a `Sum` that does not compile.
        var table = new (string, TEnum)[values.Length];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (names[i], values[i]);
        }
        return table;
    }
}

/// <summary>
/// Serialises a <see cref="Parameters.Jurisdiction"/> as its six-digit GB/T 2260 code (<c>"330100"</c>; <c>"000000"</c>
/// for the whole country). Without it the serialiser would follow <see cref="Parameters.Jurisdiction.Province"/>
/// forever, since a province's province is itself.
/// </summary>
public sealed class JurisdictionJsonConverter : JsonConverter<Parameters.Jurisdiction>
{
    /// <inheritdoc />
    public override Parameters.Jurisdiction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = Parameters.Jurisdiction.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
        return parsed.IsSuccess ? parsed.Value : throw new JsonException("A jurisdiction is a six-digit GB/T 2260 code string, e.g. \"330100\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Parameters.Jurisdiction value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
