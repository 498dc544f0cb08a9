using System.Collections.Immutable;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// A claim's decision: outcome, phase, amount reserved, the ledger's answer, and the explanation (built on first
/// access, so the allocation hot path stays light).
/// </summary>
/// <remarks>
/// This type is observably immutable and thread-safe. It is marked <see cref="MutableAttribute"/> only because the
/// explanation is a write-once cache (<see cref="LazyInitializer"/>): building it eagerly, or holding a
/// <see cref="Lazy{T}"/>, would cost every reservation on the allocation hot path an extra allocation.
/// </remarks>
[Mutable]
public sealed class SubsidyDecision
{
    private readonly SubsidyEvaluator evaluator;
    private readonly SubsidyClaim claim;
    private Explanation? explanation;

    internal SubsidyDecision(SubsidyEvaluator evaluator, in SubsidyClaim claim, SubsidyAssessment assessment, SubsidyReserveResult? ledger)
    {
        this.evaluator = evaluator;
        this.claim = claim;
        Assessment = assessment;
        Reservation = ledger?.Reservation;
        IsRepeat = ledger?.IsRepeat ?? false;
        Outcome = !assessment.IsEligible ? SubsidyOutcome.NotEligible
            : Reservation!.Rejection == SubsidyErrors.AlreadySubsidised ? SubsidyOutcome.AlreadySubsidised
            : Reservation.Rejection == SubsidyErrors.BudgetExhausted ? SubsidyOutcome.BudgetExhausted
            : SubsidyOutcome.Granted;
    }

    /// <summary>The claim's id.</summary>
    public string ClaimId => claim.ClaimId;

    /// <summary>When the claim completed.</summary>
    public Instant CompletedAt => claim.CompletedAt;

    /// <summary>The outcome.</summary>
    public SubsidyOutcome Outcome { get; }

    /// <summary>The evaluation's answer (eligibility, phase in force, amount).</summary>
    public SubsidyAssessment Assessment { get; }

    /// <summary>The ledger's answer, or <see langword="null"/> when the claim was not eligible (the ledger was not asked).</summary>
    public SubsidyReservation? Reservation { get; }

    /// <summary>Whether the claim id had reached the ledger before (the first answer is returned).</summary>
    public bool IsRepeat { get; }

    /// <summary>The number of the phase in force at completion, or 0 when none was.</summary>
    public int PhaseNumber => Assessment.PhaseIndex + 1;

    /// <summary>The amount reserved (zero unless granted).</summary>
    public Money Amount => Outcome == SubsidyOutcome.Granted ? Reservation!.Amount : Money.Zero;

    /// <summary>The code of the decisive reason: <c>MR.Subsidy.Reserved</c> when granted, else the first reason against.</summary>
    public string ReasonCode => Outcome switch
    {
        SubsidyOutcome.Granted => SubsidyErrors.Reserved.Code,
        SubsidyOutcome.NotEligible => SubsidyEvaluator.DefinitionOf(Assessment.Ineligibility)!.Code,
        _ => Reservation!.Rejection!.Code,
    };

    /// <summary>Why: the phase and amount (or every failing condition), the ledger's answer with the remaining budget, and the citations.</summary>
    public Explanation Explanation => LazyInitializer.EnsureInitialized(ref explanation, BuildExplanation);

    private Explanation BuildExplanation()
    {
        var builder = evaluator.Explain(claim, out _);
        if (Reservation is { } r)
        {
            if (r.WaitListedFromPhase is { } from && r.Rejection is null)
            {
                builder.Add(SubsidyErrors.WaitListed.ToReason(r.Citation, ("FromPhase", from), ("Phase", r.PhaseNumber)));
            }
            var remaining = r.PhaseRemaining is { } m ? SubsidySchemeReader.FormatYuan(m) : "-";
            var remainingInEnglish = r.PhaseRemaining is { } e ? SubsidySchemeReader.FormatYuanInEnglish(e) : "-";
            if (r.Rejection == SubsidyErrors.BudgetExhausted)
            {
                builder.Add(SubsidyErrors.BudgetExhausted.ToReasonKeepingChinese(r.Citation, ("Phase", r.PhaseNumber, r.PhaseNumber), ("Remaining", remaining, remainingInEnglish),
                    ("Amount", SubsidySchemeReader.FormatYuan(Assessment.Amount), SubsidySchemeReader.FormatYuanInEnglish(Assessment.Amount))));
            }
            else if (r.Rejection == SubsidyErrors.AlreadySubsidised)
            {
                var key = r.ConflictingKey is { } k ? SubsidyLabels.Key(k) : new LocalizedText("", "");
                builder.Add(SubsidyErrors.AlreadySubsidised.ToReasonKeepingEnglish(evaluator.Scheme.Citation,
                    ("Key", key.Chinese, key.English), ("OtherClaim", r.ConflictingClaimId, r.ConflictingClaimId)));
            }
            else
            {
                builder.Add(SubsidyErrors.Reserved.ToReasonKeepingChinese(r.Citation, ("Phase", r.PhaseNumber, r.PhaseNumber),
                    ("Amount", SubsidySchemeReader.FormatYuan(r.Amount), SubsidySchemeReader.FormatYuanInEnglish(r.Amount)), ("Remaining", remaining, remainingInEnglish)));
            }
        }
        return builder.Build(SubsidyClaimInputValidator.Kebab(Outcome));
    }

    /// <inheritdoc />
    public override string ToString() => $"{ClaimId}: {Outcome} {Amount}";
}

/// <summary>
/// Runs claims through a scheme: boundary validation, eligibility and amount, then the ledger. First come, first
/// served by completion instant: <see cref="SubmitInOrder"/> sorts a batch by completion (then claim id) before
/// reserving.
/// </summary>
/// <remarks>This type is thread-safe when its ledger is.</remarks>
public sealed class SubsidyAllocator
{
    /// <summary>Creates an allocator.</summary>
    /// <param name="ledger">The scheme's ledger.</param>
    public SubsidyAllocator(ISubsidyLedger ledger)
    {
        Ledger = Preconditions.CheckNotNull(ledger);
        Evaluator = new SubsidyEvaluator(ledger.Scheme);
        InputValidator = new SubsidyClaimInputValidator(ledger.Scheme);
    }

    /// <summary>The ledger.</summary>
    public ISubsidyLedger Ledger { get; }

    /// <summary>The evaluator.</summary>
    public SubsidyEvaluator Evaluator { get; }

    /// <summary>The input boundary's validator.</summary>
    public SubsidyClaimInputValidator InputValidator { get; }

    /// <summary>Validates, evaluates and allocates a claim as sent by a caller.</summary>
    /// <param name="input">The claim.</param>
    /// <returns>The decision, or coded errors (the ledger is unchanged).</returns>
    public RuleResult<SubsidyDecision> Submit(SubsidyClaimInput input)
    {
        Preconditions.CheckNotNull(input);
        var errors = InputValidator.Validate(input).ToRuleErrors("$");
        return errors.IsEmpty ? RuleResult<SubsidyDecision>.Success(Submit(SubsidyClaim.FromInput(input))) : RuleResult<SubsidyDecision>.Failure(errors);
    }

    /// <summary>Evaluates and allocates a typed claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The decision.</returns>
    public SubsidyDecision Submit(in SubsidyClaim claim)
    {
        var assessment = Evaluator.Assess(claim);
        if (!assessment.IsEligible)
        {
            return new SubsidyDecision(Evaluator, claim, assessment, null);
        }
        return new SubsidyDecision(Evaluator, claim, assessment, Ledger.Reserve(claim, assessment.PhaseIndex));
    }

    /// <summary>Evaluates and allocates a batch first come, first served: by completion instant, then by claim id.</summary>
    /// <param name="claims">The claims.</param>
    /// <returns>The decisions, in the order served.</returns>
    public ImmutableArray<SubsidyDecision> SubmitInOrder(IEnumerable<SubsidyClaim> claims)
    {
        var ordered = Preconditions.CheckNotNull(claims).ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var byTime = a.CompletedAt.CompareTo(b.CompletedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.ClaimId, b.ClaimId);
        });
        var decisions = ImmutableArray.CreateBuilder<SubsidyDecision>(ordered.Length);
        foreach (var claim in ordered)
        {
            decisions.Add(Submit(claim));
        }
        return decisions.MoveToImmutable();
    }
}

/// <summary>One phase's line of a report.</summary>
/// <param name="PhaseNumber">The phase (0: completed outside every phase).</param>
/// <param name="Name">The phase's name.</param>
/// <param name="Claims">Claims whose completion fell in the phase.</param>
/// <param name="Granted">Of these, granted (reserved or paid, possibly from a later phase when wait-listed).</param>
/// <param name="RejectedByReason">Of these, refused, by reason code.</param>
/// <param name="PaidCount">Payments confirmed from the phase's budget.</param>
/// <param name="AmountPaid">Amount confirmed from the phase's budget.</param>
/// <param name="AmountReserved">Amount still held against the phase's budget.</param>
/// <param name="Budget">The phase's budget, or <see langword="null"/>.</param>
/// <param name="Remaining">The budget neither held nor paid, or <see langword="null"/>.</param>
public sealed record SubsidyPhaseReport(int PhaseNumber, LocalizedText Name, int Claims, int Granted, ImmutableSortedDictionary<string, int> RejectedByReason,
    int PaidCount, Money AmountPaid, Money AmountReserved, Money? Budget, Money? Remaining)
{
    /// <summary>Claims refused for any reason.</summary>
    public int Rejected => RejectedByReason.Values.Sum();

    /// <summary>Builds the report of a scheme from its decisions and the ledger's balances.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="decisions">The decisions (repeats are counted once).</param>
    /// <param name="snapshot">The ledger's balances.</param>
    /// <returns>One line per phase, and a line 0 when claims completed outside every phase.</returns>
    public static ImmutableArray<SubsidyPhaseReport> Create(SubsidyScheme scheme, IEnumerable<SubsidyDecision> decisions, SubsidyLedgerSnapshot snapshot)
    {
        Preconditions.CheckNotNull(scheme);
        Preconditions.CheckNotNull(decisions);
        Preconditions.CheckNotNull(snapshot);
        var byPhase = decisions.Where(d => !d.IsRepeat).GroupBy(d => d.PhaseNumber).ToDictionary(g => g.Key, g => g.ToList());
        var lines = ImmutableArray.CreateBuilder<SubsidyPhaseReport>();
        if (byPhase.TryGetValue(0, out var outside))
        {
            lines.Add(Line(0, new LocalizedText("方案期外", "Outside every phase"), outside, null));
        }
        foreach (var phase in scheme.Phases)
        {
            lines.Add(Line(phase.Number, phase.Name, byPhase.GetValueOrDefault(phase.Number) ?? [], snapshot.Phases[phase.Number - 1]));
        }
        return lines.ToImmutable();
    }

    private static SubsidyPhaseReport Line(int number, LocalizedText name, List<SubsidyDecision> decisions, SubsidyPhaseBalance? balance)
    {
        var rejected = decisions.Where(d => d.Outcome != SubsidyOutcome.Granted)
            .GroupBy(d => d.ReasonCode, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SubsidyPhaseReport(number, name, decisions.Count, decisions.Count(d => d.Outcome == SubsidyOutcome.Granted), rejected,
            balance?.PaidCount ?? 0, balance?.Paid ?? Money.Zero, balance?.Reserved ?? Money.Zero, balance?.Budget, balance?.Remaining);
    }
}
