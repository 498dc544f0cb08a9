using System.Globalization;
using MarketRules.Parameters;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

public partial class CriminalReferralTests
{
    // Each row: the threshold, the offence, the act date, the fact set to the value, the value as the law writes it
    // (checked by hand against domain-rules.md §4.2; 以上 includes the number), and the other facts of the case.
    public static TheoryData<ReferralThreshold, CriminalOffence, string, string, decimal, string> Boundaries => new()
    {
        // Art 140 (1997 Criminal Law; 2001 interpretation Art 2; 2008 standard Art 16).
        { ReferralThreshold.Art140Sales, CriminalOffence.ShoddyProducts, "2019-06-01", "sales", 50_000m, "" },
        { ReferralThreshold.Art140Unsold, CriminalOffence.ShoddyProducts, "2019-06-01", "unsold", 150_000m, "" },
        { ReferralThreshold.Art140Unsold, CriminalOffence.ShoddyProducts, "2002-01-01", "unsold", 150_000m, "" },
        { ReferralThreshold.Art140Combined, CriminalOffence.ShoddyProducts, "2019-06-01", "unsold", 30_000m, "sales=40000" },
        { ReferralThreshold.Art140SecondBand, CriminalOffence.ShoddyProducts, "2019-06-01", "sales", 200_000m, "" },
        { ReferralThreshold.Art140ThirdBand, CriminalOffence.ShoddyProducts, "2019-06-01", "sales", 500_000m, "" },
        { ReferralThreshold.Art140FourthBand, CriminalOffence.ShoddyProducts, "2019-06-01", "sales", 2_000_000m, "" },
        // Arts 143–147 (food-safety interpretation 2021; 2001 interpretation Arts 6–7; 2008 standard Art 22).
        { ReferralThreshold.Art143SeriousSales, CriminalOffence.UnsafeFood, "2023-06-01", "sales", 200_000m, "harm=1" },
        { ReferralThreshold.Art143SeriousSalesAggravated, CriminalOffence.UnsafeFood, "2023-06-01", "sales", 100_000m, "harm=5" },
        { ReferralThreshold.Art144SeriousSales, CriminalOffence.ToxicFood, "2023-06-01", "sales", 200_000m, "" },
        { ReferralThreshold.Art144SeriousSalesAggravated, CriminalOffence.ToxicFood, "2023-06-01", "sales", 100_000m, "harm=4" },
        { ReferralThreshold.Art144EspeciallySeriousSales, CriminalOffence.ToxicFood, "2023-06-01", "sales", 500_000m, "" },
        { ReferralThreshold.Art145EspeciallySeriousMinorInjuries, CriminalOffence.SubstandardMedicalDevices, "2019-06-01", "minor", 3m, "" },
        { ReferralThreshold.Art146DirectLoss, CriminalOffence.UnsafeProducts, "2019-06-01", "loss", 100_000m, "" },
        { ReferralThreshold.Art147Loss, CriminalOffence.ShoddyAgriculturalInputs, "2019-06-01", "loss", 20_000m, "" },
        { ReferralThreshold.Art147HeavyLoss, CriminalOffence.ShoddyAgriculturalInputs, "2019-06-01", "loss", 100_000m, "" },
        { ReferralThreshold.Art147EspeciallyHeavyLoss, CriminalOffence.ShoddyAgriculturalInputs, "2019-06-01", "loss", 500_000m, "" },
        // Art 213 (2004 interpretation Art 1; 2025 interpretation Art 3).
        { ReferralThreshold.Art213Volume, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "volume", 50_000m, "" },
        { ReferralThreshold.Art213Gains, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "gains", 30_000m, "" },
        { ReferralThreshold.Art213MultiVolume, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "volume", 30_000m, "marks=2" },
        { ReferralThreshold.Art213MultiGains, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "gains", 20_000m, "marks=3" },
        { ReferralThreshold.Art213Volume, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "volume", 50_000m, "" },
        { ReferralThreshold.Art213Gains, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "gains", 30_000m, "" },
        { ReferralThreshold.Art213MultiVolume, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "volume", 30_000m, "marks=2" },
        { ReferralThreshold.Art213MultiGains, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "gains", 20_000m, "prior=1" },
        { ReferralThreshold.Art213ServiceGains, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "gains", 50_000m, "service" },
        { ReferralThreshold.Art213ServiceMultiGains, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "gains", 30_000m, "service;marks=2" },
        { ReferralThreshold.Art213EspeciallySeriousVolume, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "volume", 250_000m, "" },
        { ReferralThreshold.Art213EspeciallySeriousGains, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "gains", 150_000m, "" },
        { ReferralThreshold.Art213EspeciallySeriousMultiVolume, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "volume", 150_000m, "marks=2" },
        { ReferralThreshold.Art213EspeciallySeriousMultiGains, CriminalOffence.CounterfeitRegisteredMark, "2019-06-01", "gains", 100_000m, "marks=2" },
        { ReferralThreshold.Art213EspeciallySeriousVolume, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "volume", 500_000m, "" },
        { ReferralThreshold.Art213EspeciallySeriousGains, CriminalOffence.CounterfeitRegisteredMark, "2025-06-01", "gains", 300_000m, "" },
        // Art 214 (2004 interpretation Art 2; 2010 standard Art 70; Amendment XI; 2025 interpretation Art 5).
        { ReferralThreshold.Art214Sales, CriminalOffence.SellingCounterfeitMarkGoods, "2019-06-01", "sales", 50_000m, "" },
        { ReferralThreshold.Art214Unsold, CriminalOffence.SellingCounterfeitMarkGoods, "2019-06-01", "unsold", 150_000m, "" },
        { ReferralThreshold.Art214SalesPlusUnsold, CriminalOffence.SellingCounterfeitMarkGoods, "2019-06-01", "unsold", 110_000m, "sales=40000" },
        { ReferralThreshold.Art214Sales, CriminalOffence.SellingCounterfeitMarkGoods, "2021-06-01", "sales", 50_000m, "" },
        { ReferralThreshold.Art214HugeSales, CriminalOffence.SellingCounterfeitMarkGoods, "2019-06-01", "sales", 250_000m, "" },
        { ReferralThreshold.Art214Gains, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "gains", 30_000m, "" },
        { ReferralThreshold.Art214Sales, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "sales", 50_000m, "" },
        { ReferralThreshold.Art214Unsold, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "unsold", 150_000m, "" },
        { ReferralThreshold.Art214SalesPlusUnsold, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "unsold", 110_000m, "sales=40000" },
        { ReferralThreshold.Art214RepeatGains, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "gains", 20_000m, "prior=1" },
        { ReferralThreshold.Art214RepeatSales, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "sales", 30_000m, "prior=1" },
        { ReferralThreshold.Art214RepeatUnsold, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "unsold", 90_000m, "prior=1" },
        { ReferralThreshold.Art214HugeSales, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "sales", 500_000m, "" },
        { ReferralThreshold.Art214HugeGains, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "gains", 300_000m, "" },
        { ReferralThreshold.Art214HugeUnsold, CriminalOffence.SellingCounterfeitMarkGoods, "2025-06-01", "unsold", 1_500_000m, "" },
        // Art 215 (2004 interpretation Art 3; 2011 opinions Art 9; 2025 interpretation Art 6).
        { ReferralThreshold.Art215Pieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "pieces", 20_000m, "" },
        { ReferralThreshold.Art215Volume, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "volume", 50_000m, "" },
        { ReferralThreshold.Art215Gains, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "gains", 30_000m, "" },
        { ReferralThreshold.Art215MultiPieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "pieces", 10_000m, "marks=2" },
        { ReferralThreshold.Art215MultiVolume, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "volume", 30_000m, "marks=2" },
        { ReferralThreshold.Art215MultiGains, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "gains", 20_000m, "marks=2" },
        { ReferralThreshold.Art215UnsoldPieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "unsoldPieces", 60_000m, "" },
        { ReferralThreshold.Art215MultiUnsoldPieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "unsoldPieces", 30_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousPieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "pieces", 100_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousVolume, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "volume", 250_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousGains, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "gains", 150_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousMultiPieces, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "pieces", 50_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousMultiVolume, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "volume", 150_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousMultiGains, CriminalOffence.CounterfeitMarkLabels, "2019-06-01", "gains", 100_000m, "marks=2" },
        { ReferralThreshold.Art215Pieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "pieces", 10_000m, "" },
        { ReferralThreshold.Art215Volume, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "volume", 30_000m, "" },
        { ReferralThreshold.Art215Gains, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "gains", 20_000m, "" },
        { ReferralThreshold.Art215MultiPieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "pieces", 5_000m, "marks=2" },
        { ReferralThreshold.Art215MultiVolume, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "volume", 20_000m, "prior=1" },
        { ReferralThreshold.Art215MultiGains, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "gains", 10_000m, "marks=2" },
        { ReferralThreshold.Art215UnsoldPieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "unsoldPieces", 30_000m, "" },
        { ReferralThreshold.Art215MultiUnsoldPieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "unsoldPieces", 15_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousPieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "pieces", 50_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousVolume, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "volume", 150_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousGains, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "gains", 100_000m, "" },
        { ReferralThreshold.Art215EspeciallySeriousMultiPieces, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "pieces", 25_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousMultiVolume, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "volume", 100_000m, "marks=2" },
        { ReferralThreshold.Art215EspeciallySeriousMultiGains, CriminalOffence.CounterfeitMarkLabels, "2025-06-01", "gains", 50_000m, "marks=2" },
        // Art 216 (2004 interpretation Art 4; 2025 interpretation Art 10).
        { ReferralThreshold.Art216Volume, CriminalOffence.PassingOffPatents, "2019-06-01", "volume", 200_000m, "" },
        { ReferralThreshold.Art216Gains, CriminalOffence.PassingOffPatents, "2019-06-01", "gains", 100_000m, "" },
        { ReferralThreshold.Art216DirectLoss, CriminalOffence.PassingOffPatents, "2019-06-01", "loss", 500_000m, "" },
        { ReferralThreshold.Art216MultiVolume, CriminalOffence.PassingOffPatents, "2019-06-01", "volume", 100_000m, "patents=2" },
        { ReferralThreshold.Art216MultiGains, CriminalOffence.PassingOffPatents, "2019-06-01", "gains", 50_000m, "patents=2" },
        { ReferralThreshold.Art216DirectLoss, CriminalOffence.PassingOffPatents, "2025-06-01", "loss", 300_000m, "" },
        { ReferralThreshold.Art216MultiVolume, CriminalOffence.PassingOffPatents, "2025-06-01", "volume", 100_000m, "prior=1" },
        { ReferralThreshold.Art216MultiGains, CriminalOffence.PassingOffPatents, "2025-06-01", "gains", 50_000m, "patents=2" },
        // Art 222 (2010 standard Art 75; 2022 standard Art 67).
        { ReferralThreshold.Art222Gains, CriminalOffence.FalseAdvertising, "2019-06-01", "gains", 100_000m, "" },
        { ReferralThreshold.Art222EmergencyGains, CriminalOffence.FalseAdvertising, "2019-06-01", "gains", 30_000m, "emergency" },
        { ReferralThreshold.Art222SingleConsumerLoss, CriminalOffence.FalseAdvertising, "2019-06-01", "loss", 50_000m, "victims=1" },
        { ReferralThreshold.Art222ConsumersLoss, CriminalOffence.FalseAdvertising, "2019-06-01", "loss", 200_000m, "victims=5" },
        { ReferralThreshold.Art222PriorPenalties, CriminalOffence.FalseAdvertising, "2019-06-01", "prior", 2m, "" },
        { ReferralThreshold.Art222Gains, CriminalOffence.FalseAdvertising, "2023-06-01", "gains", 100_000m, "" },
        { ReferralThreshold.Art222FoodOrDrugGains, CriminalOffence.FalseAdvertising, "2023-06-01", "gains", 30_000m, "food" },
        { ReferralThreshold.Art222EmergencyGains, CriminalOffence.FalseAdvertising, "2023-06-01", "gains", 30_000m, "emergency" },
        { ReferralThreshold.Art222PriorPenalties, CriminalOffence.FalseAdvertising, "2023-06-01", "prior", 2m, "" },
        // Art 225, food (food-safety interpretation 2021 Arts 16–18).
        { ReferralThreshold.Art225Volume, CriminalOffence.IllegalFoodBusiness, "2023-06-01", "volume", 100_000m, "" },
        { ReferralThreshold.Art225Gains, CriminalOffence.IllegalFoodBusiness, "2023-06-01", "gains", 50_000m, "" },
        { ReferralThreshold.Art225EspeciallySeriousVolume, CriminalOffence.IllegalFoodBusiness, "2023-06-01", "volume", 500_000m, "" },
        { ReferralThreshold.Art225EspeciallySeriousGains, CriminalOffence.IllegalFoodBusiness, "2023-06-01", "gains", 250_000m, "" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Decide_ExactlyAtThreshold_Reaches_AndOneFenBelow_DoesNot(ReferralThreshold threshold, CriminalOffence offence, string date, string field, decimal value, string extra)
    {
        var actDate = LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture));
        var isMoney = ReferralParameters.Of(threshold).Unit == ParameterUnit.Yuan;
        var below = value - (isMoney ? 0.01m : 1m);
        var at = Decide(Facts(offence, actDate, extra, field, value), actDate);
        var under = Decide(Facts(offence, actDate, extra, field, below), actDate);

        if (IsBand(threshold))
        {
            var band = BandOf(threshold);
            Assert.True(at.Refer);
            Assert.True(at.Band >= band, $"{threshold} at {value}: band {at.Band}, expected {band}");
            Assert.True(under.Band < band, $"{threshold} at {below}: band {under.Band}, expected below {band}");
        }
        else
        {
            Assert.True(at.Refer, $"{threshold} at {value} should refer");
            Assert.True(at.HasTriggered(threshold), $"{threshold} at {value} should trigger");
            Assert.False(under.HasTriggered(threshold), $"{threshold} at {below} should not trigger");
            Assert.False(under.Refer, $"{threshold} at {below} should not refer");
            Assert.Equal(threshold, under.NearestMiss);
            Assert.Equal(isMoney ? 0.01m : 1m, under.Shortfall);
        }
    }

    [Fact]
    public void Boundaries_CoverEveryAmountAndCountThreshold()
    {
        var covered = Boundaries.Select(row => (ReferralThreshold)row[0]).ToHashSet();
        var missing = Enum.GetValues<ReferralThreshold>()
            .Where(t => ReferralParameters.Of(t).Unit is ParameterUnit.Yuan or ParameterUnit.Count)
            .Where(t => !covered.Contains(t))
            .ToList();
        Assert.Empty(missing);
    }

    private static bool IsBand(ReferralThreshold t) => t.ToString() is var n &&
        (n.Contains("Band", StringComparison.Ordinal) || n.Contains("EspeciallySerious", StringComparison.Ordinal) || n.Contains("Huge", StringComparison.Ordinal)
         || n.Contains("HeavyLoss", StringComparison.Ordinal) || n.StartsWith("Art143", StringComparison.Ordinal) || n.StartsWith("Art144", StringComparison.Ordinal));

    private static SentencingBand BandOf(ReferralThreshold t) => t switch
    {
        ReferralThreshold.Art140SecondBand or ReferralThreshold.Art147HeavyLoss => SentencingBand.Aggravated,
        ReferralThreshold.Art143SeriousSales or ReferralThreshold.Art143SeriousSalesAggravated => SentencingBand.Aggravated,
        ReferralThreshold.Art144SeriousSales or ReferralThreshold.Art144SeriousSalesAggravated => SentencingBand.Aggravated,
        ReferralThreshold.Art140FourthBand => SentencingBand.Gravest,
        _ => SentencingBand.EspeciallySerious,
    };
}
