using System.Globalization;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// A text in simplified Chinese (zh-CN) and English, the two languages every message of MarketRules carries.
/// </summary>
/// <remarks>
/// <para>Equality is ordinal on both texts.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
/// <param name="Chinese">The text in simplified Chinese (zh-CN). The authoritative wording for Chinese law.</param>
/// <param name="English">The English text.</param>
public sealed record LocalizedText(string Chinese, string English)
{
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh");

    /// <summary>The Chinese text.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("zh")]
    public string Chinese { get; init; } = Preconditions.CheckNotNull(Chinese);

    /// <summary>The English text.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("en")]
    public string English { get; init; } = Preconditions.CheckNotNull(English);

    /// <summary>
    /// Gets the text for a culture: Chinese for <c>zh</c> and every culture under it (zh-CN, zh-Hans, zh-TW…),
    /// English for every other culture, the invariant culture included.
    /// </summary>
    /// <param name="culture">The culture to choose for.</param>
    /// <returns>The text in that culture's language.</returns>
    public string Get(CultureInfo culture)
    {
        Preconditions.CheckNotNull(culture);
        for (var current = culture; !Equals(current, CultureInfo.InvariantCulture); current = current.Parent)
        {
            if (current.Equals(ChineseCulture))
            {
                return Chinese;
            }
        }
        return English;
    }

    /// <inheritdoc />
    public override string ToString() => Chinese + " / " + English;
}
