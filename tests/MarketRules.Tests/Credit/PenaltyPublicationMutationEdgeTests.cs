using System.Text;
using MarketRules.Credit;
using MarketRules.Json;
using MarketRules.Parameters;

namespace MarketRules.Tests.Credit;

/// <summary>
/// The boundaries, explanations and coded errors of penalty publication (总局令第45号 Arts 2, 9–14; before it 企业信息公示暂行条例
/// Art 6 and 工商总局令第71号 Art 2) and credit repair (国市监信规〔2021〕3号), as domain-rules.md §2.4–2.5 state them.
/// </summary>
public class PenaltyPublicationMutationEdgeTests
{
    private static readonly EarlyStopConditions AllMet = new(true, true, true, true);
    private static readonly LocalDate Decided = new(2024, 9, 27);
    private static readonly LocalDate Published = new(2024, 10, 8);

    private static PenaltyRecord Fine(decimal yuan) => CreditTestData.Penalty(Decided, PenaltyMeasure.Fine) with { Fine = Money.FromYuan(yuan) };

    private static PublicationSchedule Schedule(PenaltyRecord penalty, LocalDate? publishedOn = null, LawContext? law = null) =>
        PenaltyPublication.Schedule(penalty, law ?? NationalCatalog.Law, publishedOn).GetValueOrThrow();

    private static LawContext Zhejiang => NationalCatalog.Law.WithPolicy(CreditTestData.ZhejiangLaw()).For(CreditTestData.Gongshu);

    private static RuleError SingleError<T>(RuleResult<T> result) => Assert.Single(result.Errors);

    // --- Boundaries (第十三条: published from the first day to the last day; early stop ends it the day granted) ---

    [Fact]
    public void IsPublishedOn_TheFirstDayOfPublication_IsPublished()
    {
        var schedule = Schedule(Fine(5000), Published);
        Assert.True(schedule.IsPublishedOn(Published));
        Assert.False(schedule.IsPublishedOn(Published.PlusDays(-1)));
    }

    [Fact]
    public void IsPublishedOn_StoppedEarly_PublishedUntilTheDayBeforeTheStop()
    {
        var schedule = Schedule(Fine(5000), Published);
        var stop = new LocalDate(2025, 6, 1);
        Assert.True(schedule.IsPublishedOn(stop.PlusDays(-1), stop));
        Assert.False(schedule.IsPublishedOn(stop, stop));
        Assert.False(schedule.IsPublishedOn(stop.PlusDays(1), stop));
    }

    [Fact]
    public void NeverStopsEarly_WarningAloneNotPublished_IsFalse()
    {
        // Art 2: a warning alone is not published, so there is no publication that "never stops early".
        var schedule = Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.Warning));
        Assert.False(schedule.Published);
        Assert.False(schedule.NeverStopsEarly);
        Assert.True(Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.Suspension), Published).NeverStopsEarly);
    }

    [Fact]
    public void Schedule_RestrictionEndingOnTheDecisionDay_IsAccepted()
    {
        var penalty = CreditTestData.Penalty(Decided, PenaltyMeasure.BusinessRestriction) with { RestrictionEndsOn = Decided };
        Assert.True(PenaltyPublication.Schedule(penalty, NationalCatalog.Law, Published).IsSuccess);
        Assert.Equal("MR.Credit.EndBeforeStart",
            SingleError(PenaltyPublication.Schedule(penalty with { RestrictionEndsOn = Decided.PlusDays(-1) }, NationalCatalog.Law, Published)).Code);
    }

    [Fact]
    public void Schedule_PublishedOnTheDecisionDay_IsAccepted()
    {
        Assert.True(PenaltyPublication.Schedule(Fine(5000), NationalCatalog.Law, Decided).IsSuccess);
        Assert.False(PenaltyPublication.Schedule(Fine(5000), NationalCatalog.Law, Decided.PlusDays(-1)).IsSuccess);
    }

    [Fact]
    public void Schedule_FineListedTwice_IsStillAFineOfThreeYears()
    {
        // Art 13: a fine that is not lower-amount (none is, nationally) is published three years, however it is recorded.
        var schedule = Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.Fine, PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000) }, Published);
        Assert.Equal(new LocalDate(2027, 10, 8), schedule.LastDay);
        Assert.NotNull(schedule.RepairFrom);
    }

    [Fact]
    public void Schedule_CrossProvinceBeforeOrder45_PublishedWithinTwentyWorkingDaysOfArticle6()
    {
        // Before 2021-09-01 there was no cross-province step (Order 45 Art 10): the 2014 regulations' 20 working days apply.
        var penalty = CreditTestData.Penalty(new LocalDate(2020, 6, 10), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000), CrossProvince = true };
        var schedule = Schedule(penalty);
        // Wed 2020-06-10 + 20 wd: 06-25/26 Dragon Boat off, Sun 06-28 a make-up working day → 2020-07-09.
        Assert.Equal(new LocalDate(2020, 7, 9), schedule.PublishBy);
        Assert.DoesNotContain(schedule.Explanation.Dates, d => d.Name == "push-by");
    }

    [Fact]
    public void RequestEarlyStop_OnTheLastDayPublished_IsDecided()
    {
        // Decided 2022: the three years end within the statutory calendar's years, so the decision deadline can be counted.
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2022, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000) },
            new LocalDate(2022, 10, 10));
        Assert.Equal(new LocalDate(2025, 10, 10), schedule.LastDay);
        var onLastDay = PenaltyPublication.RequestEarlyStop(schedule, schedule.LastDay!.Value, AllMet, NationalCatalog.Law);
        Assert.True(onLastDay.GetValueOrThrow().Granted);
        var after = SingleError(PenaltyPublication.RequestEarlyStop(schedule, schedule.LastDay!.Value.PlusDays(1), AllMet, NationalCatalog.Law));
        Assert.Equal("MR.Credit.RepairNotAvailable", after.Code);
    }

    [Fact]
    public void RequestEarlyStop_DecisionDeadlineBeyondTheCalendarsYears_IsTheCalendarsCodedError_NotAnException()
    {
        // Published 2024-10-08 until 2027-10-08; an application in January of the first year the statutory calendar does
        // not know yet (next year's holiday notice not out) cannot have its 15 working days counted.
        var law = NationalCatalog.Law;
        var schedule = Schedule(Fine(5000), Published);
        var unknownYear = law.Calendar.LastYear + 1;
        var appliedOn = new LocalDate(unknownYear, 1, 4);
        Assert.True(appliedOn >= schedule.RepairFrom && appliedOn <= schedule.LastDay, "the test needs an application day within publication beyond the calendar's years");
        var error = SingleError(PenaltyPublication.RequestEarlyStop(schedule, appliedOn, AllMet, law));
        Assert.Equal("MR.Calendar.OutOfRange", error.Code);
        Assert.Contains(unknownYear.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void CreditListing_IsActiveFromTheListingDayUntilTheDayBeforeRemoval()
    {
        var listing = new CreditListing(CreditListKind.Abnormal, new LocalDate(2024, 3, 1), new LocalDate(2024, 9, 1));
        Assert.False(listing.IsActiveOn(new LocalDate(2024, 2, 29)));
        Assert.True(listing.IsActiveOn(new LocalDate(2024, 3, 1)));
        Assert.True(listing.IsActiveOn(new LocalDate(2024, 8, 31)));
        Assert.False(listing.IsActiveOn(new LocalDate(2024, 9, 1)));
    }

    [Theory]
    [MemberData(nameof(CreditTestData.Article14Paragraph3Measures), MemberType = typeof(CreditTestData))]
    public void PenaltyRecord_EachArticle14Paragraph3Measure_AloneNeverStopsEarly(PenaltyMeasure measure)
    {
        var penalty = CreditTestData.Penalty(Decided, measure);
        Assert.True(penalty.NeverStopsEarly);
        Assert.True(penalty.IsHeavier);
        Assert.Null(Schedule(penalty, Published).RepairFrom);
    }

    [Theory]
    [InlineData(PenaltyField.General, "2025-04-09")]
    [InlineData(PenaltyField.Food, "2025-10-09")]
    [InlineData(PenaltyField.Drugs, "2025-10-09")]
    [InlineData(PenaltyField.SpecialEquipment, "2025-10-09")]
    public void RepairFrom_FoodDrugsAndSpecialEquipment_AfterOneYearOthersAfterSixMonths(PenaltyField field, string repairFrom)
    {
        // domain-rules.md row 2.27: 公示期满六个月，其中食品、药品、特种设备领域…公示期满一年 (published 2024-10-08).
        var schedule = Schedule(Fine(5000) with { Field = field }, Published);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(repairFrom).Value, schedule.RepairFrom);
    }

    [Fact]
    public void PenaltyRecord_WarningWithAFine_IsNotAWarningAlone()
    {
        Assert.True(CreditTestData.Penalty(Decided, PenaltyMeasure.Warning).IsWarningOnly);
        Assert.False(CreditTestData.Penalty(Decided, PenaltyMeasure.Warning, PenaltyMeasure.Fine).IsWarningOnly);
        Assert.False(CreditTestData.Penalty(Decided, PenaltyMeasure.Fine, PenaltyMeasure.Warning).IsWarningOnly);
    }

    [Fact]
    public void PublicationRules_NullArguments_AreRejected()
    {
        var penalty = Fine(5000);
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.Schedule(null!, NationalCatalog.Law));
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.Schedule(penalty, null!));
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.Decide(null!, NationalCatalog.Law));
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.Decide(penalty, null!));
        var schedule = Schedule(penalty, Published);
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.RequestEarlyStop(null!, Published, AllMet, NationalCatalog.Law));
        Assert.Throws<ArgumentNullException>(() => PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 5, 6), AllMet, null!));
    }

    // --- Explanations: one snapshot per scenario (zh/en texts, citations, parameters, dates) ---

    public static TheoryData<string> Scenarios => [.. ScheduleScenarios.Keys];

    private static readonly Dictionary<string, Func<PublicationSchedule>> ScheduleScenarios = new()
    {
        ["fine-national-standard"] = () => Schedule(Fine(5000), Published),
        ["fine-zhejiang-lower-amount"] = () => Schedule(Fine(5000), Published, Zhejiang),
        ["cross-province"] = () => Schedule(Fine(5000) with { CrossProvince = true }),
        ["before-order45-cross-province"] = () => Schedule(CreditTestData.Penalty(new LocalDate(2020, 6, 10), PenaltyMeasure.Fine)
            with { Fine = Money.FromYuan(5000), CrossProvince = true }),
        ["warning-alone"] = () => Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.Warning)),
        ["summary-procedure"] = () => Schedule(Fine(200) with { SummaryProcedure = true }),
        ["restriction-longer-than-three-years"] = () => Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.BusinessRestriction)
            with { RestrictionEndsOn = new LocalDate(2029, 9, 26) }, Published),
        ["food-fine"] = () => Schedule(Fine(5000) with { Field = PenaltyField.Food }, Published),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Schedule_Explanation_MatchesSnapshot(string scenario) =>
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(ScheduleScenarios[scenario]().Explanation),
            new Snapshooter.SnapshotNameExtension(scenario));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RequestEarlyStop_Explanation_MatchesSnapshot(bool allMet)
    {
        var schedule = Schedule(Fine(5000), Published);
        var decision = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 5, 6),
            allMet ? AllMet : new EarlyStopConditions(false, false, false, false), NationalCatalog.Law).GetValueOrThrow();
        Assert.Equal(allMet, decision.Granted);
        Snapshooter.Xunit.Snapshot.Match(MarketRulesJson.Serialize(decision.Explanation),
            new Snapshooter.SnapshotNameExtension(allMet ? "granted" : "refused"));
    }

    [Fact]
    public void CodedErrors_OfPublicationAndRepair_MatchSnapshot()
    {
        var schedule = Schedule(Fine(5000), Published);
        var errors = new[]
        {
            SingleError(PenaltyPublication.Schedule(CreditTestData.Penalty(Decided), NationalCatalog.Law)),
            SingleError(PenaltyPublication.Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.BusinessRestriction)
                with { RestrictionEndsOn = Decided.PlusDays(-1) }, NationalCatalog.Law)),
            SingleError(PenaltyPublication.Schedule(Fine(5000), NationalCatalog.Law, Decided.PlusDays(-1))),
            SingleError(PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2014, 9, 30), PenaltyMeasure.Fine), NationalCatalog.Law)),
            SingleError(PenaltyPublication.RequestEarlyStop(Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.Warning)), Published, AllMet, NationalCatalog.Law)),
            SingleError(PenaltyPublication.RequestEarlyStop(Schedule(CreditTestData.Penalty(Decided, PenaltyMeasure.PublicCriticism), Published), Published, AllMet, NationalCatalog.Law)),
            SingleError(PenaltyPublication.RequestEarlyStop(schedule, schedule.RepairFrom!.Value.PlusDays(-1), AllMet, NationalCatalog.Law)),
            SingleError(PenaltyPublication.RequestEarlyStop(schedule, schedule.LastDay!.Value.PlusDays(1), AllMet, NationalCatalog.Law)),
        };
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", errors.Select(MarketRulesJson.Serialize)));
    }
}
