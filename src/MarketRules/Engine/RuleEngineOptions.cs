using MarketRules.Utility;

namespace MarketRules.Engine;

/// <summary>Limits and formatting of a <see cref="RuleEngine"/>, validated once when the engine is created.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RuleEngineOptions
{
    /// <summary>The options every engine uses unless given others.</summary>
    public static RuleEngineOptions Default { get; } = new();

    /// <summary>The largest single request (one JSON object, one NDJSON line) the engine reads, in bytes.</summary>
    /// <value>The default value is 1 MiB (1 048 576 bytes). Must be between 1 KiB and 256 MiB.</value>
    public int MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>The deepest nesting of JSON the engine reads.</summary>
    /// <value>The default value is 64. Must be between 8 and 256.</value>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Whether single decisions are written indented (NDJSON lines never are).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Indented { get; init; }

    internal RuleEngineOptions Validate()
    {
        Preconditions.CheckArgumentRange(MaxRequestBytes, 1 << 10, 1 << 28, nameof(MaxRequestBytes));
        Preconditions.CheckArgumentRange(MaxDepth, 8, 256, nameof(MaxDepth));
        return this;
    }
}
