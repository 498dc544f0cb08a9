// The invariant checks are kept only at call sites compiled with DEBUG (a Debug build of the library keeps its own); this
// file defines it so that its calls are kept too and the check itself is tested.
#define DEBUG

using MarketRules.Utility;

namespace MarketRules.Tests.Kernel;

// The argument checks for programmer errors: each refuses with the exception, the parameter's name (the caller's
// expression) and the message a programmer reads; each lets through what is in range, both ends included.
public class PreconditionsMutationEdgeTests
{
    [Fact]
    public void CheckNotNull_Null_RefusedNamingTheCallersExpression()
    {
        string? partyName = null;
        var ex = Assert.Throws<ArgumentNullException>(() => Preconditions.CheckNotNull(partyName));
        Assert.Equal("partyName", ex.ParamName);
        const string present = "杭缆";
        Assert.Same(present, Preconditions.CheckNotNull(present));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void CheckArgumentRange_WithinBothEnds_Passes(int degreeOfParallelism)
    {
        Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 10);
        Preconditions.CheckArgumentRange((long)degreeOfParallelism * 1_000_000_000L, 1_000_000_000L, 10_000_000_000L);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void CheckArgumentRange_Int_OutsideEitherEnd_RefusedWithTheRange(int degreeOfParallelism)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 10));
        Assert.Equal("degreeOfParallelism", ex.ParamName);
        Assert.Equal(degreeOfParallelism, ex.ActualValue);
        Assert.StartsWith("Value should be in range [1-10]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999_999_999L)]
    [InlineData(10_000_000_001L)]
    public void CheckArgumentRange_Long_OutsideEitherEnd_RefusedWithTheRange(long bytes)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckArgumentRange(bytes, 1_000_000_000L, 10_000_000_000L));
        Assert.Equal("bytes", ex.ParamName);
        Assert.Equal(bytes, ex.ActualValue);
        Assert.StartsWith("Value should be in range [1000000000-10000000000]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckArgument_False_RefusedWithTheMessageAndName()
    {
        Preconditions.CheckArgument(true, "seed", "The seed has at least one byte");
        var ex = Assert.Throws<ArgumentException>(() => Preconditions.CheckArgument(false, "seed", "The seed has at least one byte"));
        Assert.Equal("seed", ex.ParamName);
        Assert.StartsWith("The seed has at least one byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckArgument_FormattedMessage_FilledWithTheArgument()
    {
        Preconditions.CheckArgument(true, "capacities", "A capacity of {0} is negative", -1);
        var ex = Assert.Throws<ArgumentException>(() => Preconditions.CheckArgument(false, "capacities", "A capacity of {0} is negative", -1));
        Assert.Equal("capacities", ex.ParamName);
        Assert.StartsWith("A capacity of -1 is negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DebugCheckState_InvariantBroken_ThrowsSayingWhichInADebugBuild()
    {
        Preconditions.DebugCheckState(true, "one row per (state, event)");
        var ex = Assert.Throws<InvalidOperationException>(() => Preconditions.DebugCheckState(false, "one row per (state, event)"));
        Assert.Equal("Invariant violated: one row per (state, event)", ex.Message);
    }
}
