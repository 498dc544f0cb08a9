using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Cases;

/// <summary>Why the machine refused an event. Each code has one <see cref="MessageDefinition"/> in <see cref="CaseErrors"/>.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseRejectionCode>))]
public enum CaseRejectionCode
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The (state, event) pair is not in the transition table.</summary>
    IllegalTransition,

    /// <summary>The snapshot's state is not a defined <see cref="CaseState"/>.</summary>
    UnknownState,

    /// <summary>The event kind is not a defined <see cref="CaseEventKind"/>.</summary>
    UnknownEvent,

    /// <summary>The event is earlier than the last recorded event.</summary>
    EventInPast,

    /// <summary>The event's date is outside the statutory calendar.</summary>
    OutsideCalendar,

    /// <summary>A parameter the transition needs is not in force on the event's date.</summary>
    ParameterNotInForce,

    /// <summary>An amount is negative.</summary>
    NegativeAmount,

    /// <summary>A fact the event needs is missing.</summary>
    MissingFact,

    /// <summary>Lead verification was already extended once.</summary>
    VerificationAlreadyExtended,

    /// <summary>The deadline the extension would extend has already passed.</summary>
    PeriodAlreadyExpired,

    /// <summary>Legal review is required before the notice or the decision.</summary>
    LegalReviewRequired,

    /// <summary>The statement-and-defence (or hearing request) period still runs and was not waived.</summary>
    StatementPeriodRunning,

    /// <summary>The hearing was requested after the 5 working days.</summary>
    HearingRequestOutOfTime,

    /// <summary>The intended penalty is not in the hearing scope.</summary>
    NotInHearingScope,

    /// <summary>The hearing notice leaves fewer than 7 working days before the hearing.</summary>
    HearingNoticeTooLate,

    /// <summary>The hearing cannot be held before the date in its notice.</summary>
    HearingBeforeNoticeDate,

    /// <summary>A collective decision of the heads is required before the decision.</summary>
    CollectiveDiscussionRequired,

    /// <summary>The decision period (with excluded time and extensions) has run out.</summary>
    DecisionPeriodExpired,

    /// <summary>The extension is not the one the rules allow at this point.</summary>
    ExtensionNotAllowed,

    /// <summary>The decision is heavier than the notice the party could answer.</summary>
    HeavierThanNotified,

    /// <summary>The summary procedure does not allow this penalty.</summary>
    SummaryLimitExceeded,

    /// <summary>The payment is more than what is due.</summary>
    PaymentExceedsBalance,

    /// <summary>The deferral does not move the due date later.</summary>
    DeferralNotLater,

    /// <summary>The surcharge has not run for more than 30 days yet.</summary>
    DemandTooEarly,

    /// <summary>The court application needs a demand served 10 working days earlier, after the litigation period.</summary>
    EnforcementTooEarly,

    /// <summary>The 3-month window for the court application has closed.</summary>
    EnforcementWindowClosed,

    /// <summary>Reconsideration was already asked for, or the 3 days ran out.</summary>
    ReconsiderationNotAllowed,

    /// <summary>The decision is not one that is published (warning only, no penalty) or was published already.</summary>
    PublicationNotApplicable,

    /// <summary>The case cannot be closed while a fine is unpaid.</summary>
    FineUnpaid,

    /// <summary>Only testing, inspection, quarantine, appraisal and identification by the right holder pause lead verification.</summary>
    PauseNotExcluded,
}

/// <summary>The coded messages of the case lifecycle (<c>MR.Cases.*</c>): each says which rule forbids the event and what would allow it.</summary>
public static class CaseErrors
{
    /// <summary>The pair is not in the transition table.</summary>
    public static readonly MessageDefinition IllegalTransition = new("MR.Cases.IllegalTransition",
        "案件处于“{State}”时不能发生“{Event}”（案件状态转换表）；此状态下允许：{Allowed}",
        "A case in state '{State}' cannot take event '{Event}' (case transition table); allowed here: {Allowed}");

    /// <summary>Unknown state.</summary>
    public static readonly MessageDefinition UnknownState = new("MR.Cases.UnknownState",
        "未知的案件状态“{State}”；请使用已定义的状态或从事件历史重建案件",
        "Unknown case state '{State}'; use a defined state or rebuild the case from its events");

    /// <summary>Unknown event.</summary>
    public static readonly MessageDefinition UnknownEvent = new("MR.Cases.UnknownEvent",
        "未知的案件事件“{Event}”（状态“{State}”）；请使用已定义的事件",
        "Unknown case event '{Event}' (state '{State}'); use a defined event");

    /// <summary>Event in the past of the last one.</summary>
    public static readonly MessageDefinition EventInPast = new("MR.Cases.EventInPast",
        "事件“{Event}”发生在上一事件（{Limit}）之前；事件必须按时间顺序记录，请在其后的时间记录",
        "Event '{Event}' is earlier than the last recorded event ({Limit}); record events in time order, at or after it");

    /// <summary>Outside the calendar.</summary>
    public static readonly MessageDefinition OutsideCalendar = new("MR.Cases.OutsideCalendar",
        "事件“{Event}”的日期不在法定工作日历范围内（{Limit}）；请加载该年度日历",
        "The date of event '{Event}' is outside the statutory calendar ({Limit}); load that year's calendar");

    /// <summary>Parameter not in force.</summary>
    public static readonly MessageDefinition ParameterNotInForce = new("MR.Cases.ParameterNotInForce",
        "事件“{Event}”的日期（{Limit}）没有有效的期限或数额参数；请用政策包补充当时的规定",
        "No period or amount is in force on the date of event '{Event}' ({Limit}); add the rule of that time with a policy pack");

    /// <summary>Negative amount.</summary>
    public static readonly MessageDefinition NegativeAmount = new("MR.Cases.NegativeAmount",
        "金额或天数不能为负数；请输入零或正数",
        "An amount or a number of days cannot be negative; give zero or a positive number");

    /// <summary>Missing fact.</summary>
    public static readonly MessageDefinition MissingFact = new("MR.Cases.MissingFact",
        "事件“{Event}”缺少必要事实：{Limit}",
        "Event '{Event}' lacks a required fact: {Limit}");

    /// <summary>Verification already extended.</summary>
    public static readonly MessageDefinition VerificationAlreadyExtended = new("MR.Cases.VerificationAlreadyExtended",
        "线索核查期限只能经负责人批准延长一次（程序规定第十八条）；请在{Limit}前决定是否立案",
        "Lead verification can be extended only once, with the head's approval (Procedure Rules Art 18); decide on opening by {Limit}");

    /// <summary>Period already expired.</summary>
    public static readonly MessageDefinition PeriodAlreadyExpired = new("MR.Cases.PeriodAlreadyExpired",
        "期限已于{Limit}届满，不能再延长；延长须在期限届满前批准",
        "The period ended on {Limit} and can no longer be extended; an extension must be approved before the period ends");

    /// <summary>Legal review required.</summary>
    public static readonly MessageDefinition LegalReviewRequired = new("MR.Cases.LegalReviewRequired",
        "本案须经法制审核，审核完毕前不能“{Event}”（行政处罚法第五十八条）；请先提交并完成法制审核",
        "This case requires legal review; '{Event}' is not allowed before it is completed (Administrative Penalty Law Art 58); start and complete the review first");

    /// <summary>Statement period running.</summary>
    public static readonly MessageDefinition StatementPeriodRunning = new("MR.Cases.StatementPeriodRunning",
        "陈述申辩（及要求听证）期限至{Limit}届满，期间不得作出处罚决定（行政处罚法第四十四条、第六十二条）；期限届满后或当事人明确放弃后方可决定",
        "The statement, defence and hearing-request period runs until {Limit}; no penalty decision before then (Administrative Penalty Law Arts 44, 62); decide after it ends or after the party waives it");

    /// <summary>Hearing request out of time.</summary>
    public static readonly MessageDefinition HearingRequestOutOfTime = new("MR.Cases.HearingRequestOutOfTime",
        "要求听证应在告知后{Period}内（至{Limit}）提出（行政处罚法第六十四条、第八十五条）；逾期视为放弃，只有及时提出的要求才能引起听证",
        "A hearing must be requested within {Period} of the notice (by {Limit}) (Administrative Penalty Law Arts 64, 85); only a timely request leads to a hearing");

    /// <summary>Not in hearing scope.</summary>
    public static readonly MessageDefinition NotInHearingScope = new("MR.Cases.NotInHearingScope",
        "拟作出的处罚不属于听证范围（听证办法第五条：{Limit}）；较大数额罚没款、吊销许可、责令停产停业、责令关闭、限制从业等才适用听证",
        "The intended penalty is outside the hearing scope (Hearing Measures Art 5: {Limit}); large fines or confiscations, licence revocation, suspension, closure or an employment ban give the right");

    /// <summary>Hearing notice too late.</summary>
    public static readonly MessageDefinition HearingNoticeTooLate = new("MR.Cases.HearingNoticeTooLate",
        "听证通知应在举行听证的{Period}前送达（行政处罚法第六十四条）；听证日期最早为{Limit}",
        "The hearing notice must be served {Period} before the hearing (Administrative Penalty Law Art 64); the earliest hearing date is {Limit}");

    /// <summary>Hearing before notice date.</summary>
    public static readonly MessageDefinition HearingBeforeNoticeDate = new("MR.Cases.HearingBeforeNoticeDate",
        "听证不能早于通知的日期{Limit}举行；请按通知日期举行或重新通知",
        "The hearing cannot be held before the notified date {Limit}; hold it on that date or serve a new notice");

    /// <summary>Collective discussion required.</summary>
    public static readonly MessageDefinition CollectiveDiscussionRequired = new("MR.Cases.CollectiveDiscussionRequired",
        "情节复杂或重大违法行为的处罚须经负责人集体讨论决定（行政处罚法第五十七条第二款）；请先记录集体讨论",
        "A complex or major case must be decided collectively by the heads (Administrative Penalty Law Art 57(2)); record the collective discussion first");

    /// <summary>Decision period expired.</summary>
    public static readonly MessageDefinition DecisionPeriodExpired = new("MR.Cases.DecisionPeriodExpired",
        "办案期限已于{Limit}届满（行政处罚法第六十条）；须在届满前经负责人批准延长{Period}，或经集体讨论确定延长期限",
        "The decision period ended on {Limit} (Administrative Penalty Law Art 60); extend it before it ends by {Period} with the head's approval, or by a collective decision with a set length");

    /// <summary>Extension not allowed.</summary>
    public static readonly MessageDefinition ExtensionNotAllowed = new("MR.Cases.ExtensionNotAllowed",
        "办案期限首次只能经负责人批准延长{Period}，其后须经集体讨论并确定合理期限（程序规定第六十四条）：{Limit}",
        "The first extension is {Period} by the head's approval; later ones need a collective decision that sets a length (Procedure Rules Art 64): {Limit}");

    /// <summary>Heavier than notified.</summary>
    public static readonly MessageDefinition HeavierThanNotified = new("MR.Cases.HeavierThanNotified",
        "处罚决定不得重于告知的处罚（行政处罚法第四十五条）：{Limit}；如需加重，须重新告知",
        "The decision may not be heavier than the notice (Administrative Penalty Law Art 45): {Limit}; serve a new notice to impose more");

    /// <summary>Summary limit exceeded.</summary>
    public static readonly MessageDefinition SummaryLimitExceeded = new("MR.Cases.SummaryLimitExceeded",
        "当场处罚仅限警告或不超过{Limit}的罚款（行政处罚法{Article}）；其他处罚适用普通程序",
        "A summary penalty is a warning or a fine of at most {Limit} (Administrative Penalty Law {Article}); use the ordinary procedure otherwise");

    /// <summary>Payment exceeds balance.</summary>
    public static readonly MessageDefinition PaymentExceedsBalance = new("MR.Cases.PaymentExceedsBalance",
        "缴款金额超过应缴金额{Limit}（罚款加处罚款）；请核对金额",
        "The payment is more than the amount due, {Limit} (fine plus surcharge); check the amount");

    /// <summary>Deferral not later.</summary>
    public static readonly MessageDefinition DeferralNotLater = new("MR.Cases.DeferralNotLater",
        "延期或分期缴纳须把缴款期限推迟到{Limit}之后（行政处罚法第六十六条）",
        "A deferral or instalment plan must move the due date after {Limit} (Administrative Penalty Law Art 66)");

    /// <summary>Demand too early.</summary>
    public static readonly MessageDefinition DemandTooEarly = new("MR.Cases.DemandTooEarly",
        "加处罚款超过{Period}后方可催告（行政强制法第四十六条）；最早{Limit}",
        "A demand may follow only after the surcharge has run more than {Period} (Administrative Compulsion Law Art 46); earliest {Limit}");

    /// <summary>Enforcement too early.</summary>
    public static readonly MessageDefinition EnforcementTooEarly = new("MR.Cases.EnforcementTooEarly",
        "申请强制执行须在催告书送达{Period}后、且复议诉讼期限届满后提出（行政强制法第五十三条、第五十四条）；最早{Limit}",
        "The court application needs a demand served {Period} before and the review and litigation periods to have ended (Administrative Compulsion Law Arts 53, 54); earliest {Limit}");

    /// <summary>Enforcement window closed.</summary>
    public static readonly MessageDefinition EnforcementWindowClosed = new("MR.Cases.EnforcementWindowClosed",
        "申请人民法院强制执行的{Period}期限已于{Limit}届满（行政强制法第五十三条）",
        "The {Period} to apply to the court ended on {Limit} (Administrative Compulsion Law Art 53)");

    /// <summary>Reconsideration not allowed.</summary>
    public static readonly MessageDefinition ReconsiderationNotAllowed = new("MR.Cases.ReconsiderationNotAllowed",
        "提请复议应在收到不予立案通知后{Period}内提出且只能一次（移送规定第九条）：{Limit}；其后可请求检察院监督",
        "Reconsideration is asked once, within {Period} of the police notice (Transfer Provisions Art 9): {Limit}; after that, ask the procuratorate to supervise");

    /// <summary>Publication not applicable.</summary>
    public static readonly MessageDefinition PublicationNotApplicable = new("MR.Cases.PublicationNotApplicable",
        "只公示普通程序作出的行政处罚决定，仅警告的不公示，且只公示一次（总局令第45号第二条）：{Limit}",
        "Only ordinary-procedure penalty decisions are published, not warnings alone, and only once (SAMR Order 45 Art 2): {Limit}");

    /// <summary>Fine unpaid.</summary>
    public static readonly MessageDefinition FineUnpaid = new("MR.Cases.FineUnpaid",
        "罚款尚未缴清（未缴{Limit}），不能结案；缴清后或申请强制执行后方可结案",
        "The fine is not paid ({Limit} outstanding); close the case after payment or after applying for enforcement");

    /// <summary>A pause kind that does not stop the verification period.</summary>
    public static readonly MessageDefinition PauseNotExcluded = new("MR.Cases.PauseNotExcluded",
        "线索核查期间只有检测、检验、检疫、鉴定以及权利人辨认或者鉴别所需时间不计入核查期限（程序规定第十八条）：{Limit}",
        "During lead verification only testing, inspection, quarantine, appraisal and identification by the right holder do not count in the period (Procedure Rules Art 18): {Limit}");

    private static readonly ImmutableArray<MessageDefinition> ByCode =
    [
        IllegalTransition, IllegalTransition, UnknownState, UnknownEvent, EventInPast, OutsideCalendar, ParameterNotInForce, NegativeAmount,
        MissingFact, VerificationAlreadyExtended, PeriodAlreadyExpired, LegalReviewRequired, StatementPeriodRunning, HearingRequestOutOfTime,
        NotInHearingScope, HearingNoticeTooLate, HearingBeforeNoticeDate, CollectiveDiscussionRequired, DecisionPeriodExpired, ExtensionNotAllowed,
        HeavierThanNotified, SummaryLimitExceeded, PaymentExceedsBalance, DeferralNotLater, DemandTooEarly, EnforcementTooEarly,
        EnforcementWindowClosed, ReconsiderationNotAllowed, PublicationNotApplicable, FineUnpaid, PauseNotExcluded,
    ];

    /// <summary>The message definition of <paramref name="code"/>.</summary>
    /// <param name="code">A rejection code other than <see cref="CaseRejectionCode.None"/>.</param>
    /// <returns>The definition.</returns>
    public static MessageDefinition For(CaseRejectionCode code) =>
        unchecked((uint)code) < (uint)ByCode.Length && code != CaseRejectionCode.None ? ByCode[(int)code] : throw new ArgumentOutOfRangeException(nameof(code), code, "Value should be a defined rejection code");
}

/// <summary>The coded reasons of accepted transitions.</summary>
public static class CaseReasons
{
    /// <summary>An accepted transition.</summary>
    public static readonly MessageDefinition Transition = new("MR.Cases.Transition",
        "“{Event}”：案件由“{From}”转为“{To}”",
        "'{Event}': the case moves from '{From}' to '{To}'");

    /// <summary>The limitation period ran out before the act was discovered.</summary>
    public static readonly MessageDefinition LimitationExpired = new("MR.Cases.LimitationExpired",
        "违法行为（{ActDate}）在追责时效内（至{Limit}）未被发现，不再给予行政处罚，案件以此理由终结",
        "The act ({ActDate}) was not discovered within the limitation period (until {Limit}); no penalty may be imposed and the case ends for that reason");

    /// <summary>A deadline that now runs.</summary>
    public static readonly MessageDefinition DeadlineRuns = new("MR.Cases.DeadlineRuns",
        "{Deadline}：最后一日{Limit}",
        "{Deadline}: last day {Limit}");
}
