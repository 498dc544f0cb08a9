namespace MarketRules.Tests.Kernel;

public class RuleErrorUnderTests
{
    private static readonly RuleError AtSeed = KernelErrors.Required.Create("$.seed", ("PropertyName", "seed"));

    [Theory]
    [InlineData("$.seed", "$.input", "$.input.seed")]
    [InlineData("$", "$.input", "$.input")]
    [InlineData("$.roster[2].tier", "$.input.policy", "$.input.policy.roster[2].tier")]
    [InlineData("$['a b']", "$.input", "$.input['a b']")]
    public void Under_RootedPath_IsRerooted(string path, string parent, string expected) =>
        Assert.Equal(expected, AtSeed.WithPath(path).Under(parent).Path);

    [Fact]
    public void Under_KeepsCodeMessageAndArguments()
    {
        var moved = AtSeed.Under("$.input");
        Assert.Equal((AtSeed.Code, AtSeed.Message, AtSeed.Arguments), (moved.Code, moved.Message, moved.Arguments));
    }

    [Fact]
    public void Under_NoPathOrUnrootedPath_IsUnchanged()
    {
        var none = AtSeed.WithPath(null);
        Assert.Same(none, none.Under("$.input"));
        var relative = AtSeed.WithPath("seed");
        Assert.Same(relative, relative.Under("$.input"));
    }

    [Fact]
    public void Under_ParentNotAPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => AtSeed.Under("input"));
        Assert.Throws<ArgumentNullException>(() => AtSeed.Under(null!));
    }
}
