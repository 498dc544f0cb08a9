using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Json;

namespace MarketRules.Sampling;

/// <summary>
/// Reads a published receipt from a stream a piece at a time: first every member but the strata (the header: task,
/// seed, roster hash, rules, totals), then the strata one by one. A verification reads the header, recomputes the
/// draw, and only then compares the published strata with the recomputed ones as they arrive, so it never holds the
/// published selection (≈ 400 bytes per selected entity) beside the roster's commitment and the recomputed draw.
/// </summary>
/// <remarks>
/// The reading is as strict as every other door of the library (<see cref="StrictJson"/>): the header is checked
/// against the receipt's contract and each stratum against its own, with their JSON paths; a repeated member, an
/// unknown one or a value of the wrong type is a <see cref="SamplingErrors.ReceiptMalformed"/> error. Members may come
/// in any order: when the strata precede a member of the header (not how the library writes a receipt), they are kept
/// in memory until the header is complete. The totals the library writes after the strata (<c>selectedCount</c>,
/// <c>realisedCoverage</c>, computed from them) are not part of the header: they are read with the end of the document.
/// The buffer holds the largest single value read (one stratum), not the file.
/// </remarks>
internal sealed class ReceiptReader : IDisposable
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = SamplingJsonContext.Default.Options.ReadCommentHandling,
        AllowTrailingCommas = SamplingJsonContext.Default.Options.AllowTrailingCommas,
        MaxDepth = SamplingJsonContext.Default.Options.MaxDepth,
    };

    // The receipt's members other than its strata and its totals, as written in JSON: once all have been read the
    // header is complete. The totals (selectedCount, realisedCoverage) are computed from the strata and written after
    // them; waiting for them would hold every published stratum in memory (a national receipt's 1.7 GB).
    private static readonly ImmutableArray<string> HeaderMembers = [.. SamplingJsonContext.Default.SamplingReceipt.Properties
        .Where(p => p.Set is not null).Select(p => p.Name).Where(name => name != StrataMember)];

    // The totals, with their contracts: read wherever they come, once each, as strictly as the rest of the receipt.
    private static readonly FrozenDictionary<string, JsonTypeInfo> Totals = SamplingJsonContext.Default.SamplingReceipt.Properties
        .Where(p => p.Set is null).ToFrozenDictionary(p => p.Name, p => SamplingJsonContext.Default.Options.GetTypeInfo(p.PropertyType), StringComparer.Ordinal);

    private const string StrataMember = "strata";

    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<RuleError> errors = [];
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int start;
    private int end;
    private bool finalBlock;
    private JsonReaderState state = new(Options);
    private Stage stage = Stage.Header;
    private List<RuleResult<StratumResult>>? earlyStrata;
    private int strataRead;

    /// <summary>The <c>selectedCount</c> the receipt published, once read (a verifier compares it with the recomputed draw).</summary>
    public int? PublishedSelectedCount { get; private set; }

    /// <summary>The <c>realisedCoverage</c> the receipt published, once read.</summary>
    public decimal? PublishedRealisedCoverage { get; private set; }

    /// <summary>Starts reading a receipt.</summary>
    /// <param name="utf8Json">The UTF-8 stream, read forward only.</param>
    /// <param name="ownsStream">Whether disposing the reader disposes the stream.</param>
    public ReceiptReader(Stream utf8Json, bool ownsStream = false)
    {
        stream = utf8Json;
        this.ownsStream = ownsStream;
    }

    private enum Stage
    {
        Header,
        Strata,
        Trailer,

        // The receipt's closing brace has been read: only white space may follow.
        Ended,

        // Nothing more is read (the end was checked, or the text cannot be read on).
        Done,
    }

    /// <summary>Strata read so far.</summary>
    public int StrataRead => strataRead;

    /// <summary>Reads a whole receipt, its strata in memory: what <see cref="SamplingReceipt.FromJson(Stream)"/> returns.</summary>
    /// <param name="utf8Json">The stream; read to its end and left open.</param>
    /// <returns>The receipt, or the coded errors.</returns>
    public static RuleResult<SamplingReceipt> ReadWhole(Stream utf8Json)
    {
        using var reader = new ReceiptReader(utf8Json);
        var header = reader.ReadHeader();
        var strata = ImmutableArray.CreateBuilder<StratumResult>();
        var errors = new List<RuleError>(header.IsSuccess ? [] : header.Errors);
        foreach (var stratum in reader.ReadStrata())
        {
            if (stratum.IsSuccess)
            {
                strata.Add(stratum.Value);
            }
            else
            {
                errors.AddRange(stratum.Errors);
            }
        }
        errors.AddRange(reader.ReadEnd());
        return errors.Count > 0
            ? RuleResult<SamplingReceipt>.Failure([.. errors.Take(RosterCommitter.MaxErrors)])
            : RuleResult<SamplingReceipt>.Success(header.Value! with { Strata = strata.ToImmutable() });
    }

    /// <summary>
    /// Reads every member but the strata and binds them to the receipt's contract; the result's
    /// <see cref="SamplingReceipt.Strata"/> is empty unless the strata came before the end of the header.
    /// </summary>
    /// <returns>The header, or the coded errors (the document is then not read further).</returns>
    public RuleResult<SamplingReceipt> ReadHeader()
    {
        var header = new ArrayBufferWriter<byte>(1024);
        var strataPresent = false;
        try
        {
            using (var writer = new Utf8JsonWriter(header, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartObject();
                if (NextToken(out _) != JsonTokenType.StartObject)
                {
                    return Refuse("$", JsonTexts.WrongValue);
                }
                while (true)
                {
                    var token = NextToken(out var name);
                    if (token == JsonTokenType.EndObject)
                    {
                        stage = Stage.Ended;
                        break;
                    }
                    if (token != JsonTokenType.PropertyName)
                    {
                        return Refuse("$", JsonTexts.Malformed(string.Empty));
                    }
                    if (name is null)
                    {
                        Malformed("$", new JsonFinding(JsonDefect.InvalidText, "$", "member name"));
                        _ = NextValue(out _);
                        continue;
                    }
                    if (!seen.Add(name))
                    {
                        Malformed(StrictJson.Member("$", name), new JsonFinding(JsonDefect.DuplicateMember, "$", name));
                        _ = NextValue(out _);
                        continue;
                    }
                    if (name == StrataMember)
                    {
                        strataPresent = true;
                        stage = Stage.Strata;
                        if (HeaderMembers.All(seen.Contains))
                        {
                            break;
                        }
                        // Out of the library's order: keep the strata until the header is complete.
                        var early = ReadStrata().ToList();
                        if (stage == Stage.Done)
                        {
                            errors.AddRange(early.Where(s => !s.IsSuccess).SelectMany(s => s.Errors));
                            return RuleResult<SamplingReceipt>.Failure([.. errors]);
                        }
                        earlyStrata = early;
                        stage = Stage.Header;
                        continue;
                    }
                    var value = NextValue(out _);
                    if (Totals.ContainsKey(name))
                    {
                        KeepTotal(name, buffer.AsSpan(value.Start, value.Length));
                    }
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(buffer.AsSpan(value.Start, value.Length), skipInputValidation: true);
                }
                if (strataPresent)
                {
                    writer.WriteStartArray(StrataMember);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
        }
        catch (JsonException ex)
        {
            return Refuse("$", JsonTexts.Unreadable(ex));
        }
        if (errors.Count > 0)
        {
            stage = Stage.Done;
            return RuleResult<SamplingReceipt>.Failure([.. errors]);
        }
        var bound = StrictJson.Read(header.WrittenSpan, SamplingJsonContext.Default.SamplingReceipt, SamplingErrors.ReceiptMalformed);
        if (!bound.IsSuccess)
        {
            stage = Stage.Done;
            return bound;
        }
        return bound;
    }

    /// <summary>The published strata in order, each bound to its contract or refused with its path.</summary>
    /// <returns>The strata; empty when the header refused the document.</returns>
    public IEnumerable<RuleResult<StratumResult>> ReadStrata()
    {
        if (earlyStrata is not null)
        {
            var early = earlyStrata;
            earlyStrata = null;
            foreach (var stratum in early)
            {
                yield return stratum;
            }
            yield break;
        }
        if (stage != Stage.Strata)
        {
            yield break;
        }
        RuleResult<StratumResult>? refused = null;
        try
        {
            if (NextToken(out _) != JsonTokenType.StartArray)
            {
                refused = RuleResult<StratumResult>.Failure(SamplingErrors.ReceiptMalformed.CreateLocalized("$.strata", ("Detail", JsonTexts.WrongValue)));
                stage = Stage.Done;
            }
        }
        catch (JsonException ex)
        {
            refused = RuleResult<StratumResult>.Failure(SamplingErrors.ReceiptMalformed.CreateLocalized("$.strata", ("Detail", JsonTexts.Unreadable(ex))));
            stage = Stage.Done;
        }
        if (refused is { } refusal)
        {
            yield return refusal;
            yield break;
        }
        while (true)
        {
            var path = "$.strata[" + strataRead.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            RuleResult<StratumResult> stratum;
            try
            {
                var value = NextValue(out var token);
                if (token == JsonTokenType.EndArray)
                {
                    stage = Stage.Trailer;
                    yield break;
                }
                stratum = StrictJson.Read(buffer.AsSpan(value.Start, value.Length), SamplingJsonContext.Default.StratumResult, SamplingErrors.ReceiptMalformed, path);
            }
            catch (JsonException ex)
            {
                stratum = RuleResult<StratumResult>.Failure(SamplingErrors.ReceiptMalformed.CreateLocalized(path, ("Detail", JsonTexts.Unreadable(ex))));
                stage = Stage.Done;
            }
            strataRead++;
            yield return stratum;
            if (stage == Stage.Done)
            {
                yield break;
            }
        }
    }

    /// <summary>Reads what follows the strata to the end of the document: only the end of the receipt may.</summary>
    /// <returns>The coded errors of anything else (a repeated or unknown member, text after the receipt); empty when none.</returns>
    public ImmutableArray<RuleError> ReadEnd()
    {
        var found = new List<RuleError>();
        try
        {
            while (stage == Stage.Trailer)
            {
                var token = NextToken(out var name);
                if (token == JsonTokenType.EndObject)
                {
                    stage = Stage.Ended;
                    break;
                }
                if (token != JsonTokenType.PropertyName)
                {
                    found.Add(SamplingErrors.ReceiptMalformed.CreateLocalized("$", ("Detail", JsonTexts.Malformed(string.Empty))));
                    break;
                }
                var member = name is null ? "$" : StrictJson.Member("$", name);
                if (name is not null && Totals.TryGetValue(name, out var total) && seen.Add(name))
                {
                    // A total after the strata, where the library writes it: checked as the whole-document reading checks it.
                    var value = NextValue(out _);
                    var before = found.Count;
                    found.AddRange(StrictJson.Check(buffer.AsSpan(value.Start, value.Length), total, member, Options)
                        .Select(f => SamplingErrors.ReceiptMalformed.CreateLocalized(f.Path, ("Detail", JsonTexts.Describe(f)))));
                    if (found.Count == before)
                    {
                        KeepTotal(name, buffer.AsSpan(value.Start, value.Length));
                    }
                    continue;
                }
                var finding = name is null ? new JsonFinding(JsonDefect.InvalidText, "$", "member name")
                    : seen.Add(name) ? new JsonFinding(JsonDefect.UnknownMember, member, name, SamplingJsonContext.Default.SamplingReceipt)
                    : new JsonFinding(JsonDefect.DuplicateMember, member, name);
                found.Add(SamplingErrors.ReceiptMalformed.CreateLocalized(member, ("Detail", JsonTexts.Describe(finding))));
                _ = NextValue(out _);
            }
            if (stage == Stage.Ended && found.Count == 0 && NextToken(out _) != JsonTokenType.None)
            {
                found.Add(SamplingErrors.ReceiptMalformed.CreateLocalized("$", ("Detail", JsonTexts.Malformed(string.Empty))));
            }
        }
        catch (JsonException ex)
        {
            found.Add(SamplingErrors.ReceiptMalformed.CreateLocalized("$", ("Detail", JsonTexts.Unreadable(ex))));
        }
        stage = Stage.Done;
        return [.. found];
    }

    // A published total as its number, for the comparison with the draw; a value of the wrong type is the strict
    // reading's error, not kept.
    private void KeepTotal(string name, ReadOnlySpan<byte> value)
    {
        var number = new Utf8JsonReader(value);
        if (!number.Read() || number.TokenType != JsonTokenType.Number)
        {
            return;
        }
        if (name == SelectedCountMember && number.TryGetInt32(out var selected))
        {
            PublishedSelectedCount = selected;
        }
        else if (name == RealisedCoverageMember && number.TryGetDecimal(out var coverage))
        {
            PublishedRealisedCoverage = coverage;
        }
    }

    // The receipt's contract names its members in camel case (SamplingJsonContext).
    private static readonly string SelectedCountMember = JsonNamingPolicy.CamelCase.ConvertName(nameof(SamplingReceipt.SelectedCount));
    private static readonly string RealisedCoverageMember = JsonNamingPolicy.CamelCase.ConvertName(nameof(SamplingReceipt.RealisedCoverage));

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        if (ownsStream)
        {
            stream.Dispose();
        }
    }

    private RuleResult<SamplingReceipt> Refuse(string path, LocalizedText detail)
    {
        stage = Stage.Done;
        errors.Add(SamplingErrors.ReceiptMalformed.CreateLocalized(path, ("Detail", detail)));
        return RuleResult<SamplingReceipt>.Failure([.. errors]);
    }

    private void Malformed(string path, JsonFinding finding) =>
        errors.Add(SamplingErrors.ReceiptMalformed.CreateLocalized(path, ("Detail", JsonTexts.Describe(finding))));

    // The next token; for a member name, the name (null when it is not valid text). None at the end of the text.
    private JsonTokenType NextToken(out string? name)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            if (reader.Read())
            {
                name = null;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    try
                    {
                        name = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        name = null;
                    }
                }
                Advance(ref reader);
                return reader.TokenType;
            }
            if (finalBlock)
            {
                name = null;
                return JsonTokenType.None;
            }
            Advance(ref reader);
            Refill();
        }
    }

    // The next value whole (an object or array with everything in it): its bytes stay in the buffer until the next read.
    private (int Start, int Length) NextValue(out JsonTokenType token)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            if (reader.Read())
            {
                token = reader.TokenType;
                var valueStart = start + (int)reader.TokenStartIndex;
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    // Not all of it is in the buffer yet: read on and start this value again.
                    Refill();
                    continue;
                }
                Advance(ref reader);
                return (valueStart, start - valueStart);
            }
            if (finalBlock)
            {
                token = JsonTokenType.None;
                return (start, 0);
            }
            Advance(ref reader);
            Refill();
        }
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    // Keeps the unread bytes, grows the buffer when they fill it, and reads more.
    private void Refill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            finalBlock = true;
        }
        else
        {
            end += read;
        }
    }
}
