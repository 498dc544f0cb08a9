using System.Globalization;
using System.Text;
using MarketRules.Calendar;
using MarketRules.Campaigns;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>Campaigns: the seed's Daguan plan, its reporting calendar around the 2017 Spring Festival, and who was late.</summary>
internal sealed class CampaignDemoStep : IDemoStep
{
    public string Title => "Campaign reporting calendar (专项行动报送日历, Daguan 2016–2017, the seed's plan)";

    public void Run(DemoContext context)
    {
        var plan = CampaignPlan.Daguan2016;
        var from = new LocalDate(2017, 1, 19);
        var to = new LocalDate(2017, 2, 16);
        var calendar = CampaignCalendar.Dues(NationalCatalog.Law, plan, from, to).GetValueOrThrow();
        var names = plan.Series.ToDictionary(s => s.Id, s => s.Name.Chinese);
        context.Table($"Reports due {from:uuuu-MM-dd} – {to:uuuu-MM-dd} (Spring Festival 01-27 – 02-02; the plan is silent on rest days: kept and flagged)",
            ["Date", "Day", "Before", "Series", "Day kind", "Notes"],
            calendar.Dues.Select(d => (IReadOnlyList<string>)
            [
                d.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), d.Date.DayOfWeek.ToString()[..3], d.Before ?? "end of day", names[d.Series],
                d.NominalDayKind.ToString(), string.Join(", ", d.Notes),
            ]));
        var thursday = new LocalDate(2017, 2, 2);
        foreach (var rule in new[] { CampaignRestDayRule.PreviousWorkingDay, CampaignRestDayRule.NextWorkingDay })
        {
            var moved = CampaignCalendar.Dues(NationalCatalog.Law, plan.WithRestDays(rule), new LocalDate(2017, 1, 26), new LocalDate(2017, 2, 9)).GetValueOrThrow().Dues
                .Where(d => d.Series == "weekly").Select(d => $"{d.Date:MM-dd}{(d.Notes.IsEmpty ? "" : " (" + string.Join(", ", d.Notes) + ")")}");
            context.Output.WriteLine($"If the plan said {rule}: the {thursday:MM-dd} weekly report → {string.Join("; ", moved)}");
        }

        // Lateness in the first concentrated week: one day late, one missing.
        Instant Beijing(int month, int day, int hour) => new LocalDateTime(2016, month, day, hour, 0).InZoneStrictly(LegalTime.Zone).ToInstant();
        ReportSubmission[] submissions =
        [
            new("member-units", "daily", Beijing(12, 19, 10)), new("member-units", "daily", Beijing(12, 20, 14)),
            new("member-units", "daily", Beijing(12, 22, 11)), new("member-units", "daily", Beijing(12, 23, 9)), new("member-units", "weekly", Beijing(12, 22, 16)),
        ];
        var lateness = CampaignLateness.Assess(NationalCatalog.Law, plan, submissions, Beijing(12, 23, 18), new LocalDate(2016, 12, 19), new LocalDate(2016, 12, 23)).GetValueOrThrow();
        context.Table("Reports of the first concentrated week (12-19 – 12-23)", ["Unit", "Series", "Due", "Standing", "Late by"],
            lateness.Units.SelectMany(u => u.OnTime.Concat(u.Late).Concat(u.Missing).OrderBy(r => r.DueAt).Select(r => (IReadOnlyList<string>)
            [
                u.Unit, names[r.Series], r.DueAt.InZone(LegalTime.Zone).LocalDateTime.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture), r.Standing.ToString(),
                r.LateByMinutes is { } m ? $"{m} min" : "",
            ])));
        var csv = new StringBuilder("date,before,series,day_kind,notes\n");
        foreach (var d in calendar.Dues)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{d.Date:uuuu-MM-dd},{d.Before},{d.Series},{d.NominalDayKind},{string.Join(' ', d.Notes)}\n");
        }
        context.WriteFile("campaign-calendar.csv", csv.ToString());
    }
}
