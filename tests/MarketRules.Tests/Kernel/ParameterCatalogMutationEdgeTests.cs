using MarketRules.Calendar;
using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

// Edges of the catalogue of legal parameters, of a GB/T 2260 jurisdiction code, and of a parameter's value read as a
// legal period (only time units, only whole numbers).
public class ParameterCatalogMutationEdgeTests
{
    private static Jurisdiction J(string code) => Jurisdiction.Parse(code).GetValueOrThrow();

    private static ParameterValue Value(ParameterUnit unit, decimal value) =>
        new("test.x", unit, new DatedValue(new LocalDate(2024, 1, 1), value, TestLaw), null, "national", Jurisdiction.National);

    [Fact]
    public void Catalog_Definitions_AreInIdOrderWhateverTheOrderGiven()
    {
        var catalog = new ParameterCatalog([Ratio, StatementPeriod]);
        Assert.Equal(["test.statement-period", "test.tier-ratio.a"], catalog.Definitions.Select(d => d.Id));
    }

    [Fact]
    public void Catalog_With_AddsParametersAndKeepsTheOthers()
    {
        var extra = new ParameterDefinition("test.a-first", new LocalizedText("甲", "A"), ParameterUnit.Count, [new DatedValue(new LocalDate(2020, 1, 1), 3m, TestLaw)]);
        var larger = Catalog.With([extra]);
        Assert.Equal(["test.a-first", "test.statement-period", "test.tier-ratio.a"], larger.Definitions.Select(d => d.Id));
        Assert.Same(extra, larger.Find("test.a-first"));
        Assert.Same(Ratio, larger.Find("test.tier-ratio.a"));
        Assert.Null(Catalog.Find("test.a-first"));
    }

    [Fact]
    public void Catalog_FindWithoutAnId_ThrowsForTheId()
    {
        var byArea = ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>> { ["test"] = () => [Ratio] });
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => Catalog.Find(null!)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => byArea.Find(null!)).ParamName);
    }

    [Fact]
    public void ByArea_AnIdSharingOnlyTheLettersOfThePrefix_IsOutsideTheArea()
    {
        // "testing.ratio" starts with "test" but not with "test.": it belongs to no area named test.
        var stray = new ParameterDefinition("testing.ratio", new LocalizedText("比例", "Ratio"), ParameterUnit.Ratio, []);
        var catalog = ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>> { ["test"] = () => [Ratio, stray] });
        Assert.Equal("Parameter id testing.ratio is outside its area 'test'", Assert.Throws<InvalidOperationException>(() => catalog.Find("test.tier-ratio.a")).Message);
    }

    [Theory]
    // Six characters, not all digits; seven digits; a sign or a space in place of a digit (GB/T 2260 codes are six digits).
    [InlineData("33010a")]
    [InlineData("3301050")]
    [InlineData("+33010")]
    [InlineData(" 33010")]
    public void Jurisdiction_NotSixDigits_IsInvalidAndNamesTheCode(string code)
    {
        var error = Assert.Single(Jurisdiction.Parse(code).Errors);
        Assert.Equal("MR.Jurisdiction.Invalid", error.Code);
        Assert.Equal(code, error.Arguments["Code"]);
        Assert.Equal($"Jurisdiction code {code} is invalid: expected six digits (GB/T 2260)", error.Message.English);
    }

    [Fact]
    public void Jurisdiction_Missing_IsInvalidWithAnEmptyCode()
    {
        var error = Assert.Single(Jurisdiction.Parse(null).Errors);
        Assert.Equal("", error.Arguments["Code"]);
        Assert.Equal("行政区划代码  无效：应为 6 位数字（GB/T 2260）", error.Message.Chinese);
    }

    [Fact]
    public void Jurisdiction_Ordering_IsByCode()
    {
        var province = J("330000");
        var city = J("330100");
        Assert.True(province < city);
        Assert.False(city < province);
        Assert.False(city < J("330100"));
        Assert.True(city > province);
        Assert.False(province > city);
        Assert.False(city > J("330100"));
        Assert.True(province <= city);
        Assert.True(city <= J("330100"));
        Assert.False(city <= province);
        Assert.True(city >= province);
        Assert.True(city >= J("330100"));
        Assert.False(province >= city);
    }

    [Theory]
    [InlineData(ParameterUnit.WorkingDays, PeriodUnit.WorkingDays)]
    [InlineData(ParameterUnit.Days, PeriodUnit.Days)]
    [InlineData(ParameterUnit.Months, PeriodUnit.Months)]
    [InlineData(ParameterUnit.Years, PeriodUnit.Years)]
    [InlineData(ParameterUnit.Hours, PeriodUnit.Hours)]
    public void TryAsPeriod_AWholeNumberOfATimeUnit_IsThatPeriod(ParameterUnit unit, PeriodUnit period)
    {
        Assert.Equal(LegalPeriod.Of(15, period), Value(unit, 15m).TryAsPeriod());
        Assert.Equal(LegalPeriod.Of(15, period), Value(unit, 15m).AsPeriod());
    }

    [Theory]
    [InlineData(ParameterUnit.Ratio, 1)]
    [InlineData(ParameterUnit.Yuan, 15)]
    [InlineData(ParameterUnit.Count, 15)]
    [InlineData(ParameterUnit.Factor, 15)]
    [InlineData(ParameterUnit.Days, 2.5)]
    public void TryAsPeriod_NotATimeUnitOrNotWhole_IsNone(ParameterUnit unit, decimal value) =>
        Assert.Null(Value(unit, value).TryAsPeriod());

    [Fact]
    public void AsPeriod_NotATimeUnit_SaysWhatItIsMeasuredIn() =>
        Assert.Equal("Parameter test.x is measured in Count, not in time", Assert.Throws<InvalidOperationException>(() => Value(ParameterUnit.Count, 3m).AsPeriod()).Message);

    [Fact]
    public void AsPeriod_FractionalDays_IsRefusedNotTruncated() =>
        Assert.Equal("Parameter test.x has a fractional period 2.5", Assert.Throws<InvalidOperationException>(() => Value(ParameterUnit.Days, 2.5m).AsPeriod()).Message);

    [Fact]
    public void ParameterValue_ToString_NamesIdValueUnitFirstDayAndSource() =>
        Assert.Equal("test.tier-ratio.a = 0.05 Ratio from 2020-01-01 (national)", Ratio.Values[0].ToString());
}
