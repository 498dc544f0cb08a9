using System.Globalization;

namespace MarketRules.Testing;

/// <summary>
/// Framework-neutral compliance assertions for the test suites of systems that apply MarketRules' policies: each
/// returns quietly when the system complied and throws a <see cref="ComplianceException"/> naming the rule, the
/// citation, what was expected and what was found when it did not.
/// </summary>
/// <remarks>
/// One partial file per rule area (<c>ComplianceAssert.Calendar.cs</c>, <c>ComplianceAssert.Sampling.cs</c>, …);
/// conformance vectors are checked with <see cref="Conforms(ConformanceVector, Engine.RuleEngine)"/>.
/// </remarks>
public static partial class ComplianceAssert
{
    /// <summary>Checks that the engine answers a conformance vector as the vector expects.</summary>
    /// <param name="vector">The vector.</param>
    /// <param name="engine">The engine (e.g. <see cref="Engine.RuleEngine.Default"/>).</param>
    /// <exception cref="ComplianceException">Thrown when the decision differs from the expected subset.</exception>
    public static void Conforms(ConformanceVector vector, Engine.RuleEngine engine)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(engine);
        var outcome = vector.Run(engine);
        if (!outcome.Passed)
        {
            throw new ComplianceException(
                vector.RuleId,
                null,
                vector.ExpectedJson,
                outcome.DecisionJson,
                $"Conformance vector '{vector.Name}' ({vector.File}) failed: {string.Join("; ", outcome.Mismatches)}");
        }
    }

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
