using MarketRules.Calendar;
using MarketRules.Testing;

namespace MarketRules.Tests.Engine;

public partial class ComplianceAssertTests
{
    [Fact]
    public void DeadlineMet_ActOnLastDay_Passes() =>
        // 2024-09-27 + 15 working days = 2024-10-23 (checked by hand against the 2024 National Day notice).
        ComplianceAssert.DeadlineMet(new LocalDate(2024, 9, 27), LegalPeriod.WorkingDays(15), new LocalDate(2024, 10, 23));

    [Fact]
    public void DeadlineMet_ActDayAfterLastDay_ThrowsWithRuleCitationExpectedAndActual()
    {
        var ex = Assert.Throws<ComplianceException>(() =>
            ComplianceAssert.DeadlineMet(new LocalDate(2024, 9, 27), LegalPeriod.UnderAdministrativePenaltyLaw(5), new LocalDate(2024, 10, 11)));
        Assert.Equal("calendar.deadline/1", ex.RuleId);
        Assert.Equal(LegalPeriod.AdministrativePenaltyLawArticle85, ex.Citation);
        Assert.Contains("2024-10-10", ex.Expected);
        Assert.Contains("2024-10-11", ex.Actual);
        Assert.Contains("行政处罚法", ex.Message);
        Assert.Contains("[calendar.deadline/1]", ex.Message);
    }

    [Fact]
    public void DeadlineMet_InstantAtExpiry_Throws()
    {
        var deadline = PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 27), LegalPeriod.WorkingDays(15));
        ComplianceAssert.DeadlineMet(deadline, deadline.ExpiresAt - Duration.FromSeconds(1));
        Assert.Throws<ComplianceException>(() => ComplianceAssert.DeadlineMet(deadline, deadline.ExpiresAt));
    }

    [Fact]
    public void DeadlineMet_RolledForwardDeadline_MessageNamesTheRestDay()
    {
        var deadline = PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 24), LegalPeriod.Days(10));
        var ex = Assert.Throws<ComplianceException>(() => ComplianceAssert.DeadlineMet(deadline, new LocalDate(2024, 10, 9)));
        Assert.Contains("2024-10-04 was a rest day", ex.Expected);
        Assert.Equal(LegalPeriod.CivilCodePeriods, ex.Citation);
    }
}
