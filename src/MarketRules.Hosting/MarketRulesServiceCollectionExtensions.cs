using MarketRules.Cases;
using MarketRules.Complaints;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Referral;
using MarketRules.SpotChecks;
using MarketRules.Subsidies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MarketRules.Hosting;

/// <summary>Registers MarketRules in a service collection.</summary>
public static class MarketRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the law in force (<see cref="IMarketRulesLaw"/>, <see cref="MarketRulesLaw"/>, <see cref="LawContext"/>),
    /// the <see cref="RuleEngine"/> and each area's evaluators, with the packs and schemes set in code. Subsidy schemes
    /// ride on the law (<see cref="SubsidySchemes.Resolve"/> finds one by id in the injected <see cref="LawContext"/>). The files are validated when the host starts: a bad one stops the start with every coded error listed.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (policy pack and subsidy scheme files).</param>
    /// <returns>The services, for chaining.</returns>
    /// <remarks>
    /// <para>The law, engine and evaluators are transient: each resolution reads <see cref="IMarketRulesLaw.Current"/>,
    /// so that a reload reaches the next request. Resolve them per unit of work rather than keeping one.</para>
    /// <para>Every registration uses <c>TryAdd</c>: register your own (a test's fixed law) before or instead.</para>
    /// </remarks>
    public static IServiceCollection AddMarketRules(this IServiceCollection services, Action<MarketRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MarketRulesOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers MarketRules as <see cref="AddMarketRules(IServiceCollection, Action{MarketRulesOptions})"/> does, with the
    /// options read from a configuration section (usually <c>configuration.GetSection("MarketRules")</c>):
    /// <c>PolicyPacks</c> (a list of files) and <c>Subsidies:Schemes</c> (a list of files). When that configuration
    /// reloads, the files are read again and the new law replaces the old one if it is valid.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section. Keys no option reads are refused (<c>MR.Hosting.UnknownSetting</c>),
    /// except <c>Subsidies:Ledger</c>, <c>Subsidies:Sqlite</c> and <c>Subsidies:PostgreSql</c>, which belong to the ledger host.</param>
    /// <param name="configure">Further options set in code, applied after the configuration; may be <see langword="null"/>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddMarketRules(this IServiceCollection services, IConfiguration section, Action<MarketRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOptions<MarketRulesOptions>().Configure(options => MarketRulesConfiguration.Bind(section, options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }
        services.AddSingleton<IOptionsChangeTokenSource<MarketRulesOptions>>(new MarketRulesConfiguration.ChangeTokenSource(section));
        return AddCore(services);
    }

    /// <summary>
    /// Registers the subsidy ledgers of the host (<see cref="SubsidyLedgerRegistry"/>, a singleton disposed with the
    /// container) in a storage: <see cref="SubsidyLedgerStorage.InMemory"/>, <c>new SqliteSubsidyLedgerStorage(path)</c>
    /// (MarketRules.Subsidies.Sqlite) or <c>new PostgreSqlSubsidyLedgerStorage(connectionString, schema)</c>
    /// (MarketRules.Subsidies.PostgreSql). MarketRules.AspNetCore's <c>MapMarketRules</c> then serves the claims endpoints.
    /// Call <c>AddMarketRules</c> too: schemes are found in its law in force.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="storage">Where the ledgers live.</param>
    /// <returns>The services, for chaining.</returns>
    /// <remarks>The ledgers' clock is the registered <see cref="IClock"/> (register a fake one in tests), else the system clock.</remarks>
    public static IServiceCollection AddMarketRulesSubsidyLedgers(this IServiceCollection services, SubsidyLedgerStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return services.AddMarketRulesSubsidyLedgers(_ => storage);
    }

    /// <summary>
    /// Registers the subsidy ledgers as <see cref="AddMarketRulesSubsidyLedgers(IServiceCollection, SubsidyLedgerStorage)"/>
    /// does, with the storage chosen when the registry is first resolved (e.g. from configuration).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="storage">Chooses where the ledgers live.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddMarketRulesSubsidyLedgers(this IServiceCollection services, Func<IServiceProvider, SubsidyLedgerStorage> storage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storage);
        services.TryAddSingleton(sp => new SubsidyLedgerRegistry(
            sp.GetRequiredService<IMarketRulesLaw>(),
            storage(sp),
#pragma warning disable RS0030 // Registration is composition: the real clock enters here unless the host registered its own.
            sp.GetService<IClock>() ?? SystemClock.Instance));
#pragma warning restore RS0030
        return services;
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddSingleton<IMarketRulesLaw, MarketRulesLawProvider>();
        services.TryAddTransient(sp => sp.GetRequiredService<IMarketRulesLaw>().Current);
        services.TryAddTransient(sp => sp.GetRequiredService<IMarketRulesLaw>().Current.Law);
        services.TryAddTransient(sp => sp.GetRequiredService<IMarketRulesLaw>().Current.Engine);
        // Each area's evaluators, built from the law in force (transient: a reloaded pack reaches the next request).
        services.TryAddTransient(sp => Evaluator(sp, law => new CaseStateMachine(law)));
        services.TryAddTransient(sp => Evaluator(sp, law => new ComplaintStateMachine(law)));
        services.TryAddTransient(sp => Evaluator(sp, law => new ReportHandling(law)));
        services.TryAddTransient(sp => Evaluator(sp, law => new ReportRewardCalculator(law)));
        services.TryAddTransient(sp => Evaluator(sp, law => new SpotCheckStateMachine(law)));
        services.TryAddTransient(sp => Evaluator(sp, law => new CriminalReferral(law)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MarketRulesStartupValidation>());
        return services;
    }

    private static T Evaluator<T>(IServiceProvider services, Func<LawContext, T> create) =>
        create(services.GetRequiredService<LawContext>());
}
