using MarketRules.Json;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

/// <summary>
/// Edges of the pass-rate arithmetic (合格率 = 合格批次 ÷ 抽查批次): the counts a rate accepts, the rounding half away
/// from zero, the decimals, what each grouping leaves out, and the texts of the explanation.
/// </summary>
public class PassRateMutationEdgeTests
{
    private static readonly LocalDate AsOf = new(2018, 1, 31);

    // An error's code, path, texts in both languages and arguments, for a snapshot.
    private static object[] Texts(IEnumerable<RuleError> errors) =>
        [.. errors.Select(e => new { e.Code, e.Path, Chinese = e.Message.Chinese, English = e.Message.English, e.Arguments })];

    [Fact]
    public void Of_NothingSampled_IsARateWithoutPercent_NotAnError()
    {
        var rate = PassRates.Of("x", 0, 0);
        Assert.Equal((0L, 0L, 0L, 0L, (decimal?)null, "0/0"), (rate.Sampled, rate.Conforming, rate.Numerator, rate.Denominator, rate.Percent, rate.Fraction));
        Assert.False(PassRates.Agrees(rate, 0m)); // no batch sampled: no printed rate follows from it
    }

    [Fact]
    public void Of_NoneConforming_IsZeroPercent()
    {
        var rate = PassRates.Of("x", 5, 0);
        Assert.Equal(("0/1", 0m), (rate.Fraction, rate.Percent));
    }

    [Theory]
    [InlineData(6, -1)] // a negative conforming count, below the sampled
    [InlineData(5, 6)]  // more conforming than sampled
    [InlineData(-1, -2)] // a negative sampled count
    public void Of_ImpossibleCounts_AreACodedErrorNamingBothCounts(long sampled, long conforming)
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Of("x", sampled, conforming));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("MR.SpotChecks.InvalidCounts", error.Code);
        Assert.Contains(sampled.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message.English, StringComparison.Ordinal);
        Snapshooter.Xunit.Snapshot.Match(Texts(ex.Errors), new Snapshooter.SnapshotNameExtension(sampled, conforming));
    }

    [Fact]
    public void Of_And_Agrees_RefuseANullArgument()
    {
        Assert.Throws<ArgumentNullException>(() => PassRates.Of(null!, 1, 1));
        Assert.Throws<ArgumentNullException>(() => PassRates.Agrees(null!, 1m));
    }

    [Theory]
    [InlineData(1, 8, 0, 13)]     // 12.5 exactly: half rounds away from zero
    [InlineData(3, 8, 0, 38)]     // 37.5 exactly
    [InlineData(1, 8, 1, 12.5)]
    [InlineData(1, 3, 0, 33)]     // 33.33…: below the half
    [InlineData(2, 3, 0, 67)]     // 66.66…: above the half
    [InlineData(1, 3, 10, 33.3333333333)] // ten decimals, the most allowed
    public void Percent_RoundsHalfAwayFromZero_AtTheRequestedDecimals(long conforming, long sampled, int decimals, double percent) =>
        Assert.Equal((decimal)percent, PassRates.Of("x", sampled, conforming, decimals).Percent);

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Decimals_OutsideZeroToTen_AreRefused(int decimals)
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Of("x", 3, 1, decimals));
        Assert.Equal(("MR.SpotChecks.InvalidValue", "$.decimals"), (ex.Errors[0].Code, ex.Errors[0].Path));
        Snapshooter.Xunit.Snapshot.Match(Texts(ex.Errors), new Snapshooter.SnapshotNameExtension(decimals));
    }

    [Fact]
    public void Compute_ChecksTheDecimalsBeforeTheCounts()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute([new SpotCheckBatchCount("A", null, "", 5, 6)], 11, null, null, AsOf));
        Assert.Equal("$.decimals", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Compute_AcceptsEveryBoundary_NoneSampled_NoneConforming_ReportedZeroAndHundred()
    {
        SpotCheckBatchCount[] counts =
        [
            new("A", SpotCheckLevel.City, "2025", 0, 0),
            new("A", SpotCheckLevel.City, "2025", 5, 0) { ReportedPercent = 0m },
            new("B", SpotCheckLevel.City, "2025", 5, 5) { ReportedPercent = 100m },
        ];
        Assert.Empty(PassRates.Compute(counts, 2, 50m, null, AsOf).Mismatches); // 5 of 10; 0 of 5 is 0 %, 5 of 5 is 100 %
        // 0 % and 100 % are valid reported rates overall too: checked, not refused.
        Assert.Equal(["overall"], PassRates.Compute(counts, 2, 0m, null, AsOf).Mismatches.Select(m => m.Scope));
        Assert.Equal(["overall"], PassRates.Compute(counts, 2, 100m, null, AsOf).Mismatches.Select(m => m.Scope));
    }

    [Fact]
    public void Compute_EveryInvalidInput_IsReportedAtOnce_WithItsPathAndValue()
    {
        SpotCheckBatchCount[] counts =
        [
            new("A", SpotCheckLevel.City, "2025", 6, -1) { ReportedPercent = 100.01m },
            new("B", SpotCheckLevel.City, "2025", 2, 1) { ReportedPercent = -0.01m },
        ];
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute(counts, 2, 100.5m, new Dictionary<string, decimal> { ["A"] = 0m, ["Z"] = 1m }, AsOf));
        Assert.Equal(["$.counts[0]", "$.counts[0].reportedPercent", "$.counts[1].reportedPercent", "$.reportedPercent", "$.weights", "$.weights", "$.weights"], ex.Errors.Select(e => e.Path));
        Snapshooter.Xunit.Snapshot.Match(Texts(ex.Errors));
    }

    [Fact]
    public void Compute_OverallReportedBelowZero_IsRefused()
    {
        var ex = Assert.Throws<InvalidRuleInputException>(() => PassRates.Compute([new SpotCheckBatchCount("A", null, "", 2, 1)], 2, -0.01m, null, AsOf));
        Assert.Equal("$.reportedPercent", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Compute_EmptyCategoryOrPeriodAndMixedLevel_AreLeftOutOfThoseGroups_ButCountOverall()
    {
        SpotCheckBatchCount[] counts = [new("", null, "", 4, 3), new("A", SpotCheckLevel.City, "2025", 4, 4)];
        var report = PassRates.Compute(counts, 2, null, null, AsOf);
        Assert.Equal("7/8", report.Overall.Fraction);
        Assert.Equal(["category:A"], report.ByCategory.Select(r => r.Scope));
        Assert.Equal(["level:city"], report.ByLevel.Select(r => r.Scope));
        Assert.Equal(["period:2025"], report.ByPeriod.Select(r => r.Scope));
    }

    [Fact]
    public void Compute_CountsBeyondALong_AreAnOverflow_NotAWrappedRate()
    {
        // Only the sampled total overflows (the conforming total never can before it does): wrapped, it would turn
        // into an "impossible counts" error instead of the overflow it is. (The build checks all arithmetic, so
        // removing the explicit `checked` alone changes nothing: an equivalent mutant.)
        SpotCheckBatchCount[] counts = [new("A", null, "", long.MaxValue, 0), new("A", null, "", 1, 0)];
        Assert.Throws<OverflowException>(() => PassRates.Compute(counts, 2, null, null, AsOf));
    }

    [Fact]
    public void Compute_NoCountsAndNoWeights_IsAnEmptyReport_Computed()
    {
        var report = PassRates.Compute([], 2, null, new Dictionary<string, decimal>(), AsOf);
        Assert.Null(report.Weighted);
        Assert.Null(report.Overall.Percent);
        Assert.Empty(report.Explanation.Reasons);
        Assert.Equal("computed", report.Explanation.Outcome);
    }

    [Fact]
    public void Compute_ReportedRatesThatAgree_AreComputed_NotAMismatch()
    {
        var report = PassRates.Compute([new SpotCheckBatchCount("A", null, "", 1808, 1444) { ReportedPercent = 79.87m }], 2, 79.9m, null, AsOf);
        Assert.Empty(report.Mismatches);
        Assert.Equal("computed", report.Explanation.Outcome);
    }

    [Fact]
    public void Weighted_WeightsOfDifferentDecimals_AreScaledByTheMostDecimals()
    {
        // (0.5 × 9/10 + 2 × 1/2) ÷ 2.5 = 1.45 ÷ 2.5 = 29/50.
        SpotCheckBatchCount[] counts = [new("A", SpotCheckLevel.City, "2025", 10, 9), new("B", SpotCheckLevel.City, "2025", 2, 1)];
        var report = PassRates.Compute(counts, 2, null, new Dictionary<string, decimal> { ["A"] = 0.5m, ["B"] = 2m }, AsOf);
        Assert.Equal(("29/50", 58m), (report.Weighted!.Fraction, report.Weighted.Percent));
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(report.Explanation));
    }

    [Fact]
    public void Explanation_EveryGroupAndEveryMismatch_NamesItsScopeInBothLanguages()
    {
        SpotCheckBatchCount[] counts =
        [
            new("电线电缆", SpotCheckLevel.National, "2024", 40, 36),
            new("电线电缆", SpotCheckLevel.Provincial, "2025", 20, 19),
            new("儿童用品", SpotCheckLevel.City, "2025", 30, 24) { ReportedPercent = 81m },
            new("儿童用品", SpotCheckLevel.County, "2025", 10, 10),
        ];
        var report = PassRates.Compute(counts, 2, 89.5m, null, AsOf);
        Assert.Equal(["overall", "counts[2]"], report.Mismatches.Select(m => m.Scope));
        Assert.Equal("reported-rate-mismatch", report.Explanation.Outcome);
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(report.Explanation));
    }
}
