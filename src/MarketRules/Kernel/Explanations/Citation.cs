using MarketRules.Utility;

namespace MarketRules;

/// <summary>How far a legal value has been checked against the law's text.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<VerificationStatus>))]
public enum VerificationStatus
{
    /// <summary>Checked against an official text (V-O).</summary>
    VerifiedOfficial = 0,

    /// <summary>Checked against a secondary copy: a local-government page, a court page or a reprint (V-S). Check against the gazette before relying on it in a dispute.</summary>
    VerifiedSecondary = 1,

    /// <summary>From memory, not verified (MEM). A default only: replace it through a policy pack when the text is found.</summary>
    FromMemory = 2,

    /// <summary>Stated in the project's own requirements (REQ): a local government's report or plan, authoritative for a default policy pack but not a statute.</summary>
    ProjectRequirement = 3,
}

/// <summary>
/// Where a legal value or rule comes from: the document, its article, who issued it, and how far it was verified.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Equality compares every member.</remarks>
public sealed record Citation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="document">The document's title in Chinese and English.</param>
    /// <param name="article">The article, e.g. <c>第八十五条 / Art. 85</c>, or <see langword="null"/> when the whole document is meant.</param>
    /// <param name="status">How far the value was verified.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public Citation(LocalizedText document, LocalizedText? article, VerificationStatus status)
    {
        Document = Preconditions.CheckNotNull(document);
        Article = article;
        Status = status;
    }

    /// <summary>Creates a citation of a document of the registry (<see cref="LegalDocuments"/>): its title, issuer, number and
    /// the day it took effect come from the document, never from the citing area.</summary>
    /// <param name="document">The document.</param>
    /// <param name="article">The article, or <see langword="null"/> when the whole document is meant.</param>
    /// <param name="status">How far the value was verified.</param>
    public Citation(LegalDocument document, LocalizedText? article, VerificationStatus status)
        : this(Preconditions.CheckNotNull(document).Title, article, status)
    {
        RegisteredDocument = document;
        IssuingBody = document.IssuingBody;
        DocumentNumber = document.Number;
        InForceFrom = document.InForceFrom;
        Source = document.Source;
    }

    /// <summary>The registered document this citation names (<see cref="LegalDocuments"/>), whose title, issuer, number and
    /// dates it carries; <see langword="null"/> for a document outside the registry (a local plan or report a pack cites).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public LegalDocument? RegisteredDocument { get; }

    /// <summary>The document's title.</summary>
    public LocalizedText Document { get; init; }

    /// <summary>The article, paragraph or item, or <see langword="null"/>.</summary>
    public LocalizedText? Article { get; init; }

    /// <summary>How far the value was verified.</summary>
    public VerificationStatus Status { get; init; }

    /// <summary>The issuing body (全国人大常委会, 国务院, 市场监管总局…), or <see langword="null"/>.</summary>
    public LocalizedText? IssuingBody { get; init; }

    /// <summary>The document number (文号), e.g. <c>国务院令第310号</c>, or <see langword="null"/>.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The date the document (or the version cited) took effect, or <see langword="null"/>.</summary>
    public LocalDate? InForceFrom { get; init; }

    /// <summary>Where the text was read (an address or a reference), or <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>A note on the value: what was and was not verified.</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string ToString() => Article is null ? Document.Chinese : Document.Chinese + " " + Article.Chinese;
}
