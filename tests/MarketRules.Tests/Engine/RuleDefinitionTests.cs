using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Engine.Rules.Calendar;

namespace MarketRules.Tests.Engine;

// The pipeline every rule inherits: validate, then decide; a kernel exception becomes coded errors.
public class RuleDefinitionTests
{
    private static readonly RuleContext Context = new(new LocalDate(2024, 9, 27), default, NationalCatalog.Policy, PeriodCalculator.China);
    private static readonly DeadlineInput AnyInput = new() { Trigger = new LocalDate(2024, 9, 27), PenaltyLawDays = 5 };

    [Fact]
    public void Evaluate_ValidationFails_ReturnsItsErrors_AndNeverDecides()
    {
        var rule = new ProbeRule { Errors = [KernelErrors.Required.Create("$.trigger", ("PropertyName", "Trigger"))] };
        var result = rule.Evaluate(AnyInput, Context);
        Assert.False(result.IsSuccess);
        Assert.Equal(["MR.Input.Required@$.trigger"], result.Errors.Select(e => $"{e.Code}@{e.Path}"));
        Assert.Equal(0, rule.Decisions);
    }

    [Fact]
    public void Evaluate_DecideThrowsKernelException_ReturnsItsErrors()
    {
        var rule = new ProbeRule { Throw = new CalendarOutOfRangeException(new LocalDate(2031, 1, 1), 2016, 2026) };
        var result = rule.Evaluate(AnyInput, Context);
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Calendar.OutOfRange", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Evaluate_ValidInput_ReturnsTheDecision()
    {
        var rule = new ProbeRule();
        var result = rule.Evaluate(AnyInput, Context);
        Assert.True(result.IsSuccess);
        Assert.Equal(new LocalDate(2024, 9, 27), result.Value!.Result.Trigger);
        Assert.Equal(1, rule.Decisions);
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        var rule = new ProbeRule();
        Assert.Throws<ArgumentNullException>(() => rule.Evaluate(null!, Context));
        Assert.Throws<ArgumentNullException>(() => rule.Evaluate(AnyInput, null!));
    }

    [Fact]
    public void Evaluate_OtherExceptions_AreNotSwallowed()
    {
        // Only the kernel's coded exceptions mean bad input; anything else is a bug and must surface.
        var rule = new ProbeRule { Throw = new InvalidOperationException("bug") };
        Assert.Throws<InvalidOperationException>(() => rule.Evaluate(AnyInput, Context));
    }

    private sealed class ProbeRule : RuleDefinition<DeadlineInput, DeadlineResult>
    {
        public ImmutableArray<RuleError> Errors { get; init; } = [];

        public Exception? Throw { get; init; }

        public int Decisions { get; private set; }

        public override string Id => "test.probe/1";

        public override LocalizedText Title { get; } = new("探针", "Probe");

        public override JsonTypeInfo<DeadlineInput> Input => CalendarRuleJsonContext.Default.DeadlineInput;

        public override JsonTypeInfo<DeadlineResult> Result => CalendarRuleJsonContext.Default.DeadlineResult;

        protected override ImmutableArray<RuleError> Validate(DeadlineInput input, RuleContext context) => Errors;

        protected override RuleResult<RuleDecision<DeadlineResult>> Decide(DeadlineInput input, RuleContext context)
        {
            Decisions++;
            if (Throw is not null)
            {
                throw Throw;
            }
            var deadline = context.Periods.Deadline(input.Trigger!.Value, LegalPeriod.UnderAdministrativePenaltyLaw(input.PenaltyLawDays!.Value));
            var result = new DeadlineResult(deadline.Trigger, 5, PeriodUnit.WorkingDays, deadline.NominalLastDay, deadline.LastDay, deadline.ExpiresAt,
                deadline.LastDay != deadline.NominalLastDay, 0, false);
            return RuleResult<RuleDecision<DeadlineResult>>.Success(new(result, new ExplanationBuilder(Id, context.AsOf).Build("probe")));
        }
    }
}
