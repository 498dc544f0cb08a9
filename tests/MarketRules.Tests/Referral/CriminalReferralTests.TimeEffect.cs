using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

// Criminal Law Art 12 (从旧兼从轻) across every member of the decision that reports it: which law applies, whether the
// change is reported, and what the later law would say. Each case is a change of law the catalogue holds; mutation
// testing (issue 18) showed these members were asserted one at a time, in other cases, or not at all.
public partial class CriminalReferralTests
{
    private static readonly LocalDate ActOf2020 = new(2020, 6, 1);

    // 《立案追诉标准（一）》(2010) 第七十条 and the 2011 opinions: unsold goods worth 150,000 yuan are an attempt (未遂) of
    // Art 214. 法释〔2025〕5号 Art 5(2)(iii) makes the same value a completed offence (其他严重情节). The later law is not
    // lighter, so the act's law stays — an attempt — and the decision reports that today's law answers differently.
    [Fact]
    public void Art214UnsoldGoods_AttemptIn2020_CompletedUnderThe2025Interpretation_ActsLawStaysAndTheChangeIsReported()
    {
        var facts = Facts(CriminalOffence.SellingCounterfeitMarkGoods, ActOf2020, "", "unsold", 200_000m);

        var onTheDay = Decide(facts, ActOf2020);
        Assert.True(onTheDay.IsAttempt);
        Assert.False(onTheDay.LawChanged);

        var today = Decide(facts, Today);
        Assert.True(today.Refer);
        Assert.True(today.IsAttempt);
        Assert.Equal(SentencingBand.Base, today.Band);
        Assert.False(today.LaterLawLighter);
        Assert.True(today.LawChanged);
        Assert.True(today.ReferUnderCurrentLaw);
        Assert.False(today.LaterLawMoreLenient);
        Assert.Equal(new LocalDate(2010, 5, 7), today.LawFrom);
        // The explanation says so and shows today's check of the unsold goods beside the act's.
        var report = Referral.Explain(facts, Today).GetValueOrThrow();
        Assert.Contains(report.Explanation.Reasons, r => r.Code == "MR.Referral.LawChanged");
        Assert.Contains(report.Checks, c => c.Threshold == ReferralThreshold.Art214Unsold && c.Met);
        var todays = Assert.Single(report.CurrentLawChecks, c => c.Threshold == ReferralThreshold.Art214Unsold);
        Assert.True(todays.Met);
        Assert.Equal("法释〔2025〕5号", todays.Value.Citation.DocumentNumber);

        // The same goods held after 2025-04-26: a completed offence.
        var after = new LocalDate(2025, 5, 1);
        var completed = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, after, "", "unsold", 200_000m), Today);
        Assert.True(completed.Refer);
        Assert.False(completed.IsAttempt);
    }

    // A completed offence absorbs the attempt: sales of 60,000 yuan (completed) and unsold goods of 200,000 (attempt)
    // under the 2010 standards are one completed Art 214 offence, not an attempt.
    [Fact]
    public void Art214SoldAndUnsold_BothReached_ACompletedOffenceNotAnAttempt()
    {
        var decision = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, ActOf2020, "sales=60000", "unsold", 200_000m), ActOf2020);
        Assert.True(decision.Refer);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art214Sales));
        Assert.True(decision.HasTriggered(ReferralThreshold.Art214Unsold));
        Assert.False(decision.IsAttempt);
    }

    // The same answer but other thresholds: sales of 60,000 yuan were Art 214's threshold in 2020; today illegal gains of
    // 40,000 (法释〔2025〕5号: 30,000) reach one as well. Base band under both, so the act's law stays; the change of the
    // thresholds reached is reported. The triggered thresholds are those of the act's law.
    [Fact]
    public void Art214_SameBandButMoreThresholdsReachedToday_TheChangeIsReported()
    {
        var decision = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, ActOf2020, "sales=60000", "gains", 40_000m), Today);
        Assert.True(decision.Refer);
        Assert.Equal(SentencingBand.Base, decision.Band);
        Assert.False(decision.LaterLawLighter);
        Assert.True(decision.LawChanged);
        Assert.True(decision.HasTriggered(ReferralThreshold.Art214Sales));
        Assert.False(decision.HasTriggered(ReferralThreshold.Art214Gains));
    }

    // A change of law that gives the facts the same answer is not reported: an Art 213 volume of 100,000 yuan in 2024 is
    // the basic band under 法释〔2004〕19号 and under 法释〔2025〕5号 alike, by the same threshold.
    [Fact]
    public void Art213_SameAnswerUnderBothInterpretations_NoChangeReported()
    {
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2024, 6, 1), "", "volume", 100_000m), Today);
        Assert.True(decision.Refer);
        Assert.False(decision.LawChanged);
        Assert.False(decision.LaterLawLighter);
        Assert.False(decision.LaterLawMoreLenient);
        Assert.True(decision.ReferUnderCurrentLaw);
    }

    // Gains of 40,000 yuan alone were no Art 214 threshold in 2020 (only sales were); today they are. The later law is
    // harsher and does not reach back: no referral, the change reported, and nothing more lenient about it.
    [Fact]
    public void Art214GainsOnlyIn2020_CrimeOnlyUnderTodaysLaw_NotReferredAndNotMoreLenient()
    {
        var decision = Decide(Facts(CriminalOffence.SellingCounterfeitMarkGoods, ActOf2020, "", "gains", 40_000m), Today);
        Assert.False(decision.Refer);
        Assert.Equal(SentencingBand.None, decision.Band);
        Assert.True(decision.LawChanged);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.False(decision.LaterLawMoreLenient);
        Assert.False(decision.LaterLawLighter);
        Assert.Equal(OffenceElement.None, decision.MissingElement);
    }

    // The later law no longer makes it a crime (Art 222: the 2022 standard dropped one consumer's loss of 50,000 yuan):
    // more lenient, so it applies — no referral, no band, no lighter provision, and no element missing (a threshold is).
    [Fact]
    public void Art222ConsumerLoss_LaterLawNoLongerACrime_EveryMemberSaysSo()
    {
        var decision = Decide(Facts(CriminalOffence.FalseAdvertising, new LocalDate(2021, 6, 1), "victims=1", "loss", 60_000m), Today);
        Assert.False(decision.Refer);
        Assert.Equal(SentencingBand.None, decision.Band);
        Assert.True(decision.LawChanged);
        Assert.False(decision.ReferUnderCurrentLaw);
        Assert.True(decision.LaterLawMoreLenient);
        Assert.False(decision.LaterLawLighter);
        Assert.False(decision.IsAttempt);
        Assert.Equal(OffenceElement.None, decision.MissingElement);
        Assert.Equal(CriminalOffence.Unspecified, decision.LighterOffence);
        Assert.Equal(SentencingBand.None, decision.LighterBand);
    }

    // The later law is lighter (Art 213, 300,000 yuan: 情节特别严重 under 法释〔2004〕19号, the basic band under
    // 法释〔2025〕5号): it applies, and the decision reports the change but not a law that no longer punishes.
    [Fact]
    public void Art213LaterLawLighter_ChangeReportedAsLighterNotAsNoLongerACrime()
    {
        var decision = Decide(Facts(CriminalOffence.CounterfeitRegisteredMark, new LocalDate(2024, 6, 1), "", "volume", 300_000m), Today);
        Assert.True(decision.LaterLawLighter);
        Assert.True(decision.LawChanged);
        Assert.False(decision.LaterLawMoreLenient);
        Assert.True(decision.ReferUnderCurrentLaw);
        Assert.Equal(CriminalOffence.CounterfeitRegisteredMark, decision.Offence);
        Assert.False(decision.IsAttempt);
        Assert.Equal(OffenceElement.None, decision.MissingElement);
        Assert.Equal(CriminalOffence.Unspecified, decision.LighterOffence);
    }
}
