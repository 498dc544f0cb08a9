namespace MarketRules.Tests.Kernel;

/// <summary>
/// Finds the repository on disk at test time: the folder holding MarketRules.sln, and the shared reference data that
/// sits beside the repository (CI clones the repository with <c>shared/</c> next to it). Nothing of shared/ is
/// copied into the repository.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that contains MarketRules.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The holiday-cn reference files (<c>../shared/reference/holiday-cn</c> relative to the root).</summary>
    public static string HolidayCn => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "holiday-cn"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketRules.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MarketRules.sln was not found above " + AppContext.BaseDirectory);
    }
}
