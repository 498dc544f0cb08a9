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
/// The decision on one event of a lot: accepted with the new lot, or refused with a code and the lot unchanged.
/// Allocation-free; the bilingual <see cref="RuleError"/> of a refusal is made only when asked for, by <see cref="ToRuleError"/>.
/// </summary>
/// <remarks>The default value of this type is an accepted decision on a default lot; only the machine builds meaningful ones.</remarks>
public readonly record struct SpotCheckDecision
{
    /// <summary>The event was accepted.</summary>
    public bool Accepted => Rejection == SpotCheckRejection.None;

    /// <summary>The state before the event.</summary>
    public SpotCheckState From { get; init; }

    /// <summary>The event.</summary>
    public SpotCheckEvent? Event { get; init; }

    /// <summary>The new lot (the unchanged one when refused).</summary>
    public SpotCheckLot Lot { get; init; }

    /// <summary>Why it was refused, or <see cref="SpotCheckRejection.None"/>.</summary>
    public SpotCheckRejection Rejection { get; init; }

    /// <summary>The day a refusal refers to: the re-test window's last day, the first day of the second-review window.</summary>
    public LocalDate? LimitDate { get; init; }

    /// <summary>The period a refusal states (the re-test window, the days after the announcement), as the parameter in force sets it.</summary>
    public LegalPeriod? LimitPeriod { get; init; }

    /// <summary>The coded bilingual error of a refusal, at JSON path <paramref name="path"/> (the member at fault appended: <c>.kind</c>, <c>.on</c> or <c>.until</c>).</summary>
    /// <param name="path">The JSON path of the event, e.g. <c>$.event</c>; <see langword="null"/> for none.</param>
    /// <returns>The error.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the event was accepted.</exception>
    [Pure]
    public RuleError ToRuleError(string? path = "$.event")
    {
        var lot = Lot;
        var @event = Event ?? throw new InvalidOperationException("An accepted decision has no error");
        var on = @event.On;
        var at = path is null ? null : path + ".on";
        switch (Rejection)
        {
            case SpotCheckRejection.IllegalTransition:
                var allowed = SpotCheckTransitionTable.AllowedEvents(From);
                return SpotCheckErrors.IllegalTransition.CreateLocalized(path is null ? null : path + ".kind",
                    ("State", SpotCheckLabels.Of(From).Zh, SpotCheckLabels.Of(From).En),
                    ("Event", SpotCheckLabels.Of(@event.Kind).Zh, SpotCheckLabels.Of(@event.Kind).En),
                    ("Allowed", allowed.IsEmpty ? "无" : string.Join("、", allowed.Select(a => SpotCheckLabels.Of(a).Zh)),
                        allowed.IsEmpty ? "none" : string.Join(", ", allowed.Select(a => SpotCheckLabels.Of(a).En))));
            case SpotCheckRejection.EventInPast:
                return SpotCheckErrors.EventInPast.Create(at, ("Date", on), ("Last", lot.LastEventOn!.Value));
            case SpotCheckRejection.AlreadyRecorded:
                var stopped = lot.SaleStoppedOn!.Value;
                return SpotCheckErrors.AlreadyRecorded.CreateLocalized(at, ("Event", SpotCheckLabels.Of(@event.Kind).Zh, SpotCheckLabels.Of(@event.Kind).En), ("Date", stopped, stopped));
            case SpotCheckRejection.RetestWindowClosed:
                var period = SpotCheckLabels.Of(LimitPeriod!.Value);
                var trigger = lot.ResultReceivedOn!.Value;
                var lastDay = LimitDate!.Value;
                return SpotCheckErrors.RetestWindowClosed.CreateLocalized(at, ("Date", on, on), ("From", trigger, trigger),
                    ("Period", period.Zh, period.En), ("LastDay", lastDay, lastDay));
            case SpotCheckRejection.SecondReviewTooEarly:
                return SpotCheckErrors.SecondReviewTooEarly.Create(at, ("Date", on), ("From", lot.AnnouncedOn!.Value), ("Opens", LimitDate!.Value),
                    ("OpensAfter", LimitPeriod!.Value.Length));
            case SpotCheckRejection.ReorganisationPeriodRequired:
                return SpotCheckErrors.ReorganisationPeriodRequired.Create(path is null ? null : path + ".until", ("Date", on));
            case SpotCheckRejection.ReorganisationNotEnded:
                return SpotCheckErrors.ReorganisationNotEnded.Create(at, ("Until", lot.ReorganisationUntil!.Value), ("Date", on));
            default:
                throw new InvalidOperationException("An accepted decision has no error");
        }
    }
}
