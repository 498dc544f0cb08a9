using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MarketRules.Sampling;

/// <summary>
/// SHA-256 (FIPS 180-4) specialised for the draw's message layout: a fixed 64-byte prefix (one block, whose state is
/// computed once) followed by a short entity id, so each entity costs one compression of its last block. The vector
/// paths hash many ids at once, one per vector lane: sixteen with AVX-512 (<see cref="Vector512{T}"/>, its rotate and
/// three-input logic), eight with 256-bit vectors (with AVX-512VL's rotate and logic where the CPU has them, portable
/// shifts otherwise); the scalar path is the fallback and the reference. <see cref="Best"/> picks by what the hardware
/// supports, and every supported path is checked against <see cref="System.Security.Cryptography.SHA256"/> in the tests.
/// </summary>
internal static class Sha256Lanes
{
    /// <summary>The longest id that fits, with padding, in the single block after the prefix.</summary>
    internal const int MaxIdLength = 55;

    /// <summary>The length of a unified social credit code, the only id length the vector path takes.</summary>
    internal const int CreditCodeLength = 18;

    private static readonly uint[] Iv =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The fastest path this machine supports: sixteen lanes where AVX-512 is accelerated, eight where 256-bit vectors are, else one.</summary>
    internal static Sha256Path Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? Sha256Path.Lanes16Avx512
        : Vector256.IsHardwareAccelerated && Avx512F.VL.IsSupported ? Sha256Path.Lanes8Avx512
        : Vector256.IsHardwareAccelerated ? Sha256Path.Lanes8
        : Sha256Path.Scalar;

    /// <summary>Every path this machine can run, the scalar reference first: the tests check each against <see cref="System.Security.Cryptography.SHA256"/>.</summary>
    internal static IReadOnlyList<Sha256Path> Supported { get; } =
    [
        Sha256Path.Scalar,
        .. Vector256.IsHardwareAccelerated ? [Sha256Path.Lanes8] : Array.Empty<Sha256Path>(),
        .. Vector256.IsHardwareAccelerated && Avx512F.VL.IsSupported ? [Sha256Path.Lanes8Avx512] : Array.Empty<Sha256Path>(),
        .. Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? [Sha256Path.Lanes16Avx512] : Array.Empty<Sha256Path>(),
    ];

    /// <summary>
    /// The path new lotteries hash with: <see cref="Best"/> unless set to another supported one — by the tests, which
    /// check the fallbacks on a machine that would never choose them, and the A/B harness in benchmarks/ only.
    /// </summary>
    /// <exception cref="ArgumentException">When set: a path this machine does not support.</exception>
    internal static Sha256Path Path
    {
        get => path;
        set
        {
            Utility.Preconditions.CheckArgument(Supported.Contains(value), nameof(value), "A path this machine supports");
            path = value;
        }
    }

    private static Sha256Path path = Best;

    /// <summary>How many ids a path hashes at once.</summary>
    internal static int LanesOf(Sha256Path path) => path switch
    {
        Sha256Path.Lanes16Avx512 => 16,
        Sha256Path.Lanes8 or Sha256Path.Lanes8Avx512 => 8,
        _ => 1,
    };

    /// <summary>The hash state after the 64-byte prefix block: shared by every entity of a draw.</summary>
    /// <param name="prefix">Exactly 64 bytes.</param>
    /// <returns>The eight state words.</returns>
    internal static PrefixState ComputePrefixState(ReadOnlySpan<byte> prefix)
    {
        Utility.Preconditions.CheckArgument(prefix.Length == 64, nameof(prefix), "The prefix is one 64-byte block");
        Span<uint> state = stackalloc uint[8];
        Iv.CopyTo(state);
        Span<uint> w = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(prefix[(4 * i)..]);
        }
        CompressScalar(state, w);
        return new PrefixState(state);
    }

    /// <summary>Hashes prefix ‖ id (scalar): the id's block with its padding, compressed from the prefix state.</summary>
    /// <param name="prefix">The prefix state.</param>
    /// <param name="id">The id's bytes, at most <see cref="MaxIdLength"/>.</param>
    /// <returns>The digest as a rank key.</returns>
    internal static RankKey RankScalar(in PrefixState prefix, ReadOnlySpan<byte> id)
    {
        Utility.Preconditions.CheckArgument(id.Length <= MaxIdLength, nameof(id), "Ids are at most 55 bytes");
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        id.CopyTo(block);
        block[id.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + id.Length) * 8);
        Span<uint> w = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * i)..]);
        }
        Span<uint> state = stackalloc uint[8];
        prefix.CopyTo(state);
        CompressScalar(state, w);
        return RankKey.FromWords(state);
    }

    /// <summary>Hashes prefix ‖ id for eight 18-byte ids at once, one per lane of a <see cref="Vector256{T}"/> (portable operations).</summary>
    /// <param name="prefix">The prefix state.</param>
    /// <param name="ids">Eight ids of 18 bytes, back to back (144 bytes).</param>
    /// <param name="keys">Receives the eight rank keys.</param>
    internal static void Rank8(in PrefixState prefix, ReadOnlySpan<byte> ids, Span<RankKey> keys) => Rank8<PortableOps>(prefix, ids, keys);

    /// <summary>
    /// Hashes <see cref="LanesOf"/>(<paramref name="path"/>) ids of 18 bytes at once by that path: every path gives the
    /// digests of <see cref="System.Security.Cryptography.SHA256"/>, only the instructions differ.
    /// </summary>
    /// <param name="path">A path this machine supports (<see cref="Supported"/>).</param>
    /// <param name="prefix">The prefix state.</param>
    /// <param name="ids">The ids, 18 bytes each, back to back.</param>
    /// <param name="keys">Receives one rank key per id.</param>
    internal static void Rank(Sha256Path path, in PrefixState prefix, ReadOnlySpan<byte> ids, Span<RankKey> keys)
    {
        switch (path)
        {
            case Sha256Path.Lanes16Avx512:
                Rank16(prefix, ids, keys);
                break;
            case Sha256Path.Lanes8Avx512:
                Rank8<Avx512Ops>(prefix, ids, keys);
                break;
            case Sha256Path.Lanes8:
                Rank8<PortableOps>(prefix, ids, keys);
                break;
            default:
                keys[0] = RankScalar(prefix, ids[..CreditCodeLength]);
                break;
        }
    }

    private static void Rank8<TOps>(in PrefixState prefix, ReadOnlySpan<byte> ids, Span<RankKey> keys)
        where TOps : struct, ILaneOps
    {
        Utility.Preconditions.CheckArgument(ids.Length >= 8 * CreditCodeLength && keys.Length >= 8, nameof(ids), "Eight 18-byte ids and eight keys");
        unchecked
        {
            Span<uint> lanes = stackalloc uint[5 * 8];
            LoadIds(ids, lanes, 8);
            // The whole message schedule for eight lanes (2 KB on the stack), then the 64 rounds unrolled by eight with
            // rotating roles, so no working variable is copied between rounds.
            Span<Vector256<uint>> schedule = stackalloc Vector256<uint>[64];
            ref var w = ref MemoryMarshal.GetReference(schedule);
            w = Vector256.Create<uint>(lanes[..8]);
            Unsafe.Add(ref w, 1) = Vector256.Create<uint>(lanes[8..16]);
            Unsafe.Add(ref w, 2) = Vector256.Create<uint>(lanes[16..24]);
            Unsafe.Add(ref w, 3) = Vector256.Create<uint>(lanes[24..32]);
            Unsafe.Add(ref w, 4) = Vector256.Create<uint>(lanes[32..40]);
            for (var i = 5; i < 15; i++)
            {
                Unsafe.Add(ref w, i) = Vector256<uint>.Zero;
            }
            Unsafe.Add(ref w, 15) = Vector256.Create((uint)((64 + CreditCodeLength) * 8));
            for (var t = 16; t < 64; t++)
            {
                var w2 = Unsafe.Add(ref w, t - 2);
                var w15 = Unsafe.Add(ref w, t - 15);
                Unsafe.Add(ref w, t) = Unsafe.Add(ref w, t - 16) + TOps.Xor3(TOps.Rotr(w15, 7), TOps.Rotr(w15, 18), Vector256.ShiftRightLogical(w15, 3))
                    + Unsafe.Add(ref w, t - 7) + TOps.Xor3(TOps.Rotr(w2, 17), TOps.Rotr(w2, 19), Vector256.ShiftRightLogical(w2, 10));
            }

            var p = prefix.Words;
            var a = Vector256.Create(p[0]);
            var b = Vector256.Create(p[1]);
            var c = Vector256.Create(p[2]);
            var d = Vector256.Create(p[3]);
            var e = Vector256.Create(p[4]);
            var f = Vector256.Create(p[5]);
            var g = Vector256.Create(p[6]);
            var h = Vector256.Create(p[7]);
            ref var k = ref MemoryMarshal.GetArrayDataReference(K);
            for (var t = 0; t < 64; t += 8)
            {
                Round<TOps>(a, b, c, ref d, e, f, g, ref h, Unsafe.Add(ref w, t) + Vector256.Create(Unsafe.Add(ref k, t)));
                Round<TOps>(h, a, b, ref c, d, e, f, ref g, Unsafe.Add(ref w, t + 1) + Vector256.Create(Unsafe.Add(ref k, t + 1)));
                Round<TOps>(g, h, a, ref b, c, d, e, ref f, Unsafe.Add(ref w, t + 2) + Vector256.Create(Unsafe.Add(ref k, t + 2)));
                Round<TOps>(f, g, h, ref a, b, c, d, ref e, Unsafe.Add(ref w, t + 3) + Vector256.Create(Unsafe.Add(ref k, t + 3)));
                Round<TOps>(e, f, g, ref h, a, b, c, ref d, Unsafe.Add(ref w, t + 4) + Vector256.Create(Unsafe.Add(ref k, t + 4)));
                Round<TOps>(d, e, f, ref g, h, a, b, ref c, Unsafe.Add(ref w, t + 5) + Vector256.Create(Unsafe.Add(ref k, t + 5)));
                Round<TOps>(c, d, e, ref f, g, h, a, ref b, Unsafe.Add(ref w, t + 6) + Vector256.Create(Unsafe.Add(ref k, t + 6)));
                Round<TOps>(b, c, d, ref e, f, g, h, ref a, Unsafe.Add(ref w, t + 7) + Vector256.Create(Unsafe.Add(ref k, t + 7)));
            }
            Span<uint> output = stackalloc uint[64];
            (a + Vector256.Create(p[0])).CopyTo(output);
            (b + Vector256.Create(p[1])).CopyTo(output[8..]);
            (c + Vector256.Create(p[2])).CopyTo(output[16..]);
            (d + Vector256.Create(p[3])).CopyTo(output[24..]);
            (e + Vector256.Create(p[4])).CopyTo(output[32..]);
            (f + Vector256.Create(p[5])).CopyTo(output[40..]);
            (g + Vector256.Create(p[6])).CopyTo(output[48..]);
            (h + Vector256.Create(p[7])).CopyTo(output[56..]);
            StoreKeys(output, keys, 8);
        }
    }

    /// <summary>
    /// Sixteen ids at once, one per lane of a <see cref="Vector512{T}"/>, with AVX-512's own rotate (<c>vprord</c>, one
    /// instruction where the eight-lane path needs two shifts and an or) and three-input logic (<c>vpternlogd</c>: each
    /// Σ's three-way xor, Ch and Maj in one instruction). The same rounds as <see cref="Rank8{TOps}"/>, twice as wide.
    /// </summary>
    private static void Rank16(in PrefixState prefix, ReadOnlySpan<byte> ids, Span<RankKey> keys)
    {
        Utility.Preconditions.CheckArgument(ids.Length >= 16 * CreditCodeLength && keys.Length >= 16, nameof(ids), "Sixteen 18-byte ids and sixteen keys");
        unchecked
        {
            Span<uint> lanes = stackalloc uint[5 * 16];
            LoadIds(ids, lanes, 16);
            Span<Vector512<uint>> schedule = stackalloc Vector512<uint>[64];
            ref var w = ref MemoryMarshal.GetReference(schedule);
            w = Vector512.Create<uint>(lanes[..16]);
            Unsafe.Add(ref w, 1) = Vector512.Create<uint>(lanes[16..32]);
            Unsafe.Add(ref w, 2) = Vector512.Create<uint>(lanes[32..48]);
            Unsafe.Add(ref w, 3) = Vector512.Create<uint>(lanes[48..64]);
            Unsafe.Add(ref w, 4) = Vector512.Create<uint>(lanes[64..80]);
            for (var i = 5; i < 15; i++)
            {
                Unsafe.Add(ref w, i) = Vector512<uint>.Zero;
            }
            Unsafe.Add(ref w, 15) = Vector512.Create((uint)((64 + CreditCodeLength) * 8));
            for (var t = 16; t < 64; t++)
            {
                var w2 = Unsafe.Add(ref w, t - 2);
                var w15 = Unsafe.Add(ref w, t - 15);
                Unsafe.Add(ref w, t) = Unsafe.Add(ref w, t - 16)
                    + Avx512F.TernaryLogic(Avx512F.RotateRight(w15, 7), Avx512F.RotateRight(w15, 18), Vector512.ShiftRightLogical(w15, 3), Xor3)
                    + Unsafe.Add(ref w, t - 7)
                    + Avx512F.TernaryLogic(Avx512F.RotateRight(w2, 17), Avx512F.RotateRight(w2, 19), Vector512.ShiftRightLogical(w2, 10), Xor3);
            }

            var p = prefix.Words;
            var a = Vector512.Create(p[0]);
            var b = Vector512.Create(p[1]);
            var c = Vector512.Create(p[2]);
            var d = Vector512.Create(p[3]);
            var e = Vector512.Create(p[4]);
            var f = Vector512.Create(p[5]);
            var g = Vector512.Create(p[6]);
            var h = Vector512.Create(p[7]);
            ref var k = ref MemoryMarshal.GetArrayDataReference(K);
            for (var t = 0; t < 64; t += 8)
            {
                Round16(a, b, c, ref d, e, f, g, ref h, Unsafe.Add(ref w, t) + Vector512.Create(Unsafe.Add(ref k, t)));
                Round16(h, a, b, ref c, d, e, f, ref g, Unsafe.Add(ref w, t + 1) + Vector512.Create(Unsafe.Add(ref k, t + 1)));
                Round16(g, h, a, ref b, c, d, e, ref f, Unsafe.Add(ref w, t + 2) + Vector512.Create(Unsafe.Add(ref k, t + 2)));
                Round16(f, g, h, ref a, b, c, d, ref e, Unsafe.Add(ref w, t + 3) + Vector512.Create(Unsafe.Add(ref k, t + 3)));
                Round16(e, f, g, ref h, a, b, c, ref d, Unsafe.Add(ref w, t + 4) + Vector512.Create(Unsafe.Add(ref k, t + 4)));
                Round16(d, e, f, ref g, h, a, b, ref c, Unsafe.Add(ref w, t + 5) + Vector512.Create(Unsafe.Add(ref k, t + 5)));
                Round16(c, d, e, ref f, g, h, a, ref b, Unsafe.Add(ref w, t + 6) + Vector512.Create(Unsafe.Add(ref k, t + 6)));
                Round16(b, c, d, ref e, f, g, h, ref a, Unsafe.Add(ref w, t + 7) + Vector512.Create(Unsafe.Add(ref k, t + 7)));
            }
            Span<uint> output = stackalloc uint[128];
            (a + Vector512.Create(p[0])).CopyTo(output);
            (b + Vector512.Create(p[1])).CopyTo(output[16..]);
            (c + Vector512.Create(p[2])).CopyTo(output[32..]);
            (d + Vector512.Create(p[3])).CopyTo(output[48..]);
            (e + Vector512.Create(p[4])).CopyTo(output[64..]);
            (f + Vector512.Create(p[5])).CopyTo(output[80..]);
            (g + Vector512.Create(p[6])).CopyTo(output[96..]);
            (h + Vector512.Create(p[7])).CopyTo(output[112..]);
            StoreKeys(output, keys, 16);
        }
    }

    // vpternlogd's truth tables over (x, y, z): x ^ y ^ z; Ch = x ? y : z; Maj = at least two of x, y, z.
    private const byte Xor3 = 0x96;
    private const byte Choose = 0xCA;
    private const byte Majority = 0xE8;

    /// <summary>Each id's first 18 bytes as five big-endian words with the padding bit: word j of lane i at [j × width + i].</summary>
    private static void LoadIds(ReadOnlySpan<byte> ids, Span<uint> lanes, int width)
    {
        for (var lane = 0; lane < width; lane++)
        {
            var id = ids.Slice(lane * CreditCodeLength, CreditCodeLength);
            lanes[lane] = BinaryPrimitives.ReadUInt32BigEndian(id);
            lanes[width + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[4..]);
            lanes[(2 * width) + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[8..]);
            lanes[(3 * width) + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[12..]);
            lanes[(4 * width) + lane] = ((uint)id[16] << 24) | ((uint)id[17] << 16) | 0x8000u;
        }
    }

    /// <summary>The final state words, word j of lane i at [j × width + i], as one rank key per lane.</summary>
    private static void StoreKeys(ReadOnlySpan<uint> output, Span<RankKey> keys, int width)
    {
        for (var lane = 0; lane < width; lane++)
        {
            keys[lane] = new RankKey(
                ((ulong)output[lane] << 32) | output[width + lane],
                ((ulong)output[(2 * width) + lane] << 32) | output[(3 * width) + lane],
                ((ulong)output[(4 * width) + lane] << 32) | output[(5 * width) + lane],
                ((ulong)output[(6 * width) + lane] << 32) | output[(7 * width) + lane]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round<TOps>(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, ref Vector256<uint> d,
        Vector256<uint> e, Vector256<uint> f, Vector256<uint> g, ref Vector256<uint> h, Vector256<uint> kw)
        where TOps : struct, ILaneOps
    {
        unchecked
        {
            var t1 = h + TOps.Xor3(TOps.Rotr(e, 6), TOps.Rotr(e, 11), TOps.Rotr(e, 25)) + TOps.Choose(e, f, g) + kw;
            d += t1;
            h = t1 + TOps.Xor3(TOps.Rotr(a, 2), TOps.Rotr(a, 13), TOps.Rotr(a, 22)) + TOps.Majority(a, b, c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round16(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c, ref Vector512<uint> d,
        Vector512<uint> e, Vector512<uint> f, Vector512<uint> g, ref Vector512<uint> h, Vector512<uint> kw)
    {
        unchecked
        {
            var t1 = h + Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), Xor3)
                + Avx512F.TernaryLogic(e, f, g, Choose) + kw;
            d += t1;
            h = t1 + Avx512F.TernaryLogic(Avx512F.RotateRight(a, 2), Avx512F.RotateRight(a, 13), Avx512F.RotateRight(a, 22), Xor3)
                + Avx512F.TernaryLogic(a, b, c, Majority);
        }
    }

    /// <summary>The eight-lane rounds' bit operations, as a type so that each path's rounds are compiled with its own instructions and no branch.</summary>
    private interface ILaneOps
    {
        static abstract Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n);

        static abstract Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);

        static abstract Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);

        static abstract Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);
    }

    /// <summary>Any hardware that accelerates <see cref="Vector256{T}"/>: a rotate is two shifts and an or.</summary>
    private readonly struct PortableOps : ILaneOps
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n) => Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => x ^ y ^ z;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => z ^ (x & (y ^ z));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) | (z & (x | y));
    }

    /// <summary>AVX-512VL on 256-bit vectors: one <c>vprord</c> per rotate, one <c>vpternlogd</c> per three-input function.</summary>
    private readonly struct Avx512Ops : ILaneOps
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n) => Avx512F.VL.RotateRight(x, n);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, Sha256Lanes.Xor3);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, Sha256Lanes.Choose);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, Sha256Lanes.Majority);
    }

    private static void CompressScalar(Span<uint> state, Span<uint> block)
    {
        unchecked
        {
            Span<uint> w = stackalloc uint[64];
            block[..16].CopyTo(w);
            for (var t = 16; t < 64; t++)
            {
                var s0 = uint.RotateRight(w[t - 15], 7) ^ uint.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
                var s1 = uint.RotateRight(w[t - 2], 17) ^ uint.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            for (var t = 0; t < 64; t++)
            {
                var t1 = h + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + (g ^ (e & (f ^ g))) + K[t] + w[t];
                var t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) | (c & (a | b)));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}

/// <summary>The eight words of the SHA-256 state after the draw's 64-byte prefix.</summary>
internal readonly struct PrefixState
{
    private readonly uint[] words;

    internal PrefixState(ReadOnlySpan<uint> state) => words = state.ToArray();

    internal ReadOnlySpan<uint> Words => words;

    internal void CopyTo(Span<uint> destination) => words.CopyTo(destination);
}

/// <summary>How the draw's SHA-256 is computed: every path gives the same digests.</summary>
internal enum Sha256Path
{
    /// <summary>One id at a time: the reference, and the fallback on hardware without vectors.</summary>
    Scalar,

    /// <summary>Eight ids at once in <see cref="Vector256{T}"/> with portable operations.</summary>
    Lanes8,

    /// <summary>Eight ids at once in <see cref="Vector256{T}"/> with AVX-512VL's rotate and three-input logic.</summary>
    Lanes8Avx512,

    /// <summary>Sixteen ids at once in <see cref="Vector512{T}"/> with AVX-512's rotate and three-input logic.</summary>
    Lanes16Avx512,
}
