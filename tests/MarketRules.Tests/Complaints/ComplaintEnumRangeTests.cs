using MarketRules.Complaints;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// Values outside the complaint enums (a caller's cast): the transition table has no row for them and the labels name
/// their number, on both sides of the enums, never an overflow of the unsigned range check.
/// </summary>
public class ComplaintEnumRangeTests
{
    [Fact]
    public void TransitionTable_StateOrEventBelowZeroOrPastTheLast_HasNoRow()
    {
        var anyState = Enum.GetValues<ComplaintState>()[0];
        var anyEvent = Enum.GetValues<ComplaintEventKind>()[0];
        Assert.Null(ComplaintTransitionTable.Find((ComplaintState)(-1), anyEvent));
        Assert.Null(ComplaintTransitionTable.Find(anyState, (ComplaintEventKind)(-1)));
        Assert.Null(ComplaintTransitionTable.Find(Enum.GetValues<ComplaintState>().Max() + 1, anyEvent));
        Assert.Null(ComplaintTransitionTable.Find(anyState, Enum.GetValues<ComplaintEventKind>().Max() + 1));
    }

    [Fact]
    public void Labels_AValueBelowZero_IsNamedByItsNumber()
    {
        Assert.Equal(new LocalizedText("-1", "-1"), ComplaintLabels.Of((ComplaintState)(-1)));
        Assert.Equal(new LocalizedText("-1", "-1"), ComplaintLabels.Of((ComplaintEventKind)(-1)));
        Assert.Equal(new LocalizedText("-1", "-1"), ComplaintLabels.Of((ComplaintDeadlineKind)(-1)));
    }
}
