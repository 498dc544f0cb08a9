using System.Text.Json;
using MarketRules.Referral;
using MarketRules.Engine.Rules.Referral;

namespace MarketRules.Tests.Referral;

public class ReferralConformanceTests
{
    // The referral decisions under national law, built from the library's national law context.
    internal static readonly CriminalReferral Referral = new(NationalCatalog.Law);

    private static readonly string VectorPath = Path.Combine(RepositoryRoot.Find(), "src", "MarketRules.Testing", "Vectors", "referral.criminal.json");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPath));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(vector.GetProperty("name").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_ThroughTheTypedApi_GivesTheExpectedOutcome(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPath));
        var vector = document.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var request = vector.GetProperty("request");
        var expected = vector.GetProperty("expected");
        Assert.Equal(CriminalReferralRule.RuleId, request.GetProperty("rule").GetString());
        var asOf = NodaTime.Text.LocalDatePattern.Iso.Parse(request.GetProperty("asOf").GetString()!).GetValueOrThrow();
        var input = request.GetProperty("input").Deserialize(new CriminalReferralRule().Input)!;
        var facts = CriminalReferralRule.ToFacts(input);
        var result = Referral.Decide(facts, asOf);

        // The file uses the engine's shape (docs/engine.md); this test replays it through the typed API so the
        // typed decision and the engine's JSON answer cannot drift apart.
        if (!expected.GetProperty("ok").GetBoolean())
        {
            Assert.False(result.IsSuccess);
            var codes = expected.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToHashSet();
            Assert.Equal(codes, result.Errors.Select(e => e.Code).ToHashSet());
            return;
        }
        var decision = result.GetValueOrThrow();
        var expectedResult = expected.GetProperty("result");
        Assert.Equal(expectedResult.GetProperty("refer").GetBoolean(), decision.Refer);
        if (expectedResult.TryGetProperty("offence", out var offence))
        {
            Assert.Equal(offence.GetString(), Kebab(decision.Offence.ToString()));
        }
        if (expectedResult.TryGetProperty("band", out var band))
        {
            Assert.Equal(band.GetString(), Kebab(decision.Band.ToString()));
        }
        if (expectedResult.TryGetProperty("isAttempt", out var attempt))
        {
            Assert.Equal(attempt.GetBoolean(), decision.IsAttempt);
        }
        if (expectedResult.TryGetProperty("triggered", out var triggered))
        {
            var actual = Enum.GetValues<ReferralThreshold>().Where(decision.HasTriggered).Select(t => Kebab(t.ToString())).ToList();
            Assert.Equal(triggered.EnumerateArray().Select(t => t.GetString()!).ToList(), actual);
        }
    }

    [Fact]
    public void Vectors_AssertTheDecisionInEveryCase()
    {
        // Guards the file itself: every vector pins either the referral decision or coded errors with their paths.
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPath));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var expected = vector.GetProperty("expected");
            if (expected.GetProperty("ok").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Object, expected.GetProperty("result").ValueKind);
                Assert.True(expected.GetProperty("result").TryGetProperty("refer", out _), vector.GetProperty("name").GetString());
            }
            else
            {
                Assert.All(expected.GetProperty("errors").EnumerateArray(), e => Assert.StartsWith("$.input", e.GetProperty("path").GetString(), StringComparison.Ordinal));
            }
        }
    }

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
