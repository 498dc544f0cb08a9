using System.Runtime.CompilerServices;
using MarketRules.Calendar;
using MarketRules.Parameters;

namespace MarketRules.Cases;

/// <summary>
/// Owns every transition and every guard of the penalty case, and computes its deadlines. Allocation-free on accepted
/// events: parameters come from the policy (no copies) and dates from the kernel's O(1) calendar.
/// </summary>
internal sealed class CaseController
{
    private const Sanctions HeavySanctions = Sanctions.LicenceRevocation | Sanctions.Suspension | Sanctions.Closure | Sanctions.EmploymentBan | Sanctions.OtherHeavy;
    private static readonly ParameterMissing Missing = new();

    private readonly PolicyContext policy;
    private readonly Jurisdiction jurisdiction;

    internal PolicyContext Policy => policy;

    internal Jurisdiction Jurisdiction => jurisdiction;

    internal CaseController(LawContext law)
    {
        policy = law.Policy;
        jurisdiction = law.Jurisdiction;
        Periods = law.Periods;
    }

    internal PeriodCalculator Periods { get; }

    internal StatutoryCalendar Calendar => Periods.Calendar;

    // Every path returns straight into the caller's CaseTransition: the snapshot is several hundred bytes, and each
    // extra temporary of it on this path is a copy plus a slice of stack frame the JIT zeroes on every call.
    internal CaseTransition Apply(in CaseSnapshot s, in CaseEvent e)
    {
        var code = Admit(s, e, out var date, out var row);
        if (code != CaseRejectionCode.None)
        {
            return RejectBeforeGuards(s, e, code, date);
        }
        try
        {
            return Guarded(s, e, date, CaseTransitionTable.Rows[row]);
        }
        catch (ParameterMissing)
        {
            return Reject(s, e, CaseRejectionCode.ParameterNotInForce, date: date);
        }
        catch (CalendarOutOfRangeException)
        {
            return Reject(s, e, CaseRejectionCode.OutsideCalendar, date: date);
        }
    }

    // The checks every event passes before its own guards; date is the event's legal date (or, for an event in the past,
    // the date of the last event) and is meaningful only where a rejection refers to it.
    private CaseRejectionCode Admit(in CaseSnapshot s, in CaseEvent e, out LocalDate date, out int row)
    {
        date = default;
        row = -1;
        if (unchecked((uint)s.State) >= (uint)CaseTransitionTable.StateCount)
        {
            return CaseRejectionCode.UnknownState;
        }
        if (unchecked((uint)e.Kind) >= (uint)CaseTransitionTable.EventCount)
        {
            return CaseRejectionCode.UnknownEvent;
        }
        if (s.EventCount > 0 && e.At < s.LastEventAt)
        {
            date = LegalTime.DateOf(s.LastEventAt);
            return CaseRejectionCode.EventInPast;
        }
        row = CaseTransitionTable.IndexOf(s.State, e.Kind);
        if (row < 0)
        {
            return CaseRejectionCode.IllegalTransition;
        }
        if (e.Amount.Fen < 0 || e.ConfiscationValue.Fen < 0 || e.Days < 0)
        {
            return CaseRejectionCode.NegativeAmount;
        }
        date = LegalTime.DateOf(e.At);
        return Calendar.Covers(date) ? CaseRejectionCode.None : CaseRejectionCode.OutsideCalendar;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CaseTransition RejectBeforeGuards(in CaseSnapshot s, in CaseEvent e, CaseRejectionCode code, LocalDate date) =>
        Reject(s, e, code, date: code == CaseRejectionCode.EventInPast || code == CaseRejectionCode.OutsideCalendar ? date : null);

    // Read without pattern variables (`e.Date is { } act`, `out var until` in a condition): a mutant of such a condition
    // leaves the variable unassigned and does not compile, which drops every mutant of the method from the measurement.
    private CaseTransition Guarded(in CaseSnapshot s, in CaseEvent e, LocalDate date, CaseTransitionRow row)
    {
        switch (e.Kind)
        {
            case CaseEventKind.LeadReceived:
                if (e.Date is null)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.ActDate);
                }
                var act = e.Date.Value;
                if (e.ActEnd is not null && e.ActEnd.Value < act)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, date: act, text: Facts.ActEnd);
                }
                return Accept(s, e, date, s with
                {
                    State = row.To, LeadReceivedOn = date, ActDate = act, ActEndedOn = e.ActContinuing ? null : e.ActEnd, ActContinuing = e.ActContinuing,
                    SeriousHarm = e.SeriousHarm,
                });

            case CaseEventKind.VerificationExtended:
                {
                    var lastDay = VerificationDeadline(s, date).LastDay;
                    if (s.VerificationExtended)
                    {
                        return Reject(s, e, CaseRejectionCode.VerificationAlreadyExtended, date: lastDay);
                    }
                    if (date > lastDay)
                    {
                        return Reject(s, e, CaseRejectionCode.PeriodAlreadyExpired, date: lastDay);
                    }
                    return Accept(s, e, date, s with { VerificationExtended = true });
                }

            case CaseEventKind.VerificationPaused:
                {
                    if (e.Pause == PauseKind.Suspension || e.Pause == PauseKind.PublicNotice || !Enum.IsDefined(e.Pause))
                    {
                        return Reject(s, e, CaseRejectionCode.PauseNotExcluded, text: Facts.ExcludedPauses);
                    }
                    var runs = VerificationDeadline(s, date);
                    if (date > runs.LastDay)
                    {
                        return Reject(s, e, CaseRejectionCode.PeriodAlreadyExpired, date: runs.LastDay);
                    }
                    return Accept(s, e, date, s with { State = row.To, VerificationPauses = s.VerificationPauses.PausedOn(date), Pause = e.Pause });
                }

            // Resuming, opening and declining end a verification pause: its working days are banked and the clock is
            // cleared (it is null anyway when verification was not paused). Written into the one `with` rather than
            // through a helper returning a snapshot, which would cost a copy of the snapshot on every opening.
            case CaseEventKind.VerificationResumed:
                return Accept(s, e, date, s with { State = row.To, VerificationPauses = VerificationResumed(s, date) });

            case CaseEventKind.CaseOpened:
                if (LimitationExpired(s))
                {
                    return Accept(s, e, date, s with
                    {
                        State = row.Alternative, CloseReason = CaseCloseReason.LimitationExpired,
                        VerificationPauses = VerificationResumed(s, date),
                    });
                }
                return Accept(s, e, date, s with { State = row.To, OpenedOn = date, VerificationPauses = VerificationResumed(s, date) });

            case CaseEventKind.CaseNotOpened:
                return Accept(s, e, date, s with
                {
                    State = row.To, CloseReason = CaseCloseReason.NotOpened, VerificationPauses = VerificationResumed(s, date),
                });

            case CaseEventKind.InvestigationSuspended:
                return Accept(s, e, date, s with { State = row.To, DecisionPauses = s.DecisionPauses.PausedOn(date), Pause = e.Pause });

            case CaseEventKind.InvestigationResumed:
                return Accept(s, e, date, Unpause(s, date) with { State = row.To });

            case CaseEventKind.InvestigationEnded:
                return Accept(s, e, date, Unpause(s, date) with { State = row.To, CloseReason = CaseCloseReason.InvestigationEnded });

            case CaseEventKind.CaseCancelled:
                return Accept(s, e, date, Unpause(s, date) with { State = row.To, CloseReason = CaseCloseReason.Cancelled });

            case CaseEventKind.InvestigationConcluded:
                return Accept(s, e, date, s with
                {
                    State = row.To, LegalReviewRequired = e.LegalReviewRequired, CollectiveDiscussionRequired = e.CollectiveDiscussionRequired,
                    LegalReviewDone = false, CollectiveDiscussionDone = false, ActDate = e.Date ?? s.ActDate, SeriousHarm = e.Date is null ? s.SeriousHarm : e.SeriousHarm,
                    ActEndedOn = e.Date is null ? s.ActEndedOn : e.ActContinuing ? null : e.ActEnd, ActContinuing = e.Date is null ? s.ActContinuing : e.ActContinuing,
                });

            case CaseEventKind.LegalReviewStarted:
                return Accept(s, e, date, s with { State = row.To, LegalReviewStartedOn = date });

            case CaseEventKind.LegalReviewCompleted:
                return Accept(s, e, date, s with { State = row.To, LegalReviewDone = true });

            case CaseEventKind.NoticeServed:
                if (s.LegalReviewRequired && !s.LegalReviewDone)
                {
                    return Reject(s, e, CaseRejectionCode.LegalReviewRequired);
                }
                if ((e.Sanctions & Sanctions.Fine) != 0 && e.Amount.Fen == 0)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.IntendedFine);
                }
                return Accept(s, e, date, s with
                {
                    State = row.To, NoticeServedOn = date, Party = e.Party, NotifiedSanctions = e.Sanctions, NotifiedFine = e.Amount,
                    InHearingScope = InHearingScope(e, date), RightsWaived = false,
                });

            case CaseEventKind.RightsWaived:
                return Accept(s, e, date, s with { RightsWaived = true });

            case CaseEventKind.HearingRequested:
                if (!s.InHearingScope)
                {
                    return Reject(s, e, CaseRejectionCode.NotInHearingScope, text: s.Party == PartyKind.Person ? Facts.HearingPerson : Facts.HearingOrganisation);
                }
                var requestBy = Deadline(s.NoticeServedOn!.Value, CaseParameters.HearingRequest, s.NoticeServedOn.Value);
                if (e.At >= requestBy.ExpiresAt || s.RightsWaived)
                {
                    return Reject(s, e, CaseRejectionCode.HearingRequestOutOfTime, date: requestBy.LastDay,
                        period: Period(CaseParameters.HearingRequest, s.NoticeServedOn.Value));
                }
                return Accept(s, e, date, s with { State = row.To, HearingRequestedOn = date, DecisionPauses = s.DecisionPauses.PausedOn(date) });

            case CaseEventKind.HearingNoticeServed:
                if (e.Date is null)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.HearingDate);
                }
                var hearing = e.Date.Value;
                var earliest = Deadline(date, CaseParameters.HearingNotice, date).LastDay.PlusDays(1);
                if (hearing < earliest)
                {
                    return Reject(s, e, CaseRejectionCode.HearingNoticeTooLate, date: earliest, period: Period(CaseParameters.HearingNotice, date));
                }
                return Accept(s, e, date, s with { State = row.To, HearingDate = hearing });

            case CaseEventKind.HearingHeld:
                if (date < s.HearingDate!.Value)
                {
                    return Reject(s, e, CaseRejectionCode.HearingBeforeNoticeDate, date: s.HearingDate);
                }
                return Accept(s, e, date, Unpause(s, date) with { State = row.To });

            case CaseEventKind.CollectiveDiscussionHeld:
                var until = default(LocalDate);
                if (s.State == CaseState.Notified && StatementRunning(s, e.At, out until))
                {
                    return Reject(s, e, CaseRejectionCode.StatementPeriodRunning, date: until);
                }
                return Accept(s, e, date, s with { State = row.To, CollectiveDiscussionDone = true });

            case CaseEventKind.DecisionPeriodExtended:
                {
                    var current = DecisionDeadline(s, date);
                    if (date > current.LastDay)
                    {
                        return Reject(s, e, CaseRejectionCode.PeriodAlreadyExpired, date: current.LastDay);
                    }
                    if (!e.ByCollectiveDecision)
                    {
                        var approval = Value(CaseParameters.DecisionExtension, s.OpenedOn!.Value);
                        if (s.ApprovalExtensionUsed || e.Days != (int)approval)
                        {
                            return Reject(s, e, CaseRejectionCode.ExtensionNotAllowed,
                                text: s.ApprovalExtensionUsed ? Facts.HeadExtensionUsed : Facts.HeadExtensionFixed, period: Period(CaseParameters.DecisionExtension, s.OpenedOn.Value));
                        }
                        return Accept(s, e, date, s with { ApprovalExtensionUsed = true, ExtensionDays = s.ExtensionDays + e.Days });
                    }
                    if (!s.ApprovalExtensionUsed || e.Days == 0)
                    {
                        return Reject(s, e, CaseRejectionCode.ExtensionNotAllowed,
                            text: e.Days == 0 ? Facts.CollectiveLength : Facts.HeadExtensionFirst, period: Period(CaseParameters.DecisionExtension, s.OpenedOn!.Value));
                    }
                    return Accept(s, e, date, s with { ExtensionDays = s.ExtensionDays + e.Days });
                }

            case CaseEventKind.PenaltyDecided:
            case CaseEventKind.NoPenaltyDecided:
                return Decide(s, e, date, row);

            case CaseEventKind.TransferToPoliceDecided:
                if (e.Referral is null)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.Referral);
                }
                return Accept(s, e, date, Unpause(s, date) with
                {
                    State = row.To, Referral = e.Referral, TransferReportedAt = e.At, TransferApprovedAt = null, TransferredAt = null,
                    PoliceDeclinedAt = null, ReconsiderationRequestedAt = null, PoliceAcceptedAt = null,
                });

            case CaseEventKind.TransferToAgencyDecided:
                return Accept(s, e, date, Unpause(s, date) with { State = row.To, Decision = CaseDecisionKind.TransferToAgency, DecidedOn = date });

            case CaseEventKind.DecisionServed:
                {
                    var toPay = s.Fine.Fen > 0;
                    var due = toPay ? Deadline(date, CaseParameters.Payment, date).LastDay : (LocalDate?)null;
                    return Accept(s, e, date, s with { State = toPay ? row.To : row.Alternative, ServedOn = date, PaymentDueOn = due });
                }

            case CaseEventKind.DecisionPublished:
                if (s.Decision != CaseDecisionKind.Penalty || !Published(s) || s.PublishedOn is not null)
                {
                    return Reject(s, e, CaseRejectionCode.PublicationNotApplicable,
                        text: s.PublishedOn is not null ? Facts.AlreadyPublished : Facts.NotPublishable);
                }
                return Accept(s, e, date, s with { PublishedOn = date });

            case CaseEventKind.PaymentDeferred:
                if (e.Date is null)
                {
                    return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.NewDueDate);
                }
                var newDue = e.Date.Value;
                if (newDue <= s.PaymentDueOn!.Value)
                {
                    return Reject(s, e, CaseRejectionCode.DeferralNotLater, date: s.PaymentDueOn);
                }
                return Accept(s, e, date, s with { PaymentDueOn = newDue, PaymentDeferred = true });

            case CaseEventKind.PaymentReceived:
                {
                    if (e.Amount.Fen == 0)
                    {
                        return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.Payment);
                    }
                    var owed = Money.FromFen(s.Fine.Fen + Surcharge(s, date).Fen - s.Paid.Fen);
                    if (e.Amount > owed)
                    {
                        return Reject(s, e, CaseRejectionCode.PaymentExceedsBalance, amount: owed);
                    }
                    var paid = s.Paid + e.Amount;
                    return Accept(s, e, date, s with { Paid = paid, State = e.Amount == owed ? row.Alternative : row.To });
                }

            case CaseEventKind.EnforcementDemanded:
                {
                    var earliest2 = DemandEarliest(s);
                    if (date < earliest2)
                    {
                        return Reject(s, e, CaseRejectionCode.DemandTooEarly, date: earliest2, period: Period(CaseParameters.EnforcementSurchargeDays, s.ServedOn!.Value));
                    }
                    return Accept(s, e, date, s with { DemandedOn = date });
                }

            case CaseEventKind.EnforcementApplied:
                {
                    var (opens, closes) = EnforcementWindow(s);
                    if (s.DemandedOn is null || date < opens)
                    {
                        return Reject(s, e, CaseRejectionCode.EnforcementTooEarly, date: opens, text: s.DemandedOn is null ? Facts.NoDemand : null,
                            period: Period(CaseParameters.EnforcementDemandWait, s.ServedOn!.Value));
                    }
                    if (date > closes)
                    {
                        return Reject(s, e, CaseRejectionCode.EnforcementWindowClosed, date: closes, period: Period(CaseParameters.EnforcementApplicationWindow, s.ServedOn!.Value));
                    }
                    return Accept(s, e, date, s with { State = row.To, EnforcementAppliedOn = date });
                }

            case CaseEventKind.TransferApproved:
                return Accept(s, e, date, s with { State = row.To, TransferApprovedAt = e.At });

            case CaseEventKind.TransferRefused:
            case CaseEventKind.AdministrativeProceedingsResumed:
                return Accept(s, e, date, s with { State = row.To, Decision = CaseDecisionKind.None });

            case CaseEventKind.CaseTransferred:
                return Accept(s, e, date, s with { State = row.To, TransferredAt = e.At, Decision = CaseDecisionKind.TransferToPolice, DecidedOn = date });

            case CaseEventKind.PoliceAccepted:
                return Accept(s, e, date, s with { State = row.To, PoliceAcceptedAt = e.At });

            case CaseEventKind.PoliceDeclined:
                return Accept(s, e, date, s with { State = row.To, PoliceDeclinedAt = e.At });

            case CaseEventKind.ReconsiderationRequested:
                {
                    if (s.ReconsiderationRequestedAt is not null)
                    {
                        return Reject(s, e, CaseRejectionCode.ReconsiderationNotAllowed, text: Facts.ReconsiderationAsked,
                            period: Period(CaseParameters.ReconsiderationRequest, date));
                    }
                    var by = Deadline(LegalTime.DateOf(s.PoliceDeclinedAt!.Value), CaseParameters.ReconsiderationRequest, date);
                    if (date > by.LastDay)
                    {
                        return Reject(s, e, CaseRejectionCode.ReconsiderationNotAllowed, date: by.LastDay, period: Period(CaseParameters.ReconsiderationRequest, date));
                    }
                    return Accept(s, e, date, s with { State = row.To, ReconsiderationRequestedAt = e.At });
                }

            case CaseEventKind.FilesHandedOver:
                return Accept(s, e, date, s with { State = row.To, CloseReason = CaseCloseReason.TransferredToPolice });

            case CaseEventKind.SummaryPenaltyImposed:
                return Summary(s, e, date, row);

            case CaseEventKind.CaseClosed:
                {
                    if (s.State == CaseState.SummaryDecided && s.Fine.Fen > s.Paid.Fen)
                    {
                        return Reject(s, e, CaseRejectionCode.FineUnpaid, amount: Money.FromFen(s.Fine.Fen - s.Paid.Fen));
                    }
                    var reason = s.State switch
                    {
                        CaseState.EnforcementApplied => CaseCloseReason.EnforcementEnded,
                        CaseState.TransferredToAgency => CaseCloseReason.TransferredToAgency,
                        _ => CaseCloseReason.Executed,
                    };
                    return Accept(s, e, date, s with { State = row.To, CloseReason = reason });
                }

            default:
                return Reject(s, e, CaseRejectionCode.UnknownEvent);
        }
    }

    // Read without pattern variables: `out var until` in a condition does not compile under a mutant of the condition.
    private CaseTransition Decide(in CaseSnapshot s, in CaseEvent e, LocalDate date, CaseTransitionRow row)
    {
        var penalty = e.Kind == CaseEventKind.PenaltyDecided;
        if (s.LegalReviewRequired && !s.LegalReviewDone)
        {
            return Reject(s, e, CaseRejectionCode.LegalReviewRequired);
        }
        if (penalty)
        {
            var until = default(LocalDate);
            if (s.State == CaseState.Notified && StatementRunning(s, e.At, out until))
            {
                return Reject(s, e, CaseRejectionCode.StatementPeriodRunning, date: until);
            }
            if (s.CollectiveDiscussionRequired && !s.CollectiveDiscussionDone)
            {
                return Reject(s, e, CaseRejectionCode.CollectiveDiscussionRequired);
            }
            if (e.Amount > s.NotifiedFine || (e.Sanctions & ~s.NotifiedSanctions) != 0)
            {
                return Reject(s, e, CaseRejectionCode.HeavierThanNotified, amount: s.NotifiedFine);
            }
            if ((e.Sanctions & Sanctions.Fine) != 0 && e.Amount.Fen == 0)
            {
                return Reject(s, e, CaseRejectionCode.MissingFact, text: Facts.Fine);
            }
        }
        var deadline = DecisionDeadline(s, date);
        if (date > deadline.LastDay)
        {
            return Reject(s, e, CaseRejectionCode.DecisionPeriodExpired, date: deadline.LastDay, period: Period(CaseParameters.DecisionExtension, s.OpenedOn ?? date));
        }
        if (penalty && LimitationExpired(s))
        {
            return Accept(s, e, date, s with { State = row.Alternative, CloseReason = CaseCloseReason.LimitationExpired });
        }
        return Accept(s, e, date, s with
        {
            State = row.To, Decision = penalty ? CaseDecisionKind.Penalty : CaseDecisionKind.NoPenalty, DecidedOn = date,
            DecidedSanctions = penalty ? e.Sanctions : Sanctions.None, Fine = penalty ? e.Amount : Money.Zero,
        });
    }

    private CaseTransition Summary(in CaseSnapshot s, in CaseEvent e, LocalDate date, CaseTransitionRow row)
    {
        var parameter = Resolve(e.Party == PartyKind.Person ? CaseParameters.SummaryFinePerson : CaseParameters.SummaryFineOrganisation, date);
        var limit = Money.FromYuan(parameter.Value);
        if ((e.Sanctions & ~(Sanctions.Warning | Sanctions.Fine)) != 0 || e.Sanctions == Sanctions.None || e.Amount > limit
            || ((e.Sanctions & Sanctions.Fine) != 0) != (e.Amount.Fen > 0))
        {
            // The limit's own article: 第三十三条 of the earlier text before 2021-07-15, 第五十一条 after.
            return Reject(s, e, CaseRejectionCode.SummaryLimitExceeded, amount: limit) with { LimitCitation = parameter.Citation };
        }
        var due = e.Amount.Fen > 0 ? Deadline(date, CaseParameters.Payment, date).LastDay : (LocalDate?)null;
        return Accept(s, e, date, s with
        {
            State = row.To, Party = e.Party, Decision = CaseDecisionKind.SummaryPenalty, DecidedOn = date, DecidedSanctions = e.Sanctions,
            Fine = e.Amount, ServedOn = date, PaymentDueOn = due, LeadReceivedOn = date,
        });
    }

    private bool InHearingScope(in CaseEvent e, LocalDate date)
    {
        if ((e.Sanctions & HeavySanctions) != 0)
        {
            return true;
        }
        var threshold = Money.FromYuan(Value(e.Party == PartyKind.Person ? CaseParameters.HearingFinePerson : CaseParameters.HearingFineOrganisation, date));
        return ((e.Sanctions & Sanctions.Fine) != 0 && e.Amount >= threshold)
            || ((e.Sanctions & Sanctions.Confiscation) != 0 && e.ConfiscationValue >= threshold);
    }

    /// <summary>The statement period (and, in the hearing scope, the hearing-request period) still runs at <paramref name="at"/>.</summary>
    internal bool StatementRunning(in CaseSnapshot s, Instant at, out LocalDate until)
    {
        var notice = s.NoticeServedOn!.Value;
        var statement = Deadline(notice, CaseParameters.StatementPeriod, notice);
        var end = statement;
        if (s.InHearingScope)
        {
            var hearing = Deadline(notice, CaseParameters.HearingRequest, notice);
            if (hearing.ExpiresAt > end.ExpiresAt)
            {
                end = hearing;
            }
        }
        until = end.LastDay;
        return !s.RightsWaived && at < end.ExpiresAt;
    }

    // 行政处罚法第三十六条第二款: "从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算".
    // Before SAMR Order 45 (2021-09-01) every ordinary-procedure penalty was published (企业信息公示暂行条例 Art 6; 工商总局令第71号
    // Art 2); from then a warning alone is not (Order 45 Art 2).
    // Read without pattern variables, so that every mutant of the condition compiles.
    internal static bool Published(in CaseSnapshot s) =>
        s.DecidedSanctions != Sanctions.Warning || s.DecidedOn is null || s.DecidedOn.Value < Order45InForce;

    private static readonly LocalDate Order45InForce = LegalDocuments.PenaltyInformationPublicationProvisions.InForceFrom!.Value;

    // Read without pattern variables, so that every mutant of the condition compiles.
    internal bool LimitationExpired(in CaseSnapshot s) =>
        !s.ActContinuing && s.ActDate is not null && s.LeadReceivedOn is not null
        && s.LeadReceivedOn.Value > LimitationLastDay(s, s.ActEndedOn ?? s.ActDate.Value);

    /// <summary>The last day of the limitation counted from <paramref name="act"/> (the act, or the end of a continuing one).</summary>
    internal LocalDate LimitationLastDay(in CaseSnapshot s, LocalDate act)
    {
        var found = s.LeadReceivedOn ?? act;
        var parameter = s.SeriousHarm && policy.TryResolve(CaseParameters.LimitationSerious, found, jurisdiction) is not null
            ? CaseParameters.LimitationSerious : CaseParameters.Limitation;
        return Periods.Deadline(act, Period(parameter, found), RestDayRule.None).LastDay;
    }

    /// <summary>The verification deadline as of <paramref name="asOf"/>: 15 working days (+15 when extended) from the lead, not counting the working days of testing and the like (running pause included).</summary>
    internal LegalDeadline VerificationDeadline(in CaseSnapshot s, LocalDate asOf) =>
        Periods.Deadline(s.LeadReceivedOn!.Value, VerificationPeriod(s), s.VerificationPauses, asOf, RestDayRule.RollForward);

    private LegalPeriod VerificationPeriod(in CaseSnapshot s)
    {
        var lead = s.LeadReceivedOn!.Value;
        return LegalPeriod.WorkingDays((int)Value(CaseParameters.LeadVerification, lead)
            + (s.VerificationExtended ? (int)Value(CaseParameters.LeadVerificationExtension, lead) : 0));
    }

    /// <summary>The verification clock running again on <paramref name="date"/> (resumed, or ended by opening or declining the case), its pause banked.</summary>
    private PeriodPauses VerificationResumed(in CaseSnapshot s, LocalDate date) =>
        s.VerificationPauses.IsPaused ? Periods.Resume(s.LeadReceivedOn!.Value, VerificationPeriod(s), s.VerificationPauses, date) : s.VerificationPauses;

    /// <summary>The decision deadline as of <paramref name="asOf"/>: 90 days from opening plus extensions, not counting excluded time (running pause included).</summary>
    internal LegalDeadline DecisionDeadline(in CaseSnapshot s, LocalDate asOf) =>
        Periods.Deadline(s.OpenedOn!.Value, DecisionPeriod(s), s.DecisionPauses, asOf, RestDayRule.RollForward);

    private LegalPeriod DecisionPeriod(in CaseSnapshot s) =>
        LegalPeriod.Days((int)Value(CaseParameters.DecisionPeriod, s.OpenedOn!.Value) + s.ExtensionDays);

    /// <summary>The decision clock running again on <paramref name="date"/>, its pause banked.</summary>
    private CaseSnapshot Unpause(in CaseSnapshot s, LocalDate date) =>
        s.DecisionPauses.IsPaused ? s with { DecisionPauses = Periods.Resume(s.OpenedOn!.Value, DecisionPeriod(s), s.DecisionPauses, date) } : s;

    internal LocalDate DemandEarliest(in CaseSnapshot s) =>
        s.PaymentDueOn!.Value.PlusDays((int)Value(CaseParameters.EnforcementSurchargeDays, s.ServedOn!.Value) + 1);

    internal (LocalDate Opens, LocalDate Closes) EnforcementWindow(in CaseSnapshot s)
    {
        var served = s.ServedOn!.Value;
        var litigationEnds = Deadline(served, CaseParameters.LitigationPeriod, served).LastDay;
        // 行政处罚法第七十二条第二款: with a deferral or instalments approved, the period to apply to the court counts from
        // the end of the deferral — where that is later than the end of the litigation period (it never closes the window
        // before 行政强制法第五十三条 opens it).
        // Read without pattern variables, so that every mutant of the conditions compiles.
        var from = s.PaymentDeferred && s.PaymentDueOn is not null && s.PaymentDueOn.Value > litigationEnds ? s.PaymentDueOn.Value : litigationEnds;
        var closes = Deadline(from, CaseParameters.EnforcementApplicationWindow, served).LastDay;
        var opens = litigationEnds.PlusDays(1);
        if (s.DemandedOn is not null)
        {
            var afterDemand = Deadline(s.DemandedOn.Value, CaseParameters.EnforcementDemandWait, served).LastDay.PlusDays(1);
            if (afterDemand > opens)
            {
                opens = afterDemand;
            }
        }
        return (opens, closes);
    }

    /// <summary>加处罚款 on the fine as of <paramref name="asOf"/>: rate × fine per day after the due date, rounded half away from zero to the fen, never more than the fine.</summary>
    internal Money Surcharge(in CaseSnapshot s, LocalDate asOf)
    {
        // Read without pattern variables, so that every mutant of the condition compiles.
        if (s.PaymentDueOn is null || asOf <= s.PaymentDueOn.Value || s.Fine.Fen == 0)
        {
            return Money.Zero;
        }
        var due = s.PaymentDueOn.Value;
        var rate = Value(CaseParameters.LateSurchargeRate, due);
        var days = NodaTime.Period.DaysBetween(due, asOf);
        var fen = decimal.Round(s.Fine.Fen * rate * days, MidpointRounding.AwayFromZero);
        return Money.FromFen(fen >= s.Fine.Fen ? s.Fine.Fen : (long)fen);
    }

    /// <summary>The governing deadline of a state (the one an accepted transition reports), without the agenda.</summary>
    internal (CaseDeadlineKind Kind, LocalDate LastDay) NextDeadline(in CaseSnapshot s, LocalDate date)
    {
        var governing = new GoverningDeadline();
        Deadlines(s, date, ref governing);
        return (governing.Kind, governing.LastDay);
    }

    /// <summary>
    /// The one statement of which deadlines run in a state and which of them governs it. The hot path asks only for the
    /// governing one (<see cref="GoverningDeadline"/>: nothing else is computed and nothing allocated); the agenda asks
    /// for every running deadline as well (<see cref="Agenda"/>).
    /// </summary>
    internal void Deadlines<TSink>(in CaseSnapshot s, LocalDate asOf, ref TSink sink)
        where TSink : struct, IDeadlineSink
    {
        // Case labels listed one by one and conditions read without pattern variables: a mutant of an `or` pattern in a
        // label, or of a condition declaring a variable, does not compile and drops every mutant of the method.
        switch (s.State)
        {
            case CaseState.UnderVerification:
            case CaseState.VerificationPaused:
                {
                    var verification = VerificationDeadline(s, asOf);
                    sink.Governs(CaseDeadlineKind.LeadVerification, verification.LastDay);
                    if (sink.WantsAll)
                    {
                        sink.Runs(Running(CaseDeadlineKind.LeadVerification, verification, CaseCitations.LeadVerification, asOf, s.State == CaseState.VerificationPaused));
                        // A continuing act has no limitation running yet (行政处罚法第三十六条第二款).
                        if (s.ActDate is not null && !s.ActContinuing)
                        {
                            var end = s.ActEndedOn ?? s.ActDate.Value;
                            var last = LimitationLastDay(s, end);
                            sink.Runs(new CaseDeadline(CaseDeadlineKind.Limitation, end, last, LegalTime.EndOfDay(last), asOf > last, false, CaseCitations.Limitation));
                        }
                    }
                    break;
                }
            case CaseState.Investigation:
            case CaseState.Suspended:
            case CaseState.InvestigationConcluded:
            case CaseState.LegalReview:
            case CaseState.LegalReviewCompleted:
            case CaseState.Notified:
            case CaseState.HearingRequested:
            case CaseState.HearingScheduled:
            case CaseState.HearingHeld:
            case CaseState.CollectiveDiscussed:
                {
                    // The decision period runs in every state of the investigation; it governs unless a shorter period of
                    // the state does (legal review, statement and defence, the hearing) or its clock stands still
                    // (suspension, a hearing requested but not yet scheduled).
                    var own = s.State == CaseState.LegalReview || s.State == CaseState.Notified || s.State == CaseState.HearingScheduled;
                    var stopped = s.State == CaseState.Suspended || s.State == CaseState.HearingRequested;
                    if ((!own && !stopped) || sink.WantsAll)
                    {
                        var decision = DecisionDeadline(s, asOf);
                        if (!own && !stopped)
                        {
                            sink.Governs(CaseDeadlineKind.Decision, decision.LastDay);
                        }
                        if (sink.WantsAll)
                        {
                            sink.Runs(new CaseDeadline(CaseDeadlineKind.Decision, s.OpenedOn!.Value, decision.LastDay, decision.ExpiresAt, asOf > decision.LastDay,
                                s.DecisionPauses.IsPaused, CaseCitations.DecisionPeriod));
                        }
                    }
                    if (s.State == CaseState.LegalReview)
                    {
                        var review = Deadline(s.LegalReviewStartedOn!.Value, CaseParameters.LegalReview, s.LegalReviewStartedOn.Value);
                        sink.Governs(CaseDeadlineKind.LegalReview, review.LastDay);
                        if (sink.WantsAll)
                        {
                            sink.Runs(Running(CaseDeadlineKind.LegalReview, review, CaseCitations.LegalReviewPeriod, asOf));
                        }
                    }
                    else if (s.State == CaseState.Notified)
                    {
                        // The party's period to state, defend and (in the hearing scope) ask for a hearing: the case
                        // waits for the later of the two, which governs under the name of the statement period.
                        var notice = s.NoticeServedOn!.Value;
                        var statement = Deadline(notice, CaseParameters.StatementPeriod, notice);
                        var end = statement;
                        if (sink.WantsAll)
                        {
                            sink.Runs(Running(CaseDeadlineKind.StatementAndDefence, statement, CaseCitations.StatementPeriod, asOf));
                        }
                        if (s.InHearingScope)
                        {
                            var hearing = Deadline(notice, CaseParameters.HearingRequest, notice);
                            if (hearing.ExpiresAt > end.ExpiresAt)
                            {
                                end = hearing;
                            }
                            if (sink.WantsAll)
                            {
                                sink.Runs(Running(CaseDeadlineKind.HearingRequest, hearing, CaseCitations.Hearing, asOf));
                            }
                        }
                        sink.Governs(CaseDeadlineKind.StatementAndDefence, end.LastDay);
                    }
                    else if (s.State == CaseState.HearingScheduled)
                    {
                        var hearingDate = s.HearingDate!.Value;
                        sink.Governs(CaseDeadlineKind.Hearing, hearingDate);
                        if (sink.WantsAll)
                        {
                            sink.Runs(new CaseDeadline(CaseDeadlineKind.Hearing, s.HearingRequestedOn!.Value, hearingDate, LegalTime.EndOfDay(hearingDate),
                                asOf > hearingDate, false, CaseCitations.Hearing));
                        }
                    }
                    break;
                }
            case CaseState.Decided:
                Both(ref sink, CaseDeadlineKind.Service, Deadline(s.DecidedOn!.Value, CaseParameters.Service, s.DecidedOn.Value), CaseCitations.Service, asOf);
                break;
            case CaseState.Execution:
            case CaseState.SummaryDecided:
                if (s.PaymentDueOn is null)
                {
                    break;
                }
                var due = s.PaymentDueOn.Value;
                sink.Governs(CaseDeadlineKind.Payment, due);
                if (sink.WantsAll)
                {
                    sink.Runs(new CaseDeadline(CaseDeadlineKind.Payment, s.ServedOn!.Value, due, LegalTime.EndOfDay(due), asOf > due, false, CaseCitations.Payment));
                    if (s.State == CaseState.Execution)
                    {
                        var demand = DemandEarliest(s);
                        if (s.DemandedOn is null)
                        {
                            // Not a period that can be missed: the earliest day a demand may be made.
                            sink.Runs(new CaseDeadline(CaseDeadlineKind.EnforcementDemand, due, demand, LegalTime.StartOfDay(demand), false, false, CaseCitations.Enforcement));
                        }
                        var (opens, closes) = EnforcementWindow(s);
                        sink.Runs(new CaseDeadline(CaseDeadlineKind.EnforcementApplication, opens, closes, LegalTime.EndOfDay(closes), asOf > closes, false,
                            s.PaymentDeferred ? CaseCitations.DeferredEnforcement : CaseCitations.Enforcement));
                    }
                }
                break;
            case CaseState.TransferPendingApproval:
                Both(ref sink, CaseDeadlineKind.TransferApproval, Deadline(LegalTime.DateOf(s.TransferReportedAt!.Value), CaseParameters.TransferApproval, asOf), CaseCitations.Transfer, asOf);
                break;
            case CaseState.TransferApproved:
                Both(ref sink, CaseDeadlineKind.TransferDelivery, Periods.Deadline(s.TransferApprovedAt!.Value, Period(CaseParameters.TransferDelivery, asOf)), CaseCitations.Transfer, asOf);
                break;
            case CaseState.AwaitingPoliceDecision:
                Both(ref sink, CaseDeadlineKind.PoliceDecision, Deadline(LegalTime.DateOf(s.TransferredAt!.Value), CaseParameters.PoliceDecision, asOf), CaseCitations.Transfer, asOf);
                break;
            case CaseState.PoliceDeclined:
                Both(ref sink, CaseDeadlineKind.ReconsiderationRequest, Deadline(LegalTime.DateOf(s.PoliceDeclinedAt!.Value), CaseParameters.ReconsiderationRequest, asOf), CaseCitations.Transfer, asOf);
                break;
            case CaseState.AwaitingReconsideration:
                Both(ref sink, CaseDeadlineKind.ReconsiderationDecision, Deadline(LegalTime.DateOf(s.ReconsiderationRequestedAt!.Value), CaseParameters.ReconsiderationDecision, asOf), CaseCitations.Transfer, asOf);
                break;
            case CaseState.PoliceAccepted:
                Both(ref sink, CaseDeadlineKind.FilesHandOver, Deadline(LegalTime.DateOf(s.PoliceAcceptedAt!.Value), CaseParameters.FilesHandOver, asOf), CaseCitations.Transfer, asOf);
                break;
        }
        // Publication (within 7 working days of the decision) runs beside the state's own deadlines and never governs.
        if (sink.WantsAll && s.Decision == CaseDecisionKind.Penalty && Published(s) && s.PublishedOn is null && s.State != CaseState.Closed)
        {
            var publication = policy.TryResolve(CaseParameters.Publication, s.DecidedOn!.Value, jurisdiction);
            if (publication is not null)
            {
                sink.Runs(Running(CaseDeadlineKind.Publication, Deadline(s.DecidedOn.Value, CaseParameters.Publication, s.DecidedOn.Value), publication.Citation, asOf));
            }
        }
    }

    private static void Both<TSink>(ref TSink sink, CaseDeadlineKind kind, LegalDeadline deadline, Citation citation, LocalDate asOf)
        where TSink : struct, IDeadlineSink
    {
        sink.Governs(kind, deadline.LastDay);
        if (sink.WantsAll)
        {
            sink.Runs(Running(kind, deadline, citation, asOf));
        }
    }

    private static CaseDeadline Running(CaseDeadlineKind kind, LegalDeadline deadline, Citation citation, LocalDate asOf, bool paused = false) =>
        new(kind, deadline.Trigger, deadline.LastDay, deadline.ExpiresAt, asOf > deadline.LastDay, paused, citation);

    /// <summary>Where <see cref="Deadlines"/> reports: the governing deadline, and every running one when <see cref="WantsAll"/>.</summary>
    internal interface IDeadlineSink
    {
        /// <summary>Whether every running deadline is wanted (the agenda), not only the governing one.</summary>
        bool WantsAll { get; }

        /// <summary>The deadline that governs the state.</summary>
        void Governs(CaseDeadlineKind kind, LocalDate lastDay);

        /// <summary>A running deadline; called only when <see cref="WantsAll"/>.</summary>
        void Runs(CaseDeadline deadline);
    }

    /// <summary>The hot path's sink: the governing deadline alone.</summary>
    internal struct GoverningDeadline : IDeadlineSink
    {
        public CaseDeadlineKind Kind;
        public LocalDate LastDay;

        public readonly bool WantsAll => false;

        public void Governs(CaseDeadlineKind kind, LocalDate lastDay)
        {
            Kind = kind;
            LastDay = lastDay;
        }

        public readonly void Runs(CaseDeadline deadline)
        {
        }
    }

    /// <summary>The agenda's sink: every running deadline, in the order stated.</summary>
    internal readonly struct Agenda(System.Collections.Immutable.ImmutableArray<CaseDeadline>.Builder deadlines) : IDeadlineSink
    {
        public bool WantsAll => true;

        public void Governs(CaseDeadlineKind kind, LocalDate lastDay)
        {
        }

        public void Runs(CaseDeadline deadline) => deadlines.Add(deadline);
    }

    internal LegalDeadline Deadline(LocalDate trigger, ParameterDefinition parameter, LocalDate asOf) => Periods.Deadline(trigger, Period(parameter, asOf), RestDayRule.RollForward);

    internal ParameterValue Resolve(ParameterDefinition parameter, LocalDate asOf) => policy.TryResolve(parameter, asOf, jurisdiction) ?? throw Missing;

    internal LegalPeriod Period(ParameterDefinition parameter, LocalDate asOf) => Resolve(parameter, asOf).AsPeriod();

    private decimal Value(ParameterDefinition parameter, LocalDate asOf) => Resolve(parameter, asOf).Value;

    // The one place an accepted transition is built: the event counted, its instant kept, the governing deadline set.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private CaseTransition Accept(in CaseSnapshot before, in CaseEvent e, LocalDate date, in CaseSnapshot after)
    {
        // The governing deadline never reads the event count or instant, so it is computed on `after` itself: one copy
        // of the snapshot fewer than building the counted snapshot first.
        var (kind, last) = NextDeadline(after, date);
        return new CaseTransition
        {
            From = before.State, Event = e, Snapshot = after with { EventCount = before.EventCount + 1, LastEventAt = e.At },
            NextDeadlineKind = kind, NextDeadline = last,
        };
    }

    private static CaseTransition Reject(in CaseSnapshot s, in CaseEvent e, CaseRejectionCode code, LocalDate? date = null, Money? amount = null, LocalizedText? text = null,
        LegalPeriod? period = null) =>
        new() { From = s.State, Event = e, Snapshot = s, Rejection = code, LimitDate = date, LimitAmount = amount, LimitText = text, LimitPeriod = period };

    // What a rejection names (the missing fact, the limit that applies), in both languages: the Chinese text names the
    // member in 「」 as the caller spells it, the English text has no Chinese. Lengths of periods are not repeated here:
    // they come from the parameters in force, and the templates cite the article.
    private static class Facts
    {
        public static readonly LocalizedText ActDate = new("「date」（违法行为发生日）", "date (the date of the act)");
        public static readonly LocalizedText ActEnd = new("「actEnd」（违法行为终了日不得早于发生日）", "actEnd (the end of the act may not precede its start)");
        public static readonly LocalizedText ExcludedPauses = new("检测、检验、检疫、鉴定以及权利人辨认或者鉴别", "testing, inspection, quarantine, appraisal or identification by the right holder");
        public static readonly LocalizedText IntendedFine = new("「amount」（拟罚款数额）", "amount (the intended fine)");
        public static readonly LocalizedText HearingPerson = new("对自然人的罚款默认须达一万元", "a fine on a person of 10,000 yuan or more by default");
        public static readonly LocalizedText HearingOrganisation = new("对法人或其他组织的罚款默认须达十万元", "a fine on an organisation of 100,000 yuan or more by default");
        public static readonly LocalizedText HearingDate = new("「date」（听证日期）", "date (the hearing date)");
        public static readonly LocalizedText HeadExtensionUsed = new("负责人批准的延长已经用过，其后须集体讨论决定", "the head's extension was used; decide collectively");
        public static readonly LocalizedText HeadExtensionFixed = new("负责人批准的延长天数须与规定的天数一致", "the head's extension must have exactly the length the rules set");
        public static readonly LocalizedText CollectiveLength = new("集体讨论决定延长的，须确定延长的天数", "a collective extension must set its length in days");
        public static readonly LocalizedText HeadExtensionFirst = new("须先使用负责人批准的延长", "first use the head's extension");
        public static readonly LocalizedText Referral = new("「referral」（涉嫌犯罪移送的判断结果）", "referral (the criminal-referral decision)");
        public static readonly LocalizedText AlreadyPublished = new("已经公示过", "already published");
        public static readonly LocalizedText NotPublishable = new("不是普通程序作出的警告以外的行政处罚", "not an ordinary-procedure penalty beyond a warning");
        public static readonly LocalizedText NewDueDate = new("「date」（新的缴款期限）", "date (the new due date)");
        public static readonly LocalizedText Payment = new("「amount」（缴款数额）", "amount (the payment)");
        public static readonly LocalizedText NoDemand = new("尚未送达催告书", "no demand to perform was served yet");
        public static readonly LocalizedText ReconsiderationAsked = new("已经提请过复议", "reconsideration was already asked for");
        public static readonly LocalizedText Fine = new("「amount」（罚款数额）", "amount (the fine)");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal control flow for a parameter not in force.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Never escapes the controller.")]
    private sealed class ParameterMissing : Exception;
}
