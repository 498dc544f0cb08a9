using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MarketRules.Engine;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Referral;

namespace MarketRules.Engine.Rules.Referral;

/// <summary>The JSON input of <c>referral.criminal/1</c>: the facts, optionally as a list of acts to cumulate, and optionally the transfer timeline.</summary>
public sealed record CriminalReferralInput
{
    /// <summary>The offence, e.g. <c>shoddy-products</c>.</summary>
    public CriminalOffence Offence { get; init; }

    /// <summary>Who acted. <value>The default value is <c>person</c>.</value></summary>
    public OffenderKind Offender { get; init; }

    /// <summary>The date of the (last) act; may be omitted when <see cref="Acts"/> are given.</summary>
    public LocalDate? ActDate { get; init; }

    /// <summary>Sales amount in yuan.</summary>
    public decimal Sales { get; init; }

    /// <summary>Value of unsold goods in yuan.</summary>
    public decimal UnsoldValue { get; init; }

    /// <summary>Illegal business volume in yuan.</summary>
    public decimal BusinessVolume { get; init; }

    /// <summary>Illegal gains in yuan.</summary>
    public decimal IllegalGains { get; init; }

    /// <summary>Direct economic loss in yuan.</summary>
    public decimal DirectLoss { get; init; }

    /// <summary>Labels made or sold.</summary>
    public int Pieces { get; init; }

    /// <summary>Labels not yet sold.</summary>
    public int UnsoldPieces { get; init; }

    /// <summary>Number of marks counterfeited.</summary>
    public int Marks { get; init; }

    /// <summary>Number of patents passed off.</summary>
    public int Patents { get; init; }

    /// <summary>Penalties for the same kind of act within the two years before.</summary>
    public int PriorPenaltiesWithinTwoYears { get; init; }

    /// <summary>Number of consumers who suffered the loss.</summary>
    public int Victims { get; init; }

    /// <summary>Minor injuries.</summary>
    public int MinorInjuries { get; init; }

    /// <summary>Serious injuries.</summary>
    public int SeriousInjuries { get; init; }

    /// <summary>Deaths.</summary>
    public int Deaths { get; init; }

    /// <summary>
    /// Facts of harm, e.g. <c>["sufficient-to-endanger-health"]</c>: <c>sufficient-to-endanger-health</c> is the element
    /// of Art 141 before 2011-05-01, of Art 143 and of Art 145 from 2002-12-28; <c>serious-health-harm</c> (actual
    /// serious harm) is the element of Art 142 and of Art 145 before 2002-12-28. See docs/referral.md, Elements.
    /// </summary>
    public ImmutableArray<HarmFacts> Harm { get => harm; init => harm = value.IsDefault ? [] : value; }

    // An explicit readonly field: a `field`-keyword backing field would not be readonly, and the DTO is immutable.
    private readonly ImmutableArray<HarmFacts> harm = [];

    /// <summary>The product category; <c>service</c> makes an Art 213 mark a service mark.</summary>
    public ProductCategory Category { get; init; }

    /// <summary>Whether the mark is a service mark: the same as <c>category: "service"</c>; with a goods category it is <c>MR.Referral.ConflictingFacts</c>.</summary>
    public bool ServiceMark { get; init; }

    /// <summary>IP cases (Arts 213–216): the officer finds a reasonable suspicion of a crime whose amounts only police measures can establish (State Council Order 310 Art 3(2), from 2020-08-07); the case is then transferred.</summary>
    public bool ReasonableSuspicion { get; init; }

    /// <summary>Whether false adverts exploited an emergency or epidemic.</summary>
    public bool Emergency { get; init; }

    /// <summary>Repeated acts whose amounts are added to the ones above (acts already handled are skipped).</summary>
    public ImmutableArray<CriminalReferralActInput> Acts { get => acts; init => acts = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<CriminalReferralActInput> acts = [];

    /// <summary>The transfer's events, to compute its deadlines; <see langword="null"/> for none.</summary>
    public ReferralTimeline? Timeline { get; init; }
}

/// <summary>One act of a series in <see cref="CriminalReferralInput.Acts"/>; amounts in yuan.</summary>
public sealed record CriminalReferralActInput
{
    /// <summary>The date of the act.</summary>
    public LocalDate Date { get; init; }

    /// <summary>Sales amount.</summary>
    public decimal Sales { get; init; }

    /// <summary>Value of unsold goods.</summary>
    public decimal UnsoldValue { get; init; }

    /// <summary>Illegal business volume.</summary>
    public decimal BusinessVolume { get; init; }

    /// <summary>Illegal gains.</summary>
    public decimal IllegalGains { get; init; }

    /// <summary>Direct loss.</summary>
    public decimal DirectLoss { get; init; }

    /// <summary>Labels made or sold.</summary>
    public int Pieces { get; init; }

    /// <summary>Labels not yet sold.</summary>
    public int UnsoldPieces { get; init; }

    /// <summary>Whether the act was already handled.</summary>
    public bool Handled { get; init; }
}

/// <summary>One threshold check as <c>referral.criminal/1</c> reports it.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="ParameterId">The catalogue parameter.</param>
/// <param name="Role">What reaching it means.</param>
/// <param name="Actual">The facts' value.</param>
/// <param name="Required">The threshold applied.</param>
/// <param name="Met">Whether it was reached.</param>
/// <param name="Difference">Actual minus required.</param>
/// <param name="Citation">The source and its verification status.</param>
public sealed record CriminalReferralCheck(ReferralThreshold Threshold, string ParameterId, CheckRole Role, decimal Actual, decimal Required, bool Met, decimal Difference, Citation Citation);

/// <summary>One deadline as <c>referral.criminal/1</c> reports it.</summary>
/// <param name="Step">The step.</param>
/// <param name="LastDay">The last day.</param>
/// <param name="ExpiresAt">The instant it expires.</param>
/// <param name="Period">The period, e.g. <c>3 days</c>.</param>
/// <param name="MetInTime">Whether it was met; <see langword="null"/> while pending.</param>
public sealed record CriminalReferralDeadline(ReferralStep Step, LocalDate LastDay, Instant ExpiresAt, string Period, bool? MetInTime);

/// <summary>The JSON result of <c>referral.criminal/1</c>.</summary>
public sealed record CriminalReferralResult
{
    /// <summary>Whether to transfer the case to the police.</summary>
    public bool Refer { get; init; }

    /// <summary>The offence as charged.</summary>
    public CriminalOffence Offence { get; init; }

    /// <summary>The sentencing band reached.</summary>
    public SentencingBand Band { get; init; }

    /// <summary>Whether only an attempt threshold was reached.</summary>
    public bool IsAttempt { get; init; }

    /// <summary>Facts of harm that triggered.</summary>
    public FactTriggers Facts { get; init; }

    /// <summary>The referral thresholds reached.</summary>
    public ImmutableArray<ReferralThreshold> Triggered { get => triggered; init => triggered = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<ReferralThreshold> triggered = [];

    /// <summary>The date of the (last) act, after cumulation.</summary>
    public LocalDate ActDate { get; init; }

    /// <summary>The date the applied article's standard (its element and the thresholds it uses) took force.</summary>
    public LocalDate LawFrom { get; init; }

    /// <summary>The element the applied law required and the facts do not establish, e.g. <c>endangerment</c>; <c>none</c> when nothing is missing.</summary>
    public OffenceElement MissingElement { get; init; }

    /// <summary>Under Art 149(2), the provision set aside because it punishes less heavily; <c>unspecified</c> otherwise.</summary>
    public CriminalOffence LighterOffence { get; init; }

    /// <summary>The band of the set-aside provision.</summary>
    public SentencingBand LighterBand { get; init; }

    /// <summary>Whether the thresholds of the decision date apply because no interpretation defined the element when the act was done (decision 0014).</summary>
    public bool InterpretationOfDecisionDate { get; init; }

    /// <summary>Whether both laws make it a crime and the decision-date law, punishing less heavily, applies (Criminal Law Art 12).</summary>
    public bool LaterLawLighter { get; init; }

    /// <summary>Whether the thresholds changed between the acts and the decision date.</summary>
    public bool LawChanged { get; init; }

    /// <summary>Whether the facts reach a threshold under the law of the decision date.</summary>
    public bool ReferUnderCurrentLaw { get; init; }

    /// <summary>Whether the later law is more lenient (no transfer).</summary>
    public bool LaterLawMoreLenient { get; init; }

    /// <summary>Every check under the law of the act date.</summary>
    public ImmutableArray<CriminalReferralCheck> Checks { get => checks; init => checks = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<CriminalReferralCheck> checks = [];

    /// <summary>Every check under the law of the decision date, when it differs.</summary>
    public ImmutableArray<CriminalReferralCheck> CurrentLawChecks { get => currentLawChecks; init => currentLawChecks = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<CriminalReferralCheck> currentLawChecks = [];

    /// <summary>The transfer deadlines, when a timeline was given.</summary>
    public ImmutableArray<CriminalReferralDeadline> Deadlines { get => deadlines; init => deadlines = value.IsDefault ? [] : value; }

    private readonly ImmutableArray<CriminalReferralDeadline> deadlines = [];
}

/// <summary>
/// <c>referral.criminal/1</c>: whether a case reaches a criminal threshold and must be transferred to the police, with
/// the checks, citations and (given a timeline) the transfer deadlines.
/// </summary>
public sealed class CriminalReferralRule : RuleDefinition<CriminalReferralInput, CriminalReferralResult>
{
    /// <summary>The rule id.</summary>
    public const string RuleId = CriminalReferral.RuleId;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PolicyContext, System.Collections.Concurrent.ConcurrentDictionary<Jurisdiction, CriminalReferral>> Compiled = new();

    /// <inheritdoc />
    public override string Id => RuleId;

    /// <inheritdoc />
    public override LocalizedText Title { get; } = new("行刑衔接：是否达到刑事追诉标准并移送公安机关", "Administrative-to-criminal referral: does the case reach a criminal threshold");

    /// <inheritdoc />
    public override JsonTypeInfo<CriminalReferralInput> Input => ReferralJsonContext.Default.CriminalReferralInput;

    /// <inheritdoc />
    public override JsonTypeInfo<CriminalReferralResult> Result => ReferralJsonContext.Default.CriminalReferralResult;

    /// <summary>Converts the input to facts, cumulating the acts not yet handled.</summary>
    /// <param name="input">A validated input.</param>
    /// <returns>The facts.</returns>
    public static ReferralFacts ToFacts(CriminalReferralInput input)
    {
        Utility.Preconditions.CheckNotNull(input);
        var harm = HarmFacts.None;
        foreach (var fact in input.Harm.IsDefault ? [] : input.Harm)
        {
            harm |= fact;
        }
        var facts = new ReferralFacts
        {
            Offence = input.Offence,
            Offender = input.Offender,
            ActDate = input.ActDate ?? default,
            Sales = Money.FromYuan(input.Sales),
            UnsoldValue = Money.FromYuan(input.UnsoldValue),
            BusinessVolume = Money.FromYuan(input.BusinessVolume),
            IllegalGains = Money.FromYuan(input.IllegalGains),
            DirectLoss = Money.FromYuan(input.DirectLoss),
            Pieces = input.Pieces,
            UnsoldPieces = input.UnsoldPieces,
            Marks = input.Marks,
            Patents = input.Patents,
            PriorPenaltiesWithinTwoYears = input.PriorPenaltiesWithinTwoYears,
            Victims = input.Victims,
            MinorInjuries = input.MinorInjuries,
            SeriousInjuries = input.SeriousInjuries,
            Deaths = input.Deaths,
            Harm = harm,
            Category = input.Category,
            ServiceMark = input.ServiceMark,
            Emergency = input.Emergency,
            ReasonableSuspicion = input.ReasonableSuspicion,
        };
        if (input.Acts.IsDefaultOrEmpty)
        {
            return facts;
        }
        var acts = input.Acts.Select(a => new ReferralAct
        {
            Date = a.Date,
            Sales = Money.FromYuan(a.Sales),
            UnsoldValue = Money.FromYuan(a.UnsoldValue),
            BusinessVolume = Money.FromYuan(a.BusinessVolume),
            IllegalGains = Money.FromYuan(a.IllegalGains),
            DirectLoss = Money.FromYuan(a.DirectLoss),
            Pieces = a.Pieces,
            UnsoldPieces = a.UnsoldPieces,
            Handled = a.Handled,
        }).ToArray();
        return facts.Cumulate(acts);
    }

    /// <summary>The compiled decision tables for a context (cached per policy and jurisdiction).</summary>
    /// <param name="context">The context.</param>
    /// <returns>The decision maker.</returns>
    public static CriminalReferral For(RuleContext context)
    {
        Utility.Preconditions.CheckNotNull(context);
        // Without packs every jurisdiction reads the national values: one table serves them all.
        var law = context.Policy.Packs.IsEmpty ? context.Law.For(Jurisdiction.National) : context.Law;
        return Compiled.GetValue(context.Policy, _ => new()).GetOrAdd(law.Jurisdiction, _ => new CriminalReferral(law));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The one validation of the referral area (<see cref="CriminalReferral.Validate"/>) checks the facts, for typed and
    /// JSON callers alike. Before the amounts become <see cref="Money"/> this door checks each of them, the acts' own
    /// included (they are cumulated into the facts), with the same checks the area applies: not negative, in whole fen,
    /// at most <see cref="Money.MaxYuan"/>.
    /// </remarks>
    protected override ImmutableArray<RuleError> Validate(CriminalReferralInput input, RuleContext context)
    {
        Utility.Preconditions.CheckNotNull(input);
        Utility.Preconditions.CheckNotNull(context);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        Amount(input.Sales, "$.sales", "sales");
        Amount(input.UnsoldValue, "$.unsoldValue", "unsoldValue");
        Amount(input.BusinessVolume, "$.businessVolume", "businessVolume");
        Amount(input.IllegalGains, "$.illegalGains", "illegalGains");
        Amount(input.DirectLoss, "$.directLoss", "directLoss");
        var acts = input.Acts.IsDefault ? [] : input.Acts;
        for (var i = 0; i < acts.Length; i++)
        {
            var act = acts[i];
            var at = "$.acts[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
            // The law an act is judged by is the law of its day: an act without one cannot be placed, and would have been
            // added to the others' amounts as if it had happened on any of their days.
            if (act.Date == default)
            {
                errors.Add(KernelErrors.Required.Create(at + "date", ("PropertyName", "date")));
            }
            Amount(act.Sales, at + "sales", "sales");
            Amount(act.UnsoldValue, at + "unsoldValue", "unsoldValue");
            Amount(act.BusinessVolume, at + "businessVolume", "businessVolume");
            Amount(act.IllegalGains, at + "illegalGains", "illegalGains");
            Amount(act.DirectLoss, at + "directLoss", "directLoss");
            Count(act.Pieces, at + "pieces", "pieces");
            Count(act.UnsoldPieces, at + "unsoldPieces", "unsoldPieces");
        }
        if (errors.Count > 0)
        {
            return errors.ToImmutable();
        }
        return For(context).Validate(ToFacts(input), context.AsOf);

        void Amount(decimal yuan, string path, string field)
        {
            if (CriminalReferral.CheckAmount(yuan, path, field) is { } error)
            {
                errors.Add(error);
            }
        }

        void Count(int value, string path, string field)
        {
            if (CriminalReferral.CheckCount(value, path, field) is { } error)
            {
                errors.Add(error);
            }
        }
    }

    /// <inheritdoc />
    protected override RuleResult<RuleDecision<CriminalReferralResult>> Decide(CriminalReferralInput input, RuleContext context)
    {
        var facts = ToFacts(input);
        var report = For(context).Explain(facts, context.AsOf);
        if (!report.IsSuccess)
        {
            return RuleResult<RuleDecision<CriminalReferralResult>>.Failure(report.Errors);
        }
        var deadlines = ImmutableArray<CriminalReferralDeadline>.Empty;
        var explanation = report.Value!.Explanation;
        if (input.Timeline is { } timeline)
        {
            var computed = ReferralTimetable.Compute(timeline, context.Law);
            if (!computed.IsSuccess)
            {
                return RuleResult<RuleDecision<CriminalReferralResult>>.Failure(computed.Errors);
            }
            deadlines = [.. computed.Value.Select(d => new CriminalReferralDeadline(d.Step, d.Deadline.LastDay, d.Deadline.ExpiresAt, d.Deadline.Period.ToString(), d.MetInTime))];
            var builder = new ExplanationBuilder(explanation.Rule, explanation.AsOf, explanation.Jurisdiction);
            foreach (var reason in explanation.Reasons)
            {
                builder.Add(reason);
            }
            foreach (var parameter in explanation.Parameters)
            {
                builder.Use(parameter);
            }
            foreach (var d in computed.Value)
            {
                builder.Use(d.Period);
                builder.Add(ComputedDate.FromDeadline("referral." + d.Step.ToString(), ReferralParameters.Of(StepParameter(d.Step)).Name, d.Deadline, d.Period.Citation));
            }
            explanation = builder.Build(explanation.Outcome);
        }
        var r = report.Value;
        var decision = r.Decision;
        var result = new CriminalReferralResult
        {
            Refer = decision.Refer,
            Offence = decision.Offence,
            Band = decision.Band,
            IsAttempt = decision.IsAttempt,
            Facts = decision.Facts,
            Triggered = [.. Enum.GetValues<ReferralThreshold>().Where(decision.HasTriggered)],
            ActDate = facts.ActDate,
            LawFrom = decision.LawFrom,
            LawChanged = decision.LawChanged,
            ReferUnderCurrentLaw = decision.ReferUnderCurrentLaw,
            LaterLawMoreLenient = decision.LaterLawMoreLenient,
            MissingElement = decision.MissingElement,
            LighterOffence = decision.LighterOffence,
            LighterBand = decision.LighterBand,
            InterpretationOfDecisionDate = decision.InterpretationOfDecisionDate,
            LaterLawLighter = decision.LaterLawLighter,
            Checks = [.. r.Checks.Select(ToDto)],
            CurrentLawChecks = [.. r.CurrentLawChecks.Select(ToDto)],
            Deadlines = deadlines,
        };
        return RuleResult<RuleDecision<CriminalReferralResult>>.Success(new RuleDecision<CriminalReferralResult>(result, explanation));
    }

    private static CriminalReferralCheck ToDto(ThresholdCheck c) =>
        new(c.Threshold, c.Value.ParameterId, c.Role, c.Actual, c.Required, c.Met, c.Difference, c.Value.Citation);

    private static ReferralThreshold StepParameter(ReferralStep step) => step switch
    {
        ReferralStep.HeadApproval => ReferralThreshold.ApprovalDays,
        ReferralStep.TransferToPolice => ReferralThreshold.TransferHours,
        ReferralStep.PoliceDecision => ReferralThreshold.PoliceDecisionDays,
        ReferralStep.ReconsiderationRequest => ReferralThreshold.ReconsiderationRequestDays,
        ReferralStep.ReconsiderationAnswer => ReferralThreshold.ReconsiderationAnswerDays,
        ReferralStep.SupervisionRequest => ReferralThreshold.SupervisionRequestDays,
        _ => ReferralThreshold.HandOverDays,
    };
}

/// <summary>The JSON contract of the referral area (source-generated, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(CriminalReferralInput))]
[JsonSerializable(typeof(CriminalReferralResult))]
internal sealed partial class ReferralJsonContext : JsonSerializerContext
{
}
