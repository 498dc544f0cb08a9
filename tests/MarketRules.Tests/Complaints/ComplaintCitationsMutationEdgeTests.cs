using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using MarketRules.Complaints;
using MarketRules.Engine;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// The legal sources of complaint and report handling as a caller reads them (issue 18): every citation of
/// <see cref="ComplaintCitations"/> (document, article, excerpt, source, status) and every dated parameter of
/// <see cref="ComplaintParameters"/> (id, names, unit, values, citation), checked against domain-rules-more.md §C:
/// Order 20 (2020-01-01 to 2026-04-14) and Order 121 (from 2026-04-15) article by article.
/// </summary>
public class ComplaintCitationsMutationEdgeTests
{
    private static IEnumerable<(string Name, Citation Citation)> EveryCitation() =>
        typeof(ComplaintCitations).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Citation))
            .Select(p => (p.Name, (Citation)p.GetValue(null)!));

    [Fact]
    public void EveryComplaintCitation_DocumentArticleExcerptAndSource_MatchesSnapshot()
    {
        var text = new StringBuilder();
        foreach (var (name, citation) in EveryCitation())
        {
            text.Append(name).Append(": ").Append(citation.Document.Chinese).Append(" / ").Append(citation.Document.English)
                .Append(" | ").Append(citation.Article?.Chinese).Append(" / ").Append(citation.Article?.English)
                .Append(" | ").Append(citation.Status).Append(" | ").Append(citation.InForceFrom?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).AppendLine()
                .Append("  source: ").AppendLine(citation.Source)
                .Append("  note: ").AppendLine(citation.Note);
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Theory]
    // The articles a bureau quotes most, asserted directly: the acceptance, refusal, limitation, termination and
    // in-force articles of each order (domain-rules-more.md §C1–C10).
    [InlineData(nameof(ComplaintCitations.Order20Acceptance), "第十四条", "Art. 14")]
    [InlineData(nameof(ComplaintCitations.Order121Acceptance), "第十五条", "Art. 15")]
    [InlineData(nameof(ComplaintCitations.Order20Refusal), "第十五条", "Art. 15")]
    [InlineData(nameof(ComplaintCitations.Order121Refusal), "第十六条", "Art. 16")]
    [InlineData(nameof(ComplaintCitations.Order20Limitation), "第十五条第（四）项", "Art. 15(4)")]
    [InlineData(nameof(ComplaintCitations.Order121Limitation), "第十六条第（四）项", "Art. 16(4)")]
    [InlineData(nameof(ComplaintCitations.Order20Termination), "第二十一条", "Art. 21")]
    [InlineData(nameof(ComplaintCitations.Order121Termination), "第二十三条", "Art. 23")]
    [InlineData(nameof(ComplaintCitations.Order20InForceArticle), "第四十条", "Art. 40")]
    [InlineData(nameof(ComplaintCitations.Order121InForceArticle), "第四十六条", "Art. 46")]
    [InlineData(nameof(ComplaintCitations.NoRetroactivity), "第一百零四条", "Art. 104")]
    [InlineData(nameof(ComplaintCitations.ConsumerLawArticle46), "第四十六条", "Art. 46")]
    public void KeyArticles_OfBothOrders_AreCitedByTheirNumber(string name, string zh, string en)
    {
        var citation = EveryCitation().Single(c => c.Name == name).Citation;
        Assert.Equal(zh, citation.Article?.Chinese);
        Assert.Equal(en, citation.Article?.English);
    }

    [Fact]
    public void Order20AndOrder121Citations_NameTheirOwnOrder_AndTheSourceTheyWereReadIn()
    {
        foreach (var (name, citation) in EveryCitation().Where(c => c.Name.StartsWith("Order20", StringComparison.Ordinal)))
        {
            Assert.Equal(LegalDocuments.ComplaintHandlingInterimMeasures, citation.RegisteredDocument);
            Assert.Equal(VerificationStatus.VerifiedOfficial, citation.Status);
            Assert.False(string.IsNullOrEmpty(citation.Source), name);
        }
        foreach (var (name, citation) in EveryCitation().Where(c => c.Name.StartsWith("Order121", StringComparison.Ordinal)))
        {
            Assert.Equal(LegalDocuments.ComplaintHandlingMeasures, citation.RegisteredDocument);
            Assert.False(string.IsNullOrEmpty(citation.Source), name);
            Assert.False(string.IsNullOrEmpty(citation.Note), name);
        }
    }

    [Fact]
    public void EveryComplaintParameter_IdNamesUnitDatedValuesAndCitation_MatchesSnapshot()
    {
        var text = new StringBuilder();
        foreach (var p in ComplaintParameters.All)
        {
            text.Append(p.Id).Append(" | ").Append(p.Name.Chinese).Append(" | ").Append(p.Name.English).Append(" | ").Append(p.Unit).AppendLine();
            foreach (var v in p.Values)
            {
                text.Append("  ").Append(v.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))
                    .Append(" .. ").Append(v.EffectiveUntil?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "open")
                    .Append(' ').Append(v.Value.ToString(CultureInfo.InvariantCulture))
                    .Append(' ').Append(v.Citation.Document.Chinese).Append(' ').Append(v.Citation.Article?.Chinese)
                    .Append(" / ").Append(v.Citation.Article?.English).Append(' ').Append(v.Citation.Status).AppendLine();
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void ReportIntake_EarlierReportAfterThisOne_AndFilingBeforeReceipt_AreCodedBilingualErrors_MatchSnapshot()
    {
        // The two date-order checks of report.intake/1: an earlier report cannot postdate this one, and the filing
        // decision (Order 20 Art 31 ¶2 counts the real-name notice from it) cannot precede the receipt.
        const string Request = """
            { "rule": "report.intake/1", "asOf": "2025-06-02", "input": {
                "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1", "factsKey": "x", "realName": true },
                "earlier": [ { "receivedOn": "2025-06-03", "reporterId": "R1", "respondentId": "S1", "factsKey": "x" } ],
                "filingDecidedOn": "2025-06-01" } }
            """;
        using var decision = JsonDocument.Parse(RuleEngine.Default.Evaluate(Request));
        var root = decision.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean(), root.GetRawText());
        var errors = root.GetProperty("errors").EnumerateArray()
            .Where(e => e.GetProperty("code").GetString() is "MR.Complaints.ReportOutOfOrder" or "MR.Complaints.FilingBeforeReport")
            .Select(e => e.GetRawText()).ToList();
        Assert.Equal(2, errors.Count);
        Snapshooter.Xunit.Snapshot.Match(string.Join('\n', errors));
    }
}
