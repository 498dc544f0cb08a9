using System.Collections;
using System.Collections.Immutable;
using System.Text;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Utility;
using nietras.SeparatedValues;

namespace MarketRules.Sampling;

/// <summary>
/// The published roster as a CSV file: the columns of the documented SQL table, one entity per line, read in one
/// streaming pass (Sep; see <c>docs/decisions/0020-csv-roster-reader.md</c>). Commit, draw and verify read the file
/// itself, so a province's roster never has to fit in memory as records: the commitment keeps 32 bytes per entity.
/// </summary>
/// <remarks>
/// <para>Strict: the header is exactly <see cref="Header"/>; a row with another number of columns, a malformed field or
/// bytes that are not UTF-8 is refused with <c>MR.Sampling.InvalidCsv</c> naming its line and column. Records of the
/// file are numbered from 0 for <c>MR.Sampling.DuplicateEntity</c>; its path names the line.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class RosterCsv
{
    /// <summary>The header line: the roster table's columns, in this order.</summary>
    public const string Header = "code,region,industry,tier,status,priority,last_inspected";

    private static readonly string[] Columns = Header.Split(',');

    /// <summary>Commits a roster read from CSV: <see cref="DoubleRandomSampler.Commit"/> over the file's records.</summary>
    /// <param name="taskId">The inspection task's id.</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="policy">The working rules.</param>
    /// <param name="csv">The UTF-8 CSV; read to its end and left open.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <param name="progress">Told the number of records read, every 1,048,576 records and at the end.</param>
    /// <returns>The commitment, or coded errors with CSV lines (at most 100).</returns>
    public static RuleResult<RosterCommitment> Commit(string taskId, LocalDate asOf, SamplingPolicy policy, Stream csv, int degreeOfParallelism = 1,
        IProgress<long>? progress = null)
    {
        var reader = new Reader(csv, progress);
        return DoubleRandomSampler.CommitShards(taskId, asOf, policy, [reader], degreeOfParallelism, Location, reader.Errors);
    }

    /// <summary>Draws from a roster read from CSV: <see cref="DoubleRandomSampler.Draw"/> over the file's records.</summary>
    /// <param name="commitment">The published commitment.</param>
    /// <param name="seed">The seed bytes.</param>
    /// <param name="csv">The UTF-8 CSV the commitment was made from; read to its end and left open.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <param name="progress">Told the number of records read, every 1,048,576 records and at the end.</param>
    /// <returns>The receipt, or coded errors.</returns>
    public static RuleResult<SamplingReceipt> Draw(RosterCommitment commitment, ReadOnlySpan<byte> seed, Stream csv, int degreeOfParallelism = 1, IProgress<long>? progress = null)
    {
        var reader = new Reader(csv, progress);
        var receipt = DoubleRandomSampler.DrawShards(commitment, seed, [reader], degreeOfParallelism);
        return reader.Errors.Count > 0 ? RuleResult<SamplingReceipt>.Failure([.. reader.Errors.Take(RosterCommitter.MaxErrors)]) : receipt;
    }

    /// <summary>Verifies a receipt against a roster file, which is read twice (once to commit, once to draw).</summary>
    /// <param name="receipt">The published receipt.</param>
    /// <param name="openCsv">Opens the UTF-8 CSV; called twice, each stream disposed after reading.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <param name="progress">Told the number of records read in each pass.</param>
    /// <returns>The differences found and the format checked; no differences when the receipt is confirmed.</returns>
    public static ReceiptVerification Verify(SamplingReceipt receipt, Func<Stream> openCsv, int degreeOfParallelism = 1, IProgress<long>? progress = null)
    {
        Preconditions.CheckNotNull(receipt);
        return DoubleRandomSampler.VerifyPasses(receipt, Passes(openCsv, degreeOfParallelism, progress));
    }

    /// <summary>
    /// Verifies a published receipt read from a stream against a roster file without holding the published selection
    /// (see <see cref="DoubleRandomSampler.VerifyPublished"/>): memory is that of the
    /// commitment and the recomputed draw, whatever the size of either file.
    /// </summary>
    /// <param name="publishedReceipt">The receipt as published (UTF-8 JSON); read to its end and left open.</param>
    /// <param name="openCsv">Opens the UTF-8 CSV; called twice, each stream disposed after reading.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <param name="progress">Told the number of records read in each pass.</param>
    /// <returns>The differences found (or the receipt's reading errors) and the format checked; no differences when the receipt is confirmed.</returns>
    public static ReceiptVerification VerifyPublished(Stream publishedReceipt, Func<Stream> openCsv, int degreeOfParallelism = 1, IProgress<long>? progress = null)
    {
        Preconditions.CheckNotNull(publishedReceipt);
        return DoubleRandomSampler.VerifyPublishedPasses(publishedReceipt, Passes(openCsv, degreeOfParallelism, progress));
    }

    // Verification reads the file twice with the same commit and draw as sampling, so its errors name CSV lines too.
    private static DoubleRandomSampler.RosterPasses Passes(Func<Stream> openCsv, int degreeOfParallelism, IProgress<long>? progress)
    {
        Preconditions.CheckNotNull(openCsv);
        return new DoubleRandomSampler.RosterPasses(
            (taskId, asOf, policy) =>
            {
                using var csv = openCsv();
                return Commit(taskId, asOf, policy, csv, degreeOfParallelism, progress);
            },
            (commitment, seed) =>
            {
                using var csv = openCsv();
                return Draw(commitment, seed, csv, degreeOfParallelism, progress);
            });
    }

    /// <summary>Reads the records of a roster file one by one, for callers that stream them elsewhere.</summary>
    /// <param name="csv">The UTF-8 CSV; read to its end and left open.</param>
    /// <param name="errors">Receives the rows refused, with their line and column; those rows are skipped.</param>
    /// <returns>The valid records, in file order.</returns>
    public static IEnumerable<EntityRecord> Read(Stream csv, ICollection<RuleError> errors)
    {
        Preconditions.CheckNotNull(errors);
        var reader = new Reader(csv, null);
        foreach (var record in reader)
        {
            if (record is not null)
            {
                yield return record;
            }
        }
        foreach (var error in reader.Errors)
        {
            errors.Add(error);
        }
    }

    private static string Location(int shard, int index, string? field)
    {
        var column = field switch { null => null, "creditCode" => "code", "lastInspected" => "last_inspected", _ => field };
        return $"line {index + 2}" + (column is null ? "" : $", column {Array.IndexOf(Columns, column) + 1} ({column})");
    }

    /// <summary>
    /// One pass over the file. Yields one item per data row — null for a row refused (its error is in
    /// <see cref="Errors"/>) — so a record's number is its line number minus 2.
    /// </summary>
    private sealed class Reader(Stream csv, IProgress<long>? progress) : IEnumerable<EntityRecord>
    {
        private readonly Dictionary<int, Jurisdiction> regions = [];
        private readonly Dictionary<string, string> industries = new(StringComparer.Ordinal);
        private bool used;

        internal List<RuleError> Errors { get; } = [];

        public IEnumerator<EntityRecord> GetEnumerator()
        {
            Preconditions.CheckNotNull(csv);
            Preconditions.CheckArgument(!used, nameof(csv), "A roster stream is read once");
            used = true;
            // Invalid UTF-8 is refused, not replaced by U+FFFD: a roster's bytes are what its hash commits to.
            var text = new StreamReader(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false,
                bufferSize: 1 << 16, leaveOpen: true);
            SepReader? sep = null;
            long line = 1;
            try
            {
                string? headerError = null;
                try
                {
                    sep = Sep.New(',').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).From(text);
                    var header = sep.Header.ColNames;
                    if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
                    {
                        headerError = $"the header is '{string.Join(',', header)}', expected '{Header}'";
                    }
                }
                catch (DecoderFallbackException)
                {
                    headerError = "the bytes are not UTF-8";
                }
                if (headerError is not null || sep is null)
                {
                    Fail(1, 1, "header", headerError ?? "no header");
                    yield break;
                }
                var enumerator = sep.GetEnumerator();
                while (true)
                {
                    EntityRecord? record = null;
                    var more = false;
                    try
                    {
                        more = enumerator.MoveNext();
                        if (more)
                        {
                            line++;
                            record = Parse(enumerator.Current, line);
                        }
                    }
                    catch (DecoderFallbackException)
                    {
                        Fail(line + 1, 1, "row", "the bytes are not UTF-8");
                        more = false;
                    }
                    if (!more)
                    {
                        break;
                    }
                    if ((line - 1) % (1 << 20) == 0)
                    {
                        progress?.Report(line - 1);
                    }
                    yield return record!;
                }
                progress?.Report(line - 1);
            }
            finally
            {
                sep?.Dispose();
                text.Dispose();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private EntityRecord? Parse(SepReader.Row row, long line)
        {
            if (row.ColCount != Columns.Length)
            {
                return Fail(line, Math.Min(row.ColCount, Columns.Length) + 1, "row", $"the row has {row.ColCount} columns, expected {Columns.Length}");
            }
            var codeText = row[0].ToString();
            if (UnifiedSocialCreditCode.Parse(codeText) is not { IsSuccess: true } code)
            {
                return Fail(line, 1, "code", $"'{codeText}' is not a unified social credit code");
            }
            var regionSpan = row[1].Span;
            if (regionSpan.Length != 6 || !int.TryParse(regionSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var regionNumber)
                || !RegionOf(regionNumber, out var region))
            {
                return Fail(line, 2, "region", $"'{regionSpan}' is not a GB/T 2260 code");
            }
            var industrySpan = row[2].Span;
            var lookup = industries.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(industrySpan, out var industry))
            {
                industry = industrySpan.ToString();
                if (!DoubleRandomSampler.IsIndustryCode(industry))
                {
                    return Fail(line, 3, "industry", $"'{industry}' is not a GB/T 4754 code");
                }
                industries[industry] = industry;
            }
            var tierSpan = row[3].Span;
            if (tierSpan.Length != 1 || tierSpan[0] is < 'A' or > 'D')
            {
                return Fail(line, 4, "tier", $"'{tierSpan}' is not a credit-risk class A, B, C or D");
            }
            EntityStatus status;
            switch (row[4].Span)
            {
                case "active":
                    status = EntityStatus.Active;
                    break;
                case "deregistered":
                    status = EntityStatus.Deregistered;
                    break;
                case "revoked":
                    status = EntityStatus.Revoked;
                    break;
                default:
                    return Fail(line, 5, "status", $"'{row[4].Span}' is not active, deregistered or revoked");
            }
            var prioritySpan = row[5].Span;
            if (prioritySpan.Length != 1 || prioritySpan[0] is < '0' or > '7')
            {
                return Fail(line, 6, "priority", $"'{prioritySpan}' is not the integer of the priority marks (0–7)");
            }
            LocalDate? lastInspected = null;
            var lastSpan = row[6].Span;
            if (lastSpan.Length > 0)
            {
                if (!TryParseDate(lastSpan, out var date))
                {
                    return Fail(line, 7, "last_inspected", $"'{lastSpan}' is not a date yyyy-MM-dd between 1900 and 2199");
                }
                lastInspected = date;
            }
            return new EntityRecord(code.Value, "", region, industry, EntityKind.Enterprise, status, (CreditRiskClass)(tierSpan[0] - 'A'))
            {
                Priority = (PriorityMarks)(prioritySpan[0] - '0'),
                LastInspected = lastInspected,
            };
        }

        private bool RegionOf(int number, out Jurisdiction region)
        {
            if (regions.TryGetValue(number, out region))
            {
                return true;
            }
            if (number == 0 || Jurisdiction.Parse(number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)) is not { IsSuccess: true } parsed)
            {
                return false;
            }
            region = regions[number] = parsed.Value;
            return true;
        }

        private static bool TryParseDate(ReadOnlySpan<char> text, out LocalDate date)
        {
            date = default;
            if (text.Length != 10 || text[4] != '-' || text[7] != '-'
                || !int.TryParse(text[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(text[5..7], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
                || !int.TryParse(text[8..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
                || year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return false;
            }
            date = new LocalDate(year, month, day);
            return true;
        }

        private EntityRecord? Fail(long line, int column, string name, string detail)
        {
            if (Errors.Count < RosterCommitter.MaxErrors)
            {
                Errors.Add(SamplingErrors.InvalidCsv.Create($"line {line}, column {column} ({name})", ("Line", line), ("Column", column), ("Name", name), ("Detail", detail)));
            }
            return null;
        }
    }
}
