using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketRules.Json;

/// <summary>The JSON contract of the kernel's public types: explanations, errors, citations, parameter values.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(OffsetDateTimeJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(Explanation))]
[JsonSerializable(typeof(RuleError))]
[JsonSerializable(typeof(System.Collections.Immutable.ImmutableArray<RuleError>))]
[JsonSerializable(typeof(Citation))]
[JsonSerializable(typeof(Parameters.ParameterValue))]
[JsonSerializable(typeof(LocalizedText))]
internal sealed partial class KernelJsonContext : JsonSerializerContext
{
}

/// <summary>Serialises the kernel's types (explanations, errors) to JSON, the way the rule engine answers.</summary>
public static class MarketRulesJson
{
    /// <summary>Serialises an explanation.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <returns>Its JSON.</returns>
    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(explanation, KernelJsonContext.Default.Explanation);

    /// <summary>Serialises an error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>Its JSON.</returns>
    public static string Serialize(RuleError error) => JsonSerializer.Serialize(error, KernelJsonContext.Default.RuleError);

    /// <summary>The kernel's type information, to combine with an area's context (<c>JsonTypeInfoResolver.Combine</c>).</summary>
    public static System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver TypeInfoResolver => KernelJsonContext.Default;

    /// <summary>Writes an explanation to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="explanation">The explanation.</param>
    public static void Write(Utf8JsonWriter writer, Explanation explanation) => JsonSerializer.Serialize(writer, explanation, KernelJsonContext.Default.Explanation);

    /// <summary>Writes an error to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error.</param>
    public static void Write(Utf8JsonWriter writer, RuleError error) => JsonSerializer.Serialize(writer, error, KernelJsonContext.Default.RuleError);
}
