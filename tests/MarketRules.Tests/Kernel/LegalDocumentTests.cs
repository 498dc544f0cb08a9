using System.Reflection;

namespace MarketRules.Tests.Kernel;

public class LegalDocumentTests
{
    // Every citation the library exposes (static Citation members of any type, and the citations of every national
    // parameter value): a document the kernel registers is cited under its registered titles, never an area's own.
    public static IEnumerable<(string Where, Citation Citation)> LibraryCitations()
    {
        foreach (var type in typeof(NationalCatalog).Assembly.GetTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (property.PropertyType == typeof(Citation) && property.GetIndexParameters().Length == 0 && !type.ContainsGenericParameters
                    && property.GetValue(null) is Citation citation)
                {
                    yield return (type.Name + "." + property.Name, citation);
                }
            }
        }
        foreach (var parameter in NationalCatalog.Catalog.Definitions)
        {
            foreach (var value in parameter.Values)
            {
                yield return (parameter.Id, value.Citation);
            }
        }
    }

    [Fact]
    public void Citations_OfRegisteredDocuments_UseTheRegisteredTitles()
    {
        var citations = LibraryCitations().ToList();
        Assert.True(citations.Count > 50, "the scan found too few citations to mean anything: " + citations.Count);
        var wrong = citations
            .Where(c => LegalDocuments.FindByTitle(c.Citation.Document.Chinese) is { } known && c.Citation.Document != known.Title)
            .Select(c => $"{c.Where}: {c.Citation.Document.Chinese} / {c.Citation.Document.English}")
            .ToList();
        Assert.True(wrong.Count == 0, "Citations with their own English title for a registered document:\n" + string.Join("\n", wrong));
        Assert.Contains(citations, c => c.Citation.Document == LegalDocuments.AdministrativePenaltyLaw.Title);
    }

    [Fact]
    public void Registry_HasOneEntryPerIdAndTitle_WithOrderedDates()
    {
        Assert.Equal(LegalDocuments.All.Length, LegalDocuments.All.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(LegalDocuments.All.Length, LegalDocuments.All.Select(d => d.Title.Chinese).Distinct(StringComparer.Ordinal).Count());
        Assert.All(LegalDocuments.All, d => Assert.True(d.Promulgated is null || d.InForceFrom is null || d.Promulgated <= d.InForceFrom, d.Id));
        Assert.All(LegalDocuments.All, d => Assert.True(d.Repealed is null || d.InForceFrom is null || d.InForceFrom < d.Repealed, d.Id));
        var order20 = LegalDocuments.ComplaintHandlingInterimMeasures;
        Assert.True(order20.IsInForceOn(new LocalDate(2026, 4, 14)));
        Assert.False(order20.IsInForceOn(new LocalDate(2026, 4, 15)));
    }
}
