using CsCheck;
using MarketRules.Calendar;
using MarketRules.Complaints;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

public class ComplaintPropertyTests
{
    private static readonly ComplaintEventKind[] Kinds = Enum.GetValues<ComplaintEventKind>();
    private static readonly MediationEndGround[] EndGrounds = Enum.GetValues<MediationEndGround>();
    private static readonly MediationPause[] Pauses = Enum.GetValues<MediationPause>();

    // A random walk from a receipt day between 2025-01-02 and 2026-02-06 (so both orders are drawn): four steps in five
    // pick an event the table allows, otherwise any event; grounds and pauses are drawn from every value, so guards
    // pass and fail; instants move on by 0–4 days.
    private static readonly Gen<(int Start, (int Kind, int Gap, int Fact)[] Steps)> Walks =
        Gen.Select(Gen.Int[0, 400], Gen.Select(Gen.Int[0, (Kinds.Length * 5) - 1], Gen.Int[0, 4], Gen.Int[0, 11]).Array[1, 40]);

    private static IEnumerable<(ComplaintSnapshot Before, ComplaintEvent Event, ComplaintTransition Result)> Walk(int start, (int Kind, int Gap, int Fact)[] steps)
    {
        var snapshot = ComplaintSnapshot.Initial;
        var when = At(new LocalDate(2025, 1, 2).PlusDays(start));
        foreach (var (pick, gap, fact) in steps)
        {
            var allowed = ComplaintTransitionTable.AllowedEvents(snapshot.State);
            var kind = pick < Kinds.Length * 4 && allowed.Length > 0 ? allowed[pick % allowed.Length] : Kinds[pick % Kinds.Length];
            when = when.Plus(Duration.FromDays(gap));
            var e = ValidEvent(kind, LegalTime.DateOf(when)) with { At = when };
            e = kind switch
            {
                ComplaintEventKind.MediationTerminated => e with { EndGround = EndGrounds[fact % EndGrounds.Length] },
                ComplaintEventKind.TestingStarted => e with { Pause = Pauses[fact % Pauses.Length] },
                ComplaintEventKind.MediationStarted => e with { BothPartiesConsent = fact != 0 },
                ComplaintEventKind.ClueVerificationExtended => e with { HeadApproved = fact % 2 == 0 },
                _ => e,
            };
            var result = Machine.Apply(snapshot, e);
            yield return (snapshot, e, result);
            if (result.Accepted)
            {
                snapshot = result.ApplyTo(snapshot);
            }
        }
    }

    [Fact]
    public void History_NeverSkipsAState_EveryAcceptedStepIsARowOfTheTable()
    {
        Walks.Sample(walk =>
        {
            var history = new List<ComplaintEvent>();
            ComplaintSnapshot? last = null;
            foreach (var (before, e, result) in Walk(walk.Start, walk.Steps))
            {
                if (!result.Accepted)
                {
                    // A refusal leaves the complaint as it was: the same state, and no new snapshot to make.
                    Assert.Equal(before.State, result.To);
                    Assert.Throws<InvalidOperationException>(() => result.ApplyTo(before));
                    Assert.StartsWith("MR.", result.Error!.Code, StringComparison.Ordinal);
                    continue;
                }
                var row = ComplaintTransitionTable.Find(before.State, e.Kind);
                Assert.NotNull(row);
                var next = result.ApplyTo(before);
                Assert.Equal(row.To, result.To);
                Assert.Equal(row.To, next.State);
                Assert.Equal(before.EventCount + 1, next.EventCount);
                history.Add(e);
                last = next;
            }
            // The history alone rebuilds the same complaint.
            Assert.Equal(last ?? ComplaintSnapshot.Initial, Machine.Replay(history).GetValueOrThrow(), SnapshotComparer.Instance);
        }, iter: 300);
    }

    [Fact]
    public void Deadlines_OnlyMoveByTheExcludedTestingTime()
    {
        Walks.Sample(walk =>
        {
            // The testing intervals as the events ran them, kept here apart from the machine's banked clock.
            var intervals = new List<DateInterval>();
            LocalDate? testingSince = null;
            foreach (var (before, e, result) in Walk(walk.Start, walk.Steps))
            {
                if (!result.Accepted)
                {
                    continue;
                }
                var date = LegalTime.DateOf(e.At);
                var after = result.ApplyTo(before);
                if (e.Kind == ComplaintEventKind.TestingStarted)
                {
                    testingSince = date;
                }
                else if (testingSince is { } since && after.PausedSince is null)
                {
                    if (date > since)
                    {
                        intervals.Add(new DateInterval(since, date.PlusDays(-1)));
                    }
                    testingSince = null;
                }
                // Acceptance is fixed from receipt: no later event moves it.
                if (before.State == ComplaintState.Received && after.State == ComplaintState.Received)
                {
                    Assert.Equal(Deadline(before, ComplaintDeadlineKind.Acceptance, date), Deadline(after, ComplaintDeadlineKind.Acceptance, date));
                }
                // No event moves the mediation limit as of its own day: pauses are banked exactly as they ran.
                if (HasMediationClock(before) && HasMediationClock(after))
                {
                    Assert.Equal(Deadline(before, ComplaintDeadlineKind.Mediation, date), Deadline(after, ComplaintDeadlineKind.Mediation, date));
                }
                if (HasMediationClock(after))
                {
                    // The limit is the kernel's period from acceptance with exactly the testing intervals left out.
                    var period = after.Order == ComplaintOrder.Order20 ? LegalPeriod.WorkingDays(45) : LegalPeriod.Days(60);
                    var kernel = Machine.Periods.Deadline(after.DecidedOn!.Value, period, intervals.ToArray(), RestDayRule.RollForward);
                    if (after.PausedSince is null)
                    {
                        Assert.Equal(kernel.LastDay, Deadline(after, ComplaintDeadlineKind.Mediation, date));
                        Assert.Equal(kernel.ExcludedDays, Machine.Deadlines(after, date).Single(d => d.Kind == ComplaintDeadlineKind.Mediation).ExcludedDays);
                    }
                    else
                    {
                        Assert.True(Deadline(after, ComplaintDeadlineKind.Mediation, date) >= kernel.LastDay);
                    }
                    // Testing may start on the day of acceptance itself, never before it.
                    Assert.All(intervals, i => Assert.True(i.Start >= after.DecidedOn!.Value));
                }
            }
        }, iter: 300);
    }

    private static bool HasMediationClock(ComplaintSnapshot s) => s.State is ComplaintState.Accepted or ComplaintState.Mediating or ComplaintState.MediationPaused;

    private static LocalDate Deadline(ComplaintSnapshot s, ComplaintDeadlineKind kind, LocalDate asOf) =>
        Machine.Deadlines(s, asOf).Single(d => d.Kind == kind).LastDay;

    private sealed class SnapshotComparer : IEqualityComparer<ComplaintSnapshot>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(ComplaintSnapshot x, ComplaintSnapshot y) =>
            x.State == y.State && x.Order == y.Order && x.EventCount == y.EventCount && x.LastEventAt == y.LastEventAt
            && x.ReceivedOn == y.ReceivedOn && x.DecidedOn == y.DecidedOn && x.RefusalGrounds.SequenceEqual(y.RefusalGrounds)
            && x.MediationPauses == y.MediationPauses && x.PausedSince == y.PausedSince && x.EndGround == y.EndGround
            && x.ClueFoundOn == y.ClueFoundOn && x.ClueExtended == y.ClueExtended && x.Missed.SequenceEqual(y.Missed) && x.Met.SequenceEqual(y.Met);

        public int GetHashCode(ComplaintSnapshot obj) => obj.EventCount;
    }
}
