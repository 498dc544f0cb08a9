using MarketRules.Cases;
using MarketRules.Parameters;
using MarketRules.Referral;

namespace MarketRules.Tests.Cases;

// State Council Order 310's transfer timetable (行政执法机关移送涉嫌犯罪案件的规定 Arts 5, 8, 9, 12) is one set of dated
// parameters, defined by the referral area and read by the case lifecycle: a policy pack that sets
// "referral.timetable.approval" changes the case's transfer-approval deadline too, and no second id exists to diverge.
public sealed class TransferTimetableTests
{
    public static TheoryData<string, ReferralThreshold> CaseDeadlines() => new()
    {
        { nameof(CaseParameters.TransferApproval), ReferralThreshold.ApprovalDays },
        { nameof(CaseParameters.TransferDelivery), ReferralThreshold.TransferHours },
        { nameof(CaseParameters.PoliceDecision), ReferralThreshold.PoliceDecisionDays },
        { nameof(CaseParameters.ReconsiderationRequest), ReferralThreshold.ReconsiderationRequestDays },
        { nameof(CaseParameters.ReconsiderationDecision), ReferralThreshold.ReconsiderationAnswerDays },
        { nameof(CaseParameters.FilesHandOver), ReferralThreshold.HandOverDays },
    };

    [Theory]
    [MemberData(nameof(CaseDeadlines))]
    public void CaseTransferDeadline_IsTheReferralAreasOrder310Parameter(string caseParameter, ReferralThreshold referral)
    {
        var definition = (ParameterDefinition)typeof(CaseParameters).GetProperty(caseParameter)!.GetValue(null)!;
        Assert.Same(ReferralParameters.Of(referral), definition);
        Assert.StartsWith("referral.timetable.", definition.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(definition, CaseParameters.All);
    }

    [Fact]
    public void NationalCatalog_HasNoSecondTransferTimetable()
    {
        Assert.DoesNotContain(NationalCatalog.Catalog.Definitions, d => d.Id.StartsWith("cases.transfer", StringComparison.Ordinal)
            || d.Id is "cases.police-decision" or "cases.reconsideration-request" or "cases.reconsideration-decision" or "cases.files-hand-over");
        Assert.Single(NationalCatalog.Catalog.Definitions, d => d.Id == "referral.timetable.approval");
    }
}
