using System.Text;
using System.Text.Json;
using MarketRules.Engine;
using MarketRules.Json;
using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

// Edges of the strict door ("bad JSON input gets a coded error with its JSON path and changes nothing"): what each
// defect says in both languages and where, a document read at a path below its root, the limit of 32 findings, which
// member names a path writes plainly, nulls where the contract allows or forbids them, and the texts the readers give
// for a text they cannot read.
public class StrictJsonMutationEdgeTests
{
    private static readonly JsonReaderOptions Reader = new() { MaxDepth = 64 };

    private static RuleError SinglePackError(string json)
    {
        var result = PolicyPack.Parse(json, Catalog);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.PolicyPack.Malformed", error.Code);
        return error;
    }

    private static string PackWithTitle(string title) => Pack("t", "330000", "").Replace(
        """{ "zh": "测试政策包", "en": "Test pack" }""", title, StringComparison.Ordinal);

    private static JsonElement EngineError(string request)
    {
        using var decision = JsonDocument.Parse(RuleEngine.Default.Evaluate(request));
        return Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray()).Clone();
    }

    [Fact]
    public void Read_RepeatedMember_NamesItInBothLanguages()
    {
        var error = SinglePackError("""{ "id": "a", "id": "b" }""");
        Assert.Equal("$.id", error.Path);
        Assert.Equal("政策包格式错误：成员「id」出现了两次", error.Message.Chinese);
        Assert.Equal("Malformed policy pack: member 'id' appears twice", error.Message.English);
    }

    [Fact]
    public void Read_MisspeltMember_NamesItAndEveryMemberTheContractKnows()
    {
        var error = SinglePackError("""{ "idd": "a" }""");
        Assert.Equal("$.idd", error.Path);
        Assert.Equal("政策包格式错误：未知成员「idd」（可用：「citation」、「id」、「jurisdiction」、「parameters」、「title」、「version」）", error.Message.Chinese);
        Assert.Equal("Malformed policy pack: unknown member 'idd' (known: citation, id, jurisdiction, parameters, title, version)", error.Message.English);
    }

    [Fact]
    public void Read_DocumentThatIsNull_IsRefusedAtTheRoot()
    {
        var error = SinglePackError("null");
        Assert.Equal("$", error.Path);
        Assert.Equal("Malformed policy pack: the document is null", error.Message.English);
        Assert.Equal("政策包格式错误：文件内容为 null", error.Message.Chinese);
    }

    [Fact]
    public void Read_LoneSurrogate_IsRefusedAtTheRootBeforeAnyReading()
    {
        // A .NET string can hold half of a surrogate pair, which no UTF-8 can encode.
        var error = SinglePackError("{ \"id\": \"" + '\uD800' + "\" }");
        Assert.Equal("$", error.Path);
        Assert.Equal("Malformed policy pack: the text has a lone surrogate (not valid Unicode)", error.Message.English);
        Assert.Equal("政策包格式错误：文本含有孤立的代理字符（不是有效的字符）", error.Message.Chinese);
    }

    [Fact]
    public void Read_NotWellFormed_SaysWhereTheReaderStopped()
    {
        var error = SinglePackError("{\n  \"id\": }");
        Assert.Equal("$.id", error.Path);
        Assert.Equal("Malformed policy pack: not well-formed JSON (line 2, byte 9)", error.Message.English);
        Assert.Equal("政策包格式错误：不是格式正确的 JSON（第 2 行第 9 字节）", error.Message.Chinese);
    }

    [Fact]
    public void Read_ValueOfTheWrongType_IsRefusedAtItsPathWithoutTheBindersText()
    {
        var error = SinglePackError("""{ "id": 7 }""");
        Assert.Equal("$.id", error.Path);
        Assert.Equal("Malformed policy pack: the value has the wrong type or format", error.Message.English);
        Assert.Equal("政策包格式错误：取值的类型或格式不符合约定", error.Message.Chinese);
    }

    [Fact]
    public void Read_ValueBelowARootPath_IsReportedUnderThatPath()
    {
        // A value read on its own from a larger document (a stratum of a receipt) keeps its place in the document.
        var wrongType = StrictJson.Read("""{ "id": 7 }"""u8, PolicyPackJsonContext.Default.PolicyPackDto, KernelErrors.PolicyPackMalformed, "$.packs[2]");
        Assert.Equal("$.packs[2].id", Assert.Single(wrongType.Errors).Path);
        var unknown = StrictJson.Read("""{ "idd": "a" }"""u8, PolicyPackJsonContext.Default.PolicyPackDto, KernelErrors.PolicyPackMalformed, "$.packs[2]");
        Assert.Equal("$.packs[2].idd", Assert.Single(unknown.Errors).Path);
        var read = StrictJson.Read("""{ "id": "a" }"""u8, PolicyPackJsonContext.Default.PolicyPackDto, KernelErrors.PolicyPackMalformed, "$.packs[2]");
        Assert.Equal("a", read.Value!.Id);
    }

    [Fact]
    public void Read_ValueAConstructorRefuses_IsRefusedAtTheValuesRoot()
    {
        // A selected entity keeps only the packed form of its credit code, so its constructor refuses a code of the right
        // type in the wrong form; the binder does not say where, so the error is at the stratum read.
        var stratum = $$"""
            { "stratum": { "region": "330100", "industry": "food", "tier": "A" }, "active": 1, "population": 1, "mandatory": 0, "quota": 1,
              "selected": [ { "creditCode": "not-a-code", "rank": "{{new string('0', 64)}}", "mandatory": false } ] }
            """;
        var read = StrictJson.Read(Encoding.UTF8.GetBytes(stratum), MarketRules.Sampling.SamplingJsonContext.Default.StratumResult,
            MarketRules.Sampling.SamplingErrors.ReceiptMalformed, "$.strata[3]");
        var error = Assert.Single(read.Errors);
        Assert.Equal("$.strata[3]", error.Path);
        Assert.EndsWith("the value has the wrong type or format", error.Message.English, StringComparison.Ordinal);
        Assert.EndsWith("取值的类型或格式不符合约定", error.Message.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextWithoutAValue_IsNotWellFormedAtTheRoot()
    {
        var error = SinglePackError("");
        Assert.Equal("$", error.Path);
        Assert.StartsWith("Malformed policy pack: not well-formed JSON", error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MemberOfAnObjectThatCannotBeBuiltWithoutIt_IsRequired()
    {
        // A text's English is a constructor argument that is neither optional nor nullable.
        var error = SinglePackError(PackWithTitle("""{ "zh": "测试政策包" }"""));
        Assert.Equal("$.title.en", error.Path);
        Assert.Equal("Malformed policy pack: member 'en' is required", error.Message.English);
        Assert.Equal("政策包格式错误：缺少必填成员「en」", error.Message.Chinese);
    }

    [Fact]
    public void Read_NullForAMemberThatCannotBeNull_IsRefusedAtIt()
    {
        var error = SinglePackError(PackWithTitle("""{ "zh": null, "en": "Test pack" }"""));
        Assert.Equal("$.title.zh", error.Path);
        Assert.Equal("Malformed policy pack: null is not allowed here", error.Message.English);
        Assert.Equal("政策包格式错误：此处不允许 null", error.Message.Chinese);
    }

    [Fact]
    public void Read_NullForAMapValue_IsRefusedAtItsKey()
    {
        var error = SinglePackError(Pack("t", "330000", "\"test.tier-ratio.a\": null"));
        Assert.Equal("$.parameters['test.tier-ratio.a']", error.Path);
        Assert.Equal("Malformed policy pack: null is not allowed here", error.Message.English);
    }

    [Fact]
    public void Read_NullForANullableMember_IsAccepted()
    {
        var pack = PolicyPack.Parse(Pack("t", "330000", "").Replace("\"version\": \"1\"", "\"version\": null", StringComparison.Ordinal), Catalog);
        Assert.True(pack.IsSuccess);
    }

    [Fact]
    public void Check_ManyDefects_ReportsTheFirst32InDocumentOrder()
    {
        var json = "{ " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"\"m{i}\": 1")) + " }";
        var findings = StrictJson.Check(Encoding.UTF8.GetBytes(json), PolicyPackJsonContext.Default.PolicyPackDto, "$", Reader);
        Assert.Equal(32, findings.Count);
        Assert.Equal("$.m0", findings[0].Path);
        Assert.Equal("$.m31", findings[^1].Path);
    }

    // A contract that keeps the members it does not name (none of the library's contracts does).
    public sealed class OpenContract
    {
        public string? Id { get; set; }

        [System.Text.Json.Serialization.JsonExtensionData]
        public Dictionary<string, JsonElement>? Rest { get; set; }
    }

    [Fact]
    public void Check_ContractWithExtensionData_AcceptsAnyMemberButStillRefusesDuplicates()
    {
        var contract = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }
            .GetTypeInfo(typeof(OpenContract));
        Assert.Empty(StrictJson.Check("""{ "Id": "a", "note": 1 }"""u8, contract, "$", Reader));
        Assert.Equal([new JsonFinding(JsonDefect.DuplicateMember, "$.note", "note")], StrictJson.Check("""{ "note": 1, "note": 2 }"""u8, contract, "$", Reader));
        // The extension data is where unknown members go, not a member of its own.
        Assert.Equal("Id", StrictJson.MemberNames(contract));
    }

    // A contract built for this test alone: its member table is built by the test itself (not by whichever test first
    // read a shipped contract), so a change to how required and non-nullable members are found is seen here.
    public sealed record FreshContract(string Code, int Count, string? Note, Dictionary<string, int> Limits);

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo Fresh() =>
        new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() }
            .GetTypeInfo(typeof(FreshContract));

    [Fact]
    public void Check_ConstructorArgumentsThatAreNeitherOptionalNorNullable_AreRequired()
    {
        var contract = Fresh();
        var findings = StrictJson.Check("""{ "Note": "n" }"""u8, contract, "$", Reader);
        Assert.Equal(
            [
                new JsonFinding(JsonDefect.MissingMember, "$.Code", "Code", contract),
                new JsonFinding(JsonDefect.MissingMember, "$.Count", "Count", contract),
                new JsonFinding(JsonDefect.MissingMember, "$.Limits", "Limits", contract),
            ],
            findings.OrderBy(f => f.Path, StringComparer.Ordinal));
        // A nullable argument may be left out.
        Assert.Empty(StrictJson.Check("""{ "Code": "c", "Count": 1, "Limits": {} }"""u8, contract, "$", Reader));
    }

    [Fact]
    public void Check_NullForANonNullableMemberOrAMapValue_IsADefectWhereItIs()
    {
        var contract = Fresh();
        var findings = StrictJson.Check("""{ "Code": null, "Count": 1, "Note": null, "Limits": { "a": 1, "b": null } }"""u8, contract, "$", Reader);
        Assert.Equal(
            [
                (JsonDefect.NullElement, "$.Code", "null", typeof(string)),
                (JsonDefect.NullElement, "$.Limits.b", "null", typeof(int)),
            ],
            findings.Select(f => (f.Defect, f.Path, f.Detail, f.Contract?.Type)));
    }

    [Fact]
    public void Check_DateInterval_HasExactlyStartAndEnd_EvenWithAContractBuiltForTheTest()
    {
        // A date interval is read by its own converter, so its two members are named by the door itself; a contract
        // built here (not the cached one) makes the test read that naming, not another test's table.
        var options = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        options.Converters.Add(new DateIntervalJsonConverter());
        var contract = options.GetTypeInfo(typeof(NodaTime.DateInterval));
        Assert.Empty(StrictJson.Check("""{ "start": "2024-01-01", "end": "2024-01-31" }"""u8, contract, "$.window", Reader));
        Assert.Equal(
            [new JsonFinding(JsonDefect.UnknownMember, "$.window.stop", "stop", contract)],
            StrictJson.Check("""{ "start": "2024-01-01", "stop": "2024-01-31" }"""u8, contract, "$.window", Reader));
        Assert.Equal("end, start", StrictJson.MemberNames(contract));
    }

    [Fact]
    public void Check_NullInAnArrayWithoutAContract_IsNoDefect()
    {
        // Only duplicates and text are checked where no contract says what an element may be.
        Assert.Empty(StrictJson.Check("""{ "a": [null, 1] }"""u8, null, "$", Reader));
    }

    [Fact]
    public void Check_NullInAnArrayOfObjects_IsADefectAtItsIndex()
    {
        var contract = PolicyPackJsonContext.Default.PolicyValueDtoArray;
        var finding = Assert.Single(StrictJson.Check("""[{ "value": 1 }, null]"""u8, contract, "$.values", Reader));
        Assert.Equal(new JsonFinding(JsonDefect.NullElement, "$.values[1]", "null", PolicyPackJsonContext.Default.PolicyValueDto), finding);
    }

    [Fact]
    public void Check_DefectsOfEachKind_CarryTheirPathAndDetail()
    {
        var findings = StrictJson.Check("""{ "id": "a", "id": "b", "idd": 1, "title": { "zh": null } }"""u8, PolicyPackJsonContext.Default.PolicyPackDto, "$", Reader);
        var text = PolicyPackJsonContext.Default.PolicyPackDto.Options.GetTypeInfo(typeof(LocalizedText));
        Assert.Equal(
            [
                new JsonFinding(JsonDefect.DuplicateMember, "$.id", "id"),
                new JsonFinding(JsonDefect.UnknownMember, "$.idd", "idd", PolicyPackJsonContext.Default.PolicyPackDto),
                new JsonFinding(JsonDefect.NullElement, "$.title.zh", "null", PolicyPackJsonContext.Default.String),
                new JsonFinding(JsonDefect.MissingMember, "$.title.en", "en", text),
            ],
            findings);
    }

    [Fact]
    public void Check_InvalidTextInAStringAndAMemberName_IsReportedWhereItIs()
    {
        // A string with a lone surrogate at $.a; a member name with one in the object at $.b, read on as U+FFFD.
        var findings = StrictJson.Check("{ \"a\": \"\\ud800\", \"b\": { \"\\udc00\": [1, null] } }"u8, null, "$", Reader);
        Assert.Equal(
            [
                new JsonFinding(JsonDefect.InvalidText, "$.a", "string"),
                new JsonFinding(JsonDefect.InvalidText, "$.b", "member name"),
            ],
            findings);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, 0)]
    [InlineData(new byte[] { (byte)'a', 0xC3, 0x28 }, 0)]
    [InlineData(new byte[] { 0xE4, 0xB8, 0xAD }, 1)]
    public void Check_RawBytesOfAString_AreDecodedUnlessPrintableAscii(byte[] text, int valid)
    {
        // Printable ASCII is valid by construction; any other byte, the first included, is decoded (中 is valid UTF-8).
        var json = new List<byte>("{ \"a\": \""u8.ToArray());
        json.AddRange(text);
        json.AddRange("\" }"u8.ToArray());
        var findings = StrictJson.Check(json.ToArray(), null, "$", Reader);
        Assert.Equal(valid == 1 ? [] : [new JsonFinding(JsonDefect.InvalidText, "$.a", "string")], findings);
    }

    [Fact]
    public void Check_InvalidMemberName_IsReadOnAsTheReplacementCharacter()
    {
        // The name cannot be quoted as sent; the rest of the object is still checked against the contract under U+FFFD.
        var contract = PolicyPackJsonContext.Default.PolicyPackDto;
        Assert.Equal(
            [
                new JsonFinding(JsonDefect.InvalidText, "$", "member name"),
                new JsonFinding(JsonDefect.UnknownMember, "$['\uFFFD']", "\uFFFD", contract),
            ],
            StrictJson.Check("{ \"\\udc00\": 1 }"u8, contract, "$", Reader));
    }

    [Fact]
    public void Engine_InvalidTextInAStringOrAMemberName_SaysWhichInBothLanguages()
    {
        var inString = EngineError("""{ "rule": "calendar.deadline/1\ud800", "asOf": "2024-09-27", "input": { } }""");
        Assert.Equal("$.rule", inString.GetProperty("path").GetString());
        Assert.Equal("The request is not valid JSON: invalid UTF-8 or a lone surrogate in a string", inString.GetProperty("message").GetProperty("en").GetString());
        Assert.Equal("请求不是有效的 JSON：字符串含有无效的 UTF-8 字节或孤立的代理字符", inString.GetProperty("message").GetProperty("zh").GetString());
        var inName = EngineError("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "\udc00": 1 } }""");
        Assert.Equal("$.input", inName.GetProperty("path").GetString());
        Assert.Equal("The request is not valid JSON: invalid UTF-8 or a lone surrogate in a member name", inName.GetProperty("message").GetProperty("en").GetString());
        Assert.Equal("请求不是有效的 JSON：成员名含有无效的 UTF-8 字节或孤立的代理字符", inName.GetProperty("message").GetProperty("zh").GetString());
    }

    [Fact]
    public void Engine_UnknownMemberOfADateInterval_ListsStartAndEnd()
    {
        // A date interval is read by its own converter; the door still knows its two members.
        var error = EngineError("""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "penaltyLawDays": 5, "excluded": [ { "start": "2024-10-02", "end": "2024-10-03", "note": "x" } ] } }""");
        Assert.Equal("MR.Engine.UnknownMember", error.GetProperty("code").GetString());
        Assert.Equal("$.input.excluded[0].note", error.GetProperty("path").GetString());
        Assert.Equal("Unknown field $.input.excluded[0].note; known fields: end, start", error.GetProperty("message").GetProperty("en").GetString());
        Assert.Equal("未知字段 $.input.excluded[0].note；可用字段：「end」、「start」", error.GetProperty("message").GetProperty("zh").GetString());
    }

    [Fact]
    public void MemberNames_ContractThatIsNoObject_IsEmpty()
    {
        Assert.Equal("", StrictJson.MemberNames(null));
        Assert.Equal("", StrictJson.MemberNames(PolicyPackJsonContext.Default.String));
        var deadline = BuiltInRules.All.Single(r => r.Id == "calendar.deadline/1").InputTypeInfo;
        Assert.Equal("end, start", StrictJson.MemberNames(deadline.Options.GetTypeInfo(typeof(DateInterval))));
    }

    [Theory]
    [InlineData("fineYuan", "$.fineYuan")]
    [InlineData("_private", "$._private")]
    [InlineData("a-b_c9", "$.a-b_c9")]
    [InlineData("9lives", "$['9lives']")]
    [InlineData("-a", "$['-a']")]
    [InlineData("test.tier-ratio.a", "$['test.tier-ratio.a']")]
    [InlineData("a b", "$['a b']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("a\\b", "$['a\\\\b']")]
    [InlineData("", "$['']")]
    [InlineData("名称", "$['名称']")]
    public void Member_PlainNamesAfterADot_OthersQuotedInBrackets(string name, string path) =>
        Assert.Equal(path, StrictJson.Member("$", name));

    [Fact]
    public void Malformed_WithoutAPosition_SaysOnlyThatTheTextIsNotJson()
    {
        Assert.Equal(new LocalizedText("不是格式正确的 JSON", "not well-formed JSON"), JsonTexts.Malformed(string.Empty));
        Assert.Equal("", JsonTexts.Position(new JsonException("no position")));
    }

    [Fact]
    public void Unreadable_SaysWhereTheReaderStoppedWhenItKnows()
    {
        // The reader counts lines and bytes from 0; a person counts from 1.
        var at = new JsonException("x", "$.years[0]", lineNumber: 2, bytePositionInLine: 8);
        Assert.Equal("3:9", JsonTexts.Position(at));
        Assert.Equal(new LocalizedText("第 3 行第 9 字节处无法读取（不是格式正确的 JSON，或取值的类型、格式不符）",
            "cannot be read at line 3, byte 9 (not well-formed JSON, or a value of the wrong type or format)"), JsonTexts.Unreadable(at));
        Assert.Equal("1:1", JsonTexts.Position(new JsonException("x", null, lineNumber: 0, bytePositionInLine: null)));
        Assert.Equal(new LocalizedText("无法读取（不是格式正确的 JSON，或取值的类型、格式不符）",
            "cannot be read (not well-formed JSON, or a value of the wrong type or format)"), JsonTexts.Unreadable(new JsonException("x")));
    }
}
