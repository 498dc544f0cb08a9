using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace MarketRules;

/// <summary>One placeholder value of a message, as given: unformatted, possibly different in each language.</summary>
/// <param name="Name">The placeholder's name, e.g. <c>Date</c> for <c>{Date}</c>.</param>
/// <param name="Chinese">The value the zh-CN template shows.</param>
/// <param name="English">The value the English template shows.</param>
internal readonly record struct MessageArgument(string Name, object? Chinese, object? English);

/// <summary>
/// The placeholder values of a message, kept as given and formatted only when the text (or the arguments) are read:
/// a decision's reasons are built on every explained evaluation, while their texts are read far less often (a caller
/// who serialises or shows them), so formatting both languages eagerly was most of an explanation's cost.
/// </summary>
/// <remarks>The one place the library fills message templates, for reasons and errors alike.</remarks>
internal readonly struct MessageArguments
{
    private static readonly ImmutableSortedDictionary<string, string> NoArguments = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    // The values given (a MessageArgument[]), or the evaluation's record that makes them when asked (an
    // IDeferredMessageArguments, with the reason's index in the padding after it): one reference for both, so a
    // Reason holding these is no larger for the deferred case (an explained decision builds one per reason).
    private readonly object? items;
    private readonly int index;

    /// <summary>Keeps <paramref name="items"/> (not copied: the caller hands it over).</summary>
    /// <param name="items">The values.</param>
    /// <param name="keepsEnglish">Whether <see cref="ToDictionary"/> lists the English values (else the Chinese ones).</param>
    internal MessageArguments(MessageArgument[]? items, bool keepsEnglish)
    {
        this.items = items;
        KeepsEnglish = keepsEnglish;
    }

    private MessageArguments(IDeferredMessageArguments source, int index)
    {
        items = source;
        this.index = index;
    }

    /// <summary>Values <paramref name="source"/> makes for the reason at <paramref name="index"/> when they are first needed.</summary>
    internal static MessageArguments Deferred(IDeferredMessageArguments source, int index) => new(Utility.Preconditions.CheckNotNull(source), index);

    /// <summary>The values themselves: those given, or those the deferred source makes (asked on every call).</summary>
    internal MessageArguments Resolve()
    {
        // Read without pattern variables: a pattern variable in a condition mutation testing wraps does not compile (CS0165).
        var source = items as IDeferredMessageArguments;
        return source is not null ? source.ArgumentsOf(index) : this;
    }

    private MessageArgument[]? Items => items as MessageArgument[];

    /// <summary>Whether the arguments reported are the English values (else the Chinese ones).</summary>
    internal bool KeepsEnglish { get; }

    /// <summary>Values the same in both languages, except a <see cref="LocalizedText"/> and a <see cref="Calendar.LegalPeriod"/>, which show their Chinese text in the zh-CN template and their English text in the English one.</summary>
    internal static MessageArguments Of((string Name, object? Value)[] arguments)
    {
        Utility.Preconditions.CheckNotNull(arguments);
        if (arguments.Length == 0)
        {
            return default;
        }
        var items = new MessageArgument[arguments.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var (name, value) = arguments[i];
            // A legal period reads in each language (3年 / 3 years): its ToString is English and leaked into zh-CN texts.
            items[i] = value switch
            {
                LocalizedText text => new MessageArgument(name, text.Chinese, text.English),
                Calendar.LegalPeriod period => new MessageArgument(name, period.ToLocalizedText().Chinese, period.ToLocalizedText().English),
                _ => new MessageArgument(name, value, value),
            };
        }
        return new MessageArguments(items, keepsEnglish: false);
    }

    /// <summary>Values in both languages; the arguments reported are the Chinese ones.</summary>
    internal static MessageArguments Of((string Name, LocalizedText Value)[] arguments)
    {
        Utility.Preconditions.CheckNotNull(arguments);
        var items = new MessageArgument[arguments.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new MessageArgument(arguments[i].Name, arguments[i].Value.Chinese, arguments[i].Value.English);
        }
        return new MessageArguments(items, keepsEnglish: false);
    }

    /// <summary>Values in both languages; the arguments reported are the English ones unless <paramref name="keepsEnglish"/> says otherwise.</summary>
    internal static MessageArguments Of((string Name, object? Chinese, object? English)[] arguments, bool keepsEnglish = true)
    {
        Utility.Preconditions.CheckNotNull(arguments);
        var items = new MessageArgument[arguments.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new MessageArgument(arguments[i].Name, arguments[i].Chinese, arguments[i].English);
        }
        return new MessageArguments(items, keepsEnglish);
    }

    /// <summary>Already formatted values, the same in both languages.</summary>
    internal static MessageArguments Of(ImmutableSortedDictionary<string, string> arguments)
    {
        var items = new MessageArgument[arguments.Count];
        var i = 0;
        foreach (var (name, value) in arguments)
        {
            items[i++] = new MessageArgument(name, value, value);
        }
        return new MessageArguments(items, keepsEnglish: false);
    }

    /// <summary>Both templates filled.</summary>
    internal LocalizedText Fill(LocalizedText template)
    {
        var values = Resolve();
        return new(values.Fill(template.Chinese, english: false), values.Fill(template.English, english: true));
    }

    /// <summary>The values by placeholder name, formatted with the invariant culture; of a name given twice, the last.</summary>
    internal ImmutableSortedDictionary<string, string> ToDictionary()
    {
        var values = Resolve();
        var given = values.Items;
        if (given is null || given.Length == 0)
        {
            return NoArguments;
        }
        var keepsEnglish = values.KeepsEnglish;
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in given)
        {
            builder[item.Name] = Format(keepsEnglish ? item.English : item.Chinese);
        }
        return builder.ToImmutable();
    }

    /// <summary>Formats a placeholder value: ISO dates and instants, numbers in the invariant culture.</summary>
    internal static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        NodaTime.LocalDate date => NodaTime.Text.LocalDatePattern.Iso.Format(date),
        NodaTime.Instant instant => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant),
        NodaTime.LocalDateTime dateTime => NodaTime.Text.LocalDateTimePattern.ExtendedIso.Format(dateTime),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // A placeholder without a value stays as written, braces included, so a missing argument shows in the text.
    private string Fill(string template, bool english)
    {
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }
        var result = new StringBuilder(template.Length + 16);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }
            result.Append(template, position, open - position);
            if (TryFind(template.AsSpan(open + 1, close - open - 1), out var item))
            {
                result.Append(Format(english ? item.English : item.Chinese));
            }
            else
            {
                result.Append(template, open, close - open + 1);
            }
            position = close + 1;
        }
        return result.ToString();
    }

    private bool TryFind(ReadOnlySpan<char> name, out MessageArgument found)
    {
        // Read without pattern variables: a pattern variable in a condition mutation testing wraps does not compile (CS0165).
        var given = Items;
        if (given is not null)
        {
            // From the end: of a name given twice the last counts, as in the arguments reported.
            for (var i = given.Length - 1; i >= 0; i--)
            {
                if (name.SequenceEqual(given[i].Name))
                {
                    found = given[i];
                    return true;
                }
            }
        }
        found = default;
        return false;
    }
}

/// <summary>
/// A number shown in a message with its own pattern (e.g. <c>0.00</c> for yuan), formatted only when the text is read.
/// </summary>
/// <param name="Value">The number.</param>
/// <param name="Pattern">The .NET numeric format pattern, applied with the invariant culture.</param>
internal readonly record struct MessageNumber(decimal Value, string Pattern) : IFormattable
{
    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(Pattern, CultureInfo.InvariantCulture);
}
