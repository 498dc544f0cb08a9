using MarketRules.Credit;
using MarketRules.Parameters;

namespace MarketRules.Testing;

// Credit: publication of penalty information (总局令第45号 Arts. 2, 9, 13, 14), credit repair (国市监信规〔2021〕3号),
// credit-risk classes (国市监信发〔2022〕6号) and local credit certificates.
public static partial class ComplianceAssert
{
    private const string PublicationRuleId = "credit.publication/1";
    private const string TierRuleId = "credit.tier/1";
    private const string CertificateRuleId = "credit.certificate/1";

    /// <summary>
    /// Checks that a system published a penalty decision in time: on or before the last lawful day (20 working days
    /// from the decision, 总局令第45号 Art. 9; 10 + 10 across provinces, Art. 10), and only if it is published at all
    /// (not a warning alone or a summary-procedure decision, Art. 2).
    /// </summary>
    /// <param name="schedule">The decision's schedule, from <see cref="PenaltyPublication.Schedule"/>.</param>
    /// <param name="publishedOn">The day the system published the decision.</param>
    /// <exception cref="ComplianceException">Thrown when the decision must not be published or was published late.</exception>
    public static void PublishedInTime(PublicationSchedule schedule, LocalDate publishedOn)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.Published)
        {
            throw new ComplianceException(PublicationRuleId, CreditCitations.PenaltyPublication,
                "not published (a warning alone or a summary-procedure decision)", $"published on {Format(publishedOn)}",
                "The decision must not be published.");
        }
        if (schedule.PublishBy is { } by && publishedOn > by)
        {
            throw new ComplianceException(PublicationRuleId, CreditCitations.PenaltyPublication,
                $"published on or before {Format(by)}", $"published on {Format(publishedOn)}, {Period.DaysBetween(by, publishedOn)} day(s) late",
                "The decision was published late.");
        }
    }

    /// <summary>
    /// Checks that a system kept a penalty published for as long as the law requires: it may stop no earlier than the
    /// day after <see cref="PublicationSchedule.LastDay"/> (three months or three years from publication, 总局令第45号
    /// Art. 13), unless an early stop was granted (Art. 14(1)) — which is never possible for the measures of Art. 14(3)
    /// nor before repair opens (six months, one year for food, drugs and special equipment).
    /// </summary>
    /// <param name="schedule">The decision's schedule, from <see cref="PenaltyPublication.Schedule"/>.</param>
    /// <param name="stoppedOn">The first day the system no longer showed the decision.</param>
    /// <param name="earlyStop">The granted (or refused) early-stop decision the system acted on, if any.</param>
    /// <exception cref="ComplianceException">Thrown when publication stopped earlier than the law allows.</exception>
    public static void PublicationPeriodRespected(PublicationSchedule schedule, LocalDate stoppedOn, EarlyStopDecision? earlyStop = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.Published || schedule.LastDay is not { } lastDay)
        {
            // Nothing was due: a decision that is not published has no period to respect.
            return;
        }
        var earliest = lastDay.PlusDays(1);
        if (stoppedOn >= earliest)
        {
            return;
        }
        var expected = $"published through {Format(lastDay)}, stopped on or after {Format(earliest)}";
        if (earlyStop is not { Granted: true })
        {
            throw new ComplianceException(PublicationRuleId, CreditCitations.PenaltyPublication, expected,
                $"stopped on {Format(stoppedOn)}, {Period.DaysBetween(stoppedOn, earliest)} day(s) early, without a granted early stop",
                "Publication stopped before the period ran out.");
        }
        if (schedule.RepairFrom is not { } repairFrom)
        {
            throw new ComplianceException(PublicationRuleId, CreditCitations.PenaltyPublication,
                expected + "; this decision may never stop early (Art. 14(3), or only published three months)",
                $"stopped early on {Format(stoppedOn)}",
                "An early stop was applied to a decision that may never stop early.");
        }
        if (stoppedOn < repairFrom)
        {
            throw new ComplianceException(PublicationRuleId, CreditCitations.CreditRepair,
                $"an early stop no earlier than {Format(repairFrom)} (repair opens after the minimum publication)",
                $"stopped on {Format(stoppedOn)}",
                "Publication stopped early before repair was open.");
        }
    }

    /// <summary>Checks that a system put an enterprise in the class a credit-risk policy gives its indicators.</summary>
    /// <param name="indicators">The enterprise's indicator values as of the classification date.</param>
    /// <param name="actual">The class the system assigned.</param>
    /// <param name="policy">The policy; <see langword="null"/> for <see cref="CreditRiskPolicy.Example"/>.</param>
    /// <exception cref="ComplianceException">Thrown when the classes differ.</exception>
    public static void ClassMatches(in CreditIndicators indicators, CreditRiskClass actual, CreditRiskPolicy? policy = null)
    {
        policy ??= CreditRiskPolicy.Example;
        var expected = policy.Classify(in indicators);
        if (expected != actual)
        {
            var score = policy.Score(in indicators);
            var basis = indicators.OnSeriousList ? "serious-violation list → " + policy.SeriousListClass
                : indicators.OnAbnormalList && expected == policy.AbnormalListFloor ? "abnormal list → at least " + policy.AbnormalListFloor
                : $"score {score} (B ≥ {policy.CutB}, C ≥ {policy.CutC}, D ≥ {policy.CutD})";
            throw new ComplianceException(TierRuleId, policy.Citation, $"class {expected} under {policy.Id} ({basis})", $"class {actual}",
                "The enterprise is in the wrong credit-risk class.");
        }
    }

    /// <summary>
    /// Checks a system's decision on a credit certificate (信用证明): it may be issued only when no record of a
    /// blocking tier falls within the look-back, and must not be refused otherwise.
    /// </summary>
    /// <param name="policy">The local tier policy (e.g. <see cref="LocalTierPolicy.HangzhouExample"/>).</param>
    /// <param name="records">The enterprise's records.</param>
    /// <param name="asOf">The date of the request.</param>
    /// <param name="issued">Whether the system issued the certificate.</param>
    /// <param name="law">The law in force (for the look-back); <see langword="null"/> for <see cref="NationalCatalog.Law"/>.</param>
    /// <exception cref="ComplianceException">Thrown when the decision differs from the policy's.</exception>
    /// <exception cref="InvalidRuleInputException">Thrown when the records are invalid for the policy (e.g. an unknown record kind).</exception>
    public static void CertificateDecisionCorrect(LocalTierPolicy policy, IReadOnlyList<LocalCreditRecord> records, LocalDate asOf, bool issued,
        LawContext? law = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(records);
        var check = policy.CheckCertificate(records, asOf, law ?? NationalCatalog.Law).GetValueOrThrow();
        if (check.MayIssue == issued)
        {
            return;
        }
        var blocking = string.Join(", ", check.Blocking.Select(r => $"{r.Kind} of {Format(r.On)}"));
        throw check.MayIssue
            ? new ComplianceException(CertificateRuleId, policy.Citation,
                $"issued: no blocking record since {Format(check.Since)}", "refused", "The certificate was refused although nothing blocks it.")
            : new ComplianceException(CertificateRuleId, policy.Citation,
                $"refused: {blocking} since {Format(check.Since)}", "issued", "The certificate was issued despite a blocking record.");
    }
}
