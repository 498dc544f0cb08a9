namespace MarketRules.Subsidies;

/// <summary>
/// The words a message uses for a step, a kind of evidence and a uniqueness key: Chinese in the zh-CN text, the
/// stored kebab-case name in the English text and in the reason's arguments (what a caller matches on).
/// </summary>
internal static class SubsidyLabels
{
    /// <summary>A step by its stored name (<c>recycling</c>…), or the completion (<c>completion</c>).</summary>
    public static LocalizedText Step(string name) => new(name switch
    {
        "old-vehicle" => "旧车备案登记",
        "recycling" => "交售回收",
        "plate-cancellation" => "注销号牌",
        "purchase" => "购买新车",
        "new-registration" => "新车登记上牌",
        "completion" => "办结",
        _ => name,
    }, name);

    /// <summary>A step.</summary>
    public static LocalizedText Step(SubsidyStep step) => Step(SubsidyClaimInputValidator.Kebab(step));

    /// <summary>A kind of evidence.</summary>
    public static LocalizedText Evidence(SubsidyEvidence evidence) => new(evidence switch
    {
        SubsidyEvidence.FilingCertificate => "备案登记凭证",
        SubsidyEvidence.RecyclingReceipt => "回收凭证",
        SubsidyEvidence.PlateCancellationRecord => "号牌注销证明",
        SubsidyEvidence.PurchaseInvoice => "购车发票",
        SubsidyEvidence.CccCertificate => "CCC 证书或产品合格证",
        SubsidyEvidence.NewPlateRegistration => "新车登记证明",
        SubsidyEvidence.IdentityDocument => "身份证明",
        _ => SubsidyClaimInputValidator.Kebab(evidence),
    }, SubsidyClaimInputValidator.Kebab(evidence));

    /// <summary>A uniqueness key.</summary>
    public static LocalizedText Key(SubsidyUniquenessKey key) => new(key switch
    {
        SubsidyUniquenessKey.PersonId => "居民身份证号码",
        SubsidyUniquenessKey.OldPlate => "旧车号牌",
        SubsidyUniquenessKey.OldFrame => "旧车车架号",
        SubsidyUniquenessKey.NewFrame => "新车车架号",
        _ => SubsidyClaimInputValidator.Kebab(key),
    }, SubsidyClaimInputValidator.Kebab(key));
}
