namespace MarketRules.Testing;

/// <summary>Framework-neutral compliance assertions for downstream test suites.</summary>
public static class ComplianceAssert
{
}
