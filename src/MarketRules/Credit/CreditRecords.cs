using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Credit;

/// <summary>What a penalty decision imposes (行政处罚法 Art. 9 kinds as SAMR publishes them).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PenaltyMeasure>))]
public enum PenaltyMeasure
{
    /// <summary>警告 — warning.</summary>
    Warning = 0,

    /// <summary>通报批评 — public criticism.</summary>
    PublicCriticism = 1,

    /// <summary>罚款 — fine.</summary>
    Fine = 2,

    /// <summary>没收违法所得、没收非法财物 — confiscation.</summary>
    Confiscation = 3,

    /// <summary>降低资质等级 — lowered qualification grade.</summary>
    QualificationLowered = 4,

    /// <summary>吊销许可证件 — licence revoked.</summary>
    LicenceRevoked = 5,

    /// <summary>吊销营业执照 — business licence revoked.</summary>
    BusinessLicenceRevoked = 6,

    /// <summary>限制开展生产经营活动 — business restriction.</summary>
    BusinessRestriction = 7,

    /// <summary>责令停产停业 — ordered to suspend production or business.</summary>
    Suspension = 8,

    /// <summary>责令关闭 — ordered to close.</summary>
    Closure = 9,

    /// <summary>限制从业 — employment ban.</summary>
    EmploymentBan = 10,
}

/// <summary>The field of a penalty: food, drugs and special equipment wait longer for repair.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PenaltyField>))]
public enum PenaltyField
{
    /// <summary>Any other field.</summary>
    General = 0,

    /// <summary>食品 — food.</summary>
    Food = 1,

    /// <summary>药品 — drugs.</summary>
    Drugs = 2,

    /// <summary>特种设备 — special equipment.</summary>
    SpecialEquipment = 3,
}

/// <summary>A penalty decision as the credit rules read it.</summary>
/// <param name="Id">The decision's number.</param>
/// <param name="DecidedOn">The date of the decision.</param>
/// <param name="Measures">What it imposes (at least one).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PenaltyRecord(string Id, LocalDate DecidedOn, ImmutableArray<PenaltyMeasure> Measures)
{
    /// <summary>The fine, if any. <value>The default value is zero.</value></summary>
    public Money Fine { get; init; }

    /// <summary>The field. <value>The default value is <see cref="PenaltyField.General"/>.</value></summary>
    public PenaltyField Field { get; init; }

    /// <summary>Whether decided under the summary procedure (简易程序), which is not published. <value>The default value is <see langword="false"/>.</value></summary>
    public bool SummaryProcedure { get; init; }

    /// <summary>Whether the decision concerns an enterprise registered in another province (published through its home bureau). <value>The default value is <see langword="false"/>.</value></summary>
    public bool CrossProvince { get; init; }

    /// <summary>Whether the fine was set at the aggravated end of the discretion benchmark (从重处罚), which makes it a heavier penalty. <value>The default value is <see langword="false"/>.</value></summary>
    public bool AggravatedFine { get; init; }

    /// <summary>The end of a business restriction or employment ban, if any.</summary>
    public LocalDate? RestrictionEndsOn { get; init; }

    /// <summary>Whether the decision imposes a measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>Whether it does.</returns>
    public bool Has(PenaltyMeasure measure) => !Measures.IsDefault && Measures.Contains(measure);

    /// <summary>
    /// Whether this is a 较重行政处罚 in the sense of 总局令第44号 Art. 2: an aggravated fine, lowered qualification,
    /// revoked licence or business licence, business restriction, suspension, closure or employment ban.
    /// </summary>
    public bool IsHeavier => AggravatedFine || NeverStopsEarly || Has(PenaltyMeasure.Closure);

    /// <summary>Whether publication of this decision may never stop early (总局令第45号 Art. 14(3)).</summary>
    public bool NeverStopsEarly => Has(PenaltyMeasure.Suspension) || Has(PenaltyMeasure.BusinessRestriction) || Has(PenaltyMeasure.EmploymentBan)
        || Has(PenaltyMeasure.QualificationLowered) || Has(PenaltyMeasure.LicenceRevoked) || Has(PenaltyMeasure.BusinessLicenceRevoked);

    /// <summary>Whether the decision is a warning alone (never published).</summary>
    public bool IsWarningOnly => !Measures.IsDefaultOrEmpty && Measures.All(m => m == PenaltyMeasure.Warning);
}

/// <summary>The two national bad-credit lists.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CreditListKind>))]
public enum CreditListKind
{
    /// <summary>经营异常名录 — the abnormal-operations list.</summary>
    Abnormal = 0,

    /// <summary>严重违法（失信）名单 — the serious-violation list.</summary>
    Serious = 1,
}

/// <summary>A period on a list.</summary>
/// <param name="Kind">Which list.</param>
/// <param name="ListedOn">The listing date.</param>
/// <param name="RemovedOn">The removal date, or <see langword="null"/> while listed.</param>
public sealed record CreditListing(CreditListKind Kind, LocalDate ListedOn, LocalDate? RemovedOn = null)
{
    /// <summary>Whether the enterprise is on the list on a date (listed that day or before, not yet removed).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether listed.</returns>
    public bool IsActiveOn(LocalDate date) =>
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        ListedOn <= date && (RemovedOn is null || date < RemovedOn.Value);
}

/// <summary>An enterprise's credit facts: what the classification and the sampling read, for any as-of date.</summary>
/// <param name="Id">The enterprise's id (unified social credit code).</param>
/// <param name="Name">Its name.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record EnterpriseCreditFacts(string Id, string Name)
{
    /// <summary>Basic-attribute risk rating, 0–10. <value>The default value is 0.</value></summary>
    public int BasicAttributes { get; init; }

    /// <summary>Annual reports filed late or not at all. <value>The default value is 0.</value></summary>
    public int LateAnnualReports { get; init; }

    /// <summary>Related parties on a bad-credit list. <value>The default value is 0.</value></summary>
    public int RelatedParties { get; init; }

    /// <summary>Upheld complaints in the last year. <value>The default value is 0.</value></summary>
    public int Complaints { get; init; }

    /// <summary>Penalty decisions. <value>The default value is empty.</value></summary>
    public ImmutableArray<PenaltyRecord> Penalties { get; init; } = [];

    /// <summary>Periods on the national lists. <value>The default value is empty.</value></summary>
    public ImmutableArray<CreditListing> Listings { get; init; } = [];
}
