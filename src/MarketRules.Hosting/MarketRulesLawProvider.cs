using System.Collections.Immutable;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketRules.Hosting;

// Loads the law from the options when first asked (or at start), and again on every options change and whenever one of
// the files it read changes. A reload that fails keeps the previous law in force and records its errors: a typo in a
// pack edited on a live server must not take the server's law away; the readiness check reports it.
internal sealed partial class MarketRulesLawProvider : IMarketRulesLaw, IDisposable
{
    // An editor or a deployment writes a file in several steps (truncate, write, rename); reading at the first event
    // would usually see half a pack and refuse it. Wait until the file has been quiet this long (the same delay as
    // Microsoft.Extensions.Configuration's file providers, FileConfigurationSource.ReloadDelay).
    internal static readonly TimeSpan FileQuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly IOptionsMonitor<MarketRulesOptions> options;
    private readonly ILogger logger;
    private readonly IDisposable? subscription;
    private readonly Timer fileChanged;

    // One load at a time, in the order the changes came; readers never take it once a law is loaded.
    private readonly Lock loading = new();
    private State? state;
    private FileWatch? watch;
    private bool disposed;

    public MarketRulesLawProvider(IOptionsMonitor<MarketRulesOptions> options, ILoggerFactory? loggers = null)
    {
        this.options = options;
        logger = (ILogger?)loggers?.CreateLogger<MarketRulesLawProvider>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        fileChanged = new Timer(_ => Reload(this.options.CurrentValue, MarketRulesReloadTrigger.File), null, Timeout.Infinite, Timeout.Infinite);
        subscription = options.OnChange((changed, name) =>
        {
            if (string.IsNullOrEmpty(name))
            {
                Reload(changed, MarketRulesReloadTrigger.Configuration);
            }
        });
    }

    public event EventHandler<MarketRulesReloadedEventArgs>? Reloaded;

    public MarketRulesLaw Current
    {
        get
        {
            if (Volatile.Read(ref state) is { } loaded)
            {
                return loaded.Law;
            }
            lock (loading)
            {
                if (state is null)
                {
                    var first = options.CurrentValue;
                    var law = LoadOrThrow(first);
                    Watch(first);
                    Volatile.Write(ref state, new State(law, []));
                }
                return state.Law;
            }
        }
    }

    public ImmutableArray<RuleError> ReloadErrors => Volatile.Read(ref state)?.Errors ?? [];

    public void Dispose()
    {
        lock (loading)
        {
            disposed = true;
            watch?.Dispose();
            watch = null;
        }
        subscription?.Dispose();
        fileChanged.Dispose();
    }

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

    private void Reload(MarketRulesOptions changed, MarketRulesReloadTrigger trigger)
    {
        lock (loading)
        {
            if (disposed)
            {
                return;
            }
            var loaded = MarketRulesLaw.Load(changed);
            // Watch the files now named whatever the outcome: saving the corrected file must reload.
            Watch(changed);
            MarketRulesReloadedEventArgs reloaded;
            if (loaded.IsSuccess)
            {
                // One write replaces law, engine and packs together; a request that read the previous law finishes with it.
                Volatile.Write(ref state, new State(loaded.Value, []));
                reloaded = new MarketRulesReloadedEventArgs(trigger, applied: true, loaded.Value, []);
                Log.Reloaded(logger, trigger, loaded.Value.PolicyPacks.Length, MarketRules.Subsidies.SubsidySchemes.All(loaded.Value.Law).Length, loaded.Value.Law.Calendar.LastYear);
            }
            else if (state is { } previous)
            {
                Volatile.Write(ref state, previous with { Errors = loaded.Errors });
                reloaded = new MarketRulesReloadedEventArgs(trigger, applied: false, previous.Law, loaded.Errors);
                Log.ReloadRefused(logger, trigger, loaded.Errors.Length, string.Join(Environment.NewLine, loaded.Errors.Select(Describe)));
            }
            else
            {
                // Nothing loaded yet (the host has not started): the first read of Current loads and reports it.
                return;
            }
            MarketRulesHostingTelemetry.RecordReload(reloaded);
            // Raised under the lock so that handlers see reloads in the order they were applied.
            Reloaded?.Invoke(this, reloaded);
        }
    }

    // Called under the lock. The same set of files keeps its watches (they re-arm themselves after each change), so a
    // reload never leaves a moment in which an edit goes unseen; a different set gets its watches before the old ones go.
    private void Watch(MarketRulesOptions watched)
    {
        var files = FileWatch.FilesOf([.. watched.PolicyPacks, .. watched.SubsidySchemes, .. watched.CalendarYears]);
        if (watch is not null && watch.Files.SetEquals(files))
        {
            return;
        }
        var previous = watch;
        watch = new FileWatch(files, () => fileChanged.Change(FileQuietPeriod, Timeout.InfiniteTimeSpan));
        previous?.Dispose();
    }

    private sealed record State(MarketRulesLaw Law, ImmutableArray<RuleError> Errors);

    // PhysicalFileProvider rather than a FileSystemWatcher of our own: it matches a file across the rename an editor
    // saves with, and falls back to polling where change notifications do not reach (DOTNET_USE_POLLING_FILE_WATCHER=1,
    // e.g. a mounted volume in a container). Its change tokens fire once; ChangeToken.OnChange takes a new one each time.
    private sealed class FileWatch : IDisposable
    {
        private readonly List<IDisposable> resources = [];

        public FileWatch(IReadOnlySet<string> files, Action changed)
        {
            Files = files;
            foreach (var directory in files.GroupBy(Path.GetDirectoryName))
            {
                if (directory.Key is null || !Directory.Exists(directory.Key))
                {
                    continue; // Already refused as MR.Hosting.FileUnreadable; the configuration must change to fix it.
                }
                var provider = new PhysicalFileProvider(directory.Key, ExclusionFilters.None);
                resources.Add(provider);
                foreach (var file in directory)
                {
                    var name = Path.GetFileName(file);
                    resources.Add(Microsoft.Extensions.Primitives.ChangeToken.OnChange(() => provider.Watch(name), changed));
                }
            }
        }

        /// <summary>The full paths watched.</summary>
        public IReadOnlySet<string> Files { get; }

        public static HashSet<string> FilesOf(IEnumerable<string> files) =>
            files.Select(FullPath).OfType<string>().ToHashSet(StringComparer.Ordinal);

        public void Dispose()
        {
            foreach (var resource in resources)
            {
                resource.Dispose();
            }
        }

        private static string? FullPath(string file)
        {
            try
            {
                return Path.GetFullPath(file);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "MarketRules law reloaded after a {Trigger} change: {PackCount} policy packs, {SchemeCount} subsidy schemes, statutory calendar to the end of {CalendarLastYear}")]
        public static partial void Reloaded(ILogger logger, MarketRulesReloadTrigger trigger, int packCount, int schemeCount, int calendarLastYear);

        [LoggerMessage(2, LogLevel.Error, "MarketRules reload after a {Trigger} change refused ({ErrorCount} errors); the previous law stays in force:\n{Errors}")]
        public static partial void ReloadRefused(ILogger logger, MarketRulesReloadTrigger trigger, int errorCount, string errors);
    }
}
