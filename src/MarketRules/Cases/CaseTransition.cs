using System.Diagnostics.Contracts;
using System.Globalization;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Cases;

/// <summary>The deadlines of a case.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CaseDeadlineKind>))]
public enum CaseDeadlineKind
{
    /// <summary>No deadline runs.</summary>
    None = 0,

    /// <summary>线索核查 (15 wd, +15).</summary>
    LeadVerification,

    /// <summary>追责时效: the last day the act could be discovered.</summary>
    Limitation,

    /// <summary>办案期限 (90 d + excluded time + extensions).</summary>
    Decision,

    /// <summary>法制审核 (10 wd).</summary>
    LegalReview,

    /// <summary>陈述申辩 (5 wd; 3 before 2021-07-15).</summary>
    StatementAndDefence,

    /// <summary>要求听证 (5 wd).</summary>
    HearingRequest,

    /// <summary>听证 (the notified hearing date).</summary>
    Hearing,

    /// <summary>送达 (7 wd).</summary>
    Service,

    /// <summary>公示 (20 wd).</summary>
    Publication,

    /// <summary>缴纳罚款 (15 d, or the deferred date).</summary>
    Payment,

    /// <summary>催告: the earliest day the demand may be served (surcharge over 30 days).</summary>
    EnforcementDemand,

    /// <summary>申请强制执行: the last day of the 3-month court window.</summary>
    EnforcementApplication,

    /// <summary>移送审批 (3 d).</summary>
    TransferApproval,

    /// <summary>批准后移送 (24 h).</summary>
    TransferDelivery,

    /// <summary>公安立案审查 (3 d).</summary>
    PoliceDecision,

    /// <summary>提请复议 (3 d).</summary>
    ReconsiderationRequest,

    /// <summary>复议决定 (3 d).</summary>
    ReconsiderationDecision,

    /// <summary>移交涉案物品 (3 d).</summary>
    FilesHandOver,
}

/// <summary>
/// The result of one event: accepted with the new snapshot and the deadline that now governs the case, or rejected with a
/// code and the snapshot unchanged. Allocation-free; turn a rejection into a bilingual <see cref="RuleError"/> with <see cref="ToRuleError"/>.
/// </summary>
/// <remarks>The default value of this type is an accepted transition from and to <see cref="CaseSnapshot.Initial"/>; only the machine builds meaningful ones.</remarks>
public readonly record struct CaseTransition
{
    /// <summary>The event was accepted.</summary>
    public bool Accepted => Rejection == CaseRejectionCode.None;

    /// <summary>The state before the event (the snapshot itself stays with the caller).</summary>
    public CaseState From { get; init; }

    /// <summary>The event.</summary>
    public CaseEvent Event { get; init; }

    /// <summary>The new snapshot (the unchanged one when rejected).</summary>
    public CaseSnapshot Snapshot { get; init; }

    /// <summary>Why it was rejected, or <see cref="CaseRejectionCode.None"/>.</summary>
    public CaseRejectionCode Rejection { get; init; }

    /// <summary>The date a rejection refers to (a deadline, the earliest allowed date…).</summary>
    public LocalDate? LimitDate { get; init; }

    /// <summary>The amount a rejection refers to (a limit, the balance…).</summary>
    public Money? LimitAmount { get; init; }

    /// <summary>A fixed text a rejection refers to (the missing fact…), in both languages.</summary>
    public LocalizedText? LimitText { get; init; }

    /// <summary>The period a rejection's message states (the 5 working days to ask for a hearing, the 30 days of a
    /// head-approved extension…), as the parameter in force sets it; <see langword="null"/> when the message states none.</summary>
    public LegalPeriod? LimitPeriod { get; init; }

    /// <summary>The legal basis of the limit a rejection refers to, when it depends on the date (e.g. the summary-procedure limit: 行政处罚法第三十三条 before 2021-07-15, 第五十一条 after).</summary>
    public Citation? LimitCitation { get; init; }

    /// <summary>The deadline that governs the next step of the new state, or <see cref="CaseDeadlineKind.None"/>.</summary>
    public CaseDeadlineKind NextDeadlineKind { get; init; }

    /// <summary>The last day of <see cref="NextDeadlineKind"/>.</summary>
    public LocalDate NextDeadline { get; init; }

    /// <summary>The coded bilingual error of a rejection, at JSON path <paramref name="path"/>.</summary>
    /// <param name="path">The JSON path of the event, e.g. <c>$.event</c>.</param>
    /// <returns>The error.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the transition was accepted.</exception>
    [Pure]
    public RuleError ToRuleError(string? path = "$.event")
    {
        if (Accepted)
        {
            throw new InvalidOperationException("An accepted transition has no error");
        }
        // Read without pattern variables: Stryker guards each condition, a variable declared in one is then not
        // definitely assigned (CS0165) and every mutant of the method is dropped.
        var limit = LimitText ?? Same(LimitDate.HasValue ? LimitDate.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
            : LimitAmount.HasValue ? LimitAmount.Value.ToString() : "-");
        var allowed = CaseLabels.Of(CaseTransitionTable.AllowedEvents(From));
        static LocalizedText Same(string text) => new(text, text);
        // The period a message states comes from the parameter in force (LimitPeriod), never from the template.
        return (LimitCitation?.Article, LimitPeriod) switch
        {
            ({ } article, { } period) => CaseErrors.For(Rejection).CreateLocalized(path, ("State", CaseLabels.Of(From)), ("Event", CaseLabels.Of(Event.Kind)),
                ("Limit", limit), ("Allowed", allowed), ("Article", article), ("Period", period.ToLocalizedText())),
            ({ } article, null) => CaseErrors.For(Rejection).CreateLocalized(path, ("State", CaseLabels.Of(From)), ("Event", CaseLabels.Of(Event.Kind)),
                ("Limit", limit), ("Allowed", allowed), ("Article", article)),
            (null, { } period) => CaseErrors.For(Rejection).CreateLocalized(path, ("State", CaseLabels.Of(From)), ("Event", CaseLabels.Of(Event.Kind)),
                ("Limit", limit), ("Allowed", allowed), ("Period", period.ToLocalizedText())),
            _ => CaseErrors.For(Rejection).CreateLocalized(path, ("State", CaseLabels.Of(From)), ("Event", CaseLabels.Of(Event.Kind)),
                ("Limit", limit), ("Allowed", allowed)),
        };
    }
}

/// <summary>One deadline of a case as of a date: what is due and what is overdue.</summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="From">The day that started it.</param>
/// <param name="LastDay">Its last day (rolled past rest days where the law says so).</param>
/// <param name="ExpiresAt">The instant it expires (end of <paramref name="LastDay"/> or, for hours, the exact instant).</param>
/// <param name="Overdue">The as-of date (or instant) is past it.</param>
/// <param name="Paused">Its clock is paused (the decision clock, or lead verification during testing and the like), so <paramref name="LastDay"/> moves later day by day.</param>
/// <param name="Citation">The rule that sets it.</param>
public sealed record CaseDeadline(CaseDeadlineKind Kind, LocalDate From, LocalDate LastDay, Instant ExpiresAt, bool Overdue, bool Paused, Citation Citation);

/// <summary>What is due and what is overdue for a case on a date, with the late surcharge accrued.</summary>
/// <param name="AsOf">The date of the query.</param>
/// <param name="State">The case's state.</param>
/// <param name="Due">Deadlines still running.</param>
/// <param name="Overdue">Deadlines that passed without the step they govern.</param>
/// <param name="LateSurcharge">加处罚款 accrued on the unpaid fine (3 % a day, capped at the fine).</param>
/// <param name="Outstanding">Fine plus surcharge minus payments.</param>
public sealed record CaseAgenda(LocalDate AsOf, CaseState State, System.Collections.Immutable.ImmutableArray<CaseDeadline> Due,
    System.Collections.Immutable.ImmutableArray<CaseDeadline> Overdue, Money LateSurcharge, Money Outstanding);

/// <summary>The result of an explained transition: the new snapshot, the deadlines and the explanation.</summary>
/// <remarks>
/// <para>The transition is decided at once; <see cref="Agenda"/> and <see cref="Explanation"/> are made from the step the
/// first time they are read (a caller replaying a history reads the snapshots, one showing a step reads the rest).</para>
/// <para>This type is immutable and thread-safe (two threads reading a part first may both make it; one is kept).</para>
/// </remarks>
public sealed class CaseStep : IDeferredMessageArguments
{
    private readonly CaseStateMachine machine;
    [Memoised]
    private CaseAgenda? agenda;
    [Memoised]
    private Explanation? explanation;

    internal CaseStep(CaseStateMachine machine, CaseState from, in CaseEvent @event, in CaseSnapshot snapshot)
    {
        this.machine = machine;
        From = from;
        Event = @event;
        Snapshot = snapshot;
    }

    /// <summary>The state before.</summary>
    public CaseState From { get; }

    /// <summary>The state after.</summary>
    public CaseState To => Snapshot.State;

    /// <summary>The event applied.</summary>
    public CaseEvent Event { get; }

    /// <summary>The new snapshot.</summary>
    public CaseSnapshot Snapshot { get; }

    /// <summary>The deadlines as of the event's date.</summary>
    public CaseAgenda Agenda => Memo.Once(ref agenda, this, static self => self.machine.AgendaOf(self));

    /// <summary>Why, with the parameters used and the computed dates.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.machine.Explain(self));

    MessageArguments IDeferredMessageArguments.ArgumentsOf(int index) => CaseStateMachine.DeadlineRunsArguments(Agenda, index);
}

/// <summary>One accepted event in a case's history: immutable, with who, when and why.</summary>
/// <param name="Sequence">1 for the first event.</param>
/// <param name="Event">The event (its <see cref="CaseEvent.Actor"/> and <see cref="CaseEvent.At"/> say who and when).</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Explanation">The explanation of the transition.</param>
public sealed record CaseRecord(int Sequence, CaseEvent Event, CaseState From, CaseState To, Explanation Explanation);
