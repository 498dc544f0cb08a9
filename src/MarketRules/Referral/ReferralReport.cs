using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Referral;

/// <summary>One threshold measured against the facts.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Role">What reaching it means.</param>
/// <param name="Actual">The facts' amount or count, in the threshold's unit (yuan or pieces).</param>
/// <param name="Required">The threshold as applied (after the unit multiplier).</param>
/// <param name="Met">Whether <paramref name="Actual"/> reaches <paramref name="Required"/> (以上 includes the number).</param>
/// <param name="Multiplier">The multiplier applied to the catalogue value (3 for units before 2007-04-05, else 1).</param>
/// <param name="Value">The catalogue value used, with its dates and citation.</param>
public sealed record ThresholdCheck(ReferralThreshold Threshold, CheckRole Role, decimal Actual, decimal Required, bool Met, long Multiplier, ParameterValue Value)
{
    /// <summary>How far above (positive or zero) or below (negative) the threshold the facts are.</summary>
    public decimal Difference => Actual - Required;
}

/// <summary>A referral decision with every check, citation and reason: what an officer files with the transfer.</summary>
/// <remarks>
/// <para>The evaluation records its checks compactly (numbers and the threshold's index into the law's table of values);
/// <see cref="Checks"/>, <see cref="CurrentLawChecks"/> and <see cref="Explanation"/> are made from that record the
/// first time they are read, and each reason's text when it is read. The decision itself is complete at once.</para>
/// <para>This type is immutable and thread-safe (two threads reading a part first may both make it; one is kept).</para>
/// </remarks>
public sealed class ReferralReport : IDeferredMessageArguments
{
    private readonly LocalDate asOf;
    private readonly LocalDate lawDate;
    private readonly Jurisdiction jurisdiction;
    private readonly RecordedCheck[] records;
    private readonly int actCount;
    private readonly ParameterValue?[] actValues;
    private readonly ParameterValue?[]? currentValues;
    [Memoised]
    private ThresholdCheck[]? checks;
    [Memoised]
    private ThresholdCheck[]? currentLawChecks;
    [Memoised]
    private Explanation? explanation;

    internal ReferralReport(in ReferralFacts facts, LocalDate asOf, LocalDate lawDate, Jurisdiction jurisdiction, ReferralDecision decision,
        RecordedCheck[] records, int actCount, ParameterValue?[] actValues, ParameterValue?[]? currentValues)
    {
        Facts = facts;
        Decision = decision;
        this.asOf = asOf;
        this.lawDate = lawDate;
        this.jurisdiction = jurisdiction;
        this.records = records;
        this.actCount = actCount;
        this.actValues = actValues;
        this.currentValues = currentValues;
    }

    /// <summary>The facts decided on.</summary>
    public ReferralFacts Facts { get; }

    /// <summary>The decision.</summary>
    public ReferralDecision Decision { get; }

    /// <summary>The thresholds checked under the law of the act date, in the order checked.</summary>
    public ImmutableArray<ThresholdCheck> Checks => ImmutableCollectionsMarshal.AsImmutableArray(checks ?? MakeChecks().Act);

    /// <summary>The thresholds checked under the law of the decision date, when it differs from the act date's; else empty.</summary>
    public ImmutableArray<ThresholdCheck> CurrentLawChecks => ImmutableCollectionsMarshal.AsImmutableArray(currentLawChecks ?? MakeChecks().Current);

    /// <summary>The explanation: reasons with citations and the parameter values used.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.BuildExplanation());

    /// <summary>The distinct citations of every check.</summary>
    public ImmutableArray<Citation> Citations => [.. Checks.Concat(CurrentLawChecks).Select(c => c.Value.Citation).Distinct()];

    // The record of a check in the threshold's own unit, with the value of the law's table it was measured against.
    private (ThresholdCheck[] Act, ThresholdCheck[] Current) MakeChecks()
    {
        var act = ToChecks(0, actCount, actValues);
        var current = currentValues is null ? [] : ToChecks(actCount, records.Length, currentValues);
        act = Interlocked.CompareExchange(ref checks, act, null) ?? act;
        current = Interlocked.CompareExchange(ref currentLawChecks, current, null) ?? current;
        return (act, current);
    }

    private ThresholdCheck[] ToChecks(int from, int to, ParameterValue?[] values)
    {
        if (from == to)
        {
            return [];
        }
        var made = new ThresholdCheck[to - from];
        for (var i = from; i < to; i++)
        {
            var r = records[i];
            made[i - from] = new ThresholdCheck(r.Threshold, r.Role, ReferralParameters.InUnit(r.Threshold, r.Actual), ReferralParameters.InUnit(r.Threshold, r.Required),
                r.Met, r.Multiplier, values[(int)r.Threshold]!);
        }
        return made;
    }

    // The deferred reasons: a check by its index, or the element required on the law's date or on the decision date.
    private const int ElementOfLawDate = -1;
    private const int ElementOfDecisionDate = -2;
    private const int Conclusion = -3;

    MessageArguments IDeferredMessageArguments.ArgumentsOf(int index)
    {
        if (index >= 0)
        {
            return Describe(Checks[index]);
        }
        if (index == Conclusion)
        {
            return Decision.Refer
                ? MessageArguments.Of([("Offence", Label(Decision.Offence).Chinese, Label(Decision.Offence).English), ("Band", BandLabel(Decision.Band).Chinese, BandLabel(Decision.Band).English)])
                : MessageArguments.Of([("Offence", Label(Facts.Offence).Chinese, Label(Facts.Offence).English)]);
        }
        var date = index == ElementOfLawDate ? lawDate : asOf;
        return DescribeElement(Facts, date, ReferralElements.At(Facts.Offence, date)!, Decision);
    }

    private Explanation BuildExplanation()
    {
        var facts = Facts;
        var decision = Decision;
        // Usually a reason per check, the element and the conclusion; a parameter per check.
        var builder = new ExplanationBuilder(CriminalReferral.RuleId, asOf, jurisdiction.IsNational ? null : jurisdiction.ToString(), actCount + 2, actCount);
        for (var i = 0; i < actCount; i++)
        {
            // A reason per check, its values (amounts, names, margin) made from the record when its text is read.
            var value = actValues[(int)records[i].Threshold]!;
            builder.Use(value);
            builder.Add((records[i].Met ? ReferralReasons.ThresholdReached : ReferralReasons.ThresholdMissed).ToDeferredReason(value.Citation, this, i));
        }
        // The element the law applied to the act required (and, where it differs, the one of the decision date).
        var elementAtAct = ReferralElements.At(facts.Offence, lawDate);
        if (elementAtAct is not null)
        {
            builder.Add(ReferralReasons.ElementRequired.ToDeferredReason(elementAtAct.Citation, this, ElementOfLawDate));
        }
        if (ReferralElements.At(facts.Offence, asOf) is { } elementNow && elementAtAct is not null && elementNow.Element != elementAtAct.Element)
        {
            builder.Add(ReferralReasons.ElementRequired.ToDeferredReason(elementNow.Citation, this, ElementOfDecisionDate));
        }
        if (decision.InterpretationOfDecisionDate)
        {
            builder.Add(ReferralReasons.InterpretationOfDecisionDate.ToReason(InterpretationTimeEffectArticle2,
                ("ActDate", facts.ActDate), ("AsOf", asOf), ("From", CriminalReferral.InterpretationGapEnd(facts) ?? asOf)));
        }
        else if (CriminalReferral.InterpretationGapEnd(facts) is { } gapEnd && asOf < gapEnd && facts.Offence != CriminalOffence.IllegalFoodBusiness)
        {
            builder.Add(ReferralReasons.InterpretationNotYetIssued.ToReason(InterpretationTimeEffectArticle2, ("AsOf", asOf), ("From", gapEnd)));
        }
        if (decision.Facts != FactTriggers.None)
        {
            builder.Add(ReferralReasons.FactReached.ToReasonKeepingEnglish(null, ("Offence", Label(facts.Offence).Chinese, Label(facts.Offence).English),
                ("Facts", FactsLabel(decision.Facts).Chinese, FactsLabel(decision.Facts).English)));
        }
        if ((decision.Facts & FactTriggers.HeavierOfBoth) != 0 && decision.Refer && decision.LighterOffence != CriminalOffence.Unspecified)
        {
            builder.Add(DescribeHeavierOfBoth(facts, decision, decision.LaterLawLighter ? asOf : lawDate));
        }
        if (facts.Offence == CriminalOffence.CounterfeitRegisteredMark && facts.IsServiceMark && facts.ActDate < ReferralElements.AmendmentXIInForce)
        {
            builder.Add(ReferralReasons.ServiceMarkNotCovered.ToReason(null, ("Date", ReferralElements.AmendmentXIInForce)));
        }
        if (decision.LawChanged)
        {
            for (var i = actCount; i < records.Length; i++)
            {
                builder.Use(currentValues![(int)records[i].Threshold]!);
            }
            builder.Add(ReferralReasons.LawChanged.ToReasonKeepingEnglish(null, ("ActDate", facts.ActDate, facts.ActDate), ("AsOf", asOf, asOf),
                ("Today", decision.ReferUnderCurrentLaw ? "应当移送" : "不移送", decision.ReferUnderCurrentLaw ? "refer" : "do not refer")));
            if (decision.LaterLawMoreLenient)
            {
                builder.Add(ReferralReasons.LaterLawMoreLenient.ToReason(CriminalLawArticle12, ("ActDate", facts.ActDate), ("AsOf", asOf)));
            }
            else if (!decision.Refer && decision.ReferUnderCurrentLaw)
            {
                builder.Add(ReferralReasons.LaterLawStricter.ToReason(CriminalLawArticle12, ("ActDate", facts.ActDate), ("AsOf", asOf)));
            }
        }
        if (decision.Refer && decision.IsAttempt)
        {
            builder.Add(ReferralReasons.Attempt.ToLocalizedReason(CriminalLawArticle23, ("Offence", Label(decision.Offence))));
        }
        if (decision.LaterLawLighter)
        {
            builder.Add(ReferralReasons.LaterLawLighter.ToReason(CriminalLawArticle12, ("ActDate", facts.ActDate), ("AsOf", asOf)));
        }
        if (facts.ReasonableSuspicion)
        {
            if ((decision.Facts & FactTriggers.ReasonableSuspicion) != 0)
            {
                builder.Add(ReferralReasons.ReasonableSuspicion.ToReason(ReasonableSuspicionArticle));
            }
            else if (!CriminalReferral.IsIntellectualProperty(facts.Offence))
            {
                builder.Add(ReferralReasons.ReasonableSuspicionNotApplicable.ToLocalizedReason(ReasonableSuspicionArticle,
                    ("Detail", new LocalizedText("第三条第二款只适用于知识产权领域的案件（刑法第二百一十三条至第二百一十六条）",
                        "Art 3(2) covers intellectual-property cases only (Criminal Law Arts 213–216)"))));
            }
            else if (LegalDocuments.CriminalCaseTransferProvisions2020.InForceFrom is { } revision && asOf < revision)
            {
                var culture = System.Globalization.CultureInfo.InvariantCulture;
                builder.Add(ReferralReasons.ReasonableSuspicionNotApplicable.ToLocalizedReason(ReasonableSuspicionArticle,
                    ("Detail", new LocalizedText($"第三条第二款自{revision.ToString("uuuu'年'M'月'd'日'", culture)}修订后施行",
                        $"Art 3(2) applies from the {revision.ToString("uuuu-MM-dd", culture)} revision"))));
            }
            else
            {
                builder.Add(ReferralReasons.ReasonableSuspicionNotApplicable.ToLocalizedReason(ReasonableSuspicionArticle,
                    ("Detail", new LocalizedText("已达到追诉标准，按第三条第一款移送", "the threshold is reached: transferred under Art 3(1)"))));
            }
        }
        builder.Add(decision.Refer
            ? ReferralReasons.Refer.ToDeferredReason((decision.Facts & FactTriggers.ReasonableSuspicion) != 0 ? ReasonableSuspicionArticle : TransferDuty, this, Conclusion)
            : ReferralReasons.DoNotRefer.ToDeferredReason(null, this, Conclusion));
        return builder.Build(decision.Refer ? "refer" : "do-not-refer");
    }

    private static MessageArguments DescribeElement(in ReferralFacts facts, LocalDate date, ElementRule rule, ReferralDecision decision)
    {
        var met = rule.Element is OffenceElement.Endangerment or OffenceElement.ActualHarm
            ? CriminalReferral.Establishes(facts, rule.Element)
            : decision.MissingElement != rule.Element;
        var (zh, en) = rule.Element switch
        {
            OffenceElement.ActItself => ("行为本身即构成犯罪", "the act itself is the crime"),
            OffenceElement.Amount => ("以追诉标准的数额衡量", "measured by the amounts of the thresholds"),
            _ when met => ("事实具备该要件", "the facts establish it"),
            _ => ("事实未认定该要件，不构成本条之罪", "the facts do not establish it: not this article's crime"),
        };
        var offence = Label(facts.Offence);
        object day = date;
        return MessageArguments.Of([("Date", day, day), ("Offence", offence.Chinese, offence.English), ("Requirement", rule.Requirement.Chinese, rule.Requirement.English),
            ("Outcome", zh, en)], keepsEnglish: false);
    }

    private static Reason DescribeHeavierOfBoth(in ReferralFacts facts, ReferralDecision decision, LocalDate date)
    {
        var specificBand = decision.Offence == CriminalOffence.ShoddyProducts ? decision.LighterBand : decision.Band;
        var band140 = decision.Offence == CriminalOffence.ShoddyProducts ? decision.Band : decision.LighterBand;
        var specific = StatutoryPunishments.Of(facts.Offence, specificBand, date);
        var art140 = StatutoryPunishments.Of(CriminalOffence.ShoddyProducts, band140, date);
        return ReferralReasons.HeavierOfBoth.ToLocalizedReason(CriminalLawArticle149,
            ("Specific", Label(facts.Offence)), ("SpecificRange", specific?.Text ?? Same("-")),
            ("Art140", Label(CriminalOffence.ShoddyProducts)), ("Art140Range", art140?.Text ?? Same("-")),
            ("Chosen", Label(decision.Offence)));
    }

    private static LocalizedText Same(string text) => new(text, text);

    internal static LocalizedText Label(CriminalOffence offence) =>
        Labels.TryGetValue(offence, out var label) ? label : new("刑法第" + ((int)offence).ToString(CultureInfo.InvariantCulture) + "条", OffenceLabel(offence));

    // Every offence's label built once: an explained decision names its offence several times.
    private static readonly System.Collections.Frozen.FrozenDictionary<CriminalOffence, LocalizedText> Labels =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<CriminalOffence>(), o => o,
            o => new LocalizedText("刑法第" + ((int)o).ToString(CultureInfo.InvariantCulture) + "条", OffenceLabel(o)));

    private static MessageArguments Describe(ThresholdCheck check)
    {
        // The threshold's name in each language (the parameter's own zh and en names), never its C# identifier.
        var name = ReferralParameters.Of(check.Threshold).Name;
        var zh = check.Multiplier != 1 ? name.Chinese + $"（单位犯罪按 {check.Multiplier} 倍）" : name.Chinese;
        var en = check.Multiplier != 1 ? name.English + $" (× {check.Multiplier} for a unit)" : name.English;
        object actual = Number(check, check.Actual), required = Number(check, check.Required);
        object margin = Number(check, check.Met ? check.Difference : -check.Difference);
        return MessageArguments.Of([("Threshold", zh, en), ("Actual", actual, actual), ("Required", required, required), (check.Met ? "Margin" : "Shortfall", margin, margin)]);
    }

    /// <summary>The sentencing band in the words of the articles.</summary>
    internal static LocalizedText BandLabel(SentencingBand band) => band switch
    {
        SentencingBand.Base => new("基本档（数额较大或情节严重）", "basic band"),
        SentencingBand.Aggravated => new("第二档（严重危害或其他严重情节）", "second band"),
        SentencingBand.EspeciallySerious => new("第三档（数额巨大或情节特别严重）", "third band"),
        SentencingBand.Gravest => new("第四档（十五年有期徒刑或者无期徒刑）", "fourth band"),
        _ => new("无", "none"),
    };

    /// <summary>The facts that made the case criminal without an amount, in each language.</summary>
    internal static LocalizedText FactsLabel(FactTriggers facts)
    {
        var zh = new List<string>();
        var en = new List<string>();
        void Add(FactTriggers flag, string chinese, string english)
        {
            if ((facts & flag) != 0)
            {
                zh.Add(chinese);
                en.Add(english);
            }
        }
        Add(FactTriggers.ActItself, "行为本身即构成犯罪", "the act itself");
        Add(FactTriggers.InjuryOrDeath, "造成伤亡", "injury or death");
        Add(FactTriggers.Harm, "已认定的危害事实", "an established fact of harm");
        Add(FactTriggers.FallbackToArt140, "依照刑法第一百四十九条第一款按第一百四十条处理", "Art 149(1): Art 140 applies");
        Add(FactTriggers.HeavierOfBoth, "依照刑法第一百四十九条第二款择重处罚", "Art 149(2): the heavier applies");
        Add(FactTriggers.ReasonableSuspicion, "存在犯罪的合理嫌疑", "a reasonable suspicion of a crime");
        return new LocalizedText(string.Join("、", zh), string.Join(", ", en));
    }

    private static MessageNumber Number(ThresholdCheck check, decimal value) => new(value, check.Value.Unit == ParameterUnit.Yuan ? "0.00" : "0");

    internal static string OffenceLabel(CriminalOffence offence) => "Criminal Law Art " + ((int)offence).ToString(CultureInfo.InvariantCulture);

    private static readonly Citation CriminalLawArticle12 =
        ReferralSources.Cite(ReferralSources.CriminalLaw, "第十二条", "Art. 12", VerificationStatus.VerifiedOfficial, "从旧兼从轻: the law at the time of the act unless the later law is more lenient.");

    private static readonly Citation CriminalLawArticle23 =
        ReferralSources.Cite(ReferralSources.CriminalLaw, "第二十三条", "Art. 23", VerificationStatus.VerifiedSecondary,
            "已经着手实行犯罪，由于犯罪分子意志以外的原因而未得逞的，是犯罪未遂。对于未遂犯，可以比照既遂犯从轻或者减轻处罚。");

    private static readonly Citation CriminalLawArticle149 =
        ReferralSources.Cite(ReferralSources.CriminalLaw, "第一百四十九条第二款", "Art. 149(2)", VerificationStatus.VerifiedOfficial,
            "生产、销售本节第一百四十一条至第一百四十八条所列产品，构成各该条规定的犯罪，同时又构成本节第一百四十条规定之罪的，依照处罚较重的规定定罪处罚");

    private static readonly Citation InterpretationTimeEffectArticle2 =
        ReferralSources.Cite(ReferralSources.InterpretationTimeEffect2001, "第二条", "Art. 2", VerificationStatus.VerifiedSecondary,
            "对于司法解释实施前发生的行为，行为时没有相关司法解释，司法解释施行后尚未处理或者正在处理的案件，依照司法解释的规定办理");

    private static readonly Citation ReasonableSuspicionArticle =
        ReferralSources.Cite(ReferralSources.TransferRegulations, "第三条第二款", "Art. 3(2)", VerificationStatus.VerifiedOfficial,
            "知识产权领域的违法案件，行政执法机关根据调查收集的证据和查明的案件事实，认为存在犯罪的合理嫌疑，需要公安机关采取措施进一步获取证据以判断是否达到刑事案件立案追诉标准的，应当向公安机关移送");

    private static readonly Citation TransferDuty =
        ReferralSources.Cite(ReferralSources.TransferRegulations, "第三条", "Art. 3", VerificationStatus.VerifiedOfficial, "A penalty may not replace the transfer (Art 11).");
}

/// <summary>One threshold check as the evaluation records it: numbers in fen or pieces and the threshold's index, nothing made yet.</summary>
internal readonly struct RecordedCheck(long actual, long required, long multiplier, ReferralThreshold threshold, CheckRole role, bool met)
{
    // A byte each: thresholds are fewer than 128 (the decision's UInt128 mask), roles three; 32 bytes a check.
    private readonly byte threshold = checked((byte)threshold);
    private readonly byte role = (byte)role;

    public long Actual { get; } = actual;

    public long Required { get; } = required;

    public long Multiplier { get; } = multiplier;

    public ReferralThreshold Threshold => (ReferralThreshold)threshold;

    public CheckRole Role => (CheckRole)role;

    public bool Met { get; } = met;
}
