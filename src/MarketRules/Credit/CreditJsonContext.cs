using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Credit;

internal sealed class CreditRiskPolicyDto
{
    public string? Id { get; set; }

    public LocalizedText? Title { get; set; }

    public VerificationStatus? Status { get; set; }

    public string? Note { get; set; }

    public LocalDate? EffectiveFrom { get; set; }

    public Dictionary<string, IndicatorSettingDto>? Indicators { get; set; }

    public CutPointsDto? CutPoints { get; set; }

    public CreditRiskClass? SeriousListClass { get; set; }

    public CreditRiskClass? AbnormalListFloor { get; set; }
}

internal sealed class IndicatorSettingDto
{
    public int? Weight { get; set; }

    public int? Cap { get; set; }
}

internal sealed class CutPointsDto
{
    public int B { get; set; }

    public int C { get; set; }

    public int D { get; set; }
}

internal sealed class LocalTierPolicyDto
{
    public string? Id { get; set; }

    public string? Jurisdiction { get; set; }

    public LocalizedText? Title { get; set; }

    public VerificationStatus? Status { get; set; }

    public string? Note { get; set; }

    public Dictionary<string, TierSettingDto>? Tiers { get; set; }

    public List<LocalCreditTier>? CertificateBlockingTiers { get; set; }
}

internal sealed class TierSettingDto
{
    public List<string>? Records { get; set; }

    public int? LookBackYears { get; set; }

    public decimal? InspectionFrequencyMultiplier { get; set; }

    public bool HonoursWithdrawn { get; set; }

    public bool PublicResourceTradingRestricted { get; set; }
}

/// <summary>The JSON contracts of the credit area (source-generated, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(CreditRiskPolicyDto))]
[JsonSerializable(typeof(LocalTierPolicyDto))]
internal sealed partial class CreditJsonContext : JsonSerializerContext
{
}
