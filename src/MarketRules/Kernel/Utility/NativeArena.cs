using System.Runtime.InteropServices;

namespace MarketRules.Utility;

/// <summary>
/// Memory outside the collector's heap for a phase whose scratch grows with its input — a national roster's commitment
/// is gigabytes — given back to the operating system the moment the phase disposes its arena, whatever the collector
/// does, but for a bounded pool of huge-page blocks kept for the next arena (<see cref="RetainedLimit"/>). Scratch of that size on the managed heap lives on the large-object heap, which the collector empties only in
/// its rare full collections: a phase that follows and allocates mostly short-lived objects then grows beside the freed
/// gigabytes instead of into them (docs/decisions/0024-native-memory-for-the-commitment.md).
/// </summary>
/// <remarks>
/// <para>Allocation is thread-safe: the workers of one phase allocate from the same arena. Everything is freed once, by
/// <see cref="Dispose"/>; the owner disposes only after every worker has stopped (a <c>using</c> around the phase, so an
/// exception or a cancellation frees it too), and nothing handed out may be touched afterwards.</para>
/// <para>Memory is not zeroed: callers read only what they wrote.</para>
/// </remarks>
internal sealed unsafe partial class NativeArena : IDisposable
{
    // A transparent huge page on x86-64 and arm64 Linux: a block of at least this size is aligned to it and advised.
    private const long HugePage = 2 << 20;
    private const int MadviseHugePage = 14;

    private static long outstanding;

    // Huge-page blocks given back by disposed arenas, kept for the next phase (see RetainedLimit), and their bytes.
    private static readonly List<(nint Address, long Bytes)> Pool = [];
    private static long pooled;
    private readonly List<(nint Address, long Bytes, bool Aligned)> allocations = [];
    private bool disposed;

    /// <summary>
    /// Whether blocks of 2 MiB or more are asked to be backed by transparent huge pages (Linux, <c>madvise</c>): a
    /// freshly mapped gigabyte then costs ~500 page faults instead of ~260,000, each of which the commit's workers
    /// would otherwise take one 4 KiB page at a time. Settable for the A/B harness in benchmarks/ only.
    /// </summary>
    internal static bool HugePages { get; set; } = OperatingSystem.IsLinux();

    /// <summary>Bytes that arenas of this process have allocated and not yet freed: 0 whenever no phase is running.</summary>
    internal static long OutstandingBytes => Interlocked.Read(ref outstanding);

    /// <summary>
    /// The most bytes of huge-page blocks (2 MiB or more) that disposed arenas keep for the next arena instead of freeing:
    /// a process that commits again — a host serving draws, a benchmark's iterations — then writes into pages already
    /// mapped, where fresh ones cost the kernel a page fault and 2 MiB of zeroing each, and unmapping them costs again
    /// (at 10 M records: 7 % less commit CPU and 10 % less for commit, draw and receipt together, session 10's A/B in
    /// benchmarks/results/PublicDrawBenchmark-notes.md). Bounded so a national commit still gives its gigabytes back, and
    /// what is kept sits beside the draw that follows (within issue 13's 64 bytes per entity at 10 M); 0 turns the pool
    /// off (every block freed at once). Settable for the tests and the A/B harness in benchmarks/ only.
    /// </summary>
    internal static long RetainedLimit { get; set; } = 512L << 20;

    /// <summary>Bytes of huge-page blocks kept for the next arena now: at most <see cref="RetainedLimit"/>.</summary>
    internal static long PooledBytes
    {
        get
        {
            lock (Pool)
            {
                return pooled;
            }
        }
    }

    /// <summary>Frees every block the pool keeps (a host that wants the memory back now; the tests).</summary>
    internal static void TrimPool()
    {
        lock (Pool)
        {
            foreach (var (address, _) in Pool)
            {
                NativeMemory.AlignedFree((void*)address);
            }
            Pool.Clear();
            pooled = 0;
        }
    }

    /// <summary>Bytes this arena holds now.</summary>
    internal long Bytes { get; private set; }

    /// <summary>Allocates room for <paramref name="length"/> values, freed with the arena.</summary>
    /// <exception cref="OutOfMemoryException">Thrown when the operating system refuses the memory.</exception>
    /// <exception cref="ObjectDisposedException">Thrown when the arena has been disposed.</exception>
    internal NativeBlock<T> Allocate<T>(int length)
        where T : unmanaged
    {
        Preconditions.CheckArgumentRange(length, 1, int.MaxValue);
        var bytes = (long)length * sizeof(T);
        var aligned = bytes >= HugePage && HugePages;
        // Assigned here as well as in every branch: a mutation tool that removes a branch must still compile (CS0165).
        void* address = null;
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var reused = aligned ? TakePooled(bytes) : null;
        if (reused.HasValue)
        {
            // A block a disposed arena kept: already aligned, advised and resident. Its whole size is held and given back.
            address = (void*)reused.Value.Address;
            bytes = reused.Value.Bytes;
        }
        else if (aligned)
        {
            // Whole huge pages: a block that goes back to the pool then fits any later request up to its size.
            bytes = (bytes + HugePage - 1) / HugePage * HugePage;
            // Aligned so that whole huge pages fit in the block; the advice is only a hint (a kernel with THP off ignores it).
            address = NativeMemory.AlignedAlloc((nuint)bytes, (nuint)HugePage);
            try
            {
                _ = Madvise(address, (nuint)bytes, MadviseHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without madvise (or not found by that name): the pages stay ordinary ones.
                HugePages = false;
            }
        }
        else
        {
            address = NativeMemory.Alloc((nuint)bytes);
        }
        lock (allocations)
        {
            if (disposed)
            {
                Free(address, aligned);
                throw new ObjectDisposedException(nameof(NativeArena));
            }
            allocations.Add(((nint)address, bytes, aligned));
            Bytes += bytes;
        }
        Interlocked.Add(ref outstanding, bytes);
        return new NativeBlock<T>((T*)address, length);
    }

    /// <summary>Frees everything the arena allocated; later calls do nothing.</summary>
    public void Dispose()
    {
        lock (allocations)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            foreach (var (address, bytes, aligned) in allocations)
            {
                if (!aligned || !KeepPooled(address, bytes))
                {
                    Free((void*)address, aligned);
                }
                Interlocked.Add(ref outstanding, -bytes);
            }
            allocations.Clear();
            Bytes = 0;
        }
    }

    /// <summary>
    /// The smallest pooled block of at least <paramref name="bytes"/> and at most twice that (a small request does not
    /// hold a large block), taken out of the pool; null when none is.
    /// </summary>
    private static (nint Address, long Bytes)? TakePooled(long bytes)
    {
        lock (Pool)
        {
            var best = -1;
            for (var i = 0; i < Pool.Count; i++)
            {
                if (Pool[i].Bytes >= bytes && Pool[i].Bytes <= 2 * bytes && (best < 0 || Pool[i].Bytes < Pool[best].Bytes))
                {
                    best = i;
                }
            }
            if (best < 0)
            {
                return null;
            }
            var block = Pool[best];
            Pool.RemoveAt(best);
            pooled -= block.Bytes;
            return block;
        }
    }

    /// <summary>Keeps a disposed arena's huge-page block for the next one if the pool has room for it.</summary>
    private static bool KeepPooled(nint address, long bytes)
    {
        lock (Pool)
        {
            if (pooled + bytes > RetainedLimit)
            {
                return false;
            }
            Pool.Add((address, bytes));
            pooled += bytes;
            return true;
        }
    }

    private static void Free(void* address, bool aligned)
    {
        if (aligned)
        {
            NativeMemory.AlignedFree(address);
        }
        else
        {
            NativeMemory.Free(address);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}

/// <summary>A run of values in a <see cref="NativeArena"/>; valid until the arena is disposed. The default value is empty.</summary>
/// <typeparam name="T">The values' type.</typeparam>
internal readonly unsafe struct NativeBlock<T>
    where T : unmanaged
{
    private readonly T* start;

    internal NativeBlock(T* start, int length)
    {
        this.start = start;
        Length = length;
    }

    /// <summary>How many values the block holds.</summary>
    internal int Length { get; }

    /// <summary>The block's values.</summary>
    internal Span<T> Span => new(start, Length);

    /// <summary>The part of the block from <paramref name="offset"/>, <paramref name="length"/> values long.</summary>
    internal NativeBlock<T> Slice(int offset, int length)
    {
        // One unsigned comparison refuses a negative value too; unchecked, since the project compiles checked and a
        // checked cast of a negative value would throw OverflowException instead of the refusal.
        if (unchecked((uint)offset > (uint)Length || (uint)length > (uint)(Length - offset)))
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }
        return new NativeBlock<T>(start + offset, length);
    }
}
