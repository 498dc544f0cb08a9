using System.Globalization;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public class SubsidyDocsTests
{
    [Fact]
    public void DefaultsTable_MatchesTheShippedSchemes()
    {
        var docs = File.ReadAllText(FindRepoFile("docs/subsidies.md"));
        foreach (var scheme in SubsidySchemes.All(NationalCatalog.Law))
        {
            foreach (var phase in scheme.Phases)
            {
                var budget = phase.Budget is { } b ? b.Yuan.ToString("N2", CultureInfo.InvariantCulture) : "none stated";
                var row = $"| {scheme.Id} | {phase.Number} | {phase.StartLocal.ToString("uuuu-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} – " +
                    $"{phase.EndLocal.ToString("uuuu-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} | {phase.Amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture)} | {budget} |";
                Assert.Contains(row, docs, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void UsageExample_NewDistrictScheme_ParsesAndPays489Yuan85()
    {
        var docs = File.ReadAllText(FindRepoFile("docs/subsidies.md"));
        var start = docs.IndexOf("SubsidyScheme.Parse(\"\"\"", StringComparison.Ordinal) + "SubsidyScheme.Parse(\"\"\"".Length;
        var json = docs[start..docs.IndexOf("\"\"\")", start, StringComparison.Ordinal)];
        var scheme = SubsidyScheme.Parse(json).GetValueOrThrow();
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(scheme));
        var decision = allocator.Submit(new SubsidyClaimInput
        {
            ClaimId = "A-0001",
            ApplicantId = "11010519491231002X",
            OldPlate = "鲁N·12345", OldFrameNumber = "LF12345678", OldRegisteredNonStandard = true, OldOwnerId = "11010519491231002X",
            OldBattery = BatteryKind.Lithium,
            RecycledAt = Instant.FromUtc(2025, 4, 2, 1, 0), RecyclerAuthorised = true, OldPlateCancelledAt = Instant.FromUtc(2025, 4, 2, 2, 0),
            NewFrameNumber = "NF87654321", NewStandard = EBikeStandard.Gb17761Of2018, NewCccCertificate = "2021011119000001",
            PurchaseDate = new LocalDate(2025, 4, 2), NewPriceFen = 259_900, NewBattery = BatteryKind.LeadAcid,
            NewPlate = "鲁N·54321", NewRegisteredAt = Instant.FromUtc(2025, 4, 2, 3, 0),
            CompletedAt = Instant.FromUtc(2025, 4, 2, 3, 30),
            Evidence = [SubsidyEvidence.IdentityDocument, SubsidyEvidence.RecyclingReceipt, SubsidyEvidence.PurchaseInvoice, SubsidyEvidence.CccCertificate],
        }).GetValueOrThrow();
        // 15 % of 2,599.00 yuan = 389.85 (below the 500 cap) + 100 lithium-to-lead-acid extra = 489.85 yuan.
        Assert.Equal(SubsidyOutcome.Granted, decision.Outcome);
        Assert.Equal(48_985, decision.Amount.Fen);
        Assert.Equal(1, decision.Reservation!.PhaseNumber);
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(relative);
    }
}
