using System.Text;
using System.Text.Json;
using MarketRules.Engine;

namespace MarketRules.Tests.Engine;

public partial class RuleEngineTests
{
    [Fact]
    public void EvaluateBatch_MixedRequests_AnswersEachInOrder()
    {
        var json = Engine.EvaluateBatch($$"""[ {{Good}}, { "rule": "nope/1" }, 42, {{Good.Replace("2024-09-27\", \"length\": 15", "2024-09-24\", \"length\": 10", StringComparison.Ordinal).Replace("working-days", "days", StringComparison.Ordinal)}} ]""");
        using var decisions = JsonDocument.Parse(json);
        var list = decisions.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, list.Count);
        Assert.True(list[0].GetProperty("ok").GetBoolean());
        Assert.Equal("MR.Engine.UnknownRule", list[1].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("MR.Engine.WrongType", list[2].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("2024-10-08", list[3].GetProperty("result").GetProperty("lastDay").GetString());
    }

    [Theory]
    [InlineData("[ {} ", "MR.Engine.InvalidJson")]
    [InlineData("{ \"rule\": \"calendar.deadline/1\" }", "MR.Engine.WrongType")]
    [InlineData("", "MR.Engine.InvalidJson")]
    public void EvaluateBatch_NotAnArray_AnswersOneError(string body, string code)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.False(Engine.EvaluateBatch(Encoding.UTF8.GetBytes(body), writer));
        }
        Assert.Contains(code, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void EvaluateBatch_EmptyArray_AnswersEmptyArray() => Assert.Equal("[]", Engine.EvaluateBatch("[]"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task EvaluateLinesAsync_MixedLinesInAnyChunking_AnswersOneLineEachInOrder(int chunk)
    {
        var lines = string.Join("\n", Good, "", "{broken", "  ", """{ "rule": "nope/1", "asOf": "2024-01-01", "input": {} }""", Good + "\r") + "\n" + Good;
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(lines), chunk);
        using var output = new MemoryStream();
        var answered = await Engine.EvaluateLinesAsync(input, output, CancellationToken.None);
        var answers = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, answered);
        Assert.Equal(5, answers.Length);
        Assert.Contains("\"ok\":true", answers[0]);
        Assert.Contains("MR.Engine.InvalidJson", answers[1]);
        Assert.Contains("MR.Engine.UnknownRule", answers[2]);
        Assert.Contains("\"ok\":true", answers[3]);
        Assert.Contains("\"ok\":true", answers[4]);
    }

    [Fact]
    public async Task EvaluateLinesAsync_OversizedLine_AnswersTooLargeAndGoesOn()
    {
        var engine = new RuleEngine(NationalCatalog.Policy, Calendar.PeriodCalculator.China, BuiltInRules.All, new RuleEngineOptions { MaxRequestBytes = 1024 });
        var lines = Good + "\n" + "{\"pad\":\"" + new string('x', 100_000) + "\"}\n" + Good + "\n";
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(lines), 512);
        using var output = new MemoryStream();
        await engine.EvaluateLinesAsync(input, output, CancellationToken.None);
        var answers = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, answers.Length);
        Assert.Contains("MR.Engine.RequestTooLarge", answers[1]);
        Assert.Contains("\"ok\":true", answers[2]);
    }

    // Hands out its bytes a few at a time, so that requests straddle the reader's buffers.
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
