using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MarketRules.Hosting;
using MarketRules.Parameters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MarketRules.IntegrationTests;

// Reload without a restart, end to end: a real appsettings.json read with reloadOnChange, real pack files in a temp
// directory edited on disk, the provider's own change event awaited (with a timeout, never a sleep).
public sealed class HostingReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ParameterDefinition TierRatioA = NationalCatalog.Catalog.Find("sampling.tier-ratio.a")!;
    private static readonly LocalDate AsOf = new(2024, 6, 1);
    private static readonly Jurisdiction Hangzhou = Jurisdiction.Parse("330105").Value;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("marketrules-reload-");

    [Fact]
    public async Task Reload_ConfigurationAndPackFileEdits_ReplaceTheLawAtomically_AndAnInvalidSetIsRefusedWhole()
    {
        var settings = Path.Combine(work.FullName, "appsettings.json");
        var zhejiang = Path.Combine(work.FullName, "zhejiang.json");
        var zhejiang2 = Path.Combine(work.FullName, "zhejiang-2.json");
        var other = Path.Combine(work.FullName, "other.json");
        File.WriteAllText(settings, """{ "MarketRules": { } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(work.FullName).AddJsonFile("appsettings.json", optional: false, reloadOnChange: true).Build();
        var logs = new LogSink();
        using var reloads = new ReloadMeasurements();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddMarketRules(configuration.GetSection("MarketRules"))
            .BuildServiceProvider();
        var law = services.GetRequiredService<IMarketRulesLaw>();
        Assert.Same(MarketRulesLaw.National, law.Current);

        // 1. The configuration names a pack: applied.
        File.WriteAllText(zhejiang, Pack("zhejiang", "330000", 0.03m));
        var applied = await NextReload(law, r => r.Applied && RatioA(r.Law) == 0.03m, () => File.WriteAllText(settings, Settings(zhejiang)));
        Assert.Equal(MarketRulesReloadTrigger.Configuration, applied.Trigger);
        // One save of appsettings.json may raise the configuration's reload more than once: a later reload of the same
        // settings builds an equal law, so the assertions below compare what the law says, not which instance it is.
        Assert.Equal(["zhejiang"], law.Current.PolicyPacks.Select(p => p.Id));
        Assert.Equal(0.03m, RatioA(law.Current));
        var before = law.Current;

        // 2. The pack file itself is edited (the configuration does not change): read again, applied. The law taken
        // before the edit (a request in flight) still answers with the old value; law, engine and packs change together.
        applied = await NextReload(law, r => r.Applied && r.Trigger == MarketRulesReloadTrigger.File, () => File.WriteAllText(zhejiang, Pack("zhejiang", "330000", 0.05m)));
        Assert.Equal(MarketRulesReloadTrigger.File, applied.Trigger);
        Assert.Equal(0.05m, RatioA(law.Current));
        Assert.Equal(0.03m, RatioA(before));
        var current = law.Current;
        Assert.Same(current.Law.Policy, current.Engine.Policy);
        Assert.Equal(0.05m, RatioA(services.GetRequiredService<IMarketRulesLaw>().Current));
        Assert.Equal(0.05m, services.GetRequiredService<LawContext>().Policy.Resolve(TierRatioA, AsOf, Hangzhou).Value);

        // 3. A set with one valid new pack and one invalid file: refused as a whole, every coded error logged, the
        // previous law (0.05) stays in force — the valid pack's 0.09 is not half-applied.
        File.WriteAllText(zhejiang2, Pack("zhejiang-2", "330000", 0.09m));
        File.WriteAllText(other, Pack("other", "410000", 0.01m).Replace("\"unit\"", "\"units\"", StringComparison.Ordinal));
        var refused = await NextReload(law, r => !r.Applied, () => File.WriteAllText(settings, Settings(zhejiang2, other)));
        Assert.Equal(MarketRulesReloadTrigger.Configuration, refused.Trigger);
        Assert.Equal(["zhejiang"], refused.Law.PolicyPacks.Select(p => p.Id));
        Assert.Equal(["zhejiang"], law.Current.PolicyPacks.Select(p => p.Id));
        Assert.Equal(0.05m, RatioA(law.Current));
        Assert.Equal(refused.Errors.Select(e => (e.Code, e.Path)), law.ReloadErrors.Select(e => (e.Code, e.Path)));
        Assert.Equal("MR.Hosting.InvalidFile", refused.Errors[0].Code);
        Assert.True(refused.Errors.Length >= 2, string.Join("; ", refused.Errors.Select(e => e.Code)));
        var logged = logs.Entries.First(e => e.Level == LogLevel.Error);
        Assert.All(refused.Errors, error => Assert.Contains($"{error.Code} at {error.Path}", logged.Message, StringComparison.Ordinal));

        // 4. Correcting the bad file (named only by the refused configuration) reloads by itself: now both apply.
        applied = await NextReload(law, r => r.Applied && r.Trigger == MarketRulesReloadTrigger.File, () => File.WriteAllText(other, Pack("other", "410000", 0.01m)));
        Assert.Equal(MarketRulesReloadTrigger.File, applied.Trigger);
        Assert.Empty(law.ReloadErrors);
        Assert.Equal(0.09m, RatioA(law.Current));
        Assert.Equal(["zhejiang-2", "other"], law.Current.PolicyPacks.Select(p => p.Id));

        // The counter says which happened, and why.
        Assert.Contains(("applied", "configuration"), reloads.Seen);
        Assert.Contains(("applied", "file"), reloads.Seen);
        Assert.Contains(("refused", "configuration"), reloads.Seen);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("reloaded after a File change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_ASchemeFileEditedOnDisk_ReachesTheEngine()
    {
        var scheme = Path.Combine(work.FullName, "local.json");
        string Gongshu(string id)
        {
            using var stream = typeof(MarketRules.Subsidies.SubsidySchemes).Assembly.GetManifestResourceStream("MarketRules.Data.Subsidies/gongshu-2022.json")!;
            return new StreamReader(stream).ReadToEnd().Replace("\"gongshu-2022-ebike-tradein\"", $"\"{id}\"", StringComparison.Ordinal);
        }
        File.WriteAllText(scheme, Gongshu("local-a"));
        await using var services = new ServiceCollection().AddMarketRules(options => options.SubsidySchemes.Add(scheme)).BuildServiceProvider();
        var law = services.GetRequiredService<IMarketRulesLaw>();
        Assert.True(MarketRules.Subsidies.SubsidySchemes.Resolve(law.Current.Law, "local-a").IsSuccess);

        var applied = await NextReload(law, r => r.Applied && r.Trigger == MarketRulesReloadTrigger.File, () => File.WriteAllText(scheme, Gongshu("local-b")));
        Assert.Equal(MarketRulesReloadTrigger.File, applied.Trigger);
        Assert.True(MarketRules.Subsidies.SubsidySchemes.Resolve(law.Current.Law, "local-b").IsSuccess);
        Assert.False(MarketRules.Subsidies.SubsidySchemes.Resolve(law.Current.Law, "local-a").IsSuccess);
    }

    public void Dispose() => work.Delete(recursive: true);

    private static decimal RatioA(MarketRulesLaw law) => law.Law.Policy.Resolve(TierRatioA, AsOf, Hangzhou).Value;

    // Subscribes before acting, so the reload cannot be missed; waits for the first reload that matches.
    private static async Task<MarketRulesReloadedEventArgs> NextReload(IMarketRulesLaw law, Func<MarketRulesReloadedEventArgs, bool> matches, Action act)
    {
        var seen = new TaskCompletionSource<MarketRulesReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, MarketRulesReloadedEventArgs e)
        {
            if (matches(e))
            {
                seen.TrySetResult(e);
            }
        }
        law.Reloaded += Handler;
        try
        {
            act();
            return await seen.Task.WaitAsync(Patience);
        }
        finally
        {
            law.Reloaded -= Handler;
        }
    }

    private static string Settings(params string[] packs) =>
        $$"""{ "MarketRules": { "PolicyPacks": [ {{string.Join(", ", packs.Select(p => System.Text.Json.JsonSerializer.Serialize(p)))}} ] } }""";

    private static string Pack(string id, string jurisdiction, decimal ratio) => $$"""
        { "id": "{{id}}", "jurisdiction": "{{jurisdiction}}",
          "title": { "zh": "抽查比例", "en": "Inspection ratios" },
          "citation": { "document": { "zh": "……通知", "en": "Notice on …" }, "status": "verified-secondary" },
          "parameters": { "sampling.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2024-01-01", "value": {{ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } ] } } }
        """;

    // A real logging sink (what a console or OpenTelemetry provider would receive), kept for the asserts.
    private sealed class LogSink : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }

    // What an OpenTelemetry collector subscribed to "MarketRules.Hosting" receives (other tests may reload too:
    // asserts look for the measurements this test caused, not for a total).
    private sealed class ReloadMeasurements : IDisposable
    {
        private readonly MeterListener listener = new();

        public ReloadMeasurements()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MarketRulesHostingTelemetry.Name && instrument.Name == MarketRulesHostingTelemetry.ReloadsInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                string? outcome = null, trigger = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == MarketRulesHostingTelemetry.OutcomeTag) outcome = tag.Value as string;
                    if (tag.Key == MarketRulesHostingTelemetry.TriggerTag) trigger = tag.Value as string;
                }
                Seen.Add((outcome, trigger));
            });
            listener.Start();
        }

        public ConcurrentBag<(string? Outcome, string? Trigger)> Seen { get; } = [];

        public void Dispose() => listener.Dispose();
    }
}
