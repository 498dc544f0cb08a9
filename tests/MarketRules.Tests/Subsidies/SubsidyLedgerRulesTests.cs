using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

/// <summary>
/// The rules every subsidy ledger applies (<see cref="SubsidyLedgerRules"/>), as a database ledger calls them: the budget
/// step, the decision on a new claim, the journal's names and codes, and the balances replayed from a journal. The
/// in-memory ledger's tests reach the budget step through the ledger; these reach each rule directly, at its edges
/// (issue 18: the storage packages' tests are not in the mutation run, so without these the rules were unmeasured).
/// </summary>
public class SubsidyLedgerRulesTests
{
    private static readonly SubsidyClaim June = SubsidyTestData.Claim(1, SubsidyTestData.June15);

    private static SubsidyPhaseBalance[] Balances(SubsidyScheme scheme, params (long ReservedFen, long PaidFen, int ReservedCount, int PaidCount)[] taken) =>
        [.. scheme.Phases.Select((p, i) => i < taken.Length
            ? new SubsidyPhaseBalance(p.Number, p.Budget, p.Quota, Money.FromFen(taken[i].ReservedFen), Money.FromFen(taken[i].PaidFen), taken[i].ReservedCount, taken[i].PaidCount)
            : new SubsidyPhaseBalance(p.Number, p.Budget, p.Quota, Money.Zero, Money.Zero, 0, 0))];

    // 先到先得 within the budget: an amount that exactly uses up what is left fits; one fen more does not. Held and paid
    // money both count against it.
    [Theory]
    [InlineData(60_000, 0, true)]       // 600 held + 300 asked = 900: exactly the budget
    [InlineData(30_000, 30_000, true)]  // held and paid together, exactly
    [InlineData(60_001, 0, false)]      // one fen over
    [InlineData(30_000, 30_001, false)] // paid money counts too
    public void Allocate_PhaseBudget_ExactlyUsedUpFits_OneFenMoreDoesNot(long reservedFen, long paidFen, bool fits)
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        var allocation = SubsidyLedgerRules.Allocate(scheme, June, 0, Balances(scheme, (reservedFen, paidFen, 1, 1)));
        Assert.Equal(fits, allocation.Fits);
        Assert.Equal(fits ? Money.FromFen(30_000) : Money.Zero, allocation.Amount);
        Assert.Equal(0, allocation.PhaseIndex);
        Assert.Null(allocation.WaitListedFromPhase);
    }

    // A quota of recipients: held and paid claims both count; the quota-th claim is the last that fits.
    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(0, 2, false)]
    public void Allocate_PhaseQuota_HeldAndPaidClaimsCount(int reservedCount, int paidCount, bool fits)
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000, quota: "2");
        Assert.Equal(fits, SubsidyLedgerRules.Allocate(scheme, June, 0, Balances(scheme, (0, 0, reservedCount, paidCount))).Fits);
    }

    // The overall budget and quota add up every phase: June's claims leave July's own budget untouched but use the
    // scheme's whole allocation.
    [Fact]
    public void Allocate_OverallBudgetAndQuota_SumEveryPhase()
    {
        var budget = SubsidyTestData.OnePhase(90_000, extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallBudgetFen\": 110000,");
        var july = SubsidyTestData.Claim(2, SubsidyTestData.July15);
        // 900 yuan taken in June (600 held, 300 paid): July's 200 fits in 1,100 overall exactly, not once more.
        Assert.True(SubsidyLedgerRules.Allocate(budget, july, 1, Balances(budget, (60_000, 30_000, 2, 1))).Fits);
        Assert.False(SubsidyLedgerRules.Allocate(budget, july, 1, Balances(budget, (60_000, 30_000, 2, 1), (20_000, 0, 1, 0))).Fits);

        var quota = SubsidyTestData.OnePhase(1_000_000, extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallQuota\": 3,");
        Assert.True(SubsidyLedgerRules.Allocate(quota, july, 1, Balances(quota, (0, 0, 1, 1))).Fits);
        Assert.False(SubsidyLedgerRules.Allocate(quota, july, 1, Balances(quota, (0, 0, 1, 1), (0, 0, 0, 1))).Fits);
    }

    // 依次顺延: with wait-listing, a claim the June phase cannot take goes to July at July's amount, and says it was
    // wait-listed from phase 1; when July is full too, nothing fits and the claim stays with the phase it asked for.
    // Without wait-listing it is simply refused.
    [Fact]
    public void Allocate_WaitListing_NextPhaseAtItsAmount_OrNothingWhenEveryPhaseIsFull()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase);
        var moved = SubsidyLedgerRules.Allocate(scheme, June, 0, Balances(scheme, (30_000, 0, 1, 0)));
        Assert.Equal(new SubsidyAllocation(true, 1, Money.FromFen(20_000), 1), moved);

        var full = SubsidyLedgerRules.Allocate(scheme, June, 0, Balances(scheme, (30_000, 0, 1, 0), (40_000, 0, 2, 0)));
        Assert.Equal(new SubsidyAllocation(false, 0, Money.Zero, 1), full);

        var reject = SubsidyTestData.OnePhase(30_000, extraPhase: SubsidyTestData.JulyPhase);
        Assert.Equal(new SubsidyAllocation(false, 0, Money.Zero, null), SubsidyLedgerRules.Allocate(reject, June, 0, Balances(reject, (30_000, 0, 1, 0))));
    }

    [Fact]
    public void Allocate_BadArguments_ArgumentExceptions()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerRules.Allocate(null!, June, 0, Balances(scheme)));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerRules.Allocate(scheme, June, 0, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubsidyLedgerRules.Allocate(scheme, June, 1, Balances(scheme)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubsidyLedgerRules.Allocate(scheme, June, -1, Balances(scheme)));
        Assert.Throws<ArgumentException>(() => SubsidyLedgerRules.Allocate(scheme, June, 0, []));
    }

    // A key held by a live claim refuses the claim as already subsidised whatever the budget says, naming the key and
    // the claim that holds it; no room refuses it for budget; else it is reserved with the phase's remaining budget
    // after it and a hold that lapses after the scheme's period (72 hours by default).
    [Fact]
    public void Decide_ConflictBeforeBudget_ThenBudget_ThenReservedWithRemainingAndExpiry()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        var at = SubsidyTestData.June15;

        var conflict = SubsidyLedgerRules.Decide(scheme, June, 0, (SubsidyUniquenessKey.OldPlate, "C000009"), Balances(scheme, (90_000, 0, 3, 0)), at);
        Assert.Equal(SubsidyReservationState.Rejected, conflict.State);
        Assert.Same(SubsidyErrors.AlreadySubsidised, conflict.Rejection);
        Assert.Equal(SubsidyUniquenessKey.OldPlate, conflict.ConflictingKey);
        Assert.Equal("C000009", conflict.ConflictingClaimId);
        Assert.Equal(Money.Zero, conflict.PhaseRemaining);
        Assert.Equal(Money.Zero, conflict.Amount);
        Assert.Equal(at, conflict.ReservedAt);
        Assert.Null(conflict.ExpiresAt);

        var noRoom = SubsidyLedgerRules.Decide(scheme, June, 0, null, Balances(scheme, (90_000, 0, 3, 0)), at);
        Assert.Equal(SubsidyReservationState.Rejected, noRoom.State);
        Assert.Same(SubsidyErrors.BudgetExhausted, noRoom.Rejection);
        Assert.Null(noRoom.ConflictingKey);
        Assert.Equal(1, noRoom.PhaseNumber);

        var reserved = SubsidyLedgerRules.Decide(scheme, June, 0, null, Balances(scheme, (30_000, 0, 1, 0)), at);
        Assert.Equal(SubsidyReservationState.Reserved, reserved.State);
        Assert.Null(reserved.Rejection);
        Assert.Equal(Money.FromFen(30_000), reserved.Amount);
        Assert.Equal(Money.FromFen(30_000), reserved.PhaseRemaining);
        Assert.Equal(at, reserved.ReservedAt);
        Assert.Equal(at + Duration.FromHours(72), reserved.ExpiresAt);
        Assert.Same(scheme.Phases[0].Citation, reserved.Citation);

        // Without a clock: no dates.
        var undated = SubsidyLedgerRules.Decide(scheme, June, 0, null, Balances(scheme), null);
        Assert.Null(undated.ReservedAt);
        Assert.Null(undated.ExpiresAt);
    }

    // Wait-listed: reserved in July at July's amount, with July's remaining budget and citation.
    [Fact]
    public void Decide_WaitListed_ReservedInTheLaterPhase()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase);
        var reserved = SubsidyLedgerRules.Decide(scheme, June, 0, null, Balances(scheme, (30_000, 0, 1, 0)), null);
        Assert.Equal(SubsidyReservationState.Reserved, reserved.State);
        Assert.Equal(2, reserved.PhaseNumber);
        Assert.Equal(1, reserved.WaitListedFromPhase);
        Assert.Equal(Money.FromFen(20_000), reserved.Amount);
        Assert.Equal(Money.FromFen(20_000), reserved.PhaseRemaining);
        Assert.Same(scheme.Phases[1].Citation, reserved.Citation);

        var refused = SubsidyLedgerRules.Decide(scheme, June, 0, null, Balances(scheme, (30_000, 0, 1, 0), (40_000, 0, 2, 0)), null);
        Assert.Same(SubsidyErrors.BudgetExhausted, refused.Rejection);
        Assert.Equal(1, refused.WaitListedFromPhase);
        Assert.Equal(1, refused.PhaseNumber);
    }

    [Theory]
    [InlineData(SubsidyReservationState.Reserved, "reserved")]
    [InlineData(SubsidyReservationState.Confirmed, "confirmed")]
    [InlineData(SubsidyReservationState.Released, "released")]
    [InlineData(SubsidyReservationState.Rejected, "rejected")]
    public void StateNames_RoundTrip(SubsidyReservationState state, string name)
    {
        Assert.Equal(name, SubsidyLedgerRules.Name(state));
        Assert.Equal(state, SubsidyLedgerRules.ParseState(name));
        Assert.Equal(name, SubsidyLedgerRules.Name((SubsidyLedgerEntryKind)(int)state));
    }

    [Theory]
    [InlineData(SubsidyUniquenessKey.PersonId, "person-id")]
    [InlineData(SubsidyUniquenessKey.OldPlate, "old-plate")]
    [InlineData(SubsidyUniquenessKey.OldFrame, "old-frame")]
    [InlineData(SubsidyUniquenessKey.NewFrame, "new-frame")]
    public void KeyNames_RoundTrip(SubsidyUniquenessKey key, string name)
    {
        Assert.Equal(name, SubsidyLedgerRules.Name(key));
        Assert.Equal(key, SubsidyLedgerRules.ParseKey(name));
    }

    // A stored name the ledger does not know is corrupt data: a FormatException naming it, never a default.
    [Theory]
    [InlineData("Reserved")]
    [InlineData("paid")]
    [InlineData("")]
    public void ParseState_UnknownName_FormatExceptionNamingIt(string name)
    {
        var error = Assert.Throws<FormatException>(() => SubsidyLedgerRules.ParseState(name));
        Assert.Contains("'" + name + "'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person_id")]
    [InlineData("PersonId")]
    [InlineData("")]
    public void ParseKey_UnknownName_FormatExceptionNamingIt(string name)
    {
        var error = Assert.Throws<FormatException>(() => SubsidyLedgerRules.ParseKey(name));
        Assert.Contains("'" + name + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_EveryStoredCode_ItsDefinition_UnknownOrNoneIsNull()
    {
        foreach (var definition in new[] { SubsidyErrors.AlreadySubsidised, SubsidyErrors.BudgetExhausted, SubsidyErrors.ReservationExpired,
                     SubsidyErrors.Released, SubsidyErrors.Confirmed, SubsidyErrors.Reserved })
        {
            Assert.Same(definition, SubsidyLedgerRules.Message(definition.Code));
        }
        Assert.Null(SubsidyLedgerRules.Message(null));
        Assert.Null(SubsidyLedgerRules.Message("MR.Subsidy.NoCcc"));
    }

    // What a ledger writes for each line: a rejection says why (budget by default), a release says whether the hold
    // lapsed (expired) or was released.
    [Fact]
    public void ReasonCode_EveryKindOfLine()
    {
        Assert.Equal("MR.Subsidy.Reserved", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Reserved));
        Assert.Equal("MR.Subsidy.Confirmed", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Confirmed));
        Assert.Equal("MR.Subsidy.Released", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Released));
        Assert.Equal("MR.Subsidy.ReservationExpired", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Released, SubsidyErrors.ReservationExpired));
        Assert.Equal("MR.Subsidy.BudgetExhausted", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Rejected));
        Assert.Equal("MR.Subsidy.AlreadySubsidised", SubsidyLedgerRules.ReasonCode(SubsidyLedgerEntryKind.Rejected, SubsidyErrors.AlreadySubsidised));
    }

    // A lapsed hold cites the scheme's expiry rule; every other line its phase.
    [Fact]
    public void CitationOf_ExpiredHoldCitesTheExpiry_OtherLinesTheirPhase()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, extraPhase: SubsidyTestData.JulyPhase);
        Assert.Same(scheme.ReservationExpiryCitation, SubsidyLedgerRules.CitationOf(scheme, 2, "MR.Subsidy.ReservationExpired"));
        Assert.Same(scheme.Phases[1].Citation, SubsidyLedgerRules.CitationOf(scheme, 2, "MR.Subsidy.Released"));
        Assert.Same(scheme.Phases[0].Citation, SubsidyLedgerRules.CitationOf(scheme, 1, "MR.Subsidy.Reserved"));
    }

    [Fact]
    public void Errors_InvalidTransitionAndUnknownClaim_CodedAtTheClaimId()
    {
        var confirm = SubsidyLedgerRules.InvalidTransition("C1", SubsidyReservationState.Released, SubsidyReservationState.Confirmed);
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", confirm.Code);
        Assert.Equal("$.claimId", confirm.Path);
        Assert.Contains("released", confirm.Message.English, StringComparison.Ordinal);
        Assert.Contains("confirmed", confirm.Message.English, StringComparison.Ordinal);
        var release = SubsidyLedgerRules.InvalidTransition("C1", SubsidyReservationState.Confirmed, SubsidyReservationState.Released);
        Assert.Contains("released", release.Message.English, StringComparison.Ordinal);

        var unknown = SubsidyLedgerRules.UnknownClaim("C404");
        Assert.Equal("MR.Subsidy.UnknownClaim", unknown.Code);
        Assert.Equal("$.claimId", unknown.Path);
        Assert.Contains("C404", unknown.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyValue_EachKey_EmptyIsNone()
    {
        var claim = SubsidyTestData.Claim(7, SubsidyTestData.June15);
        Assert.Equal(SubsidyTestData.PersonId(7), SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.PersonId));
        Assert.Equal(claim.OldPlate, SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.OldPlate));
        Assert.Equal(claim.OldFrameNumber, SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.OldFrame));
        Assert.Equal(claim.NewFrameNumber, SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.NewFrame));
        Assert.NotEqual(SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.OldFrame), SubsidyLedgerRules.KeyValue(claim, SubsidyUniquenessKey.NewFrame));
        var noPlate = SubsidyClaim.FromInput(SubsidyTestData.Input(7, SubsidyTestData.June15) with { OldPlate = "" });
        Assert.Null(SubsidyLedgerRules.KeyValue(noPlate, SubsidyUniquenessKey.OldPlate));
        Assert.Null(SubsidyLedgerRules.KeyValue(claim, (SubsidyUniquenessKey)99));
    }

    [Fact]
    public void Empty_OnePhaseBalanceEachWithItsBudgetAndQuota_NothingTaken()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, quota: "4", extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallBudgetFen\": 50000,");
        var empty = SubsidyLedgerRules.Empty(scheme);
        Assert.Equal([1, 2], empty.Phases.Select(p => p.PhaseNumber));
        Assert.Equal([Money.FromFen(30_000), Money.FromFen(40_000)], empty.Phases.Select(p => p.Budget!.Value));
        Assert.Equal([4, (int?)null], empty.Phases.Select(p => p.Quota));
        Assert.All(empty.Phases, p => Assert.Equal((Money.Zero, Money.Zero, 0, 0), (p.Reserved, p.Paid, p.ReservedCount, p.PaidCount)));
        Assert.Equal(Money.FromFen(50_000), empty.OverallBudget);
    }

    // The journal adds up: a reservation holds its amount in its phase, a confirmation moves it to paid, a release
    // returns it, a rejection moves nothing — in sequence order, whatever order the lines are read in.
    [Fact]
    public void Replay_HoldPayReturnAndReject_InSequenceOrder()
    {
        var scheme = SubsidyTestData.OnePhase(90_000, extraPhase: SubsidyTestData.JulyPhase);
        var june = scheme.Phases[0].Citation;
        SubsidyLedgerEntry Line(long sequence, string claim, SubsidyLedgerEntryKind kind, int phase, long fen) =>
            new(sequence, claim, kind, phase, Money.FromFen(fen), null, SubsidyLedgerRules.ReasonCode(kind), june);
        var journal = new[]
        {
            Line(5, "C3", SubsidyLedgerEntryKind.Released, 2, 0),
            Line(1, "C1", SubsidyLedgerEntryKind.Reserved, 1, 30_000),
            Line(2, "C2", SubsidyLedgerEntryKind.Reserved, 1, 30_000),
            Line(3, "C3", SubsidyLedgerEntryKind.Reserved, 2, 20_000),
            Line(4, "C1", SubsidyLedgerEntryKind.Confirmed, 1, 0),
            Line(6, "C4", SubsidyLedgerEntryKind.Rejected, 1, 0),
        };
        var snapshot = SubsidyLedgerRules.Replay(scheme, journal);
        var (first, second) = (snapshot.Phases[0], snapshot.Phases[1]);
        Assert.Equal((Money.FromFen(30_000), Money.FromFen(30_000), 1, 1), (first.Reserved, first.Paid, first.ReservedCount, first.PaidCount));
        Assert.Equal((Money.Zero, Money.Zero, 0, 0), (second.Reserved, second.Paid, second.ReservedCount, second.PaidCount));
        Assert.Equal(Money.FromFen(30_000), first.Remaining);
    }

    // A line that settles a claim holding nothing (never reserved, or settled twice) means the journal is corrupt.
    [Fact]
    public void Replay_SettlingAClaimThatHoldsNothing_Throws()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        var june = scheme.Phases[0].Citation;
        var twice = new[]
        {
            new SubsidyLedgerEntry(1, "C1", SubsidyLedgerEntryKind.Reserved, 1, Money.FromFen(30_000), null, "MR.Subsidy.Reserved", june),
            new SubsidyLedgerEntry(2, "C1", SubsidyLedgerEntryKind.Confirmed, 1, Money.Zero, null, "MR.Subsidy.Confirmed", june),
            new SubsidyLedgerEntry(3, "C1", SubsidyLedgerEntryKind.Released, 1, Money.Zero, null, "MR.Subsidy.Released", june),
        };
        var error = Assert.Throws<InvalidOperationException>(() => SubsidyLedgerRules.Replay(scheme, twice));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("C1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerRules.Replay(scheme, null!));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerRules.Replay(null!, twice));
    }

    [Fact]
    public void ExpiryOf_TheSchemesHoldPeriodAfterTheReservation()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        Assert.Equal(SubsidyTestData.June15 + scheme.ReservationExpiry, SubsidyLedgerRules.ExpiryOf(scheme, SubsidyTestData.June15));
        Assert.Equal(Duration.FromHours(72), scheme.ReservationExpiry);
    }
}
