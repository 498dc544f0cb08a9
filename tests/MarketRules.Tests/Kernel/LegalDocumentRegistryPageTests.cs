using NodaTime;
using System.Text;

namespace MarketRules.Tests.Kernel;

// docs/legal-documents.md lists the registry as shipped: a change to any title, number, issuer or date of a legal
// document (or a document added or dropped) shows in the page, and the test fails until the page says so.
public class LegalDocumentRegistryPageTests
{
    [Fact]
    public void LegalDocumentsPage_ListsEveryDocumentOfTheRegistry_WithItsNumberTitlesAndDates() =>
        GeneratedDocSections.AssertCurrent("docs/legal-documents.md", ("registry", Table()));

    private static string Table()
    {
        var table = new StringBuilder()
            .Append("| id | 标题 | title | issued by | number | promulgated | in force | repealed | dates | source |\n")
            .Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var document in LegalDocuments.All)
        {
            table.Append("| `").Append(document.Id).Append("` | ")
                .Append(Cell(document.Title.Chinese)).Append(" | ")
                .Append(Cell(document.Title.English)).Append(" | ")
                .Append(Cell(document.IssuingBody is { } body ? $"{body.Chinese} ({body.English})" : null)).Append(" | ")
                .Append(Cell(document.Number)).Append(" | ")
                .Append(Cell(Day(document.Promulgated))).Append(" | ")
                .Append(Cell(Day(document.InForceFrom))).Append(" | ")
                .Append(Cell(Day(document.Repealed))).Append(" | ")
                .Append(Cell(Checked(document))).Append(" | ")
                .Append(Cell(document.Source)).Append(" |\n");
        }
        return table.ToString();
    }

    private static string? Day(LocalDate? day) => day is { } d ? d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    // Nothing to check where the registry states no date (the holiday notices: their dates are the days they arrange).
    private static string? Checked(LegalDocument document) =>
        document.Promulgated is null && document.InForceFrom is null && document.Repealed is null
            ? null
            : Mark(document.DatesStatus) + (document.DatesSource is { } read ? ": " + read : "");

    private static string Mark(VerificationStatus status) => status switch
    {
        VerificationStatus.VerifiedOfficial => "V-O",
        VerificationStatus.VerifiedSecondary => "V-S",
        VerificationStatus.FromMemory => "MEM",
        VerificationStatus.ProjectRequirement => "REQ",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string Cell(string? text) => text is null ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal);
}
