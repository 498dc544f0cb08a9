using MarketRules.Credit;
using RulesEngine.Models;

namespace MarketRules.Benchmarks.Baselines;

/// <summary>
/// Credit-risk classification as a Microsoft RulesEngine workflow: the weighted, capped score of the six indicators and
/// the cut points, with the serious list setting the class and the abnormal list as a floor. The weights, caps, cut
/// points and list classes are read from the policy, not restated, so the workflow decides what the policy decides.
/// </summary>
public static class CreditRulesEngineWorkflow
{
    /// <summary>The workflow's name.</summary>
    public const string Name = "credit-risk";

    /// <summary>The name under which the facts are passed: the expressions read <c>e.…</c>.</summary>
    public const string Parameter = "e";

    /// <summary>A RulesEngine holding the workflow for <paramref name="policy"/>: one rule per class, the most severe first
    /// (the first rule that succeeds is the class).</summary>
    /// <param name="policy">The policy whose weights and cut points the expressions use.</param>
    /// <returns>The engine.</returns>
    public static global::RulesEngine.RulesEngine Create(CreditRiskPolicy policy)
    {
        var score = string.Join(" + ", Enum.GetValues<CreditIndicator>().Select(i =>
            $"{policy.WeightOf(i)} * Math.Min(e.{i}, {policy.CapOf(i)})"));
        string Rule(CreditRiskClass c, int cut) =>
            $"(e.OnSeriousList && {(int)policy.SeriousListClass} == {(int)c})"
            + $" || (!e.OnSeriousList && (({score}) >= {cut} || (e.OnAbnormalList && {(int)policy.AbnormalListFloor} >= {(int)c})))";
        return new([new Workflow
        {
            WorkflowName = Name,
            Rules =
            [
                new Rule { RuleName = "D", SuccessEvent = "D", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = Rule(CreditRiskClass.D, policy.CutD) },
                new Rule { RuleName = "C", SuccessEvent = "C", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = Rule(CreditRiskClass.C, policy.CutC) },
                new Rule { RuleName = "B", SuccessEvent = "B", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = Rule(CreditRiskClass.B, policy.CutB) },
            ],
        }], new ReSettings());
    }

    /// <summary>The class RulesEngine gives: the first rule that succeeds, else A.</summary>
    /// <param name="engine">The engine from <see cref="Create"/>.</param>
    /// <param name="facts">The facts, as one parameter named <see cref="Parameter"/>.</param>
    /// <returns>The class.</returns>
    public static CreditRiskClass Classify(global::RulesEngine.RulesEngine engine, RuleParameter[] facts)
    {
        var pending = engine.ExecuteAllRulesAsync(Name, facts);
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return Enum.Parse<CreditRiskClass>(result.Rule.SuccessEvent);
            }
        }
        return CreditRiskClass.A;
    }
}

/// <summary>An enterprise's indicators flattened to the facts RulesEngine evaluates.</summary>
public sealed class CreditFacts
{
    /// <summary>The facts of <paramref name="x"/>.</summary>
    /// <param name="x">The indicators.</param>
    /// <returns>The facts.</returns>
    public static CreditFacts From(in CreditIndicators x) => new()
    {
        BasicAttributes = x.BasicAttributes, LateAnnualReports = x.LateAnnualReports, Penalties = x.Penalties, HeavierPenalties = x.HeavierPenalties,
        RelatedParties = x.RelatedParties, Complaints = x.Complaints, OnAbnormalList = x.OnAbnormalList, OnSeriousList = x.OnSeriousList,
    };

    /// <summary>Basic-attribute rating.</summary>
    public int BasicAttributes { get; init; }

    /// <summary>Late annual reports.</summary>
    public int LateAnnualReports { get; init; }

    /// <summary>Penalties.</summary>
    public int Penalties { get; init; }

    /// <summary>Heavier penalties.</summary>
    public int HeavierPenalties { get; init; }

    /// <summary>Related parties on a bad-credit list.</summary>
    public int RelatedParties { get; init; }

    /// <summary>Upheld complaints.</summary>
    public int Complaints { get; init; }

    /// <summary>On the abnormal-operations list.</summary>
    public bool OnAbnormalList { get; init; }

    /// <summary>On the serious-violation list.</summary>
    public bool OnSeriousList { get; init; }
}
