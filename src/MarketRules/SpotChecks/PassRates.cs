using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using MarketRules.Utility;

namespace MarketRules.SpotChecks;

/// <summary>The counts of one group of batches: how many were sampled and how many conformed.</summary>
/// <param name="Category">The product category (the caller's names, e.g. <c>电线电缆</c>); empty to leave the counts out of the rates by category.</param>
/// <param name="Level">The level of the bureau that checked them, or <see langword="null"/> when the counts mix levels (they are then left out of the rates by level).</param>
/// <param name="Period">The period (the caller's labels, e.g. <c>2017</c> or <c>2017-Q3</c>); empty to leave the counts out of the rates by period.</param>
/// <param name="Sampled">Batches sampled, zero or more.</param>
/// <param name="Conforming">Batches found conforming, at most <paramref name="Sampled"/>.</param>
public sealed record SpotCheckBatchCount(string Category, SpotCheckLevel? Level, string Period, long Sampled, long Conforming)
{
    /// <summary>The pass rate this group's own report prints, in percent (e.g. <c>79.82</c>), to be checked against its counts; <see langword="null"/> when none.</summary>
    public decimal? ReportedPercent { get; init; }
}

/// <summary>
/// A pass rate as an exact fraction of two counts (合格率 = 合格批次 ÷ 抽查批次), reduced, with its percentage rounded
/// half away from zero only for display: 1,444 of 1,808 is 361/452 = 79.87 %.
/// </summary>
/// <param name="Scope">What the rate covers, e.g. <c>category:电线电缆</c> or <c>overall</c>.</param>
/// <param name="Sampled">Batches sampled.</param>
/// <param name="Conforming">Batches conforming.</param>
/// <param name="Numerator">The reduced numerator.</param>
/// <param name="Denominator">The reduced denominator (0 when nothing was sampled).</param>
/// <param name="Percent">The rate in percent at the requested decimals, or <see langword="null"/> when nothing was sampled.</param>
public sealed record PassRate(string Scope, long Sampled, long Conforming, long Numerator, long Denominator, decimal? Percent)
{
    /// <summary>The fraction as text, e.g. <c>361/452</c>.</summary>
    public string Fraction => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}

/// <summary>A reported rate that its own counts do not give.</summary>
/// <param name="Scope">What the rate covers.</param>
/// <param name="ReportedPercent">The rate as reported.</param>
/// <param name="Rate">The exact rate from the counts, at the reported number of decimals.</param>
public sealed record PassRateMismatch(string Scope, decimal ReportedPercent, PassRate Rate);

/// <summary>The output-weighted pass rate (the national method): Σ wᵢ·(cᵢ/sᵢ) ÷ Σ wᵢ over categories, with the caller's weights, exact.</summary>
/// <param name="Fraction">The exact fraction, reduced, e.g. <c>2023/2500</c>.</param>
/// <param name="Percent">The rate in percent at the requested decimals.</param>
public sealed record WeightedPassRate(string Fraction, decimal Percent);

/// <summary>Pass rates by category, level and period, with the rates a report printed that disagree with its counts.</summary>
/// <param name="Overall">All batches.</param>
/// <param name="ByCategory">One rate per category, in order of first appearance.</param>
/// <param name="ByLevel">One rate per level, national first.</param>
/// <param name="ByPeriod">One rate per period, in order of first appearance.</param>
/// <param name="Mismatches">Reported rates their counts do not give.</param>
/// <param name="Weighted">The output-weighted rate, when weights were given.</param>
/// <param name="Explanation">The explanation.</param>
public sealed record PassRateReport(PassRate Overall, ImmutableArray<PassRate> ByCategory, ImmutableArray<PassRate> ByLevel, ImmutableArray<PassRate> ByPeriod,
    ImmutableArray<PassRateMismatch> Mismatches, WeightedPassRate? Weighted, Explanation Explanation);

/// <summary>
/// Computes spot-check pass rates exactly from counts — integer fractions, never floating point — and flags every
/// reported rate its own counts do not give, with both figures.
/// </summary>
public static class PassRates
{
    /// <summary>The rule id of explanations.</summary>
    public const string RuleId = "spotcheck.pass-rate/1";

    /// <summary>The exact rate of one pair of counts.</summary>
    /// <param name="scope">What the rate covers.</param>
    /// <param name="sampled">Batches sampled, zero or more.</param>
    /// <param name="conforming">Batches conforming, from zero to <paramref name="sampled"/>.</param>
    /// <param name="decimals">Decimals of the percentage, 0 to 10.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown (code <c>MR.SpotChecks.InvalidCounts</c>) when the counts are impossible.</exception>
    public static PassRate Of(string scope, long sampled, long conforming, int decimals = 2)
    {
        Preconditions.CheckNotNull(scope);
        if (sampled < 0 || conforming < 0 || conforming > sampled)
        {
            throw new InvalidRuleInputException(SpotCheckErrors.InvalidCounts.Create(null, ("Sampled", sampled), ("Conforming", conforming)));
        }
        CheckDecimals(decimals);
        if (sampled == 0)
        {
            return new PassRate(scope, 0, 0, 0, 0, null);
        }
        var gcd = (long)BigInteger.GreatestCommonDivisor(conforming, sampled);
        return new PassRate(scope, sampled, conforming, conforming / gcd, sampled / gcd, ToPercent(conforming, sampled, decimals));
    }

    /// <summary>Whether a reported percentage follows from a rate's counts: the exact rate, rounded half away from zero to the reported number of decimals, equals it.</summary>
    /// <param name="rate">The exact rate.</param>
    /// <param name="reportedPercent">The printed percentage (its decimals count: <c>79.80</c> has two).</param>
    /// <returns>Whether they agree.</returns>
    public static bool Agrees(PassRate rate, decimal reportedPercent)
    {
        Preconditions.CheckNotNull(rate);
        return rate.Denominator != 0 && ToPercent(rate.Numerator, rate.Denominator, Scale(reportedPercent)) == reportedPercent;
    }

    /// <summary>Rates overall and by category, level and period; reported rates checked; optionally the output-weighted rate.</summary>
    /// <param name="counts">The groups of batches.</param>
    /// <param name="decimals">Decimals of the percentages, 0 to 10 (the fractions are exact whatever this is).</param>
    /// <param name="reportedOverallPercent">The overall rate the report printed, or <see langword="null"/>.</param>
    /// <param name="weights">Output weights by category for the national method, or <see langword="null"/>; every category with counts needs one, and no other.</param>
    /// <param name="asOf">The date recorded in the explanation.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidRuleInputException">Thrown with a coded error when counts, decimals or weights are invalid.</exception>
    public static PassRateReport Compute(IEnumerable<SpotCheckBatchCount> counts, int decimals, decimal? reportedOverallPercent,
        IReadOnlyDictionary<string, decimal>? weights, LocalDate asOf)
    {
        // Read without pattern variables, and the counts as an array counted by Length: a mutation tool that guards each
        // condition would leave a pattern variable unassigned (CS0165), and it turns a `.Count` into a `Sum` that does not
        // compile; either drops the method's mutants unmeasured.
        var list = Preconditions.CheckNotNull(counts).ToArray();
        CheckDecimals(decimals);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        for (var i = 0; i < list.Length; i++)
        {
            var c = Preconditions.CheckNotNull(list[i]);
            if (c.Sampled < 0 || c.Conforming < 0 || c.Conforming > c.Sampled)
            {
                errors.Add(SpotCheckErrors.InvalidCounts.Create($"$.counts[{i}]", ("Sampled", c.Sampled), ("Conforming", c.Conforming)));
            }
            // A lifted comparison with no reported rate is false: nothing to check.
            var r = c.ReportedPercent;
            if (r < 0m || r > 100m)
            {
                errors.Add(SpotCheckErrors.InvalidValue.CreateLocalized($"$.counts[{i}].reportedPercent", ("Value", r, r), ("Detail", "应为0至100之间的百分数", "a percentage from 0 to 100")));
            }
        }
        if (reportedOverallPercent < 0m || reportedOverallPercent > 100m)
        {
            errors.Add(SpotCheckErrors.InvalidValue.CreateLocalized("$.reportedPercent", ("Value", reportedOverallPercent, reportedOverallPercent), ("Detail", "应为0至100之间的百分数", "a percentage from 0 to 100")));
        }
        if (weights is not null)
        {
            var categories = list.Select(c => c.Category).ToHashSet(StringComparer.Ordinal);
            foreach (var (category, weight) in weights)
            {
                if (weight <= 0m)
                {
                    errors.Add(SpotCheckErrors.InvalidValue.CreateLocalized("$.weights", ("Value", weight, weight), ("Detail", "权重应大于0", "a weight is above 0")));
                }
                if (!categories.Contains(category))
                {
                    errors.Add(SpotCheckErrors.WeightsMismatch.Create("$.weights", ("Category", category)));
                }
            }
            foreach (var category in categories.Where(c => !weights.ContainsKey(c)))
            {
                errors.Add(SpotCheckErrors.WeightsMismatch.Create("$.weights", ("Category", category)));
            }
        }
        var rejected = errors.ToImmutable();
        if (!rejected.IsEmpty)
        {
            throw new InvalidRuleInputException(rejected);
        }

        var builder = new ExplanationBuilder(RuleId, asOf);
        var overall = Sum("overall", list, decimals);
        var byCategory = list.Where(c => c.Category.Length > 0).GroupBy(c => c.Category, StringComparer.Ordinal).Select(g => Sum("category:" + g.Key, g, decimals)).ToImmutableArray();
        var byLevel = list.Where(c => c.Level is not null).GroupBy(c => c.Level!.Value).OrderBy(g => g.Key).Select(g => Sum("level:" + SpotCheckStateMachine.Kebab(g.Key), g, decimals)).ToImmutableArray();
        var byPeriod = list.Where(c => c.Period.Length > 0).GroupBy(c => c.Period, StringComparer.Ordinal).Select(g => Sum("period:" + g.Key, g, decimals)).ToImmutableArray();
        foreach (var rate in (ImmutableArray<PassRate>)[overall, .. byCategory, .. byLevel, .. byPeriod])
        {
            if (rate.Percent.HasValue)
            {
                var percent = rate.Percent.Value;
                var label = ScopeLabel(rate.Scope);
                builder.Add(SpotCheckReasons.PassRate.ToReasonKeepingEnglish(null, ("Scope", label.Zh, label.En), ("Sampled", rate.Sampled, rate.Sampled),
                    ("Conforming", rate.Conforming, rate.Conforming), ("Fraction", rate.Fraction, rate.Fraction), ("Percent", percent, percent)));
            }
        }

        var mismatches = ImmutableArray.CreateBuilder<PassRateMismatch>();
        if (reportedOverallPercent.HasValue)
        {
            Check("overall", overall.Sampled, overall.Conforming, reportedOverallPercent.Value, mismatches, builder);
        }
        for (var i = 0; i < list.Length; i++)
        {
            var reported = list[i].ReportedPercent;
            if (reported.HasValue)
            {
                Check($"counts[{i}]", list[i].Sampled, list[i].Conforming, reported.Value, mismatches, builder);
            }
        }

        WeightedPassRate? weighted = null;
        if (weights is not null && list.Length > 0)
        {
            // Σ wᵢ·cᵢ/sᵢ ÷ Σ wᵢ with decimal weights as exact fractions (units ÷ 10^scale), in big integers.
            BigInteger numerator = 0, denominator = 1, weightSum = 0, weightScale = 1;
            var scale = byCategory.Max(r => Scale(weights[r.Scope["category:".Length..]]));
            weightScale = BigInteger.Pow(10, scale);
            foreach (var rate in byCategory.Where(r => r.Denominator != 0))
            {
                var w = new BigInteger(weights[rate.Scope["category:".Length..]] * (decimal)weightScale);
                // numerator/denominator + w·n/d
                numerator = numerator * rate.Denominator + w * rate.Numerator * denominator;
                denominator *= rate.Denominator;
                weightSum += w;
                var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
                if (!g.IsZero)
                {
                    numerator /= g;
                    denominator /= g;
                }
            }
            if (!weightSum.IsZero)
            {
                denominator *= weightSum;
                var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
                if (!g.IsZero)
                {
                    numerator /= g;
                    denominator /= g;
                }
                var percent = ToPercent(numerator, denominator, decimals);
                weighted = new WeightedPassRate(string.Create(CultureInfo.InvariantCulture, $"{numerator}/{denominator}"), percent);
                builder.Add(SpotCheckReasons.WeightedPassRate.ToReason(null, ("Fraction", weighted.Fraction), ("Percent", percent)));
            }
        }
        var found = mismatches.ToImmutable();
        var outcome = found.IsEmpty ? "computed" : "reported-rate-mismatch";
        return new PassRateReport(overall, byCategory, byLevel, byPeriod, found, weighted, builder.Build(outcome));
    }

    // The rate of a group: its counts summed (an overflow is refused, not wrapped).
    private static PassRate Sum(string scope, IEnumerable<SpotCheckBatchCount> group, int decimals)
    {
        long sampled = 0, conforming = 0;
        foreach (var c in group)
        {
            sampled = checked(sampled + c.Sampled);
            conforming = checked(conforming + c.Conforming);
        }
        return Of(scope, sampled, conforming, decimals);
    }

    // Compares a printed rate with the exact rate of its counts; a disagreement is recorded with both figures.
    private static void Check(string scope, long sampled, long conforming, decimal reported, ImmutableArray<PassRateMismatch>.Builder mismatches, ExplanationBuilder builder)
    {
        var exact = Of(scope, sampled, conforming, Scale(reported));
        if (!Agrees(exact, reported))
        {
            mismatches.Add(new PassRateMismatch(scope, reported, exact));
            var label = ScopeLabel(scope);
            builder.Add(SpotCheckReasons.ReportedRateMismatch.ToReasonKeepingEnglish(null, ("Scope", label.Zh, label.En), ("Reported", reported, reported),
                ("Conforming", conforming, conforming), ("Sampled", sampled, sampled), ("Fraction", exact.Fraction, exact.Fraction), ("Percent", exact.Percent, exact.Percent)));
        }
    }

    // "overall", "category:X", "level:city", "period:2017", "counts[3]" in each language.
    private static (string Zh, string En) ScopeLabel(string scope)
    {
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        var (kind, value) = colon < 0 ? (scope, "") : (scope[..colon], scope[(colon + 1)..]);
        return kind switch
        {
            "overall" => ("全部批次", "all batches"),
            "category" => ("品类「" + value + "」", "category '" + value + "'"),
            "level" => (SpotCheckLabels.Of(Enum.Parse<SpotCheckLevel>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)).Zh + "抽查",
                SpotCheckLabels.Of(Enum.Parse<SpotCheckLevel>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)).En + " checks"),
            "period" => ("期间「" + value + "」", "period '" + value + "'"),
            _ => ("第 " + scope.Trim('c', 'o', 'u', 'n', 't', 's', '[', ']') + " 组", "group " + scope),
        };
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals < 0 || decimals > 10)
        {
            throw new InvalidRuleInputException(SpotCheckErrors.InvalidValue.CreateLocalized("$.decimals", ("Value", decimals, decimals), ("Detail", "小数位数应为0至10位", "0 to 10 decimals")));
        }
    }

    // The number of decimals a value was written with (79.80 → 2).
    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    // numerator/denominator × 100, rounded half away from zero to the given decimals, in exact integer arithmetic.
    private static decimal ToPercent(BigInteger numerator, BigInteger denominator, int decimals)
    {
        var power = BigInteger.Pow(10, decimals);
        var quotient = BigInteger.DivRem(numerator * 100 * power, denominator, out var remainder);
        if (remainder * 2 >= denominator)
        {
            quotient += 1;
        }
        return decimal.Round((decimal)quotient / (decimal)power, decimals);
    }
}
