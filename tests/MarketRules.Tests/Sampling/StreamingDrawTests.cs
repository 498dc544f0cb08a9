using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>
/// Every way in to the draw — a list, a one-pass stream, an asynchronous stream, shards, one or two cores — commits the
/// same roster hash and writes the same receipt bytes; the hash is the documented one (sorted canonical lines).
/// </summary>
public class StreamingDrawTests
{
    private const string Task = "330100-2025-双随机-07";
    private static readonly SamplingPolicy Henan = new() { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m, AvoidRepeatMonths = 12 };

    internal static byte[] ReceiptBytes(SamplingReceipt receipt)
    {
        using var stream = new MemoryStream();
        receipt.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// The roster hash as docs/sampling.md defines it (format 2), written the obvious way: the records grouped by their
    /// code's last character, each group's canonical lines sorted by code and hashed, then SHA-256 of the lines
    /// "character|group hash" in character order.
    /// </summary>
    internal static string DocumentedRosterHash(IEnumerable<EntityRecord> roster) =>
        Sha256Hex(string.Concat(roster
            .GroupBy(r => r.CreditCode.Value[17])
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{Sha256Hex(string.Concat(g.OrderBy(r => r.CreditCode.Value, StringComparer.Ordinal).Select(DoubleRandomSampler.CanonicalLine)))}\n")));

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A roster file as a bureau exports it: the documented header, one line per record.</summary>
    internal static byte[] CsvOf(IEnumerable<EntityRecord> roster)
    {
        var text = new StringBuilder(RosterCsv.Header).Append('\n');
        foreach (var r in roster)
        {
            var line = DoubleRandomSampler.CanonicalLine(r);
            text.Append(line.AsSpan(0, line.Length - 1).ToString().Replace('|', ',')).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static IEnumerable<EntityRecord> OnePass(IEnumerable<EntityRecord> roster)
    {
        foreach (var record in roster)
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<EntityRecord> Async(IEnumerable<EntityRecord> roster, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in roster)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await System.Threading.Tasks.Task.Yield();
            yield return record;
        }
    }

    [Fact]
    public async Task Paths_SameRoster_ByteIdenticalReceipts()
    {
        var roster = SamplingTestData.Roster(30_000, 5);
        var seed = SamplingTestData.Seed(5);
        var reference = DoubleRandomSampler.Plan(Task, SamplingTestData.AsOf, Henan, seed, roster).GetValueOrThrow();
        var expected = ReceiptBytes(reference);
        Assert.Equal(DocumentedRosterHash(roster), reference.RosterHash);
        Assert.Equal(Encoding.UTF8.GetBytes(reference.ToJson()), expected);

        // A one-pass stream on two cores.
        var commitment = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Henan, OnePass(roster), degreeOfParallelism: 2).GetValueOrThrow();
        Assert.Equal(expected, ReceiptBytes(DoubleRandomSampler.Draw(commitment, seed, OnePass(roster), 2).GetValueOrThrow()));

        // An asynchronous stream.
        var asyncCommitment = (await DoubleRandomSampler.CommitAsync(Task, SamplingTestData.AsOf, Henan, Async(roster))).GetValueOrThrow();
        Assert.Equal(commitment, asyncCommitment with { Strata = commitment.Strata });
        Assert.Equal(expected, ReceiptBytes((await DoubleRandomSampler.DrawAsync(asyncCommitment, seed, Async(roster))).GetValueOrThrow()));

        // Shards by region (as provinces hold them), each in its own order.
        var shards = roster.GroupBy(r => r.Region).Select(g => (IEnumerable<EntityRecord>)g.Reverse().ToList()).ToList();
        var sharded = DoubleRandomSampler.CommitShards(Task, SamplingTestData.AsOf, Henan, shards, 2).GetValueOrThrow();
        Assert.Equal(expected, ReceiptBytes(DoubleRandomSampler.DrawShards(sharded, seed, shards, 2).GetValueOrThrow()));

        // The receipt read back from a stream verifies, and the check names its format.
        using var published = new MemoryStream(expected);
        var read = SamplingReceipt.FromJson(published).GetValueOrThrow();
        var check = DoubleRandomSampler.Verify(read, roster, degreeOfParallelism: 2);
        Assert.True(check.IsVerified, string.Join("\n", check.Differences.Select(d => d.Message.English)));
        Assert.Equal("marketrules-sampling/2", check.Format);
    }

    [Fact]
    public void Csv_SameRoster_ByteIdenticalReceiptAndVerifies()
    {
        var roster = SamplingTestData.Roster(20_000, 6);
        var seed = SamplingTestData.Seed(6);
        var expected = ReceiptBytes(DoubleRandomSampler.Plan(Task, SamplingTestData.AsOf, Henan, seed, roster).GetValueOrThrow());
        var csv = CsvOf(roster);
        var progress = new List<long>();
        var commitment = RosterCsv.Commit(Task, SamplingTestData.AsOf, Henan, new MemoryStream(csv), 2, new Recorder(progress)).GetValueOrThrow();
        Assert.Equal(20_000, commitment.Records);
        Assert.Equal([20_000L], progress);
        var receipt = RosterCsv.Draw(commitment, seed, new MemoryStream(csv), 2).GetValueOrThrow();
        Assert.Equal(expected, ReceiptBytes(receipt));
        var check = RosterCsv.Verify(receipt, () => new MemoryStream(csv), 2);
        Assert.True(check.IsVerified, string.Join("\n", check.Differences.Select(d => d.Message.English)));

        // The records read back are the roster (the name and kind are not part of the file).
        var errors = new List<RuleError>();
        Assert.Equal(roster.Select(DoubleRandomSampler.CanonicalLine), RosterCsv.Read(new MemoryStream(csv), errors).Select(DoubleRandomSampler.CanonicalLine));
        Assert.Empty(errors);
    }

    public static TheoryData<string, string, string> BadCsv() => new()
    {
        { "code,region,industry,tier,status,priority", "", "line 1, column 1 (header)" },
        { RosterCsv.Header, "NOTACODE,330105,C,A,active,0,", "line 3, column 1 (code)" },
        { RosterCsv.Header, "{0},330105,C,E,active,0,", "line 3, column 4 (tier)" },
        { RosterCsv.Header, "{0},330105,C,A,Active,0,", "line 3, column 5 (status)" },
        { RosterCsv.Header, "{0},330105,C,A,active,8,", "line 3, column 6 (priority)" },
        { RosterCsv.Header, "{0},330105,C,A,active,0,2024-02-30", "line 3, column 7 (last_inspected)" },
        { RosterCsv.Header, "{0},33010,C,A,active,0,", "line 3, column 2 (region)" },
        { RosterCsv.Header, "{0},330105,C1,A,active,0,", "line 3, column 3 (industry)" },
        { RosterCsv.Header, "{0},330105,C,A,active,0", "line 3, column 7 (row)" },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void Csv_BadRow_InvalidCsvWithLineAndColumn(string header, string row, string path)
    {
        var good = SamplingTestData.Roster(3, 8);
        var text = header + "\n" + Encoding.UTF8.GetString(CsvOf(good.Take(1))).Split('\n')[1] + "\n"
            + row.Replace("{0}", SamplingTestData.Code(99_999_999), StringComparison.Ordinal) + "\n";
        var result = RosterCsv.Commit(Task, SamplingTestData.AsOf, Henan, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Sampling.InvalidCsv", error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Csv_InvalidUtf8OrDuplicate_Refused()
    {
        var csv = CsvOf(SamplingTestData.Roster(10, 8)).ToList();
        csv.InsertRange(csv.Count - 3, [0xC3, 0x28]);
        var result = RosterCsv.Commit(Task, SamplingTestData.AsOf, Henan, new MemoryStream([.. csv]));
        Assert.Contains(result.Errors, e => e.Code == "MR.Sampling.InvalidCsv" && e.Message.English.Contains("not UTF-8", StringComparison.Ordinal));

        var roster = SamplingTestData.Roster(10, 8);
        var duplicated = RosterCsv.Commit(Task, SamplingTestData.AsOf, Henan, new MemoryStream(CsvOf([.. roster, roster[3]])));
        var duplicate = Assert.Single(duplicated.Errors);
        Assert.Equal("MR.Sampling.DuplicateEntity", duplicate.Code);
        Assert.Equal("line 12, column 1 (code)", duplicate.Path);

        // Verification commits the file as sampling does: the same error, naming the same line.
        var receipt = DoubleRandomSampler.Plan(Task, SamplingTestData.AsOf, Henan, SamplingTestData.Seed(8), roster).GetValueOrThrow();
        var published = new MemoryStream(ReceiptBytes(receipt));
        var check = RosterCsv.VerifyPublished(published, () => new MemoryStream(CsvOf([.. roster, roster[3]])));
        Assert.Equal([("MR.Sampling.DuplicateEntity", "line 12, column 1 (code)")], check.Differences.Select(d => (d.Code, d.Path)));
    }

    private sealed class Recorder(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }

    [Fact]
    public void CommitShards_EntityInTwoShards_OverlappingShardsWithBothPlaces()
    {
        var roster = SamplingTestData.Roster(500, 3);
        var first = roster.Take(300).ToList();
        var second = roster.Skip(250).ToList();
        var result = DoubleRandomSampler.CommitShards(Task, SamplingTestData.AsOf, Henan, [first, second]);
        Assert.False(result.IsSuccess);
        Assert.Equal(50, result.Errors.Length);
        Assert.All(result.Errors, e => Assert.Equal("MR.Sampling.OverlappingShards", e.Code));
        var overlap = result.Errors.Single(e => e.Message.English.Contains(roster[260].CreditCode.Value, StringComparison.Ordinal));
        Assert.Equal("$.shards[1][10].creditCode", overlap.Path);
        // The text counts from 1, as a clerk reads it; the arguments keep the paths' places beside it.
        Assert.Contains("shard 1 (record 261) and shard 2 (record 11)", overlap.Message.English, StringComparison.Ordinal);
        Assert.Contains("第 1 个分片（第 261 条）和第 2 个分片（第 11 条）", overlap.Message.Chinese, StringComparison.Ordinal);
        Assert.Equal(("0", "260", "1", "10"), (overlap.Arguments["FirstShard"], overlap.Arguments["FirstIndex"], overlap.Arguments["Shard"], overlap.Arguments["Index"]));
        Assert.Equal(("1", "261", "2", "11"), (overlap.Arguments["FirstShardNumber"], overlap.Arguments["FirstNumber"], overlap.Arguments["ShardNumber"], overlap.Arguments["Number"]));

        var duplicate = DoubleRandomSampler.CommitShards(Task, SamplingTestData.AsOf, Henan, [first, [.. second, roster[251]]]);
        Assert.Contains(duplicate.Errors, e => e.Code == "MR.Sampling.DuplicateEntity" && e.Path == $"$.shards[1][{second.Count}].creditCode");
    }

    [Fact]
    public void Draw_OverlappingShardsNotCommitted_RosterChanged()
    {
        var roster = SamplingTestData.Roster(400, 4);
        var commitment = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Henan, roster).GetValueOrThrow();
        var result = DoubleRandomSampler.DrawShards(commitment, SamplingTestData.Seed(4), [roster, roster.Take(10).ToList()], 2);
        Assert.Equal("MR.Sampling.RosterChanged", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Property_RandomRostersAndShardSplits_ShardedEqualsSingleMachine()
    {
        Gen.Int[1, 400].Select(Gen.Int[1, 1_000], Gen.Int[1, 5], Gen.Int[1, 2]).Sample(t =>
        {
            var (size, seedNumber, shardCount, cores) = t;
            var roster = SamplingTestData.Roster(size, seedNumber, inactiveShare: 0.2);
            var seed = SamplingTestData.Seed(seedNumber);
            var single = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Henan, roster);
            // Split by a hash of the code, so shards are arbitrary, uneven and possibly empty.
            var shards = Enumerable.Range(0, shardCount)
                .Select(s => (IEnumerable<EntityRecord>)roster.Where(r => unchecked((uint)StringComparer.Ordinal.GetHashCode(r.CreditCode.Value)) % shardCount == s).ToList())
                .ToList();
            if (!single.IsSuccess)
            {
                // A roster the law cannot sample (no active entity, or too few for the tier ratios) is refused the
                // same way whether it arrives whole or in shards.
                Assert.Contains(single.Errors, e => e.Code is "MR.Sampling.EmptyRoster" or "MR.Sampling.InfeasibleRatios");
                var refused = DoubleRandomSampler.CommitShards(Task, SamplingTestData.AsOf, Henan, shards, cores);
                Assert.False(refused.IsSuccess);
                Assert.Equal(single.Errors.Select(e => e.Code), refused.Errors.Select(e => e.Code));
                return;
            }
            Assert.Equal(DocumentedRosterHash(roster), single.Value.RosterHash);
            var expected = ReceiptBytes(DoubleRandomSampler.Draw(single.Value, seed, roster).GetValueOrThrow());
            var sharded = DoubleRandomSampler.CommitShards(Task, SamplingTestData.AsOf, Henan, shards, cores).GetValueOrThrow();
            Assert.Equal(single.Value.RosterHash, sharded.RosterHash);
            Assert.Equal(expected, ReceiptBytes(DoubleRandomSampler.DrawShards(sharded, seed, shards, cores).GetValueOrThrow()));
        }, iter: 60);
    }

    [Fact]
    public void Commit_ChangedField_ChangesHash()
    {
        var roster = SamplingTestData.Roster(200, 9);
        var before = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Henan, roster).GetValueOrThrow().RosterHash;
        var changed = roster.ToList();
        changed[17] = changed[17] with { Priority = PriorityMarks.Complaints };
        var after = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Henan, changed).GetValueOrThrow().RosterHash;
        Assert.NotEqual(before, after);
        Assert.Equal(DocumentedRosterHash(changed), after);
    }
}
