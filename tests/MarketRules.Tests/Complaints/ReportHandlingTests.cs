using MarketRules.Cases;
using MarketRules.Complaints;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

public class ReportHandlingTests
{
    private static readonly ReportHandling Handling = new(NationalCatalog.Law);

    private static ReportSubmission Report(LocalDate on, string facts = "expired-food", bool newFacts = false) => new(on, "R-1", "91330106MA2XXXXX1", facts, newFacts);

    [Fact]
    public void NewReport_Verification15WorkingDays_Plus15Extended_UnderBothOrders()
    {
        var o20 = Handling.Receive([], Report(D(2026, 4, 14))).GetValueOrThrow();
        Assert.Equal(ComplaintOrder.Order20, o20.Order);
        Assert.Equal(ReportIntakeOutcome.Handle, o20.Outcome);
        Assert.Equal(D(2026, 5, 8), o20.Verification!.Value.LastDay);
        Assert.Equal(D(2026, 5, 28), Handling.Receive([], Report(D(2026, 4, 14)), extended: true).GetValueOrThrow().Verification!.Value.LastDay);
        var o121 = Handling.Receive([], Report(D(2026, 6, 1))).GetValueOrThrow();
        Assert.Equal(ComplaintOrder.Order121, o121.Order);
        Assert.Equal(D(2026, 6, 23), o121.Verification!.Value.LastDay);
    }

    [Fact]
    public void Explanation_OfAMergedExtendedReport_CitesTheOrderTheOutcomeAndBothPeriods()
    {
        // Made when first read, from the decision: Order 121 Art 35 ¶2 for the merge, 程序规定 Art 18 for 15 + 15 working days.
        var merged = Handling.Receive([Report(D(2026, 6, 1))], Report(D(2026, 6, 10), "expired-food-more-batches", newFacts: true), extended: true).GetValueOrThrow();
        var explanation = merged.Explanation;
        Assert.Same(explanation, merged.Explanation);
        Assert.Equal("merged-clock-restarted", explanation.Outcome);
        Assert.Contains(explanation.Reasons, r => r.Citation?.Article?.Chinese == "第三十五条第二款");
        Assert.Contains(explanation.Parameters, p => p.ParameterId == CaseParameters.LeadVerification.Id);
        Assert.Contains(explanation.Parameters, p => p.ParameterId == CaseParameters.LeadVerificationExtension.Id);
        var computed = Assert.Single(explanation.Dates);
        Assert.Equal(merged.Verification!.Value.LastDay, computed.Date);
        Assert.Equal(D(2026, 6, 10), computed.From);

        // A repeat is not verified again: no period is used or computed.
        var repeat = Handling.Receive([Report(D(2026, 5, 20))], Report(D(2026, 6, 1)), extended: true).GetValueOrThrow();
        Assert.DoesNotContain(repeat.Explanation.Parameters, p => p.ParameterId == CaseParameters.LeadVerification.Id);
        Assert.Empty(repeat.Explanation.Dates);
    }

    [Fact]
    public void Verification_PausedForTesting_MovesByTheWorkingDaysExcluded()
    {
        // 06-02..06-05 holds 4 working days.
        var paused = Handling.Receive([], Report(D(2026, 6, 1)), excluded: [new DateInterval(D(2026, 6, 2), D(2026, 6, 5))]).GetValueOrThrow();
        Assert.Equal(D(2026, 6, 29), paused.Verification!.Value.LastDay);
    }

    [Fact]
    public void RepeatReport_Order121_NotHandledAgain_Order20_HandledOnItsOwn()
    {
        var repeat121 = Handling.Receive([Report(D(2026, 5, 20))], Report(D(2026, 6, 1))).GetValueOrThrow();
        Assert.Equal(ReportIntakeOutcome.NotHandledAgain, repeat121.Outcome);
        Assert.Null(repeat121.Verification);
        Assert.Equal(0, repeat121.MergedInto);
        Assert.Contains(repeat121.Explanation.Reasons, r => r.Citation?.Article?.Chinese == "第三十五条第二款");

        var repeat20 = Handling.Receive([Report(D(2026, 3, 20))], Report(D(2026, 4, 1))).GetValueOrThrow();
        Assert.Equal(ReportIntakeOutcome.Handle, repeat20.Outcome);
    }

    [Fact]
    public void ReportWithNewFacts_Order121_IsMerged_AndTheClockRestartsFromTheLastReport()
    {
        var merged = Handling.Receive([Report(D(2026, 6, 1))], Report(D(2026, 6, 10), "expired-food-more-batches", newFacts: true)).GetValueOrThrow();
        Assert.Equal(ReportIntakeOutcome.MergedClockRestarted, merged.Outcome);
        Assert.Equal(D(2026, 6, 10), merged.ClockStartsOn);
        Assert.Equal(D(2026, 7, 2), merged.Verification!.Value.LastDay);
    }

    [Fact]
    public void DifferentReporterOrRespondent_IsANewReport()
    {
        var other = Handling.Receive([Report(D(2026, 6, 1))], Report(D(2026, 6, 2)) with { ReporterId = "R-2" }).GetValueOrThrow();
        Assert.Equal(ReportIntakeOutcome.Handle, other.Outcome);
    }

    [Fact]
    public void Jurisdiction_FirstReceiverHandles_UnderBothOrders()
    {
        var venue = ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order121,
            [new ComplaintReceipt("330106", At(D(2026, 6, 1), 15)), new ComplaintReceipt("330105", At(D(2026, 6, 1), 9))]);
        Assert.Equal("330105", venue.Bureau);
        Assert.Equal("第十四条", venue.Citation.Article!.Chinese);
        var order20 = ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order20, [new ComplaintReceipt("330106", At(D(2026, 1, 5)))]).Citation;
        Assert.Equal(VerificationStatus.VerifiedOfficial, order20.Status);
        Assert.Equal("第十三条", order20.Article!.Chinese);
    }

    [Theory]
    [InlineData(ComplaintOrder.Order121, "330102", true, false, "330102")] // disclosed and reachable: the seller's address
    [InlineData(ComplaintOrder.Order121, "330102", false, false, "330108")] // disclosed but unreachable: the platform's domicile
    [InlineData(ComplaintOrder.Order121, null, true, false, "330108")] // nothing disclosed: the platform's domicile
    [InlineData(ComplaintOrder.Order121, "330102", true, true, "330108")] // the complainant chose the platform's domicile
    [InlineData(ComplaintOrder.Order20, "330102", false, false, "330102")] // Order 20: actual place of business, no reachability rule
    public void Jurisdiction_PlatformSeller(ComplaintOrder order, string? seller, bool reachable, bool prefersPlatform, string expected)
    {
        var venue = ComplaintJurisdiction.PlatformSeller(order, "330108", seller, reachable, prefersPlatform);
        Assert.Equal(expected, venue.Bureau);
        Assert.Equal(order == ComplaintOrder.Order20 ? "第十二条" : "第十三条", venue.Citation.Article!.Chinese);
    }

    [Fact]
    public void Assess_IsTheDecisionOfReceive_AndAllocatesNothing()
    {
        var random = new Random(8);
        var earlier = new List<ReportSubmission>();
        var inputs = new List<(ReportSubmission[] Earlier, ReportSubmission Report, bool Extended)>();
        for (var i = 0; i < 500; i++)
        {
            var day = D(2025, 6, 2).PlusDays(random.Next(0, 500));
            var report = new ReportSubmission(day, "R-" + random.Next(0, 3), "E-" + random.Next(0, 3), "F" + random.Next(0, 3), random.Next(0, 4) == 0);
            inputs.Add(([.. earlier], report, random.Next(0, 3) == 0));
            earlier.Add(report);
            if (earlier.Count > 6)
            {
                earlier.RemoveAt(0);
            }
        }
        foreach (var (before, report, extended) in inputs)
        {
            var a = Handling.Assess(before, report, extended).GetValueOrThrow();
            var r = Handling.Receive(before, report, extended).GetValueOrThrow();
            Assert.Equal(a, r.Assessment);
            Assert.Equal((r.Outcome, r.Order, r.ClockStartsOn, r.Verification, r.MergedInto), (a.Outcome, a.Order, a.ClockStartsOn, a.Verification, a.MergedInto));
            Assert.Equal(r.Order == ComplaintOrder.Order121, report.ReceivedOn >= D(2026, 4, 15));
            if (a.Verification is { } deadline)
            {
                Assert.Equal(NationalCatalog.Law.Calendar.AddWorkingDays(report.ReceivedOn, extended ? 30 : 15), deadline.LastDay);
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0;
        foreach (var (before, report, extended) in inputs)
        {
            checksum += (int)Handling.Assess(before, report, extended).Value.Outcome + 1;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
        Assert.True(checksum > 0);
    }

    [Theory]
    [InlineData(2026, 4, 14, "国家市场监督管理总局令第20号", "SAMR Interim Measures on Handling Complaints and Reports")]
    [InlineData(2026, 6, 1, "国家市场监督管理总局令第121号", "SAMR Measures on Handling Complaints and Reports")]
    public void GoverningOrder_IsNamedAsTheLawNamesIt_NotByItsJsonId(int year, int month, int day, string zh, string en)
    {
        // A Chinese sentence names the order by its number, an English one by its title; the JSON id (order20) is for
        // the result's fields, not for the texts — for a report and for a complaint alike.
        var intake = Handling.Receive([], Report(D(year, month, day))).GetValueOrThrow();
        var complaint = Machine.Transition(ComplaintSnapshot.Initial, Received(D(year, month, day))).GetValueOrThrow();
        foreach (var explanation in new[] { intake.Explanation, complaint.Explanation })
        {
            var governing = explanation.Reasons.Single(r => r.Code == "MR.Complaints.GoverningOrder");
            Assert.Contains(zh, governing.Message.Chinese, StringComparison.Ordinal);
            Assert.Contains(en, governing.Message.English, StringComparison.Ordinal);
            Assert.DoesNotContain("order", governing.Message.Chinese, StringComparison.Ordinal);
        }
    }
}
