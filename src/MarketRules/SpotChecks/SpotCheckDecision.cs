using System.Diagnostics.Contracts;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;

namespace MarketRules.SpotChecks;

/// <summary>Why <see cref="SpotCheckStateMachine.Decide"/> refused an event.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SpotCheckRejection>))]
public enum SpotCheckRejection
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The event is not allowed in the lot's state (<c>MR.SpotChecks.IllegalTransition</c>).</summary>
    IllegalTransition,

    /// <summary>The event is dated before the last recorded one (<c>MR.SpotChecks.EventInPast</c>).</summary>
    EventInPast,

    /// <summary>Sales were already recorded as stopped (<c>MR.SpotChecks.AlreadyRecorded</c>).</summary>
    AlreadyRecorded,

    /// <summary>The re-test was asked for after its window closed (<c>MR.SpotChecks.RetestWindowClosed</c>).</summary>
    RetestWindowClosed,

    /// <summary>The second review falls before its window opens (<c>MR.SpotChecks.SecondReviewTooEarly</c>).</summary>
    SecondReviewTooEarly,

    /// <summary>Reorganisation ordered without a last day after the event (<c>MR.SpotChecks.ReorganisationPeriodRequired</c>).</summary>
    ReorganisationPeriodRequired,

    /// <summary>The review after reorganisation falls before the period ended (<c>MR.SpotChecks.ReorganisationNotEnded</c>).</summary>
    ReorganisationNotEnded,
}

/// <summary>
/// The decision on one event of a lot: accepted with the new state (the new lot is made by <see cref="ApplyTo"/>), or
/// refused with a code and the facts its message needs. Allocation-free; the bilingual <see cref="RuleError"/> of a
/// refusal is made only when asked for, by <see cref="ToRuleError"/>.
/// </summary>
/// <remarks>
/// <para>A small value without references: the decision holds what the event changes, not a copy of the lot, so
/// deciding copies and zeroes little (<see cref="SpotCheckStateMachine.Decide"/> is the hot path). Apply it to the lot
/// it was decided on: <c>lot = decision.ApplyTo(lot)</c>.</para>
/// <para>The default value of this type is not a decision of the machine: <see cref="ApplyTo"/> refuses it.</para>
/// </remarks>
public readonly record struct SpotCheckDecision
{
    // An accepted event, made in place (an initialiser would zero the decision first).
    internal SpotCheckDecision(SpotCheckState from, SpotCheckState to, SpotCheckEventKind kind, LocalDate on, LocalDate? until)
    {
        From = from;
        To = to;
        EventKind = kind;
        EventOn = on;
        Until = until;
    }

    /// <summary>The event was accepted.</summary>
    public bool Accepted => Rejection == SpotCheckRejection.None;

    /// <summary>The state before the event.</summary>
    public SpotCheckState From { get; init; }

    /// <summary>The state after the event (<see cref="From"/> when refused).</summary>
    public SpotCheckState To { get; init; }

    /// <summary>The event's kind.</summary>
    public SpotCheckEventKind EventKind { get; init; }

    /// <summary>The event's day.</summary>
    public LocalDate EventOn { get; init; }

    /// <summary>The event's <see cref="SpotCheckEvent.Until"/>: the last day of reorganisation a failed second review sets.</summary>
    public LocalDate? Until { get; init; }

    /// <summary>Why it was refused, or <see cref="SpotCheckRejection.None"/>.</summary>
    public SpotCheckRejection Rejection { get; init; }

    /// <summary>The day a refusal refers to: the last recorded event's day, the day sales were recorded as stopped, the
    /// re-test window's last day, the first day of the second-review window, the last day of reorganisation.</summary>
    public LocalDate? LimitDate { get; init; }

    /// <summary>The day the refused period runs from: the day the result was received (re-test window), the day of the announcement (second review).</summary>
    public LocalDate? LimitFrom { get; init; }

    /// <summary>The period a refusal states (the re-test window, the days after the announcement), as the parameter in force sets it.</summary>
    public LegalPeriod? LimitPeriod { get; init; }

    /// <summary>The new lot: the lot the event was decided on, with the event recorded (its state, day and count, the step's day, and the close reason or re-test cost bearer it settles).</summary>
    /// <param name="lot">The lot this decision was made on.</param>
    /// <returns>The new lot.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the event was refused (the lot stays as it is), or for the default value.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="lot"/> is not in the state the event was decided in.</exception>
    [Pure]
    public SpotCheckLot ApplyTo(in SpotCheckLot lot)
    {
        if (!Accepted || EventKind == SpotCheckEventKind.None)
        {
            throw new InvalidOperationException("Only an accepted event changes the lot");
        }
        if (lot.State != From)
        {
            throw new ArgumentException("The event was decided on a lot in another state", nameof(lot));
        }
        var (to, on, count) = (To, EventOn, lot.EventCount + 1);
        // Every accepted event sets the state, the day and the count; the rest is what the event records.
        return EventKind switch
        {
            SpotCheckEventKind.TestedConforming =>
                lot with { State = to, LastEventOn = on, EventCount = count, CloseReason = SpotCheckCloseReason.Conforming, ClosedOn = on },
            SpotCheckEventKind.TestedNonConforming => lot with { State = to, LastEventOn = on, EventCount = count, NonConformingOn = on },
            SpotCheckEventKind.ResultReceived => lot with { State = to, LastEventOn = on, EventCount = count, ResultReceivedOn = on },
            SpotCheckEventKind.SaleStopped => lot with { State = to, LastEventOn = on, EventCount = count, SaleStoppedOn = on },
            SpotCheckEventKind.RetestRequested => lot with { State = to, LastEventOn = on, EventCount = count, RetestRequestedOn = on },
            SpotCheckEventKind.RetestUpheld => lot with { State = to, LastEventOn = on, EventCount = count, RetestCost = RetestCostBearer.Applicant },
            SpotCheckEventKind.RetestOverturned => lot with
            {
                State = to, LastEventOn = on, EventCount = count, RetestCost = RetestCostBearer.OrganisingBureau,
                CloseReason = SpotCheckCloseReason.RetestOverturned, ClosedOn = on,
            },
            SpotCheckEventKind.RectificationOrdered => lot with { State = to, LastEventOn = on, EventCount = count, RectificationOrderedOn = on },
            SpotCheckEventKind.ReviewPassed => lot with
            {
                State = to, LastEventOn = on, EventCount = count, ReviewedOn = on, CloseReason = SpotCheckCloseReason.Rectified, ClosedOn = on,
            },
            SpotCheckEventKind.ReviewFailed => lot with { State = to, LastEventOn = on, EventCount = count, ReviewedOn = on },
            SpotCheckEventKind.Announced => lot with { State = to, LastEventOn = on, EventCount = count, AnnouncedOn = on },
            SpotCheckEventKind.SecondReviewPassed => lot with
            {
                State = to, LastEventOn = on, EventCount = count, SecondReviewedOn = on,
                CloseReason = SpotCheckCloseReason.RectifiedAfterAnnouncement, ClosedOn = on,
            },
            SpotCheckEventKind.SecondReviewFailed => lot with { State = to, LastEventOn = on, EventCount = count, SecondReviewedOn = on, ReorganisationUntil = Until },
            SpotCheckEventKind.ReorganisationReviewPassed => lot with
            {
                State = to, LastEventOn = on, EventCount = count, ClosedOn = on, CloseReason = SpotCheckCloseReason.RectifiedAfterReorganisation,
            },
            SpotCheckEventKind.ReorganisationReviewFailed => lot with
            {
                State = to, LastEventOn = on, EventCount = count, ClosedOn = on, CloseReason = SpotCheckCloseReason.BusinessLicenceRevoked,
            },
            _ => lot with { State = to, LastEventOn = on, EventCount = count },
        };
    }

    /// <summary>The coded bilingual error of a refusal, at JSON path <paramref name="path"/> (the member at fault appended: <c>.kind</c>, <c>.on</c> or <c>.until</c>).</summary>
    /// <param name="path">The JSON path of the event, e.g. <c>$.event</c>; <see langword="null"/> for none.</param>
    /// <returns>The error.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the event was accepted.</exception>
    [Pure]
    public RuleError ToRuleError(string? path = "$.event")
    {
        if (Accepted)
        {
            throw new InvalidOperationException("An accepted decision has no error");
        }
        var kind = EventKind;
        var on = EventOn;
        var at = path is null ? null : path + ".on";
        switch (Rejection)
        {
            case SpotCheckRejection.IllegalTransition:
                var allowed = SpotCheckTransitionTable.AllowedEvents(From);
                return SpotCheckErrors.IllegalTransition.CreateLocalized(path is null ? null : path + ".kind",
                    ("State", SpotCheckLabels.Of(From).Zh, SpotCheckLabels.Of(From).En),
                    ("Event", SpotCheckLabels.Of(kind).Zh, SpotCheckLabels.Of(kind).En),
                    ("Allowed", allowed.IsEmpty ? "无" : string.Join("、", allowed.Select(a => SpotCheckLabels.Of(a).Zh)),
                        allowed.IsEmpty ? "none" : string.Join(", ", allowed.Select(a => SpotCheckLabels.Of(a).En))));
            case SpotCheckRejection.EventInPast:
                return SpotCheckErrors.EventInPast.Create(at, ("Date", on), ("Last", LimitDate!.Value));
            case SpotCheckRejection.AlreadyRecorded:
                var stopped = LimitDate!.Value;
                return SpotCheckErrors.AlreadyRecorded.CreateLocalized(at, ("Event", SpotCheckLabels.Of(kind).Zh, SpotCheckLabels.Of(kind).En), ("Date", stopped, stopped));
            case SpotCheckRejection.RetestWindowClosed:
                var period = SpotCheckLabels.Of(LimitPeriod!.Value);
                var trigger = LimitFrom!.Value;
                var lastDay = LimitDate!.Value;
                return SpotCheckErrors.RetestWindowClosed.CreateLocalized(at, ("Date", on, on), ("From", trigger, trigger),
                    ("Period", period.Zh, period.En), ("LastDay", lastDay, lastDay));
            case SpotCheckRejection.SecondReviewTooEarly:
                return SpotCheckErrors.SecondReviewTooEarly.Create(at, ("Date", on), ("From", LimitFrom!.Value), ("Opens", LimitDate!.Value),
                    ("OpensAfter", LimitPeriod!.Value.Length));
            case SpotCheckRejection.ReorganisationPeriodRequired:
                return SpotCheckErrors.ReorganisationPeriodRequired.Create(path is null ? null : path + ".until", ("Date", on));
            case SpotCheckRejection.ReorganisationNotEnded:
                return SpotCheckErrors.ReorganisationNotEnded.Create(at, ("Until", LimitDate!.Value), ("Date", on));
            default:
                throw new InvalidOperationException("An accepted decision has no error");
        }
    }
}
