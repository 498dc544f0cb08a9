using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Json;
using MarketRules.Parameters;
using NodaTime.Text;

namespace MarketRules.Engine;

// Reading the request envelope and the rule's input, and turning every way they can be wrong into a coded error.
public sealed partial class RuleEngine
{
    private RuleResult<RuleDecision<object>> EvaluateCore(ReadOnlySpan<byte> request, string? addressedRule, out string? ruleId, out IRuleDefinition? rule)
    {
        ruleId = addressedRule;
        rule = null;
        if (request.Length > Options.MaxRequestBytes)
        {
            return Fail(EngineErrors.RequestTooLarge.Create("$", ("Limit", Options.MaxRequestBytes)));
        }
        // Duplicates and invalid text anywhere in the request are refused before any of it is read.
        if (Refuse(StrictJson.Check(request, null, "$", readerOptions)) is { IsDefaultOrEmpty: false } defects)
        {
            return Fail(defects);
        }
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        string? requestRule = null;
        LocalDate? asOf = null;
        var jurisdiction = Jurisdiction.National;
        int inputStart = -1, inputEnd = -1;
        try
        {
            var reader = new Utf8JsonReader(request, readerOptions);
            if (!reader.Read())
            {
                return Fail(EngineErrors.InvalidJsonAt("$", new LocalizedText("请求为空", "empty request")));
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return Fail(EngineErrors.WrongTypeAt("$", Expected.Object));
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("rule"u8))
                {
                    reader.Read();
                    requestRule = ReadString(ref reader, "$.rule", errors);
                }
                else if (reader.ValueTextEquals("asOf"u8))
                {
                    reader.Read();
                    if (ReadString(ref reader, "$.asOf", errors) is { } text)
                    {
                        var parsed = LocalDatePattern.Iso.Parse(text);
                        if (parsed.Success)
                        {
                            asOf = parsed.Value;
                        }
                        else
                        {
                            errors.Add(EngineErrors.WrongTypeAt("$.asOf", Expected.Date));
                        }
                    }
                }
                else if (reader.ValueTextEquals("jurisdiction"u8))
                {
                    reader.Read();
                    if (ReadString(ref reader, "$.jurisdiction", errors) is { } code)
                    {
                        var parsed = Jurisdiction.Parse(code);
                        if (parsed.IsSuccess)
                        {
                            jurisdiction = parsed.Value;
                        }
                        else
                        {
                            errors.AddRange(parsed.Errors.Select(e => e.WithPath("$.jurisdiction")));
                        }
                    }
                }
                else if (reader.ValueTextEquals("input"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        inputStart = checked((int)reader.TokenStartIndex);
                        reader.Skip();
                        inputEnd = checked((int)reader.BytesConsumed);
                    }
                }
                else
                {
                    // A misspelt envelope member ("jurisdicton") would otherwise change the law applied without a word.
                    var field = StrictJson.Member("$", reader.GetString()!);
                    errors.Add(EngineErrors.UnknownMemberAt(field, "rule, asOf, jurisdiction, input"));
                    reader.Read();
                    reader.Skip();
                }
            }
            // Anything after the object (a second value, garbage) makes the request invalid JSON.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return Fail(InvalidJson(ex));
        }

        if (requestRule is not null && addressedRule is not null && !string.Equals(requestRule, addressedRule, StringComparison.Ordinal))
        {
            errors.Add(EngineErrors.RuleMismatch.Create("$.rule", ("Rule", requestRule), ("Addressed", addressedRule)));
        }
        ruleId = addressedRule ?? requestRule;
        if (ruleId is null)
        {
            errors.Add(EngineErrors.MissingField.Create("$.rule", ("Field", "$.rule")));
        }
        else if (!byId.TryGetValue(ruleId, out rule))
        {
            errors.Add(EngineErrors.UnknownRule.CreateLocalized(addressedRule is null ? "$.rule" : null, ("Rule", ruleId, ruleId),
                ("Known", string.Concat(Rules.Select(r => "「" + r.Id + "」")), string.Join(", ", Rules.Select(r => r.Id)))));
        }
        if (asOf is null && !HasErrorAt(errors, "$.asOf"))
        {
            errors.Add(EngineErrors.MissingField.Create("$.asOf", ("Field", "$.asOf")));
        }
        if (inputStart < 0)
        {
            errors.Add(EngineErrors.MissingField.Create("$.input", ("Field", "$.input")));
        }
        if (errors.Count > 0 || rule is null)
        {
            return Fail(errors.ToImmutable());
        }

        if (Refuse(StrictJson.Check(request[inputStart..inputEnd], rule.InputTypeInfo, "$.input", readerOptions)) is { IsDefaultOrEmpty: false } inputDefects)
        {
            return Fail(inputDefects);
        }
        var input = ReadInput(rule, request[inputStart..inputEnd], out var inputErrors);
        if (input is null)
        {
            return Fail(inputErrors);
        }
        try
        {
            var outcome = rule.EvaluateUntyped(input, CreateContext(asOf!.Value, jurisdiction));
            return outcome.IsSuccess ? outcome : Fail(Rebase(outcome.Errors));
        }
        catch (MarketRulesException ex)
        {
            return Fail(Rebase(ex.Errors));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException or NotSupportedException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException or FormatException)
        {
            // A defect in a rule (it should have answered with coded errors): reported, so that a batch goes on.
            return Fail(EngineErrors.RuleFailedFor(rule.Id));
        }
    }

    // The strict door's findings as the engine's coded errors.
    private static ImmutableArray<RuleError> Refuse(List<JsonFinding> findings)
    {
        if (findings.Count == 0)
        {
            return [];
        }
        var errors = ImmutableArray.CreateBuilder<RuleError>(findings.Count);
        foreach (var finding in findings)
        {
            errors.Add(finding.Defect switch
            {
                JsonDefect.DuplicateMember => EngineErrors.DuplicateMember.Create(finding.Path, ("Field", finding.Path)),
                JsonDefect.UnknownMember => EngineErrors.UnknownMemberAt(finding.Path, StrictJson.MemberNames(finding.Contract)),
                JsonDefect.MissingMember => EngineErrors.MissingField.Create(finding.Path, ("Field", finding.Path)),
                JsonDefect.NullElement => EngineErrors.WrongTypeAt(finding.Path, Describe(finding.Contract?.Type)),
                _ => EngineErrors.InvalidJsonAt(finding.Path, JsonTexts.Describe(finding)),
            });
        }
        return errors.ToImmutable();
    }

    private static object? ReadInput(IRuleDefinition rule, ReadOnlySpan<byte> json, out ImmutableArray<RuleError> errors)
    {
        errors = [];
        try
        {
            var input = JsonSerializer.Deserialize(json, rule.InputTypeInfo);
            if (input is null)
            {
                errors = [EngineErrors.MissingField.Create("$.input", ("Field", "$.input"))];
            }
            return input;
        }
        catch (JsonException ex)
        {
            errors = [Classify(ex, json, rule.InputTypeInfo)];
            return null;
        }
        catch (MarketRulesException ex)
        {
            // A value type that validates in its constructor (a negative period, a malformed credit code).
            errors = Rebase(ex.Errors);
            return null;
        }
        catch (ArgumentException)
        {
            // A constructor that checks its arguments (a text without its zh or en): the strict check above locates
            // the usual cases; this keeps any other from escaping the engine.
            errors = [EngineErrors.WrongTypeAt("$.input", Describe(rule.InputTypeInfo.Type))];
            return null;
        }
    }

    private static RuleError Classify(JsonException ex, ReadOnlySpan<byte> input, JsonTypeInfo inputType)
    {
        var relative = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var path = "$.input" + relative[1..];
        var message = ex.Message;
        const string Missing = "missing required properties including: ";
        var missingAt = message.IndexOf(Missing, StringComparison.Ordinal);
        if (missingAt >= 0)
        {
            var names = message[(missingAt + Missing.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var first = names.Length == 0 ? "" : names[0].Trim('\'', '.', ' ');
            var field = first.Length == 0 ? path : path + "." + first;
            return EngineErrors.MissingField.Create(field, ("Field", field));
        }
        var expected = TypeAt(inputType, relative);
        // A date or instant outside the years the library reads (DoorLimits): year 0, 9999.
        if (ex.InnerException is ArgumentOutOfRangeException)
        {
            return EngineErrors.ValueOutOfRange.Create(path, ("Field", path));
        }
        // A number the reader could not fit into the field's numeric type (1e20 for an int).
        if (ex.InnerException is FormatException or OverflowException && IsNumeric(expected) && IsNumberAt(input, relative))
        {
            return EngineErrors.ValueOutOfRange.Create(path, ("Field", path));
        }
        return EngineErrors.WrongTypeAt(path, Describe(expected));
    }

    // The .NET type the input's contract expects at a path such as $.excluded[0].start, or null when unknown.
    private static Type? TypeAt(JsonTypeInfo root, string path)
    {
        var info = root;
        var i = 1;
        while (i < path.Length && info is not null)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || info.ElementType is not { } element)
                {
                    return null;
                }
                info = info.Options.TryGetTypeInfo(element, out var elementInfo) ? elementInfo : null;
                i = close + 1;
            }
            else if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                if (property is null)
                {
                    return null;
                }
                info = info.Options.TryGetTypeInfo(property.PropertyType, out var propertyInfo) ? propertyInfo : null;
                if (info is null)
                {
                    return end < 0 ? property.PropertyType : null;
                }
                i = end < 0 ? path.Length : end;
            }
            else
            {
                return null;
            }
        }
        return info?.Type;
    }

    private static bool IsNumeric(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint)
            || type == typeof(ulong) || type == typeof(ushort) || type == typeof(decimal) || type == typeof(double) || type == typeof(float);
    }

    // What a field expects, in both languages; enum values as the caller must spell them (in 「」 in Chinese).
    private static LocalizedText Describe(Type? type)
    {
        if (type is null)
        {
            return Expected.Other;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(LocalDate))
        {
            return Expected.Date;
        }
        if (type == typeof(Instant))
        {
            return new("ISO 时刻（例如 2025-03-01T02:00:00Z）", "ISO instant (yyyy-MM-ddTHH:mm:ssZ)");
        }
        if (type == typeof(OffsetDateTime))
        {
            return new("带时差的 ISO 日期时间", "ISO date-time with offset");
        }
        if (type == typeof(DateInterval))
        {
            return new("日期区间 { start, end }", "date interval { start, end }");
        }
        if (type == typeof(string))
        {
            return Expected.String;
        }
        if (type == typeof(bool))
        {
            return new("布尔值", "boolean");
        }
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return new("数值", "number");
        }
        if (IsNumeric(type))
        {
            return new("整数", "integer");
        }
        if (type.IsEnum)
        {
            var names = JsonEnumNames.Of(type);
            return new("下列取值之一：" + string.Join("、", names.Select(n => "「" + n + "」")), "one of " + string.Join(", ", names));
        }
        return typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? new("数组", "array") : Expected.Object;
    }

    // The expectations named in more than one place.
    private static class Expected
    {
        public static readonly LocalizedText Date = new("ISO 日期（yyyy-MM-dd）", "ISO date (yyyy-MM-dd)");
        public static readonly LocalizedText String = new("字符串", "string");
        public static readonly LocalizedText Object = new("对象", "object");
        public static readonly LocalizedText Other = new("另一种类型", "another type");
    }

    // Whether the input holds a JSON number at a path such as $.period.length or $.excluded[1].days.
    private static bool IsNumberAt(ReadOnlySpan<byte> input, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(input.ToArray());
            var element = document.RootElement;
            var i = 1;
            while (i < path.Length)
            {
                if (path[i] == '.')
                {
                    var end = path.IndexOfAny(['.', '['], i + 1);
                    var name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    {
                        return false;
                    }
                    i = end < 0 ? path.Length : end;
                }
                else if (path[i] == '[')
                {
                    var end = path.IndexOf(']', i);
                    if (end < 0 || element.ValueKind != JsonValueKind.Array || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) || index >= element.GetArrayLength())
                    {
                        return false;
                    }
                    element = element[index];
                    i = end + 1;
                }
                else
                {
                    return false;
                }
            }
            return element.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string path, ImmutableArray<RuleError>.Builder errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                errors.Add(EngineErrors.WrongTypeAt(path, Expected.String));
                return null;
        }
    }

    private static bool HasErrorAt(ImmutableArray<RuleError>.Builder errors, string path)
    {
        foreach (var error in errors)
        {
            if (error.Path == path)
            {
                return true;
            }
        }
        return false;
    }

    // A rule reports paths relative to its input ($); the caller sent a request, whose input is at $.input.
    // An error the rule could not place (a date outside the calendar found deep in a computation) is about the input.
    private static ImmutableArray<RuleError> Rebase(ImmutableArray<RuleError> errors) =>
        errors.Select(e => e.Path is null ? e.WithPath("$.input") : e.Under("$.input")).ToImmutableArray();

    private static RuleResult<RuleDecision<object>> Fail(RuleError error) => RuleResult<RuleDecision<object>>.Failure(error);

    private static RuleResult<RuleDecision<object>> Fail(ImmutableArray<RuleError> errors) => RuleResult<RuleDecision<object>>.Failure(errors);
}
