using MarketRules.Parameters;
using CsCheck;
using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class PenaltyPublicationTests
{
    private static readonly EarlyStopConditions AllMet = new(true, true, true, true);
    private static readonly LocalDate Published = new(2024, 10, 8);

    private static PublicationSchedule Schedule(PenaltyRecord penalty, LocalDate? publishedOn = null) =>
        PenaltyPublication.Schedule(penalty, NationalCatalog.Law, publishedOn).GetValueOrThrow();

    [Fact]
    public void Schedule_SameProvince_PublishWithinTwentyWorkingDaysAcrossNationalDay()
    {
        // Decided Fri 2024-09-27: 20 wd → 2024-10-30 (09-29 and 10-12 make-up days, 10-01..10-07 off).
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000) });
        Assert.Equal(new LocalDate(2024, 10, 30), schedule.PublishBy);
        Assert.Equal(new LocalDate(2024, 10, 30), schedule.PublishedOn);
    }

    [Fact]
    public void Schedule_CrossProvince_PushesWithinTenThenPublishesWithinTen()
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { CrossProvince = true });
        Assert.Equal(new LocalDate(2024, 10, 16), schedule.Explanation.Dates.Single(d => d.Name == "push-by").Date);
        Assert.Equal(new LocalDate(2024, 10, 30), schedule.PublishBy);
    }

    [Theory]
    [InlineData(PenaltyMeasure.Warning)]
    public void Schedule_WarningAlone_IsNotPublished(PenaltyMeasure measure)
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), measure));
        Assert.False(schedule.Published);
        Assert.False(schedule.IsPublishedOn(new LocalDate(2024, 10, 30)));
    }

    [Fact]
    public void Schedule_SummaryProcedure_IsNotPublished() =>
        Assert.False(Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { SummaryProcedure = true }).Published);

    [Theory]
    [InlineData("2027-10-08", true)]  // exactly three years: the last day published
    [InlineData("2027-10-09", false)]
    [InlineData("2024-10-07", false)] // before publication
    public void Schedule_Fine_IsPublishedExactlyThreeYears(string date, bool published)
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000) }, Published);
        Assert.Equal(new LocalDate(2027, 10, 8), schedule.LastDay);
        Assert.Equal(published, schedule.IsPublishedOn(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value));
    }

    [Fact]
    public void Schedule_PublicCriticismAlone_IsPublishedThreeMonthsAndNeverRepaired()
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.PublicCriticism), Published);
        Assert.Equal(new LocalDate(2025, 1, 8), schedule.LastDay);
        Assert.Null(schedule.RepairFrom);
        Assert.Equal("MR.Credit.RepairNotAvailable",
            Assert.Single(PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2024, 12, 1), AllMet, NationalCatalog.Law).Errors).Code);
    }

    [Theory]
    [InlineData(5000, "2025-01-08")]   // ≤ 10,000 yuan in the example Zhejiang pack: three months
    [InlineData(10000, "2025-01-08")]  // at the threshold
    [InlineData(10000.01, "2027-10-08")] // above: three years
    public void Schedule_LowerAmountFine_UsesTheProvincialThreshold(decimal fine, string lastDay)
    {
        var penalty = CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(fine) };
        var schedule = PenaltyPublication.Schedule(penalty, NationalCatalog.Law.WithPolicy(CreditTestData.ZhejiangLaw()).For(CreditTestData.Gongshu), Published).GetValueOrThrow();
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(lastDay).Value, schedule.LastDay);
    }

    [Fact]
    public void Schedule_NationalLaw_TreatsNoFineAsLowerAmount() =>
        Assert.Equal(new LocalDate(2027, 10, 8), Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(1) }, Published).LastDay);

    [Theory]
    [InlineData(PenaltyField.General, "2025-04-09")] // six months end 2025-04-08
    [InlineData(PenaltyField.Food, "2025-10-09")]    // one year ends 2025-10-08
    [InlineData(PenaltyField.Drugs, "2025-10-09")]
    [InlineData(PenaltyField.SpecialEquipment, "2025-10-09")]
    public void Schedule_RepairOpensAfterSixMonthsOrOneYear(PenaltyField field, string from)
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine, PenaltyMeasure.Confiscation) with { Field = field }, Published);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(from).Value, schedule.RepairFrom);
    }

    [Fact]
    public void RequestEarlyStop_ExactlySixMonths_IsTooEarlyThenAllowedTheNextDay()
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine), Published);
        var early = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 4, 8), AllMet, NationalCatalog.Law);
        Assert.Equal("MR.Credit.RepairTooEarly", Assert.Single(early.Errors).Code);
        var decision = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 4, 9), AllMet, NationalCatalog.Law).GetValueOrThrow();
        Assert.True(decision.Granted);
        // 15 wd from Wed 2025-04-09 (from memory): 04-10, 11, 14–18, 21–25, 27 (make-up Sunday before Labour Day), 28, 29.
        Assert.Equal(new LocalDate(2025, 4, 29), decision.DecideBy);
    }

    [Theory]
    [MemberData(nameof(CreditTestData.Article14Paragraph3Measures), MemberType = typeof(CreditTestData))]
    public void Schedule_Article14Paragraph3Measures_NeverStopEarly(PenaltyMeasure measure)
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine, measure), Published);
        Assert.True(schedule.NeverStopsEarly);
        Assert.Equal("MR.Credit.RepairNotAvailable", Assert.Single(PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2026, 1, 5), AllMet, NationalCatalog.Law).Errors).Code);
    }

    [Fact]
    public void Schedule_LongerEmploymentBan_IsPublishedForItsActualLength()
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.EmploymentBan) with { RestrictionEndsOn = new LocalDate(2030, 1, 1) }, Published);
        Assert.Equal(new LocalDate(2030, 1, 1), schedule.LastDay);
    }

    [Fact]
    public void Schedule_RestrictionEndingBeforeTheDecision_ReturnsEndBeforeStart()
    {
        var result = PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.EmploymentBan) with { RestrictionEndsOn = new LocalDate(2024, 1, 1) }, NationalCatalog.Law);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Credit.EndBeforeStart", error.Code);
        Assert.Equal("$.restrictionEndsOn", error.Path);
        Assert.Equal("MR.Credit.EndBeforeStart", Assert.Single(PenaltyPublication.Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine), NationalCatalog.Law, new LocalDate(2024, 9, 1)).Errors).Code);
    }

    [Fact]
    public void RequestEarlyStop_WithAConditionUnmet_IsRefused()
    {
        var schedule = Schedule(CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine), Published);
        var decision = PenaltyPublication.RequestEarlyStop(schedule, new LocalDate(2025, 6, 3), AllMet with { NotOnLists = false }, NationalCatalog.Law).GetValueOrThrow();
        Assert.False(decision.Granted);
    }

    private static readonly PenaltyMeasure[] AllMeasures = Enum.GetValues<PenaltyMeasure>();

    [Fact]
    public void Publication_NeverEndsBeforeTheMinimumUnlessStoppedEarly_Meets_Specification()
    {
        var gen = Gen.Select(
            Gen.Int[0, 600],                                    // decision: days after 2021-09-01
            Gen.Int[0, 30],                                     // publication delay in days
            Gen.Int[1, 3].SelectMany(n => Gen.Int[0, AllMeasures.Length - 1].Array[n]),
            Gen.Int[0, 3],                                      // field
            Gen.Int[0, 1500],                                   // probe day after publication
            Gen.Int[0, 1100]);                                  // application day after publication
        gen.Sample((decidedOffset, delay, measureIndexes, field, probe, apply) =>
        {
            var decided = new LocalDate(2021, 9, 1).PlusDays(decidedOffset);
            var penalty = new PenaltyRecord("P", decided, [.. measureIndexes.Select(i => AllMeasures[i])]) { Field = (PenaltyField)field, Fine = Money.FromYuan(2000) };
            var schedule = PenaltyPublication.Schedule(penalty, NationalCatalog.Law, decided.PlusDays(delay)).GetValueOrThrow();
            if (!schedule.Published)
            {
                return penalty.IsWarningOnly;
            }
            var start = schedule.PublishedOn!.Value;
            var minimumEnd = start.PlusMonths(3);
            var probeDay = start.PlusDays(probe);
            // Without an early stop, every day up to the minimum period is published.
            if (probeDay <= minimumEnd && !schedule.IsPublishedOn(probeDay))
            {
                return false;
            }
            // An early stop is granted only once repair opens (≥ 6 months), never for Art. 14(3) or short-period records.
            var appliedOn = start.PlusDays(apply);
            var stop = PenaltyPublication.RequestEarlyStop(schedule, appliedOn, AllMet, NationalCatalog.Law);
            if (stop.IsSuccess)
            {
                return schedule.RepairFrom is { } from && appliedOn >= from && from > start.PlusMonths(6) && !penalty.NeverStopsEarly;
            }
            return stop.Errors.All(e => e.Code is "MR.Credit.RepairTooEarly" or "MR.Credit.RepairNotAvailable");
        }, iter: 300);
    }

    [Fact]
    public void Schedule_DecisionOutsideTheCalendar_CodedErrorNotAThrow()
    {
        var after = new LocalDate(NationalCatalog.Law.Calendar.LastYear + 1, 3, 2);
        var result = PenaltyPublication.Schedule(CreditTestData.Penalty(after, PenaltyMeasure.Fine), NationalCatalog.Law);
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Decide_GivesTheDatesOfTheSchedule_ForEveryKindOfDecision()
    {
        // One rule, two callers: the dates alone must be those the explained schedule states, on both sides of Order 45,
        // across provinces, for restrictions that outlast the term and for decisions never published.
        Gen.Select(
            Gen.Int[-400, 1200],                                // decision: days after 2021-09-01 (before it: the 2014 regulations)
            Gen.Int[0, 30].Nullable(),                          // publication delay in days, or the last lawful day
            Gen.Int[1, 3].SelectMany(n => Gen.Int[0, AllMeasures.Length - 1].Array[n]),
            Gen.Int[0, 3],                                      // field
            Gen.Bool,                                           // cross-province
            Gen.Bool,                                           // summary procedure
            Gen.Int[0, 2000].Nullable())                        // restriction ends, days after the decision
            .Sample((decidedAfter, delay, measures, field, cross, summary, restriction) =>
            {
                var decided = new LocalDate(2021, 9, 1).PlusDays(decidedAfter);
                var penalty = CreditTestData.Penalty(decided, [.. measures.Select(m => AllMeasures[m]).Distinct()]) with
                {
                    Fine = Money.FromYuan(1000 * (decidedAfter % 7)),
                    Field = (PenaltyField)field,
                    CrossProvince = cross,
                    SummaryProcedure = summary,
                    RestrictionEndsOn = restriction is { } r ? decided.PlusDays(r) : null,
                };
                LocalDate? publishedOn = delay is { } d ? decided.PlusDays(d) : null;
                var schedule = PenaltyPublication.Schedule(penalty, NationalCatalog.Law, publishedOn);
                var dates = PenaltyPublication.Decide(penalty, NationalCatalog.Law, publishedOn);
                Assert.Equal(schedule.IsSuccess, dates.IsSuccess);
                if (!schedule.IsSuccess)
                {
                    Assert.Equal(schedule.Errors.Select(e => e.Code), dates.Errors.Select(e => e.Code));
                    return;
                }
                var s = schedule.Value!;
                var x = dates.Value;
                Assert.Equal(s.Published, x.Published);
                Assert.Equal(s.PublishBy, x.PublishBy);
                Assert.Equal(s.PublishedOn, x.PublishedOn);
                Assert.Equal(s.LastDay, x.LastDay);
                Assert.Equal(s.RepairFrom, x.RepairFrom);
                Assert.Equal(s.Explanation.Outcome == "published-short", x.ShortPeriod);
            }, iter: 2000);
    }

    [Fact]
    public void Decide_PublishedDecision_AllocatesNothing()
    {
        // The decision without its explanation is the bulk path (a bureau re-dating every published penalty): it must not allocate.
        PenaltyRecord[] penalties =
        [
            CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { Fine = Money.FromYuan(5000) },
            CreditTestData.Penalty(new LocalDate(2024, 9, 27), PenaltyMeasure.Fine) with { CrossProvince = true, Field = PenaltyField.Food },
            CreditTestData.Penalty(new LocalDate(2020, 5, 11), PenaltyMeasure.Warning),
            CreditTestData.Penalty(new LocalDate(2023, 2, 1), PenaltyMeasure.Suspension, PenaltyMeasure.Fine) with { RestrictionEndsOn = new LocalDate(2027, 1, 1) },
            CreditTestData.Penalty(new LocalDate(2023, 2, 1), PenaltyMeasure.Warning),
        ];
        foreach (var penalty in penalties)
        {
            PenaltyPublication.Decide(penalty, NationalCatalog.Law);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var published = 0;
        for (var i = 0; i < 1_000; i++)
        {
            published += PenaltyPublication.Decide(penalties[i % penalties.Length], NationalCatalog.Law).Value.Published ? 1 : 0;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(800, published);
    }

    [Fact]
    public void Decide_APackThatChangesTheThresholdLater_AppliesEachValueOnItsOwnDays_AndOnlyInItsJurisdiction()
    {
        // The dates a publication decision reads its parameters on are looked up in a table made once per policy and
        // jurisdiction: a provincial value that changes must apply from its first day, and the same policy read for
        // another jurisdiction must not see it.
        const string pack = """
            { "id": "zhejiang-lower-fine-raised", "version": "1", "jurisdiction": "330000",
              "title": { "zh": "浙江较低数额罚款（示例）", "en": "Zhejiang lower-amount fine (example)" },
              "citation": { "document": { "zh": "示例", "en": "Example" }, "status": "project-requirement" },
              "parameters": { "credit.publication.lower-fine-threshold": { "unit": "yuan", "values": [
                { "from": "2021-09-01", "until": "2025-01-01", "value": 10000 }, { "from": "2025-01-01", "value": 50000 } ] } } }
            """;
        var policy = NationalCatalog.Policy.WithPack(PolicyPack.Parse(pack, NationalCatalog.Catalog).GetValueOrThrow()).GetValueOrThrow();
        var zhejiang = NationalCatalog.Law.WithPolicy(policy).For(CreditTestData.Gongshu);
        var national = NationalCatalog.Law.WithPolicy(policy);
        PenaltyRecord Fine(LocalDate decided) => CreditTestData.Penalty(decided, PenaltyMeasure.Fine) with { Fine = Money.FromYuan(20_000) };
        bool Short(MarketRules.Parameters.LawContext law, LocalDate decided) => PenaltyPublication.Decide(Fine(decided), law).Value.ShortPeriod;
        Assert.False(Short(zhejiang, new LocalDate(2024, 12, 31)));  // 20,000 > 10,000: three years
        Assert.True(Short(zhejiang, new LocalDate(2025, 1, 1)));     // the raised threshold's first day: three months
        Assert.False(Short(national, new LocalDate(2025, 1, 2)));    // the national law has no threshold
        Assert.True(Short(zhejiang, new LocalDate(2025, 1, 2)));
        Assert.Equal(PenaltyPublication.Schedule(Fine(new LocalDate(2025, 1, 2)), zhejiang).Value!.LastDay, PenaltyPublication.Decide(Fine(new LocalDate(2025, 1, 2)), zhejiang).Value.LastDay);
    }
}
