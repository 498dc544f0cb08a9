using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Credit;
using MarketRules.Json;
using MarketRules.Parameters;

namespace MarketRules.Sampling;

/// <summary>The kind of market entity (市场主体类型).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<EntityKind>))]
public enum EntityKind
{
    /// <summary>An enterprise (企业).</summary>
    Enterprise = 0,

    /// <summary>An individual business (个体工商户).</summary>
    IndividualBusiness = 1,

    /// <summary>A farmers' specialised cooperative (农民专业合作社).</summary>
    FarmersCooperative = 2,
}

/// <summary>An entity's registration status. Only active entities are inspected and counted in coverage.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<EntityStatus>))]
public enum EntityStatus
{
    /// <summary>Active (存续).</summary>
    Active = 0,

    /// <summary>Deregistered (注销).</summary>
    Deregistered = 1,

    /// <summary>Business licence revoked (吊销).</summary>
    Revoked = 2,
}

/// <summary>Records that raise an entity's priority; the working rules may make their holders mandatory.</summary>
[Flags]
[JsonConverter(typeof(KebabCaseEnumConverter<PriorityMarks>))]
public enum PriorityMarks
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>On the abnormal-operations list (经营异常名录).</summary>
    AbnormalOperations = 1,

    /// <summary>On the serious-violation and bad-faith list (严重违法失信名单).</summary>
    SeriousViolation = 2,

    /// <summary>Complaints or reports received about it (投诉举报).</summary>
    Complaints = 4,
}

/// <summary>One item of the inspection item list (抽查事项清单): what is checked, on which legal basis, by which department, on which entities.</summary>
/// <param name="Id">The item's stable id, e.g. <c>SC-001</c>.</param>
/// <param name="Name">What is checked.</param>
/// <param name="LegalBasis">The legal basis (依据).</param>
/// <param name="Department">The department that carries it out.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record InspectionItem(string Id, LocalizedText Name, LocalizedText LegalBasis, string Department)
{
    /// <summary>The entity kinds the item applies to; empty for every kind.</summary>
    /// <value>The default value is empty (every kind).</value>
    public ImmutableArray<EntityKind> EntityKinds { get; init; } = [];

    /// <summary>GB/T 4754 code prefixes of the industries it applies to (<c>F</c>, <c>C13</c>); empty for every industry.</summary>
    /// <value>The default value is empty (every industry).</value>
    public ImmutableArray<string> Industries { get; init; } = [];

    /// <summary>Whether the item applies to an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>Whether its kind and industry are in scope.</returns>
    public bool AppliesTo(EntityRecord entity)
    {
        Utility.Preconditions.CheckNotNull(entity);
        return (EntityKinds.IsDefaultOrEmpty || EntityKinds.Contains(entity.Kind))
            && (Industries.IsDefaultOrEmpty || Industries.Any(i => entity.Industry.StartsWith(i, StringComparison.Ordinal)));
    }
}

/// <summary>
/// One record of the entity directory (检查对象名录库). The region, industry and credit-risk class place the entity in
/// its stratum; status, last inspection and flags decide whether it may or must be drawn.
/// </summary>
/// <param name="CreditCode">The unified social credit code (GB 32100), the entity's id in the draw.</param>
/// <param name="Name">The registered name.</param>
/// <param name="Region">The county-level division it is registered in (GB/T 2260).</param>
/// <param name="Industry">The GB/T 4754 code at the level the plan stratifies by: a section letter (<c>F</c>) optionally followed by 2–4 digits (<c>F52</c>).</param>
/// <param name="Kind">The entity kind.</param>
/// <param name="Status">The registration status.</param>
/// <param name="Tier">The credit-risk class.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EntityRecord(
    UnifiedSocialCreditCode CreditCode, string Name, Jurisdiction Region, string Industry, EntityKind Kind, EntityStatus Status, CreditRiskClass Tier)
{
    /// <summary>Records that raise its priority.</summary>
    /// <value>The default value is <see cref="PriorityMarks.None"/>.</value>
    public PriorityMarks Priority { get; init; }

    /// <summary>The number of complaints and reports received this year.</summary>
    /// <value>The default value is 0.</value>
    public int ComplaintCount { get; init; }

    /// <summary>The day its last double-random inspection ended, or <see langword="null"/> when never inspected.</summary>
    public LocalDate? LastInspected { get; init; }

    /// <summary>The item of its last inspection, or <see langword="null"/>.</summary>
    public string? LastInspectionItem { get; init; }

    /// <summary>The inspectors of its last inspection; the team draw prefers others.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> LastTeam { get; init; } = [];
}

/// <summary>One record of the inspector directory (执法检查人员名录库).</summary>
/// <param name="Id">The inspector's id (e.g. the enforcement certificate number).</param>
/// <param name="Name">The name.</param>
/// <param name="Unit">The unit (department or office) the inspector belongs to.</param>
/// <param name="Region">The division the inspector's unit covers (GB/T 2260); the inspector visits entities within it.</param>
/// <param name="CertificateValidity">The days the enforcement certificate is valid, both ends included.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record InspectorRecord(string Id, string Name, string Unit, Jurisdiction Region, DateInterval CertificateValidity)
{
    /// <summary>The inspection items the inspector is qualified for.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> QualifiedItems { get; init; } = [];

    /// <summary>Credit codes of entities the inspector must recuse from (回避, Administrative Penalty Law art. 43).</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Conflicts { get; init; } = [];

    /// <summary>The most visits the inspector takes in the task.</summary>
    /// <value>The default value is 50.</value>
    public int WorkloadCap { get; init; } = 50;
}

/// <summary>
/// The working rules of a draw (抽查工作细则), resolved to numbers: coverage, class ratios, team size, publication
/// period, avoid-repeat window, mandatory inclusions and exclusions. A receipt carries the policy, so a verifier
/// needs no policy pack.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SamplingPolicy
{
    /// <summary>The share of active enterprises the draw covers.</summary>
    /// <value>The default value is 0.05 (<see cref="SamplingParameters.AnnualCoverage"/>).</value>
    public decimal AnnualCoverage { get; init; } = 0.05m;

    /// <summary>The ratio for class A, or <see langword="null"/> to use <see cref="AnnualCoverage"/>.</summary>
    public decimal? RatioA { get; init; }

    /// <summary>The ratio for class B, or <see langword="null"/> to use <see cref="AnnualCoverage"/>.</summary>
    public decimal? RatioB { get; init; }

    /// <summary>The ratio for class C, or <see langword="null"/> to use <see cref="AnnualCoverage"/>.</summary>
    public decimal? RatioC { get; init; }

    /// <summary>The ratio for class D, or <see langword="null"/> to use <see cref="AnnualCoverage"/>.</summary>
    public decimal? RatioD { get; init; }

    /// <summary>The minimum team size.</summary>
    /// <value>The default value is 2.</value>
    public int TeamSize { get; init; } = 2;

    /// <summary>Working days to publish a result after the inspection ends.</summary>
    /// <value>The default value is 20.</value>
    public int PublicationPeriodWorkingDays { get; init; } = 20;

    /// <summary>Months after an inspection during which the entity is not drawn (0 for none).</summary>
    /// <value>The default value is 0.</value>
    public int AvoidRepeatMonths { get; init; }

    /// <summary>Entities with any of these flags are always selected.</summary>
    /// <value>The default value is <see cref="PriorityMarks.None"/>.</value>
    public PriorityMarks MandatoryMarks { get; init; }

    /// <summary>Credit codes always selected (e.g. complaint-led or follow-up inspections).</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> MandatoryInclusions { get; init; } = [];

    /// <summary>Credit codes never drawn (e.g. under a special key-area regime); they still count as active enterprises.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Exclusions { get; init; } = [];

    /// <summary>Where the numbers came from: <c>national</c> or the policy packs' ids.</summary>
    /// <value>The default value is <c>national</c>.</value>
    public string Source { get; init; } = "national";

    /// <summary>The ratio that applies to a class.</summary>
    /// <param name="tier">The class.</param>
    /// <returns>The class's ratio, or the coverage target when none is set.</returns>
    public decimal RatioOf(CreditRiskClass tier) => (tier switch
    {
        CreditRiskClass.A => RatioA,
        CreditRiskClass.B => RatioB,
        CreditRiskClass.C => RatioC,
        CreditRiskClass.D => RatioD,
        _ => null,
    }) ?? AnnualCoverage;

    /// <summary>Resolves the working rules in force for a jurisdiction on a date.</summary>
    /// <param name="law">The law of the task's jurisdiction (national catalog and policy packs; <c>NationalCatalog.Law</c> for national law).</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="used">Receives every parameter value used, for the explanation.</param>
    /// <returns>The policy; classes without a ratio use the coverage target, and no window applies when none is set.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when a parameter with a national value has none in force on <paramref name="asOf"/>.</exception>
    public static SamplingPolicy Resolve(LawContext law, LocalDate asOf, out ImmutableArray<ParameterValue> used)
    {
        Utility.Preconditions.CheckNotNull(law);
        var values = ImmutableArray.CreateBuilder<ParameterValue>();
        ParameterValue Use(ParameterDefinition definition)
        {
            var value = law.Resolve(definition, asOf);
            values.Add(value);
            return value;
        }
        ParameterValue? TryUse(ParameterDefinition definition)
        {
            var value = law.TryResolve(definition, asOf);
            if (value is not null)
            {
                values.Add(value);
            }
            return value;
        }
        var coverage = Use(SamplingParameters.AnnualCoverage).Value;
        var result = new SamplingPolicy
        {
            AnnualCoverage = coverage,
            RatioA = TryUse(SamplingParameters.TierRatioA)?.Value,
            RatioB = TryUse(SamplingParameters.TierRatioB)?.Value,
            RatioC = TryUse(SamplingParameters.TierRatioC)?.Value,
            RatioD = TryUse(SamplingParameters.TierRatioD)?.Value,
            TeamSize = (int)Use(SamplingParameters.TeamSize).Value,
            PublicationPeriodWorkingDays = (int)Use(SamplingParameters.PublicationPeriod).Value,
            AvoidRepeatMonths = (int)(TryUse(SamplingParameters.AvoidRepeatWindow)?.Value ?? 0m),
        };
        used = values.ToImmutable();
        var sources = used.Select(v => v.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return result with { Source = string.Join("+", sources) };
    }
}
