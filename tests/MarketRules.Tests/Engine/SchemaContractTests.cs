using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using MarketRules.Engine;
using MarketRules.Testing;

namespace MarketRules.Tests.Engine;

// The published schemas say what the engine reads: every enum value a schema lists is accepted by its rule's
// contract, and every conformance vector's input validates against its rule's input schema (JsonSchema.Net, an
// independent JSON Schema 2020-12 validator; decision 0015).
public sealed class SchemaContractTests
{
    // Schemas carry an $id, and the validator refuses to register one twice: each is built once.
    private static readonly Dictionary<string, JsonSchema> Schemas = BuiltInRules.All.ToDictionary(
        r => r.Id, r => JsonSchema.FromText(RuleSchemas.Format(RuleSchemas.Input(r))), StringComparer.Ordinal);

    [Fact]
    public void EveryEnumValue_InEveryInputSchema_IsAcceptedByItsRule()
    {
        var checkedValues = 0;
        var refused = new List<string>();
        foreach (var rule in BuiltInRules.All)
        {
        Walk(RuleSchemas.Input(rule), rule.InputTypeInfo, rule.Id + " $", (path, contract, value) =>
        {
            checkedValues++;
            try
            {
                JsonSerializer.Deserialize(JsonSerializer.Serialize(value), contract);
            }
            catch (JsonException)
            {
                refused.Add($"{path}: \"{value}\"");
            }
        });
        }
        Assert.Empty(refused);
        // Units, event kinds, offences, standards, credit classes…: the walk must have reached them.
        Assert.True(checkedValues > 50, "only " + checkedValues + " enum values found in the input schemas");
    }

    // The codes of the door: a vector that expects one of these shows input the schema must refuse as well.
    private static readonly HashSet<string> DoorCodes = new(StringComparer.Ordinal)
    {
        "MR.Engine.UnknownMember", "MR.Engine.DuplicateMember", "MR.Engine.WrongType", "MR.Engine.MissingField", "MR.Engine.InvalidJson",
    };

    [Fact]
    public void EveryVectorInput_ValidatesAgainstItsRulesInputSchema_UnlessTheDoorRefusesIt()
    {
        var disagreements = new List<string>();
        var valid = 0;
        var refused = 0;
        foreach (var vector in ConformanceVectors.Load())
        {
            var rule = BuiltInRules.All.Single(r => r.Id == vector.RuleId);
            using var request = JsonDocument.Parse(vector.RequestJson);
            using var expected = JsonDocument.Parse(vector.ExpectedJson);
            var doorRefuses = expected.RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateArray().Any(e => e.TryGetProperty("code", out var c) && DoorCodes.Contains(c.GetString()!));
            var result = Schemas[rule.Id].Evaluate(request.RootElement.GetProperty("input"), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            if (result.IsValid == doorRefuses)
            {
                disagreements.Add(vector + (doorRefuses ? ": the engine refuses it at the door but the schema accepts it" : ": " + string.Join("; ", (result.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation + " " + string.Join(", ", d.Errors!.Values)))));
            }
            _ = doorRefuses ? refused++ : valid++;
        }
        Assert.True(valid > 100, "only " + valid + " valid vectors");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void InputSchema_RefusesWhatTheEngineRefuses_AMisspeltMemberAndAWrongEnumSpelling()
    {
        var schema = Schemas["referral.criminal/1"];
        using var misspelt = JsonDocument.Parse("""{ "offence": "shoddy-products", "actDate": "2019-06-01", "sale": 60000 }""");
        using var recased = JsonDocument.Parse("""{ "offence": "SHODDY-PRODUCTS", "actDate": "2019-06-01", "sales": 60000 }""");
        using var good = JsonDocument.Parse("""{ "offence": "shoddy-products", "actDate": "2019-06-01", "sales": 60000 }""");
        Assert.False(schema.Evaluate(misspelt.RootElement).IsValid);
        Assert.False(schema.Evaluate(recased.RootElement).IsValid);
        Assert.True(schema.Evaluate(good.RootElement).IsValid);
        Assert.Contains("MR.Engine.UnknownMember", RuleEngine.Default.Evaluate("""{ "rule": "referral.criminal/1", "asOf": "2019-06-01", "input": { "offence": "shoddy-products", "actDate": "2019-06-01", "sale": 60000 } }"""));
    }

    // Walks a schema beside the contract it was generated from, calling back for each enum value with the contract
    // of the field that holds it.
    private static void Walk(JsonNode? schema, JsonTypeInfo? contract, string path, Action<string, JsonTypeInfo, string> onEnumValue)
    {
        if (schema is not JsonObject node || contract is null)
        {
            return;
        }
        if (node["enum"] is JsonArray values)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    onEnumValue(path, contract, value.GetValue<string>());
                }
            }
        }
        if (node["properties"] is JsonObject properties && contract.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var (name, property) in properties)
            {
                var info = contract.Properties.SingleOrDefault(p => p.Name == name);
                if (info is not null)
                {
                    // A converter on the property (e.g. kebab-case weekdays) reads it, not the type's default contract.
                    var options = info.CustomConverter is { } converter ? new JsonSerializerOptions(contract.Options) { Converters = { converter } } : contract.Options;
                    Walk(property, options.GetTypeInfo(info.PropertyType), path + "." + name, onEnumValue);
                }
            }
        }
        if (node["items"] is JsonNode items && contract.ElementType is { } element)
        {
            Walk(items, contract.Options.GetTypeInfo(element), path + "[]", onEnumValue);
        }
        if (node["additionalProperties"] is JsonObject values2 && contract.Kind == JsonTypeInfoKind.Dictionary && contract.ElementType is { } valueType)
        {
            Walk(values2, contract.Options.GetTypeInfo(valueType), path + "[*]", onEnumValue);
        }
    }
}
