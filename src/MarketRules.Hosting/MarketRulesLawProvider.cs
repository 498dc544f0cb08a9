using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketRules.Hosting;

// Loads the law from the options when first asked (or at start), and again on every options change. A reload that
// fails keeps the previous law in force and records its errors: a typo in a pack edited on a live server must not take
// the server's law away; the readiness check reports it.
internal sealed partial class MarketRulesLawProvider : IMarketRulesLaw, IDisposable
{
    private readonly IOptionsMonitor<MarketRulesOptions> options;
    private readonly ILogger logger;
    private readonly IDisposable? subscription;
    private readonly Lock gate = new();
    private MarketRulesLaw? current;
    private ImmutableArray<RuleError> reloadErrors = [];

    public MarketRulesLawProvider(IOptionsMonitor<MarketRulesOptions> options, ILoggerFactory? loggers = null)
    {
        this.options = options;
        logger = (ILogger?)loggers?.CreateLogger<MarketRulesLawProvider>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        subscription = options.OnChange((changed, name) =>
        {
            if (string.IsNullOrEmpty(name))
            {
                Reload(changed);
            }
        });
    }

    public MarketRulesLaw Current
    {
        get
        {
            if (Volatile.Read(ref current) is { } law)
            {
                return law;
            }
            lock (gate)
            {
                return current ??= LoadOrThrow(options.CurrentValue);
            }
        }
    }

    public ImmutableArray<RuleError> ReloadErrors
    {
        get
        {
            lock (gate)
            {
                return reloadErrors;
            }
        }
    }

    public void Dispose() => subscription?.Dispose();

    internal static MarketRulesLaw LoadOrThrow(MarketRulesOptions options)
    {
        var loaded = MarketRulesLaw.Load(options);
        if (!loaded.IsSuccess)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(MarketRulesOptions), loaded.Errors.Select(Describe));
        }
        return loaded.Value;
    }

    internal static string Describe(RuleError error) =>
        $"{error.Code} at {error.Path ?? "$"}: {error.Message.English} / {error.Message.Chinese}";

    private void Reload(MarketRulesOptions changed)
    {
        var loaded = MarketRulesLaw.Load(changed);
        lock (gate)
        {
            if (loaded.IsSuccess)
            {
                Volatile.Write(ref current, loaded.Value);
                reloadErrors = [];
                Log.Reloaded(logger, loaded.Value.PolicyPacks.Length, MarketRules.Subsidies.SubsidySchemes.All(loaded.Value.Law).Length);
            }
            else
            {
                reloadErrors = loaded.Errors;
                Log.ReloadFailed(logger, loaded.Errors.Length, string.Join(Environment.NewLine, loaded.Errors.Select(Describe)));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "MarketRules law reloaded: {PackCount} policy packs, {SchemeCount} subsidy schemes")]
        public static partial void Reloaded(ILogger logger, int packCount, int schemeCount);

        [LoggerMessage(2, LogLevel.Error, "MarketRules configuration reload refused ({ErrorCount} errors); the previous law stays in force:\n{Errors}")]
        public static partial void ReloadFailed(ILogger logger, int errorCount, string errors);
    }
}
