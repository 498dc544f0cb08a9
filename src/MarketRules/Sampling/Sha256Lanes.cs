using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarketRules.Sampling;

/// <summary>
/// SHA-256 (FIPS 180-4) specialised for the draw's message layout: a fixed 64-byte prefix (one block, whose state is
/// computed once) followed by a short entity id, so each entity costs one compression of its last block. The vector
/// path hashes eight ids at once, one per lane of a <see cref="Vector256{T}"/>; the scalar path is the fallback and
/// the reference. Both are checked against <see cref="System.Security.Cryptography.SHA256"/> in the tests.
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

    /// <summary>Whether the eight-lane path runs on vector hardware here.</summary>
    internal static bool IsVectorAccelerated => Vector256.IsHardwareAccelerated;

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

    /// <summary>Hashes prefix ‖ id for eight 18-byte ids at once, one per vector lane.</summary>
    /// <param name="prefix">The prefix state.</param>
    /// <param name="ids">Eight ids of 18 bytes, back to back (144 bytes).</param>
    /// <param name="keys">Receives the eight rank keys.</param>
    internal static void Rank8(in PrefixState prefix, ReadOnlySpan<byte> ids, Span<RankKey> keys)
    {
        Utility.Preconditions.CheckArgument(ids.Length >= 8 * CreditCodeLength && keys.Length >= 8, nameof(ids), "Eight 18-byte ids and eight keys");
        unchecked
        {
            Span<uint> lanes = stackalloc uint[5 * 8];
            for (var lane = 0; lane < 8; lane++)
            {
                var id = ids.Slice(lane * CreditCodeLength, CreditCodeLength);
                lanes[lane] = BinaryPrimitives.ReadUInt32BigEndian(id);
                lanes[8 + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[4..]);
                lanes[16 + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[8..]);
                lanes[24 + lane] = BinaryPrimitives.ReadUInt32BigEndian(id[12..]);
                lanes[32 + lane] = ((uint)id[16] << 24) | ((uint)id[17] << 16) | 0x8000u;
            }
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
                Unsafe.Add(ref w, t) = Unsafe.Add(ref w, t - 16) + (Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3))
                    + Unsafe.Add(ref w, t - 7) + (Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10));
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
                Round(a, b, c, ref d, e, f, g, ref h, Unsafe.Add(ref w, t) + Vector256.Create(Unsafe.Add(ref k, t)));
                Round(h, a, b, ref c, d, e, f, ref g, Unsafe.Add(ref w, t + 1) + Vector256.Create(Unsafe.Add(ref k, t + 1)));
                Round(g, h, a, ref b, c, d, e, ref f, Unsafe.Add(ref w, t + 2) + Vector256.Create(Unsafe.Add(ref k, t + 2)));
                Round(f, g, h, ref a, b, c, d, ref e, Unsafe.Add(ref w, t + 3) + Vector256.Create(Unsafe.Add(ref k, t + 3)));
                Round(e, f, g, ref h, a, b, c, ref d, Unsafe.Add(ref w, t + 4) + Vector256.Create(Unsafe.Add(ref k, t + 4)));
                Round(d, e, f, ref g, h, a, b, ref c, Unsafe.Add(ref w, t + 5) + Vector256.Create(Unsafe.Add(ref k, t + 5)));
                Round(c, d, e, ref f, g, h, a, ref b, Unsafe.Add(ref w, t + 6) + Vector256.Create(Unsafe.Add(ref k, t + 6)));
                Round(b, c, d, ref e, f, g, h, ref a, Unsafe.Add(ref w, t + 7) + Vector256.Create(Unsafe.Add(ref k, t + 7)));
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
            for (var lane = 0; lane < 8; lane++)
            {
                keys[lane] = new RankKey(
                    ((ulong)output[lane] << 32) | output[8 + lane],
                    ((ulong)output[16 + lane] << 32) | output[24 + lane],
                    ((ulong)output[32 + lane] << 32) | output[40 + lane],
                    ((ulong)output[48 + lane] << 32) | output[56 + lane]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c, ref Vector256<uint> d,
        Vector256<uint> e, Vector256<uint> f, Vector256<uint> g, ref Vector256<uint> h, Vector256<uint> kw)
    {
        unchecked
        {
            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + (g ^ (e & (f ^ g))) + kw;
            d += t1;
            h = t1 + (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) | (c & (a | b)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

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
