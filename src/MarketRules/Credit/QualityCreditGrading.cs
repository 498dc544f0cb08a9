using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>Quality credit grade of a food-related-product producer (质量信用等级), A best to D worst.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<QualityCreditGrade>))]
public enum QualityCreditGrade
{
    /// <summary>A — good.</summary>
    A = 0,

    /// <summary>B — fairly good.</summary>
    B = 1,

    /// <summary>C — fair.</summary>
    C = 2,

    /// <summary>D — poor.</summary>
    D = 3,
}

/// <summary>The three inputs of the grading, each 0–100 where higher is better.</summary>
/// <param name="RiskFactors">Score of the producer's risk factors (products, processes, scale).</param>
/// <param name="QualityReputation">Score of its quality reputation (spot checks, complaints, penalties).</param>
/// <param name="OnSiteInspection">Score of the on-site inspection.</param>
public readonly record struct QualityCreditInputs(int RiskFactors, int QualityReputation, int OnSiteInspection);

/// <summary>A grade with its explanation.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="Score">The weighted score, 0–100.</param>
/// <param name="Explanation">Why.</param>
public sealed record QualityCreditResult(QualityCreditGrade Grade, decimal Score, Explanation Explanation);

/// <summary>
/// Quality credit grading of food-related-product producers (食品相关产品生产企业质量信用分级) as a scoring policy:
/// weighted mean of risk factors, quality reputation and on-site inspection, then cut points. No legal text for the
/// grading was found: <see cref="Example"/> is an example policy (status REQ) after the Gongshu 2022 report.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class QualityCreditGradingPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="riskWeight">Weight of risk factors.</param>
    /// <param name="reputationWeight">Weight of quality reputation.</param>
    /// <param name="onSiteWeight">Weight of on-site inspection.</param>
    /// <param name="minimumA">Lowest score of grade A.</param>
    /// <param name="minimumB">Lowest score of grade B.</param>
    /// <param name="minimumC">Lowest score of grade C.</param>
    /// <exception cref="ArgumentException">Thrown when the weights are negative or do not add up to 1, or the cut points are not descending within [0, 100].</exception>
    public QualityCreditGradingPolicy(decimal riskWeight, decimal reputationWeight, decimal onSiteWeight, decimal minimumA, decimal minimumB, decimal minimumC)
    {
        Preconditions.CheckArgument(riskWeight >= 0 && reputationWeight >= 0 && onSiteWeight >= 0 && riskWeight + reputationWeight + onSiteWeight == 1m,
            nameof(riskWeight), "Weights must be non-negative and add up to 1");
        Preconditions.CheckArgument(minimumA <= 100 && minimumA >= minimumB && minimumB >= minimumC && minimumC >= 0, nameof(minimumA), "Cut points must descend within [0, 100]");
        RiskWeight = riskWeight;
        ReputationWeight = reputationWeight;
        OnSiteWeight = onSiteWeight;
        MinimumA = minimumA;
        MinimumB = minimumB;
        MinimumC = minimumC;
    }

    /// <summary>The example policy: weights 0.3 / 0.3 / 0.4, A ≥ 90, B ≥ 75, C ≥ 60 (an example, not law).</summary>
    public static QualityCreditGradingPolicy Example { get; } = new(0.3m, 0.3m, 0.4m, 90m, 75m, 60m);

    /// <summary>Weight of risk factors. <value>The default value is 0.3 in <see cref="Example"/>.</value></summary>
    public decimal RiskWeight { get; }

    /// <summary>Weight of quality reputation. <value>The default value is 0.3 in <see cref="Example"/>.</value></summary>
    public decimal ReputationWeight { get; }

    /// <summary>Weight of on-site inspection. <value>The default value is 0.4 in <see cref="Example"/>.</value></summary>
    public decimal OnSiteWeight { get; }

    /// <summary>Lowest score of grade A. <value>The default value is 90 in <see cref="Example"/>.</value></summary>
    public decimal MinimumA { get; }

    /// <summary>Lowest score of grade B. <value>The default value is 75 in <see cref="Example"/>.</value></summary>
    public decimal MinimumB { get; }

    /// <summary>Lowest score of grade C. <value>The default value is 60 in <see cref="Example"/>.</value></summary>
    public decimal MinimumC { get; }

    /// <summary>Grades a producer.</summary>
    /// <param name="inputs">The three scores.</param>
    /// <param name="asOf">The grading date.</param>
    /// <returns>The grade, or <c>MR.Credit.OutOfRange</c> when a score lies outside [0, 100].</returns>
    public RuleResult<QualityCreditResult> Grade(QualityCreditInputs inputs, LocalDate asOf)
    {
        var errors = new List<RuleError>();
        void Range(int value, string name)
        {
            if (value is < 0 or > 100)
            {
                errors.Add(CreditErrors.OutOfRange.Create("$." + name, ("PropertyName", name)));
            }
        }
        Range(inputs.RiskFactors, "riskFactors");
        Range(inputs.QualityReputation, "qualityReputation");
        Range(inputs.OnSiteInspection, "onSiteInspection");
        if (errors.Count > 0)
        {
            return RuleResult<QualityCreditResult>.Failure([.. errors]);
        }
        var score = (RiskWeight * inputs.RiskFactors) + (ReputationWeight * inputs.QualityReputation) + (OnSiteWeight * inputs.OnSiteInspection);
        var grade = score >= MinimumA ? QualityCreditGrade.A : score >= MinimumB ? QualityCreditGrade.B : score >= MinimumC ? QualityCreditGrade.C : QualityCreditGrade.D;
        var explanation = new ExplanationBuilder("credit.quality-grade/1", asOf)
            .Add(CreditReasons.QualityGrade.ToReason(CreditCitations.ProjectExample, ("Score", score), ("Grade", grade)))
            .Build("grade-" + grade.ToString().ToLowerInvariant());
        return RuleResult<QualityCreditResult>.Success(new QualityCreditResult(grade, score, explanation));
    }
}
