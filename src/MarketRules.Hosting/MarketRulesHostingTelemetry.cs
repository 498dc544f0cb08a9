using System.Diagnostics.Metrics;

namespace MarketRules.Hosting;

/// <summary>
/// What the hosting package reports for OpenTelemetry or <c>dotnet-counters</c>: one <see cref="Meter"/> named
/// <see cref="Name"/> (<c>MarketRules.Hosting</c>) with the counter <see cref="ReloadsInstrument"/>.
/// </summary>
public static class MarketRulesHostingTelemetry
{
    /// <summary>The name of the meter: <c>MarketRules.Hosting</c>.</summary>
    public const string Name = "MarketRules.Hosting";

    /// <summary>The counter of reloads of the law, tagged <see cref="OutcomeTag"/> and <see cref="TriggerTag"/>: <c>marketrules.law.reloads</c>.</summary>
    public const string ReloadsInstrument = "marketrules.law.reloads";

    /// <summary>The tag naming a reload's outcome: <c>applied</c> or <c>refused</c>.</summary>
    public const string OutcomeTag = "marketrules.reload.outcome";

    /// <summary>The tag naming what set a reload off: <c>configuration</c> or <c>file</c>.</summary>
    public const string TriggerTag = "marketrules.reload.trigger";

    private static readonly Meter Meter = new(Name, typeof(MarketRulesHostingTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0");

    private static readonly Counter<long> Reloads = Meter.CreateCounter<long>(ReloadsInstrument, "{reload}", "Reloads of the law after a configuration or file change, by outcome.");

    internal static void RecordReload(MarketRulesReloadedEventArgs reload) =>
        Reloads.Add(
            1,
            new KeyValuePair<string, object?>(OutcomeTag, reload.Applied ? "applied" : "refused"),
            new KeyValuePair<string, object?>(TriggerTag, reload.Trigger == MarketRulesReloadTrigger.File ? "file" : "configuration"));
}
