using CsCheck;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

public partial class CriminalReferralTests
{
    private static readonly CriminalOffence[] AllOffences =
    [
        CriminalOffence.ShoddyProducts, CriminalOffence.CounterfeitDrugs, CriminalOffence.SubstandardDrugs, CriminalOffence.UnsafeFood,
        CriminalOffence.ToxicFood, CriminalOffence.SubstandardMedicalDevices, CriminalOffence.UnsafeProducts,
        CriminalOffence.ShoddyAgriculturalInputs, CriminalOffence.SubstandardCosmetics, CriminalOffence.CounterfeitRegisteredMark,
        CriminalOffence.SellingCounterfeitMarkGoods, CriminalOffence.CounterfeitMarkLabels, CriminalOffence.PassingOffPatents,
        CriminalOffence.FalseAdvertising, CriminalOffence.IllegalFoodBusiness,
    ];

    // Amounts in fen: zero, anything up to 600,000 yuan, and exact multiples of 10,000 yuan, which land on thresholds.
    private static readonly Gen<long> Fen = Gen.OneOf(Gen.Const(0L), Gen.Long[0, 60_000_000], Gen.Int[0, 60].Select(k => k * 1_000_000L));

    // Acts from 1998 (before several offences existed: coded errors) to 2026; the decision on the act date or up to
    // ~16 years later, so later laws (more lenient or stricter) are crossed often.
    private static readonly Gen<(ReferralFacts Facts, LocalDate AsOf)> Cases = Gen.Select(
        Gen.Int[0, AllOffences.Length - 1].Select(i => AllOffences[i]),
        Gen.Int[0, 10_550],
        Gen.OneOf(Gen.Const(0), Gen.Int[0, 6_000]),
        Fen.Array[5],
        Gen.Int[0, 70_000].Array[2],
        Gen.Int[0, 3].Array[4],
        Gen.Int[0, 11].Array[3],
        Gen.Int[0, 127]).Select((offence, actDay, lag, amounts, pieces, counts, rare, harm) =>
        {
            var act = new LocalDate(1998, 1, 1).PlusDays(actDay);
            var asOf = act.PlusDays(lag);
            var facts = new ReferralFacts
            {
                Offence = offence,
                ActDate = act,
                Offender = (rare[0] & 1) == 0 ? OffenderKind.Person : OffenderKind.Unit,
                Sales = Money.FromFen(amounts[0]),
                UnsoldValue = Money.FromFen(amounts[1]),
                BusinessVolume = Money.FromFen(amounts[2]),
                IllegalGains = Money.FromFen(amounts[3]),
                DirectLoss = Money.FromFen(amounts[4]),
                Pieces = pieces[0],
                UnsoldPieces = pieces[1],
                Marks = counts[0],
                Patents = counts[1],
                PriorPenaltiesWithinTwoYears = counts[2],
                Victims = counts[3],
                MinorInjuries = rare[1] == 0 ? 1 : 0,
                SeriousInjuries = rare[1] == 1 ? 1 : 0,
                Deaths = rare[1] == 2 ? 1 : 0,
                Harm = rare[2] < 6 ? HarmFacts.None : (HarmFacts)harm,
                Category = (ProductCategory)(rare[0] % 4),
                ServiceMark = rare[2] is 1 or 7,
                Emergency = rare[2] is 2 or 8,
            };
            return (facts, asOf);
        });

    [Fact]
    public void MustRefer_AgreesWithDecide_Meets_Specification()
    {
        var referral = CriminalReferral.National;
        int refer = 0, stay = 0, lenient = 0, errors = 0;
        Cases.Sample(c =>
        {
            var decision = referral.Decide(c.Facts, c.AsOf);
            var mustRefer = referral.MustRefer(c.Facts, c.AsOf);
            if (!decision.IsSuccess)
            {
                Interlocked.Increment(ref errors);
                return !mustRefer.IsSuccess
                    && mustRefer.Errors.Select(e => (e.Code, e.Path)).SequenceEqual(decision.Errors.Select(e => (e.Code, e.Path)));
            }
            var d = decision.Value;
            Interlocked.Increment(ref d.Refer ? ref refer : ref stay);
            if (d.LaterLawMoreLenient)
            {
                Interlocked.Increment(ref lenient);
            }
            return mustRefer.IsSuccess && mustRefer.Value == d.Refer;
        }, iter: 20_000);
        // The cases must cover both answers, the more-lenient-later-law rule and the coded failures.
        Assert.True(refer > 0 && stay > 0 && lenient > 0 && errors > 0, $"refer {refer}, stay {stay}, lenient {lenient}, errors {errors}");
    }

    [Theory]
    [InlineData("2021-06-01", "2021-06-01", true)]  // 2010 standard: one consumer's loss of 60,000 yuan
    [InlineData("2021-06-01", "2026-11-23", false)] // the 2022 standard dropped the loss item: more lenient, applies
    public void MustRefer_Art222ConsumerLoss_LaterLawMoreLenient(string act, string asOf, bool refer)
    {
        var facts = Facts(CriminalOffence.FalseAdvertising, Parse(act), "victims=1", "loss", 60_000m);
        Assert.Equal(refer, CriminalReferral.National.MustRefer(facts, Parse(asOf)).GetValueOrThrow());
    }

    [Fact]
    public void MustRefer_UnitActBefore2007DecidedLater_StricterLaterLawDoesNotReachBack()
    {
        // Below the 3× unit threshold of its day; the 2007 rule (same amount as a person) is stricter and does not apply.
        var facts = Facts(CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2007, 4, 4), "unit", "volume", 50_000m);
        Assert.False(CriminalReferral.National.MustRefer(facts, Today).GetValueOrThrow());
    }

    [Theory]
    [InlineData("sales", "MR.Referral.NegativeAmount", "$.sales")]
    [InlineData("pieces", "MR.Referral.NegativeCount", "$.pieces")]
    public void MustRefer_NegativeInput_CodedError(string field, string code, string path)
    {
        var date = new LocalDate(2019, 6, 1);
        var result = CriminalReferral.National.MustRefer(Facts(CriminalOffence.ShoddyProducts, date, "", field, -1m), date);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void MustRefer_ActBeforeTheLaw_CodedError()
    {
        var facts = Facts(CriminalOffence.IllegalFoodBusiness, new LocalDate(2013, 5, 3), "", "volume", 200_000m);
        Assert.Equal("MR.Referral.ActBeforeLaw", Assert.Single(CriminalReferral.National.MustRefer(facts, Today).Errors).Code);
    }

    [Fact]
    public void MustRefer_ValidFacts_AllocatesNothing()
    {
        var date = new LocalDate(2024, 6, 1);
        var facts = new[]
        {
            Facts(CriminalOffence.ShoddyProducts, date, "unsold=10000", "sales", 60_000m),
            Facts(CriminalOffence.SellingCounterfeitMarkGoods, date, "prior=1", "gains", 25_000m),
            Facts(CriminalOffence.CounterfeitMarkLabels, date, "marks=2", "pieces", 12_000m),
            Facts(CriminalOffence.SubstandardDrugs, date, "minor=1", "sales", 300_000m),
        };
        var referral = CriminalReferral.National;
        // Warm up past tiered compilation, whose one-off work may be charged to this thread.
        for (var i = 0; i < 200_000; i++)
        {
            _ = referral.MustRefer(facts[i & 3], Today);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refer = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (referral.MustRefer(facts[i & 3], Today).Value)
            {
                refer++;
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(refer > 0);
    }
}
