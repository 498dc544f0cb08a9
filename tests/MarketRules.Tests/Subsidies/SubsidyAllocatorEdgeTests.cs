using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

// 先到先得 and what the report counts (issue 18): ties in time broken by claim id, nothing paid to a claim refused at
// evaluation, a completion outside every phase reported on its own line, refusals summed over their reasons.
public class SubsidyAllocatorEdgeTests
{
    // Two claims completed at the same instant with room for one: the lower claim id is served first, whatever order
    // the batch lists them in.
    [Fact]
    public void SubmitInOrder_SameInstant_LowerClaimIdServedFirst()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(30_000)));
        var decisions = allocator.SubmitInOrder([SubsidyTestData.Claim(2, SubsidyTestData.June15), SubsidyTestData.Claim(1, SubsidyTestData.June15)]);
        Assert.Equal(["C000001", "C000002"], decisions.Select(d => d.ClaimId));
        Assert.Equal([SubsidyOutcome.Granted, SubsidyOutcome.BudgetExhausted], decisions.Select(d => d.Outcome));
    }

    // A claim the scheme refuses never reaches the ledger: no reservation, nothing paid.
    [Fact]
    public void IneligibleClaim_NoReservationAndNothingPaid()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(90_000)));
        var decision = allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(1, SubsidyTestData.June15) with { NewCccCertificate = null }));
        Assert.Equal(SubsidyOutcome.NotEligible, decision.Outcome);
        Assert.Null(decision.Reservation);
        Assert.Equal(Money.Zero, decision.Amount);
        Assert.Empty(allocator.Ledger.Entries());
    }

    // A claim completed after the scheme's last instant is outside every phase: refused as outside the window (the
    // completion itself is the step named), and reported on a line of its own, phase 0, before the phases' lines.
    [Fact]
    public void CompletionAfterTheWindow_RefusedAndReportedOutsideEveryPhase()
    {
        var scheme = SubsidySchemes.Gongshu2022;
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(scheme));
        var late = SubsidyTestData.Shanghai("2022-09-01T00:00:00");
        var steps = SubsidyTestData.Shanghai("2022-08-31T23:00:00");
        var claim = SubsidyClaim.FromInput(SubsidyTestData.Input(1, late) with { RecycledAt = steps, OldPlateCancelledAt = steps, NewRegisteredAt = steps, PurchaseDate = new LocalDate(2022, 8, 31) });
        Assert.Equal("completion", SubsidyEvaluator.OutsideWindow(scheme, claim));
        var outside = allocator.Submit(claim);
        Assert.Equal(SubsidyOutcome.NotEligible, outside.Outcome);
        Assert.Equal("MR.Subsidy.OutsideSchemeWindow", outside.ReasonCode);
        var inJune = allocator.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15));
        var noCcc = allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(3, SubsidyTestData.June15) with { NewCccCertificate = null }));
        var notRecycled = allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(4, SubsidyTestData.June15) with { RecyclerAuthorised = false }));

        var report = SubsidyPhaseReport.Create(scheme, [outside, inJune, noCcc, notRecycled], allocator.Ledger.Snapshot());
        Assert.Equal([0, 1, 2, 3], report.Select(r => r.PhaseNumber));
        Assert.Equal(new LocalizedText("方案期外", "Outside every phase"), report[0].Name);
        Assert.Equal((1, 0, 1), (report[0].Claims, report[0].Granted, report[0].Rejected));
        Assert.Null(report[0].Budget);
        Assert.Equal((3, 1, 2), (report[1].Claims, report[1].Granted, report[1].Rejected));
        Assert.Equal(2, report[1].RejectedByReason.Count);

        Assert.Throws<ArgumentNullException>(() => SubsidyPhaseReport.Create(null!, [], allocator.Ledger.Snapshot()));
        Assert.Throws<ArgumentNullException>(() => SubsidyPhaseReport.Create(scheme, null!, allocator.Ledger.Snapshot()));
        Assert.Throws<ArgumentNullException>(() => SubsidyPhaseReport.Create(scheme, [], null!));
        Assert.Throws<ArgumentNullException>(() => allocator.Submit((SubsidyClaimInput)null!));
    }

    // The explanation names the scheme's jurisdiction, except for a national scheme, whose explanation has none.
    [Fact]
    public void Explanation_JurisdictionOfALocalScheme_NoneForTheNationalOne()
    {
        var local = new SubsidyEvaluator(SubsidySchemes.Gongshu2022).Explain(SubsidyTestData.Claim(1, SubsidyTestData.June15), out _).Build("eligible");
        Assert.Equal("330105", local.Jurisdiction);
        var completed = SubsidyTestData.Shanghai("2025-05-10T09:00:00");
        var national = new SubsidyEvaluator(SubsidySchemes.National2025).Explain(SubsidyTestData.Claim(1, completed), out _).Build("eligible");
        Assert.Null(national.Jurisdiction);
    }

    // A scheme that sets its own hold period cites it; one that does not takes the library's 72 hours, marked as the
    // library's own value.
    [Fact]
    public void ReservationExpiry_OwnPeriodCitesItsCitation_DefaultIsMarked()
    {
        var own = SubsidyTestData.OnePhase(30_000, overall: """ "reservationExpiry": { "hours": 24, "citation": { "document": { "zh": "期限", "en": "Hold" }, "status": "project-requirement" } },""");
        Assert.Equal(Duration.FromHours(24), own.ReservationExpiry);
        Assert.Equal("期限", own.ReservationExpiryCitation.Document.Chinese);
        Assert.False(own.ReservationExpiryIsDefault);
        var fallback = SubsidyTestData.OnePhase(30_000);
        Assert.True(fallback.ReservationExpiryIsDefault);
        Assert.Same(SubsidyScheme.DefaultReservationExpiryCitation, fallback.ReservationExpiryCitation);
    }
}
