using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// The yes/no a screening caller reads (Decide(...).Value.Refer) across a change of law: the refer-only twin that used
// to answer these (MustRefer) is gone (decision 0018), so the legal cases it covered are asserted on the one evaluator.
public partial class CriminalReferralTests
{
    [Theory]
    [InlineData("2021-06-01", "2021-06-01", true)]  // 2010 standard: one consumer's loss of 60,000 yuan
    [InlineData("2021-06-01", "2026-11-23", false)] // the 2022 standard dropped the loss item: more lenient, applies
    public void Refer_Art222ConsumerLoss_LaterLawMoreLenient(string act, string asOf, bool refer)
    {
        var facts = Facts(CriminalOffence.FalseAdvertising, Parse(act), "victims=1", "loss", 60_000m);
        Assert.Equal(refer, Referral.Decide(facts, Parse(asOf)).GetValueOrThrow().Refer);
    }

    [Fact]
    public void Refer_UnitActBefore2007DecidedLater_StricterLaterLawDoesNotReachBack()
    {
        // Below the 3× unit threshold of its day; the 2007 rule (same amount as a person) is stricter and does not apply.
        var facts = Facts(CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2007, 4, 4), "unit", "volume", 50_000m);
        Assert.False(Referral.Decide(facts, Today).GetValueOrThrow().Refer);
    }

    [Fact]
    public void Decide_AmountAboveTheLargestAmountOfMoney_CodedErrorAtItsPath()
    {
        // The same bound the JSON door applies (Money.MaxYuan): one validation for typed and JSON callers.
        var date = new LocalDate(2019, 6, 1);
        var facts = Facts(CriminalOffence.ShoddyProducts, date, "", "sales", 1m) with { Sales = Money.FromFen(100_000_000_000_001L) };
        var error = Assert.Single(Referral.Decide(facts, date).Errors);
        Assert.Equal("MR.Amount.Invalid", error.Code);
        Assert.Equal("$.sales", error.Path);
    }
}
