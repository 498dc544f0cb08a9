using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Utility;

namespace MarketRules.Engine;

/// <summary>
/// The JSON Schemas of a rule's input and result, generated from the rule's source-generated JSON contracts, and
/// the catalog of rules the engine publishes (<c>marketrules rules</c>, <c>GET /v1/rules</c>, <c>docs/schemas/</c>).
/// </summary>
public static class RuleSchemas
{
    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Describe,
    };

    /// <summary>The JSON Schema of a rule's input.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The schema.</returns>
    public static JsonNode Input(IRuleDefinition rule) => Export(Preconditions.CheckNotNull(rule).InputTypeInfo, rule, "input");

    /// <summary>The JSON Schema of a rule's result.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The schema.</returns>
    public static JsonNode Result(IRuleDefinition rule) => Export(Preconditions.CheckNotNull(rule).ResultTypeInfo, rule, "result");

    /// <summary>
    /// The file name stem of a rule's schemas in <c>docs/schemas/</c>: the id with its version slash replaced,
    /// <c>calendar.deadline/1</c> → <c>calendar.deadline.v1</c> (then <c>.input.json</c> and <c>.result.json</c>).
    /// </summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>The file name stem.</returns>
    public static string FileStem(string ruleId) => Preconditions.CheckNotNull(ruleId).Replace("/", ".v", StringComparison.Ordinal);

    /// <summary>Formats a schema the way <c>docs/schemas/</c> stores it: indented, LF line ends, final newline.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The text.</returns>
    public static string Format(JsonNode schema)
    {
        Preconditions.CheckNotNull(schema);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = Json.MarketRulesJson.Encoder }))
        {
            schema.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes the catalog of an engine's rules: id, title (zh/en), input and result schemas.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="writer">Where the catalog (a JSON array) goes.</param>
    /// <param name="includeSchemas">Whether to include the schemas, or only ids and titles.</param>
    public static void WriteCatalog(RuleEngine engine, Utf8JsonWriter writer, bool includeSchemas)
    {
        Preconditions.CheckNotNull(engine);
        Preconditions.CheckNotNull(writer);
        writer.WriteStartArray();
        foreach (var rule in engine.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteStartObject("title");
            writer.WriteString("zh", rule.Title.Chinese);
            writer.WriteString("en", rule.Title.English);
            writer.WriteEndObject();
            if (includeSchemas)
            {
                writer.WritePropertyName("input");
                Input(rule).WriteTo(writer);
                writer.WritePropertyName("result");
                Result(rule).WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static JsonNode Export(JsonTypeInfo typeInfo, IRuleDefinition rule, string part)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, ExporterOptions);
        if (schema is JsonObject root)
        {
            var described = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = "https://marketrules.dev/schemas/" + FileStem(rule.Id) + "." + part + ".json",
                ["title"] = rule.Id + " " + part,
                ["description"] = rule.Title.Chinese + " / " + rule.Title.English,
            };
            foreach (var (name, value) in root.ToList())
            {
                root.Remove(name);
                described[name] = value;
            }
            return described;
        }
        return schema;
    }

    // Every field carries the description its C# member is documented with, and dates and instants say how they are read.
    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var node = DescribeType(context, schema);
        if (context.PropertyInfo is not null && node is JsonValue)
        {
            // A free-form member (JsonElement) exports as the schema `true`; the same, as an object, can carry a description.
            node = new JsonObject();
        }
        if (context.PropertyInfo is { } property && node is JsonObject described && !described.ContainsKey("description"))
        {
            var member = property.AttributeProvider as System.Reflection.MemberInfo;
            var text = member is null ? null : XmlDocumentation.Of(member);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var time = type == typeof(Instant) || type == typeof(OffsetDateTime) ? " (RFC 3339 instant; any offset, read in Asia/Shanghai)"
                : type == typeof(LocalDate) ? " (calendar date yyyy-MM-dd, Asia/Shanghai)"
                : "";
            if (text is not null)
            {
                described["description"] = text + time;
            }
        }
        return node;
    }

    // Custom converters (NodaTime, kebab-case enums) are opaque to the exporter: describe what they read and write.
    private static JsonNode DescribeType(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        type = underlying ?? type;
        JsonObject? replacement = null;
        if (type == typeof(LocalDate))
        {
            replacement = new JsonObject { ["type"] = "string", ["format"] = "date" };
        }
        else if (type == typeof(Instant) || type == typeof(OffsetDateTime))
        {
            replacement = new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }
        else if (type == typeof(DateInterval))
        {
            replacement = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
                    ["end"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
                },
                ["required"] = new JsonArray("start", "end"),
                ["additionalProperties"] = false,
            };
            nullable |= !type.IsValueType && context.PropertyInfo?.IsGetNullable == true;
        }
        else if (type.IsEnum)
        {
            var names = new JsonArray();
            foreach (var name in Json.JsonEnumNames.Of(type))
            {
                names.Add((JsonNode?)JsonValue.Create(name));
            }
            replacement = new JsonObject { ["type"] = "string", ["enum"] = names };
        }
        if (replacement is null)
        {
            // The engine refuses members a contract does not define: say so in the schema.
            if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject objectSchema && objectSchema.ContainsKey("properties"))
            {
                objectSchema["additionalProperties"] = false;
            }
            return schema;
        }
        if (nullable)
        {
            replacement["type"] = new JsonArray(replacement["type"]!.GetValue<string>(), "null");
            if (replacement["enum"] is JsonArray values)
            {
                values.Add((JsonNode?)null);
            }
        }
        return replacement;
    }
}
