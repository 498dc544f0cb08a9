using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class LocalTierPolicyTests
{
    private static readonly LocalTierPolicy Hangzhou = LocalTierPolicy.HangzhouExample;

    [Fact]
    public void HangzhouExample_IsMarkedAsAnExample()
    {
        Assert.Equal(VerificationStatus.ProjectRequirement, Hangzhou.Citation.Status);
        Assert.Contains("EXAMPLE", Hangzhou.Citation.Note, StringComparison.Ordinal);
        Assert.Equal("330100", Hangzhou.Jurisdiction.ToString());
    }

    [Theory]
    [InlineData("2024-02-29", LocalCreditTier.None)]
    [InlineData("2024-03-01", LocalCreditTier.Warning)]
    [InlineData("2025-02-28", LocalCreditTier.Warning)] // last day of the one-year look-back
    [InlineData("2025-03-01", LocalCreditTier.None)]
    public void Assess_PenaltyRecord_IsAWarningForOneYear(string asOf, LocalCreditTier expected)
    {
        var assessment = Hangzhou.Assess([new LocalCreditRecord("penalty", new LocalDate(2024, 3, 1))], NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value).GetValueOrThrow();
        Assert.Equal(expected, assessment.Tier);
    }

    [Fact]
    public void Assess_SeveralRecords_TakesTheGravestWithItsMeasures()
    {
        var records = new[]
        {
            new LocalCreditRecord("warning", new LocalDate(2024, 5, 1)),
            new LocalCreditRecord("heavier-penalty", new LocalDate(2024, 1, 10)),
            new LocalCreditRecord("abnormal-list", new LocalDate(2023, 7, 10), new LocalDate(2024, 2, 1)),
        };
        var assessment = Hangzhou.Assess(records, new LocalDate(2024, 6, 1)).GetValueOrThrow();
        Assert.Equal(LocalCreditTier.Restriction, assessment.Tier);
        Assert.Equal("heavier-penalty", assessment.DecidedBy!.Kind);
        Assert.Equal(new TierMeasures(3.0m, true, true), assessment.Measures);
    }

    [Fact]
    public void Assess_UnknownKindOrEndBeforeStart_ReturnsCodedErrors()
    {
        var result = Hangzhou.Assess([new LocalCreditRecord("tax-arrears", new LocalDate(2024, 1, 1)), new LocalCreditRecord("penalty", new LocalDate(2024, 1, 1), new LocalDate(2023, 1, 1))],
            new LocalDate(2024, 6, 1));
        Assert.Equal(["MR.Credit.InvalidRecord", "MR.Credit.EndBeforeStart"], result.Errors.Select(e => e.Code));
        Assert.Equal("$[0].kind", result.Errors[0].Path);
    }

    [Theory]
    [InlineData("2025-05-09", false)] // look-back since 2022-05-10 still holds the penalty
    [InlineData("2025-05-10", true)]  // since 2022-05-11: clear
    public void CheckCertificate_AtTheEndOfTheThreeYearLookBack_Clears(string asOf, bool mayIssue)
    {
        var check = Hangzhou.CheckCertificate([new LocalCreditRecord("penalty", new LocalDate(2022, 5, 10))], NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value, NationalCatalog.Law).GetValueOrThrow();
        Assert.Equal(mayIssue, check.MayIssue);
        Assert.Equal(mayIssue ? 0 : 1, check.Blocking.Length);
        Assert.Equal(mayIssue ? "may-issue" : "refused", check.Explanation.Outcome);
    }

    [Fact]
    public void CheckCertificate_PromptRecordsOnly_DoNotBlock() =>
        Assert.True(Hangzhou.CheckCertificate([new LocalCreditRecord("warning", new LocalDate(2025, 1, 1))], new LocalDate(2025, 5, 1), NationalCatalog.Law).GetValueOrThrow().MayIssue);

    [Fact]
    public void Parse_UnknownTier_ReturnsPolicyInvalid()
    {
        var result = LocalTierPolicy.Parse("""{ "id": "x", "jurisdiction": "330100", "tiers": { "amber": { "records": [], "lookBackYears": 1, "inspectionFrequencyMultiplier": 1 } } }""");
        Assert.Equal("MR.Credit.PolicyInvalid", Assert.Single(result.Errors).Code);
    }
}
