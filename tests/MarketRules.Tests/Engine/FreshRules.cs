using MarketRules.Calendar;
using MarketRules.Engine;

namespace MarketRules.Tests.Engine;

/// <summary>
/// Rules and engines built for the test that uses them. A rule builds its request validator when it is constructed, and
/// <see cref="BuiltInRules.All"/> (so <see cref="RuleEngine.Default"/>) holds one instance per process: a test that checks
/// what the door refuses through these checks the validator as the code states it now — a mutation run sees its
/// changes take effect — instead of the one the first test happened to build.
/// </summary>
internal static class FreshRules
{
    /// <summary>A new instance of the built-in rule with this id.</summary>
    internal static IRuleDefinition Of(string id) => New(BuiltInRules.All.Single(r => r.Id == id));

    /// <summary>An engine over national law and new instances of every built-in rule.</summary>
    internal static RuleEngine Engine() => new(NationalCatalog.Policy, PeriodCalculator.China, BuiltInRules.All.Select(New));

    private static IRuleDefinition New(IRuleDefinition rule) => (IRuleDefinition)Activator.CreateInstance(rule.GetType())!;
}
