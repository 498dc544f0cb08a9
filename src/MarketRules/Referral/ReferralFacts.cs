using System.Diagnostics.Contracts;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Referral;

/// <summary>An offence of the Criminal Law that market supervision transfers to the police.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CriminalOffence>))]
public enum CriminalOffence
{
    /// <summary>Not given: an input error.</summary>
    Unspecified = 0,

    /// <summary>Art 140 生产、销售伪劣产品罪 (producing or selling shoddy products).</summary>
    ShoddyProducts = 140,

    /// <summary>Art 141 生产、销售、提供假药罪 (counterfeit drugs).</summary>
    CounterfeitDrugs = 141,

    /// <summary>Art 142 生产、销售、提供劣药罪 (substandard drugs).</summary>
    SubstandardDrugs = 142,

    /// <summary>Art 143 生产、销售不符合安全标准的食品罪 (food below safety standards).</summary>
    UnsafeFood = 143,

    /// <summary>Art 144 生产、销售有毒、有害食品罪 (toxic or harmful food).</summary>
    ToxicFood = 144,

    /// <summary>Art 145 生产、销售不符合标准的医用器材罪 (medical devices and materials).</summary>
    SubstandardMedicalDevices = 145,

    /// <summary>Art 146 生产、销售不符合安全标准的产品罪 (products below safety standards).</summary>
    UnsafeProducts = 146,

    /// <summary>Art 147 生产、销售伪劣农药、兽药、化肥、种子罪 (agricultural inputs).</summary>
    ShoddyAgriculturalInputs = 147,

    /// <summary>Art 148 生产、销售不符合卫生标准的化妆品罪 (cosmetics).</summary>
    SubstandardCosmetics = 148,

    /// <summary>Art 213 假冒注册商标罪 (counterfeiting a registered mark).</summary>
    CounterfeitRegisteredMark = 213,

    /// <summary>Art 214 销售假冒注册商标的商品罪 (selling goods bearing counterfeit marks).</summary>
    SellingCounterfeitMarkGoods = 214,

    /// <summary>Art 215 非法制造、销售非法制造的注册商标标识罪 (making or selling counterfeit mark labels).</summary>
    CounterfeitMarkLabels = 215,

    /// <summary>Art 216 假冒专利罪 (passing off patents).</summary>
    PassingOffPatents = 216,

    /// <summary>Art 222 虚假广告罪 (false advertising).</summary>
    FalseAdvertising = 222,

    /// <summary>Art 225 非法经营罪, food-related (illegal business in food).</summary>
    IllegalFoodBusiness = 225,
}

/// <summary>Who committed the acts.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<OffenderKind>))]
public enum OffenderKind
{
    /// <summary>A natural person (自然人).</summary>
    Person = 0,

    /// <summary>A unit (单位): a company, enterprise or other organisation.</summary>
    Unit = 1,
}

/// <summary>The kind of product or service concerned.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ProductCategory>))]
public enum ProductCategory
{
    /// <summary>Any other product.</summary>
    General = 0,

    /// <summary>Food (食品), including health foods.</summary>
    Food = 1,

    /// <summary>Drugs (药品).</summary>
    Drug = 2,

    /// <summary>Medical devices and materials (医疗器械).</summary>
    MedicalDevice = 3,

    /// <summary>Pesticides, veterinary drugs, fertilisers and seeds.</summary>
    AgriculturalInput = 4,

    /// <summary>Cosmetics (化妆品).</summary>
    Cosmetic = 5,

    /// <summary>Electrical appliances, pressure vessels and other products with safety standards.</summary>
    SafetyStandardProduct = 6,

    /// <summary>A service rather than goods.</summary>
    Service = 7,
}

/// <summary>Facts of harm or circumstance an officer establishes; several may apply.</summary>
[Flags]
[JsonConverter(typeof(KebabCaseEnumConverter<HarmFacts>))]
public enum HarmFacts
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>
    /// Sufficient to seriously endanger health or to cause serious food poisoning (足以严重危害人体健康 / 足以造成严重食物中毒事故…),
    /// established by testing: the element of Art 141 before 2011-05-01, of Art 143, and of Art 145 from 2002-12-28.
    /// </summary>
    SufficientToEndangerHealth = 1,

    /// <summary>
    /// Actual serious harm to health established (对人体健康造成严重危害) without a counted injury: the element of Art 142 and
    /// of Art 145 before 2002-12-28; it also raises the band of Arts 141, 143 and 145 and satisfies an endangerment element.
    /// </summary>
    SeriousHealthHarm = 2,

    /// <summary>An aggravating fact of the food-safety interpretation: six months or more, infant or medical food, schools, a prior record (Arts 143, 144).</summary>
    AggravatingCircumstances = 4,

    /// <summary>Disfigurement or serious skin damage (Art 148).</summary>
    Disfigurement = 8,

    /// <summary>Organ damage with serious loss of function (Art 148).</summary>
    SeriousOrganDamage = 16,

    /// <summary>Mental disorder, or suicide or self-harm causing serious injury or death (Art 148).</summary>
    MentalDisorderOrSelfHarm = 32,

    /// <summary>Other serious consequences or a bad social impact (Arts 146, 222).</summary>
    SeriousConsequences = 64,
}

/// <summary>
/// The facts of a case as the referral decision reads them: the offence, who acted and when, the amounts (cumulated
/// over the acts not yet handled), the counts and the harm. A value type: a decision from it allocates nothing.
/// </summary>
/// <remarks>Amounts are exact <see cref="Money"/> (fen). "以上" includes the number itself (Criminal Law Art 99).</remarks>
public readonly record struct ReferralFacts
{
    /// <summary>The offence the facts are measured against.</summary>
    public CriminalOffence Offence { get; init; }

    /// <summary>Who committed the acts. <value>The default value is <see cref="OffenderKind.Person"/>.</value></summary>
    public OffenderKind Offender { get; init; }

    /// <summary>The date of the (last) act: the law in force that day decides, unless a later law is more lenient (Criminal Law Art 12).</summary>
    public LocalDate ActDate { get; init; }

    /// <summary>Sales amount (销售金额).</summary>
    public Money Sales { get; init; }

    /// <summary>Value of goods not yet sold (货值金额): the marked price, else the middle market price of conforming goods.</summary>
    public Money UnsoldValue { get; init; }

    /// <summary>Illegal business volume (非法经营数额).</summary>
    public Money BusinessVolume { get; init; }

    /// <summary>Illegal gains (违法所得数额).</summary>
    public Money IllegalGains { get; init; }

    /// <summary>Direct economic loss caused (to users, farmers, consumers or the patentee).</summary>
    public Money DirectLoss { get; init; }

    /// <summary>Mark labels made or sold (件 = one label bearing a complete mark image).</summary>
    public int Pieces { get; init; }

    /// <summary>Mark labels not yet sold.</summary>
    public int UnsoldPieces { get; init; }

    /// <summary>Number of different registered marks counterfeited. <value>The default value is 0 (read as one).</value></summary>
    public int Marks { get; init; }

    /// <summary>Number of other people's patents passed off.</summary>
    public int Patents { get; init; }

    /// <summary>Criminal or administrative penalties for the same kind of act within the two years before the act.</summary>
    public int PriorPenaltiesWithinTwoYears { get; init; }

    /// <summary>Number of consumers who suffered the direct loss (Art 222, 2010 standard).</summary>
    public int Victims { get; init; }

    /// <summary>Persons with minor injuries (轻伤).</summary>
    public int MinorInjuries { get; init; }

    /// <summary>Persons with serious injuries (重伤).</summary>
    public int SeriousInjuries { get; init; }

    /// <summary>Deaths.</summary>
    public int Deaths { get; init; }

    /// <summary>Facts of harm and circumstance.</summary>
    public HarmFacts Harm { get; init; }

    /// <summary>The product or service concerned; <see cref="ProductCategory.Service"/> makes an Art 213 mark a service mark.</summary>
    public ProductCategory Category { get; init; }

    /// <summary>
    /// Whether the counterfeited mark is a service mark (Art 213, from 2021-03-01): the same as
    /// <see cref="Category"/> = <see cref="ProductCategory.Service"/>. Set together with a goods category it is a coded
    /// conflict (<c>MR.Referral.ConflictingFacts</c>).
    /// </summary>
    public bool ServiceMark { get; init; }

    /// <summary>Whether the mark is a service mark: <see cref="ServiceMark"/>, or <see cref="Category"/> = <see cref="ProductCategory.Service"/>.</summary>
    public bool IsServiceMark => ServiceMark || Category == ProductCategory.Service;

    /// <summary>
    /// The officer's finding that, in an intellectual-property case, there is a reasonable suspicion of a crime and the
    /// police must take measures to establish whether the amounts reach the threshold (State Council Order 310 Art 3(2),
    /// from 2020-08-07): the case is then transferred although the amounts found are below it. Arts 213–216 only.
    /// </summary>
    public bool ReasonableSuspicion { get; init; }

    /// <summary>Whether false adverts exploited an emergency or epidemic (Art 222).</summary>
    public bool Emergency { get; init; }

    /// <summary>Adds up the amounts and counts of repeated acts not yet handled (未经处理) into these facts; the act date becomes the latest act's.</summary>
    /// <param name="acts">The acts; those already handled by an administrative or criminal decision are skipped.</param>
    /// <returns>The cumulated facts.</returns>
    /// <exception cref="OverflowException">Thrown when a sum overflows.</exception>
    [Pure]
    public ReferralFacts Cumulate(ReadOnlySpan<ReferralAct> acts)
    {
        var result = this;
        foreach (ref readonly var act in acts)
        {
            if (act.Handled)
            {
                continue;
            }
            result = result with
            {
                Sales = result.Sales + act.Sales,
                UnsoldValue = result.UnsoldValue + act.UnsoldValue,
                BusinessVolume = result.BusinessVolume + act.BusinessVolume,
                IllegalGains = result.IllegalGains + act.IllegalGains,
                DirectLoss = result.DirectLoss + act.DirectLoss,
                Pieces = checked(result.Pieces + act.Pieces),
                UnsoldPieces = checked(result.UnsoldPieces + act.UnsoldPieces),
                ActDate = act.Date > result.ActDate ? act.Date : result.ActDate,
            };
        }
        return result;
    }
}

/// <summary>One act of a series, with its own amounts; see <see cref="ReferralFacts.Cumulate"/>.</summary>
public readonly record struct ReferralAct
{
    /// <summary>The date of the act.</summary>
    public LocalDate Date { get; init; }

    /// <summary>Sales amount.</summary>
    public Money Sales { get; init; }

    /// <summary>Value of goods not yet sold.</summary>
    public Money UnsoldValue { get; init; }

    /// <summary>Illegal business volume.</summary>
    public Money BusinessVolume { get; init; }

    /// <summary>Illegal gains.</summary>
    public Money IllegalGains { get; init; }

    /// <summary>Direct economic loss.</summary>
    public Money DirectLoss { get; init; }

    /// <summary>Labels made or sold.</summary>
    public int Pieces { get; init; }

    /// <summary>Labels not yet sold.</summary>
    public int UnsoldPieces { get; init; }

    /// <summary>Whether the act was already handled (an administrative penalty or a criminal judgment): it is then not cumulated.</summary>
    public bool Handled { get; init; }
}
