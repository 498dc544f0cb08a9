using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Subsidies;

/// <summary>The JSON contract of the subsidy area: schemes, claims and the rule's input and result.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(LocalDateTimeJsonConverter)])]
[JsonSerializable(typeof(SubsidySchemeDto))]
[JsonSerializable(typeof(SubsidyClaimInput))]
[JsonSerializable(typeof(SubsidyRuleInput))]
[JsonSerializable(typeof(SubsidyRuleResult))]
internal sealed partial class SubsidyJsonContext : JsonSerializerContext
{
}
