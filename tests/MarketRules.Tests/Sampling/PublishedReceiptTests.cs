using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>
/// A published receipt is checked against its roster as it is read, a stratum at a time
/// (<see cref="DoubleRandomSampler.VerifyPublished"/>), with the same verdicts as the check of a receipt held in memory;
/// and a receipt file is read as strictly as every other door: what it cannot read is refused with a code and a path.
/// </summary>
public class PublishedReceiptTests
{
    private const string Task = "330100-2025-双随机-09";
    private static readonly SamplingPolicy Henan = new() { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m };

    private static SamplingReceipt PlanOf(List<EntityRecord> roster, int seed) =>
        DoubleRandomSampler.Plan(Task, SamplingTestData.AsOf, Henan, SamplingTestData.Seed(seed), roster).GetValueOrThrow();

    private static ReceiptVerification VerifyBytes(byte[] published, List<EntityRecord> roster, int chunk = 4096) =>
        DoubleRandomSampler.VerifyPublished(new Trickle(published, chunk), roster);

    private static RuleResult<SamplingReceipt> Read(byte[] published, int chunk = 4096) => SamplingReceipt.FromJson(new Trickle(published, chunk));

    private static byte[] Edit(SamplingReceipt receipt, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(StreamingDrawTests.ReceiptBytes(receipt))!.AsObject();
        edit(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static string Paths(IEnumerable<RuleError> errors) => string.Join(" ", errors.Select(e => $"{e.Code}@{e.Path}"));

    [Fact]
    public void WriteTo_PackedSelections_WriteTheGeneratedContractsDocument()
    {
        var roster = SamplingTestData.Roster(500, 9);
        var receipt = PlanOf(roster, 9);
        // The draw's entities are packed; the same entities built from their text take the writer's other branch.
        var fromText = receipt with
        {
            Strata = [.. receipt.Strata.Select(s => s with { Selected = [.. s.Selected.Select(e => new SelectedEntity(e.CreditCode, e.Rank, e.Mandatory))] })],
        };
        var written = StreamingDrawTests.ReceiptBytes(receipt);
        Assert.Equal(written, StreamingDrawTests.ReceiptBytes(fromText));
        Assert.Equal(Encoding.UTF8.GetString(written), receipt.ToJson());
        // The generated contract, without the packed writer, writes the same document (members, order and values).
        var generated = System.Text.Json.JsonSerializer.Serialize(receipt, SamplingJsonContext.Default.SamplingReceipt);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(generated), JsonNode.Parse(written)));
        Assert.Equal(
            JsonNode.Parse(generated)!["strata"]!.AsArray().SelectMany(s => s!["selected"]!.AsArray()).Select(e => string.Join(",", e!.AsObject().Select(m => m.Key))).Distinct(),
            ["creditCode,rank,mandatory"]);
        Assert.Contains(receipt.Strata, s => s.Selected.Length > 0);
    }

    [Fact]
    public void VerifyPublished_ReceiptAsWritten_IsVerifiedAndNamesTheRecomputedDraw()
    {
        var roster = SamplingTestData.Roster(800, 3);
        var receipt = PlanOf(roster, 3);
        // One to seven bytes per read: every token and every stratum crosses the reader's refills.
        var verification = VerifyBytes(StreamingDrawTests.ReceiptBytes(receipt), roster, chunk: 7);
        Assert.True(verification.IsVerified, Paths(verification.Differences));
        Assert.Equal(receipt.SelectedCount, verification.Selected);
        Assert.Equal(receipt.Active, verification.Active);
        Assert.Equal(receipt.RosterHash, verification.RosterHash);
        Assert.Equal(SamplingReceipt.CurrentFormat, verification.Format);
    }

    [Fact]
    public void VerifyPublished_ReceiptAsWritten_RecomputesBeforeReadingAnyStratum()
    {
        var roster = SamplingTestData.Roster(800, 4);
        var receipt = PlanOf(roster, 4);
        var bytes = StreamingDrawTests.ReceiptBytes(receipt);
        var published = new Trickle(bytes, 16);
        var readWhenRosterOpened = new List<long>();
        IEnumerable<EntityRecord> Noting()
        {
            readWhenRosterOpened.Add(published.Position);
            foreach (var record in roster)
            {
                yield return record;
            }
        }

        var verification = DoubleRandomSampler.VerifyPublished(published, Noting());

        Assert.True(verification.IsVerified, Paths(verification.Differences));
        // The library writes the totals (selectedCount, realisedCoverage) after the strata: the header is complete
        // without them, so the commit and the draw both start before the first selected entity is read — the
        // published selection is compared as it arrives, never held (at 100 M entities it was 1.7 GB).
        var firstSelected = bytes.AsSpan().IndexOf("\"selected\""u8);
        Assert.True(bytes.AsSpan().LastIndexOf("\"selectedCount\""u8) > bytes.AsSpan().LastIndexOf("\"selected\""u8));
        Assert.Equal(2, readWhenRosterOpened.Count);
        Assert.All(readWhenRosterOpened, position => Assert.InRange(position, 1, firstSelected));
    }

    [Fact]
    public void VerifyPublished_SwappedEntity_FoundInItsStratumAsTheHeldReceiptCheckFindsIt()
    {
        var roster = SamplingTestData.Roster(600, 4);
        var receipt = PlanOf(roster, 4);
        var index = receipt.Strata.IndexOf(receipt.Strata.First(s => s.Selected.Length > 0 && s.Population > s.Selected.Length));
        var stratum = receipt.Strata[index];
        var other = roster.First(r => r.Status == EntityStatus.Active && DoubleRandomSampler.StratumOf(r) == stratum.Stratum
            && !stratum.Selected.Any(s => s.CreditCode == r.CreditCode.Value));
        var forged = receipt with
        {
            Strata = receipt.Strata.SetItem(index, stratum with { Selected = stratum.Selected.SetItem(0, stratum.Selected[0] with { CreditCode = other.CreditCode.Value }) }),
        };

        var streamed = VerifyBytes(StreamingDrawTests.ReceiptBytes(forged), roster, chunk: 13);
        var held = DoubleRandomSampler.Verify(forged, roster);

        Assert.False(streamed.IsVerified);
        var difference = Assert.Single(streamed.Differences);
        Assert.Equal("MR.Sampling.ReceiptMismatch", difference.Code);
        Assert.Equal($"$.strata[{index}].selected", difference.Path);
        Assert.Equal(Paths(held.Differences), Paths(streamed.Differences));
    }

    [Fact]
    public void VerifyPublished_StratumMissingOrAdded_ReportsTheCountOfStrata()
    {
        var roster = SamplingTestData.Roster(500, 5);
        var receipt = PlanOf(roster, 5);
        var fewer = VerifyBytes(Edit(receipt, o => o["strata"]!.AsArray().RemoveAt(receipt.Strata.Length - 1)), roster);
        Assert.Equal("MR.Sampling.ReceiptMismatch@$.strata", Paths(fewer.Differences));
        var more = VerifyBytes(Edit(receipt, o => o["strata"]!.AsArray().Add(o["strata"]![0]!.DeepClone())), roster);
        Assert.Equal("MR.Sampling.ReceiptMismatch@$.strata", Paths(more.Differences));
    }

    [Fact]
    public void VerifyPublished_TotalsThatTheStrataDoNotGive_AreNotConfirmed()
    {
        // The totals are what a reader of the published receipt quotes (how many entities were inspected, the coverage):
        // right strata with a wrong total must not verify, whether the totals come after the strata or before them.
        var roster = SamplingTestData.Roster(500, 7);
        var receipt = PlanOf(roster, 7);
        Assert.True(VerifyBytes(Edit(receipt, _ => { }), roster).IsVerified);
        var count = VerifyBytes(Edit(receipt, o => o["selectedCount"] = receipt.SelectedCount + 1), roster);
        Assert.Equal("MR.Sampling.ReceiptMismatch@$.selectedCount", Paths(count.Differences));
        var coverage = VerifyBytes(Edit(receipt, o => o["realisedCoverage"] = receipt.RealisedCoverage + 0.01m), roster);
        Assert.Equal("MR.Sampling.ReceiptMismatch@$.realisedCoverage", Paths(coverage.Differences));
        var first = VerifyBytes(Edit(receipt, o =>
        {
            var rest = o.ToList();
            o.Clear();
            o["selectedCount"] = receipt.SelectedCount - 1;
            foreach (var (name, value) in rest.Where(m => m.Key != "selectedCount"))
            {
                o[name] = value?.DeepClone();
            }
        }), roster);
        Assert.Equal("MR.Sampling.ReceiptMismatch@$.selectedCount", Paths(first.Differences));
    }

    [Fact]
    public void VerifyPublished_StrataBeforeTheHeader_StillVerified()
    {
        var roster = SamplingTestData.Roster(400, 6);
        var receipt = PlanOf(roster, 6);
        // JSON members have no order: a receipt re-serialised by another tool may put the strata first.
        var reordered = Edit(receipt, o =>
        {
            var strata = o["strata"]!;
            o.Remove("strata");
            var rest = o.ToList();
            o.Clear();
            o["strata"] = strata;
            foreach (var (name, value) in rest)
            {
                o[name] = value;
            }
        });
        Assert.StartsWith("{\"strata\"", Encoding.UTF8.GetString(reordered), StringComparison.Ordinal);
        Assert.True(VerifyBytes(reordered, roster, chunk: 5).IsVerified);
        Assert.Equal(StreamingDrawTests.ReceiptBytes(receipt), StreamingDrawTests.ReceiptBytes(Read(reordered).GetValueOrThrow()));
    }

    [Fact]
    public void ReadAndVerify_AnyRosterSeedAndReadSize_SameBytesAndVerified()
    {
        Gen.Select(Gen.Int[20, 400], Gen.Int[0, 1000], Gen.Int[1, 300]).Sample((size, seed, chunk) =>
        {
            var roster = SamplingTestData.Roster(size, seed);
            var receipt = PlanOf(roster, seed);
            var bytes = StreamingDrawTests.ReceiptBytes(receipt);
            Assert.Equal(bytes, StreamingDrawTests.ReceiptBytes(Read(bytes, chunk).GetValueOrThrow()));
            Assert.Equal(bytes, StreamingDrawTests.ReceiptBytes(SamplingReceipt.FromJson(Encoding.UTF8.GetString(bytes)).GetValueOrThrow()));
            Assert.True(VerifyBytes(bytes, roster, chunk).IsVerified);
        }, iter: 40);
    }

    public static TheoryData<string, string> Defects => new()
    {
        { "unknown member before the strata", "$.rosterHashes" },
        { "unknown member after the strata", "$.signature" },
        { "repeated member before the strata", "$.seed" },
        { "total repeated after the strata", "$.selectedCount" },
        { "strata repeated", "$.strata" },
        { "unknown member in a selected entity", "$.strata[1].selected[0].score" },
        { "wrong type in a stratum", "$.strata[0].quota" },
        { "null stratum", "$.strata[2]" },
        { "strata not an array", "$.strata" },
        { "missing member", "$.seed" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void VerifyPublished_DefectiveReceipt_RefusedWithCodeAndPathAsReadingItIs(string defect, string path)
    {
        var roster = SamplingTestData.Roster(300, 7);
        var receipt = PlanOf(roster, 7);
        var written = Encoding.UTF8.GetString(StreamingDrawTests.ReceiptBytes(receipt));
        var firstSelected = receipt.Strata.Select((s, i) => (s, i)).First(x => x.i >= 1 && x.s.Selected.Length > 0).i;
        var text = defect switch
        {
            "unknown member before the strata" => written.Replace("\"rosterHash\"", "\"rosterHashes\": \"x\",\n  \"rosterHash\"", StringComparison.Ordinal),
            "unknown member after the strata" => written[..written.LastIndexOf('}')] + ", \"signature\": \"x\"}",
            "repeated member before the strata" => written.Replace("\"prefix\"", "\"seed\": \"00\",\n  \"prefix\"", StringComparison.Ordinal),
            "total repeated after the strata" => written[..written.LastIndexOf('}')] + ", \"selectedCount\": 1}",
            "strata repeated" => written[..written.LastIndexOf('}')] + ", \"strata\": []}",
            "unknown member in a selected entity" => Encoding.UTF8.GetString(Edit(receipt, o => o["strata"]![firstSelected]!["selected"]![0]!.AsObject()["score"] = 1)),
            "wrong type in a stratum" => Encoding.UTF8.GetString(Edit(receipt, o => o["strata"]![0]!["quota"] = "many")),
            "null stratum" => Encoding.UTF8.GetString(Edit(receipt, o => o["strata"]![2] = null)),
            "strata not an array" => Encoding.UTF8.GetString(Edit(receipt, o => o["strata"] = "none")),
            "missing member" => Encoding.UTF8.GetString(Edit(receipt, o => o.Remove("seed"))),
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (defect == "unknown member in a selected entity")
        {
            path = path.Replace("[1]", $"[{firstSelected}]", StringComparison.Ordinal);
        }

        var verification = VerifyBytes(bytes, roster, chunk: 11);
        Assert.False(verification.IsVerified);
        Assert.All(verification.Differences, d => Assert.Equal("MR.Sampling.ReceiptMalformed", d.Code));
        Assert.Contains(verification.Differences, d => d.Path == path);
        var read = Read(bytes, chunk: 11);
        Assert.False(read.IsSuccess);
        Assert.Contains(read.Errors, e => e.Code == "MR.Sampling.ReceiptMalformed" && e.Path == path);
        Assert.Contains(SamplingReceipt.FromJson(text).Errors, e => e.Code == "MR.Sampling.ReceiptMalformed" && e.Path == path);
        // The message names the defect in both languages and carries no .NET exception text.
        Assert.All(read.Errors, e => Assert.DoesNotContain("System.", e.Message.English, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("trailing text")]
    [InlineData("invalid UTF-8 in a credit code")]
    [InlineData("not an object")]
    public void VerifyPublished_UnreadableText_RefusedNotThrown(string defect)
    {
        var roster = SamplingTestData.Roster(200, 8);
        var receipt = PlanOf(roster, 8);
        var bytes = StreamingDrawTests.ReceiptBytes(receipt);
        var code = Encoding.UTF8.GetBytes(receipt.Strata.First(s => s.Selected.Length > 0).Selected[0].CreditCode);
        byte[] broken = defect switch
        {
            "truncated" => bytes[..(bytes.Length * 2 / 3)],
            "trailing text" => [.. bytes, .. "\n{}"u8],
            "invalid UTF-8 in a credit code" => ReplaceFirst(bytes, code, [.. code[..4], 0xC3, 0x28, .. code[6..]]),
            "not an object" => "[1, 2]"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };
        var verification = VerifyBytes(broken, roster, chunk: 3);
        Assert.False(verification.IsVerified);
        Assert.NotEmpty(verification.Differences);
        Assert.All(verification.Differences, d => Assert.Equal("MR.Sampling.ReceiptMalformed", d.Code));
        Assert.All(verification.Differences, d => Assert.NotNull(d.Path));
        Assert.False(Read(broken, chunk: 3).IsSuccess);
    }

    private static byte[] ReplaceFirst(byte[] bytes, byte[] find, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        return [.. bytes[..at], .. with, .. bytes[(at + find.Length)..]];
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, as a network or a slow disk may.</summary>
    private sealed class Trickle(byte[] data, int chunk) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), data.Length - position);
            data.AsSpan(position, n).CopyTo(buffer.AsSpan(offset));
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
