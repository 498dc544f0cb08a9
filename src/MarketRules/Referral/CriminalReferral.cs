using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Referral;

/// <summary>What a threshold check stands for in the decision.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.KebabCaseEnumConverter<CheckRole>))]
public enum CheckRole
{
    /// <summary>Reaching it makes the case criminal (立案追诉).</summary>
    Referral = 0,

    /// <summary>Reaching it makes the case a criminal attempt (未遂), e.g. unsold goods only.</summary>
    Attempt = 1,

    /// <summary>Reaching it raises the sentencing band.</summary>
    Band = 2,
}

/// <summary>
/// Decides whether a market-supervision case must be transferred to the police (行刑衔接): it measures the facts against
/// the thresholds in force on the date of the acts, applies a later law only where it is more lenient (Criminal Law
/// Art 12), and reports the decisive threshold, the nearest miss and the sentencing band.
/// </summary>
/// <remarks>
/// <para>The thresholds are resolved once, when the instance is built, into one row of numbers per span of dates in
/// which no value changes; <see cref="Decide"/> then reads a row and compares integers, allocating nothing.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class CriminalReferral
{
    /// <summary>The id under which referral decisions are explained and evaluated: <c>referral.criminal/1</c>.</summary>
    public const string RuleId = "referral.criminal/1";

    private static readonly int ThresholdCount = RowsCoverEveryThreshold(ReferralParameters.All.Length);
    private static readonly LocalDate AmendmentXIInForce = ReferralElements.AmendmentXIInForce;
    private static readonly int AmendmentXIKey = Key(AmendmentXIInForce);
    private static readonly int Ip2025Key = Key(ReferralElements.IpInterpretation2025InForce);
    private static readonly int Food2013Key = Key(ReferralElements.FoodSafety2013InForce);
    private static readonly int Food2021Key = Key(ReferralElements.FoodSafety2021InForce);
    private static readonly LocalDate TransferRevision2020 = LegalDocuments.CriminalCaseTransferProvisions2020.InForceFrom!.Value;
    private static readonly int TransferRevision2020Key = Key(TransferRevision2020);

    // Which offences each threshold belongs to (for the date an article's standard took force): a bit per offence index.
    private static readonly int[] ThresholdOwners = [.. ReferralParameters.All.Select(p => OwnersOf(p.Id))];
    private static readonly int DefaultDateKey = Key(default);
    private static readonly long MaxFen = (long)(Money.MaxYuan * 100m);

    private readonly InForceSpans<LawSpan> spans;

    /// <summary>Builds the decision tables for the law of a jurisdiction.</summary>
    /// <param name="law">The law in force: the parameters (national values plus any policy packs) and the jurisdiction whose packs apply, the library's national law or a request's.</param>
    public CriminalReferral(LawContext law)
    {
        Law = Preconditions.CheckNotNull(law);
        // The law changes where a threshold does (national values and the packs' overrides), where an element rule
        // takes force or lapses, on Amendment XI's first day and on the transfer provisions' 2020 revision.
        var elementDays = ReferralElements.All.SelectMany(rule => rule.EffectiveUntil is { } until ? [rule.EffectiveFrom, until] : new[] { rule.EffectiveFrom });
        spans = new InForceSpans<LawSpan>(law, ReferralParameters.All, from => BuildSpan(law.Policy, law.Jurisdiction, from),
            [.. elementDays, AmendmentXIInForce, TransferRevision2020]);
    }

    /// <summary>The law the tables were built from: parameters, packs and jurisdiction.</summary>
    public LawContext Law { get; }

    /// <summary>
    /// Decides whether to refer without building the explanation, allocating nothing when the facts are valid: the same
    /// evaluation as <see cref="Explain"/> (one method per article), with the recording of the checks switched off.
    /// Screening callers who want only the yes/no read <see cref="ReferralDecision.Refer"/>.
    /// </summary>
    /// <param name="facts">The facts, amounts cumulated over the acts not yet handled.</param>
    /// <param name="asOf">The date of the decision: a later law applies only when it is more lenient.</param>
    /// <returns>The decision, or coded errors (<see cref="ReferralErrors"/>) for bad facts.</returns>
    public RuleResult<ReferralDecision> Decide(in ReferralFacts facts, LocalDate asOf)
    {
        var none = default(NoSink);
        return Run(facts, asOf, ref none, ref none, out _);
    }

    // State Council Order 310 Art 3(2) (from the 2020 revision): an IP case with a reasonable suspicion is transferred.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnReasonableSuspicion(in ReferralFacts facts, int asOfKey) =>
        facts.ReasonableSuspicion && IsIntellectualProperty(facts.Offence) && asOfKey >= TransferRevision2020Key;

    /// <summary>Whether the facts establish a harm element (endangerment, shown also by actual harm; or actual harm); other elements are decided by the thresholds.</summary>
    /// <remarks>The explanation's words for the element and the decision read the same two predicates, <see cref="Injured"/> and <see cref="ShowsSeriousHarm"/>.</remarks>
    internal static bool Establishes(in ReferralFacts f, OffenceElement element)
    {
        var seriousHarm = ShowsSeriousHarm(f);
        return element switch
        {
            OffenceElement.Endangerment => seriousHarm || (f.Harm & HarmFacts.SufficientToEndangerHealth) != 0,
            OffenceElement.ActualHarm => seriousHarm,
            _ => true,
        };
    }

    /// <summary>Whether anyone was injured or died.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Injured(in ReferralFacts f) => f.MinorInjuries > 0 || f.SeriousInjuries > 0 || f.Deaths > 0;

    /// <summary>对人体健康造成严重危害: an injury or death, or serious harm established without a counted injury.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ShowsSeriousHarm(in ReferralFacts f) => Injured(f) || (f.Harm & HarmFacts.SeriousHealthHarm) != 0;

    internal static bool IsIntellectualProperty(CriminalOffence offence) => offence is >= CriminalOffence.CounterfeitRegisteredMark and <= CriminalOffence.PassingOffPatents;

    /// <summary>
    /// For an act whose element no interpretation defined when it was done, the date key from which the interpretation
    /// that applies to cases handled after it took force (2001 time-effect rule Art 2; decision 0014); 0 otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int InterpretationGapUntil(in ReferralFacts f, int actKey) => f.Offence switch
    {
        CriminalOffence.SellingCounterfeitMarkGoods when actKey >= AmendmentXIKey && actKey < Ip2025Key => Ip2025Key,
        CriminalOffence.CounterfeitRegisteredMark when actKey >= AmendmentXIKey && actKey < Ip2025Key && f.IsServiceMark => Ip2025Key,
        CriminalOffence.IllegalFoodBusiness when actKey >= Food2013Key && actKey < Food2021Key => Food2021Key,
        _ => 0,
    };

    /// <summary>Whether the thresholds of the decision date apply to these facts (2001 time-effect rule Art 2).</summary>
    internal static bool UsesInterpretationOfDecisionDate(in ReferralFacts facts, LocalDate asOf)
    {
        var gap = InterpretationGapUntil(facts, Key(facts.ActDate));
        return gap != 0 && Key(asOf) >= gap;
    }

    /// <summary>The first day of the interpretation that defines the element for these facts, or <see langword="null"/>.</summary>
    internal static LocalDate? InterpretationGapEnd(in ReferralFacts facts) => InterpretationGapUntil(facts, Key(facts.ActDate)) switch
    {
        0 => null,
        var key when key == Food2021Key => ReferralElements.FoodSafety2021InForce,
        _ => ReferralElements.IpInterpretation2025InForce,
    };

    private static RuleError NoStandard(in ReferralFacts facts, LocalDate asOf) =>
        ReferralErrors.NoAmountStandard.CreateLocalized("$.actDate", ("Offence", ReferralReport.Label(facts.Offence).Chinese, ReferralReport.Label(facts.Offence).English),
            ("AsOf", asOf, asOf), ("From", ReferralElements.FoodSafety2021InForce, ReferralElements.FoodSafety2021InForce));

    /// <summary>
    /// Decides and explains: the same evaluation as <see cref="Decide"/>, recording every threshold checked under the law
    /// of the act date and of the decision date, with its value, citation and margin.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <param name="asOf">The date of the decision.</param>
    /// <returns>The report, or coded errors for bad facts.</returns>
    public RuleResult<ReferralReport> Explain(in ReferralFacts facts, LocalDate asOf)
    {
        // Both sinks record on the stack; the report keeps one array of what was checked and makes the rest when read.
        var atAct = default(RecordingSink);
        var atDecision = default(RecordingSink);
        var result = Run(facts, asOf, ref atAct, ref atDecision, out var spanPair);
        if (!result.IsSuccess)
        {
            return RuleResult<ReferralReport>.Failure(result.Errors);
        }
        var currentCount = spanPair.Current is null ? 0 : atDecision.Count;
        var records = atAct.Count + currentCount == 0 ? [] : new RecordedCheck[atAct.Count + currentCount];
        atAct.CopyTo(records.AsSpan(0, atAct.Count));
        atDecision.CopyTo(records.AsSpan(atAct.Count, currentCount));
        return RuleResult<ReferralReport>.Success(new ReferralReport(facts, asOf, spanPair.LawDate, Law.Jurisdiction, result.Value, records, atAct.Count,
            spanPair.Act!.Sources, spanPair.Current?.Sources));
    }

    /// <summary>Checks facts for bad input without deciding.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="asOf">The decision date.</param>
    /// <returns>The errors; empty when the facts are valid.</returns>
    public ImmutableArray<RuleError> Validate(in ReferralFacts facts, LocalDate asOf)
    {
        ImmutableArray<RuleError>.Builder? errors = null;
        CheckInput(facts, asOf, ref errors);
        if (errors is null && Existence(facts, facts.ActDate) is { } missing)
        {
            return [missing];
        }
        if (errors is null && facts.Offence == CriminalOffence.IllegalFoodBusiness && InterpretationGapUntil(facts, Key(facts.ActDate)) is var gap and not 0 && Key(asOf) < gap)
        {
            return [NoStandard(facts, asOf)];
        }
        return errors?.ToImmutable() ?? [];
    }

    private RuleResult<ReferralDecision> Run<TSink>(in ReferralFacts facts, LocalDate asOf, ref TSink atAct, ref TSink atDecision, out (LawSpan? Act, LawSpan? Current, LocalDate LawDate) used)
        where TSink : struct, ICheckSink
    {
        used = default;
        ImmutableArray<RuleError>.Builder? errors = null;
        CheckInput(facts, asOf, ref errors);
        if (errors is not null)
        {
            return RuleResult<ReferralDecision>.Failure(errors.ToImmutable());
        }
        var actKey = Key(facts.ActDate);
        var asOfKey = Key(asOf);
        var actSpan = Find(actKey);
        if (!actSpan.InForce(facts.Offence))
        {
            return RuleResult<ReferralDecision>.Failure(Existence(facts, facts.ActDate)!);
        }
        // The law of the act date, except where no interpretation defined the element then: the interpretation in force
        // when the case is handled applies (2001 time-effect rule Art 2; decision 0014).
        var lawDate = facts.ActDate;
        var handling = false;
        var gap = InterpretationGapUntil(facts, actKey);
        if (gap != 0)
        {
            if (asOfKey >= gap)
            {
                actSpan = Find(asOfKey);
                lawDate = asOf;
                handling = true;
            }
            else if (facts.Offence == CriminalOffence.IllegalFoodBusiness)
            {
                return RuleResult<ReferralDecision>.Failure(NoStandard(facts, asOf));
            }
        }
        Evaluate(facts, lawDate, actSpan, ref atAct, out var act);
        var currentSpan = handling || asOfKey == actKey ? actSpan : Find(asOfKey);
        var current = act;
        var changed = !ReferenceEquals(currentSpan, actSpan);
        if (changed)
        {
            if (currentSpan.InForce(facts.Offence))
            {
                Evaluate(facts, asOf, currentSpan, ref atDecision, out current);
            }
            else
            {
                current = default;
            }
        }
        used = (actSpan, changed ? currentSpan : null, lawDate);
        var refer = act.Refers && current.Refers;
        // Criminal Law Art 12: both laws make it a crime; the later one applies only where it punishes less heavily.
        var laterLighter = refer && changed
            && StatutoryPunishments.Compare(current.Offence, current.Band, asOf, act.Offence, act.Band, lawDate) < 0;
        var suspicion = !refer && OnReasonableSuspicion(facts, asOfKey);
        var appliedOffence = laterLighter ? current.Offence : act.Refers ? act.Offence : facts.Offence;
        return RuleResult<ReferralDecision>.Success(new ReferralDecision
        {
            Refer = refer || suspicion,
            Offence = appliedOffence,
            Band = !refer ? SentencingBand.None : laterLighter ? current.Band : act.Band,
            IsAttempt = refer && (laterLighter ? current.AttemptOnly : act.AttemptOnly),
            Facts = suspicion ? act.Facts | FactTriggers.ReasonableSuspicion : act.Facts,
            Triggered = act.Mask,
            HasDecisiveThreshold = act.HasDecisive,
            DecisiveThreshold = act.Decisive,
            MarginRaw = act.Margin,
            HasNearestMiss = act.HasNearest,
            NearestMiss = act.Nearest,
            ShortfallRaw = act.Shortfall,
            LawFrom = (laterLighter ? currentSpan : actSpan).OffenceFrom(appliedOffence),
            // Changed for these facts: a crime or not, the band, attempt or completed (unsold goods are an attempt under
            // the 2010 standards and a completed Art 214 offence under 法释〔2025〕5号), or the thresholds reached.
            LawChanged = changed && (act.Refers != current.Refers || act.Band != current.Band || act.AttemptOnly != current.AttemptOnly
                || act.MaskLow != current.MaskLow || act.MaskHigh != current.MaskHigh),
            ReferUnderCurrentLaw = current.Refers,
            LaterLawMoreLenient = act.Refers && !current.Refers,
            MissingElement = !act.Refers ? act.Missing : !current.Refers || laterLighter ? current.Missing : act.Missing,
            LighterOffence = !refer ? CriminalOffence.Unspecified : laterLighter ? current.LighterOffence : act.LighterOffence,
            LighterBand = !refer ? SentencingBand.None : laterLighter ? current.LighterBand : act.LighterBand,
            InterpretationOfDecisionDate = handling,
            LaterLawLighter = laterLighter,
        });
    }

    private static void CheckInput(in ReferralFacts f, LocalDate asOf, ref ImmutableArray<RuleError>.Builder? errors)
    {
        if (IsPlainlyValid(f, asOf))
        {
            return;
        }
        CheckEachField(f, asOf, ref errors);
    }

    // Whether the one-pass test finds the facts valid; a property test holds it to "CheckEachField finds nothing".
    internal static bool IsPlainlyValid(in ReferralFacts f, LocalDate asOf) => IsPlainlyValid(f, f.ActDate, asOf, Key(f.ActDate), Key(asOf));

    // The door's checks one field at a time, each bad field with its own coded error and path.
    internal static void CheckEachField(in ReferralFacts f, LocalDate asOf, ref ImmutableArray<RuleError>.Builder? errors)
    {
        if (!IsKnown(f.Offence))
        {
            Add(ref errors, ReferralErrors.UnknownOffence.Create("$.offence", ("Offence", (int)f.Offence)));
        }
        if (unchecked((uint)f.Offender) > (uint)OffenderKind.Unit)
        {
            Add(ref errors, ReferralErrors.UnknownValue.Create("$.offender", ("Field", "offender"), ("Value", f.Offender)));
        }
        if (unchecked((uint)f.Category) > (uint)ProductCategory.Service)
        {
            Add(ref errors, ReferralErrors.UnknownValue.Create("$.category", ("Field", "category"), ("Value", f.Category)));
        }
        if (((int)f.Harm & ~127) != 0)
        {
            Add(ref errors, ReferralErrors.UnknownValue.Create("$.harm", ("Field", "harm"), ("Value", (int)f.Harm)));
        }
        if (f.ServiceMark && f.Category is not (ProductCategory.General or ProductCategory.Service) && unchecked((uint)f.Category) <= (uint)ProductCategory.Service)
        {
            Add(ref errors, ReferralErrors.ConflictingFacts.CreateLocalized("$.serviceMark", ("Field", "serviceMark", "serviceMark"), ("Other", "category", "category"),
                ("Detail", "服务商标不能用于商品", "a service mark cannot be used on goods of category " + f.Category)));
        }
        if (f.ActDate == default)
        {
            Add(ref errors, ReferralErrors.ActDateRequired.Create("$.actDate"));
        }
        else if (f.ActDate > asOf)
        {
            Add(ref errors, ReferralErrors.ActAfterDecision.Create("$.actDate", ("Date", f.ActDate), ("AsOf", asOf)));
        }
        Amount(ref errors, f.Sales, "sales");
        Amount(ref errors, f.UnsoldValue, "unsoldValue");
        Amount(ref errors, f.BusinessVolume, "businessVolume");
        Amount(ref errors, f.IllegalGains, "illegalGains");
        Amount(ref errors, f.DirectLoss, "directLoss");
        Count(ref errors, f.Pieces, "pieces");
        Count(ref errors, f.UnsoldPieces, "unsoldPieces");
        Count(ref errors, f.Marks, "marks");
        Count(ref errors, f.Patents, "patents");
        Count(ref errors, f.PriorPenaltiesWithinTwoYears, "priorPenaltiesWithinTwoYears");
        Count(ref errors, f.Victims, "victims");
        Count(ref errors, f.MinorInjuries, "minorInjuries");
        Count(ref errors, f.SeriousInjuries, "seriousInjuries");
        Count(ref errors, f.Deaths, "deaths");

        static void Amount(ref ImmutableArray<RuleError>.Builder? errors, Money value, string name)
        {
            if (CheckAmount(value.Yuan, "$." + name, name) is { } error)
            {
                Add(ref errors, error);
            }
        }

        static void Count(ref ImmutableArray<RuleError>.Builder? errors, int value, string name)
        {
            if (CheckCount(value, "$." + name, name) is { } error)
            {
                Add(ref errors, error);
            }
        }
    }

    /// <summary>
    /// The one check of an amount of the facts, for typed facts (in fen) and for JSON callers (in yuan, before it becomes
    /// <see cref="Money"/>): not negative, in whole fen (the smallest unit of the renminbi), at most <see cref="Money.MaxYuan"/>
    /// (so the cumulated and multiplied amounts of the thresholds cannot overflow).
    /// </summary>
    internal static RuleError? CheckAmount(decimal yuan, string path, string field) =>
        yuan < 0m ? ReferralErrors.NegativeAmount.Create(path, ("Field", field), ("Value", yuan))
        : yuan > Money.MaxYuan ? KernelErrors.InvalidAmount.Create(path, ("PropertyValue", yuan))
        : decimal.Round(yuan, 2) != yuan ? ReferralErrors.FractionOfFen.Create(path, ("Field", field), ("Value", yuan))
        : null;

    /// <summary>The one check of a count of the facts (pieces, marks, persons): not negative.</summary>
    internal static RuleError? CheckCount(int value, string path, string field) =>
        value < 0 ? ReferralErrors.NegativeCount.Create(path, ("Field", field), ("Value", value)) : null;

    // The common case in one pass of integer tests (sign bits OR-ed together); any doubt falls through to the
    // field-by-field checks below, which name every bad field.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    // Dates are compared by packed key (valid only within one calendar, hence the ISO check); any other calendar takes
    // the field-by-field path, which compares the LocalDates themselves.
    private static bool IsPlainlyValid(in ReferralFacts f, LocalDate actDate, LocalDate asOf, int actKey, int asOfKey)
    {
        var amounts = f.Sales.Fen | f.UnsoldValue.Fen | f.BusinessVolume.Fen | f.IllegalGains.Fen | f.DirectLoss.Fen;
        var counts = f.Pieces | f.UnsoldPieces | f.Marks | f.Patents | f.PriorPenaltiesWithinTwoYears | f.Victims
            | f.MinorInjuries | f.SeriousInjuries | f.Deaths;
        return amounts >= 0 && counts >= 0
            && f.Sales.Fen <= MaxFen && f.UnsoldValue.Fen <= MaxFen && f.BusinessVolume.Fen <= MaxFen
            && f.IllegalGains.Fen <= MaxFen && f.DirectLoss.Fen <= MaxFen
            && unchecked((uint)f.Offender) <= (uint)OffenderKind.Unit
            && unchecked((uint)f.Category) <= (uint)ProductCategory.Service
            && ((int)f.Harm & ~127) == 0
            && (!f.ServiceMark || f.Category is ProductCategory.General or ProductCategory.Service)
            && actKey != DefaultDateKey
            && actKey <= asOfKey
            && ReferenceEquals(actDate.Calendar, CalendarSystem.Iso)
            && ReferenceEquals(asOf.Calendar, CalendarSystem.Iso)
            && IsKnown(f.Offence);
    }

    private static bool IsKnown(CriminalOffence offence) => offence is >= CriminalOffence.ShoddyProducts and <= CriminalOffence.SubstandardCosmetics
        or >= CriminalOffence.CounterfeitRegisteredMark and <= CriminalOffence.PassingOffPatents
        or CriminalOffence.FalseAdvertising or CriminalOffence.IllegalFoodBusiness;

    private static void Add(ref ImmutableArray<RuleError>.Builder? errors, RuleError error) =>
        (errors ??= ImmutableArray.CreateBuilder<RuleError>()).Add(error);

    private RuleError? Existence(in ReferralFacts facts, LocalDate date)
    {
        var span = Find(date);
        if (span.InForce(facts.Offence))
        {
            return null;
        }
        return ReferralErrors.ActBeforeLaw.CreateLocalized("$.actDate", ("Offence", ReferralReport.Label(facts.Offence).Chinese, ReferralReport.Label(facts.Offence).English),
            ("Date", date, date), ("EffectiveFrom", ReferralElements.FirstDay(facts.Offence) is { } first ? first : "-", ReferralElements.FirstDay(facts.Offence) is { } again ? again : "-"));
    }

    // "referral.art140.…" belongs to Art 140, "referral.ip.…" to Arts 213–216; the timetable to none.
    private static int OwnersOf(string id)
    {
        if (id.StartsWith("referral.ip.", StringComparison.Ordinal))
        {
            var ip = 0;
            for (var offence = CriminalOffence.CounterfeitRegisteredMark; offence <= CriminalOffence.PassingOffPatents; offence++)
            {
                ip |= 1 << ReferralElements.OffenceIndex(offence);
            }
            return ip;
        }
        const string prefix = "referral.art";
        if (id.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(prefix.Length, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var article)
            && ReferralElements.OffenceIndex((CriminalOffence)article) is var index and >= 0)
        {
            return 1 << index;
        }
        return 0;
    }


    // Dates compared as one integer, as the in-force table compares them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(LocalDate date) => InForceSpans.Key(date);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LawSpan Find(LocalDate date) => spans.Find(date);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LawSpan Find(int key) => spans.Find(key);

    private static LawSpan BuildSpan(PolicyContext policy, Jurisdiction jurisdiction, LocalDate from)
    {
        var values = new long[ThresholdCount];
        var sources = new ParameterValue?[ThresholdCount];
        for (var i = 0; i < ThresholdCount; i++)
        {
            var definition = ReferralParameters.All[i];
            var value = policy.TryResolve(definition, from, jurisdiction);
            sources[i] = value;
            values[i] = value is null ? -1 : definition.Unit == ParameterUnit.Yuan ? (long)(value.Value * 100m) : (long)value.Value;
        }
        return new LawSpan(from, values, sources, ThresholdOwners);
    }

    // ---- The decision itself: one method per article, shared by the fast path (NoSink) and the explanation (RecordingSink).

    private static void Evaluate<TSink>(in ReferralFacts f, LocalDate date, LawSpan span, ref TSink sink, out Outcome o)
        where TSink : struct, ICheckSink
    {
        o = default;
        o.Offence = f.Offence;
        var v = span.Values;
        var injured = Injured(f);
        var seriousHarm = ShowsSeriousHarm(f);
        switch (f.Offence)
        {
            case CriminalOffence.ShoddyProducts:
                o.Band = Art140(f, span, ref sink, ref o);
                return;
            case CriminalOffence.CounterfeitDrugs:
                if (span.ElementOf(f.Offence) == OffenceElement.ActItself)
                {
                    // From 2011-05-01 (Amendment VIII) the act itself is the crime.
                    Fact(ref o, FactTriggers.ActItself);
                    o.Band = f.Deaths > 0 ? SentencingBand.EspeciallySerious : seriousHarm ? SentencingBand.Aggravated : SentencingBand.Base;
                    break;
                }
                // Before: 足以严重危害人体健康 (1997 text; 2001 interpretation Art 3), which actual harm also shows.
                if (!Endangers(f, seriousHarm, ref o))
                {
                    o.Missing = OffenceElement.Endangerment;
                    break;
                }
                o.Band = f.Deaths > 0 || f.SeriousInjuries >= 3 || f.MinorInjuries >= 10 ? SentencingBand.EspeciallySerious
                    : seriousHarm ? SentencingBand.Aggravated : SentencingBand.Base;
                break;
            case CriminalOffence.SubstandardDrugs:
                if (!HarmsActually(f, injured, ref o))
                {
                    o.Missing = OffenceElement.ActualHarm;
                }
                o.Band = o.Completed ? SentencingBand.Base : SentencingBand.None;
                break;
            case CriminalOffence.UnsafeFood:
                if (!Endangers(f, seriousHarm, ref o))
                {
                    o.Missing = OffenceElement.Endangerment;
                    break;
                }
                {
                    var serious = Check(ref sink, ref o, span, ReferralThreshold.Art143SeriousSales, f.Sales.Fen, 1, CheckRole.Band);
                    if ((f.Harm & HarmFacts.AggravatingCircumstances) != 0)
                    {
                        serious |= Check(ref sink, ref o, span, ReferralThreshold.Art143SeriousSalesAggravated, f.Sales.Fen, 1, CheckRole.Band);
                    }
                    // 后果特别严重: death, 3 or more serious or 10 or more minor injuries (2001 Art 4; 2013 and 2021 Art 4).
                    o.Band = f.Deaths > 0 || f.SeriousInjuries >= 3 || f.MinorInjuries >= 10 ? SentencingBand.EspeciallySerious
                        : seriousHarm || serious ? SentencingBand.Aggravated : SentencingBand.Base;
                }
                break;
            case CriminalOffence.ToxicFood:
                {
                    Fact(ref o, FactTriggers.ActItself);
                    var serious = Check(ref sink, ref o, span, ReferralThreshold.Art144SeriousSales, f.Sales.Fen, 1, CheckRole.Band);
                    if ((f.Harm & HarmFacts.AggravatingCircumstances) != 0)
                    {
                        serious |= Check(ref sink, ref o, span, ReferralThreshold.Art144SeriousSalesAggravated, f.Sales.Fen, 1, CheckRole.Band);
                    }
                    var especially = Check(ref sink, ref o, span, ReferralThreshold.Art144EspeciallySeriousSales, f.Sales.Fen, 1, CheckRole.Band);
                    o.Band = especially || f.Deaths > 0 || f.SeriousInjuries >= 3 || f.MinorInjuries >= 10 ? SentencingBand.EspeciallySerious
                        : serious || seriousHarm ? SentencingBand.Aggravated : SentencingBand.Base;
                    break;
                }
            case CriminalOffence.SubstandardMedicalDevices:
                if (span.ElementOf(f.Offence) == OffenceElement.ActualHarm)
                {
                    // Before 2002-12-28 (1997 text; 2001 interpretation Art 6): actual serious harm is the element;
                    // 后果特别严重 (1 serious or 3 minor injuries) and 情节特别恶劣 (death, 3 serious or 10 minor) raise it.
                    if (!HarmsActually(f, injured, ref o))
                    {
                        o.Missing = OffenceElement.ActualHarm;
                        break;
                    }
                    var worse = Check(ref sink, ref o, span, ReferralThreshold.Art145EspeciallySeriousMinorInjuries, f.MinorInjuries, 1, CheckRole.Band)
                        | f.SeriousInjuries > 0;
                    o.Band = f.Deaths > 0 || f.SeriousInjuries >= 3 || f.MinorInjuries >= 10 ? SentencingBand.EspeciallySerious
                        : worse ? SentencingBand.Aggravated : SentencingBand.Base;
                    break;
                }
                if (!Endangers(f, seriousHarm, ref o))
                {
                    o.Missing = OffenceElement.Endangerment;
                    break;
                }
                {
                    var especially = Check(ref sink, ref o, span, ReferralThreshold.Art145EspeciallySeriousMinorInjuries, f.MinorInjuries, 1, CheckRole.Band)
                        | f.SeriousInjuries > 0 | f.Deaths > 0;
                    o.Band = especially ? SentencingBand.EspeciallySerious : seriousHarm ? SentencingBand.Aggravated : SentencingBand.Base;
                }
                break;
            case CriminalOffence.UnsafeProducts:
                if (f.SeriousInjuries > 0 || f.Deaths > 0)
                {
                    Fact(ref o, FactTriggers.InjuryOrDeath);
                }
                if ((f.Harm & HarmFacts.SeriousConsequences) != 0)
                {
                    Fact(ref o, FactTriggers.Harm);
                }
                Check(ref sink, ref o, span, ReferralThreshold.Art146DirectLoss, f.DirectLoss.Fen, 1, CheckRole.Referral);
                if (!o.Refers)
                {
                    o.Missing = OffenceElement.SeriousConsequences;
                }
                o.Band = o.Completed ? SentencingBand.Base : SentencingBand.None;
                break;
            case CriminalOffence.ShoddyAgriculturalInputs:
                if (Check(ref sink, ref o, span, ReferralThreshold.Art147Loss, f.DirectLoss.Fen, 1, CheckRole.Referral))
                {
                    o.Band = Check(ref sink, ref o, span, ReferralThreshold.Art147EspeciallyHeavyLoss, f.DirectLoss.Fen, 1, CheckRole.Band) ? SentencingBand.EspeciallySerious
                        : Check(ref sink, ref o, span, ReferralThreshold.Art147HeavyLoss, f.DirectLoss.Fen, 1, CheckRole.Band) ? SentencingBand.Aggravated
                        : SentencingBand.Base;
                }
                break;
            case CriminalOffence.SubstandardCosmetics:
                if ((f.Harm & (HarmFacts.Disfigurement | HarmFacts.SeriousOrganDamage | HarmFacts.MentalDisorderOrSelfHarm | HarmFacts.SeriousConsequences)) != 0)
                {
                    Fact(ref o, FactTriggers.Harm);
                    o.Band = SentencingBand.Base;
                }
                else
                {
                    o.Missing = OffenceElement.SeriousConsequences;
                }
                break;
            case CriminalOffence.CounterfeitRegisteredMark:
                Art213(f, date, span, ref sink, ref o);
                return;
            case CriminalOffence.SellingCounterfeitMarkGoods:
                Art214(f, span, ref sink, ref o);
                return;
            case CriminalOffence.CounterfeitMarkLabels:
                Art215(f, span, ref sink, ref o);
                return;
            case CriminalOffence.PassingOffPatents:
                {
                    var multiplier = UnitMultiplier(f, v);
                    var multi = f.Patents >= 2 || IsRepeat(f, v);
                    Check(ref sink, ref o, span, multi ? ReferralThreshold.Art216MultiVolume : ReferralThreshold.Art216Volume, f.BusinessVolume.Fen, multiplier, CheckRole.Referral);
                    Check(ref sink, ref o, span, multi ? ReferralThreshold.Art216MultiGains : ReferralThreshold.Art216Gains, f.IllegalGains.Fen, multiplier, CheckRole.Referral);
                    Check(ref sink, ref o, span, ReferralThreshold.Art216DirectLoss, f.DirectLoss.Fen, multiplier, CheckRole.Referral);
                    o.Band = o.Refers ? SentencingBand.Base : SentencingBand.None;
                    return;
                }
            case CriminalOffence.FalseAdvertising:
                Check(ref sink, ref o, span, ReferralThreshold.Art222Gains, f.IllegalGains.Fen, 1, CheckRole.Referral);
                if (f.Emergency)
                {
                    Check(ref sink, ref o, span, ReferralThreshold.Art222EmergencyGains, f.IllegalGains.Fen, 1, CheckRole.Referral);
                }
                if (f.Category is ProductCategory.Food or ProductCategory.Drug)
                {
                    Check(ref sink, ref o, span, ReferralThreshold.Art222FoodOrDrugGains, f.IllegalGains.Fen, 1, CheckRole.Referral);
                }
                Check(ref sink, ref o, span, f.Victims <= 1 ? ReferralThreshold.Art222SingleConsumerLoss : ReferralThreshold.Art222ConsumersLoss, f.DirectLoss.Fen, 1, CheckRole.Referral);
                Check(ref sink, ref o, span, ReferralThreshold.Art222PriorPenalties, f.PriorPenaltiesWithinTwoYears, 1, CheckRole.Referral);
                if (injured)
                {
                    Fact(ref o, FactTriggers.InjuryOrDeath);
                }
                if ((f.Harm & HarmFacts.SeriousConsequences) != 0)
                {
                    Fact(ref o, FactTriggers.Harm);
                }
                o.Band = o.Refers ? SentencingBand.Base : SentencingBand.None;
                return;
            case CriminalOffence.IllegalFoodBusiness:
                Check(ref sink, ref o, span, ReferralThreshold.Art225Volume, f.BusinessVolume.Fen, 1, CheckRole.Referral);
                Check(ref sink, ref o, span, ReferralThreshold.Art225Gains, f.IllegalGains.Fen, 1, CheckRole.Referral);
                if (o.Refers)
                {
                    var especially = Check(ref sink, ref o, span, ReferralThreshold.Art225EspeciallySeriousVolume, f.BusinessVolume.Fen, 1, CheckRole.Band)
                        | Check(ref sink, ref o, span, ReferralThreshold.Art225EspeciallySeriousGains, f.IllegalGains.Fen, 1, CheckRole.Band);
                    o.Band = especially ? SentencingBand.EspeciallySerious : SentencingBand.Base;
                }
                return;
            default:
                return;
        }

        // Art 149: a product of Arts 141–148 is also measured against Art 140; the fallback when the specific crime is
        // not made out (149(1)); when both are, the provision with the heavier statutory punishment (149(2)).
        var specific = o.Refers;
        var specificBand = o.Band;
        var specificCompleted = o.Completed;
        var specificAttempt = o.Attempt;
        o.Completed = false;
        o.Attempt = false;
        var band140 = Art140(f, span, ref sink, ref o);
        if (band140 == SentencingBand.None)
        {
            o.Band = specificBand;
            o.Completed = specificCompleted;
            o.Attempt = specificAttempt;
        }
        else if (specific)
        {
            o.Facts |= FactTriggers.HeavierOfBoth;
            // Equal punishments keep the specific article (the special provision); an attempt under Art 140 is compared
            // by its band, as the statutory punishment is the same (Criminal Law Art 23 only allows a lighter one).
            if (StatutoryPunishments.Compare(CriminalOffence.ShoddyProducts, band140, date, f.Offence, specificBand, date) > 0)
            {
                o.LighterOffence = f.Offence;
                o.LighterBand = specificBand;
                o.Offence = CriminalOffence.ShoddyProducts;
                o.Band = band140;
            }
            else
            {
                o.LighterOffence = CriminalOffence.ShoddyProducts;
                o.LighterBand = band140;
                o.Band = specificBand;
                o.Completed = specificCompleted;
                o.Attempt = specificAttempt;
            }
        }
        else
        {
            o.Facts |= FactTriggers.FallbackToArt140;
            o.Offence = CriminalOffence.ShoddyProducts;
            o.Band = band140;
        }
    }

    // The endangerment element (足以…): established by testing, or shown by actual harm. Records the fact that triggered.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Endangers(in ReferralFacts f, bool seriousHarm, ref Outcome o)
    {
        if (Injured(f))
        {
            Fact(ref o, FactTriggers.InjuryOrDeath);
        }
        if ((f.Harm & (HarmFacts.SufficientToEndangerHealth | HarmFacts.SeriousHealthHarm)) != 0)
        {
            Fact(ref o, FactTriggers.Harm);
        }
        return o.Completed;
    }

    // The actual-harm element (对人体健康造成严重危害): an injury or death, or serious harm established without one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HarmsActually(in ReferralFacts f, bool injured, ref Outcome o)
    {
        if (injured)
        {
            Fact(ref o, FactTriggers.InjuryOrDeath);
        }
        if ((f.Harm & HarmFacts.SeriousHealthHarm) != 0)
        {
            Fact(ref o, FactTriggers.Harm);
        }
        return o.Completed;
    }

    // A threshold row without bounds checks: every row is built with one entry per ReferralThreshold (BuildSpan, and
    // RowsCoverEveryThreshold below checks the enum fits), so the index is always in range.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long At(long[] v, ReferralThreshold threshold) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(v), (nint)threshold);

    private static int RowsCoverEveryThreshold(int count)
    {
        foreach (var threshold in Enum.GetValues<ReferralThreshold>())
        {
            if (unchecked((uint)threshold) >= (uint)count)
            {
                throw new InvalidOperationException($"Threshold {threshold} has no parameter definition.");
            }
        }
        return count;
    }


    private static SentencingBand Art140<TSink>(in ReferralFacts f, LawSpan span, ref TSink sink, ref Outcome o)
        where TSink : struct, ICheckSink
    {
        var v = span.Values;
        var sales = f.Sales.Fen;
        if (Check(ref sink, ref o, span, ReferralThreshold.Art140Sales, sales, 1, CheckRole.Referral))
        {
            return Check(ref sink, ref o, span, ReferralThreshold.Art140FourthBand, sales, 1, CheckRole.Band) ? SentencingBand.Gravest
                : Check(ref sink, ref o, span, ReferralThreshold.Art140ThirdBand, sales, 1, CheckRole.Band) ? SentencingBand.EspeciallySerious
                : Check(ref sink, ref o, span, ReferralThreshold.Art140SecondBand, sales, 1, CheckRole.Band) ? SentencingBand.Aggravated
                : SentencingBand.Base;
        }
        var reached = Check(ref sink, ref o, span, ReferralThreshold.Art140Unsold, f.UnsoldValue.Fen, 1, CheckRole.Attempt);
        var factor = At(v, ReferralThreshold.Art140SalesMultiplier);
        // Item (3) of the 2008 standard mixes sold and unsold goods; with nothing sold, item (2) alone decides (an attempt).
        if (factor >= 0 && sales > 0)
        {
            reached |= Check(ref sink, ref o, span, ReferralThreshold.Art140Combined, checked((sales * factor) + f.UnsoldValue.Fen), 1, CheckRole.Referral);
        }
        return reached ? SentencingBand.Base : SentencingBand.None;
    }

    private static void Art213<TSink>(in ReferralFacts f, LocalDate date, LawSpan span, ref TSink sink, ref Outcome o)
        where TSink : struct, ICheckSink
    {
        var v = span.Values;
        var multiplier = UnitMultiplier(f, v);
        var multi = f.Marks >= 2 || IsRepeat(f, v);
        if (f.IsServiceMark)
        {
            if (date < AmendmentXIInForce)
            {
                return;
            }
            if (v[(int)ReferralThreshold.Art213ServiceGains] >= 0)
            {
                var met = Check(ref sink, ref o, span, multi ? ReferralThreshold.Art213ServiceMultiGains : ReferralThreshold.Art213ServiceGains, f.IllegalGains.Fen, multiplier, CheckRole.Referral);
                o.Band = met ? SentencingBand.Base : SentencingBand.None;
                return;
            }
        }
        Check(ref sink, ref o, span, multi ? ReferralThreshold.Art213MultiVolume : ReferralThreshold.Art213Volume, f.BusinessVolume.Fen, multiplier, CheckRole.Referral);
        Check(ref sink, ref o, span, multi ? ReferralThreshold.Art213MultiGains : ReferralThreshold.Art213Gains, f.IllegalGains.Fen, multiplier, CheckRole.Referral);
        if (o.Refers)
        {
            var especially = Check(ref sink, ref o, span, multi ? ReferralThreshold.Art213EspeciallySeriousMultiVolume : ReferralThreshold.Art213EspeciallySeriousVolume, f.BusinessVolume.Fen, multiplier, CheckRole.Band)
                | Check(ref sink, ref o, span, multi ? ReferralThreshold.Art213EspeciallySeriousMultiGains : ReferralThreshold.Art213EspeciallySeriousGains, f.IllegalGains.Fen, multiplier, CheckRole.Band);
            o.Band = especially ? SentencingBand.EspeciallySerious : SentencingBand.Base;
        }
    }

    private static void Art214<TSink>(in ReferralFacts f, LawSpan span, ref TSink sink, ref Outcome o)
        where TSink : struct, ICheckSink
    {
        var v = span.Values;
        var multiplier = UnitMultiplier(f, v);
        var sales = f.Sales.Fen;
        var unsold = f.UnsoldValue.Fen;
        var gains = f.IllegalGains.Fen;
        // From 2025-04-26 (法释〔2025〕5号 Art 5) unsold goods count as a completed 其他严重情节; before, as an attempt.
        var interpretation2025 = v[(int)ReferralThreshold.Art214Gains] >= 0;
        var unsoldRole = interpretation2025 ? CheckRole.Referral : CheckRole.Attempt;
        if (interpretation2025)
        {
            Check(ref sink, ref o, span, ReferralThreshold.Art214Gains, gains, multiplier, CheckRole.Referral);
        }
        var salesMet = Check(ref sink, ref o, span, ReferralThreshold.Art214Sales, sales, multiplier, CheckRole.Referral);
        Check(ref sink, ref o, span, ReferralThreshold.Art214Unsold, unsold, multiplier, unsoldRole);
        if (!salesMet && sales > 0)
        {
            Check(ref sink, ref o, span, ReferralThreshold.Art214SalesPlusUnsold, checked(sales + unsold), multiplier, CheckRole.Referral);
        }
        if (interpretation2025 && IsRepeat(f, v))
        {
            Check(ref sink, ref o, span, ReferralThreshold.Art214RepeatGains, gains, multiplier, CheckRole.Referral);
            Check(ref sink, ref o, span, ReferralThreshold.Art214RepeatSales, sales, multiplier, CheckRole.Referral);
            Check(ref sink, ref o, span, ReferralThreshold.Art214RepeatUnsold, checked(sales + unsold), multiplier, CheckRole.Referral);
        }
        if (o.Refers)
        {
            var especially = Check(ref sink, ref o, span, ReferralThreshold.Art214HugeSales, sales, multiplier, CheckRole.Band);
            if (interpretation2025)
            {
                especially |= Check(ref sink, ref o, span, ReferralThreshold.Art214HugeGains, gains, multiplier, CheckRole.Band)
                    | Check(ref sink, ref o, span, ReferralThreshold.Art214HugeUnsold, unsold, multiplier, CheckRole.Band);
            }
            o.Band = especially ? SentencingBand.EspeciallySerious : SentencingBand.Base;
        }
    }

    private static void Art215<TSink>(in ReferralFacts f, LawSpan span, ref TSink sink, ref Outcome o)
        where TSink : struct, ICheckSink
    {
        var v = span.Values;
        var multiplier = UnitMultiplier(f, v);
        var interpretation2025 = v[(int)ReferralThreshold.IpRepeatWindowYears] >= 0;
        var multi = f.Marks >= 2 || IsRepeat(f, v);
        Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215MultiPieces : ReferralThreshold.Art215Pieces, f.Pieces, multiplier, CheckRole.Referral);
        Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215MultiVolume : ReferralThreshold.Art215Volume, f.BusinessVolume.Fen, multiplier, CheckRole.Referral);
        Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215MultiGains : ReferralThreshold.Art215Gains, f.IllegalGains.Fen, multiplier, CheckRole.Referral);
        if (f.UnsoldPieces > 0)
        {
            Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215MultiUnsoldPieces : ReferralThreshold.Art215UnsoldPieces, (long)f.Pieces + f.UnsoldPieces, multiplier,
                interpretation2025 ? CheckRole.Referral : CheckRole.Attempt);
        }
        if (o.Refers)
        {
            var especially = Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215EspeciallySeriousMultiPieces : ReferralThreshold.Art215EspeciallySeriousPieces, f.Pieces, multiplier, CheckRole.Band)
                | Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215EspeciallySeriousMultiVolume : ReferralThreshold.Art215EspeciallySeriousVolume, f.BusinessVolume.Fen, multiplier, CheckRole.Band)
                | Check(ref sink, ref o, span, multi ? ReferralThreshold.Art215EspeciallySeriousMultiGains : ReferralThreshold.Art215EspeciallySeriousGains, f.IllegalGains.Fen, multiplier, CheckRole.Band);
            o.Band = especially ? SentencingBand.EspeciallySerious : SentencingBand.Base;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long UnitMultiplier(in ReferralFacts f, long[] v)
    {
        var factor = At(v, ReferralThreshold.UnitMultiplierIp);
        return f.Offender == OffenderKind.Unit && factor > 0 ? factor : 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRepeat(in ReferralFacts f, long[] v) =>
        f.PriorPenaltiesWithinTwoYears > 0 && At(v, ReferralThreshold.IpRepeatWindowYears) >= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fact(ref Outcome o, FactTriggers fact)
    {
        o.Facts |= fact;
        o.Completed = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Check<TSink>(ref TSink sink, ref Outcome o, LawSpan span, ReferralThreshold threshold, long actual, long multiplier, CheckRole role)
        where TSink : struct, ICheckSink
    {
        var required = span.Values[(int)threshold];
        if (required < 0)
        {
            return false;
        }
        required = checked(required * multiplier);
        var met = actual >= required;
        sink.Record(threshold, actual, required, multiplier, role, met);
        if (role == CheckRole.Band)
        {
            return met;
        }
        if (met)
        {
            // Two machine words rather than a UInt128 shift, which is a call with branches.
            var bit = (int)threshold;
            if (bit < 64)
            {
                o.MaskLow |= 1UL << bit;
            }
            else
            {
                o.MaskHigh |= 1UL << (bit - 64);
            }
            if (role == CheckRole.Attempt)
            {
                o.Attempt = true;
            }
            else
            {
                o.Completed = true;
            }
            if (!o.HasDecisive)
            {
                o.HasDecisive = true;
                o.Decisive = threshold;
                o.Margin = actual - required;
            }
        }
        else
        {
            // Nearest miss by the smallest missing fraction: missing / required < shortfall / nearestRequired, cross-multiplied.
            var missing = required - actual;
            if (!o.HasNearest || (double)missing * o.NearestRequired < (double)o.Shortfall * required)
            {
                o.HasNearest = true;
                o.Nearest = threshold;
                o.Shortfall = missing;
                o.NearestRequired = required;
            }
        }
        return met;
    }

    internal interface ICheckSink
    {
        void Record(ReferralThreshold threshold, long actual, long required, long multiplier, CheckRole role, bool met);
    }

    private struct NoSink : ICheckSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Record(ReferralThreshold threshold, long actual, long required, long multiplier, CheckRole role, bool met)
        {
        }
    }

    // An evaluation records at most a few dozen checks (one article, or a specific one and Art 140): they go to a buffer
    // on the stack, and only past it to the heap.
    [InlineArray(32)]
    private struct CheckBuffer
    {
        private RecordedCheck first;
    }

    private struct RecordingSink : ICheckSink
    {
        private CheckBuffer buffer;
        private List<RecordedCheck>? overflow;

        public int Count { get; private set; }

        public void Record(ReferralThreshold threshold, long actual, long required, long multiplier, CheckRole role, bool met)
        {
            var check = new RecordedCheck(actual, required, multiplier, threshold, role, met);
            if (Count < 32)
            {
                buffer[Count] = check;
            }
            else
            {
                (overflow ??= []).Add(check);
            }
            Count++;
        }

        public readonly void CopyTo(Span<RecordedCheck> target)
        {
            var inBuffer = Math.Min(Count, 32);
            ((ReadOnlySpan<RecordedCheck>)buffer)[..inBuffer].CopyTo(target);
            overflow?.CopyTo(target[inBuffer..]);
        }
    }

    private struct Outcome
    {
        public CriminalOffence Offence;
        public SentencingBand Band;
        public FactTriggers Facts;
        public ulong MaskLow;
        public ulong MaskHigh;

        public readonly UInt128 Mask => new(MaskHigh, MaskLow);
        public bool Completed;
        public bool Attempt;
        public bool HasDecisive;
        public ReferralThreshold Decisive;
        public long Margin;
        public bool HasNearest;
        public ReferralThreshold Nearest;
        public long Shortfall;
        public long NearestRequired;
        public OffenceElement Missing;
        public CriminalOffence LighterOffence;
        public SentencingBand LighterBand;

        public readonly bool Refers => Completed || Attempt;

        /// <summary>Only an attempt (未遂) threshold reached: a completed offence absorbs the attempt.</summary>
        public readonly bool AttemptOnly => Attempt && !Completed;
    }

    private sealed class LawSpan
    {
        // One bit per known offence: its number modulo 64 (140–148, 213–216, 222, 225 are all distinct there; the
        // constructor fails if a new offence ever collides).
        private readonly ulong offencesInForce;
        private readonly OffenceElement[] elements = new OffenceElement[ReferralElements.OffenceCount];
        private readonly LocalDate[] standardFrom = new LocalDate[ReferralElements.OffenceCount];

        public LawSpan(LocalDate from, long[] values, ParameterValue?[] sources, int[] owners)
        {
            From = from;
            Values = values;
            Sources = sources;
            var known = 0UL;
            foreach (var offence in Enum.GetValues<CriminalOffence>())
            {
                if (!IsKnown(offence))
                {
                    continue;
                }
                var bit = 1UL << Bit(offence);
                if ((known & bit) != 0)
                {
                    throw new InvalidOperationException($"Offence {offence} shares its in-force bit with another offence.");
                }
                known |= bit;
                // In the catalogue on this date when one of its element rules applies (ReferralElements).
                var index = ReferralElements.OffenceIndex(offence);
                if (ReferralElements.At(offence, from) is { } rule)
                {
                    offencesInForce |= bit;
                    elements[index] = rule.Element;
                    var latest = rule.EffectiveFrom;
                    for (var i = 0; i < sources.Length; i++)
                    {
                        if ((owners[i] & (1 << index)) != 0 && sources[i] is { } value && value.EffectiveFrom > latest)
                        {
                            latest = value.EffectiveFrom;
                        }
                    }
                    standardFrom[index] = latest;
                }
            }
        }

        public LocalDate From { get; }

        public long[] Values { get; }

        public ParameterValue?[] Sources { get; }

        // Only for offences that passed IsKnown: an unknown number could share a bit.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool InForce(CriminalOffence offence) => ((offencesInForce >> Bit(offence)) & 1) != 0;

        /// <summary>The element the offence requires on this span's dates (only for an offence in force).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public OffenceElement ElementOf(CriminalOffence offence) => elements[ReferralElements.OffenceIndex(offence)];

        /// <summary>The date the offence's standard (element rule and its thresholds' values) took force, for an offence in force.</summary>
        public LocalDate OffenceFrom(CriminalOffence offence) =>
            ReferralElements.OffenceIndex(offence) is var index and >= 0 && standardFrom[index] != default ? standardFrom[index] : From;

        private static int Bit(CriminalOffence offence) => (int)offence & 63;
    }
}
