using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Engine.Rules.Complaints;

// Strict at the door: an unknown or misspelt member and a repeated member are errors, not silently ignored. The rules use
// Strict: AllowDuplicateProperties = false in the attribute alone did not reach the options the engine deserialises with
// (a repeated member was still accepted), so Strict copies the options with it set.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(ComplaintTransitionInput))]
[JsonSerializable(typeof(ComplaintTransitionResult))]
[JsonSerializable(typeof(ReportRewardInput))]
[JsonSerializable(typeof(ReportRewardResult))]
[JsonSerializable(typeof(ReportIntakeInput))]
[JsonSerializable(typeof(ReportIntakeResult))]
internal sealed partial class ComplaintsJsonContext : JsonSerializerContext
{
    private static readonly Lazy<ComplaintsJsonContext> LazyStrict = new(() => new ComplaintsJsonContext(
        new System.Text.Json.JsonSerializerOptions(Default!.Options) { AllowDuplicateProperties = false }));

    /// <summary>The contracts with duplicate members refused (the attribute's setting alone does not reach the generated options).</summary>
    internal static ComplaintsJsonContext Strict => LazyStrict.Value;
}
