using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace MarketRules.Json;

// Source-generated contexts name converters by type, and need a parameterless constructor: these wrap NodaTime's
// own ISO converters so every context serialises NodaTime values the same way (ISO-8601 strings).

/// <summary>Serialises <see cref="LocalDate"/> as an ISO date (<c>2024-10-01</c>).</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaConverters.LocalDateConverter.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        NodaConverters.LocalDateConverter.Write(writer, value, options);
}

/// <summary>Serialises <see cref="Instant"/> as an ISO instant in UTC (<c>2024-06-30T15:59:59Z</c>).</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaConverters.InstantConverter.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        NodaConverters.InstantConverter.Write(writer, value, options);
}

/// <summary>Serialises <see cref="OffsetDateTime"/> as an ISO date-time with offset (<c>2024-06-30T23:59:59+08:00</c>).</summary>
public sealed class OffsetDateTimeJsonConverter : JsonConverter<OffsetDateTime>
{
    /// <inheritdoc />
    public override OffsetDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaConverters.OffsetDateTimeConverter.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OffsetDateTime value, JsonSerializerOptions options) =>
        NodaConverters.OffsetDateTimeConverter.Write(writer, value, options);
}

/// <summary>Serialises <see cref="DateInterval"/> as <c>{"start": "…", "end": "…"}</c>, both ends included.</summary>
public sealed class DateIntervalJsonConverter : JsonConverter<DateInterval>
{
    /// <inheritdoc />
    public override DateInterval? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A date interval is an object with 'start' and 'end'");
        }
        LocalDate? start = null, end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = NodaConverters.LocalDateConverter.Read(ref reader, typeof(LocalDate), options);
            if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase))
            {
                start = value;
            }
            else if (string.Equals(name, "end", StringComparison.OrdinalIgnoreCase))
            {
                end = value;
            }
        }
        if (start is not { } s || end is not { } e)
        {
            throw new JsonException("A date interval needs both 'start' and 'end'");
        }
        if (e < s)
        {
            throw new JsonException("A date interval's 'end' is before its 'start'");
        }
        return new DateInterval(s, e);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("start");
        NodaConverters.LocalDateConverter.Write(writer, value.Start, options);
        writer.WritePropertyName("end");
        NodaConverters.LocalDateConverter.Write(writer, value.End, options);
        writer.WriteEndObject();
    }
}

/// <summary>Serialises an enum as its kebab-case name (<c>VerifiedOfficial</c> → <c>verified-official</c>), AOT-safe.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class KebabCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter; integers are not accepted in place of names.</summary>
    public KebabCaseEnumConverter()
        : base(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    {
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
