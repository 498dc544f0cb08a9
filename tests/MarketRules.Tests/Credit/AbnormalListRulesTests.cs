using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class AbnormalListRulesTests
{
    [Theory]
    [InlineData("2014-09-30", AbnormalListRegime.None)]
    [InlineData("2014-10-01", AbnormalListRegime.Interim2014)]
    [InlineData("2024-04-30", AbnormalListRegime.Interim2014)]
    [InlineData("2024-05-01", AbnormalListRegime.Revision2024)]
    public void RegimeOn_AroundTheRegimeChanges_IsTheOneInForce(string date, AbnormalListRegime expected) =>
        Assert.Equal(expected, AbnormalListRules.RegimeOn(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value));

    [Theory]
    [InlineData("2024-06-30", false)] // last day of the window
    [InlineData("2024-07-01", true)]
    public void IsAnnualReportMissing_AtTheEndOfTheWindow_StartsTheDayAfter30June(string asOf, bool expected) =>
        Assert.Equal(expected, AbnormalListRules.IsAnnualReportMissing(2023, null, NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value));

    [Fact]
    public void IsAnnualReportMissing_FiledLateThenChecked_IsNoLongerMissing() =>
        Assert.False(AbnormalListRules.IsAnnualReportMissing(2023, new LocalDate(2024, 8, 1), new LocalDate(2024, 9, 1)));

    [Fact]
    public void ListingDeadline_OverNationalDay2024_CountsTheMakeUpWorkdays()
    {
        // Order expires Fri 2024-09-27; 10 wd: 09-29 (make-up Sun), 09-30, [10-01..10-07 off], 10-08..10-11, 10-12 (make-up Sat), 10-14..10-16.
        var deadline = AbnormalListRules.ListingDeadline(new LocalDate(2024, 9, 27), NationalCatalog.Law);
        Assert.Equal(new LocalDate(2024, 10, 16), deadline.LastDay);
    }

    [Fact]
    public void ObjectionDeadline_EndingInSpringFestival2024_RollsToTheMakeUpSunday()
    {
        // Published 2024-01-15 + 30 days = 2024-02-14, inside the 02-10..02-17 holiday; next working day is the make-up Sunday 02-18.
        var deadline = AbnormalListRules.ObjectionDeadline(new LocalDate(2024, 1, 15), NationalCatalog.Law);
        Assert.Equal(new LocalDate(2024, 2, 14), deadline.NominalLastDay);
        Assert.Equal(new LocalDate(2024, 2, 18), deadline.LastDay);
        Assert.True(deadline.RolledForward);
    }

    [Fact]
    public void ObjectionAnswerAndVerification_AreWorkingDays()
    {
        // Objection Fri 2024-09-27: 5 wd → 09-29 (Sun, make-up), 09-30, 10-08, 10-09, 10-10.
        Assert.Equal(new LocalDate(2024, 10, 10), AbnormalListRules.ObjectionAnswerDeadline(new LocalDate(2024, 9, 27), NationalCatalog.Law).LastDay);
        // 20 wd from 2024-09-27: … 10-16 is the 10th, then 10-17, 18, 21, 22, 23, 24, 25, 28, 29, 30.
        Assert.Equal(new LocalDate(2024, 10, 30), AbnormalListRules.ObjectionVerificationDeadline(new LocalDate(2024, 9, 27), NationalCatalog.Law).LastDay);
    }

    [Fact]
    public void RemovalDecisionDeadline_IsFiveWorkingDays()
    {
        // Application Mon 2024-04-29: 04-30, [05-01..05-05 off], 05-06, 05-07, 05-08, 05-09.
        Assert.Equal(new LocalDate(2024, 5, 9), AbnormalListRules.RemovalDecisionDeadline(new LocalDate(2024, 4, 29), NationalCatalog.Law).LastDay);
    }

    [Fact]
    public void Consequence_ListedIn2019_MovesToTheSeriousListUnderThe2014Regime()
    {
        var consequence = AbnormalListRules.Consequence(new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2019, 7, 10)), NationalCatalog.Law);
        Assert.True(consequence.MovesToSeriousList);
        Assert.Equal(AbnormalListRegime.Interim2014, consequence.Regime);
        Assert.Equal(new LocalDate(2022, 7, 10), consequence.EscalationPeriodEnds);
        // 60-day reminder window 2022-05-12..2022-07-10 (20 + 30 + 10 days).
        Assert.Equal(new LocalDate(2022, 5, 12), consequence.ReminderFrom);
        // 10 wd after Sun 2022-07-10: 07-11..07-15, 07-18..07-22.
        Assert.Equal(new LocalDate(2022, 7, 22), consequence.SeriousListingBy);
        Assert.Equal(Calendar.LegalPeriod.Years(3), consequence.RepresentativeBar);
    }

    [Fact]
    public void Consequence_ListedIn2022_HasNoEscalationAfterThe2024Revision()
    {
        var consequence = AbnormalListRules.Consequence(new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2022, 3, 1)), NationalCatalog.Law);
        Assert.False(consequence.MovesToSeriousList);
        Assert.Equal(AbnormalListRegime.Revision2024, consequence.Regime);
        Assert.Equal(new LocalDate(2025, 3, 1), consequence.EscalationPeriodEnds);
        Assert.Equal("no-escalation", consequence.Explanation.Outcome);
    }

    [Theory]
    [InlineData(29, true)]  // three years end 2024-04-29; escalation day 04-30, still the 2014 regime
    [InlineData(30, false)] // three years end 2024-04-30; escalation day 05-01, the 2024 revision
    public void Consequence_AroundMay2024_DependsOnTheDayTheThreeYearsRunOut(int aprilDay, bool moves)
    {
        var consequence = AbnormalListRules.Consequence(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2021, 4, aprilDay)), NationalCatalog.Law);
        Assert.Equal(moves, consequence.MovesToSeriousList);
    }

    [Fact]
    public void List_ThenRemove_KeepsEveryVersionByDate()
    {
        var list = AbnormalOperationsList.Empty
            .List(new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2023, 7, 10))).GetValueOrThrow()
            .Remove("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2024, 1, 15)).GetValueOrThrow();
        Assert.False(list.IsListed("E1", new LocalDate(2023, 7, 9)));
        Assert.True(list.IsListed("E1", new LocalDate(2023, 7, 10)));
        Assert.True(list.IsListed("E1", new LocalDate(2024, 1, 14)));
        Assert.False(list.IsListed("E1", new LocalDate(2024, 1, 15)));
        Assert.Single(list.AsOf(new LocalDate(2023, 12, 31)));
    }

    [Fact]
    public void List_EndBeforeStart_ReturnsCodedErrorAndLeavesTheListUnchanged()
    {
        var list = AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 1, 1))).GetValueOrThrow();
        var result = list.List(new AbnormalListing("E2", AbnormalListGround.Unreachable, new LocalDate(2023, 5, 1), new LocalDate(2023, 4, 1)));
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Credit.EndBeforeStart", Assert.Single(result.Errors).Code);
        Assert.Single(list.Entries);
        var removal = list.Remove("E1", AbnormalListGround.Unreachable, new LocalDate(2022, 12, 31));
        Assert.Equal("MR.Credit.EndBeforeStart", Assert.Single(removal.Errors).Code);
        Assert.Null(list.Entries[0].RemovedOn);
    }

    [Fact]
    public void List_BeforeTheListExisted_OrTwiceOnOneGround_IsRejected()
    {
        Assert.Equal("MR.Credit.InvalidRecord",
            Assert.Single(AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2013, 1, 1))).Errors).Code);
        var list = AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 1, 1))).GetValueOrThrow();
        Assert.False(list.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 6, 1))).IsSuccess);
        Assert.True(list.List(new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2023, 6, 1))).IsSuccess);
    }
}

public class AbnormalListRemovalTests
{
    private static readonly AbnormalListing Listing = new("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2023, 7, 10));

    [Fact]
    public void RequestRemoval_MatchingCure_IsRemovedWithinFiveWorkingDays()
    {
        // Applied Fri 2023-09-28: 2023 Mid-Autumn/National Day 09-29..10-06 off, make-up Sat 10-07 and Sun 10-08.
        // 5 wd: 10-07, 10-08, 10-09, 10-10, 10-11.
        var decision = AbnormalListRules.RequestRemoval(Listing, new LocalDate(2023, 9, 28), AbnormalListCure.AnnualReportFiled, NationalCatalog.Law).GetValueOrThrow();
        Assert.True(decision.Removable);
        Assert.Equal(new LocalDate(2023, 10, 11), decision.DecideBy);
    }

    [Fact]
    public void RequestRemoval_CureForAnotherGround_IsRefused() =>
        Assert.False(AbnormalListRules.RequestRemoval(Listing, new LocalDate(2023, 9, 28), AbnormalListCure.AddressRegisteredOrReachable, NationalCatalog.Law).GetValueOrThrow().Removable);

    [Fact]
    public void RequestRemoval_BeforeTheListingOrAfterRemoval_IsACodedError()
    {
        Assert.Equal("MR.Credit.EndBeforeStart", Assert.Single(AbnormalListRules.RequestRemoval(Listing, new LocalDate(2023, 7, 9), AbnormalListCure.AnnualReportFiled, NationalCatalog.Law).Errors).Code);
        Assert.Equal("MR.Credit.RepairNotAvailable", Assert.Single(AbnormalListRules.RequestRemoval(Listing with { RemovedOn = new LocalDate(2023, 8, 1) }, new LocalDate(2023, 9, 28), AbnormalListCure.AnnualReportFiled, NationalCatalog.Law).Errors).Code);
    }

    [Fact]
    public void WithdrawalDeadline_IsThreeWorkingDays() =>
        // Revoked Fri 2024-09-27: 09-29 (make-up Sunday), 09-30, 10-08.
        Assert.Equal(new LocalDate(2024, 10, 8), PenaltyPublication.WithdrawalDeadline(new LocalDate(2024, 9, 27), NationalCatalog.Law).LastDay);
}

public class AbnormalListConsequenceTests
{
    [Theory]
    [InlineData("2022-07-10", false)] // removed on the last day of the three years: no escalation
    [InlineData("2022-07-11", true)]  // still listed when the three years ran out
    public void Consequence_RemovedBeforeTheThreeYearsRunOut_HasNoEscalation(string removed, bool moves)
    {
        var listing = new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2019, 7, 10), NodaTime.Text.LocalDatePattern.Iso.Parse(removed).Value);
        Assert.Equal(moves, AbnormalListRules.Consequence(listing, NationalCatalog.Law).MovesToSeriousList);
    }
}
