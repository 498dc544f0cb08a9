using MarketRules.Complaints;
using MarketRules.Tests.Engine;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

// A refused event is a value (its code and the facts its message needs), its bilingual error made only when read; and
// every text a complaint step or refusal shows reads in its own language (the state, event, ground and pause labels,
// never the JSON ids inside a Chinese sentence).
public class ComplaintRefusalAndTextTests
{
    private static readonly LocalDate Start = D(2026, 4, 15);

    // A snapshot and an event the machine refuses, with the code the refusal must carry.
    public static TheoryData<string, ComplaintRejection, string> RefusedKinds() => new()
    {
        { "an event not in the table", ComplaintRejection.IllegalTransition, "MR.Complaints.IllegalTransition" },
        { "mediation without consent", ComplaintRejection.ConsentRequired, "MR.Complaints.ConsentRequired" },
        { "an event before the last one", ComplaintRejection.EventInPast, "MR.Complaints.EventInPast" },
        { "agreement after the limit", ComplaintRejection.MediationLimitExpired, "MR.Complaints.MediationLimitExpired" },
        { "a pause Order 121 does not exclude", ComplaintRejection.PauseNotExcluded, "MR.Complaints.PauseNotExcluded" },
        { "a second clue", ComplaintRejection.ClueAlreadyVerified, "MR.Complaints.ClueNotApplicable" },
        { "a refusal on a ground Order 121 does not list", ComplaintRejection.GroundNotInForce, "MR.Complaints.GroundNotInForce" },
    };

    private static (ComplaintSnapshot Before, ComplaintEvent Event) Refusal(ComplaintRejection kind)
    {
        var accepted = Run(Received(Start), E(ComplaintEventKind.Accepted, Start.PlusDays(2)));
        var mediating = Machine.Apply(accepted, Consent(Start.PlusDays(3))).ApplyTo(accepted);
        return kind switch
        {
            ComplaintRejection.IllegalTransition => (accepted, E(ComplaintEventKind.Received, Start.PlusDays(3))),
            ComplaintRejection.ConsentRequired => (accepted, E(ComplaintEventKind.MediationStarted, Start.PlusDays(3))),
            ComplaintRejection.EventInPast => (accepted, Consent(Start.PlusDays(1))),
            ComplaintRejection.MediationLimitExpired => (mediating, E(ComplaintEventKind.AgreementReached, Start.PlusDays(200))),
            ComplaintRejection.PauseNotExcluded => (mediating, LabTest(Start.PlusDays(5), MediationPause.VerificationOrInspection)),
            ComplaintRejection.ClueAlreadyVerified => (Machine.Apply(mediating, E(ComplaintEventKind.ClueFound, Start.PlusDays(4))).ApplyTo(mediating), E(ComplaintEventKind.ClueFound, Start.PlusDays(5))),
            _ => (Run(Received(Start)), Refused(Start.PlusDays(1), ComplaintRefusalGround.HandledByMediationOrganisation)),
        };
    }

    [Theory]
    [MemberData(nameof(RefusedKinds))]
    public void Apply_RefusesWithoutAllocating_AndTheErrorIsMadeWhenRead(string what, ComplaintRejection kind, string code)
    {
        var (before, e) = Refusal(kind);
        var refused = Machine.Apply(before, e);
        Assert.Equal(kind, refused.Rejection);
        Assert.False(refused.Accepted, what);
        Assert.Equal(before.State, refused.To);
        Assert.Throws<InvalidOperationException>(() => refused.ApplyTo(before));
        // Warm up past tiered compilation, whose one-off work may be charged to this thread.
        for (var i = 0; i < 50_000; i++)
        {
            _ = Machine.Apply(before, e);
        }
        var start = GC.GetAllocatedBytesForCurrentThread();
        var refusals = 0;
        for (var i = 0; i < 5_000; i++)
        {
            refusals += Machine.Apply(before, e).Rejection == kind ? 1 : 0;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - start);
        Assert.Equal(5_000, refusals);
        var error = refused.Error!;
        Assert.Equal(code, error.Code);
        Assert.Equal("$.event", error.Path);
        Assert.Equal("$.history[4]", refused.ToRuleError("$.history[4]").Path);
        Assert.False(StrictDoorVectorMutationTests.LeaksIntoChinese(error.Message.Chinese), what + " zh: " + error.Message.Chinese);
        Assert.False(StrictDoorVectorMutationTests.LeaksIntoEnglish(error.Message.English), what + " en: " + error.Message.English);
    }

    [Fact]
    public void Apply_AnAcceptedEventHasNoError()
    {
        var accepted = Machine.Apply(ComplaintSnapshot.Initial, Received(Start));
        Assert.True(accepted.Accepted);
        Assert.Equal(ComplaintRejection.None, accepted.Rejection);
        Assert.Null(accepted.Error);
        Assert.Throws<InvalidOperationException>(() => accepted.ToRuleError());
    }

    [Fact]
    public void EveryRowsExplanation_ReadsInItsOwnLanguage_WithTheStatesAndEventsByName()
    {
        var checkedSteps = 0;
        foreach (var row in ComplaintTransitionTable.Rows)
        {
            var path = PathTo(row.From, Start);
            var before = Run([.. path]);
            var day = Start.PlusDays(path.Count + 1);
            var e = row.Event switch
            {
                ComplaintEventKind.MediationStarted => Consent(day),
                ComplaintEventKind.TestingStarted => LabTest(day),
                ComplaintEventKind.Refused => Refused(day, ComplaintRefusalGround.MissingMaterials),
                ComplaintEventKind.MediationTerminated => Terminated(day, MediationEndGround.WithdrawnOrSettled),
                ComplaintEventKind.ClueVerificationExtended or ComplaintEventKind.ClueResolved =>
                    E(row.Event, day.PlusDays(1)) with { HeadApproved = true },
                _ => E(row.Event, day),
            };
            if (row.Event is ComplaintEventKind.ClueVerificationExtended or ComplaintEventKind.ClueResolved)
            {
                before = Machine.Apply(before, E(ComplaintEventKind.ClueFound, day)).ApplyTo(before);
            }
            if (row.Event == ComplaintEventKind.JurisdictionSettled)
            {
                before = Machine.Apply(before, E(ComplaintEventKind.JurisdictionDisputed, day)).ApplyTo(before);
                e = E(row.Event, day.PlusDays(1));
            }
            var step = Machine.Transition(before, e);
            Assert.True(step.IsSuccess, $"{row.From} {row.Event}: {(step.IsSuccess ? "" : step.Errors[0].Message.English)}");
            foreach (var reason in step.Value!.Explanation.Reasons)
            {
                Assert.False(StrictDoorVectorMutationTests.LeaksIntoChinese(reason.Message.Chinese), $"{row.From} {row.Event} zh: {reason.Message.Chinese}");
                Assert.False(StrictDoorVectorMutationTests.LeaksIntoEnglish(reason.Message.English), $"{row.From} {row.Event} en: {reason.Message.English}");
            }
            checkedSteps++;
        }
        Assert.Equal(ComplaintTransitionTable.Rows.Length, checkedSteps);
    }

    [Fact]
    public void GoverningOrderReason_ReadsOrder121sFirstDayFromTheRegistry_AndNamesItsSubject()
    {
        var step = Machine.Transition(ComplaintSnapshot.Initial, Received(Start)).Value!;
        var governing = step.Explanation.Reasons.Single(r => r.Code == "MR.Complaints.GoverningOrder");
        var inForce = LegalDocuments.ComplaintHandlingMeasures.InForceFrom!.Value;
        Assert.Contains(inForce.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), governing.Message.English, StringComparison.Ordinal);
        Assert.StartsWith("The complaint was received", governing.Message.English, StringComparison.Ordinal);
        Assert.StartsWith("投诉于", governing.Message.Chinese, StringComparison.Ordinal);

        var intake = new ReportHandling(NationalCatalog.Law).Receive([], new ReportSubmission(Start, "reporter-1", "respondent-1", "facts-1")).GetValueOrThrow();
        var report = intake.Explanation.Reasons.Single(r => r.Code == "MR.Complaints.GoverningOrder");
        Assert.StartsWith("The report was received", report.Message.English, StringComparison.Ordinal);
        Assert.StartsWith("举报于", report.Message.Chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("投诉", report.Message.Chinese, StringComparison.Ordinal);
    }
}
