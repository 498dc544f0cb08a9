using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Subsidies;

/// <summary>What happens to an eligible claim when its phase's budget or quota has run out.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyExhaustionPolicy>))]
public enum SubsidyExhaustionPolicy
{
    /// <summary>The claim is rejected (<c>MR.Subsidy.BudgetExhausted</c>).</summary>
    Reject = 0,

    /// <summary>The claim is wait-listed into the next phase and paid from its budget at its amount; rejected when no later phase has room.</summary>
    WaitListNextPhase = 1,
}

/// <summary>A key that may be paid only once under a scheme.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyUniquenessKey>))]
public enum SubsidyUniquenessKey
{
    /// <summary>The applicant's resident identity number: one subsidy per person.</summary>
    PersonId = 0,

    /// <summary>The old bike's plate.</summary>
    OldPlate = 1,

    /// <summary>The old bike's frame number.</summary>
    OldFrame = 2,

    /// <summary>The new bike's frame number.</summary>
    NewFrame = 3,
}

/// <summary>A step of the trade-in, to which evidence and times belong.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyStep>))]
public enum SubsidyStep
{
    /// <summary>The old bike and its registration (备案登记).</summary>
    OldVehicle = 0,

    /// <summary>Handing the old bike to an authorised recycling point (交售回收).</summary>
    Recycling = 1,

    /// <summary>Cancelling the old plate (注销号牌).</summary>
    PlateCancellation = 2,

    /// <summary>Buying the new bike (购买新车).</summary>
    Purchase = 3,

    /// <summary>Registering the new bike with a plate (新车登记上牌).</summary>
    NewRegistration = 4,
}

/// <summary>A kind of evidence (证明材料) a step may require.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyEvidence>))]
public enum SubsidyEvidence
{
    /// <summary>The old bike's registration (filing) certificate (备案登记凭证).</summary>
    FilingCertificate = 0,

    /// <summary>The recycling point's receipt (回收凭证).</summary>
    RecyclingReceipt = 1,

    /// <summary>The plate cancellation record (号牌注销证明).</summary>
    PlateCancellationRecord = 2,

    /// <summary>The purchase invoice (购车发票).</summary>
    PurchaseInvoice = 3,

    /// <summary>The CCC certificate or the product certificate naming it (CCC 证书 / 产品合格证).</summary>
    CccCertificate = 4,

    /// <summary>The new plate's registration record (新车登记证明).</summary>
    NewPlateRegistration = 5,

    /// <summary>The applicant's identity document (身份证明).</summary>
    IdentityDocument = 6,
}

/// <summary>The mandatory national standard an e-bike was made to (电动自行车安全技术规范).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<EBikeStandard>))]
public enum EBikeStandard
{
    /// <summary>No standard stated, or one the library does not know.</summary>
    Unknown = 0,

    /// <summary>GB 17761-1999 (replaced on 2019-04-15).</summary>
    [JsonStringEnumMemberName("gb17761-1999")]
    Gb17761Of1999 = 1,

    /// <summary>GB 17761-2018 (in force 2019-04-15; replaced on 2025-09-01, old stock sold until 2025-11-30).</summary>
    [JsonStringEnumMemberName("gb17761-2018")]
    Gb17761Of2018 = 2,

    /// <summary>GB 17761-2024 (issued 2024-12-31, in force 2025-09-01).</summary>
    [JsonStringEnumMemberName("gb17761-2024")]
    Gb17761Of2024 = 3,
}

/// <summary>A bike's battery chemistry, which some schemes reward (lithium traded for lead-acid).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<BatteryKind>))]
public enum BatteryKind
{
    /// <summary>Not stated.</summary>
    Unknown = 0,

    /// <summary>Lead-acid (铅酸蓄电池).</summary>
    LeadAcid = 1,

    /// <summary>Lithium-ion (锂离子蓄电池).</summary>
    Lithium = 2,

    /// <summary>Another chemistry.</summary>
    Other = 3,
}

/// <summary>When an extra (bonus) is added to the phase amount.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyExtraCondition>))]
public enum SubsidyExtraCondition
{
    /// <summary>A lithium-battery old bike traded for a lead-acid new one.</summary>
    LithiumToLeadAcid = 0,
}

/// <summary>How an amount computed as a share of the price is rounded. Fixed amounts are exact and never rounded.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyRounding>))]
public enum SubsidyRounding
{
    /// <summary>Down to the fen: the payment never exceeds the stated share.</summary>
    DownToFen = 0,

    /// <summary>Down to the whole yuan.</summary>
    DownToYuan = 1,
}

/// <summary>What became of a claim.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SubsidyOutcome>))]
public enum SubsidyOutcome
{
    /// <summary>Eligible, and the amount is reserved in the ledger, awaiting payment.</summary>
    Granted = 0,

    /// <summary>Not eligible under the scheme (see the reasons).</summary>
    NotEligible = 1,

    /// <summary>Eligible, but the person or a vehicle was already subsidised.</summary>
    AlreadySubsidised = 2,

    /// <summary>Eligible, but the budget or quota ran out.</summary>
    BudgetExhausted = 3,
}
