using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>Why an enterprise is put on the abnormal-operations list (企业信息公示暂行条例 Art. 17; 工商总局令第68号 Art. 4).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AbnormalListGround>))]
public enum AbnormalListGround
{
    /// <summary>The annual report was not filed between 1 January and 30 June.</summary>
    AnnualReportNotFiled = 0,

    /// <summary>Information was not disclosed within the period the bureau ordered.</summary>
    NotDisclosedAsOrdered = 1,

    /// <summary>Disclosed information concealed the truth or was falsified.</summary>
    ConcealmentOrFalsification = 2,

    /// <summary>Unreachable at the registered address or place of business.</summary>
    Unreachable = 3,
}

/// <summary>What the enterprise did to cure a listing (信用修复: any one that matches the ground; domain reference row 2.28).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AbnormalListCure>))]
public enum AbnormalListCure
{
    /// <summary>补报未报年份年度报告并公示 — the missing annual reports filed and published.</summary>
    AnnualReportFiled = 0,

    /// <summary>已经履行即时信息公示义务 — the information disclosed.</summary>
    InformationDisclosed = 1,

    /// <summary>已经更正其隐瞒真实情况、弄虚作假的公示信息 — the false information corrected.</summary>
    FalseInformationCorrected = 2,

    /// <summary>依法办理住所变更登记，或者可以重新取得联系 — the address changed or reachable again.</summary>
    AddressRegisteredOrReachable = 3,
}

/// <summary>A decision on an application for removal from the abnormal list.</summary>
/// <param name="Removable">Whether the cure matches the ground, so the listing is removed.</param>
/// <param name="DecideBy">The last day to decide (5 working days).</param>
/// <param name="Explanation">Why.</param>
public sealed record AbnormalRemovalDecision(bool Removable, LocalDate DecideBy, Explanation Explanation);

/// <summary>The rules in force for the abnormal list.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AbnormalListRegime>))]
public enum AbnormalListRegime
{
    /// <summary>Before 2014-10-01: no abnormal list (the annual inspection system).</summary>
    None = 0,

    /// <summary>2014-10-01 to 2024-04-30: the 2014 regulations and 工商总局令第68号; three years listed → serious list.</summary>
    Interim2014 = 1,

    /// <summary>From 2024-05-01: the 2024 revision (国务院令第777号); revocation after two consecutive unfiled years while unreachable.</summary>
    Revision2024 = 2,
}

/// <summary>A listing on the abnormal list.</summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="Ground">Why it was listed.</param>
/// <param name="ListedOn">The listing date.</param>
/// <param name="RemovedOn">The removal date, or <see langword="null"/> while listed.</param>
public sealed record AbnormalListing(string EnterpriseId, AbnormalListGround Ground, LocalDate ListedOn, LocalDate? RemovedOn = null)
{
    /// <summary>Whether listed on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether listed.</returns>
    // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
    public bool IsActiveOn(LocalDate date) => ListedOn <= date && (RemovedOn is null || date < RemovedOn.Value);
}

/// <summary>
/// The abnormal-operations list (经营异常名录) as a series of dated entries: every version of the list can be read
/// as of a date. Changes return a new list; a rejected change returns coded errors and leaves the list unchanged.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class AbnormalOperationsList
{
    private AbnormalOperationsList(ImmutableArray<AbnormalListing> entries) => Entries = entries;

    /// <summary>The empty list.</summary>
    public static AbnormalOperationsList Empty { get; } = new([]);

    /// <summary>Every listing, current and past, in the order they were made.</summary>
    public ImmutableArray<AbnormalListing> Entries { get; }

    /// <summary>The listings in force on a date: the version of the list on that day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The listings.</returns>
    public ImmutableArray<AbnormalListing> AsOf(LocalDate date) => [.. Entries.Where(e => e.IsActiveOn(date))];

    /// <summary>Whether an enterprise is listed on a date.</summary>
    /// <param name="enterpriseId">The enterprise.</param>
    /// <param name="date">The date.</param>
    /// <returns>Whether listed.</returns>
    public bool IsListed(string enterpriseId, LocalDate date) => Entries.Any(e => e.EnterpriseId == enterpriseId && e.IsActiveOn(date));

    /// <summary>Adds a listing.</summary>
    /// <param name="listing">The listing.</param>
    /// <returns>The new list, or coded errors (before the list existed, ends before it starts, already listed on that ground).</returns>
    public RuleResult<AbnormalOperationsList> List(AbnormalListing listing)
    {
        Preconditions.CheckNotNull(listing);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (listing.RemovedOn is not null && listing.RemovedOn.Value < listing.ListedOn)
        {
            return RuleResult<AbnormalOperationsList>.Failure(CreditErrors.EndBeforeStart.Create("$.removedOn", ("Start", listing.ListedOn), ("End", listing.RemovedOn.Value)));
        }
        if (AbnormalListRules.RegimeOn(listing.ListedOn) == AbnormalListRegime.None)
        {
            return RuleResult<AbnormalOperationsList>.Failure(CreditErrors.InvalidRecord.Create("$.listedOn", ("Detail", "the abnormal list exists from 2014-10-01")));
        }
        if (Entries.Any(e => e.EnterpriseId == listing.EnterpriseId && e.Ground == listing.Ground && Overlaps(e, listing)))
        {
            return RuleResult<AbnormalOperationsList>.Failure(CreditErrors.InvalidRecord.Create("$", ("Detail", $"{listing.EnterpriseId} is already listed on ground {listing.Ground} then")));
        }
        return RuleResult<AbnormalOperationsList>.Success(new AbnormalOperationsList(Entries.Add(listing)));
    }

    /// <summary>Removes an enterprise's current listing on a ground.</summary>
    /// <param name="enterpriseId">The enterprise.</param>
    /// <param name="ground">The ground cured.</param>
    /// <param name="removedOn">The removal date.</param>
    /// <returns>The new list, or coded errors (not listed then, removal before listing).</returns>
    public RuleResult<AbnormalOperationsList> Remove(string enterpriseId, AbnormalListGround ground, LocalDate removedOn)
    {
        var index = Entries.IndexOf(Entries.FirstOrDefault(e => e.EnterpriseId == enterpriseId && e.Ground == ground && e.RemovedOn is null)!);
        if (index < 0)
        {
            return RuleResult<AbnormalOperationsList>.Failure(CreditErrors.InvalidRecord.Create("$", ("Detail", $"{enterpriseId} is not listed on ground {ground}")));
        }
        var entry = Entries[index];
        if (removedOn < entry.ListedOn)
        {
            return RuleResult<AbnormalOperationsList>.Failure(CreditErrors.EndBeforeStart.Create("$.removedOn", ("Start", entry.ListedOn), ("End", removedOn)));
        }
        return RuleResult<AbnormalOperationsList>.Success(new AbnormalOperationsList(Entries.SetItem(index, entry with { RemovedOn = removedOn })));
    }

    private static bool Overlaps(AbnormalListing a, AbnormalListing b) =>
        a.ListedOn < (b.RemovedOn ?? LocalDate.MaxIsoValue) && b.ListedOn < (a.RemovedOn ?? LocalDate.MaxIsoValue);
}

/// <summary>What follows from a long listing on the abnormal list, as of the date the listing's years run out.</summary>
/// <param name="Regime">The regime in force when the escalation period ends.</param>
/// <param name="Explanation">Why.</param>
public sealed record AbnormalListConsequence(AbnormalListRegime Regime, Explanation Explanation)
{
    /// <summary>The last day of the escalation period (three years listed), or <see langword="null"/> when no escalation applies.</summary>
    public LocalDate? EscalationPeriodEnds { get; init; }

    /// <summary>The first day of the public reminder window, if any.</summary>
    public LocalDate? ReminderFrom { get; init; }

    /// <summary>The last day to list the enterprise on the serious list, if the escalation applies.</summary>
    public LocalDate? SeriousListingBy { get; init; }

    /// <summary>How long the legal representative is barred after the serious listing.</summary>
    public LegalPeriod? RepresentativeBar { get; init; }

    /// <summary>Whether the enterprise is moved to the serious list (2014 regime).</summary>
    public bool MovesToSeriousList => SeriousListingBy is not null;
}

/// <summary>The deadlines and consequences of the abnormal list, computed on the statutory calendar with the law in force.</summary>
public static class AbnormalListRules
{
    private static readonly LocalDate Start2014 = LegalDocuments.AbnormalOperationsListMeasures.InForceFrom!.Value;
    private static readonly LocalDate Start2024 = LegalDocuments.EnterpriseInformationDisclosureRegulations2024.InForceFrom!.Value;

    /// <summary>The regime in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The regime.</returns>
    public static AbnormalListRegime RegimeOn(LocalDate date) =>
        date < Start2014 ? AbnormalListRegime.None : date < Start2024 ? AbnormalListRegime.Interim2014 : AbnormalListRegime.Revision2024;

    /// <summary>The window to file the previous year's annual report: 1 January to 30 June.</summary>
    /// <param name="reportYear">The year the report covers.</param>
    /// <returns>The window, both ends included.</returns>
    public static DateInterval AnnualReportWindow(int reportYear) => new(new LocalDate(reportYear + 1, 1, 1), new LocalDate(reportYear + 1, 6, 30));

    /// <summary>Whether an annual report is missing on a date: not filed by 30 June of the following year.</summary>
    /// <param name="reportYear">The year the report covers.</param>
    /// <param name="filedOn">When it was filed, if it was.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>Whether it is a ground for listing on <paramref name="asOf"/>.</returns>
    public static bool IsAnnualReportMissing(int reportYear, LocalDate? filedOn, LocalDate asOf)
    {
        var window = AnnualReportWindow(reportYear);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        return asOf > window.End && (filedOn is null || filedOn.Value > window.End) && (filedOn is null || filedOn.Value > asOf);
    }

    /// <summary>The last day to list an enterprise after the order to disclose expired (10 working days).</summary>
    /// <param name="orderExpiredOn">The last day of the order.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline ListingDeadline(LocalDate orderExpiredOn, LawContext law) =>
        Deadline(CreditParameters.AbnormalListingDeadline, orderExpiredOn, law);

    /// <summary>The last day to decide on a valid application for removal (5 working days).</summary>
    /// <param name="appliedOn">The application date.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline RemovalDecisionDeadline(LocalDate appliedOn, LawContext law) =>
        Deadline(CreditParameters.AbnormalRemovalDecision, appliedOn, law);

    /// <summary>The last day to object to a listing (30 days from its publication).</summary>
    /// <param name="publishedOn">The listing's publication date.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline ObjectionDeadline(LocalDate publishedOn, LawContext law) =>
        Deadline(CreditParameters.AbnormalObjectionWindow, publishedOn, law);

    /// <summary>The last day to accept or refuse an objection (5 working days).</summary>
    /// <param name="objectedOn">The objection date.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline ObjectionAnswerDeadline(LocalDate objectedOn, LawContext law) =>
        Deadline(CreditParameters.AbnormalObjectionAnswer, objectedOn, law);

    /// <summary>The last day to verify an accepted objection (20 working days).</summary>
    /// <param name="acceptedOn">The acceptance date.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline ObjectionVerificationDeadline(LocalDate acceptedOn, LawContext law) =>
        Deadline(CreditParameters.AbnormalObjectionVerification, acceptedOn, law);

    /// <summary>
    /// What a listing that is never cured leads to. The escalation period is counted under the law of the listing
    /// date; whether the enterprise then moves to the serious list depends on the regime in force the day the
    /// period runs out (the 2024 revision removed the escalation from 2024-05-01).
    /// </summary>
    /// <param name="listing">The listing.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The consequence with its explanation.</returns>
    public static AbnormalListConsequence Consequence(AbnormalListing listing, LawContext law)
    {
        Preconditions.CheckNotNull(listing);
        Preconditions.CheckNotNull(law);
        var context = law.Policy;
        var jurisdiction = law.Jurisdiction;
        var periods = law.Periods;
        var code = law.JurisdictionCode;
        var builder = new ExplanationBuilder("credit.abnormal/1", listing.ListedOn, code);
        var years = context.TryResolve(CreditParameters.AbnormalEscalationYears, listing.ListedOn, jurisdiction);
        if (years is null)
        {
            var regime = RegimeOn(listing.ListedOn);
            builder.Add(CreditReasons.Regime.ToReason(CreditCitations.DisclosureRegulations2024Article18, ("Date", listing.ListedOn), ("Regime", regime)));
            return new AbnormalListConsequence(regime, builder.Build("no-escalation"));
        }
        builder.Use(years);
        var end = periods.Deadline(listing.ListedOn, years.AsPeriod(), RestDayRule.None);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (listing.RemovedOn is not null && listing.RemovedOn.Value <= end.LastDay)
        {
            var removed = listing.RemovedOn.Value;
            builder.Add(new ComputedDate("removed", new LocalizedText("移出经营异常名录", "Removed from the list"), removed));
            return new AbnormalListConsequence(RegimeOn(removed), builder.Build("removed-before-escalation"));
        }
        var escalationDay = end.LastDay.PlusDays(1);
        var regimeThen = RegimeOn(escalationDay);
        builder.Add(ComputedDate.FromDeadline("escalation-period-ends", new LocalizedText("列入满3年", "Three years listed"), end, years.Citation));
        builder.Add(CreditReasons.Regime.ToReason(years.Citation, ("Date", escalationDay), ("Regime", regimeThen)));
        if (context.TryResolve(CreditParameters.AbnormalEscalationYears, escalationDay, jurisdiction) is null)
        {
            builder.Add(CreditReasons.Regime.ToReason(CreditCitations.DisclosureRegulations2024Article18, ("Date", escalationDay), ("Regime", AbnormalListRegime.Revision2024)));
            return new AbnormalListConsequence(regimeThen, builder.Build("no-escalation")) { EscalationPeriodEnds = end.LastDay };
        }
        LocalDate? reminderFrom = null;
        var reminder = context.TryResolve(CreditParameters.AbnormalEscalationReminder, end.LastDay, jurisdiction);
        if (reminder is not null)
        {
            reminderFrom = end.LastDay.PlusDays(-(int)builder.Use(reminder) + 1);
            builder.Add(new ComputedDate("reminder-from", new LocalizedText("公告提示起始日", "Reminder window opens"), reminderFrom.Value) { Citation = reminder.Citation });
        }
        LocalDate? listingBy = end.LastDay;
        var listingPeriod = context.TryResolve(CreditParameters.AbnormalEscalationListing, end.LastDay, jurisdiction);
        if (listingPeriod is not null)
        {
            builder.Use(listingPeriod);
            var deadline = periods.Deadline(end.LastDay, listingPeriod.AsPeriod());
            listingBy = deadline.LastDay;
            builder.Add(ComputedDate.FromDeadline("serious-listing-by", new LocalizedText("列入严重违法名单的最后期限", "Serious listing by"), deadline, listingPeriod.Citation));
        }
        var bar = context.Resolve(CreditParameters.RepresentativeBarYears, end.LastDay, jurisdiction);
        builder.Use(bar);
        return new AbnormalListConsequence(regimeThen, builder.Build("moves-to-serious-list"))
        {
            EscalationPeriodEnds = end.LastDay,
            ReminderFrom = reminderFrom,
            SeriousListingBy = listingBy,
            RepresentativeBar = bar.AsPeriod(),
        };
    }

    /// <summary>Decides an application for removal: the cure must answer the ground of the listing.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="appliedOn">The application date.</param>
    /// <param name="cure">What the enterprise did.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The decision (removable or not, with the deadline), or a coded error when the application predates the listing or the listing has already ended.</returns>
    public static RuleResult<AbnormalRemovalDecision> RequestRemoval(AbnormalListing listing, LocalDate appliedOn, AbnormalListCure cure,
        LawContext law)
    {
        Preconditions.CheckNotNull(listing);
        if (appliedOn < listing.ListedOn)
        {
            return RuleResult<AbnormalRemovalDecision>.Failure(CreditErrors.EndBeforeStart.Create("$.appliedOn", ("Start", listing.ListedOn), ("End", appliedOn)));
        }
        if (!listing.IsActiveOn(appliedOn))
        {
            return RuleResult<AbnormalRemovalDecision>.Failure(CreditErrors.RepairNotAvailable.Create("$.appliedOn", ("Detail", "the listing has already been removed")));
        }
        var answers = listing.Ground switch
        {
            AbnormalListGround.AnnualReportNotFiled => cure == AbnormalListCure.AnnualReportFiled,
            AbnormalListGround.NotDisclosedAsOrdered => cure == AbnormalListCure.InformationDisclosed,
            AbnormalListGround.ConcealmentOrFalsification => cure == AbnormalListCure.FalseInformationCorrected,
            _ => cure == AbnormalListCure.AddressRegisteredOrReachable,
        };
        var builder = new ExplanationBuilder("credit.abnormal/1", appliedOn, law.JurisdictionCode);
        var period = law.Resolve(CreditParameters.AbnormalRemovalDecision, appliedOn);
        builder.Use(period);
        var deadline = law.Periods.Deadline(appliedOn, period.AsPeriod());
        builder.Add(ComputedDate.FromDeadline("decide-by", new LocalizedText("移出决定期限", "Decide by"), deadline, period.Citation));
        if (!answers)
        {
            builder.Add(CreditReasons.ConditionNotMet.ToReason(CreditCitations.CreditRepair, ("Condition", $"{cure} does not cure {listing.Ground}")));
        }
        return RuleResult<AbnormalRemovalDecision>.Success(new AbnormalRemovalDecision(answers, deadline.LastDay, builder.Build(answers ? "removed" : "refused")));
    }

    private static LegalDeadline Deadline(ParameterDefinition parameter, LocalDate trigger, LawContext law) =>
        law.Periods.Deadline(trigger, law.Resolve(parameter, trigger).AsPeriod());
}
