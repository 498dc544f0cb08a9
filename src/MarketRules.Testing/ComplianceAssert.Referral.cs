using System.Globalization;
using MarketRules.Referral;
using MarketRules.Engine.Rules.Referral;

namespace MarketRules.Testing;

// Referral: transfer of suspected crimes to the police (行政执法机关移送涉嫌犯罪案件的规定 第三条) when the facts reach the
// prosecution thresholds in force (公安部、最高检立案追诉标准), the act date's law unless a later law is more lenient
// (刑法第十二条).
public static partial class ComplianceAssert
{
    private static readonly Lazy<CriminalReferral> NationalReferral = new(() => new CriminalReferral(NationalCatalog.Law));

    /// <summary>
    /// Checks a referral decision a system made (refer to the police or not) against the thresholds in force for the
    /// facts and the decision date, as <see cref="CriminalReferral.Decide"/> applies them.
    /// </summary>
    /// <param name="facts">The facts the system decided on.</param>
    /// <param name="asOf">The date of the system's decision (a later, more lenient law applies from it).</param>
    /// <param name="referred">Whether the system referred the case.</param>
    /// <param name="referral">The thresholds (law in force, jurisdiction); <see langword="null"/> for national law (<see cref="NationalCatalog.Law"/>).</param>
    /// <exception cref="ComplianceException">Thrown when the system's decision differs from the thresholds'.</exception>
    /// <exception cref="InvalidRuleInputException">Thrown when the facts are invalid (coded <see cref="ReferralErrors"/>).</exception>
    public static void ReferralDecisionMatches(in ReferralFacts facts, LocalDate asOf, bool referred, CriminalReferral? referral = null)
    {
        referral ??= NationalReferral.Value;
        var report = referral.Explain(facts, asOf).GetValueOrThrow();
        var decision = report.Decision;
        if (decision.Refer == referred)
        {
            return;
        }
        var lenient = decision.LaterLawMoreLenient ? " under the later, more lenient law (Criminal Law Art. 12)" : "";
        if (decision.Refer)
        {
            var reached = decision.HasDecisiveThreshold ? Check(report, decision.DecisiveThreshold) : null;
            var basis = reached is null
                ? $"facts of harm {decision.Facts}"
                : $"{reached.Threshold} {Amount(reached.Actual)} ≥ {Amount(reached.Required)}";
            throw new ComplianceException(CriminalReferralRule.RuleId, reached?.Value.Citation ?? report.Citations.FirstOrDefault(),
                $"referred: {decision.Offence} {(decision.IsAttempt ? "attempt " : "")}reached ({basis}), law from {Format(decision.LawFrom)}",
                "not referred", "A suspected crime that reaches the prosecution threshold was not transferred to the police.");
        }
        var nearest = decision.HasNearestMiss ? Check(report, decision.NearestMiss) : null;
        var miss = nearest is null
            ? "no threshold reached"
            : $"no threshold reached; nearest {nearest.Threshold} {Amount(nearest.Actual)} < {Amount(nearest.Required)}, {Amount(decision.Shortfall)} short";
        throw new ComplianceException(CriminalReferralRule.RuleId, nearest?.Value.Citation ?? report.Citations.FirstOrDefault(),
            $"not referred: {miss}{lenient}", "referred", "A case below the prosecution thresholds was transferred to the police.");
    }

    private static ThresholdCheck? Check(ReferralReport report, ReferralThreshold threshold) =>
        report.Checks.Concat(report.CurrentLawChecks).FirstOrDefault(c => c.Threshold == threshold);

    private static string Amount(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
