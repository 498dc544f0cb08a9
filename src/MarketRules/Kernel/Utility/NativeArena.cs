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
internal sealed unsafe class NativeArena : IDisposable
{
    private static long outstanding;
    private readonly List<(nint Address, long Bytes)> allocations = [];
    private bool disposed;

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
        var address = NativeMemory.Alloc((nuint)bytes);
        lock (allocations)
        {
            if (disposed)
            {
                NativeMemory.Free(address);
                throw new ObjectDisposedException(nameof(NativeArena));
            }
            allocations.Add(((nint)address, bytes));
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
            foreach (var (address, bytes) in allocations)
            {
                NativeMemory.Free((void*)address);
                Interlocked.Add(ref outstanding, -bytes);
            }
            allocations.Clear();
            Bytes = 0;
        }
    }
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
