using System.Diagnostics.Contracts;
using System.Globalization;

namespace MarketRules.Subsidies;

/// <summary>
/// An 18-character citizen identity number (公民身份号码, GB 11643-1999): a six-digit address code, an eight-digit
/// birth date, a three-digit sequence code and a check character computed with ISO 7064 MOD 11-2 (0–9 or X).
/// </summary>
/// <remarks>
/// <para>Only the 18-character form is accepted; the 15-digit form of the first-generation cards is not.
/// A lower-case <c>x</c> is normalised to <c>X</c>. The address code is checked for shape only (six digits, not
/// <c>000000</c>), not against the GB/T 2260 list, because divisions are renamed while old cards stay valid.</para>
/// <para>Equality is by the normalised number. The default value of this type has an empty <see cref="Value"/>;
/// never produce it, use <see cref="Parse"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct ResidentIdNumber
{
    // Weights 2^(17-i) mod 11 for positions 1..17 (GB 11643-1999, 5.2).
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    /// <summary>The normalised 18-character number.</summary>
    public string Value { get; }

    /// <summary>Parses and checks a number.</summary>
    /// <param name="text">The number.</param>
    /// <returns>The number, or the coded error <c>MR.Subsidy.InvalidResidentId</c> saying what is wrong.</returns>
    [Pure]
    public static RuleResult<ResidentIdNumber> Parse(string? text)
    {
        var problem = Problem(text);
        return problem is null
            ? RuleResult<ResidentIdNumber>.Success(new ResidentIdNumber(text!.ToUpperInvariant()))
            : RuleResult<ResidentIdNumber>.Failure(SubsidyErrors.InvalidResidentId.CreateLocalized(null, ("Detail", problem.Chinese, problem.English)));
    }

    /// <summary>Computes the check character of the first 17 digits.</summary>
    /// <param name="first17">The 17 digits.</param>
    /// <returns>The check character, <c>0</c>–<c>9</c> or <c>X</c>.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="first17"/> is not 17 digits.</exception>
    [Pure]
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        Utility.Preconditions.CheckArgument(first17.Length == 17, nameof(first17), "17 digits are required");
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            Utility.Preconditions.CheckArgument(c is >= '0' and <= '9', nameof(first17), "17 digits are required");
            sum += (c - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Says what is wrong with a number, or <see langword="null"/> when it is valid.</summary>
    /// <param name="text">The number.</param>
    /// <returns>An English description of the first problem found, or <see langword="null"/>.</returns>
    [Pure]
    public static string? Check(string? text) => Problem(text)?.English;

    // What is wrong, in both languages: the error's Chinese text says it in Chinese.
    internal static LocalizedText? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new LocalizedText("为空", "empty");
        }
        if (text.Length != 18)
        {
            var length = text.Length.ToString(CultureInfo.InvariantCulture);
            return new LocalizedText($"应为 18 位，实为 {length} 位", "expected 18 characters, found " + length);
        }
        for (var i = 0; i < 17; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return new LocalizedText("第 1 至 17 位须为数字", "characters 1 to 17 must be digits");
            }
        }
        if (text.AsSpan(0, 6).SequenceEqual("000000"))
        {
            return new LocalizedText("地址码 000000 不是行政区划", "the address code 000000 is not a division");
        }
        if (!DateTime.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1800)
        {
            return new LocalizedText("第 7 至 14 位不是出生日期（yyyyMMdd）", "characters 7 to 14 are not a birth date (yyyyMMdd)");
        }
        var last = char.ToUpperInvariant(text[17]);
        var expected = ComputeCheckCharacter(text.AsSpan(0, 17));
        return last == expected ? null : new LocalizedText($"校验码为 {last}，应为 {expected}（ISO 7064 MOD 11-2）", $"check character is {last}, expected {expected} (ISO 7064 MOD 11-2)");
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    /// <summary>The number with the birth date and sequence masked (<c>330105********123X</c> style), for reports.</summary>
    /// <returns>The masked number.</returns>
    [Pure]
    public string ToMaskedString() => Value is { Length: 18 } v ? string.Concat(v.AsSpan(0, 6), "********", v.AsSpan(14, 4)) : "";
}
