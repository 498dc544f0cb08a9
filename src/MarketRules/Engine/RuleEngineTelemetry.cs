using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MarketRules.Engine;

/// <summary>
/// The names under which the rule engine reports what it does, for OpenTelemetry or <c>dotnet-counters</c>: one
/// <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <see cref="Name"/> (<c>MarketRules.Engine</c>).
/// </summary>
/// <remarks>
/// <para>Instruments: <see cref="DecisionsInstrument"/> (a counter of decisions, tagged <c>marketrules.rule</c> and
/// <c>marketrules.outcome</c> = <c>ok</c> | <c>error</c>), <see cref="ErrorsInstrument"/> (a counter of coded errors, tagged
/// <c>marketrules.rule</c> and <c>marketrules.error.code</c>) and <see cref="DurationInstrument"/> (a histogram of
/// evaluation time in seconds, tagged <c>marketrules.rule</c> and <c>marketrules.outcome</c>). A rule the engine does not
/// know is tagged <c>unknown</c>, so a caller cannot grow the tag set. Activities are named <see cref="EvaluateActivity"/>.</para>
/// <para>When nobody listens the engine takes no timestamp and allocates nothing for telemetry: every instrument and the
/// source are checked (<see cref="Instrument.Enabled"/>, <see cref="ActivitySource.HasListeners"/>) before use.</para>
/// </remarks>
public static class RuleEngineTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>MarketRules.Engine</c>.</summary>
    public const string Name = "MarketRules.Engine";

    /// <summary>The counter of decisions: <c>marketrules.engine.decisions</c>.</summary>
    public const string DecisionsInstrument = "marketrules.engine.decisions";

    /// <summary>The counter of coded errors: <c>marketrules.engine.errors</c>.</summary>
    public const string ErrorsInstrument = "marketrules.engine.errors";

    /// <summary>The histogram of evaluation time, in seconds: <c>marketrules.engine.evaluation.duration</c>.</summary>
    public const string DurationInstrument = "marketrules.engine.evaluation.duration";

    /// <summary>The activity around one evaluation: <c>marketrules.evaluate</c>.</summary>
    public const string EvaluateActivity = "marketrules.evaluate";

    /// <summary>The tag naming the rule (its id, or <c>unknown</c>).</summary>
    public const string RuleTag = "marketrules.rule";

    /// <summary>The tag naming the outcome: <c>ok</c> or <c>error</c>.</summary>
    public const string OutcomeTag = "marketrules.outcome";

    /// <summary>The tag naming an error's code, e.g. <c>MR.Engine.UnknownRule</c>.</summary>
    public const string ErrorCodeTag = "marketrules.error.code";

    private static readonly string Version = typeof(RuleEngineTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>(DecisionsInstrument, "{decision}", "Decisions answered by the rule engine, by rule and outcome.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(ErrorsInstrument, "{error}", "Coded errors answered by the rule engine, by rule and code.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationInstrument, "s", "Time the rule engine took to read a request, evaluate it and write its decision.");

    /// <summary>Whether anyone listens: only then is a timestamp taken.</summary>
    internal static bool Enabled => Decisions.Enabled || Errors.Enabled || Duration.Enabled || Source.HasListeners();

    /// <summary>Starts the activity around one evaluation, when a listener wants it.</summary>
    internal static Activity? StartEvaluate(string? addressedRule)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity(EvaluateActivity, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true } && addressedRule is not null)
        {
            activity.SetTag(RuleTag, addressedRule);
        }
        return activity;
    }

    /// <summary>Records one decision.</summary>
    internal static void Record(Activity? activity, long started, IRuleDefinition? rule, bool ok, ImmutableArray<RuleError> errors)
    {
        var ruleTag = new KeyValuePair<string, object?>(RuleTag, rule?.Id ?? "unknown");
        var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, ok ? "ok" : "error");
        if (Decisions.Enabled)
        {
            Decisions.Add(1, ruleTag, outcomeTag);
        }
        if (!ok && Errors.Enabled && !errors.IsDefault)
        {
            foreach (var error in errors)
            {
                Errors.Add(1, ruleTag, new KeyValuePair<string, object?>(ErrorCodeTag, error.Code));
            }
        }
        if (Duration.Enabled && started != 0)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, ruleTag, outcomeTag);
        }
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(RuleTag, ruleTag.Value);
                activity.SetTag(OutcomeTag, outcomeTag.Value);
                if (!ok && !errors.IsDefaultOrEmpty)
                {
                    activity.SetTag(ErrorCodeTag, errors[0].Code);
                }
            }
            if (!ok)
            {
                activity.SetStatus(ActivityStatusCode.Error, errors.IsDefaultOrEmpty ? null : errors[0].Code);
            }
            activity.Dispose();
        }
    }
}
