using MarketRules.Cases;

namespace MarketRules.Tests.Cases;

public partial class CaseStateMachineTests
{
    // The expected table, written out from domain-rules.md §3.2 independently of CaseTransitionTable.Rows:
    // "State: Event>Target, …". A pair not listed must be rejected as an illegal transition. "!Code" marks a pair the
    // table allows but whose guard rejects the fixture's facts (the fixture's concluded case requires legal review;
    // its summary fine is unpaid), with the guard's code.
    private static readonly string[] ExpectedTable =
    [
        "None: LeadReceived>UnderVerification, SummaryPenaltyImposed>SummaryDecided",
        "UnderVerification: VerificationExtended>UnderVerification, CaseOpened>Investigation, CaseNotOpened>NotOpened, VerificationPaused>VerificationPaused",
        "VerificationPaused: VerificationResumed>UnderVerification, VerificationExtended>VerificationPaused, CaseOpened>Investigation, CaseNotOpened>NotOpened",
        "NotOpened:",
        "Investigation: InvestigationSuspended>Suspended, InvestigationEnded>Closed, CaseCancelled>Closed, InvestigationConcluded>InvestigationConcluded, DecisionPeriodExtended>Investigation, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "Suspended: InvestigationResumed>Investigation, InvestigationEnded>Closed, CaseCancelled>Closed",
        "InvestigationConcluded: LegalReviewStarted>LegalReview, NoticeServed>!LegalReviewRequired, CaseCancelled>Closed, DecisionPeriodExtended>InvestigationConcluded, NoPenaltyDecided>!LegalReviewRequired, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "LegalReview: LegalReviewCompleted>LegalReviewCompleted, DecisionPeriodExtended>LegalReview",
        "LegalReviewCompleted: NoticeServed>Notified, CaseCancelled>Closed, DecisionPeriodExtended>LegalReviewCompleted, NoPenaltyDecided>Decided, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "Notified: NoticeServed>Notified, RightsWaived>Notified, HearingRequested>HearingRequested, CollectiveDiscussionHeld>CollectiveDiscussed, DecisionPeriodExtended>Notified, PenaltyDecided>Decided, NoPenaltyDecided>Decided, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "HearingRequested: HearingNoticeServed>HearingScheduled, DecisionPeriodExtended>HearingRequested",
        "HearingScheduled: HearingHeld>HearingHeld, DecisionPeriodExtended>HearingScheduled",
        "HearingHeld: CollectiveDiscussionHeld>CollectiveDiscussed, DecisionPeriodExtended>HearingHeld, PenaltyDecided>Decided, NoPenaltyDecided>Decided, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "CollectiveDiscussed: DecisionPeriodExtended>CollectiveDiscussed, PenaltyDecided>Decided, NoPenaltyDecided>Decided, TransferToPoliceDecided>TransferPendingApproval, TransferToAgencyDecided>TransferredToAgency",
        "Decided: DecisionServed>Execution, DecisionPublished>Decided",
        "Execution: PaymentReceived>Execution, PaymentDeferred>Execution, EnforcementDemanded>Execution, EnforcementApplied>EnforcementApplied, DecisionPublished>Execution",
        "EnforcementApplied: PaymentReceived>EnforcementApplied, DecisionPublished>EnforcementApplied, CaseClosed>Closed",
        "Executed: DecisionPublished>Executed, CaseClosed>Closed",
        "TransferPendingApproval: TransferApproved>TransferApproved, TransferRefused>Investigation",
        "TransferApproved: CaseTransferred>AwaitingPoliceDecision",
        "AwaitingPoliceDecision: PoliceAccepted>PoliceAccepted, PoliceDeclined>PoliceDeclined",
        "PoliceDeclined: ReconsiderationRequested>AwaitingReconsideration, AdministrativeProceedingsResumed>Investigation",
        "AwaitingReconsideration: PoliceAccepted>PoliceAccepted, PoliceDeclined>PoliceDeclined",
        "PoliceAccepted: FilesHandedOver>Closed",
        "TransferredToAgency: CaseClosed>Closed",
        "SummaryDecided: PaymentReceived>SummaryDecided, CaseClosed>!FineUnpaid",
        "Closed:",
    ];

    private static readonly Dictionary<(CaseState, CaseEventKind), string> Expected = ParseExpected();

    public static TheoryData<CaseState, CaseEventKind> EveryPair()
    {
        var data = new TheoryData<CaseState, CaseEventKind>();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var kind in Enum.GetValues<CaseEventKind>())
            {
                data.Add(state, kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Apply_EveryStateAndEvent_MatchesTheExpectedTable(CaseState state, CaseEventKind kind)
    {
        var before = CaseFixture.SnapshotIn(state);
        Assert.Equal(state, before.State);

        var result = CaseFixture.Machine.Apply(before, CaseFixture.ValidEvent(before, kind));

        if (!Expected.TryGetValue((state, kind), out var expected))
        {
            Assert.Equal(CaseRejectionCode.IllegalTransition, result.Rejection);
            Assert.Equal(before, result.Snapshot);
            Assert.Equal("MR.Cases.IllegalTransition", result.ToRuleError().Code);
        }
        else if (expected.StartsWith('!'))
        {
            Assert.Equal(Enum.Parse<CaseRejectionCode>(expected[1..]), result.Rejection);
            Assert.Equal(before, result.Snapshot);
        }
        else
        {
            Assert.True(result.Accepted, result.Accepted ? "" : result.ToRuleError().ToString());
            Assert.Equal(Enum.Parse<CaseState>(expected), result.Snapshot.State);
            Assert.Equal(before.EventCount + 1, result.Snapshot.EventCount);
        }
    }

    [Fact]
    public void Rows_CoverExactlyTheExpectedTable()
    {
        var rows = CaseTransitionTable.Rows.Select(r => (r.From, r.Event)).ToHashSet();
        Assert.Equal(Expected.Keys.ToHashSet(), rows);
        foreach (var row in CaseTransitionTable.Rows.Where(r => !Expected[(r.From, r.Event)].StartsWith('!')))
        {
            Assert.Equal(Enum.Parse<CaseState>(Expected[(row.From, row.Event)]), row.To);
        }
    }

    private static Dictionary<(CaseState, CaseEventKind), string> ParseExpected()
    {
        var map = new Dictionary<(CaseState, CaseEventKind), string>();
        foreach (var line in ExpectedTable)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var state = Enum.Parse<CaseState>(line[..colon]);
            foreach (var cell in line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = cell.Split('>');
                map.Add((state, Enum.Parse<CaseEventKind>(parts[0])), parts[1]);
            }
        }
        return map;
    }
}
