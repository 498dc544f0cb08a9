using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>The public draw gives byte-identical receipts whichever SHA-256 path this machine hashes with.</summary>
[Collection(SamplerProcessState.Name)]
public class Sha256PathDrawTests
{
    private static readonly SamplingPolicy Policy = new() { RatioA = 0.03m, RatioB = 0.05m, RatioC = 0.10m, RatioD = 0.30m };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Draw_EverySupportedPath_ByteIdenticalReceipts(int cores)
    {
        var roster = SamplingTestData.Roster(5_003, 29);
        var commitment = DoubleRandomSampler.Commit("330100-2025-双随机-lanes", SamplingTestData.AsOf, Policy, roster, cores).GetValueOrThrow();
        var best = Sha256Lanes.Path;
        Assert.Equal(Sha256Lanes.Best, best);
        try
        {
            var receipts = Sha256Lanes.Supported.Select(path =>
            {
                Sha256Lanes.Path = path;
                return (Path: path, Bytes: StreamingDrawTests.ReceiptBytes(DoubleRandomSampler.Draw(commitment, SamplingTestData.Seed(3), roster, cores).GetValueOrThrow()));
            }).ToList();
            Assert.True(receipts[0].Bytes.Length > 1000);
            Assert.All(receipts, r => Assert.Equal(receipts[0].Bytes, r.Bytes));
        }
        finally
        {
            Sha256Lanes.Path = best;
        }
    }
}
