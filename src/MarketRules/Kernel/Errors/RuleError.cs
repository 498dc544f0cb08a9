using System.Collections.Immutable;
using System.Globalization;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>
/// One coded error about input: what is wrong, where, in zh-CN and English. Errors are values; nothing that
/// produced one has changed any state.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RuleError : IEquatable<RuleError>
{
    internal RuleError(string code, string? path, LocalizedText message, ImmutableSortedDictionary<string, string> arguments)
    {
        Code = Preconditions.CheckNotNull(code);
        Path = path;
        Message = Preconditions.CheckNotNull(message);
        Arguments = Preconditions.CheckNotNull(arguments);
    }

    /// <summary>The stable error code, e.g. <c>MR.Calendar.OutOfRange</c>.</summary>
    public string Code { get; }

    /// <summary>Where in the input the error is, as a JSON path (<c>$.claims[2].personId</c>), or <see langword="null"/> when it concerns the whole input.</summary>
    public string? Path { get; }

    /// <summary>The message in zh-CN and English.</summary>
    public LocalizedText Message { get; }

    /// <summary>The values that filled the message's placeholders, by name.</summary>
    public ImmutableSortedDictionary<string, string> Arguments { get; }

    /// <summary>Returns a copy of this error located at another path.</summary>
    /// <param name="path">The new path.</param>
    /// <returns>The relocated error.</returns>
    public RuleError WithPath(string? path) => new(Code, path, Message, Arguments);

    /// <summary>
    /// Returns a copy of this error with its path re-rooted under <paramref name="parent"/>: an error a part reported
    /// at <c>$.seed</c> is, for the document that holds the part at <c>$.input</c>, at <c>$.input.seed</c>.
    /// </summary>
    /// <param name="parent">The path of the part in the enclosing document, starting with <c>$</c>.</param>
    /// <returns>The re-rooted error; this error itself when its path is absent or not rooted at <c>$</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="parent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="parent"/> does not start with <c>$</c>.</exception>
    public RuleError Under(string parent)
    {
        Preconditions.CheckNotNull(parent);
        Preconditions.CheckArgument(parent.StartsWith('$'), nameof(parent), "A JSON path starting with '$'");
        // Read without pattern variables: mutation testing wraps the condition, and a pattern variable in it (CS0165)
        // made Stryker drop every mutant of this method.
        var path = Path;
        return path is not null && path.StartsWith('$') ? WithPath(parent + path[1..]) : this;
    }

    /// <summary>Gets the message in a culture's language (see <see cref="LocalizedText.Get"/>).</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The message.</returns>
    public string GetMessage(CultureInfo culture) => Message.Get(culture);

    /// <inheritdoc />
    public bool Equals(RuleError? other) =>
        other is not null && Code == other.Code && Path == other.Path && Message == other.Message;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RuleError);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Path, Message);

    /// <inheritdoc />
    public override string ToString() => Path is null ? $"{Code}: {Message.English}" : $"{Code} at {Path}: {Message.English}";
}
