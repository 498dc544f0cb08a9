using MarketRules.Parameters;

namespace MarketRules.Tests.Kernel;

// A catalogue gathered by area builds an area only when one of its parameters is looked up, and answers as a catalogue
// built at once would.
public sealed class ParameterCatalogTests
{
    [Fact]
    public void ByArea_BuildsAnAreaOnFirstLookup_AndFindsAsTheEagerCatalog()
    {
        var built = new List<string>();
        var catalog = ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>>
        {
            ["test"] = () => { built.Add("test"); return [PolicyPackTests.Ratio, PolicyPackTests.StatementPeriod]; },
            ["other"] = () => { built.Add("other"); return []; },
        });
        Assert.Empty(built);
        Assert.Same(PolicyPackTests.Ratio, catalog.Find("test.tier-ratio.a"));
        Assert.Equal(["test"], built);
        Assert.Null(catalog.Find("test.missing"));
        Assert.Null(catalog.Find("nowhere.tier-ratio.a"));
        Assert.Null(catalog.Find("test"));
        Assert.Equal(["test"], built);
        Assert.Equal(PolicyPackTests.Catalog.Definitions.ToArray(), catalog.Definitions.ToArray());
        Assert.Equal(["test", "other"], built);
    }

    [Fact]
    public void ByArea_AnIdOutsideItsAreaOrTwice_IsRefusedWhenTheAreaIsBuilt()
    {
        var catalog = ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>>
        {
            ["sampling"] = () => [PolicyPackTests.Ratio],
            ["test"] = () => [PolicyPackTests.Ratio, PolicyPackTests.Ratio],
        });
        Assert.Contains("outside its area 'sampling'", Assert.Throws<InvalidOperationException>(() => catalog.Find("sampling.x")).Message, StringComparison.Ordinal);
        Assert.Contains("defined twice", Assert.Throws<InvalidOperationException>(() => catalog.Find("test.x")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterCatalog.ByArea(new Dictionary<string, Func<IEnumerable<ParameterDefinition>>> { ["a.b"] = () => [] }));
    }

    // The national catalogue: every area's parameters are found under its prefix, none lost to laziness.
    [Fact]
    public void National_EveryDefinition_IsFoundById()
    {
        var definitions = NationalCatalog.Catalog.Definitions;
        Assert.True(definitions.Length > 100, $"{definitions.Length}");
        Assert.All(definitions, d => Assert.Same(d, NationalCatalog.Catalog.Find(d.Id)));
    }
}
