using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MarketRules.Tests.Sampling;
using MarketRules.Utility;

namespace MarketRules.Tests.Kernel;

/// <summary>
/// What the sampling lottery relies on from its unmanaged arena: every byte counted while held and given back on dispose
/// (issue 13), blocks of 2 MiB or more held as whole huge pages and kept in a bounded pool for the next arena — the
/// smallest kept block that fits, never one more than twice the request — and a block's slices refused out of bounds.
/// </summary>
/// <remarks>The arena's counters, pool and switches are the process's: these tests run alone, in the sampler's
/// process-state collection, each from an empty pool with huge pages on (Linux, as CI) and a 16 MiB pool limit.</remarks>
[Collection(SamplerProcessState.Name)]
public sealed class NativeArenaMutationEdgeTests : IDisposable
{
    private const int MiB = 1 << 20;
    private readonly bool hugePages = NativeArena.HugePages;
    private readonly long retainedLimit = NativeArena.RetainedLimit;

    public NativeArenaMutationEdgeTests()
    {
        // Blocks other tests' commits left in the pool would be reused here, at their own sizes.
        NativeArena.TrimPool();
        NativeArena.HugePages = true;
        NativeArena.RetainedLimit = 16L * MiB;
    }

    public void Dispose()
    {
        NativeArena.HugePages = hugePages;
        NativeArena.RetainedLimit = retainedLimit;
        NativeArena.TrimPool();
    }

    [Fact]
    public void Allocate_SmallBlocks_HeldAtTheirSizeCountedAndAllGivenBackOnDispose()
    {
        Assert.Equal(0, NativeArena.OutstandingBytes);
        var arena = new NativeArena();
        var longs = arena.Allocate<long>(1000);
        longs.Span.Fill(7);
        Assert.Equal(1000, longs.Length);
        Assert.Equal(7000, longs.Span.ToArray().Sum());
        Assert.Equal(8000, arena.Bytes);
        Assert.Equal(8000, NativeArena.OutstandingBytes);
        var ints = arena.Allocate<int>(10);
        Assert.Equal(8040, arena.Bytes);
        Assert.Equal(8040, NativeArena.OutstandingBytes);

        arena.Dispose();
        Assert.Equal(0, arena.Bytes);
        Assert.Equal(0, NativeArena.OutstandingBytes);
        // Blocks under 2 MiB are ordinary allocations: freed, never kept.
        Assert.Equal(0, NativeArena.PooledBytes);
        Assert.Equal(10, ints.Length);
    }

    [Fact]
    public void Dispose_Twice_GivesBackOnceAndRefusesLaterAllocations()
    {
        var arena = new NativeArena();
        arena.Allocate<long>(1000);
        arena.Dispose();
        arena.Dispose();
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate<long>(1));
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate<byte>(3 * MiB));
        Assert.Equal(0, arena.Bytes);
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Allocate_NoValues_RefusedNamingTheLength(int length)
    {
        using var arena = new NativeArena();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => arena.Allocate<long>(length));
        Assert.Equal("length", ex.ParamName);
        Assert.Equal(length, ex.ActualValue);
        Assert.StartsWith("Value should be in range [1-2147483647]", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, arena.Bytes);
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Allocate_OneByteUnderTwoMiB_AnOrdinaryBlockAtItsSizeNeverKept()
    {
        using (var arena = new NativeArena())
        {
            arena.Allocate<byte>((2 * MiB) - 1);
            Assert.Equal((2 * MiB) - 1, arena.Bytes);
            Assert.Equal((2 * MiB) - 1, NativeArena.OutstandingBytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Equal(0, NativeArena.PooledBytes);
    }

    [Fact]
    public void Allocate_ExactlyTwoMiB_AWholeHugePageKeptForTheNextArena()
    {
        using (var arena = new NativeArena())
        {
            arena.Allocate<byte>(2 * MiB);
            Assert.Equal(2 * MiB, arena.Bytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Equal(2 * MiB, NativeArena.PooledBytes);
    }

    [Fact]
    public void Allocate_ThreeMiB_HeldAsTwoWholeHugePages()
    {
        using (var arena = new NativeArena())
        {
            var block = arena.Allocate<byte>(3 * MiB);
            Assert.Equal(3 * MiB, block.Length);
            block.Span.Fill(1);
            Assert.Equal(4 * MiB, arena.Bytes);
            Assert.Equal(4 * MiB, NativeArena.OutstandingBytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Equal(4 * MiB, NativeArena.PooledBytes);
    }

    [Fact]
    public void Allocate_HugePagesOff_LargeBlockHeldAtItsSizeAndNeverKept()
    {
        NativeArena.HugePages = false;
        using (var arena = new NativeArena())
        {
            arena.Allocate<byte>(3 * MiB);
            Assert.Equal(3 * MiB, arena.Bytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Equal(0, NativeArena.PooledBytes);
    }

    [Fact]
    public void Allocate_KeptBlock_HandedToTheNextArenaWholeAndOnlyOnce()
    {
        var kept = Keep(3 * MiB)[0];
        Assert.Equal(4 * MiB, NativeArena.PooledBytes);
        using (var arena = new NativeArena())
        {
            var again = arena.Allocate<byte>(3 * MiB);
            Assert.True(Unsafe.AreSame(ref kept.Span[0], ref again.Span[0]));
            // The kept block's whole 4 MiB is held, and it has left the pool.
            Assert.Equal(4 * MiB, arena.Bytes);
            Assert.Equal(4 * MiB, NativeArena.OutstandingBytes);
            Assert.Equal(0, NativeArena.PooledBytes);
            // Still the arena's memory: written and read back.
            again.Span.Fill(9);
            Assert.Equal(9 * 3L * MiB, again.Span.ToArray().Sum(b => (long)b));
            // The pool is empty now: a second request of the same size gets fresh memory, not the block again.
            var fresh = arena.Allocate<byte>(3 * MiB);
            Assert.False(Unsafe.AreSame(ref again.Span[0], ref fresh.Span[0]));
            fresh.Span.Fill(2);
            Assert.Equal(8 * MiB, NativeArena.OutstandingBytes);
        }
        Assert.Equal(0, NativeArena.OutstandingBytes);
        Assert.Equal(8 * MiB, NativeArena.PooledBytes);
    }

    // A kept block is reused for a request of at least half its size and at most its size (both included).
    [Theory]
    [InlineData(4, 4 * MiB, true)]
    [InlineData(4, (4 * MiB) + 1, false)]
    [InlineData(6, 3 * MiB, true)]
    [InlineData(6, (3 * MiB) - 1, false)]
    public void Allocate_KeptBlockReusedFromTheRequestUpToTwiceIt(int keptMiB, int request, bool reused)
    {
        var kept = Keep(keptMiB * MiB)[0];
        using var arena = new NativeArena();
        var block = arena.Allocate<byte>(request);
        Assert.Equal(reused, Unsafe.AreSame(ref kept.Span[0], ref block.Span[0]));
        Assert.Equal(reused ? 0 : keptMiB * MiB, NativeArena.PooledBytes);
        block.Span.Fill(1);
    }

    // Of the kept blocks that fit, the smallest: a 3 MiB request takes the 4 MiB block, not the 6 MiB one, in either order.
    [Theory]
    [InlineData(4, 6)]
    [InlineData(6, 4)]
    public void Allocate_SeveralKeptBlocksFit_TheSmallestIsReused(int firstMiB, int secondMiB)
    {
        var kept = Keep(firstMiB * MiB, secondMiB * MiB);
        var smallest = firstMiB < secondMiB ? kept[0] : kept[1];
        Assert.Equal(10 * MiB, NativeArena.PooledBytes);
        using var arena = new NativeArena();
        var block = arena.Allocate<byte>(3 * MiB);
        Assert.True(Unsafe.AreSame(ref smallest.Span[0], ref block.Span[0]));
        Assert.Equal(6 * MiB, NativeArena.PooledBytes);
        Assert.Equal(4 * MiB, arena.Bytes);
        block.Span.Fill(1);
    }

    [Fact]
    public void Dispose_PoolUpToTheRetainedLimit_BlocksBeyondItAreFreed()
    {
        NativeArena.RetainedLimit = 4L * MiB;
        using (var arena = new NativeArena())
        {
            arena.Allocate<byte>(4 * MiB);
            arena.Allocate<byte>(2 * MiB);
        }
        // 4 MiB fills the limit exactly and is kept; 4 + 2 would pass it, so the 2 MiB block is freed.
        Assert.Equal(4 * MiB, NativeArena.PooledBytes);
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Dispose_RetainedLimitZero_KeepsNothing()
    {
        NativeArena.RetainedLimit = 0;
        Keep(2 * MiB);
        Assert.Equal(0, NativeArena.PooledBytes);
        Assert.Equal(0, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void TrimPool_GivesEveryKeptBlockBack_NothingIsReusedAfterIt()
    {
        Keep(4 * MiB, 2 * MiB);
        Assert.Equal(6 * MiB, NativeArena.PooledBytes);
        NativeArena.TrimPool();
        Assert.Equal(0, NativeArena.PooledBytes);
        using var arena = new NativeArena();
        arena.Allocate<byte>(4 * MiB);
        // Nothing was left to take: the pool still holds nothing (and no freed block was handed out).
        Assert.Equal(0, NativeArena.PooledBytes);
        Assert.Equal(4 * MiB, NativeArena.OutstandingBytes);
    }

    [Fact]
    public void Allocate_UnderTwoMiB_NeverTakesAKeptBlock()
    {
        var kept = Keep(2 * MiB)[0];
        using var arena = new NativeArena();
        // 1.5 MiB would fit the kept 2 MiB block (at most twice the request), but it is an ordinary allocation.
        var block = arena.Allocate<byte>(3 * MiB / 2);
        Assert.False(Unsafe.AreSame(ref kept.Span[0], ref block.Span[0]));
        Assert.Equal(3 * MiB / 2, arena.Bytes);
        Assert.Equal(2 * MiB, NativeArena.PooledBytes);
    }

    // Issue 13: memory is given back to the system allocator, not only uncounted. The C allocator's own count of the bytes
    // it has handed out (glibc's mallinfo2) shows it; nothing else allocates megabytes while these tests run alone.
    [Fact]
    public void Dispose_BlocksNotKept_GivenBackToTheSystemAllocator()
    {
        NativeArena.RetainedLimit = 0;
        var before = HeldByTheSystemAllocator();
        using (var arena = new NativeArena())
        {
            for (var i = 0; i < 8; i++)
            {
                arena.Allocate<byte>(MiB).Span.Fill(1);
            }
            arena.Allocate<byte>(8 * MiB).Span.Fill(2);
            Assert.True(HeldByTheSystemAllocator() - before >= 15 * MiB);
        }
        Assert.InRange(HeldByTheSystemAllocator() - before, long.MinValue, MiB);
    }

    [Fact]
    public void Dispose_KeptBlocksStayHeldUntilTrimPoolGivesThemBack()
    {
        var before = HeldByTheSystemAllocator();
        Keep(8 * MiB);
        // Kept, so still the arena's: not freed (a freed block in the pool would be handed out twice).
        Assert.True(HeldByTheSystemAllocator() - before >= 7 * MiB);
        NativeArena.TrimPool();
        Assert.InRange(HeldByTheSystemAllocator() - before, long.MinValue, MiB);
    }

    [Fact]
    public void Allocate_AfterDispose_TheRefusedBlockIsGivenBack()
    {
        var arena = new NativeArena();
        arena.Dispose();
        var before = HeldByTheSystemAllocator();
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate<byte>(8 * MiB));
        Assert.Throws<ObjectDisposedException>(() => arena.Allocate<byte>(MiB));
        Assert.InRange(HeldByTheSystemAllocator() - before, long.MinValue, MiB);
    }

    [Fact]
    public void Slice_WithinTheBlock_IsThoseValues()
    {
        using var arena = new NativeArena();
        var block = arena.Allocate<int>(10);
        for (var i = 0; i < 10; i++)
        {
            block.Span[i] = i;
        }
        Assert.Equal([2, 3, 4], block.Slice(2, 3).Span.ToArray());
        Assert.Equal(Enumerable.Range(0, 10), block.Slice(0, 10).Span.ToArray());
        // An empty slice at the very end is still within the block.
        Assert.Equal(0, block.Slice(10, 0).Length);
        Assert.Equal(0, default(NativeBlock<int>).Span.Length);
    }

    [Theory]
    [InlineData(11, 0)]
    [InlineData(0, 11)]
    [InlineData(9, 2)]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    public void Slice_PastTheBlock_Refused(int offset, int length)
    {
        using var arena = new NativeArena();
        var block = arena.Allocate<int>(10);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => block.Slice(offset, length));
        Assert.Equal("length", ex.ParamName);
    }

    /// <summary>Bytes the C allocator has handed out and not had back: in its arenas and in blocks it mapped.</summary>
    private static long HeldByTheSystemAllocator()
    {
        var info = MallInfo2();
        return (long)(info.Uordblks + info.Hblkhd);
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallInfo2();

    // glibc's struct mallinfo2 (malloc.h): ten size_t fields.
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallocInfo
    {
        internal readonly nuint Arena;
        internal readonly nuint Ordblks;
        internal readonly nuint Smblks;
        internal readonly nuint Hblks;
        internal readonly nuint Hblkhd;
        internal readonly nuint Usmblks;
        internal readonly nuint Fsmblks;
        internal readonly nuint Uordblks;
        internal readonly nuint Fordblks;
        internal readonly nuint Keepcost;
    }

    /// <summary>Allocates blocks of these sizes in one arena and disposes it, so the pool keeps them (in this order).</summary>
    private static NativeBlock<byte>[] Keep(params int[] sizes)
    {
        using var arena = new NativeArena();
        return [.. sizes.Select(arena.Allocate<byte>)];
    }
}
