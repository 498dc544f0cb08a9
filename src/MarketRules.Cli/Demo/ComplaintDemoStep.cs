using System.Globalization;
using System.Text;
using MarketRules.Calendar;
using MarketRules.Complaints;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>
/// A month of 12315 traffic for the demo district straddling 2026-04-15, when Order 121 replaced Order 20: complaints
/// accepted and refused by ground, mediated, ended, deadlines met and missed under each order, a repeat and a merged
/// report, and one whistle-blower reward under Zhejiang's threshold.
/// </summary>
internal sealed class ComplaintDemoStep : IDemoStep
{
    public string Title => "Complaints and reports: a month of 12315 traffic across Order 20 → Order 121 (complaint.transition/1, report.reward/1)";

    public void Run(DemoContext context)
    {
        var machine = new ComplaintStateMachine(RewardPolicyPacks.WithAll(NationalCatalog.Law).For(context.District));
        var random = new DemoRandom(context.Seed ^ 0x12315UL);
        static Instant At(LocalDate d, int hour = 10) => d.At(new LocalTime(hour, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();
        var csv = new StringBuilder("complaint,received,order,state,refusal_grounds,end_ground,met,missed\n");
        var counts = new Dictionary<(ComplaintOrder, string), int>();
        void Count(ComplaintOrder order, string what) => counts[(order, what)] = counts.GetValueOrDefault((order, what)) + 1;
        var number = 0;

        for (var day = new LocalDate(2026, 4, 1); day <= new LocalDate(2026, 4, 30); day = day.PlusDays(1))
        {
            var working = machine.Periods.Calendar.IsWorkingDay(day);
            var arrivals = working ? random.Next(3, 9) : random.Next(0, 3);
            for (var i = 0; i < arrivals; i++)
            {
                number++;
                var events = Story(machine, random, day, At);
                var snapshot = ComplaintSnapshot.Initial;
                foreach (var e in events)
                {
                    var result = machine.Apply(snapshot, e);
                    if (!result.Accepted)
                    {
                        Count(snapshot.Order, "rejected event " + result.Error!.Code);
                        break;
                    }
                    snapshot = result.ApplyTo(snapshot);
                }
                var order = snapshot.Order;
                Count(order, "received");
                switch (snapshot.State)
                {
                    case ComplaintState.Refused:
                        Count(order, "refused");
                        foreach (var g in snapshot.RefusalGrounds)
                        {
                            Count(order, "  refused: " + Kebab(g));
                        }
                        break;
                    case ComplaintState.Closed when snapshot.EndGround != MediationEndGround.None:
                        Count(order, "accepted");
                        Count(order, "mediation ended");
                        Count(order, "  ended: " + Kebab(snapshot.EndGround));
                        break;
                    case ComplaintState.Closed:
                        Count(order, "accepted");
                        Count(order, "mediated to an agreement");
                        break;
                    default:
                        Count(order, snapshot.DecidedOn is null ? "pending acceptance" : "accepted");
                        Count(order, "still open on 2026-08-31: " + Kebab(snapshot.State));
                        break;
                }
                if (snapshot.MediationStartedOn is not null)
                {
                    Count(order, "mediation started (both consented)");
                }
                if (snapshot.MediationPauses.ExcludedDays > 0)
                {
                    Count(order, "mediation paused for testing");
                }
                foreach (var kind in snapshot.Met)
                {
                    Count(order, "deadline met: " + Kebab(kind));
                }
                foreach (var kind in snapshot.Missed)
                {
                    Count(order, "deadline MISSED: " + Kebab(kind));
                }
                csv.Append(CultureInfo.InvariantCulture,
                    $"12315-{number:0000},{snapshot.ReceivedOn:uuuu-MM-dd},{Kebab(order)},{Kebab(snapshot.State)},{string.Join('|', snapshot.RefusalGrounds.Select(Kebab))},{Kebab(snapshot.EndGround)},{string.Join('|', snapshot.Met.Select(Kebab))},{string.Join('|', snapshot.Missed.Select(Kebab))}\n");
            }
        }

        var labels = counts.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToList();
        context.Table("12315 complaints received 2026-04-01..04-30 (by the order governing their receipt date)", ["Count", "Order 20 (to 04-14)", "Order 121 (from 04-15)"],
            labels.Select(l => (IReadOnlyList<string>)[l, counts.GetValueOrDefault((ComplaintOrder.Order20, l)).ToString(CultureInfo.InvariantCulture),
                counts.GetValueOrDefault((ComplaintOrder.Order121, l)).ToString(CultureInfo.InvariantCulture)]));
        context.WriteFile("complaints-2026-04.csv", csv.ToString());

        // Reports: the same reporter on 04-10 (Order 20) and again on 04-20 and 04-27 (Order 121).
        var reports = new ReportHandling(machine.Law);
        var first = new ReportSubmission(new LocalDate(2026, 4, 10), "R-7", "91330105MA0000000X", "expired-food", RealName: true);
        var repeat = first with { ReceivedOn = new LocalDate(2026, 4, 20) };
        var merged = first with { ReceivedOn = new LocalDate(2026, 4, 27), FactsKey = "expired-food-second-shop", AddsNewFacts = true };
        var rows = new List<IReadOnlyList<string>>();
        void Report(ReportSubmission r, IReadOnlyList<ReportSubmission> before)
        {
            var intake = reports.Receive(before, r).Value!;
            rows.Add([r.ReceivedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Kebab(intake.Order), Kebab(intake.Outcome),
                intake.Verification is { } v ? v.LastDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "-"]);
        }
        Report(first, []);
        Report(repeat, [first]);
        Report(merged, [first]);
        rows.Add(["(filing decided 2026-04-28)", "order20", "real-name notice (Art 31 ¶2)",
            reports.RealNameNoticeDeadline(first.ReceivedOn, new LocalDate(2026, 4, 28))?.LastDay.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-"]);
        context.Table("Reports by one reporter (verification 15 working days; Order 121 Art 35 ¶2)", ["Received", "Order", "Outcome", "Verify by"], rows);

        // One reward: the April report led to a case closed on 2026-08-31 with 400,000 yuan of fines and confiscations.
        var calculator = new ReportRewardCalculator(machine.Law);
        var reward = calculator.Decide(new RewardCase
        {
            ClosedOn = new LocalDate(2026, 8, 31), Level = RewardLevel.Level2, FinesAndConfiscations = Money.FromYuan(400_000),
        }).Value!;
        context.Table("Whistle-blower reward (国市监稽规〔2021〕4号; Zhejiang 较大数额 10万)", ["Fines and confiscations", "Level", "Eligible", "Reward", "Finance co-decision"],
            [["400,000.00", "level 2 (3 %)", reward.Eligible ? "yes: " + string.Join(", ", reward.QualifiesBy) : "no", reward.Amount.ToString(), reward.NeedsFinanceCoDecision ? "yes" : "no"]]);
    }

    // One complaint's story, drawn from the seed: refused (with its grounds) or accepted, mediated with or without a
    // pause for testing, ended by agreement or termination; decisions and notices sometimes come late.
    private static List<ComplaintEvent> Story(ComplaintStateMachine machine, DemoRandom random, LocalDate received, Func<LocalDate, int, Instant> at)
    {
        var order = machine.GoverningOrder(received)!.Value.Order;
        ComplaintEvent E(ComplaintEventKind kind, LocalDate d) => new(kind, at(d, 10));
        var harm = random.Next(0, 20) == 0 ? received.PlusYears(-4) : received.PlusDays(-random.Next(1, 60));
        var events = new List<ComplaintEvent> { E(ComplaintEventKind.Received, received) with { HarmKnownOn = harm } };
        var decided = machine.Periods.Calendar.AddWorkingDays(received, random.Next(0, 10) == 0 ? 9 : random.Next(1, 7));
        var grounds = ComplaintStateMachine.RefusalGroundsUnder(order).Where(g => g != ComplaintRefusalGround.LimitationExpired).ToList();
        if (harm < received.PlusYears(-3) || random.Next(0, 4) == 0)
        {
            var refusal = harm < received.PlusYears(-3) ? [ComplaintRefusalGround.LimitationExpired] : new[] { grounds[random.Next(0, grounds.Count)] };
            events.Add(E(ComplaintEventKind.Refused, decided) with { RefusalGrounds = [.. refusal] });
            return events;
        }
        events.Add(E(ComplaintEventKind.Accepted, decided));
        var start = decided.PlusDays(random.Next(1, 4));
        if (random.Next(0, 10) < 2)
        {
            events.Add(E(ComplaintEventKind.MediationTerminated, start) with { EndGround = MediationEndGround.NoShowOrRespondentRefused });
            events.Add(E(ComplaintEventKind.TerminationNotified, machine.Periods.Calendar.AddWorkingDays(start, random.Next(1, 9))));
            return events;
        }
        events.Add(E(ComplaintEventKind.MediationStarted, start) with { BothPartiesConsent = true });
        var now = start;
        if (random.Next(0, 5) == 0)
        {
            var testing = now.PlusDays(random.Next(2, 8));
            events.Add(E(ComplaintEventKind.TestingStarted, testing) with { Pause = MediationPause.Testing });
            now = testing.PlusDays(random.Next(5, 16));
            events.Add(E(ComplaintEventKind.TestingEnded, now));
        }
        var outcome = random.Next(0, 10);
        if (outcome < 6)
        {
            var agreed = now.PlusDays(random.Next(3, 30));
            events.Add(E(ComplaintEventKind.AgreementReached, agreed));
            events.Add(E(ComplaintEventKind.Closed, agreed.PlusDays(1)));
            return events;
        }
        var (ended, ground) = outcome == 9
            ? (Limit(machine, events).PlusDays(1), MediationEndGround.LimitElapsed)
            : (now.PlusDays(random.Next(3, 30)), order == ComplaintOrder.Order121 && outcome == 8 ? MediationEndGround.ComplainantRefused : MediationEndGround.NoAgreementPossible);
        events.Add(E(ComplaintEventKind.MediationTerminated, ended) with { EndGround = ground });
        events.Add(E(ComplaintEventKind.TerminationNotified, machine.Periods.Calendar.AddWorkingDays(ended, random.Next(0, 6) == 0 ? 9 : random.Next(1, 7))));
        return events;
    }

    // The mediation limit of a story so far (replayed), for the stories that run out of time.
    private static LocalDate Limit(ComplaintStateMachine machine, List<ComplaintEvent> events)
    {
        var snapshot = machine.Replay(events).Value!;
        return machine.Deadlines(snapshot, LegalTime.DateOf(events[^1].At)).Single(d => d.Kind == ComplaintDeadlineKind.Mediation).LastDay;
    }

    private static string Kebab<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
