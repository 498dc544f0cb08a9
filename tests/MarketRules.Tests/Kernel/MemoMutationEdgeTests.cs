using MarketRules.Utility;

namespace MarketRules.Tests.Kernel;

// How an immutable decision makes its explanation on first read: made once, stored, and every reader gets the value
// stored first — also when another thread stored one while this one was making its own.
public class MemoMutationEdgeTests
{
    private sealed class Decision
    {
        internal string? Explanation;

        internal int Made { get; set; }
    }

    [Fact]
    public void Once_FirstRead_MakesTheValueAndStoresIt()
    {
        var decision = new Decision();
        var read = Memo.Once(ref decision.Explanation, decision, static d => { d.Made++; return new string('x', 3); });
        Assert.Equal("xxx", read);
        Assert.Same(read, decision.Explanation);
        Assert.Equal(1, decision.Made);
    }

    [Fact]
    public void Once_LaterReads_GetTheStoredValueWithoutMakingAgain()
    {
        var decision = new Decision();
        var first = Memo.Once(ref decision.Explanation, decision, static d => { d.Made++; return new string('x', 3); });
        var second = Memo.Once(ref decision.Explanation, decision, static d => { d.Made++; return new string('y', 3); });
        Assert.Same(first, second);
        Assert.Equal(1, decision.Made);
    }

    [Fact]
    public void Once_AnotherReaderStoredFirst_EveryReaderGetsThatOne()
    {
        var decision = new Decision();
        // While this reader makes its value, another one stores its own: the first stored wins.
        var read = Memo.Once(ref decision.Explanation, decision, static d => { d.Explanation = "stored first"; return "made second"; });
        Assert.Equal("stored first", read);
        Assert.Equal("stored first", decision.Explanation);
    }
}
