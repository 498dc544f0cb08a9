using MarketRules.Calendar;
using MarketRules.Complaints;

namespace MarketRules.Tests.Complaints;

/// <summary>Paths into every complaint state and a guard-satisfying event of every kind.</summary>
internal static class ComplaintFixture
{
    internal static ComplaintStateMachine Machine { get; } = new(NationalCatalog.Law);

    internal static Instant At(LocalDate date, int hour = 10) => date.At(new LocalTime(hour, 0)).InZoneStrictly(LegalTime.Zone).ToInstant();

    internal static Instant At(int y, int m, int d, int hour = 10) => At(new LocalDate(y, m, d), hour);

    internal static LocalDate D(int y, int m, int d) => new(y, m, d);

    internal static ComplaintEvent E(ComplaintEventKind kind, LocalDate date) => new(kind, At(date)) { Actor = "officer-1" };

    internal static ComplaintEvent Received(LocalDate date, LocalDate? harmKnownOn = null) => E(ComplaintEventKind.Received, date) with { HarmKnownOn = harmKnownOn };

    internal static ComplaintEvent Refused(LocalDate date, params ComplaintRefusalGround[] grounds) => E(ComplaintEventKind.Refused, date) with { RefusalGrounds = [.. grounds] };

    internal static ComplaintEvent Consent(LocalDate date) => E(ComplaintEventKind.MediationStarted, date) with { BothPartiesConsent = true };

    internal static ComplaintEvent LabTest(LocalDate date, MediationPause pause = MediationPause.Testing) => E(ComplaintEventKind.TestingStarted, date) with { Pause = pause };

    internal static ComplaintEvent Terminated(LocalDate date, MediationEndGround ground) => E(ComplaintEventKind.MediationTerminated, date) with { EndGround = ground };

    internal static ComplaintSnapshot Run(params ComplaintEvent[] events) => Machine.Replay(events).GetValueOrThrow();

    /// <summary>Events leading to <paramref name="state"/> for a complaint received on <paramref name="start"/>, one day apart.</summary>
    internal static List<ComplaintEvent> PathTo(ComplaintState state, LocalDate start)
    {
        ComplaintEvent At(ComplaintEventKind kind, int day) => E(kind, start.PlusDays(day));
        var received = Received(start);
        List<ComplaintEvent> mediating = [received, At(ComplaintEventKind.Accepted, 1), Consent(start.PlusDays(2))];
        return state switch
        {
            ComplaintState.None => [],
            ComplaintState.Received => [received],
            ComplaintState.Refused => [received, Refused(start.PlusDays(1), ComplaintRefusalGround.OutsideDutyOrAuthority)],
            ComplaintState.Accepted => mediating[..2],
            ComplaintState.Mediating => mediating,
            ComplaintState.MediationPaused => [.. mediating, LabTest(start.PlusDays(3))],
            ComplaintState.Agreed => [.. mediating, At(ComplaintEventKind.AgreementReached, 3)],
            ComplaintState.MediationEnded => [.. mediating, Terminated(start.PlusDays(3), MediationEndGround.NoAgreementPossible)],
            ComplaintState.Closed => [.. mediating, At(ComplaintEventKind.AgreementReached, 3), At(ComplaintEventKind.Closed, 4)],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    /// <summary>An event of <paramref name="kind"/> whose facts satisfy the guards in most states.</summary>
    internal static ComplaintEvent ValidEvent(ComplaintEventKind kind, LocalDate date) => kind switch
    {
        ComplaintEventKind.Refused => Refused(date, ComplaintRefusalGround.MissingMaterials),
        ComplaintEventKind.MediationStarted => Consent(date),
        ComplaintEventKind.TestingStarted => LabTest(date),
        ComplaintEventKind.MediationTerminated => Terminated(date, MediationEndGround.WithdrawnOrSettled),
        ComplaintEventKind.ClueVerificationExtended => E(kind, date) with { HeadApproved = true },
        ComplaintEventKind.ClueResolved => E(kind, date) with { CaseOpened = true },
        _ => E(kind, date),
    };
}
