using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// Attempt (未遂) or completed offence (Criminal Law Art 23): goods or labels made but not yet sold (issue 18).
public partial class CriminalReferralTests
{
    // Art 215, unsold labels: 《关于办理侵犯知识产权刑事案件适用法律若干问题的意见》(2011) 第九条 — 60,000 unsold labels
    // (three times 20,000) are an attempt; 法释〔2025〕5号 Art 6 — 30,000 (three times 10,000) are a completed offence.
    [Theory]
    [InlineData("2019-06-01", 60_000, true)]
    [InlineData("2025-06-01", 30_000, false)]
    public void Art215UnsoldLabels_AnAttemptUnderThe2011Opinions_CompletedUnderThe2025Interpretation(string actDate, int unsold, bool attempt)
    {
        var date = Parse(actDate);
        var decision = Decide(Facts(CriminalOffence.CounterfeitMarkLabels, date, "", "unsoldPieces", unsold), date);
        Assert.True(decision.Refer);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art215UnsoldPieces));
        Assert.Equal(attempt, decision.IsAttempt);
    }

    // Labels made and sold, none left unsold: 60,000 pieces reach the completed offence's threshold, and the unsold
    // labels' threshold is not checked at all — there is nothing unsold to count with the sold ones.
    [Fact]
    public void Art215NothingUnsold_TheUnsoldLabelsThresholdIsNotReached()
    {
        var date = new LocalDate(2019, 6, 1);
        var decision = Decide(Facts(CriminalOffence.CounterfeitMarkLabels, date, "", "pieces", 60_000m), date);
        Assert.True(decision.Refer);
        Assert.False(decision.IsAttempt);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art215Pieces));
        Assert.False(decision.HasTriggered(ReferralThreshold.Art215UnsoldPieces));
    }

    // Art 149(1): substandard drugs that harmed no one are not Art 142's crime, so Art 140 decides — and with nothing
    // sold but unsold goods worth 200,000 yuan (three times 50,000), Art 140's attempt.
    [Fact]
    public void Art142WithoutHarm_FallsBackToArt140_AnAttemptWhenNothingWasSold()
    {
        var date = new LocalDate(2019, 6, 1);
        var decision = Decide(Facts(CriminalOffence.SubstandardDrugs, date, "", "unsold", 200_000m), date);
        Assert.True(decision.Refer);
        Assert.Equal(CriminalOffence.ShoddyProducts, decision.Offence);
        Assert.True(decision.Facts.HasFlag(FactTriggers.FallbackToArt140));
        Assert.True(decision.IsAttempt);
        Assert.Equal(SentencingBand.Base, decision.Band);
    }
}
