using MarketRules.Calendar;
using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

// Edges of reading the law through packs: the day a pack's value stops (its until day, the first day no longer in
// force), packs of one jurisdiction that meet without overlapping in either order, what a refused pack and a parameter
// not yet in force say, the law context read for a jurisdiction, and the local instruments a context carries.
public class PolicyContextMutationEdgeTests
{
    private static readonly Jurisdiction Zhejiang = Jurisdiction.Parse("330000").GetValueOrThrow();

    private static PolicyPack RatioPack(string id, string from, decimal value, string? until = null, string parameter = "test.tier-ratio.a", string unit = "ratio") =>
        PolicyPack.Parse(Pack(id, "330000", $$"""
            "{{parameter}}": { "unit": "{{unit}}", "values": [ { "from": "{{from}}", {{(until is null ? "" : $"\"until\": \"{until}\",")}} "value": {{value}} } ] }
            """), Catalog).GetValueOrThrow();

    private static PolicyContext Loaded(params PolicyPack[] packs)
    {
        var context = PolicyContext.National(Catalog);
        foreach (var pack in packs)
        {
            context = context.WithPack(pack).GetValueOrThrow();
        }
        return context;
    }

    private sealed record Scheme(string Id);

    private sealed record OtherInstrument(string Id);

    [Fact]
    public void Resolve_OnThePacksUntilDay_TheNationalValueIsInForceAgain()
    {
        // A value's until day is the first day it is no longer in force.
        var context = Loaded(RatioPack("zj-2024", "2024-01-01", 0.03m, until: "2025-01-01"));
        Assert.Equal("zj-2024", context.Resolve(Ratio, new LocalDate(2024, 12, 31), Zhejiang).Source);
        Assert.Equal("national", context.Resolve(Ratio, new LocalDate(2025, 1, 1), Zhejiang).Source);
        Assert.Equal("national", context.Resolve(Ratio, new LocalDate(2023, 12, 31), Zhejiang).Source);
        var value = context.Resolve(Ratio, new LocalDate(2024, 1, 1), Zhejiang);
        Assert.True(value.IsInForceOn(new LocalDate(2024, 1, 1)));
        Assert.True(value.IsInForceOn(new LocalDate(2024, 12, 31)));
        Assert.False(value.IsInForceOn(new LocalDate(2025, 1, 1)));
        Assert.False(value.IsInForceOn(new LocalDate(2023, 12, 31)));
    }

    [Fact]
    public void WithPack_TheEarlierOfTwoConsecutivePacksLoadedSecond_DoesNotConflict()
    {
        // The 2024 pack ends on the day the 2025 pack starts: they meet, they do not overlap, whichever is loaded first.
        var context = Loaded(RatioPack("zj-2025", "2025-01-01", 0.04m), RatioPack("zj-2024", "2024-01-01", 0.03m, until: "2025-01-01"));
        Assert.Equal(0.03m, context.Resolve(Ratio, new LocalDate(2024, 12, 31), Zhejiang).Value);
        Assert.Equal(0.04m, context.Resolve(Ratio, new LocalDate(2025, 1, 1), Zhejiang).Value);
    }

    [Fact]
    public void WithPack_TwoPacksOfOneJurisdictionSettingDifferentParameters_BothApply()
    {
        var context = Loaded(RatioPack("zj-ratio", "2024-01-01", 0.03m), RatioPack("zj-statement", "2024-01-01", 7m, parameter: "test.statement-period", unit: "working-days"));
        Assert.Equal("zj-ratio", context.Resolve(Ratio, new LocalDate(2024, 6, 1), Zhejiang).Source);
        Assert.Equal(7m, context.Resolve(StatementPeriod, new LocalDate(2024, 6, 1), Zhejiang).Value);
    }

    [Fact]
    public void WithPack_OverlappingPacks_NameBothPacksTheJurisdictionAndTheFirstDay()
    {
        var result = Loaded(RatioPack("zhejiang-a", "2024-01-01", 0.03m)).WithPack(RatioPack("zhejiang-b", "2024-06-01", 0.04m));
        var error = Assert.Single(result.Errors);
        Assert.Equal("The validity periods of parameter test.tier-ratio.a overlap: pack 'zhejiang-b' and pack 'zhejiang-a' both set it for 330000 from 2024-06-01", error.Message.English);
        Assert.Equal("test.tier-ratio.a", error.Arguments["Parameter"]);
    }

    [Fact]
    public void WithPack_APackAlreadyLoaded_IsRefusedAtItsId()
    {
        var pack = RatioPack("zhejiang", "2024-01-01", 0.03m);
        var error = Assert.Single(Loaded(pack).WithPack(pack).Errors);
        Assert.Equal("$.id", error.Path);
        Assert.Equal("Malformed policy pack: a pack with id 'zhejiang' is already loaded", error.Message.English);
    }

    [Fact]
    public void WithPack_Null_ThrowsForThePack() =>
        Assert.Equal("pack", Assert.Throws<ArgumentNullException>(() => PolicyContext.National(Catalog).WithPack(null!)).ParamName);

    [Fact]
    public void Resolve_BeforeTheLawExisted_SaysWhenItsFirstValueTakesEffect()
    {
        var error = Assert.Single(Assert.Throws<InvalidRuleInputException>(() => PolicyContext.National(Catalog).Resolve(StatementPeriod, new LocalDate(2017, 12, 31))).Errors);
        Assert.Equal("Parameter test.statement-period has no value in force on 2017-12-31 (the first takes effect on 2018-01-01)", error.Message.English);
        Assert.Equal("参数「test.statement-period」在 2017-12-31 尚无有效取值（最早自 2018-01-01 起）", error.Message.Chinese);
    }

    [Fact]
    public void Resolve_ParameterWithNoNationalValue_SaysNoneTakesEffect()
    {
        var localOnly = new ParameterDefinition("test.local-only", new LocalizedText("仅地方设定", "Set locally only"), ParameterUnit.Ratio, []);
        var error = Assert.Single(Assert.Throws<InvalidRuleInputException>(() => PolicyContext.National(new ParameterCatalog([localOnly])).Resolve(localOnly, new LocalDate(2024, 1, 1))).Errors);
        Assert.Equal("Parameter test.local-only has no value in force on 2024-01-01 (the first takes effect on -)", error.Message.English);
    }

    [Fact]
    public void LawContext_JurisdictionCode_IsNullForTheNationalLawOnly()
    {
        var national = new LawContext(PolicyContext.National(Catalog), PeriodCalculator.China);
        Assert.Null(national.JurisdictionCode);
        Assert.Equal("330100", national.For(Jurisdiction.Parse("330100").GetValueOrThrow()).JurisdictionCode);
    }

    [Fact]
    public void LawContext_ForItsOwnJurisdiction_IsTheSameLaw()
    {
        var law = new LawContext(PolicyContext.National(Catalog), PeriodCalculator.China, Zhejiang);
        Assert.Same(law, law.For(Zhejiang));
        var national = law.For(Jurisdiction.National);
        Assert.NotSame(law, national);
        Assert.True(national.Jurisdiction.IsNational);
        Assert.Same(law.Policy, national.Policy);
    }

    [Fact]
    public void LawContext_WithAConflictingPack_ReturnsTheConflictAndKeepsItsLaw()
    {
        var law = new LawContext(Loaded(RatioPack("zhejiang-a", "2024-01-01", 0.03m)), PeriodCalculator.China, Zhejiang);
        var result = law.WithPack(RatioPack("zhejiang-b", "2024-06-01", 0.04m));
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.PolicyPack.OverlappingDates", Assert.Single(result.Errors).Code);
        Assert.Single(law.Policy.Packs);
        var next = law.WithPack(RatioPack("zhejiang-statement", "2026-01-01", 7m, parameter: "test.statement-period", unit: "working-days")).GetValueOrThrow();
        Assert.Equal(7m, next.Resolve(StatementPeriod, new LocalDate(2026, 1, 1)).Value);
        Assert.Equal(Zhejiang, next.Jurisdiction);
    }

    [Fact]
    public void InForceSpans_ForWithoutALaw_ThrowsForTheLaw() =>
        Assert.Equal("law", Assert.Throws<ArgumentNullException>(() => InForceSpans<object>.For(null!, [], (_, _) => new object())).ParamName);

    [Fact]
    public void Instruments_AreFoundByKindAndId_AndListedByIdForTheirKindOnly()
    {
        var context = PolicyContext.National(Catalog)
            .WithInstrument("b", new Scheme("b"))
            .WithInstrument("a", new Scheme("a"))
            .WithInstrument("c", new OtherInstrument("c"));
        Assert.True(context.TryGetInstrument<Scheme>("a", out var a));
        Assert.Equal(new Scheme("a"), a);
        Assert.False(context.TryGetInstrument<Scheme>("c", out _));
        Assert.False(context.TryGetInstrument<Scheme>(null, out var none));
        Assert.Null(none);
        Assert.Equal([new Scheme("a"), new Scheme("b")], context.Instruments<Scheme>().ToArray());
        Assert.Equal([new OtherInstrument("c")], context.Instruments<OtherInstrument>().ToArray());
    }

    [Fact]
    public void LazyInstrument_IsReadOnceOnFirstUse()
    {
        var reads = 0;
        var context = PolicyContext.National(Catalog).WithLazyInstrument("s", () => { reads++; return new Scheme("s"); });
        Assert.Equal(0, reads);
        Assert.True(context.TryGetInstrument<Scheme>("s", out var first));
        Assert.True(context.TryGetInstrument<Scheme>("s", out var again));
        Assert.Same(first, again);
        Assert.Equal(1, reads);
        Assert.Equal([first], context.Instruments<Scheme>().ToArray());
    }
}
