using MarketRules.Calendar;
using MarketRules.Cases;

namespace MarketRules.Testing;

// Cases: the administrative penalty procedure (行政处罚法, 市场监督管理行政处罚程序规定, 行政执法机关移送涉嫌犯罪案件的规定)
// replayed through the area's state machine; the deadlines are the machine's own agenda.
public static partial class ComplianceAssert
{
    private static readonly Lazy<CaseStateMachine> NationalCases = new(() => new CaseStateMachine(NationalCatalog.Law));

    /// <summary>
    /// Checks that a case history contains only legal transitions: replays it through the state machine and reports the
    /// first event the machine rejects, with its index, the rejection code and the rule of the transition it broke.
    /// </summary>
    /// <param name="history">The events in the order the system recorded them.</param>
    /// <param name="machine">The machine (law in force, jurisdiction); <see langword="null"/> for national law (<see cref="NationalCatalog.Law"/>).</param>
    /// <exception cref="ComplianceException">Thrown at the first rejected event.</exception>
    public static void LegalTransitions(IEnumerable<CaseEvent> history, CaseStateMachine? machine = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        _ = ReplayCase(history, machine ?? NationalCases.Value, deadlines: false);
    }

    /// <summary>
    /// Checks that a case history met every deadline that governed it: replays it and, before each event, asks the
    /// machine's agenda (<see cref="CaseStateMachine.AsOf"/>) which deadlines ran; no event may come after one of them
    /// expired (e.g. a decision served after the 7 working days, a decision taken after the 90-day case period, a
    /// transfer delivered after 24 hours, a penalty not published within 20 working days). With <paramref name="asOf"/>,
    /// deadlines still open on that date must not have passed either.
    /// </summary>
    /// <remarks>
    /// The party's windows are not the authority's deadlines and are not checked: statement and defence, the hearing
    /// request, payment (late payment accrues the surcharge instead), the earliest day of the enforcement demand, the
    /// limitation (the machine closes the case itself) and the optional reconsideration request. The history must be
    /// legal: a rejected event fails as in <see cref="LegalTransitions"/>.
    /// </remarks>
    /// <param name="history">The events in the order the system recorded them.</param>
    /// <param name="asOf">The date the history was taken, to catch a deadline that passed with no event since; <see langword="null"/> to check only up to the last event.</param>
    /// <param name="machine">The machine; <see langword="null"/> for national law (<see cref="NationalCatalog.Law"/>).</param>
    /// <exception cref="ComplianceException">Thrown at the first event (or the as-of date) past a deadline, or at the first rejected event.</exception>
    public static void DeadlinesMet(IEnumerable<CaseEvent> history, LocalDate? asOf = null, CaseStateMachine? machine = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        machine ??= NationalCases.Value;
        var snapshot = ReplayCase(history, machine, deadlines: true);
        if (asOf is { } date && snapshot.EventCount > 0)
        {
            var agenda = machine.AsOf(snapshot, date);
            if (agenda.Overdue.FirstOrDefault(d => GovernsAuthority(d.Kind)) is { } missed)
            {
                throw new ComplianceException(CaseStateMachine.RuleId, missed.Citation,
                    $"{missed.Kind} done by {Format(missed.LastDay)} (running from {Format(missed.From)})",
                    $"still pending on {Format(date)} in state {snapshot.State}, {Period.DaysBetween(missed.LastDay, date)} day(s) after the last day",
                    $"The {missed.Kind} deadline passed with nothing done.");
            }
        }
    }

    private static CaseSnapshot ReplayCase(IEnumerable<CaseEvent> history, CaseStateMachine machine, bool deadlines)
    {
        var snapshot = CaseSnapshot.Initial;
        var index = 0;
        foreach (var e in history)
        {
            if (deadlines && snapshot.EventCount > 0)
            {
                var agenda = machine.AsOf(snapshot, LegalTime.DateOf(e.At));
                foreach (var deadline in agenda.Due.Concat(agenda.Overdue))
                {
                    if (GovernsAuthority(deadline.Kind) && e.At > deadline.ExpiresAt)
                    {
                        throw new ComplianceException(CaseStateMachine.RuleId, deadline.Citation,
                            $"event #{index} ({e.Kind}) no later than {FormatLegal(deadline.ExpiresAt)}: the {deadline.Kind} deadline running from {Format(deadline.From)} "
                            + $"ends on {Format(deadline.LastDay)}",
                            $"{e.Kind} at {FormatLegal(e.At)} in state {snapshot.State}",
                            $"Event #{index} came after the {deadline.Kind} deadline that governed it.");
                    }
                }
            }
            var transition = machine.Apply(snapshot, e);
            if (!transition.Accepted)
            {
                var error = transition.ToRuleError($"$.history[{index}]");
                var row = CaseTransitionTable.Find(transition.From, e.Kind);
                var allowed = string.Join(", ", CaseTransitionTable.AllowedEvents(transition.From));
                throw new ComplianceException(CaseStateMachine.RuleId, row?.Citation,
                    row is null
                        ? $"event #{index} one of the events allowed in state {transition.From}: {(allowed.Length == 0 ? "none" : allowed)}"
                        : $"event #{index} ({e.Kind}) meeting the guard of {transition.From} → {row.To}",
                    $"rejected with {transition.Rejection} ({error.Code}): {error.Message.English}",
                    $"Event #{index} ({e.Kind} at {FormatLegal(e.At)}) is not a legal transition.");
            }
            snapshot = transition.Snapshot;
            index++;
        }
        return snapshot;
    }

    // Beijing time, as the case file records it.
    private static string FormatLegal(Instant instant) =>
        NodaTime.Text.OffsetDateTimePattern.GeneralIso.Format(instant.InZone(LegalTime.Zone).ToOffsetDateTime());

    private static bool GovernsAuthority(CaseDeadlineKind kind) => kind is not (CaseDeadlineKind.None or CaseDeadlineKind.StatementAndDefence
        or CaseDeadlineKind.HearingRequest or CaseDeadlineKind.Payment or CaseDeadlineKind.EnforcementDemand or CaseDeadlineKind.Limitation
        or CaseDeadlineKind.ReconsiderationRequest);
}
