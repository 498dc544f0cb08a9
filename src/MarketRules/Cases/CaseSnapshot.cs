using MarketRules.Calendar;

namespace MarketRules.Cases;

/// <summary>
/// Everything the machine knows about a case, owned by the caller and passed back on each event. Only
/// <see cref="CaseStateMachine"/> produces snapshots other than <see cref="Initial"/>; rebuild one from its events with
/// <see cref="CaseStateMachine.Replay"/>.
/// </summary>
/// <remarks>Equality is member-wise. The default value of this type is <see cref="Initial"/>. Thread-safe: immutable.</remarks>
public readonly record struct CaseSnapshot
{
    /// <summary>A case before its first event.</summary>
    public static CaseSnapshot Initial => default;

    /// <summary>The stage of the case.</summary>
    public CaseState State { get; init; }

    /// <summary>How many events were accepted.</summary>
    public int EventCount { get; init; }

    /// <summary>The instant of the last accepted event; later events may not be earlier.</summary>
    public Instant LastEventAt { get; init; }

    /// <summary>The date the lead was received (the discovery date for the limitation).</summary>
    public LocalDate? LeadReceivedOn { get; init; }

    /// <summary>Lead verification was extended by the head.</summary>
    public bool VerificationExtended { get; init; }

    /// <summary>The date of the act (the first day of a continuing or repeated one).</summary>
    public LocalDate? ActDate { get; init; }

    /// <summary>The day a continuing or repeated act ended, from which the limitation runs (行政处罚法第三十六条第二款); <see langword="null"/> for a single act.</summary>
    public LocalDate? ActEndedOn { get; init; }

    /// <summary>The act was still continuing when last recorded: the limitation has not started.</summary>
    public bool ActContinuing { get; init; }

    /// <summary>Life, health or financial safety was involved and harm resulted (5-year limitation).</summary>
    public bool SeriousHarm { get; init; }

    /// <summary>The pauses of lead verification's clock: testing, inspection, quarantine, appraisal, identification (程序规定 Art 18(2)), banked and running.</summary>
    public PeriodPauses VerificationPauses { get; init; }

    /// <summary>The date the case was opened (立案).</summary>
    public LocalDate? OpenedOn { get; init; }

    /// <summary>The pauses of the decision period's clock (suspension, testing, the hearing…), banked and running.</summary>
    public PeriodPauses DecisionPauses { get; init; }

    /// <summary>Why the clock (of verification before the case is opened, of the decision after) was last paused.</summary>
    public PauseKind Pause { get; init; }

    /// <summary>Days added to the decision period by extensions.</summary>
    public int ExtensionDays { get; init; }

    /// <summary>The head's +30 extension was used.</summary>
    public bool ApprovalExtensionUsed { get; init; }

    /// <summary>Legal review is required before the notice and the decision.</summary>
    public bool LegalReviewRequired { get; init; }

    /// <summary>The date legal review started.</summary>
    public LocalDate? LegalReviewStartedOn { get; init; }

    /// <summary>Legal review is completed.</summary>
    public bool LegalReviewDone { get; init; }

    /// <summary>A collective decision is required before a penalty decision.</summary>
    public bool CollectiveDiscussionRequired { get; init; }

    /// <summary>The collective discussion was held.</summary>
    public bool CollectiveDiscussionDone { get; init; }

    /// <summary>The date the (latest) notice was served.</summary>
    public LocalDate? NoticeServedOn { get; init; }

    /// <summary>Who the party is.</summary>
    public PartyKind Party { get; init; }

    /// <summary>The sanctions of the notice.</summary>
    public Sanctions NotifiedSanctions { get; init; }

    /// <summary>The fine of the notice.</summary>
    public Money NotifiedFine { get; init; }

    /// <summary>The intended penalty gives the party the right to a hearing.</summary>
    public bool InHearingScope { get; init; }

    /// <summary>The party waived the statement period and the hearing.</summary>
    public bool RightsWaived { get; init; }

    /// <summary>The date the party asked for a hearing.</summary>
    public LocalDate? HearingRequestedOn { get; init; }

    /// <summary>The hearing date set by the hearing notice.</summary>
    public LocalDate? HearingDate { get; init; }

    /// <summary>The kind of decision.</summary>
    public CaseDecisionKind Decision { get; init; }

    /// <summary>The date of the decision.</summary>
    public LocalDate? DecidedOn { get; init; }

    /// <summary>The sanctions decided.</summary>
    public Sanctions DecidedSanctions { get; init; }

    /// <summary>The fine decided.</summary>
    public Money Fine { get; init; }

    /// <summary>The date the decision was served.</summary>
    public LocalDate? ServedOn { get; init; }

    /// <summary>The last day to pay (15 days after service, or the deferred date).</summary>
    public LocalDate? PaymentDueOn { get; init; }

    /// <summary>A deferral or instalment plan was approved (暂缓或者分期缴纳): the court-enforcement period counts from its end (行政处罚法第七十二条第二款).</summary>
    public bool PaymentDeferred { get; init; }

    /// <summary>What was paid so far (fine and surcharge).</summary>
    public Money Paid { get; init; }

    /// <summary>The date of the demand (催告).</summary>
    public LocalDate? DemandedOn { get; init; }

    /// <summary>The date of the court application.</summary>
    public LocalDate? EnforcementAppliedOn { get; init; }

    /// <summary>The date the decision was published.</summary>
    public LocalDate? PublishedOn { get; init; }

    /// <summary>The criminal-referral decision of a transfer to the police.</summary>
    public CriminalReferralReference? Referral { get; init; }

    /// <summary>When the transfer was reported to the head.</summary>
    public Instant? TransferReportedAt { get; init; }

    /// <summary>When the head approved the transfer.</summary>
    public Instant? TransferApprovedAt { get; init; }

    /// <summary>When the case was sent to the police.</summary>
    public Instant? TransferredAt { get; init; }

    /// <summary>When the police declined (the latest time).</summary>
    public Instant? PoliceDeclinedAt { get; init; }

    /// <summary>When reconsideration was requested.</summary>
    public Instant? ReconsiderationRequestedAt { get; init; }

    /// <summary>When the police opened a criminal case.</summary>
    public Instant? PoliceAcceptedAt { get; init; }

    /// <summary>Why the case is closed.</summary>
    public CaseCloseReason CloseReason { get; init; }
}
