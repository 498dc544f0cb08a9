using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Subsidies;
using MarketRules.Engine.Rules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public class EBikeTradeInRuleTests
{
    private static readonly RuleContext Context = new(new LocalDate(2022, 6, 15), MarketRules.Parameters.Jurisdiction.Parse("330105").Value,
        NationalCatalog.Policy, PeriodCalculator.China);

    [Fact]
    public void Evaluate_EligibleJuneClaim_Returns300YuanInPhase1()
    {
        var rule = new EBikeTradeInRule();
        var result = rule.Evaluate(new SubsidyRuleInput { SchemeId = "gongshu-2022-ebike-tradein", Claim = SubsidyTestData.Input(1, SubsidyTestData.June15) }, Context);
        Assert.True(result.IsSuccess);
        Assert.True(result.Value!.Result.Eligible);
        Assert.Equal(1, result.Value.Result.Phase);
        Assert.Equal(30_000, result.Value.Result.AmountFen);
        Assert.Equal("subsidy.ebike-tradein/1", result.Value.Explanation.Rule);
        Assert.Equal("eligible", result.Value.Explanation.Outcome);
    }

    [Fact]
    public void Evaluate_BrokenConditions_ListsEveryReason()
    {
        var input = SubsidyTestData.Input(1, SubsidyTestData.June15) with { NewCccCertificate = null, NewPlate = null };
        var result = new EBikeTradeInRule().Evaluate(new SubsidyRuleInput { SchemeId = "gongshu-2022-ebike-tradein", Claim = input }, Context);
        Assert.False(result.Value!.Result.Eligible);
        Assert.Equal(["MR.Subsidy.NoCcc", "MR.Subsidy.NewBikeNotRegistered"], result.Value.Result.Reasons.ToArray());
        Assert.Equal("not-eligible", result.Value.Explanation.Outcome);
    }

    // A request without a claim is refused at $.claim, the member named in both languages.
    [Fact]
    public void Evaluate_NoClaim_RequiredAtItsPath()
    {
        var error = Assert.Single(new EBikeTradeInRule().Evaluate(new SubsidyRuleInput { SchemeId = "gongshu-2022-ebike-tradein", Claim = null }, Context).Errors);
        Assert.Equal(("MR.Subsidy.Required", "$.claim"), (error.Code, error.Path));
        Assert.Equal("Claim", error.Arguments["PropertyName"]);
    }

    [Fact]
    public void Evaluate_UnknownSchemeOrBadInput_ReturnsCodedErrors()
    {
        var rule = new EBikeTradeInRule();
        var unknown = rule.Evaluate(new SubsidyRuleInput { SchemeId = "nowhere", Claim = SubsidyTestData.Input(1, SubsidyTestData.June15) }, Context);
        Assert.Equal("MR.Subsidy.UnknownScheme", Assert.Single(unknown.Errors).Code);
        var bad = rule.Evaluate(new SubsidyRuleInput { SchemeId = "gongshu-2022-ebike-tradein", Claim = SubsidyTestData.Input(1, SubsidyTestData.June15) with { ApplicantId = "123" } }, Context);
        Assert.Contains(bad.Errors, e => e.Code == "MR.Subsidy.InvalidResidentId" && e.Path == "$.claim.applicantId");
    }

    [Fact]
    public void Evaluate_SchemeAddedToTheLaw_IsResolvedThroughTheRequestsLaw()
    {
        // A scheme reaches the rule the way a pack does: through the law the engine gives it, not a registry of its own.
        var local = SubsidySchemes.Gongshu2022;
        var renamed = SubsidyScheme.Parse(SubsidyTestData.SchemeJsonWithId("gongshu-2022-copy")).GetValueOrThrow();
        var law = SubsidySchemes.With(NationalCatalog.Law, renamed);
        var context = new RuleContext(Context.AsOf, Context.Jurisdiction, law.Policy, law.Periods);
        var input = new SubsidyRuleInput { SchemeId = "gongshu-2022-copy", Claim = SubsidyTestData.Input(1, SubsidyTestData.June15) };
        Assert.Equal(30_000, new EBikeTradeInRule().Evaluate(input, context).GetValueOrThrow().Result.AmountFen);
        Assert.Equal("MR.Subsidy.UnknownScheme", Assert.Single(new EBikeTradeInRule().Evaluate(input, Context).Errors).Code);
        Assert.True(law.TryGetInstrument<SubsidyScheme>(local.Id, out var shipped) && shipped == local);
    }

    [Fact]
    public void BuiltInRules_RegistersTheRule() => Assert.Contains(BuiltInRules.All, r => r.Id == "subsidy.ebike-tradein/1");

    [Fact]
    public void InputJson_RoundTripsThroughTheRuleContract()
    {
        var rule = new EBikeTradeInRule();
        var json = """
            { "schemeId": "gongshu-2022-ebike-tradein",
              "claim": { "claimId": "A1", "applicantId": "11010519491231002X", "oldPlate": "杭州C12345", "oldFrameNumber": "LF12345678",
                "oldRegisteredNonStandard": true, "oldOwnerId": "11010519491231002X", "recycledAt": "2022-06-30T08:00:00Z", "recyclerAuthorised": true,
                "oldPlateCancelledAt": "2022-06-30T09:00:00Z", "newFrameNumber": "NF87654321", "newStandard": "gb17761-2018", "newCccCertificate": "2021011119000001",
                "purchaseDate": "2022-06-30", "newPriceFen": 259900, "newPlate": "浙A·54321", "newRegisteredAt": "2022-06-30T15:00:00Z",
                "completedAt": "2022-06-30T15:59:59Z",
                "evidence": ["identity-document", "filing-certificate", "recycling-receipt", "plate-cancellation-record", "purchase-invoice", "ccc-certificate", "new-plate-registration"] } }
            """;
        var input = (SubsidyRuleInput)System.Text.Json.JsonSerializer.Deserialize(json, rule.Input)!;
        var result = rule.EvaluateUntyped(input, Context);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var typed = (SubsidyRuleResult)result.Value!.Result;
        Assert.Equal(1, typed.Phase); // 23:59:59 on 30 June in Shanghai
        Assert.Equal(30_000, typed.AmountFen);
    }
}
