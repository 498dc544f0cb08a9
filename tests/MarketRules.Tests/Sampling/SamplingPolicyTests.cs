using System.Reflection;
using MarketRules.Credit;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public class SamplingPolicyTests
{
    [Fact]
    public void EnsureDefaults()
    {
        var policy = new SamplingPolicy();
        Assert.Equal(0.05m, policy.AnnualCoverage);
        Assert.Equal(2, policy.TeamSize);
        Assert.Equal(20, policy.PublicationPeriodWorkingDays);
        Assert.Equal(0, policy.AvoidRepeatMonths);
        Assert.Equal(PriorityMarks.None, policy.MandatoryMarks);
        Assert.Empty(policy.MandatoryInclusions);
        Assert.Empty(policy.Exclusions);
        Assert.All(Enum.GetValues<CreditRiskClass>(), t => Assert.Equal(0.05m, policy.RatioOf(t)));
        Assert.Equal("national", policy.Source);
    }

    [Fact]
    public void Resolve_NationalCatalog_SameAsDefaults()
    {
        var policy = SamplingPolicy.Resolve(NationalCatalog.Law, new LocalDate(2025, 1, 1), out var used);
        Assert.Equal(new SamplingPolicy(), policy);
        Assert.Equal(["sampling.annual-coverage", "sampling.team-size", "sampling.publication-period"], used.Select(v => v.ParameterId));
    }

    [Fact]
    public void Messages_ZhAndEnPlaceholdersMatch()
    {
        var definitions = typeof(SamplingErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(SamplingReasons).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (MessageDefinition)f.GetValue(null)!).ToList();
        Assert.NotEmpty(definitions);
        Assert.All(definitions, d =>
        {
            Assert.StartsWith("MR.Sampling.", d.Code, StringComparison.Ordinal);
            Assert.Equal(MessageDefinition.PlaceholdersOf(d.Template.Chinese).Order(), MessageDefinition.PlaceholdersOf(d.Template.English).Order());
        });
        Assert.Equal(definitions.Count, definitions.Select(d => d.Code).Distinct().Count());
    }
}
