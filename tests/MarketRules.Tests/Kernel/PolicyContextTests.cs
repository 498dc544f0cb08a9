using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

public class PolicyContextTests
{
    private static Jurisdiction J(string code) => Jurisdiction.Parse(code).GetValueOrThrow();

    private static PolicyPack RatioPack(string id, string jurisdiction, string from, decimal value, string? until = null) =>
        PolicyPack.Parse(Pack(id, jurisdiction, $$"""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "{{from}}", {{(until is null ? "" : $"\"until\": \"{until}\",")}} "value": {{value}} } ] }
            """), Catalog).GetValueOrThrow();

    [Theory]
    // The statement period was 3 days until the 2021 revision (in force 2021-07-15), 5 since.
    [InlineData("2019-06-01", 3)]
    [InlineData("2021-07-14", 3)]
    [InlineData("2021-07-15", 5)]
    [InlineData("2026-01-01", 5)]
    public void Resolve_AcrossAChangeDate_GivesTheValueInForce(string asOf, int expected)
    {
        var value = PolicyContext.National(Catalog).Resolve(StatementPeriod, StatutoryCalendarTests.Date(asOf));
        Assert.Equal(expected, value.Value);
        Assert.Equal("national", value.Source);
        Assert.True(value.IsInForceOn(StatutoryCalendarTests.Date(asOf)));
        Assert.Equal(MarketRules.Calendar.LegalPeriod.WorkingDays(expected), value.AsPeriod());
    }

    [Fact]
    public void Resolve_BeforeTheFirstValue_ThrowsNotInForce()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PolicyContext.National(Catalog).Resolve(StatementPeriod, new LocalDate(2017, 12, 31)));
        Assert.Equal("MR.Parameter.NotInForce", Assert.Single(ex.Errors).Code);
        Assert.Null(PolicyContext.National(Catalog).TryResolve(StatementPeriod, new LocalDate(2017, 12, 31)));
    }

    [Theory]
    [InlineData("330105", 0.01, "hz-xihu")]   // the district's own pack
    [InlineData("330106", 0.02, "hangzhou")]  // another district of Hangzhou: the city's pack
    [InlineData("330100", 0.02, "hangzhou")]  // the city itself
    [InlineData("330200", 0.03, "zhejiang")]  // Ningbo: the province's pack
    [InlineData("330000", 0.03, "zhejiang")]
    [InlineData("410000", 0.05, "national")]  // Henan: national value
    [InlineData("000000", 0.05, "national")]
    public void Resolve_PacksAtSeveralLevels_MostSpecificJurisdictionWins(string jurisdiction, decimal expected, string source)
    {
        var context = PolicyContext.National(Catalog)
            .WithPack(RatioPack("zhejiang", "330000", "2024-01-01", 0.03m)).GetValueOrThrow()
            .WithPack(RatioPack("hz-xihu", "330105", "2024-01-01", 0.01m)).GetValueOrThrow()
            .WithPack(RatioPack("hangzhou", "330100", "2024-01-01", 0.02m)).GetValueOrThrow();

        var value = context.Resolve(Ratio, new LocalDate(2024, 6, 1), J(jurisdiction));
        Assert.Equal(expected, value.Value);
        Assert.Equal(source, value.Source);
    }

    [Fact]
    public void Resolve_LocalValueNotYetInForce_FallsBackToTheNextLevel()
    {
        var context = PolicyContext.National(Catalog)
            .WithPack(RatioPack("zhejiang", "330000", "2024-01-01", 0.03m)).GetValueOrThrow()
            .WithPack(RatioPack("hangzhou", "330100", "2025-01-01", 0.02m)).GetValueOrThrow();
        Assert.Equal("zhejiang", context.Resolve(Ratio, new LocalDate(2024, 12, 31), J("330105")).Source);
        Assert.Equal("hangzhou", context.Resolve(Ratio, new LocalDate(2025, 1, 1), J("330105")).Source);
        Assert.Equal("national", context.Resolve(Ratio, new LocalDate(2023, 12, 31), J("330105")).Source);
    }

    [Fact]
    public void WithPack_TwoPacksSettingTheSameParameterOverOverlappingDates_Conflict()
    {
        var context = PolicyContext.National(Catalog).WithPack(RatioPack("zhejiang-a", "330000", "2024-01-01", 0.03m)).GetValueOrThrow();
        var result = context.WithPack(RatioPack("zhejiang-b", "330000", "2024-06-01", 0.04m));
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.PolicyPack.OverlappingDates", error.Code);
        Assert.Equal("$.parameters['test.tier-ratio.a']", error.Path);
        Assert.Single(context.Packs);
    }

    [Fact]
    public void WithPack_TwoPacksOverConsecutiveDates_Combine()
    {
        var context = PolicyContext.National(Catalog)
            .WithPack(RatioPack("zhejiang-2024", "330000", "2024-01-01", 0.03m, until: "2025-01-01")).GetValueOrThrow()
            .WithPack(RatioPack("zhejiang-2025", "330000", "2025-01-01", 0.04m)).GetValueOrThrow();
        Assert.Equal(0.03m, context.Resolve(Ratio, new LocalDate(2024, 12, 31), J("330000")).Value);
        Assert.Equal(0.04m, context.Resolve(Ratio, new LocalDate(2025, 1, 1), J("330000")).Value);
    }

    [Fact]
    public void WithPack_SamePackTwice_IsRejected()
    {
        var pack = RatioPack("zhejiang", "330000", "2024-01-01", 0.03m);
        var result = PolicyContext.National(Catalog).WithPack(pack).GetValueOrThrow().WithPack(pack);
        Assert.Equal("MR.PolicyPack.Malformed", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void WithPack_DifferentJurisdictions_NeverConflict()
    {
        var result = PolicyContext.National(Catalog)
            .WithPack(RatioPack("zhejiang", "330000", "2024-01-01", 0.03m)).GetValueOrThrow()
            .WithPack(RatioPack("henan", "410000", "2024-01-01", 0.04m));
        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData("330105", "330100", true)]
    [InlineData("330105", "330000", true)]
    [InlineData("330105", "000000", true)]
    [InlineData("330100", "330105", false)]
    [InlineData("330105", "410000", false)]
    [InlineData("330105", "330105", true)]
    public void IsWithin_Divisions_FollowTheCodeHierarchy(string inner, string outer, bool expected)
    {
        Assert.Equal(expected, J(inner).IsWithin(J(outer)));
    }
}
