using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class QualityCreditGradingPolicyTests
{
    [Theory]
    [InlineData(90, 90, 90, QualityCreditGrade.A)]    // 90: exactly A
    [InlineData(100, 100, 40, QualityCreditGrade.B)]  // 30 + 30 + 16 = 76
    [InlineData(60, 60, 60, QualityCreditGrade.C)]    // 60: exactly C
    [InlineData(50, 70, 55, QualityCreditGrade.D)]    // 15 + 21 + 22 = 58
    public void Grade_Example_FallsBetweenCutPoints(int risk, int reputation, int onSite, QualityCreditGrade expected)
    {
        var result = QualityCreditGradingPolicy.Example.Grade(new QualityCreditInputs(risk, reputation, onSite), new LocalDate(2022, 6, 30)).GetValueOrThrow();
        Assert.Equal(expected, result.Grade);
        Assert.Equal(VerificationStatus.ProjectRequirement, result.Explanation.Reasons[0].Citation!.Status);
    }

    [Fact]
    public void Grade_ScoreOutOfRange_ReturnsCodedError() =>
        Assert.Equal("$.onSiteInspection", Assert.Single(QualityCreditGradingPolicy.Example.Grade(new QualityCreditInputs(50, 50, 101), new LocalDate(2022, 6, 30)).Errors).Path);
}
