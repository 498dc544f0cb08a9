namespace MarketRules.Hosting;

/// <summary>
/// What a host loads on top of national law: local policy packs, subsidy schemes and statutory calendar years, each a
/// JSON file. Bound from the configuration section <c>MarketRules</c> (<c>MarketRules:PolicyPacks:0</c>,
/// <c>MarketRules:Subsidies:Schemes:0</c>, <c>MarketRules:CalendarYears:0</c>, …)
/// by <see cref="MarketRulesServiceCollectionExtensions.AddMarketRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, Action{MarketRulesOptions}?)"/>,
/// or set in code.
/// </summary>
/// <remarks>The files are read and validated when the host starts (every coded error listed) and again whenever the
/// configuration reloads; see <see cref="IMarketRulesLaw"/>.</remarks>
public sealed class MarketRulesOptions
{
    /// <summary>The name of the configuration section: <c>MarketRules</c>.</summary>
    public const string SectionName = "MarketRules";

    /// <summary>Paths of policy pack files (relative to the working directory), loaded in order on top of national law.</summary>
    public IList<string> PolicyPacks { get; } = [];

    /// <summary>Paths of subsidy scheme files, added to the shipped schemes (a file's scheme replaces a shipped one with the same id).</summary>
    public IList<string> SubsidySchemes { get; } = [];

    /// <summary>
    /// Paths of statutory calendar files: the State Council's holiday notices for years the shipped calendar does not
    /// hold yet (or a corrected year), in the format of the embedded calendar (<c>{ "years": [ … ] }</c>, see
    /// <see cref="MarketRules.Calendar.CalendarData.ParseYears"/>). Loaded in order; each year extends or replaces the
    /// calendar every rule counts working days on, so a newly published notice applies without a release.
    /// </summary>
    public IList<string> CalendarYears { get; } = [];

    // Settings the configuration held that no option reads (a misspelt key): refused at load, like unknown JSON members.
    internal List<RuleError> ConfigurationErrors { get; } = [];
}
