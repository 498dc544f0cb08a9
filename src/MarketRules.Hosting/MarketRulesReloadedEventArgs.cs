using System.Collections.Immutable;

namespace MarketRules.Hosting;

/// <summary>What set off a reload of the law.</summary>
public enum MarketRulesReloadTrigger
{
    /// <summary>The configuration section reloaded (an edited <c>appsettings.json</c>, <c>IConfigurationRoot.Reload()</c>).</summary>
    Configuration,

    /// <summary>A policy pack or subsidy scheme file the law was read from changed on disk.</summary>
    File,
}

/// <summary>The outcome of one reload: the new law applied, or the configuration refused and the previous law kept.</summary>
public sealed class MarketRulesReloadedEventArgs : EventArgs
{
    /// <summary>Creates the outcome of a reload.</summary>
    /// <param name="trigger">What set the reload off.</param>
    /// <param name="applied">Whether the new law replaced the previous one.</param>
    /// <param name="law">The law in force after the reload: the new one when applied, the previous one when refused.</param>
    /// <param name="errors">Every coded error of a refused reload; empty when applied.</param>
    public MarketRulesReloadedEventArgs(MarketRulesReloadTrigger trigger, bool applied, MarketRulesLaw law, ImmutableArray<RuleError> errors)
    {
        Trigger = trigger;
        Applied = applied;
        Law = law ?? throw new ArgumentNullException(nameof(law));
        Errors = errors.IsDefault ? [] : errors;
    }

    /// <summary>What set the reload off.</summary>
    public MarketRulesReloadTrigger Trigger { get; }

    /// <summary>Whether the new law replaced the previous one (<see langword="false"/>: refused, the previous law stays in force).</summary>
    public bool Applied { get; }

    /// <summary>The law in force after the reload.</summary>
    public MarketRulesLaw Law { get; }

    /// <summary>Every coded error of a refused reload (one <c>MR.Hosting.InvalidFile</c> per bad file followed by its own errors); empty when applied.</summary>
    public ImmutableArray<RuleError> Errors { get; }
}
