using System.Diagnostics.Contracts;

namespace MarketRules.Cases;

/// <summary>
/// The criminal-referral decision a transfer to the police carries (行政执法机关移送涉嫌犯罪案件的规定 第三条):
/// kept small so that the referral rules can fill it without this area depending on them.
/// </summary>
/// <param name="Offence">The suspected offence, e.g. "刑法第一百四十条 生产、销售伪劣产品罪".</param>
/// <param name="TriggeredThreshold">The threshold that was reached, as text, e.g. "销售金额 ≥ 50,000 元".</param>
/// <param name="DecidedAt">When the referral was decided (the written report to the head).</param>
public sealed record CriminalReferralReference(string Offence, string TriggeredThreshold, Instant DecidedAt);

/// <summary>
/// One thing that happened to a case, with its instant and the facts the guards need. Build it with the factories
/// (<see cref="LeadReceived"/>, <see cref="NoticeServed"/>, …); fields a kind does not use keep their default.
/// </summary>
/// <remarks>
/// Equality is member-wise. The default value of this type is a <see cref="CaseEventKind.LeadReceived"/> at the Unix epoch,
/// which the machine rejects as outside the statutory calendar. Thread-safe: immutable.
/// </remarks>
public readonly record struct CaseEvent
{
    /// <summary>What happened.</summary>
    public CaseEventKind Kind { get; init; }

    /// <summary>When it happened. The legal date is <see cref="Calendar.LegalTime.DateOf"/> of this instant (Asia/Shanghai).</summary>
    public Instant At { get; init; }

    /// <summary>Who recorded it (officer or system id); kept in the history, never used by a guard.</summary>
    public string? Actor { get; init; }

    /// <summary>The fine (罚款) of a notice, decision or summary penalty; the amount of a payment.</summary>
    public Money Amount { get; init; }

    /// <summary>The value of confiscated gains and property (没收违法所得和非法财物) of a notice or decision.</summary>
    public Money ConfiscationValue { get; init; }

    /// <summary>The sanctions of a notice, decision or summary penalty.</summary>
    public Sanctions Sanctions { get; init; }

    /// <summary>Who the party is.</summary>
    public PartyKind Party { get; init; }

    /// <summary>A date fact: the act's date for a lead, the hearing date for a hearing notice, the new due date of a deferral.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>
    /// For a lead or a concluded investigation: the day a continuing or repeated act (违法行为有连续或者继续状态) ended; the
    /// limitation runs from it (行政处罚法第三十六条第二款). <see langword="null"/> for a single act, which ends on <see cref="Date"/>.
    /// </summary>
    public LocalDate? ActEnd { get; init; }

    /// <summary>For a lead or a concluded investigation: the act is still continuing, so the limitation has not started to run (行政处罚法第三十六条第二款).</summary>
    public bool ActContinuing { get; init; }

    /// <summary>For a lead or a concluded investigation: life, health or financial safety was involved and harm resulted.</summary>
    public bool SeriousHarm { get; init; }

    /// <summary>Why the clock pauses (for <see cref="CaseEventKind.InvestigationSuspended"/>).</summary>
    public PauseKind Pause { get; init; }

    /// <summary>For <see cref="CaseEventKind.InvestigationConcluded"/>: legal review (法制审核) is required before the decision.</summary>
    public bool LegalReviewRequired { get; init; }

    /// <summary>For <see cref="CaseEventKind.InvestigationConcluded"/>: a collective decision (集体讨论) is required.</summary>
    public bool CollectiveDiscussionRequired { get; init; }

    /// <summary>For <see cref="CaseEventKind.DecisionPeriodExtended"/>: the extension length in days; for a collective extension it must be set.</summary>
    public int Days { get; init; }

    /// <summary>For <see cref="CaseEventKind.DecisionPeriodExtended"/>: the extension was decided collectively (beyond the first +30).</summary>
    public bool ByCollectiveDecision { get; init; }

    /// <summary>For <see cref="CaseEventKind.TransferToPoliceDecided"/>: the criminal-referral decision.</summary>
    public CriminalReferralReference? Referral { get; init; }

    /// <summary>An event of <paramref name="kind"/> with no facts.</summary>
    [Pure]
    public static CaseEvent Of(CaseEventKind kind, Instant at, string? actor = null) => new() { Kind = kind, At = at, Actor = actor };

    /// <summary>A lead (线索) received; <paramref name="actDate"/> is the date of the act (the first day of a continuing or repeated one).</summary>
    [Pure]
    public static CaseEvent LeadReceived(Instant at, LocalDate actDate, bool seriousHarm = false, string? actor = null) =>
        new() { Kind = CaseEventKind.LeadReceived, At = at, Date = actDate, SeriousHarm = seriousHarm, Actor = actor };

    /// <summary>
    /// A lead (线索) received for a continuing or repeated act: it began on <paramref name="actDate"/> and ended on
    /// <paramref name="actEnd"/>, or is still continuing when <paramref name="actEnd"/> is <see langword="null"/>; the
    /// limitation runs from the end (行政处罚法第三十六条第二款).
    /// </summary>
    /// <param name="at">When the lead was received.</param>
    /// <param name="actDate">The first day of the act.</param>
    /// <param name="actEnd">The day it ended, or <see langword="null"/> while it continues.</param>
    /// <param name="seriousHarm">Life, health or financial safety was involved and harm resulted (5-year limitation).</param>
    /// <param name="actor">Who recorded it.</param>
    /// <returns>The event.</returns>
    [Pure]
    public static CaseEvent LeadReceivedForContinuingAct(Instant at, LocalDate actDate, LocalDate? actEnd, bool seriousHarm = false, string? actor = null) =>
        new() { Kind = CaseEventKind.LeadReceived, At = at, Date = actDate, ActEnd = actEnd, ActContinuing = actEnd is null, SeriousHarm = seriousHarm, Actor = actor };

    /// <summary>Suspension or excluded time starts.</summary>
    [Pure]
    public static CaseEvent Suspended(Instant at, PauseKind pause, string? actor = null) =>
        new() { Kind = CaseEventKind.InvestigationSuspended, At = at, Pause = pause, Actor = actor };

    /// <summary>Lead verification waits for testing, inspection, quarantine, appraisal or identification by the right holder (not counted, 程序规定 Art 18(2)).</summary>
    /// <param name="at">When the item was sent.</param>
    /// <param name="pause">Which of those it is; suspension and public notice do not pause verification.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <returns>The event.</returns>
    [Pure]
    public static CaseEvent VerificationPaused(Instant at, PauseKind pause, string? actor = null) =>
        new() { Kind = CaseEventKind.VerificationPaused, At = at, Pause = pause, Actor = actor };

    /// <summary>The investigation is concluded, with what the decision will need.</summary>
    [Pure]
    public static CaseEvent Concluded(Instant at, bool legalReviewRequired, bool collectiveDiscussionRequired, string? actor = null) =>
        new()
        {
            Kind = CaseEventKind.InvestigationConcluded, At = at, LegalReviewRequired = legalReviewRequired,
            CollectiveDiscussionRequired = collectiveDiscussionRequired, Actor = actor,
        };

    /// <summary>The notice of the intended penalty (告知) served on <paramref name="party"/>.</summary>
    [Pure]
    public static CaseEvent NoticeServed(Instant at, PartyKind party, Sanctions sanctions, Money fine, Money confiscationValue = default, string? actor = null) =>
        new() { Kind = CaseEventKind.NoticeServed, At = at, Party = party, Sanctions = sanctions, Amount = fine, ConfiscationValue = confiscationValue, Actor = actor };

    /// <summary>The hearing notice, served for a hearing on <paramref name="hearingDate"/>.</summary>
    [Pure]
    public static CaseEvent HearingNoticeServed(Instant at, LocalDate hearingDate, string? actor = null) =>
        new() { Kind = CaseEventKind.HearingNoticeServed, At = at, Date = hearingDate, Actor = actor };

    /// <summary>The decision period extended by <paramref name="days"/> (30 by approval; any set length by collective decision).</summary>
    [Pure]
    public static CaseEvent DecisionPeriodExtended(Instant at, int days, bool byCollectiveDecision, string? actor = null) =>
        new() { Kind = CaseEventKind.DecisionPeriodExtended, At = at, Days = days, ByCollectiveDecision = byCollectiveDecision, Actor = actor };

    /// <summary>The penalty decision (行政处罚决定).</summary>
    [Pure]
    public static CaseEvent PenaltyDecided(Instant at, PartyKind party, Sanctions sanctions, Money fine, Money confiscationValue = default, string? actor = null) =>
        new() { Kind = CaseEventKind.PenaltyDecided, At = at, Party = party, Sanctions = sanctions, Amount = fine, ConfiscationValue = confiscationValue, Actor = actor };

    /// <summary>The decision to transfer the case to the police, with the referral decision.</summary>
    [Pure]
    public static CaseEvent TransferToPoliceDecided(Instant at, CriminalReferralReference referral, string? actor = null) =>
        new() { Kind = CaseEventKind.TransferToPoliceDecided, At = at, Referral = referral, Actor = actor };

    /// <summary>A payment of <paramref name="amount"/>.</summary>
    [Pure]
    public static CaseEvent PaymentReceived(Instant at, Money amount, string? actor = null) =>
        new() { Kind = CaseEventKind.PaymentReceived, At = at, Amount = amount, Actor = actor };

    /// <summary>Payment deferred or split (延期、分期) with the new last day <paramref name="newDueDate"/>.</summary>
    [Pure]
    public static CaseEvent PaymentDeferred(Instant at, LocalDate newDueDate, string? actor = null) =>
        new() { Kind = CaseEventKind.PaymentDeferred, At = at, Date = newDueDate, Actor = actor };

    /// <summary>A summary penalty (当场处罚): a warning, or a fine within the summary limits.</summary>
    [Pure]
    public static CaseEvent SummaryPenalty(Instant at, PartyKind party, Sanctions sanctions, Money fine, string? actor = null) =>
        new() { Kind = CaseEventKind.SummaryPenaltyImposed, At = at, Party = party, Sanctions = sanctions, Amount = fine, Actor = actor };
}
