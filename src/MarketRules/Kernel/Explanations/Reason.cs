using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>One reason behind a decision: a stable code, the message in zh-CN and English, the values it names and its legal basis.</summary>
/// <remarks>
/// <para>A reason keeps its message's template and the values given, and formats the texts and the arguments the
/// first time they are read: an evaluation that explains builds every reason, while a caller reads the texts of few.</para>
/// <para>This type is immutable and thread-safe (two threads reading a text first may both format it; they get equal texts).</para>
/// </remarks>
public sealed class Reason
{
    private readonly MessageDefinition definition;
    // The values given, or the evaluation's record that makes them (MessageArguments.Deferred) — one field for both.
    private readonly MessageArguments values;
    [Memoised]
    private LocalizedText? message;
    [Memoised]
    private ImmutableSortedDictionary<string, string>? arguments;

    internal Reason(MessageDefinition definition, MessageArguments values, Citation? citation)
    {
        this.definition = Preconditions.CheckNotNull(definition);
        this.values = values;
        Citation = citation;
    }

    // The values are asked of the evaluation's compact record of what it checked, only when a text is read.
    internal Reason(MessageDefinition definition, IDeferredMessageArguments source, int index, Citation? citation)
    {
        this.definition = Preconditions.CheckNotNull(definition);
        values = MessageArguments.Deferred(source, index);
        Citation = citation;
    }

    /// <summary>The stable reason code, e.g. <c>MR.Referral.ThresholdReached</c>.</summary>
    public string Code => definition.Code;

    /// <summary>The message in zh-CN and English.</summary>
    public LocalizedText Message => message ??= values.Fill(definition.Template);

    /// <summary>The values the message names, by placeholder.</summary>
    public ImmutableSortedDictionary<string, string> Arguments => arguments ??= values.ToDictionary();

    /// <summary>The legal basis of this reason, or <see langword="null"/>.</summary>
    public Citation? Citation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message.English}";
}

/// <summary>
/// Where the placeholder values of reasons come from when an evaluation records what it checked compactly (numbers
/// and indexes into the law's tables) and makes the values only when a reason's text or arguments are read.
/// </summary>
internal interface IDeferredMessageArguments
{
    /// <summary>The values of the reason recorded at <paramref name="index"/>.</summary>
    /// <param name="index">The reason's index in the record, as given to the reason.</param>
    /// <returns>The values; the same on every call.</returns>
    MessageArguments ArgumentsOf(int index);
}
