using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// A stable code with its message templates in zh-CN and English, used for both errors (bad input) and the reasons
/// of a decision. The code is also the localisation key: it never changes once shipped, while the wording may improve.
/// </summary>
/// <remarks>
/// <para>Templates use named placeholders in braces, for example <c>{Date}</c>. Both templates must name the same
/// placeholders; a test enforces this for every definition in the library.</para>
/// <para>Codes follow the shape <c>MR.&lt;Area&gt;.&lt;Name&gt;</c>, for example <c>MR.Calendar.OutOfRange</c>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MessageDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="code">The stable code, e.g. <c>MR.Calendar.OutOfRange</c>.</param>
    /// <param name="chinese">The zh-CN template.</param>
    /// <param name="english">The English template.</param>
    /// <exception cref="ArgumentException">Thrown when the code does not start with <c>MR.</c>.</exception>
    public MessageDefinition(string code, string chinese, string english)
    {
        Preconditions.CheckNotNull(code);
        Preconditions.CheckArgument(code.StartsWith("MR.", StringComparison.Ordinal), nameof(code), "Error codes start with 'MR.'");
        Code = code;
        Template = new LocalizedText(chinese, english);
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The message templates with their named placeholders.</summary>
    public LocalizedText Template { get; }

    /// <summary>Creates a reason for a decision from this definition; its texts are filled when first read.</summary>
    /// <param name="citation">The legal basis of the reason, or <see langword="null"/>.</param>
    /// <param name="arguments">Placeholder values by name; formatted with the invariant culture.</param>
    /// <returns>The reason.</returns>
    public Reason ToReason(Citation? citation, params (string Name, object? Value)[] arguments) => new(this, MessageArguments.Of(arguments), citation);

    /// <summary>
    /// Creates a reason whose placeholder values differ by language (a statutory phrase in Chinese, its meaning in
    /// English): each template is filled with the values of its own language; the arguments keep the Chinese ones.
    /// </summary>
    /// <param name="citation">The legal basis of the reason, or <see langword="null"/>.</param>
    /// <param name="arguments">Placeholder values by name, each in both languages.</param>
    /// <returns>The reason.</returns>
    internal Reason ToLocalizedReason(Citation? citation, params (string Name, LocalizedText Value)[] arguments) => new(this, MessageArguments.Of(arguments), citation);

    /// <summary>Creates an error whose placeholder values differ by language; each template is filled with its own language's values.</summary>
    /// <param name="path">Where in the input the error is, or <see langword="null"/>.</param>
    /// <param name="arguments">Placeholder values by name, each in both languages.</param>
    /// <returns>The error; its arguments keep the Chinese values.</returns>
    internal RuleError CreateLocalized(string? path, params (string Name, LocalizedText Value)[] arguments) => Create(path, MessageArguments.Of(arguments));

    /// <summary>Creates an error from this definition, filling the placeholders.</summary>
    /// <param name="path">Where in the input the error is (a JSON path such as <c>$.claims[2].personId</c>), or <see langword="null"/>.</param>
    /// <param name="arguments">Placeholder values by name; formatted with the invariant culture. A <see cref="LocalizedText"/> value shows its Chinese text in the zh-CN message and its English text in the English one (and the arguments keep the Chinese).</param>
    /// <returns>The error.</returns>
    public RuleError Create(string? path, params (string Name, object? Value)[] arguments) => Create(path, MessageArguments.Of(arguments));

    /// <summary>Creates an error from this definition with already formatted placeholder values.</summary>
    /// <param name="path">Where in the input the error is, or <see langword="null"/>.</param>
    /// <param name="arguments">Placeholder values by name.</param>
    /// <returns>The error.</returns>
    public RuleError Create(string? path, ImmutableSortedDictionary<string, string> arguments)
    {
        Preconditions.CheckNotNull(arguments);
        return new RuleError(Code, path, MessageArguments.Of(arguments).Fill(Template), arguments);
    }

    // Errors are formatted at once: they are few, and an error's text is what its caller reads.
    private RuleError Create(string? path, MessageArguments arguments) => new(Code, path, arguments.Fill(Template), arguments.ToDictionary());

    /// <summary>Lists the placeholder names a template uses, in order of appearance.</summary>
    /// <param name="template">A template.</param>
    /// <returns>The names.</returns>
    public static ImmutableArray<string> PlaceholdersOf(string template)
    {
        Preconditions.CheckNotNull(template);
        var names = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        while ((index = template.IndexOf('{', index)) >= 0)
        {
            var end = template.IndexOf('}', index + 1);
            if (end < 0)
            {
                break;
            }
            names.Add(template.Substring(index + 1, end - index - 1));
            index = end + 1;
        }
        return names.ToImmutable();
    }

    /// <summary>Creates a reason whose placeholders read differently in each language (a state's Chinese label in the zh text, its English label in the en text); the reason's arguments keep the English values.</summary>
    /// <remarks>Named apart from <see cref="ToLocalizedReason(Citation?, ValueTuple{string, LocalizedText}[])"/> rather than overloading it: with one
    /// name, a tuple argument whose element becomes a conditional expression (as mutation testing writes it) matches
    /// neither overload, and Stryker then drops every mutant of the calling method as a compile error.</remarks>
    internal Reason ToReasonKeepingEnglish(Citation? citation, params (string Name, object? Chinese, object? English)[] arguments) => new(this, MessageArguments.Of(arguments), citation);

    /// <summary>
    /// Creates a reason whose placeholders read differently in each language, given as values formatted only when the
    /// text is read; the reason's arguments keep the Chinese values (as <see cref="ToLocalizedReason(Citation?, ValueTuple{string, LocalizedText}[])"/>).
    /// </summary>
    internal Reason ToReasonKeepingChinese(Citation? citation, params (string Name, object? Chinese, object? English)[] arguments) =>
        new(this, MessageArguments.Of(arguments, keepsEnglish: false), citation);

    /// <summary>Creates a reason whose placeholder values <paramref name="source"/> makes when the text or arguments are first read.</summary>
    internal Reason ToDeferredReason(Citation? citation, IDeferredMessageArguments source, int index) => new(this, source, index, citation);

    /// <summary>Creates an error whose placeholders read differently in each language; the error's arguments keep the English values.</summary>
    internal RuleError CreateLocalized(string? path, params (string Name, object? Chinese, object? English)[] arguments) => Create(path, MessageArguments.Of(arguments));

    /// <inheritdoc />
    public override string ToString() => Code;
}
