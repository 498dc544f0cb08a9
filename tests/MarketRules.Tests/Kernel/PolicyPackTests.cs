using MarketRules.Parameters;

namespace MarketRules.Tests.Kernel;

public class PolicyPackTests
{
    internal static readonly Citation TestLaw = new(new LocalizedText("测试规定", "Test regulation"), new LocalizedText("第一条", "Art. 1"), VerificationStatus.ProjectRequirement);

    internal static readonly ParameterDefinition Ratio = new("test.tier-ratio.a", new LocalizedText("A类抽查比例", "Class A inspection ratio"), ParameterUnit.Ratio,
        [new DatedValue(new LocalDate(2020, 1, 1), 0.05m, TestLaw)]);

    internal static readonly ParameterDefinition StatementPeriod = new("test.statement-period", new LocalizedText("陈述申辩期限", "Statement period"), ParameterUnit.WorkingDays,
        [new DatedValue(new LocalDate(2018, 1, 1), 3m, TestLaw), new DatedValue(new LocalDate(2021, 7, 15), 5m, TestLaw with { InForceFrom = new LocalDate(2021, 7, 15) })]);

    internal static readonly ParameterCatalog Catalog = new([Ratio, StatementPeriod]);

    internal static string Pack(string id, string jurisdiction, string parameters) => $$"""
        { "id": "{{id}}", "version": "1", "jurisdiction": "{{jurisdiction}}",
          "title": { "zh": "测试政策包", "en": "Test pack" },
          "citation": { "document": { "zh": "地方规定", "en": "Local rule" }, "status": "project-requirement" },
          "parameters": { {{parameters}} } }
        """;

    [Fact]
    public void Parse_ValidPack_ReadsEveryValueWithItsSourceAndCitation()
    {
        var json = Pack("zj-2024", "330000", """
            "test.tier-ratio.a": { "unit": "ratio", "values": [
              { "from": "2024-01-01", "until": "2025-01-01", "value": 0.03 },
              { "from": "2025-01-01", "value": 0.02, "citation": { "document": { "zh": "新规定", "en": "New rule" }, "status": "verified-official" } } ] }
            """);
        var pack = PolicyPack.Parse(json, Catalog).GetValueOrThrow();

        Assert.Equal("zj-2024", pack.Id);
        Assert.Equal(Jurisdiction.Parse("330000").Value, pack.Jurisdiction);
        var values = pack.Overrides["test.tier-ratio.a"];
        Assert.Equal([0.03m, 0.02m], values.Select(v => v.Value));
        Assert.All(values, v => Assert.Equal("zj-2024", v.Source));
        Assert.Equal("Local rule", values[0].Citation.Document.English);
        Assert.Equal(VerificationStatus.VerifiedOfficial, values[1].Citation.Status);
        Assert.Equal(new LocalDate(2025, 1, 1), values[0].EffectiveUntil);
    }

    [Theory]
    // A registered document under another English title.
    [InlineData("""{ "document": { "zh": "中华人民共和国行政处罚法", "en": "Penalty Law" }, "status": "verified-official" }""", "$.parameters['test.tier-ratio.a'].values[0].citation.document")]
    // A registered document under another number.
    [InlineData("""{ "document": { "zh": "企业信息公示暂行条例", "en": "Interim Regulations on Enterprise Information Disclosure" }, "documentNumber": "国务院令第1号", "status": "verified-official" }""", "$.parameters['test.tier-ratio.a'].values[0].citation.document")]
    // No title at all.
    [InlineData("""{ "document": { "zh": "", "en": "" }, "status": "verified-official" }""", "$.parameters['test.tier-ratio.a'].values[0].citation.document")]
    public void Parse_CitationNamingNoRegisteredDocumentAsRegistered_ReturnsCodedError(string citation, string path)
    {
        var json = Pack("c-1", "330000", $$"""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.03, "citation": {{citation}} } ] }
            """);
        var error = Assert.Single(PolicyPack.Parse(json, Catalog).Errors);
        Assert.Equal("MR.PolicyPack.CitationDocument", error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Parse_CitationOfARegisteredDocumentAsRegistered_IsAccepted()
    {
        var law = LegalDocuments.AdministrativePenaltyLaw;
        var json = Pack("c-2", "330000", $$"""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.03,
              "citation": { "document": { "zh": "{{law.Title.Chinese}}", "en": "{{law.Title.English}}" }, "status": "verified-official" } } ] }
            """);
        var pack = PolicyPack.Parse(json, Catalog);
        Assert.True(pack.IsSuccess);
        Assert.Same(law, LegalDocuments.Find(law.Id));
        // The pack's citation now points at the registry's entry, whose issuer and dates it carries.
        var citation = pack.Value.Overrides["test.tier-ratio.a"][0].Citation;
        Assert.Same(law, citation.RegisteredDocument);
        Assert.Equal(law.InForceFrom, citation.InForceFrom);
        Assert.Equal(law.IssuingBody, citation.IssuingBody);
    }

    [Theory]
    // Not JSON at all.
    [InlineData("{ \"id\": ", "MR.PolicyPack.Malformed", "$.id")]
    // A member the format does not know (a typo must not be ignored silently).
    [InlineData("""{ "id": "x", "jurisdictoin": "330000" }""", "MR.PolicyPack.Malformed", "$.jurisdictoin")]
    // A value of the wrong JSON type.
    [InlineData("""{ "id": 5 }""", "MR.PolicyPack.Malformed", "$.id")]
    public void Parse_InvalidJson_ReturnsMalformedWithPath(string json, string code, string path)
    {
        var result = PolicyPack.Parse(json, Catalog);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Parse_MissingMembers_ReportsEachWithItsPath()
    {
        var result = PolicyPack.Parse("""{ "jurisdiction": "330000" }""", Catalog);
        Assert.False(result.IsSuccess);
        Assert.All(result.Errors, e => Assert.Equal("MR.PolicyPack.Malformed", e.Code));
        Assert.Equal(["$.citation", "$.id", "$.parameters", "$.title"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    // A repeated key: which of the two values was meant cannot be known, so neither is taken.
    [InlineData("""{ "id": "x", "id": "y", "jurisdiction": "330000", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "from-memory" }, "parameters": {} }""", "$.id")]
    [InlineData("""{ "id": "x", "jurisdiction": "330000", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "from-memory" }, "parameters": { "test.tier-ratio.a": { "unit": "ratio", "values": [] }, "test.tier-ratio.a": { "unit": "ratio", "values": [] } } }""", "$.parameters['test.tier-ratio.a']")]
    // A title without its Chinese text (it used to throw ArgumentNullException and stop the CLI).
    [InlineData("""{ "id": "x", "jurisdiction": "330000", "title": { "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "from-memory" }, "parameters": {} }""", "$.title.zh")]
    [InlineData("""{ "id": "x", "jurisdiction": "330000", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d" }, "status": "from-memory" }, "parameters": {} }""", "$.citation.document.en")]
    [InlineData("""{ "id": "x", "jurisdiction": "330000", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "From-Memory" }, "parameters": {} }""", "$.citation.status")]
    public void Parse_DuplicateOrMissingMember_ReturnsMalformedAtItsPath_NeverThrows(string json, string path)
    {
        var result = PolicyPack.Parse(json, Catalog);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.PolicyPack.Malformed", error.Code);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""{ "id": "x", "jurisdiction": "33000", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "from-memory" }, "parameters": {} }""",
        "MR.Jurisdiction.Invalid", "$.jurisdiction")]
    [InlineData("""{ "id": "x", "jurisdiction": "Zhejiang", "title": { "zh": "t", "en": "t" }, "citation": { "document": { "zh": "d", "en": "d" }, "status": "from-memory" }, "parameters": {} }""",
        "MR.Jurisdiction.Invalid", "$.jurisdiction")]
    public void Parse_BadJurisdiction_ReturnsJurisdictionInvalid(string json, string code, string path)
    {
        var error = Assert.Single(PolicyPack.Parse(json, Catalog).Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""
        "test.unknown": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.1 } ] }
        """, "MR.PolicyPack.UnknownParameter", "$.parameters['test.unknown']")]
    [InlineData("""
        "test.tier-ratio.a": { "unit": "yuan", "values": [ { "from": "2024-01-01", "value": 0.1 } ] }
        """, "MR.PolicyPack.WrongUnit", "$.parameters['test.tier-ratio.a'].unit")]
    [InlineData("""
        "test.tier-ratio.a": { "values": [ { "from": "2024-01-01", "value": 0.1 } ] }
        """, "MR.PolicyPack.WrongUnit", "$.parameters['test.tier-ratio.a'].unit")]
    [InlineData("""
        "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.1 }, { "from": "2024-01-01", "value": 0.2 } ] }
        """, "MR.PolicyPack.OverlappingDates", "$.parameters['test.tier-ratio.a'].values[0]")]
    [InlineData("""
        "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "until": "2024-12-31", "value": 0.1 }, { "from": "2024-06-01", "value": 0.2 } ] }
        """, "MR.PolicyPack.OverlappingDates", "$.parameters['test.tier-ratio.a'].values[0]")]
    [InlineData("""
        "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "until": "2024-01-01", "value": 0.1 } ] }
        """, "MR.PolicyPack.OverlappingDates", "$.parameters['test.tier-ratio.a'].values[0]")]
    [InlineData("""
        "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 1.5 } ] }
        """, "MR.PolicyPack.ValueOutOfRange", "$.parameters['test.tier-ratio.a'].values[0].value")]
    [InlineData("""
        "test.statement-period": { "unit": "working-days", "values": [ { "from": "2024-01-01", "value": 2.5 } ] }
        """, "MR.PolicyPack.ValueOutOfRange", "$.parameters['test.statement-period'].values[0].value")]
    [InlineData("""
        "test.statement-period": { "unit": "working-days", "values": [ { "from": "2024-01-01", "value": -3 } ] }
        """, "MR.PolicyPack.ValueOutOfRange", "$.parameters['test.statement-period'].values[0].value")]
    [InlineData("""
        "test.statement-period": { "unit": "working-days", "values": [] }
        """, "MR.PolicyPack.Malformed", "$.parameters['test.statement-period'].values")]
    [InlineData("""
        "test.statement-period": { "unit": "working-days", "values": [ { "value": 3 } ] }
        """, "MR.PolicyPack.Malformed", "$.parameters['test.statement-period'].values[0]")]
    public void Parse_InvalidParameter_ReturnsCodedErrorWithPath(string parameters, string code, string path)
    {
        var result = PolicyPack.Parse(Pack("bad", "330000", parameters), Catalog);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.False(string.IsNullOrEmpty(error.Message.Chinese));
        Assert.False(string.IsNullOrEmpty(error.Message.English));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAllAtOnce()
    {
        var json = Pack("bad", "330000", """
            "test.unknown": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.1 } ] },
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 7 } ] },
            "test.statement-period": { "unit": "days", "values": [ { "from": "2024-01-01", "value": 3 } ] }
            """);
        var codes = PolicyPack.Parse(json, Catalog).Errors.Select(e => e.Code).Order(StringComparer.Ordinal);
        Assert.Equal(["MR.PolicyPack.UnknownParameter", "MR.PolicyPack.ValueOutOfRange", "MR.PolicyPack.WrongUnit"], codes);
    }
}
