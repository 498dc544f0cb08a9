using MarketRules.Complaints;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

public class ComplaintStateMachineTests
{
    private static readonly LocalDate Start = new(2026, 6, 1);

    public static TheoryData<ComplaintState, ComplaintEventKind> Rows()
    {
        var data = new TheoryData<ComplaintState, ComplaintEventKind>();
        foreach (var row in ComplaintTransitionTable.Rows)
        {
            data.Add(row.From, row.Event);
        }
        return data;
    }

    public static TheoryData<ComplaintState, ComplaintEventKind> IllegalPairs()
    {
        var data = new TheoryData<ComplaintState, ComplaintEventKind>();
        foreach (var state in Enum.GetValues<ComplaintState>())
        {
            foreach (var kind in Enum.GetValues<ComplaintEventKind>())
            {
                if (ComplaintTransitionTable.Find(state, kind) is null)
                {
                    data.Add(state, kind);
                }
            }
        }
        return data;
    }

    [Fact]
    public void Apply_AllocatesNothing_ForTheAcceptedStepsOfAJourneyWithTesting()
    {
        ComplaintEvent[] journey =
        [
            Received(D(2026, 4, 15)), E(ComplaintEventKind.Accepted, D(2026, 4, 17)), Consent(D(2026, 4, 20)), LabTest(D(2026, 4, 27)),
            E(ComplaintEventKind.TestingEnded, D(2026, 5, 8)), E(ComplaintEventKind.AgreementReached, D(2026, 6, 10)), E(ComplaintEventKind.Closed, D(2026, 6, 11)),
        ];
        var before = new ComplaintSnapshot[journey.Length];
        var snapshot = ComplaintSnapshot.Initial;
        for (var i = 0; i < journey.Length; i++)
        {
            before[i] = snapshot;
            snapshot = Machine.Apply(snapshot, journey[i]).ApplyTo(snapshot);
        }
        Assert.Equal(ComplaintState.Closed, snapshot.State);
        Assert.Equal(new[] { ComplaintDeadlineKind.Acceptance, ComplaintDeadlineKind.Mediation }, snapshot.Met.ToArray());
        Assert.Equal(11, snapshot.MediationPauses.ExcludedDays);
        // Warm up past tiered compilation, whose one-off work may be charged to this thread.
        for (var i = 0; i < 100_000; i++)
        {
            _ = Machine.Apply(before[i % journey.Length], journey[i % journey.Length]);
        }
        var start = GC.GetAllocatedBytesForCurrentThread();
        var accepted = 0;
        for (var i = 0; i < 7_000; i++)
        {
            accepted += Machine.Apply(before[i % journey.Length], journey[i % journey.Length]).Accepted ? 1 : 0;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - start);
        Assert.Equal(7_000, accepted);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryRow_FromAPathIntoItsState_IsAcceptedAndLeadsToItsTarget(ComplaintState from, ComplaintEventKind kind)
    {
        var path = PathTo(from, Start);
        var s = Run([.. path]);
        Assert.Equal(from, s.State);
        if (kind is ComplaintEventKind.ClueVerificationExtended or ComplaintEventKind.ClueResolved)
        {
            s = Machine.Apply(s, E(ComplaintEventKind.ClueFound, Start.PlusDays(10))).ApplyTo(s);
        }
        if (kind == ComplaintEventKind.JurisdictionSettled)
        {
            s = Machine.Apply(s, E(ComplaintEventKind.JurisdictionDisputed, Start)).ApplyTo(s);
        }
        var step = Machine.Transition(s, ValidEvent(kind, Start.PlusDays(11)));
        Assert.True(step.IsSuccess, string.Join("; ", step.Errors));
        Assert.Equal(ComplaintTransitionTable.Find(from, kind)!.To, step.Value!.To);
        Assert.Equal("complaint.transition/1", step.Value.Explanation.Rule);
        Assert.All(step.Value.Explanation.Parameters, p => Assert.NotNull(p.Citation));
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void EveryPairOutsideTheTable_IsRejected_WithTheAllowedEvents(ComplaintState from, ComplaintEventKind kind)
    {
        var s = Run([.. PathTo(from, Start)]);
        var result = Machine.Apply(s, ValidEvent(kind, Start.PlusDays(11)));
        Assert.False(result.Accepted);
        Assert.Equal(s.State, result.To);
        Assert.Throws<InvalidOperationException>(() => result.ApplyTo(s));
        Assert.Equal("MR.Complaints.IllegalTransition", result.Error!.Code);
        Assert.Equal("$.event", result.Error.Path);
    }

    public static TheoryData<ComplaintOrder, ComplaintRefusalGround> GroundsInForce()
    {
        var data = new TheoryData<ComplaintOrder, ComplaintRefusalGround>();
        foreach (var order in new[] { ComplaintOrder.Order20, ComplaintOrder.Order121 })
        {
            foreach (var ground in ComplaintStateMachine.RefusalGroundsUnder(order))
            {
                data.Add(order, ground);
            }
        }
        return data;
    }

    private static LocalDate ReceiptUnder(ComplaintOrder order) => order == ComplaintOrder.Order20 ? new LocalDate(2026, 4, 14) : new LocalDate(2026, 4, 15);

    [Theory]
    [MemberData(nameof(GroundsInForce))]
    public void Refusal_EveryGroundOfTheGoverningOrder_IsAcceptedAndExplained(ComplaintOrder order, ComplaintRefusalGround ground)
    {
        var received = ReceiptUnder(order);
        var harm = ground == ComplaintRefusalGround.LimitationExpired ? received.PlusYears(-4) : (LocalDate?)null;
        var s = Run(Received(received, harm));
        var step = Machine.Transition(s, Refused(received.PlusDays(2), ground)).GetValueOrThrow();
        Assert.Equal(ComplaintState.Refused, step.To);
        Assert.Equal(new[] { ground }, step.Snapshot.RefusalGrounds.ToArray());
        var reason = Assert.Single(step.Explanation.Reasons, r => r.Code == "MR.Complaints.RefusalGround");
        Assert.Equal(order == ComplaintOrder.Order20 ? "第十五条" : "第十六条", reason.Citation!.Article!.Chinese);
    }

    [Fact]
    public void Refusal_GroundCounts_SixItemsUnderOrder20_SevenUnderOrder121()
    {
        // Order 20 (二) covers two enum members (agencies and other mediation organisations); Order 121 (五) covers missing and false materials.
        Assert.Equal(7, ComplaintStateMachine.RefusalGroundsUnder(ComplaintOrder.Order20).Length);
        Assert.Equal(8, ComplaintStateMachine.RefusalGroundsUnder(ComplaintOrder.Order121).Length);
    }

    [Theory]
    [InlineData(ComplaintOrder.Order20, ComplaintRefusalGround.FalseMaterials)]
    [InlineData(ComplaintOrder.Order20, ComplaintRefusalGround.IdentityNotVerified)]
    [InlineData(ComplaintOrder.Order121, ComplaintRefusalGround.HandledByMediationOrganisation)]
    public void Refusal_GroundNotInTheGoverningOrder_IsRejected(ComplaintOrder order, ComplaintRefusalGround ground)
    {
        var received = ReceiptUnder(order);
        var result = Machine.Apply(Run(Received(received)), Refused(received.PlusDays(1), ground));
        Assert.Equal("MR.Complaints.GroundNotInForce", result.Error!.Code);
    }

    [Fact]
    public void Refusal_SeveralGrounds_AreAllKept_InOrder()
    {
        var s = Run(Received(Start), Refused(Start.PlusDays(1), ComplaintRefusalGround.MissingMaterials, ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.MissingMaterials));
        Assert.Equal(new[] { ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.MissingMaterials }, s.RefusalGrounds.ToArray());
        Assert.Equal("MR.Complaints.NoRefusalGround", Machine.Apply(Run(Received(Start)), Refused(Start.PlusDays(1))).Error!.Code);
    }

    [Fact]
    public void Mediation_NeedsBothPartiesConsent()
    {
        var s = Run(Received(Start), E(ComplaintEventKind.Accepted, Start.PlusDays(1)));
        Assert.Equal("MR.Complaints.ConsentRequired", Machine.Apply(s, E(ComplaintEventKind.MediationStarted, Start.PlusDays(2))).Error!.Code);
        Assert.True(Machine.Apply(s, Terminated(Start.PlusDays(2), MediationEndGround.NoShowOrRespondentRefused)).Accepted);
    }

    [Theory]
    [InlineData(ComplaintOrder.Order20, MediationEndGround.ComplainantRefused, false)]
    [InlineData(ComplaintOrder.Order20, MediationEndGround.FraudFound, false)]
    [InlineData(ComplaintOrder.Order20, MediationEndGround.PartyCeased, false)]
    [InlineData(ComplaintOrder.Order20, MediationEndGround.TestingLabDisagreement, true)]
    [InlineData(ComplaintOrder.Order121, MediationEndGround.TestingLabDisagreement, false)]
    [InlineData(ComplaintOrder.Order121, MediationEndGround.FraudFound, true)]
    [InlineData(ComplaintOrder.Order121, MediationEndGround.PartyCeased, true)]
    public void Termination_GroundsFollowTheGoverningOrder(ComplaintOrder order, MediationEndGround ground, bool allowed)
    {
        var received = ReceiptUnder(order);
        var s = Run(Received(received), E(ComplaintEventKind.Accepted, received.PlusDays(2)), Consent(received.PlusDays(3)));
        var result = Machine.Apply(s, Terminated(received.PlusDays(5), ground));
        Assert.Equal(allowed, result.Accepted);
        if (!allowed)
        {
            Assert.Equal("MR.Complaints.EndGroundNotInForce", result.Error!.Code);
        }
    }

    [Fact]
    public void Termination_ForTheLimit_OnlyAfterItElapsed_AndAgreementAfterItIsRejected()
    {
        var s = Run(Received(new LocalDate(2026, 4, 15)), E(ComplaintEventKind.Accepted, new LocalDate(2026, 4, 17)), Consent(new LocalDate(2026, 4, 20)));
        Assert.Equal("MR.Complaints.LimitNotElapsed", Machine.Apply(s, Terminated(new LocalDate(2026, 6, 16), MediationEndGround.LimitElapsed)).Error!.Code);
        Assert.Equal("MR.Complaints.MediationLimitExpired", Machine.Apply(s, E(ComplaintEventKind.AgreementReached, new LocalDate(2026, 6, 17))).Error!.Code);
        Assert.True(Machine.Apply(s, E(ComplaintEventKind.AgreementReached, new LocalDate(2026, 6, 16))).Accepted);
        var ended = Machine.Apply(s, Terminated(new LocalDate(2026, 6, 17), MediationEndGround.LimitElapsed));
        Assert.True(ended.Accepted);
        Assert.Equal(MediationEndGround.LimitElapsed, ended.ApplyTo(s).EndGround);
    }

    [Fact]
    public void Events_OutOfTimeOrder_AreRejected()
    {
        var s = Run(Received(Start), E(ComplaintEventKind.Accepted, Start.PlusDays(3)));
        Assert.Equal("MR.Complaints.EventInPast", Machine.Apply(s, Consent(Start.PlusDays(2))).Error!.Code);
    }

    [Fact]
    public void Replay_StopsAtTheFirstBadEvent_AndNamesItsIndex()
    {
        var result = Machine.Replay([Received(Start), E(ComplaintEventKind.AgreementReached, Start.PlusDays(1))]);
        Assert.False(result.IsSuccess);
        Assert.Equal("$.history[1]", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Mermaid_HasEveryStateChange_AndTheTerminalStates()
    {
        var mermaid = ComplaintTransitionTable.ToMermaid();
        Assert.StartsWith("stateDiagram-v2\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Received --> Refused : Refused\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    MediationPaused --> Mediating : TestingEnded\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Closed --> [*]\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("ClueFound", mermaid, StringComparison.Ordinal);
        Assert.Contains("| Mediating | ClueFound | Mediating | 第二十三条 | 第二十七条 |", ComplaintTransitionTable.ToMarkdown(), StringComparison.Ordinal);
    }
}
