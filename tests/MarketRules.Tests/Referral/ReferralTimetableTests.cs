using MarketRules.Calendar;
using MarketRules.Referral;
using NodaTime.Text;

namespace MarketRules.Tests.Referral;

public class ReferralTimetableTests
{
    private static Instant At(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    [Fact]
    public void Compute_AroundNationalDay2024_CalendarDaysRollPastTheHolidayAndHoursAreClockHours()
    {
        var timeline = new ReferralTimeline
        {
            ReportedToHead = At("2024-09-29T10:00:00+08:00"),
            Approved = At("2024-10-08T15:00:00+08:00"),
            ReceivedByPolice = At("2024-10-09T09:00:00+08:00"),
            CaseOpened = At("2024-10-11T16:00:00+08:00"),
        };
        var deadlines = ReferralTimetable.Compute(timeline, NationalCatalog.Law).GetValueOrThrow();

        var approval = deadlines.Single(d => d.Step == ReferralStep.HeadApproval);
        // 3 days from 09-29 end on 10-02, a holiday; the first working day after 10-01..10-07 is 10-08.
        Assert.Equal(new LocalDate(2024, 10, 2), approval.Deadline.NominalLastDay);
        Assert.Equal(new LocalDate(2024, 10, 8), approval.Deadline.LastDay);
        Assert.True(approval.MetInTime);

        var transfer = deadlines.Single(d => d.Step == ReferralStep.TransferToPolice);
        Assert.Equal(At("2024-10-09T15:00:00+08:00"), transfer.Deadline.ExpiresAt);
        Assert.True(transfer.MetInTime);

        var police = deadlines.Single(d => d.Step == ReferralStep.PoliceDecision);
        // 10-12 is a Saturday but a make-up working day in 2024: no roll-forward.
        Assert.Equal(new LocalDate(2024, 10, 12), police.Deadline.LastDay);
        Assert.True(police.MetInTime);

        var handOver = deadlines.Single(d => d.Step == ReferralStep.HandOver);
        Assert.Equal(new LocalDate(2024, 10, 14), handOver.Deadline.LastDay);
        Assert.Null(handOver.MetInTime);
        Assert.DoesNotContain(deadlines, d => d.Step == ReferralStep.ReconsiderationRequest);
    }

    // Order 310 Art 9, the refusal path: the agency may ask for reconsideration within 3 days of the refusal's notice;
    // the police answer within 3 days; the agency may then ask the procuratorate to supervise within 3 days. Each period
    // is 3 calendar days whose last day, a rest day, moves to the next working day (June 2025: no holiday).
    [Fact]
    public void Compute_RefusalReconsiderationAndSupervision_EachStepFromTheOneBefore()
    {
        var timeline = new ReferralTimeline
        {
            ReportedToHead = At("2025-06-09T09:00:00+08:00"),
            Approved = At("2025-06-10T10:00:00+08:00"),
            ReceivedByPolice = At("2025-06-10T20:00:00+08:00"),
            RefusalNotified = At("2025-06-12T16:00:00+08:00"),
            ReconsiderationRequested = At("2025-06-16T09:00:00+08:00"),
            ReconsiderationAnswered = At("2025-06-20T09:00:00+08:00"),
        };
        var deadlines = ReferralTimetable.Compute(timeline, NationalCatalog.Law).GetValueOrThrow();
        Assert.Equal([ReferralStep.HeadApproval, ReferralStep.TransferToPolice, ReferralStep.PoliceDecision, ReferralStep.ReconsiderationRequest,
            ReferralStep.ReconsiderationAnswer, ReferralStep.SupervisionRequest], deadlines.Select(d => d.Step));

        // The police decided by refusing, on the third day after receiving the case.
        var police = deadlines.Single(d => d.Step == ReferralStep.PoliceDecision);
        Assert.Equal(new LocalDate(2025, 6, 13), police.Deadline.LastDay);
        Assert.Equal(timeline.RefusalNotified, police.CompletedAt);
        Assert.True(police.MetInTime);

        // From the notice on Thursday 06-12: three days end on Sunday 06-15, moved to Monday 06-16; asked that morning.
        var request = deadlines.Single(d => d.Step == ReferralStep.ReconsiderationRequest);
        Assert.Equal(new LocalDate(2025, 6, 15), request.Deadline.NominalLastDay);
        Assert.Equal(new LocalDate(2025, 6, 16), request.Deadline.LastDay);
        Assert.Equal("referral.timetable.reconsideration-request", request.Period.ParameterId);
        Assert.True(request.MetInTime);

        // From the request on Monday 06-16: due Thursday 06-19; answered on Friday, late.
        var answer = deadlines.Single(d => d.Step == ReferralStep.ReconsiderationAnswer);
        Assert.Equal(new LocalDate(2025, 6, 19), answer.Deadline.LastDay);
        Assert.Equal("referral.timetable.reconsideration-answer", answer.Period.ParameterId);
        Assert.False(answer.MetInTime);

        // From the answer on Friday 06-20: three days end on Monday 06-23; nothing done yet.
        var supervision = deadlines.Single(d => d.Step == ReferralStep.SupervisionRequest);
        Assert.Equal(new LocalDate(2025, 6, 23), supervision.Deadline.LastDay);
        Assert.Equal("referral.timetable.supervision-request", supervision.Period.ParameterId);
        Assert.Null(supervision.MetInTime);
    }

    // A typed caller's missing argument is a programming error named at once, not a NullReferenceException later.
    [Fact]
    public void Compute_NullTimelineOrLaw_ArgumentNullExceptionNamingIt()
    {
        var timeline = new ReferralTimeline { ReportedToHead = At("2025-06-09T09:00:00+08:00") };
        Assert.Equal("timeline", Assert.Throws<ArgumentNullException>(() => ReferralTimetable.Compute(null!, NationalCatalog.Law)).ParamName);
        Assert.Equal("law", Assert.Throws<ArgumentNullException>(() => ReferralTimetable.Compute(timeline, null!)).ParamName);
    }

    [Fact]
    public void Compute_TransferLaterThan24Hours_IsLate()
    {
        var timeline = new ReferralTimeline
        {
            ReportedToHead = At("2025-03-03T09:00:00+08:00"),
            Approved = At("2025-03-04T09:00:00+08:00"),
            ReceivedByPolice = At("2025-03-05T09:00:00+08:00"),
        };
        var deadlines = ReferralTimetable.Compute(timeline, NationalCatalog.Law).GetValueOrThrow();
        Assert.False(deadlines.Single(d => d.Step == ReferralStep.TransferToPolice).MetInTime);
    }

    [Fact]
    public void Compute_EventBeforeItsTrigger_CodedError()
    {
        var timeline = new ReferralTimeline
        {
            ReportedToHead = At("2025-03-03T09:00:00+08:00"),
            Approved = At("2025-03-02T09:00:00+08:00"),
        };
        var result = ReferralTimetable.Compute(timeline, NationalCatalog.Law);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Referral.EventOutOfOrder", error.Code);
        Assert.Equal("$.timeline.approved", error.Path);
    }

    [Fact]
    public void Compute_TriggerOutsideTheCalendar_CodedErrorNotAThrow()
    {
        var last = NationalCatalog.Law.Calendar.LastYear;
        var timeline = new ReferralTimeline { ReportedToHead = At($"{last + 1}-03-03T09:00:00+08:00") };
        var result = ReferralTimetable.Compute(timeline, NationalCatalog.Law);
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(result.Errors).Code);
    }

    // Order 310 counts each step from the one before it, so a step dated before its trigger is refused, for every pair
    // of the procedure, at the later event's own path and naming the event it cannot precede.
    [Theory]
    [InlineData("reportedToHead", "approved")]
    [InlineData("approved", "receivedByPolice")]
    [InlineData("receivedByPolice", "refusalNotified")]
    [InlineData("receivedByPolice", "caseOpened")]
    [InlineData("refusalNotified", "reconsiderationRequested")]
    [InlineData("reconsiderationRequested", "reconsiderationAnswered")]
    public void Compute_EachStepBeforeTheOneItFollows_IsRefusedAtItsOwnPath(string previous, string next)
    {
        var earlier = At("2025-03-03T09:00:00+08:00");
        var later = At("2025-03-04T09:00:00+08:00");
        // The report to the head is always known (the procedure starts there); the pair under test is set over it.
        var start = new ReferralTimeline { ReportedToHead = At("2025-03-01T09:00:00+08:00") };
        var timeline = With(With(start, previous, later), next, earlier);
        var error = Assert.Single(ReferralTimetable.Compute(timeline, NationalCatalog.Law).Errors);
        Assert.Equal("MR.Referral.EventOutOfOrder", error.Code);
        Assert.Equal("$.timeline." + next, error.Path);
        Assert.Equal(next, error.Arguments["Event"]);
        Assert.Equal(previous, error.Arguments["Previous"]);

        // The same two events in order are accepted.
        Assert.True(ReferralTimetable.Compute(With(With(start, previous, earlier), next, later), NationalCatalog.Law).IsSuccess);
    }

    private static ReferralTimeline With(ReferralTimeline t, string name, Instant at) => name switch
    {
        "reportedToHead" => t with { ReportedToHead = at },
        "approved" => t with { Approved = at },
        "receivedByPolice" => t with { ReceivedByPolice = at },
        "refusalNotified" => t with { RefusalNotified = at },
        "caseOpened" => t with { CaseOpened = at },
        "reconsiderationRequested" => t with { ReconsiderationRequested = at },
        "reconsiderationAnswered" => t with { ReconsiderationAnswered = at },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
