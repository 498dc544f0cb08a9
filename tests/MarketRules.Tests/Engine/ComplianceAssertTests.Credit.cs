using MarketRules.Credit;
using MarketRules.Testing;

namespace MarketRules.Tests.Engine;

// Dates checked by hand: a fine of 2024-09-27 must be published within 20 working days, i.e. by 2024-10-30 (National
// Day rest 2024-10-01..07, make-up workdays 2024-09-29 and 2024-10-12). Published 2024-10-08, three years run out on
// 2027-10-08 (Civil Code arts. 201–202: the publication day is not counted), so the first day off is 2027-10-09; six
// months run out on 2025-04-08, so repair opens on 2025-04-09.
public partial class ComplianceAssertTests
{
    private static readonly LocalDate Decided = new(2024, 9, 27);
    private static readonly LocalDate Published = new(2024, 10, 8);

    private static PublicationSchedule FineSchedule(params PenaltyMeasure[] measures) =>
        PenaltyPublication.Schedule(new PenaltyRecord("杭市监罚〔2024〕1号", Decided, [.. measures]) { Fine = Money.FromYuan(50_000) }, NationalCatalog.Law, Published)
            .GetValueOrThrow();

    private static EarlyStopDecision Granted(LocalDate on) =>
        new(true, on, new ExplanationBuilder("credit.publication/1", on, null).Build("stopped-early"));

    [Theory]
    [InlineData("2024-10-08", true)]
    [InlineData("2024-10-30", true)]
    [InlineData("2024-10-31", false)]
    public void PublishedInTime_AgainstTheTwentyWorkingDays_PassesUntilTheLastDay(string publishedOn, bool inTime)
    {
        var schedule = FineSchedule(PenaltyMeasure.Fine);
        var act = () => ComplianceAssert.PublishedInTime(schedule, Date(publishedOn));
        if (inTime)
        {
            act();
            return;
        }
        var ex = Assert.Throws<ComplianceException>(act);
        Assert.Equal("credit.publication/1", ex.RuleId);
        Assert.Equal(CreditCitations.PenaltyPublication, ex.Citation);
        Assert.Contains("2024-10-30", ex.Expected);
        Assert.Contains("1 day(s) late", ex.Actual);
    }

    [Fact]
    public void PublishedInTime_WarningOnly_ThrowsBecauseItMustNotBePublished()
    {
        var schedule = PenaltyPublication.Schedule(new PenaltyRecord("w", Decided, [PenaltyMeasure.Warning]), NationalCatalog.Law).GetValueOrThrow();
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.PublishedInTime(schedule, Published));
        Assert.Equal("The decision must not be published.", ex.Finding);
    }

    [Fact]
    public void PublicationPeriodRespected_StoppedTheDayAfterThreeYears_Passes() =>
        ComplianceAssert.PublicationPeriodRespected(FineSchedule(PenaltyMeasure.Fine), new LocalDate(2027, 10, 9));

    [Fact]
    public void PublicationPeriodRespected_StoppedOnTheLastDayWithoutEarlyStop_ThrowsWithRuleCitationExpectedAndActual()
    {
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.PublicationPeriodRespected(FineSchedule(PenaltyMeasure.Fine), new LocalDate(2027, 10, 8)));
        Assert.Equal("credit.publication/1", ex.RuleId);
        Assert.Equal(CreditCitations.PenaltyPublication, ex.Citation);
        Assert.Contains("published through 2027-10-08", ex.Expected);
        Assert.Contains("1 day(s) early", ex.Actual);
        Assert.Contains("[credit.publication/1]", ex.Message);
        Assert.Contains("市场监督管理行政处罚信息公示规定", ex.Message);
    }

    [Fact]
    public void PublicationPeriodRespected_GrantedEarlyStopOnTheFirstRepairDay_Passes()
    {
        var schedule = FineSchedule(PenaltyMeasure.Fine);
        var stop = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 4, 9), new EarlyStopConditions(true, true, true, true), NationalCatalog.Law).GetValueOrThrow();
        Assert.True(stop.Granted);
        ComplianceAssert.PublicationPeriodRespected(schedule, new LocalDate(2025, 4, 9), stop);
    }

    [Fact]
    public void PublicationPeriodRespected_RefusedEarlyStop_Throws()
    {
        var schedule = FineSchedule(PenaltyMeasure.Fine);
        var refused = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 4, 9), new EarlyStopConditions(true, false, true, true), NationalCatalog.Law).GetValueOrThrow();
        Assert.False(refused.Granted);
        Assert.Throws<ComplianceException>(() => ComplianceAssert.PublicationPeriodRespected(schedule, new LocalDate(2025, 5, 1), refused));
    }

    [Fact]
    public void PublicationPeriodRespected_EarlyStopBeforeRepairOpens_ThrowsCitingRepairMeasures()
    {
        // A system that granted an early stop on the six-month day itself, one day too soon.
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.PublicationPeriodRespected(FineSchedule(PenaltyMeasure.Fine), new LocalDate(2025, 4, 8), Granted(new LocalDate(2025, 4, 8))));
        Assert.Equal(CreditCitations.CreditRepair, ex.Citation);
        Assert.Contains("2025-04-09", ex.Expected);
    }

    [Fact]
    public void PublicationPeriodRespected_EarlyStopOfASuspension_ThrowsBecauseArticle14_3NeverStopsEarly()
    {
        var schedule = FineSchedule(PenaltyMeasure.Fine, PenaltyMeasure.Suspension);
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.PublicationPeriodRespected(schedule, new LocalDate(2026, 1, 5), Granted(new LocalDate(2026, 1, 5))));
        Assert.Contains("Art. 14(3)", ex.Expected);
        Assert.Equal("An early stop was applied to a decision that may never stop early.", ex.Finding);
    }

    [Fact]
    public void PublicationPeriodRespected_DecisionNotPublished_Passes() =>
        ComplianceAssert.PublicationPeriodRespected(
            PenaltyPublication.Schedule(new PenaltyRecord("s", Decided, [PenaltyMeasure.Fine]) { SummaryProcedure = true }, NationalCatalog.Law).GetValueOrThrow(), Decided);

    // Example policy: penalties weigh 10, heavier penalties 30, basic attributes 2, complaints 2; B from 10, C from 35, D from 70.
    [Theory]
    [InlineData(0, 1, 0, 0, false, false, CreditRiskClass.B)] // score 10: the B cut point
    [InlineData(0, 0, 2, 0, false, false, CreditRiskClass.C)] // score 60
    [InlineData(0, 0, 0, 0, true, false, CreditRiskClass.D)]  // serious list
    [InlineData(2, 1, 0, 3, false, true, CreditRiskClass.C)]  // score 20 (B), raised by the abnormal list
    public void ClassMatches_TheClassThePolicyGives_Passes(int basic, int penalties, int heavier, int complaints, bool serious, bool abnormal, CreditRiskClass expected) =>
        ComplianceAssert.ClassMatches(new CreditIndicators(basic, 0, penalties, heavier, 0, complaints, abnormal, serious), expected);

    [Fact]
    public void ClassMatches_ScoreAtTheBCutPointClassedA_ThrowsWithScoreAndCutPoints()
    {
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.ClassMatches(new CreditIndicators(0, 0, 1, 0, 0, 0, false, false), CreditRiskClass.A));
        Assert.Equal("credit.tier/1", ex.RuleId);
        Assert.Equal(CreditRiskPolicy.Example.Citation, ex.Citation);
        Assert.Contains("class B", ex.Expected);
        Assert.Contains("score 10 (B ≥ 10", ex.Expected);
        Assert.Equal("class A", ex.Actual);
    }

    [Theory]
    [InlineData(true, false, "serious-violation list")]
    [InlineData(false, true, "abnormal list")]
    public void ClassMatches_ListOverrideIgnored_ThrowsNamingTheList(bool serious, bool abnormal, string basis)
    {
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.ClassMatches(new CreditIndicators(0, 0, 0, 0, 0, 0, abnormal, serious), CreditRiskClass.A));
        Assert.Contains(basis, ex.Expected);
    }

    // Hangzhou example pack: a penalty blocks a credit certificate for three years; 2022-05-10 + 3 years ends 2025-05-10.
    [Theory]
    [InlineData("2025-05-09", false)]
    [InlineData("2025-05-10", true)]
    public void CertificateDecisionCorrect_DecisionThePackGives_Passes(string asOf, bool issued) =>
        ComplianceAssert.CertificateDecisionCorrect(LocalTierPolicy.HangzhouExample, [new LocalCreditRecord("penalty", new LocalDate(2022, 5, 10))], Date(asOf), issued);

    [Theory]
    [InlineData("2025-05-09", true, "issued despite")]
    [InlineData("2025-05-10", false, "refused although")]
    public void CertificateDecisionCorrect_WrongDecision_ThrowsWithBlockingRecords(string asOf, bool issued, string finding)
    {
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.CertificateDecisionCorrect(
            LocalTierPolicy.HangzhouExample, [new LocalCreditRecord("penalty", new LocalDate(2022, 5, 10))], Date(asOf), issued));
        Assert.Equal("credit.certificate/1", ex.RuleId);
        Assert.Contains(finding, ex.Finding);
        Assert.Equal(LocalTierPolicy.HangzhouExample.Citation, ex.Citation);
        if (!issued)
        {
            Assert.Contains("since 2022-05-11", ex.Expected);
        }
        else
        {
            Assert.Contains("penalty of 2022-05-10", ex.Expected);
        }
    }

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
