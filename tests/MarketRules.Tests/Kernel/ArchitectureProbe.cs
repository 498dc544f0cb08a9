namespace MarketRules;

// A deliberately bad edge, kept in the test assembly only: a type in a kernel namespace that uses a rule area.
// ArchitectureTests.Checker_FindsABadEdge_WhenAKernelTypeUsesAnArea proves the checker sees it.
internal static class ArchitectureProbe
{
    internal static Type UsesAnArea() => typeof(Referral.ReferralErrors);
}
