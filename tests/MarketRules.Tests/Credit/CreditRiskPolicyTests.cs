using CsCheck;
using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class CreditRiskPolicyTests
{
    private static readonly CreditRiskPolicy Policy = CreditRiskPolicy.Example;
    private static readonly LocalDate AsOf = new(2025, 6, 30);

    // Example policy: basic ×2 (cap 10), late reports ×8 (cap 5), penalties ×10 (cap 6), heavier ×30 (cap 3),
    // related ×5 (cap 4), complaints ×2 (cap 10); B ≥ 10, C ≥ 35, D ≥ 70.
    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, CreditRiskClass.A)] // 0
    [InlineData(4, 0, 0, 0, 0, 0, CreditRiskClass.A)] // 8
    [InlineData(5, 0, 0, 0, 0, 0, CreditRiskClass.B)] // 10: exactly the B cut point
    [InlineData(2, 0, 1, 0, 0, 3, CreditRiskClass.B)] // 4 + 10 + 6 = 20
    [InlineData(0, 0, 0, 1, 0, 2, CreditRiskClass.B)] // 30 + 4 = 34
    [InlineData(0, 0, 0, 1, 1, 0, CreditRiskClass.C)] // 35: exactly the C cut point
    [InlineData(0, 0, 0, 2, 0, 0, CreditRiskClass.C)] // 60
    [InlineData(0, 0, 0, 2, 2, 0, CreditRiskClass.D)] // 70: exactly the D cut point
    [InlineData(0, 0, 0, 9, 0, 0, CreditRiskClass.D)] // capped at 3 → 90
    [InlineData(0, 0, 99, 0, 0, 0, CreditRiskClass.C)] // capped at 6 → 60
    public void Classify_ByScore_FallsBetweenCutPoints(int basic, int late, int penalties, int heavier, int related, int complaints, CreditRiskClass expected)
    {
        var indicators = new CreditIndicators(basic, late, penalties, heavier, related, complaints);
        Assert.Equal(expected, Policy.Classify(indicators));
        var explained = Policy.Explain(indicators, AsOf);
        Assert.Equal(expected, explained.Class);
        Assert.Equal(CreditClassBasis.Score, explained.Basis);
    }

    [Fact]
    public void Classify_OnSeriousList_IsDRegardlessOfScore()
    {
        var indicators = new CreditIndicators(0, 0, 0, 0, 0, 0, onSeriousList: true);
        var explained = Policy.Explain(indicators, AsOf);
        Assert.Equal(CreditRiskClass.D, explained.Class);
        Assert.Equal(CreditClassBasis.SeriousList, explained.Basis);
        Assert.Contains(explained.Explanation.Reasons, r => r.Code == "MR.Credit.SeriousListOverride");
    }

    [Fact]
    public void Classify_OnAbnormalListWithLowScore_IsRaisedToC()
    {
        var explained = Policy.Explain(new CreditIndicators(2, 0, 0, 0, 0, 0, onAbnormalList: true), AsOf);
        Assert.Equal(CreditRiskClass.C, explained.Class);
        Assert.Equal(CreditClassBasis.AbnormalList, explained.Basis);
    }

    [Fact]
    public void Classify_OnAbnormalListWithScoreD_StaysD()
    {
        var explained = Policy.Explain(new CreditIndicators(0, 0, 0, 3, 0, 0, onAbnormalList: true), AsOf);
        Assert.Equal(CreditRiskClass.D, explained.Class);
        Assert.Equal(CreditClassBasis.Score, explained.Basis);
    }

    [Fact]
    public void Explain_ListsEveryContributingIndicator()
    {
        var explained = Policy.Explain(new CreditIndicators(2, 0, 1, 0, 0, 3), AsOf, "330105");
        var indicators = explained.Explanation.Reasons.Where(r => r.Code == "MR.Credit.Indicator").Select(r => r.Arguments["Indicator"]).ToList();
        Assert.Equal(["basic-attributes", "penalties", "complaints"], indicators);
        Assert.Equal("330105", explained.Explanation.Jurisdiction);
        Assert.Equal(AsOf, explained.Explanation.AsOf);
    }

    [Fact]
    public void Explain_DecidesInOneObject_AndMakesTheExplanationWhenRead()
    {
        // Class, score and basis at once; the explanation is made on first read and kept. One object per call: far
        // below what the builder, reasons and explanation take (measured: 500 B and more before session 8).
        var indicators = new CreditIndicators(3, 1, 2, 1, 0, 4, onAbnormalList: true);
        Policy.Explain(indicators, AsOf);
        var classes = new CreditClassification[1_000];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = Policy.Explain(indicators.With(CreditIndicator.Penalties, i % 7), AsOf, "330105");
        }
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / classes.Length;
        Assert.InRange(perCall, 1, 128);
        for (var i = 0; i < classes.Length; i++)
        {
            var c = classes[i];
            var x = indicators.With(CreditIndicator.Penalties, i % 7);
            Assert.Equal(Policy.Classify(x), c.Class);
            Assert.Equal(Policy.Score(x), c.Score);
            Assert.Same(c.Explanation, c.Explanation);
            Assert.Equal(c.Class switch { CreditRiskClass.A => "class-a", CreditRiskClass.B => "class-b", CreditRiskClass.C => "class-c", _ => "class-d" }, c.Explanation.Outcome);
            Assert.Equal(c.Basis == CreditClassBasis.AbnormalList, c.Explanation.Reasons.Any(r => r.Code == CreditReasons.AbnormalListOverride.Code));
        }
    }

    [Fact]
    public void Classify_HotPath_AllocatesNothing()
    {
        var indicators = new CreditIndicators(3, 1, 2, 1, 0, 4, onAbnormalList: true);
        Policy.Classify(indicators);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += (int)Policy.Classify(indicators.With(CreditIndicator.Penalties, i % 7));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Parse_UnknownIndicator_ReturnsCodedErrorWithPath()
    {
        var json = """
            { "id": "x", "effectiveFrom": "2022-01-01",
              "indicators": { "penalties": { "weight": 10, "cap": 5 }, "tax-arrears": { "weight": 5, "cap": 2 } },
              "cutPoints": { "b": 10, "c": 20, "d": 30 } }
            """;
        var result = CreditRiskPolicy.Parse(json);
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal("MR.Credit.UnknownIndicator", error.Code);
        Assert.Equal("$.indicators['tax-arrears']", error.Path);
        Assert.Equal("tax-arrears", error.Arguments["Indicator"]);
    }

    [Theory]
    [InlineData("""{ "id": "x", "effectiveFrom": "2022-01-01", "indicators": { "penalties": { "weight": -1, "cap": 5 } }, "cutPoints": { "b": 10, "c": 20, "d": 30 } }""", "$.indicators['penalties']")]
    [InlineData("""{ "id": "x", "effectiveFrom": "2022-01-01", "indicators": {}, "cutPoints": { "b": 10, "c": 5, "d": 30 } }""", "$.cutPoints")]
    [InlineData("""{ "id": "x", "indicators": {}, "cutPoints": { "b": 10, "c": 20, "d": 30 } }""", "$")]
    [InlineData("""{ "id": "x", """, "$")]
    public void Parse_InvalidPolicy_ReturnsPolicyInvalid(string json, string path)
    {
        var result = CreditRiskPolicy.Parse(json);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == "MR.Credit.PolicyInvalid" && (e.Path == path || path == "$"));
    }

    [Fact]
    public void Example_Defaults_ArePinned()
    {
        Assert.Equal("credit-risk-example-2022", Policy.Id);
        Assert.Equal((10, 35, 70), (Policy.CutB, Policy.CutC, Policy.CutD));
        Assert.Equal(CreditRiskClass.D, Policy.SeriousListClass);
        Assert.Equal(CreditRiskClass.C, Policy.AbnormalListFloor);
        Assert.Equal(VerificationStatus.ProjectRequirement, Policy.Citation.Status);
    }

    private static readonly CreditIndicator[] PenaltyIndicators =
        [CreditIndicator.LateAnnualReports, CreditIndicator.Penalties, CreditIndicator.HeavierPenalties, CreditIndicator.RelatedParties, CreditIndicator.Complaints];

    private static readonly Gen<CreditIndicators> GenIndicators =
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 8], Gen.Int[0, 8], Gen.Int[0, 5], Gen.Int[0, 6], Gen.Int[0, 15], Gen.Bool, Gen.Bool)
            .Select((b, l, p, h, r, c, abnormal, serious) => new CreditIndicators(b, l, p, h, r, c, abnormal, serious));

    [Fact]
    public void Classify_MoreOrHeavierPenalties_Meets_Specification()
    {
        // Monotone in each penalty indicator: adding penalties (or a listing) never improves the class.
        Gen.Select(GenIndicators, Gen.Int[0, PenaltyIndicators.Length - 1], Gen.Int[1, 10]).Sample((x, i, more) =>
        {
            var indicator = PenaltyIndicators[i];
            var worse = x.With(indicator, x.Get(indicator) + more);
            return Policy.Classify(worse) >= Policy.Classify(x)
                && Policy.Classify(x.WithLists(true, x.OnSeriousList)) >= Policy.Classify(x)
                && Policy.Classify(x.WithLists(x.OnAbnormalList, true)) >= Policy.Classify(x);
        }, iter: 2000);
    }

    [Fact]
    public void Classify_AgreesWithExplain_Meets_Specification()
    {
        GenIndicators.Sample(x => Policy.Classify(x) == Policy.Explain(x, AsOf).Class, iter: 300);
    }
}
