using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>The four conditions to stop publishing a penalty early (总局令第45号 Art. 14(1)). All must hold.</summary>
/// <param name="PenaltyPerformed">The penalty has been performed.</param>
/// <param name="HarmRemoved">The harm and bad influence have been removed.</param>
/// <param name="NoNewPenaltyOfSameKind">No new penalty for the same kind of breach.</param>
/// <param name="NotOnLists">Not on the abnormal or the serious list.</param>
public readonly record struct EarlyStopConditions(bool PenaltyPerformed, bool HarmRemoved, bool NoNewPenaltyOfSameKind, bool NotOnLists)
{
    /// <summary>Whether all four hold.</summary>
    public bool AllMet => PenaltyPerformed && HarmRemoved && NoNewPenaltyOfSameKind && NotOnLists;
}

/// <summary>How long a penalty decision is published and when it may be repaired.</summary>
/// <param name="Published">Whether the decision is published at all (not for a warning alone or the summary procedure).</param>
/// <param name="Explanation">Why.</param>
public sealed record PublicationSchedule(bool Published, Explanation Explanation)
{
    /// <summary>The last day to publish, if published.</summary>
    public LocalDate? PublishBy { get; init; }

    /// <summary>The first day published (the actual date, or <see cref="PublishBy"/> when not given).</summary>
    public LocalDate? PublishedOn { get; init; }

    /// <summary>The last day published unless stopped early.</summary>
    public LocalDate? LastDay { get; init; }

    /// <summary>The first day a repair (early stop) may be applied for, or <see langword="null"/> when never.</summary>
    public LocalDate? RepairFrom { get; init; }

    /// <summary>Whether publication may never stop early (Art. 14(3)), or the short period leaves nothing to repair.</summary>
    public bool NeverStopsEarly => Published && RepairFrom is null;

    /// <summary>Whether published on a date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="stoppedEarlyOn">The first day no longer published after a granted early stop, if any.</param>
    /// <returns>Whether published.</returns>
    public bool IsPublishedOn(LocalDate date, LocalDate? stoppedEarlyOn = null) =>
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        Published && date >= PublishedOn && date <= LastDay && (stoppedEarlyOn is null || date < stoppedEarlyOn.Value);
}

/// <summary>A penalty decision's publication dates, decided without an explanation (<see cref="PenaltyPublication.Decide(PenaltyRecord, LawContext, LocalDate?)"/>).</summary>
/// <param name="PublishBy">The last day to publish, or <see langword="null"/> when the decision is not published.</param>
/// <param name="PublishedOn">The first day published (the actual date, or <paramref name="PublishBy"/> when not given).</param>
/// <param name="LastDay">The last day published unless stopped early.</param>
/// <param name="RepairFrom">The first day a repair (early stop) may be applied for, or <see langword="null"/> when never.</param>
/// <param name="ShortPeriod">Whether the short period applies (public criticism or a lower-amount fine only).</param>
public readonly record struct PublicationDates(LocalDate? PublishBy, LocalDate? PublishedOn, LocalDate? LastDay, LocalDate? RepairFrom, bool ShortPeriod)
{
    /// <summary>Whether the decision is published at all (not for a warning alone or the summary procedure).</summary>
    public bool Published => PublishBy is not null;
}

/// <summary>A decision on an application to stop publication early (credit repair of penalty information).</summary>
/// <param name="Granted">Whether granted.</param>
/// <param name="DecideBy">The last day to decide (from memory).</param>
/// <param name="Explanation">Why.</param>
public sealed record EarlyStopDecision(bool Granted, LocalDate DecideBy, Explanation Explanation);

/// <summary>Publication of penalty information (总局令第45号; before it, 企业信息公示暂行条例 Art. 6) and its repair (国市监信规〔2021〕3号).</summary>
public static class PenaltyPublication
{
    private static readonly LocalDate Order45InForce = LegalDocuments.PenaltyInformationPublicationProvisions.InForceFrom!.Value;

    /// <summary>Computes a decision's publication: whether, by when, until when, and when repair opens.</summary>
    /// <param name="penalty">The decision.</param>
    /// <param name="publishedOn">The actual publication date; <see langword="null"/> to assume the last lawful day.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>
    /// The schedule, or a coded error for a record that ends before it starts or is published before its decision, or
    /// whose periods fall outside the statutory calendar's years (<c>MR.Calendar.OutOfRange</c>): never an exception.
    /// </returns>
    public static RuleResult<PublicationSchedule> Schedule(PenaltyRecord penalty, LawContext law, LocalDate? publishedOn = null)
    {
        Preconditions.CheckNotNull(penalty);
        Preconditions.CheckNotNull(law);
        var builder = new ExplanationBuilder("credit.publication/1", penalty.DecidedOn, law.JurisdictionCode);
        var decided = Decide(penalty, law, publishedOn, builder);
        if (!decided.IsSuccess)
        {
            return RuleResult<PublicationSchedule>.Failure(decided.Errors);
        }
        var dates = decided.Value;
        if (!dates.Published)
        {
            return RuleResult<PublicationSchedule>.Success(new PublicationSchedule(false, builder.Build("not-published")));
        }
        return RuleResult<PublicationSchedule>.Success(new PublicationSchedule(true, builder.Build(dates.ShortPeriod ? "published-short" : "published"))
        {
            PublishBy = dates.PublishBy,
            PublishedOn = dates.PublishedOn,
            LastDay = dates.LastDay,
            RepairFrom = dates.RepairFrom,
        });
    }

    /// <summary>
    /// The same rule as <see cref="Schedule"/>, deciding the dates alone: nothing is allocated for a valid record (the
    /// explanation is what <see cref="Schedule"/> adds).
    /// </summary>
    /// <param name="penalty">The decision.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <param name="publishedOn">The actual publication date; <see langword="null"/> to assume the last lawful day.</param>
    /// <returns>The dates, or the coded errors <see cref="Schedule"/> gives for the same record.</returns>
    public static RuleResult<PublicationDates> Decide(PenaltyRecord penalty, LawContext law, LocalDate? publishedOn = null)
    {
        Preconditions.CheckNotNull(penalty);
        Preconditions.CheckNotNull(law);
        return Decide(penalty, law, publishedOn, null);
    }

    // The one implementation of the publication rule: with a builder it also records why.
    private static RuleResult<PublicationDates> Decide(PenaltyRecord penalty, LawContext law, LocalDate? publishedOn, ExplanationBuilder? builder)
    {
        try
        {
            return DecideOnCalendar(penalty, law, publishedOn, builder);
        }
        catch (MarketRulesException e)
        {
            // A date outside the calendar's years (or a parameter not in force on it) is the caller's input: a coded error.
            return RuleResult<PublicationDates>.Failure(e.Errors);
        }
    }

    // The publication parameters in force, per span of dates, resolved once per law context (a law is built once and
    // reused: the engine's, a bureau's): a decision finds its two spans (the decision's day and the regime's) instead
    // of resolving six parameters per call. A value missing from a span is resolved again below, which raises the
    // coded error of a parameter not in force.
    // Keyed by the policy and the jurisdiction, not by the LawContext object: the engine makes a context per request
    // over one shared policy, and the spans depend on nothing else.
    private static readonly ConditionalWeakTable<PolicyContext, ConcurrentDictionary<Jurisdiction, InForceSpans<PublicationLaw>>> Spans = new();

    private static readonly ParameterDefinition[] PublicationParameters =
    [
        CreditParameters.PublicationDeadline, CreditParameters.PublicationCrossProvinceStep, CreditParameters.LowerAmountFine,
        CreditParameters.PublicationShortPeriod, CreditParameters.PublicationStandardPeriod, CreditParameters.RepairMinimum,
        CreditParameters.RepairMinimumSensitive,
    ];

    private static InForceSpans<PublicationLaw> SpansOf(LawContext law) =>
        Spans.GetValue(law.Policy, static _ => new()).GetOrAdd(law.Jurisdiction,
            static (_, l) => new InForceSpans<PublicationLaw>(l, PublicationParameters, from => new PublicationLaw(l, from)), law);

    private sealed class PublicationLaw(LawContext law, LocalDate from)
    {
        public ParameterValue? Deadline { get; } = law.Policy.TryResolve(CreditParameters.PublicationDeadline, from, law.Jurisdiction);

        public ParameterValue? CrossProvinceStep { get; } = law.Policy.TryResolve(CreditParameters.PublicationCrossProvinceStep, from, law.Jurisdiction);

        public ParameterValue? LowerFine { get; } = law.Policy.TryResolve(CreditParameters.LowerAmountFine, from, law.Jurisdiction);

        public ParameterValue? ShortPeriod { get; } = law.Policy.TryResolve(CreditParameters.PublicationShortPeriod, from, law.Jurisdiction);

        public ParameterValue? StandardPeriod { get; } = law.Policy.TryResolve(CreditParameters.PublicationStandardPeriod, from, law.Jurisdiction);

        public ParameterValue? RepairMinimum { get; } = law.Policy.TryResolve(CreditParameters.RepairMinimum, from, law.Jurisdiction);

        public ParameterValue? RepairMinimumSensitive { get; } = law.Policy.TryResolve(CreditParameters.RepairMinimumSensitive, from, law.Jurisdiction);
    }

    private static RuleResult<PublicationDates> DecideOnCalendar(PenaltyRecord penalty, LawContext law, LocalDate? publishedOn, ExplanationBuilder? builder)
    {
        if (penalty.Measures.IsDefaultOrEmpty)
        {
            return RuleResult<PublicationDates>.Failure(KernelErrors.Required.Create("$.measures", ("PropertyName", "measures")));
        }
        // Read without pattern variables (here and below): a mutation tool that guards each condition would leave them
        // unassigned (CS0165) and drop every mutant of the method. A missing date compares false, as the patterns did.
        if (penalty.RestrictionEndsOn < penalty.DecidedOn)
        {
            return RuleResult<PublicationDates>.Failure(CreditErrors.EndBeforeStart.Create("$.restrictionEndsOn", ("Start", penalty.DecidedOn), ("End", penalty.RestrictionEndsOn.Value)));
        }
        if (publishedOn < penalty.DecidedOn)
        {
            return RuleResult<PublicationDates>.Failure(CreditErrors.EndBeforeStart.Create("$.publishedOn", ("Start", penalty.DecidedOn), ("End", publishedOn.Value)));
        }
        var context = law.Policy;
        var jurisdiction = law.Jurisdiction;
        var decided = penalty.DecidedOn;
        // Before SAMR Order 45 took force (2021-09-01) the 2014 regulations (Art. 6) and 工商总局令第71号 (Art. 2) governed:
        // ordinary-procedure decisions, warnings included, published within 20 working days. The term and the repair
        // are Order 45's from its entry into force (decision 0014).
        var beforeOrder45 = decided < Order45InForce;
        var regime = beforeOrder45 ? Order45InForce : decided;
        var spans = SpansOf(law);
        var atDecision = spans.Find(decided);
        var atRegime = spans.Find(regime);
        if (beforeOrder45 && atDecision.Deadline is null)
        {
            return RuleResult<PublicationDates>.Failure(KernelErrors.ParameterNotInForce.Create("$.decidedOn",
                ("Parameter", CreditParameters.PublicationDeadline.Id), ("Date", decided), ("EffectiveFrom", CreditParameters.PublicationDeadline.Values[0].EffectiveFrom)));
        }
        var measures = MeasuresOf(penalty.Measures);
        if ((measures.WarningOnly && !beforeOrder45) || penalty.SummaryProcedure)
        {
            builder?.Add(CreditReasons.NotPublished.ToReasonKeepingEnglish(CreditCitations.PenaltyPublication, measures.WarningOnly
                ? ("Detail", "仅受到警告", "a warning alone")
                : ("Detail", "简易程序", "summary procedure")));
            return RuleResult<PublicationDates>.Success(default);
        }
        var periods = law.Periods;
        LegalDeadline publishBy;
        if (penalty.CrossProvince && !beforeOrder45)
        {
            var step = atDecision.CrossProvinceStep ?? context.Resolve(CreditParameters.PublicationCrossProvinceStep, decided, jurisdiction);
            builder?.Use(step);
            var pushed = periods.Deadline(decided, step.AsPeriod());
            builder?.Add(ComputedDate.FromDeadline("push-by", new LocalizedText("推送登记地部门期限", "Push to the home bureau by"), pushed, step.Citation));
            publishBy = periods.Deadline(pushed.LastDay, step.AsPeriod());
        }
        else
        {
            var deadline = atDecision.Deadline ?? context.Resolve(CreditParameters.PublicationDeadline, decided, jurisdiction);
            builder?.Use(deadline);
            publishBy = periods.Deadline(decided, deadline.AsPeriod());
        }
        if (builder is not null)
        {
            builder.Add(ComputedDate.FromDeadline("publish-by", new LocalizedText("公示期限", "Publish by"), publishBy,
                beforeOrder45 ? CreditCitations.DisclosureRegulations2014Article6 : CreditCitations.PenaltyPublication));
            if (beforeOrder45)
            {
                // The period is the one in force on the decision day (企业信息公示暂行条例 Art 6), as the deadline above used it.
                var date = new LocalizedText(Order45InForce.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Order45InForce.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                builder.Add(CreditReasons.PublishedUnderEarlierRules.ToLocalizedReason(CreditCitations.PenaltyPublication2014, ("Date", date),
                    ("Period", context.Resolve(CreditParameters.PublicationDeadline, decided, jurisdiction).AsPeriod().ToLocalizedText())));
            }
        }
        var start = publishedOn ?? publishBy.LastDay;

        var threshold = atRegime.LowerFine ?? context.Resolve(CreditParameters.LowerAmountFine, regime, jurisdiction);
        var hasFine = measures.Fine;
        var lowerFine = hasFine && threshold.Value > 0 && penalty.Fine.Yuan <= (builder is null ? threshold.Value : builder.Use(threshold));
        var shortPeriod = measures.OnlyLight && (!hasFine || lowerFine);
        var length = (shortPeriod ? atRegime.ShortPeriod : atRegime.StandardPeriod)
            ?? context.Resolve(shortPeriod ? CreditParameters.PublicationShortPeriod : CreditParameters.PublicationStandardPeriod, regime, jurisdiction);
        builder?.Use(length);
        var lastDay = periods.Deadline(start, length.AsPeriod(), RestDayRule.None).LastDay;
        if (!shortPeriod && penalty.RestrictionEndsOn > lastDay)
        {
            lastDay = penalty.RestrictionEndsOn.Value;
        }
        builder?.Add(CreditReasons.PublicationPeriod.ToReason(CreditCitations.PenaltyPublication, ("Period", length.AsPeriod()), ("LastDay", lastDay)));

        LocalDate? repairFrom = null;
        if (shortPeriod || measures.NeverStopsEarly)
        {
            builder?.Add(CreditReasons.RepairExcluded.ToReasonKeepingEnglish(CreditCitations.CreditRepair, shortPeriod
                ? ("Detail", $"通报批评、较低数额罚款只公示{length.Value:0}个月", $"public criticism and lower-amount fines are only published {length.Value:0} months")
                : ("Detail", "第十四条第三款：暂扣、限制、禁止、降低资质等级或吊销", "Art. 14(3): suspension, restriction, ban, lowered qualification or revocation")));
        }
        else
        {
            // Compared one by one: an `or` pattern turned into `and` does not compile (an impossible pattern), which drops the method's mutants.
            var sensitive = penalty.Field == PenaltyField.Food || penalty.Field == PenaltyField.Drugs || penalty.Field == PenaltyField.SpecialEquipment;
            var minimum = (sensitive ? atRegime.RepairMinimumSensitive : atRegime.RepairMinimum)
                ?? context.Resolve(sensitive ? CreditParameters.RepairMinimumSensitive : CreditParameters.RepairMinimum, regime, jurisdiction);
            builder?.Use(minimum);
            repairFrom = periods.Deadline(start, minimum.AsPeriod(), RestDayRule.None).LastDay.PlusDays(1);
            builder?.Add(CreditReasons.RepairFrom.ToReason(minimum.Citation, ("Date", repairFrom.Value)));
        }
        return RuleResult<PublicationDates>.Success(new PublicationDates(publishBy.LastDay, start, lastDay, repairFrom, shortPeriod));
    }

    // What the measures say, read in one pass over them (the record's own properties each walk the array).
    private static (bool WarningOnly, bool OnlyLight, bool Fine, bool NeverStopsEarly) MeasuresOf(ImmutableArray<PenaltyMeasure> measures)
    {
        bool warningOnly = true, onlyLight = true, fine = false, neverStopsEarly = false;
        foreach (var measure in measures)
        {
            warningOnly &= measure == PenaltyMeasure.Warning;
            // Compared one by one: an `or` pattern turned into `and` does not compile (an impossible pattern), which drops the method's mutants.
            onlyLight &= measure == PenaltyMeasure.Warning || measure == PenaltyMeasure.PublicCriticism || measure == PenaltyMeasure.Fine;
            fine |= measure == PenaltyMeasure.Fine;
            neverStopsEarly |= measure == PenaltyMeasure.Suspension || measure == PenaltyMeasure.BusinessRestriction || measure == PenaltyMeasure.EmploymentBan
                || measure == PenaltyMeasure.QualificationLowered || measure == PenaltyMeasure.LicenceRevoked || measure == PenaltyMeasure.BusinessLicenceRevoked;
        }
        return (warningOnly, onlyLight, fine, neverStopsEarly);
    }

    /// <summary>The last day to withdraw a publication after the decision was changed, revoked or held void (3 working days, Art. 11).</summary>
    /// <param name="changedOn">The date the decision was changed, revoked or held void.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The deadline.</returns>
    public static LegalDeadline WithdrawalDeadline(LocalDate changedOn, LawContext law) =>
        law.Periods.Deadline(changedOn, law.Resolve(CreditParameters.PublicationWithdrawal, changedOn).AsPeriod());

    /// <summary>Decides an application to stop publication early.</summary>
    /// <param name="schedule">The decision's schedule.</param>
    /// <param name="appliedOn">The application date.</param>
    /// <param name="conditions">The four conditions.</param>
    /// <param name="law">The law in force: parameters, packs, jurisdiction and statutory calendar.</param>
    /// <returns>The decision, or a coded error: <c>MR.Credit.RepairTooEarly</c> before repair opens, <c>MR.Credit.RepairNotAvailable</c> when it never does or publication has ended, <c>MR.Calendar.OutOfRange</c> when the decision's deadline falls beyond the statutory calendar's years: never an exception.</returns>
    public static RuleResult<EarlyStopDecision> RequestEarlyStop(PublicationSchedule schedule, LocalDate appliedOn, EarlyStopConditions conditions,
        LawContext law)
    {
        Preconditions.CheckNotNull(schedule);
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        if (!schedule.Published || schedule.RepairFrom is null)
        {
            return RuleResult<EarlyStopDecision>.Failure(CreditErrors.RepairNotAvailable.Create("$", ("Detail", schedule.Published ? "never stopped early" : "not published")));
        }
        var from = schedule.RepairFrom.Value;
        if (appliedOn < from)
        {
            return RuleResult<EarlyStopDecision>.Failure(CreditErrors.RepairTooEarly.Create("$.appliedOn", ("Date", appliedOn), ("Earliest", from)));
        }
        if (appliedOn > schedule.LastDay)
        {
            return RuleResult<EarlyStopDecision>.Failure(CreditErrors.RepairNotAvailable.Create("$.appliedOn", ("Detail", "publication has already ended")));
        }
        Preconditions.CheckNotNull(law);
        try
        {
            return DecideEarlyStop(appliedOn, conditions, law);
        }
        catch (MarketRulesException e)
        {
            // A decision deadline beyond the calendar's years (or a parameter not in force on the day) is the caller's
            // input: a coded error, as Schedule gives for the same dates.
            return RuleResult<EarlyStopDecision>.Failure(e.Errors);
        }
    }

    private static RuleResult<EarlyStopDecision> DecideEarlyStop(LocalDate appliedOn, EarlyStopConditions conditions, LawContext law)
    {
        var context = law.Policy;
        var jurisdiction = law.Jurisdiction;
        var builder = new ExplanationBuilder("credit.publication/1", appliedOn, law.JurisdictionCode);
        var decision = context.Resolve(CreditParameters.RepairDecision, appliedOn, jurisdiction);
        builder.Use(decision);
        var decideBy = law.Periods.Deadline(appliedOn, decision.AsPeriod());
        builder.Add(ComputedDate.FromDeadline("decide-by", new LocalizedText("作出决定期限", "Decide by"), decideBy, decision.Citation));
        SeriousViolationList.AddUnmet(builder, conditions.PenaltyPerformed, "penalty performed / 已履行行政处罚");
        SeriousViolationList.AddUnmet(builder, conditions.HarmRemoved, "harm removed / 已消除危害后果和不良影响");
        SeriousViolationList.AddUnmet(builder, conditions.NoNewPenaltyOfSameKind, "no new penalty of the same kind / 未再受到同类行政处罚");
        SeriousViolationList.AddUnmet(builder, conditions.NotOnLists, "not on either list / 未被列入经营异常名录或严重违法失信名单");
        return RuleResult<EarlyStopDecision>.Success(new EarlyStopDecision(conditions.AllMet, decideBy.LastDay, builder.Build(conditions.AllMet ? "stopped-early" : "refused")));
    }
}
