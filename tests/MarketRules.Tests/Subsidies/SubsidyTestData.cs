using System.Globalization;
using MarketRules.Calendar;
using MarketRules.Subsidies;
using NodaTime.Text;

namespace MarketRules.Tests.Subsidies;

internal static class SubsidyTestData
{
    public static readonly SubsidyEvidence[] AllEvidence = Enum.GetValues<SubsidyEvidence>();

    /// <summary>A valid resident id number for person n (address 330105, birth 1950-01-01 + n/1000 days, sequence n % 1000).</summary>
    public static string PersonId(int n)
    {
        var birth = new LocalDate(1950, 1, 1).PlusDays(n / 1000);
        var first17 = "330105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    }

    public static Instant Shanghai(string localDateTime) =>
        LocalDateTimePattern.ExtendedIso.Parse(localDateTime).Value.InZoneStrictly(LegalTime.Zone).ToInstant();

    /// <summary>An eligible claim input: person n, vehicles numbered n, every step at the completion instant.</summary>
    public static SubsidyClaimInput Input(int n, Instant completedAt, int? person = null)
    {
        var id = PersonId(person ?? n);
        var date = LegalTime.DateOf(completedAt);
        return new SubsidyClaimInput
        {
            ClaimId = "C" + n.ToString("D6", CultureInfo.InvariantCulture),
            ApplicantId = id,
            OldPlate = "杭州" + n.ToString("D6", CultureInfo.InvariantCulture),
            OldFrameNumber = "LF" + n.ToString("D8", CultureInfo.InvariantCulture),
            OldRegisteredNonStandard = true,
            OldOwnerId = id,
            OldBattery = BatteryKind.LeadAcid,
            RecycledAt = completedAt,
            RecyclerAuthorised = true,
            OldPlateCancelledAt = completedAt,
            NewFrameNumber = "NF" + n.ToString("D8", CultureInfo.InvariantCulture),
            NewStandard = EBikeStandard.Gb17761Of2018,
            NewCccCertificate = "2022011119000001",
            PurchaseDate = date,
            NewPriceFen = 200_000,
            NewBattery = BatteryKind.LeadAcid,
            NewPlate = "浙A·" + n.ToString("D5", CultureInfo.InvariantCulture),
            NewRegisteredAt = completedAt,
            CompletedAt = completedAt,
            Evidence = [.. AllEvidence],
        };
    }

    public static SubsidyClaim Claim(int n, Instant completedAt, int? person = null) => SubsidyClaim.FromInput(Input(n, completedAt, person));

    /// <summary>A one-phase June 2022 scheme with the given budget (fen), for ledger tests.</summary>
    public static SubsidyScheme OnePhase(long budgetFen, long amountFen = 30_000, string exhaustion = "reject", string? quota = null, string extraPhase = "", string overall = "") =>
        SubsidyScheme.Parse($$"""
        {
          "id": "test-scheme", "jurisdiction": "330105",
          "title": { "zh": "测试", "en": "Test" },
          "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" },
          "validity": { "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" },
          "exhaustion": "{{exhaustion}}",{{overall}}
          "phases": [
            { "start": "2022-06-01T00:00:00", "end": "2022-06-30T23:59:59", "amountFen": {{amountFen}}, "budgetFen": {{budgetFen}}, "quota": {{quota ?? "null"}},
              "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" } }
            {{extraPhase}}
          ]
        }
        """).GetValueOrThrow();

    public const string JulyPhase = """
        , { "start": "2022-07-01T00:00:00", "end": "2022-07-31T23:59:59", "amountFen": 20000, "budgetFen": 40000,
            "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" } }
        """;

    public static readonly Instant June15 = Shanghai("2022-06-15T10:00:00");

    public static readonly Instant July15 = Shanghai("2022-07-15T10:00:00");
}
