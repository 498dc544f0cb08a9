using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace MarketRules.Sampling;

/// <summary>
/// An entity's draw rank: the 32 bytes of SHA-256(prefix ‖ id) read as four big-endian 64-bit words, so ordering
/// keys orders digests byte by byte, as <c>ORDER BY sha256(…)</c> orders their hex text in SQL.
/// </summary>
internal readonly record struct RankKey(ulong A, ulong B, ulong C, ulong D) : IComparable<RankKey>
{
    internal static RankKey FromWords(ReadOnlySpan<uint> h) => new(
        ((ulong)h[0] << 32) | h[1], ((ulong)h[2] << 32) | h[3], ((ulong)h[4] << 32) | h[5], ((ulong)h[6] << 32) | h[7]);

    internal static RankKey FromDigest(ReadOnlySpan<byte> digest) => new(
        BinaryPrimitives.ReadUInt64BigEndian(digest),
        BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CompareTo(RankKey other) =>
        A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B) : C != other.C ? C.CompareTo(other.C) : D.CompareTo(other.D);

    internal void WriteDigest(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, A);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], D);
    }

    /// <summary>The digest as lower-case hex, the form DuckDB's <c>sha256</c> returns.</summary>
    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[32];
        WriteDigest(digest);
        return Convert.ToHexStringLower(digest);
    }
}

/// <summary>
/// A unified social credit code packed into 90 bits (18 characters × 5 bits, by position in the code's 31-character
/// alphabet), so the draw's candidate buffers hold no strings. Packing preserves the codes' ordinal order.
/// </summary>
internal static class PackedCode
{
    private static readonly sbyte[] IndexOf = BuildIndex();
    private static readonly System.Buffers.SearchValues<char> Alphabet = System.Buffers.SearchValues.Create(UnifiedSocialCreditCode.Alphabet);
    private static readonly byte[] AsciiAlphabet = System.Text.Encoding.ASCII.GetBytes(UnifiedSocialCreditCode.Alphabet);

    internal static UInt128 Pack(ReadOnlySpan<byte> ascii)
    {
        // Two 45-bit halves in 64-bit arithmetic (UInt128 shifts are slow), joined once.
        ascii = ascii[..Sha256Lanes.CreditCodeLength];
        var index = IndexOf;
        ulong high = 0, low = 0;
        for (var i = 0; i < 9; i++)
        {
            high = (high << 5) | (byte)index[ascii[i]];
            low = (low << 5) | (byte)index[ascii[9 + i]];
        }
        return ((UInt128)high << 45) | low;
    }

    /// <summary>Packs a code's 18 characters into two 45-bit halves; false when a character is outside the alphabet.</summary>
    internal static bool TryPack(string code, out ulong high, out ulong low)
    {
        high = 0;
        low = 0;
        if (code.Length != Sha256Lanes.CreditCodeLength)
        {
            return false;
        }
        var valid = true;
        for (var i = 0; i < 9; i++)
        {
            var (h, l) = (code[i], code[9 + i]);
            valid &= h < 128 && l < 128 && Alphabet.Contains(h) && Alphabet.Contains(l);
            high = (high << 5) | (byte)IndexOf[h & 127];
            low = (low << 5) | (byte)IndexOf[l & 127];
        }
        return valid;
    }

    /// <summary>Writes the 18 ASCII characters of a code packed by <see cref="TryPack"/>.</summary>
    internal static void Unpack(ulong high, ulong low, Span<byte> ascii)
    {
        for (var i = 8; i >= 0; i--)
        {
            ascii[i] = AsciiAlphabet[(int)(high & 31)];
            ascii[9 + i] = AsciiAlphabet[(int)(low & 31)];
            high >>= 5;
            low >>= 5;
        }
    }

    internal static string Unpack(UInt128 packed)
    {
        Span<byte> ascii = stackalloc byte[Sha256Lanes.CreditCodeLength];
        Unpack(packed, ascii);
        return System.Text.Encoding.ASCII.GetString(ascii);
    }

    /// <summary>Writes the 18 ASCII characters of a code packed by <see cref="Pack"/>.</summary>
    internal static void Unpack(UInt128 packed, Span<byte> ascii)
    {
        for (var i = Sha256Lanes.CreditCodeLength - 1; i >= 0; i--)
        {
            ascii[i] = AsciiAlphabet[(int)(uint)(packed & 31)];
            packed >>= 5;
        }
    }

    private static sbyte[] BuildIndex()
    {
        var index = new sbyte[256];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = 0;
        }
        for (var i = 0; i < UnifiedSocialCreditCode.Alphabet.Length; i++)
        {
            index[UnifiedSocialCreditCode.Alphabet[i]] = (sbyte)i;
        }
        return index;
    }
}
