using MarketRules.Engine;
using MarketRules.Testing;
using MarketRules.Engine.Rules.Calendar;

namespace MarketRules.Tests.Engine;

public class PublishedDocsTests
{
    public static TheoryData<string> RuleIds() => [.. BuiltInRules.All.Select(r => r.Id)];

    public static TheoryData<string> VectorFiles() => [.. ConformanceVectors.Files];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Schemas_OfEachRule_MatchDocsSchemas(string ruleId)
    {
        var rule = BuiltInRules.All.Single(r => r.Id == ruleId);
        var stem = RuleSchemas.FileStem(ruleId);
        AssertPublished($"docs/schemas/{stem}.input.json", RuleSchemas.Format(RuleSchemas.Input(rule)));
        AssertPublished($"docs/schemas/{stem}.result.json", RuleSchemas.Format(RuleSchemas.Result(rule)));
    }

    [Fact]
    public void Schemas_InDocs_BelongToRegisteredRules()
    {
        var expected = BuiltInRules.All
            .SelectMany(r => new[] { RuleSchemas.FileStem(r.Id) + ".input.json", RuleSchemas.FileStem(r.Id) + ".result.json" })
            .ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(RepositoryFiles.PathOf("docs/schemas"), "*.json").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        if (RepositoryFiles.Updating)
        {
            stale.ForEach(f => File.Delete(RepositoryFiles.PathOf("docs/schemas/" + f)));
            return;
        }
        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Vectors_ShippedInPackage_MatchDocsVectors(string file) =>
        AssertPublished("docs/vectors/" + file, ConformanceVectors.ReadFile(file));

    [Fact]
    public void Schemas_OfDeadlineInput_DescribeDatesAndEnums()
    {
        var schema = RuleSchemas.Input(new DeadlineRule()).ToJsonString();
        Assert.Contains("\"format\":\"date\"", schema);
        Assert.Contains("\"working-days\"", schema);
        Assert.Contains("\"roll-forward\"", schema);
    }

    [Fact]
    public void Schemas_InDocs_DescribeEveryField()
    {
        // Every property of every published schema says what it is (from the C# member's XML documentation).
        var undescribed = new List<string>();
        var files = Directory.GetFiles(RepositoryFiles.PathOf("docs/schemas"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Walk(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!, Path.GetFileName(file) + "#");
        }
        Assert.True(undescribed.Count == 0, undescribed.Count + " fields without a description:\n" + string.Join("\n", undescribed.Take(50)));

        void Walk(System.Text.Json.Nodes.JsonNode node, string at)
        {
            if (node is System.Text.Json.Nodes.JsonObject obj)
            {
                if (obj["properties"] is System.Text.Json.Nodes.JsonObject properties)
                {
                    foreach (var (name, value) in properties)
                    {
                        if (value is not System.Text.Json.Nodes.JsonObject field || field["description"] is null
                            || string.IsNullOrWhiteSpace(field["description"]!.GetValue<string>()))
                        {
                            undescribed.Add(at + "/" + name);
                        }
                    }
                }
                foreach (var (name, value) in obj)
                {
                    if (value is not null)
                    {
                        Walk(value, at + "/" + name);
                    }
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Walk(item, at + "[]");
                    }
                }
            }
        }
    }

    private static void AssertPublished(string relative, string generated)
    {
        var path = RepositoryFiles.PathOf(relative);
        if (RepositoryFiles.Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }
        Assert.True(File.Exists(path), $"{relative} is missing; regenerate with MARKETRULES_UPDATE_DOCS=1 (see docs/engine.md)");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == generated.ReplaceLineEndings("\n"),
            $"{relative} is stale; regenerate with MARKETRULES_UPDATE_DOCS=1 (see docs/engine.md)");
    }
}
