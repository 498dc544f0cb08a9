using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>The reward level (Art 11), which the bureau assesses from the quality of the report: the caller's input.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RewardLevel>))]
public enum RewardLevel
{
    /// <summary>Not given.</summary>
    None = 0,

    /// <summary>一级: detailed facts and direct evidence, fully matching, a particularly serious violation or a suspected crime (5 %, at least 5,000).</summary>
    Level1 = 1,

    /// <summary>二级: detailed facts and direct evidence, fully matching (3 %, at least 3,000).</summary>
    Level2 = 2,

    /// <summary>三级: basic facts and related evidence, basically matching (1 %, at least 1,000).</summary>
    Level3 = 3,
}

/// <summary>How a percentage is brought to whole fen. No source states one (Q-R2): the caller chooses, and the explanation says which.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RewardRounding>))]
public enum RewardRounding
{
    /// <summary>Round half away from zero to the fen (四舍五入到分): the library's default.</summary>
    HalfUpToFen = 0,

    /// <summary>Round down to the fen (舍去分以下).</summary>
    DownToFen = 1,
}

/// <summary>Why a reporter or a case does not qualify for a reward.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<RewardExclusion>))]
public enum RewardExclusion
{
    /// <summary>Not excluded.</summary>
    None = 0,

    /// <summary>The reporter is not a natural person (Art 2 ¶1).</summary>
    NotNaturalPerson = 1,

    /// <summary>The reporter is SAMR staff or has a statutory duty to supervise or report.</summary>
    OfficialDuty = 2,

    /// <summary>The reporter is the infringed party, its agent or an interested party.</summary>
    InfringedParty = 3,

    /// <summary>The reporter committed the violation (insiders who report are not excluded).</summary>
    Violator = 4,

    /// <summary>The reporter was paid by another market entity for the report.</summary>
    PaidByCompetitor = 5,

    /// <summary>The case was not verified and closed (or prosecuted).</summary>
    NotVerifiedAndClosed = 6,

    /// <summary>The case is not a major violation (重大违法): no crime, no closure, suspension or revocation, and fines and confiscations below the province's 较大数额.</summary>
    NotMajorViolation = 7,
}

/// <summary>The facts of a reward decision.</summary>
/// <remarks>Thread-safe: immutable.</remarks>
public sealed record RewardCase
{
    /// <summary>The day the case was closed (the law of that day applies).</summary>
    public LocalDate ClosedOn { get; init; }

    /// <summary>The reporter is a natural person.</summary>
    public bool ReporterIsNaturalPerson { get; init; } = true;

    /// <summary>Exclusions the bureau found about the reporter (official duty, infringed party, violator, paid by a competitor).</summary>
    public ImmutableArray<RewardExclusion> ReporterExclusions { get; init; } = [];

    /// <summary>The report was verified and the case closed, or the case was sent to the prosecutor.</summary>
    public bool VerifiedAndClosed { get; init; } = true;

    /// <summary>The violation is a suspected crime transferred for prosecution.</summary>
    public bool SuspectedCrime { get; init; }

    /// <summary>The penalty ordered suspension or closure (责令停产停业、责令关闭).</summary>
    public bool SuspensionOrClosure { get; init; }

    /// <summary>The penalty revoked a licence or permit (吊销（撤销）许可证件).</summary>
    public bool LicenceRevoked { get; init; }

    /// <summary>Fines and confiscations (罚没款: fines, confiscated illegal gains and goods), exact to the fen.</summary>
    public Money FinesAndConfiscations { get; init; }

    /// <summary>The violator is a natural person (a province may set a lower 较大数额 for persons, e.g. Liaoning).</summary>
    public bool ViolatorIsNaturalPerson { get; init; }

    /// <summary>The reward level the bureau assessed.</summary>
    public RewardLevel Level { get; init; }

    /// <summary>How the percentage is brought to whole fen.</summary>
    public RewardRounding Rounding { get; init; }
}

/// <summary>
/// A reward decided without its explanation (<see cref="ReportRewardCalculator.Assess"/>): whether a reward is due, why
/// not, the level and the amount, with the amount rule that governed (percentage, floor or cap). Made without
/// allocating; <see cref="ReportRewardCalculator.Decide"/> makes the same decision and keeps it with its explanation.
/// </summary>
public readonly record struct RewardAssessment
{
    // The lists a decision can report, made once: by the bits of the exclusions (1 << kind) and of what qualifies.
    private static readonly ImmutableArray<RewardExclusion>[] ExclusionLists = [.. Enumerable.Range(0, 256).Select(mask =>
        Enum.GetValues<RewardExclusion>().Where(x => x != RewardExclusion.None && (mask & (1 << (int)x)) != 0).ToImmutableArray())];

    private static readonly string[] QualifierNames = ["crime", "suspension-or-closure", "licence-revoked", "large-amount"];

    private static readonly ImmutableArray<string>[] QualifierLists = [.. Enumerable.Range(0, 16).Select(mask =>
        Enumerable.Range(0, 4).Where(i => (mask & (1 << i)) != 0).Select(i => QualifierNames[i]).ToImmutableArray())];

    internal const int FloorBit = 1, CapBit = 2, FinanceBit = 4, ReachedBit = 8;

    internal RewardAssessment(RewardLaw law, ParameterValue? threshold, RewardLevel level, int exclusions, int qualifies, int flags, long roundedFen, long amountFen)
    {
        Law = law;
        Threshold = threshold;
        Level = level;
        ExclusionBits = exclusions;
        QualifierBits = qualifies;
        Flags = flags;
        RoundedFen = roundedFen;
        AmountFen = amountFen;
    }

    /// <summary>Whether a reward is due.</summary>
    public bool Eligible => ExclusionBits == 0;

    /// <summary>The level the bureau assessed.</summary>
    public RewardLevel Level { get; }

    /// <summary>Why not, when not (in the order the measures list them; empty when eligible).</summary>
    public ImmutableArray<RewardExclusion> Exclusions => ExclusionLists[ExclusionBits];

    /// <summary>What makes the case a major violation: crime, suspension-or-closure, licence-revoked, large-amount.</summary>
    public ImmutableArray<string> QualifiesBy => QualifierLists[QualifierBits];

    internal static ImmutableArray<string> QualifierList(int bits) => QualifierLists[bits];

    /// <summary>The reward, exact to the fen (zero when not eligible).</summary>
    public Money Amount => Money.FromFen(AmountFen);

    /// <summary>The floor raised the amount (or the case has no fines: the floor is the minimum and more is the bureau's discretion).</summary>
    public bool FloorApplied => (Flags & FloorBit) != 0;

    /// <summary>The 1,000,000-yuan cap per case lowered it.</summary>
    public bool CapApplied => (Flags & CapBit) != 0;

    /// <summary>500,000 yuan or more: set together with the finance department.</summary>
    public bool NeedsFinanceCoDecision => (Flags & FinanceBit) != 0;

    // The law in force on the closing day (the span of the calculator's table) and the 较大数额 used, if any.
    internal RewardLaw Law { get; }

    internal ParameterValue? Threshold { get; }

    internal bool ThresholdReached => (Flags & ReachedBit) != 0;

    internal int ExclusionBits { get; }

    internal int QualifierBits { get; }

    internal int Flags { get; }

    // The percentage brought to whole fen, before the floor and the cap.
    internal long RoundedFen { get; }

    internal long AmountFen { get; }

}

/// <summary>A reward decision with its explanation.</summary>
/// <remarks>The decision is made at once (<see cref="ReportRewardCalculator.Assess"/>, kept here) and allocates nothing of
/// its own beyond this object; its <see cref="Explanation"/> is made from it the first time it is read. Thread-safe:
/// immutable once made.</remarks>
public sealed class RewardDecision : IDeferredMessageArguments
{
    private readonly ReportRewardCalculator calculator;
    [Memoised]
    private Explanation? explanation;

    internal RewardDecision(ReportRewardCalculator calculator, RewardCase facts, in RewardAssessment assessment)
    {
        this.calculator = calculator;
        Facts = facts;
        Assessment = assessment;
    }

    /// <summary>The decision without its explanation.</summary>
    public RewardAssessment Assessment { get; }

    /// <summary>Whether a reward is due.</summary>
    public bool Eligible => Assessment.Eligible;

    /// <summary>Why not, when not.</summary>
    public ImmutableArray<RewardExclusion> Exclusions => Assessment.Exclusions;

    /// <summary>What makes the case a major violation: crime, suspension-or-closure, licence-revoked, large-amount.</summary>
    public ImmutableArray<string> QualifiesBy => Assessment.QualifiesBy;

    /// <summary>The level's percentage of the fines and confiscations, before rounding, in yuan (zero when not eligible).</summary>
    public decimal Percentage => ExactFen / 100m;

    /// <summary>The reward, exact to the fen (zero when not eligible).</summary>
    public Money Amount => Assessment.Amount;

    /// <summary>The floor raised the amount (or the case has no fines: the floor is the minimum and more is the bureau's discretion).</summary>
    public bool FloorApplied => Assessment.FloorApplied;

    /// <summary>The 1,000,000-yuan cap per case lowered it.</summary>
    public bool CapApplied => Assessment.CapApplied;

    /// <summary>500,000 yuan or more: set together with the finance department.</summary>
    public bool NeedsFinanceCoDecision => Assessment.NeedsFinanceCoDecision;

    /// <summary>Why: the threshold, the scope, each exclusion or the percentage, rounding, floor, cap and co-decision, with the parameters used.</summary>
    public Explanation Explanation => Memo.Once(ref explanation, this, static self => self.calculator.Explain(self));

    internal RewardCase Facts { get; }

    // The level's percentage of the fines in fen, exact (decimal arithmetic, made only when shown).
    internal decimal ExactFen => Eligible ? Assessment.Law.PercentageFen(Facts.FinesAndConfiscations.Fen, Facts.Level) : 0m;

    // The values of the explanation's reasons, made from the decision when a reason's text or arguments are read.
    MessageArguments IDeferredMessageArguments.ArgumentsOf(int index) => ReportRewardCalculator.ArgumentsOf(this, index);

}

/// <summary>
/// The reward law in force from one date for a calculator's jurisdiction: each parameter as resolved through the law
/// context (null when none is in force), and the amounts in fen the decision compares with.
/// </summary>
internal sealed class RewardLaw
{
    private readonly ParameterValue?[] ratios;
    private readonly ParameterValue?[] floors;
    private readonly long[] floorFen;

    internal RewardLaw(LawContext law, LocalDate from)
    {
        LargeAmount = law.TryResolve(RewardParameters.LargeAmount, from);
        LargeAmountPerson = law.TryResolve(RewardParameters.LargeAmountPerson, from) ?? LargeAmount;
        ratios = [law.TryResolve(RewardParameters.Level1Ratio, from), law.TryResolve(RewardParameters.Level2Ratio, from), law.TryResolve(RewardParameters.Level3Ratio, from)];
        floors = [law.TryResolve(RewardParameters.Level1Floor, from), law.TryResolve(RewardParameters.Level2Floor, from), law.TryResolve(RewardParameters.Level3Floor, from)];
        Cap = law.TryResolve(RewardParameters.CapPerCase, from);
        CoDecision = law.TryResolve(RewardParameters.FinanceCoDecision, from);
        floorFen = [.. floors.Select(Fen)];
        CapFen = Fen(Cap);
        CoDecisionFen = Fen(CoDecision);
        LargeAmountFen = Fen(LargeAmount);
        LargeAmountPersonFen = Fen(LargeAmountPerson);
    }

    internal ParameterValue? LargeAmount { get; }

    internal ParameterValue? LargeAmountPerson { get; }

    // Each threshold in fen (以上 includes the amount), 0 when none is in force (LargeAmount says whether).
    internal long LargeAmountFen { get; }

    internal long LargeAmountPersonFen { get; }

    internal ParameterValue? Cap { get; }

    internal ParameterValue? CoDecision { get; }

    internal long CapFen { get; }

    internal long CoDecisionFen { get; }

    internal ParameterValue? Ratio(RewardLevel level) => ratios[(int)level - 1];

    internal ParameterValue? Floor(RewardLevel level) => floors[(int)level - 1];

    internal long FloorFen(RewardLevel level) => floorFen[(int)level - 1];

    // Everything the amount of a reward at this level needs is in force.
    internal bool AmountInForce(RewardLevel level) => Ratio(level) is not null && Floor(level) is not null && Cap is not null && CoDecision is not null;

    // The level's percentage of the fines and confiscations in fen, exact: the one computation of the amount, which the
    // decision rounds and the explanation shows. The kernel admits a ratio in [0, 1] only, so the product of any amount
    // of fen and the ratio is a decimal.
    internal decimal PercentageFen(long fines, RewardLevel level) => fines * Ratio(level)!.Value;

    // An amount in fen: the kernel admits a yuan parameter only in whole fen up to Money.MaxYuan, so it is exact.
    private static long Fen(ParameterValue? value) => value is null ? 0 : Money.FromYuan(value.Value).Fen;
}

/// <summary>
/// Whistle-blower rewards under 国市监稽规〔2021〕4号: eligibility (a natural person, not excluded, a verified and closed
/// major violation), the amount (5 % / 3 % / 1 % of fines and confiscations, floors 5,000 / 3,000 / 1,000 yuan, cap
/// 1,000,000 yuan per case), exact to the fen with the stated rounding, and the finance co-decision at 500,000 and
/// above. The 较大数额 threshold is the province's (a jurisdiction pack, <see cref="RewardPolicyPacks"/>); 以上 includes the amount.
/// </summary>
/// <remarks>The calculator resolves the reward parameters once, for every date on which one of them changes (its table
/// of spans); a decision finds the span in force on the closing day. Thread-safe: immutable.</remarks>
public sealed class ReportRewardCalculator
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "report.reward/1";

    // The words the texts use for levels, roundings, exclusions and qualifiers: Chinese in the zh text, English in the
    // en text (the JSON ids stay in the decision's data, never inside a Chinese sentence). Indexed by the enum value.
    private static readonly LocalizedText[] LevelNames = [new("无", "none"), new("一级", "level 1"), new("二级", "level 2"), new("三级", "level 3")];
    private static readonly LocalizedText[] RoundingNames = [new("四舍五入到分", "half up to the fen"), new("舍去分以下", "down to the fen")];
    private static readonly LocalizedText[] ExclusionNames =
    [
        new("无", "none"), new("举报人不是自然人", "the reporter is not a natural person"),
        new("举报人是市场监管部门工作人员或者负有法定监督、报告义务", "the reporter has an official duty to supervise or report"),
        new("举报人是权益受侵害者或其委托代理人、利害关系人", "the reporter is the infringed party, its agent or an interested party"),
        new("举报人是违法行为人", "the reporter committed the violation"),
        new("举报人受其他市场主体指使举报", "the reporter was paid by another market entity"),
        new("案件未经查证属实并结案", "the case was not verified and closed"),
        new("不属于重大违法行为", "not a major violation"),
    ];
    private static readonly LocalizedText[] QualifierNames =
        [new("涉嫌犯罪", "a suspected crime"), new("责令停产停业", "suspension or closure"), new("吊销许可证件", "licence revoked"), new("罚没款达到较大数额", "the large amount reached")];
    private static readonly LocalizedText Reached = new("已达到", "reached"), NotReached = new("未达到", "not reached"), Yes = new("是", "yes"), No = new("否", "no");

    // What makes a case a major violation, as the scope reason shows it, by the bits that qualify.
    private static readonly LocalizedText[] QualifierTexts = [.. Enumerable.Range(0, 16).Select(mask => mask == 0 ? new LocalizedText("-", "-") : new LocalizedText(
        string.Join("、", Enumerable.Range(0, 4).Where(i => (mask & (1 << i)) != 0).Select(i => QualifierNames[i].Chinese)),
        string.Join(", ", Enumerable.Range(0, 4).Where(i => (mask & (1 << i)) != 0).Select(i => QualifierNames[i].English))))];

    private readonly InForceSpans<RewardLaw> spans;
    private readonly string? jurisdictionCode;

    /// <summary>A calculator under the law of the province, city or district where the case was handled (with the province's pack; see <see cref="RewardPolicyPacks.WithAll"/>).</summary>
    /// <param name="law">The law in force and the jurisdiction.</param>
    public ReportRewardCalculator(LawContext law)
    {
        Law = Preconditions.CheckNotNull(law);
        spans = new InForceSpans<RewardLaw>(law, RewardParameters.All, from => new RewardLaw(law, from));
        jurisdictionCode = law.JurisdictionCode;
    }

    /// <summary>The law the calculator applies.</summary>
    public LawContext Law { get; }

    /// <summary>The policy.</summary>
    public PolicyContext Policy => Law.Policy;

    /// <summary>The jurisdiction.</summary>
    public Jurisdiction Jurisdiction => Law.Jurisdiction;

    /// <summary>
    /// Decides a reward without its explanation, allocating nothing when the facts are valid: the same decision as
    /// <see cref="Decide"/>, which keeps it with an explanation made when read.
    /// </summary>
    /// <param name="facts">The case.</param>
    /// <returns>The decision, or a coded error: no level, a negative amount, the measures not in force, or no 较大数额 set for the jurisdiction when the amount alone decides.</returns>
    public RuleResult<RewardAssessment> Assess(RewardCase facts)
    {
        Preconditions.CheckNotNull(facts);
        // No try region here: the JIT copied the result out of one on every call (about 40 % of the decision in a perf
        // profile). Nothing below raises: a value not in force is a coded error returned.
        return AssessCore(facts);
    }

    /// <summary>Decides a reward; the explanation is made from the decision the first time it is read.</summary>
    /// <param name="facts">The case.</param>
    /// <returns>The decision, or a coded error: no level, a negative amount, the measures not in force, or no 较大数额 set for the jurisdiction when the amount alone decides.</returns>
    public RuleResult<RewardDecision> Decide(RewardCase facts)
    {
        var assessed = Assess(facts);
        return assessed.IsSuccess
            ? RuleResult<RewardDecision>.Success(new RewardDecision(this, facts, assessed.Value))
            : RuleResult<RewardDecision>.Failure(assessed.Errors);
    }

    /// <summary>Rounds an amount in fen to whole fen.</summary>
    /// <param name="fen">The exact amount in fen.</param>
    /// <param name="rounding">The rule.</param>
    /// <returns>Whole fen.</returns>
    public static long ToWholeFen(decimal fen, RewardRounding rounding) =>
        (long)(rounding == RewardRounding.DownToFen ? decimal.Floor(fen) : decimal.Round(fen, 0, MidpointRounding.AwayFromZero));

    private RuleResult<RewardAssessment> AssessCore(RewardCase f)
    {
        if (f.Level is not (RewardLevel.Level1 or RewardLevel.Level2 or RewardLevel.Level3))
        {
            return RuleResult<RewardAssessment>.Failure(RewardErrors.LevelRequired.Create("$.level"));
        }
        var fines = f.FinesAndConfiscations.Fen;
        if (fines < 0)
        {
            return RuleResult<RewardAssessment>.Failure(RewardErrors.NegativeAmount.Create("$.finesAndConfiscationsYuan"));
        }
        var date = f.ClosedOn;
        var law = spans.Find(date);

        // Exclusions and qualifications as bits (1 << kind; crime, suspension or closure, revocation, large amount): the
        // lists the decision reports are made once for every combination, in the order the measures list them.
        var exclusions = f.ReporterIsNaturalPerson ? 0 : 1 << (int)RewardExclusion.NotNaturalPerson;
        foreach (var x in f.ReporterExclusions)
        {
            if (x is RewardExclusion.OfficialDuty or RewardExclusion.InfringedParty or RewardExclusion.Violator or RewardExclusion.PaidByCompetitor)
            {
                exclusions |= 1 << (int)x;
            }
        }
        if (!f.VerifiedAndClosed)
        {
            exclusions |= 1 << (int)RewardExclusion.NotVerifiedAndClosed;
        }
        var qualifies = (f.SuspectedCrime ? 1 : 0) | (f.SuspensionOrClosure ? 2 : 0) | (f.LicenceRevoked ? 4 : 0);
        // A province may set a lower 较大数额 for a natural person (the span holds it, or the general one when none).
        var threshold = f.ViolatorIsNaturalPerson ? law.LargeAmountPerson : law.LargeAmount;
        var flags = 0;
        if (threshold is not null)
        {
            var reached = fines >= (f.ViolatorIsNaturalPerson ? law.LargeAmountPersonFen : law.LargeAmountFen);
            if (reached)
            {
                qualifies |= 8;
                flags |= RewardAssessment.ReachedBit;
            }
        }
        else if (qualifies == 0 && fines > 0)
        {
            return RuleResult<RewardAssessment>.Failure(RewardErrors.ThresholdNotSet.Create(null, ("Jurisdiction", Jurisdiction.IsNational ? "national" : Jurisdiction.ToString()), ("Date", date)));
        }
        if (qualifies == 0)
        {
            exclusions |= 1 << (int)RewardExclusion.NotMajorViolation;
        }
        if (exclusions != 0)
        {
            return RuleResult<RewardAssessment>.Success(new RewardAssessment(law, threshold, f.Level, exclusions, qualifies, flags, 0, 0));
        }

        if (!law.AmountInForce(f.Level))
        {
            // The measures before 2021-12-01, or a pack that ends one of their values: the coded error of the first
            // value the amount needs that is not in force on the closing day.
            return RuleResult<RewardAssessment>.Failure(NotInForce(law, f.Level, date));
        }
        var rounded = ToWholeFen(law.PercentageFen(fines, f.Level), f.Rounding);
        var (floor, cap, coDecision) = (law.FloorFen(f.Level), law.CapFen, law.CoDecisionFen);
        var amount = rounded;
        if (amount < floor)
        {
            amount = floor;
            flags |= RewardAssessment.FloorBit;
        }
        if (amount > cap)
        {
            amount = cap;
            flags |= RewardAssessment.CapBit;
        }
        if (amount >= coDecision)
        {
            flags |= RewardAssessment.FinanceBit;
        }
        return RuleResult<RewardAssessment>.Success(new RewardAssessment(law, threshold, f.Level, 0, qualifies, flags, rounded, amount));
    }

    private static RuleError NotInForce(RewardLaw law, RewardLevel level, LocalDate date)
    {
        var (ratio, floor) = level switch
        {
            RewardLevel.Level1 => (RewardParameters.Level1Ratio, RewardParameters.Level1Floor),
            RewardLevel.Level2 => (RewardParameters.Level2Ratio, RewardParameters.Level2Floor),
            _ => (RewardParameters.Level3Ratio, RewardParameters.Level3Floor),
        };
        var missing = law.Ratio(level) is null ? ratio : law.Floor(level) is null ? floor : law.Cap is null ? RewardParameters.CapPerCase : RewardParameters.FinanceCoDecision;
        return PolicyContext.NotInForceError(missing, date);
    }

    // The reasons of an explanation, by the index its deferred arguments are asked for (an exclusion: ExcludedBase + kind).
    internal const int ThresholdReason = 0, ScopeReason = 1, PercentageReason = 2, RoundingReason = 3, FloorReason = 4, CapReason = 5, FinanceReason = 6, ExcludedBase = 8;

    // The explanation of a decision made by AssessCore, from what it used and computed, in the order it decided. The
    // reasons keep the decision and make their values when a text is read; the builder is sized for the reasons and
    // parameters it will hold, so Build hands its arrays over without a copy.
    internal Explanation Explain(RewardDecision d)
    {
        var f = d.Facts;
        var a = d.Assessment;
        var law = a.Law;
        var eligible = a.Eligible;
        var reasons = (a.Threshold is null ? 0 : 1) + 1 + (eligible
            ? 2 + (a.FloorApplied ? 1 : 0) + (a.CapApplied ? 1 : 0) + (a.NeedsFinanceCoDecision ? 1 : 0)
            : System.Numerics.BitOperations.PopCount((uint)a.ExclusionBits));
        var builder = new ExplanationBuilder(RuleId, f.ClosedOn, jurisdictionCode, reasons, (a.Threshold is null ? 0 : 1) + (eligible ? 4 : 0));
        // Read without pattern variables: a condition that declares one makes Stryker's mutants of this method fail to
        // compile (CS0165), and the method's mutants were then not measured at all.
        var threshold = a.Threshold;
        if (threshold is not null)
        {
            builder.Use(threshold);
            builder.Add(RewardReasons.Threshold.ToDeferredReason(threshold.Citation, d, ThresholdReason));
        }
        builder.Add(RewardReasons.Scope.ToDeferredReason(ComplaintCitations.RewardScope, d, ScopeReason));
        if (!eligible)
        {
            foreach (var x in a.Exclusions)
            {
                builder.Add(RewardReasons.Excluded.ToDeferredReason(x == RewardExclusion.NotMajorViolation || x == RewardExclusion.NotNaturalPerson ? ComplaintCitations.RewardScope : ComplaintCitations.RewardExclusions,
                    d, ExcludedBase + (int)x));
            }
            return builder.Build("not-eligible");
        }
        builder.Use(law.Ratio(f.Level)!);
        builder.Use(law.Floor(f.Level)!);
        builder.Use(law.Cap!);
        builder.Use(law.CoDecision!);
        builder.Add(RewardReasons.Percentage.ToDeferredReason(ComplaintCitations.RewardAmounts, d, PercentageReason));
        builder.Add(RewardReasons.Rounding.ToDeferredReason(ComplaintCitations.RewardRounding, d, RoundingReason));
        if (a.FloorApplied)
        {
            builder.Add(RewardReasons.Floor.ToDeferredReason(ComplaintCitations.RewardAmounts, d, FloorReason));
        }
        if (a.CapApplied)
        {
            builder.Add(RewardReasons.Cap.ToDeferredReason(ComplaintCitations.RewardCap, d, CapReason));
        }
        if (a.NeedsFinanceCoDecision)
        {
            builder.Add(RewardReasons.FinanceCoDecision.ToDeferredReason(ComplaintCitations.RewardFinanceCoDecision, d, FinanceReason));
        }
        return builder.Build("eligible");
    }

    // The values of reason `index` of a decision's explanation (Explain), as the texts show them.
    internal static MessageArguments ArgumentsOf(RewardDecision d, int index)
    {
        var f = d.Facts;
        var a = d.Assessment;
        var law = a.Law;
        (string Name, object? Value)[] values = index switch
        {
            ThresholdReason => [("Amount", f.FinesAndConfiscations.Yuan), ("Threshold", a.Threshold!.Value), ("Reached", a.ThresholdReached ? Reached : NotReached)],
            ScopeReason => [("QualifiesBy", QualifierTexts[a.QualifierBits])],
            PercentageReason => [("Level", LevelNames[(int)f.Level]), ("Ratio", law.Ratio(f.Level)!.Value), ("Base", f.FinesAndConfiscations.Yuan),
                ("Exact", d.ExactFen / 100m), ("Rounded", Money.FromFen(a.RoundedFen).Yuan)],
            RoundingReason => [("Rounding", RoundingNames[(int)f.Rounding])],
            FloorReason => [("Floor", Money.FromYuan(law.Floor(f.Level)!.Value).Yuan), ("NoFine", f.FinesAndConfiscations.Fen == 0 ? Yes : No)],
            CapReason => [("Cap", Money.FromYuan(law.Cap!.Value).Yuan)],
            FinanceReason => [("Amount", a.Amount.Yuan), ("Threshold", Money.FromYuan(law.CoDecision!.Value).Yuan)],
            _ => [("Exclusion", ExclusionNames[index - ExcludedBase])],
        };
        return MessageArguments.Of(values);
    }
}

/// <summary>The coded errors of reward decisions (<c>MR.Rewards.*</c>).</summary>
public static class RewardErrors
{
    /// <summary>The level is missing.</summary>
    public static readonly MessageDefinition LevelRequired = new("MR.Rewards.LevelRequired",
        "须给出举报奖励等级（一级、二级或三级，暂行办法第十一条），等级由市场监督管理部门评定",
        "Give the reward level (level 1, 2 or 3, Measures Art 11); the bureau assesses it");

    /// <summary>A negative amount.</summary>
    public static readonly MessageDefinition NegativeAmount = new("MR.Rewards.NegativeAmount",
        "罚没款金额不能为负数",
        "Fines and confiscations cannot be negative");

    /// <summary>An amount with fractions of a fen, or beyond a trillion yuan.</summary>
    public static readonly MessageDefinition AmountNotInFen = new("MR.Rewards.AmountNotInFen",
        "罚没款金额须以元为单位、最多两位小数（分），且不超过一万亿元",
        "Fines and confiscations are given in yuan with at most two decimals (fen), up to a trillion yuan");

    /// <summary>No 较大数额 for the jurisdiction.</summary>
    public static readonly MessageDefinition ThresholdNotSet = new("MR.Rewards.ThresholdNotSet",
        "{Jurisdiction}在{Date}没有“较大数额罚没款”标准（由省级市场监督管理部门商财政部门确定，暂行办法第二条）；请加载该省的政策包",
        "{Jurisdiction} has no 'large fines and confiscations' threshold on {Date} (set by the province with its finance department, Measures Art 2); load the province's policy pack");
}

/// <summary>The coded reasons of reward decisions.</summary>
public static class RewardReasons
{
    /// <summary>The province's threshold.</summary>
    public static readonly MessageDefinition Threshold = new("MR.Rewards.Threshold",
        "罚没款{Amount}元，较大数额标准{Threshold}元（以上含本数）：{Reached}",
        "Fines and confiscations {Amount} yuan against the large-amount threshold {Threshold} yuan (inclusive): {Reached}");

    /// <summary>What makes the case a major violation.</summary>
    public static readonly MessageDefinition Scope = new("MR.Rewards.Scope",
        "重大违法行为的依据：{QualifiesBy}",
        "Major violation by: {QualifiesBy}");

    /// <summary>An exclusion.</summary>
    public static readonly MessageDefinition Excluded = new("MR.Rewards.Excluded",
        "不予奖励：{Exclusion}",
        "No reward: {Exclusion}");

    /// <summary>The percentage.</summary>
    public static readonly MessageDefinition Percentage = new("MR.Rewards.Percentage",
        "{Level}：罚没款{Base}元×{Ratio}={Exact}元，取整到分为{Rounded}元",
        "{Level}: {Base} yuan x {Ratio} = {Exact} yuan, {Rounded} yuan in whole fen");

    /// <summary>The rounding rule.</summary>
    public static readonly MessageDefinition Rounding = new("MR.Rewards.Rounding",
        "取整规则：{Rounding}（未见规定，本库的约定）",
        "Rounding: {Rounding} (no rule found; the library's convention)");

    /// <summary>The floor.</summary>
    public static readonly MessageDefinition Floor = new("MR.Rewards.Floor",
        "按比例计算不足{Floor}元，给予{Floor}元（无罚没款：{NoFine}；无罚没款的为最低额）",
        "The percentage is below {Floor} yuan, so {Floor} yuan is given (no fines: {NoFine}; without fines this is the minimum)");

    /// <summary>The cap.</summary>
    public static readonly MessageDefinition Cap = new("MR.Rewards.Cap",
        "每起案件举报奖励不得超过{Cap}元",
        "The reward per case may not exceed {Cap} yuan");

    /// <summary>The finance co-decision.</summary>
    public static readonly MessageDefinition FinanceCoDecision = new("MR.Rewards.FinanceCoDecision",
        "奖励{Amount}元达到{Threshold}元以上（含），由发放部门同本级财政部门确定",
        "The reward of {Amount} yuan is {Threshold} yuan or more, so it is set together with the finance department");
}
