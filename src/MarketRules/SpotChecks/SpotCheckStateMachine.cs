using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.SpotChecks;

/// <summary>What is due and what is overdue for a lot on a date.</summary>
/// <param name="AsOf">The date.</param>
/// <param name="State">The lot's state.</param>
/// <param name="Due">Steps still in time.</param>
/// <param name="Overdue">Steps whose last day has passed with nothing recorded.</param>
public sealed record SpotCheckAgenda(LocalDate AsOf, SpotCheckState State, ImmutableArray<SpotCheckDeadline> Due, ImmutableArray<SpotCheckDeadline> Overdue);

/// <summary>One accepted event with its consequences: the new lot, what is due, the steps taken late, and the explanation.</summary>
/// <remarks>
/// <para>The event is decided at once; <see cref="Agenda"/>, <see cref="Late"/> and <see cref="Explanation"/> are made from
/// the step the first time they are read (a caller replaying a history reads the lots, one showing a step reads the rest).</para>
/// <para>This type is immutable and thread-safe (two threads reading a part first may both make it; one is kept).</para>
/// </remarks>
public sealed class SpotCheckTransition
{
    private readonly SpotCheckStateMachine machine;
    [Memoised]
    private SpotCheckAgenda? agenda;
    [Memoised]
    private Explanation? explanation;

    internal SpotCheckTransition(SpotCheckStateMachine machine, in SpotCheckLot before, SpotCheckEvent @event, in SpotCheckLot lot)
    {
        this.machine = machine;
        Before = before;
        Event = @event;
        Lot = lot;
    }

    /// <summary>The state before.</summary>
    public SpotCheckState From => Before.State;

    /// <summary>The state after.</summary>
    public SpotCheckState To => Lot.State;

    /// <summary>The lot before the event.</summary>
    public SpotCheckLot Before { get; }

    /// <summary>The event applied.</summary>
    public SpotCheckEvent Event { get; }

    /// <summary>The new lot.</summary>
    public SpotCheckLot Lot { get; }

    /// <summary>The agenda on the event's day.</summary>
    public SpotCheckAgenda Agenda => Memo.Once(ref agenda, this, static self => self.machine.AsOf(self.Lot, self.Event.On));

    /// <summary>The step the event took, when it was taken after its last day (worked out on each read: empty, or one step).</summary>
    public ImmutableArray<SpotCheckLateStep> Late => machine.LateStep(Before, Event);

    /// <summary>The explanation: the transition, the step taken late, what is now due and overdue, the parameters and dates used.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.machine.Explain(self));
}

/// <summary>
/// A lot's journey after a product-quality spot check as a pure state machine: from the plan through sampling and
/// testing to the follow-up chain of a non-conforming lot (re-test, stop of sales, rectification, review, provincial
/// announcement, second review, reorganisation, revocation), each step with its deadline and citation. An event the
/// table does not allow in the lot's state, or one its guard refuses, is rejected with a code; a step taken late is
/// accepted and reported in the explanation — never a silent state change.
/// </summary>
/// <remarks>This type is immutable and thread-safe; one instance serves any number of lots.</remarks>
public sealed class SpotCheckStateMachine
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "spotcheck.transition/1";

    /// <summary>A machine under the law of a bureau's jurisdiction (<c>NationalCatalog.Law</c> for national law).</summary>
    /// <param name="law">The parameters in force, the jurisdiction and the period calculator.</param>
    public SpotCheckStateMachine(LawContext law)
    {
        Law = Preconditions.CheckNotNull(law);
        spans = InForceSpans<SpotCheckLaw>.For(law, SpotCheckLaw.Parameters, static (l, from) => new SpotCheckLaw(l, from));
    }

    // The periods in force, per span of dates, resolved once per policy and jurisdiction: a decision reads its span
    // instead of resolving the dated parameter per call.
    private readonly InForceSpans<SpotCheckLaw> spans;

    /// <summary>The law the machine applies.</summary>
    public LawContext Law { get; }

    /// <summary>The law in force.</summary>
    public PolicyContext Policy => Law.Policy;

    /// <summary>The bureau's jurisdiction.</summary>
    public Jurisdiction Jurisdiction => Law.Jurisdiction;

    /// <summary>The period calculator.</summary>
    public PeriodCalculator Periods => Law.Periods;

    /// <summary>Decides an event on a lot: the hot path, allocation-free whether the event is accepted or refused, without explanation.</summary>
    /// <param name="lot">The caller's lot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The accepted event's new state (<see cref="SpotCheckDecision.ApplyTo"/> makes the new lot), or the refusal's code and facts (its <see cref="SpotCheckDecision.ToRuleError"/> makes the bilingual error).</returns>
    /// <exception cref="MarketRulesException">Thrown when a date is outside the statutory calendar or a period has no value in force on it.</exception>
    // Without zero-initialised locals: every local is assigned before it is read (the compiler checks it), and the
    // inlined copies of the per-event branches were otherwise zeroed in the prolog on every call (768 bytes).
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public SpotCheckDecision Decide(in SpotCheckLot lot, SpotCheckEvent @event)
    {
        Preconditions.CheckNotNull(@event);
        var (kind, on) = (@event.Kind, @event.On);
        var row = SpotCheckTransitionTable.Find(lot.State, kind);
        if (row is null)
        {
            return Refuse(lot, kind, on, SpotCheckRejection.IllegalTransition);
        }
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (lot.LastEventOn is not null && on < lot.LastEventOn.Value)
        {
            return Refuse(lot, kind, on, SpotCheckRejection.EventInPast, lot.LastEventOn);
        }
        // The guards; what an accepted event records in the lot is SpotCheckDecision.ApplyTo's (the decision carries
        // the change, not a copy of the lot).
        switch (kind)
        {
            case SpotCheckEventKind.ResultReceived:
                // Counting the window now refuses a lot whose window runs off the calendar or has no period in force.
                _ = Periods.LastDay(on, RetestPeriod(lot.Facts.Food, on));
                break;
            case SpotCheckEventKind.SaleStopped:
                if (lot.SaleStoppedOn is not null)
                {
                    return Refuse(lot, kind, on, SpotCheckRejection.AlreadyRecorded, lot.SaleStoppedOn);
                }
                break;
            case SpotCheckEventKind.RetestRequested:
                var received = lot.ResultReceivedOn!.Value;
                var period = RetestPeriod(lot.Facts.Food, received);
                var lastDay = Periods.LastDay(received, period);
                if (on > lastDay)
                {
                    return Refuse(lot, kind, on, SpotCheckRejection.RetestWindowClosed, lastDay, period, received);
                }
                break;
            case SpotCheckEventKind.RectificationOrdered:
                _ = FirstReviewDeadline(on);
                _ = RectificationDeadline(on);
                break;
            case SpotCheckEventKind.Announced:
                _ = SecondReviewWindow(on);
                break;
            case SpotCheckEventKind.SecondReviewPassed or SpotCheckEventKind.SecondReviewFailed:
                var announced = lot.AnnouncedOn!.Value;
                var review = SecondReviewWindow(announced);
                if (on < review.Opens)
                {
                    return Refuse(lot, kind, on, SpotCheckRejection.SecondReviewTooEarly, review.Opens, review.After.Period, announced);
                }
                if (kind == SpotCheckEventKind.SecondReviewFailed && (@event.Until is null || @event.Until.Value <= on))
                {
                    return Refuse(lot, kind, on, SpotCheckRejection.ReorganisationPeriodRequired);
                }
                break;
            case SpotCheckEventKind.ReorganisationReviewPassed or SpotCheckEventKind.ReorganisationReviewFailed:
                var end = lot.ReorganisationUntil!.Value;
                if (on <= end)
                {
                    return Refuse(lot, kind, on, SpotCheckRejection.ReorganisationNotEnded, end);
                }
                break;
        }
        return new SpotCheckDecision(lot.State, row.To, kind, on, @event.Until);
    }

    // A refusal: the state unchanged, the code and the facts its message needs (made out of line: refusals are the rarer exit).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SpotCheckDecision Refuse(in SpotCheckLot lot, SpotCheckEventKind kind, LocalDate on, SpotCheckRejection why,
        LocalDate? limit = null, LegalPeriod? period = null, LocalDate? from = null) =>
        new() { From = lot.State, To = lot.State, EventKind = kind, EventOn = on, Rejection = why, LimitDate = limit, LimitPeriod = period, LimitFrom = from };

    /// <summary>Applies an event without an explanation (<see cref="Decide"/> with the refusal made a bilingual error).</summary>
    /// <param name="lot">The caller's lot.</param>
    /// <param name="event">The event.</param>
    /// <param name="path">The JSON path errors are reported at.</param>
    /// <returns>The new lot, or the coded rejection (the lot is unchanged).</returns>
    /// <exception cref="MarketRulesException">Thrown when a date is outside the statutory calendar or a period has no value in force on it.</exception>
    public RuleResult<SpotCheckLot> Apply(in SpotCheckLot lot, SpotCheckEvent @event, string? path = "$.event")
    {
        var decision = Decide(lot, @event);
        return decision.Accepted ? RuleResult<SpotCheckLot>.Success(decision.ApplyTo(lot)) : RuleResult<SpotCheckLot>.Failure(decision.ToRuleError(path));
    }

    /// <summary>Applies an event and explains it: the transition, the step it took late (if any), what is now due and overdue, the parameters and dates used.</summary>
    /// <param name="lot">The caller's lot.</param>
    /// <param name="event">The event.</param>
    /// <param name="path">The JSON path errors are reported at.</param>
    /// <returns>The transition (decided at once, its agenda and explanation made when read), or the coded rejection.</returns>
    public RuleResult<SpotCheckTransition> Transition(in SpotCheckLot lot, SpotCheckEvent @event, string? path = "$.event")
    {
        // Assigned before the try so that the method still compiles when a mutation tool removes the try block.
        var decision = default(SpotCheckDecision);
        try
        {
            decision = Decide(lot, @event);
        }
        catch (MarketRulesException ex)
        {
            return RuleResult<SpotCheckTransition>.Failure(ex.Errors);
        }
        return decision.Accepted
            ? RuleResult<SpotCheckTransition>.Success(new SpotCheckTransition(this, lot, @event, decision.ApplyTo(lot)))
            : RuleResult<SpotCheckTransition>.Failure(decision.ToRuleError(path));
    }

    /// <summary>The explanation of a step: the transition and its rule, the step taken late, what is due and overdue, the parameters used.</summary>
    internal Explanation Explain(SpotCheckTransition step)
    {
        var lot = step.Before;
        var next = step.Lot;
        var @event = step.Event;
        var on = @event.On;
        var builder = new ExplanationBuilder(RuleId, on, Law.JurisdictionCode);
        var row = SpotCheckTransitionTable.Find(lot.State, @event.Kind)!;
        builder.Add(SpotCheckReasons.Transition.ToReasonKeepingEnglish(row.Citation, ("Date", on, on),
            ("Event", SpotCheckLabels.Of(@event.Kind).Zh, SpotCheckLabels.Of(@event.Kind).En),
            ("From", SpotCheckLabels.Of(lot.State).Zh, SpotCheckLabels.Of(lot.State).En),
            ("To", SpotCheckLabels.Of(next.State).Zh, SpotCheckLabels.Of(next.State).En)));

        foreach (var late in step.Late)
        {
            builder.Add(SpotCheckReasons.StepLate.ToReasonKeepingEnglish(CitationOf(late.Step), ("Step", SpotCheckLabels.Of(late.Step).Zh, SpotCheckLabels.Of(late.Step).En),
                ("TakenOn", late.TakenOn, late.TakenOn), ("LastDay", late.LastDay, late.LastDay), ("DaysLate", late.DaysLate, late.DaysLate)));
        }
        if (next.RetestCost != lot.RetestCost)
        {
            var bearer = SpotCheckLabels.Of(next.RetestCost);
            builder.Add(SpotCheckReasons.RetestCost.ToReasonKeepingEnglish(SpotCheckCitations.RetestOutcome, ("Bearer", bearer.Zh, bearer.En)));
        }
        if (@event.Kind == SpotCheckEventKind.TestedNonConforming && lot.Facts.LicensedProduct && lot.Facts.Level is SpotCheckLevel.National or SpotCheckLevel.Provincial)
        {
            var level = SpotCheckLabels.Of(lot.Facts.Level);
            builder.Add(SpotCheckReasons.LicenceAtStake.ToReasonKeepingEnglish(SpotCheckCitations.ProductionLicence, ("Level", level.Zh, level.En)));
        }
        if (@event.Kind == SpotCheckEventKind.Announced)
        {
            var window = SecondReviewWindow(next.AnnouncedOn!.Value);
            var closes = window.Closes;
            var opensAfter = window.After.Period.Length;
            var closesBefore = window.Before.Period.Length;
            builder.Add(SpotCheckReasons.SecondReviewWindow.ToReason(SpotCheckCitations.SecondReview, ("Opens", window.Opens), ("Closes", closes),
                ("OpensAfter", opensAfter), ("ClosesBefore", closesBefore)));
            if (!Periods.Calendar.IsWorkingDay(closes))
            {
                builder.Add(SpotCheckReasons.WindowEndsOnRestDay.ToReason(SpotCheckCitations.SecondReview, ("Closes", closes), ("ClosesBefore", closesBefore)));
            }
        }
        Explain(step.Agenda, builder);
        foreach (var parameter in ParametersOf(next))
        {
            builder.Use(parameter);
        }
        var outcome = next.State == SpotCheckState.Closed ? "closed-" + Kebab(next.CloseReason) : Kebab(next.State);
        return builder.Build(outcome);
    }

    /// <summary>Rebuilds a lot from its events; stops at the first rejected one.</summary>
    /// <param name="facts">The lot's facts.</param>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The lot, or the rejection of the first bad event (its path names the index under <c>$.history</c>).</returns>
    public RuleResult<SpotCheckLot> Replay(SpotCheckLotFacts facts, IEnumerable<SpotCheckEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var lot = SpotCheckLot.New(facts);
        var index = 0;
        try
        {
            foreach (var e in events)
            {
                var decision = Decide(lot, e);
                if (!decision.Accepted)
                {
                    return RuleResult<SpotCheckLot>.Failure(decision.ToRuleError($"$.history[{index}]"));
                }
                lot = decision.ApplyTo(lot);
                index++;
            }
        }
        catch (MarketRulesException ex)
        {
            return RuleResult<SpotCheckLot>.Failure(ex.Errors);
        }
        return RuleResult<SpotCheckLot>.Success(lot);
    }

    /// <summary>What is due and overdue for a lot on a date. The producer's windows (re-test request, rectification, reorganisation) are listed while they run; the bureau's reviews and the stop of sales become overdue when their last day passes with nothing recorded.</summary>
    /// <param name="lot">The lot.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The agenda.</returns>
    /// <exception cref="MarketRulesException">Thrown when a date is outside the statutory calendar or a period has no value in force.</exception>
    public SpotCheckAgenda AsOf(in SpotCheckLot lot, LocalDate asOf)
    {
        var list = ImmutableArray.CreateBuilder<SpotCheckDeadline>();
        void AddLegal(SpotCheckStep step, SpotCheckActor actor, LegalDeadline d, Citation citation, bool window)
        {
            if (window && asOf > d.LastDay)
            {
                return;
            }
            list.Add(new SpotCheckDeadline(step, actor, d.Trigger, d.LastDay, d.ExpiresAt, asOf > d.LastDay, citation)
            {
                RolledForwardFrom = d.RolledForward ? d.NominalLastDay : null, Period = d.Period.ToString(),
            });
        }
        var s = lot.State;
        if (s == SpotCheckState.Notified)
        {
            AddLegal(SpotCheckStep.RetestRequest, SpotCheckActor.Producer, RetestWindow(lot), RetestCitation(lot), window: true);
        }
        if (s is SpotCheckState.Notified or SpotCheckState.RetestRequested or SpotCheckState.Confirmed or SpotCheckState.RectificationOrdered
                or SpotCheckState.ReviewFailed or SpotCheckState.Announced or SpotCheckState.Reorganisation
            && lot.SaleStoppedOn is null && lot.ResultReceivedOn is not null)
        {
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            var received = lot.ResultReceivedOn.Value;
            list.Add(new SpotCheckDeadline(SpotCheckStep.StopSale, SpotCheckActor.Producer, received, received, LegalTime.EndOfDay(received), asOf > received, SpotCheckCitations.StopSale));
        }
        if (s == SpotCheckState.RectificationOrdered)
        {
            AddLegal(SpotCheckStep.Rectification, SpotCheckActor.Producer, RectificationDeadline(lot.RectificationOrderedOn!.Value), SpotCheckCitations.Rectification, window: true);
            AddLegal(SpotCheckStep.FirstReview, SpotCheckActor.Bureau, FirstReviewDeadline(lot.RectificationOrderedOn!.Value), SpotCheckCitations.FirstReview, window: false);
        }
        if (s == SpotCheckState.Announced)
        {
            var (opens, closes, after, before) = SecondReviewWindow(lot.AnnouncedOn!.Value);
            list.Add(new SpotCheckDeadline(SpotCheckStep.SecondReview, SpotCheckActor.Bureau, lot.AnnouncedOn!.Value, closes, LegalTime.EndOfDay(closes), asOf > closes, SpotCheckCitations.SecondReview)
            {
                Opens = opens, Period = $"after {after.Period}, before {before.Period}",
            });
        }
        if (s == SpotCheckState.Reorganisation && lot.ReorganisationUntil is not null && asOf <= lot.ReorganisationUntil.Value)
        {
            var until = lot.ReorganisationUntil.Value;
            list.Add(new SpotCheckDeadline(SpotCheckStep.Reorganisation, SpotCheckActor.Producer, lot.SecondReviewedOn!.Value, until, LegalTime.EndOfDay(until), false, SpotCheckCitations.Escalation));
        }
        var all = list.ToImmutable();
        return new SpotCheckAgenda(asOf, s, [.. all.Where(d => !d.Overdue)], [.. all.Where(d => d.Overdue)]);
    }

    /// <summary>Adds the agenda's steps to an explanation: a reason and a computed date for each step due, a reason for each step overdue.</summary>
    /// <param name="agenda">The agenda.</param>
    /// <param name="builder">The explanation being built.</param>
    public static void Explain(SpotCheckAgenda agenda, ExplanationBuilder builder)
    {
        Preconditions.CheckNotNull(agenda);
        Preconditions.CheckNotNull(builder);
        foreach (var d in agenda.Due.Concat(agenda.Overdue))
        {
            var step = SpotCheckLabels.Of(d.Step);
            var actor = SpotCheckLabels.Of(d.Actor);
            builder.Add(d.Overdue
                ? SpotCheckReasons.StepOverdue.ToReasonKeepingEnglish(d.Citation, ("Step", step.Zh, step.En), ("Actor", actor.Zh, actor.En), ("LastDay", d.LastDay, d.LastDay), ("AsOf", agenda.AsOf, agenda.AsOf))
                : SpotCheckReasons.StepDue.ToReasonKeepingEnglish(d.Citation, ("Step", step.Zh, step.En), ("Actor", actor.Zh, actor.En), ("LastDay", d.LastDay, d.LastDay)));
            builder.Add(new ComputedDate("spotcheck." + Kebab(d.Step), new LocalizedText(step.Zh, step.En), d.LastDay)
            {
                From = d.From, ExpiresAt = d.ExpiresAt, Period = d.Period, RolledForwardFrom = d.RolledForwardFrom, Citation = d.Citation,
            });
        }
    }

    internal LegalDeadline RetestWindow(in SpotCheckLot lot)
    {
        var received = lot.ResultReceivedOn!.Value;
        return Periods.Deadline(received, RetestPeriod(lot.Facts.Food, received));
    }

    // The re-test window in force on the day the result was received: 15 days, or 7 working days for food.
    private LegalPeriod RetestPeriod(bool food, LocalDate received) =>
        Period(food ? SpotCheckLaw.FoodRetestWindow : SpotCheckLaw.RetestWindow, received);

    internal LegalDeadline RectificationDeadline(LocalDate order) => Periods.Deadline(order, Period(SpotCheckLaw.Rectification, order));

    internal LegalDeadline FirstReviewDeadline(LocalDate order) => Periods.Deadline(order, Period(SpotCheckLaw.FirstReview, order));

    // "公告之日起六十日后九十日前": day 60 and day 90 counted from the announcement (not itself counted), both excluded; a
    // window set by the law is not rolled over rest days (rolling its end forward would pass day 90).
    internal (LocalDate Opens, LocalDate Closes, LegalDeadline After, LegalDeadline Before) SecondReviewWindow(LocalDate announced)
    {
        var after = Periods.Deadline(announced, Period(SpotCheckLaw.SecondReviewOpens, announced), RestDayRule.None);
        var before = Periods.Deadline(announced, Period(SpotCheckLaw.SecondReviewCloses, announced), RestDayRule.None);
        return (after.LastDay.PlusDays(1), before.LastDay.PlusDays(-1), after, before);
    }

    internal static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    // The period in force on a day, from its span; one the span lacks (none in force, or not a whole period) is
    // resolved again, which raises its coded error.
    private LegalPeriod Period(int which, LocalDate on) =>
        spans.Find(on).Periods[which] ?? Policy.Resolve(SpotCheckLaw.Parameters[which], on, Jurisdiction).AsPeriod();

    // The spot-check periods in force from one date (indexes into Parameters).
    private sealed class SpotCheckLaw
    {
        internal const int RetestWindow = 0, FoodRetestWindow = 1, Rectification = 2, FirstReview = 3, SecondReviewOpens = 4, SecondReviewCloses = 5;

        internal static readonly ParameterDefinition[] Parameters =
        [
            SpotCheckParameters.RetestWindow, SpotCheckParameters.FoodRetestWindow, SpotCheckParameters.Rectification,
            SpotCheckParameters.FirstReview, SpotCheckParameters.SecondReviewOpens, SpotCheckParameters.SecondReviewCloses,
        ];

        internal SpotCheckLaw(LawContext law, LocalDate from)
        {
            Periods = new LegalPeriod?[Parameters.Length];
            for (var i = 0; i < Parameters.Length; i++)
            {
                Periods[i] = law.Policy.TryResolve(Parameters[i], from, law.Jurisdiction)?.TryAsPeriod();
            }
        }

        internal LegalPeriod?[] Periods { get; }
    }

    private static Citation RetestCitation(in SpotCheckLot lot) => lot.Facts.Food ? SpotCheckCitations.FoodRetestWindow : SpotCheckCitations.RetestWindow;

    private static Citation CitationOf(SpotCheckStep step) => step switch
    {
        SpotCheckStep.StopSale => SpotCheckCitations.StopSale,
        SpotCheckStep.FirstReview => SpotCheckCitations.FirstReview,
        SpotCheckStep.SecondReview => SpotCheckCitations.SecondReview,
        _ => SpotCheckCitations.Escalation,
    };

    internal ImmutableArray<SpotCheckLateStep> LateStep(in SpotCheckLot lot, SpotCheckEvent e)
    {
        LocalDate? lastDay = null;
        var step = SpotCheckStep.None;
        switch (e.Kind)
        {
            // Read without pattern variables (and without a collection expression in the conditional below): a mutation
            // tool that guards each condition would leave them unassigned (CS0165) or untyped.
            case SpotCheckEventKind.SaleStopped when lot.ResultReceivedOn is not null:
                (step, lastDay) = (SpotCheckStep.StopSale, lot.ResultReceivedOn);
                break;
            case SpotCheckEventKind.ReviewPassed or SpotCheckEventKind.ReviewFailed:
                (step, lastDay) = (SpotCheckStep.FirstReview, FirstReviewDeadline(lot.RectificationOrderedOn!.Value).LastDay);
                break;
            case SpotCheckEventKind.SecondReviewPassed or SpotCheckEventKind.SecondReviewFailed:
                (step, lastDay) = (SpotCheckStep.SecondReview, SecondReviewWindow(lot.AnnouncedOn!.Value).Closes);
                break;
        }
        if (lastDay is not null && e.On > lastDay.Value)
        {
            return ImmutableArray.Create(new SpotCheckLateStep(step, lastDay.Value, e.On, NodaTime.Period.DaysBetween(lastDay.Value, e.On)));
        }
        return ImmutableArray<SpotCheckLateStep>.Empty;
    }

    private IEnumerable<ParameterValue> ParametersOf(SpotCheckLot lot)
    {
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        ParameterValue? Try(ParameterDefinition d, LocalDate? on) => on is not null ? Policy.TryResolve(d, on.Value, Jurisdiction) : null;
        ParameterValue?[] candidates = lot.State switch
        {
            SpotCheckState.Notified or SpotCheckState.RetestRequested or SpotCheckState.Confirmed =>
                [Try(lot.Facts.Food ? SpotCheckParameters.FoodRetestWindow : SpotCheckParameters.RetestWindow, lot.ResultReceivedOn)],
            SpotCheckState.RectificationOrdered or SpotCheckState.ReviewFailed =>
                [Try(SpotCheckParameters.Rectification, lot.RectificationOrderedOn), Try(SpotCheckParameters.FirstReview, lot.RectificationOrderedOn)],
            SpotCheckState.Announced or SpotCheckState.Reorganisation =>
                [Try(SpotCheckParameters.SecondReviewOpens, lot.AnnouncedOn), Try(SpotCheckParameters.SecondReviewCloses, lot.AnnouncedOn)],
            _ => [],
        };
        return candidates.OfType<ParameterValue>();
    }
}
