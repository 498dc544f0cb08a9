using MarketRules.Calendar;
using MarketRules.Cases;
using static MarketRules.Tests.Cases.CaseFixture;

namespace MarketRules.Tests.Cases;

/// <summary>
/// What each guard of the penalty case names when it refuses an event (the missing fact or the limit that applies), in
/// both languages: the Chinese text names the member in 「」 as the caller spells it, the English text has no Chinese.
/// </summary>
public class CaseControllerFactsMutationEdgeTests
{
    private static CaseSnapshot After(IEnumerable<CaseEvent> events) => Machine.Replay(events).GetValueOrThrow();

    private static CaseTransition Refused(in CaseSnapshot s, in CaseEvent e, CaseRejectionCode code)
    {
        var t = Machine.Apply(s, e);
        Assert.Equal(code, t.Rejection);
        return t;
    }

    private static void Names(CaseTransition t, string zh, string en)
    {
        Assert.NotNull(t.LimitText);
        Assert.Equal(zh, t.LimitText!.Chinese);
        Assert.Equal(en, t.LimitText.English);
    }

    // A notice of the given sanctions (no legal review, no collective discussion), served on D0 + 7.
    internal static CaseSnapshot NotifiedOf(PartyKind party, Sanctions sanctions, Money fine, Money confiscation = default) => After(
    [
        CaseEvent.LeadReceived(At(D0), D0.PlusDays(-30)), CaseEvent.Of(CaseEventKind.CaseOpened, At(D0.PlusDays(2))),
        CaseEvent.Concluded(At(D0.PlusDays(4)), false, false), CaseEvent.NoticeServed(At(D0.PlusDays(7)), party, sanctions, fine, confiscation),
    ]);

    [Fact]
    public void LeadReceived_WithoutTheDateOfTheAct_NamesTheActDate()
    {
        var t = Refused(CaseSnapshot.Initial, CaseEvent.Of(CaseEventKind.LeadReceived, At(D0)), CaseRejectionCode.MissingFact);
        Names(t, "「date」（违法行为发生日）", "date (the date of the act)");
    }

    [Fact]
    public void LeadReceived_ActEndingBeforeItStarts_NamesTheEndOfTheAct_AndAnEndOnItsFirstDayIsAccepted()
    {
        var act = D0.PlusDays(-30);
        var t = Refused(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act.PlusDays(-1) }, CaseRejectionCode.MissingFact);
        Names(t, "「actEnd」（违法行为终了日不得早于发生日）", "actEnd (the end of the act may not precede its start)");
        Assert.Equal(act, t.LimitDate);

        // An act that ended on the day it began is a one-day act: its end is kept as stated.
        var sameDay = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act });
        Assert.True(sameDay.Accepted);
        Assert.Equal(act, sameDay.Snapshot.ActEndedOn);
    }

    [Fact]
    public void LeadReceived_EndedAct_KeepsItsEnd_WhileAContinuingActHasNone()
    {
        var act = D0.PlusDays(-30);
        var ended = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act.PlusDays(5) });
        Assert.Equal(act.PlusDays(5), ended.Snapshot.ActEndedOn);
        var continuing = Machine.Apply(CaseSnapshot.Initial, CaseEvent.LeadReceived(At(D0), act) with { ActEnd = act.PlusDays(5), ActContinuing = true });
        Assert.Null(continuing.Snapshot.ActEndedOn);
        Assert.True(continuing.Snapshot.ActContinuing);
    }

    [Fact]
    public void VerificationPaused_BySuspensionOrPublicNotice_NamesThePausesOrder2Excludes()
    {
        var s = SnapshotIn(CaseState.UnderVerification);
        var t = Refused(s, CaseEvent.VerificationPaused(At(D0.PlusDays(1)), PauseKind.Suspension), CaseRejectionCode.PauseNotExcluded);
        Names(t, "检测、检验、检疫、鉴定以及权利人辨认或者鉴别", "testing, inspection, quarantine, appraisal or identification by the right holder");
        Assert.Equal(CaseRejectionCode.PauseNotExcluded, Machine.Apply(s, CaseEvent.VerificationPaused(At(D0.PlusDays(1)), PauseKind.PublicNotice)).Rejection);
        Assert.Equal(CaseRejectionCode.PauseNotExcluded, Machine.Apply(s, CaseEvent.VerificationPaused(At(D0.PlusDays(1)), (PauseKind)99)).Rejection);
        Assert.True(Machine.Apply(s, CaseEvent.VerificationPaused(At(D0.PlusDays(1)), PauseKind.Testing)).Accepted);
    }

    [Fact]
    public void NoticeServed_FineWithoutAmount_NamesTheIntendedFine()
    {
        var s = SnapshotIn(CaseState.LegalReviewCompleted);
        var t = Refused(s, CaseEvent.NoticeServed(At(D0.PlusDays(7)), PartyKind.Organisation, Sanctions.Fine, Money.Zero), CaseRejectionCode.MissingFact);
        Names(t, "「amount」（拟罚款数额）", "amount (the intended fine)");
    }

    [Fact]
    public void HearingRequested_OutsideTheHearingScope_NamesThePartysThreshold()
    {
        var person = NotifiedOf(PartyKind.Person, Sanctions.Fine, Money.FromYuan(5_000));
        Assert.False(person.InHearingScope);
        Names(Refused(person, CaseEvent.Of(CaseEventKind.HearingRequested, At(D0.PlusDays(8))), CaseRejectionCode.NotInHearingScope),
            "对自然人的罚款默认须达一万元", "a fine on a person of 10,000 yuan or more by default");

        var organisation = NotifiedOf(PartyKind.Organisation, Sanctions.Fine, Money.FromYuan(50_000));
        Assert.False(organisation.InHearingScope);
        Names(Refused(organisation, CaseEvent.Of(CaseEventKind.HearingRequested, At(D0.PlusDays(8))), CaseRejectionCode.NotInHearingScope),
            "对法人或其他组织的罚款默认须达十万元", "a fine on an organisation of 100,000 yuan or more by default");
    }

    [Fact]
    public void HearingNoticeServed_WithoutTheHearingDate_NamesIt()
    {
        var s = SnapshotIn(CaseState.HearingRequested);
        var t = Refused(s, CaseEvent.Of(CaseEventKind.HearingNoticeServed, At(D0.PlusDays(9))), CaseRejectionCode.MissingFact);
        Names(t, "「date」（听证日期）", "date (the hearing date)");
    }

    [Fact]
    public void DecisionPeriodExtended_EachRefusalOfTheTwoStepExtension_NamesItsReason()
    {
        var s = SnapshotIn(CaseState.Investigation);
        var at = At(D0.PlusDays(10));

        Names(Refused(s, CaseEvent.DecisionPeriodExtended(at, 29, false), CaseRejectionCode.ExtensionNotAllowed),
            "负责人批准的延长天数须与规定的天数一致", "the head's extension must have exactly the length the rules set");
        Names(Refused(s, CaseEvent.DecisionPeriodExtended(at, 30, true), CaseRejectionCode.ExtensionNotAllowed),
            "须先使用负责人批准的延长", "first use the head's extension");
        // A collective extension without its length is refused for the length, whether or not the head's was used.
        Names(Refused(s, CaseEvent.DecisionPeriodExtended(at, 0, true), CaseRejectionCode.ExtensionNotAllowed),
            "集体讨论决定延长的，须确定延长的天数", "a collective extension must set its length in days");

        var extended = Machine.Apply(s, CaseEvent.DecisionPeriodExtended(at, 30, false));
        Assert.True(extended.Accepted);
        Assert.Equal(30, extended.Snapshot.ExtensionDays);
        var used = extended.Snapshot;
        var later = At(D0.PlusDays(11));
        Names(Refused(used, CaseEvent.DecisionPeriodExtended(later, 30, false), CaseRejectionCode.ExtensionNotAllowed),
            "负责人批准的延长已经用过，其后须集体讨论决定", "the head's extension was used; decide collectively");
        Names(Refused(used, CaseEvent.DecisionPeriodExtended(later, 0, true), CaseRejectionCode.ExtensionNotAllowed),
            "集体讨论决定延长的，须确定延长的天数", "a collective extension must set its length in days");

        var collective = Machine.Apply(used, CaseEvent.DecisionPeriodExtended(later, 45, true));
        Assert.True(collective.Accepted);
        Assert.Equal(75, collective.Snapshot.ExtensionDays);
    }

    [Fact]
    public void TransferToPoliceDecided_WithoutTheReferralDecision_NamesIt()
    {
        var s = SnapshotIn(CaseState.Investigation);
        var t = Refused(s, CaseEvent.Of(CaseEventKind.TransferToPoliceDecided, At(D0.PlusDays(3))), CaseRejectionCode.MissingFact);
        Names(t, "「referral」（涉嫌犯罪移送的判断结果）", "referral (the criminal-referral decision)");
    }

    [Fact]
    public void DecisionPublished_Twice_NamesTheFirstPublication()
    {
        var s = SnapshotIn(CaseState.Decided);
        var first = Machine.Apply(s, CaseEvent.Of(CaseEventKind.DecisionPublished, At(D0.PlusDays(33))));
        Assert.True(first.Accepted);
        Assert.Equal(D0.PlusDays(33), first.Snapshot.PublishedOn);
        var t = Refused(first.Snapshot, CaseEvent.Of(CaseEventKind.DecisionPublished, At(D0.PlusDays(34))), CaseRejectionCode.PublicationNotApplicable);
        Names(t, "已经公示过", "already published");
    }

    [Fact]
    public void DecisionPublished_WarningAloneAfterOrder45_NamesWhatIsPublished()
    {
        var notified = NotifiedOf(PartyKind.Organisation, Sanctions.Warning, Money.Zero);
        var decided = Machine.Apply(notified, CaseEvent.PenaltyDecided(At(D0.PlusDays(30)), PartyKind.Organisation, Sanctions.Warning, Money.Zero));
        Assert.True(decided.Accepted, decided.Rejection.ToString());
        var t = Refused(decided.Snapshot, CaseEvent.Of(CaseEventKind.DecisionPublished, At(D0.PlusDays(31))), CaseRejectionCode.PublicationNotApplicable);
        Names(t, "不是普通程序作出的警告以外的行政处罚", "not an ordinary-procedure penalty beyond a warning");
    }

    [Fact]
    public void PenaltyDecided_FineWithoutAmount_NamesTheFine()
    {
        var s = SnapshotIn(CaseState.CollectiveDiscussed);
        var t = Refused(s, CaseEvent.PenaltyDecided(At(D0.PlusDays(32)), PartyKind.Organisation, Sanctions.Fine, Money.Zero), CaseRejectionCode.MissingFact);
        Names(t, "「amount」（罚款数额）", "amount (the fine)");
    }

    [Fact]
    public void Execution_RefusalsOfDeferralPaymentAndEnforcement_NameTheMissingFact()
    {
        var decided = SnapshotIn(CaseState.Decided);
        var served = Machine.Apply(decided, CaseEvent.Of(CaseEventKind.DecisionServed, At(D0.PlusDays(33))));
        Assert.Equal(CaseState.Execution, served.Snapshot.State);
        var s = served.Snapshot;
        var at = At(D0.PlusDays(34));

        Names(Refused(s, CaseEvent.Of(CaseEventKind.PaymentDeferred, at), CaseRejectionCode.MissingFact),
            "「date」（新的缴款期限）", "date (the new due date)");
        Names(Refused(s, CaseEvent.Of(CaseEventKind.PaymentReceived, at), CaseRejectionCode.MissingFact),
            "「amount」（缴款数额）", "amount (the payment)");
        Names(Refused(s, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(D0.PlusDays(33 + 200))), CaseRejectionCode.EnforcementTooEarly),
            "尚未送达催告书", "no demand to perform was served yet");
    }

    [Fact]
    public void EnforcementApplied_TooEarlyAfterTheDemand_NamesNoFact()
    {
        // With the demand served, an early application is refused for its date alone.
        var s = SnapshotIn(CaseState.Execution);
        var t = Refused(s, CaseEvent.Of(CaseEventKind.EnforcementApplied, At(D0.PlusDays(91))), CaseRejectionCode.EnforcementTooEarly);
        Assert.Null(t.LimitText);
    }

    [Fact]
    public void ReconsiderationRequested_ASecondTime_NamesTheFirstRequest()
    {
        var awaiting = SnapshotIn(CaseState.AwaitingReconsideration);
        var declinedAgain = Machine.Apply(awaiting, CaseEvent.Of(CaseEventKind.PoliceDeclined, At(D0.PlusDays(7))));
        Assert.Equal(CaseState.PoliceDeclined, declinedAgain.Snapshot.State);
        var t = Refused(declinedAgain.Snapshot, CaseEvent.Of(CaseEventKind.ReconsiderationRequested, At(D0.PlusDays(8))), CaseRejectionCode.ReconsiderationNotAllowed);
        Names(t, "已经提请过复议", "reconsideration was already asked for");
    }
}
