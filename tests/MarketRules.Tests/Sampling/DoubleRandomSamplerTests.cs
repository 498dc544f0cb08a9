using System.Collections.Immutable;
using CsCheck;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public partial class DoubleRandomSamplerTests
{
    private static readonly SamplingPolicy Henan = new() { RatioA = 0.01m, RatioB = 0.02m, RatioC = 0.10m, RatioD = 0.30m };

    private static SamplingReceipt PlanOf(IEnumerable<EntityRecord> roster, byte[] seed, SamplingPolicy? policy = null, int cores = 1) =>
        DoubleRandomSampler.Plan("task-2025-01", SamplingTestData.AsOf, policy ?? new SamplingPolicy(), seed, roster.ToList(), cores).GetValueOrThrow();

    private static string[] Codes(SamplingReceipt receipt) => [.. receipt.Strata.SelectMany(s => s.Selected).Select(s => s.CreditCode)];

    [Fact]
    public void ToJson_ChineseTaskId_IsPublishedReadablyAndReadBack()
    {
        const string task = "2025年食品安全“双随机”抽查 <第一批>";
        var receipt = DoubleRandomSampler.Plan(task, SamplingTestData.AsOf, new SamplingPolicy(), SamplingTestData.Seed(1), SamplingTestData.Roster(50), 1).GetValueOrThrow();
        var json = receipt.ToJson();
        // Readable for the public notice, still safe to embed in its web page.
        Assert.Contains("\"taskId\": \"2025年食品安全“双随机”抽查 \\u003C第一批\\u003E\"", json, StringComparison.Ordinal);
        Assert.Equal(task, SamplingReceipt.FromJson(json).GetValueOrThrow().TaskId);
    }

    [Fact]
    public void Draw_SmallRoster_EqualsReferenceSortByHashTakeQuota()
    {
        // Reference: per stratum, sort eligible entities by the hex SHA-256 of prefix ‖ code, take the quota.
        var roster = SamplingTestData.Roster(2_000);
        var seed = SamplingTestData.Seed(7);
        var receipt = PlanOf(roster, seed);
        var prefix = DrawPrefix.Create(seed, "task-2025-01");
        foreach (var stratum in receipt.Strata)
        {
            var expected = roster
                .Where(r => r.Status == EntityStatus.Active && DoubleRandomSampler.StratumOf(r) == stratum.Stratum)
                .Select(r => (Code: r.CreditCode.Value, Rank: prefix.Rank(r.CreditCode.Value)))
                .OrderBy(x => x.Rank, StringComparer.Ordinal)
                .Take(stratum.Quota)
                .ToList();
            Assert.Equal(expected.Select(e => e.Code), stratum.Selected.Select(s => s.CreditCode));
            Assert.Equal(expected.Select(e => e.Rank), stratum.Selected.Select(s => s.Rank));
        }
    }

    [Fact]
    public void Plan_SameRosterAndSeed_SameReceipt_Meets_Specification()
    {
        Gen.Int[1, 1_000].Select(Gen.Int[200, 1_500]).Sample(t =>
        {
            var (seed, size) = t;
            var roster = SamplingTestData.Roster(size, seed);
            Assert.Equal(PlanOf(roster, SamplingTestData.Seed(seed)).ToJson(), PlanOf(roster, SamplingTestData.Seed(seed)).ToJson());
        }, iter: 20);
    }

    [Fact]
    public void Plan_ShuffledRoster_SameSelectionAndHash_Meets_Specification()
    {
        var roster = SamplingTestData.Roster(1_500, 3);
        var seed = SamplingTestData.Seed(3);
        var reference = PlanOf(roster, seed, Henan);
        Gen.Shuffle(roster.ToArray()).Sample(shuffled =>
        {
            var receipt = PlanOf(shuffled, seed, Henan);
            Assert.Equal(reference.RosterHash, receipt.RosterHash);
            Assert.Equal(Codes(reference), Codes(receipt));
        }, iter: 20);
    }

    [Fact]
    public void Plan_EveryStratumMeetsQuotaAndOverallTarget_Meets_Specification()
    {
        var ratio = Gen.Int[0, 40].Select(x => x / 100m);
        Gen.Int[1, 500].Select(ratio, ratio, ratio, ratio).Sample(t =>
        {
            var (seed, a, b, c, d) = t;
            var policy = new SamplingPolicy { RatioA = a, RatioB = b, RatioC = c, RatioD = d };
            var roster = SamplingTestData.Roster(800, seed);
            var result = DoubleRandomSampler.Plan("t", SamplingTestData.AsOf, policy, SamplingTestData.Seed(seed), roster);
            if (!result.IsSuccess)
            {
                // Only an all-zero policy that cannot reach 5 % may fail, and then with the coded error.
                Assert.Equal("MR.Sampling.InfeasibleRatios", Assert.Single(result.Errors).Code);
                return;
            }
            var receipt = result.Value;
            foreach (var stratum in receipt.Strata)
            {
                Assert.Equal(stratum.Quota, stratum.Selected.Length);
                var floor = decimal.Ceiling(stratum.Active * policy.RatioOf(stratum.Stratum.Tier));
                Assert.True(stratum.Quota >= Math.Min(stratum.Population, floor), $"{stratum.Stratum}: quota {stratum.Quota} < {floor}");
                Assert.Equal(stratum.Selected.Length, stratum.Selected.Select(s => s.CreditCode).Distinct().Count());
            }
            Assert.True(receipt.SelectedCount >= receipt.Target);
            Assert.True(receipt.SelectedCount >= policy.AnnualCoverage * receipt.Active);
        }, iter: 40);
    }

    [Fact]
    public void Draw_ShardedByRegionAndMerged_EqualsSingleRun_Meets_Specification()
    {
        Gen.Int[1, 200].Sample(seedNumber =>
        {
            var roster = SamplingTestData.Roster(1_200, seedNumber);
            var seed = SamplingTestData.Seed(seedNumber);
            var commitment = DoubleRandomSampler.Commit("task", SamplingTestData.AsOf, Henan, roster).GetValueOrThrow();
            var single = DoubleRandomSampler.Draw(commitment, seed, roster).GetValueOrThrow();

            // Shards: one lottery per region, as a national run splits by province, merged in any order.
            var prefix = DrawPrefix.Create(seed, "task");
            var capacities = commitment.Strata.Select(s => s.Quota - s.Mandatory).ToArray();
            var index = commitment.Strata.Select((s, i) => (s.Stratum, i)).ToDictionary(x => x.Stratum, x => x.i);
            var shards = roster.Where(r => r.Status == EntityStatus.Active).GroupBy(r => r.Region).Select(g =>
            {
                var lottery = new SamplingLottery(prefix, capacities);
                foreach (var r in g)
                {
                    lottery.Add(index[DoubleRandomSampler.StratumOf(r)], System.Text.Encoding.ASCII.GetBytes(r.CreditCode.Value));
                }
                return lottery;
            }).Reverse().ToList();
            var merged = shards[0];
            foreach (var shard in shards.Skip(1))
            {
                merged.Merge(shard);
            }
            for (var s = 0; s < capacities.Length; s++)
            {
                Assert.Equal<SelectedEntity>(single.Strata[s].Selected, merged.Selected(s));
            }
            Assert.Equal(single.ToJson(), DoubleRandomSampler.Draw(commitment, seed, roster, degreeOfParallelism: 2).GetValueOrThrow().ToJson());
        }, iter: 10);
    }

    [Fact]
    public void Plan_OneEntityAdded_MovesAtMostOneSelection_Meets_Specification()
    {
        Gen.Int[1, 300].Sample(n =>
        {
            var roster = SamplingTestData.Roster(700, n, inactiveShare: 0);
            var seed = SamplingTestData.Seed(n);
            var before = PlanOf(roster, seed);
            var added = SamplingTestData.Roster(1, n + 10_000, inactiveShare: 0)[0];
            var after = PlanOf([.. roster, added], seed);
            if (!before.Strata.Select(s => (s.Stratum, s.Quota)).SequenceEqual(after.Strata.Select(s => (s.Stratum, s.Quota))))
            {
                return; // the population crossed a rounding step and the quota grew: a different plan
            }
            var a = Codes(before).ToHashSet();
            var b = Codes(after).ToHashSet();
            Assert.True(a.Except(b).Count() <= 1 && b.Except(a).Count() <= 1);
            Assert.True(b.Except(a).All(code => code == added.CreditCode.Value));
        }, iter: 40);
    }

    [Fact]
    public async Task DrawAsync_Stream_EqualsDraw()
    {
        var roster = SamplingTestData.Roster(1_000, 11);
        var seed = SamplingTestData.Seed(11);
        var commitment = DoubleRandomSampler.Commit("task", SamplingTestData.AsOf, Henan, roster).GetValueOrThrow();
        var expected = DoubleRandomSampler.Draw(commitment, seed, roster).GetValueOrThrow();
        var actual = await DoubleRandomSampler.DrawAsync(commitment, seed, roster.ToAsyncEnumerable());
        Assert.Equal(expected.ToJson(), actual.GetValueOrThrow().ToJson());
    }

    [Fact]
    public void Plan_HenanRatios_RaisedUniformlyToFivePercent()
    {
        // Mostly class A: 1/2/10/30 % alone stays below 5 %, so every ratio is scaled by the same factor.
        var roster = SamplingTestData.Roster(4_000, 5);
        var receipt = PlanOf(roster, SamplingTestData.Seed(5), Henan);
        Assert.True(receipt.Scale > 1m);
        Assert.Equal((int)decimal.Ceiling(0.05m * receipt.Active), receipt.Target);
        Assert.True(receipt.SelectedCount >= receipt.Target);
        // The factor is the least (to 6 decimals) that reaches the target.
        var strata = receipt.Strata.Select(s => (s.Stratum, s.Active, s.Population, s.Mandatory)).ToList();
        Assert.True(DoubleRandomSampler.Quotas(strata, Henan, receipt.Scale - 0.000001m).Sum() < receipt.Target);
    }

    [Fact]
    public void Commit_NoRatios_EveryClassUsesFivePercentRoundedUpPerStratum()
    {
        var roster = SamplingTestData.Roster(3_000, 9);
        var commitment = DoubleRandomSampler.Commit("t", SamplingTestData.AsOf, new SamplingPolicy(), roster).GetValueOrThrow();
        Assert.Equal(1m, commitment.Scale);
        foreach (var s in commitment.Strata)
        {
            Assert.Equal(s.Active, s.Population);
            Assert.Equal((int)decimal.Ceiling(s.Active * 0.05m), s.Quota);
        }
    }

    [Fact]
    public void Plan_MandatoryAndWindow_MandatoryFirstRecentExcluded()
    {
        var roster = SamplingTestData.Roster(1_000, 21);
        var mandatory = roster.First(r => r.Status == EntityStatus.Active).CreditCode.Value;
        var policy = new SamplingPolicy { AvoidRepeatMonths = 12, MandatoryInclusions = [mandatory] };
        var receipt = PlanOf(roster, SamplingTestData.Seed(21), policy);
        // The ratio applies to all active enterprises of a stratum, recently inspected ones included; only eligible ones fill it.
        Assert.All(receipt.Strata, s => Assert.Equal(Math.Max(s.Mandatory, Math.Min(s.Population, (int)decimal.Ceiling(s.Active * 0.05m))), s.Quota));
        Assert.Contains(receipt.Strata, s => s.Population < s.Active);
        var selected = receipt.Strata.SelectMany(s => s.Selected).ToList();
        Assert.Contains(selected, s => s.CreditCode == mandatory && s.Mandatory);
        var byCode = roster.ToDictionary(r => r.CreditCode.Value);
        Assert.All(selected.Where(s => !s.Mandatory), s =>
            Assert.False(byCode[s.CreditCode].LastInspected is { } last && last > SamplingTestData.AsOf.PlusMonths(-12)));
    }
}

internal static class AsyncEnumerableExtensions
{
    internal static async IAsyncEnumerable<T> ToAsyncEnumerable<T>(this IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
