using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class CreditDirectoryTests
{
    [Theory]
    [InlineData("2019-06-30", 0)] // outside the three-year look-back ending 2022-06-30 (it starts 2019-07-01)
    [InlineData("2019-07-01", 1)]
    public void IndicatorsAsOf_PenaltyAtTheLookBackBoundary(string decided, int counted)
    {
        var facts = new EnterpriseCreditFacts("E1", "甲公司")
        {
            Penalties = [CreditTestData.Penalty(NodaTime.Text.LocalDatePattern.Iso.Parse(decided).Value, PenaltyMeasure.Fine)],
        };
        var classes = CreditDirectory.Classify([facts], new LocalDate(2022, 6, 30), CreditRiskPolicy.Example, NationalCatalog.Law).GetValueOrThrow();
        Assert.Equal(counted, classes[0].Classification.Score / 10);
    }

    [Fact]
    public void Classify_Directory_GivesEachEnterpriseItsClassAndReason()
    {
        var directory = new[]
        {
            new EnterpriseCreditFacts("E1", "甲公司"),
            new EnterpriseCreditFacts("E2", "乙公司") { Listings = [new CreditListing(CreditListKind.Abnormal, new LocalDate(2024, 7, 10))] },
            new EnterpriseCreditFacts("E3", "丙公司") { Listings = [new CreditListing(CreditListKind.Serious, new LocalDate(2023, 3, 1), new LocalDate(2024, 3, 1))] },
            new EnterpriseCreditFacts("E4", "丁公司")
            {
                Penalties = [CreditTestData.Penalty(new LocalDate(2024, 1, 5), PenaltyMeasure.Fine, PenaltyMeasure.LicenceRevoked)],
                Complaints = 2, // heavier penalty 30 + complaints 2 × 2 = 34: class B (35 would be C)
            },
        };
        var classes = CreditDirectory.Classify(directory, new LocalDate(2025, 6, 30), CreditRiskPolicy.Example, NationalCatalog.Law).GetValueOrThrow();
        Assert.Equal(["E1", "E2", "E3", "E4"], classes.Select(c => c.Id));
        Assert.Equal([CreditRiskClass.A, CreditRiskClass.C, CreditRiskClass.A, CreditRiskClass.B], classes.Select(c => c.Class));
        Assert.Equal(CreditClassBasis.AbnormalList, classes[1].Classification.Basis);
        // On 2024-01-01 E3 was still on the serious list.
        Assert.Equal(CreditRiskClass.D, CreditDirectory.Classify(directory, new LocalDate(2024, 1, 1), CreditRiskPolicy.Example, NationalCatalog.Law).GetValueOrThrow()[2].Class);
    }

    [Fact]
    public void Classify_RecordEndingBeforeItStarts_FailsWholeDirectoryWithPath()
    {
        var directory = new[]
        {
            new EnterpriseCreditFacts("E1", "甲公司"),
            new EnterpriseCreditFacts("E2", "乙公司") { Listings = [new CreditListing(CreditListKind.Abnormal, new LocalDate(2024, 7, 10), new LocalDate(2024, 7, 1))] },
        };
        var result = CreditDirectory.Classify(directory, new LocalDate(2025, 6, 30), CreditRiskPolicy.Example, NationalCatalog.Law);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Credit.EndBeforeStart", error.Code);
        Assert.Equal("$[1].listings[0].removedOn", error.Path);
    }
}

public class CreditDirectoryPolicyDateTests
{
    [Fact]
    public void Classify_BeforeThePolicyApplies_ReturnsPolicyNotInForce()
    {
        var result = CreditDirectory.Classify([new EnterpriseCreditFacts("E1", "甲公司")], new LocalDate(2021, 12, 31), CreditRiskPolicy.Example, NationalCatalog.Law);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Credit.PolicyNotInForce", error.Code);
        Assert.Equal("2022-01-13", error.Arguments["EffectiveFrom"]);
    }
}
