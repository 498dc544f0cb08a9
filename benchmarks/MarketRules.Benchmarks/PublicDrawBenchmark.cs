using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Benchmarks;

/// <summary>
/// The draw through the API a bureau calls (issue 13): <see cref="DoubleRandomSampler.Commit"/> + <see cref="DoubleRandomSampler.Draw"/>
/// + the receipt written to a stream, over <see cref="EntityRecord"/>s in memory — 10 M entities, 48 strata (4 regions ×
/// 3 industries × 4 classes), 5 % — against the verifiable lottery a user writes by hand in an afternoon:
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> per entity on two cores, each entity's stratum looked up
/// once, then a sort per stratum (the first version grouped with LINQ and took 7.1 s at idle, twice the 3.9 s, so
/// it flattered the library; this one is what a careful user writes).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PublicDrawBenchmark
{
    private static readonly string[] Regions = ["330102", "330105", "330106", "330108"];
    private static readonly string[] Industries = ["C", "F", "H"];
    private static readonly SamplingPolicy Policy = new() { AnnualCoverage = 0.05m, RatioA = 0.05m, RatioB = 0.05m, RatioC = 0.05m, RatioD = 0.05m };
    private static readonly LocalDate AsOf = new(2025, 3, 1);
    private static readonly byte[] Seed = [1, 2, 3, 4];
    private EntityRecord[] roster = [];
    private RosterCommitment commitment = null!;

    [Params(10_000_000)]
    public int N { get; set; }

    /// <summary>Entities <paramref name="start"/> to <paramref name="start"/> + n − 1 of a generated roster: distinct codes in scrambled order.</summary>
    internal static EntityRecord[] Generate(int n, long start = 0)
    {
        const long Space = 26_439_622_160_671; // 31⁹: the nine free characters of a code
        var records = new EntityRecord[n];
        var regions = Regions.Select(r => Jurisdiction.Parse(r).GetValueOrThrow()).ToArray();
        Span<byte> hash = stackalloc byte[32];
        Span<char> chars = stackalloc char[17];
        for (var i = 0; i < n; i++)
        {
            var number = start + i;
            SHA256.HashData(BitConverter.GetBytes(number), hash);
            "91330105".AsSpan().CopyTo(chars);
            // number ↦ number × a + b mod 31⁹ with a prime to 31 is a bijection: codes are distinct and not in roster order.
            var x = (long)(((Int128)number * 7_919_000_009 + 1_234_567) % Space);
            for (var c = 16; c >= 8; c--)
            {
                chars[c] = UnifiedSocialCreditCode.Alphabet[(int)(x % 31)];
                x /= 31;
            }
            var code = UnifiedSocialCreditCode.Parse(new string(chars) + UnifiedSocialCreditCode.ComputeCheckCharacter(chars)).GetValueOrThrow();
            records[i] = new EntityRecord(code, "", regions[hash[0] % 4], Industries[hash[1] % 3], EntityKind.Enterprise,
                hash[3] < 13 ? EntityStatus.Deregistered : EntityStatus.Active, (CreditRiskClass)(hash[2] % 4));
        }
        return records;
    }

    [GlobalSetup]
    public void Setup()
    {
        roster = Generate(N);
        commitment = DoubleRandomSampler.Commit("benchmark-task", AsOf, Policy, roster, 2).GetValueOrThrow();
    }

    [Benchmark(Baseline = true)]
    public int HandWrittenSha256Lottery_TwoCores()
    {
        // What a careful user writes in an afternoon: SHA-256(SHA-256(seed) ‖ SHA-256(task) ‖ code) per active entity,
        // two halves on two cores, each entity's stratum found once in a dictionary, then one sort per stratum.
        var prefix = new byte[64];
        SHA256.HashData(Seed, prefix);
        SHA256.HashData("benchmark-task"u8, prefix.AsSpan(32));
        var active = roster.Where(r => r.Status == EntityStatus.Active).ToArray();
        var ranks = new (UInt128 High, UInt128 Low, int Index)[active.Length];
        var strata = new int[active.Length];
        var stratumIds = new Dictionary<(int Region, string Industry, CreditRiskClass Tier), int>[2];
        Parallel.For(0, 2, half =>
        {
            var ids = stratumIds[half] = [];
            Span<byte> message = stackalloc byte[82];
            Span<byte> digest = stackalloc byte[32];
            prefix.CopyTo(message);
            for (var i = half * active.Length / 2; i < (half + 1) * active.Length / 2; i++)
            {
                var entity = active[i];
                System.Text.Encoding.ASCII.GetBytes(entity.CreditCode.Value, message[64..]);
                SHA256.HashData(message, digest);
                ranks[i] = (System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest[16..]), i);
                var key = (entity.Region.Code, entity.Industry, entity.Tier);
                if (!ids.TryGetValue(key, out var id))
                {
                    ids[key] = id = ids.Count;
                }
                strata[i] = half << 16 | id;
            }
        });
        // Renumber the two halves' strata into one numbering, then bucket the ranks by stratum and sort each bucket.
        var global = new Dictionary<(int, string, CreditRiskClass), int>();
        var renumber = new int[2][];
        for (var half = 0; half < 2; half++)
        {
            renumber[half] = new int[stratumIds[half].Count];
            foreach (var (key, id) in stratumIds[half])
            {
                if (!global.TryGetValue(key, out var g))
                {
                    global[key] = g = global.Count;
                }
                renumber[half][id] = g;
            }
        }
        var counts = new int[global.Count + 1];
        for (var i = 0; i < strata.Length; i++)
        {
            strata[i] = renumber[strata[i] >> 16][strata[i] & 0xFFFF];
            counts[strata[i] + 1]++;
        }
        for (var g = 1; g < counts.Length; g++)
        {
            counts[g] += counts[g - 1];
        }
        var bucketed = new (UInt128 High, UInt128 Low, int Index)[ranks.Length];
        var next = (int[])counts.Clone();
        for (var i = 0; i < ranks.Length; i++)
        {
            bucketed[next[strata[i]]++] = ranks[i];
        }
        var selected = 0;
        for (var g = 0; g < global.Count; g++)
        {
            var inStratum = bucketed.AsSpan(counts[g], counts[g + 1] - counts[g]);
            inStratum.Sort();
            selected += Math.Min(inStratum.Length, (int)Math.Ceiling(inStratum.Length * 0.05));
        }
        return selected;
    }

    [Benchmark]
    public long CommitDrawReceipt_TwoCores()
    {
        var committed = DoubleRandomSampler.Commit("benchmark-task", AsOf, Policy, roster, 2).GetValueOrThrow();
        var receipt = DoubleRandomSampler.Draw(committed, Seed, roster, 2).GetValueOrThrow();
        using var output = new CountingStream();
        receipt.WriteTo(output);
        return output.Length;
    }

    [Benchmark]
    public int Commit_TwoCores() => DoubleRandomSampler.Commit("benchmark-task", AsOf, Policy, roster, 2).GetValueOrThrow().TotalQuota;

    [Benchmark]
    public int Draw_OneCore() => DoubleRandomSampler.Draw(commitment, Seed, roster, 1).GetValueOrThrow().SelectedCount;

    [Benchmark]
    public int Draw_TwoCores() => DoubleRandomSampler.Draw(commitment, Seed, roster, 2).GetValueOrThrow().SelectedCount;

    /// <summary>A write-only stream that counts the bytes: the receipt's size without holding it.</summary>
    internal sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
