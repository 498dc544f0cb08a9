using System.Collections.Immutable;
using System.Globalization;
using MarketRules.Parameters;

namespace MarketRules.Referral;

/// <summary>One threshold measured against the facts.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Role">What reaching it means.</param>
/// <param name="Actual">The facts' amount or count, in the threshold's unit (yuan or pieces).</param>
/// <param name="Required">The threshold as applied (after the unit multiplier).</param>
/// <param name="Met">Whether <paramref name="Actual"/> reaches <paramref name="Required"/> (以上 includes the number).</param>
/// <param name="Multiplier">The multiplier applied to the catalogue value (3 for units before 2007-04-05, else 1).</param>
/// <param name="Value">The catalogue value used, with its dates and citation.</param>
public sealed record ThresholdCheck(ReferralThreshold Threshold, CheckRole Role, decimal Actual, decimal Required, bool Met, long Multiplier, ParameterValue Value)
{
    /// <summary>How far above (positive or zero) or below (negative) the threshold the facts are.</summary>
    public decimal Difference => Actual - Required;
}

/// <summary>A referral decision with every check, citation and reason: what an officer files with the transfer.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ReferralReport
{
    private ReferralReport(ReferralFacts facts, ReferralDecision decision, ImmutableArray<ThresholdCheck> checks, ImmutableArray<ThresholdCheck> currentLawChecks, Explanation explanation)
    {
        Facts = facts;
        Decision = decision;
        Checks = checks;
        CurrentLawChecks = currentLawChecks;
        Explanation = explanation;
    }

    /// <summary>The facts decided on.</summary>
    public ReferralFacts Facts { get; }

    /// <summary>The decision.</summary>
    public ReferralDecision Decision { get; }

    /// <summary>The thresholds checked under the law of the act date, in the order checked.</summary>
    public ImmutableArray<ThresholdCheck> Checks { get; }

    /// <summary>The thresholds checked under the law of the decision date, when it differs from the act date's; else empty.</summary>
    public ImmutableArray<ThresholdCheck> CurrentLawChecks { get; }

    /// <summary>The explanation: reasons with citations and the parameter values used.</summary>
    public Explanation Explanation { get; }

    /// <summary>The distinct citations of every check.</summary>
    public ImmutableArray<Citation> Citations => [.. Checks.Concat(CurrentLawChecks).Select(c => c.Value.Citation).Distinct()];

    internal static ReferralReport Create(in ReferralFacts facts, LocalDate asOf, Jurisdiction jurisdiction, ReferralDecision decision,
        ImmutableArray<ThresholdCheck> checks, ImmutableArray<ThresholdCheck> currentLawChecks)
    {
        var builder = new ExplanationBuilder(CriminalReferralRule.RuleId, asOf, jurisdiction.IsNational ? null : jurisdiction.ToString());
        foreach (var check in checks)
        {
            builder.Use(check.Value);
            builder.Add(Describe(check));
        }
        if (decision.Facts != FactTriggers.None)
        {
            builder.Add(ReferralReasons.FactReached.ToReason(null, ("Offence", OffenceLabel(facts.Offence)), ("Facts", decision.Facts.ToString())));
        }
        if (facts.Offence == CriminalOffence.CounterfeitRegisteredMark && facts.ServiceMark && facts.ActDate < new LocalDate(2021, 3, 1))
        {
            builder.Add(ReferralReasons.ServiceMarkNotCovered.ToReason(null, ("Date", new LocalDate(2021, 3, 1))));
        }
        if (decision.LawChanged)
        {
            foreach (var check in currentLawChecks)
            {
                builder.Use(check.Value);
            }
            builder.Add(ReferralReasons.LawChanged.ToReason(null, ("ActDate", facts.ActDate), ("AsOf", asOf),
                ("Today", decision.ReferUnderCurrentLaw ? "refer" : "do not refer")));
            if (decision.LaterLawMoreLenient)
            {
                builder.Add(ReferralReasons.LaterLawMoreLenient.ToReason(CriminalLawArticle12, ("ActDate", facts.ActDate), ("AsOf", asOf)));
            }
            else if (!decision.Refer && decision.ReferUnderCurrentLaw)
            {
                builder.Add(ReferralReasons.LaterLawStricter.ToReason(CriminalLawArticle12, ("ActDate", facts.ActDate), ("AsOf", asOf)));
            }
        }
        builder.Add(decision.Refer
            ? ReferralReasons.Refer.ToReason(TransferDuty, ("Offence", OffenceLabel(decision.Offence)), ("Band", decision.Band.ToString()))
            : ReferralReasons.DoNotRefer.ToReason(null, ("Offence", OffenceLabel(facts.Offence))));
        return new ReferralReport(facts, decision, checks, currentLawChecks, builder.Build(decision.Refer ? "refer" : "do-not-refer"));
    }

    private static Reason Describe(ThresholdCheck check)
    {
        var name = ReferralParameters.Of(check.Threshold).Name.English + (check.Multiplier != 1 ? $" (× {check.Multiplier} for a unit)" : "");
        return check.Met
            ? ReferralReasons.ThresholdReached.ToReason(check.Value.Citation, ("Threshold", name), ("Actual", Format(check, check.Actual)),
                ("Required", Format(check, check.Required)), ("Margin", Format(check, check.Difference)))
            : ReferralReasons.ThresholdMissed.ToReason(check.Value.Citation, ("Threshold", name), ("Actual", Format(check, check.Actual)),
                ("Required", Format(check, check.Required)), ("Shortfall", Format(check, -check.Difference)));
    }

    private static string Format(ThresholdCheck check, decimal value) =>
        check.Value.Unit == ParameterUnit.Yuan ? value.ToString("0.00", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);

    internal static string OffenceLabel(CriminalOffence offence) => "Criminal Law Art " + ((int)offence).ToString(CultureInfo.InvariantCulture);

    private static readonly Citation CriminalLawArticle12 =
        ReferralSources.Cite(ReferralSources.CriminalLaw, "第十二条", "Art. 12", VerificationStatus.VerifiedOfficial, "从旧兼从轻: the law at the time of the act unless the later law is more lenient.");

    private static readonly Citation TransferDuty =
        ReferralSources.Cite(ReferralSources.TransferRegulations, "第三条", "Art. 3", VerificationStatus.VerifiedOfficial, "A penalty may not replace the transfer (Art 11).");
}
