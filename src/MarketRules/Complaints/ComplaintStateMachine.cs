using System.Collections.Immutable;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>Why <see cref="ComplaintStateMachine.Apply"/> refused an event.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<ComplaintRejection>))]
public enum ComplaintRejection
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The event is dated before the last one (<c>MR.Complaints.EventInPast</c>).</summary>
    EventInPast,

    /// <summary>The event is not allowed in the complaint's state (<c>MR.Complaints.IllegalTransition</c>).</summary>
    IllegalTransition,

    /// <summary>No complaint-handling order was in force on the receipt day (<c>MR.Complaints.NoOrderInForce</c>).</summary>
    NoOrderInForce,

    /// <summary>The day the harm was known is after the receipt day (<c>MR.Complaints.MissingFact</c>).</summary>
    HarmKnownAfterReceipt,

    /// <summary>The complaint limitation had run out on receipt: it must be refused on that ground (<c>MR.Complaints.LimitationExpired</c>).</summary>
    LimitationExpired,

    /// <summary>A refusal without grounds (<c>MR.Complaints.NoRefusalGround</c>).</summary>
    NoRefusalGround,

    /// <summary>A refusal ground the governing order does not list (<c>MR.Complaints.GroundNotInForce</c>).</summary>
    GroundNotInForce,

    /// <summary>The limitation ground does not hold (<c>MR.Complaints.GroundNotEstablished</c>).</summary>
    GroundNotEstablished,

    /// <summary>Mediation without both parties' consent (<c>MR.Complaints.ConsentRequired</c>).</summary>
    ConsentRequired,

    /// <summary>The mediation limit has run out (<c>MR.Complaints.MediationLimitExpired</c>).</summary>
    MediationLimitExpired,

    /// <summary>A pause the governing order does not exclude from the mediation limit (<c>MR.Complaints.PauseNotExcluded</c>).</summary>
    PauseNotExcluded,

    /// <summary>Mediation terminated because the limit elapsed before it had (<c>MR.Complaints.LimitNotElapsed</c>).</summary>
    LimitNotElapsed,

    /// <summary>A termination ground the governing order does not list (<c>MR.Complaints.EndGroundNotInForce</c>).</summary>
    EndGroundNotInForce,

    /// <summary>A clue found while one is already being verified (<c>MR.Complaints.ClueNotApplicable</c>).</summary>
    ClueAlreadyVerified,

    /// <summary>A clue extended or resolved while none is being verified (<c>MR.Complaints.ClueNotApplicable</c>).</summary>
    NoClueVerified,

    /// <summary>An extension of the clue verification not allowed: a second one, too late, or without the head's approval where needed (<c>MR.Complaints.ClueExtensionNotAllowed</c>).</summary>
    ClueExtensionNotAllowed,

    /// <summary>A dispute opened while one is open (<c>MR.Complaints.DisputeNotApplicable</c>).</summary>
    DisputeAlreadyOpen,

    /// <summary>A dispute settled while none is open (<c>MR.Complaints.DisputeNotApplicable</c>).</summary>
    NoDisputeOpen,

    /// <summary>A date outside the statutory calendar or a parameter not in force on it (the kernel's coded error).</summary>
    Failed,
}

/// <summary>
/// The decision on one event of a complaint: accepted with what the event changes (the new snapshot is made by
/// <see cref="ApplyTo"/>), or refused with a code and the facts its message needs. A small value: neither an accepted
/// nor a refused event allocates; the bilingual <see cref="RuleError"/> of a refusal is made when asked for
/// (<see cref="Error"/>, <see cref="ToRuleError"/>).
/// </summary>
/// <remarks>
/// <para>The decision holds what the event changes, not a copy of the snapshot, so deciding copies little
/// (<see cref="ComplaintStateMachine.Apply"/> is the hot path). Apply it to the snapshot it was decided on:
/// <c>snapshot = transition.ApplyTo(snapshot)</c>.</para>
/// <para>The default value of this type is not a decision of the machine: <see cref="ApplyTo"/> refuses it.</para>
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit] // every local is assigned before use: only the frame's zeroing is skipped
public readonly record struct ComplaintTransition
{
    // An accepted event, made in place (an initialiser would zero the decision first).
    internal ComplaintTransition(ComplaintState from, ComplaintState to, ComplaintEventKind kind, Instant at, LocalDate on, ComplaintOrder order)
    {
        From = from;
        To = to;
        EventKind = kind;
        EventAt = at;
        EventOn = on;
        Order = order;
    }

    /// <summary>The event was accepted.</summary>
    public bool Accepted => Rejection == ComplaintRejection.None && To != ComplaintState.None;

    /// <summary>The state before the event.</summary>
    public ComplaintState From { get; init; }

    /// <summary>The state after the event (<see cref="From"/> when refused).</summary>
    public ComplaintState To { get; init; }

    /// <summary>The event's kind.</summary>
    public ComplaintEventKind EventKind { get; init; }

    /// <summary>The event's instant.</summary>
    public Instant EventAt { get; init; }

    /// <summary>The event's legal day (Asia/Shanghai).</summary>
    public LocalDate EventOn { get; init; }

    /// <summary>The governing order after the event (chosen by the receipt day).</summary>
    public ComplaintOrder Order { get; init; }

    /// <summary>Why the event was refused, or <see cref="ComplaintRejection.None"/>.</summary>
    public ComplaintRejection Rejection { get; init; }

    /// <summary>The day a refusal refers to: the mediation limit's or the limitation's last day, the receipt day without an order.</summary>
    public LocalDate? LimitDate { get; init; }

    /// <summary>The period a refusal states (the limitation), as the parameter in force sets it.</summary>
    public LegalPeriod? LimitPeriod { get; init; }

    /// <summary>A number a refusal states: the refusal ground not listed (<see cref="ComplaintRefusalGround"/> value), or the clue extension in working days.</summary>
    public int Value { get; init; }

    // What the accepted event records beyond its state, day and count (read by ApplyTo).
    internal LocalDate? HarmKnownOn { get; init; }

    internal ComplaintRefusalGrounds RefusalGrounds { get; init; }

    internal PeriodPauses MediationPauses { get; init; }

    internal MediationPause Pause { get; init; }

    internal MediationEndGround EndGround { get; init; }

    internal bool CaseOpened { get; init; }

    // The deadline the event closes (None when it closes none) and whether it closed it late.
    internal ComplaintDeadlineKind Closes { get; init; }

    internal bool ClosedLate { get; init; }

    // The snapshot's last event instant, which an EventInPast refusal states.
    internal Instant LastEventAt { get; init; }

    /// <summary>The kernel's error of a <see cref="ComplaintRejection.Failed"/> refusal.</summary>
    internal RuleError? Failure { get; init; }

    /// <summary>The new snapshot: the snapshot the event was decided on, with the event recorded (its state, instant and count, and what the event settles: the order, a decision's day, the grounds, the pauses, the deadline met or missed).</summary>
    /// <param name="snapshot">The snapshot this decision was made on.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the event was refused (the snapshot stays as it is), or for the default value.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="snapshot"/> is not in the state the event was decided in.</exception>
    [System.Diagnostics.Contracts.Pure]
    public ComplaintSnapshot ApplyTo(in ComplaintSnapshot snapshot)
    {
        // The default value (no state after it) is no decision: every accepted event moves to a state of the table.
        if (!Accepted)
        {
            throw new InvalidOperationException("Only an accepted event changes the complaint");
        }
        if (snapshot.State != From)
        {
            throw new ArgumentException("The event was decided on a complaint in another state", nameof(snapshot));
        }
        ref readonly var s = ref snapshot;
        var (count, at, to, date) = (s.EventCount + 1, EventAt, To, EventOn);
        // Every accepted event counts, is dated and moves to the row's state; the rest is what the event records. A switch
        // statement, each case returning its own copy: a switch expression's value went through a temporary.
        switch (EventKind)
        {
            case ComplaintEventKind.Received:
                return s with { EventCount = count, LastEventAt = at, State = to, Order = Order, ReceivedOn = date, HarmKnownOn = HarmKnownOn };
            case ComplaintEventKind.Accepted:
                return s with { EventCount = count, LastEventAt = at, State = to, DecidedOn = date, MetLog = Met(s), MissedLog = Missed(s) };
            case ComplaintEventKind.Refused:
                return s with
                {
                    EventCount = count, LastEventAt = at, State = to, DecidedOn = date, RefusalGroundSet = RefusalGrounds, DisputeSince = null,
                    MetLog = Met(s), MissedLog = Missed(s),
                };
            case ComplaintEventKind.JurisdictionDisputed:
                return s with { EventCount = count, LastEventAt = at, State = to, DisputeSince = date };
            case ComplaintEventKind.JurisdictionSettled:
                return s with { EventCount = count, LastEventAt = at, State = to, DisputeSince = null, MetLog = Met(s), MissedLog = Missed(s) };
            case ComplaintEventKind.MediationStarted:
                return s with { EventCount = count, LastEventAt = at, State = to, MediationStartedOn = date };
            case ComplaintEventKind.TestingStarted:
            case ComplaintEventKind.TestingEnded:
                return s with { EventCount = count, LastEventAt = at, State = to, MediationPauses = MediationPauses, Pause = Pause };
            case ComplaintEventKind.AgreementReached:
                return s with { EventCount = count, LastEventAt = at, State = to, AgreedOn = date, MetLog = Met(s), MissedLog = Missed(s) };
            case ComplaintEventKind.MediationTerminated:
                return s with
                {
                    EventCount = count, LastEventAt = at, State = to, EndedOn = date, EndGround = EndGround, MediationPauses = MediationPauses, Pause = Pause,
                };
            case ComplaintEventKind.TerminationNotified:
                return s with { EventCount = count, LastEventAt = at, State = to, NotifiedOn = date, MetLog = Met(s), MissedLog = Missed(s) };
            case ComplaintEventKind.ClueFound:
                return s with { EventCount = count, LastEventAt = at, State = to, ClueFoundOn = date, ClueExtended = false };
            case ComplaintEventKind.ClueVerificationExtended:
                return s with { EventCount = count, LastEventAt = at, State = to, ClueExtended = true };
            case ComplaintEventKind.ClueResolved:
                return s with
                {
                    EventCount = count, LastEventAt = at, State = to, ClueFoundOn = null, ClueExtended = false, CaseOpenedOnClue = s.CaseOpenedOnClue || CaseOpened,
                    MetLog = Met(s), MissedLog = Missed(s),
                };
            default:
                return s with { EventCount = count, LastEventAt = at, State = to };
        }
    }

    // The deadline logs with the deadline this event closes: met in time, or missed.
    private ComplaintDeadlineLog Met(in ComplaintSnapshot s) => Closes != ComplaintDeadlineKind.None && !ClosedLate ? s.MetLog.Add(Closes) : s.MetLog;

    private ComplaintDeadlineLog Missed(in ComplaintSnapshot s) => Closes != ComplaintDeadlineKind.None && ClosedLate ? s.MissedLog.Add(Closes) : s.MissedLog;

    /// <summary>The coded bilingual error of a refusal at <c>$.event</c>, made on each read; <see langword="null"/> when accepted.</summary>
    public RuleError? Error => Rejection == ComplaintRejection.None ? null : ToRuleError();

    /// <summary>The coded bilingual error of a refusal.</summary>
    /// <param name="path">The JSON path of the event, e.g. <c>$.event</c> or <c>$.history[3]</c>.</param>
    /// <returns>The error.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the event was accepted.</exception>
    [System.Diagnostics.Contracts.Pure]
    public RuleError ToRuleError(string? path = "$.event")
    {
        if (Rejection == ComplaintRejection.None)
        {
            throw new InvalidOperationException("An accepted event has no error");
        }
        var order = ComplaintStateMachine.OrderName(Order);
        var limit = (object?)LimitDate ?? "-";
        var period = LimitPeriod?.ToLocalizedText();
        var eventName = ComplaintLabels.Of(EventKind);
        return Rejection switch
        {
            ComplaintRejection.EventInPast => ComplaintErrors.EventInPast.Create(path, ("Event", eventName), ("Limit", LastEventAt)),
            ComplaintRejection.IllegalTransition => ComplaintErrors.IllegalTransition.Create(path, ("Event", eventName), ("State", ComplaintLabels.Of(From)),
                ("Allowed", AllowedIn(From))),
            ComplaintRejection.NoOrderInForce => ComplaintStateMachine.NoOrderInForce(path, LimitDate!.Value),
            ComplaintRejection.HarmKnownAfterReceipt => ComplaintErrors.MissingFact.Create(path, ("Event", eventName),
                ("Limit", new LocalizedText("知道权益受侵害之日不得晚于收到投诉之日", "the day the harm was known cannot be after the receipt date"))),
            ComplaintRejection.LimitationExpired => ComplaintErrors.LimitationExpired.Create(path, ("Limit", limit), ("Period", period)),
            ComplaintRejection.GroundNotEstablished => ComplaintErrors.GroundNotEstablished.Create(path, ("Limit", limit), ("Period", period)),
            ComplaintRejection.NoRefusalGround => ComplaintErrors.NoRefusalGround.Create(path, ("Limit", order)),
            ComplaintRejection.GroundNotInForce => ComplaintErrors.GroundNotInForce.Create(path, ("Ground", ComplaintLabels.Of((ComplaintRefusalGround)Value)), ("Limit", order)),
            ComplaintRejection.ConsentRequired => ComplaintErrors.ConsentRequired.Create(path, ("Limit", Order == ComplaintOrder.Order20
                ? new LocalizedText("《市场监督管理投诉举报处理暂行办法》第十六条", "Order 20 Art 16")
                : new LocalizedText("《市场监督管理投诉举报处理办法》第十八条", "Order 121 Art 18"))),
            ComplaintRejection.MediationLimitExpired => ComplaintErrors.MediationLimitExpired.Create(path, ("Limit", limit)),
            ComplaintRejection.LimitNotElapsed => ComplaintErrors.LimitNotElapsed.Create(path, ("Limit", limit)),
            ComplaintRejection.PauseNotExcluded => ComplaintErrors.PauseNotExcluded.Create(path, ("Pause", ComplaintLabels.Of(Pause)), ("Limit", order)),
            ComplaintRejection.EndGroundNotInForce => ComplaintErrors.EndGroundNotInForce.Create(path, ("Ground", ComplaintLabels.Of(EndGround)), ("Limit", order)),
            ComplaintRejection.ClueAlreadyVerified => ComplaintErrors.ClueNotApplicable.Create(path, ("Limit", new LocalizedText("已有线索正在核查", "a clue is already being verified"))),
            ComplaintRejection.NoClueVerified => ComplaintErrors.ClueNotApplicable.Create(path, ("Limit", new LocalizedText("没有正在核查的线索", "no clue is being verified"))),
            ComplaintRejection.ClueExtensionNotAllowed => ComplaintErrors.ClueExtensionNotAllowed.Create(path, ("Limit", limit), ("Extension", Value)),
            ComplaintRejection.DisputeAlreadyOpen => ComplaintErrors.DisputeNotApplicable.Create(path, ("Limit", new LocalizedText("已有管辖争议", "a dispute is already open"))),
            ComplaintRejection.NoDisputeOpen => ComplaintErrors.DisputeNotApplicable.Create(path, ("Limit", new LocalizedText("没有管辖争议", "no dispute is open"))),
            ComplaintRejection.Failed => Failure!.WithPath(path),
            _ => throw new InvalidOperationException("An accepted event has no error"),
        };
    }

    private static LocalizedText AllowedIn(ComplaintState state)
    {
        var allowed = ComplaintTransitionTable.AllowedEvents(state);
        return allowed.IsEmpty
            ? new LocalizedText("无", "none")
            : new LocalizedText(string.Join("、", allowed.Select(a => ComplaintLabels.Of(a).Chinese)), string.Join(", ", allowed.Select(a => ComplaintLabels.Of(a).English)));
    }
}

/// <summary>
/// A consumer complaint (投诉) as a pure state machine: from (snapshot, event) to a new snapshot with its deadlines, or
/// a coded rejection. The governing order (Order 20 or Order 121) is chosen by the day the complaint was received, and
/// every period is read as of that day and counted by the kernel's <see cref="PeriodCalculator"/>: working days on the
/// statutory calendar, appraisal and testing time excluded from the mediation limit, Order 121 Art 45 for its 60 days.
/// </summary>
/// <remarks>Thread-safe: immutable; one instance serves any number of complaints.</remarks>
[System.Runtime.CompilerServices.SkipLocalsInit] // every local is assigned before use: the decision's path does not zero its frame
public sealed class ComplaintStateMachine
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "complaint.transition/1";

    /// <summary>A machine under the law of a bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</summary>
    /// <param name="law">The parameters in force, the jurisdiction and the period calculator.</param>
    public ComplaintStateMachine(LawContext law)
    {
        Law = Preconditions.CheckNotNull(law);
        spans = InForceSpans<ComplaintLaw>.For(law, ComplaintLaw.Parameters, static (l, from) => new ComplaintLaw(l, from));
    }

    // The complaint parameters in force, per span of dates, resolved once per policy and jurisdiction: every period is
    // read as of the receipt day, and a decision reads its span instead of resolving each parameter per call.
    private readonly InForceSpans<ComplaintLaw> spans;

    /// <summary>The law the machine applies.</summary>
    public LawContext Law { get; }

    /// <summary>The policy.</summary>
    public PolicyContext Policy => Law.Policy;

    /// <summary>The bureau's jurisdiction.</summary>
    public Jurisdiction Jurisdiction => Law.Jurisdiction;

    /// <summary>The period calculator.</summary>
    public PeriodCalculator Periods => Law.Periods;

    /// <summary>Which order governs a complaint or report received on <paramref name="received"/>, with the parameter value that says so.</summary>
    /// <param name="received">The receipt date.</param>
    /// <returns>The order and its value, or <see langword="null"/> when none was in force.</returns>
    public (ComplaintOrder Order, ParameterValue Value)? GoverningOrder(LocalDate received)
    {
        // Read without pattern variables: Stryker guards each condition, a variable declared in one is then not
        // definitely assigned (CS0165) and the mutants of the method are dropped (here and in the methods below).
        var law = LawOn(received);
        return law.Order != ComplaintOrder.None ? (law.Order, law.Values[ComplaintLaw.GoverningOrder]!) : null;
    }

    /// <summary>Decides <paramref name="event"/> on <paramref name="current"/>: every guard of the governing order; never throws for bad facts.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The decision: accepted with the new state (the new snapshot is <c>transition.ApplyTo(current)</c>), or the rejection (path <c>$.event</c>).</returns>
    public ComplaintTransition Apply(in ComplaintSnapshot current, ComplaintEvent @event)
    {
        Preconditions.CheckNotNull(@event);
        // No try region here: the kernel's errors on the path (the calendar's range, a parameter not in force) come back
        // as values (ComplaintRejection.Failed), so the result is written straight into the caller's.
        return Guarded(current, @event);
    }

    /// <summary>Applies <paramref name="event"/> and explains it: the governing order and why, the transition, every running deadline and the parameters used.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The step, or the coded rejection.</returns>
    public RuleResult<ComplaintStep> Transition(in ComplaintSnapshot current, ComplaintEvent @event)
    {
        var result = Apply(current, @event);
        return result.Accepted
            ? RuleResult<ComplaintStep>.Success(new ComplaintStep(this, current, @event, result.ApplyTo(current)))
            : RuleResult<ComplaintStep>.Failure(result.ToRuleError());
    }

    /// <summary>The explanation of a step: the governing order and why, the transition, every running deadline and the parameters used.</summary>
    internal Explanation Explain(ComplaintStep step)
    {
        var current = step.Before;
        var @event = step.Event;
        var s = step.Snapshot;
        var date = LegalTime.DateOf(@event.At);
        var received = s.ReceivedOn!.Value;
        var builder = new ExplanationBuilder(RuleId, date, Law.JurisdictionCode);
        var governing = GoverningOrder(received)!.Value;
        builder.Use(governing.Value);
        builder.Add(ComplaintReasons.GoverningOrder.ToReason(governing.Value.Citation, GoverningOrderArguments(ComplaintSubject, received, s.Order)));
        var row = ComplaintTransitionTable.Find(current.State, @event.Kind)!;
        builder.Add(ComplaintReasons.Transition.ToReason(row.CitationUnder(s.Order),
            ("Event", ComplaintLabels.Of(@event.Kind)), ("From", ComplaintLabels.Of(current.State)), ("To", ComplaintLabels.Of(s.State))));
        foreach (var ground in s.State == ComplaintState.Refused && current.State != ComplaintState.Refused ? s.RefusalGrounds : [])
        {
            builder.Add(ComplaintReasons.RefusalGround.ToReason(row.CitationUnder(s.Order), ("Ground", ComplaintLabels.Of(ground))));
        }
        if (@event.Kind == ComplaintEventKind.MediationTerminated)
        {
            builder.Add(ComplaintReasons.EndGround.ToReason(row.CitationUnder(s.Order), ("Ground", ComplaintLabels.Of(s.EndGround))));
        }
        if (s.MissedLog.Length > current.MissedLog.Length)
        {
            var missed = s.Missed[^1];
            var closed = ClosedDeadline(current, missed);
            builder.Add(ComplaintReasons.DeadlineMissed.ToReason(closed.Citation, ("Deadline", ComplaintLabels.Of(missed)), ("Limit", closed.LastDay.LastDay)));
        }
        foreach (var d in step.Deadlines)
        {
            builder.Add(ComplaintReasons.DeadlineRuns.ToReason(d.Citation, ("Deadline", ComplaintLabels.Of(d.Kind)), ("Limit", d.LastDay), ("Excluded", d.ExcludedDays)));
            builder.Add(new ComputedDate(Kebab(d.Kind), ComplaintLabels.Of(d.Kind), d.LastDay) { From = d.From, ExpiresAt = d.ExpiresAt, Citation = d.Citation });
        }
        if (s.Order == ComplaintOrder.Order121)
        {
            var weekend = Resolve(ComplaintLaw.RollOnWeekend, received);
            builder.Use(weekend);
            builder.Add(ComplaintReasons.PeriodCounting.ToReasonKeepingEnglish(ComplaintCitations.Order121Periods,
                ("Rule", "《市场监督管理投诉举报处理办法》第四十五条", "Order 121 Art 45"),
                ("Weekend", weekend.Value == 1 ? "顺延" : "不顺延", weekend.Value == 1 ? "rolls forward" : "does not roll forward")));
        }
        foreach (var parameter in ParametersOf(s))
        {
            builder.Use(parameter);
        }
        return builder.Build(Kebab(s.State));
    }

    /// <summary>Rebuilds a complaint from its events; stops at the first rejected one (its path names the index).</summary>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The snapshot, or the first rejection.</returns>
    public RuleResult<ComplaintSnapshot> Replay(IEnumerable<ComplaintEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var snapshot = ComplaintSnapshot.Initial;
        var index = 0;
        foreach (var e in events)
        {
            var result = Apply(snapshot, e);
            if (!result.Accepted)
            {
                return RuleResult<ComplaintSnapshot>.Failure(result.ToRuleError($"$.history[{index}]"));
            }
            snapshot = result.ApplyTo(snapshot);
            index++;
        }
        return RuleResult<ComplaintSnapshot>.Success(snapshot);
    }

    /// <summary>The deadlines running for <paramref name="snapshot"/> on <paramref name="asOf"/>.</summary>
    /// <param name="snapshot">The complaint.</param>
    /// <param name="asOf">The day asked.</param>
    /// <returns>The deadlines, overdue ones marked.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when a deadline runs outside the statutory calendar.</exception>
    public ImmutableArray<ComplaintDeadline> Deadlines(in ComplaintSnapshot snapshot, LocalDate asOf)
    {
        var list = ImmutableArray.CreateBuilder<ComplaintDeadline>();
        void Add(ComplaintDeadlineKind kind, LegalDeadline d, Citation citation, bool paused = false) =>
            list.Add(new ComplaintDeadline(kind, d.Trigger, d.LastDay, d.ExpiresAt, asOf > d.LastDay, paused, d.ExcludedDays, citation));
        var s = snapshot;
        if (s.State == ComplaintState.Received)
        {
            var (d, c) = Deadline(s, AcceptanceClock(s));
            Add(ComplaintDeadlineKind.Acceptance, d, c);
        }
        if (s.DisputeSince is not null)
        {
            var (d, c) = Deadline(s, DisputeClock(s));
            Add(ComplaintDeadlineKind.JurisdictionDispute, d, c);
        }
        if (s.State is ComplaintState.Accepted or ComplaintState.Mediating or ComplaintState.MediationPaused)
        {
            var (d, c) = MediationDeadline(s, asOf);
            Add(ComplaintDeadlineKind.Mediation, d, c, s.State == ComplaintState.MediationPaused);
        }
        if (s.State == ComplaintState.MediationEnded)
        {
            var (d, c) = Deadline(s, NoticeClock(s));
            Add(ComplaintDeadlineKind.TerminationNotice, d, c);
        }
        if (s.ClueFoundOn is not null)
        {
            var (d, c) = Deadline(s, ClueClock(s));
            Add(ComplaintDeadlineKind.ClueVerification, d, c);
        }
        return list.ToImmutable();
    }

    private LegalPeriod LimitationPeriod(LocalDate received) => Period(ComplaintLaw.Limitation, received);

    /// <summary>The last day to file the complaint: 3 years from the day the harm was known, counted under the governing order.</summary>
    /// <param name="harmKnownOn">The day the complainant knew or should have known of the harm.</param>
    /// <param name="received">The receipt date, which chooses the order.</param>
    /// <returns>The last day.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when no order was in force on <paramref name="received"/>.</exception>
    public LocalDate LimitationLastDay(LocalDate harmKnownOn, LocalDate received)
    {
        // Read without pattern variables (see GoverningOrder).
        LocalDate lastDay;
        var error = TryLimitationLastDay(LawOn(received), harmKnownOn, received, out lastDay);
        if (error != null)
        {
            throw new InvalidRuleInputException(error);
        }
        return lastDay;
    }

    // The governing order as the texts name it: its number in Chinese, its title in English (the registry's entries),
    // never the JSON id ("order20") inside a Chinese sentence.
    internal static LocalizedText OrderName(ComplaintOrder order) => order switch
    {
        ComplaintOrder.Order20 => Order20Name,
        ComplaintOrder.Order121 => Order121Name,
        _ => new LocalizedText(((int)order).ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)order).ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    // No order governed the receipt day: the message names the first order and the day it took force from the catalogue
    // (the governing-order parameter's first value, the order's name from the registry), never a literal date.
    internal static RuleError NoOrderInForce(string? path, LocalDate received)
    {
        var first = ComplaintParameters.GoverningOrder.Values[0];
        return ComplaintErrors.NoOrderInForce.Create(path, ("Limit", received), ("First", OrderName((ComplaintOrder)(int)first.Value)), ("FirstInForce", first.EffectiveFrom));
    }

    // What the governing-order reason is about: a complaint (投诉) or a report (举报).
    internal static readonly LocalizedText ComplaintSubject = new("投诉", "complaint");
    internal static readonly LocalizedText ReportSubject = new("举报", "report");

    // The governing-order reason's values: the subject, the receipt day, the order, and Order 121 with its first day,
    // read from the registry (the template states no date).
    internal static (string Name, object? Value)[] GoverningOrderArguments(LocalizedText subject, LocalDate received, ComplaintOrder order) =>
    [
        ("Subject", subject), ("Received", received), ("Order", OrderName(order)), ("Newer", Order121Name),
        ("NewerInForce", LegalDocuments.ComplaintHandlingMeasures.InForceFrom!.Value),
    ];

    private static readonly LocalizedText Order20Name =
        new(LegalDocuments.ComplaintHandlingInterimMeasures.Number!, LegalDocuments.ComplaintHandlingInterimMeasures.Title.English);

    private static readonly LocalizedText Order121Name =
        new(LegalDocuments.ComplaintHandlingMeasures.Number!, LegalDocuments.ComplaintHandlingMeasures.Title.English);

    internal static string Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ComplaintTransition Reject(in ComplaintSnapshot s, ComplaintEvent e, ComplaintRejection why, LocalDate? limit = null, LegalPeriod? period = null, int value = 0) =>
        Refusal(s, e) with { Rejection = why, LimitDate = limit, LimitPeriod = period, Value = value };

    // A refusal: the snapshot stays, and the decision keeps what the refusal's message states of it and of the event.
    private static ComplaintTransition Refusal(in ComplaintSnapshot s, ComplaintEvent e) =>
        new(s.State, s.State, e.Kind, e.At, LegalTime.DateOf(e.At), s.Order) { LastEventAt = s.LastEventAt, Pause = e.Pause, EndGround = e.EndGround };

    // The kernel's coded error (a clock leaving the statutory calendar, a parameter not in force) as the refusal
    // ComplaintRejection.Failed. The checks on the path return these errors instead of throwing, so no try region sits
    // on the decision's path: one made the JIT copy the large result out of it on every event.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ComplaintTransition Failed(in ComplaintSnapshot s, ComplaintEvent e, RuleError error) =>
        Refusal(s, e) with { Rejection = ComplaintRejection.Failed, Failure = error };

    private ComplaintTransition Guarded(in ComplaintSnapshot s, ComplaintEvent e)
    {
        if (s.EventCount > 0 && e.At < s.LastEventAt)
        {
            return Reject(s, e, ComplaintRejection.EventInPast);
        }
        var row = ComplaintTransitionTable.Find(s.State, e.Kind);
        if (row is null)
        {
            return Reject(s, e, ComplaintRejection.IllegalTransition);
        }
        var date = LegalTime.DateOf(e.At);
        if (!Periods.Calendar.Covers(date))
        {
            return Failed(s, e, Periods.Calendar.OutOfRangeError(date));
        }
        // Every accepted event counts, is dated and moves to the row's state; each case makes the new snapshot from the
        // caller's in one step (the snapshot is a large value: a copy of a copy just written stalls on the store buffer).
        var to = row.To;
        // One method per event: each makes (and zeroes) only its own copies of the large snapshot, not every event's.
        // A switch statement, each case returning its method's result: each method then writes the caller's result
        // itself, where a switch expression's value went into a temporary and was copied out (~240 bytes) on every event.
        switch (e.Kind)
        {
            case ComplaintEventKind.Received:
                return OnReceived(s, e, date, to);
            case ComplaintEventKind.Accepted:
                return OnAccepted(s, e, date, to);
            case ComplaintEventKind.Refused:
                return OnRefused(s, e, date, to);
            case ComplaintEventKind.JurisdictionDisputed:
                return OnJurisdictionDisputed(s, e, date, to);
            case ComplaintEventKind.JurisdictionSettled:
                return OnJurisdictionSettled(s, e, date, to);
            case ComplaintEventKind.MediationStarted:
                return OnMediationStarted(s, e, date, to);
            case ComplaintEventKind.TestingStarted:
                return OnTestingStarted(s, e, date, to);
            case ComplaintEventKind.TestingEnded:
                return OnTestingEnded(s, e, date, to);
            case ComplaintEventKind.AgreementReached:
                return OnAgreementReached(s, e, date, to);
            case ComplaintEventKind.MediationTerminated:
                return OnMediationTerminated(s, e, date, to);
            case ComplaintEventKind.TerminationNotified:
                return OnTerminationNotified(s, e, date, to);
            case ComplaintEventKind.Closed:
                return OnClosed(s, e, date, to);
            case ComplaintEventKind.ClueFound:
                return OnClueFound(s, e, date, to);
            case ComplaintEventKind.ClueVerificationExtended:
                return OnClueVerificationExtended(s, e, date, to);
            case ComplaintEventKind.ClueResolved:
                return OnClueResolved(s, e, date, to);
            default:
                return Reject(s, e, ComplaintRejection.IllegalTransition);
        }
    }

    private ComplaintTransition OnReceived(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        var law = spans.Find(date);
        if (law.Order == ComplaintOrder.None)
        {
            return Reject(s, e, ComplaintRejection.NoOrderInForce, date);
        }
        // Read without pattern variables (see GoverningOrder).
        if (e.HarmKnownOn != null && e.HarmKnownOn.Value > date)
        {
            return Reject(s, e, ComplaintRejection.HarmKnownAfterReceipt);
        }
        // Counting the acceptance deadline now rejects a complaint whose clock would run off the calendar.
        var failure = TryLastDay(law, date, new Clock(date, ComplaintLaw.Acceptance), out _);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return new(s.State, to, e.Kind, e.At, date, law.Order) { HarmKnownOn = e.HarmKnownOn };
    }

    private ComplaintTransition OnAccepted(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        var received = s.ReceivedOn!.Value;
        var law = LawOn(received);
        // Read without pattern variables (see GoverningOrder).
        if (s.HarmKnownOn != null)
        {
            var harm = s.HarmKnownOn.Value;
            LocalDate last;
            var error = TryLimitationLastDay(law, harm, received, out last);
            if (error != null)
            {
                return Failed(s, e, error);
            }
            if (received > last)
            {
                return Reject(s, e, ComplaintRejection.LimitationExpired, last, LimitationPeriod(received));
            }
        }
        LocalDate due;
        var failure = TryLastDay(law, received, AcceptanceClock(s), out due);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        // The mediation limit runs from acceptance: counting it now rejects an acceptance whose limit would run off the calendar.
        var limit = TryMediationLastDay(law, received, date, s.Order, s.MediationPauses, date, out _);
        if (limit != null)
        {
            return Failed(s, e, limit);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.Acceptance, due);
    }

    private ComplaintTransition OnRefused(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (e.RefusalGrounds.IsDefaultOrEmpty)
        {
            return Reject(s, e, ComplaintRejection.NoRefusalGround);
        }
        var received = s.ReceivedOn!.Value;
        var law = LawOn(received);
        foreach (var ground in e.RefusalGrounds)
        {
            if (!RefusalGroundsUnder(s.Order).Contains(ground))
            {
                return Reject(s, e, ComplaintRejection.GroundNotInForce, value: (int)ground);
            }
            if (ground == ComplaintRefusalGround.LimitationExpired)
            {
                LocalDate? limit = null;
                // Read without pattern variables (see GoverningOrder).
                if (s.HarmKnownOn != null)
                {
                    var k = s.HarmKnownOn.Value;
                    LocalDate last;
                    var error = TryLimitationLastDay(law, k, received, out last);
                    if (error != null)
                    {
                        return Failed(s, e, error);
                    }
                    limit = last;
                }
                if (limit == null || received <= limit.Value)
                {
                    return Reject(s, e, ComplaintRejection.GroundNotEstablished, limit, LimitationPeriod(received));
                }
            }
        }
        LocalDate due;
        var failure = TryLastDay(law, received, AcceptanceClock(s), out due);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.Acceptance, due) with { RefusalGrounds = ComplaintRefusalGrounds.Of(e.RefusalGrounds) };
    }

    private ComplaintTransition OnJurisdictionDisputed(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (s.DisputeSince is not null)
        {
            return Reject(s, e, ComplaintRejection.DisputeAlreadyOpen);
        }
        var failure = TryLastDay(s, new Clock(date, ComplaintLaw.JurisdictionDispute), out _);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order);
    }

    private ComplaintTransition OnJurisdictionSettled(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (s.DisputeSince is null)
        {
            return Reject(s, e, ComplaintRejection.NoDisputeOpen);
        }
        LocalDate due;
        var failure = TryLastDay(s, DisputeClock(s), out due);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.JurisdictionDispute, due);
    }

    private ComplaintTransition OnMediationStarted(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (!e.BothPartiesConsent)
        {
            return Reject(s, e, ComplaintRejection.ConsentRequired);
        }
        LocalDate limit;
        var failure = TryMediationLastDay(s, date, out limit);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        if (date > limit)
        {
            return Reject(s, e, ComplaintRejection.MediationLimitExpired, limit);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order);
    }

    private ComplaintTransition OnTestingStarted(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (!PausesUnder(s.Order).Contains(e.Pause))
        {
            return Reject(s, e, ComplaintRejection.PauseNotExcluded);
        }
        LocalDate limit;
        var failure = TryMediationLastDay(s, date, out limit);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        if (date > limit)
        {
            return Reject(s, e, ComplaintRejection.MediationLimitExpired, limit);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order) { MediationPauses = s.MediationPauses.PausedOn(date), Pause = e.Pause };
    }

    private ComplaintTransition OnTestingEnded(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        var received = s.ReceivedOn!.Value;
        var law = LawOn(received);
        PeriodPauses pauses;
        var failure = TryUnpaused(law, s, date, out pauses);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        // The clock runs again: counting its limit now rejects an end of testing whose limit would run off the calendar.
        var limit = TryMediationLastDay(law, received, s.DecidedOn!.Value, s.Order, pauses, date, out _);
        if (limit != null)
        {
            return Failed(s, e, limit);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order) { MediationPauses = pauses, Pause = s.MediationPauses.IsPaused ? MediationPause.None : s.Pause };
    }

    private ComplaintTransition OnAgreementReached(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        LocalDate limit;
        var failure = TryMediationLastDay(s, date, out limit);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        if (date > limit)
        {
            return Reject(s, e, ComplaintRejection.MediationLimitExpired, limit);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.Mediation, limit);
    }

    private ComplaintTransition OnMediationTerminated(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (!EndGroundsUnder(s.Order).Contains(e.EndGround))
        {
            return Reject(s, e, ComplaintRejection.EndGroundNotInForce);
        }
        var law = LawOn(s.ReceivedOn!.Value);
        LocalDate limit;
        var failure = TryMediationLastDay(s, date, out limit);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        if (e.EndGround == MediationEndGround.LimitElapsed && date <= limit)
        {
            return Reject(s, e, ComplaintRejection.LimitNotElapsed, limit);
        }
        PeriodPauses pauses;
        var unpaused = TryUnpaused(law, s, date, out pauses);
        if (unpaused != null)
        {
            return Failed(s, e, unpaused);
        }
        var notice = TryLastDay(s, new Clock(date, ComplaintLaw.TerminationNotice), out _);
        if (notice != null)
        {
            return Failed(s, e, notice);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order)
        {
            EndGround = e.EndGround, MediationPauses = pauses, Pause = s.MediationPauses.IsPaused ? MediationPause.None : s.Pause,
        };
    }

    private ComplaintTransition OnTerminationNotified(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        LocalDate due;
        var failure = TryLastDay(s, NoticeClock(s), out due);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.TerminationNotice, due);
    }

    // Not inlined: inlined into the dispatch, its new snapshot went through two temporaries on its way out (the JIT's code).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ComplaintTransition OnClosed(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        return new(s.State, to, e.Kind, e.At, date, s.Order);
    }

    private ComplaintTransition OnClueFound(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (s.ClueFoundOn is not null)
        {
            return Reject(s, e, ComplaintRejection.ClueAlreadyVerified);
        }
        var failure = TryLastDay(s, new Clock(date, ComplaintLaw.ClueVerification), out _);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order);
    }

    private ComplaintTransition OnClueVerificationExtended(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (s.ClueFoundOn is null)
        {
            return Reject(s, e, ComplaintRejection.NoClueVerified);
        }
        var received = s.ReceivedOn!.Value;
        var law = LawOn(received);
        LocalDate current;
        var failure = TryLastDay(law, received, ClueClock(s), out current);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        // Read without pattern variables (see GoverningOrder).
        var needsApproval = law.Flag(ComplaintLaw.ClueExtensionNeedsApproval);
        if (needsApproval == null)
        {
            return Failed(s, e, ParameterError(ComplaintLaw.ClueExtensionNeedsApproval, received));
        }
        if (s.ClueExtended || date > current || (needsApproval.Value && !e.HeadApproved))
        {
            var extension = law.Periods[ComplaintLaw.ClueVerificationExtension];
            if (extension == null)
            {
                return Failed(s, e, ParameterError(ComplaintLaw.ClueVerificationExtension, received));
            }
            return Reject(s, e, ComplaintRejection.ClueExtensionNotAllowed, current, value: extension.Value.Length);
        }
        var extended = TryLastDay(law, received, new Clock(s.ClueFoundOn.Value, ComplaintLaw.ClueVerification, ComplaintLaw.ClueVerificationExtension), out _);
        if (extended != null)
        {
            return Failed(s, e, extended);
        }
        return new(s.State, to, e.Kind, e.At, date, s.Order);
    }

    private ComplaintTransition OnClueResolved(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to)
    {
        if (s.ClueFoundOn is null)
        {
            return Reject(s, e, ComplaintRejection.NoClueVerified);
        }
        LocalDate due;
        var failure = TryLastDay(s, ClueClock(s), out due);
        if (failure != null)
        {
            return Failed(s, e, failure);
        }
        return Closing(s, e, date, to, ComplaintDeadlineKind.ClueVerification, due) with { CaseOpened = e.CaseOpened };
    }

    /// <summary>The refusal grounds each order lists.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The grounds.</returns>
    public static ImmutableArray<ComplaintRefusalGround> RefusalGroundsUnder(ComplaintOrder order) => order switch
    {
        ComplaintOrder.Order20 => Order20RefusalGrounds,
        ComplaintOrder.Order121 => Order121RefusalGrounds,
        _ => [],
    };

    /// <summary>The termination grounds each order lists.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The grounds.</returns>
    public static ImmutableArray<MediationEndGround> EndGroundsUnder(ComplaintOrder order) => order switch
    {
        ComplaintOrder.Order20 => Order20EndGrounds,
        ComplaintOrder.Order121 => Order121EndGrounds,
        _ => [],
    };

    /// <summary>The kinds of time each order excludes from the mediation limit.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The pauses.</returns>
    public static ImmutableArray<MediationPause> PausesUnder(ComplaintOrder order) => order switch
    {
        ComplaintOrder.Order20 => Order20Pauses,
        ComplaintOrder.Order121 => Order121Pauses,
        _ => [],
    };

    // The lists are made once: the guards read them on every event.
    private static readonly ImmutableArray<ComplaintRefusalGround> Order20RefusalGrounds =
    [
        ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.HandledElsewhere, ComplaintRefusalGround.HandledByMediationOrganisation,
        ComplaintRefusalGround.NotConsumerDispute, ComplaintRefusalGround.LimitationExpired, ComplaintRefusalGround.MissingMaterials, ComplaintRefusalGround.OtherLegalGround,
    ];

    private static readonly ImmutableArray<ComplaintRefusalGround> Order121RefusalGrounds =
    [
        ComplaintRefusalGround.OutsideDutyOrAuthority, ComplaintRefusalGround.HandledElsewhere, ComplaintRefusalGround.NotConsumerDispute,
        ComplaintRefusalGround.LimitationExpired, ComplaintRefusalGround.MissingMaterials, ComplaintRefusalGround.FalseMaterials,
        ComplaintRefusalGround.IdentityNotVerified, ComplaintRefusalGround.OtherLegalGround,
    ];

    private static readonly ImmutableArray<MediationEndGround> Order20EndGrounds =
    [
        MediationEndGround.WithdrawnOrSettled, MediationEndGround.TestingFeesDisagreement, MediationEndGround.TestingLabDisagreement,
        MediationEndGround.NoShowOrRespondentRefused, MediationEndGround.NoAgreementPossible, MediationEndGround.LimitElapsed,
        MediationEndGround.RefusalGroundFound, MediationEndGround.OtherLegalGround,
    ];

    private static readonly ImmutableArray<MediationEndGround> Order121EndGrounds =
    [
        MediationEndGround.WithdrawnOrSettled, MediationEndGround.NoShowOrRespondentRefused, MediationEndGround.ComplainantRefused,
        MediationEndGround.NoAgreementPossible, MediationEndGround.TestingFeesDisagreement, MediationEndGround.LimitElapsed,
        MediationEndGround.RefusalGroundFound, MediationEndGround.FraudFound, MediationEndGround.PartyCeased, MediationEndGround.OtherLegalGround,
    ];

    private static readonly ImmutableArray<MediationPause> Order20Pauses = [MediationPause.Testing, MediationPause.Appraisal, MediationPause.VerificationOrInspection];

    private static readonly ImmutableArray<MediationPause> Order121Pauses = [MediationPause.Testing, MediationPause.Appraisal];

    // An accepted event that closes a deadline, met or missed (ApplyTo records it in the snapshot's logs).
    private static ComplaintTransition Closing(in ComplaintSnapshot s, ComplaintEvent e, LocalDate date, ComplaintState to, ComplaintDeadlineKind kind, LocalDate lastDay) =>
        new(s.State, to, e.Kind, e.At, date, s.Order) { Closes = kind, ClosedLate = date > lastDay };

    // The running pause ends: its days, from the day testing started to the day before this one, are banked on the
    // mediation clock (the kernel's error when the count leaves the calendar).
    private RuleError? TryUnpaused(ComplaintLaw law, in ComplaintSnapshot s, LocalDate date, out PeriodPauses pauses)
    {
        pauses = s.MediationPauses;
        if (!s.MediationPauses.IsPaused)
        {
            return null;
        }
        // Read without pattern variables (see GoverningOrder).
        var which = MediationParameter(s);
        var period = law.Periods[which];
        if (period == null)
        {
            return ParameterError(which, s.ReceivedOn!.Value);
        }
        LocalDate outside;
        if (Periods.TryResume(s.DecidedOn!.Value, period.Value, s.MediationPauses, date, out pauses, out outside))
        {
            return null;
        }
        return Periods.Calendar.OutOfRangeError(outside);
    }

    private (LegalDeadline LastDay, Citation Citation) ClosedDeadline(in ComplaintSnapshot before, ComplaintDeadlineKind kind) => kind switch
    {
        ComplaintDeadlineKind.Acceptance => Deadline(before, AcceptanceClock(before)),
        ComplaintDeadlineKind.JurisdictionDispute => Deadline(before, DisputeClock(before)),
        ComplaintDeadlineKind.TerminationNotice => Deadline(before, NoticeClock(before)),
        ComplaintDeadlineKind.ClueVerification => Deadline(before, ClueClock(before)),
        _ => MediationDeadline(before, LegalTime.DateOf(before.LastEventAt)),
    };

    // The complaint law in force on a receipt day, from the table of spans resolved once per policy and jurisdiction.
    private ComplaintLaw LawOn(LocalDate received) => spans.Find(received);

    // A parameter's value in force on the receipt day; one the span lacks is resolved again, which raises its coded error.
    private ParameterValue Resolve(int which, LocalDate received) =>
        LawOn(received).Values[which] ?? Policy.Resolve(ComplaintLaw.Parameters[which], received, Jurisdiction);

    private LegalPeriod Period(int which, LocalDate received) =>
        LawOn(received).Periods[which] ?? Policy.Resolve(ComplaintLaw.Parameters[which], received, Jurisdiction).AsPeriod();

    // The coded error of a parameter the span lacks, returned on the decision's path instead of raised: not in force on
    // the receipt day, or (a policy value that is not a period) the error reading it as one raises, off the path.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private RuleError ParameterError(int which, LocalDate received)
    {
        var parameter = ComplaintLaw.Parameters[which];
        // Read without pattern variables (see GoverningOrder).
        var value = Policy.TryResolve(parameter, received, Jurisdiction);
        if (value == null)
        {
            return PolicyContext.NotInForceError(parameter, received);
        }
        try
        {
            _ = value.AsPeriod();
        }
        catch (MarketRulesException ex) when (!ex.Errors.IsEmpty)
        {
            return ex.Errors[0];
        }
        return KernelErrors.Unknown.Create(null);
    }

    /// <summary>A working-day clock of the complaint: the day it counts from, the parameter of its length and, for an
    /// extended clue verification, the parameter of the extension (-1 for none), all in force on the receipt day.</summary>
    private readonly record struct Clock(LocalDate Trigger, int Which, int Extension = -1);

    private static Clock AcceptanceClock(in ComplaintSnapshot s) => new(s.ReceivedOn!.Value, ComplaintLaw.Acceptance);

    private static Clock DisputeClock(in ComplaintSnapshot s) => new(s.DisputeSince!.Value, ComplaintLaw.JurisdictionDispute);

    private static Clock NoticeClock(in ComplaintSnapshot s) => new(s.EndedOn!.Value, ComplaintLaw.TerminationNotice);

    private static Clock ClueClock(in ComplaintSnapshot s) =>
        new(s.ClueFoundOn!.Value, ComplaintLaw.ClueVerification, s.ClueExtended ? ComplaintLaw.ClueVerificationExtension : -1);

    // The clock's length in working days under the law of the receipt day (the extension read first), or the coded
    // error of a parameter not in force.
    private RuleError? TryPeriod(ComplaintLaw law, Clock clock, LocalDate received, out LegalPeriod period)
    {
        period = default;
        var extra = 0;
        if (clock.Extension >= 0)
        {
            // Read without pattern variables (see GoverningOrder).
            var extension = law.Periods[clock.Extension];
            if (extension == null)
            {
                return ParameterError(clock.Extension, received);
            }
            extra = extension.Value.Length;
        }
        var own = law.Periods[clock.Which];
        if (own == null)
        {
            return ParameterError(clock.Which, received);
        }
        period = LegalPeriod.WorkingDays(own.Value.Length + extra);
        return null;
    }

    // A clock an event starts or closes is counted on the statutory calendar: a clock running off the calendar's years
    // refuses the event with the kernel's MR.Calendar.OutOfRange, instead of a later deadline query failing.
    private RuleError? TryLastDay(ComplaintLaw law, LocalDate received, Clock clock, out LocalDate lastDay)
    {
        lastDay = default;
        LegalPeriod period;
        var error = TryPeriod(law, clock, received, out period);
        if (error != null)
        {
            return error;
        }
        return Periods.TryLastDay(clock.Trigger, period, RestDayRule.RollForward, out lastDay) ? null : Periods.Calendar.OutOfRangeError(lastDay);
    }

    private RuleError? TryLastDay(in ComplaintSnapshot s, Clock clock, out LocalDate lastDay) =>
        TryLastDay(LawOn(s.ReceivedOn!.Value), s.ReceivedOn!.Value, clock, out lastDay);

    private (LegalDeadline Deadline, Citation Citation) Deadline(in ComplaintSnapshot s, Clock clock)
    {
        var received = s.ReceivedOn!.Value;
        LegalPeriod period;
        var error = TryPeriod(LawOn(received), clock, received, out period);
        if (error != null)
        {
            throw new InvalidRuleInputException(error);
        }
        return (Periods.Deadline(clock.Trigger, period), Resolve(clock.Which, received).Citation);
    }

    /// <summary>The mediation limit as of a day: the banked pauses plus, while testing runs, its days up to the day before.</summary>
    private (LegalDeadline Deadline, Citation Citation) MediationDeadline(in ComplaintSnapshot s, LocalDate asOf) =>
        (Count(s.DecidedOn!.Value, MediationPeriod(s), s.MediationPauses, asOf, s.Order, s.ReceivedOn!.Value), Resolve(MediationParameter(s), s.ReceivedOn!.Value).Citation);

    // The last day of the mediation limit as of a day (what the guards compare with): the same count, without the rest of the deadline.
    private RuleError? TryMediationLastDay(in ComplaintSnapshot s, LocalDate asOf, out LocalDate lastDay) =>
        TryMediationLastDay(LawOn(s.ReceivedOn!.Value), s.ReceivedOn!.Value, s.DecidedOn!.Value, s.Order, s.MediationPauses, asOf, out lastDay);

    private RuleError? TryMediationLastDay(ComplaintLaw law, LocalDate received, LocalDate decided, ComplaintOrder order, PeriodPauses pauses, LocalDate asOf, out LocalDate lastDay)
    {
        var which = order == ComplaintOrder.Order20 ? ComplaintLaw.MediationLimitWorkingDays : ComplaintLaw.MediationLimitDays;
        // Read without pattern variables (see GoverningOrder).
        var period = law.Periods[which];
        if (period == null)
        {
            lastDay = default;
            return ParameterError(which, received);
        }
        return TryCountLastDay(law, received, decided, period.Value, order, pauses, asOf, out lastDay);
    }

    // The last day of a period counted under the governing order, as Count computes it, without the rest of the
    // deadline (what the guards compare with), or the kernel's error when the count leaves the calendar.
    private RuleError? TryCountLastDay(ComplaintLaw law, LocalDate received, LocalDate trigger, LegalPeriod period, ComplaintOrder order, PeriodPauses pauses, LocalDate asOf, out LocalDate lastDay)
    {
        lastDay = default;
        bool rolls;
        var error = TryRollsForward(law, received, period, order, out rolls);
        if (error != null)
        {
            return error;
        }
        if (rolls)
        {
            return Periods.TryLastDay(trigger, period, pauses, asOf, RestDayRule.RollForward, out lastDay) ? null : Periods.Calendar.OutOfRangeError(lastDay);
        }
        return Periods.TryLastDay(trigger, period, pauses, asOf, RestDayRule.None, out lastDay) && TryAfterHolidays(lastDay, out lastDay)
            ? null
            : Periods.Calendar.OutOfRangeError(lastDay);
    }

    // The mediation limit in force on the receipt day: 45 working days under Order 20, 60 days under Order 121.
    private static int MediationParameter(in ComplaintSnapshot s) =>
        s.Order == ComplaintOrder.Order20 ? ComplaintLaw.MediationLimitWorkingDays : ComplaintLaw.MediationLimitDays;

    private LegalPeriod MediationPeriod(in ComplaintSnapshot s) => Period(MediationParameter(s), s.ReceivedOn!.Value);

    /// <summary>
    /// Counts a period under the governing order. Working days are the same under both. A period in days, months or
    /// years ends, under Order 20, on the next working day when its last day is a rest day (民法典 第二百零三条);
    /// under Order 121 Art 45, on the first day after a statutory holiday, and on an ordinary weekend as the
    /// <see cref="ComplaintParameters.RollOnWeekend"/> parameter says.
    /// </summary>
    private LegalDeadline Count(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate asOf, ComplaintOrder order, LocalDate received)
    {
        bool rolls;
        var error = TryRollsForward(LawOn(received), received, period, order, out rolls);
        if (error != null)
        {
            throw new InvalidRuleInputException(error);
        }
        if (rolls)
        {
            return Periods.Deadline(trigger, period, pauses, asOf, RestDayRule.RollForward);
        }
        var plain = Periods.Deadline(trigger, period, pauses, asOf, RestDayRule.None);
        // Read without an out variable in a conditional (see GoverningOrder).
        LocalDate last;
        if (!TryAfterHolidays(plain.NominalLastDay, out last))
        {
            throw Periods.Calendar.OutOfRange(last);
        }
        return new LegalDeadline(plain.Trigger, period, plain.NominalLastDay, last, plain.ExcludedDays, LegalTime.EndOfDay(last));
    }

    // The last day to file: the limitation counted from the day the harm was known under the governing order; a last
    // day beyond the calendar's years is the nominal one (before the calendar's first year a 3-year period ending on a
    // rest day can move by a few days only).
    private RuleError? TryLimitationLastDay(ComplaintLaw law, LocalDate harmKnownOn, LocalDate received, out LocalDate lastDay)
    {
        lastDay = default;
        if (law.Order == ComplaintOrder.None)
        {
            return NoOrderInForce(null, received);
        }
        // Read without pattern variables (see GoverningOrder).
        var period = law.Periods[ComplaintLaw.Limitation];
        if (period == null)
        {
            return ParameterError(ComplaintLaw.Limitation, received);
        }
        var nominal = harmKnownOn.PlusYears(period.Value.Length);
        if (!Periods.Calendar.Covers(nominal))
        {
            lastDay = nominal;
            return null;
        }
        return TryCountLastDay(law, received, harmKnownOn, period.Value, law.Order, PeriodPauses.None, harmKnownOn, out lastDay);
    }

    // Whether a period's last day on any rest day rolls to the next working day (Order 20; Order 121 when the weekend
    // reading says so; working days never end on a rest day).
    private RuleError? TryRollsForward(ComplaintLaw law, LocalDate received, LegalPeriod period, ComplaintOrder order, out bool rolls)
    {
        rolls = true;
        if (period.Unit == PeriodUnit.WorkingDays || order != ComplaintOrder.Order121)
        {
            return null;
        }
        // Read without pattern variables (see GoverningOrder).
        var flag = law.Flag(ComplaintLaw.RollOnWeekend);
        if (flag == null)
        {
            return ParameterError(ComplaintLaw.RollOnWeekend, received);
        }
        rolls = flag.Value;
        return null;
    }

    // Order 121 Art 45: a last day on a statutory holiday moves to the first day after it (false, with the day outside
    // the calendar, when it runs off the calendar's years).
    private bool TryAfterHolidays(LocalDate last, out LocalDate day)
    {
        day = last;
        while (true)
        {
            if (!Periods.Calendar.TryGetDayKind(day, out var kind))
            {
                return false;
            }
            if (kind != DayKind.HolidayRest)
            {
                return true;
            }
            day = day.PlusDays(1);
        }
    }

    // The complaint parameters in force from one date (indexes into Parameters), the governing order among them.
    private sealed class ComplaintLaw
    {
        internal const int GoverningOrder = 0, Acceptance = 1, MediationLimitWorkingDays = 2, MediationLimitDays = 3, TerminationNotice = 4,
            ClueVerification = 5, ClueVerificationExtension = 6, ClueExtensionNeedsApproval = 7, JurisdictionDispute = 8, Limitation = 9, RollOnWeekend = 10;

        internal static readonly ParameterDefinition[] Parameters =
        [
            ComplaintParameters.GoverningOrder, ComplaintParameters.Acceptance, ComplaintParameters.MediationLimitWorkingDays, ComplaintParameters.MediationLimitDays,
            ComplaintParameters.TerminationNotice, ComplaintParameters.ClueVerification, ComplaintParameters.ClueVerificationExtension,
            ComplaintParameters.ClueExtensionNeedsApproval, ComplaintParameters.JurisdictionDispute, ComplaintParameters.Limitation, ComplaintParameters.RollOnWeekend,
        ];

        internal ComplaintLaw(LawContext law, LocalDate from)
        {
            Values = new ParameterValue?[Parameters.Length];
            Periods = new LegalPeriod?[Parameters.Length];
            for (var i = 0; i < Parameters.Length; i++)
            {
                Values[i] = law.Policy.TryResolve(Parameters[i], from, law.Jurisdiction);
                Periods[i] = Values[i]?.TryAsPeriod();
            }
            // Read without pattern variables (see GoverningOrder).
            var order = Values[GoverningOrder];
            Order = order != null ? (ComplaintOrder)(int)order.Value : ComplaintOrder.None;
        }

        internal ParameterValue?[] Values { get; }

        internal LegalPeriod?[] Periods { get; }

        internal ComplaintOrder Order { get; }

        // A yes/no parameter (1 yes, 0 no), or null when none is in force.
        internal bool? Flag(int which)
        {
            // Read without pattern variables (see GoverningOrder).
            var value = Values[which];
            return value != null ? value.Value == 1 : null;
        }
    }

    private IEnumerable<ParameterValue> ParametersOf(in ComplaintSnapshot s)
    {
        var received = s.ReceivedOn!.Value;
        ParameterValue? Try(ParameterDefinition d) => Policy.TryResolve(d, received, Jurisdiction);
        var list = new List<ParameterValue?> { Try(ComplaintParameters.Acceptance) };
        if (s.HarmKnownOn is not null)
        {
            list.Add(Try(ComplaintParameters.Limitation));
        }
        if (s.State is ComplaintState.Accepted or ComplaintState.Mediating or ComplaintState.MediationPaused or ComplaintState.Agreed)
        {
            list.Add(Try(s.Order == ComplaintOrder.Order20 ? ComplaintParameters.MediationLimitWorkingDays : ComplaintParameters.MediationLimitDays));
        }
        if (s.State is ComplaintState.MediationEnded or ComplaintState.Closed && s.EndedOn is not null)
        {
            list.Add(Try(ComplaintParameters.TerminationNotice));
        }
        if (s.DisputeSince is not null)
        {
            list.Add(Try(ComplaintParameters.JurisdictionDispute));
        }
        if (s.ClueFoundOn is not null)
        {
            list.Add(Try(ComplaintParameters.ClueVerification));
            list.Add(Try(ComplaintParameters.ClueExtensionNeedsApproval));
            if (s.ClueExtended)
            {
                list.Add(Try(ComplaintParameters.ClueVerificationExtension));
            }
        }
        return list.OfType<ParameterValue>();
    }
}
