using MarketRules.Calendar;
using MarketRules.Cases;

namespace MarketRules.Tests.Cases;

/// <summary>Paths into every state and a guard-satisfying event of every kind, for the table theory and the properties.</summary>
internal static class CaseFixture
{
    internal static readonly LocalDate D0 = new(2025, 3, 3);

    internal static readonly CriminalReferralReference SampleReferral =
        new("刑法第一百四十条 生产、销售伪劣产品罪", "销售金额 ≥ 50,000 元", At(D0));

    internal static CaseStateMachine Machine { get; } = new(NationalCatalog.Law);

    internal static Instant At(LocalDate date, int hour = 10) => date.At(new LocalTime(hour, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();

    internal static Instant At(int y, int m, int d, int hour = 10) => At(new LocalDate(y, m, d), hour);

    private static CaseEvent E(CaseEventKind kind, int day) => CaseEvent.Of(kind, At(D0.PlusDays(day)), "officer-1");

    internal static IReadOnlyList<CaseEvent> PathTo(CaseState state)
    {
        var lead = CaseEvent.LeadReceived(At(D0), D0.PlusDays(-30), actor: "officer-1");
        List<CaseEvent> investigation = [lead, E(CaseEventKind.CaseOpened, 2)];
        List<CaseEvent> notified = [.. investigation, CaseEvent.Concluded(At(D0.PlusDays(4)), true, false), E(CaseEventKind.LegalReviewStarted, 5),
            E(CaseEventKind.LegalReviewCompleted, 6), CaseEvent.NoticeServed(At(D0.PlusDays(7)), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000))];
        List<CaseEvent> held = [.. notified, E(CaseEventKind.HearingRequested, 8), CaseEvent.HearingNoticeServed(At(D0.PlusDays(9)), D0.PlusDays(30)),
            E(CaseEventKind.HearingHeld, 30)];
        List<CaseEvent> decided = [.. held, E(CaseEventKind.CollectiveDiscussionHeld, 31),
            CaseEvent.PenaltyDecided(At(D0.PlusDays(32)), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000))];
        List<CaseEvent> execution = [.. decided, E(CaseEventKind.DecisionServed, 33), E(CaseEventKind.EnforcementDemanded, 90)];
        List<CaseEvent> police = [.. investigation, CaseEvent.TransferToPoliceDecided(At(D0.PlusDays(3)), SampleReferral), E(CaseEventKind.TransferApproved, 4),
            CaseEvent.Of(CaseEventKind.CaseTransferred, At(D0.PlusDays(4), 14))];
        return state switch
        {
            CaseState.None => [],
            CaseState.UnderVerification => [lead],
            CaseState.VerificationPaused => [lead, CaseEvent.VerificationPaused(At(D0.PlusDays(1)), PauseKind.Testing)],
            CaseState.NotOpened => [lead, E(CaseEventKind.CaseNotOpened, 1)],
            CaseState.Investigation => investigation,
            CaseState.Suspended => [.. investigation, CaseEvent.Suspended(At(D0.PlusDays(3)), PauseKind.Testing)],
            CaseState.InvestigationConcluded => notified[..3],
            CaseState.LegalReview => notified[..4],
            CaseState.LegalReviewCompleted => notified[..5],
            CaseState.Notified => notified,
            CaseState.HearingRequested => held[..7],
            CaseState.HearingScheduled => held[..8],
            CaseState.HearingHeld => held,
            CaseState.CollectiveDiscussed => decided[..10],
            CaseState.Decided => decided,
            CaseState.Execution => execution,
            CaseState.EnforcementApplied => [.. execution, E(CaseEventKind.EnforcementApplied, 33 + 200)],
            CaseState.Executed => [.. decided, E(CaseEventKind.DecisionServed, 33), CaseEvent.PaymentReceived(At(D0.PlusDays(34)), Money.FromYuan(150_000))],
            CaseState.TransferPendingApproval => police[..3],
            CaseState.TransferApproved => police[..4],
            CaseState.AwaitingPoliceDecision => police,
            CaseState.PoliceDeclined => [.. police, E(CaseEventKind.PoliceDeclined, 5)],
            CaseState.AwaitingReconsideration => [.. police, E(CaseEventKind.PoliceDeclined, 5), E(CaseEventKind.ReconsiderationRequested, 6)],
            CaseState.PoliceAccepted => [.. police, E(CaseEventKind.PoliceAccepted, 5)],
            CaseState.TransferredToAgency => [.. investigation, E(CaseEventKind.TransferToAgencyDecided, 3)],
            CaseState.SummaryDecided => [CaseEvent.SummaryPenalty(At(D0), PartyKind.Person, Sanctions.Fine, Money.FromYuan(100))],
            CaseState.Closed => [.. investigation, E(CaseEventKind.InvestigationEnded, 3)],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    internal static CaseSnapshot SnapshotIn(CaseState state) => Machine.Replay(PathTo(state)).GetValueOrThrow();

    /// <summary>
    /// A person's case to the notice of a fine served on Tuesday 2025-09-16 (lead 09-01, opened 09-02, concluded 09-15,
    /// no legal review or collective discussion required): within the hearing scope from 10,000 yuan.
    /// </summary>
    internal static IReadOnlyList<CaseEvent> PathToNoticeOn20250916(long fineYuan) =>
    [
        CaseEvent.LeadReceived(At(2025, 9, 1), new LocalDate(2025, 8, 1)),
        CaseEvent.Of(CaseEventKind.CaseOpened, At(2025, 9, 2)),
        CaseEvent.Concluded(At(2025, 9, 15), false, false),
        CaseEvent.NoticeServed(At(2025, 9, 16), PartyKind.Person, Sanctions.Fine, Money.FromYuan(fineYuan)),
    ];

    /// <summary>An event of <paramref name="kind"/> whose facts and time satisfy the guards of the paths above.</summary>
    internal static CaseEvent ValidEvent(in CaseSnapshot s, CaseEventKind kind)
    {
        var last = s.EventCount == 0 ? D0 : LegalTime.DateOf(s.LastEventAt);
        var next = At(last.PlusDays(1));
        return kind switch
        {
            CaseEventKind.LeadReceived => CaseEvent.LeadReceived(next, last.PlusDays(-30)),
            CaseEventKind.InvestigationSuspended => CaseEvent.Suspended(next, PauseKind.Testing),
            CaseEventKind.VerificationPaused => CaseEvent.VerificationPaused(next, PauseKind.Testing),
            CaseEventKind.InvestigationConcluded => CaseEvent.Concluded(next, false, false),
            CaseEventKind.NoticeServed => CaseEvent.NoticeServed(next, PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000)),
            CaseEventKind.HearingNoticeServed => CaseEvent.HearingNoticeServed(next, last.PlusDays(30)),
            CaseEventKind.HearingHeld => CaseEvent.Of(kind, At(s.HearingDate is { } h && h > last ? h : last.PlusDays(1))),
            CaseEventKind.CollectiveDiscussionHeld => CaseEvent.Of(kind, At(last.PlusDays(s.State == CaseState.Notified ? 15 : 1))),
            CaseEventKind.DecisionPeriodExtended => CaseEvent.DecisionPeriodExtended(next, 30, false),
            CaseEventKind.PenaltyDecided => CaseEvent.PenaltyDecided(At(last.PlusDays(s.State == CaseState.Notified ? 15 : 1)), PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(150_000)),
            CaseEventKind.TransferToPoliceDecided => CaseEvent.TransferToPoliceDecided(next, SampleReferral),
            CaseEventKind.PaymentDeferred => CaseEvent.PaymentDeferred(next, (s.PaymentDueOn ?? last).PlusDays(30)),
            CaseEventKind.PaymentReceived => CaseEvent.PaymentReceived(next, Money.FromYuan(50)),
            CaseEventKind.EnforcementApplied => CaseEvent.Of(kind, At((s.ServedOn ?? last).PlusDays(200) > last ? (s.ServedOn ?? last).PlusDays(200) : last.PlusDays(1))),
            CaseEventKind.SummaryPenaltyImposed => CaseEvent.SummaryPenalty(next, PartyKind.Person, Sanctions.Fine, Money.FromYuan(100)),
            _ => CaseEvent.Of(kind, next),
        };
    }
}
