using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using MarketRules.Engine;

namespace MarketRules.Tests.Engine;

public partial class RuleEngineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(65536)]
    public async Task EvaluateBatchAsync_InAnyChunking_AnswersExactlyAsTheBufferedBatch(int chunk)
    {
        var body = $$"""[ {{Good}}, { "rule": "nope/1" }, 42, "text", [1, [2]], {{Good}} ]""";
        var (answered, streamed) = await StreamBatchAsync(Engine, body, chunk);
        Assert.Equal(6, answered);
        Assert.Equal(Engine.EvaluateBatch(body), streamed);
    }

    [Theory]
    [InlineData("[ ", 0, "MR.Engine.InvalidJson")]
    [InlineData("[ GOOD, {\"rule\": ", 1, "MR.Engine.InvalidJson")]
    [InlineData("[ GOOD, }", 1, "MR.Engine.InvalidJson")]
    public async Task EvaluateBatchAsync_BrokenArray_EndsTheArrayWithOneCodedError(string body, int good, string code)
    {
        var (answered, streamed) = await StreamBatchAsync(Engine, body.Replace("GOOD", Good, StringComparison.Ordinal), 5);
        using var decisions = JsonDocument.Parse(streamed);
        var list = decisions.RootElement.EnumerateArray().ToList();
        Assert.Equal(good, answered);
        Assert.Equal(good + 1, list.Count);
        Assert.All(list.Take(good), d => Assert.True(d.GetProperty("ok").GetBoolean()));
        Assert.Equal(code, list[^1].GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{ \"rule\": \"calendar.deadline/1\" }", "MR.Engine.WrongType")]
    [InlineData("   ", "MR.Engine.InvalidJson")]
    public async Task EvaluateBatchAsync_NotAnArray_AnswersOneErrorObject(string body, string code)
    {
        var (answered, streamed) = await StreamBatchAsync(Engine, body, 3);
        using var decision = JsonDocument.Parse(streamed);
        Assert.Equal(0, answered);
        Assert.Equal(JsonValueKind.Object, decision.RootElement.ValueKind);
        Assert.Equal(code, decision.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task EvaluateBatchAsync_ElementLargerThanTheLimit_EndsWithTooLarge()
    {
        var engine = new RuleEngine(NationalCatalog.Policy, Calendar.PeriodCalculator.China, BuiltInRules.All, new RuleEngineOptions { MaxRequestBytes = 1024 });
        var body = "[" + Good + ", {\"pad\":\"" + new string('x', 100_000) + "\"}, " + Good + "]";
        var (answered, streamed) = await StreamBatchAsync(engine, body, 512);
        using var decisions = JsonDocument.Parse(streamed);
        var list = decisions.RootElement.EnumerateArray().ToList();
        Assert.Equal(1, answered);
        Assert.Equal(2, list.Count);
        Assert.Equal("MR.Engine.RequestTooLarge", list[1].GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static async Task<(long Answered, string Json)> StreamBatchAsync(RuleEngine engine, string body, int chunk)
    {
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(body), chunk);
        using var output = new MemoryStream();
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: Math.Max(chunk, 1), minimumReadSize: 1));
        var writer = PipeWriter.Create(output);
        var answered = await engine.EvaluateBatchAsync(reader, writer, CancellationToken.None);
        await writer.CompleteAsync();
        await reader.CompleteAsync();
        return (answered, Encoding.UTF8.GetString(output.ToArray()));
    }
}
