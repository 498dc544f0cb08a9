namespace MarketRules.Subsidies;

/// <summary>
/// The codes of the e-bike trade-in subsidy area: errors for input that cannot be evaluated (a malformed identity
/// number, missing evidence, an unknown scheme) and reasons for decisions (not eligible, budget exhausted, granted).
/// </summary>
public static class SubsidyErrors
{
    // ---- Scheme (policy pack) errors ----

    /// <summary>A claim that is not valid JSON, has a member twice, a member a claim does not have, or invalid text.</summary>
    public static readonly MessageDefinition ClaimMalformed = new(
        "MR.Subsidy.ClaimMalformed",
        "补贴申请格式错误：{Detail}",
        "Malformed subsidy claim: {Detail}");

    /// <summary>A subsidy scheme that is not valid JSON or misses a required member.</summary>
    public static readonly MessageDefinition SchemeMalformed = new(
        "MR.Subsidy.SchemeMalformed",
        "补贴方案格式错误：{Detail}",
        "Malformed subsidy scheme: {Detail}");

    /// <summary>A scheme whose phases overlap, lie outside its validity, or are out of order.</summary>
    public static readonly MessageDefinition SchemePhasesInvalid = new(
        "MR.Subsidy.SchemePhasesInvalid",
        "补贴方案的阶段设置无效：{Detail}",
        "The phases of the subsidy scheme are invalid: {Detail}");

    /// <summary>A negative or fractional amount, budget or quota in a scheme.</summary>
    public static readonly MessageDefinition SchemeAmountInvalid = new(
        "MR.Subsidy.SchemeAmountInvalid",
        "补贴方案中的金额或名额 {Value} 无效：{Detail}",
        "Amount or quota {Value} in the subsidy scheme is invalid: {Detail}");

    /// <summary>A scheme id the registry does not know.</summary>
    public static readonly MessageDefinition UnknownScheme = new(
        "MR.Subsidy.UnknownScheme",
        "未知的补贴方案：{Scheme}",
        "Unknown subsidy scheme: {Scheme}");

    // ---- Claim input errors (bad input: nothing changes) ----

    /// <summary>A required member of a claim is missing.</summary>
    public static readonly MessageDefinition Required = new(
        "MR.Subsidy.Required",
        "缺少必填项（位置见错误路径）",
        "A required value is missing (see the error's path)");

    /// <summary>A resident identity number that is not 18 characters with a valid birth date and check character.</summary>
    public static readonly MessageDefinition InvalidResidentId = new(
        "MR.Subsidy.InvalidResidentId",
        "居民身份证号码无效：{Detail}",
        "The resident identity number is invalid: {Detail}");

    /// <summary>A plate number outside the accepted formats.</summary>
    public static readonly MessageDefinition InvalidPlate = new(
        "MR.Subsidy.InvalidPlate",
        "号牌号码 {PropertyValue} 格式无效",
        "Plate number {PropertyValue} is not in an accepted format");

    /// <summary>A frame (whole-vehicle) number outside the accepted formats.</summary>
    public static readonly MessageDefinition InvalidFrameNumber = new(
        "MR.Subsidy.InvalidFrameNumber",
        "车架号（整车编码）{PropertyValue} 格式无效",
        "Frame number {PropertyValue} is not in an accepted format");

    /// <summary>The process completed before one of its own steps.</summary>
    public static readonly MessageDefinition CompletedBeforeStep = new(
        "MR.Subsidy.CompletedBeforeStep",
        "办结时间早于「{Step}」环节，时间顺序不合理",
        "The trade-in is marked complete before {Step}: the times are out of order");

    /// <summary>Evidence the scheme requires for a step is missing.</summary>
    public static readonly MessageDefinition MissingEvidence = new(
        "MR.Subsidy.MissingEvidence",
        "缺少「{Step}」环节所需的证明材料「{Evidence}」",
        "Evidence {Evidence} required for step {Step} is missing");

    /// <summary>A negative price.</summary>
    public static readonly MessageDefinition InvalidPrice = new(
        "MR.Subsidy.InvalidPrice",
        "新车价格 {PropertyValue} 分无效：不得为负数",
        "New bike price {PropertyValue} fen is invalid: it cannot be negative");

    // ---- Ledger misuse (coded errors, no state change) ----

    /// <summary>A ledger operation on a claim id the ledger never reserved.</summary>
    public static readonly MessageDefinition UnknownClaim = new(
        "MR.Subsidy.UnknownClaim",
        "台账中没有申请 {ClaimId} 的预留记录",
        "The ledger has no reservation for claim {ClaimId}");

    /// <summary>Confirming a released reservation, or releasing a confirmed payment.</summary>
    public static readonly MessageDefinition InvalidLedgerTransition = new(
        "MR.Subsidy.InvalidLedgerTransition",
        "申请 {ClaimId} 当前状态为 {State}，不能执行 {Operation}",
        "Claim {ClaimId} is {State}: it cannot be {Operation}");

    // ---- Decision reasons (domain outcomes: values, not errors) ----

    /// <summary>The old bike is not a registered non-standard e-bike.</summary>
    public static readonly MessageDefinition OldBikeNotRegisteredNonStandard = new(
        "MR.Subsidy.OldBikeNotRegisteredNonStandard",
        "旧车 {Plate} 不是已备案登记的非标电动自行车",
        "The old bike {Plate} is not a registered non-standard e-bike");

    /// <summary>The old bike is registered to someone else.</summary>
    public static readonly MessageDefinition NotOwner = new(
        "MR.Subsidy.NotOwner",
        "旧车 {Plate} 的登记所有人不是申请人",
        "The old bike {Plate} is not registered to the applicant");

    /// <summary>The old bike was not handed to an authorised recycling point.</summary>
    public static readonly MessageDefinition NotRecycled = new(
        "MR.Subsidy.NotRecycled",
        "旧车未交售给授权回收网点",
        "The old bike was not handed to an authorised recycling point");

    /// <summary>The old plate was not cancelled.</summary>
    public static readonly MessageDefinition PlateNotCancelled = new(
        "MR.Subsidy.PlateNotCancelled",
        "旧车号牌 {Plate} 未注销",
        "The old plate {Plate} was not cancelled");

    /// <summary>The new bike does not meet the mandatory standard in force on its purchase date.</summary>
    public static readonly MessageDefinition NonCompliantStandard = new(
        "MR.Subsidy.NonCompliantStandard",
        "新车执行标准 {Standard} 不符合购买日 {Date} 有效的强制性国家标准（应为 {Required}）",
        "The new bike's standard {Standard} does not meet the mandatory standard in force on its purchase date {Date} (required: {Required})");

    /// <summary>The new bike has no CCC certificate.</summary>
    public static readonly MessageDefinition NoCcc = new(
        "MR.Subsidy.NoCcc",
        "新车无强制性产品认证（CCC）证书",
        "The new bike has no compulsory product certification (CCC)");

    /// <summary>The new bike was not registered with a plate.</summary>
    public static readonly MessageDefinition NewBikeNotRegistered = new(
        "MR.Subsidy.NewBikeNotRegistered",
        "新车未登记上牌",
        "The new bike was not registered with a plate");

    /// <summary>A step of the process lies outside the scheme's window.</summary>
    public static readonly MessageDefinition OutsideSchemeWindow = new(
        "MR.Subsidy.OutsideSchemeWindow",
        "「{Step}」环节的时间（{Time}）不在补贴方案有效期 {Start} 至 {End} 内",
        "{Step} ({Time}) is outside the scheme's window {Start} to {End}");

    /// <summary>The new bike is cheaper than the scheme's minimum price.</summary>
    public static readonly MessageDefinition BelowMinimumPrice = new(
        "MR.Subsidy.BelowMinimumPrice",
        "新车价格 {Price} 低于方案规定的最低价格 {Minimum}",
        "The new bike's price {Price} is below the scheme's minimum {Minimum}");

    /// <summary>The person or a vehicle was already paid under the scheme.</summary>
    public static readonly MessageDefinition AlreadySubsidised = new(
        "MR.Subsidy.AlreadySubsidised",
        "「{Key}」已在本方案中获得补贴（申请「{OtherClaim}」）",
        "{Key} has already been subsidised under this scheme (claim {OtherClaim})");

    /// <summary>The phase's (and every later phase's, when wait-listing) budget or quota is exhausted.</summary>
    public static readonly MessageDefinition BudgetExhausted = new(
        "MR.Subsidy.BudgetExhausted",
        "第 {Phase} 阶段补贴资金或名额已用完（剩余 {Remaining}，本次需 {Amount}）",
        "The budget or quota of phase {Phase} is exhausted ({Remaining} left, {Amount} needed)");

    /// <summary>The claim is eligible: the phase in force at completion and its amount.</summary>
    public static readonly MessageDefinition PhaseApplies = new(
        "MR.Subsidy.PhaseApplies",
        "办结时间 {Completed} 属于第 {Phase} 阶段（{Start} 至 {End}），补贴 {Amount}",
        "Completion at {Completed} falls in phase {Phase} ({Start} to {End}): subsidy {Amount}");

    /// <summary>An extra (bonus) applies on top of the phase amount.</summary>
    public static readonly MessageDefinition ExtraApplies = new(
        "MR.Subsidy.ExtraApplies",
        "加计补贴 {Extra}：{Amount}",
        "Extra {Extra} applies: {Amount}");

    /// <summary>The amount was reserved against the phase budget.</summary>
    public static readonly MessageDefinition Reserved = new(
        "MR.Subsidy.Reserved",
        "已从第 {Phase} 阶段预算中预留 {Amount}，剩余 {Remaining}",
        "{Amount} reserved from the budget of phase {Phase}; {Remaining} left");

    /// <summary>A reservation was paid (journal line of a confirmation).</summary>
    public static readonly MessageDefinition Confirmed = new(
        "MR.Subsidy.Confirmed",
        "申请 {ClaimId} 的补贴 {Amount} 已发放",
        "The subsidy {Amount} of claim {ClaimId} was paid");

    /// <summary>A reservation was released because its payment failed or was withdrawn (journal line of a release).</summary>
    public static readonly MessageDefinition Released = new(
        "MR.Subsidy.Released",
        "申请 {ClaimId} 的预留 {Amount} 已释放，资金退回第 {Phase} 阶段预算",
        "The reservation {Amount} of claim {ClaimId} was released back to the budget of phase {Phase}");

    /// <summary>An unpaid reservation lapsed and was released (journal line of <c>ReleaseExpired</c>).</summary>
    public static readonly MessageDefinition ReservationExpired = new(
        "MR.Subsidy.ReservationExpired",
        "申请 {ClaimId} 的预留已于 {ExpiresAt} 到期未发放，资金退回预算",
        "The reservation of claim {ClaimId} lapsed unpaid at {ExpiresAt}; its amount returned to the budget");

    /// <summary>The claim was wait-listed from an exhausted phase into the next one.</summary>
    public static readonly MessageDefinition WaitListed = new(
        "MR.Subsidy.WaitListed",
        "第 {FromPhase} 阶段资金已用完，按方案顺延至第 {Phase} 阶段",
        "Phase {FromPhase} is exhausted; the claim is wait-listed into phase {Phase} as the scheme provides");
}
