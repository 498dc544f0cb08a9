using System.Globalization;
using MarketRules.Calendar;
using MarketRules.Referral;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>
/// The referral step of the demo: ten cases a district bureau meets in a year, checked against the criminal thresholds
/// in force on their act dates, and the transfer timetable of the first case to refer.
/// </summary>
internal sealed class ReferralDemoStep : IDemoStep
{
    public string Title => "行刑衔接 — criminal referral thresholds";

    public void Run(DemoContext context)
    {
        var decisionDate = new LocalDate(context.Year, 12, 15);
        var cases = Cases(context.Year);
        var referral = new CriminalReferral(NationalCatalog.Law);
        var rows = new List<IReadOnlyList<string>>();
        ReferralReport? first = null;
        foreach (var (name, facts) in cases)
        {
            var report = referral.Explain(facts, decisionDate).GetValueOrThrow();
            var decision = report.Decision;
            first ??= decision.Refer ? report : null;
            var basis = decision.HasDecisiveThreshold
                ? $"{Id(decision.DecisiveThreshold)} +{Amount(decision.DecisiveThreshold, decision.Margin)}"
                : decision.Facts != FactTriggers.None ? decision.Facts.ToString() : "—";
            var nearest = !decision.Refer && decision.HasNearestMiss
                ? $"{Id(decision.NearestMiss)} short {Amount(decision.NearestMiss, decision.Shortfall)}"
                : "";
            var status = report.Checks.FirstOrDefault(c => c.Met)?.Value.Citation.Status.ToString() ?? "";
            rows.Add(
            [
                name,
                ((int)facts.Offence).ToString(CultureInfo.InvariantCulture),
                facts.ActDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                decision.Refer ? (decision.IsAttempt ? "REFER (attempt)" : "REFER") : "no",
                decision.Band.ToString(),
                basis,
                nearest,
                status,
                decision.LawChanged ? (decision.LaterLawMoreLenient ? "later law more lenient" : "later law differs") : "",
            ]);
        }
        context.Table($"Criminal referral as of {decisionDate:uuuu-MM-dd} (以上 includes the number; the law of the act date applies unless a later law is more lenient)",
            ["case", "art", "act date", "decision", "band", "decisive threshold", "nearest miss", "status", "time effect"], rows);

        if (first is not null)
        {
            var reported = new LocalDateTime(context.Year, 9, 29, 10, 0).InZoneLeniently(LegalTime.Zone).ToInstant();
            var timeline = new ReferralTimeline { ReportedToHead = reported, Approved = reported.Plus(Duration.FromHours(50)) };
            var deadlines = ReferralTimetable.Compute(timeline, NationalCatalog.Law).GetValueOrThrow();
            context.Table($"Transfer timetable for \"{rows[cases.FindIndex(c => c.Facts == first.Facts)][0]}\" (State Council Order 310; 3日 = calendar days, 24 h = clock hours)",
                ["step", "from", "period", "last day", "expires (Asia/Shanghai)"],
                deadlines.Select(d => (IReadOnlyList<string>)
                [
                    d.Step.ToString(),
                    d.Deadline.Trigger.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                    d.Deadline.Period.ToString(),
                    d.Deadline.LastDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                    d.Deadline.ExpiresAt.InZone(LegalTime.Zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture),
                ]));
        }
    }

    private static string Id(ReferralThreshold threshold) => ReferralParameters.Of(threshold).Id;

    private static string Amount(ReferralThreshold threshold, decimal value) =>
        ReferralParameters.Of(threshold).Unit == Parameters.ParameterUnit.Yuan
            ? value.ToString("#,0.00", CultureInfo.InvariantCulture) + " yuan"
            : value.ToString("#,0", CultureInfo.InvariantCulture);

    private static List<(string Name, ReferralFacts Facts)> Cases(int year)
    {
        var date = new LocalDate(year, 6, 1);
        return
        [
            ("Shoddy e-bike batteries, sales exactly 50,000", new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = date, Sales = Money.FromYuan(50_000m) }),
            ("Shoddy helmets, sales 49,999.99", new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = date, Sales = Money.FromYuan(49_999.99m) }),
            ("Shoddy cables, sold 40,000 + stock 30,000", new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = date, Sales = Money.FromYuan(40_000m), UnsoldValue = Money.FromYuan(30_000m) }),
            ("Fake-brand shoes, stock 40,000 + sold 40,000", new ReferralFacts { Offence = CriminalOffence.SellingCounterfeitMarkGoods, ActDate = date, Sales = Money.FromYuan(40_000m), UnsoldValue = Money.FromYuan(40_000m) }),
            ("Fake-brand bags, gains 30,000", new ReferralFacts { Offence = CriminalOffence.SellingCounterfeitMarkGoods, ActDate = date, IllegalGains = Money.FromYuan(30_000m) }),
            ("Label printer, 2 marks, 6,000 labels", new ReferralFacts { Offence = CriminalOffence.CounterfeitMarkLabels, ActDate = date, Marks = 2, Pieces = 6_000 }),
            ("Label printer of 2023, 15,000 labels", new ReferralFacts { Offence = CriminalOffence.CounterfeitMarkLabels, ActDate = new LocalDate(2023, 6, 1), Pieces = 15_000 }),
            ("Substandard drugs, no harm, sales 80,000 (Art 149)", new ReferralFacts { Offence = CriminalOffence.SubstandardDrugs, ActDate = date, Sales = Money.FromYuan(80_000m) }),
            ("Health-food advert, gains 35,000", new ReferralFacts { Offence = CriminalOffence.FalseAdvertising, ActDate = date, Category = ProductCategory.Food, IllegalGains = Money.FromYuan(35_000m) }),
            ("Company of 2006 faking a mark, volume 100,000", new ReferralFacts { Offence = CriminalOffence.CounterfeitRegisteredMark, Offender = OffenderKind.Unit, ActDate = new LocalDate(2006, 6, 1), BusinessVolume = Money.FromYuan(100_000m) }),
        ];
    }
}
