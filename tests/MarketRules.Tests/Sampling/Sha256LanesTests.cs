using System.Security.Cryptography;
using CsCheck;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public class Sha256LanesTests
{
    // By name: the path type is internal to the library, and a theory's parameters are public.
    public static TheoryData<string> SupportedPaths() => [.. Sha256Lanes.Supported.Select(p => p.ToString())];

    [Fact]
    public void Supported_HasTheReferenceAndTheBest_EveryPathThisMachineRuns()
    {
        Assert.Equal(Sha256Path.Scalar, Sha256Lanes.Supported[0]);
        Assert.Contains(Sha256Lanes.Best, Sha256Lanes.Supported);
        Assert.Equal(Sha256Lanes.Best, Sha256Lanes.Supported[^1]);
        // The paths and their widths: what the lottery batches by.
        Assert.Equal([1, 8, 8, 16], new[] { Sha256Path.Scalar, Sha256Path.Lanes8, Sha256Path.Lanes8Avx512, Sha256Path.Lanes16Avx512 }.Select(Sha256Lanes.LanesOf));
    }

    [Theory]
    [MemberData(nameof(SupportedPaths))]
    public void Rank_EachSupportedPath_RandomCreditCodes_EqualsSha256HashData_Meets_Specification(string name)
    {
        var path = Enum.Parse<Sha256Path>(name);
        // The draw hashes prefix ‖ 18 ASCII bytes (an 82-byte message): random prefixes, random ids of the code's characters.
        var lanes = Sha256Lanes.LanesOf(path);
        Gen.Byte.Array[64].Select(Gen.Byte[(byte)'0', (byte)'Z'].Array[lanes * 18]).Sample(t =>
        {
            var (prefixBytes, ids) = t;
            var prefix = Sha256Lanes.ComputePrefixState(prefixBytes);
            var keys = new RankKey[lanes];
            Sha256Lanes.Rank(path, prefix, ids, keys);
            for (var lane = 0; lane < lanes; lane++)
            {
                var message = prefixBytes.Concat(ids.Skip(lane * 18).Take(18)).ToArray();
                var expected = RankKey.FromDigest(SHA256.HashData(message));
                Assert.Equal(expected, keys[lane]);
            }
        }, iter: 200);
    }

    [Theory]
    [MemberData(nameof(SupportedPaths))]
    public void Lottery_EachSupportedPath_SelectsAsTheScalarReference(string name)
    {
        var path = Enum.Parse<Sha256Path>(name);
        // Entities one at a time (Add: batches of the path's width, then the tail flushed one by one) and pre-encoded
        // (AddRange), over counts that are and are not multiples of 8 and 16: the same selections, ranks and order.
        Gen.Int[1, 700].Select(Gen.Int[0, 3], Gen.Int[0, 40]).Sample(t =>
        {
            var (count, seed, capacity) = t;
            var prefix = DrawPrefix.Create([(byte)seed, 7], "lanes");
            var codes = Enumerable.Range(0, count).Select(i => SamplingTestData.Code((i * 104_729L) + seed)).ToArray();
            var strata = codes.Select((_, i) => i % 3).ToArray();
            int[] capacities = [capacity, capacity / 2, capacity + 3];
            var reference = new SamplingLottery(prefix, capacities, Sha256Path.Scalar);
            var added = new SamplingLottery(prefix, capacities, path);
            var ranged = new SamplingLottery(prefix, capacities, path);
            for (var i = 0; i < count; i++)
            {
                var ascii = System.Text.Encoding.ASCII.GetBytes(codes[i]);
                reference.Add(strata[i], ascii);
                added.Add(strata[i], ascii);
            }
            ranged.AddRange(strata, System.Text.Encoding.ASCII.GetBytes(string.Concat(codes)));
            for (var s = 0; s < capacities.Length; s++)
            {
                // As arrays: ImmutableArray's own equality compares references.
                var expected = reference.Selected(s).ToArray();
                Assert.Equal(Math.Min(capacities[s], strata.Count(x => x == s)), expected.Length);
                Assert.Equal(expected, added.Selected(s).ToArray());
                Assert.Equal(expected, ranged.Selected(s).ToArray());
            }
        }, iter: 60);
    }

    [Fact]
    public void RankScalar_RandomIdsOfEveryLength_EqualsSha256HashData_Meets_Specification()
    {
        Gen.Byte.Array[64].Select(Gen.Byte.Array[0, 55]).Sample(t =>
        {
            var (prefixBytes, id) = t;
            var key = Sha256Lanes.RankScalar(Sha256Lanes.ComputePrefixState(prefixBytes), id);
            Assert.Equal(RankKey.FromDigest(SHA256.HashData([.. prefixBytes, .. id])), key);
        }, iter: 300);
    }

    [Fact]
    public void Rank_DrawPrefix_MatchesDocumentedLayout()
    {
        // prefix = SHA-256(seed) ‖ SHA-256(UTF-8 task id); rank = SHA-256(prefix ‖ ASCII code), computed here by hand.
        var seed = new byte[] { 1, 2, 3 };
        const string task = "2025-市场监管-001";
        const string code = "91330105MA2H2XYZ3K";
        var prefix = DrawPrefix.Create(seed, task);
        var expectedPrefix = SHA256.HashData(seed).Concat(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(task))).ToArray();
        Assert.Equal(expectedPrefix, prefix.Bytes.ToArray());
        var expectedRank = Convert.ToHexStringLower(SHA256.HashData([.. expectedPrefix, .. System.Text.Encoding.ASCII.GetBytes(code)]));
        Assert.Equal(expectedRank, prefix.Rank(code));
        Assert.Equal(expectedRank, prefix.RankKey(System.Text.Encoding.ASCII.GetBytes(code)).ToString());
    }

    [Fact]
    public void PackedCode_RoundTrips()
    {
        Gen.Long[0, long.MaxValue].Sample(n =>
        {
            var code = SamplingTestData.Code(n);
            Assert.Equal(code, PackedCode.Unpack(PackedCode.Pack(System.Text.Encoding.ASCII.GetBytes(code))));
        }, iter: 200);
    }
}

public class SamplingLotteryTests
{
    [Theory]
    [InlineData(20_000, 500)]
    [InlineData(3_000, 2_999)]
    [InlineData(100, 0)]
    [InlineData(7, 100)]
    public void AddRange_OneStratum_EqualsLowestRanksBySort(int population, int capacity)
    {
        var prefix = DrawPrefix.Create([9, 9], "lottery");
        var codes = Enumerable.Range(0, population).Select(i => SamplingTestData.Code(i * 7919L)).ToList();
        var lottery = new SamplingLottery(prefix, [capacity]);
        lottery.AddRange(new int[population], System.Text.Encoding.ASCII.GetBytes(string.Concat(codes)));
        var expected = codes.Select(c => (Code: c, Rank: prefix.Rank(c))).OrderBy(x => x.Rank, StringComparer.Ordinal).Take(capacity).ToList();
        Assert.Equal(expected.Select(e => e.Code), lottery.Selected(0).Select(s => s.CreditCode));
        Assert.Equal(population, lottery.Offered);
    }
}
