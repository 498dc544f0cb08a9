using MarketRules.Calendar;
using NodaTime;

namespace MarketRules.Tests.Kernel;

// What a caller reads of an explanation — every reason in order, each parameter once with its citation, the dates with
// how they were counted — and the legal documents a citation carries (issue 18, kernel/Explanations).
public class ExplanationMutationEdgeTests
{
    private static readonly MessageDefinition Checked = new("MR.Test.Checked", "已核对第{N}项", "Item {N} checked");
    private static readonly LocalDate AsOf = new(2024, 9, 27);

    [Fact]
    public void Builder_MoreReasonsThanItFirstHolds_KeepsEveryReasonInTheOrderEstablished()
    {
        var builder = new ExplanationBuilder("test.rule/1", AsOf, "330100");
        for (var n = 1; n <= 9; n++)
        {
            Assert.Same(builder, builder.Add(Checked.ToReason(null, ("N", n))));
        }
        var explanation = builder.Build("done");
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"Item {n} checked"), explanation.Reasons.Select(r => r.Message.English));
        Assert.Equal(("test.rule/1", "done", AsOf, "330100"), (explanation.Rule, explanation.Outcome, explanation.AsOf, explanation.Jurisdiction));
        Assert.Empty(explanation.Parameters);
        Assert.Empty(explanation.Dates);
    }

    [Fact]
    public void Builder_AParameterUsedTwice_IsListedOnce_AndItsValueReturnedEachTime()
    {
        var values = NationalCatalog.Catalog.Definitions.Take(6).Select(d => d.Values[0]).ToArray();
        var builder = new ExplanationBuilder("test.rule/1", AsOf);
        foreach (var value in values.Concat(values))
        {
            Assert.Equal(value.Value, builder.Use(value));
        }
        Assert.Equal(values, builder.Build("done").Parameters);
    }

    [Fact]
    public void Builder_SizedForNothing_StillTakesReasonsAndParameters()
    {
        // An evaluation that expects no reason or parameter (sized 0) may still add one: the builder grows from nothing.
        var builder = new ExplanationBuilder("test.rule/1", AsOf, null, reasonCapacity: 0, parameterCapacity: 0);
        var value = NationalCatalog.Catalog.Definitions[0].Values[0];
        builder.Add(Checked.ToReason(null, ("N", 1)));
        builder.Use(value);
        var built = builder.Build("done");
        Assert.Equal("Item 1 checked", Assert.Single(built.Reasons).Message.English);
        Assert.Same(value, Assert.Single(built.Parameters));
    }

    [Fact]
    public void HolidayArrangementNotice_WithoutATitle_IsNamedAsTheStateCouncilNamesItsNotices()
    {
        var notice = LegalDocuments.HolidayArrangementNotice(2027);
        Assert.Equal("holiday-arrangement-notice-2027", notice.Id);
        Assert.Equal("国务院办公厅关于2027年部分节假日安排的通知", notice.Title.Chinese);
        Assert.Equal("Notice of the General Office of the State Council on the arrangement of some holidays in 2027", notice.Title.English);
    }

    [Fact]
    public void Builder_UsedAgainAfterBuild_LeavesTheBuiltExplanationUnchanged()
    {
        // Sized for exactly what it adds: Build hands its arrays over, so further use must not write into them.
        var builder = new ExplanationBuilder("test.rule/1", AsOf, null, reasonCapacity: 2, parameterCapacity: 1);
        var value = NationalCatalog.Catalog.Definitions[0].Values[0];
        builder.Add(Checked.ToReason(null, ("N", 1))).Add(Checked.ToReason(null, ("N", 2)));
        builder.Use(value);
        var first = builder.Build("first");
        builder.Add(Checked.ToReason(null, ("N", 3)));
        builder.Use(NationalCatalog.Catalog.Definitions[1].Values[0]);
        var second = builder.Build("second");
        Assert.Equal(["Item 1 checked", "Item 2 checked"], first.Reasons.Select(r => r.Message.English));
        Assert.Same(value, Assert.Single(first.Parameters));
        Assert.Equal(3, second.Reasons.Length);
        Assert.Equal(2, second.Parameters.Length);
    }

    [Fact]
    public void Builder_Nulls_AreArgumentErrorsNamingTheArgument()
    {
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => new ExplanationBuilder(null!, AsOf)).ParamName);
        var builder = new ExplanationBuilder("test.rule/1", AsOf);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => builder.Add((Reason)null!)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentNullException>(() => builder.Add((ComputedDate)null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => builder.Use(null!)).ParamName);
        Assert.Equal("outcome", Assert.Throws<ArgumentNullException>(() => builder.Build(null!)).ParamName);
    }

    [Fact]
    public void ComputedDate_FromADeadlineEndingOnAHoliday_RecordsTheDayItWouldHaveEnded()
    {
        // Civil Code Art. 203: 10 days from 2024-09-21 end on National Day (10-01), a rest day, so the period runs to the
        // next working day, 10-08.
        var citation = new Citation(LegalDocuments.CivilCode, new LocalizedText("第二百零三条", "Art. 203"), VerificationStatus.FromMemory);
        var deadline = PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 21), LegalPeriod.Days(10));
        var date = ComputedDate.FromDeadline("test.deadline", new LocalizedText("期限", "Deadline"), deadline, citation);
        Assert.Equal(new LocalDate(2024, 10, 8), date.Date);
        Assert.Equal(new LocalDate(2024, 10, 1), date.RolledForwardFrom);
        Assert.Equal(new LocalDate(2024, 9, 21), date.From);
        Assert.Equal("10 days", date.Period);
        Assert.Equal(0, date.ExcludedDays);
        Assert.Equal(Instant.FromUtc(2024, 10, 8, 16, 0), date.ExpiresAt);
        Assert.Same(citation, date.Citation);
        Assert.Equal(("test.deadline", "Deadline"), (date.Name, date.Label.English));

        // Ending on a working day (2024-09-30), nothing rolled forward.
        var plain = ComputedDate.FromDeadline("test.deadline", new LocalizedText("期限", "Deadline"),
            PeriodCalculator.China.Deadline(new LocalDate(2024, 9, 20), LegalPeriod.Days(10)), null);
        Assert.Equal(new LocalDate(2024, 9, 30), plain.Date);
        Assert.Null(plain.RolledForwardFrom);
        Assert.Null(plain.Citation);
    }

    [Fact]
    public void ComputedDate_Nulls_AreArgumentErrorsNamingTheArgument()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new ComputedDate(null!, new LocalizedText("期限", "Deadline"), AsOf)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => new ComputedDate("x", null!, AsOf)).ParamName);
    }

    [Fact]
    public void Citation_OfARegisteredDocument_CarriesItsIssuerNumberInForceDayAndSource()
    {
        var document = LegalDocuments.CriminalCaseTransferProvisions;
        var article = new LocalizedText("第三条", "Art. 3");
        var citation = new Citation(document, article, VerificationStatus.VerifiedSecondary);
        Assert.Same(document, citation.RegisteredDocument);
        Assert.Equal(document.Title, citation.Document);
        Assert.Equal("国务院令第310号", citation.DocumentNumber);
        Assert.Equal(new LocalizedText("国务院", "State Council"), citation.IssuingBody);
        Assert.Equal(new LocalDate(2001, 7, 9), citation.InForceFrom);
        Assert.Equal(document.Source, citation.Source);
        Assert.Equal("行政执法机关移送涉嫌犯罪案件的规定 第三条", citation.ToString());
        Assert.Equal("行政执法机关移送涉嫌犯罪案件的规定", (citation with { Article = null }).ToString());

        // Cited by title only (a local plan), nothing is borrowed from the registry.
        var local = new Citation(new LocalizedText("某区年度计划", "A district's annual plan"), null, VerificationStatus.ProjectRequirement);
        Assert.Null(local.RegisteredDocument);
        Assert.Null(local.DocumentNumber);
        Assert.Null(local.InForceFrom);
        Assert.Equal("document", Assert.Throws<ArgumentNullException>(() => new Citation((LegalDocument)null!, null, VerificationStatus.FromMemory)).ParamName);
    }

    [Fact]
    public void LegalDocument_InForceFromItsFirstDay_AndNoLongerOnTheDayItIsRepealed()
    {
        // Order 20 of SAMR: in force 2020-01-01, repealed 2026-04-15 by Order 121.
        var order20 = LegalDocuments.ComplaintHandlingInterimMeasures;
        Assert.False(order20.IsInForceOn(new LocalDate(2019, 12, 31)));
        Assert.True(order20.IsInForceOn(new LocalDate(2020, 1, 1)));
        Assert.True(order20.IsInForceOn(new LocalDate(2026, 4, 14)));
        Assert.False(order20.IsInForceOn(new LocalDate(2026, 4, 15)));
        // A document whose first day is not known counts as in force until repealed.
        var undated = order20 with { InForceFrom = null };
        Assert.True(undated.IsInForceOn(new LocalDate(1990, 1, 1)));
        Assert.False(undated.IsInForceOn(new LocalDate(2026, 4, 15)));
        // One in force with no repeal stays in force.
        Assert.True(LegalDocuments.ComplaintHandlingMeasures.IsInForceOn(new LocalDate(2099, 1, 1)));
        Assert.False(LegalDocuments.ComplaintHandlingMeasures.IsInForceOn(new LocalDate(2026, 4, 14)));
    }

    [Fact]
    public void Registry_FindsByIdAndByTitle_AndAnswersNothingForAnUnknownOrMissingKey()
    {
        Assert.Same(LegalDocuments.CivilCode, LegalDocuments.Find("civil-code"));
        Assert.Null(LegalDocuments.Find("no-such-law"));
        Assert.Null(LegalDocuments.Find(null));
        // The Administrative Penalty Law in its two versions, in the registry's order: the revision in force first, so
        // that a pack citing the title without a number is bound to it, not to the repealed text.
        Assert.Equal(new[] { LegalDocuments.AdministrativePenaltyLaw, LegalDocuments.AdministrativePenaltyLaw2017 },
            LegalDocuments.FindByTitle("中华人民共和国行政处罚法"));
        Assert.Empty(LegalDocuments.FindByTitle("不存在的法律"));
        Assert.Empty(LegalDocuments.FindByTitle(null));
        // The holiday notices of the embedded calendar are registered after the documents defined in code.
        Assert.Equal("holiday-arrangement-notice-2026", LegalDocuments.All[^1].Id);
        Assert.Equal(LegalDocuments.AdministrativePenaltyLaw, LegalDocuments.All[0]);
    }

    [Fact]
    public void Reason_ReadsAsItsCodeAndEnglishText_WithItsArgumentsAndCitation()
    {
        var citation = new Citation(LegalDocuments.CivilCode, null, VerificationStatus.FromMemory);
        var reason = Checked.ToReason(citation, ("N", 7));
        Assert.Equal("MR.Test.Checked: Item 7 checked", reason.ToString());
        Assert.Equal("已核对第7项", reason.Message.Chinese);
        Assert.Equal("7", Assert.Single(reason.Arguments).Value);
        Assert.Same(citation, reason.Citation);
        Assert.Equal("MR.Test.Checked", reason.Code);
    }
}
