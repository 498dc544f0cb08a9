using CsCheck;
using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

public partial class CaseStateMachineTests
{
    private static readonly CaseEventKind[] Kinds = Enum.GetValues<CaseEventKind>();

    // A random walk: each step picks, four times in five, an event the table allows in the current state, otherwise any
    // event kind; facts are guard-friendly and the instant is shifted by 0–6 days, so guards both pass and fail.
    private static readonly Gen<(int Start, (int Kind, int Gap)[] Steps)> Walks =
        Gen.Select(Gen.Int[0, 600], Gen.Select(Gen.Int[0, (Kinds.Length * 5) - 1], Gen.Int[0, 6]).Array[1, 60]);

    private static int reachedPenalty;

    private static List<CaseEvent> Events(int start, (int Kind, int Gap)[] steps, out CaseSnapshot final, out List<CaseSnapshot> seen) =>
        Events(CaseSnapshot.Initial, start, steps, out final, out seen);

    private static List<CaseEvent> Events(CaseSnapshot from, int start, (int Kind, int Gap)[] steps, out CaseSnapshot final, out List<CaseSnapshot> seen)
    {
        var snapshot = from;
        var events = new List<CaseEvent>();
        seen = [snapshot];
        var origin = new LocalDate(2024, 1, 2).PlusDays(start);
        foreach (var (pick, gap) in steps)
        {
            var allowed = CaseTransitionTable.AllowedEvents(snapshot.State);
            var kind = pick < Kinds.Length * 4 && allowed.Length > 0 ? (int)allowed[pick % allowed.Length] : pick % Kinds.Length;
            var valid = ValidEvent(snapshot, Kinds[kind]);
            var when = snapshot.EventCount == 0 ? At(origin) : valid.At.Plus(Duration.FromDays(gap));
            if (kind == (int)CaseEventKind.LeadReceived)
            {
                valid = valid with { Date = LegalTime.DateOf(when).PlusDays(-30) };
            }
            var e = valid with { At = when };
            var result = Machine.Apply(snapshot, e);
            if (result.Accepted)
            {
                events.Add(e);
                snapshot = result.Snapshot;
                seen.Add(snapshot);
            }
            else
            {
                Assert.Equal(snapshot, result.Snapshot);
            }
        }
        final = snapshot;
        return events;
    }

    [Fact]
    public void Replay_AnyAcceptedEvents_Meets_Specification()
    {
        Walks.Sample(walk =>
        {
            var events = Events(walk.Start, walk.Steps, out var final, out _);
            var once = Machine.Replay(events).GetValueOrThrow();
            var twice = Machine.Replay(events).GetValueOrThrow();
            return once == final && twice == final && CaseFile.Rebuild("x", events, Machine).GetValueOrThrow().Snapshot == final;
        }, iter: 200);
    }

    [Fact]
    public void Decided_AnyEventSequence_Meets_Specification()
    {
        // No sequence reaches a penalty decision without a served notice whose period ran out, was waived, or was followed by a hearing.
        // Walks start from an empty case or from a case just before or after the notice, so that decisions are reached often.
        CaseState[] starts = [CaseState.None, CaseState.Investigation, CaseState.InvestigationConcluded, CaseState.LegalReviewCompleted, CaseState.Notified, CaseState.HearingHeld];
        Gen.Select(Walks, Gen.Int[0, starts.Length - 1]).Sample((walk, from) =>
        {
            Events(SnapshotIn(starts[from]), walk.Start, walk.Steps, out _, out var seen);
            foreach (var s in seen.Where(s => s.Decision == CaseDecisionKind.Penalty))
            {
                Interlocked.Increment(ref reachedPenalty);
                if (s.NoticeServedOn is not { } notice)
                {
                    return false;
                }
                var statementEnd = PeriodCalculator.China.Calendar.AddWorkingDays(notice, 5);
                if (!s.RightsWaived && s.HearingDate is null && s.DecidedOn <= statementEnd)
                {
                    return false;
                }
            }
            return true;
        }, iter: 300);
        Assert.True(reachedPenalty > 0, "the walks never reached a penalty decision");
    }

    [Fact]
    public void Deadlines_AnyDate_Meets_Specification()
    {
        // Never earlier than the statutory minimum: 15 full working days to verify, 5 to answer a notice, 90 calendar days to decide.
        Gen.Select(Gen.Int[0, 900], Gen.Int[0, 40]).Sample((offset, paused) =>
        {
            var day = new LocalDate(2024, 1, 2).PlusDays(offset);
            var calendar = PeriodCalculator.China.Calendar;
            var lead = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(day), day.PlusDays(-10)));
            var verification = lead.NextDeadline;
            var opened = Machine.Apply(lead.Snapshot, CaseEvent.Of(CaseEventKind.CaseOpened, At(day)));
            var suspended = Machine.Apply(opened.Snapshot, CaseEvent.Suspended(At(day.PlusDays(1)), PauseKind.Testing)).Snapshot;
            var resumed = Machine.Apply(suspended, CaseEvent.Of(CaseEventKind.InvestigationResumed, At(day.PlusDays(1 + paused))));
            var concluded = Machine.Apply(resumed.Snapshot, CaseEvent.Concluded(At(day.PlusDays(1 + paused)), false, false)).Snapshot;
            var notified = Machine.Apply(concluded, CaseEvent.NoticeServed(At(day.PlusDays(1 + paused)), PartyKind.Person, Sanctions.Warning, Money.Zero));
            var noticeDay = day.PlusDays(1 + paused);
            return calendar.CountWorkingDays(day, verification) == 15 && calendar.IsWorkingDay(verification)
                && NodaTime.Period.DaysBetween(day, resumed.NextDeadline) >= 90 + paused
                && calendar.CountWorkingDays(noticeDay, notified.NextDeadline) == 5 && notified.NextDeadline > noticeDay.PlusDays(4);
        }, iter: 300);
    }
}
