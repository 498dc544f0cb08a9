using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace MarketRules.Subsidies;

/// <summary>Reads and writes a local date-time as ISO text without offset (<c>2022-06-30T23:59:59</c>), the way notices state times in Asia/Shanghai.</summary>
internal sealed class LocalDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.ExtendedIso;

    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = Pattern.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException("Expected a local date-time such as 2022-06-30T23:59:59 (Asia/Shanghai)");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Pattern.Format(value));
    }
}
