using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Sampling;
using MarketRules.Engine.Rules.Sampling;

namespace MarketRules.Tests.Sampling;

public class SamplingPlanRuleTests
{
    private static readonly SamplingPlanRule Rule = new();

    private static RuleContext Context(string jurisdiction, PolicyContext? policy = null) =>
        new(new LocalDate(2025, 3, 1), Jurisdiction.Parse(jurisdiction).GetValueOrThrow(), policy ?? NationalCatalog.Policy, PeriodCalculator.China);

    private static string RosterJson(int count) => string.Join(",", SamplingTestData.Roster(count, 2).Select(r =>
        $$"""{"creditCode":"{{r.CreditCode}}","name":"{{r.Name}}","region":"{{r.Region}}","industry":"{{r.Industry}}","tier":"{{r.Tier}}","status":"{{(r.Status == EntityStatus.Active ? "active" : "deregistered")}}"{{(r.LastInspected is { } d ? $",\"lastInspected\":\"{d:yyyy-MM-dd}\"" : "")}}}"""));

    [Fact]
    public void Evaluate_JsonInputHenanContext_ReceiptVerifiesAndExplanationCitesPack()
    {
        var json = $$"""{"taskId":"豫-2025-01","seed":"00ff10","roster":[{{RosterJson(800)}}]}""";
        var input = JsonSerializer.Deserialize(json, Rule.Input)!;
        var policy = NationalCatalog.Policy.WithPack(SamplingPolicyPacks.Henan2021).GetValueOrThrow();
        var decision = Rule.Evaluate(input, Context("410102", policy)).GetValueOrThrow();
        var receipt = decision.Result.Receipt;
        Assert.Equal(0.30m, receipt.Policy.RatioD);
        Assert.Equal("drawn", decision.Explanation.Outcome);
        Assert.Contains(decision.Explanation.Parameters, p => p.Source == "henan-2021-sampling");
        Assert.True(receipt.SelectedCount >= receipt.Target);
        Assert.Equal(receipt.Strata.Length, decision.Result.Strata.Length);
        Assert.True(DoubleRandomSampler.Verify(receipt, SamplingTestData.Roster(800, 2)).IsVerified);
        Assert.Contains("\"receipt\"", JsonSerializer.Serialize(decision.Result, Rule.Result));
        Assert.Contains(BuiltInRules.All, r => r.Id == "sampling.plan/1");
    }

    [Fact]
    public void Evaluate_NationalContext_EveryTierDefaultsToFivePercent()
    {
        var input = JsonSerializer.Deserialize($$"""{"taskId":"t","seed":"01","roster":[{{RosterJson(300)}}]}""", Rule.Input)!;
        var decision = Rule.Evaluate(input, Context("330105")).GetValueOrThrow();
        Assert.Equal(4, decision.Explanation.Reasons.Count(r => r.Code == "MR.Sampling.TierRatioDefaulted"));
        Assert.All(decision.Result.Strata, s => Assert.Equal((int)decimal.Ceiling(s.Active * 0.05m), s.Quota));
    }

    [Fact]
    public void Evaluate_BadRecords_CodedErrorsNamingEachRecordNothingDrawn()
    {
        var good = SamplingTestData.Code(1);
        var json = $$"""
            {"taskId":"t","seed":"zz","roster":[
              {"creditCode":"{{good}}","region":"330105","industry":"F","tier":"A"},
              {"creditCode":"91330105MA00000000","region":"330105","industry":"F","tier":"B"},
              {"creditCode":"{{SamplingTestData.Code(2)}}","region":"330105","industry":"F","tier":"E"}]}
            """;
        var result = Rule.Evaluate(JsonSerializer.Deserialize(json, Rule.Input)!, Context("330105"));
        Assert.False(result.IsSuccess);
        Assert.Equal(["MR.Sampling.InvalidSeed@$.seed", "MR.Sampling.InvalidCreditCode@$.roster[1].creditCode", "MR.Sampling.UnknownTier@$.roster[2].tier"],
            result.Errors.Select(e => e.Code + "@" + e.Path));
    }

    [Fact]
    public void Evaluate_DuplicateCode_DuplicateEntityError()
    {
        var code = SamplingTestData.Code(5);
        var json = $$"""{"taskId":"t","seed":"01","roster":[{"creditCode":"{{code}}","region":"330105","industry":"F","tier":"A"},{"creditCode":"{{code}}","region":"330105","industry":"F","tier":"A"}]}""";
        var error = Assert.Single(Rule.Evaluate(JsonSerializer.Deserialize(json, Rule.Input)!, Context("330105")).Errors);
        Assert.Equal(("MR.Sampling.DuplicateEntity", "$.roster[1].creditCode"), (error.Code, error.Path));
    }

    [Fact]
    public void Evaluate_HenanClassARatioShortOfFivePercent_RatiosScaledToTheYearsTarget_DeregisteredNotCounted()
    {
        // Henan 2021 inspects 1 % of class A; 300 active class-A enterprises give 3, short of the 5 % of active
        // enterprises a year's plan must reach (SAMR 2019 plan): 15. The class ratios are scaled up, and said so.
        // The 20 deregistered ones are neither counted nor drawn.
        var records = Enumerable.Range(1, 320).Select(i =>
            $$"""{"creditCode":"{{SamplingTestData.Code(i)}}","region":"410102","industry":"F","tier":"A","status":"{{(i > 300 ? "deregistered" : "active")}}"}""");
        var input = JsonSerializer.Deserialize($$"""{"taskId":"t","seed":"01","roster":[{{string.Join(",", records)}}]}""", Rule.Input)!;
        var policy = NationalCatalog.Policy.WithPack(SamplingPolicyPacks.Henan2021).GetValueOrThrow();
        var decision = Rule.Evaluate(input, Context("410102", policy)).GetValueOrThrow();
        var receipt = decision.Result.Receipt;
        Assert.Equal((300, 15), (receipt.Active, receipt.Target));
        Assert.True(receipt.Scale > 1m, $"scale {receipt.Scale}");
        Assert.True(receipt.SelectedCount >= 15, $"selected {receipt.SelectedCount}");
        var deregistered = Enumerable.Range(301, 20).Select(i => SamplingTestData.Code(i)).ToHashSet();
        Assert.DoesNotContain(receipt.Strata.SelectMany(s => s.Selected), e => deregistered.Contains(e.CreditCode));
        var scaled = Assert.Single(decision.Explanation.Reasons, r => r.Code == "MR.Sampling.RatiosScaled");
        Assert.Equal(("15", receipt.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)), (scaled.Arguments["Target"], scaled.Arguments["Scale"]));
    }
}
