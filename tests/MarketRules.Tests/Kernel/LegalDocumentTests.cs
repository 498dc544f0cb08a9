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
    public void Citations_OfRegisteredDocuments_PointAtTheRegistry()
    {
        var citations = LibraryCitations().ToList();
        Assert.True(citations.Count > 50, "the scan found too few citations to mean anything: " + citations.Count);
        // A citation whose title the registry holds must be built from the registry's entry, and carry its title,
        // issuer, number and in-force date unchanged: no area copies (or overrides) what the registry says.
        var wrong = citations
            .Where(c => !LegalDocuments.FindByTitle(c.Citation.Document.Chinese).IsEmpty)
            .Where(c => c.Citation.RegisteredDocument is not { } registered
                || c.Citation.Document != registered.Title
                || c.Citation.IssuingBody != registered.IssuingBody
                || c.Citation.DocumentNumber != registered.Number
                || c.Citation.InForceFrom != registered.InForceFrom)
            .Select(c => $"{c.Where}: {c.Citation.Document.Chinese} / {c.Citation.Document.English} ({c.Citation.RegisteredDocument?.Id ?? "not from the registry"})")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "Citations of registered documents not taken from the registry:\n" + string.Join("\n", wrong));
        Assert.Contains(citations, c => c.Citation.RegisteredDocument == LegalDocuments.AdministrativePenaltyLaw);
        // The referral thresholds cite the registry's criminal-law documents (the area has no document type of its own).
        var referral = citations.Where(c => c.Where.StartsWith("referral.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(referral);
        Assert.All(referral, c => Assert.NotNull(c.Citation.RegisteredDocument));
        Assert.Contains(referral, c => c.Citation.RegisteredDocument == LegalDocuments.CriminalLaw);
    }

    [Fact]
    public void Registry_HasOneEntryPerIdAndVersion_WithOrderedDates()
    {
        Assert.Equal(LegalDocuments.All.Length, LegalDocuments.All.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        // One title may name several versions (a regulation and its revision), told apart by number or date.
        Assert.Equal(LegalDocuments.All.Length, LegalDocuments.All.Select(d => (d.Title.Chinese, d.Number, d.InForceFrom)).Distinct().Count());
        Assert.All(LegalDocuments.All, d => Assert.True(d.Promulgated is null || d.InForceFrom is null || d.Promulgated <= d.InForceFrom, d.Id));
        Assert.All(LegalDocuments.All, d => Assert.True(d.Repealed is null || d.InForceFrom is null || d.InForceFrom < d.Repealed, d.Id));
        Assert.All(LegalDocuments.All, d => Assert.Same(d, LegalDocuments.Find(d.Id)));
        Assert.All(LegalDocuments.All, d => Assert.Contains(d, LegalDocuments.FindByTitle(d.Title.Chinese)));
        var order20 = LegalDocuments.ComplaintHandlingInterimMeasures;
        Assert.True(order20.IsInForceOn(new LocalDate(2026, 4, 14)));
        Assert.False(order20.IsInForceOn(new LocalDate(2026, 4, 15)));
    }

    [Fact]
    public void Registry_DatesCheckedAgainstACopy_SayWhereTheyWereRead()
    {
        // Dates once entered from memory and since read in a secondary copy (issue 11): each names where.
        var checkedDates = new[]
        {
            (LegalDocuments.AdministrativePenaltyLaw, new LocalDate(2021, 1, 22), new LocalDate(2021, 7, 15)),
            (LegalDocuments.LegislationLaw, new LocalDate(2023, 3, 13), new LocalDate(2023, 3, 15)),
            (LegalDocuments.CriminalCaseTransferProvisions, new LocalDate(2001, 7, 9), new LocalDate(2001, 7, 9)),
            (LegalDocuments.EnterpriseInformationDisclosureRegulations, new LocalDate(2014, 8, 7), new LocalDate(2014, 10, 1)),
            (LegalDocuments.SpotCheckInterimMeasures, new LocalDate(2019, 11, 21), new LocalDate(2020, 1, 1)),
        };
        Assert.All(checkedDates, c =>
        {
            var (document, promulgated, inForce) = c;
            Assert.Equal(promulgated, document.Promulgated);
            Assert.Equal(inForce, document.InForceFrom);
            Assert.Equal(VerificationStatus.VerifiedSecondary, document.DatesStatus);
            Assert.False(string.IsNullOrWhiteSpace(document.DatesSource), document.Id);
        });
        // A document whose dates nobody checked says so.
        Assert.Equal(VerificationStatus.FromMemory, LegalDocuments.FoodSafetyLaw.DatesStatus);
        Assert.All(LegalDocuments.All.Where(d => d.DatesStatus is VerificationStatus.VerifiedOfficial or VerificationStatus.VerifiedSecondary),
            d => Assert.False(string.IsNullOrWhiteSpace(d.DatesSource), d.Id));
    }
}
