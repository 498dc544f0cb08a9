using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

// What settling a reservation gives back (issue 18): a lapsed hold (the scheme's hold period, 72 hours by default),
// a release and a payment each move money and places exactly once, and a released claim's keys are free again while
// every other claim's keys stay held.
public partial class InMemorySubsidyLedgerTests
{
    // A hold lapses when its period has run: still held one second before, released at the instant itself (the hold
    // runs [reserved, reserved + 72 h)). The lapse is journalled with its own code and the expiry's citation, and the
    // money and the place return to the phase. A paid claim never lapses.
    [Fact]
    public void ReleaseExpired_AtTheHoldsLastInstant_ReleasedWithItsCodeAndCitation_PaidClaimsStay()
    {
        var scheme = SubsidyTestData.OnePhase(60_000, quota: "2");
        var clock = new NodaTime.Testing.FakeClock(SubsidyTestData.June15);
        var ledger = new InMemorySubsidyLedger(scheme, clock);
        var allocator = new SubsidyAllocator(ledger);
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15)).Outcome);
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15)).Outcome);
        Assert.True(ledger.Confirm("C000002").IsSuccess);
        var lapse = SubsidyTestData.June15 + Duration.FromHours(72);

        Assert.Empty(ledger.ReleaseExpired(lapse - Duration.FromSeconds(1)));
        clock.Reset(lapse);
        var released = Assert.Single(ledger.ReleaseExpired(lapse));
        Assert.Equal("C000001", released.ClaimId);
        Assert.Equal(SubsidyReservationState.Released, released.State);
        Assert.Empty(ledger.ReleaseExpired(lapse + Duration.FromDays(30)));

        var line = ledger.Entries()[^1];
        Assert.Equal(("C000001", SubsidyLedgerEntryKind.Released, "MR.Subsidy.ReservationExpired"), (line.ClaimId, line.Kind, line.ReasonCode));
        Assert.Same(scheme.ReservationExpiryCitation, line.Citation);
        Assert.Equal(lapse, line.At);
        Assert.Same(scheme.Phases[0].Citation, ledger.Entries()[0].Citation);

        var phase = ledger.Snapshot().Phases[0];
        Assert.Equal((Money.Zero, Money.FromFen(30_000), 0, 1), (phase.Reserved, phase.Paid, phase.ReservedCount, phase.PaidCount));
        Assert.Equal(ledger.Snapshot().Phases.ToArray(), SubsidyLedgerRules.Replay(scheme, ledger.Entries()).Phases.ToArray());
        // The place and the money are free again: a third applicant is paid within the quota of two.
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(3, SubsidyTestData.June15)).Outcome);
    }

    // A released reservation returns its place to the phase's quota and to the scheme's overall quota; a paid one
    // keeps its place (paid and held claims both count against a quota).
    [Fact]
    public void Release_ReturnsThePlaceToThePhaseAndOverallQuota_PaymentKeepsIt()
    {
        var phaseQuota = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(1_000_000, quota: "2")));
        Assert.Equal(SubsidyOutcome.Granted, phaseQuota.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15)).Outcome);
        Assert.True(phaseQuota.Ledger.Confirm("C000001").IsSuccess);
        Assert.Equal(SubsidyOutcome.Granted, phaseQuota.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15)).Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, phaseQuota.Submit(SubsidyTestData.Claim(3, SubsidyTestData.June15)).Outcome);
        Assert.True(phaseQuota.Ledger.Release("C000002").IsSuccess);
        Assert.Equal(SubsidyOutcome.Granted, phaseQuota.Submit(SubsidyTestData.Claim(4, SubsidyTestData.June15)).Outcome);

        var overall = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(1_000_000, extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallQuota\": 1,")));
        Assert.Equal(SubsidyOutcome.Granted, overall.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15)).Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, overall.Submit(SubsidyTestData.Claim(2, SubsidyTestData.July15)).Outcome);
        Assert.True(overall.Ledger.Release("C000001").IsSuccess);
        Assert.Equal(SubsidyOutcome.Granted, overall.Submit(SubsidyTestData.Claim(3, SubsidyTestData.July15)).Outcome);
    }

    // A phase without a budget (Gongshu 2022's July and August: amounts only) reports no remaining amount, on the
    // reservation and on its journal line — never a number made up for it.
    [Fact]
    public void PhaseWithoutBudget_NoRemainingAmountOnTheReservationOrTheJournal()
    {
        var ledger = new InMemorySubsidyLedger(SubsidySchemes.Gongshu2022);
        var decision = new SubsidyAllocator(ledger).Submit(SubsidyTestData.Claim(1, SubsidyTestData.July15));
        Assert.Equal(SubsidyOutcome.Granted, decision.Outcome);
        Assert.Equal(2, decision.Reservation!.PhaseNumber);
        Assert.Null(decision.Reservation.PhaseRemaining);
        Assert.Null(ledger.Entries()[0].PhaseRemaining);
        Assert.Null(ledger.Snapshot().Phases[1].Remaining);
        Assert.Equal(1, ledger.Entries()[0].Sequence);
    }

    // Three hundred applicants hold keys in the ledger's tables (grown many times over, with chains of keys that share a
    // slot); every third releases. A released applicant's keys are free — he may claim again — and every other
    // applicant's keys are still found after the others were taken out of their chains: a new claim by any of them is
    // refused as already subsidised, naming the claim that holds the key.
    [Fact]
    public void ReleasedKeysAreFree_EveryOtherKeyStaysHeld_AcrossGrowthAndRemovals()
    {
        var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(1_000_000_000));
        var allocator = new SubsidyAllocator(ledger);
        const int Applicants = 300;
        for (var n = 0; n < Applicants; n++)
        {
            Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15)).Outcome);
        }
        for (var n = 0; n < Applicants; n += 3)
        {
            Assert.True(ledger.Release(SubsidyTestData.Claim(n, SubsidyTestData.June15).ClaimId).IsSuccess);
        }
        for (var n = 0; n < Applicants; n++)
        {
            // The same person and vehicles under a new claim id.
            var again = SubsidyClaim.FromInput(SubsidyTestData.Input(n, SubsidyTestData.June15) with { ClaimId = "R" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) });
            var decision = allocator.Submit(again);
            if (n % 3 == 0)
            {
                Assert.Equal(SubsidyOutcome.Granted, decision.Outcome);
            }
            else
            {
                Assert.Equal(SubsidyOutcome.AlreadySubsidised, decision.Outcome);
                Assert.Equal(SubsidyTestData.Claim(n, SubsidyTestData.June15).ClaimId, decision.Reservation!.ConflictingClaimId);
                Assert.False(decision.IsRepeat);
            }
        }
        Assert.Equal(ledger.Snapshot().Phases.ToArray(), SubsidyLedgerRules.Replay(ledger.Scheme, ledger.Entries()).Phases.ToArray());
    }

    [Fact]
    public void BadArguments_ArgumentExceptions()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemorySubsidyLedger(scheme, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemorySubsidyLedger(scheme, 100_000_001));
        var ledger = new InMemorySubsidyLedger(scheme);
        var noId = SubsidyClaim.FromInput(SubsidyTestData.Input(1, SubsidyTestData.June15) with { ClaimId = "" });
        Assert.Throws<ArgumentException>(() => ledger.Reserve(noId, 0));
        var claim = SubsidyTestData.Claim(1, SubsidyTestData.June15);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Reserve(claim, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Reserve(claim, -1));
        Assert.Throws<ArgumentNullException>(() => ledger.Find(null!));
        Assert.Throws<ArgumentNullException>(() => ledger.Confirm(null!));
        Assert.Empty(ledger.Entries());
    }
}
