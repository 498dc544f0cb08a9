using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Parameters;

/// <summary>
/// Local policy as data: a jurisdiction's values for national parameters, each dated and cited, e.g. a province's
/// inspection ratios by credit class. A pack is validated in full when it is read and is immutable afterwards.
/// </summary>
/// <remarks>
/// <para>The JSON form (see <c>docs/policy-packs.md</c>):</para>
/// <code>
/// { "id": "henan-2021-sampling", "version": "1", "jurisdiction": "410000",
///   "title": { "zh": "…", "en": "…" },
///   "citation": { "document": { "zh": "…", "en": "…" }, "status": "verified-secondary" },
///   "parameters": { "sampling.tier-ratio.a": { "unit": "ratio", "values": [ { "from": "2021-01-01", "value": 0.01 } ] } } }
/// </code>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PolicyPack
{
    private PolicyPack(string id, string version, Jurisdiction jurisdiction, LocalizedText title, Citation citation,
        FrozenDictionary<string, ImmutableArray<ParameterValue>> overrides)
    {
        Id = id;
        Version = version;
        Jurisdiction = jurisdiction;
        Title = title;
        Citation = citation;
        Overrides = overrides;
    }

    /// <summary>The pack's stable id, recorded as the source of every value it sets.</summary>
    public string Id { get; }

    /// <summary>The pack's version.</summary>
    public string Version { get; }

    /// <summary>The jurisdiction the pack applies to, with every division under it.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The pack's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The document the pack encodes; values without their own citation inherit it.</summary>
    public Citation Citation { get; }

    /// <summary>The values the pack sets, by parameter id, each in date order.</summary>
    public FrozenDictionary<string, ImmutableArray<ParameterValue>> Overrides { get; }

    /// <summary>Reads and validates a pack against a catalog.</summary>
    /// <param name="json">The pack's JSON.</param>
    /// <param name="catalog">The parameters the pack may set.</param>
    /// <returns>The pack, or every coded error found (malformed JSON, unknown parameter, wrong unit, overlapping dates, a value out of range), each with its JSON path.</returns>
    public static RuleResult<PolicyPack> Parse(string json, ParameterCatalog catalog)
    {
        Preconditions.CheckNotNull(json);
        Preconditions.CheckNotNull(catalog);
        var read = Json.StrictJson.Read(json, PolicyPackJsonContext.Default.PolicyPackDto, KernelErrors.PolicyPackMalformed);
        if (!read.IsSuccess)
        {
            return RuleResult<PolicyPack>.Failure(read.Errors);
        }
        var dto = read.Value;
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        void Require(bool ok, string path, string member)
        {
            if (!ok)
            {
                errors.Add(KernelErrors.PolicyPackMalformed.CreateLocalized(path, ("Detail", $"须给出「{member}」", $"'{member}' is required")));
            }
        }
        Require(!string.IsNullOrWhiteSpace(dto.Id), "$.id", "id");
        Require(dto.Title is not null, "$.title", "title");
        Require(dto.Citation is not null, "$.citation", "citation");
        Require(dto.Parameters is not null, "$.parameters", "parameters");
        var packCitation = CheckCitation(dto.Citation, "$.citation", errors);
        var jurisdiction = Jurisdiction.Parse(dto.Jurisdiction);
        if (!jurisdiction.IsSuccess)
        {
            errors.AddRange(jurisdiction.Errors.Select(e => e.WithPath("$.jurisdiction")));
        }
        var overrides = new Dictionary<string, ImmutableArray<ParameterValue>>(StringComparer.Ordinal);
        foreach (var (id, parameter) in dto.Parameters ?? [])
        {
            var path = $"$.parameters['{id}']";
            var definition = catalog.Find(id);
            if (definition is null)
            {
                errors.Add(KernelErrors.UnknownParameter.Create(path, ("Parameter", id)));
                continue;
            }
            if (parameter.Unit != definition.Unit)
            {
                errors.Add(KernelErrors.WrongUnit.Create(path + ".unit", ("Parameter", id), ("Expected", Kebab(definition.Unit)),
                    ("Actual", parameter.Unit.HasValue ? Kebab(parameter.Unit.GetValueOrDefault()) : "(none)")));
                continue;
            }
            var values = parameter.Values;
            if (values is null || values.Length == 0)
            {
                errors.Add(KernelErrors.PolicyPackMalformed.CreateLocalized(path + ".values", ("Detail", "至少须给出一个取值", "at least one value is required")));
                continue;
            }
            var dated = new List<DatedValue>();
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                // No pattern variables here: Stryker wraps each mutated condition in a conditional, after which a
                // pattern variable is no longer definitely assigned (CS0165) and the whole method goes unmeasured.
                if (!v.From.HasValue || !v.Value.HasValue)
                {
                    errors.Add(KernelErrors.PolicyPackMalformed.CreateLocalized($"{path}.values[{i}]", ("Detail", "须给出「from」和「value」", "'from' and 'value' are required")));
                    continue;
                }
                var valueCitation = CheckCitation(v.Citation, $"{path}.values[{i}].citation", errors);
                dated.Add(new DatedValue(v.From.GetValueOrDefault(), v.Value.GetValueOrDefault(), valueCitation ?? packCitation ?? PlaceholderCitation) { EffectiveUntil = v.Until });
            }
            var valueErrors = ParameterRules.CheckValues(id, definition.Unit, dated, path + ".values", out var built, dto.Id ?? "", jurisdiction.Value);
            errors.AddRange(valueErrors);
            overrides[id] = built;
        }
        if (errors.Count > 0)
        {
            return RuleResult<PolicyPack>.Failure(errors.ToImmutable());
        }
        return RuleResult<PolicyPack>.Success(new PolicyPack(dto.Id!, dto.Version ?? "1", jurisdiction.Value, dto.Title!, packCitation!,
            overrides.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    // A citation names its document by both titles; a document the kernel registers is named as the register names it,
    // so that one document never reaches an explanation under two English titles or two numbers. A citation of a
    // registered document becomes a citation of the registry's entry (its issuer, number and dates from there).
    private static Citation? CheckCitation(Citation? citation, string path, ImmutableArray<RuleError>.Builder errors)
    {
        if (citation is null)
        {
            return null;
        }
        var document = citation.Document;
        if (document is null || string.IsNullOrWhiteSpace(document.Chinese) || string.IsNullOrWhiteSpace(document.English))
        {
            errors.Add(KernelErrors.CitationDocument.CreateLocalized(path + ".document", ("Detail", "未给出文件的中文和英文标题", "the document's Chinese and English titles are required")));
            return citation;
        }
        var versions = LegalDocuments.FindByTitle(document.Chinese);
        if (versions.IsEmpty)
        {
            return citation;
        }
        foreach (var known in versions)
        {
            if (string.Equals(known.Title.English, document.English, StringComparison.Ordinal)
                && (citation.DocumentNumber is null || string.Equals(citation.DocumentNumber, known.Number, StringComparison.Ordinal)))
            {
                return new Citation(known, citation.Article, citation.Status) { Source = citation.Source ?? known.Source, Note = citation.Note };
            }
        }
        var ids = string.Join("、", versions.Select(v => v.Id));
        errors.Add(KernelErrors.CitationDocument.CreateLocalized(path + ".document",
            ("Detail", "与法规文件登记（" + ids + "）的标题或文号不一致", "it differs from the registered document " + string.Join(", ", versions.Select(v => v.Id)) + " in title or number")));
        return citation;
    }

    private static readonly Citation PlaceholderCitation = new(new LocalizedText("", ""), null, VerificationStatus.FromMemory);

    private static string Kebab(ParameterUnit unit) => JsonNamingPolicy.KebabCaseLower.ConvertName(unit.ToString());

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Jurisdiction})";
}

internal sealed class PolicyPackDto
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Jurisdiction { get; set; }

    public LocalizedText? Title { get; set; }

    public Citation? Citation { get; set; }

    public Dictionary<string, PolicyParameterDto>? Parameters { get; set; }
}

internal sealed class PolicyParameterDto
{
    public ParameterUnit? Unit { get; set; }

    // An array, not a list: a mutation tool reads a list's Count as LINQ's Count() and turns it into Sum(), which does
    // not compile, and the checks on the values would go unmeasured.
    public PolicyValueDto[]? Values { get; set; }
}

internal sealed class PolicyValueDto
{
    public LocalDate? From { get; set; }

    public LocalDate? Until { get; set; }

    public decimal? Value { get; set; }

    public Citation? Citation { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(LocalDateJsonConverter)])]
[JsonSerializable(typeof(PolicyPackDto))]
internal sealed partial class PolicyPackJsonContext : JsonSerializerContext
{
}
