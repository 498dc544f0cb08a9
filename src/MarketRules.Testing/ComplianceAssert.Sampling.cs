using System.Globalization;
using MarketRules.Credit;
using MarketRules.Sampling;

namespace MarketRules.Testing;

// Sampling: double-random inspections (双随机、一公开) — the annual coverage target (SAMR 2019 plan §六(三), REQ), the
// ratios by credit-risk class (国市监信发〔2022〕6号 and the provincial working rules) and a draw anyone can recompute from
// the published roster and the seed announced in advance (国办发〔2015〕58号 §二(二)).
public static partial class ComplianceAssert
{
    private const string SamplingRuleId = "sampling.plan/1";

    /// <summary>国办发〔2015〕58号 §二(二): entities drawn at random (摇号等方式) from the published directory (domain-rules §1.1).</summary>
    private static readonly Citation RandomDrawCitation = new(
        new LocalizedText("国务院办公厅关于推广随机抽查规范事中事后监管的通知", "General Office of the State Council notice on promoting random inspections"),
        new LocalizedText("第二部分第（二）项", "Part II (2)"),
        VerificationStatus.VerifiedSecondary)
    {
        DocumentNumber = "国办发〔2015〕58号",
        InForceFrom = new LocalDate(2015, 7, 29),
        Source = "gov.cn big5 mirror (opening) + Xinhua report, zqb.cyol.com 2015-08-06 (domain-rules.md row 1.1)",
        Note = "\"建立随机抽取检查对象、随机选派执法检查人员的“双随机”抽查机制…通过摇号等方式\". That the seed is announced in advance and the draw recomputable is the project's requirement (docs/sampling.md).",
    };

    /// <summary>
    /// Checks that a sampling plan reaches the annual coverage target (selected ≥ the coverage times the active
    /// enterprises, rounded up) and every stratum's class ratio: each stratum selects at least its recorded quota, at
    /// least its class ratio times its active enterprises (rounded up, capped by the entities that may be drawn), and
    /// every mandatory entity.
    /// </summary>
    /// <param name="receipt">The receipt the system published (e.g. from <see cref="DoubleRandomSampler.Plan"/> or <see cref="SamplingReceipt.FromJson(string)"/>).</param>
    /// <param name="required">
    /// The working rules in force (e.g. from <see cref="SamplingPolicy.Resolve"/>); <see langword="null"/> to hold the plan to the rules its
    /// receipt names — pass them to catch a system that drew under a lower target than the law sets.
    /// </param>
    /// <exception cref="ComplianceException">Thrown when the coverage target or a stratum's ratio or mandatory inclusions are not met.</exception>
    public static void CoverageMet(SamplingReceipt receipt, SamplingPolicy? required = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var policy = required ?? receipt.Policy;
        var target = (int)decimal.Ceiling(policy.AnnualCoverage * receipt.Active);
        if (receipt.SelectedCount < target)
        {
            throw new ComplianceException(SamplingRuleId, SamplingParameters.Samr2019Plan,
                $"at least {target} selected ({Percent(policy.AnnualCoverage)} of {receipt.Active} active enterprises, rounded up)",
                $"{receipt.SelectedCount} selected (coverage {Percent(receipt.RealisedCoverage)})",
                "The plan does not reach the annual coverage target.");
        }
        foreach (var stratum in receipt.Strata)
        {
            var ratio = Math.Min(1m, policy.RatioOf(stratum.Stratum.Tier));
            var byRatio = (int)Math.Min(stratum.Population, decimal.Ceiling(stratum.Active * ratio));
            var minimum = Math.Max(Math.Max(byRatio, stratum.Mandatory), stratum.Quota);
            if (stratum.Selected.Length < minimum)
            {
                throw new ComplianceException(SamplingRuleId, CreditCitations.RiskClassification,
                    $"stratum {stratum.Stratum}: at least {minimum} selected (class {stratum.Stratum.Tier} ratio {Percent(ratio)} of {stratum.Active} active, "
                    + $"at most the {stratum.Population} drawable; {stratum.Mandatory} mandatory; quota {stratum.Quota})",
                    $"{stratum.Selected.Length} selected (ratio {Percent(stratum.RealisedRatio)})",
                    "A stratum's quota under its credit-risk class ratio is not met.");
            }
            var mandatory = stratum.Selected.Count(e => e.Mandatory);
            if (mandatory < stratum.Mandatory)
            {
                throw new ComplianceException(SamplingRuleId, CreditCitations.RiskClassification,
                    $"stratum {stratum.Stratum}: all {stratum.Mandatory} mandatory entities selected",
                    $"{mandatory} mandatory entities selected",
                    "A stratum leaves out entities the working rules always include.");
            }
        }
    }

    /// <summary>
    /// Checks that a draw used the seed announced in advance and can be recomputed bit for bit from the published roster:
    /// the receipt's seed equals <paramref name="announcedSeed"/>, and <see cref="DoubleRandomSampler.Verify"/> finds no
    /// difference (roster hash, prefix, quotas, every selected entity and its rank).
    /// </summary>
    /// <param name="receipt">The receipt the system published.</param>
    /// <param name="announcedSeed">The seed bytes announced before the draw (e.g. the lottery result).</param>
    /// <param name="roster">The published roster; enumerated twice.</param>
    /// <exception cref="ComplianceException">Thrown when the seed differs or the receipt does not verify against the roster.</exception>
    public static void UsedPublishedSeed(SamplingReceipt receipt, ReadOnlySpan<byte> announcedSeed, IEnumerable<EntityRecord> roster)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(roster);
        var announced = Convert.ToHexStringLower(announcedSeed);
        if (!string.Equals(receipt.Seed, announced, StringComparison.OrdinalIgnoreCase))
        {
            throw new ComplianceException(SamplingRuleId, RandomDrawCitation, $"seed {announced} (announced in advance)", $"seed {receipt.Seed}",
                "The draw did not use the published seed.");
        }
        var verification = DoubleRandomSampler.Verify(receipt, roster);
        if (!verification.IsVerified)
        {
            var differences = string.Join("; ", verification.Differences.Take(3).Select(d => $"{d.Path}: {d.Message.English}"))
                + (verification.Differences.Length > 3 ? $"; … {verification.Differences.Length - 3} more" : "");
            throw new ComplianceException(SamplingRuleId, RandomDrawCitation,
                "the receipt recomputed bit for bit from the published roster and seed", differences,
                "The receipt does not verify against the published roster.");
        }
    }

    private static string Percent(decimal ratio) => (ratio * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
