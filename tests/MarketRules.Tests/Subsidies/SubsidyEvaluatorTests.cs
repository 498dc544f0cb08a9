using CsCheck;
using MarketRules.Subsidies;
using NodaTime.Text;

namespace MarketRules.Tests.Subsidies;

public class SubsidyEvaluatorTests
{
    private static readonly SubsidyEvaluator Gongshu = new(SubsidySchemes.Gongshu2022);

    // Gongshu 2022 (phase dates assumed as calendar months, both ends inclusive to the second, Asia/Shanghai).
    public static TheoryData<string, int, long> ShanghaiEdges => new()
    {
        { "2022-05-31T23:59:59", 0, 0 },
        { "2022-06-01T00:00:00", 1, 30_000 },
        { "2022-06-30T23:59:59", 1, 30_000 },
        { "2022-07-01T00:00:00", 2, 20_000 },
        { "2022-07-31T23:59:59", 2, 20_000 },
        { "2022-08-01T00:00:00", 3, 10_000 },
        { "2022-08-31T23:59:59", 3, 10_000 },
        { "2022-09-01T00:00:00", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(ShanghaiEdges))]
    public void Assess_AtPhaseEdgeShanghai_PicksPhaseAndAmount(string local, int phase, long amountFen)
    {
        var completed = SubsidyTestData.Shanghai(local);
        var assessment = Gongshu.Assess(SubsidyTestData.Claim(1, completed));
        Assert.Equal(phase, assessment.PhaseIndex + 1);
        Assert.Equal(amountFen, assessment.Amount.Fen);
        Assert.Equal(phase == 0 ? SubsidyIneligibility.OutsideSchemeWindow : SubsidyIneligibility.None, assessment.Ineligibility);
    }

    [Theory]
    [InlineData("2022-06-30T15:59:59Z", 1)] // 23:59:59 on 30 June in Shanghai: June
    [InlineData("2022-06-30T16:00:00Z", 2)] // 00:00:00 on 1 July in Shanghai: July
    [InlineData("2022-05-31T16:00:00Z", 1)] // 00:00:00 on 1 June in Shanghai
    [InlineData("2022-05-31T15:59:59Z", 0)]
    public void Assess_UtcTimestamp_IsConvertedToShanghai(string utc, int phase)
    {
        var completed = InstantPattern.ExtendedIso.Parse(utc).Value;
        Assert.Equal(phase, Gongshu.Assess(SubsidyTestData.Claim(1, completed)).PhaseIndex + 1);
    }

    public static TheoryData<string, SubsidyIneligibility> Breaches => new()
    {
        { "not-registered", SubsidyIneligibility.OldBikeNotRegisteredNonStandard },
        { "other-owner", SubsidyIneligibility.NotOwner },
        { "not-recycled", SubsidyIneligibility.NotRecycled },
        { "unauthorised-recycler", SubsidyIneligibility.NotRecycled },
        { "plate-kept", SubsidyIneligibility.PlateNotCancelled },
        { "old-standard", SubsidyIneligibility.NonCompliantStandard },
        { "no-ccc", SubsidyIneligibility.NoCcc },
        { "no-plate", SubsidyIneligibility.NewBikeNotRegistered },
        { "recycled-before-window", SubsidyIneligibility.OutsideSchemeWindow },
        { "paid-before", SubsidyIneligibility.AlreadySubsidised },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void Assess_OneConditionBroken_IsNotEligibleWithItsCode(string breach, SubsidyIneligibility expected)
    {
        var input = Break(SubsidyTestData.Input(1, SubsidyTestData.June15), breach);
        var claim = SubsidyClaim.FromInput(input);
        var assessment = Gongshu.Assess(claim);
        Assert.Equal(expected, assessment.Ineligibility);
        Assert.Equal(Money.Zero, assessment.Amount);
        var explanation = Gongshu.Explain(claim, out var explained).Build("not-eligible");
        Assert.Equal(assessment, explained);
        Assert.Contains(explanation.Reasons, r => r.Code == SubsidyEvaluator.DefinitionOf(expected)!.Code);
        Assert.All(explanation.Reasons, r => Assert.NotNull(r.Citation));
    }

    [Fact]
    public void Explain_Eligible_CarriesPhaseAmountAndCitation()
    {
        var claim = SubsidyTestData.Claim(1, SubsidyTestData.June15);
        var explanation = Gongshu.Explain(claim, out _).Build("eligible");
        var reason = Assert.Single(explanation.Reasons);
        Assert.Equal("MR.Subsidy.PhaseApplies", reason.Code);
        Assert.Equal("1", reason.Arguments["Phase"]);
        Assert.Equal("300.00 元", reason.Arguments["Amount"]);
        Assert.Equal(VerificationStatus.ProjectRequirement, reason.Citation!.Status);
        Assert.Equal("330105", explanation.Jurisdiction);
    }

    // GB 17761-2018 in force 2019-04-15; GB 17761-2024 issued 2024-12-31, in force 2025-09-01; 2018 stock made by
    // 2025-08-31 sold until 2025-11-30 (domain-rules §5.6).
    [Theory]
    [InlineData(EBikeStandard.Gb17761Of2018, "2025-08-31", null, true)]
    [InlineData(EBikeStandard.Gb17761Of2018, "2025-09-01", "2025-08-31", true)]
    [InlineData(EBikeStandard.Gb17761Of2018, "2025-09-01", "2025-09-01", false)]
    [InlineData(EBikeStandard.Gb17761Of2018, "2025-11-30", null, true)]
    [InlineData(EBikeStandard.Gb17761Of2018, "2025-12-01", null, false)]
    [InlineData(EBikeStandard.Gb17761Of2024, "2024-12-30", null, false)]
    [InlineData(EBikeStandard.Gb17761Of2024, "2024-12-31", null, true)]
    [InlineData(EBikeStandard.Gb17761Of2024, "2025-12-01", null, true)]
    [InlineData(EBikeStandard.Gb17761Of1999, "2019-04-14", null, true)]
    [InlineData(EBikeStandard.Gb17761Of1999, "2019-04-15", null, false)]
    [InlineData(EBikeStandard.Unknown, "2022-06-15", null, false)]
    public void IsCompliant_StandardInForceOnPurchaseDate(EBikeStandard standard, string purchase, string? production, bool expected)
    {
        var parse = (string s) => LocalDatePattern.Iso.Parse(s).Value;
        Assert.Equal(expected, EBikeStandards.IsCompliant(standard, parse(purchase), production is null ? null : parse(production)));
    }

    [Fact]
    public void Assess_National2025LithiumToLeadAcid_AddsTheExtra()
    {
        var evaluator = new SubsidyEvaluator(SubsidySchemes.National2025);
        var completed = SubsidyTestData.Shanghai("2025-05-10T09:00:00");
        var input = SubsidyTestData.Input(1, completed) with { OldBattery = BatteryKind.Lithium };
        Assert.Equal(60_000, evaluator.Assess(SubsidyClaim.FromInput(input)).Amount.Fen); // 500 + 100 yuan
        Assert.Equal(50_000, evaluator.Assess(SubsidyTestData.Claim(1, completed)).Amount.Fen);
        var cheap = SubsidyTestData.Input(1, completed) with { NewPriceFen = 149_999 };
        Assert.Equal(SubsidyIneligibility.BelowMinimumPrice, evaluator.Assess(SubsidyClaim.FromInput(cheap)).Ineligibility);
    }

    [Fact]
    public void Explain_TwoConditionsBroken_ReportsBothAndTheFirstDecides()
    {
        // One statement of the conditions: with an explanation every failing condition is a reason, and the decision
        // is the one the decision-only call gives (the first failing condition in the order of the process).
        var breaches = Breaches.Select(row => (string)row[0]).ToArray();
        // Two breaches that set the same field (no recycling at all, recycling before the window) undo each other.
        static bool SameField(string x, string y) => x != y && new[] { x, y }.Order().SequenceEqual(["not-recycled", "recycled-before-window"]);
        Gen.Select(Gen.Int[0, breaches.Length - 1], Gen.Int[0, breaches.Length - 1]).Where(p => !SameField(breaches[p.Item1], breaches[p.Item2])).Sample((a, b) =>
        {
            var claim = SubsidyClaim.FromInput(Break(Break(SubsidyTestData.Input(7, SubsidyTestData.June15), breaches[a]), breaches[b]));
            var codes = Gongshu.Explain(claim, out var explained).Build("not-eligible").Reasons.Select(r => r.Code).ToList();
            var decided = Gongshu.Assess(claim);
            Assert.Equal(decided, explained);
            Assert.Equal(SubsidyEvaluator.DefinitionOf(decided.Ineligibility)!.Code, codes[0]);
            Assert.Contains(SubsidyEvaluator.DefinitionOf(Expected(breaches[a]))!.Code, codes);
            Assert.Contains(SubsidyEvaluator.DefinitionOf(Expected(breaches[b]))!.Code, codes);
        }, iter: 200);
    }

    private static SubsidyIneligibility Expected(string breach) =>
        Breaches.Where(row => (string)row[0] == breach).Select(row => (SubsidyIneligibility)row[1]).Single();

    internal static SubsidyClaimInput Break(SubsidyClaimInput input, string breach) => breach switch
    {
        "not-registered" => input with { OldRegisteredNonStandard = false },
        "other-owner" => input with { OldOwnerId = SubsidyTestData.PersonId(999_999) },
        "not-recycled" => input with { RecycledAt = null },
        "unauthorised-recycler" => input with { RecyclerAuthorised = false },
        "plate-kept" => input with { OldPlateCancelledAt = null },
        "old-standard" => input with { NewStandard = EBikeStandard.Gb17761Of1999 },
        "no-ccc" => input with { NewCccCertificate = null },
        "no-plate" => input with { NewPlate = null },
        "recycled-before-window" => input with { RecycledAt = SubsidyTestData.Shanghai("2022-05-20T08:00:00") },
        "paid-before" => input with { PreviouslySubsidised = [SubsidyUniquenessKey.PersonId] },
        _ => input,
    };
}
