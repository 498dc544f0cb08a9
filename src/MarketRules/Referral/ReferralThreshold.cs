namespace MarketRules.Referral;

/// <summary>
/// One amount, count, factor or period of the referral catalogue. Each member is backed by a
/// <see cref="Parameters.ParameterDefinition"/> (<see cref="ReferralParameters.Of"/>) with its dated, cited values.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.KebabCaseEnumConverter<ReferralThreshold>))]
public enum ReferralThreshold
{
    /// <summary>Multiplier applied to the thresholds of Arts 213–216 when a unit (单位) commits the act: 3 until 2007-04-04, then 1.</summary>
    UnitMultiplierIp = 0,

    /// <summary>Art 140: sales amount (销售金额) that makes shoddy-product sales a crime.</summary>
    Art140Sales,

    /// <summary>Art 140: value of unsold shoddy goods (货值金额) punishable as an attempt.</summary>
    Art140Unsold,

    /// <summary>Art 140: sales × 3 plus unsold value, when sales are below <see cref="Art140Sales"/>.</summary>
    Art140Combined,

    /// <summary>Art 140: the multiplier applied to sales in the combination rule.</summary>
    Art140SalesMultiplier,

    /// <summary>Art 140: sales at which the second sentencing band (2–7 years) starts.</summary>
    Art140SecondBand,

    /// <summary>Art 140: sales at which the third sentencing band (7 years or more) starts.</summary>
    Art140ThirdBand,

    /// <summary>Art 140: sales at which the fourth sentencing band (15 years or life) starts.</summary>
    Art140FourthBand,

    /// <summary>Art 143: sales that are "other serious circumstances" (其他严重情节).</summary>
    Art143SeriousSales,

    /// <summary>Art 143: sales that are serious circumstances together with an aggravating fact.</summary>
    Art143SeriousSalesAggravated,

    /// <summary>Art 144: sales that are "other serious circumstances".</summary>
    Art144SeriousSales,

    /// <summary>Art 144: sales that are serious circumstances together with an aggravating fact.</summary>
    Art144SeriousSalesAggravated,

    /// <summary>Art 144: sales that are "especially serious circumstances" (其他特别严重情节).</summary>
    Art144EspeciallySeriousSales,

    /// <summary>Art 145: number of minor injuries that are especially serious consequences.</summary>
    Art145EspeciallySeriousMinorInjuries,

    /// <summary>Art 146: direct economic loss that is a serious consequence.</summary>
    Art146DirectLoss,

    /// <summary>Art 147: production loss that is "relatively large" (较大损失).</summary>
    Art147Loss,

    /// <summary>Art 147: production loss that is "heavy" (重大损失).</summary>
    Art147HeavyLoss,

    /// <summary>Art 147: production loss that is "especially heavy" (特别重大损失).</summary>
    Art147EspeciallyHeavyLoss,

    /// <summary>Art 213: illegal business volume (非法经营数额), one mark.</summary>
    Art213Volume,

    /// <summary>Art 213: illegal gains (违法所得), one mark.</summary>
    Art213Gains,

    /// <summary>Art 213: illegal business volume, two or more marks (or a repeat, from 2025-04-26).</summary>
    Art213MultiVolume,

    /// <summary>Art 213: illegal gains, two or more marks (or a repeat, from 2025-04-26).</summary>
    Art213MultiGains,

    /// <summary>Art 213: illegal gains for service marks (from 2025-04-26).</summary>
    Art213ServiceGains,

    /// <summary>Art 213: illegal gains for service marks, two or more marks or a repeat (from 2025-04-26).</summary>
    Art213ServiceMultiGains,

    /// <summary>Art 213: business volume that is especially serious, one mark.</summary>
    Art213EspeciallySeriousVolume,

    /// <summary>Art 213: illegal gains that are especially serious, one mark.</summary>
    Art213EspeciallySeriousGains,

    /// <summary>Art 213: business volume that is especially serious, two or more marks.</summary>
    Art213EspeciallySeriousMultiVolume,

    /// <summary>Art 213: illegal gains that are especially serious, two or more marks.</summary>
    Art213EspeciallySeriousMultiGains,

    /// <summary>Art 214: sales amount.</summary>
    Art214Sales,

    /// <summary>Art 214: value of unsold goods bearing counterfeit marks.</summary>
    Art214Unsold,

    /// <summary>Art 214: sales plus unsold value (no × 3 before 2025-04-26).</summary>
    Art214SalesPlusUnsold,

    /// <summary>Art 214: illegal gains that are "relatively large" (from 2025-04-26).</summary>
    Art214Gains,

    /// <summary>Art 214: illegal gains for a repeat offender (from 2025-04-26).</summary>
    Art214RepeatGains,

    /// <summary>Art 214: sales for a repeat offender (from 2025-04-26).</summary>
    Art214RepeatSales,

    /// <summary>Art 214: unsold value (or sales plus unsold) for a repeat offender (from 2025-04-26).</summary>
    Art214RepeatUnsold,

    /// <summary>Art 214: sales that are "huge" (数额巨大) or especially serious.</summary>
    Art214HugeSales,

    /// <summary>Art 214: illegal gains that are huge (from 2025-04-26).</summary>
    Art214HugeGains,

    /// <summary>Art 214: unsold value that is especially serious (from 2025-04-26).</summary>
    Art214HugeUnsold,

    /// <summary>Art 215: pieces of counterfeit mark labels (件), one mark.</summary>
    Art215Pieces,

    /// <summary>Art 215: illegal business volume, one mark.</summary>
    Art215Volume,

    /// <summary>Art 215: illegal gains, one mark.</summary>
    Art215Gains,

    /// <summary>Art 215: pieces, two or more marks (or a repeat, from 2025-04-26).</summary>
    Art215MultiPieces,

    /// <summary>Art 215: business volume, two or more marks (or a repeat).</summary>
    Art215MultiVolume,

    /// <summary>Art 215: illegal gains, two or more marks (or a repeat).</summary>
    Art215MultiGains,

    /// <summary>Art 215: unsold labels (or sold plus unsold), one mark.</summary>
    Art215UnsoldPieces,

    /// <summary>Art 215: unsold labels (or sold plus unsold), two or more marks.</summary>
    Art215MultiUnsoldPieces,

    /// <summary>Art 215: pieces that are especially serious, one mark.</summary>
    Art215EspeciallySeriousPieces,

    /// <summary>Art 215: business volume that is especially serious, one mark.</summary>
    Art215EspeciallySeriousVolume,

    /// <summary>Art 215: illegal gains that are especially serious, one mark.</summary>
    Art215EspeciallySeriousGains,

    /// <summary>Art 215: pieces that are especially serious, two or more marks.</summary>
    Art215EspeciallySeriousMultiPieces,

    /// <summary>Art 215: business volume that is especially serious, two or more marks.</summary>
    Art215EspeciallySeriousMultiVolume,

    /// <summary>Art 215: illegal gains that are especially serious, two or more marks.</summary>
    Art215EspeciallySeriousMultiGains,

    /// <summary>Art 216: illegal business volume, one patent.</summary>
    Art216Volume,

    /// <summary>Art 216: illegal gains, one patent.</summary>
    Art216Gains,

    /// <summary>Art 216: the patentee's direct economic loss.</summary>
    Art216DirectLoss,

    /// <summary>Art 216: business volume, two or more patents (or a repeat, from 2025-04-26).</summary>
    Art216MultiVolume,

    /// <summary>Art 216: illegal gains, two or more patents (or a repeat, from 2025-04-26).</summary>
    Art216MultiGains,

    /// <summary>Arts 213–216: the look-back window for a repeat offence after a penalty (from 2025-04-26).</summary>
    IpRepeatWindowYears,

    /// <summary>Art 222: illegal gains from false advertising.</summary>
    Art222Gains,

    /// <summary>Art 222: illegal gains when false adverts exploit an emergency or epidemic.</summary>
    Art222EmergencyGains,

    /// <summary>Art 222: illegal gains from false adverts for food or drugs (from 2022).</summary>
    Art222FoodOrDrugGains,

    /// <summary>Art 222: direct loss of one consumer (2010 standard only).</summary>
    Art222SingleConsumerLoss,

    /// <summary>Art 222: cumulated direct loss of several consumers (2010 standard only).</summary>
    Art222ConsumersLoss,

    /// <summary>Art 222: administrative penalties for false adverts within two years before the new act.</summary>
    Art222PriorPenalties,

    /// <summary>Art 225 (food): illegal business volume that is serious.</summary>
    Art225Volume,

    /// <summary>Art 225 (food): illegal gains that are serious.</summary>
    Art225Gains,

    /// <summary>Art 225 (food): illegal business volume that is especially serious.</summary>
    Art225EspeciallySeriousVolume,

    /// <summary>Art 225 (food): illegal gains that are especially serious.</summary>
    Art225EspeciallySeriousGains,

    /// <summary>Order 310 Art 5: days for the head to approve or refuse the transfer, from the report.</summary>
    ApprovalDays,

    /// <summary>Order 310 Art 5: hours to transfer to the police after approval.</summary>
    TransferHours,

    /// <summary>Order 310 Art 8: days for the police to decide whether to open a case.</summary>
    PoliceDecisionDays,

    /// <summary>Order 310 Art 9: days for the agency to ask the police to reconsider a refusal.</summary>
    ReconsiderationRequestDays,

    /// <summary>Order 310 Art 9: days for the police to answer the request for reconsideration.</summary>
    ReconsiderationAnswerDays,

    /// <summary>Order 310 Art 9: days to ask the procuratorate to supervise after the police maintain the refusal.</summary>
    SupervisionRequestDays,

    /// <summary>Order 310 Art 12: days to hand over the items and files after the police open a case.</summary>
    HandOverDays,
}
