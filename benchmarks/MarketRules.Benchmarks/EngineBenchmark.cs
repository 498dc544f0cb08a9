using System.Buffers;
using System.Text;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Engine.Rules.Calendar;

namespace MarketRules.Benchmarks;

/// <summary>
/// The JSON door's overhead: one calendar.deadline/1 decision through the typed API (baseline) against the same
/// decision as JSON in → JSON out, single and in batches of 100 (array and NDJSON). Per-operation numbers.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmark
{
    private const int BatchSize = 100;

    private RuleEngine engine = null!;
    private DeadlineRule rule = null!;
    private DeadlineInput[] inputs = null!;
    private string request = null!;
    private byte[] requestUtf8 = null!;
    private string batch = null!;
    private byte[] ndjson = null!;
    private ArrayBufferWriter<byte> buffer = null!;
    private readonly LocalDate asOf = new(2024, 9, 27);

    [GlobalSetup]
    public void Setup()
    {
        engine = RuleEngine.Default;
        rule = new DeadlineRule();
        inputs = [.. Enumerable.Range(0, BatchSize).Select(i => new DeadlineInput { Trigger = new LocalDate(2024, 9, 1).PlusDays(i), Length = 15, Unit = PeriodUnit.WorkingDays })];
        static string Request(int i) => $$"""{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { "trigger": "{{new LocalDate(2024, 9, 1).PlusDays(i):uuuu-MM-dd}}", "length": 15, "unit": "working-days" } }""";
        request = Request(26);
        requestUtf8 = Encoding.UTF8.GetBytes(request);
        batch = "[" + string.Join(",", Enumerable.Range(0, BatchSize).Select(Request)) + "]";
        ndjson = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, BatchSize).Select(Request)) + "\n");
        buffer = new ArrayBufferWriter<byte>(64 * 1024);
    }

    [Benchmark(Baseline = true)]
    public LocalDate Evaluate_Typed() => engine.Evaluate(rule, inputs[26], asOf, Jurisdiction.National).Value!.Result.LastDay;

    [Benchmark]
    public string Evaluate_JsonString() => engine.Evaluate(request);

    [Benchmark]
    public int Evaluate_JsonUtf8()
    {
        buffer.ResetWrittenCount();
        // Encoded as the CLI and the HTTP host encode their answers.
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarketRules.Json.MarketRulesJson.Encoder });
        engine.Evaluate(requestUtf8, writer);
        writer.Flush();
        return buffer.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int EvaluateBatch_Typed()
    {
        var days = 0;
        foreach (var input in inputs)
        {
            days += engine.Evaluate(rule, input, asOf, Jurisdiction.National).Value!.Result.LastDay.Day;
        }
        return days;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public string EvaluateBatch_JsonArray() => engine.EvaluateBatch(batch);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long EvaluateLines_Ndjson()
    {
        using var input = new MemoryStream(ndjson, writable: false);
        using var output = new MemoryStream(64 * 1024);
        return engine.EvaluateLinesAsync(input, output, CancellationToken.None).GetAwaiter().GetResult();
    }
}
