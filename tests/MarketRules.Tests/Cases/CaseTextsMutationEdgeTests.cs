using System.Reflection;
using System.Text;
using MarketRules.Cases;
using MarketRules.Parameters;
using MarketRules.Tests.Kernel;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The texts of the penalty-case lifecycle as a user reads them: every citation (document, article, status, source,
/// quote), every parameter the cases area defines (key, names, unit, dated values and the citation of each), every
/// coded message (both templates), and every label of a state, event and deadline. The snapshots were read against
/// domain-rules.md §2.4, §3 and §4.1; the articles that decide a case are asserted directly.
/// </summary>
public sealed class CaseTextsMutationEdgeTests
{
    [Fact]
    public void CaseCitations_EveryDocumentArticleSourceAndQuote_MatchesSnapshot()
    {
        // Declaration order is not promised by reflection: sorted by name, so the snapshot is stable.
        var text = new StringBuilder();
        foreach (var property in typeof(CaseCitations).GetProperties(BindingFlags.Public | BindingFlags.Static).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append("\n    ").Append(CatalogueText.Line((Citation)property.GetValue(null)!)).Append('\n');
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void CaseParameters_EveryKeyNameUnitDatedValueAndCitation_MatchesSnapshot()
    {
        var text = new StringBuilder().AppendParameters(CaseParameters.All);
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void CaseErrors_EveryRejectionCodeAndReason_BothTemplatesMatchSnapshot()
    {
        var text = new StringBuilder();
        foreach (var code in Enum.GetValues<CaseRejectionCode>().Where(c => c != CaseRejectionCode.None))
        {
            var definition = CaseErrors.For(code);
            text.Append(code).Append(" -> ").Append(definition.Code).Append("\n    ").Append(definition.Template.Chinese)
                .Append("\n    ").Append(definition.Template.English).Append('\n');
        }
        foreach (var definition in new[] { CaseReasons.Transition, CaseReasons.LimitationExpired, CaseReasons.DeadlineRuns })
        {
            text.Append(definition.Code).Append("\n    ").Append(definition.Template.Chinese).Append("\n    ").Append(definition.Template.English).Append('\n');
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void CaseLabels_EveryStateEventAndDeadline_InBothLanguages_MatchesSnapshot()
    {
        var text = new StringBuilder();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            text.Append("state ").Append(CaseLabels.Of(state).Chinese).Append(" | ").Append(CaseLabels.Of(state).English).Append('\n');
        }
        foreach (var kind in Enum.GetValues<CaseEventKind>())
        {
            text.Append("event ").Append(CaseLabels.Of(kind).Chinese).Append(" | ").Append(CaseLabels.Of(kind).English).Append('\n');
        }
        foreach (var deadline in Enum.GetValues<CaseDeadlineKind>())
        {
            text.Append("deadline ").Append(CaseLabels.Of(deadline).Chinese).Append(" | ").Append(CaseLabels.Of(deadline).English).Append('\n');
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void CaseErrors_For_NoneAndACodePastTheLast_AreRefused()
    {
        // None is "not rejected": it has no message; a cast past the last code is not a code.
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseErrors.For(CaseRejectionCode.None));
        var pastTheLast = (CaseRejectionCode)(Enum.GetValues<CaseRejectionCode>().Max(c => (int)c) + 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CaseErrors.For(pastTheLast));
        Assert.StartsWith("Value should be a defined rejection code", error.Message, StringComparison.Ordinal);
        Assert.Equal("code", error.ParamName);
    }

    [Fact]
    public void CaseErrors_For_EveryCode_IsTheMessageOfThatCode()
    {
        Assert.All(Enum.GetValues<CaseRejectionCode>().Where(c => c != CaseRejectionCode.None),
            code => Assert.Equal("MR.Cases." + code, CaseErrors.For(code).Code));
    }

    [Fact]
    public void CaseLabels_ValuesOutsideTheEnums_AreNamedByTheirNumber()
    {
        // The first value past each enum sits on the bound of its table (an index one too far would throw).
        var state = (CaseState)Enum.GetValues<CaseState>().Length;
        var kind = (CaseEventKind)Enum.GetValues<CaseEventKind>().Length;
        var deadline = (CaseDeadlineKind)Enum.GetValues<CaseDeadlineKind>().Length;
        Assert.Equal(new LocalizedText("27", "27"), CaseLabels.Of(state));
        Assert.Equal(new LocalizedText("40", "40"), CaseLabels.Of(kind));
        Assert.Equal(new LocalizedText("19", "19"), CaseLabels.Of(deadline));
        // Below zero (a caller's cast) as well: the number, not an overflow.
        Assert.Equal(new LocalizedText("-1", "-1"), CaseLabels.Of((CaseState)(-1)));
        Assert.Equal(new LocalizedText("-1", "-1"), CaseLabels.Of((CaseEventKind)(-1)));
        Assert.Equal(new LocalizedText("-1", "-1"), CaseLabels.Of((CaseDeadlineKind)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseErrors.For((CaseRejectionCode)(-1)));
    }

    [Fact]
    public void CaseLabels_EventLists_JoinedWithTheDunInChineseAndCommasInEnglish_DashWhenEmpty()
    {
        Assert.Equal(new LocalizedText("-", "-"), CaseLabels.Of(Array.Empty<CaseEventKind>()));
        Assert.Equal(new LocalizedText("立案", "case-opened"), CaseLabels.Of([CaseEventKind.CaseOpened]));
        Assert.Equal(new LocalizedText("收到线索、立案", "lead-received, case-opened"), CaseLabels.Of([CaseEventKind.LeadReceived, CaseEventKind.CaseOpened]));
    }

    // The citation names the registered document (its title, number and dates come from the kernel's register) and the article.
    private static void AssertCites(Citation citation, LegalDocument document, string chineseArticle, string englishArticle)
    {
        Assert.Same(document, citation.RegisteredDocument);
        Assert.Equal(new LocalizedText(chineseArticle, englishArticle), citation.Article);
    }

    [Fact]
    public void PenaltyLawCitations_NameTheArticlesOfThe2021Law()
    {
        // domain-rules.md §3.1: L1 Art 36 (3.23), 51 (3.21), 57-58 (3.5, 3.13), 60 (3.14), 61 + 85 (3.17), 63-64 + 85 (3.8, 3.10), 67 (3.18), 72 (3.19).
        Assert.All(new[] { CaseCitations.Limitation, CaseCitations.Notice, CaseCitations.Summary, CaseCitations.Decision, CaseCitations.DecisionPeriod,
            CaseCitations.Service, CaseCitations.Hearing, CaseCitations.Payment, CaseCitations.Surcharge, CaseCitations.DeferredEnforcement }, c =>
        {
            Assert.Same(LegalDocuments.AdministrativePenaltyLaw, c.RegisteredDocument);
            Assert.Equal(VerificationStatus.VerifiedOfficial, c.Status);
            Assert.Equal("LawRefBook/Laws 2f4c5c2 (domain-rules.md §3)", c.Source);
        });
        var law = LegalDocuments.AdministrativePenaltyLaw;
        AssertCites(CaseCitations.Limitation, law, "第三十六条", "Art. 36");
        Assert.Contains("上述期限延长至五年", CaseCitations.Limitation.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.Summary, law, "第五十一条", "Art. 51");
        Assert.Contains("对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告", CaseCitations.Summary.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.DecisionPeriod, law, "第六十条", "Art. 60");
        Assert.Contains("九十日内", CaseCitations.DecisionPeriod.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.Hearing, law, "第六十三条、第六十四条、第八十五条", "Arts. 63, 64, 85");
        AssertCites(CaseCitations.Surcharge, law, "第七十二条", "Art. 72");
        Assert.Contains("百分之三", CaseCitations.Surcharge.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.Payment, law, "第六十六条、第六十七条", "Arts. 66–67");
        Assert.Contains("十五日内", CaseCitations.Payment.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherCitations_NameTheirDocumentsAndArticles()
    {
        // domain-rules.md §2.4 (Order 45 Arts 2, 9), §3.1 rows 3.1 (程序规定 Art 18), 3.12 (听证办法 Art 5), 3.20 (L2), §4.1 (Order 310).
        AssertCites(CaseCitations.Publication, LegalDocuments.PenaltyInformationPublicationProvisions, "第二条、第九条", "Arts. 2, 9");
        Assert.Contains("仅受到警告行政处罚的不予公示", CaseCitations.Publication.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.PublicationBeforeOrder45, LegalDocuments.EnterpriseInformationDisclosureRegulations, "第六条", "Art. 6");
        AssertCites(CaseCitations.LeadVerification, LegalDocuments.SamrPenaltyProcedureRules, "第十八条", "Art. 18");
        AssertCites(CaseCitations.HearingScope, LegalDocuments.SamrPenaltyHearingMeasures, "第五条", "Art. 5");
        Assert.Contains("对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款", CaseCitations.HearingScope.Note, StringComparison.Ordinal);
        AssertCites(CaseCitations.Enforcement, LegalDocuments.AdministrativeCompulsionLaw, "第四十五条、第四十六条、第五十三条、第五十四条、第六十九条", "Arts. 45, 46, 53, 54, 69");
        AssertCites(CaseCitations.Transfer, LegalDocuments.CriminalCaseTransferProvisions2020, "第五条、第八条、第九条、第十二条", "Arts. 5, 8, 9, 12");
        Assert.Equal(VerificationStatus.FromMemory, CaseCitations.ProcedureFromMemory.Status);
    }

    [Fact]
    public void SummaryAndHearingAmounts_AreTheLawsNumbersOnTheirDates()
    {
        // Art 51: 200 / 3,000 yuan from 2021-07-15; old Art 33: 50 / 1,000 (row 3.21). Hearing Measures Art 5: 10,000 / 100,000 (row 3.12).
        var in2021 = LegalDocuments.AdministrativePenaltyLaw.InForceFrom!.Value;
        Assert.Equal(new LocalDate(2021, 7, 15), in2021);
        Assert.Equal(200m, CaseParameters.SummaryFinePerson.NationalValueAsOf(in2021)!.Value);
        Assert.Equal(50m, CaseParameters.SummaryFinePerson.NationalValueAsOf(in2021.PlusDays(-1))!.Value);
        Assert.Equal(3_000m, CaseParameters.SummaryFineOrganisation.NationalValueAsOf(in2021)!.Value);
        Assert.Equal(1_000m, CaseParameters.SummaryFineOrganisation.NationalValueAsOf(in2021.PlusDays(-1))!.Value);
        Assert.Same(CaseCitations.SummaryBefore2021, CaseParameters.SummaryFinePerson.NationalValueAsOf(in2021.PlusDays(-1))!.Citation);
        Assert.Equal(10_000m, CaseParameters.HearingFinePerson.Values.Single().Value);
        Assert.Equal(100_000m, CaseParameters.HearingFineOrganisation.Values.Single().Value);
        Assert.Equal(ParameterUnit.Yuan, CaseParameters.HearingFineOrganisation.Unit);
    }
}
