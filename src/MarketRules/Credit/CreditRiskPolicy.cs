using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using MarketRules.Utility;

namespace MarketRules.Credit;

/// <summary>How an enterprise's class was decided.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.KebabCaseEnumConverter<CreditClassBasis>))]
public enum CreditClassBasis
{
    /// <summary>By the weighted score and the cut points.</summary>
    Score = 0,

    /// <summary>Raised by the abnormal-list floor.</summary>
    AbnormalList = 1,

    /// <summary>Set by the serious-list override.</summary>
    SeriousList = 2,
}

/// <summary>
/// A credit-risk classification policy (企业信用风险分类): a weight and a cap per indicator, three cut points on the
/// weighted score, and the hard overrides (serious list → a fixed class; abnormal list → at least a class).
/// Classification is monotone: weights are non-negative, so more or heavier penalties never improve the class.
/// </summary>
/// <remarks>
/// <para><see cref="Classify"/> allocates nothing; <see cref="Explain"/> builds the explanation on request.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class CreditRiskPolicy
{
    /// <summary>The largest weight or cap a policy may set (keeps every score well inside <see cref="int"/>).</summary>
    public const int MaxWeight = 10_000;

    private static readonly Lazy<CreditRiskPolicy> LazyExample = new(() =>
        Parse(ReadResource("MarketRules.Data.Credit/credit-risk-example.json")).GetValueOrThrow());

    private readonly int w0, w1, w2, w3, w4, w5;
    private readonly int c0, c1, c2, c3, c4, c5;

    private CreditRiskPolicy(string id, LocalDate effectiveFrom, Citation citation, ImmutableArray<(int Weight, int Cap)> indicators,
        int cutB, int cutC, int cutD, CreditRiskClass seriousListClass, CreditRiskClass abnormalListFloor)
    {
        Id = id;
        EffectiveFrom = effectiveFrom;
        Citation = citation;
        (w0, c0) = indicators[0];
        (w1, c1) = indicators[1];
        (w2, c2) = indicators[2];
        (w3, c3) = indicators[3];
        (w4, c4) = indicators[4];
        (w5, c5) = indicators[5];
        CutB = cutB;
        CutC = cutC;
        CutD = cutD;
        SeriousListClass = seriousListClass;
        AbnormalListFloor = abnormalListFloor;
    }

    /// <summary>The example policy shipped with the library (weights and cut points are an example, not law).</summary>
    public static CreditRiskPolicy Example => LazyExample.Value;

    /// <summary>The policy's id.</summary>
    public string Id { get; }

    /// <summary>The first date the policy applies to.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Where the policy comes from.</summary>
    public Citation Citation { get; }

    /// <summary>The lowest score of class B.</summary>
    public int CutB { get; }

    /// <summary>The lowest score of class C.</summary>
    public int CutC { get; }

    /// <summary>The lowest score of class D.</summary>
    public int CutD { get; }

    /// <summary>The class of an enterprise on the serious-violation list. <value>The default value is <see cref="CreditRiskClass.D"/>.</value></summary>
    public CreditRiskClass SeriousListClass { get; }

    /// <summary>The lowest class of an enterprise on the abnormal list. <value>The default value is <see cref="CreditRiskClass.C"/>.</value></summary>
    public CreditRiskClass AbnormalListFloor { get; }

    /// <summary>The weight of an indicator (points per unit).</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The weight.</returns>
    public int WeightOf(CreditIndicator indicator) => indicator switch
    {
        CreditIndicator.BasicAttributes => w0,
        CreditIndicator.LateAnnualReports => w1,
        CreditIndicator.Penalties => w2,
        CreditIndicator.HeavierPenalties => w3,
        CreditIndicator.RelatedParties => w4,
        CreditIndicator.Complaints => w5,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>The value above which an indicator adds nothing more.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The cap.</returns>
    public int CapOf(CreditIndicator indicator) => indicator switch
    {
        CreditIndicator.BasicAttributes => c0,
        CreditIndicator.LateAnnualReports => c1,
        CreditIndicator.Penalties => c2,
        CreditIndicator.HeavierPenalties => c3,
        CreditIndicator.RelatedParties => c4,
        CreditIndicator.Complaints => c5,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>The weighted score of indicator values (list memberships do not score; they override).</summary>
    /// <param name="indicators">The values.</param>
    /// <returns>The score, ≥ 0.</returns>
    public int Score(in CreditIndicators indicators)
    {
        unchecked
        {
            return (w0 * Math.Min(indicators.BasicAttributes, c0)) + (w1 * Math.Min(indicators.LateAnnualReports, c1))
                + (w2 * Math.Min(indicators.Penalties, c2)) + (w3 * Math.Min(indicators.HeavierPenalties, c3))
                + (w4 * Math.Min(indicators.RelatedParties, c4)) + (w5 * Math.Min(indicators.Complaints, c5));
        }
    }

    /// <summary>Classifies without explaining: the hot path, allocation-free.</summary>
    /// <param name="indicators">The values as of the classification date.</param>
    /// <returns>The class.</returns>
    public CreditRiskClass Classify(in CreditIndicators indicators)
    {
        if (indicators.OnSeriousList)
        {
            return SeriousListClass;
        }
        var byScore = ClassOf(Score(in indicators));
        return indicators.OnAbnormalList && byScore < AbnormalListFloor ? AbnormalListFloor : byScore;
    }

    /// <summary>Classifies and explains which indicators and rules decided.</summary>
    /// <param name="indicators">The values as of <paramref name="asOf"/>.</param>
    /// <param name="asOf">The classification date (SAMR reclassifies monthly).</param>
    /// <param name="jurisdiction">The jurisdiction recorded in the explanation.</param>
    /// <returns>The classification: decided at once (one object); its explanation is made the first time it is read.</returns>
    public CreditClassification Explain(in CreditIndicators indicators, LocalDate asOf, string? jurisdiction = null)
    {
        var score = Score(in indicators);
        var byScore = ClassOf(score);
        var result = Classify(in indicators);
        var basis = indicators.OnSeriousList ? CreditClassBasis.SeriousList : result != byScore ? CreditClassBasis.AbnormalList : CreditClassBasis.Score;
        return new CreditClassification(this, indicators, asOf, jurisdiction, result, score, byScore, basis);
    }

    // The explanation of a classification made by Explain, from what it decided: a reason per contributing indicator,
    // the score against the cut points, and the list override when one decided. The reasons keep the classification
    // and make their values (names, numbers) only when a text is read; the builder is sized for exactly the reasons
    // added, so Build hands its array over without a copy.
    internal Explanation ExplainClassification(CreditClassification c)
    {
        var indicators = c.Indicators;
        var contributing = 0;
        for (var i = 0; i < CreditIndicators.Count; i++)
        {
            contributing += Points(in indicators, (CreditIndicator)i) > 0 ? 1 : 0;
        }
        var overridden = c.Basis != CreditClassBasis.Score;
        var builder = new ExplanationBuilder("credit.tier/1", c.AsOf, c.Jurisdiction, contributing + 1 + (overridden ? 1 : 0), 0);
        var values = new ExplainedValues(c);
        for (var i = 0; i < CreditIndicators.Count; i++)
        {
            if (Points(in indicators, (CreditIndicator)i) > 0)
            {
                builder.Add(CreditReasons.IndicatorContribution.ToDeferredReason(Citation, values, i));
            }
        }
        builder.Add(CreditReasons.Score.ToDeferredReason(Citation, values, ExplainedValues.ScoreIndex));
        if (c.Basis == CreditClassBasis.SeriousList)
        {
            builder.Add(CreditReasons.SeriousListOverride.ToReason(CreditCitations.SeriousList2021EarlyRemoval, ("Class", SeriousListClass)));
        }
        else if (c.Basis == CreditClassBasis.AbnormalList)
        {
            builder.Add(CreditReasons.AbnormalListOverride.ToReason(CreditCitations.AbnormalListMeasures2014, ("Class", AbnormalListFloor)));
        }
        return builder.Build(Outcomes[(int)c.Class]);
    }

    private static readonly string[] Outcomes = ["class-a", "class-b", "class-c", "class-d"];

    private int Points(in CreditIndicators indicators, CreditIndicator indicator) => WeightOf(indicator) * Math.Min(indicators.Get(indicator), CapOf(indicator));

    // The values of an explanation's reasons, made from the indicators when a reason's text or arguments are read: the
    // contribution of indicator i (index i), or the score against the cut points (ScoreIndex).
    private sealed class ExplainedValues(CreditClassification c) : IDeferredMessageArguments
    {
        internal const int ScoreIndex = CreditIndicators.Count;

        public MessageArguments ArgumentsOf(int index)
        {
            var policy = c.Policy;
            var indicators = c.Indicators;
            if (index == ScoreIndex)
            {
                (string Name, object? Value)[] numbers = [("Score", c.Score), ("B", policy.CutB), ("C", policy.CutC), ("D", policy.CutD), ("Class", c.ByScore)];
                return MessageArguments.Of(numbers);
            }
            var indicator = (CreditIndicator)index;
            var name = Kebab(indicator);
            var shown = indicators.Get(indicator).ToString(CultureInfo.InvariantCulture);
            var earned = policy.Points(in indicators, indicator).ToString(CultureInfo.InvariantCulture);
            (string Name, LocalizedText Value)[] texts = [("Indicator", new LocalizedText(name, name)), ("Category", CategoryLabel(CreditIndicators.CategoryOf(indicator))),
                ("Value", new LocalizedText(shown, shown)), ("Points", new LocalizedText(earned, earned))];
            return MessageArguments.Of(texts);
        }
    }

    /// <summary>Reads and validates a policy from JSON (see <c>docs/credit.md</c> for the form).</summary>
    /// <param name="json">The policy.</param>
    /// <returns>The policy, or every coded error found (unknown indicator, negative weight, cut points out of order), with JSON paths.</returns>
    public static RuleResult<CreditRiskPolicy> Parse(string json)
    {
        Preconditions.CheckNotNull(json);
        var read = Json.StrictJson.Read(json, CreditJsonContext.Default.CreditRiskPolicyDto, CreditErrors.PolicyInvalid);
        if (!read.IsSuccess)
        {
            return RuleResult<CreditRiskPolicy>.Failure(read.Errors);
        }
        var dto = read.Value;
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (dto is null || string.IsNullOrWhiteSpace(dto.Id) || dto.EffectiveFrom is null || dto.Indicators is null || dto.CutPoints is null)
        {
            return RuleResult<CreditRiskPolicy>.Failure(CreditErrors.PolicyInvalid.CreateLocalized("$", ("Detail", "须给出「id」「effectiveFrom」「indicators」和「cutPoints」", "'id', 'effectiveFrom', 'indicators' and 'cutPoints' are required")));
        }
        var indicators = new (int Weight, int Cap)[CreditIndicators.Count];
        var known = Json.JsonTexts.MemberList(string.Join(", ", Enum.GetValues<CreditIndicator>().Select(Kebab)));
        foreach (var (name, setting) in dto.Indicators)
        {
            var path = $"$.indicators['{name}']";
            if (!TryParseIndicator(name, out var indicator))
            {
                errors.Add(CreditErrors.UnknownIndicator.CreateLocalized(path, ("Indicator", name, name), ("Known", known.Chinese, known.English)));
                continue;
            }
            // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
            var weight = setting.Weight ?? -1;
            var cap = setting.Cap ?? -1;
            if (weight < 0 || weight > MaxWeight || cap < 0 || cap > MaxWeight)
            {
                errors.Add(CreditErrors.PolicyInvalid.CreateLocalized(path, ("Detail", $"「weight」和「cap」须为 0 到 {MaxWeight} 之间的整数", $"weight and cap must be whole numbers in [0, {MaxWeight}]")));
                continue;
            }
            indicators[(int)indicator] = (weight, cap);
        }
        var cuts = dto.CutPoints;
        if (!(cuts.B > 0 && cuts.B <= cuts.C && cuts.C <= cuts.D))
        {
            errors.Add(CreditErrors.PolicyInvalid.CreateLocalized("$.cutPoints", ("Detail", "分界点须满足 0 < b ≤ c ≤ d", "cut points must satisfy 0 < b ≤ c ≤ d")));
        }
        if (errors.Count > 0)
        {
            return RuleResult<CreditRiskPolicy>.Failure(errors.ToImmutable());
        }
        var citation = new Citation(dto.Title ?? new LocalizedText(dto.Id, dto.Id), null, dto.Status ?? VerificationStatus.ProjectRequirement)
        {
            InForceFrom = dto.EffectiveFrom,
            Note = dto.Note,
        };
        return RuleResult<CreditRiskPolicy>.Success(new CreditRiskPolicy(dto.Id, dto.EffectiveFrom.Value, citation, [.. indicators],
            cuts.B, cuts.C, cuts.D, dto.SeriousListClass ?? CreditRiskClass.D, dto.AbnormalListFloor ?? CreditRiskClass.C));
    }

    // The category's name as the classification guidance names it, and its English meaning.
    private static LocalizedText CategoryLabel(CreditIndicatorCategory category) => category switch
    {
        CreditIndicatorCategory.BasicAttributes => new("企业基础属性信息", "basic attributes"),
        CreditIndicatorCategory.DynamicBehaviour => new("企业动态信息", "dynamic behaviour"),
        CreditIndicatorCategory.SupervisionRecords => new("监管信息", "supervision records"),
        CreditIndicatorCategory.RelatedParties => new("关联关系信息", "related parties"),
        _ => new("社会评价信息", "public complaints"),
    };

    internal static string Kebab(CreditIndicator indicator) => indicator switch
    {
        CreditIndicator.BasicAttributes => "basic-attributes",
        CreditIndicator.LateAnnualReports => "late-annual-reports",
        CreditIndicator.Penalties => "penalties",
        CreditIndicator.HeavierPenalties => "heavier-penalties",
        CreditIndicator.RelatedParties => "related-parties",
        _ => "complaints",
    };

    internal static string ReadResource(string name)
    {
        using var stream = typeof(CreditRiskPolicy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool TryParseIndicator(string name, out CreditIndicator indicator)
    {
        foreach (var candidate in Enum.GetValues<CreditIndicator>())
        {
            if (string.Equals(Kebab(candidate), name, StringComparison.Ordinal))
            {
                indicator = candidate;
                return true;
            }
        }
        indicator = default;
        return false;
    }

    private CreditRiskClass ClassOf(int score) =>
        score >= CutD ? CreditRiskClass.D : score >= CutC ? CreditRiskClass.C : score >= CutB ? CreditRiskClass.B : CreditRiskClass.A;

    /// <inheritdoc />
    public override string ToString() => Id + " (B≥" + CutB.ToString(CultureInfo.InvariantCulture) + ")";
}

/// <summary>A classification with its explanation.</summary>
/// <remarks>Decided at once by <see cref="CreditRiskPolicy.Explain"/>; the <see cref="Explanation"/> is made from it the
/// first time it is read (a caller classifying many enterprises pays only for the ones it explains). Thread-safe:
/// immutable once made.</remarks>
public sealed class CreditClassification
{
    [Memoised]
    private Explanation? explanation;

    internal CreditClassification(CreditRiskPolicy policy, in CreditIndicators indicators, LocalDate asOf, string? jurisdiction,
        CreditRiskClass @class, int score, CreditRiskClass byScore, CreditClassBasis basis)
    {
        Policy = policy;
        Indicators = indicators;
        AsOf = asOf;
        Jurisdiction = jurisdiction;
        Class = @class;
        Score = score;
        ByScore = byScore;
        Basis = basis;
    }

    /// <summary>The class.</summary>
    public CreditRiskClass Class { get; }

    /// <summary>The weighted score.</summary>
    public int Score { get; }

    /// <summary>What decided the class.</summary>
    public CreditClassBasis Basis { get; }

    /// <summary>Which indicators and rules decided.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.Policy.ExplainClassification(self));

    internal CreditRiskPolicy Policy { get; }

    internal CreditIndicators Indicators { get; }

    internal LocalDate AsOf { get; }

    internal string? Jurisdiction { get; }

    // The class the score alone gives (before a list override).
    internal CreditRiskClass ByScore { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Class} (score {Score}, {Basis})";
}
