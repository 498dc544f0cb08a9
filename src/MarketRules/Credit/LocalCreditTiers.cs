using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>The Hangzhou credit-linkage ladder (企业信用联动监管平台), from mildest to gravest. An example: no legal text was found.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<LocalCreditTier>))]
public enum LocalCreditTier
{
    /// <summary>No tier: no record in force.</summary>
    None = 0,

    /// <summary>信用提示 — credit prompt.</summary>
    Prompt = 1,

    /// <summary>信用警示 — credit warning.</summary>
    Warning = 2,

    /// <summary>经营异常 — abnormal operations.</summary>
    Abnormal = 3,

    /// <summary>信用限制 — credit restriction.</summary>
    Restriction = 4,

    /// <summary>严重失信 — serious bad faith.</summary>
    Serious = 5,
}

/// <summary>What a tier brings: more frequent inspections, honours withdrawn, public-resource trading restricted.</summary>
/// <param name="InspectionFrequencyMultiplier">How many times the normal inspection frequency.</param>
/// <param name="HonoursWithdrawn">Whether honours are withdrawn.</param>
/// <param name="PublicResourceTradingRestricted">Whether bidding and public-resource trading are restricted.</param>
public sealed record TierMeasures(decimal InspectionFrequencyMultiplier, bool HonoursWithdrawn, bool PublicResourceTradingRestricted);

/// <summary>A local credit record: a kind the pack knows (e.g. <c>penalty</c>) and its dates.</summary>
/// <param name="Kind">The record kind.</param>
/// <param name="On">The date of the record.</param>
/// <param name="EndsOn">When it stops counting, or <see langword="null"/> to use the tier's look-back.</param>
public sealed record LocalCreditRecord(string Kind, LocalDate On, LocalDate? EndsOn = null);

/// <summary>An enterprise's local tier as of a date.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Measures">Its measures.</param>
/// <param name="DecidedBy">The record that decided the tier, if any.</param>
/// <param name="Explanation">Why.</param>
public sealed record LocalTierAssessment(LocalCreditTier Tier, TierMeasures Measures, LocalCreditRecord? DecidedBy, Explanation Explanation);

/// <summary>Whether a credit certificate (信用证明) may be issued.</summary>
/// <param name="MayIssue">Whether it may.</param>
/// <param name="Since">The first day of the look-back.</param>
/// <param name="Blocking">The records that prevent it.</param>
/// <param name="Explanation">Why.</param>
public sealed record CreditCertificateCheck(bool MayIssue, LocalDate Since, ImmutableArray<LocalCreditRecord> Blocking, Explanation Explanation);

/// <summary>
/// A local credit-tier policy pack: which record kinds put an enterprise in which tier, for how long, what each tier
/// brings, and which tiers block a credit certificate. The shipped Hangzhou pack is an example (status REQ).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class LocalTierPolicy
{
    private static readonly Lazy<LocalTierPolicy> LazyHangzhou = new(() =>
        Parse(CreditRiskPolicy.ReadResource("MarketRules.Data.Credit/hangzhou-credit-tiers.json")).GetValueOrThrow());

    private readonly FrozenDictionary<string, (LocalCreditTier Tier, int LookBackYears)> kinds;
    private readonly FrozenDictionary<LocalCreditTier, TierMeasures> measures;

    private LocalTierPolicy(string id, Jurisdiction jurisdiction, Citation citation, FrozenDictionary<string, (LocalCreditTier, int)> kinds,
        FrozenDictionary<LocalCreditTier, TierMeasures> measures, ImmutableArray<LocalCreditTier> certificateBlockingTiers)
    {
        Id = id;
        Jurisdiction = jurisdiction;
        Citation = citation;
        this.kinds = kinds;
        this.measures = measures;
        CertificateBlockingTiers = certificateBlockingTiers;
    }

    /// <summary>The Hangzhou example pack (an example: the tiers are from the bureau's 2018 reply, not from a legal text).</summary>
    public static LocalTierPolicy HangzhouExample => LazyHangzhou.Value;

    /// <summary>The pack's id.</summary>
    public string Id { get; }

    /// <summary>The jurisdiction.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>Where the pack comes from.</summary>
    public Citation Citation { get; }

    /// <summary>The tiers whose records block a credit certificate.</summary>
    public ImmutableArray<LocalCreditTier> CertificateBlockingTiers { get; }

    /// <summary>The record kinds the pack knows.</summary>
    public IEnumerable<string> RecordKinds => kinds.Keys;

    /// <summary>The measures of a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>Its measures (none for <see cref="LocalCreditTier.None"/>).</returns>
    public TierMeasures MeasuresOf(LocalCreditTier tier) => measures.GetValueOrDefault(tier) ?? new TierMeasures(1m, false, false);

    /// <summary>The tier of an enterprise as of a date: the gravest tier of its records in force that day.</summary>
    /// <param name="records">The records.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The assessment, or coded errors (unknown kind, end before start) with nothing assessed.</returns>
    public RuleResult<LocalTierAssessment> Assess(IReadOnlyList<LocalCreditRecord> records, LocalDate asOf)
    {
        var errors = Check(records);
        if (!errors.IsEmpty)
        {
            return RuleResult<LocalTierAssessment>.Failure(errors);
        }
        var builder = new ExplanationBuilder("credit.local-tier/1", asOf, Jurisdiction.ToString());
        var tier = LocalCreditTier.None;
        LocalCreditRecord? decidedBy = null;
        foreach (var record in records)
        {
            var (recordTier, years) = kinds[record.Kind];
            var until = record.EndsOn ?? record.On.PlusYears(years).PlusDays(-1);
            if (record.On <= asOf && asOf <= until && recordTier > tier)
            {
                tier = recordTier;
                decidedBy = record;
            }
        }
        if (decidedBy is not null)
        {
            builder.Add(CreditReasons.LocalTier.ToReason(Citation, ("Record", decidedBy.Kind), ("Tier", tier)));
        }
        return RuleResult<LocalTierAssessment>.Success(new LocalTierAssessment(tier, MeasuresOf(tier), decidedBy, builder.Build("tier-" + tier.ToString().ToLowerInvariant())));
    }

    /// <summary>May a credit certificate be issued as of a date: no record of a blocking tier within the look-back.</summary>
    /// <param name="records">The enterprise's records.</param>
    /// <param name="asOf">The date of the request.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The check with the blocking records, or coded errors.</returns>
    public RuleResult<CreditCertificateCheck> CheckCertificate(IReadOnlyList<LocalCreditRecord> records, LocalDate asOf, LawContext law)
    {
        var errors = Check(records);
        if (!errors.IsEmpty)
        {
            return RuleResult<CreditCertificateCheck>.Failure(errors);
        }
        var lookBack = law.For(Jurisdiction).Resolve(CreditParameters.CertificateLookBack, asOf);
        var builder = new ExplanationBuilder("credit.certificate/1", asOf, Jurisdiction.ToString());
        var since = asOf.PlusYears(-(int)builder.Use(lookBack)).PlusDays(1);
        var blocking = records.Where(r => r.On <= asOf && (r.EndsOn ?? r.On) >= since && CertificateBlockingTiers.Contains(kinds[r.Kind].Tier))
            .OrderBy(r => r.On).ToImmutableArray();
        foreach (var record in blocking)
        {
            builder.Add(CreditReasons.CertificateBlocked.ToReason(Citation, ("Record", record.Kind), ("Date", record.On), ("Since", since)));
        }
        if (blocking.IsEmpty)
        {
            builder.Add(CreditReasons.CertificateClear.ToReason(Citation, ("Since", since)));
        }
        return RuleResult<CreditCertificateCheck>.Success(new CreditCertificateCheck(blocking.IsEmpty, since, blocking, builder.Build(blocking.IsEmpty ? "may-issue" : "refused")));
    }

    /// <summary>Reads and validates a pack.</summary>
    /// <param name="json">The pack's JSON.</param>
    /// <returns>The pack, or coded errors.</returns>
    public static RuleResult<LocalTierPolicy> Parse(string json)
    {
        Preconditions.CheckNotNull(json);
        var read = Json.StrictJson.Read(json, CreditJsonContext.Default.LocalTierPolicyDto, CreditErrors.PolicyInvalid);
        if (!read.IsSuccess)
        {
            return RuleResult<LocalTierPolicy>.Failure(read.Errors);
        }
        var dto = read.Value;
        if (dto is null || string.IsNullOrWhiteSpace(dto.Id) || dto.Tiers is null)
        {
            return RuleResult<LocalTierPolicy>.Failure(CreditErrors.PolicyInvalid.CreateLocalized("$", ("Detail", "须给出「id」和「tiers」", "'id' and 'tiers' are required")));
        }
        var jurisdiction = Jurisdiction.Parse(dto.Jurisdiction);
        if (!jurisdiction.IsSuccess)
        {
            return RuleResult<LocalTierPolicy>.Failure(jurisdiction.Errors);
        }
        var kinds = new Dictionary<string, (LocalCreditTier, int)>(StringComparer.Ordinal);
        var measures = new Dictionary<LocalCreditTier, TierMeasures>();
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        foreach (var (name, setting) in dto.Tiers)
        {
            var path = $"$.tiers.{name}";
            if (!TryParseTier(name, out var tier))
            {
                errors.Add(CreditErrors.PolicyInvalid.CreateLocalized(path, ("Detail", $"未知的层级「{name}」（可用：「prompt」、「warning」、「abnormal」、「restriction」、「serious」）", $"unknown tier '{name}' (known: prompt, warning, abnormal, restriction, serious)")));
                continue;
            }
            if (setting.LookBackYears is not (>= 1 and <= 10) || setting.InspectionFrequencyMultiplier is not (>= 0m and <= 100m))
            {
                errors.Add(CreditErrors.PolicyInvalid.CreateLocalized(path, ("Detail", "须给出 1 到 10 之间的「lookBackYears」和 0 到 100 之间的「inspectionFrequencyMultiplier」", "lookBackYears in [1, 10] and inspectionFrequencyMultiplier in [0, 100] are required")));
                continue;
            }
            measures[tier] = new TierMeasures(setting.InspectionFrequencyMultiplier.Value, setting.HonoursWithdrawn, setting.PublicResourceTradingRestricted);
            foreach (var kind in setting.Records ?? [])
            {
                if (!kinds.TryAdd(kind, (tier, setting.LookBackYears.Value)))
                {
                    errors.Add(CreditErrors.PolicyInvalid.CreateLocalized(path + ".records", ("Detail", $"记录种类「{kind}」被映射了两次", $"record kind '{kind}' is mapped twice")));
                }
            }
        }
        if (errors.Count > 0)
        {
            return RuleResult<LocalTierPolicy>.Failure(errors.ToImmutable());
        }
        var citation = new Citation(dto.Title ?? new LocalizedText(dto.Id, dto.Id), null, dto.Status ?? VerificationStatus.ProjectRequirement) { Note = dto.Note };
        return RuleResult<LocalTierPolicy>.Success(new LocalTierPolicy(dto.Id, jurisdiction.Value, citation, kinds.ToFrozenDictionary(StringComparer.Ordinal),
            measures.ToFrozenDictionary(), [.. dto.CertificateBlockingTiers ?? []]));
    }

    private static bool TryParseTier(string name, out LocalCreditTier tier)
    {
        tier = name switch
        {
            "prompt" => LocalCreditTier.Prompt,
            "warning" => LocalCreditTier.Warning,
            "abnormal" => LocalCreditTier.Abnormal,
            "restriction" => LocalCreditTier.Restriction,
            "serious" => LocalCreditTier.Serious,
            _ => LocalCreditTier.None,
        };
        return tier != LocalCreditTier.None;
    }

    private ImmutableArray<RuleError> Check(IReadOnlyList<LocalCreditRecord> records)
    {
        Preconditions.CheckNotNull(records);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = Preconditions.CheckNotNull(records[i]);
            if (!kinds.ContainsKey(record.Kind ?? ""))
            {
                errors.Add(CreditErrors.InvalidRecord.Create($"$[{i}].kind", ("Detail", $"unknown record kind '{record.Kind}' (known: {string.Join(", ", kinds.Keys.Order(StringComparer.Ordinal))})")));
            }
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            var end = record.EndsOn.GetValueOrDefault();
            if (record.EndsOn.HasValue && end < record.On)
            {
                errors.Add(CreditErrors.EndBeforeStart.Create($"$[{i}].endsOn", ("Start", record.On), ("End", end)));
            }
        }
        return errors.ToImmutable();
    }
}
