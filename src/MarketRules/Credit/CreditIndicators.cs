using System.Diagnostics.Contracts;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>The indicator groups of 国市监信发〔2022〕6号 the classification draws on.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CreditIndicatorCategory>))]
public enum CreditIndicatorCategory
{
    /// <summary>企业基础属性信息 — basic attributes (age, industry, capital).</summary>
    BasicAttributes = 0,

    /// <summary>企业动态信息 — dynamic behaviour (annual reports, disclosures).</summary>
    DynamicBehaviour = 1,

    /// <summary>监管信息 — supervision records (penalties).</summary>
    SupervisionRecords = 2,

    /// <summary>关联关系信息 — related parties.</summary>
    RelatedParties = 3,

    /// <summary>社会评价信息 — public complaints and reports.</summary>
    PublicComplaints = 4,
}

/// <summary>One indicator of the credit-risk classification; a policy gives each a weight and a cap.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CreditIndicator>))]
public enum CreditIndicator
{
    /// <summary>A 0–10 risk rating from basic attributes (a new enterprise in a high-risk trade rates high).</summary>
    BasicAttributes = 0,

    /// <summary>Annual reports filed late or not at all.</summary>
    LateAnnualReports = 1,

    /// <summary>Administrative penalties within the look-back (other than heavier ones).</summary>
    Penalties = 2,

    /// <summary>Heavier penalties (较重行政处罚) within the look-back.</summary>
    HeavierPenalties = 3,

    /// <summary>Related parties (shareholders, legal representative's other enterprises) on a bad-credit list.</summary>
    RelatedParties = 4,

    /// <summary>Upheld complaints and reports within the last year.</summary>
    Complaints = 5,
}

/// <summary>
/// An enterprise's indicator values as of a date: what the classifier reads. A value type so that classifying a
/// million enterprises allocates nothing.
/// </summary>
/// <remarks>
/// <para>Equality is by every value. The default value of this type has every indicator at zero and no listing.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct CreditIndicators
{
    /// <summary>The number of indicators.</summary>
    public const int Count = 6;

    /// <summary>Creates indicator values.</summary>
    /// <param name="basicAttributes">Basic-attribute risk rating, 0–10.</param>
    /// <param name="lateAnnualReports">Late or missing annual reports, ≥ 0.</param>
    /// <param name="penalties">Penalties within the look-back, ≥ 0.</param>
    /// <param name="heavierPenalties">Heavier penalties within the look-back, ≥ 0.</param>
    /// <param name="relatedParties">Related parties on a bad-credit list, ≥ 0.</param>
    /// <param name="complaints">Upheld complaints within the last year, ≥ 0.</param>
    /// <param name="onAbnormalList">Whether the enterprise is on the abnormal-operations list.</param>
    /// <param name="onSeriousList">Whether the enterprise is on the serious-violation list.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a value is negative or the rating exceeds 10.</exception>
    public CreditIndicators(int basicAttributes, int lateAnnualReports, int penalties, int heavierPenalties, int relatedParties, int complaints,
        bool onAbnormalList = false, bool onSeriousList = false)
    {
        Preconditions.CheckArgumentRange(basicAttributes, 0, 10);
        Preconditions.CheckArgumentRange(lateAnnualReports, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(penalties, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(heavierPenalties, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(relatedParties, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(complaints, 0, int.MaxValue);
        BasicAttributes = basicAttributes;
        LateAnnualReports = lateAnnualReports;
        Penalties = penalties;
        HeavierPenalties = heavierPenalties;
        RelatedParties = relatedParties;
        Complaints = complaints;
        OnAbnormalList = onAbnormalList;
        OnSeriousList = onSeriousList;
    }

    /// <summary>Basic-attribute risk rating, 0–10.</summary>
    public int BasicAttributes { get; }

    /// <summary>Late or missing annual reports.</summary>
    public int LateAnnualReports { get; }

    /// <summary>Penalties within the look-back (other than heavier ones).</summary>
    public int Penalties { get; }

    /// <summary>Heavier penalties within the look-back.</summary>
    public int HeavierPenalties { get; }

    /// <summary>Related parties on a bad-credit list.</summary>
    public int RelatedParties { get; }

    /// <summary>Upheld complaints within the last year.</summary>
    public int Complaints { get; }

    /// <summary>Whether the enterprise is on the abnormal-operations list.</summary>
    public bool OnAbnormalList { get; }

    /// <summary>Whether the enterprise is on the serious-violation list.</summary>
    public bool OnSeriousList { get; }

    /// <summary>The value of one indicator.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>Its value.</returns>
    [Pure]
    public int Get(CreditIndicator indicator) => indicator switch
    {
        CreditIndicator.BasicAttributes => BasicAttributes,
        CreditIndicator.LateAnnualReports => LateAnnualReports,
        CreditIndicator.Penalties => Penalties,
        CreditIndicator.HeavierPenalties => HeavierPenalties,
        CreditIndicator.RelatedParties => RelatedParties,
        CreditIndicator.Complaints => Complaints,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>Returns these values with one indicator changed.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The new values.</returns>
    [Pure]
    public CreditIndicators With(CreditIndicator indicator, int value) => new(
        indicator == CreditIndicator.BasicAttributes ? value : BasicAttributes,
        indicator == CreditIndicator.LateAnnualReports ? value : LateAnnualReports,
        indicator == CreditIndicator.Penalties ? value : Penalties,
        indicator == CreditIndicator.HeavierPenalties ? value : HeavierPenalties,
        indicator == CreditIndicator.RelatedParties ? value : RelatedParties,
        indicator == CreditIndicator.Complaints ? value : Complaints,
        OnAbnormalList, OnSeriousList);

    /// <summary>Returns these values with the list memberships changed.</summary>
    /// <param name="onAbnormalList">On the abnormal list.</param>
    /// <param name="onSeriousList">On the serious list.</param>
    /// <returns>The new values.</returns>
    [Pure]
    public CreditIndicators WithLists(bool onAbnormalList, bool onSeriousList) =>
        new(BasicAttributes, LateAnnualReports, Penalties, HeavierPenalties, RelatedParties, Complaints, onAbnormalList, onSeriousList);

    /// <summary>The category an indicator belongs to.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>Its category.</returns>
    [Pure]
    public static CreditIndicatorCategory CategoryOf(CreditIndicator indicator) => indicator switch
    {
        CreditIndicator.BasicAttributes => CreditIndicatorCategory.BasicAttributes,
        CreditIndicator.LateAnnualReports => CreditIndicatorCategory.DynamicBehaviour,
        CreditIndicator.Penalties or CreditIndicator.HeavierPenalties => CreditIndicatorCategory.SupervisionRecords,
        CreditIndicator.RelatedParties => CreditIndicatorCategory.RelatedParties,
        _ => CreditIndicatorCategory.PublicComplaints,
    };
}
