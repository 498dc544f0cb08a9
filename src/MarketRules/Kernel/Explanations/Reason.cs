using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules;

/// <summary>One reason behind a decision: a stable code, the message in zh-CN and English, the values it names and its legal basis.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class Reason
{
    internal Reason(string code, LocalizedText message, ImmutableSortedDictionary<string, string> arguments, Citation? citation)
    {
        Code = Preconditions.CheckNotNull(code);
        Message = Preconditions.CheckNotNull(message);
        Arguments = Preconditions.CheckNotNull(arguments);
        Citation = citation;
    }

    /// <summary>The stable reason code, e.g. <c>MR.Referral.ThresholdReached</c>.</summary>
    public string Code { get; }

    /// <summary>The message in zh-CN and English.</summary>
    public LocalizedText Message { get; }

    /// <summary>The values the message names, by placeholder.</summary>
    public ImmutableSortedDictionary<string, string> Arguments { get; }

    /// <summary>The legal basis of this reason, or <see langword="null"/>.</summary>
    public Citation? Citation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message.English}";
}
