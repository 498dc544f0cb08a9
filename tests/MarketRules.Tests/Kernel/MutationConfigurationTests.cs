using System.Text.Json;

namespace MarketRules.Tests.Kernel;

/// <summary>
/// The mutation-testing configurations (eng/mutation/*.json, run by eng/mutation.sh — not by CI) stay valid: each names
/// the library and the unit suite, mutates exactly one area's folder that exists, and every area has one.
/// </summary>
public sealed class MutationConfigurationTests
{
    private static readonly string ConfigFolder = Path.Combine(RepositoryPaths.Root, "eng", "mutation");
    private static readonly string LibraryFolder = Path.Combine(RepositoryPaths.Root, "src", "MarketRules");
    private static readonly string TestsFolder = Path.Combine(RepositoryPaths.Root, "tests", "MarketRules.Tests");

    private static IEnumerable<string> ConfigurationFiles() =>
        Directory.GetFiles(ConfigFolder, "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Configurations() => [.. ConfigurationFiles()];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Configuration_NamesTheLibraryTheUnitSuiteAndOneExistingArea(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConfigFolder, file)),
            new JsonDocumentOptions { AllowDuplicateProperties = false });
        var config = document.RootElement.GetProperty("stryker-config");
        Assert.Equal("MarketRules.csproj", config.GetProperty("project").GetString());
        Assert.Equal(["MarketRules.Tests.csproj"], config.GetProperty("test-projects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("perTest", config.GetProperty("coverage-analysis").GetString());
        Assert.Contains("json", config.GetProperty("reporters").EnumerateArray().Select(e => e.GetString()));
        var glob = Assert.Single(config.GetProperty("mutate").EnumerateArray()).GetString()!;
        var match = System.Text.RegularExpressions.Regex.Match(glob, @"^\*\*/src/MarketRules/(?<folder>[A-Za-z]+)/\*\*/\*\.cs$");
        Assert.True(match.Success, $"{file}: the mutate pattern '{glob}' must name one folder of src/MarketRules");
        var folder = match.Groups["folder"].Value;
        Assert.True(Directory.Exists(Path.Combine(LibraryFolder, folder)), $"{file}: src/MarketRules/{folder} does not exist");
        Assert.Equal(folder.ToLowerInvariant() + ".json", file);
        if (config.TryGetProperty("test-case-filter", out var filter))
        {
            // The tests a run uses (eng/mutation.sh): clauses naming test folders that exist, the area's own among them.
            // Shape: (clause|clause|…)&FullyQualifiedName!~StrictDoorVectorMutationTests — the strict-door test mutates
            // every rule's requests; it is the engine's run that needs it, and it would be most of an area's run time.
            var text = filter.GetString()!;
            const string WithoutDoor = ")&FullyQualifiedName!~StrictDoorVectorMutationTests";
            Assert.True(text.StartsWith('(') && text.EndsWith(WithoutDoor, StringComparison.Ordinal), $"{file}: '{text}' is not (…){WithoutDoor}");
            var named = text[1..^WithoutDoor.Length].Split('|').Select(clause =>
            {
                var test = System.Text.RegularExpressions.Regex.Match(clause, @"^FullyQualifiedName~MarketRules\.Tests\.(?<folder>[A-Za-z]+)\.(?<type>[A-Za-z]*)$");
                Assert.True(test.Success, $"{file}: '{clause}' is not a clause naming a test folder (or a type prefix in it)");
                Assert.True(Directory.Exists(Path.Combine(TestsFolder, test.Groups["folder"].Value)), $"{file}: tests/MarketRules.Tests/{test.Groups["folder"].Value} does not exist");
                return test.Groups["folder"].Value;
            }).ToList();
            Assert.Contains(folder, named);
        }
    }

    [Fact]
    public void EveryAreaOfTheLibrary_HasAMutationConfiguration()
    {
        var withCode = Directory.GetDirectories(LibraryFolder)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj") && Directory.GetFiles(Path.Combine(LibraryFolder, name!), "*.cs", SearchOption.AllDirectories).Length > 0)
            .Select(name => name!.ToLowerInvariant() + ".json")
            .Order(StringComparer.Ordinal);
        Assert.Equal(withCode, ConfigurationFiles());
    }
}
