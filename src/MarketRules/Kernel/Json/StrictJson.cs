using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MarketRules.Json;

/// <summary>What can be wrong with a JSON text before it is bound to a contract.</summary>
internal enum JsonDefect
{
    /// <summary>Not well-formed JSON (the reader's own verdict).</summary>
    Malformed,

    /// <summary>A string or member name that is not valid Unicode: invalid UTF-8, or an escaped lone surrogate.</summary>
    InvalidText,

    /// <summary>A member name repeated in one object.</summary>
    DuplicateMember,

    /// <summary>A member the contract does not define (a misspelt or made-up field).</summary>
    UnknownMember,

    /// <summary>A <c>null</c> inside an array whose elements cannot be null.</summary>
    NullElement,

    /// <summary>A member without which the object cannot exist (a constructor argument that is neither optional nor nullable).</summary>
    MissingMember,
}

/// <summary>One defect, where it is, and a detail for the message (the member name; for a malformed text, where the reader stopped).</summary>
internal readonly record struct JsonFinding(JsonDefect Defect, string Path, string Detail, JsonTypeInfo? Contract = null);

/// <summary>
/// The strict door's one reading of a JSON text, shared by everything the library reads (rule requests, policy packs,
/// subsidy schemes, credit models): it walks the text once and reports every duplicate member, unknown member,
/// invalid string and null array element with its JSON path, before any of it is bound to a .NET type. The binder
/// (System.Text.Json) would otherwise keep the last of two duplicates, ignore a misspelt member, and fail on invalid
/// text with an exception that carries no path.
/// </summary>
internal static class StrictJson
{
    private const int MaxFindings = 32;

    // Member names of each object contract, looked up once per contract.
    private static readonly ConcurrentDictionary<JsonTypeInfo, Members> MembersOf = new();

    /// <summary>Checks a JSON text against a contract (or, with <see langword="null"/>, only its duplicates and text).</summary>
    /// <param name="json">The UTF-8 JSON text (one value).</param>
    /// <param name="contract">The contract the text will be bound to, or <see langword="null"/> to check only duplicates and text.</param>
    /// <param name="rootPath">The path of the text's root in what the caller sent, e.g. <c>$</c> or <c>$.input</c>.</param>
    /// <param name="options">The reader options (depth, comments, trailing commas) the binder will use.</param>
    /// <returns>The defects found, in document order (at most 32); empty when none.</returns>
    public static List<JsonFinding> Check(ReadOnlySpan<byte> json, JsonTypeInfo? contract, string rootPath, JsonReaderOptions options)
    {
        var findings = new List<JsonFinding>();
        var path = new List<string> { rootPath };
        var reader = new Utf8JsonReader(json, options);
        try
        {
            if (reader.Read())
            {
                Value(ref reader, contract, path, findings);
            }
        }
        catch (JsonException ex)
        {
            findings.Add(new JsonFinding(JsonDefect.Malformed, Join(path), JsonTexts.Position(ex)));
        }
        catch (InvalidOperationException)
        {
            findings.Add(new JsonFinding(JsonDefect.InvalidText, Join(path), "string"));
        }
        return findings;
    }

    /// <summary>
    /// Reads a document the library validates before use (a policy pack, a subsidy scheme, a credit model): the strict
    /// check first, then the binder; every defect comes back as the document's own "malformed" code with its path.
    /// </summary>
    /// <typeparam name="T">The document's contract.</typeparam>
    /// <param name="json">The document.</param>
    /// <param name="contract">Its contract.</param>
    /// <param name="malformed">The document's code for a malformed document; its templates take a <c>{Detail}</c>.</param>
    /// <returns>The bound document, or the coded errors.</returns>
    public static RuleResult<T> Read<T>(string json, JsonTypeInfo<T> contract, MessageDefinition malformed)
        where T : class
    {
        var bytes = StrictUtf8(json);
        return bytes is null
            ? RuleResult<T>.Failure(malformed.CreateLocalized("$", ("Detail", JsonTexts.LoneSurrogate)))
            : Read(bytes, contract, malformed);
    }

    // The text as UTF-8, or null when it holds a lone surrogate, which no UTF-8 can encode. Read without a local assigned
    // in a try block: a mutation tool that removes the block would leave it unassigned (CS0165).
    private static byte[]? StrictUtf8(string json)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(json);
        }
        catch (System.Text.EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Reads a UTF-8 document the library validates before use, as <see cref="Read{T}(string, JsonTypeInfo{T}, MessageDefinition)"/> does.</summary>
    /// <typeparam name="T">The document's contract.</typeparam>
    /// <param name="bytes">The document, UTF-8.</param>
    /// <param name="contract">Its contract.</param>
    /// <param name="malformed">The document's code for a malformed document; its templates take a <c>{Detail}</c>.</param>
    /// <returns>The bound document, or the coded errors.</returns>
    public static RuleResult<T> Read<T>(ReadOnlySpan<byte> bytes, JsonTypeInfo<T> contract, MessageDefinition malformed)
        where T : class => Read(bytes, contract, malformed, "$");

    /// <summary>Reads one UTF-8 value of a larger document (an element read on its own from a stream) strictly, its errors' paths under <paramref name="rootPath"/>.</summary>
    /// <typeparam name="T">The value's contract.</typeparam>
    /// <param name="bytes">The value, UTF-8.</param>
    /// <param name="contract">Its contract.</param>
    /// <param name="malformed">The document's code for a malformed document; its templates take a <c>{Detail}</c>.</param>
    /// <param name="rootPath">The value's path in the document, e.g. <c>$.strata[3]</c>.</param>
    /// <returns>The bound value, or the coded errors.</returns>
    public static RuleResult<T> Read<T>(ReadOnlySpan<byte> bytes, JsonTypeInfo<T> contract, MessageDefinition malformed, string rootPath)
        where T : class
    {
        var options = new JsonReaderOptions
        {
            CommentHandling = contract.Options.ReadCommentHandling,
            AllowTrailingCommas = contract.Options.AllowTrailingCommas,
            MaxDepth = contract.Options.MaxDepth,
        };
        var findings = Check(bytes, contract, rootPath, options);
        // Read without pattern variables, and the count in a property pattern: a mutation tool that guards each condition
        // would leave a pattern variable unassigned (CS0165), and it turns a list's `.Count` into a `Sum` that does not
        // compile; either drops the method's mutants unmeasured.
        if (findings is { Count: > 0 })
        {
            return RuleResult<T>.Failure([.. findings.Select(f => malformed.CreateLocalized(f.Path, ("Detail", JsonTexts.Describe(f))))]);
        }
        try
        {
            var value = JsonSerializer.Deserialize(bytes, contract);
            return value is not null
                ? RuleResult<T>.Success(value)
                : RuleResult<T>.Failure(malformed.CreateLocalized(rootPath, ("Detail", JsonTexts.NullDocument)));
        }
        catch (JsonException ex)
        {
            // The strict check found the text well-formed and every member known, so what the binder refuses is a
            // value of the wrong type or format; its exception text (.NET type names) never reaches a message.
            var inner = ex.Path;
            var path = inner is not null && inner.StartsWith('$') ? rootPath + inner[1..] : rootPath;
            return RuleResult<T>.Failure(malformed.CreateLocalized(path, ("Detail", JsonTexts.WrongValue)));
        }
        catch (ArgumentException)
        {
            // A contract's constructor refused a value of the right type in the wrong form (a value type that keeps only
            // a packed form, e.g. a selected entity's code and rank); the binder does not say where, so the value's root.
            return RuleResult<T>.Failure(malformed.CreateLocalized(rootPath, ("Detail", JsonTexts.WrongValue)));
        }
    }

    /// <summary>The path of a member below a path: <c>$.input.fineYuan</c>, or <c>$.input['a b']</c> for other names.</summary>
    /// <param name="parent">The parent path.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The member's path.</returns>
    public static string Member(string parent, string name) => $"{parent}{Segment(name)}";

    private static string Segment(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (var i = 1; plain && i < name.Length; i++)
        {
            // Compared one by one rather than with an `or` pattern, which a mutation tool turns into an `and` that cannot compile.
            plain = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_' || name[i] == '-';
        }
        return plain ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    private static void Value(ref Utf8JsonReader reader, JsonTypeInfo? contract, List<string> path, List<JsonFinding> findings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Object(ref reader, contract, path, findings);
                break;
            case JsonTokenType.StartArray:
                Array(ref reader, contract, path, findings);
                break;
            case JsonTokenType.String:
                if (!IsValidText(ref reader))
                {
                    Add(findings, JsonDefect.InvalidText, path, "string");
                }
                break;
            default:
                break;
        }
    }

    private static void Object(ref Utf8JsonReader reader, JsonTypeInfo? contract, List<string> path, List<JsonFinding> findings)
    {
        var members = contract is { Kind: JsonTypeInfoKind.Object } || contract?.Type == typeof(DateInterval) ? MembersOf.GetOrAdd(contract!, static c => new Members(c)) : null;
        var valueContract = contract is { Kind: JsonTypeInfoKind.Dictionary } ? ElementContract(contract) : null;
        List<string>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A name that is not valid text is reported, and read on as U+FFFD so that the rest of the object is still
            // checked. Assigned first: a mutation tool that removes a branch would otherwise leave it unassigned (CS0165).
            var name = "\uFFFD";
            if (!IsValidText(ref reader))
            {
                Add(findings, JsonDefect.InvalidText, path, "member name");
            }
            else
            {
                name = reader.GetString()!;
            }
            seen ??= [];
            var duplicate = seen.Contains(name);
            seen.Add(name);
            path.Add(Segment(name));
            if (duplicate)
            {
                Add(findings, JsonDefect.DuplicateMember, path, name);
            }
            JsonTypeInfo? child = valueContract;
            if (members is not null)
            {
                if (members.TryGet(name, out var property))
                {
                    child = property;
                }
                else if (!members.AcceptsAny)
                {
                    Add(findings, JsonDefect.UnknownMember, path, name, contract);
                }
            }
            reader.Read();
            // A member that cannot be null (a non-nullable constructor argument or property) given as null.
            if (reader.TokenType == JsonTokenType.Null && members is not null && members.IsNonNullable(name))
            {
                Add(findings, JsonDefect.NullElement, path, "null", child);
            }
            // A map's values, like an array's elements, are never null in the library's contracts.
            if (reader.TokenType == JsonTokenType.Null && valueContract is not null && Nullable.GetUnderlyingType(contract!.ElementType!) is null)
            {
                Add(findings, JsonDefect.NullElement, path, "null", valueContract);
            }
            Value(ref reader, child, path, findings);
            Leave(path);
        }
        if (members is not null)
        {
            foreach (var required in members.Required)
            {
                if (seen is null || !seen.Contains(required))
                {
                    path.Add(Segment(required));
                    Add(findings, JsonDefect.MissingMember, path, required, contract);
                    Leave(path);
                }
            }
        }
    }

    private static void Array(ref Utf8JsonReader reader, JsonTypeInfo? contract, List<string> path, List<JsonFinding> findings)
    {
        var element = contract is { Kind: JsonTypeInfoKind.Enumerable } ? ElementContract(contract) : null;
        var elementMayBeNull = element is null || Nullable.GetUnderlyingType(contract!.ElementType!) is not null;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            path.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            if (reader.TokenType == JsonTokenType.Null && !elementMayBeNull)
            {
                Add(findings, JsonDefect.NullElement, path, "null", element);
            }
            Value(ref reader, element, path, findings);
            Leave(path);
            index++;
        }
    }

    // The path's last segment dropped as the walk leaves a member or an element. One place for the list's `.Count`, which
    // a mutation tool turns into a `Sum` that does not compile.
    private static void Leave(List<string> path) => path.RemoveAt(path.Count - 1);

    // Read without pattern or out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
    private static JsonTypeInfo? ElementContract(JsonTypeInfo contract)
    {
        var type = contract.ElementType;
        return type is null ? null : Resolve(contract.Options, type);
    }

    private static JsonTypeInfo? Resolve(JsonSerializerOptions options, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonTypeInfo? info = null;
        return options.TryGetTypeInfo(type, out info) ? info : null;
    }

    // Strings of printable ASCII without escapes are valid by construction; only the rest is decoded.
    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
        {
            return true;
        }
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Add(List<JsonFinding> findings, JsonDefect defect, List<string> path, string detail, JsonTypeInfo? contract = null)
    {
        // The count in a property pattern: a mutation tool turns a list's `.Count` into a `Sum` that does not compile.
        if (findings is { Count: < MaxFindings })
        {
            findings.Add(new JsonFinding(defect, Join(path), detail, contract));
        }
    }

    private static string Join(List<string> path) => string.Join("", path);

    /// <summary>The members of an object contract: their names as written in JSON and their contracts.</summary>
    private sealed class Members
    {
        private readonly Dictionary<string, JsonTypeInfo?> byName = new(StringComparer.Ordinal);

        public Members(JsonTypeInfo contract)
        {
            // A date interval is read by its own converter, which the contract cannot see into.
            if (contract.Type == typeof(DateInterval))
            {
                byName["start"] = null;
                byName["end"] = null;
            }
            foreach (var property in contract.Kind == JsonTypeInfoKind.Object ? contract.Properties : [])
            {
                if (property.IsExtensionData)
                {
                    AcceptsAny = true;
                    continue;
                }
                byName[property.Name] = Resolve(contract.Options, property.PropertyType);
                // A constructor argument that is neither optional nor nullable, or a C# `required` member: the object
                // cannot be built without it.
                if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false, IsMemberInitializer: false } || property.IsRequired)
                {
                    required.Add(property.Name);
                }
                if (property.AssociatedParameter is { IsNullable: false } || (!property.IsSetNullable && !property.PropertyType.IsValueType))
                {
                    nonNullable.Add(property.Name);
                }
            }
            Names = string.Join(", ", byName.Keys.Order(StringComparer.Ordinal));
        }

        private readonly List<string> required = [];
        private readonly HashSet<string> nonNullable = new(StringComparer.Ordinal);

        public bool IsNonNullable(string name) => nonNullable.Contains(name);

        public bool AcceptsAny { get; }

        public IReadOnlyList<string> Required => required;

        public string Names { get; }

        public bool TryGet(string name, out JsonTypeInfo? contract) => byName.TryGetValue(name, out contract);
    }

    /// <summary>The member names an object contract accepts, comma-separated (for an unknown member's message).</summary>
    /// <param name="contract">The object contract.</param>
    /// <returns>The names, or an empty string for a contract that is not an object.</returns>
    public static string MemberNames(JsonTypeInfo? contract) =>
        contract is { Kind: JsonTypeInfoKind.Object } || contract?.Type == typeof(DateInterval) ? MembersOf.GetOrAdd(contract!, static c => new Members(c)).Names : "";
}

/// <summary>
/// The library's own words, in both languages, for what is wrong with a JSON text: never the reader's or binder's
/// exception text, which is English and names .NET types. Member names stay as the caller spelt them, in 「」 in Chinese.
/// </summary>
internal static class JsonTexts
{
    /// <summary>A text with a lone surrogate (not valid Unicode).</summary>
    public static LocalizedText LoneSurrogate { get; } = new("文本含有孤立的代理字符（不是有效的字符）", "the text has a lone surrogate (not valid Unicode)");

    /// <summary>A document that is the JSON literal null.</summary>
    public static LocalizedText NullDocument { get; } = new("文件内容为 null", "the document is null");

    /// <summary>A value the binder cannot read as its member's type.</summary>
    public static LocalizedText WrongValue { get; } = new("取值的类型或格式不符合约定", "the value has the wrong type or format");

    /// <summary>Where the reader stopped in a malformed text, in a form both languages can quote: <c>1:9</c> (line:byte, from 1).</summary>
    /// <param name="ex">The reader's exception.</param>
    /// <returns>The position, or an empty string when the reader gave none.</returns>
    public static string Position(JsonException ex)
    {
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var line = ex.LineNumber;
        return line is null ? ""
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{line.Value + 1}:{(ex.BytePositionInLine ?? 0) + 1}");
    }

    /// <summary>A text that is not well-formed JSON, with where the reader stopped.</summary>
    /// <param name="position">The position from <see cref="Position"/>.</param>
    /// <returns>The detail.</returns>
    public static LocalizedText Malformed(string position) => position.Length == 0
        ? new("不是格式正确的 JSON", "not well-formed JSON")
        : new("不是格式正确的 JSON（第 " + position.Replace(":", " 行第 ", StringComparison.Ordinal) + " 字节）",
            "not well-formed JSON (line " + position.Replace(":", ", byte ", StringComparison.Ordinal) + ")");

    /// <summary>A JSON text the binder could not read, where the reader stopped (malformed, or a value of the wrong type).</summary>
    /// <param name="ex">The binder's exception.</param>
    /// <returns>The detail.</returns>
    public static LocalizedText Unreadable(JsonException ex)
    {
        // Read without pattern variables, as Position is.
        var position = Position(ex);
        return position.Length > 0
            ? new("第 " + position.Replace(":", " 行第 ", StringComparison.Ordinal) + " 字节处无法读取（不是格式正确的 JSON，或取值的类型、格式不符）",
                "cannot be read at line " + position.Replace(":", ", byte ", StringComparison.Ordinal) + " (not well-formed JSON, or a value of the wrong type or format)")
            : new("无法读取（不是格式正确的 JSON，或取值的类型、格式不符）", "cannot be read (not well-formed JSON, or a value of the wrong type or format)");
    }

    /// <summary>A text that is not well-formed JSON.</summary>
    /// <param name="ex">The reader's exception.</param>
    /// <returns>The detail.</returns>
    public static LocalizedText Malformed(JsonException ex) => Malformed(Position(ex));

    /// <summary>Invalid UTF-8 or a lone surrogate in a string or member name.</summary>
    /// <param name="where"><c>string</c> or <c>member name</c>.</param>
    /// <returns>The detail.</returns>
    public static LocalizedText InvalidText(string where) => where == "member name"
        ? new("成员名含有无效的 UTF-8 字节或孤立的代理字符", "invalid UTF-8 or a lone surrogate in a member name")
        : new("字符串含有无效的 UTF-8 字节或孤立的代理字符", "invalid UTF-8 or a lone surrogate in a string");

    /// <summary>Member names as a list: <c>「a」、「b」</c> in Chinese, <c>a, b</c> in English.</summary>
    /// <param name="names">The names, comma-separated as <see cref="StrictJson.MemberNames"/> gives them.</param>
    /// <returns>The list.</returns>
    public static LocalizedText MemberList(string names)
    {
        var each = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new(string.Join("、", each.Select(n => "「" + n + "」")), string.Join(", ", each));
    }

    private static LocalizedText UnknownMember(string name, LocalizedText known) =>
        new($"未知成员「{name}」（可用：{known.Chinese}）", $"unknown member '{name}' (known: {known.English})");

    /// <summary>The detail of a finding of the strict check, for a document's own "malformed" code.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The detail.</returns>
    public static LocalizedText Describe(JsonFinding finding) => finding.Defect switch
    {
        JsonDefect.DuplicateMember => new("成员「" + finding.Detail + "」出现了两次", "member '" + finding.Detail + "' appears twice"),
        JsonDefect.UnknownMember => UnknownMember(finding.Detail, MemberList(StrictJson.MemberNames(finding.Contract))),
        JsonDefect.NullElement => new("此处不允许 null", "null is not allowed here"),
        JsonDefect.MissingMember => new("缺少必填成员「" + finding.Detail + "」", "member '" + finding.Detail + "' is required"),
        JsonDefect.InvalidText => InvalidText(finding.Detail),
        _ => Malformed(finding.Detail),
    };
}
