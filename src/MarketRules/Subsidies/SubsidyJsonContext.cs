using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Subsidies;

/// <summary>The JSON contract of the subsidy area: schemes and claims.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(LocalDateTimeJsonConverter)])]
[JsonSerializable(typeof(SubsidySchemeDto))]
[JsonSerializable(typeof(SubsidyClaimInput))]
internal sealed partial class SubsidyJsonContext : JsonSerializerContext
{
}
