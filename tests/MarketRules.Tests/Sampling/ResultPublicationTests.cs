using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public class ResultPublicationTests
{
    [Fact]
    public void Report_EndedBeforeNationalDay2024_DeadlineIs20WorkingDaysLater()
    {
        // 2024-09-27 (Fri) + 20 wd: 09-29 (make-up Sunday) 1, 09-30 2, 10-01..07 holiday, 10-08..11 3–6, 10-12 (make-up Saturday) 7,
        // 10-14..18 8–12, 10-21..25 13–17, 10-28 18, 10-29 19, 10-30 20.
        var results = new[]
        {
            new InspectionResult(SamplingTestData.Code(1), "t", new LocalDate(2024, 9, 27), InspectionOutcome.NoProblemFound) { PublishedOn = new LocalDate(2024, 10, 30) },
            new InspectionResult(SamplingTestData.Code(2), "t", new LocalDate(2024, 9, 27), InspectionOutcome.ProblemsFound) { PublishedOn = new LocalDate(2024, 10, 31) },
            new InspectionResult(SamplingTestData.Code(3), "t", new LocalDate(2024, 9, 27), InspectionOutcome.NotFoundAtRegisteredAddress),
            new InspectionResult(SamplingTestData.Code(4), "t", new LocalDate(2024, 10, 25), InspectionOutcome.NoProblemFound),
        };
        var report = ResultPublication.Report(results, new LocalDate(2024, 10, 31), NationalCatalog.Law);
        Assert.All(report.Items.Take(3), i => Assert.Equal(new LocalDate(2024, 10, 30), i.Deadline.Date));
        Assert.Equal([PublicationState.PublishedOnTime, PublicationState.PublishedLate, PublicationState.Overdue, PublicationState.Pending], report.Items.Select(i => i.State));
        Assert.Equal(2m / 3m, report.PublishedRate, 4);
        Assert.Equal(1m / 3m, report.OverdueRate, 4);
        Assert.False(report.MeetsTarget);
        Assert.Equal(1m, report.Target);
    }

    [Fact]
    public void Compute_DistinctEnterprisesAcrossTasks_PerTierAndRegion()
    {
        var roster = SamplingTestData.Roster(200, 8, inactiveShare: 0);
        var a = roster.Where(r => r.Tier == CreditRiskClass.A).Take(4).ToList();
        var results = a.Select(r => new InspectionResult(r.CreditCode.Value, "t1", new LocalDate(2025, 5, 1), InspectionOutcome.NoProblemFound))
            .Append(new InspectionResult(a[0].CreditCode.Value, "t2", new LocalDate(2025, 9, 1), InspectionOutcome.ProblemsFound)) // same enterprise, other task
            .Append(new InspectionResult(roster[^1].CreditCode.Value, "t0", new LocalDate(2024, 12, 31), InspectionOutcome.NoProblemFound)); // other year
        var rows = AnnualCoverage.Compute(roster, results, 2025, 0.05m);
        Assert.Equal(("all", 200, 4), (rows[0].Dimension, rows[0].Active, rows[0].Inspected));
        Assert.False(rows[0].MeetsTarget); // 4 / 200 = 2 % < 5 %
        var tierA = rows.Single(r => r.Dimension == "tier" && r.Key == "A");
        Assert.Equal(4, tierA.Inspected);
        Assert.Equal(roster.Count(r => r.Tier == CreditRiskClass.A), tierA.Active);
        Assert.Equal(4, rows.Where(r => r.Dimension == "region").Sum(r => r.Inspected));
    }

    [Fact]
    public void Resolve_HenanPack_TierRatiosFromPackOthersNational()
    {
        var pack = PolicyPack.Parse(SamplingPolicyPacks.Henan2021Json, NationalCatalog.Catalog).GetValueOrThrow();
        var context = NationalCatalog.Law.WithPack(pack).GetValueOrThrow();
        var zhengzhou = Jurisdiction.Parse("410100").GetValueOrThrow();
        var policy = SamplingPolicy.Resolve(context.For(zhengzhou), new LocalDate(2025, 3, 1), out var used);
        Assert.Equal((0.01m, 0.02m, 0.10m, 0.30m), (policy.RatioA, policy.RatioB, policy.RatioC, policy.RatioD));
        Assert.Equal(0.05m, policy.AnnualCoverage);
        Assert.Equal(2, policy.TeamSize);
        Assert.Equal(20, policy.PublicationPeriodWorkingDays);
        Assert.Equal("henan-2021-sampling+national", policy.Source);
        Assert.Contains(used, v => v.ParameterId == "sampling.tier-ratio.d" && v.Citation.Status == VerificationStatus.VerifiedSecondary);

        var national = SamplingPolicy.Resolve(context.For(Jurisdiction.Parse("330105").GetValueOrThrow()), new LocalDate(2025, 3, 1), out _);
        Assert.Null(national.RatioA);
        Assert.Equal(0.05m, national.RatioOf(CreditRiskClass.A));
        // Before 2021 the Henan pack is not in force.
        Assert.Null(SamplingPolicy.Resolve(context.For(zhengzhou), new LocalDate(2020, 6, 1), out _).RatioD);
    }
}
