using MarketRules.Calendar;
using MarketRules.Parameters;
using static MarketRules.Tests.Kernel.PolicyPackTests;

namespace MarketRules.Tests.Kernel;

/// <summary>
/// The in-force table an evaluator decides with must give, for every day, exactly what the law context resolves on that
/// day: the table is a faster reading of the law, never a second copy of it.
/// </summary>
public class InForceSpansTests
{
    private static readonly Jurisdiction Hangzhou = Jurisdiction.Parse("330100").GetValueOrThrow();

    private sealed record Span(LocalDate From, decimal? Ratio, decimal? Statement);

    private static LawContext Law(params PolicyPack[] packs)
    {
        var policy = PolicyContext.National(Catalog);
        foreach (var pack in packs)
        {
            policy = policy.WithPack(pack).GetValueOrThrow();
        }
        return new LawContext(policy, PeriodCalculator.China, Hangzhou);
    }

    private static PolicyPack RatioPack(string id, string from, string until, decimal value) =>
        PolicyPack.Parse(Pack(id, "330100", $$"""
            "test.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "{{from}}", "until": "{{until}}", "value": {{value}} } ] }
            """), Catalog).GetValueOrThrow();

    private static InForceSpans<Span> Table(LawContext law, IEnumerable<LocalDate>? alsoFrom = null) =>
        new(law, [Ratio, StatementPeriod], from => new Span(from,
            law.Policy.TryResolve(Ratio, from, law.Jurisdiction)?.Value,
            law.Policy.TryResolve(StatementPeriod, from, law.Jurisdiction)?.Value), alsoFrom);

    [Fact]
    public void Find_EveryDayFrom2017To2031_GivesTheValuesTheLawResolvesThatDay()
    {
        // A pack starting and ending mid-month, and an extra change day on the 31st: the table's month index must step
        // over changes later in a month and stop before them.
        var law = Law(RatioPack("hz", "2022-03-17", "2022-05-31", 0.02m));
        var table = Table(law, [new LocalDate(2024, 1, 31)]);
        for (var day = new LocalDate(2017, 1, 1); day <= new LocalDate(2031, 12, 31); day = day.PlusDays(1))
        {
            var span = table.Find(day);
            Assert.True(span.From <= day, $"{day}: span from {span.From}");
            Assert.Equal(law.Policy.TryResolve(Ratio, day, Hangzhou)?.Value, span.Ratio);
            Assert.Equal(law.Policy.TryResolve(StatementPeriod, day, Hangzhou)?.Value, span.Statement);
        }
        Assert.Equal(new LocalDate(2024, 1, 31), table.Find(new LocalDate(2024, 2, 1)).From);
        Assert.Equal(new LocalDate(2022, 5, 31), table.Find(new LocalDate(2024, 1, 30)).From); // the pack's end
    }

    [Fact]
    public void Find_BeforeTheFirstChangeAndFarAfterTheLast_GivesTheFirstAndTheLastSpan()
    {
        var table = Table(Law());
        var first = table.Find(new LocalDate(1900, 1, 1));
        Assert.Equal(LocalDate.MinIsoValue, first.From);
        Assert.Null(first.Ratio);
        Assert.Null(first.Statement);
        Assert.Same(first, table.Find(LocalDate.MinIsoValue));
        Assert.Same(first, table.Find(new LocalDate(2017, 12, 31)));
        var last = table.Find(new LocalDate(9999, 12, 31));
        Assert.Equal(new LocalDate(2021, 7, 15), last.From);
        Assert.Equal(5m, last.Statement);
    }

    [Fact]
    public void InForceSpans_WithNoParameters_HasOneSpanForEveryDay()
    {
        var law = Law();
        var table = new InForceSpans<Span>(law, [], from => new Span(from, null, null));
        Assert.Same(table.Find(new LocalDate(1, 1, 1)), table.Find(new LocalDate(2026, 12, 6)));
        Assert.Equal(LocalDate.MinIsoValue, table.Find(new LocalDate(2026, 12, 6)).From);
    }
}
