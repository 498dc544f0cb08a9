using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MarketRules.Engine;

namespace MarketRules.Tests.Engine;

// Reads the engine's meter and activity source the way an operator's collector does. Other tests evaluate in
// parallel, so metrics are counted for this test's own rule and outcome, and activities by this test's parent.
public class RuleEngineTelemetryTests
{
    private const string Good = """{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "2024-09-27", "length": 15, "unit": "working-days" } }""";

    [Fact]
    public void Evaluate_WithAMeterListener_CountsDecisionsByRuleAndOutcomeErrorsByCodeAndRecordsDuration()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuleEngineTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();

        Assert.Contains("\"ok\":true", RuleEngine.Default.Evaluate(Good), StringComparison.Ordinal);
        Assert.Contains("MR.Engine.UnknownRule", RuleEngine.Default.Evaluate("""{ "rule": "telemetry.no-such-rule/1", "asOf": "2024-09-27", "input": {} }"""), StringComparison.Ordinal);
        listener.Dispose();

        Assert.Contains(measurements, m => m.Instrument == RuleEngineTelemetry.DecisionsInstrument && m.Value == 1
            && Equals(m.Tags[RuleEngineTelemetry.RuleTag], "calendar.deadline/1") && Equals(m.Tags[RuleEngineTelemetry.OutcomeTag], "ok"));
        Assert.Contains(measurements, m => m.Instrument == RuleEngineTelemetry.DecisionsInstrument
            && Equals(m.Tags[RuleEngineTelemetry.RuleTag], "unknown") && Equals(m.Tags[RuleEngineTelemetry.OutcomeTag], "error"));
        Assert.Contains(measurements, m => m.Instrument == RuleEngineTelemetry.ErrorsInstrument
            && Equals(m.Tags[RuleEngineTelemetry.ErrorCodeTag], "MR.Engine.UnknownRule"));
        Assert.Contains(measurements, m => m.Instrument == RuleEngineTelemetry.DurationInstrument && m.Value > 0
            && Equals(m.Tags[RuleEngineTelemetry.RuleTag], "calendar.deadline/1"));
        // The rule a caller names but the engine does not know never becomes a tag value.
        Assert.DoesNotContain(measurements, m => m.Tags.ContainsValue("telemetry.no-such-rule/1"));
    }

    [Fact]
    public void Evaluate_WithAnActivityListener_StartsOneActivityPerEvaluationTaggedWithRuleAndOutcome()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RuleEngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("telemetry-test").Start();

        RuleEngine.Default.Evaluate(Good);
        RuleEngine.Default.EvaluateBatch($$"""[ {{Good}}, { "rule": "nope/1", "asOf": "2024-09-27", "input": {} } ]""");
        parent.Stop();

        var mine = stopped.Where(a => a.ParentSpanId == parent.SpanId).ToList();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, a => Assert.Equal(RuleEngineTelemetry.EvaluateActivity, a.OperationName));
        Assert.Equal(2, mine.Count(a => Equals(a.GetTagItem(RuleEngineTelemetry.OutcomeTag), "ok") && a.Status == ActivityStatusCode.Unset));
        var failed = Assert.Single(mine, a => a.Status == ActivityStatusCode.Error);
        Assert.Equal("MR.Engine.UnknownRule", failed.GetTagItem(RuleEngineTelemetry.ErrorCodeTag));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }
        return map;
    }
}
