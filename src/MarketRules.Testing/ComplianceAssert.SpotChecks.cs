using System.Globalization;
using MarketRules.SpotChecks;

namespace MarketRules.Testing;

// SpotChecks: the follow-up chain of a non-conforming lot (产品质量法 第十五条、第十七条; 食品安全法 第八十八条;
// 总局令第18号 第四十五条至第四十八条) replayed through the area's state machine, and pass rates checked against their counts.
public static partial class ComplianceAssert
{
    /// <summary>
    /// Checks that a lot's recorded follow-up chain is legal and timely: replays it through the state machine and fails at
    /// the first event the machine rejects (an illegal step, a re-test asked for after its window, a second review
    /// before day 61), and at the first step the machine accepts but reports late (sales stopped after the day the
    /// result was received, a review after its 75 days, a second review after day 89). With <paramref name="asOf"/>, a
    /// step still pending after its last day fails too.
    /// </summary>
    /// <param name="facts">The lot's facts (food or not, level, licence).</param>
    /// <param name="history">The events as the system recorded them, oldest first.</param>
    /// <param name="asOf">The date the history was taken, or <see langword="null"/> to check only up to the last event.</param>
    /// <param name="machine">The machine; <see langword="null"/> for the machine under <c>NationalCatalog.Law</c>.</param>
    /// <exception cref="ComplianceException">Thrown at the first rejected, late or overdue step.</exception>
    public static void FollowUpChainMet(SpotCheckLotFacts facts, IEnumerable<SpotCheckEvent> history, LocalDate? asOf = null, SpotCheckStateMachine? machine = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        machine ??= new SpotCheckStateMachine(NationalCatalog.Law);
        var lot = SpotCheckLot.New(facts);
        var index = 0;
        foreach (var e in history)
        {
            var step = machine.Transition(lot, e, $"$.history[{index}]");
            if (!step.IsSuccess)
            {
                var error = step.Errors[0];
                var row = SpotCheckTransitionTable.Find(lot.State, e.Kind);
                throw new ComplianceException(SpotCheckStateMachine.RuleId, row?.Citation,
                    $"event #{index} ({e.Kind} on {Format(e.On)}) allowed in state {lot.State}: {string.Join(", ", SpotCheckTransitionTable.AllowedEvents(lot.State))}",
                    $"rejected with {error.Code}: {error.Message.English}",
                    $"Event #{index} ({e.Kind}) is not a legal step of the follow-up chain.");
            }
            if (!step.Value.Late.IsEmpty)
            {
                var late = step.Value.Late[0];
                throw new ComplianceException(SpotCheckStateMachine.RuleId, step.Value.Explanation.Reasons.First(r => r.Code == SpotCheckReasons.StepLate.Code).Citation,
                    $"{late.Step} by {Format(late.LastDay)}",
                    $"event #{index} ({e.Kind}) on {Format(late.TakenOn)}, {late.DaysLate.ToString(CultureInfo.InvariantCulture)} day(s) late",
                    $"Event #{index} took the {late.Step} step after its last day.");
            }
            lot = step.Value.Lot;
            index++;
        }
        if (asOf is { } date && lot.EventCount > 0 && machine.AsOf(lot, date).Overdue.FirstOrDefault() is { } missed)
        {
            throw new ComplianceException(SpotCheckStateMachine.RuleId, missed.Citation,
                $"{missed.Step} ({missed.Actor}) by {Format(missed.LastDay)}",
                $"still pending on {Format(date)} in state {lot.State}",
                $"The {missed.Step} step is overdue.");
        }
    }

    /// <summary>Checks that a printed pass rate follows from its own counts: conforming ÷ sampled, rounded half away from zero to the printed decimals.</summary>
    /// <param name="sampled">Batches sampled.</param>
    /// <param name="conforming">Batches conforming.</param>
    /// <param name="reportedPercent">The printed rate in percent (its decimals count).</param>
    /// <exception cref="ComplianceException">Thrown when the counts give another rate, naming both figures and the exact fraction.</exception>
    public static void PassRateMatchesCounts(long sampled, long conforming, decimal reportedPercent)
    {
        var rate = PassRates.Of("reported", sampled, conforming, Math.Min(10, (decimal.GetBits(reportedPercent)[3] >> 16) & 0xFF));
        if (!PassRates.Agrees(rate, reportedPercent))
        {
            throw new ComplianceException(PassRates.RuleId, null,
                $"{conforming.ToString(CultureInfo.InvariantCulture)}/{sampled.ToString(CultureInfo.InvariantCulture)} = {rate.Fraction} = {rate.Percent?.ToString(CultureInfo.InvariantCulture)}%",
                $"{reportedPercent.ToString(CultureInfo.InvariantCulture)}%",
                "The printed pass rate does not follow from its own counts.");
        }
    }
}
