using System.Security.Cryptography;
using CsCheck;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public class Sha256LanesTests
{
    [Fact]
    public void Rank8_RandomCreditCodes_EqualsSha256HashData_Meets_Specification()
    {
        Gen.Byte.Array[64].Select(Gen.Byte[(byte)'0', (byte)'Z'].Array[8 * 18]).Sample(t =>
        {
            var (prefixBytes, ids) = t;
            var prefix = Sha256Lanes.ComputePrefixState(prefixBytes);
            var keys = new RankKey[8];
            Sha256Lanes.Rank8(prefix, ids, keys);
            for (var lane = 0; lane < 8; lane++)
            {
                var message = prefixBytes.Concat(ids.Skip(lane * 18).Take(18)).ToArray();
                var expected = RankKey.FromDigest(SHA256.HashData(message));
                Assert.Equal(expected, keys[lane]);
            }
        }, iter: 200);
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
