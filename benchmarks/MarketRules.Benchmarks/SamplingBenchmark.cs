using System.Security.Cryptography;
using BenchmarkDotNet.Configs;
using MarketRules.Sampling;

namespace MarketRules.Benchmarks;

/// <summary>
/// A 5 % draw from N enterprises. Baselines (not verifiable, unstratified, seeded <see cref="Random"/>): the naive
/// OrderBy(random).Take(k) and a partial Fisher–Yates shuffle. MarketRules: the stratified SHA-256 lottery (48 strata,
/// region × industry × class) over pre-encoded credit codes, on one and two cores.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class SamplingBenchmark
{
    private const int Strata = 48;
    private int[] strata = [];
    private byte[] codes = [];
    private int[] capacities = [];
    private DrawPrefix prefix = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        strata = new int[N];
        codes = new byte[N * 18];
        var population = new int[Strata];
        Span<byte> hash = stackalloc byte[32];
        const string alphabet = UnifiedSocialCreditCode.Alphabet;
        Span<char> chars = stackalloc char[17];
        for (var i = 0; i < N; i++)
        {
            SHA256.HashData(BitConverter.GetBytes(i), hash);
            strata[i] = hash[0] % Strata;
            population[strata[i]]++;
            "91330105".AsSpan().CopyTo(chars);
            for (var c = 8; c < 17; c++)
            {
                chars[c] = alphabet[hash[c] % 31];
            }
            var code = new string(chars) + UnifiedSocialCreditCode.ComputeCheckCharacter(chars);
            System.Text.Encoding.ASCII.GetBytes(code, codes.AsSpan(i * 18, 18));
        }
        capacities = [.. population.Select(p => (int)Math.Ceiling(p * 0.05))];
        prefix = DrawPrefix.Create([1, 2, 3, 4], "benchmark-task");
    }

    [Benchmark(Baseline = true)]
    public int[] NaiveOrderBy_Unverifiable()
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, N).OrderBy(_ => random.Next()).Take(N / 20)];
    }

    [Benchmark]
    public int[] PartialFisherYates_Unverifiable()
    {
        var random = new Random(42);
        var index = new int[N];
        for (var i = 0; i < N; i++)
        {
            index[i] = i;
        }
        var k = N / 20;
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, N);
            (index[i], index[j]) = (index[j], index[i]);
        }
        return index[..k];
    }

    /// <summary>
    /// The verifiable lottery a user writes by hand: <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> of
    /// prefix ‖ code per entity on two cores, then each stratum's ranks sorted and its quota taken. Same selection rule
    /// as the library (the ranks are the same digests); the yardstick issue 13 sets for the public API.
    /// </summary>
    [Benchmark]
    public int HandWrittenSha256Lottery_TwoCores()
    {
        var ranks = new (UInt128 High, UInt128 Low, int Index)[N];
        var prefixBytes = prefix.Bytes.ToArray();
        Parallel.For(0, 2, half =>
        {
            Span<byte> message = stackalloc byte[82];
            Span<byte> digest = stackalloc byte[32];
            prefixBytes.CopyTo(message);
            for (var i = half * N / 2; i < (half + 1) * N / 2; i++)
            {
                codes.AsSpan(i * 18, 18).CopyTo(message[64..]);
                SHA256.HashData(message, digest);
                ranks[i] = (System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest[16..]), i);
            }
        });
        var selected = 0;
        foreach (var stratum in ranks.GroupBy(r => strata[r.Index]))
        {
            var inStratum = stratum.ToArray();
            Array.Sort(inStratum);
            selected += Math.Min(inStratum.Length, capacities[stratum.Key]);
        }
        return selected;
    }

    [Benchmark]
    public int Lottery_OneCore()
    {
        var lottery = new SamplingLottery(prefix, capacities);
        lottery.AddRange(strata, codes);
        return Count(lottery);
    }

    [Benchmark]
    public int Lottery_TwoCores() => Count(SamplingLottery.DrawParallel(prefix, capacities, strata, codes, 2));

    private static int Count(SamplingLottery lottery)
    {
        var total = 0;
        for (var s = 0; s < lottery.StratumCount; s++)
        {
            total += lottery.Selected(s).Length;
        }
        return total;
    }
}
