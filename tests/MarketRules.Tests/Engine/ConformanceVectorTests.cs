using MarketRules.Engine;
using MarketRules.Testing;

namespace MarketRules.Tests.Engine;

public class ConformanceVectorTests
{
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in ConformanceVectors.Load())
        {
            data.Add(vector.File, vector.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Run_EveryShippedVector_Conforms(string file, string name)
    {
        var vector = ConformanceVectors.Load().Single(v => v.File == file && v.Name == name);
        ComplianceAssert.Conforms(vector, FreshRules.Engine());
    }

    [Fact]
    public void Load_EveryBuiltInRule_HasAtLeastOneVector()
    {
        var covered = ConformanceVectors.Load().Select(v => v.RuleId).ToHashSet(StringComparer.Ordinal);
        var uncovered = BuiltInRules.All.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(uncovered.Count == 0, "Rules without conformance vectors: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Load_EveryVector_NamesAKnownRuleAndIsUniqueInItsFile()
    {
        var vectors = ConformanceVectors.Load();
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.True(RuleEngine.Default.TryGetRule(v.RuleId, out _), v.ToString()));
        Assert.Equal(vectors.Length, vectors.Select(v => (v.File, v.Name)).Distinct().Count());
    }

    [Fact]
    public void Compare_DecisionDiffersFromExpected_ReportsPath()
    {
        var vector = ConformanceVectors.Parse("t.json", """{ "vectors": [ { "name": "x", "request": { "rule": "calendar.deadline/1" }, "expected": { "ok": true, "result": { "lastDay": "2024-10-23" } } } ] }""").Single();
        var outcome = vector.Compare("""{ "ok": true, "result": { "lastDay": "2024-10-22", "other": 1 } }""");
        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Mismatches, m => m.StartsWith("$.result.lastDay", StringComparison.Ordinal));
        Assert.True(vector.Compare("""{ "ok": true, "result": { "lastDay": "2024-10-23", "other": 1 } }""").Passed);
    }

    [Fact]
    public void Parse_FileWithoutVectors_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ConformanceVectors.Parse("bad.json", """{ "cases": [] }"""));
}
