using System.Globalization;
using System.Text;
using MarketRules.Credit;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>Credit: classify a generated district directory, then walk one abnormal-list and one publication timeline.</summary>
internal sealed class CreditDemoStep : IDemoStep
{
    private static readonly string[] Trades = ["餐饮", "食品销售", "电动自行车销售", "日用品零售", "服装加工", "食品相关产品生产"];

    public string Title => "Credit tiers, lists and publication (信用分类、名录与公示)";

    public void Run(DemoContext context)
    {
        var asOf = new LocalDate(context.Year, 6, 30);
        var random = new DemoRandom(context.Seed ^ 0xC2ED17UL);
        var directory = Enumerable.Range(1, 12).Select(i => Generate(random, i, asOf)).ToList();
        var classes = CreditDirectory.Classify(directory, asOf, CreditRiskPolicy.Example, NationalCatalog.Law.For(context.District)).GetValueOrThrow();
        context.Table($"Credit-risk classes as of {asOf:uuuu-MM-dd} (example policy; 国市监信发〔2022〕6号 classes)",
            ["Enterprise", "Class", "Score", "Decided by", "Main reason"],
            directory.Zip(classes, (facts, c) => (IReadOnlyList<string>)
            [
                facts.Name, c.Class.ToString(), c.Classification.Score.ToString(CultureInfo.InvariantCulture), BasisName(c.Classification.Basis),
                c.Classification.Explanation.Reasons[^1].Message.English,
            ]));
        var csv = new StringBuilder("id,name,class,score,basis\n");
        foreach (var (facts, c) in directory.Zip(classes))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{facts.Id},{facts.Name},{c.Class},{c.Classification.Score},{BasisName(c.Classification.Basis)}\n");
        }
        context.WriteFile("credit-classes.csv", csv.ToString());

        var rows = new List<IReadOnlyList<string>>();
        foreach (var listedOn in new[] { new LocalDate(2019, 7, 10), new LocalDate(2022, 7, 11) })
        {
            var consequence = AbnormalListRules.Consequence(new AbnormalListing("demo", AbnormalListGround.AnnualReportNotFiled, listedOn), NationalCatalog.Law);
            rows.Add([$"Listed {listedOn:uuuu-MM-dd}", "Objection by", Format(AbnormalListRules.ObjectionDeadline(listedOn, NationalCatalog.Law).LastDay), "工商总局令第68号 Art. 16"]);
            rows.Add([$"Listed {listedOn:uuuu-MM-dd}", "Three years end", Format(consequence.EscalationPeriodEnds), RegimeName(consequence.Regime)]);
            rows.Add([$"Listed {listedOn:uuuu-MM-dd}", "Reminder from", Format(consequence.ReminderFrom), "83号令 Art. 8 (44号令: MEM)"]);
            rows.Add([$"Listed {listedOn:uuuu-MM-dd}", "Serious list by", Format(consequence.SeriousListingBy),
                consequence.MovesToSeriousList ? "企业信息公示暂行条例 (2014) Art. 17" : "none: 2024 revision (Art. 18)"]);
        }
        context.Table("Abnormal-operations list: two listings either side of the 2024 revision", ["Listing", "Event", "Date", "Law"], rows);

        var penalty = new PenaltyRecord("杭拱市监罚〔2025〕12号", new LocalDate(context.Year, 3, 14), [PenaltyMeasure.Fine, PenaltyMeasure.Confiscation])
        {
            Fine = Money.FromYuan(30_000),
            Field = PenaltyField.Food,
        };
        var schedule = PenaltyPublication.Schedule(penalty, NationalCatalog.Law.For(context.District)).GetValueOrThrow();
        var early = PenaltyPublication.RequestEarlyStop(schedule, schedule.RepairFrom!.Value.PlusDays(-1), new EarlyStopConditions(true, true, true, true), NationalCatalog.Law);
        context.Table($"Publication of {penalty.Id} (food, fine 30,000 yuan + confiscation)", ["Event", "Date", "Law"],
        [
            ["Decision", Format(penalty.DecidedOn), "—"],
            ["Publish by (20 wd)", Format(schedule.PublishBy), "总局令第45号 Art. 9"],
            ["Repair may be applied for from (1 year, food)", Format(schedule.RepairFrom), "国市监信规〔2021〕3号"],
            ["Application one day earlier", early.IsSuccess ? "accepted" : early.Errors[0].Code, early.IsSuccess ? "" : early.Errors[0].Message.English],
            ["Last day published (3 years)", Format(schedule.LastDay), "总局令第45号 Art. 13"],
        ]);
    }

    private static EnterpriseCreditFacts Generate(DemoRandom random, int index, LocalDate asOf)
    {
        var facts = new EnterpriseCreditFacts($"DEMO{index:D3}", $"拱墅{Trades[index % Trades.Length]}企业{index}")
        {
            BasicAttributes = random.Next(0, 11),
            LateAnnualReports = random.Next(0, 4) == 0 ? 1 : 0,
            Complaints = random.Next(0, 5),
            RelatedParties = random.Next(0, 8) == 0 ? 1 : 0,
        };
        if (random.Next(0, 3) == 0)
        {
            var heavier = random.Next(0, 4) == 0;
            facts = facts with
            {
                Penalties = [new PenaltyRecord($"P{index}", asOf.PlusDays(-random.Next(30, 900)), heavier ? [PenaltyMeasure.Fine, PenaltyMeasure.Suspension] : [PenaltyMeasure.Fine])],
            };
        }
        if (index % 5 == 0)
        {
            facts = facts with { Listings = [new CreditListing(CreditListKind.Abnormal, asOf.PlusDays(-random.Next(10, 400)))] };
        }
        if (index == 12)
        {
            facts = facts with { Listings = [new CreditListing(CreditListKind.Serious, asOf.PlusDays(-200))] };
        }
        return facts;
    }

    // The JSON names (credit.tier/1 answers "abnormal-list"), so the table, the CSV and the engine read alike.
    private static string BasisName(CreditClassBasis basis) => basis switch
    {
        CreditClassBasis.AbnormalList => "abnormal-list",
        CreditClassBasis.SeriousList => "serious-list",
        _ => "score",
    };

    private static string RegimeName(AbnormalListRegime regime) => regime switch
    {
        AbnormalListRegime.Interim2014 => "企业信息公示暂行条例 (2014) Art. 17: 3 years → serious list",
        AbnormalListRegime.Revision2024 => "企业信息公示暂行条例 (2024) Art. 18: no escalation",
        _ => "no abnormal list before 2014-10-01",
    };

    private static string Format(LocalDate? date) => date is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "—";
}
