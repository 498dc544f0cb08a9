using System.Numerics;
using CsCheck;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

public class PassRateTests
{
    private static readonly LocalDate AsOf = new(2018, 1, 31);

    [Fact]
    public void Hangzhou2017_IsExactly361Over452_7987Percent_NotThePrinted7982()
    {
        var report = PassRates.Compute([new SpotCheckBatchCount("全部", SpotCheckLevel.City, "2017", 1808, 1444)], 2, 79.82m, null, AsOf);
        Assert.Equal((361L, 452L, 79.87m), (report.Overall.Numerator, report.Overall.Denominator, report.Overall.Percent));
        Assert.Equal("361/452", report.Overall.Fraction);
        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal((79.82m, 79.87m), (mismatch.ReportedPercent, mismatch.Rate.Percent));
        var reason = Assert.Single(report.Explanation.Reasons, r => r.Code == "MR.SpotChecks.ReportedRateMismatch");
        Assert.Contains("79.82%", reason.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("361/452 = 79.87%", reason.Message.Chinese, StringComparison.Ordinal);
        Assert.Contains("79.82%", reason.Message.English, StringComparison.Ordinal);
        Assert.Equal("reported-rate-mismatch", report.Explanation.Outcome);
    }

    [Theory]
    [InlineData(79.87, true)]
    [InlineData(79.9, true)]
    [InlineData(80, true)]
    [InlineData(79.867, true)]
    [InlineData(79.82, false)]
    [InlineData(79.86, false)]
    [InlineData(79.8, false)]
    public void Agrees_ComparesAtTheReportedDecimals(double reported, bool agrees) =>
        Assert.Equal(agrees, PassRates.Agrees(PassRates.Of("x", 1808, 1444), (decimal)reported));

    [Fact]
    public void Groups_ByCategoryLevelAndPeriod_SumTheirCounts()
    {
        SpotCheckBatchCount[] counts =
        [
            new("电线电缆", SpotCheckLevel.City, "2024", 40, 36),
            new("电线电缆", SpotCheckLevel.County, "2025", 20, 19),
            new("儿童用品", SpotCheckLevel.County, "2025", 30, 24) { ReportedPercent = 80.0m },
            new("儿童用品", SpotCheckLevel.National, "2025", 10, 10),
        ];
        var report = PassRates.Compute(counts, 2, null, null, AsOf);
        Assert.Equal((100L, 89L, 89m), (report.Overall.Sampled, report.Overall.Conforming, report.Overall.Percent));
        Assert.Equal(["category:电线电缆 55/60", "category:儿童用品 34/40"], report.ByCategory.Select(r => $"{r.Scope} {r.Conforming}/{r.Sampled}"));
        Assert.Equal(["level:national", "level:city", "level:county"], report.ByLevel.Select(r => r.Scope));
        Assert.Equal(("43/50", 86m), (report.ByLevel[2].Fraction, report.ByLevel[2].Percent));
        Assert.Equal(["period:2024", "period:2025"], report.ByPeriod.Select(r => r.Scope));
        Assert.Empty(report.Mismatches); // 24/30 = 80.0 % exactly
        Assert.Equal("11/12", report.ByCategory[0].Fraction);
        Assert.Equal(91.67m, report.ByCategory[0].Percent);
    }

    [Fact]
    public void OutputWeighted_UsesTheCallersWeights_Exactly()
    {
        // (3 × 9/10 + 1 × 1/2) ÷ 4 = 4/5; the simple rate of the same counts is 10/12.
        SpotCheckBatchCount[] counts = [new("A", SpotCheckLevel.City, "2025", 10, 9), new("B", SpotCheckLevel.City, "2025", 2, 1)];
        var report = PassRates.Compute(counts, 2, null, new Dictionary<string, decimal> { ["A"] = 3m, ["B"] = 1m }, AsOf);
        Assert.Equal(("4/5", 80m), (report.Weighted!.Fraction, report.Weighted.Percent));
        Assert.Equal("5/6", report.Overall.Fraction);
        // Decimal weights (output in 万元) are exact fractions too: (0.3 × 9/10 + 0.1 × 1/2) ÷ 0.4 = 4/5.
        Assert.Equal("4/5", PassRates.Compute(counts, 2, null, new Dictionary<string, decimal> { ["A"] = 0.3m, ["B"] = 0.1m }, AsOf).Weighted!.Fraction);
    }

    [Fact]
    public void BadInput_IsACodedErrorWithItsPath()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute([new SpotCheckBatchCount("A", null, "", 5, 6)], 2, null, null, AsOf));
        Assert.Equal(("MR.SpotChecks.InvalidCounts", "$.counts[0]"), (ex.Errors[0].Code, ex.Errors[0].Path));
        var weights = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute([new SpotCheckBatchCount("A", null, "", 5, 4)], 2, null,
            new Dictionary<string, decimal> { ["B"] = 1m }, AsOf));
        Assert.All(weights.Errors, e => Assert.Equal("MR.SpotChecks.WeightsMismatch", e.Code));
        Assert.Equal(2, weights.Errors.Length); // B has no counts; A has no weight
    }

    [Fact]
    public void Of_AnyCounts_IsTheReducedFractionAndItsHalfUpPercent()
    {
        Gen.Select(Gen.Long[1, 10_000_000], Gen.Double[0, 1], Gen.Int[0, 6]).Sample(t =>
        {
            var (sampled, share, decimals) = t;
            var conforming = (long)Math.Floor(sampled * share);
            var rate = PassRates.Of("x", sampled, conforming, decimals);
            Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(rate.Numerator, rate.Denominator) is var g && g.IsZero ? BigInteger.One : g);
            Assert.Equal((BigInteger)rate.Numerator * sampled, (BigInteger)conforming * rate.Denominator);
            // The percent is the exact value rounded half away from zero, within half a unit of the last decimal.
            var exact = (decimal)conforming * 100m / sampled;
            Assert.Equal(decimal.Round(exact, decimals, MidpointRounding.AwayFromZero), rate.Percent);
            Assert.True(PassRates.Agrees(rate, rate.Percent!.Value));
        }, iter: 2000);
    }
}
