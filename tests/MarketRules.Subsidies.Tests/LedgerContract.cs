using System.Collections.Concurrent;
using MarketRules.Subsidies;
using MarketRules.Testing;
using MarketRules.Tests.Subsidies;
using NodaTime.Testing;

namespace MarketRules.Subsidies.Tests;

/// <summary>
/// What every <see cref="ISubsidyLedger"/> must do, run against each ledger (in-memory, SQLite, PostgreSQL) by a
/// subclass that says how to open one: idempotency by claim id, one payment per uniqueness key, budgets and quotas
/// never exceeded, wait-listing, release returning money and keys, expiry, confirm/release races settling exactly
/// once, the journal adding up to the balances, and the 8-thread race with duplicate persons and vehicles.
/// </summary>
public abstract class LedgerContract : IDisposable
{
    protected static readonly Instant Start = SubsidyTestData.June15;

    private readonly List<IDisposable> opened = [];

    protected FakeClock Clock { get; } = new(Start);

    /// <summary>Claims in the 8-thread race (the budget pays a quarter of them, about).</summary>
    protected virtual int RaceClaims => 10_000;

    /// <summary>A new, empty store (a file, a schema); "" where the ledger has none.</summary>
    protected abstract string NewStore();

    /// <summary>Opens the ledger of a scheme in a store.</summary>
    protected abstract ISubsidyLedger OpenLedger(SubsidyScheme scheme, IClock clock, string store);

    protected ISubsidyLedger Open(SubsidyScheme scheme, string? store = null)
    {
        var ledger = OpenLedger(scheme, Clock, store ?? NewStore());
        if (ledger is IDisposable disposable)
        {
            opened.Add(disposable);
        }
        return ledger;
    }

    public void Dispose()
    {
        foreach (var ledger in opened)
        {
            ledger.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(90_000L, 3, 0L)]
    [InlineData(89_999L, 2, 29_999L)]
    [InlineData(30_000L, 1, 0L)]
    [InlineData(29_999L, 0, 29_999L)]
    public void Reserve_AtBudgetEdge_PaysOnlyWhatFits(long budgetFen, int granted, long remainingFen)
    {
        var allocator = new SubsidyAllocator(Open(SubsidyTestData.OnePhase(budgetFen)));
        var decisions = Enumerable.Range(1, 5).Select(n => allocator.Submit(SubsidyTestData.Claim(n, Start))).ToList();
        Assert.Equal(granted, decisions.Count(d => d.Outcome == SubsidyOutcome.Granted));
        Assert.All(decisions.Skip(granted), d => Assert.Equal(SubsidyOutcome.BudgetExhausted, d.Outcome));
        Assert.All(decisions.Skip(granted), d => Assert.Equal(Money.FromFen(remainingFen), d.Reservation!.PhaseRemaining));
        Assert.Equal(Money.FromFen(remainingFen), allocator.Ledger.Snapshot().Phases[0].Remaining);
        AssertJournalAddsUp(allocator.Ledger);
    }

    [Fact]
    public void Reserve_SameClaimIdTwice_ReturnsTheFirstAnswerAndChangesNothing()
    {
        var allocator = new SubsidyAllocator(Open(SubsidyTestData.OnePhase(90_000)));
        var claim = SubsidyTestData.Claim(1, Start);
        var first = allocator.Submit(claim);
        var entries = allocator.Ledger.Entries();
        Clock.Advance(Duration.FromMinutes(5));
        var second = allocator.Submit(claim);
        var changed = allocator.Submit(SubsidyTestData.Claim(1, Start) with { OldPlate = "杭州999999" });
        Assert.False(first.IsRepeat);
        Assert.True(second.IsRepeat);
        Assert.True(changed.IsRepeat);
        Assert.Equal(first.Reservation, second.Reservation);
        Assert.Equal(first.Reservation, changed.Reservation);
        Assert.Equal(Start, first.Reservation!.ReservedAt);
        Assert.Equal(entries.ToArray(), allocator.Ledger.Entries().ToArray());
        Assert.Equal(Money.FromYuan(300m), allocator.Ledger.Snapshot().Reserved);
        Assert.Equal(first.Reservation, allocator.Ledger.Find(claim.ClaimId));
        Assert.Null(allocator.Ledger.Find("nobody"));
    }

    [Fact]
    public void Reserve_SamePersonOrVehicleUnderANewClaimId_IsAlreadySubsidisedNamingTheHolder()
    {
        var allocator = new SubsidyAllocator(Open(SubsidyTestData.OnePhase(900_000)));
        allocator.Submit(SubsidyTestData.Claim(1, Start));
        var samePerson = allocator.Submit(SubsidyTestData.Claim(2, Start, person: 1));
        Assert.Equal(SubsidyOutcome.AlreadySubsidised, samePerson.Outcome);
        Assert.Equal(SubsidyUniquenessKey.PersonId, samePerson.Reservation!.ConflictingKey);
        Assert.Equal("C000001", samePerson.Reservation.ConflictingClaimId);
        Assert.Equal(SubsidyUniquenessKey.OldPlate, allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(3, Start) with { OldPlate = "杭州000001" })).Reservation!.ConflictingKey);
        Assert.Equal(SubsidyUniquenessKey.OldFrame, allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(4, Start) with { OldFrameNumber = "LF00000001" })).Reservation!.ConflictingKey);
        Assert.Equal(SubsidyUniquenessKey.NewFrame, allocator.Submit(SubsidyClaim.FromInput(SubsidyTestData.Input(5, Start) with { NewFrameNumber = "NF00000001" })).Reservation!.ConflictingKey);
        Assert.Equal(Money.FromYuan(300m), allocator.Ledger.Snapshot().Reserved);
        Assert.Equal(1, allocator.Ledger.Snapshot().Phases[0].ReservedCount);
        var rejected = allocator.Ledger.Entries().Where(e => e.Kind == SubsidyLedgerEntryKind.Rejected).ToList();
        Assert.Equal(4, rejected.Count);
        Assert.All(rejected, e => Assert.Equal("MR.Subsidy.AlreadySubsidised", e.ReasonCode));
        Assert.All(rejected, e => Assert.Equal(Money.Zero, e.Amount));
    }

    [Fact]
    public void Reserve_PhaseQuota_StopsAtTheQuotaWithMoneyLeft()
    {
        var allocator = new SubsidyAllocator(Open(SubsidyTestData.OnePhase(1_000_000, quota: "2")));
        var decisions = Enumerable.Range(1, 3).Select(n => allocator.Submit(SubsidyTestData.Claim(n, Start))).ToList();
        Assert.Equal([SubsidyOutcome.Granted, SubsidyOutcome.Granted, SubsidyOutcome.BudgetExhausted], decisions.Select(d => d.Outcome));
        Assert.Equal("MR.Subsidy.BudgetExhausted", allocator.Ledger.Entries()[^1].ReasonCode);
    }

    [Fact]
    public void Reserve_PhaseExhaustedWithWaitList_PaysFromTheNextPhaseAtItsAmount()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase);
        var allocator = new SubsidyAllocator(Open(scheme));
        var decisions = Enumerable.Range(1, 4).Select(n => allocator.Submit(SubsidyTestData.Claim(n, Start))).ToList();
        Assert.Equal([30_000L, 20_000L, 20_000L, 0L], decisions.Select(d => d.Amount.Fen));
        Assert.Equal(1, decisions[1].Reservation!.WaitListedFromPhase);
        Assert.Equal(2, decisions[1].Reservation!.PhaseNumber);
        Assert.Equal(Money.FromFen(20_000), decisions[1].Reservation!.PhaseRemaining);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, decisions[3].Outcome);
        Assert.Equal(1, decisions[3].Reservation!.WaitListedFromPhase);
        Assert.Equal(decisions[1].Reservation, allocator.Ledger.Find(decisions[1].ClaimId));
        var snapshot = allocator.Ledger.Snapshot();
        Assert.Equal([30_000L, 40_000L], snapshot.Phases.Select(p => p.Reserved.Fen));
        AssertJournalAddsUp(allocator.Ledger);
    }

    [Fact]
    public void Reserve_OverallBudget_BindsAcrossPhases()
    {
        var scheme = SubsidyScheme.Parse(SchemeJson(overall: ", \"overallBudgetFen\": 50000", exhaustion: "wait-list-next-phase")).GetValueOrThrow();
        var allocator = new SubsidyAllocator(Open(scheme));
        var decisions = Enumerable.Range(1, 3).Select(n => allocator.Submit(SubsidyTestData.Claim(n, Start))).ToList();
        Assert.Equal([30_000L, 20_000L, 0L], decisions.Select(d => d.Amount.Fen));
        ComplianceAssert.WithinBudget(allocator.Ledger);
    }

    [Fact]
    public void Release_AFailedPayment_ReturnsTheMoneyAndFreesTheKeys()
    {
        var ledger = Open(SubsidyTestData.OnePhase(30_000));
        var allocator = new SubsidyAllocator(ledger);
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(1, Start)).Outcome);
        Assert.Equal(SubsidyOutcome.BudgetExhausted, allocator.Submit(SubsidyTestData.Claim(2, Start)).Outcome);
        var released = ledger.Release("C000001");
        Assert.Equal(SubsidyReservationState.Released, released.Value!.State);
        Assert.Equal(Money.FromYuan(300m), ledger.Snapshot().Phases[0].Remaining);
        Assert.Equal(SubsidyReservationState.Released, ledger.Release("C000001").Value!.State); // idempotent
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Confirm("C000001").Errors).Code);
        var retry = allocator.Submit(SubsidyTestData.Claim(3, Start, person: 1));
        Assert.Equal(SubsidyOutcome.Granted, retry.Outcome);
        Assert.Equal(SubsidyReservationState.Confirmed, ledger.Confirm("C000003").Value!.State);
        Assert.Equal(SubsidyReservationState.Confirmed, ledger.Confirm("C000003").Value!.State); // idempotent
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Release("C000003").Errors).Code);
        Assert.Equal("MR.Subsidy.UnknownClaim", Assert.Single(ledger.Confirm("nope").Errors).Code);
        Assert.Equal("MR.Subsidy.UnknownClaim", Assert.Single(ledger.Release("nope").Errors).Code);
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Confirm("C000002").Errors).Code); // rejected
        Assert.Equal(Money.FromYuan(300m), ledger.Snapshot().Paid);
        Assert.Equal(Money.Zero, ledger.Snapshot().Phases[0].Remaining);
        var kinds = ledger.Entries().Select(e => (e.ClaimId, e.Kind, e.ReasonCode)).ToList();
        Assert.Equal(
        [
            ("C000001", SubsidyLedgerEntryKind.Reserved, "MR.Subsidy.Reserved"),
            ("C000002", SubsidyLedgerEntryKind.Rejected, "MR.Subsidy.BudgetExhausted"),
            ("C000001", SubsidyLedgerEntryKind.Released, "MR.Subsidy.Released"),
            ("C000003", SubsidyLedgerEntryKind.Reserved, "MR.Subsidy.Reserved"),
            ("C000003", SubsidyLedgerEntryKind.Confirmed, "MR.Subsidy.Confirmed"),
        ], kinds);
        Assert.Equal([1L, 2, 3, 4, 5], ledger.Entries().Select(e => e.Sequence));
        AssertJournalAddsUp(ledger);
    }

    [Fact]
    public void ReleaseExpired_ReturnsLapsedHoldsOnceAndLeavesPaidAndFreshOnes()
    {
        var scheme = SubsidyTestData.OnePhase(90_000);
        var ledger = Open(scheme);
        var allocator = new SubsidyAllocator(ledger);
        var first = allocator.Submit(SubsidyTestData.Claim(1, Start));
        Assert.Equal(Start + Duration.FromHours(72), first.Reservation!.ExpiresAt);
        Assert.True(scheme.ReservationExpiryIsDefault);
        allocator.Submit(SubsidyTestData.Claim(2, Start));
        ledger.Confirm("C000002");
        Clock.Advance(Duration.FromHours(1));
        allocator.Submit(SubsidyTestData.Claim(3, Start));

        Assert.Empty(ledger.ReleaseExpired(Start + Duration.FromHours(72) - Duration.Epsilon));
        Clock.Reset(Start + Duration.FromHours(72));
        var expired = ledger.ReleaseExpired(Clock.GetCurrentInstant());
        var released = Assert.Single(expired);
        Assert.Equal("C000001", released.ClaimId);
        Assert.Equal(SubsidyReservationState.Released, released.State);
        Assert.Empty(ledger.ReleaseExpired(Clock.GetCurrentInstant())); // idempotent
        Assert.Equal(SubsidyReservationState.Released, ledger.Find("C000001")!.State);
        Assert.Equal(SubsidyReservationState.Confirmed, ledger.Find("C000002")!.State);
        Assert.Equal(SubsidyReservationState.Reserved, ledger.Find("C000003")!.State);
        Assert.Equal("MR.Subsidy.InvalidLedgerTransition", Assert.Single(ledger.Confirm("C000001").Errors).Code);
        var line = ledger.Entries().Single(e => e.Kind == SubsidyLedgerEntryKind.Released);
        Assert.Equal("MR.Subsidy.ReservationExpired", line.ReasonCode);
        Assert.Equal(scheme.ReservationExpiryCitation, line.Citation);
        Assert.Equal(Start + Duration.FromHours(72), line.At);
        // The person's key is free again; the money is back.
        Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(4, Start, person: 1)).Outcome);
        Assert.Equal(Money.FromYuan(900m), ledger.Snapshot().Reserved + ledger.Snapshot().Paid);
        Assert.Single(ledger.ReleaseExpired(Start + Duration.FromHours(73)), r => r.ClaimId == "C000003");
        AssertJournalAddsUp(ledger);
    }

    [Fact]
    public void ReleaseExpired_UsesTheSchemesOwnPeriodWithItsCitation()
    {
        var scheme = SubsidyScheme.Parse(SchemeJson(overall: """
            , "reservationExpiry": { "hours": 2, "citation": { "document": { "zh": "测试细则", "en": "Test rules" }, "article": { "zh": "第九条", "en": "Art. 9" }, "status": "verified-secondary" } }
            """)).GetValueOrThrow();
        Assert.False(scheme.ReservationExpiryIsDefault);
        Assert.Equal(Duration.FromHours(2), scheme.ReservationExpiry);
        var ledger = Open(scheme);
        var decision = new SubsidyAllocator(ledger).Submit(SubsidyTestData.Claim(1, Start));
        Assert.Equal(Start + Duration.FromHours(2), decision.Reservation!.ExpiresAt);
        Assert.Empty(ledger.ReleaseExpired(Start + Duration.FromMinutes(119)));
        Assert.Single(ledger.ReleaseExpired(Start + Duration.FromHours(2)));
        Assert.Equal("测试细则 第九条", ledger.Entries()[^1].Citation.ToString());
    }

    [Fact]
    public void ConfirmAndReleaseRacing_SettleEachClaimExactlyOnce()
    {
        const int Claims = 200;
        var ledger = Open(SubsidyTestData.OnePhase(Claims * 30_000L));
        var allocator = new SubsidyAllocator(ledger);
        for (var n = 0; n < Claims; n++)
        {
            Assert.Equal(SubsidyOutcome.Granted, allocator.Submit(SubsidyTestData.Claim(n, Start)).Outcome);
        }
        var changes = new ConcurrentBag<(string Id, SubsidyReservationState State)>();
        var expiredBag = new ConcurrentBag<string>();
        using var go = new Barrier(3);
        void Run(Func<string, RuleResult<SubsidyReservation>> settle)
        {
            go.SignalAndWait();
            for (var n = 0; n < Claims; n++)
            {
                var id = SubsidyTestData.Claim(n, Start).ClaimId;
                var result = settle(id);
                if (result.IsSuccess)
                {
                    changes.Add((id, result.Value.State));
                }
            }
        }
        var confirmer = new Thread(() => Run(ledger.Confirm));
        var releaser = new Thread(() => Run(ledger.Release));
        var expirer = new Thread(() =>
        {
            go.SignalAndWait();
            foreach (var r in ledger.ReleaseExpired(Start + Duration.FromDays(30)))
            {
                expiredBag.Add(r.ClaimId);
            }
        });
        confirmer.Start();
        releaser.Start();
        expirer.Start();
        confirmer.Join();
        releaser.Join();
        expirer.Join();

        var entries = ledger.Entries();
        for (var n = 0; n < Claims; n++)
        {
            var id = SubsidyTestData.Claim(n, Start).ClaimId;
            var settlements = entries.Where(e => e.ClaimId == id && e.Kind is SubsidyLedgerEntryKind.Confirmed or SubsidyLedgerEntryKind.Released).ToList();
            var line = Assert.Single(settlements);
            var final = ledger.Find(id)!.State;
            Assert.Equal(line.Kind == SubsidyLedgerEntryKind.Confirmed ? SubsidyReservationState.Confirmed : SubsidyReservationState.Released, final);
            // Whoever lost the race was told the truth: a success only ever reports the final state.
            Assert.All(changes.Where(c => c.Id == id), c => Assert.Equal(final, c.State));
            Assert.Equal(expiredBag.Contains(id), line.ReasonCode == "MR.Subsidy.ReservationExpired");
        }
        AssertJournalAddsUp(ledger);
    }

    [Fact]
    public void EightThreads_DuplicatePersonsAndVehicles_BudgetExhaustion_NeverOverspendNeverPayTwiceAndRefuseForTheRightReason()
    {
        // A budget for a quarter of the claims (2,560 of 10,000 at 300 yuan); 30 % of the claims repeat a person, every
        // 10th reuses the previous claim's old plate; a tenth of the grants fail payment and are released.
        var count = RaceClaims;
        var recipients = count * 256 / 1000;
        var scheme = SubsidyTestData.OnePhase(recipients * 30_000L);
        var ledger = Open(scheme);
        var allocator = new SubsidyAllocator(ledger);
        var persons = count * 7 / 10;
        var claims = Enumerable.Range(0, count).Select(n =>
        {
            var input = SubsidyTestData.Input(n, Start.Plus(Duration.FromSeconds(n)), person: n % persons);
            return SubsidyClaim.FromInput(n % 10 == 9 ? input with { OldPlate = "杭州" + (n - 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) } : input);
        }).ToArray();
        var decisions = new ConcurrentBag<SubsidyDecision>();
        var failures = new ConcurrentBag<Exception>();
        using var go = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                go.SignalAndWait();
                for (var i = t; i < claims.Length; i += 8)
                {
                    var decision = allocator.Submit(claims[i]);
                    decisions.Add(decision);
                    if (decision.Outcome == SubsidyOutcome.Granted)
                    {
                        var settled = i % 10 == 3 ? ledger.Release(decision.ClaimId) : ledger.Confirm(decision.ClaimId);
                        Assert.True(settled.IsSuccess);
                    }
                    // A repeat of the same id on another thread returns the first answer.
                    if (i % 97 == 0)
                    {
                        Assert.True(allocator.Submit(claims[i]).IsRepeat);
                    }
                }
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);

        Assert.Equal(count, decisions.Count);
        var byId = claims.ToDictionary(c => c.ClaimId);
        var final = claims.ToDictionary(c => c.ClaimId, c => ledger.Find(c.ClaimId)!);
        // Every claim id has exactly one final state, and none is left held.
        Assert.All(final.Values, r => Assert.NotEqual(SubsidyReservationState.Reserved, r.State));
        var paid = final.Values.Where(r => r.State == SubsidyReservationState.Confirmed).ToList();
        var snapshot = ledger.Snapshot();
        // Never beyond the budget; money left over only when too few claims remained to use it.
        Assert.True(snapshot.Phases[0].Remaining >= Money.Zero);
        Assert.Equal(paid.Aggregate(Money.Zero, (s, r) => s + r.Amount), snapshot.Paid);
        Assert.Equal(Money.Zero, snapshot.Reserved);
        ComplianceAssert.WithinBudget(ledger);
        ComplianceAssert.NeverPaidTwice(scheme, paid.Select(r => byId[r.ClaimId]));
        ComplianceAssert.NeverPaidTwice(scheme, claims, ledger.Entries());
        // The right reasons: a claim refused as already subsidised names a claim that really holds the key, paid.
        var refused = final.Values.Where(r => r.Rejection == SubsidyErrors.AlreadySubsidised).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            var holder = final[r.ConflictingClaimId!];
            Assert.True(holder.State is SubsidyReservationState.Confirmed or SubsidyReservationState.Released,
                $"{r.ClaimId} was refused because of {holder.ClaimId}, which ended {holder.State}");
            Assert.Equal(SubsidyLedgerRules.KeyValue(byId[r.ClaimId], r.ConflictingKey!.Value), SubsidyLedgerRules.KeyValue(byId[holder.ClaimId], r.ConflictingKey.Value));
        });
        Assert.All(final.Values.Where(r => r.Rejection == SubsidyErrors.BudgetExhausted), r => Assert.Equal(Money.Zero, r.Amount));
        Assert.Contains(final.Values, r => r.Rejection == SubsidyErrors.BudgetExhausted);
        AssertJournalAddsUp(ledger);
    }

    [Fact]
    public void RandomInterleavingsOnTwoThreads_KeepTheBalancesEqualToTheJournal()
    {
        var random = new Random(20221);
        for (var round = 0; round < 6; round++)
        {
            var ledger = Open(SubsidyTestData.OnePhase(4 * 30_000 + 1));
            var allocator = new SubsidyAllocator(ledger);
            var claims = Enumerable.Range(0, 12).Select(n => SubsidyTestData.Claim(n, Start, person: n % 6)).ToArray();
            var ops = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 40).Select(_ => (Op: random.Next(4), Claim: random.Next(12))).ToArray()).ToArray();
            void Run((int Op, int Claim)[] list)
            {
                foreach (var (op, index) in list)
                {
                    _ = op switch
                    {
                        0 or 1 => allocator.Submit(claims[index]).ClaimId,
                        2 => ledger.Confirm(claims[index].ClaimId).IsSuccess.ToString(),
                        _ => ledger.Release(claims[index].ClaimId).IsSuccess.ToString(),
                    };
                }
            }
            var other = new Thread(() => Run(ops[1]));
            other.Start();
            Run(ops[0]);
            other.Join();
            var phase = ledger.Snapshot().Phases[0];
            Assert.True(phase.Reserved + phase.Paid <= phase.Budget!.Value);
            var held = claims.Select(c => ledger.Find(c.ClaimId)).Where(r => r?.State is SubsidyReservationState.Reserved or SubsidyReservationState.Confirmed).ToList();
            Assert.Equal(held.Count, held.Select(r => claims.Single(c => c.ClaimId == r!.ClaimId).Applicant).Distinct().Count());
            AssertJournalAddsUp(ledger);
        }
    }

    /// <summary>The balances equal the replay of the journal, and the journal's sequence is 1, 2, … without gaps.</summary>
    protected static void AssertJournalAddsUp(ISubsidyLedger ledger)
    {
        var entries = ledger.Entries();
        Assert.Equal(Enumerable.Range(1, entries.Length).Select(i => (long)i), entries.Select(e => e.Sequence));
        var replayed = SubsidyLedgerRules.Replay(ledger.Scheme, entries);
        Assert.Equal(replayed.Phases.ToArray(), ledger.Snapshot().Phases.ToArray());
        ComplianceAssert.WithinBudget(ledger);
    }

    protected static string SchemeJson(string overall = "", string exhaustion = "reject") => $$"""
        {
          "id": "test-scheme", "jurisdiction": "330105",
          "title": { "zh": "测试", "en": "Test" },
          "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" },
          "validity": { "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" },
          "exhaustion": "{{exhaustion}}"{{overall}},
          "phases": [
            { "start": "2022-06-01T00:00:00", "end": "2022-06-30T23:59:59", "amountFen": 30000, "budgetFen": 900000,
              "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" } },
            { "start": "2022-07-01T00:00:00", "end": "2022-07-31T23:59:59", "amountFen": 20000, "budgetFen": 900000,
              "citation": { "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" } }
          ]
        }
        """;
}
