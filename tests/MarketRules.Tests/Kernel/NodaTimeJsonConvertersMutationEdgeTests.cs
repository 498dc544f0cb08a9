using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Referral;

namespace MarketRules.Tests.Kernel;

// Edges of the converters every JSON the library reads and writes goes through: one ISO text form per NodaTime type,
// dates only between 1900-01-01 and 2199-12-31 (DoorLimits, both days included), a date interval whose end is not
// before its start, enums by their kebab-case names only (flags as "a, b"), and a jurisdiction as its six-digit code.
// A caller who uses a converter directly meets its refusals as JsonExceptions with these messages.
public class NodaTimeJsonConvertersMutationEdgeTests
{
    private static readonly JsonSerializerOptions Options = new();

    private static T Read<T>(JsonConverter<T> converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(T), Options)!;
    }

    private static JsonException Refused<T>(JsonConverter<T> converter, string json)
    {
        try
        {
            Read(converter, json);
        }
        catch (JsonException ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException($"{json} was read");
    }

    private static string Write<T>(JsonConverter<T> converter, T value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, value, Options);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The string written, unescaped (a writer escapes the '+' of an offset as \u002B).
    private static string? WrittenString<T>(JsonConverter<T> converter, T value)
    {
        using var written = JsonDocument.Parse(Write(converter, value));
        return written.RootElement.GetString();
    }

    private static void RefusedOutOfRange<T>(JsonConverter<T> converter, string text)
    {
        var ex = Refused(converter, "\"" + text + "\"");
        // The engine answers MR.Engine.ValueOutOfRange for this inner exception, not a wrong format.
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
        Assert.Equal($"'{text}' is outside the years 1900–2199 that the library reads", ex.Message);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("2199-12-31")]
    public void LocalDate_IsoDateWithinTheLimits_RoundTrips(string text)
    {
        var converter = new LocalDateJsonConverter();
        var date = Read(converter, "\"" + text + "\"");
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), date);
        Assert.Equal("\"" + text + "\"", Write(converter, date));
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("0001-01-01")]
    public void LocalDate_OutsideTheLimits_IsOutOfRange(string text) => RefusedOutOfRange(new LocalDateJsonConverter(), text);

    [Theory]
    [InlineData("\"2025-02-30\"")]
    [InlineData("\"2024/10/01\"")]
    [InlineData("\"2024-10-01T00:00:00Z\"")]
    public void LocalDate_ImpossibleOrOtherForm_IsRefused(string json) =>
        Assert.Equal("Expected an ISO date (yyyy-MM-dd)", Refused(new LocalDateJsonConverter(), json).Message);

    [Fact]
    public void LocalDate_NumberOrNull_IsRefusedAsNoString()
    {
        Assert.Equal("Expected an ISO date", Refused(new LocalDateJsonConverter(), "20241001").Message);
        Assert.Equal("Expected an ISO date", Refused(new LocalDateJsonConverter(), "null").Message);
    }

    [Fact]
    public void Instant_WithAnyOffset_IsTheSameInstantWrittenInUtc()
    {
        var converter = new InstantJsonConverter();
        var instant = Read(converter, "\"2024-06-30T23:59:59+08:00\"");
        Assert.Equal(Instant.FromUtc(2024, 6, 30, 15, 59, 59), instant);
        Assert.Equal("\"2024-06-30T15:59:59Z\"", Write(converter, instant));
        Assert.Equal("\"2024-06-30T15:59:59.5Z\"", Write(converter, instant.PlusNanoseconds(500_000_000)));
    }

    [Fact]
    public void Instant_LimitsAreDaysInUtc()
    {
        var converter = new InstantJsonConverter();
        Assert.Equal(Instant.FromUtc(1900, 1, 1, 0, 0), Read(converter, "\"1900-01-01T08:00:00+08:00\""));
        Assert.Equal(Instant.FromUtc(2199, 12, 31, 23, 59, 59), Read(converter, "\"2199-12-31T23:59:59Z\""));
        // 08:00 in Beijing on the first day is still the day before in UTC.
        RefusedOutOfRange(converter, "1900-01-01T07:59:59+08:00");
        RefusedOutOfRange(converter, "2200-01-01T00:00:00Z");
    }

    [Theory]
    [InlineData("\"2024-06-30T23:59:59\"")]
    [InlineData("\"2024-06-31T00:00:00Z\"")]
    [InlineData("\"2024-06-30\"")]
    public void Instant_WithoutOffsetOrImpossible_IsRefused(string json) =>
        Assert.Equal("Expected an RFC 3339 date-time with offset (yyyy-MM-ddTHH:mm:ssZ or +08:00)", Refused(new InstantJsonConverter(), json).Message);

    [Fact]
    public void Instant_Number_IsRefusedAsNoString() =>
        Assert.Equal("Expected an RFC 3339 date-time", Refused(new InstantJsonConverter(), "1719763199").Message);

    [Fact]
    public void OffsetDateTime_KeepsItsOffset()
    {
        var converter = new OffsetDateTimeJsonConverter();
        var value = Read(converter, "\"2024-06-30T23:59:59+08:00\"");
        Assert.Equal(new LocalDateTime(2024, 6, 30, 23, 59, 59), value.LocalDateTime);
        Assert.Equal(Offset.FromHours(8), value.Offset);
        // RFC 3339: the offset in hours and minutes, and Z for UTC.
        Assert.Equal("2024-06-30T23:59:59+08:00", WrittenString(converter, value));
        Assert.Equal("2024-06-30T15:59:59Z", WrittenString(converter, value.WithOffset(Offset.Zero)));
        Assert.Equal(value, Read(converter, Write(converter, value)));
    }

    [Fact]
    public void OffsetDateTime_LimitsAreLocalDays()
    {
        var converter = new OffsetDateTimeJsonConverter();
        // Unlike an instant, the day counted is the one written: 1900-01-01 in Beijing is read.
        Assert.Equal(new LocalDate(1900, 1, 1), Read(converter, "\"1900-01-01T00:00:00+08:00\"").Date);
        Assert.Equal(new LocalDate(2199, 12, 31), Read(converter, "\"2199-12-31T23:59:59-05:00\"").Date);
        RefusedOutOfRange(converter, "1899-12-31T23:59:59+08:00");
        RefusedOutOfRange(converter, "2200-01-01T00:00:00+08:00");
    }

    [Fact]
    public void OffsetDateTime_WithoutOffsetOrNoString_IsRefused()
    {
        var converter = new OffsetDateTimeJsonConverter();
        Assert.Equal("Expected an RFC 3339 date-time with offset", Refused(converter, "\"2024-06-30T23:59:59\"").Message);
        Assert.Equal("Expected an RFC 3339 date-time", Refused(converter, "true").Message);
    }

    [Fact]
    public void DateInterval_BothEndsIncluded_RoundTrips()
    {
        var converter = new DateIntervalJsonConverter();
        var interval = Read(converter, """{ "end": "2024-10-07", "start": "2024-10-01" }""");
        Assert.Equal(new DateInterval(new LocalDate(2024, 10, 1), new LocalDate(2024, 10, 7)), interval);
        Assert.Equal("""{"start":"2024-10-01","end":"2024-10-07"}""", Write(converter, interval));
    }

    [Fact]
    public void DateInterval_OfOneDay_IsRead()
    {
        // The end on the start day is one day, not an interval ending before it starts.
        var day = Read(new DateIntervalJsonConverter(), """{ "start": "2024-10-01", "end": "2024-10-01" }""");
        Assert.Equal(1, day.Length);
    }

    [Theory]
    [InlineData("\"2024-10-01/2024-10-07\"", "A date interval is an object with 'start' and 'end'")]
    [InlineData("""{ "start": "2024-10-01", "end": "2024-10-07", "note": "x" }""", "A date interval has only 'start' and 'end'")]
    [InlineData("""{ "start": "2024-10-01" }""", "A date interval needs both 'start' and 'end'")]
    [InlineData("""{ "end": "2024-10-07" }""", "A date interval needs both 'start' and 'end'")]
    [InlineData("""{ "start": "2024-10-07", "end": "2024-10-06" }""", "A date interval's 'end' is before its 'start'")]
    [InlineData("""{ "start": "2024-10-01", "end": "2024-02-30" }""", "Expected an ISO date (yyyy-MM-dd)")]
    public void DateInterval_NotTwoOrderedDates_IsRefused(string json, string message) =>
        Assert.Equal(message, Refused(new DateIntervalJsonConverter(), json).Message);

    [Fact]
    public void Writers_WithoutAWriter_ThrowArgumentNull()
    {
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new LocalDateJsonConverter().Write(null!, new LocalDate(2024, 10, 1), Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new InstantJsonConverter().Write(null!, Instant.FromUtc(2024, 1, 1, 0, 0), Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new OffsetDateTimeJsonConverter().Write(null!, default, Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new DateIntervalJsonConverter().Write(null!, new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2)), Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new KebabCaseEnumConverter<PeriodUnit>().Write(null!, PeriodUnit.Days, Options)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new JurisdictionJsonConverter().Write(null!, Jurisdiction.National, Options)).ParamName);
        using var writer = new Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>());
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new DateIntervalJsonConverter().Write(writer, null!, Options)).ParamName);
    }

    [Fact]
    public void Enum_ReadsAndWritesOnlyItsKebabCaseNames()
    {
        var converter = new KebabCaseEnumConverter<PeriodUnit>();
        Assert.Equal(["working-days", "days", "months", "years", "hours"], converter.Names);
        Assert.Equal(PeriodUnit.WorkingDays, Read(converter, "\"working-days\""));
        Assert.Equal("\"working-days\"", Write(converter, PeriodUnit.WorkingDays));
        const string Expected = "Expected one of working-days, days, months, years, hours";
        Assert.Equal(Expected, Refused(converter, "\"WorkingDays\"").Message);
        Assert.Equal(Expected, Refused(converter, "\"days, months\"").Message);
        Assert.Equal(Expected, Refused(converter, "1").Message);
        Assert.Equal("99 has no JSON name", Assert.Throws<JsonException>(() => Write(converter, (PeriodUnit)99)).Message);
    }

    [Fact]
    public void FlagsEnum_CombinationIsWrittenAndReadAsCommaSeparatedNames()
    {
        var converter = new KebabCaseEnumConverter<HarmFacts>();
        var both = HarmFacts.SufficientToEndangerHealth | HarmFacts.Disfigurement;
        Assert.Equal("\"sufficient-to-endanger-health, disfigurement\"", Write(converter, both));
        Assert.Equal(both, Read(converter, "\"sufficient-to-endanger-health, disfigurement\""));
        Assert.Equal(both, Read(converter, "\"disfigurement, sufficient-to-endanger-health\""));
        Assert.Equal("\"none\"", Write(converter, HarmFacts.None));
        Assert.Equal(HarmFacts.Disfigurement, Read(converter, "\"disfigurement\""));
    }

    [Fact]
    public void FlagsEnum_RepeatedName_IsThatFlagOnce()
    {
        // As System.Text.Json reads flags: the parts are or-ed, so a repeated part adds nothing.
        Assert.Equal(HarmFacts.Disfigurement, Read(new KebabCaseEnumConverter<HarmFacts>(), "\"disfigurement, disfigurement\""));
    }

    [Theory]
    [InlineData("\"none, disfigurement\"")]
    [InlineData("\"disfigurement, none\"")]
    [InlineData("\"none, none\"")]
    public void FlagsEnum_NoneInACombination_IsRefusedNotReadAsTheOtherFlags(string json)
    {
        // "No harm, and disfigurement" contradicts itself; reading it as disfigurement would turn a caller's slip into
        // the facts of a referral decision. None is "none" on its own, as the writer writes it.
        var converter = new KebabCaseEnumConverter<HarmFacts>();
        Assert.StartsWith("Expected one or more of sufficient-to-endanger-health,", Refused(converter, json).Message, StringComparison.Ordinal);
        Assert.Equal(HarmFacts.None, Read(converter, "\"none\""));
    }

    [Fact]
    public void FlagsEnum_UnknownPartOrBit_IsRefused()
    {
        var converter = new KebabCaseEnumConverter<HarmFacts>();
        var ex = Refused(converter, "\"disfigurement, Disfigurement\"");
        Assert.Equal("Expected one or more of " + string.Join(", ", converter.Names.Skip(1)), ex.Message);
        Assert.StartsWith("Expected one or more of sufficient-to-endanger-health, serious-health-harm,", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Expected one of " + string.Join(", ", converter.Names), Refused(converter, "\"nothing\"").Message);
        Assert.Equal("1025 has no JSON name", Assert.Throws<JsonException>(() => Write(converter, (HarmFacts)1025)).Message);
    }

    [Fact]
    public void Jurisdiction_IsItsSixDigitCode()
    {
        var converter = new JurisdictionJsonConverter();
        var hangzhou = Read(converter, "\"330100\"");
        Assert.Equal(Jurisdiction.Parse("330100").Value, hangzhou);
        Assert.Equal("\"330100\"", Write(converter, hangzhou));
        Assert.Equal("\"000000\"", Write(converter, Jurisdiction.National));
    }

    [Theory]
    [InlineData("330100")]
    [InlineData("\"33010\"")]
    [InlineData("null")]
    public void Jurisdiction_NotASixDigitCodeString_IsRefused(string json) =>
        Assert.Equal("A jurisdiction is a six-digit GB/T 2260 code string, e.g. \"330100\".", Refused(new JurisdictionJsonConverter(), json).Message);

    [Fact]
    public void Readable_ContextIsBuiltOnce()
    {
        // Each new context would build the kernel's JSON contracts again for every explanation serialised.
        Assert.Same(KernelJsonContext.Readable, KernelJsonContext.Readable);
    }
}
