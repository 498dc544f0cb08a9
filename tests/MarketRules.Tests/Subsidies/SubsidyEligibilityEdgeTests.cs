using MarketRules.Subsidies;
using NodaTime.Text;

namespace MarketRules.Tests.Subsidies;

// The eligibility edges that mutation testing found unguarded (issue 18): each test names the condition of the scheme
// or the standard it protects, and asserts both sides of its edge.
public class SubsidyEligibilityEdgeTests
{
    private static readonly SubsidyEvaluator Gongshu = new(SubsidySchemes.Gongshu2022);

    // The 2025 national scheme pays only for a new bike of at least 1,500 yuan ("不低于"): exactly 1,500 yuan is
    // eligible, one fen less is not.
    [Fact]
    public void MinimumPrice_APriceExactlyAtTheMinimum_IsEligible_OneFenLessIsNot()
    {
        var evaluator = new SubsidyEvaluator(SubsidySchemes.National2025);
        var completed = SubsidyTestData.Shanghai("2025-05-10T09:00:00");
        var atMinimum = evaluator.Assess(SubsidyClaim.FromInput(SubsidyTestData.Input(1, completed) with { NewPriceFen = 150_000 }));
        Assert.Equal(SubsidyIneligibility.None, atMinimum.Ineligibility);
        Assert.Equal(50_000, atMinimum.Amount.Fen);
        var below = evaluator.Assess(SubsidyClaim.FromInput(SubsidyTestData.Input(1, completed) with { NewPriceFen = 149_999 }));
        Assert.Equal(SubsidyIneligibility.BelowMinimumPrice, below.Ineligibility);
    }

    // Every step of the trade-in must fall inside the scheme's window (Gongshu 2022: 2022-06-01 00:00:00 to 2022-08-31
    // 23:59:59, Asia/Shanghai, both ends included): each step at the first and the last instant is inside, one second
    // earlier or later is outside — whatever the other steps, which stay in mid-June.
    [Theory]
    [InlineData("recycling", "2022-06-01T00:00:00", true)]
    [InlineData("recycling", "2022-05-31T23:59:59", false)]
    [InlineData("recycling", "2022-08-31T23:59:59", true)]
    [InlineData("recycling", "2022-09-01T00:00:00", false)]
    [InlineData("plate-cancellation", "2022-06-01T00:00:00", true)]
    [InlineData("plate-cancellation", "2022-05-31T23:59:59", false)]
    [InlineData("plate-cancellation", "2022-08-31T23:59:59", true)]
    [InlineData("plate-cancellation", "2022-09-01T00:00:00", false)]
    [InlineData("new-registration", "2022-06-01T00:00:00", true)]
    [InlineData("new-registration", "2022-05-31T23:59:59", false)]
    [InlineData("new-registration", "2022-08-31T23:59:59", true)]
    [InlineData("new-registration", "2022-09-01T00:00:00", false)]
    public void SchemeWindow_EveryStepFromTheFirstToTheLastInstant_IsInside(string step, string local, bool inside)
    {
        var at = SubsidyTestData.Shanghai(local);
        var input = SubsidyTestData.Input(1, SubsidyTestData.June15);
        input = step switch
        {
            "recycling" => input with { RecycledAt = at },
            "plate-cancellation" => input with { OldPlateCancelledAt = at },
            _ => input with { NewRegisteredAt = at },
        };
        var claim = SubsidyClaim.FromInput(input);
        Assert.Equal(inside ? SubsidyIneligibility.None : SubsidyIneligibility.OutsideSchemeWindow, Gongshu.Assess(claim).Ineligibility);
        Assert.Equal(inside ? null : step, SubsidyEvaluator.OutsideWindow(SubsidySchemes.Gongshu2022, claim));
    }

    // The purchase date must lie within the scheme's days: a purchase before the first day and one after the last day
    // are each outside on their own (either breach suffices), the first and the last day are inside.
    [Theory]
    [InlineData("2022-05-31", false)]
    [InlineData("2022-06-01", true)]
    [InlineData("2022-08-31", true)]
    [InlineData("2022-09-01", false)]
    public void PurchaseWindow_BeforeTheFirstDayOrAfterTheLastDay_IsOutside(string purchase, bool inside)
    {
        var input = SubsidyTestData.Input(1, SubsidyTestData.June15) with { PurchaseDate = LocalDatePattern.Iso.Parse(purchase).Value };
        var claim = SubsidyClaim.FromInput(input);
        Assert.Equal(inside ? SubsidyIneligibility.None : SubsidyIneligibility.OutsideSchemeWindow, Gongshu.Assess(claim).Ineligibility);
        Assert.Equal(inside ? null : "purchase", SubsidyEvaluator.OutsideWindow(SubsidySchemes.Gongshu2022, claim));
    }

    // GB 17761-2018 took effect on 2019-04-15: from that day a GB 17761-1999 bike no longer complies and the reason
    // names GB 17761-2018 alone; GB 17761-2024 is accepted from its issue (2024-12-31) and alone from 2025-12-01, after
    // the 2018 stock's last sale day (2025-11-30).
    [Theory]
    [InlineData("2019-04-14", "GB 17761-1999 / GB 17761-2018")]
    [InlineData("2019-04-15", "GB 17761-2018")]
    [InlineData("2024-12-30", "GB 17761-2018")]
    [InlineData("2024-12-31", "GB 17761-2018 / GB 17761-2024")]
    [InlineData("2025-08-31", "GB 17761-2018 / GB 17761-2024")]
    [InlineData("2025-09-01", "GB 17761-2024 (GB 17761-2018 stock made by 2025-08-31)")]
    [InlineData("2025-11-30", "GB 17761-2024 (GB 17761-2018 stock made by 2025-08-31)")]
    [InlineData("2025-12-01", "GB 17761-2024")]
    public void Gb17761_FromItsFirstDay_TheRequiredStandardChanges(string purchase, string required) =>
        Assert.Equal(required, EBikeStandards.Required(LocalDatePattern.Iso.Parse(purchase).Value));

    // GB 17761-2018's first day for a GB 17761-1999 bike bought under a scheme: the day before it complies, on the day
    // it does not (the evaluator asks the standard, not its own date).
    [Theory]
    [InlineData("2019-04-14", true)]
    [InlineData("2019-04-15", false)]
    public void Gb17761Of2018_FirstDay_AnOldStandardBikeNoLongerComplies(string purchase, bool complies)
    {
        var input = SubsidyTestData.Input(1, SubsidyTestData.June15) with
        {
            NewStandard = EBikeStandard.Gb17761Of1999,
            PurchaseDate = LocalDatePattern.Iso.Parse(purchase).Value,
        };
        var assessment = Gongshu.Assess(SubsidyClaim.FromInput(input));
        // The purchase lies outside Gongshu's window either way; the standard is checked first.
        Assert.Equal(complies ? SubsidyIneligibility.OutsideSchemeWindow : SubsidyIneligibility.NonCompliantStandard, assessment.Ineligibility);
    }
}
