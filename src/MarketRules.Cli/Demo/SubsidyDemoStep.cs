using System.Globalization;
using System.Text;
using MarketRules.Calendar;
using NodaTime;
using MarketRules.Subsidies;

namespace MarketRules.Cli.Demo;

/// <summary>
/// Gongshu 2022, phase 1: about 3,000 generated trade-ins completed in June run first come, first served against the
/// 780,000-yuan budget; a few payments fail and are released. Prints the phase report and writes every decision as CSV.
/// </summary>
internal sealed class SubsidyDemoStep : IDemoStep
{
    private const int Claims = 3_000;

    public string Title => "E-bike trade-in subsidies: Gongshu 2022, phase 1 (电动自行车以旧换新补贴)";

    public void Run(DemoContext context)
    {
        var scheme = SubsidySchemes.Gongshu2022;
        var ledger = new InMemorySubsidyLedger(scheme);
        var allocator = new SubsidyAllocator(ledger);
        var random = new DemoRandom(context.Seed ^ 0x5B5D_1D1E_5000_0001UL);
        var june = new LocalDateTime(2022, 6, 1, 0, 0).InZoneStrictly(LegalTime.Zone).ToInstant();
        var inputs = new List<SubsidyClaimInput>(Claims);
        for (var n = 0; n < Claims; n++)
        {
            // Completion spread over June; 4 % repeat an earlier applicant; ~6 % break one condition.
            var completed = june.Plus(Duration.FromSeconds((long)random.Next(30UL * 24 * 3600)));
            var person = n > 100 && random.Next(100) < 4 ? (int)random.Next((ulong)n) : n;
            var input = Claim(n, person, completed);
            input = random.Next(100) switch
            {
                0 => input with { NewCccCertificate = null },
                1 => input with { OldPlateCancelledAt = null },
                2 => input with { NewStandard = EBikeStandard.Gb17761Of1999 },
                3 => input with { RecyclerAuthorised = false },
                4 => input with { OldRegisteredNonStandard = false },
                5 => input with { NewPlate = null },
                _ => input,
            };
            inputs.Add(input);
        }
        var decisions = allocator.SubmitInOrder(inputs.Select(SubsidyClaim.FromInput));
        var failedPayments = 0;
        foreach (var decision in decisions.Where(d => d.Outcome == SubsidyOutcome.Granted))
        {
            // About 1 in 200 e-CNY payments fails: the money goes back to the phase budget.
            if (random.Next(200) == 0)
            {
                ledger.Release(decision.ClaimId);
                failedPayments++;
            }
            else
            {
                ledger.Confirm(decision.ClaimId);
            }
        }

        var report = SubsidyPhaseReport.Create(scheme, decisions, ledger.Snapshot());
        context.Table(
            $"{scheme.Title.Chinese} — {Claims:N0} claims, {failedPayments} failed payments released",
            ["Phase", "Claims", "Granted", "Paid", "Amount paid (yuan)", "Remaining (yuan)", "Rejected by reason"],
            report.Select(r => (IReadOnlyList<string>)
            [
                r.PhaseNumber == 0 ? "-" : r.Name.English,
                r.Claims.ToString("N0", CultureInfo.InvariantCulture),
                r.Granted.ToString("N0", CultureInfo.InvariantCulture),
                r.PaidCount.ToString("N0", CultureInfo.InvariantCulture),
                r.AmountPaid.Yuan.ToString("N2", CultureInfo.InvariantCulture),
                r.Remaining is { } m ? m.Yuan.ToString("N2", CultureInfo.InvariantCulture) : "no budget",
                string.Join("; ", r.RejectedByReason.Select(kv => $"{kv.Key.Replace("MR.Subsidy.", "", StringComparison.Ordinal)} {kv.Value}")),
            ]));

        var csv = new StringBuilder("claimId,completedAtShanghai,outcome,phase,amountFen,reason,ledgerState\n");
        foreach (var d in decisions)
        {
            csv.Append(d.ClaimId).Append(',')
                .Append(d.CompletedAt.InZone(LegalTime.Zone).LocalDateTime.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Append(',')
                .Append(d.Explanation.Outcome).Append(',')
                .Append(d.PhaseNumber.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(d.Amount.Fen.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(d.ReasonCode).Append(',')
                .Append(ledger.Find(d.ClaimId)?.State.ToString() ?? "").Append('\n');
        }
        var path = context.WriteFile("subsidy-decisions.csv", csv.ToString());
        context.Output.WriteLine($"Decisions: {path}");
    }

    private static SubsidyClaimInput Claim(int n, int person, Instant completed)
    {
        var birth = new LocalDate(1960, 1, 1).PlusDays(person / 1000);
        var first17 = "330105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (person % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var id = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
        var steps = completed.Minus(Duration.FromHours(2));
        var number = n.ToString("D6", CultureInfo.InvariantCulture);
        return new SubsidyClaimInput
        {
            ClaimId = "GS2022-" + number,
            ApplicantId = id,
            OldPlate = "杭州" + number,
            OldFrameNumber = "LF" + number + "22",
            OldRegisteredNonStandard = true,
            OldOwnerId = id,
            RecycledAt = steps,
            RecyclerAuthorised = true,
            OldPlateCancelledAt = steps,
            NewFrameNumber = "NF" + number + "22",
            NewStandard = EBikeStandard.Gb17761Of2018,
            NewCccCertificate = "2021011119" + number,
            PurchaseDate = LegalTime.DateOf(steps),
            NewPriceFen = 239_900,
            NewPlate = "浙A·" + (n % 100_000).ToString("D5", CultureInfo.InvariantCulture),
            NewRegisteredAt = steps,
            CompletedAt = completed,
            Evidence = [.. Enum.GetValues<SubsidyEvidence>()],
        };
    }
}
