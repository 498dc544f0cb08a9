using System.Globalization;
using System.Text;
using MarketRules.SpotChecks;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>Spot checks: a year of batches for the district, pass rates by category, and the follow-up chain of the non-conforming ones.</summary>
internal sealed class SpotCheckDemoStep : IDemoStep
{
    private static readonly (string Name, bool Food)[] Categories = [("电线电缆", false), ("儿童玩具", false), ("电动自行车", false), ("食品相关产品", false), ("糕点", true)];

    public string Title => "Product-quality spot checks (产品质量监督抽查)";

    public void Run(DemoContext context)
    {
        var random = new DemoRandom(context.Seed ^ 0x5C07C4ECUL);
        var year = context.Year;
        var counts = new List<SpotCheckBatchCount>();
        foreach (var (name, _) in Categories)
        {
            foreach (var level in new[] { SpotCheckLevel.City, SpotCheckLevel.County })
            {
                var sampled = random.Next(12, 48);
                var conforming = sampled - random.Next(0, Math.Max(1, sampled / 6));
                counts.Add(new SpotCheckBatchCount(name, level, year.ToString(CultureInfo.InvariantCulture), sampled, conforming));
            }
        }
        var report = PassRates.Compute(counts, 2, null, null, new LocalDate(year, 12, 31));
        context.Table($"Spot checks {year}: pass rate = conforming / sampled, exact (合格率)", ["Scope", "Sampled", "Conforming", "Fraction", "Rate"],
            new[] { report.Overall }.Concat(report.ByCategory).Concat(report.ByLevel).Select(r => (IReadOnlyList<string>)
                [r.Scope, r.Sampled.ToString(CultureInfo.InvariantCulture), r.Conforming.ToString(CultureInfo.InvariantCulture), r.Fraction, $"{r.Percent:0.00} %"]));
        var hangzhou = PassRates.Compute([new SpotCheckBatchCount("全部", SpotCheckLevel.City, "2017", 1808, 1444)], 2, 79.82m, null, new LocalDate(2018, 1, 31));
        context.Output.WriteLine("Hangzhou 2017 as printed: " + hangzhou.Explanation.Reasons[^1].Message.English);

        // The non-conforming lots' follow-up chains, walked to different points, and what is due or overdue at year end.
        var machine = new SpotCheckStateMachine(NationalCatalog.Law);
        var asOf = new LocalDate(year, 12, 31);
        var rows = new List<IReadOnlyList<string>>();
        var csv = new StringBuilder("lot,category,state,step,actor,last_day,status\n");
        var lots = 0;
        for (var i = 0; i < counts.Count && lots < 8; i++)
        {
            if (counts[i].Conforming == counts[i].Sampled)
            {
                continue;
            }
            var (category, food) = Categories[i / 2];
            var id = $"{year}-SC-{++lots:00}";
            var received = new LocalDate(year, 1 + (lots * 13 % 11), 1 + random.Next(0, 25));
            var events = Chain(received, lots, random);
            var lot = machine.Replay(new SpotCheckLotFacts(food, counts[i].Level!.Value, LicensedProduct: category == "电线电缆"), events).GetValueOrThrow();
            var agenda = machine.AsOf(lot, asOf);
            var steps = agenda.Due.Select(d => (d, "due")).Concat(agenda.Overdue.Select(d => (d, "OVERDUE"))).ToList();
            if (steps.Count == 0)
            {
                rows.Add([id, category + (food ? " (food: 7 wd)" : ""), lot.State.ToString(), lot.CloseReason == SpotCheckCloseReason.None ? "—" : lot.CloseReason.ToString(), "", "", ""]);
            }
            foreach (var (d, status) in steps)
            {
                rows.Add([id, category + (food ? " (food: 7 wd)" : ""), lot.State.ToString(), d.Step.ToString(), d.Actor.ToString(), d.LastDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), status]);
                csv.Append(CultureInfo.InvariantCulture, $"{id},{category},{lot.State},{d.Step},{d.Actor},{d.LastDay:uuuu-MM-dd},{status}\n");
            }
        }
        context.Table($"Follow-up chains of non-conforming lots as of {asOf:uuuu-MM-dd} (总局令第18号 Arts 45–48; PQL Art 15; FSL Art 88)",
            ["Lot", "Category", "State", "Step / closed", "Actor", "Last day", "Status"], rows);
        context.WriteFile("spot-check-follow-up.csv", csv.ToString());
    }

    // Each lot stops at a different point of the chain: some still in the re-test window, some waiting for the review, one
    // announced and waiting for its second review, others closed.
    private static List<SpotCheckEvent> Chain(LocalDate received, int lot, DemoRandom random)
    {
        var events = new List<SpotCheckEvent>
        {
            new(SpotCheckEventKind.Planned, received.PlusDays(-45)),
            new(SpotCheckEventKind.Sampled, received.PlusDays(-30)),
            new(SpotCheckEventKind.TestedNonConforming, received.PlusDays(-4)),
            new(SpotCheckEventKind.ResultReceived, received),
        };
        var stage = lot % 5;
        if (stage == 0)
        {
            return events; // the sale stop was never recorded
        }
        events.Add(new(SpotCheckEventKind.SaleStopped, received.PlusDays(random.Next(0, 2))));
        var order = received.PlusDays(20);
        events.Add(new(SpotCheckEventKind.RectificationOrdered, order));
        if (stage == 1)
        {
            return events; // waiting for the review
        }
        if (stage == 2)
        {
            events.Add(new(SpotCheckEventKind.ReviewPassed, order.PlusDays(random.Next(60, 80))));
            return events; // closed, perhaps late
        }
        events.Add(new(SpotCheckEventKind.ReviewFailed, order.PlusDays(70)));
        events.Add(new(SpotCheckEventKind.Announced, order.PlusDays(90)));
        if (stage == 4)
        {
            events.Add(new(SpotCheckEventKind.SecondReviewPassed, order.PlusDays(90 + 70)));
        }
        return events;
    }
}
