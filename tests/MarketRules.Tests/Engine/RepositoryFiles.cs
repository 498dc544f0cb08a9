namespace MarketRules.Tests.Engine;

// Published files (docs/schemas, docs/vectors) are generated from the code; these tests compare them and, when
// MARKETRULES_UPDATE_DOCS=1, rewrite them instead:
//   MARKETRULES_UPDATE_DOCS=1 dotnet test tests/MarketRules.Tests -c Release --filter "FullyQualifiedName~MarketRules.Tests.Engine.PublishedDocsTests"
internal static class RepositoryFiles
{
    public static bool Updating => Environment.GetEnvironmentVariable("MARKETRULES_UPDATE_DOCS") == "1";

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketRules.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (MarketRules.sln) not found above " + AppContext.BaseDirectory);
    }
}
