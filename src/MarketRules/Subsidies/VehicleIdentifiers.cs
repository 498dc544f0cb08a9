using System.Diagnostics.Contracts;

namespace MarketRules.Subsidies;

/// <summary>
/// The plate and frame-number formats the subsidy area accepts, and their normal form (the form the ledger's
/// uniqueness keys compare).
/// </summary>
/// <remarks>
/// <para><b>Plate</b> (号牌号码): an issuing-area prefix of one to three Chinese characters (<c>浙</c>, <c>杭州</c>),
/// optionally one Latin capital (the city letter), an optional separator (<c>·</c>, <c>-</c> or a space), then five to
/// eight Latin capitals or digits with at least one digit. Examples: <c>浙A·12345</c>, <c>杭州C12345</c>,
/// <c>浙A-B1234</c>. Lower-case letters are upper-cased and separators dropped in the normal form.</para>
/// <para><b>Frame number</b> (车架号 / 整车编码): 6 to 20 Latin capitals or digits with at least one digit and without
/// <c>I</c>, <c>O</c> or <c>Q</c> (which vehicle identification numbers avoid because they read as 1 and 0). The
/// e-bike whole-vehicle code layout of GB 17761 is not checked field by field: the length range is an assumption to
/// revisit when the standard's coding annex is at hand.</para>
/// </remarks>
public static class VehicleIdentifiers
{
    /// <summary>Whether a plate number is in an accepted format.</summary>
    /// <param name="plate">The plate.</param>
    /// <returns>Whether it is accepted.</returns>
    [Pure]
    public static bool IsValidPlate(string? plate) => NormalizePlate(plate) is not null;

    /// <summary>Whether a frame number is in an accepted format.</summary>
    /// <param name="frame">The frame number.</param>
    /// <returns>Whether it is accepted.</returns>
    [Pure]
    public static bool IsValidFrameNumber(string? frame) => NormalizeFrameNumber(frame) is not null;

    /// <summary>Returns the normal form of a plate (separators dropped, upper case), or <see langword="null"/> when it is not accepted.</summary>
    /// <param name="plate">The plate.</param>
    /// <returns>The normal form or <see langword="null"/>.</returns>
    [Pure]
    public static string? NormalizePlate(string? plate)
    {
        if (string.IsNullOrWhiteSpace(plate) || plate.Length > 16)
        {
            return null;
        }
        var span = plate.AsSpan().Trim();
        var i = 0;
        while (i < span.Length && IsChinese(span[i]))
        {
            i++;
        }
        if (i is < 1 or > 3)
        {
            return null;
        }
        Span<char> buffer = stackalloc char[16];
        span[..i].CopyTo(buffer);
        var n = i;
        if (i < span.Length && char.IsAsciiLetter(span[i]) && i + 1 < span.Length && IsSeparator(span[i + 1]))
        {
            buffer[n++] = char.ToUpperInvariant(span[i]);
            i++;
        }
        if (i < span.Length && IsSeparator(span[i]))
        {
            i++;
        }
        var serialStart = n;
        var digits = 0;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (!char.IsAsciiLetterOrDigit(c) || n >= buffer.Length)
            {
                return null;
            }
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            buffer[n++] = char.ToUpperInvariant(c);
        }
        var serialLength = n - serialStart;
        // The optional city letter is part of the serial when no separator follows it.
        return serialLength is >= 5 and <= 9 && digits > 0 ? new string(buffer[..n]) : null;
    }

    /// <summary>Returns the normal form of a frame number (upper case), or <see langword="null"/> when it is not accepted.</summary>
    /// <param name="frame">The frame number.</param>
    /// <returns>The normal form or <see langword="null"/>.</returns>
    [Pure]
    public static string? NormalizeFrameNumber(string? frame)
    {
        if (frame is null)
        {
            return null;
        }
        var span = frame.AsSpan().Trim();
        if (span.Length is < 6 or > 20)
        {
            return null;
        }
        var digits = 0;
        foreach (var c in span)
        {
            var u = char.ToUpperInvariant(c);
            if (!char.IsAsciiLetterOrDigit(u) || u is 'I' or 'O' or 'Q')
            {
                return null;
            }
            digits += char.IsAsciiDigit(u) ? 1 : 0;
        }
        return digits > 0 ? span.ToString().ToUpperInvariant() : null;
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool IsSeparator(char c) => c is '·' or '・' or '-' or ' ';
}
