using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

// Edges of reading a local policy pack: what each coded error says (its parameter, its range, its dates) and where, a
// bad parameter reported once and not again by the checks after it, the pack's version, and a citation of a registered
// document keeping what the pack says of its own source.
public class PolicyPackMutationEdgeTests
{
    // An amount in yuan: fen (two decimals) at most.
    private static readonly ParameterDefinition FineCap = new("test.fine-cap", new LocalizedText("罚款上限", "Fine cap"), ParameterUnit.Yuan,
        [new DatedValue(new LocalDate(2020, 1, 1), 1000m, TestLaw)]);

    private static readonly ParameterCatalog WithYuan = Catalog.With([FineCap]);

    private static RuleError SingleError(string parameters, ParameterCatalog? catalog = null)
    {
        var result = PolicyPack.Parse(Pack("bad", "330000", parameters), catalog ?? Catalog);
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Errors);
    }

    private static string PackWith(string version, string citation) => $$"""
        { "id": "v", {{version}} "jurisdiction": "330000",
          "title": { "zh": "测试政策包", "en": "Test pack" },
          "citation": {{citation}},
          "parameters": { "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.03 } ] } } }
        """;

    [Fact]
    public void Parse_ParameterTheCatalogDoesNotDefine_NamesIt()
    {
        var error = SingleError("""
            "test.unknown": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.1 } ] }
            """);
        Assert.Equal("Unknown parameter: test.unknown", error.Message.English);
        Assert.Equal("未知参数：test.unknown", error.Message.Chinese);
        Assert.Equal("test.unknown", error.Arguments["Parameter"]);
    }

    [Theory]
    [InlineData("\"unit\": \"yuan\",", "yuan")]
    [InlineData("", "(none)")]
    public void Parse_WrongOrMissingUnit_NamesTheExpectedAndTheGivenUnit(string unit, string actual)
    {
        var error = SingleError($$"""
            "test.tier-ratio.a": { {{unit}} "values": [ { "from": "2024-01-01", "value": 0.1 } ] }
            """);
        Assert.Equal("MR.PolicyPack.WrongUnit", error.Code);
        Assert.Equal($"Parameter test.tier-ratio.a is measured in ratio, not {actual}", error.Message.English);
        Assert.Equal($"参数 test.tier-ratio.a 的单位应为 ratio，而不是 {actual}", error.Message.Chinese);
    }

    [Fact]
    public void Parse_WrongUnit_ItsValuesAreNotCheckedAgainstTheCatalogsUnit()
    {
        // 7 is no ratio, but the pack gave yuan: the one error is the unit, not a range the pack never meant.
        var error = SingleError("""
            "test.tier-ratio.a": { "unit": "yuan", "values": [ { "from": "2024-01-01", "value": 7 } ] }
            """);
        Assert.Equal("MR.PolicyPack.WrongUnit", error.Code);
    }

    [Fact]
    public void Parse_ParameterWithoutValues_AsksForOne()
    {
        var error = SingleError("""
            "test.tier-ratio.a": { "unit": "ratio" }
            """);
        Assert.Equal("MR.PolicyPack.Malformed", error.Code);
        Assert.Equal("$.parameters['test.tier-ratio.a'].values", error.Path);
        Assert.Equal("Malformed policy pack: at least one value is required", error.Message.English);
        Assert.Equal("政策包格式错误：至少须给出一个取值", error.Message.Chinese);
    }

    [Fact]
    public void Parse_ValuesWithoutTheirFirstDay_AreEachReportedAndNeverDatedByDefault()
    {
        // Two values without "from": were they read with a default day, they would also overlap each other.
        var result = PolicyPack.Parse(Pack("bad", "330000", """
            "test.statement-period": { "unit": "working-days", "values": [ { "value": 3 }, { "value": 4 } ] }
            """), Catalog);
        Assert.Equal(["$.parameters['test.statement-period'].values[0]", "$.parameters['test.statement-period'].values[1]"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("Malformed policy pack: 'from' and 'value' are required", e.Message.English);
            Assert.Equal("政策包格式错误：须给出「from」和「value」", e.Message.Chinese);
        });
    }

    [Theory]
    // A ratio lies in [0, 1] (5 % is 0.05).
    [InlineData("test.tier-ratio.a", "ratio", "1.5", "[0, 1]")]
    // An amount in yuan has two decimals (fen) at most.
    [InlineData("test.fine-cap", "yuan", "10.005", "≥ 0, fen at most")]
    // A period counts whole working days.
    [InlineData("test.statement-period", "working-days", "2.5", "whole numbers ≥ 0")]
    public void Parse_ValueOutsideItsUnitsRange_NamesTheRangeOfThatUnit(string id, string unit, string value, string range)
    {
        var error = SingleError($$"""
            "{{id}}": { "unit": "{{unit}}", "values": [ { "from": "2024-01-01", "value": {{value}} } ] }
            """, WithYuan);
        Assert.Equal("MR.PolicyPack.ValueOutOfRange", error.Code);
        Assert.Equal($"Value {value} of parameter {id} is outside the allowed range {range}", error.Message.English);
        Assert.Equal($"参数 {id} 的取值 {value} 超出允许范围 {range}", error.Message.Chinese);
    }

    [Theory]
    // The until day is the first day no longer in force: a value cannot end on or before the day it starts.
    [InlineData("2024-01-01")]
    [InlineData("2023-12-31")]
    public void Parse_ValueEndingOnOrBeforeItsFirstDay_SaysSoWithBothDates(string until)
    {
        var error = SingleError($$"""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "until": "{{until}}", "value": 0.1 } ] }
            """);
        Assert.Equal("MR.PolicyPack.OverlappingDates", error.Code);
        Assert.Equal($"The validity periods of parameter test.tier-ratio.a overlap: effectiveUntil {until} is not after effectiveFrom 2024-01-01", error.Message.English);
        Assert.Equal($"参数 test.tier-ratio.a 的有效期重叠：effectiveUntil {until} is not after effectiveFrom 2024-01-01", error.Message.Chinese);
    }

    [Fact]
    public void Parse_ValueRunningPastTheNextOnesFirstDay_NamesBothFirstDays()
    {
        var error = SingleError("""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-06-01", "value": 0.2 }, { "from": "2024-01-01", "until": "2024-06-02", "value": 0.1 } ] }
            """);
        Assert.Equal("$.parameters['test.tier-ratio.a'].values[1]", error.Path);
        Assert.Equal("The validity periods of parameter test.tier-ratio.a overlap: the value from 2024-01-01 overlaps the value from 2024-06-01", error.Message.English);
        Assert.Equal("test.tier-ratio.a", error.Arguments["Parameter"]);
    }

    [Fact]
    public void Pack_ToString_NamesItsIdAndJurisdiction()
    {
        var pack = PolicyPack.Parse(Pack("zj-2024", "330000", """
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": 0.03 } ] }
            """), Catalog).GetValueOrThrow();
        Assert.Equal("zj-2024 (330000)", pack.ToString());
    }

    [Fact]
    public void Parse_Version_IsReadAndOneWhenNotGiven()
    {
        const string citation = """{ "document": { "zh": "地方规定", "en": "Local rule" }, "status": "project-requirement" }""";
        Assert.Equal("2", PolicyPack.Parse(PackWith("\"version\": \"2\",", citation), Catalog).GetValueOrThrow().Version);
        Assert.Equal("1", PolicyPack.Parse(PackWith("", citation), Catalog).GetValueOrThrow().Version);
    }

    [Theory]
    [InlineData("", "Local rule")]
    [InlineData("地方规定", " ")]
    public void Parse_CitationWithoutOneOfItsTitles_IsRefused(string chinese, string english)
    {
        var result = PolicyPack.Parse(PackWith("", $$"""{ "document": { "zh": "{{chinese}}", "en": "{{english}}" }, "status": "project-requirement" }"""), Catalog);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.PolicyPack.CitationDocument", error.Code);
        Assert.Equal("$.citation.document", error.Path);
        Assert.Equal("The citation's document is not valid: the document's Chinese and English titles are required", error.Message.English);
        Assert.Equal("引用的文件无效：未给出文件的中文和英文标题", error.Message.Chinese);
    }

    [Fact]
    public void Parse_CitationOfARegisteredTitleUnderAnotherEnglishTitle_NamesEveryRegisteredVersion()
    {
        // The Administrative Penalty Law is registered twice (the 2021 revision and the text before it).
        var result = PolicyPack.Parse(PackWith("", """{ "document": { "zh": "中华人民共和国行政处罚法", "en": "Penalty Law" }, "status": "verified-official" }"""), Catalog);
        var error = Assert.Single(result.Errors);
        Assert.Equal("The citation's document is not valid: it differs from the registered document administrative-penalty-law, administrative-penalty-law-2017 in title or number", error.Message.English);
        Assert.Equal("引用的文件无效：与法规文件登记（administrative-penalty-law、administrative-penalty-law-2017）的标题或文号不一致", error.Message.Chinese);
    }

    [Fact]
    public void Parse_CitationOfThePenaltyLawWithoutANumber_IsBoundToThe2021Revision_NotTheRepealedText()
    {
        var law = LegalDocuments.AdministrativePenaltyLaw;
        var cited = PolicyPack.Parse(PackWith("", $$"""{ "document": { "zh": "{{law.Title.Chinese}}", "en": "{{law.Title.English}}" }, "status": "verified-official" }"""), Catalog)
            .GetValueOrThrow().Citation;
        Assert.Same(law, cited.RegisteredDocument);
        Assert.Equal(new LocalDate(2021, 7, 15), cited.InForceFrom);
    }

    [Fact]
    public void Parse_CitationOfARegisteredDocument_KeepsThePacksOwnSourceAndNote_ElseTheRegistrysSource()
    {
        var standards = LegalDocuments.ProsecutionStandardsII2010;
        string Cited(string extra) => PackWith("", $$"""
            { "document": { "zh": "{{standards.Title.Chinese}}", "en": "{{standards.Title.English}}" }, "status": "verified-secondary"{{extra}} }
            """);

        var own = PolicyPack.Parse(Cited(""", "source": "the province's gazette", "note": "as reprinted" """), Catalog).GetValueOrThrow().Citation;
        Assert.Same(standards, own.RegisteredDocument);
        Assert.Equal("the province's gazette", own.Source);
        Assert.Equal("as reprinted", own.Note);

        var registry = PolicyPack.Parse(Cited(""), Catalog).GetValueOrThrow().Citation;
        Assert.NotNull(standards.Source);
        Assert.Equal(standards.Source, registry.Source);
    }
}
