using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Referral;

/// <summary>A step of the transfer procedure of State Council Order 310 (rev. 2020).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.KebabCaseEnumConverter<ReferralStep>))]
public enum ReferralStep
{
    /// <summary>The head approves or refuses the transfer within 3 days of the report (Art 5).</summary>
    HeadApproval = 0,

    /// <summary>The agency transfers to the police within 24 hours of approval (Art 5).</summary>
    TransferToPolice = 1,

    /// <summary>The police decide whether to open a case within 3 days of receipt (Art 8).</summary>
    PoliceDecision = 2,

    /// <summary>The agency asks for reconsideration within 3 days of a refusal (Art 9).</summary>
    ReconsiderationRequest = 3,

    /// <summary>The police answer the request within 3 days (Art 9).</summary>
    ReconsiderationAnswer = 4,

    /// <summary>The agency asks the procuratorate to supervise within 3 days of a maintained refusal (Art 9).</summary>
    SupervisionRequest = 5,

    /// <summary>The agency hands over the items and files within 3 days of the police opening a case (Art 12).</summary>
    HandOver = 6,
}

/// <summary>The events of a transfer as they happened; later events stay <see langword="null"/> until they happen.</summary>
public sealed record ReferralTimeline
{
    /// <summary>When the special team's report reached the head (the decision to refer). Required: every deadline of the
    /// transfer counts from it.</summary>
    public required Instant ReportedToHead { get; init; }

    /// <summary>When the head approved the transfer.</summary>
    public Instant? Approved { get; init; }

    /// <summary>When the police received the transfer.</summary>
    public Instant? ReceivedByPolice { get; init; }

    /// <summary>When the agency was notified that the police refused to open a case.</summary>
    public Instant? RefusalNotified { get; init; }

    /// <summary>When the agency asked for reconsideration.</summary>
    public Instant? ReconsiderationRequested { get; init; }

    /// <summary>When the police answered, maintaining the refusal.</summary>
    public Instant? ReconsiderationAnswered { get; init; }

    /// <summary>When the police opened a case.</summary>
    public Instant? CaseOpened { get; init; }
}

/// <summary>A deadline of the transfer procedure.</summary>
/// <param name="Step">The step.</param>
/// <param name="Deadline">When it ends (calendar days rolled past rest days, or clock hours in Asia/Shanghai).</param>
/// <param name="Period">The period used, with its citation.</param>
/// <param name="CompletedAt">When the step was done, if it was.</param>
public sealed record ReferralDeadline(ReferralStep Step, LegalDeadline Deadline, ParameterValue Period, Instant? CompletedAt)
{
    /// <summary>Whether the step was done in time; <see langword="null"/> while it is pending.</summary>
    public bool? MetInTime => CompletedAt is { } done ? done < Deadline.ExpiresAt : null;
}

/// <summary>
/// The deadlines from the decision to refer to the hand-over (State Council Order 310, rev. 2020). Order 310 does
/// not say working days, so "3日" counts calendar days (moved past a last day that is a rest day, as the Civil Code
/// does) and "24小时" counts clock hours from the instant of approval (domain reference Q8).
/// </summary>
public static class ReferralTimetable
{
    /// <summary>Computes the deadlines of the steps whose triggering event is known.</summary>
    /// <param name="timeline">The events.</param>
    /// <param name="law">The law in force: the periods of the jurisdiction and the calendar they are counted on, the library's national law or a request's.</param>
    /// <returns>
    /// The deadlines in procedure order, or a coded error when an event precedes the one it follows
    /// (<c>MR.Referral.EventOutOfOrder</c>) or a deadline falls outside the calendar's years (<c>MR.Calendar.OutOfRange</c>).
    /// </returns>
    public static RuleResult<ImmutableArray<ReferralDeadline>> Compute(ReferralTimeline timeline, LawContext law)
    {
        Preconditions.CheckNotNull(timeline);
        Preconditions.CheckNotNull(law);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        Order(errors, timeline.ReportedToHead, "reportedToHead", timeline.Approved, "approved");
        Order(errors, timeline.Approved, "approved", timeline.ReceivedByPolice, "receivedByPolice");
        Order(errors, timeline.ReceivedByPolice, "receivedByPolice", timeline.RefusalNotified, "refusalNotified");
        Order(errors, timeline.ReceivedByPolice, "receivedByPolice", timeline.CaseOpened, "caseOpened");
        Order(errors, timeline.RefusalNotified, "refusalNotified", timeline.ReconsiderationRequested, "reconsiderationRequested");
        Order(errors, timeline.ReconsiderationRequested, "reconsiderationRequested", timeline.ReconsiderationAnswered, "reconsiderationAnswered");
        if (errors.Count > 0)
        {
            return RuleResult<ImmutableArray<ReferralDeadline>>.Failure(errors.ToImmutable());
        }
        var result = ImmutableArray.CreateBuilder<ReferralDeadline>();
        try
        {
            Add(ReferralStep.HeadApproval, ReferralThreshold.ApprovalDays, timeline.ReportedToHead, timeline.Approved);
            Add(ReferralStep.TransferToPolice, ReferralThreshold.TransferHours, timeline.Approved, timeline.ReceivedByPolice);
            Add(ReferralStep.PoliceDecision, ReferralThreshold.PoliceDecisionDays, timeline.ReceivedByPolice, timeline.RefusalNotified ?? timeline.CaseOpened);
            Add(ReferralStep.ReconsiderationRequest, ReferralThreshold.ReconsiderationRequestDays, timeline.RefusalNotified, timeline.ReconsiderationRequested);
            Add(ReferralStep.ReconsiderationAnswer, ReferralThreshold.ReconsiderationAnswerDays, timeline.ReconsiderationRequested, timeline.ReconsiderationAnswered);
            Add(ReferralStep.SupervisionRequest, ReferralThreshold.SupervisionRequestDays, timeline.ReconsiderationAnswered, null);
            Add(ReferralStep.HandOver, ReferralThreshold.HandOverDays, timeline.CaseOpened, null);
        }
        catch (MarketRulesException e)
        {
            // A date outside the calendar's years, or a period not in force on the trigger date: a coded error, never a throw.
            return RuleResult<ImmutableArray<ReferralDeadline>>.Failure(e.Errors);
        }
        return RuleResult<ImmutableArray<ReferralDeadline>>.Success(result.ToImmutable());

        void Add(ReferralStep step, ReferralThreshold parameter, Instant? trigger, Instant? completed)
        {
            if (trigger is not { } start)
            {
                return;
            }
            var period = law.Resolve(ReferralParameters.Of(parameter), LegalTime.DateOf(start));
            result.Add(new ReferralDeadline(step, law.Periods.Deadline(start, period.AsPeriod()), period, completed));
        }
    }

    private static void Order(ImmutableArray<RuleError>.Builder errors, Instant? previous, string previousName, Instant? next, string nextName)
    {
        if (previous is { } p && next is { } n && n < p)
        {
            errors.Add(ReferralErrors.EventOutOfOrder.Create("$.timeline." + nextName, ("Event", nextName), ("Previous", previousName)));
        }
    }
}
