using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Cases;

/// <summary>
/// The administrative penalty case as a state machine: a pure function from (snapshot, event) to a new snapshot with its
/// deadlines, or a coded rejection with the snapshot unchanged. Never a silent no-op: every pair outside
/// <see cref="CaseTransitionTable"/> and every failed guard is rejected.
/// </summary>
/// <remarks>Thread-safe: immutable; one instance may serve any number of cases.</remarks>
public sealed class CaseStateMachine
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "case.transition/1";

    private readonly CaseController controller;

    /// <summary>A machine under the law of a bureau's jurisdiction.</summary>
    /// <param name="law">
    /// The law in force: national parameters and policy packs (e.g. a province's hearing thresholds), the bureau's
    /// jurisdiction and the statutory calendar the periods are counted on.
    /// </param>
    public CaseStateMachine(LawContext law)
    {
        Law = Preconditions.CheckNotNull(law);
        controller = new CaseController(law);
    }

    /// <summary>The law the machine applies: parameters, packs, jurisdiction and calendar.</summary>
    public LawContext Law { get; }

    private PolicyContext Policy => Law.Policy;

    private Jurisdiction Jurisdiction => Law.Jurisdiction;

    /// <summary>Applies <paramref name="event"/> to <paramref name="current"/>: the hot path, allocation-free, without explanation.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The new snapshot and the governing deadline, or a rejection with <paramref name="current"/> unchanged.</returns>
    public CaseTransition Apply(in CaseSnapshot current, in CaseEvent @event) => controller.Apply(current, @event);

    /// <summary>Applies <paramref name="event"/> and explains it: the transition, the parameters used and every running deadline.</summary>
    /// <param name="current">The caller's snapshot.</param>
    /// <param name="event">The event.</param>
    /// <returns>The step, or the coded rejection.</returns>
    public RuleResult<CaseStep> Transition(in CaseSnapshot current, in CaseEvent @event)
    {
        var result = controller.Apply(current, @event);
        if (!result.Accepted)
        {
            return RuleResult<CaseStep>.Failure(result.ToRuleError());
        }
        // The step keeps the pair and the new snapshot; its agenda and explanation are made when first read.
        return RuleResult<CaseStep>.Success(new CaseStep(this, current.State, @event, result.Snapshot));
    }

    /// <summary>The values of the reason that the <paramref name="index"/>-th running deadline of the step's agenda (due, then overdue) runs.</summary>
    internal static MessageArguments DeadlineRunsArguments(CaseAgenda agenda, int index)
    {
        var deadline = index < agenda.Due.Length ? agenda.Due[index] : agenda.Overdue[index - agenda.Due.Length];
        var label = CaseLabels.Of(deadline.Kind);
        return MessageArguments.Of([("Deadline", label.Chinese, label.English), ("Limit", deadline.LastDay, deadline.LastDay)]);
    }

    /// <summary>The agenda of a step: the deadlines running on the event's date.</summary>
    internal CaseAgenda AgendaOf(CaseStep step) => AsOf(step.Snapshot, LegalTime.DateOf(step.Event.At));

    /// <summary>The explanation of a step: the transition and its rule, the limitation, every running deadline and the parameters used.</summary>
    internal Explanation Explain(CaseStep step)
    {
        var @event = step.Event;
        var from = step.From;
        var snapshot = step.Snapshot;
        var date = LegalTime.DateOf(@event.At);
        var agenda = step.Agenda;
        // The transition and a reason per running deadline (one more only when the limitation closed the case).
        var builder = new ExplanationBuilder(RuleId, date, Law.JurisdictionCode, 1 + agenda.Due.Length + agenda.Overdue.Length, 0);
        var row = CaseTransitionTable.Find(from, @event.Kind)!;
        // Read without pattern variables: Stryker guards each condition, a variable declared in one is then not
        // definitely assigned (CS0165) and every mutant of the method is dropped.
        var rowCitation = row.Citation;
        if (@event.Kind == CaseEventKind.SummaryPenaltyImposed)
        {
            var summary = Policy.TryResolve(snapshot.Party == PartyKind.Person ? CaseParameters.SummaryFinePerson : CaseParameters.SummaryFineOrganisation, date, Jurisdiction);
            if (summary != null)
            {
                rowCitation = summary.Citation;
            }
        }
        builder.Add(CaseReasons.Transition.ToLocalizedReason(rowCitation, ("Event", CaseLabels.Of(@event.Kind)), ("From", CaseLabels.Of(from)), ("To", CaseLabels.Of(snapshot.State))));
        if (snapshot.CloseReason == CaseCloseReason.LimitationExpired && snapshot.ActDate.HasValue)
        {
            var end = snapshot.ActEndedOn ?? snapshot.ActDate.Value;
            builder.Add(CaseReasons.LimitationExpired.ToReason(CaseCitations.Limitation, ("ActDate", end), ("Limit", controller.LimitationLastDay(snapshot, end))));
        }
        var index = 0;
        foreach (var deadline in agenda.Due)
        {
            Runs(builder, step, deadline, index++);
        }
        foreach (var deadline in agenda.Overdue)
        {
            Runs(builder, step, deadline, index++);
        }
        UseParameters(builder, snapshot, date);
        return builder.Build(snapshot.State.ToString());
    }

    /// <summary>Rebuilds a case from its events alone; stops at the first rejected event.</summary>
    /// <param name="events">The events in the order they were recorded.</param>
    /// <returns>The snapshot, or the rejection of the first bad event (its path names the index).</returns>
    public RuleResult<CaseSnapshot> Replay(IEnumerable<CaseEvent> events)
    {
        Preconditions.CheckNotNull(events);
        var snapshot = CaseSnapshot.Initial;
        var index = 0;
        foreach (var e in events)
        {
            var result = controller.Apply(snapshot, e);
            if (!result.Accepted)
            {
                return RuleResult<CaseSnapshot>.Failure(result.ToRuleError($"$.history[{index}]"));
            }
            snapshot = result.Snapshot;
            index++;
        }
        return RuleResult<CaseSnapshot>.Success(snapshot);
    }

    /// <summary>What is due and what is overdue on <paramref name="asOf"/>, with the late surcharge.</summary>
    /// <param name="snapshot">The case.</param>
    /// <param name="asOf">The date of the query.</param>
    /// <returns>The agenda.</returns>
    public CaseAgenda AsOf(in CaseSnapshot snapshot, LocalDate asOf)
    {
        var s = snapshot;
        var c = controller;
        var list = ImmutableArray.CreateBuilder<CaseDeadline>();
        var agenda = new CaseController.Agenda(list);
        c.Deadlines(s, asOf, ref agenda);
        var surcharge = s.State is CaseState.Execution or CaseState.EnforcementApplied or CaseState.SummaryDecided ? c.Surcharge(s, asOf) : Money.Zero;
        var outstanding = Money.FromFen(Math.Max(0, s.Fine.Fen + surcharge.Fen - s.Paid.Fen));
        if (s.State is not (CaseState.Execution or CaseState.EnforcementApplied or CaseState.SummaryDecided))
        {
            outstanding = Money.Zero;
        }
        return new CaseAgenda(asOf, s.State, Select(list, overdue: false), Select(list, overdue: true), surcharge, outstanding);
    }

    // The running deadlines that are (or are not) overdue, in the order they run: one exact array each, no copy of the list.
    private static ImmutableArray<CaseDeadline> Select(ImmutableArray<CaseDeadline>.Builder all, bool overdue)
    {
        var count = 0;
        for (var j = 0; j < all.Count; j++)
        {
            count += all[j].Overdue == overdue ? 1 : 0;
        }
        if (count == 0)
        {
            return [];
        }
        var selected = new CaseDeadline[count];
        var i = 0;
        for (var j = 0; j < all.Count; j++)
        {
            if (all[j].Overdue == overdue)
            {
                selected[i++] = all[j];
            }
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(selected);
    }

    /// <summary>The late surcharge (加处罚款) accrued on <paramref name="asOf"/>: 3 % of the fine per day after the due date, in exact fen, never more than the fine.</summary>
    /// <param name="snapshot">The case.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The surcharge.</returns>
    public Money LateSurcharge(in CaseSnapshot snapshot, LocalDate asOf) => controller.Surcharge(snapshot, asOf);

    // A running deadline's reason (its values made from the step's agenda when the text is read) and computed date.
    private static void Runs(ExplanationBuilder builder, CaseStep step, CaseDeadline deadline, int index)
    {
        var label = CaseLabels.Of(deadline.Kind);
        builder.Add(CaseReasons.DeadlineRuns.ToDeferredReason(deadline.Citation, step, index));
        builder.Add(new ComputedDate(deadline.Kind.ToString(), label, deadline.LastDay)
        {
            From = deadline.From, ExpiresAt = deadline.ExpiresAt, Citation = deadline.Citation,
        });
    }

    // The parameters the state's deadlines and thresholds read, each as in force on its trigger date, in this order.
    private void UseParameters(ExplanationBuilder builder, in CaseSnapshot s, LocalDate date)
    {
        switch (s.State)
        {
            case CaseState.UnderVerification or CaseState.VerificationPaused:
                Use(builder, CaseParameters.LeadVerification, s.LeadReceivedOn);
                Use(builder, CaseParameters.Limitation, s.LeadReceivedOn);
                break;
            case CaseState.Notified:
                Use(builder, CaseParameters.StatementPeriod, s.NoticeServedOn);
                Use(builder, CaseParameters.HearingRequest, s.NoticeServedOn);
                Use(builder, s.Party == PartyKind.Person ? CaseParameters.HearingFinePerson : CaseParameters.HearingFineOrganisation, s.NoticeServedOn);
                break;
            case CaseState.LegalReview:
                Use(builder, CaseParameters.LegalReview, s.LegalReviewStartedOn);
                break;
            case CaseState.HearingScheduled:
                Use(builder, CaseParameters.HearingNotice, date);
                break;
            case CaseState.Decided:
                Use(builder, CaseParameters.Service, s.DecidedOn);
                Use(builder, CaseParameters.Publication, s.DecidedOn);
                break;
            case CaseState.Execution or CaseState.EnforcementApplied:
                Use(builder, CaseParameters.Payment, s.ServedOn);
                Use(builder, CaseParameters.LateSurchargeRate, s.ServedOn);
                Use(builder, CaseParameters.EnforcementSurchargeDays, s.ServedOn);
                Use(builder, CaseParameters.EnforcementDemandWait, s.ServedOn);
                Use(builder, CaseParameters.LitigationPeriod, s.ServedOn);
                Use(builder, CaseParameters.EnforcementApplicationWindow, s.ServedOn);
                break;
            case CaseState.SummaryDecided:
                Use(builder, s.Party == PartyKind.Person ? CaseParameters.SummaryFinePerson : CaseParameters.SummaryFineOrganisation, s.DecidedOn);
                Use(builder, CaseParameters.Payment, s.DecidedOn);
                break;
            case CaseState.TransferPendingApproval or CaseState.TransferApproved or CaseState.AwaitingPoliceDecision or CaseState.PoliceDeclined
                or CaseState.AwaitingReconsideration or CaseState.PoliceAccepted:
                Use(builder, CaseParameters.TransferApproval, date);
                Use(builder, CaseParameters.TransferDelivery, date);
                Use(builder, CaseParameters.PoliceDecision, date);
                Use(builder, CaseParameters.ReconsiderationRequest, date);
                Use(builder, CaseParameters.FilesHandOver, date);
                break;
            case CaseState.Investigation or CaseState.Suspended or CaseState.InvestigationConcluded or CaseState.LegalReviewCompleted or CaseState.HearingRequested
                or CaseState.HearingHeld or CaseState.CollectiveDiscussed:
                Use(builder, CaseParameters.DecisionPeriod, s.OpenedOn);
                Use(builder, CaseParameters.DecisionExtension, s.OpenedOn);
                break;
        }
    }

    private void Use(ExplanationBuilder builder, ParameterDefinition definition, LocalDate? on)
    {
        // Read without pattern variables (see Explain).
        if (!on.HasValue)
        {
            return;
        }
        var value = Policy.TryResolve(definition, on.Value, Jurisdiction);
        if (value != null)
        {
            builder.Use(value);
        }
    }
}

/// <summary>A case file: its id, its current snapshot and the immutable history of every accepted event.</summary>
public sealed class CaseFile
{
    private CaseFile(string caseId, CaseSnapshot snapshot, ImmutableArray<CaseRecord> history)
    {
        CaseId = caseId;
        Snapshot = snapshot;
        History = history;
    }

    /// <summary>The bureau's case number.</summary>
    public string CaseId { get; }

    /// <summary>The current snapshot.</summary>
    public CaseSnapshot Snapshot { get; }

    /// <summary>Every accepted event, oldest first.</summary>
    public ImmutableArray<CaseRecord> History { get; }

    /// <summary>The current state.</summary>
    public CaseState State => Snapshot.State;

    /// <summary>A new, empty case file.</summary>
    /// <param name="caseId">The bureau's case number.</param>
    /// <returns>The file.</returns>
    public static CaseFile Open(string caseId) => new(Preconditions.CheckNotNull(caseId), CaseSnapshot.Initial, []);

    /// <summary>Rebuilds a case file from its events alone.</summary>
    /// <param name="caseId">The bureau's case number.</param>
    /// <param name="events">The events, oldest first.</param>
    /// <param name="machine">The machine.</param>
    /// <returns>The file, or the rejection of the first bad event.</returns>
    public static RuleResult<CaseFile> Rebuild(string caseId, IEnumerable<CaseEvent> events, CaseStateMachine machine)
    {
        Preconditions.CheckNotNull(events);
        var file = Open(caseId);
        foreach (var e in events)
        {
            var next = file.Record(e, machine);
            if (!next.IsSuccess)
            {
                return next;
            }
            file = next.Value;
        }
        return RuleResult<CaseFile>.Success(file);
    }

    /// <summary>Records <paramref name="event"/>: a new file with one more history entry, or the rejection (this file is unchanged).</summary>
    /// <param name="event">The event.</param>
    /// <param name="machine">The machine.</param>
    /// <returns>The new file or the rejection.</returns>
    public RuleResult<CaseFile> Record(CaseEvent @event, CaseStateMachine machine)
    {
        Preconditions.CheckNotNull(machine);
        var step = machine.Transition(Snapshot, @event);
        if (!step.IsSuccess)
        {
            return RuleResult<CaseFile>.Failure(step.Errors);
        }
        var record = new CaseRecord(History.Length + 1, @event, step.Value.From, step.Value.To, step.Value.Explanation);
        return RuleResult<CaseFile>.Success(new CaseFile(CaseId, step.Value.Snapshot, History.Add(record)));
    }

    /// <summary>The events of the history, oldest first, to store or to rebuild the file from.</summary>
    /// <returns>The events.</returns>
    public ImmutableArray<CaseEvent> Events() => [.. History.Select(r => r.Event)];
}
