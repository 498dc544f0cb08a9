using MarketRules.Credit;
using MarketRules.Json;

namespace MarketRules.Tests.Credit;

/// <summary>
/// Edges of the abnormal-operations list (企业经营异常名录管理暂行办法, 工商总局令第68号; 企业信息公示暂行条例) that the
/// mutation run showed untested: the same-day boundaries of listing and removal, which entry a removal ends, the
/// annual-report window, the removal cure that answers each ground, and the coded errors a rejected change returns.
/// </summary>
public class AbnormalOperationsListMutationEdgeTests
{
    private static readonly LocalDate Listed = new(2023, 1, 10);

    private static AbnormalOperationsList ListOf(params AbnormalListing[] listings) =>
        listings.Aggregate(AbnormalOperationsList.Empty, (list, listing) => list.List(listing).GetValueOrThrow());

    private static void AssertError(RuleError error, string code, string path, params (string Key, string Value)[] arguments)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(arguments.ToDictionary(a => a.Key, a => a.Value), error.Arguments.ToDictionary());
    }

    [Fact]
    public void IsListed_IsAboutTheEnterpriseAsked_NotEveryEnterpriseOnTheList()
    {
        var list = ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), new AbnormalListing("E2", AbnormalListGround.Unreachable, Listed.PlusDays(30)));
        Assert.True(list.IsListed("E1", Listed));
        Assert.False(list.IsListed("E3", Listed));
    }

    [Fact]
    public void List_NullListing_IsAnArgumentError() =>
        Assert.Throws<ArgumentNullException>(() => AbnormalOperationsList.Empty.List(null!));

    [Fact]
    public void List_RemovedTheDayItWasListed_IsNotAnEndBeforeStart()
    {
        // The removal day is the first day off the list, so listing and removal on one day is a valid (empty) period.
        var list = AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, Listed)).GetValueOrThrow();
        Assert.False(list.IsListed("E1", Listed));
    }

    [Fact]
    public void List_EndBeforeStart_NamesTheRemovalDateAndBothDates()
    {
        var result = AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, Listed.PlusDays(-1)));
        AssertError(Assert.Single(result.Errors), "MR.Credit.EndBeforeStart", "$.removedOn", ("End", "2023-01-09"), ("Start", "2023-01-10"));
    }

    [Fact]
    public void List_BeforeOrder68_SaysTheListExistsFrom1October2014()
    {
        var result = AbnormalOperationsList.Empty.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2014, 9, 30)));
        AssertError(Assert.Single(result.Errors), "MR.Credit.InvalidRecord", "$.listedOn", ("Detail", "the abnormal list exists from 2014-10-01"));
    }

    [Fact]
    public void List_TwiceOnOneGroundAtOnce_NamesTheEnterpriseAndGround()
    {
        var list = ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed));
        var result = list.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed.PlusDays(5)));
        AssertError(Assert.Single(result.Errors), "MR.Credit.InvalidRecord", "$", ("Detail", "E1 is already listed on ground Unreachable then"));
    }

    [Fact]
    public void List_AgainOnTheDayOfRemoval_IsANewListingNotAnOverlap()
    {
        var list = ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, new LocalDate(2023, 6, 1)));
        var relisted = list.List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 6, 1))).GetValueOrThrow();
        Assert.Equal(2, relisted.Entries.Length);
        Assert.True(relisted.IsListed("E1", new LocalDate(2023, 6, 1)));
    }

    [Fact]
    public void List_AgainLongAfterRemoval_IsANewListing() =>
        Assert.True(ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, new LocalDate(2023, 6, 1)))
            .List(new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2024, 2, 1))).IsSuccess);

    [Theory]
    [InlineData("2022-12-10")] // the past listing ended a month before the current one started
    [InlineData("2023-01-10")] // the past listing ended the day the current one started
    public void List_APastEndedListingBeforeTheCurrentOne_IsRecordedAsHistory(string removed)
    {
        var list = ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed));
        var history = new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2022, 3, 1), NodaTime.Text.LocalDatePattern.Iso.Parse(removed).Value);
        var withHistory = list.List(history).GetValueOrThrow();
        Assert.True(withHistory.IsListed("E1", new LocalDate(2022, 3, 1)));
        Assert.True(withHistory.IsListed("E1", Listed));
    }

    [Fact]
    public void Remove_NotListed_IsACodedErrorNamingTheEnterpriseAndGround()
    {
        var result = AbnormalOperationsList.Empty.Remove("E1", AbnormalListGround.AnnualReportNotFiled, Listed);
        AssertError(Assert.Single(result.Errors), "MR.Credit.InvalidRecord", "$", ("Detail", "E1 is not listed on ground AnnualReportNotFiled"));
    }

    [Fact]
    public void Remove_EndsOnlyTheCurrentListingOfThatEnterpriseOnThatGround()
    {
        var list = ListOf(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed),
            new AbnormalListing("E2", AbnormalListGround.AnnualReportNotFiled, Listed),
            new AbnormalListing("E2", AbnormalListGround.Unreachable, Listed));
        var removedOn = new LocalDate(2023, 3, 1);
        var after = list.Remove("E2", AbnormalListGround.Unreachable, removedOn).GetValueOrThrow();
        Assert.Equal(new LocalDate?[] { null, null, removedOn }, after.Entries.Select(e => e.RemovedOn));
        Assert.False(list.Remove("E1", AbnormalListGround.AnnualReportNotFiled, removedOn).IsSuccess);
    }

    [Fact]
    public void Remove_AfterRelisting_EndsTheCurrentListingNotThePastOne()
    {
        var list = ListOf(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, new LocalDate(2023, 3, 1)),
            new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 6, 1)));
        var after = list.Remove("E1", AbnormalListGround.Unreachable, new LocalDate(2023, 9, 1)).GetValueOrThrow();
        Assert.Equal(new LocalDate?[] { new LocalDate(2023, 3, 1), new LocalDate(2023, 9, 1) }, after.Entries.Select(e => e.RemovedOn));
    }

    [Fact]
    public void Remove_OnTheListingDay_IsAllowed() =>
        Assert.Equal(Listed, ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed))
            .Remove("E1", AbnormalListGround.Unreachable, Listed).GetValueOrThrow().Entries[0].RemovedOn);

    [Fact]
    public void Remove_BeforeTheListingDay_NamesBothDates()
    {
        var result = ListOf(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed)).Remove("E1", AbnormalListGround.Unreachable, Listed.PlusDays(-1));
        AssertError(Assert.Single(result.Errors), "MR.Credit.EndBeforeStart", "$.removedOn", ("End", "2023-01-09"), ("Start", "2023-01-10"));
    }

    [Fact]
    public void AnnualReportWindow_IsFirstJanuaryToThirtiethJuneOfTheFollowingYear()
    {
        // 企业信息公示暂行条例 Art. 8: the previous year's report between 1 January and 30 June.
        var window = AbnormalListRules.AnnualReportWindow(2023);
        Assert.Equal(new LocalDate(2024, 1, 1), window.Start);
        Assert.Equal(new LocalDate(2024, 6, 30), window.End);
    }

    [Fact]
    public void IsAnnualReportMissing_OnADayBeforeTheLateFiling_IsMissing() =>
        Assert.True(AbnormalListRules.IsAnnualReportMissing(2023, new LocalDate(2024, 9, 1), new LocalDate(2024, 8, 1)));

    [Fact]
    public void IsAnnualReportMissing_BeforeTheWindowCloses_IsNotMissingEvenIfFiledLaterStill() =>
        Assert.False(AbnormalListRules.IsAnnualReportMissing(2023, new LocalDate(2024, 9, 1), new LocalDate(2024, 6, 1)));

    [Fact]
    public void IsAnnualReportMissing_OnTheDayOfTheLateFiling_IsNoLongerMissing() =>
        Assert.False(AbnormalListRules.IsAnnualReportMissing(2023, new LocalDate(2024, 8, 1), new LocalDate(2024, 8, 1)));

    [Fact]
    public void Consequence_NullArguments_AreArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => AbnormalListRules.Consequence(null!, NationalCatalog.Law));
        Assert.Throws<ArgumentNullException>(() => AbnormalListRules.Consequence(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), null!));
    }

    [Fact]
    public void RequestRemoval_NullListing_IsAnArgumentError() =>
        Assert.Throws<ArgumentNullException>(() => AbnormalListRules.RequestRemoval(null!, Listed, AbnormalListCure.AnnualReportFiled, NationalCatalog.Law));

    [Theory]
    [InlineData(AbnormalListGround.AnnualReportNotFiled, AbnormalListCure.AnnualReportFiled)]
    [InlineData(AbnormalListGround.NotDisclosedAsOrdered, AbnormalListCure.InformationDisclosed)]
    [InlineData(AbnormalListGround.ConcealmentOrFalsification, AbnormalListCure.FalseInformationCorrected)]
    [InlineData(AbnormalListGround.Unreachable, AbnormalListCure.AddressRegisteredOrReachable)]
    public void RequestRemoval_OnlyTheCureThatAnswersTheGround_Removes(AbnormalListGround ground, AbnormalListCure answer)
    {
        // 工商总局令第68号 Arts. 11–14: each ground has its own cure.
        var listing = new AbnormalListing("E1", ground, Listed);
        foreach (var cure in Enum.GetValues<AbnormalListCure>())
        {
            var decision = AbnormalListRules.RequestRemoval(listing, new LocalDate(2023, 5, 8), cure, NationalCatalog.Law).GetValueOrThrow();
            Assert.Equal(cure == answer, decision.Removable);
            Assert.Equal(cure == answer ? "removed" : "refused", decision.Explanation.Outcome);
        }
    }

    [Fact]
    public void RequestRemoval_OnTheListingDay_IsDecided() =>
        Assert.True(AbnormalListRules.RequestRemoval(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), Listed, AbnormalListCure.AddressRegisteredOrReachable, NationalCatalog.Law)
            .GetValueOrThrow().Removable);

    [Fact]
    public void RequestRemoval_BeforeTheListing_NamesBothDates() =>
        AssertError(Assert.Single(AbnormalListRules.RequestRemoval(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), Listed.PlusDays(-1),
            AbnormalListCure.AddressRegisteredOrReachable, NationalCatalog.Law).Errors), "MR.Credit.EndBeforeStart", "$.appliedOn", ("End", "2023-01-09"), ("Start", "2023-01-10"));

    [Fact]
    public void RequestRemoval_AfterTheListingWasRemoved_IsNotAvailable() =>
        AssertError(Assert.Single(AbnormalListRules.RequestRemoval(new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed, new LocalDate(2023, 3, 1)), new LocalDate(2023, 3, 1),
            AbnormalListCure.AddressRegisteredOrReachable, NationalCatalog.Law).Errors), "MR.Credit.RepairNotAvailable", "$.appliedOn", ("Detail", "the listing has already been removed"));

    // Snapshots of whole explanations: the citations, parameters, dates and texts of each path. Read against
    // domain-rules.md rows 2.3–2.7 and 2.28 before committing.

    [Fact]
    public void Consequence_ListedIn2019_MovesToTheSeriousList_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.Consequence(
            new AbnormalListing("E1", AbnormalListGround.AnnualReportNotFiled, new LocalDate(2019, 7, 10)), NationalCatalog.Law).Explanation));

    [Fact]
    public void Consequence_ThreeYearsEndingUnderThe2024Revision_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.Consequence(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2021, 4, 30)), NationalCatalog.Law).Explanation));

    [Fact]
    public void Consequence_RemovedBeforeTheThreeYears_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.Consequence(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2019, 7, 10), new LocalDate(2020, 3, 2)), NationalCatalog.Law).Explanation));

    [Fact]
    public void Consequence_ListedUnderThe2024Revision_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.Consequence(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, new LocalDate(2024, 6, 3)), NationalCatalog.Law).Explanation));

    [Fact]
    public void RequestRemoval_CureForAnotherGround_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.RequestRemoval(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), new LocalDate(2023, 5, 8), AbnormalListCure.AnnualReportFiled, NationalCatalog.Law).GetValueOrThrow().Explanation));

    [Fact]
    public void RequestRemoval_MatchingCure_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(AbnormalListRules.RequestRemoval(
            new AbnormalListing("E1", AbnormalListGround.Unreachable, Listed), new LocalDate(2023, 5, 8), AbnormalListCure.AddressRegisteredOrReachable, NationalCatalog.Law).GetValueOrThrow().Explanation));
}

/// <summary>
/// Edges of the serious-violation list (总局令第44号, from 2021-09-01): the first day the order applies, the last day an
/// early removal may be applied for, the legal restriction that outlasts the term, and the texts of each decision.
/// </summary>
public class SeriousViolationListMutationEdgeTests
{
    private static readonly EarlyRemovalConditions AllMet = new(true, true, true, true);
    private static readonly SeriousListing Listed2022 = new("E1", new LocalDate(2022, 7, 22));

    [Fact]
    public void MeetsListingTest_OnTheDayOrder44TakesEffect_Qualifies() =>
        Assert.True(SeriousViolationList.MeetsListingTest(CreditTestData.Penalty(new LocalDate(2021, 9, 1), PenaltyMeasure.LicenceRevoked), seriousCircumstances: true));

    [Fact]
    public void Term_NullArguments_AreArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => SeriousViolationList.Term(null!, NationalCatalog.Law));
        Assert.Throws<ArgumentNullException>(() => SeriousViolationList.Term(Listed2022, null!));
    }

    [Fact]
    public void Term_RestrictionEndingOnTheTermsLastDay_DoesNotExtendOrAddARestrictionDate()
    {
        var term = SeriousViolationList.Term(Listed2022 with { RestrictionEndsOn = new LocalDate(2025, 7, 22) }, NationalCatalog.Law);
        Assert.Equal(new LocalDate(2025, 7, 22), term.LastDayListed);
        Assert.DoesNotContain(term.Explanation.Dates, d => d.Name == "restriction-ends");
    }

    [Fact]
    public void RequestEarlyRemoval_OnTheLastDayListed_IsDecided()
    {
        var term = SeriousViolationList.Term(Listed2022, NationalCatalog.Law);
        Assert.True(SeriousViolationList.RequestEarlyRemoval(Listed2022, term.LastDayListed, AllMet, NationalCatalog.Law).GetValueOrThrow().Granted);
    }

    [Fact]
    public void RequestEarlyRemoval_AfterTheTerm_SaysTheTermHasRunOut()
    {
        var error = Assert.Single(SeriousViolationList.RequestEarlyRemoval(Listed2022, new LocalDate(2025, 7, 23), AllMet, NationalCatalog.Law).Errors);
        Assert.Equal(("MR.Credit.RepairNotAvailable", "$.appliedOn"), (error.Code, error.Path));
        Assert.Equal("the term has already run out", Assert.Single(error.Arguments).Value);
    }

    [Fact]
    public void RequestEarlyRemoval_ListedBeforeOrder44_SaysThereIsNoEarlyRemoval()
    {
        var error = Assert.Single(SeriousViolationList.RequestEarlyRemoval(new SeriousListing("E1", new LocalDate(2019, 7, 22)), new LocalDate(2021, 1, 4), AllMet, NationalCatalog.Law).Errors);
        Assert.Equal(("MR.Credit.RepairNotAvailable", "$.listedOn"), (error.Code, error.Path));
        Assert.Equal(("Detail", "listings before 2021-09-01 have no early removal"), (Assert.Single(error.Arguments).Key, error.Arguments["Detail"]));
    }

    [Fact]
    public void RequestEarlyRemoval_TooEarly_NamesTheDateAndTheEarliestDay()
    {
        var error = Assert.Single(SeriousViolationList.RequestEarlyRemoval(Listed2022, new LocalDate(2023, 1, 3), AllMet, NationalCatalog.Law).Errors);
        Assert.Equal(("MR.Credit.RepairTooEarly", "$.appliedOn"), (error.Code, error.Path));
        Assert.Equal(new Dictionary<string, string> { ["Date"] = "2023-01-03", ["Earliest"] = "2023-07-23" }, error.Arguments.ToDictionary());
    }

    [Fact]
    public void RequestEarlyRemoval_AllFourConditionsMet_IsRemovedEarly() =>
        Assert.Equal("removed-early", SeriousViolationList.RequestEarlyRemoval(Listed2022, new LocalDate(2024, 1, 8), AllMet, NationalCatalog.Law).GetValueOrThrow().Explanation.Outcome);

    // Snapshots of whole explanations; read against domain-rules.md row 2.16 before committing.

    [Fact]
    public void Term_WithALongerRestriction_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(SeriousViolationList.Term(Listed2022 with { RestrictionEndsOn = new LocalDate(2027, 1, 1) }, NationalCatalog.Law).Explanation));

    [Fact]
    public void RequestEarlyRemoval_NoConditionMet_ExplanationMatchesSnapshot() =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(SeriousViolationList.RequestEarlyRemoval(Listed2022, new LocalDate(2024, 1, 8),
            new EarlyRemovalConditions(false, false, false, false), NationalCatalog.Law).GetValueOrThrow().Explanation));
}

/// <summary>The indicator values of the credit-risk classification (国市监信发〔2022〕6号): ranges and single-indicator changes.</summary>
public class CreditIndicatorsMutationEdgeTests
{
    [Theory]
    [InlineData(-1, 0, 0, 0, 0, 0)]
    [InlineData(11, 0, 0, 0, 0, 0)]
    [InlineData(0, -1, 0, 0, 0, 0)]
    [InlineData(0, 0, -1, 0, 0, 0)]
    [InlineData(0, 0, 0, -1, 0, 0)]
    [InlineData(0, 0, 0, 0, -1, 0)]
    [InlineData(0, 0, 0, 0, 0, -1)]
    public void Create_ANegativeCountOrARatingAboveTen_IsOutOfRange(int basic, int late, int penalties, int heavier, int related, int complaints) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CreditIndicators(basic, late, penalties, heavier, related, complaints));

    [Theory]
    [InlineData(CreditIndicator.BasicAttributes)]
    [InlineData(CreditIndicator.LateAnnualReports)]
    [InlineData(CreditIndicator.Penalties)]
    [InlineData(CreditIndicator.HeavierPenalties)]
    [InlineData(CreditIndicator.RelatedParties)]
    [InlineData(CreditIndicator.Complaints)]
    public void With_ChangesOnlyTheIndicatorNamed(CreditIndicator changed)
    {
        var before = new CreditIndicators(1, 2, 3, 4, 5, 6, onAbnormalList: true, onSeriousList: true);
        var after = before.With(changed, 9);
        foreach (var indicator in Enum.GetValues<CreditIndicator>())
        {
            Assert.Equal(indicator == changed ? 9 : before.Get(indicator), after.Get(indicator));
        }
        Assert.True(after.OnAbnormalList && after.OnSeriousList);
    }
}
