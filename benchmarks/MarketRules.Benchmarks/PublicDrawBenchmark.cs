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
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> per entity on two cores, then a sort per stratum.
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
        // SHA-256(SHA-256(seed) ‖ SHA-256(task) ‖ code) per active entity, two halves on two cores, then each stratum sorted.
        var prefix = new byte[64];
        SHA256.HashData(Seed, prefix);
        SHA256.HashData("benchmark-task"u8, prefix.AsSpan(32));
        var active = roster.Where(r => r.Status == EntityStatus.Active).ToArray();
        var ranks = new (UInt128 High, UInt128 Low, int Index)[active.Length];
        Parallel.For(0, 2, half =>
        {
            Span<byte> message = stackalloc byte[82];
            Span<byte> digest = stackalloc byte[32];
            prefix.CopyTo(message);
            for (var i = half * active.Length / 2; i < (half + 1) * active.Length / 2; i++)
            {
                System.Text.Encoding.ASCII.GetBytes(active[i].CreditCode.Value, message[64..]);
                SHA256.HashData(message, digest);
                ranks[i] = (System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest[16..]), i);
            }
        });
        var selected = 0;
        foreach (var stratum in ranks.GroupBy(r => (active[r.Index].Region, active[r.Index].Industry, active[r.Index].Tier)))
        {
            var inStratum = stratum.ToArray();
            Array.Sort(inStratum);
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
