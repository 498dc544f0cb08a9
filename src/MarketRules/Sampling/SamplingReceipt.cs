using System.Collections.Immutable;
using System.Text.Json;
using MarketRules.Credit;

namespace MarketRules.Sampling;

/// <summary>A stratum of the draw: the entities of one region, industry and credit-risk class.</summary>
/// <param name="Region">The GB/T 2260 code.</param>
/// <param name="Industry">The GB/T 4754 code.</param>
/// <param name="Tier">The credit-risk class.</param>
public readonly record struct StratumKey(string Region, string Industry, CreditRiskClass Tier) : IComparable<StratumKey>
{
    /// <inheritdoc />
    [System.Diagnostics.Contracts.Pure]
    public int CompareTo(StratumKey other)
    {
        var byRegion = string.CompareOrdinal(Region, other.Region);
        if (byRegion != 0)
        {
            return byRegion;
        }
        var byIndustry = string.CompareOrdinal(Industry, other.Industry);
        return byIndustry != 0 ? byIndustry : Tier.CompareTo(other.Tier);
    }

    /// <summary>Compares strata by region, industry and class.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts first.</returns>
    public static bool operator <(StratumKey left, StratumKey right) => left.CompareTo(right) < 0;

    /// <summary>Compares strata by region, industry and class.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts last.</returns>
    public static bool operator >(StratumKey left, StratumKey right) => left.CompareTo(right) > 0;

    /// <summary>Compares strata by region, industry and class.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts first or equal.</returns>
    public static bool operator <=(StratumKey left, StratumKey right) => left.CompareTo(right) <= 0;

    /// <summary>Compares strata by region, industry and class.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts last or equal.</returns>
    public static bool operator >=(StratumKey left, StratumKey right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{Region}/{Industry}/{Tier}";
}

/// <summary>A stratum's quota as committed before the seed exists.</summary>
/// <param name="Stratum">The stratum.</param>
/// <param name="Active">Active enterprises in the stratum: the denominator the class ratio applies to.</param>
/// <param name="Population">Entities that may be drawn (active, not excluded, outside the avoid-repeat window, or mandatory).</param>
/// <param name="Mandatory">Entities the working rules include whatever their rank.</param>
/// <param name="Quota">Entities to select: the class ratio (scaled, see <see cref="RosterCommitment.Scale"/>) times the active enterprises, rounded up, at most the population, and never fewer than the mandatory ones.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record StratumQuota(StratumKey Stratum, int Active, int Population, int Mandatory, int Quota);

/// <summary>A stratum's result: its quota and the entities selected, mandatory ones first, then by rank.</summary>
/// <param name="Stratum">The stratum.</param>
/// <param name="Active">Active enterprises in the stratum.</param>
/// <param name="Population">Entities that may be drawn.</param>
/// <param name="Mandatory">Entities included by the working rules.</param>
/// <param name="Quota">Entities to select.</param>
/// <param name="Selected">The selected entities.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record StratumResult(StratumKey Stratum, int Active, int Population, int Mandatory, int Quota, ImmutableArray<SelectedEntity> Selected)
{
    /// <summary>Selected ÷ active enterprises of the stratum (0 for an empty stratum).</summary>
    public decimal RealisedRatio => Active == 0 ? 0m : decimal.Round((decimal)Selected.Length / Active, 6);
}

/// <summary>
/// The commit phase's output, published before the seed exists: the canonical roster hash, the task, the working rules
/// and every stratum's quota. Quotas depend only on the roster and the rules, so fixing them first leaves the seed
/// nothing to influence but which entities fill them.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RosterCommitment
{
    /// <summary>The inspection task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The date of the draw (the avoid-repeat window counts back from it).</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>SHA-256 of the canonical roster (see <c>docs/sampling.md</c>), lower-case hex.</summary>
    public required string RosterHash { get; init; }

    /// <summary>The working rules.</summary>
    public required SamplingPolicy Policy { get; init; }

    /// <summary>Records in the roster.</summary>
    public required int Records { get; init; }

    /// <summary>Active entities: the coverage denominator.</summary>
    public required int Active { get; init; }

    /// <summary>Entities to select in all: the coverage target times the active entities, rounded up.</summary>
    public required int Target { get; init; }

    /// <summary>The factor every class ratio was multiplied by so the quotas reach <see cref="Target"/> (1 when they already did).</summary>
    public required decimal Scale { get; init; }

    /// <summary>The quotas, by stratum order.</summary>
    public required ImmutableArray<StratumQuota> Strata { get; init; }

    /// <summary>The sum of the quotas.</summary>
    public int TotalQuota => Strata.Sum(s => s.Quota);
}

/// <summary>
/// Everything needed to check a draw afterwards: roster hash, seed, working rules, quotas and the selected entities
/// with their ranks. <see cref="DoubleRandomSampler.Verify"/> recomputes it bit for bit from the published roster.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SamplingReceipt
{
    /// <summary>The receipt format; the byte layout of the ranking is part of it.</summary>
    public const string CurrentFormat = "marketrules-sampling/2";

    /// <summary>The receipt format.</summary>
    /// <value>The default value is <see cref="CurrentFormat"/>.</value>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The MarketRules version that drew.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The inspection task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The date of the draw.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The seed bytes as lower-case hex.</summary>
    public required string Seed { get; init; }

    /// <summary>The 64-byte prefix (SHA-256(seed) ‖ SHA-256(task id)) as lower-case hex.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the canonical roster, lower-case hex.</summary>
    public required string RosterHash { get; init; }

    /// <summary>The working rules.</summary>
    public required SamplingPolicy Policy { get; init; }

    /// <summary>Active entities.</summary>
    public required int Active { get; init; }

    /// <summary>Entities to select in all.</summary>
    public required int Target { get; init; }

    /// <summary>The factor applied to every class ratio.</summary>
    public required decimal Scale { get; init; }

    /// <summary>Each stratum's quota and selection.</summary>
    public required ImmutableArray<StratumResult> Strata { get; init; }

    /// <summary>Entities selected in all.</summary>
    public int SelectedCount => Strata.Sum(s => s.Selected.Length);

    /// <summary>Selected ÷ active.</summary>
    public decimal RealisedCoverage => Active == 0 ? 0m : decimal.Round((decimal)SelectedCount / Active, 6);

    /// <summary>Serialises the receipt (the published form).</summary>
    /// <returns>Indented JSON, its text encoded with <see cref="Json.MarketRulesJson.Encoder"/> (Chinese unescaped).</returns>
    public string ToJson() => JsonSerializer.Serialize(this, SamplingJsonContext.Readable.SamplingReceipt);

    /// <summary>Writes the published form to a stream as UTF-8, in pieces: the bytes of <see cref="ToJson"/>, never one string.</summary>
    /// <param name="utf8Json">The stream to write to; left open.</param>
    public void WriteTo(Stream utf8Json)
    {
        Utility.Preconditions.CheckNotNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, this, SamplingJsonContext.Readable.SamplingReceipt);
    }

    /// <summary>Writes the published form to a stream as UTF-8, flushing as it goes.</summary>
    /// <param name="utf8Json">The stream to write to; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the receipt is written.</returns>
    public Task WriteToAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        Utility.Preconditions.CheckNotNull(utf8Json);
        return JsonSerializer.SerializeAsync(utf8Json, this, SamplingJsonContext.Readable.SamplingReceipt, cancellationToken);
    }

    /// <summary>
    /// Reads a published receipt from a UTF-8 stream, without reading it into one string first, as strictly as every
    /// door of the library: a repeated or unknown member, invalid text or a value of the wrong type is refused with its
    /// JSON path. To check a receipt against its roster without holding it, use
    /// <see cref="DoubleRandomSampler.VerifyPublished"/>.
    /// </summary>
    /// <param name="utf8Json">The stream; read to its end and left open.</param>
    /// <returns>The receipt, or <c>MR.Sampling.ReceiptMalformed</c> errors with the JSON path of each fault.</returns>
    public static RuleResult<SamplingReceipt> FromJson(Stream utf8Json)
    {
        Utility.Preconditions.CheckNotNull(utf8Json);
        return ReceiptReader.ReadWhole(utf8Json);
    }

    /// <summary>Reads a published receipt, as strictly as <see cref="FromJson(Stream)"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The receipt, or <c>MR.Sampling.ReceiptMalformed</c> errors with their JSON paths.</returns>
    public static RuleResult<SamplingReceipt> FromJson(string json)
    {
        Utility.Preconditions.CheckNotNull(json);
        return Json.StrictJson.Read(json, SamplingJsonContext.Default.SamplingReceipt, SamplingErrors.ReceiptMalformed);
    }
}

/// <summary>The outcome of checking a receipt against a roster.</summary>
/// <param name="Differences">What differs; empty when the receipt is confirmed.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ReceiptVerification(ImmutableArray<RuleError> Differences)
{
    /// <summary>The receipt format the check applied (<see cref="SamplingReceipt.CurrentFormat"/>): the roster hash, ranking and quota rules it recomputed.</summary>
    public string Format { get; init; } = SamplingReceipt.CurrentFormat;

    /// <summary>Active entities in the recomputed draw (0 when it could not be recomputed).</summary>
    public int Active { get; init; }

    /// <summary>Entities selected in the recomputed draw (0 when it could not be recomputed).</summary>
    public int Selected { get; init; }

    /// <summary>The roster hash recomputed from the roster, or <see langword="null"/> when it could not be recomputed.</summary>
    public string? RosterHash { get; init; }

    /// <summary>Whether the recomputed draw equals the receipt bit for bit.</summary>
    public bool IsVerified => Differences.IsDefaultOrEmpty;
}
