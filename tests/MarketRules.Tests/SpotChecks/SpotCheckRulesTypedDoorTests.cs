using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Engine.Rules.SpotChecks;
using MarketRules.SpotChecks;

namespace MarketRules.Tests.SpotChecks;

/// <summary>
/// The spot-check rules' own checks, for what JSON cannot send but a typed caller can: a null item, a level or an event
/// kind no JSON spelling names, an event without its day. The JSON door refuses those shapes before the rule sees them
/// (SpotCheckRulesTests); a .NET caller evaluating the rule directly must get the same coded answer, at the same path,
/// with a message that names the field.
/// </summary>
public class SpotCheckRulesTypedDoorTests
{
    private static readonly RuleContext Context = new(new LocalDate(2024, 9, 20), default, NationalCatalog.Policy, PeriodCalculator.China);

    private static RuleError Single(IRuleDefinition rule, object input) => Assert.Single(rule.EvaluateUntyped(input, Context).Errors);

    private static SpotCheckCountInput Count(string category) => new() { Category = category, Sampled = 5, Conforming = 4 };

    [Fact]
    public void PassRate_NoCounts_RequiredNamingCounts()
    {
        var error = Single(new SpotCheckPassRateRule(), new SpotCheckPassRateInput());
        Assert.Equal(("MR.Input.Required", "$.counts", "counts is required"), (error.Code, error.Path, error.Message.English));
    }

    [Fact]
    public void PassRate_NullCountAfterAGoodOne_RequiredAtItsIndex()
    {
        var error = Single(new SpotCheckPassRateRule(), new SpotCheckPassRateInput { Counts = [Count("A"), null!] });
        Assert.Equal(("MR.Input.Required", "$.counts[1]", "counts[1] is required"), (error.Code, error.Path, error.Message.English));
    }

    [Fact]
    public void PassRate_LevelNoJsonSpellingNames_RequiredAtItsLevel()
    {
        var error = Single(new SpotCheckPassRateRule(), new SpotCheckPassRateInput { Counts = [Count("A") with { Level = (SpotCheckLevel)99 }] });
        Assert.Equal(("MR.Input.Required", "$.counts[0].level", "level is required"), (error.Code, error.Path, error.Message.English));
    }

    [Fact]
    public void PassRate_NullWeight_RequiredAtItsIndex_AndARepeatedCategoryNamed()
    {
        var rule = new SpotCheckPassRateRule();
        var nullWeight = Single(rule, new SpotCheckPassRateInput { Counts = [Count("A")], Weights = [null!] });
        Assert.Equal(("MR.Input.Required", "$.weights[0]", "weights[0] is required"), (nullWeight.Code, nullWeight.Path, nullWeight.Message.English));
        var repeated = Single(rule, new SpotCheckPassRateInput
        {
            Counts = [Count("A")],
            Weights = [new SpotCheckWeightInput { Category = "A", Weight = 1m }, new SpotCheckWeightInput { Category = "A", Weight = 2m }],
        });
        Assert.Equal(("MR.SpotChecks.WeightsMismatch", "$.weights[1].category"), (repeated.Code, repeated.Path));
        Assert.Equal("A", repeated.Arguments["Category"]);
    }

    private static readonly SpotCheckEventInput Planned = new() { Kind = SpotCheckEventKind.Planned, On = new LocalDate(2024, 8, 1) };

    [Fact]
    public void Transition_EventOfNoKind_OrOfAKindNoJsonSpellingNames_RequiredAtItsKind()
    {
        var rule = new SpotCheckTransitionRule();
        var none = Single(rule, new SpotCheckTransitionInput { Level = SpotCheckLevel.Provincial, Event = Planned with { Kind = SpotCheckEventKind.None } });
        Assert.Equal(("MR.Input.Required", "$.event.kind"), (none.Code, none.Path));
        var unknown = Single(rule, new SpotCheckTransitionInput { Level = SpotCheckLevel.Provincial, Event = Planned with { Kind = (SpotCheckEventKind)99 } });
        Assert.Equal(("MR.Input.Required", "$.event.kind"), (unknown.Code, unknown.Path));
    }

    [Fact]
    public void Transition_EventWithoutItsDay_RequiredAtItsDay_InTheHistoryToo()
    {
        var rule = new SpotCheckTransitionRule();
        var now = Single(rule, new SpotCheckTransitionInput { Level = SpotCheckLevel.Provincial, Event = Planned with { On = default } });
        Assert.Equal(("MR.Input.Required", "$.event.on"), (now.Code, now.Path));
        var earlier = Single(rule, new SpotCheckTransitionInput
        {
            Level = SpotCheckLevel.Provincial,
            History = [Planned with { On = default }],
            Event = Planned with { Kind = SpotCheckEventKind.Sampled, On = new LocalDate(2024, 8, 12) },
        });
        Assert.Equal(("MR.Input.Required", "$.history[0].on"), (earlier.Code, earlier.Path));
    }

    [Fact]
    public void Transition_LevelNoJsonSpellingNames_RequiredAtTheLevel_LikeThePassRatesLevel()
    {
        // It was answered with a policy pack's code ("MR.PolicyPack.ValueOutOfRange", "参数 {Parameter} 的取值…").
        var result = new SpotCheckTransitionRule().EvaluateUntyped(new SpotCheckTransitionInput { Level = (SpotCheckLevel)99, Event = Planned }, Context);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MR.Input.Required", "$.level", "level is required"), (error.Code, error.Path, error.Message.English));
        Assert.False(result.IsSuccess);
    }
}
