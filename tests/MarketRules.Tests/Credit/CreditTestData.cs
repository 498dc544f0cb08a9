using MarketRules.Credit;
using MarketRules.Parameters;

namespace MarketRules.Tests.Credit;

internal static class CreditTestData
{
    // The measures of 总局令第45号 Art. 14(3) (suspension, restriction, ban, lowered qualification, revocation), whose
    // publication never stops early: one list for every test about them.
    public static TheoryData<PenaltyMeasure> Article14Paragraph3Measures() =>
    [
        PenaltyMeasure.Suspension, PenaltyMeasure.BusinessRestriction, PenaltyMeasure.EmploymentBan,
        PenaltyMeasure.QualificationLowered, PenaltyMeasure.LicenceRevoked, PenaltyMeasure.BusinessLicenceRevoked,
    ];

    /// <summary>An example Zhejiang pack setting the provincial lower-amount fine threshold (illustrative value).</summary>
    public const string ZhejiangLowerFinePack = """
        { "id": "zhejiang-lower-fine-example", "version": "1", "jurisdiction": "330000",
          "title": { "zh": "浙江较低数额罚款（示例）", "en": "Zhejiang lower-amount fine (example)" },
          "citation": { "document": { "zh": "示例", "en": "Example" }, "status": "project-requirement" },
          "parameters": { "credit.publication.lower-fine-threshold": { "unit": "yuan", "values": [ { "from": "2021-09-01", "value": 10000 } ] } } }
        """;

    public static readonly Jurisdiction Gongshu = Jurisdiction.Parse("330105").GetValueOrThrow();

    public static PolicyContext ZhejiangLaw()
    {
        var pack = PolicyPack.Parse(ZhejiangLowerFinePack, NationalCatalog.Catalog).GetValueOrThrow();
        return NationalCatalog.Policy.WithPack(pack).GetValueOrThrow();
    }

    public static PenaltyRecord Penalty(LocalDate decided, params PenaltyMeasure[] measures) => new("P-1", decided, [.. measures]);
}
