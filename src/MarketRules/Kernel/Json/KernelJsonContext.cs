using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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
    // Built on first use: static initialisers of partial declarations run in no defined order, and Default is generated.
    /// <summary><see cref="Default"/>'s options with the library's text encoding, for serialising to a string.</summary>
    internal static KernelJsonContext Readable => field ??= new(MarketRulesJson.Readably(Default.Options));
}

/// <summary>Serialises the kernel's types (explanations, errors) to JSON, the way the rule engine answers.</summary>
public static class MarketRulesJson
{
    /// <summary>
    /// The text encoder of every JSON the library writes (engine answers, schemas, receipts, the CLI and the HTTP host):
    /// Chinese and other non-ASCII text stays readable (<c>"行政处罚法"</c>, not <c>"\u884C\u653F…"</c>), while the
    /// HTML-sensitive characters <c>&lt; &gt; &amp; ' "</c> and control characters are still escaped, so that the
    /// output is safe to embed in a web page. Give it to a <see cref="Utf8JsonWriter"/> passed to
    /// <see cref="Engine.RuleEngine.Evaluate(System.ReadOnlySpan{byte}, Utf8JsonWriter)"/> to answer the way the
    /// library does: the writer's encoder decides how text is written.
    /// </summary>
    /// <remarks>Characters outside the Basic Multilingual Plane (e.g. CJK Extension B) are still written as surrogate-pair escapes.</remarks>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Serialises an explanation.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <returns>Its JSON.</returns>
    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(explanation, KernelJsonContext.Readable.Explanation);

    /// <summary>Serialises an error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>Its JSON.</returns>
    public static string Serialize(RuleError error) => JsonSerializer.Serialize(error, KernelJsonContext.Readable.RuleError);

    /// <summary>The kernel's type information, to combine with an area's context (<c>JsonTypeInfoResolver.Combine</c>).</summary>
    public static System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver TypeInfoResolver => KernelJsonContext.Default;

    /// <summary>Writes an explanation to a JSON writer; the writer's encoder decides how text is escaped (see <see cref="Encoder"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="explanation">The explanation.</param>
    public static void Write(Utf8JsonWriter writer, Explanation explanation) => JsonSerializer.Serialize(writer, explanation, KernelJsonContext.Default.Explanation);

    /// <summary>Writes an error to a JSON writer; the writer's encoder decides how text is escaped (see <see cref="Encoder"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="error">The error.</param>
    public static void Write(Utf8JsonWriter writer, RuleError error) => JsonSerializer.Serialize(writer, error, KernelJsonContext.Default.RuleError);

    /// <summary>A copy of a source-generated context's options that writes text with <see cref="Encoder"/>.</summary>
    /// <remarks>[JsonSourceGenerationOptions] cannot name an encoder, so a context that serialises to a string is built over these.</remarks>
    internal static JsonSerializerOptions Readably(JsonSerializerOptions options) => new(options) { Encoder = Encoder };
}
