using System.Diagnostics.Contracts;

namespace MarketRules;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character
/// computed modulo 31 over the first 17.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are ordinal on the 18 characters (upper case).</para>
/// <para>The default value of this type holds no code; its <see cref="Value"/> is the empty string. Produce values with <see cref="Parse"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct UnifiedSocialCreditCode : IComparable<UnifiedSocialCreditCode>
{
    /// <summary>The 31 characters the code uses (GB 32100-2015 Table 3): digits and upper-case letters without I, O, Z, S and V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private readonly string? value;

    private UnifiedSocialCreditCode(string value) => this.value = value;

    /// <summary>The 18-character code.</summary>
    public string Value => value ?? "";

    /// <summary>Parses and checks a code: length 18, alphabet, and check character.</summary>
    /// <param name="text">The code; lower-case letters are accepted and upper-cased.</param>
    /// <returns>The code, or the coded error <c>MR.Identifier.InvalidCreditCode</c> saying what is wrong.</returns>
    [Pure]
    public static RuleResult<UnifiedSocialCreditCode> Parse(string? text)
    {
        var detail = Check(text, out var normalised);
        return detail is null
            ? RuleResult<UnifiedSocialCreditCode>.Success(new UnifiedSocialCreditCode(normalised!))
            : RuleResult<UnifiedSocialCreditCode>.Failure(KernelErrors.InvalidCreditCode.CreateLocalized(null, ("Code", text ?? "", text ?? ""),
                ("Detail", detail.Chinese, detail.English)));
    }

    /// <summary>Whether a text is a valid code.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether <see cref="Parse"/> would succeed.</returns>
    [Pure]
    public static bool IsValid(string? text) => Check(text, out _) is null;

    /// <summary>Computes the check character for the first 17 characters of a code.</summary>
    /// <param name="first17">The first 17 characters, from <see cref="Alphabet"/>.</param>
    /// <returns>The 18th character.</returns>
    /// <exception cref="ArgumentException">Thrown when the text is not 17 characters of the alphabet.</exception>
    [Pure]
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected 17 characters", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]), StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException("Character outside the code's alphabet", nameof(first17));
            }
            sum += index * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <inheritdoc />
    public int CompareTo(UnifiedSocialCreditCode other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Compares ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts first.</returns>
    public static bool operator <(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) < 0;

    /// <summary>Compares ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts last.</returns>
    public static bool operator >(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) > 0;

    /// <summary>Compares ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts first or equal.</returns>
    public static bool operator <=(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts last or equal.</returns>
    public static bool operator >=(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>What is wrong with a code, in both languages, or <see langword="null"/> when it is valid.</summary>
    internal static LocalizedText? Problem(string? text) => Check(text, out _);

    private static LocalizedText? Check(string? text, out string? normalised)
    {
        normalised = null;
        if (text is null || text.Length != 18)
        {
            return new LocalizedText("应为18位字符", "expected 18 characters");
        }
        var upper = text.ToUpperInvariant();
        foreach (var c in upper)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return new LocalizedText($"含不允许的字符“{c}”", $"character '{c}' is not allowed");
            }
        }
        var expected = ComputeCheckCharacter(upper.AsSpan(0, 17));
        if (upper[17] != expected)
        {
            return new LocalizedText($"校验码应为“{expected}”", $"check character should be '{expected}'");
        }
        normalised = upper;
        return null;
    }
}
