using MarketRules.Complaints;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// The complaint snapshot as a caller reads it back (issue 18): the deadlines met and missed and the refusal grounds
/// are stored packed, a long list (more than 16 deadlines, e.g. a complaint with many jurisdiction disputes under
/// Order 121 Art 33) is spilled into an array; either way what was put in reads back, in order, and two replays of
/// one history are equal snapshots.
/// </summary>
public class ComplaintModelMutationEdgeTests
{
    private static readonly ComplaintDeadlineKind[] AllKinds =
    [
        ComplaintDeadlineKind.Acceptance, ComplaintDeadlineKind.Mediation, ComplaintDeadlineKind.TerminationNotice,
        ComplaintDeadlineKind.JurisdictionDispute, ComplaintDeadlineKind.ClueVerification,
    ];

    private static ComplaintDeadlineKind[] Kinds(int count) => [.. Enumerable.Range(0, count).Select(i => AllKinds[i % AllKinds.Length])];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)] // the last length kept packed
    [InlineData(17)] // the first length spilled
    [InlineData(40)]
    public void DeadlinesMetAndMissed_ReadBackAsGiven_PackedOrSpilled(int count)
    {
        var kinds = Kinds(count);
        var snapshot = new ComplaintSnapshot { Missed = [.. kinds], Met = [.. kinds.Reverse()] };
        Assert.Equal(kinds, snapshot.Missed.ToArray());
        Assert.Equal(kinds.Reverse(), snapshot.Met.ToArray());
    }

    [Fact]
    public void DeadlineKindNone_InTheList_IsKept_NotLostInThePackedForm()
    {
        ComplaintDeadlineKind[] kinds = [ComplaintDeadlineKind.Acceptance, ComplaintDeadlineKind.None, ComplaintDeadlineKind.Mediation];
        Assert.Equal(kinds, new ComplaintSnapshot { Missed = [.. kinds] }.Missed.ToArray());
        Assert.Equal([ComplaintDeadlineKind.None], new ComplaintSnapshot { Met = [ComplaintDeadlineKind.None] }.Met.ToArray());
    }

    [Fact]
    public void DefaultArrays_GivenForDeadlinesAndGrounds_ReadBackEmpty()
    {
        var snapshot = new ComplaintSnapshot { Missed = default, Met = default, RefusalGrounds = default };
        Assert.Empty(snapshot.Missed);
        Assert.Empty(snapshot.Met);
        Assert.Empty(snapshot.RefusalGrounds);
        Assert.Equal(ComplaintSnapshot.Initial, snapshot);
    }

    [Fact]
    public void RefusalGrounds_ReadBackOnceEach_InTheEnumsOrder()
    {
        var snapshot = new ComplaintSnapshot { RefusalGrounds = [ComplaintRefusalGround.HandledElsewhere, ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.HandledElsewhere] };
        Assert.Equal([ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.HandledElsewhere], snapshot.RefusalGrounds.ToArray());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)] // spilled into an array: still compared by the kinds it lists
    [InlineData(40)]
    public void Snapshots_ListingTheSameDeadlines_AreEqual_PackedOrSpilled(int count)
    {
        // "Equality is member-wise": two snapshots built apart from the same facts are the same complaint.
        var first = new ComplaintSnapshot { Missed = [.. Kinds(count)], Met = [.. Kinds(count).Reverse()] };
        var second = new ComplaintSnapshot { Missed = [.. Kinds(count)], Met = [.. Kinds(count).Reverse()] };
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        // One kind more, or another kind in one place, is another complaint.
        Assert.NotEqual(first, first with { Missed = [.. Kinds(count + 1)] });
        var changed = Kinds(count);
        changed[^1] = changed[^1] == ComplaintDeadlineKind.Acceptance ? ComplaintDeadlineKind.Mediation : ComplaintDeadlineKind.Acceptance;
        Assert.NotEqual(first, first with { Missed = [.. changed] });
    }

    [Fact]
    public void TwoReplaysOfOneHistory_WithDeadlinesMetAndMissed_AreEqualSnapshots()
    {
        // A jurisdiction dispute settled in time (Art 33: met), the acceptance decided late (Art 15: missed): "equality is
        // member-wise", so a caller comparing stored snapshots sees the same complaint.
        var start = D(2026, 5, 6);
        ComplaintEvent[] events =
        [
            Received(start), E(ComplaintEventKind.JurisdictionDisputed, start.PlusDays(1)), E(ComplaintEventKind.JurisdictionSettled, start.PlusDays(2)),
            E(ComplaintEventKind.Accepted, start.PlusDays(21)),
        ];
        var first = Run(events);
        var second = Run(events);
        Assert.NotEmpty(first.Missed);
        Assert.NotEmpty(first.Met);
        Assert.Equal(first, second);
        Assert.True(first == second);
    }

    [Fact]
    public void SeventeenthJurisdictionDisputeSettledLate_IsStillExplainedAsAMissedDeadline()
    {
        // Order 20 Art 30: each dispute is settled within 7 working days. Seventeen disputes settled 20 days later each
        // (within 2025, the calendar's years): the seventeenth missed deadline is the first kept in the spilled list, and
        // its step still reports it.
        var start = D(2025, 1, 6);
        var snapshot = Run(Received(start));
        var day = start;
        ComplaintStep? last = null;
        for (var i = 0; i < 17; i++)
        {
            snapshot = Machine.Transition(snapshot, E(ComplaintEventKind.JurisdictionDisputed, day.PlusDays(1))).GetValueOrThrow().Snapshot;
            day = day.PlusDays(21);
            last = Machine.Transition(snapshot, E(ComplaintEventKind.JurisdictionSettled, day)).GetValueOrThrow();
            snapshot = last.Snapshot;
        }
        Assert.Equal(Enumerable.Repeat(ComplaintDeadlineKind.JurisdictionDispute, 17), snapshot.Missed.ToArray());
        var missed = Assert.Single(last!.Explanation.Reasons, r => r.Code == "MR.Complaints.DeadlineMissed");
        Assert.Equal("第三十条", missed.Citation?.Article?.Chinese);
        Assert.Equal(LegalDocuments.ComplaintHandlingInterimMeasures, missed.Citation?.RegisteredDocument);
    }
}
