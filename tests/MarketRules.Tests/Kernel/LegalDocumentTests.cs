using System.Globalization;
using System.Reflection;
using System.Text.Json;
using MarketRules.Engine;
using MarketRules.Testing;

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

    // Every citation the library can emit: its static citations (properties and fields, public or not), every value of
    // every area's parameters (the national catalogue is assembled area by area, ParameterCatalog.ByArea), the
    // citations of the shipped subsidy schemes, and the citations written in the explanations of every conformance
    // vector's answer. The JSON citations are read back as (zh title, en title, status).
    private static IEnumerable<(string Where, LocalizedText Document, VerificationStatus Status, LegalDocument? Registered)> EmittedCitations()
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        foreach (var type in typeof(NationalCatalog).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(Citation)))
            {
                if (field.GetValue(null) is Citation citation)
                {
                    yield return (type.Name + "." + field.Name, citation.Document, citation.Status, citation.RegisteredDocument);
                }
            }
        }
        foreach (var (where, citation) in LibraryCitations())
        {
            yield return (where, citation.Document, citation.Status, citation.RegisteredDocument);
        }
        // The shipped schemes and packs (Data/): read from JSON, their citations are checked by title below.
        foreach (var scheme in NationalCatalog.Law.Policy.Instruments<MarketRules.Subsidies.SubsidyScheme>())
        {
            var cited = new[] { scheme.Citation, scheme.ReservationExpiryCitation }
                .Concat(scheme.Phases.Select(p => p.Citation)).Concat(scheme.Extras.Select(e => e.Citation));
            foreach (var citation in cited)
            {
                yield return (scheme.Id + ".json: scheme", citation.Document, citation.Status, null);
            }
        }
        var packs = typeof(NationalCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => p.PropertyType == typeof(MarketRules.Parameters.PolicyPack))
            .Select(p => (MarketRules.Parameters.PolicyPack)p.GetValue(null)!)
            .ToList();
        Assert.True(packs.Count >= 5, "the shipped packs were not found: " + packs.Count);
        foreach (var pack in packs)
        {
            yield return (pack.Id + ".json: pack", pack.Citation.Document, pack.Citation.Status, null);
            foreach (var value in pack.Overrides.Values.SelectMany(v => v))
            {
                yield return (pack.Id + ".json: value", value.Citation.Document, value.Citation.Status, null);
            }
        }
        foreach (var vector in ConformanceVectors.Load())
        {
            using var answer = JsonDocument.Parse(vector.Run(RuleEngine.Default).DecisionJson);
            foreach (var (document, status) in JsonCitations(answer.RootElement))
            {
                yield return (vector.ToString(), document, status, null);
            }
        }
    }

    private static IEnumerable<(LocalizedText Document, VerificationStatus Status)> JsonCitations(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("citation", out var c) && c.ValueKind == JsonValueKind.Object)
            {
                var document = c.GetProperty("document");
                yield return (new LocalizedText(document.GetProperty("zh").GetString()!, document.GetProperty("en").GetString()!),
                    c.GetProperty("status").GetString() switch
                    {
                        "verified-official" => VerificationStatus.VerifiedOfficial,
                        "verified-secondary" => VerificationStatus.VerifiedSecondary,
                        "from-memory" => VerificationStatus.FromMemory,
                        "project-requirement" => VerificationStatus.ProjectRequirement,
                        var other => throw new InvalidOperationException("unknown status " + other),
                    });
            }
            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in JsonCitations(property.Value))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in JsonCitations(item))
                {
                    yield return found;
                }
            }
        }
    }

    [Fact]
    public void Citations_OfTheLibrary_EachNameADocumentOfTheRegistry()
    {
        var citations = EmittedCitations().ToList();
        Assert.True(citations.Count > 500, "the scan found too few citations to mean anything: " + citations.Count);
        Assert.Contains(citations, c => c.Where.Contains(".json: ", StringComparison.Ordinal));
        // Excluded, and only these: the project's own requirements (REQ) — the example policies, district reports and
        // library defaults that stand in where no law says anything (e.g. "MarketRules example policy"). They are not
        // legal documents, so the registry of the law has nothing to say about them; every law, regulation, order,
        // notice, interpretation or standard is registered.
        // The placeholder a refused policy pack's values carry while its errors are collected is never emitted (the pack
        // is refused), so it names nothing.
        var unregistered = citations
            .Where(c => c.Status != VerificationStatus.ProjectRequirement && c.Where != "PolicyPack.PlaceholderCitation")
            .Where(c => c.Registered is null
                ? !LegalDocuments.FindByTitle(c.Document.Chinese).Any(d => d.Title == c.Document)
                : !LegalDocuments.All.Contains(c.Registered) || c.Registered.Title != c.Document)
            .Select(c => $"{c.Document.Chinese} / {c.Document.English} ({c.Where})")
            .GroupBy(s => s[..s.LastIndexOf(" (", StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        Assert.True(unregistered.Count == 0, "Citations naming no document of the registry:\n" + string.Join("\n", unregistered));
        // A static citation of a registered title is built from the entry (the test above checks that it copies nothing).
        Assert.All(citations.Where(c => !c.Where.Contains(".json: ", StringComparison.Ordinal) && c.Status != VerificationStatus.ProjectRequirement
                && c.Where != "PolicyPack.PlaceholderCitation"),
            c => Assert.True(c.Registered is not null, c.Where + ": " + c.Document.Chinese));
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

    [Fact]
    public void AreaCode_WritesNoDateOfARegisteredDocument_ButReadsItFromTheRegistry()
    {
        // A document's dates are part of its definition, made once in the kernel: an area that needs the day a law took
        // force reads LegalDocuments.X.InForceFrom, so a corrected date changes every rule that depends on it. The scan
        // looks for date literals in the areas' sources equal to any registered document's dates.
        var registered = typeof(LegalDocuments).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(LegalDocument))
            .Select(p => (LegalDocument)p.GetValue(null)!)
            .SelectMany(d => new[] { d.Promulgated, d.InForceFrom, d.Repealed })
            .OfType<LocalDate>()
            .ToHashSet();
        var literal = new System.Text.RegularExpressions.Regex(@"new(?: LocalDate)?\((\d{4}), (\d{1,2}), (\d{1,2})\)");
        var source = Path.Combine(RepositoryPaths.Root, "src", "MarketRules");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("Kernel", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (System.Text.RegularExpressions.Match m in literal.Matches(lines[i]))
                {
                    var date = new LocalDate(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                        int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
                    if (registered.Contains(date))
                    {
                        found.Add($"{relative}:{i + 1}: {date:uuuu-MM-dd}");
                    }
                }
            }
        }
        Assert.True(registered.Count > 40, "the registry's dates were not read");
        Assert.Empty(found);
    }
}
