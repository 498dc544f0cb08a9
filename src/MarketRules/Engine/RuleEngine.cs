using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Pipelines;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Engine;

/// <summary>
/// Evaluates JSON requests against named rules and answers JSON decisions: the door for systems that do not speak
/// C#. A request is <c>{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "jurisdiction": "330105", "input": { … } }</c>;
/// the answer is <c>{ "rule", "ok": true, "result": { … }, "explanation": { … } }</c> or
/// <c>{ "rule", "ok": false, "errors": [ { "code", "path", "message": { "zh", "en" } } ] }</c>.
/// </summary>
/// <remarks>
/// <para>The engine never throws for bad input: invalid JSON, an unknown rule, a missing or wrong-typed field and a
/// value out of range each come back as a coded error with its JSON path (relative to the request, <c>$</c>).
/// In a batch, each request is answered in order and a bad request never fails the others.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class RuleEngine
{
    private static readonly Lazy<RuleEngine> LazyDefault = new(() => new RuleEngine());

    private readonly FrozenDictionary<string, IRuleDefinition> byId;
    private readonly JsonWriterOptions writerOptions;
    private readonly JsonWriterOptions lineWriterOptions;
    private readonly JsonReaderOptions readerOptions;

    /// <summary>Creates an engine over the built-in rules, national law and the statutory calendar of China.</summary>
    public RuleEngine()
        : this(NationalCatalog.Policy)
    {
    }

    /// <summary>Creates an engine over the built-in rules under a given law in force (e.g. with local policy packs).</summary>
    /// <param name="policy">The law in force: the national catalog plus the packs that apply by jurisdiction.</param>
    public RuleEngine(PolicyContext policy)
        : this(policy, PeriodCalculator.China, BuiltInRules.All, RuleEngineOptions.Default)
    {
    }

    /// <summary>Creates an engine.</summary>
    /// <param name="policy">The law in force.</param>
    /// <param name="periods">The period calculator (and through it the statutory calendar).</param>
    /// <param name="rules">The rules the engine answers; ids must be distinct.</param>
    /// <param name="options">Limits and formatting; <see cref="RuleEngineOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Thrown when two rules share an id.</exception>
    public RuleEngine(PolicyContext policy, PeriodCalculator periods, IEnumerable<IRuleDefinition> rules, RuleEngineOptions? options = null)
    {
        Policy = Preconditions.CheckNotNull(policy);
        Periods = Preconditions.CheckNotNull(periods);
        Options = (options ?? RuleEngineOptions.Default).Validate();
        var list = Preconditions.CheckNotNull(rules).ToImmutableArray();
        var map = new Dictionary<string, IRuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in list)
        {
            Preconditions.CheckNotNull(rule);
            Preconditions.CheckArgument(map.TryAdd(rule.Id, rule), nameof(rules), "Rule id {0} is registered twice", rule.Id);
        }
        Rules = [.. list.OrderBy(r => r.Id, StringComparer.Ordinal)];
        byId = map.ToFrozenDictionary(StringComparer.Ordinal);
        writerOptions = new JsonWriterOptions { Encoder = MarketRulesJson.Encoder, Indented = Options.Indented, SkipValidation = false };
        lineWriterOptions = new JsonWriterOptions { Encoder = MarketRulesJson.Encoder, Indented = false };
        readerOptions = new JsonReaderOptions { MaxDepth = Options.MaxDepth };
    }

    /// <summary>The engine over the built-in rules and national law.</summary>
    public static RuleEngine Default => LazyDefault.Value;

    /// <summary>The law in force.</summary>
    public PolicyContext Policy { get; }

    /// <summary>The period calculator.</summary>
    public PeriodCalculator Periods { get; }

    /// <summary>The limits and formatting.</summary>
    public RuleEngineOptions Options { get; }

    /// <summary>The rules the engine answers, ordered by id.</summary>
    public ImmutableArray<IRuleDefinition> Rules { get; }

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The rule id, e.g. <c>calendar.deadline/1</c>.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns>Whether the engine knows the rule.</returns>
    public bool TryGetRule(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRuleDefinition? rule) =>
        byId.TryGetValue(Preconditions.CheckNotNull(id), out rule);

    /// <summary>Creates the context a rule evaluates in, for callers of the typed API.</summary>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <param name="jurisdiction">The jurisdiction; national by default.</param>
    /// <returns>The context.</returns>
    public RuleContext CreateContext(LocalDate asOf, Jurisdiction jurisdiction = default) => new(asOf, jurisdiction, Policy, Periods);

    /// <summary>Evaluates a typed input directly, without JSON; bad input and rule exceptions come back as coded errors.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="rule">The rule.</param>
    /// <param name="input">The input.</param>
    /// <param name="asOf">The date the law is read as of.</param>
    /// <param name="jurisdiction">The jurisdiction (<see cref="Jurisdiction.National"/> for national law only).</param>
    /// <returns>The decision or the errors.</returns>
    public RuleResult<RuleDecision<TResult>> Evaluate<TInput, TResult>(RuleDefinition<TInput, TResult> rule, TInput input, LocalDate asOf, Jurisdiction jurisdiction)
        where TInput : class
        where TResult : class
    {
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckNotNull(input);
        var traced = RuleEngineTelemetry.Enabled;
        var started = traced ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        var activity = traced ? RuleEngineTelemetry.StartEvaluate(rule.Id) : null;
        RuleResult<RuleDecision<TResult>> outcome;
        try
        {
            outcome = rule.Evaluate(input, CreateContext(asOf, jurisdiction));
        }
        catch (MarketRulesException ex)
        {
            outcome = RuleResult<RuleDecision<TResult>>.Failure(ex.Errors);
        }
        if (traced)
        {
            RuleEngineTelemetry.Record(activity, started, rule, outcome.IsSuccess, outcome.IsSuccess ? default : outcome.Errors);
        }
        return outcome;
    }

    /// <summary>Evaluates one JSON request and returns the JSON decision.</summary>
    /// <param name="request">The request, e.g. <c>{ "rule": "calendar.deadline/1", "asOf": "2024-09-27", "input": { … } }</c>.</param>
    /// <returns>The decision; <c>"ok": false</c> with coded errors for bad input, never an exception.</returns>
    public string Evaluate(string request)
    {
        Preconditions.CheckNotNull(request);
        if (!TryEncode(request, out var bytes))
        {
            return InvalidText();
        }
        var buffer = new ArrayBufferWriter<byte>(256 + bytes.Length);
        using (var writer = new Utf8JsonWriter(buffer, writerOptions))
        {
            Evaluate(bytes, writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Evaluates one UTF-8 JSON request and writes the decision.</summary>
    /// <param name="request">The request bytes (UTF-8 JSON).</param>
    /// <param name="writer">Where the decision goes (one JSON object).</param>
    /// <returns>Whether the decision is a success (<c>"ok": true</c>).</returns>
    public bool Evaluate(ReadOnlySpan<byte> request, Utf8JsonWriter writer) => Evaluate(request, writer, null);

    /// <summary>Evaluates one UTF-8 JSON request addressed to a rule and writes the decision.</summary>
    /// <param name="request">The request bytes (UTF-8 JSON).</param>
    /// <param name="writer">Where the decision goes (one JSON object).</param>
    /// <param name="addressedRule">The rule the caller addressed outside the request (e.g. in a URL); the request's <c>rule</c> may then be omitted, and must match when present.</param>
    /// <returns>Whether the decision is a success (<c>"ok": true</c>).</returns>
    public bool Evaluate(ReadOnlySpan<byte> request, Utf8JsonWriter writer, string? addressedRule)
    {
        Preconditions.CheckNotNull(writer);
        if (!RuleEngineTelemetry.Enabled)
        {
            var untraced = EvaluateCore(request, addressedRule, out var untracedId, out var untracedRule);
            return WriteDecision(writer, untracedId, untracedRule, ref untraced);
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var activity = RuleEngineTelemetry.StartEvaluate(addressedRule);
        var outcome = EvaluateCore(request, addressedRule, out var ruleId, out var rule);
        var ok = WriteDecision(writer, ruleId, rule, ref outcome);
        RuleEngineTelemetry.Record(activity, started, rule, ok, ok ? default : outcome.Errors);
        return ok;
    }

    /// <summary>Evaluates a JSON array of requests and returns the JSON array of decisions, in order.</summary>
    /// <param name="requests">The requests: a JSON array.</param>
    /// <returns>The decisions as a JSON array; when <paramref name="requests"/> is not a JSON array, one error decision (an object) instead.</returns>
    public string EvaluateBatch(string requests)
    {
        Preconditions.CheckNotNull(requests);
        if (!TryEncode(requests, out var bytes))
        {
            return InvalidText();
        }
        var buffer = new ArrayBufferWriter<byte>(256 + bytes.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, writerOptions))
        {
            EvaluateBatch(bytes, writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Evaluates a UTF-8 JSON array of requests and writes the array of decisions, in order.</summary>
    /// <param name="requests">The requests: a JSON array.</param>
    /// <param name="writer">Where the decisions go.</param>
    /// <returns><see langword="true"/> when the batch was an array and was answered element by element (each may still be an error);
    /// <see langword="false"/> when it was not a JSON array, in which case one error decision (an object) was written.</returns>
    public bool EvaluateBatch(ReadOnlySpan<byte> requests, Utf8JsonWriter writer)
    {
        Preconditions.CheckNotNull(writer);
        // Check the whole document first, so that a truncated array is answered with one error rather than half an array.
        var scan = new Utf8JsonReader(requests, readerOptions);
        try
        {
            while (scan.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(InvalidJson(ex)));
            return false;
        }
        var reader = new Utf8JsonReader(requests, readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(
                requests.Length == 0 || reader.TokenType == JsonTokenType.None
                    ? EngineErrors.InvalidJsonAt("$", new LocalizedText("请求为空", "empty request"))
                    : EngineErrors.WrongTypeAt("$", new LocalizedText("数组", "array"))));
            return false;
        }
        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            var end = checked((int)reader.BytesConsumed);
            Evaluate(requests[start..end], writer);
        }
        writer.WriteEndArray();
        return true;
    }

    /// <summary>
    /// Evaluates newline-delimited JSON (one request per line) from a stream and writes one decision per line, in
    /// order, flushing as it goes. Memory stays constant: at most one request (<see cref="RuleEngineOptions.MaxRequestBytes"/>) is held.
    /// Blank lines are skipped. The streams are left open.
    /// </summary>
    /// <param name="input">The requests.</param>
    /// <param name="output">The decisions.</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    /// <returns>The number of requests answered.</returns>
    public async Task<long> EvaluateLinesAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(output);
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true));
        var writer = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            return await EvaluateLinesAsync(reader, writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Evaluates newline-delimited JSON from a pipe and writes one decision per line, in order. The pipes are not completed.
    /// </summary>
    /// <param name="input">The requests.</param>
    /// <param name="output">The decisions.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <returns>The number of requests answered.</returns>
    public async Task<long> EvaluateLinesAsync(PipeReader input, PipeWriter output, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(output);
        var answered = 0L;
        var skippingOversized = false;
        using var writer = new Utf8JsonWriter((IBufferWriter<byte>)output, lineWriterOptions);
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out var line))
            {
                if (skippingOversized)
                {
                    // The tail of a line already answered as too large.
                    skippingOversized = false;
                    continue;
                }
                answered += AnswerLine(line, writer, output);
            }
            if (!skippingOversized && buffer.Length > Options.MaxRequestBytes)
            {
                answered += AnswerLine(buffer, writer, output);
                skippingOversized = true;
                buffer = buffer.Slice(buffer.End);
            }
            else if (skippingOversized)
            {
                buffer = buffer.Slice(buffer.End);
            }
            if (read.IsCompleted)
            {
                if (!skippingOversized && !buffer.IsEmpty)
                {
                    answered += AnswerLine(buffer, writer, output);
                }
                input.AdvanceTo(read.Buffer.End);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                return answered;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is not { } position)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, position);
        buffer = buffer.Slice(buffer.GetPosition(1, position));
        return true;
    }

    private int AnswerLine(ReadOnlySequence<byte> line, Utf8JsonWriter writer, PipeWriter output)
    {
        if (IsBlank(line))
        {
            return 0;
        }
        if (line.Length > Options.MaxRequestBytes)
        {
            WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(EngineErrors.RequestTooLarge.Create("$", ("Limit", Options.MaxRequestBytes))));
        }
        else if (line.IsSingleSegment)
        {
            Evaluate(line.FirstSpan, writer);
        }
        else
        {
            var length = checked((int)line.Length);
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                line.CopyTo(rented);
                Evaluate(rented.AsSpan(0, length), writer);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        writer.Flush();
        writer.Reset();
        output.Write("\n"u8);
        return 1;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private bool WriteDecision(Utf8JsonWriter writer, string? ruleId, IRuleDefinition? rule, RuleResult<RuleDecision<object>> outcome) =>
        WriteDecision(writer, ruleId, rule, ref outcome);

    private bool WriteDecision(Utf8JsonWriter writer, string? ruleId, IRuleDefinition? rule, ref RuleResult<RuleDecision<object>> outcome)
    {
        byte[]? result = null, explanation = null;
        if (outcome.IsSuccess)
        {
            // Serialised aside first, so that a defect in a rule's result type cannot leave half a decision in a batch.
            try
            {
                var aside = new ArrayBufferWriter<byte>(2048);
                using (var asideWriter = new Utf8JsonWriter(aside, lineWriterOptions))
                {
                    JsonSerializer.Serialize(asideWriter, outcome.Value.Result, rule!.ResultTypeInfo);
                }
                result = aside.WrittenSpan.ToArray();
                aside.ResetWrittenCount();
                using (var asideWriter = new Utf8JsonWriter(aside, lineWriterOptions))
                {
                    MarketRulesJson.Write(asideWriter, outcome.Value.Explanation);
                }
                explanation = aside.WrittenSpan.ToArray();
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                outcome = RuleResult<RuleDecision<object>>.Failure(EngineErrors.RuleFailedFor(ruleId));
            }
        }
        writer.WriteStartObject();
        if (ruleId is null)
        {
            writer.WriteNull("rule");
        }
        else
        {
            writer.WriteString("rule", ruleId);
        }
        writer.WriteBoolean("ok", outcome.IsSuccess);
        if (outcome.IsSuccess)
        {
            writer.WritePropertyName("result");
            writer.WriteRawValue(result!, skipInputValidation: true);
            writer.WritePropertyName("explanation");
            writer.WriteRawValue(explanation!, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartArray("errors");
            foreach (var error in outcome.Errors)
            {
                MarketRulesJson.Write(writer, error);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        return outcome.IsSuccess;
    }

    // A .NET string with a lone surrogate has no UTF-8 form: the default encoder would silently write U+FFFD instead.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool TryEncode(string text, out byte[] bytes)
    {
        try
        {
            bytes = StrictUtf8.GetBytes(text);
            return true;
        }
        catch (System.Text.EncoderFallbackException)
        {
            bytes = [];
            return false;
        }
    }

    private string InvalidText()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, writerOptions))
        {
            WriteDecision(writer, null, null, RuleResult<RuleDecision<object>>.Failure(EngineErrors.InvalidJsonAt("$", Json.JsonTexts.LoneSurrogate)));
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ImmutableArray<RuleError> InvalidJson(JsonException ex) =>
        [EngineErrors.Malformed(ex)];
}
