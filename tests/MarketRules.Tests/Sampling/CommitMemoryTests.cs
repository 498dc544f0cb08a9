using System.Collections;
using System.Runtime.CompilerServices;
using MarketRules.Sampling;
using MarketRules.Utility;

namespace MarketRules.Tests.Sampling;

/// <summary>
/// Tests that read or set the sampler's state for the whole process — <see cref="NativeArena.OutstandingBytes"/> and its
/// pool, <see cref="Sha256Lanes.Path"/>: they run alone, after the parallel collections, so no other test's commit holds
/// memory while they look and no other test hashes on a path they forced.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SamplerProcessState
{
    internal const string Name = "The sampler's process-wide state (native memory, SHA-256 path)";
}

/// <summary>
/// The commit keeps its 32 bytes per record outside the collector's heap and gives every byte back when it ends —
/// returns, fails on a record, throws in the reader or is cancelled — so the draw and verification that follow do not
/// grow beside the commitment's garbage (issue 13: RSS must not grow with N beyond the compact commitment).
/// </summary>
[Collection(SamplerProcessState.Name)]
public class CommitMemoryTests
{
    private const string Task = "330100-2025-双随机-13";
    private const int Records = 300_000;
    private static readonly SamplingPolicy Policy = new() { RatioA = 0.03m, RatioB = 0.05m, RatioC = 0.10m, RatioD = 0.30m };
    private static readonly Lazy<List<EntityRecord>> Roster = new(() => SamplingTestData.Roster(Records, 13));

    /// <summary>A roster that notes the native bytes held while it is read, and can throw on one record.</summary>
    private sealed class Watched(IEnumerable<EntityRecord> roster, int throwAt = -1) : IEnumerable<EntityRecord>
    {
        internal long Peak { get; private set; }

        public IEnumerator<EntityRecord> GetEnumerator()
        {
            var index = 0;
            foreach (var record in roster)
            {
                Peak = Math.Max(Peak, NativeArena.OutstandingBytes);
                if (index++ == throwAt)
                {
                    throw new InvalidOperationException("the roster's source failed");
                }
                yield return record;
            }
            Peak = Math.Max(Peak, NativeArena.OutstandingBytes);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Commit_300kRecords_HoldsThemNativeAndReturnsEveryByte(int cores)
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var watched = new Watched(Roster.Value);
        var commitment = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Policy, watched, cores);
        Assert.True(commitment.IsSuccess, string.Join("\n", commitment.Errors.Select(e => e.Message.English)));
        Assert.Equal(Records, commitment.Value.Records);
        // While the last records were read, the entries of (nearly) all the others were held natively — and compactly:
        // 32 bytes per record plus each bucket's partly filled last block (at most 31 × 512 KiB a worker), the doubling
        // slabs at most twice that (what is not written is reserved, not resident).
        Assert.InRange(watched.Peak, 32L * (Records - (3 * 4096)), 2 * ((32L * Records) + (cores * (16L << 20))));
        Assert.Equal(0, NativeArena.OutstandingBytes);
        // The same commitment as the documented construction: the native entries are the ones hashed.
        Assert.Equal(StreamingDrawTests.DocumentedRosterHash(Roster.Value), commitment.Value.RosterHash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Commit_ReaderThrowsMidway_ReturnsEveryByte(int cores)
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var watched = new Watched(Roster.Value, throwAt: 200_000);
        var thrown = Assert.ThrowsAny<Exception>(() => DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Policy, watched, cores));
        Assert.Contains("the roster's source failed", thrown.ToString(), StringComparison.Ordinal);
        Assert.True(watched.Peak >= 32L * 150_000, $"held {watched.Peak:N0} bytes when it threw");
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public async Task CommitAsync_CancelledMidway_ReturnsEveryByte()
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        using var cancel = new CancellationTokenSource();
        long held = 0;
        async IAsyncEnumerable<EntityRecord> Cancelling([EnumeratorCancellation] CancellationToken token = default)
        {
            for (var i = 0; i < Records; i++)
            {
                if (i == 200_000)
                {
                    held = NativeArena.OutstandingBytes;
                    await cancel.CancelAsync();
                }
                token.ThrowIfCancellationRequested();
                yield return Roster.Value[i];
            }
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DoubleRandomSampler.CommitAsync(Task, SamplingTestData.AsOf, Policy, Cancelling(), cancel.Token));
        Assert.True(held >= 32L * 200_000, $"held {held:N0} bytes when cancelled");
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Commit_DuplicateRecords_RefusedAndEveryByteReturned()
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var roster = Roster.Value.Take(100_000).Concat(Roster.Value.Take(10)).ToList();
        var commitment = DoubleRandomSampler.Commit(Task, SamplingTestData.AsOf, Policy, roster, 2);
        Assert.Equal(["MR.Sampling.DuplicateEntity"], commitment.Errors.Select(e => e.Code).Distinct());
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void CsvCommitDrawVerify_ReturnEveryByte_AndVerify()
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var roster = Roster.Value.Take(50_000).ToList();
        var csv = StreamingDrawTests.CsvOf(roster);
        var seed = SamplingTestData.Seed(13);
        var commitment = RosterCsv.Commit(Task, SamplingTestData.AsOf, Policy, new MemoryStream(csv), 2).GetValueOrThrow();
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var receipt = RosterCsv.Draw(commitment, seed, new MemoryStream(csv), 2).GetValueOrThrow();
        var published = new MemoryStream(StreamingDrawTests.ReceiptBytes(receipt));
        var check = RosterCsv.VerifyPublished(published, () => new MemoryStream(csv), 2);
        Assert.True(check.IsVerified, string.Join("\n", check.Differences.Select(d => d.Message.English)));
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Arena_DisposedTwice_FreesOnceAndRefusesLaterAllocations()
    {
        // Blocks other tests' commits left in the pool would be reused here, at their own sizes.
        NativeArena.TrimPool();
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var arena = new NativeArena();
        var block = arena.Allocate<long>(1000);
        block.Span.Fill(7);
        Assert.Equal(7000, block.Span.ToArray().Sum());
        Assert.Equal(8000, arena.Bytes);
        Assert.Equal(8000, NativeArena.OutstandingBytes);
        arena.Dispose();
        arena.Dispose();
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate<long>(1));
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => block.Slice(999, 2));

        // A block of 2 MiB or more is aligned for transparent huge pages (on Linux) and freed as such.
        using (var large = new NativeArena())
        {
            var slab = large.Allocate<long>(1 << 19);
            slab.Span.Fill(3);
            Assert.Equal(3L << 19, slab.Span.ToArray().Sum());
            Assert.Equal(4L << 20, NativeArena.OutstandingBytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Arena_HugePageBlocks_KeptForTheNextArenaUpToTheLimit()
    {
        NativeArena.TrimPool();
        var limit = NativeArena.RetainedLimit;
        try
        {
            NativeArena.RetainedLimit = 8L << 20;
            ref long first = ref Unsafe.NullRef<long>();
            using (var arena = new NativeArena())
            {
                var block = arena.Allocate<long>(3 << 17); // 3 MiB: held as two whole huge pages
                block.Span.Fill(1);
                first = ref block.Span[0];
                Assert.Equal(OperatingSystem.IsLinux() ? 4L << 20 : 3L << 20, NativeArena.OutstandingBytes);
                var small = arena.Allocate<long>(1000); // under 2 MiB: an ordinary allocation, never pooled
                small.Span.Fill(2);
            }
            Assert.Equal(0, NativeArena.OutstandingBytes);
            if (!NativeArena.HugePages)
            {
                // Without huge pages (not Linux) nothing is aligned, so nothing is kept.
                Assert.Equal(0, NativeArena.PooledBytes);
                return;
            }
            Assert.Equal(4L << 20, NativeArena.PooledBytes);
            using (var arena = new NativeArena())
            {
                // Larger than twice the kept block's size: freshly allocated, the kept one stays pooled.
                var large = arena.Allocate<long>(1 << 20);
                Assert.False(Unsafe.AreSame(ref first, ref large.Span[0]));
                Assert.Equal(4L << 20, NativeArena.PooledBytes);
                // Fits the kept block: the same memory again, its whole 4 MiB held.
                var again = arena.Allocate<long>(1 << 18);
                Assert.True(Unsafe.AreSame(ref first, ref again.Span[0]));
                Assert.Equal(0, NativeArena.PooledBytes);
                Assert.Equal((8L << 20) + (4L << 20), NativeArena.OutstandingBytes);
            }
            // Both blocks back: 4 MiB + 8 MiB is over the 8 MiB limit, so one of them is freed.
            Assert.Equal(0, NativeArena.OutstandingBytes);
            Assert.InRange(NativeArena.PooledBytes, 4L << 20, 8L << 20);
            // What a host calls to get the kept memory back: the pool is empty after it.
            DoubleRandomSampler.ReleaseRetainedMemory();
            Assert.Equal(0, NativeArena.PooledBytes);
        }
        finally
        {
            NativeArena.RetainedLimit = limit;
            NativeArena.TrimPool();
        }
    }
}
