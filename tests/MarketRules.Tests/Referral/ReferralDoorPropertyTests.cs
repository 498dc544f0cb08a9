using System.Collections.Immutable;
using CsCheck;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// The referral door checks the facts twice over: a one-pass test that lets the common, valid case through, and the
// field-by-field checks that name every bad field. The one-pass test must never let through what a field check would
// refuse (a bad amount or count turning into a referral decision), and should not send valid facts the long way.
public class ReferralDoorPropertyTests
{
    private static readonly LocalDate AsOf = new(2024, 6, 1);

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    // Each field at its edges: valid values, the first invalid one on each side, and the extremes of its type. A field
    // is valid nine times in ten, so facts with just one or two bad fields are common.
    private static Gen<T> Mostly<T>(T[] valid, T[] invalid) => Gen.Frequency((9, Pick(valid)), (1, Pick(invalid)));

    private static readonly Gen<CriminalOffence> Offences = Mostly(
        [CriminalOffence.ShoddyProducts, CriminalOffence.CounterfeitDrugs, CriminalOffence.SubstandardCosmetics, CriminalOffence.CounterfeitRegisteredMark,
            CriminalOffence.PassingOffPatents, CriminalOffence.FalseAdvertising, CriminalOffence.IllegalFoodBusiness],
        [(CriminalOffence)(-1), CriminalOffence.Unspecified, (CriminalOffence)139, (CriminalOffence)149, (CriminalOffence)212, (CriminalOffence)217,
            (CriminalOffence)221, (CriminalOffence)223, (CriminalOffence)226]);

    private static readonly long MaxFen = Money.FromYuan(Money.MaxYuan).Fen;

    private static readonly Gen<Money> Amounts = Mostly([0L, 1L, 123_456L, MaxFen], [long.MinValue, -1L, MaxFen + 1, long.MaxValue]).Select(Money.FromFen);

    private static readonly Gen<int> Counts = Mostly([0, 1, 7, int.MaxValue], [int.MinValue, -1]);

    private static readonly Gen<LocalDate> ActDates = Gen.Frequency((9, Gen.Int[-800, 0].Select(d => AsOf.PlusDays(d))), (1, Pick(default(LocalDate), AsOf.PlusDays(1), AsOf.PlusDays(3))));

    private static readonly Gen<ReferralFacts> Facts = Gen.Select(
        Gen.Select(Offences, Mostly([0, 1], [-1, 2]), Mostly([0, 1, 2, 6, 7], [-1, 8]), Mostly([0, 1, 64, 127], [128, 255, -1]), Gen.Bool, ActDates),
        Amounts.Array[5],
        Counts.Array[9],
        (head, amounts, counts) => new ReferralFacts
        {
            Offence = head.Item1,
            Offender = (OffenderKind)head.Item2,
            Category = (ProductCategory)head.Item3,
            Harm = (HarmFacts)head.Item4,
            ServiceMark = head.Item5,
            ActDate = head.Item6,
            Sales = amounts[0],
            UnsoldValue = amounts[1],
            BusinessVolume = amounts[2],
            IllegalGains = amounts[3],
            DirectLoss = amounts[4],
            Pieces = counts[0],
            UnsoldPieces = counts[1],
            Marks = counts[2],
            Patents = counts[3],
            PriorPenaltiesWithinTwoYears = counts[4],
            Victims = counts[5],
            MinorInjuries = counts[6],
            SeriousInjuries = counts[7],
            Deaths = counts[8],
        });

    [Fact]
    public void OnePassTest_LetsThroughExactlyTheFactsNoFieldCheckRefuses()
    {
        Facts.Sample(f =>
        {
            ImmutableArray<RuleError>.Builder? errors = null;
            CriminalReferral.CheckEachField(f, AsOf, ref errors);
            var refused = errors is { Count: > 0 };
            Assert.True(CriminalReferral.IsPlainlyValid(f, AsOf) != refused, $"{f}: one pass {(refused ? "lets through" : "refuses")} what the field checks {(refused ? "refuse: " + errors![0].Code : "accept")}");
        }, iter: 20_000);
    }

    [Fact]
    public void OnePassTest_SendsEachKindOfBadFieldToTheFieldChecks()
    {
        // Fixed witnesses beside the random ones: one bad field at a time, each at the first invalid value.
        var valid = new ReferralFacts { Offence = CriminalOffence.ShoddyProducts, ActDate = AsOf, Sales = Money.FromYuan(60_000m) };
        Assert.True(CriminalReferral.IsPlainlyValid(valid, AsOf));
        ReferralFacts[] bad =
        [
            valid with { Offence = (CriminalOffence)149 },
            valid with { Offender = (OffenderKind)2 },
            valid with { Category = (ProductCategory)8 },
            valid with { Harm = (HarmFacts)128 },
            valid with { ServiceMark = true, Category = ProductCategory.Food },
            valid with { ActDate = default },
            valid with { ActDate = AsOf.PlusDays(1) },
            valid with { Sales = Money.FromFen(MaxFen + 1) },
            valid with { DirectLoss = Money.FromFen(-1) },
            valid with { Deaths = -1 },
            valid with { Pieces = int.MinValue },
        ];
        foreach (var f in bad)
        {
            Assert.False(CriminalReferral.IsPlainlyValid(f, AsOf), f.ToString());
            ImmutableArray<RuleError>.Builder? errors = null;
            CriminalReferral.CheckEachField(f, AsOf, ref errors);
            Assert.NotNull(errors);
            Assert.NotEmpty(errors);
        }
    }
}
