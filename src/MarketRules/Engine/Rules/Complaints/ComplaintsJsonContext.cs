using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Engine.Rules.Complaints;

// Strict at the door: an unknown or misspelt member is an error, not silently ignored. (AllowDuplicateProperties = false is
// set too, but the engine's reader still lets a repeated member through: the last one wins; see docs/complaints.md.)
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(ComplaintTransitionInput))]
[JsonSerializable(typeof(ComplaintTransitionResult))]
[JsonSerializable(typeof(ReportRewardInput))]
[JsonSerializable(typeof(ReportRewardResult))]
internal sealed partial class ComplaintsJsonContext : JsonSerializerContext
{
}
