using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Sampling;

/// <summary>The JSON contract of double-random inspections: receipts and plans.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(SamplingReceipt))]
[JsonSerializable(typeof(RosterCommitment))]
[JsonSerializable(typeof(TeamDrawResult))]
[JsonSerializable(typeof(PublicationReport))]
[JsonSerializable(typeof(System.Collections.Immutable.ImmutableArray<CoverageRow>))]
internal sealed partial class SamplingJsonContext : JsonSerializerContext
{
    // Built on first use: static initialisers of partial declarations run in no defined order, and Default is generated.
    /// <summary>
    /// The published form: <see cref="Default"/>'s options with the library's text encoding, and selected entities
    /// written from their packed form. For writing only.
    /// </summary>
    internal static SamplingJsonContext Readable => field ??= new(Writing());

    private static JsonSerializerOptions Writing()
    {
        var options = MarketRulesJson.Readably(Default.Options);
        options.Converters.Add(new SelectedEntityWriter());
        return options;
    }
}
