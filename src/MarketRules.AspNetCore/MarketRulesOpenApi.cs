using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketRules.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace MarketRules.AspNetCore;

// The OpenAPI 3.1 document, written by hand: OpenAPI 3.1 schemas are JSON Schema 2020-12, so each rule's schemas
// (RuleSchemas, the same the catalog and docs/schemas carry) go in as they are, and every route of the application
// is listed from its endpoint metadata — the subsidy routes of a host included.
internal static class MarketRulesOpenApi
{
    private static readonly Lazy<FrozenDictionary<string, JsonNode>> Examples = new(LoadExamples);

    public static void Write(Utf8JsonWriter w, RuleEngine engine, EndpointDataSource endpoints, string prefix)
    {
        var root = prefix.TrimEnd('/');
        w.WriteStartObject();
        w.WriteString("openapi", "3.1.1");
        w.WriteStartObject("info");
        w.WriteString("title", "MarketRules");
        w.WriteString("version", typeof(MarketRulesOpenApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        w.WriteString("description", "Chinese market-supervision rules as a JSON rule engine. Errors are RFC 9457 problems (application/problem+json) whose errors carry code, JSON path and message in zh and en.");
        w.WriteEndObject();
        w.WriteStartObject("paths");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .GroupBy(e => PathOf(e.RoutePattern.RawText!))
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            written.Add(group.Key);
            w.WriteStartObject(group.Key);
            foreach (var endpoint in group)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    w.WriteStartObject(method.ToLowerInvariant());
                    WriteOperation(w, endpoint, group.Key);
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
        }
        // One path per rule, so that each carries its own request and result schema and an example.
        foreach (var rule in engine.Rules)
        {
            var path = root + "/rules/" + rule.Id + "/evaluate";
            if (!written.Add(path))
            {
                continue;
            }
            var stem = RuleSchemas.FileStem(rule.Id);
            w.WriteStartObject(path);
            w.WriteStartObject("post");
            w.WriteString("operationId", "evaluate." + stem);
            w.WriteString("summary", rule.Title.English);
            w.WriteString("description", rule.Title.Chinese);
            w.WriteStartArray("tags");
            w.WriteStringValue("rules");
            w.WriteEndArray();
            w.WriteStartObject("requestBody");
            w.WriteBoolean("required", true);
            w.WriteStartObject("content");
            w.WriteStartObject("application/json");
            w.WriteStartObject("schema");
            w.WriteString("$ref", "#/components/schemas/" + stem + ".request");
            w.WriteEndObject();
            if (Examples.Value.TryGetValue(rule.Id, out var example))
            {
                w.WritePropertyName("example");
                example.WriteTo(w);
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            WriteResponses(w, "#/components/schemas/" + stem + ".decision");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WriteComponents(w, engine);
        w.WriteEndObject();
    }

    // ASP.NET Core route syntax to OpenAPI: constraints and defaults dropped ({version:int} → {version}).
    private static string PathOf(string raw)
    {
        var path = "/" + raw.TrimStart('/');
        var builder = new System.Text.StringBuilder(path.Length);
        var inParameter = false;
        var skipping = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inParameter = true;
                skipping = false;
                builder.Append(c);
            }
            else if (c == '}')
            {
                inParameter = false;
                skipping = false;
                builder.Append(c);
            }
            else if (inParameter && (c is ':' or '=' or '?'))
            {
                skipping = true;
            }
            else if (!skipping)
            {
                builder.Append(c == '*' && inParameter ? '\0' : c);
            }
        }
        return builder.ToString().Replace("\0", string.Empty, StringComparison.Ordinal);
    }

    private static void WriteOperation(Utf8JsonWriter w, RouteEndpoint endpoint, string path)
    {
        if (endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary is { } summary)
        {
            w.WriteString("summary", summary);
        }
        var parameters = endpoint.RoutePattern.Parameters;
        if (parameters.Count > 0)
        {
            w.WriteStartArray("parameters");
            foreach (var parameter in parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", parameter.Name);
                w.WriteString("in", "path");
                w.WriteBoolean("required", true);
                w.WriteStartObject("schema");
                w.WriteString("type", parameter.ParameterPolicies.Any(p => p.Content == "int") ? "integer" : "string");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        switch (endpoint.Metadata.GetMetadata<MarketRulesRoute>()?.Kind)
        {
            case "evaluate" or "evaluate-escaped":
                WriteBody(w, "#/components/schemas/Request", ndjson: false);
                WriteResponses(w, "#/components/schemas/Decision");
                break;
            case "batch":
                WriteBody(w, "#/components/schemas/Batch", ndjson: true);
                WriteResponses(w, "#/components/schemas/Decisions");
                break;
            case "catalog":
                WriteResponses(w, "#/components/schemas/Catalog", problems: false);
                break;
            case "subsidy-claim":
                // The claim is the subsidy rule's own claim schema: one definition of the claim for the engine and the ledger.
                WriteBody(w, "#/components/schemas/" + RuleSchemas.FileStem(MarketRules.Subsidies.SubsidyEvaluator.RuleId) + ".input/properties/claim", ndjson: false);
                w.WriteStartObject("responses");
                w.WriteStartObject("200");
                w.WriteString("description", "The decision: outcome, reason code, amount, whether the claim id was seen before, the reservation and the explanation");
                w.WriteEndObject();
                WriteProblems(w, [("400", "Bad input: the coded errors"), ("404", "Unknown scheme"), ("413", "The body is too large"), ("422", "The Idempotency-Key was used for another request")]);
                w.WriteEndObject();
                break;
            default:
                w.WriteStartObject("responses");
                w.WriteStartObject("200");
                w.WriteString("description", "OK");
                w.WriteEndObject();
                if (path.StartsWith("/health", StringComparison.Ordinal))
                {
                    w.WriteStartObject("503");
                    w.WriteString("description", "Not ready: a check failed");
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                break;
        }
    }

    private static void WriteBody(Utf8JsonWriter w, string schema, bool ndjson)
    {
        w.WriteStartObject("requestBody");
        w.WriteBoolean("required", true);
        w.WriteStartObject("content");
        w.WriteStartObject("application/json");
        w.WriteStartObject("schema");
        w.WriteString("$ref", schema);
        w.WriteEndObject();
        w.WriteEndObject();
        if (ndjson)
        {
            w.WriteStartObject("application/x-ndjson");
            w.WriteStartObject("schema");
            w.WriteString("type", "string");
            w.WriteString("description", "One request object per line.");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResponses(Utf8JsonWriter w, string schema, bool problems = true)
    {
        w.WriteStartObject("responses");
        w.WriteStartObject("200");
        w.WriteString("description", "The answer");
        w.WriteStartObject("content");
        w.WriteStartObject("application/json");
        w.WriteStartObject("schema");
        w.WriteString("$ref", schema);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        if (problems)
        {
            WriteProblems(w, [("400", "Bad input: the engine's coded errors"), ("413", "The body is too large"), ("415", "The body is not JSON")]);
        }
        w.WriteEndObject();
    }

    private static void WriteProblems(Utf8JsonWriter w, ReadOnlySpan<(string Status, string Description)> problems)
    {
        foreach (var (status, description) in problems)
        {
            w.WriteStartObject(status);
            w.WriteString("description", description);
            w.WriteStartObject("content");
            w.WriteStartObject(ProblemJson.MediaType);
            w.WriteStartObject("schema");
            w.WriteString("$ref", "#/components/schemas/Problem");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static void WriteComponents(Utf8JsonWriter w, RuleEngine engine)
    {
        w.WriteStartObject("components");
        w.WriteStartObject("schemas");
        WriteRaw(w, "Error", """{ "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string", "examples": ["MR.Engine.UnknownRule"] }, "path": { "type": ["string", "null"], "description": "JSON path of the offending value, e.g. $.input.trigger" }, "message": { "type": "object", "required": ["zh", "en"], "properties": { "zh": { "type": "string" }, "en": { "type": "string" } } }, "arguments": { "type": "object", "additionalProperties": { "type": "string" } } } }""");
        WriteRaw(w, "Problem", """{ "type": "object", "description": "RFC 9457 problem details; the engine's error decision (rule, ok, errors) rides along as extension members.", "required": ["type", "title", "status", "errors"], "properties": { "type": { "type": "string", "examples": ["urn:marketrules:error:MR.Engine.UnknownRule"] }, "title": { "type": "string" }, "status": { "type": "integer" }, "detail": { "type": "string" }, "instance": { "type": "string" }, "rule": { "type": ["string", "null"] }, "ok": { "const": false }, "errors": { "type": "array", "items": { "$ref": "#/components/schemas/Error" } } } }""");
        WriteRaw(w, "Request", """{ "type": "object", "required": ["asOf", "input"], "properties": { "rule": { "type": "string", "description": "Optional when the URL names the rule; must match it." }, "asOf": { "type": "string", "format": "date" }, "jurisdiction": { "type": "string", "description": "Administrative division code, e.g. 330105; national law when absent." }, "input": { "type": "object" } }, "additionalProperties": false }""");
        WriteRaw(w, "Decision", """{ "type": "object", "required": ["rule", "ok"], "properties": { "rule": { "type": ["string", "null"] }, "ok": { "type": "boolean" }, "result": { "type": "object" }, "explanation": { "type": "object" }, "errors": { "type": "array", "items": { "$ref": "#/components/schemas/Error" } } } }""");
        WriteRaw(w, "Batch", """{ "type": "array", "items": { "allOf": [ { "$ref": "#/components/schemas/Request" } ], "required": ["rule"] } }""");
        WriteRaw(w, "Decisions", """{ "type": "array", "items": { "$ref": "#/components/schemas/Decision" } }""");
        WriteRaw(w, "Catalog", """{ "type": "array", "items": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "title": { "type": "object" }, "input": { "type": "object" }, "result": { "type": "object" } } } }""");
        foreach (var rule in engine.Rules)
        {
            var stem = RuleSchemas.FileStem(rule.Id);
            WriteSchema(w, stem + ".input", RuleSchemas.Input(rule));
            WriteSchema(w, stem + ".result", RuleSchemas.Result(rule));
            WriteRaw(w, stem + ".request", $$"""{ "type": "object", "required": ["asOf", "input"], "properties": { "rule": { "const": "{{rule.Id}}" }, "asOf": { "type": "string", "format": "date" }, "jurisdiction": { "type": "string" }, "input": { "$ref": "#/components/schemas/{{stem}}.input" } }, "additionalProperties": false }""");
            WriteRaw(w, stem + ".decision", $$"""{ "type": "object", "required": ["rule", "ok", "result", "explanation"], "properties": { "rule": { "const": "{{rule.Id}}" }, "ok": { "const": true }, "result": { "$ref": "#/components/schemas/{{stem}}.result" }, "explanation": { "type": "object" } } }""");
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRaw(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(json);
    }

    // A rule schema's own references (#/properties/…) point into the schema; inside the document they must point into
    // its component.
    private static void WriteSchema(Utf8JsonWriter w, string name, JsonNode schema)
    {
        Rebase(schema, "#/components/schemas/" + name);
        if (schema is JsonObject root)
        {
            root.Remove("$schema");
        }
        w.WritePropertyName(name);
        schema.WriteTo(w);
    }

    private static void Rebase(JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target) && target.StartsWith("#/", StringComparison.Ordinal))
                    {
                        o["$ref"] = at + target[1..];
                    }
                    else
                    {
                        Rebase(value, at);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Rebase(item, at);
                }
                break;
        }
    }

    // The first conformance vector of each rule, its request without the rule (the URL names it).
    private static FrozenDictionary<string, JsonNode> LoadExamples()
    {
        var examples = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var assembly = typeof(MarketRulesOpenApi).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("MarketRules.AspNetCore.Vectors.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            if (JsonNode.Parse(stream)?["vectors"] is not JsonArray vectors)
            {
                continue;
            }
            foreach (var vector in vectors)
            {
                if (vector?["request"] is JsonObject request && request["rule"]?.GetValue<string>() is { } rule
                    && vector["expected"]?["ok"]?.GetValue<bool>() == true && !examples.ContainsKey(rule))
                {
                    var copy = (JsonObject)request.DeepClone();
                    copy.Remove("rule");
                    examples[rule] = copy;
                }
            }
        }
        return examples.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
