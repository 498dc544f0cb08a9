using System.Globalization;
using System.Reflection;
using System.Text;
using MarketRules.Cases;
using MarketRules.Parameters;

namespace MarketRules.Tests.Cases;

/// <summary>
/// The texts of the penalty-case lifecycle as a user reads them: every citation (document, article, status, source,
/// quote), every parameter the cases area defines (key, names, unit, dated values and the citation of each), every
/// coded message (both templates), and every label of a state, event and deadline. The snapshots were read against
/// domain-rules.md §2.4, §3 and §4.1; the articles that decide a case are asserted directly.
/// </summary>
public sealed class CaseTextsMutationEdgeTests
{
    private static string Line(Citation c) => string.Join(" | ",
        c.Document.Chinese, c.Document.English, c.Article?.Chinese ?? "-", c.Article?.English ?? "-", c.Status, c.DocumentNumber ?? "-",
        c.InForceFrom?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-", c.Source ?? "-", c.Note ?? "-");

    [Fact]
    public void CaseCitations_EveryDocumentArticleSourceAndQuote_MatchesSnapshot()
    {
        // Declaration order is not promised by reflection: sorted by name, so the snapshot is stable.
        var text = new StringBuilder();
        foreach (var property in typeof(CaseCitations).GetProperties(BindingFlags.Public | BindingFlags.Static).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append("\n    ").Append(Line((Citation)property.GetValue(null)!)).Append('\n');
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void CaseParameters_EveryKeyNameUnitDatedValueAndCitation_MatchesSnapshot()
    {
        var text = new StringBuilder();
        foreach (var parameter in CaseParameters.All)
        {
            text.Append(parameter.Id).Append(" | ").Append(parameter.Name.Chinese).Append(" | ").Append(parameter.Name.English).Append(" | ").Append(parameter.Unit).Append('\n');
            foreach (var value in parameter.Values)
            {
                text.Append("  ").Append(value.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(" .. ")
                    .Append(value.EffectiveUntil?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "open").Append(" = ")
                    .Append(value.Value.ToString(CultureInfo.InvariantCulture)).Append("\n    ").Append(Line(value.Citation)).Append('\n');
            }
        }
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
    }

    [Fact]
    public void CaseLabels_EventLists_JoinedWithTheDunInChineseAndCommasInEnglish_DashWhenEmpty()
    {
        Assert.Equal(new LocalizedText("-", "-"), CaseLabels.Of(Array.Empty<CaseEventKind>()));
        Assert.Equal(new LocalizedText("立案", "case-opened"), CaseLabels.Of([CaseEventKind.CaseOpened]));
        Assert.Equal(new LocalizedText("收到线索、立案", "lead-received, case-opened"), CaseLabels.Of([CaseEventKind.LeadReceived, CaseEventKind.CaseOpened]));
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
        Assert.Equal(("第三十六条", "Art. 36"), (CaseCitations.Limitation.Article!.Chinese, CaseCitations.Limitation.Article.English));
        Assert.Contains("上述期限延长至五年", CaseCitations.Limitation.Note, StringComparison.Ordinal);
        Assert.Equal(("第五十一条", "Art. 51"), (CaseCitations.Summary.Article!.Chinese, CaseCitations.Summary.Article.English));
        Assert.Contains("对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告", CaseCitations.Summary.Note, StringComparison.Ordinal);
        Assert.Equal(("第六十条", "Art. 60"), (CaseCitations.DecisionPeriod.Article!.Chinese, CaseCitations.DecisionPeriod.Article.English));
        Assert.Contains("九十日内", CaseCitations.DecisionPeriod.Note, StringComparison.Ordinal);
        Assert.Equal(("第六十三条、第六十四条、第八十五条", "Arts. 63, 64, 85"), (CaseCitations.Hearing.Article!.Chinese, CaseCitations.Hearing.Article.English));
        Assert.Equal(("第七十二条", "Art. 72"), (CaseCitations.Surcharge.Article!.Chinese, CaseCitations.Surcharge.Article.English));
        Assert.Contains("百分之三", CaseCitations.Surcharge.Note, StringComparison.Ordinal);
        Assert.Equal(("第六十六条、第六十七条", "Arts. 66–67"), (CaseCitations.Payment.Article!.Chinese, CaseCitations.Payment.Article.English));
        Assert.Contains("十五日内", CaseCitations.Payment.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherCitations_NameTheirDocumentsAndArticles()
    {
        // domain-rules.md §2.4 (Order 45 Arts 2, 9), §3.1 rows 3.1 (程序规定 Art 18), 3.12 (听证办法 Art 5), 3.20 (L2), §4.1 (Order 310).
        Assert.Same(LegalDocuments.PenaltyInformationPublicationProvisions, CaseCitations.Publication.RegisteredDocument);
        Assert.Equal(("第二条、第九条", "Arts. 2, 9"), (CaseCitations.Publication.Article!.Chinese, CaseCitations.Publication.Article.English));
        Assert.Contains("仅受到警告行政处罚的不予公示", CaseCitations.Publication.Note, StringComparison.Ordinal);
        Assert.Same(LegalDocuments.EnterpriseInformationDisclosureRegulations, CaseCitations.PublicationBeforeOrder45.RegisteredDocument);
        Assert.Equal("第六条", CaseCitations.PublicationBeforeOrder45.Article!.Chinese);
        Assert.Same(LegalDocuments.SamrPenaltyProcedureRules, CaseCitations.LeadVerification.RegisteredDocument);
        Assert.Equal(("第十八条", "Art. 18"), (CaseCitations.LeadVerification.Article!.Chinese, CaseCitations.LeadVerification.Article.English));
        Assert.Same(LegalDocuments.SamrPenaltyHearingMeasures, CaseCitations.HearingScope.RegisteredDocument);
        Assert.Equal(("第五条", "Art. 5"), (CaseCitations.HearingScope.Article!.Chinese, CaseCitations.HearingScope.Article.English));
        Assert.Contains("对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款", CaseCitations.HearingScope.Note, StringComparison.Ordinal);
        Assert.Same(LegalDocuments.AdministrativeCompulsionLaw, CaseCitations.Enforcement.RegisteredDocument);
        Assert.Equal("Arts. 45, 46, 53, 54, 69", CaseCitations.Enforcement.Article!.English);
        Assert.Same(LegalDocuments.CriminalCaseTransferProvisions2020, CaseCitations.Transfer.RegisteredDocument);
        Assert.Equal(("第五条、第八条、第九条、第十二条", "Arts. 5, 8, 9, 12"), (CaseCitations.Transfer.Article!.Chinese, CaseCitations.Transfer.Article.English));
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
