using System.Diagnostics.CodeAnalysis;

namespace MarketRules.Testing;

/// <summary>
/// Thrown by <see cref="ComplianceAssert"/> when what a system did does not comply with a rule: names the rule,
/// its legal basis, what was expected and what was found, so a failing test reads like an inspection finding.
/// </summary>
/// <remarks>Any test framework reports it as a failure; none is referenced.</remarks>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries the finding.")]
public sealed class ComplianceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule that was broken, e.g. <c>calendar.deadline/1</c>.</param>
    /// <param name="citation">The legal basis, or <see langword="null"/>.</param>
    /// <param name="expected">What compliance requires.</param>
    /// <param name="actual">What was found.</param>
    /// <param name="finding">One sentence on what is wrong.</param>
    public ComplianceException(string ruleId, Citation? citation, string expected, string actual, string finding)
        : base(BuildMessage(ruleId, citation, expected, actual, finding))
    {
        RuleId = ruleId;
        Citation = citation;
        Expected = expected;
        Actual = actual;
        Finding = finding;
    }

    /// <summary>The rule that was broken.</summary>
    public string RuleId { get; }

    /// <summary>The legal basis, when there is one.</summary>
    public Citation? Citation { get; }

    /// <summary>What compliance requires.</summary>
    public string Expected { get; }

    /// <summary>What was found.</summary>
    public string Actual { get; }

    /// <summary>One sentence on what is wrong.</summary>
    public string Finding { get; }

    private static string BuildMessage(string ruleId, Citation? citation, string expected, string actual, string finding)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(finding);
        var basis = citation is null ? "" : Environment.NewLine + "  Basis:    " + citation + (citation.Article is null ? "" : " (" + citation.Document.English + ", " + citation.Article.English + ")");
        return $"[{ruleId}] {finding}{basis}{Environment.NewLine}  Expected: {expected}{Environment.NewLine}  Actual:   {actual}";
    }
}
