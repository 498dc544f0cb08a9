using System.Collections.Immutable;

namespace MarketRules.Hosting;

/// <summary>
/// The law in force in a host, kept current as the configuration reloads. Inject it (or the <c>LawContext</c>,
/// <c>RuleEngine</c> and evaluators <see cref="MarketRulesServiceCollectionExtensions.AddMarketRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{MarketRulesOptions})"/> registers from it);
/// a test substitutes its own implementation to fix the law it runs under.
/// </summary>
public interface IMarketRulesLaw
{
    /// <summary>The law loaded last without error. Read it once per unit of work: a reload replaces it as a whole.</summary>
    MarketRulesLaw Current { get; }

    /// <summary>The coded errors of the last reload when it failed (the previous law then stays in force); empty when <see cref="Current"/> reflects the configuration.</summary>
    ImmutableArray<RuleError> ReloadErrors { get; }

    /// <summary>
    /// Raised after every reload, applied or refused (a fixed law never raises it). Handlers run on the thread that
    /// reloaded, one reload at a time: keep them short.
    /// </summary>
    event EventHandler<MarketRulesReloadedEventArgs>? Reloaded
    {
        add { }
        remove { }
    }
}
