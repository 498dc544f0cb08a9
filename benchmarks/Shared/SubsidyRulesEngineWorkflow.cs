using RulesEngine.Models;

namespace MarketRules.Benchmarks.Baselines;

/// <summary>
/// The e-bike trade-in eligibility as a Microsoft RulesEngine workflow: the subsidy scheme's ten conditions over a claim
/// flattened to <see cref="ClaimFacts"/>. One statement shared by the in-process benchmark (SubsidyEligibilityBenchmark)
/// and the cold-start app, so both compare against the same workflow.
/// </summary>
public static class SubsidyRulesEngineWorkflow
{
    /// <summary>The workflow's name.</summary>
    public const string Name = "ebike-tradein";

    /// <summary>The name under which the facts are passed: the conditions read <c>c.…</c>.</summary>
    public const string Parameter = "c";

    private static readonly string[] Conditions =
    [
        "c.OldRegisteredNonStandard", "c.OwnedByApplicant", "c.Recycled", "c.OldPlateCancelled", "c.StandardInForce",
        "c.HasCcc", "c.NewRegistered", "c.PriceFen >= c.MinimumPriceFen", "c.InWindow", "!c.PreviouslySubsidised",
    ];

    /// <summary>A RulesEngine holding the workflow.</summary>
    public static global::RulesEngine.RulesEngine Create() => new([new Workflow
    {
        WorkflowName = Name,
        Rules = [.. Conditions.Select((e, n) => new Rule { RuleName = "condition-" + n, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = e })],
    }], new ReSettings());
}

/// <summary>A claim flattened to the facts RulesEngine evaluates (the caller decides the dated standard and the window in Asia/Shanghai beforehand: RulesEngine has neither).</summary>
public sealed class ClaimFacts
{
    /// <summary>The old bike is a registered non-standard e-bike.</summary>
    public bool OldRegisteredNonStandard { get; init; }

    /// <summary>The old bike is the applicant's.</summary>
    public bool OwnedByApplicant { get; init; }

    /// <summary>Handed to an authorised recycling point.</summary>
    public bool Recycled { get; init; }

    /// <summary>The old plate was cancelled.</summary>
    public bool OldPlateCancelled { get; init; }

    /// <summary>The new bike meets the standard in force (checked by the caller).</summary>
    public bool StandardInForce { get; init; }

    /// <summary>The new bike has a CCC.</summary>
    public bool HasCcc { get; init; }

    /// <summary>The new bike was registered with a plate.</summary>
    public bool NewRegistered { get; init; }

    /// <summary>The price in fen.</summary>
    public long PriceFen { get; init; }

    /// <summary>The scheme's minimum price in fen.</summary>
    public long MinimumPriceFen { get; init; }

    /// <summary>Every step inside the scheme's window and a phase (checked by the caller).</summary>
    public bool InWindow { get; init; }

    /// <summary>The register says the person or a vehicle was paid before.</summary>
    public bool PreviouslySubsidised { get; init; }
}
