using System.Collections.Immutable;

namespace MarketRules.Engine;

/// <summary>The rules the library exposes to JSON callers, one per capability of each rule area.</summary>
public static class BuiltInRules
{
    /// <summary>Every built-in rule, in id order of registration.</summary>
    public static ImmutableArray<IRuleDefinition> All { get; } =
    [
        // One line per rule: each rule area adds its own (e.g. new Rules.Referral.CriminalReferralRule()).
        new Rules.Calendar.DeadlineRule(),
        new Rules.Calendar.WorkingDaysRule(),
        new Rules.Credit.CreditTierRule(), new Rules.Credit.CreditPublicationRule(),
        new Rules.Referral.CriminalReferralRule(),
        new Rules.Sampling.SamplingPlanRule(),
        new Rules.Cases.CaseTransitionRule(),
        new Rules.Subsidies.EBikeTradeInRule(),
        new Rules.Complaints.ComplaintTransitionRule(), new Rules.Complaints.ReportRewardRule(), new Rules.Complaints.ReportIntakeRule(),
        new Rules.SpotChecks.SpotCheckTransitionRule(), new Rules.SpotChecks.SpotCheckPassRateRule(),
        new Rules.Campaigns.CampaignCalendarRule(), new Rules.Campaigns.CampaignLatenessRule(),
    ];
}
