using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The deadlines a warmed-up service computes. A service answers most decisions with code the JIT recompiled at Tier 1
/// with profile-guided optimisation; the tests run with tiering's delay at zero (tests/jit-warm.runsettings) so that a
/// path called this often is recompiled while the test runs. On .NET 10.0.12 that recompilation once answered every
/// lead-verification deadline with 0001-01-01 (docs/decisions/0025-tested-as-jitted-in-service.md).
/// </summary>
public class CaseDeadlinesWarmedUpTests
{
    [Fact]
    public void LeadVerification_CalledUntilTheJitRecompiledIt_StillEndsFifteenWorkingDaysAfterTheLead_Order2Art18()
    {
        var calendar = StatutoryCalendar.China;
        var first = new LocalDate(2020, 1, 1);
        var span = Period.DaysBetween(first, new LocalDate(2025, 12, 1));
        var wrong = new List<string>();
        for (var i = 0; i < 1_000_000 && wrong.Count < 5; i++)
        {
            // Every lead day from 2020 to 2025 in turn, over and over: the same answers each time round.
            var lead = first.PlusDays(i % span);
            var received = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(lead), lead.PlusDays(-30)));
            var expected = calendar.AddWorkingDays(lead, 15);
            if (received.NextDeadlineKind != CaseDeadlineKind.LeadVerification || received.NextDeadline != expected)
            {
                wrong.Add($"call {i}, lead {lead:uuuu-MM-dd}: {received.NextDeadlineKind} {received.NextDeadline:uuuu-MM-dd}, expected {expected:uuuu-MM-dd}");
            }
            if (i % 64 == 0 && received.Accepted)
            {
                // The agenda reads the same deadline on its own path (what the engine's JSON answer lists under "due").
                var due = Machine.AsOf(received.Snapshot, lead).Due.Single(d => d.Kind == CaseDeadlineKind.LeadVerification);
                if (due.LastDay != expected)
                {
                    wrong.Add($"call {i}, lead {lead:uuuu-MM-dd}: agenda {due.LastDay:uuuu-MM-dd}, expected {expected:uuuu-MM-dd}");
                }
            }
        }
        Assert.Empty(wrong);
    }
}
