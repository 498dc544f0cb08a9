namespace MarketRules.Credit;

/// <summary>
/// An enterprise's credit-risk class (企业信用风险分类, 国市监信发〔2022〕6号): an internal reference for allocating
/// supervision, not a public credit rating. SAMR reclassifies every month.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<CreditRiskClass>))]
public enum CreditRiskClass
{
    /// <summary>A — 信用风险低, low credit risk.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("A")]
    A = 0,

    /// <summary>B — 信用风险一般, general credit risk.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("B")]
    B = 1,

    /// <summary>C — 信用风险较高, higher credit risk.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("C")]
    C = 2,

    /// <summary>D — 信用风险高, high credit risk.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("D")]
    D = 3,
}
