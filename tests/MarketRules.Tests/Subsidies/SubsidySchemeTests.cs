using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public class SubsidySchemeTests
{
    [Fact]
    public void Gongshu2022_Phases_Are300_200_100YuanWithPhase1Budget780000()
    {
        var scheme = SubsidySchemes.Gongshu2022;
        Assert.Equal("330105", scheme.Jurisdiction.ToString());
        Assert.Equal([30_000L, 20_000L, 10_000L], scheme.Phases.Select(p => p.Amount.Fen));
        Assert.Equal(Money.FromYuan(780_000m), scheme.Phases[0].Budget);
        Assert.All(scheme.Phases, p => Assert.Equal(VerificationStatus.ProjectRequirement, p.Citation.Status));
        Assert.All(scheme.Phases, p => Assert.Contains("assumed", p.Citation.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void National2025_Amounts_AreMarkedUnverified()
    {
        var scheme = SubsidySchemes.National2025;
        Assert.True(scheme.Jurisdiction.IsNational);
        Assert.All(scheme.Phases, p => Assert.NotEqual(VerificationStatus.VerifiedOfficial, p.Citation.Status));
        Assert.All(scheme.Extras, e => Assert.NotEqual(VerificationStatus.VerifiedOfficial, e.Citation.Status));
        Assert.Equal(Money.FromYuan(1_500m), scheme.MinimumNewBikePrice);
    }

    [Fact]
    public void Resolve_UnknownScheme_ReturnsCodedError()
    {
        var result = SubsidySchemes.Resolve(NationalCatalog.Law, "nowhere-2030");
        Assert.Equal("MR.Subsidy.UnknownScheme", Assert.Single(result.Errors).Code);
        Assert.Equal("$.schemeId", result.Errors[0].Path);
    }

    [Fact]
    public void NationalLaw_CarriesTheShippedSchemes_UnderTheirOwnIds()
    {
        // The law carries them before they are parsed (lazily): the ids it knows them by must be the files' own.
        var all = SubsidySchemes.All(NationalCatalog.Law);
        Assert.Equal([SubsidySchemes.Gongshu2022Id, SubsidySchemes.National2025Id], all.Select(s => s.Id));
        Assert.Same(SubsidySchemes.Gongshu2022, SubsidySchemes.Resolve(NationalCatalog.Law, SubsidySchemes.Gongshu2022Id).Value);
        Assert.Same(SubsidySchemes.National2025, SubsidySchemes.Resolve(NationalCatalog.Law, SubsidySchemes.National2025Id).Value);
    }

    [Fact]
    public void With_ASchemeOfAShippedId_ReplacesTheShippedOne()
    {
        var local = SubsidyScheme.Parse(SubsidyTestData.SchemeJsonWithId(SubsidySchemes.Gongshu2022Id)).GetValueOrThrow();
        var law = SubsidySchemes.With(NationalCatalog.Law, local);
        Assert.Same(local, SubsidySchemes.Resolve(law, SubsidySchemes.Gongshu2022Id).Value);
        Assert.Equal(2, SubsidySchemes.All(law).Length);
        Assert.Same(SubsidySchemes.Gongshu2022, SubsidySchemes.Resolve(NationalCatalog.Law, SubsidySchemes.Gongshu2022Id).Value);
    }

    [Theory]
    [InlineData("not json", "MR.Subsidy.SchemeMalformed")]
    [InlineData("""{ "id": "x", "jurisdiction": "33", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"from-memory"}, "validity": {"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59"}, "phases": [{"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59","amountFen":100,"citation":{"document":{"zh":"a","en":"a"},"status":"from-memory"}}] }""", "MR.Jurisdiction.Invalid")]
    [InlineData("""{ "id": "x", "jurisdiction": "330105", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"from-memory"}, "validity": {"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59"}, "phases": [{"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59","amountFen":-1,"citation":{"document":{"zh":"a","en":"a"},"status":"from-memory"}}] }""", "MR.Subsidy.SchemeAmountInvalid")]
    [InlineData("""{ "id": "x", "jurisdiction": "330105", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"from-memory"}, "validity": {"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59"}, "phases": [{"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59","amountFen":100}] }""", "MR.Subsidy.SchemeMalformed")]
    [InlineData("""{ "id": "x", "jurisdiction": "330105", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"from-memory"}, "validity": {"start":"2022-06-01T00:00:00","end":"2022-07-31T23:59:59"}, "phases": [{"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59","amountFen":100,"citation":{"document":{"zh":"a","en":"a"},"status":"from-memory"}},{"start":"2022-06-30T00:00:00","end":"2022-07-31T23:59:59","amountFen":100,"citation":{"document":{"zh":"a","en":"a"},"status":"from-memory"}}] }""", "MR.Subsidy.SchemePhasesInvalid")]
    [InlineData("""{ "id": "x", "jurisdiction": "330105", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"from-memory"}, "validity": {"start":"2022-06-01T00:00:00","end":"2022-06-30T23:59:59"}, "phases": [{"start":"2022-06-01T00:00:00","end":"2022-07-30T23:59:59","amountFen":100,"citation":{"document":{"zh":"a","en":"a"},"status":"from-memory"}}] }""", "MR.Subsidy.SchemePhasesInvalid")]
    public void Parse_InvalidScheme_ReturnsCodedErrors(string json, string code)
    {
        var result = SubsidyScheme.Parse(json);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void Codes_HaveMatchingPlaceholdersInBothLanguages()
    {
        var definitions = typeof(SubsidyErrors).GetFields().Select(f => (MessageDefinition)f.GetValue(null)!).ToList();
        Assert.NotEmpty(definitions);
        Assert.All(definitions, d =>
        {
            Assert.StartsWith("MR.Subsidy.", d.Code, StringComparison.Ordinal);
            Assert.Equal(MessageDefinition.PlaceholdersOf(d.Template.Chinese).Order(), MessageDefinition.PlaceholdersOf(d.Template.English).Order());
        });
        Assert.Equal(definitions.Count, definitions.Select(d => d.Code).Distinct().Count());
    }

    [Theory]
    [InlineData(150_000L, 0.15, "down-to-fen", 22_500L)] // 15 % of 1,500 yuan = 225 yuan
    [InlineData(333_333L, 0.15, "down-to-fen", 49_999L)] // 49,999.95 fen → 49,999 (down)
    [InlineData(333_333L, 0.15, "down-to-yuan", 49_900L)] // 499.9995 yuan → 499 yuan
    [InlineData(500_000L, 0.15, "down-to-fen", 50_000L)] // 750 yuan capped at 500
    public void ComputeAmount_RateOfPrice_RoundsDownAndCaps(long priceFen, double rate, string rounding, long expectedFen)
    {
        var scheme = SubsidyScheme.Parse($$$"""
            { "id": "x", "jurisdiction": "371400", "title": {"zh":"a","en":"a"}, "citation": {"document":{"zh":"a","en":"a"},"status":"verified-secondary"},
              "rounding": "{{{rounding}}}", "validity": {"start":"2025-01-01T00:00:00","end":"2025-12-31T23:59:59"},
              "phases": [{"start":"2025-01-01T00:00:00","end":"2025-12-31T23:59:59","amountFen":50000,"rateOfPrice":{{{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}},
                          "citation":{"document":{"zh":"a","en":"a"},"status":"verified-secondary"}}] }
            """).GetValueOrThrow();
        Assert.Equal(expectedFen, scheme.ComputeAmount(0, Money.FromFen(priceFen), false).Fen);
    }
}
