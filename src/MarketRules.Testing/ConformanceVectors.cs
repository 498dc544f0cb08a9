using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using MarketRules.Engine;

namespace MarketRules.Testing;

/// <summary>
/// One conformance case: a request to the rule engine and the subset of the decision it must produce. The same
/// files ship in the package (<c>vectors/*.json</c>) and in <c>docs/vectors/</c>, so a system in another language
/// can check itself against the same cases.
/// </summary>
/// <remarks>
/// A file is <c>{ "vectors": [ { "name": "…", "request": { "rule", "asOf", "jurisdiction"?, "input" }, "expected": { "ok": true, "result": { … } } } ] }</c>.
/// <c>expected</c> is matched as a subset: every member it names must be present with an equal value (objects
/// recursively, arrays element by element with equal length); members it leaves out are not checked.
/// This type is immutable and thread-safe.
/// </remarks>
public sealed class ConformanceVector
{
    internal ConformanceVector(string file, string name, string ruleId, string requestJson, string expectedJson)
    {
        File = file;
        Name = name;
        RuleId = ruleId;
        RequestJson = requestJson;
        ExpectedJson = expectedJson;
    }

    /// <summary>The file the vector comes from, e.g. <c>calendar.deadline.json</c>.</summary>
    public string File { get; }

    /// <summary>The vector's name, unique within its file.</summary>
    public string Name { get; }

    /// <summary>The rule the request addresses.</summary>
    public string RuleId { get; }

    /// <summary>The request, as JSON.</summary>
    public string RequestJson { get; }

    /// <summary>The expected subset of the decision, as JSON.</summary>
    public string ExpectedJson { get; }

    /// <summary>Evaluates the request with an engine and compares the decision with the expected subset.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The outcome.</returns>
    public ConformanceOutcome Run(RuleEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var decision = engine.Evaluate(RequestJson);
        return Compare(decision);
    }

    /// <summary>Compares a decision (produced by any implementation) with the expected subset.</summary>
    /// <param name="decisionJson">The decision as JSON.</param>
    /// <returns>The outcome.</returns>
    public ConformanceOutcome Compare(string decisionJson)
    {
        ArgumentNullException.ThrowIfNull(decisionJson);
        var mismatches = ImmutableArray.CreateBuilder<string>();
        using var expected = JsonDocument.Parse(ExpectedJson);
        try
        {
            using var actual = JsonDocument.Parse(decisionJson);
            Match(expected.RootElement, actual.RootElement, "$", mismatches);
        }
        catch (JsonException ex)
        {
            mismatches.Add("the decision is not JSON: " + ex.Message);
        }
        return new ConformanceOutcome(this, decisionJson, mismatches.ToImmutable());
    }

    /// <inheritdoc />
    public override string ToString() => File + ": " + Name;

    private static void Match(JsonElement expected, JsonElement actual, string path, ImmutableArray<string>.Builder mismatches)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    mismatches.Add($"{path}: expected an object, found {actual.GetRawText()}");
                    return;
                }
                foreach (var member in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(member.Name, out var value))
                    {
                        Match(member.Value, value, path + "." + member.Name, mismatches);
                    }
                    else if (member.Value.ValueKind != JsonValueKind.Null)
                    {
                        mismatches.Add($"{path}.{member.Name}: missing, expected {member.Value.GetRawText()}");
                    }
                }
                return;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    mismatches.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                    return;
                }
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Match(expected[i], actual[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", mismatches);
                }
                return;
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number || actual.GetDecimal() != expected.GetDecimal())
                {
                    mismatches.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }
                return;
            default:
                if (actual.ValueKind != expected.ValueKind || (expected.ValueKind == JsonValueKind.String && actual.GetString() != expected.GetString()))
                {
                    mismatches.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }
                return;
        }
    }
}

/// <summary>The outcome of running one <see cref="ConformanceVector"/>.</summary>
/// <param name="Vector">The vector.</param>
/// <param name="DecisionJson">The decision the engine produced.</param>
/// <param name="Mismatches">Where the decision differs from the expected subset; empty when it conforms.</param>
public sealed record ConformanceOutcome(ConformanceVector Vector, string DecisionJson, ImmutableArray<string> Mismatches)
{
    /// <summary>Whether the decision conforms.</summary>
    public bool Passed => Mismatches.IsEmpty;
}

/// <summary>The conformance vectors shipped with this package, one file per rule or area.</summary>
public static class ConformanceVectors
{
    private const string ResourcePrefix = "MarketRules.Testing.Vectors.";

    /// <summary>The names of the shipped vector files (e.g. <c>calendar.deadline.json</c>), in ordinal order.</summary>
    public static ImmutableArray<string> Files { get; } =
        [.. typeof(ConformanceVectors).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Loads every shipped vector, file by file in ordinal order.</summary>
    /// <returns>The vectors.</returns>
    public static ImmutableArray<ConformanceVector> Load() => [.. Files.SelectMany(f => Parse(f, ReadFile(f)))];

    /// <summary>Reads a shipped vector file's text, e.g. to copy it elsewhere.</summary>
    /// <param name="file">The file name, one of <see cref="Files"/>.</param>
    /// <returns>The file's text.</returns>
    /// <exception cref="ArgumentException">Thrown when no such file is shipped.</exception>
    public static string ReadFile(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = typeof(ConformanceVectors).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new ArgumentException("No vector file named " + file, nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses a vector file.</summary>
    /// <param name="file">The file's name, recorded in each vector.</param>
    /// <param name="json">The file's text.</param>
    /// <returns>The vectors.</returns>
    /// <exception cref="FormatException">Thrown when the file does not have the vector file shape.</exception>
    public static ImmutableArray<ConformanceVector> Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!document.RootElement.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{file}: expected an object with a 'vectors' array");
            }
            var result = ImmutableArray.CreateBuilder<ConformanceVector>();
            var index = 0;
            foreach (var vector in vectors.EnumerateArray())
            {
                var name = vector.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "#" + index.ToString(CultureInfo.InvariantCulture);
                if (!vector.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
                    || !vector.TryGetProperty("expected", out var expected) || expected.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{file}: vector '{name}' needs a 'request' object and an 'expected' object");
                }
                var rule = request.TryGetProperty("rule", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                result.Add(new ConformanceVector(file, name, rule, request.GetRawText(), expected.GetRawText()));
                index++;
            }
            return result.ToImmutable();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{file}: not valid JSON: {ex.Message}", ex);
        }
    }
}
