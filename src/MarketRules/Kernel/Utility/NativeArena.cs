using System.Runtime.InteropServices;

namespace MarketRules.Utility;

/// <summary>
/// Memory outside the collector's heap for a phase whose scratch grows with its input — a national roster's commitment
/// is gigabytes — given back to the operating system the moment the phase disposes its arena, whatever the collector
/// does. Scratch of that size on the managed heap lives on the large-object heap, which the collector empties only in
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
        void* address;
        if (aligned)
        {
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
                Free((void*)address, aligned);
                Interlocked.Add(ref outstanding, -bytes);
            }
            allocations.Clear();
            Bytes = 0;
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
        if ((uint)offset > (uint)Length || (uint)length > (uint)(Length - offset))
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }
        return new NativeBlock<T>(start + offset, length);
    }
}
