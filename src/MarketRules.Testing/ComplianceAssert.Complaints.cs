using MarketRules.Calendar;
using MarketRules.Complaints;

namespace MarketRules.Testing;

// Complaints (市场监督管理投诉举报处理暂行办法 / 处理办法) replayed through the area's state machine, and whistle-blower
// rewards (国市监稽规〔2021〕4号) recomputed with the area's calculator.
public static partial class ComplianceAssert
{
    /// <summary>
    /// Checks that a complaint history met every deadline that governed it: replays it through
    /// <see cref="ComplaintStateMachine"/> (the governing order chosen by the receipt date) and, before each event, asks
    /// which deadlines ran (acceptance 7 working days, the mediation limit with testing time excluded, the termination
    /// notice 7 working days, a jurisdiction dispute 7 working days, clue verification 15 (+15) working days); no event
    /// may come after one of them expired. With <paramref name="asOf"/>, deadlines still open on that date must not have
    /// passed either.
    /// </summary>
    /// <param name="history">The events in the order the system recorded them.</param>
    /// <param name="asOf">The date the history was taken; <see langword="null"/> to check only up to the last event.</param>
    /// <param name="machine">The machine; <see langword="null"/> for the machine under <c>NationalCatalog.Law</c>.</param>
    /// <exception cref="ComplianceException">Thrown at the first rejected event, the first event past a deadline, or a deadline passed by <paramref name="asOf"/>.</exception>
    public static void ComplaintDeadlinesMet(IEnumerable<ComplaintEvent> history, LocalDate? asOf = null, ComplaintStateMachine? machine = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        machine ??= new ComplaintStateMachine(NationalCatalog.Law);
        var snapshot = ComplaintSnapshot.Initial;
        var index = 0;
        foreach (var e in history)
        {
            if (snapshot.EventCount > 0)
            {
                foreach (var deadline in machine.Deadlines(snapshot, LegalTime.DateOf(e.At)))
                {
                    // Agreement or termination on the mediation limit's last day is in time; the limit itself is not an act the bureau owes.
                    if (e.At > deadline.ExpiresAt && deadline.Kind != ComplaintDeadlineKind.Mediation)
                    {
                        throw new ComplianceException(ComplaintStateMachine.RuleId, deadline.Citation,
                            $"event #{index} ({e.Kind}) no later than {Format(deadline.LastDay)}: the {deadline.Kind} deadline running from {Format(deadline.From)}",
                            $"{e.Kind} on {Format(LegalTime.DateOf(e.At))} in state {snapshot.State}",
                            $"Event #{index} came after the {deadline.Kind} deadline that governed it.");
                    }
                }
            }
            var transition = machine.Apply(snapshot, e);
            if (!transition.Accepted)
            {
                var row = ComplaintTransitionTable.Find(snapshot.State, e.Kind);
                throw new ComplianceException(ComplaintStateMachine.RuleId, row?.CitationUnder(snapshot.Order),
                    $"event #{index} ({e.Kind}) a legal transition from {snapshot.State}",
                    $"rejected with {transition.Error!.Code}: {transition.Error.Message.English}",
                    $"Event #{index} ({e.Kind}) is not a legal transition.");
            }
            snapshot = transition.ApplyTo(snapshot);
            index++;
        }
        if (asOf is { } date && snapshot.EventCount > 0)
        {
            foreach (var missed in machine.Deadlines(snapshot, date).Where(d => d.Overdue && d.Kind != ComplaintDeadlineKind.Mediation))
            {
                throw new ComplianceException(ComplaintStateMachine.RuleId, missed.Citation,
                    $"{missed.Kind} done by {Format(missed.LastDay)} (running from {Format(missed.From)})",
                    $"still pending on {Format(date)} in state {snapshot.State}",
                    $"The {missed.Kind} deadline passed with nothing done.");
            }
        }
    }

    /// <summary>
    /// Checks that a reward a system paid is the one the measures require: recomputes it with
    /// <see cref="ReportRewardCalculator"/> (eligibility, the level's percentage exact to the fen with the case's rounding
    /// rule, the floor, the 1,000,000-yuan cap per case) and compares the amount and the finance co-decision flag.
    /// </summary>
    /// <param name="facts">The case as the system recorded it.</param>
    /// <param name="paid">The reward the system computed (zero when it paid none).</param>
    /// <param name="financeCoDecided">Whether the system had the amount set with the finance department.</param>
    /// <param name="calculator">The calculator with the province's pack; <see langword="null"/> for the shipped reward packs under the national jurisdiction.</param>
    /// <exception cref="ComplianceException">Thrown when the amount or the co-decision differs, or the calculator answers with an error.</exception>
    public static void RewardComputed(RewardCase facts, Money paid, bool financeCoDecided, ReportRewardCalculator? calculator = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        calculator ??= new ReportRewardCalculator(RewardPolicyPacks.WithAll(NationalCatalog.Law));
        var result = calculator.Decide(facts);
        if (!result.IsSuccess)
        {
            throw new ComplianceException(ReportRewardCalculator.RuleId, null, "a reward decision", string.Join("; ", result.Errors),
                "The reward facts could not be decided.");
        }
        var d = result.Value!;
        var citation = d.CapApplied ? ComplaintCitations.RewardCap : d.Eligible ? ComplaintCitations.RewardAmounts : ComplaintCitations.RewardScope;
        if (d.Amount != paid)
        {
            throw new ComplianceException(ReportRewardCalculator.RuleId, citation,
                $"{d.Amount} ({(d.Eligible ? "eligible" : "not eligible: " + string.Join(", ", d.Exclusions))}; floor {(d.FloorApplied ? "applied" : "not applied")}, cap {(d.CapApplied ? "applied" : "not applied")})",
                $"{paid}", "The reward differs from the one the measures require.");
        }
        if (d.NeedsFinanceCoDecision != financeCoDecided)
        {
            throw new ComplianceException(ReportRewardCalculator.RuleId, ComplaintCitations.RewardFinanceCoDecision,
                $"finance co-decision {(d.NeedsFinanceCoDecision ? "required" : "not required")} for {d.Amount}",
                $"finance co-decision {(financeCoDecided ? "recorded" : "not recorded")}", "A reward of 500,000 yuan or more is set with the finance department.");
        }
    }
}
