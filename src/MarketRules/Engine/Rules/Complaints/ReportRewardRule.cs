using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using MarketRules.Complaints;

namespace MarketRules.Engine.Rules.Complaints;

/// <summary>Input of <c>report.reward/1</c>.</summary>
public sealed record ReportRewardInput
{
    /// <summary>The day the case was closed; the request's <c>asOf</c> when absent.</summary>
    public LocalDate? ClosedOn { get; init; }

    /// <summary>The reward level the bureau assessed.</summary>
    public RewardLevel Level { get; init; }

    /// <summary>Fines and confiscations in yuan (at most two decimals).</summary>
    public decimal FinesAndConfiscationsYuan { get; init; }

    /// <summary>The reporter is a natural person (true when absent).</summary>
    public bool? ReporterIsNaturalPerson { get; init; }

    /// <summary>Exclusions found about the reporter.</summary>
    public ImmutableArray<RewardExclusion> ReporterExclusions { get => reporterExclusions; init => reporterExclusions = value.IsDefault ? [] : value; }

    // Source-generated JSON sets absent init properties to default, so the accessor normalises to empty.
    private readonly ImmutableArray<RewardExclusion> reporterExclusions = [];

    /// <summary>The report was verified and the case closed (true when absent).</summary>
    public bool? VerifiedAndClosed { get; init; }

    /// <summary>A suspected crime transferred for prosecution.</summary>
    public bool SuspectedCrime { get; init; }

    /// <summary>Suspension or closure ordered.</summary>
    public bool SuspensionOrClosure { get; init; }

    /// <summary>A licence revoked.</summary>
    public bool LicenceRevoked { get; init; }

    /// <summary>The violator is a natural person.</summary>
    public bool ViolatorIsNaturalPerson { get; init; }

    /// <summary>How the percentage is brought to whole fen (<c>half-up-to-fen</c> when absent).</summary>
    public RewardRounding Rounding { get; init; }
}

/// <summary>Result of <c>report.reward/1</c>.</summary>
/// <param name="Eligible">Whether a reward is due.</param>
/// <param name="Exclusions">Why not.</param>
/// <param name="QualifiesBy">What makes the case a major violation.</param>
/// <param name="PercentageYuan">The level's percentage before rounding.</param>
/// <param name="AmountYuan">The reward, exact to the fen.</param>
/// <param name="FloorApplied">The floor raised it.</param>
/// <param name="CapApplied">The cap lowered it.</param>
/// <param name="NeedsFinanceCoDecision">Set with the finance department (500,000 yuan or more).</param>
public sealed record ReportRewardResult(bool Eligible, ImmutableArray<RewardExclusion> Exclusions, ImmutableArray<string> QualifiesBy, decimal PercentageYuan,
    decimal AmountYuan, bool FloorApplied, bool CapApplied, bool NeedsFinanceCoDecision);

/// <summary>
/// The rule <c>report.reward/1</c>: whistle-blower reward eligibility and amount under 国市监稽规〔2021〕4号 for the
/// request's jurisdiction. The shipped provincial 较大数额 packs (Zhejiang, Chongqing, Shaanxi, Liaoning) apply unless
/// the caller's policy already sets the province's values.
/// </summary>
public sealed class ReportRewardRule : RuleDefinition<ReportRewardInput, ReportRewardResult>
{
    // Built with the rule, not once per process: a test that constructs the rule checks the validator it builds (a mutation
    // tool that changes the validator's rules sees them take effect), and an engine holds one rule of each kind anyway.
    private readonly InputValidator validator = new();

    /// <inheritdoc/>
    public override string Id => ReportRewardCalculator.RuleId;

    /// <inheritdoc/>
    public override LocalizedText Title { get; } = new("重大违法行为举报奖励", "Reward for reporting a major violation");

    /// <inheritdoc/>
    public override JsonTypeInfo<ReportRewardInput> Input => ComplaintsJsonContext.Strict.ReportRewardInput;

    /// <inheritdoc/>
    public override JsonTypeInfo<ReportRewardResult> Result => ComplaintsJsonContext.Strict.ReportRewardResult;

    /// <inheritdoc/>
    protected override ImmutableArray<RuleError> Validate(ReportRewardInput input, RuleContext context) => validator.Validate(input).ToRuleErrors();

    /// <inheritdoc/>
    protected override RuleResult<RuleDecision<ReportRewardResult>> Decide(ReportRewardInput input, RuleContext context)
    {
        var calculator = new ReportRewardCalculator(RewardPolicyPacks.WithAll(context.Law));
        var decision = calculator.Decide(new RewardCase
        {
            ClosedOn = input.ClosedOn ?? context.AsOf, Level = input.Level, FinesAndConfiscations = Money.FromYuan(input.FinesAndConfiscationsYuan),
            ReporterIsNaturalPerson = input.ReporterIsNaturalPerson ?? true, ReporterExclusions = input.ReporterExclusions, VerifiedAndClosed = input.VerifiedAndClosed ?? true,
            SuspectedCrime = input.SuspectedCrime, SuspensionOrClosure = input.SuspensionOrClosure, LicenceRevoked = input.LicenceRevoked,
            ViolatorIsNaturalPerson = input.ViolatorIsNaturalPerson, Rounding = input.Rounding,
        });
        if (!decision.IsSuccess)
        {
            return RuleResult<RuleDecision<ReportRewardResult>>.Failure(decision.Errors);
        }
        var d = decision.Value!;
        return RuleResult<RuleDecision<ReportRewardResult>>.Success(new RuleDecision<ReportRewardResult>(
            new ReportRewardResult(d.Eligible, d.Exclusions, d.QualifiesBy, d.Percentage, d.Amount.Yuan, d.FloorApplied, d.CapApplied, d.NeedsFinanceCoDecision),
            d.Explanation));
    }

    private sealed class InputValidator : AbstractValidator<ReportRewardInput>
    {
        public InputValidator()
        {
            RuleFor(x => x.Level).NotEqual(RewardLevel.None).WithError(RewardErrors.LevelRequired);
            RuleFor(x => x.FinesAndConfiscationsYuan).GreaterThanOrEqualTo(0m).WithError(RewardErrors.NegativeAmount);
            RuleFor(x => x.FinesAndConfiscationsYuan).Must(v => decimal.Round(v, 2) == v && v <= 1_000_000_000_000m).WithError(RewardErrors.AmountNotInFen);
        }
    }
}
