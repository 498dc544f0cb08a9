using CsCheck;
using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class SeriousViolationListTests
{
    private static readonly EarlyRemovalConditions AllMet = new(true, true, true, true);

    [Fact]
    public void Term_ListedIn2019_IsFiveYearsWithoutEarlyRemoval()
    {
        var term = SeriousViolationList.Term(new SeriousListing("E1", new LocalDate(2019, 7, 22)), NationalCatalog.Law);
        Assert.Equal(new LocalDate(2024, 7, 22), term.LastDayListed);
        Assert.Equal(new LocalDate(2024, 7, 23), term.RemovedOn);
        Assert.Null(term.EarlyRemovalFrom);
    }

    [Fact]
    public void Term_ListedIn2022_IsThreeYearsWithEarlyRemovalAfterOne()
    {
        var term = SeriousViolationList.Term(new SeriousListing("E1", new LocalDate(2022, 7, 22)), NationalCatalog.Law);
        Assert.Equal(new LocalDate(2025, 7, 22), term.LastDayListed);
        Assert.Equal(new LocalDate(2023, 7, 23), term.EarlyRemovalFrom);
        Assert.Contains(term.Explanation.Parameters, p => p.ParameterId == "credit.serious.term-years" && p.Citation.Status == VerificationStatus.FromMemory);
    }

    [Theory]
    [InlineData("2021-08-31", 5)]
    [InlineData("2021-09-01", 3)]
    public void Term_AroundOrder44_FollowsTheListingDate(string listed, int years)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(listed).Value;
        Assert.Equal(date.PlusYears(years), SeriousViolationList.Term(new SeriousListing("E1", date), NationalCatalog.Law).LastDayListed);
    }

    [Fact]
    public void Term_WithALongerRestriction_RunsToItsEnd()
    {
        var term = SeriousViolationList.Term(new SeriousListing("E1", new LocalDate(2022, 7, 22)) { RestrictionEndsOn = new LocalDate(2027, 1, 1) }, NationalCatalog.Law);
        Assert.Equal(new LocalDate(2027, 1, 1), term.LastDayListed);
    }

    [Theory]
    [InlineData("2023-07-22", false)] // exactly one year has not yet run out
    [InlineData("2023-07-23", true)]
    public void RequestEarlyRemoval_AtTheOneYearBoundary_IsRejectedThenAllowed(string applied, bool allowed)
    {
        var result = SeriousViolationList.RequestEarlyRemoval(new SeriousListing("E1", new LocalDate(2022, 7, 22)), NodaTime.Text.LocalDatePattern.Iso.Parse(applied).Value, AllMet, NationalCatalog.Law);
        Assert.Equal(allowed, result.IsSuccess);
        if (allowed)
        {
            Assert.True(result.Value!.Granted);
        }
        else
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("MR.Credit.RepairTooEarly", error.Code);
            Assert.Equal("2023-07-23", error.Arguments["Earliest"]);
        }
    }

    [Fact]
    public void RequestEarlyRemoval_WithAConditionUnmet_IsRefusedWithTheCondition()
    {
        var decision = SeriousViolationList.RequestEarlyRemoval(new SeriousListing("E1", new LocalDate(2022, 7, 22)), new LocalDate(2024, 1, 8), AllMet with { HarmRemoved = false }, NationalCatalog.Law).GetValueOrThrow();
        Assert.False(decision.Granted);
        Assert.Equal("refused", decision.Explanation.Outcome);
        Assert.Single(decision.Explanation.Reasons, r => r.Code == "MR.Credit.ConditionNotMet");
    }

    [Fact]
    public void RequestEarlyRemoval_UnderThe2015Regime_IsNotAvailable() =>
        Assert.Equal("MR.Credit.RepairNotAvailable", Assert.Single(SeriousViolationList.RequestEarlyRemoval(new SeriousListing("E1", new LocalDate(2019, 7, 22)), new LocalDate(2021, 1, 4), AllMet, NationalCatalog.Law).Errors).Code);

    [Fact]
    public void MeetsListingTest_NeedsAHeavierPenaltySeriousCircumstancesAndOrder44()
    {
        var revoked = CreditTestData.Penalty(new LocalDate(2022, 3, 1), PenaltyMeasure.Fine, PenaltyMeasure.LicenceRevoked);
        Assert.True(SeriousViolationList.MeetsListingTest(revoked, seriousCircumstances: true));
        Assert.False(SeriousViolationList.MeetsListingTest(revoked, seriousCircumstances: false));
        Assert.False(SeriousViolationList.MeetsListingTest(CreditTestData.Penalty(new LocalDate(2022, 3, 1), PenaltyMeasure.Fine), true));
        Assert.True(SeriousViolationList.MeetsListingTest(CreditTestData.Penalty(new LocalDate(2022, 3, 1), PenaltyMeasure.Fine) with { AggravatedFine = true }, true));
        Assert.False(SeriousViolationList.MeetsListingTest(revoked with { DecidedOn = new LocalDate(2021, 8, 31) }, true));
    }
}

public class SeriousViolationListPropertyTests
{
    [Fact]
    public void Listing_NeverEndsBeforeItsTermUnlessRemovedEarlyAfterOneYear_Meets_Specification()
    {
        Gen.Select(Gen.Int[0, 2500], Gen.Int[0, 1200], Gen.Bool).Sample((listedOffset, applyOffset, allMet) =>
        {
            var listed = new LocalDate(2016, 4, 1).PlusDays(listedOffset);
            var listing = new SeriousListing("E", listed);
            var term = SeriousViolationList.Term(listing, NationalCatalog.Law);
            var years = listed < new LocalDate(2021, 9, 1) ? 5 : 3;
            if (term.LastDayListed != listed.PlusYears(years))
            {
                return false;
            }
            var applied = listed.PlusDays(applyOffset);
            if (applied.Year > 2026)
            {
                return true;
            }
            var result = SeriousViolationList.RequestEarlyRemoval(listing, applied, new EarlyRemovalConditions(allMet, true, true, true), NationalCatalog.Law);
            return result.IsSuccess
                ? applied > listed.PlusYears(1) && listed >= new LocalDate(2021, 9, 1) && result.Value.Granted == allMet
                : result.Errors.All(e => e.Code is "MR.Credit.RepairTooEarly" or "MR.Credit.RepairNotAvailable");
        }, iter: 300);
    }
}
