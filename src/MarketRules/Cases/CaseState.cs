using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Cases;

/// <summary>
/// The stage of an administrative penalty case (行政处罚案件), named after 行政处罚法 and 市场监督管理行政处罚程序规定.
/// Only <see cref="CaseStateMachine"/> moves a case from one state to another; see <see cref="CaseTransitionTable"/>.
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseState>))]
public enum CaseState
{
    /// <summary>No lead recorded yet: the start of every case file.</summary>
    None = 0,

    /// <summary>线索核查: a lead was received and is being verified (15 working days, +15).</summary>
    UnderVerification = 1,

    /// <summary>不予立案: the head decided not to open a case (terminal).</summary>
    NotOpened = 2,

    /// <summary>立案调查: the case is open and under investigation; the 90-day decision clock runs.</summary>
    Investigation = 3,

    /// <summary>中止 or excluded time (testing, inspection, quarantine, appraisal, public notice): the decision clock is paused.</summary>
    Suspended = 4,

    /// <summary>调查终结: the investigation is concluded.</summary>
    InvestigationConcluded = 5,

    /// <summary>法制审核: legal review is under way (10 working days).</summary>
    LegalReview = 6,

    /// <summary>法制审核完毕: legal review is done; the notice may be served.</summary>
    LegalReviewCompleted = 7,

    /// <summary>已告知: the notice of the intended penalty was served; the statement and hearing-request periods run.</summary>
    Notified = 8,

    /// <summary>当事人要求听证: the party asked for a hearing in time.</summary>
    HearingRequested = 9,

    /// <summary>已发听证通知: the hearing notice was served at least 7 working days before the hearing.</summary>
    HearingScheduled = 10,

    /// <summary>听证已举行: the hearing was held.</summary>
    HearingHeld = 11,

    /// <summary>集体讨论: the heads discussed the case collectively.</summary>
    CollectiveDiscussed = 12,

    /// <summary>已作出决定: a penalty or no-penalty decision was made and awaits service.</summary>
    Decided = 13,

    /// <summary>执行中: the decision was served; payment, deferral, surcharge and demand happen here.</summary>
    Execution = 14,

    /// <summary>已申请强制执行: the bureau applied to the people's court for compulsory enforcement.</summary>
    EnforcementApplied = 15,

    /// <summary>执行完毕: the decision was executed or needs no execution; the case may be closed.</summary>
    Executed = 16,

    /// <summary>移送审批: transfer to the police was decided and reported to the head (3 days to approve).</summary>
    TransferPendingApproval = 17,

    /// <summary>批准移送: the head approved the transfer (24 hours to send it).</summary>
    TransferApproved = 18,

    /// <summary>已移送公安: the police decide within 3 days whether to open a criminal case.</summary>
    AwaitingPoliceDecision = 19,

    /// <summary>公安不予立案: the bureau may ask for reconsideration within 3 days.</summary>
    PoliceDeclined = 20,

    /// <summary>要求复议: the police decide on the reconsideration within 3 days.</summary>
    AwaitingReconsideration = 21,

    /// <summary>公安已立案: files and seized items are handed over within 3 days.</summary>
    PoliceAccepted = 22,

    /// <summary>移送其他行政机关: the case was transferred to the competent agency.</summary>
    TransferredToAgency = 23,

    /// <summary>当场处罚 (简易程序): a summary penalty decision was handed over on the spot.</summary>
    SummaryDecided = 24,

    /// <summary>结案: the case file is closed (terminal); see <see cref="CaseSnapshot.CloseReason"/>.</summary>
    Closed = 25,

    /// <summary>
    /// 核查期间检测、检验、检疫、鉴定或者权利人辨认、鉴别: lead verification waits for testing, inspection, quarantine, appraisal
    /// or identification by the right holder, whose time does not count in the verification period (程序规定 Art 18(2)).
    /// </summary>
    VerificationPaused = 26,
}

/// <summary>What happened to a case: every event is a trigger of at most one row per state in <see cref="CaseTransitionTable"/>.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseEventKind>))]
public enum CaseEventKind
{
    /// <summary>发现线索 / 收到材料: a lead is received.</summary>
    LeadReceived = 0,

    /// <summary>核查期限延长: the head extends verification by 15 working days.</summary>
    VerificationExtended = 1,

    /// <summary>立案: the head opens a case.</summary>
    CaseOpened = 2,

    /// <summary>不予立案: the head decides not to open a case.</summary>
    CaseNotOpened = 3,

    /// <summary>中止 or start of excluded time (testing, inspection, quarantine, appraisal, public notice).</summary>
    InvestigationSuspended = 4,

    /// <summary>恢复调查: the suspension or excluded time ends.</summary>
    InvestigationResumed = 5,

    /// <summary>终止调查: the investigation is ended; the case closes.</summary>
    InvestigationEnded = 6,

    /// <summary>撤销立案: the opening of the case is cancelled; the case closes.</summary>
    CaseCancelled = 7,

    /// <summary>调查终结: the investigation is concluded (may carry the established date of the act).</summary>
    InvestigationConcluded = 8,

    /// <summary>提交法制审核.</summary>
    LegalReviewStarted = 9,

    /// <summary>法制审核完毕.</summary>
    LegalReviewCompleted = 10,

    /// <summary>行政处罚告知: the notice of the intended penalty is served on the party.</summary>
    NoticeServed = 11,

    /// <summary>当事人放弃陈述申辩和听证: the party waives the statement period and the hearing.</summary>
    RightsWaived = 12,

    /// <summary>当事人要求听证.</summary>
    HearingRequested = 13,

    /// <summary>听证通知送达: carries the hearing date.</summary>
    HearingNoticeServed = 14,

    /// <summary>举行听证.</summary>
    HearingHeld = 15,

    /// <summary>集体讨论决定.</summary>
    CollectiveDiscussionHeld = 16,

    /// <summary>办案期限延长: +30 days by the head's approval, further only by a collective decision with a set length.</summary>
    DecisionPeriodExtended = 17,

    /// <summary>作出行政处罚决定.</summary>
    PenaltyDecided = 18,

    /// <summary>作出不予行政处罚决定.</summary>
    NoPenaltyDecided = 19,

    /// <summary>决定移送公安机关: carries the criminal-referral decision.</summary>
    TransferToPoliceDecided = 20,

    /// <summary>决定移送其他行政机关.</summary>
    TransferToAgencyDecided = 21,

    /// <summary>决定书送达.</summary>
    DecisionServed = 22,

    /// <summary>决定信息公示.</summary>
    DecisionPublished = 23,

    /// <summary>延期或分期缴纳罚款: carries the new due date.</summary>
    PaymentDeferred = 24,

    /// <summary>缴纳罚款 (or part of it).</summary>
    PaymentReceived = 25,

    /// <summary>催告: the demand to perform before compulsory enforcement.</summary>
    EnforcementDemanded = 26,

    /// <summary>申请人民法院强制执行.</summary>
    EnforcementApplied = 27,

    /// <summary>负责人批准移送.</summary>
    TransferApproved = 28,

    /// <summary>负责人不批准移送: the case goes back to the administrative procedure.</summary>
    TransferRefused = 29,

    /// <summary>向公安机关移送.</summary>
    CaseTransferred = 30,

    /// <summary>公安机关立案.</summary>
    PoliceAccepted = 31,

    /// <summary>公安机关不予立案 (also after reconsideration).</summary>
    PoliceDeclined = 32,

    /// <summary>提请复议.</summary>
    ReconsiderationRequested = 33,

    /// <summary>移交涉案物品和材料.</summary>
    FilesHandedOver = 34,

    /// <summary>继续行政处罚程序: after the police declined, the bureau takes the case back.</summary>
    AdministrativeProceedingsResumed = 35,

    /// <summary>当场作出行政处罚决定 (简易程序).</summary>
    SummaryPenaltyImposed = 36,

    /// <summary>结案.</summary>
    CaseClosed = 37,

    /// <summary>
    /// Lead verification sends something for testing, inspection, quarantine, appraisal or identification by the right
    /// holder (<see cref="CaseEvent.Pause"/> says which); that time does not count in the verification period (程序规定 Art 18(2)).
    /// </summary>
    VerificationPaused = 38,

    /// <summary>The result of <see cref="VerificationPaused"/> is in: the verification period runs again.</summary>
    VerificationResumed = 39,
}

/// <summary>Who the party is, for the hearing and summary-procedure thresholds.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PartyKind>))]
public enum PartyKind
{
    /// <summary>自然人 / 公民.</summary>
    Person = 0,

    /// <summary>法人或者其他组织.</summary>
    Organisation = 1,
}

/// <summary>The sanctions of an intended or decided penalty (行政处罚法 第九条), as flags.</summary>
[Flags]
[JsonConverter(typeof(KebabCaseEnumConverter<Sanctions>))]
public enum Sanctions
{
    /// <summary>No sanction.</summary>
    None = 0,

    /// <summary>警告 / 通报批评.</summary>
    Warning = 1,

    /// <summary>罚款.</summary>
    Fine = 2,

    /// <summary>没收违法所得、没收非法财物.</summary>
    Confiscation = 4,

    /// <summary>降低资质等级、吊销许可证件或者营业执照.</summary>
    LicenceRevocation = 8,

    /// <summary>责令停产停业.</summary>
    Suspension = 16,

    /// <summary>责令关闭.</summary>
    Closure = 32,

    /// <summary>限制从业.</summary>
    EmploymentBan = 64,

    /// <summary>其他较重的行政处罚.</summary>
    OtherHeavy = 128,
}

/// <summary>Why the decision clock is paused (程序规定 第六十四条第二款, V-S).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PauseKind>))]
public enum PauseKind
{
    /// <summary>中止.</summary>
    Suspension = 0,

    /// <summary>检测.</summary>
    Testing = 1,

    /// <summary>检验.</summary>
    Inspection = 2,

    /// <summary>检疫.</summary>
    Quarantine = 3,

    /// <summary>鉴定.</summary>
    Appraisal = 4,

    /// <summary>公告.</summary>
    PublicNotice = 5,

    /// <summary>权利人辨认或者鉴别.</summary>
    RightHolderIdentification = 6,
}

/// <summary>The kind of decision a case ended its procedure with (行政处罚法 第五十七条).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseDecisionKind>))]
public enum CaseDecisionKind
{
    /// <summary>No decision yet.</summary>
    None = 0,

    /// <summary>给予行政处罚 (ordinary procedure).</summary>
    Penalty = 1,

    /// <summary>不予行政处罚.</summary>
    NoPenalty = 2,

    /// <summary>移送司法机关.</summary>
    TransferToPolice = 3,

    /// <summary>移送其他行政机关.</summary>
    TransferToAgency = 4,

    /// <summary>当场处罚 (summary procedure).</summary>
    SummaryPenalty = 5,
}

/// <summary>Why a case file ended.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseCloseReason>))]
public enum CaseCloseReason
{
    /// <summary>The case is not closed.</summary>
    None = 0,

    /// <summary>The head decided not to open a case.</summary>
    NotOpened = 1,

    /// <summary>The act was not discovered within the limitation period (行政处罚法 第三十六条).</summary>
    LimitationExpired = 2,

    /// <summary>终止调查.</summary>
    InvestigationEnded = 3,

    /// <summary>撤销立案.</summary>
    Cancelled = 4,

    /// <summary>The decision was executed, or needed no execution.</summary>
    Executed = 5,

    /// <summary>The court ended the enforcement, or the enforcement was applied for and the file is closed.</summary>
    EnforcementEnded = 6,

    /// <summary>Transferred to the police, who opened a criminal case and received the files.</summary>
    TransferredToPolice = 7,

    /// <summary>Transferred to another administrative agency.</summary>
    TransferredToAgency = 8,
}
