using System.Collections.Immutable;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>The outcome of <see cref="ComplaintStateMachine.Apply"/>: the new snapshot, or the coded rejection with the snapshot unchanged. A value: an accepted event allocates nothing.</summary>
/// <param name="Snapshot">The new snapshot (the old one when rejected).</param>
/// <param name="Error">The rejection, or <see langword="null"/> when the event was accepted.</param>
public readonly record struct ComplaintTransition(ComplaintSnapshot Snapshot, RuleError? Error)
{
    /// <summary>The event was accepted.</summary>
    public bool Accepted => Error is null;
}

/// <summary>
/// A consumer complaint (投诉) as a pure state machine: from (snapshot, event) to a new snapshot with its deadlines, or
/// a coded rejection. The governing order (Order 20 or Order 121) is chosen by the day the complaint was received, and
/// every period is read as of that day and counted by the kernel's <see cref="PeriodCalculator"/>: working days on the
/// statutory calendar, appraisal and testing time excluded from the mediation limit, Order 121 Art 45 for its 60 days.
/// </summary>
/// <remarks>Thread-safe: immutable; one instance serves any number of complaints.</remarks>
public sealed class ComplaintStateMachine
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "complaint.transition/1";

    /// <summary>A machine under the law of a bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</summary>
    /// <param name="law">The parameters in force, the jurisdiction and the period calculator.</param>
    public ComplaintStateMachine(LawContext law) => Law = Preconditions.CheckNotNull(law);

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
    public (ComplaintOrder Order, ParameterValue Value)? GoverningOrder(LocalDate received) =>
        Policy.TryResolve(ComplaintParameters.GoverningOrder, received, Jurisdiction) is { } value
            ? ((ComplaintOrder)(int)value.Value, value)
            : null;

    /// <summary>Applies <paramref name="event"/> to <paramref name="current"/>; never throws for bad facts.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new snapshot, or the rejection (path <c>$.event</c>).</returns>
    public ComplaintTransition Apply(in ComplaintSnapshot current, ComplaintEvent @event)
    {
        Preconditions.CheckNotNull(@event);
        try
        {
            return Guarded(current, @event);
        }
        catch (MarketRulesException ex)
        {
            return new ComplaintTransition(current, ex.Errors.IsEmpty ? KernelErrors.Unknown.Create("$.event") : ex.Errors[0].WithPath("$.event"));
        }
    }

    /// <summary>Applies <paramref name="event"/> and explains it: the governing order and why, the transition, every running deadline and the parameters used.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The step, or the coded rejection.</returns>
    public RuleResult<ComplaintStep> Transition(in ComplaintSnapshot current, ComplaintEvent @event)
    {
        var result = Apply(current, @event);
        return result.Accepted
            ? RuleResult<ComplaintStep>.Success(new ComplaintStep(this, current, @event, result.Snapshot))
            : RuleResult<ComplaintStep>.Failure(result.Error!);
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
        builder.Add(ComplaintReasons.GoverningOrder.ToReason(governing.Value.Citation, ("Received", received), ("Order", OrderName(s.Order))));
        var row = ComplaintTransitionTable.Find(current.State, @event.Kind)!;
        builder.Add(ComplaintReasons.Transition.ToReason(row.CitationUnder(s.Order),
            ("Event", Kebab(@event.Kind)), ("From", Kebab(current.State)), ("To", Kebab(s.State))));
        foreach (var ground in s.State == ComplaintState.Refused && current.State != ComplaintState.Refused ? s.RefusalGrounds : [])
        {
            builder.Add(ComplaintReasons.RefusalGround.ToReason(row.CitationUnder(s.Order), ("Ground", Kebab(ground))));
        }
        if (@event.Kind == ComplaintEventKind.MediationTerminated)
        {
            builder.Add(ComplaintReasons.EndGround.ToReason(row.CitationUnder(s.Order), ("Ground", Kebab(s.EndGround))));
        }
        if (s.MissedLog.Length > current.MissedLog.Length)
        {
            var missed = s.Missed[^1];
            var closed = ClosedDeadline(current, missed);
            builder.Add(ComplaintReasons.DeadlineMissed.ToReason(closed.Citation, ("Deadline", Kebab(missed)), ("Limit", closed.LastDay.LastDay)));
        }
        foreach (var d in step.Deadlines)
        {
            builder.Add(ComplaintReasons.DeadlineRuns.ToReason(d.Citation, ("Deadline", Kebab(d.Kind)), ("Limit", d.LastDay), ("Excluded", d.ExcludedDays)));
            builder.Add(new ComputedDate(Kebab(d.Kind), new LocalizedText(Kebab(d.Kind), Kebab(d.Kind)), d.LastDay) { From = d.From, ExpiresAt = d.ExpiresAt, Citation = d.Citation });
        }
        if (s.Order == ComplaintOrder.Order121)
        {
            var weekend = Resolve(ComplaintParameters.RollOnWeekend, received);
            builder.Use(weekend);
            builder.Add(ComplaintReasons.PeriodCounting.ToLocalizedReason(ComplaintCitations.Order121Periods,
                ("Rule", "《市场监督管理投诉举报处理办法》第四十五条", "Order 121 Art 45"),
                ("Weekend", weekend.Value == 1 ? "顺延" : "不顺延", weekend.Value == 1 ? "rolls-forward" : "does-not-roll")));
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
                return RuleResult<ComplaintSnapshot>.Failure(result.Error!.WithPath($"$.history[{index}]"));
            }
            snapshot = result.Snapshot;
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
            var (d, c) = AcceptanceDeadline(s);
            Add(ComplaintDeadlineKind.Acceptance, d, c);
        }
        if (s.DisputeSince is not null)
        {
            var (d, c) = DisputeDeadline(s);
            Add(ComplaintDeadlineKind.JurisdictionDispute, d, c);
        }
        if (s.State is ComplaintState.Accepted or ComplaintState.Mediating or ComplaintState.MediationPaused)
        {
            var (d, c) = MediationDeadline(s, asOf);
            Add(ComplaintDeadlineKind.Mediation, d, c, s.State == ComplaintState.MediationPaused);
        }
        if (s.State == ComplaintState.MediationEnded)
        {
            var (d, c) = NoticeDeadline(s);
            Add(ComplaintDeadlineKind.TerminationNotice, d, c);
        }
        if (s.ClueFoundOn is not null)
        {
            var (d, c) = ClueDeadline(s);
            Add(ComplaintDeadlineKind.ClueVerification, d, c);
        }
        return list.ToImmutable();
    }

    private LegalPeriod LimitationPeriod(LocalDate received) => Resolve(ComplaintParameters.Limitation, received).AsPeriod();

    /// <summary>The last day to file the complaint: 3 years from the day the harm was known, counted under the governing order.</summary>
    /// <param name="harmKnownOn">The day the complainant knew or should have known of the harm.</param>
    /// <param name="received">The receipt date, which chooses the order.</param>
    /// <returns>The last day.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown when no order was in force on <paramref name="received"/>.</exception>
    public LocalDate LimitationLastDay(LocalDate harmKnownOn, LocalDate received)
    {
        var order = GoverningOrder(received)?.Order ?? throw new InvalidRuleInputException(ComplaintErrors.NoOrderInForce.Create(null, ("Limit", received)));
        var period = LimitationPeriod(received);
        var nominal = harmKnownOn.PlusYears(period.Length);
        if (!Periods.Calendar.Covers(nominal))
        {
            // Before the calendar's first year a 3-year period ending on a rest day can move by a few days only.
            return nominal;
        }
        return Count(harmKnownOn, period, PeriodPauses.None, harmKnownOn, order, received).LastDay;
    }

    // The governing order as the texts name it: its number in Chinese, its title in English (the registry's entries),
    // never the JSON id ("order20") inside a Chinese sentence.
    internal static LocalizedText OrderName(ComplaintOrder order) => order switch
    {
        ComplaintOrder.Order20 => Order20Name,
        ComplaintOrder.Order121 => Order121Name,
        _ => new LocalizedText(Kebab(order), Kebab(order)),
    };

    private static readonly LocalizedText Order20Name =
        new(LegalDocuments.ComplaintHandlingInterimMeasures.Number!, LegalDocuments.ComplaintHandlingInterimMeasures.Title.English);

    private static readonly LocalizedText Order121Name =
        new(LegalDocuments.ComplaintHandlingMeasures.Number!, LegalDocuments.ComplaintHandlingMeasures.Title.English);

    internal static string Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static ComplaintTransition Reject(in ComplaintSnapshot s, ComplaintEvent e, MessageDefinition error, params (string Name, object? Value)[] arguments)
    {
        var all = new List<(string, object?)>(arguments) { ("Event", Kebab(e.Kind)), ("State", Kebab(s.State)) };
        if (!arguments.Any(a => a.Name == "Limit"))
        {
            all.Add(("Limit", "-"));
        }
        return new ComplaintTransition(s, error.Create("$.event", [.. all]));
    }

    // A rejection that states a period: its length from the parameter in force (in both languages), never the template's.
    private static ComplaintTransition Reject(in ComplaintSnapshot s, ComplaintEvent e, MessageDefinition error, LocalDate? limit, LegalPeriod period)
    {
        var text = period.ToLocalizedText();
        var limitValue = (object?)limit ?? "-";
        return new(s, error.CreateLocalized("$.event", ("Event", Kebab(e.Kind), Kebab(e.Kind)), ("State", Kebab(s.State), Kebab(s.State)),
            ("Limit", limitValue, limitValue), ("Period", text.Chinese, text.English)));
    }

    // A rejection whose limit reads differently in each language (an article's Chinese title, its English short name).
    private static ComplaintTransition Reject(in ComplaintSnapshot s, ComplaintEvent e, MessageDefinition error, LocalizedText limit) =>
        new(s, error.CreateLocalized("$.event", ("Event", Kebab(e.Kind), Kebab(e.Kind)), ("State", Kebab(s.State), Kebab(s.State)), ("Limit", limit.Chinese, limit.English)));

    private ComplaintTransition Guarded(in ComplaintSnapshot s, ComplaintEvent e)
    {
        if (s.EventCount > 0 && e.At < s.LastEventAt)
        {
            return Reject(s, e, ComplaintErrors.EventInPast, ("Limit", s.LastEventAt));
        }
        var row = ComplaintTransitionTable.Find(s.State, e.Kind);
        if (row is null)
        {
            var allowed = string.Join(", ", ComplaintTransitionTable.AllowedEvents(s.State).Select(Kebab));
            return Reject(s, e, ComplaintErrors.IllegalTransition, ("Allowed", allowed.Length == 0 ? "-" : allowed));
        }
        var date = LegalTime.DateOf(e.At);
        if (!Periods.Calendar.Covers(date))
        {
            throw new CalendarOutOfRangeException(date, Periods.Calendar.FirstYear, Periods.Calendar.LastYear);
        }
        var next = s with { EventCount = s.EventCount + 1, LastEventAt = e.At };
        switch (e.Kind)
        {
            case ComplaintEventKind.Received:
                {
                    if (GoverningOrder(date) is not { } governing)
                    {
                        return Reject(s, e, ComplaintErrors.NoOrderInForce, ("Limit", date));
                    }
                    if (e.HarmKnownOn is { } known && known > date)
                    {
                        return Reject(s, e, ComplaintErrors.MissingFact, new LocalizedText("知道权益受侵害之日不得晚于收到投诉之日", "harmKnownOn after the receipt date"));
                    }
                    next = next with { State = row.To, Order = governing.Order, ReceivedOn = date, HarmKnownOn = e.HarmKnownOn };
                    // Computing the acceptance deadline now rejects a complaint whose clock would run off the calendar.
                    _ = AcceptanceDeadline(next);
                    return new ComplaintTransition(next, null);
                }

            case ComplaintEventKind.Accepted:
                if (s.HarmKnownOn is { } harm && LimitationLastDay(harm, s.ReceivedOn!.Value) is var last && s.ReceivedOn.Value > last)
                {
                    return Reject(s, e, ComplaintErrors.LimitationExpired, last, LimitationPeriod(s.ReceivedOn.Value));
                }
                next = Closing(next, ComplaintDeadlineKind.Acceptance, AcceptanceDeadline(s).Deadline, date) with { State = row.To, DecidedOn = date };
                _ = MediationDeadline(next, date);
                return new ComplaintTransition(next, null);

            case ComplaintEventKind.Refused:
                {
                    if (e.RefusalGrounds.IsDefaultOrEmpty)
                    {
                        return Reject(s, e, ComplaintErrors.NoRefusalGround, ("Limit", Kebab(s.Order)));
                    }
                    foreach (var ground in e.RefusalGrounds)
                    {
                        if (!RefusalGroundsUnder(s.Order).Contains(ground))
                        {
                            return Reject(s, e, ComplaintErrors.GroundNotInForce, ("Ground", Kebab(ground)), ("Limit", Kebab(s.Order)));
                        }
                        if (ground == ComplaintRefusalGround.LimitationExpired)
                        {
                            var limit = s.HarmKnownOn is { } k ? LimitationLastDay(k, s.ReceivedOn!.Value) : (LocalDate?)null;
                            if (limit is not { } l || s.ReceivedOn!.Value <= l)
                            {
                                return Reject(s, e, ComplaintErrors.GroundNotEstablished, limit, LimitationPeriod(s.ReceivedOn!.Value));
                            }
                        }
                    }
                    next = Closing(next, ComplaintDeadlineKind.Acceptance, AcceptanceDeadline(s).Deadline, date) with
                    {
                        State = row.To, DecidedOn = date, RefusalGrounds = DistinctInOrder(e.RefusalGrounds), DisputeSince = null,
                    };
                    return new ComplaintTransition(next, null);
                }

            case ComplaintEventKind.JurisdictionDisputed:
                if (s.DisputeSince is not null)
                {
                    return Reject(s, e, ComplaintErrors.DisputeNotApplicable, ("Limit", "a dispute is already open"));
                }
                next = next with { DisputeSince = date };
                _ = DisputeDeadline(next);
                return new ComplaintTransition(next, null);

            case ComplaintEventKind.JurisdictionSettled:
                if (s.DisputeSince is null)
                {
                    return Reject(s, e, ComplaintErrors.DisputeNotApplicable, ("Limit", "no dispute is open"));
                }
                return new ComplaintTransition(Closing(next, ComplaintDeadlineKind.JurisdictionDispute, DisputeDeadline(s).Deadline, date) with { DisputeSince = null }, null);

            case ComplaintEventKind.MediationStarted:
                {
                    if (!e.BothPartiesConsent)
                    {
                        return Reject(s, e, ComplaintErrors.ConsentRequired, s.Order == ComplaintOrder.Order20
                            ? new LocalizedText("《市场监督管理投诉举报处理暂行办法》第十六条", "Order 20 Art 16")
                            : new LocalizedText("《市场监督管理投诉举报处理办法》第十八条", "Order 121 Art 18"));
                    }
                    var limit = MediationDeadline(s, date).Deadline;
                    if (date > limit.LastDay)
                    {
                        return Reject(s, e, ComplaintErrors.MediationLimitExpired, ("Limit", limit.LastDay));
                    }
                    return new ComplaintTransition(next with { State = row.To, MediationStartedOn = date }, null);
                }

            case ComplaintEventKind.TestingStarted:
                {
                    if (!PausesUnder(s.Order).Contains(e.Pause))
                    {
                        return Reject(s, e, ComplaintErrors.PauseNotExcluded, ("Pause", Kebab(e.Pause)), ("Limit", Kebab(s.Order)));
                    }
                    var limit = MediationDeadline(s, date).Deadline;
                    if (date > limit.LastDay)
                    {
                        return Reject(s, e, ComplaintErrors.MediationLimitExpired, ("Limit", limit.LastDay));
                    }
                    return new ComplaintTransition(next with { State = row.To, MediationPauses = s.MediationPauses.PausedOn(date), Pause = e.Pause }, null);
                }

            case ComplaintEventKind.TestingEnded:
                next = Unpause(next, date) with { State = row.To };
                _ = MediationDeadline(next, date);
                return new ComplaintTransition(next, null);

            case ComplaintEventKind.AgreementReached:
                {
                    var limit = MediationDeadline(s, date).Deadline;
                    if (date > limit.LastDay)
                    {
                        return Reject(s, e, ComplaintErrors.MediationLimitExpired, ("Limit", limit.LastDay));
                    }
                    return new ComplaintTransition(Closing(next, ComplaintDeadlineKind.Mediation, limit, date) with { State = row.To, AgreedOn = date }, null);
                }

            case ComplaintEventKind.MediationTerminated:
                {
                    if (!EndGroundsUnder(s.Order).Contains(e.EndGround))
                    {
                        return Reject(s, e, ComplaintErrors.EndGroundNotInForce, ("Ground", Kebab(e.EndGround)), ("Limit", Kebab(s.Order)));
                    }
                    var limit = MediationDeadline(s, date).Deadline;
                    if (e.EndGround == MediationEndGround.LimitElapsed && date <= limit.LastDay)
                    {
                        return Reject(s, e, ComplaintErrors.LimitNotElapsed, ("Limit", limit.LastDay));
                    }
                    next = Unpause(next, date) with { State = row.To, EndedOn = date, EndGround = e.EndGround };
                    _ = NoticeDeadline(next);
                    return new ComplaintTransition(next, null);
                }

            case ComplaintEventKind.TerminationNotified:
                return new ComplaintTransition(Closing(next, ComplaintDeadlineKind.TerminationNotice, NoticeDeadline(s).Deadline, date) with { State = row.To, NotifiedOn = date }, null);

            case ComplaintEventKind.Closed:
                return new ComplaintTransition(next with { State = row.To }, null);

            case ComplaintEventKind.ClueFound:
                if (s.ClueFoundOn is not null)
                {
                    return Reject(s, e, ComplaintErrors.ClueNotApplicable, ("Limit", "a clue is already being verified"));
                }
                next = next with { ClueFoundOn = date, ClueExtended = false };
                _ = ClueDeadline(next);
                return new ComplaintTransition(next, null);

            case ComplaintEventKind.ClueVerificationExtended:
                {
                    if (s.ClueFoundOn is null)
                    {
                        return Reject(s, e, ComplaintErrors.ClueNotApplicable, ("Limit", "no clue is being verified"));
                    }
                    var current = ClueDeadline(s).Deadline;
                    var needsApproval = Resolve(ComplaintParameters.ClueExtensionNeedsApproval, s.ReceivedOn!.Value).Value == 1;
                    if (s.ClueExtended || date > current.LastDay || (needsApproval && !e.HeadApproved))
                    {
                        return Reject(s, e, ComplaintErrors.ClueExtensionNotAllowed, ("Limit", current.LastDay),
                            ("Extension", (int)Resolve(ComplaintParameters.ClueVerificationExtension, s.ReceivedOn!.Value).Value));
                    }
                    next = next with { ClueExtended = true };
                    _ = ClueDeadline(next);
                    return new ComplaintTransition(next, null);
                }

            case ComplaintEventKind.ClueResolved:
                if (s.ClueFoundOn is null)
                {
                    return Reject(s, e, ComplaintErrors.ClueNotApplicable, ("Limit", "no clue is being verified"));
                }
                return new ComplaintTransition(Closing(next, ComplaintDeadlineKind.ClueVerification, ClueDeadline(s).Deadline, date) with
                {
                    ClueFoundOn = null, ClueExtended = false, CaseOpenedOnClue = s.CaseOpenedOnClue || e.CaseOpened,
                }, null);

            default:
                return Reject(s, e, ComplaintErrors.IllegalTransition, ("Allowed", "-"));
        }
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

    // The grounds once each, in enum order: the caller's own list when it already is.
    private static ImmutableArray<ComplaintRefusalGround> DistinctInOrder(ImmutableArray<ComplaintRefusalGround> grounds)
    {
        for (var i = 1; i < grounds.Length; i++)
        {
            if (grounds[i] <= grounds[i - 1])
            {
                return [.. grounds.Distinct().Order()];
            }
        }
        return grounds;
    }

    private static ComplaintSnapshot Closing(in ComplaintSnapshot next, ComplaintDeadlineKind kind, LegalDeadline deadline, LocalDate date) =>
        date > deadline.LastDay ? next with { MissedLog = next.MissedLog.Add(kind) } : next with { MetLog = next.MetLog.Add(kind) };

    // The running pause ends: its days, from the day testing started to the day before this one, are banked on the mediation clock.
    private ComplaintSnapshot Unpause(in ComplaintSnapshot s, LocalDate date) =>
        s.MediationPauses.IsPaused
            ? s with { MediationPauses = Periods.Resume(s.DecidedOn!.Value, MediationPeriod(s).AsPeriod(), s.MediationPauses, date), Pause = MediationPause.None }
            : s;

    private (LegalDeadline LastDay, Citation Citation) ClosedDeadline(in ComplaintSnapshot before, ComplaintDeadlineKind kind) => kind switch
    {
        ComplaintDeadlineKind.Acceptance => AcceptanceDeadline(before),
        ComplaintDeadlineKind.JurisdictionDispute => DisputeDeadline(before),
        ComplaintDeadlineKind.TerminationNotice => NoticeDeadline(before),
        ComplaintDeadlineKind.ClueVerification => ClueDeadline(before),
        _ => MediationDeadline(before, LegalTime.DateOf(before.LastEventAt)),
    };

    private ParameterValue Resolve(ParameterDefinition parameter, LocalDate received) => Policy.Resolve(parameter, received, Jurisdiction);

    private (LegalDeadline Deadline, Citation Citation) WorkingDays(LocalDate trigger, ParameterDefinition parameter, LocalDate received, int extra = 0)
    {
        var value = Resolve(parameter, received);
        return (Periods.Deadline(trigger, LegalPeriod.WorkingDays((int)value.Value + extra)), value.Citation);
    }

    private (LegalDeadline Deadline, Citation Citation) AcceptanceDeadline(in ComplaintSnapshot s) =>
        WorkingDays(s.ReceivedOn!.Value, ComplaintParameters.Acceptance, s.ReceivedOn.Value);

    private (LegalDeadline Deadline, Citation Citation) DisputeDeadline(in ComplaintSnapshot s) =>
        WorkingDays(s.DisputeSince!.Value, ComplaintParameters.JurisdictionDispute, s.ReceivedOn!.Value);

    private (LegalDeadline Deadline, Citation Citation) NoticeDeadline(in ComplaintSnapshot s) =>
        WorkingDays(s.EndedOn!.Value, ComplaintParameters.TerminationNotice, s.ReceivedOn!.Value);

    private (LegalDeadline Deadline, Citation Citation) ClueDeadline(in ComplaintSnapshot s)
    {
        var extra = s.ClueExtended ? (int)Resolve(ComplaintParameters.ClueVerificationExtension, s.ReceivedOn!.Value).Value : 0;
        return WorkingDays(s.ClueFoundOn!.Value, ComplaintParameters.ClueVerification, s.ReceivedOn!.Value, extra);
    }

    /// <summary>The mediation limit as of a day: the banked pauses plus, while testing runs, its days up to the day before.</summary>
    private (LegalDeadline Deadline, Citation Citation) MediationDeadline(in ComplaintSnapshot s, LocalDate asOf)
    {
        var value = MediationPeriod(s);
        return (Count(s.DecidedOn!.Value, value.AsPeriod(), s.MediationPauses, asOf, s.Order, s.ReceivedOn!.Value), value.Citation);
    }

    // The mediation limit in force on the receipt day: 45 working days under Order 20, 60 days under Order 121.
    private ParameterValue MediationPeriod(in ComplaintSnapshot s) => s.Order == ComplaintOrder.Order20
        ? Resolve(ComplaintParameters.MediationLimitWorkingDays, s.ReceivedOn!.Value)
        : Resolve(ComplaintParameters.MediationLimitDays, s.ReceivedOn!.Value);

    /// <summary>
    /// Counts a period under the governing order. Working days are the same under both. A period in days, months or
    /// years ends, under Order 20, on the next working day when its last day is a rest day (民法典 第二百零三条);
    /// under Order 121 Art 45, on the first day after a statutory holiday, and on an ordinary weekend as the
    /// <see cref="ComplaintParameters.RollOnWeekend"/> parameter says.
    /// </summary>
    private LegalDeadline Count(LocalDate trigger, LegalPeriod period, PeriodPauses pauses, LocalDate asOf, ComplaintOrder order, LocalDate received)
    {
        if (period.Unit == PeriodUnit.WorkingDays || order != ComplaintOrder.Order121 || Resolve(ComplaintParameters.RollOnWeekend, received).Value == 1)
        {
            return Periods.Deadline(trigger, period, pauses, asOf, RestDayRule.RollForward);
        }
        var plain = Periods.Deadline(trigger, period, pauses, asOf, RestDayRule.None);
        var last = plain.NominalLastDay;
        while (Periods.Calendar.GetDayKind(last) == DayKind.HolidayRest)
        {
            last = last.PlusDays(1);
        }
        return new LegalDeadline(plain.Trigger, period, plain.NominalLastDay, last, plain.ExcludedDays, LegalTime.EndOfDay(last));
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
