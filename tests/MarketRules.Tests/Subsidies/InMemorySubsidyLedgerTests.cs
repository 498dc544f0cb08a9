using System.Collections.Concurrent;
using CsCheck;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public partial class InMemorySubsidyLedgerTests
{
    // Budget edge: amount 300 yuan. 900.00 yuan pays three (0 left); 899.99 pays two (299.99 left, one fen short of a third).
    [Theory]
    [InlineData(90_000L, 3, 0L)]
    [InlineData(89_999L, 2, 29_999L)]
    [InlineData(90_001L, 3, 1L)]
    [InlineData(30_000L, 1, 0L)]
    [InlineData(29_999L, 0, 29_999L)]
    public void Reserve_AtBudgetEdge_PaysOnlyWhatFits(long budgetFen, int granted, long remainingFen)
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(budgetFen)));
        var decisions = Enumerable.Range(1, 5).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15))).ToList();
        Assert.Equal(granted, decisions.Count(d => d.Outcome == SubsidyOutcome.Granted));
        Assert.All(decisions.Skip(granted), d => Assert.Equal(SubsidyOutcome.BudgetExhausted, d.Outcome));
        Assert.Equal(Money.FromFen(remainingFen), allocator.Ledger.Snapshot().Phases[0].Remaining);
        if (granted < 5)
        {
            var refused = decisions[granted].Explanation.Reasons.Single(r => r.Code == "MR.Subsidy.BudgetExhausted");
            Assert.Equal((remainingFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元", refused.Arguments["Remaining"]);
        }
    }

    [Fact]
    public void Reserve_SameClaimTwice_ReturnsFirstAnswerAndChangesNothing()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(90_000)));
        var claim = SubsidyTestData.Claim(1, SubsidyTestData.June15);
        var first = allocator.Submit(claim);
        var entries = allocator.Ledger.Entries();
        var second = allocator.Submit(claim);
        Assert.False(first.IsRepeat);
        Assert.True(second.IsRepeat);
        Assert.Equal(SubsidyOutcome.Granted, second.Outcome);
        Assert.Equal(first.Reservation, second.Reservation);
        Assert.Equal(entries.ToArray(), allocator.Ledger.Entries().ToArray());
        Assert.Equal(Money.FromYuan(300m), allocator.Ledger.Snapshot().Reserved);
    }

    [Fact]
    public void Reserve_SamePersonUnderNewClaimId_IsAlreadySubsidised()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(90_000)));
        allocator.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15));
        var again = allocator.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15, person: 1));
        Assert.Equal(SubsidyOutcome.AlreadySubsidised, again.Outcome);
        Assert.Equal(SubsidyUniquenessKey.PersonId, again.Reservation!.ConflictingKey);
        Assert.Equal("C000001", again.Reservation.ConflictingClaimId);
        var sameOldPlate = SubsidyClaim.FromInput(SubsidyTestData.Input(3, SubsidyTestData.June15) with { OldPlate = "杭州000001" });
        Assert.Equal(SubsidyUniquenessKey.OldPlate, allocator.Submit(sameOldPlate).Reservation!.ConflictingKey);
        Assert.Equal(Money.FromYuan(300m), allocator.Ledger.Snapshot().Reserved);
    }

    [Fact]
    public void Release_FailedPayment_ReturnsMoneyAndFreesKeys()
    {
        var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(30_000));
        var allocator = new SubsidyAllocator(ledger);
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15)).Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, allocator.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15)).Outcome);
        var released = ledger.Release("C000001");
        Assert.Equal(SubsidyReservationState.Released, released.Value!.State);
        Assert.Equal(Money.FromYuan(300m), ledger.Snapshot().Phases[0].Remaining);
        Assert.True(ledger.Release("C000001").IsSuccess); // idempotent
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Confirm("C000001").Errors).Code);
        // The same person may claim again under a new id, and the freed money pays it.
        var retry = allocator.Submit(SubsidyTestData.Claim(3, SubsidyTestData.June15, person: 1));
        Assert.Equal(SubsidyOutcome.Granted, retry.Outcome);
        Assert.True(ledger.Confirm("C000003").IsSuccess);
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Release("C000003").Errors).Code);
        Assert.Equal("MR.Subsidy.UnknownClaim", Assert.Single(ledger.Confirm("nope").Errors).Code);
        Assert.Equal(Money.FromYuan(300m), ledger.Snapshot().Paid);
        Assert.Equal(Money.Zero, ledger.Snapshot().Phases[0].Remaining);
    }

    [Fact]
    public void Reserve_PhaseExhaustedWithWaitList_PaysFromNextPhaseAtItsAmount()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase);
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(scheme));
        var decisions = Enumerable.Range(1, 4).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15))).ToList();
        Assert.Equal([30_000L, 20_000L, 20_000L, 0L], decisions.Select(d => d.Amount.Fen));
        Assert.Equal(1, decisions[1].Reservation!.WaitListedFromPhase);
        Assert.Equal(2, decisions[1].Reservation!.PhaseNumber);
        Assert.Contains(decisions[1].Explanation.Reasons, r => r.Code == "MR.Subsidy.WaitListed");
        Assert.Equal(SubsidyOutcome.BudgetExhausted, decisions[3].Outcome);
    }

    [Fact]
    public void Reserve_PhaseQuota_StopsAtQuotaEvenWithMoneyLeft()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(1_000_000, quota: "2")));
        var decisions = Enumerable.Range(1, 3).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15))).ToList();
        Assert.Equal([SubsidyOutcome.Granted, SubsidyOutcome.Granted, SubsidyOutcome.BudgetExhausted], decisions.Select(d => d.Outcome));
    }

    // A scheme's overall budget (e.g. 拱墅区 2022: the district's whole allocation across its phases) binds even when the
    // current phase still has money: June pays 3 × 300 = 900 yuan, so of 1,100 yuan overall July can pay one 200-yuan
    // claim although its own budget (400 yuan) would pay two. Releasing a reservation returns its money to the overall
    // budget as well as to the phase.
    [Fact]
    public void OverallBudget_BindsBeforeAPhaseBudget_AndReleaseReturnsMoneyToIt()
    {
        var scheme = SubsidyTestData.OnePhase(90_000, extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallBudgetFen\": 110000,");
        var ledger = new InMemorySubsidyLedger(scheme);
        var allocator = new SubsidyAllocator(ledger);
        var june = Enumerable.Range(1, 3).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15))).ToList();
        Assert.All(june, d => Assert.Equal(SubsidyOutcome.Granted, d.Outcome));
        var july = Enumerable.Range(4, 2).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.July15))).ToList();
        Assert.Equal([SubsidyOutcome.Granted, SubsidyOutcome.BudgetExhausted], july.Select(d => d.Outcome));
        Assert.Equal(Money.FromYuan(200m), ledger.Snapshot().Phases[1].Remaining);

        Assert.True(ledger.Release("C000004").IsSuccess);
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(6, SubsidyTestData.July15)).Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, allocator.Submit(SubsidyTestData.Claim(7, SubsidyTestData.July15)).Outcome);
    }

    // The scheme's overall quota (number of recipients, e.g. 首批 2,560 名) binds across phases like its overall budget.
    [Fact]
    public void OverallQuota_BindsAcrossPhases_EvenWithMoneyLeft()
    {
        var scheme = SubsidyTestData.OnePhase(1_000_000, extraPhase: SubsidyTestData.JulyPhase, overall: "\"overallQuota\": 3,");
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(scheme));
        var june = Enumerable.Range(1, 2).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.June15))).ToList();
        var july = Enumerable.Range(3, 2).Select(n => allocator.Submit(SubsidyTestData.Claim(n, SubsidyTestData.July15))).ToList();
        Assert.Equal([SubsidyOutcome.Granted, SubsidyOutcome.Granted, SubsidyOutcome.Granted, SubsidyOutcome.BudgetExhausted],
            june.Concat(july).Select(d => d.Outcome));
    }

    [Fact]
    public void SubmitInOrder_ServesByCompletionInstant()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyTestData.OnePhase(30_000)));
        var late = SubsidyTestData.Claim(1, SubsidyTestData.Shanghai("2022-06-20T10:00:00"));
        var early = SubsidyTestData.Claim(2, SubsidyTestData.Shanghai("2022-06-20T09:59:59"));
        var decisions = allocator.SubmitInOrder([late, early]);
        Assert.Equal("C000002", decisions[0].ClaimId);
        Assert.Equal(SubsidyOutcome.Granted, decisions[0].Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, decisions[1].Outcome);
    }

    [Fact]
    public void Submit_BadInput_ReturnsCodedErrorsAndLeavesLedgerUnchanged()
    {
        var ledger = new InMemorySubsidyLedger(SubsidySchemes.Gongshu2022);
        var allocator = new SubsidyAllocator(ledger);
        var good = SubsidyTestData.Input(1, SubsidyTestData.June15);
        var cases = new (SubsidyClaimInput Input, string Code, string Path)[]
        {
            (good with { Evidence = [SubsidyEvidence.IdentityDocument] }, "MR.Subsidy.MissingEvidence", "$.evidence"),
            (good with { ApplicantId = "330105195001010011" }, "MR.Subsidy.InvalidResidentId", "$.applicantId"),
            (good with { PurchaseDate = new LocalDate(2022, 6, 16) }, "MR.Subsidy.CompletedBeforeStep", "$.completedAt"),
            (good with { OldPlate = "ABC" }, "MR.Subsidy.InvalidPlate", "$.oldPlate"),
            (good with { NewFrameNumber = "NF0O" }, "MR.Subsidy.InvalidFrameNumber", "$.newFrameNumber"),
            (good with { CompletedAt = null }, "MR.Subsidy.Required", "$.completedAt"),
            (good with { NewPriceFen = -1 }, "MR.Subsidy.InvalidPrice", "$.newPriceFen"),
        };
        foreach (var (input, code, path) in cases)
        {
            var result = allocator.Submit(input);
            Assert.False(result.IsSuccess, code);
            Assert.Contains(result.Errors, e => e.Code == code && e.Path == path);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Message.Chinese)));
        }
        Assert.Empty(ledger.Entries());
        Assert.Equal(Money.Zero, ledger.Snapshot().Reserved);
        Assert.True(allocator.Submit(good).IsSuccess);
    }

    [Fact]
    public void Submit_10000ClaimsFrom8Threads_PaysExactlyTheBudget()
    {
        // Budget for 2,560 recipients at 300 yuan: 768,000 yuan. 10,000 claims from 7,000 persons (3,000 repeat a person)
        // and every 10th claim reuses the previous claim's old plate.
        const int Recipients = 2_560;
        var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(Recipients * 30_000L));
        var allocator = new SubsidyAllocator(ledger);
        var claims = Enumerable.Range(0, 10_000).Select(n =>
        {
            var input = SubsidyTestData.Input(n, SubsidyTestData.June15.Plus(Duration.FromSeconds(n)), person: n % 7_000);
            return SubsidyClaim.FromInput(n % 10 == 9 ? input with { OldPlate = "杭州" + (n - 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) } : input);
        }).ToArray();
        var decisions = new ConcurrentBag<SubsidyDecision>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var i = t; i < claims.Length; i += 8)
            {
                var decision = allocator.Submit(claims[i]);
                decisions.Add(decision);
                if (decision.Outcome == SubsidyOutcome.Granted)
                {
                    Assert.True(ledger.Confirm(decision.ClaimId).IsSuccess);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var granted = decisions.Where(d => d.Outcome == SubsidyOutcome.Granted).ToList();
        Assert.Equal(10_000, decisions.Count);
        Assert.Equal(Recipients, granted.Count);
        Assert.Equal(Money.FromYuan(768_000m), granted.Aggregate(Money.Zero, (s, d) => s + d.Amount));
        var byId = claims.ToDictionary(c => c.ClaimId);
        Assert.Equal(Recipients, granted.Select(d => byId[d.ClaimId].Applicant).Distinct().Count());
        Assert.Equal(Recipients, granted.Select(d => byId[d.ClaimId].OldPlate).Distinct().Count());
        Assert.Equal(Recipients, granted.Select(d => byId[d.ClaimId].NewFrameNumber).Distinct().Count());
        var snapshot = ledger.Snapshot();
        Assert.Equal(Money.FromYuan(768_000m), snapshot.Paid);
        Assert.Equal(Money.Zero, snapshot.Phases[0].Remaining);
        var ledgerSum = ledger.Entries().Where(e => e.Kind == SubsidyLedgerEntryKind.Confirmed).Aggregate(Money.Zero, (s, e) => s + e.Amount);
        Assert.Equal(granted.Aggregate(Money.Zero, (s, d) => s + d.Amount), ledgerSum);
        Assert.Equal(Money.Zero, decisions.Where(d => d.Outcome != SubsidyOutcome.Granted).Aggregate(Money.Zero, (s, d) => s + d.Amount));
    }

    private enum Op
    {
        Reserve,
        Confirm,
        Release,
    }

    [Fact]
    public void RandomInterleavings_OfReserveConfirmRelease_Meets_Specification()
    {
        // Ops on a pool of 12 claims over 6 persons against a budget of 4 × 300 yuan (+ 1 fen), run on 2 threads.
        var gen = Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 11]).Array[1, 60];
        Gen.Select(gen, gen).Sample((left, right) =>
        {
            var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(4 * 30_000 + 1));
            var allocator = new SubsidyAllocator(ledger);
            var claims = Enumerable.Range(0, 12).Select(n => SubsidyTestData.Claim(n, SubsidyTestData.June15, person: n % 6)).ToArray();
            void Run((Op Op, int Claim)[] ops)
            {
                foreach (var (op, index) in ops)
                {
                    _ = op switch
                    {
                        Op.Reserve => allocator.Submit(claims[index]).ClaimId,
                        Op.Confirm => ledger.Confirm(claims[index].ClaimId).IsSuccess.ToString(),
                        _ => ledger.Release(claims[index].ClaimId).IsSuccess.ToString(),
                    };
                }
            }
            var other = new Thread(() => Run(right));
            other.Start();
            Run(left);
            other.Join();

            var snapshot = ledger.Snapshot();
            var phase = snapshot.Phases[0];
            var current = claims.Select(c => ledger.Find(c.ClaimId)).Where(r => r is not null).Select(r => r!).ToList();
            var held = current.Where(r => r.State is SubsidyReservationState.Reserved or SubsidyReservationState.Confirmed).ToList();
            // Never beyond the budget, never negative.
            Assert.True(phase.Remaining!.Value >= Money.Zero);
            Assert.True(phase.Reserved + phase.Paid <= phase.Budget!.Value);
            // Balances equal the reservations' states.
            Assert.Equal(held.Where(r => r.State == SubsidyReservationState.Reserved).Aggregate(Money.Zero, (s, r) => s + r.Amount), phase.Reserved);
            Assert.Equal(held.Where(r => r.State == SubsidyReservationState.Confirmed).Aggregate(Money.Zero, (s, r) => s + r.Amount), phase.Paid);
            // No person holds two live reservations.
            var byId = claims.ToDictionary(c => c.ClaimId);
            Assert.Equal(held.Count, held.Select(r => byId[r.ClaimId].Applicant).Distinct().Count());
            // The journal adds up: reserved − released − confirmed = still reserved; confirmed = paid.
            var entries = ledger.Entries();
            Money Sum(SubsidyLedgerEntryKind kind) => entries.Where(e => e.Kind == kind).Aggregate(Money.Zero, (s, e) => s + e.Amount);
            Assert.Equal(phase.Paid, Sum(SubsidyLedgerEntryKind.Confirmed));
            Assert.Equal(phase.Reserved, Sum(SubsidyLedgerEntryKind.Reserved) - Sum(SubsidyLedgerEntryKind.Released) - Sum(SubsidyLedgerEntryKind.Confirmed));
        }, iter: 150);
    }

    // One payment per key through growth and removal of the ledger's key tables: thousands of claims over a few
    // hundred persons, released and claimed again in random order, each answer checked against a model of who holds
    // each person's key (the ledger starts small, so its tables grow many times and removals shift their neighbours).
    [Fact]
    public void ManyReleasesAndRetakes_OnePaymentPerPerson_AndTheRightHolderNamed()
    {
        var gen = Gen.Select(Gen.Bool, Gen.Int[0, 2_999]).Array[4_000];
        gen.Sample(ops =>
        {
            var ledger = new InMemorySubsidyLedger(SubsidyTestData.OnePhase(long.MaxValue / 4));
            var claims = Enumerable.Range(0, 3_000).Select(n => SubsidyTestData.Claim(n, SubsidyTestData.June15, person: n % 300)).ToArray();
            var holderOfPerson = new Dictionary<int, string>();
            var state = new Dictionary<string, SubsidyReservationState>();
            foreach (var (release, index) in ops)
            {
                var claim = claims[index];
                var person = index % 300;
                if (release)
                {
                    var released = ledger.Release(claim.ClaimId);
                    var wasHeld = state.TryGetValue(claim.ClaimId, out var before) && before == SubsidyReservationState.Reserved;
                    Assert.Equal(wasHeld || before == SubsidyReservationState.Released, released.IsSuccess);
                    if (wasHeld)
                    {
                        state[claim.ClaimId] = SubsidyReservationState.Released;
                        holderOfPerson.Remove(person);
                    }
                    continue;
                }
                var reservation = ledger.Reserve(claim, 0).Reservation;
                if (state.TryGetValue(claim.ClaimId, out var first))
                {
                    Assert.Equal(first, reservation.State);
                    continue;
                }
                if (holderOfPerson.TryGetValue(person, out var holder))
                {
                    Assert.Equal(SubsidyReservationState.Rejected, reservation.State);
                    Assert.Equal(SubsidyUniquenessKey.PersonId, reservation.ConflictingKey);
                    Assert.Equal(holder, reservation.ConflictingClaimId);
                }
                else
                {
                    Assert.Equal(SubsidyReservationState.Reserved, reservation.State);
                    holderOfPerson[person] = claim.ClaimId;
                }
                state[claim.ClaimId] = reservation.State;
            }
            Assert.Equal(holderOfPerson.Count, ledger.Snapshot().Phases[0].ReservedCount);
            foreach (var (claimId, expected) in state)
            {
                Assert.Equal(expected, ledger.Find(claimId)!.State);
            }
            Assert.Null(ledger.Find("C999999"));
        }, iter: 20);
    }
}
