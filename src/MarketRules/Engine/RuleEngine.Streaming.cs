using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using MarketRules.Utility;

namespace MarketRules.Engine;

// A JSON array of requests answered element by element as it arrives, so that memory stays bounded whatever the
// batch's size: at most one request (RuleEngineOptions.MaxRequestBytes) and what the pipes buffer are held.
public sealed partial class RuleEngine
{
    /// <summary>
    /// Evaluates a UTF-8 JSON array of requests read from a pipe and writes the array of decisions, in order, flushing
    /// as it goes: memory stays bounded (one request of at most <see cref="RuleEngineOptions.MaxRequestBytes"/>) whatever
    /// the batch's size. The pipes are not completed.
    /// </summary>
    /// <param name="input">The requests: a JSON array.</param>
    /// <param name="output">The decisions: a JSON array, or one error decision (an object) when the input does not start a JSON array.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <returns>The number of decisions written in the array (the error decision of input that is not an array counts none).</returns>
    /// <remarks>
    /// Unlike <see cref="EvaluateBatch(ReadOnlySpan{byte}, Utf8JsonWriter)"/>, which checks the whole document first,
    /// decisions already written cannot be taken back: when the array turns out malformed, truncated, or one element
    /// exceeds <see cref="RuleEngineOptions.MaxRequestBytes"/>, one more decision carrying that coded error
    /// (<c>MR.Engine.InvalidJson</c>, <c>MR.Engine.RequestTooLarge</c>) ends the array and the rest is not read.
    /// </remarks>
    public async Task<long> EvaluateBatchAsync(PipeReader input, PipeWriter output, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(output);
        var scan = new BatchScan { State = new JsonReaderState(readerOptions) };
        using var writer = new Utf8JsonWriter((IBufferWriter<byte>)output, lineWriterOptions);
        while (scan.Phase != BatchPhase.Done)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var consumed = ScanBatch(read.Buffer, read.IsCompleted, ref scan, writer);
            input.AdvanceTo(consumed, read.Buffer.End);
            writer.Flush();
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (read.IsCompleted && scan.Phase != BatchPhase.Done)
            {
                // Cannot happen: a final block either completes the array or ends it with an error.
                break;
            }
        }
        return scan.Answered;
    }

    private enum BatchPhase
    {
        BeforeArray,
        InArray,
        Done,
    }

    private struct BatchScan
    {
        public JsonReaderState State;
        public BatchPhase Phase;
        public long Answered;
    }

    private SequencePosition ScanBatch(ReadOnlySequence<byte> buffer, bool final, ref BatchScan scan, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(buffer, final, scan.State);
        var consumed = buffer.Start;
        try
        {
            if (scan.Phase == BatchPhase.BeforeArray)
            {
                if (!reader.Read())
                {
                    if (final)
                    {
                        WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(EngineErrors.InvalidJsonAt("$", new LocalizedText("请求为空", "empty request"))));
                        scan.Phase = BatchPhase.Done;
                        return buffer.End;
                    }
                    return consumed;
                }
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(EngineErrors.WrongTypeAt("$", new LocalizedText("数组", "array"))));
                    scan.Phase = BatchPhase.Done;
                    return buffer.End;
                }
                writer.WriteStartArray();
                scan.Phase = BatchPhase.InArray;
                scan.State = reader.CurrentState;
                consumed = reader.Position;
            }
            while (scan.Phase == BatchPhase.InArray)
            {
                if (!reader.Read())
                {
                    if (final)
                    {
                        EndWithError(writer, ref scan, EngineErrors.InvalidJsonAt("$", new LocalizedText("数组没有闭合", "the array is not closed")));
                        return buffer.End;
                    }
                    return consumed;
                }
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    writer.WriteEndArray();
                    scan.Phase = BatchPhase.Done;
                    return buffer.End;
                }
                var start = reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    // The element is not all here yet: wait for more, unless it is already too large to answer.
                    if (buffer.Length - start > Options.MaxRequestBytes)
                    {
                        EndWithError(writer, ref scan, EngineErrors.RequestTooLarge.Create("$", ("Limit", Options.MaxRequestBytes)));
                        return buffer.End;
                    }
                    if (final)
                    {
                        EndWithError(writer, ref scan, EngineErrors.InvalidJsonAt("$", new LocalizedText("数组没有闭合", "the array is not closed")));
                        return buffer.End;
                    }
                    return consumed;
                }
                AnswerElement(buffer.Slice(start, reader.BytesConsumed - start), writer);
                scan.Answered++;
                scan.State = reader.CurrentState;
                consumed = reader.Position;
            }
        }
        catch (JsonException ex)
        {
            if (scan.Phase == BatchPhase.InArray)
            {
                EndWithError(writer, ref scan, EngineErrors.Malformed(ex));
            }
            else
            {
                WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(EngineErrors.Malformed(ex)));
                scan.Phase = BatchPhase.Done;
            }
            return buffer.End;
        }
        return consumed;
    }

    private void EndWithError(Utf8JsonWriter writer, ref BatchScan scan, RuleError error)
    {
        WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(error));
        writer.WriteEndArray();
        scan.Phase = BatchPhase.Done;
    }

    private void AnswerElement(ReadOnlySequence<byte> element, Utf8JsonWriter writer)
    {
        if (element.IsSingleSegment)
        {
            Evaluate(element.FirstSpan, writer);
            return;
        }
        var length = checked((int)element.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            element.CopyTo(rented);
            Evaluate(rented.AsSpan(0, length), writer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
