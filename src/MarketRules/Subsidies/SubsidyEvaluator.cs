using MarketRules.Calendar;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>Why a claim is not eligible; <see cref="None"/> when it is.</summary>
public enum SubsidyIneligibility
{
    /// <summary>Eligible.</summary>
    None = 0,

    /// <summary>The old bike is not a registered non-standard e-bike.</summary>
    OldBikeNotRegisteredNonStandard,

    /// <summary>The old bike is not the applicant's.</summary>
    NotOwner,

    /// <summary>The old bike was not handed to an authorised recycling point.</summary>
    NotRecycled,

    /// <summary>The old plate was not cancelled.</summary>
    PlateNotCancelled,

    /// <summary>The new bike does not meet the standard in force on its purchase date.</summary>
    NonCompliantStandard,

    /// <summary>The new bike has no CCC.</summary>
    NoCcc,

    /// <summary>The new bike was not registered with a plate.</summary>
    NewBikeNotRegistered,

    /// <summary>The new bike is below the scheme's minimum price.</summary>
    BelowMinimumPrice,

    /// <summary>A step or the completion lies outside the scheme's window or phases.</summary>
    OutsideSchemeWindow,

    /// <summary>The register says the person or a vehicle was already paid.</summary>
    AlreadySubsidised,
}

/// <summary>The fast path's answer for one claim: eligible or the first reason why not, and the phase and amount.</summary>
/// <remarks>This type is immutable and thread-safe. The default value of this type is an eligible claim in phase 0 for nothing; never produce it.</remarks>
public readonly record struct SubsidyAssessment(SubsidyIneligibility Ineligibility, int PhaseIndex, Money Amount)
{
    /// <summary>Whether the claim is eligible.</summary>
    public bool IsEligible => Ineligibility == SubsidyIneligibility.None;
}

/// <summary>
/// Decides eligibility and amount of claims under one scheme. The ten eligibility conditions are written once, in
/// <see cref="Evaluate"/>: without an explanation builder it stops at the first failing condition and allocates
/// nothing (<see cref="Assess"/>, the hot path on typed, pre-validated claims); with one it records every failing
/// condition, or the phase, amount and extras, with their citations (<see cref="Explain"/>).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SubsidyEvaluator
{
    /// <summary>The rule id decisions record.</summary>
    public const string RuleId = "subsidy.ebike-tradein/1";

    /// <summary>Creates the evaluator of a scheme.</summary>
    /// <param name="scheme">The scheme.</param>
    public SubsidyEvaluator(SubsidyScheme scheme)
    {
        Scheme = Preconditions.CheckNotNull(scheme);
        jurisdiction = scheme.Jurisdiction.IsNational ? null : scheme.Jurisdiction.ToString();
    }

    // The explanation's jurisdiction, written once rather than on every explained claim.
    private readonly string? jurisdiction;

    /// <summary>The scheme.</summary>
    public SubsidyScheme Scheme { get; }

    /// <summary>Assesses a claim: the first failing condition in the order of the process, or the phase and amount. Allocates nothing.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The assessment.</returns>
    public SubsidyAssessment Assess(in SubsidyClaim claim) => Evaluate(claim, null);

    /// <summary>Assesses a claim and explains it: the phase, amount and extras, or every failing condition.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="assessment">The assessment, the same <see cref="Assess"/> returns.</param>
    /// <returns>The explanation builder, to which a ledger adds its reasons before <see cref="ExplanationBuilder.Build"/>.</returns>
    public ExplanationBuilder Explain(in SubsidyClaim claim, out SubsidyAssessment assessment)
    {
        // Sized for the one reason of an eligible claim (most claims): Build then hands the array over without a copy.
        var builder = new ExplanationBuilder(RuleId, LegalTime.DateOf(claim.CompletedAt), jurisdiction, reasonCapacity: 1, parameterCapacity: 0);
        assessment = Evaluate(claim, builder);
        return builder;
    }

    /// <summary>
    /// The scheme's eligibility conditions, in the order of the process. Without <paramref name="explanation"/> the
    /// first failing condition decides and nothing is allocated; with it, every failing condition is added as a reason
    /// (the first still decides), or, for an eligible claim, the phase and its extras.
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <param name="explanation">Where the reasons go, or <see langword="null"/> for the decision alone.</param>
    /// <returns>The assessment.</returns>
    public SubsidyAssessment Evaluate(in SubsidyClaim claim, ExplanationBuilder? explanation)
    {
        var scheme = Scheme;
        var first = SubsidyIneligibility.None;
        if (!claim.OldRegisteredNonStandard)
        {
            first = SubsidyIneligibility.OldBikeNotRegisteredNonStandard;
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.OldBikeNotRegisteredNonStandard.ToLocalizedReason(scheme.Citation, ("Plate", PlateOf(claim))));
        }
        if (!claim.OwnedByApplicant)
        {
            first = FirstOf(first, SubsidyIneligibility.NotOwner);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.NotOwner.ToLocalizedReason(scheme.Citation, ("Plate", PlateOf(claim))));
        }
        if (claim.RecycledAt is null || !claim.RecyclerAuthorised)
        {
            first = FirstOf(first, SubsidyIneligibility.NotRecycled);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.NotRecycled.ToReason(scheme.Citation));
        }
        if (claim.OldPlateCancelledAt is null)
        {
            first = FirstOf(first, SubsidyIneligibility.PlateNotCancelled);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.PlateNotCancelled.ToLocalizedReason(scheme.Citation, ("Plate", PlateOf(claim))));
        }
        if (!EBikeStandards.IsCompliant(claim.NewStandard, claim.PurchaseDate, claim.ProductionDate))
        {
            first = FirstOf(first, SubsidyIneligibility.NonCompliantStandard);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.NonCompliantStandard.ToReason(EBikeStandards.Citation,
                ("Standard", EBikeStandards.Name(claim.NewStandard)), ("Date", claim.PurchaseDate), ("Required", EBikeStandards.Required(claim.PurchaseDate))));
        }
        if (!claim.HasCcc)
        {
            first = FirstOf(first, SubsidyIneligibility.NoCcc);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.NoCcc.ToReason(scheme.Citation));
        }
        if (claim.NewPlate is null || claim.NewRegisteredAt is null)
        {
            first = FirstOf(first, SubsidyIneligibility.NewBikeNotRegistered);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.NewBikeNotRegistered.ToReason(scheme.Citation));
        }
        if (scheme.MinimumNewBikePrice is { } minimum && claim.Price < minimum)
        {
            first = FirstOf(first, SubsidyIneligibility.BelowMinimumPrice);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            explanation.Add(SubsidyErrors.BelowMinimumPrice.ToReasonKeepingChinese(scheme.Citation,
                ("Price", SubsidySchemeReader.FormatYuan(claim.Price), SubsidySchemeReader.FormatYuanInEnglish(claim.Price)),
                ("Minimum", SubsidySchemeReader.FormatYuan(minimum), SubsidySchemeReader.FormatYuanInEnglish(minimum))));
        }
        if (OutsideWindow(scheme, claim) is { } step)
        {
            first = FirstOf(first, SubsidyIneligibility.OutsideSchemeWindow);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            var time = TimeOf(claim, step);
            var start = SubsidySchemeReader.FormatLocal(scheme.ValidFromLocal);
            var end = SubsidySchemeReader.FormatLocal(scheme.ValidToLocal);
            explanation.Add(SubsidyErrors.OutsideSchemeWindow.ToReasonKeepingEnglish(scheme.Citation, ("Step", SubsidyLabels.Step(step).Chinese, step),
                ("Time", time, time), ("Start", start, start), ("End", end, end)));
        }
        if ((claim.PreviouslySubsidisedMask & scheme.UniquenessMask) != 0)
        {
            first = FirstOf(first, SubsidyIneligibility.AlreadySubsidised);
            if (explanation is null)
            {
                return Ineligible(first, claim);
            }
            foreach (var key in scheme.UniquenessKeys)
            {
                if ((claim.PreviouslySubsidisedMask & (1 << (int)key)) != 0)
                {
                    explanation.Add(SubsidyErrors.AlreadySubsidised.ToReasonKeepingEnglish(scheme.Citation, ("Key", SubsidyLabels.Key(key).Chinese, SubsidyClaimInputValidator.Kebab(key)),
                        ("OtherClaim", "补贴登记记录", "register")));
                }
            }
        }
        if (first != SubsidyIneligibility.None)
        {
            return Ineligible(first, claim);
        }
        var phase = scheme.PhaseIndexAt(claim.CompletedAt);
        if (explanation is not null)
        {
            // The reason keeps what it needs (the completion instant, the phase, the price) and makes its values only when
            // its text or arguments are read, not on every explained claim (most claims are eligible).
            explanation.Add(SubsidyErrors.PhaseApplies.ToDeferredReason(scheme.Phases[phase].Citation, new PhaseApplied(scheme, claim.CompletedAt, phase, claim.Price), 0));
            if (claim.LithiumToLeadAcid)
            {
                foreach (var extra in scheme.Extras)
                {
                    explanation.Add(SubsidyErrors.ExtraApplies.ToReasonKeepingChinese(extra.Citation, ("Extra", extra.Id, extra.Id),
                        ("Amount", SubsidySchemeReader.FormatYuan(extra.Amount), SubsidySchemeReader.FormatYuanInEnglish(extra.Amount))));
                }
            }
        }
        return new SubsidyAssessment(SubsidyIneligibility.None, phase, scheme.ComputeAmount(phase, claim.Price, claim.LithiumToLeadAcid));
    }

    /// <summary>Maps an ineligibility to its code.</summary>
    /// <param name="ineligibility">The ineligibility.</param>
    /// <returns>The message definition, or <see langword="null"/> for <see cref="SubsidyIneligibility.None"/>.</returns>
    public static MessageDefinition? DefinitionOf(SubsidyIneligibility ineligibility) => ineligibility switch
    {
        SubsidyIneligibility.OldBikeNotRegisteredNonStandard => SubsidyErrors.OldBikeNotRegisteredNonStandard,
        SubsidyIneligibility.NotOwner => SubsidyErrors.NotOwner,
        SubsidyIneligibility.NotRecycled => SubsidyErrors.NotRecycled,
        SubsidyIneligibility.PlateNotCancelled => SubsidyErrors.PlateNotCancelled,
        SubsidyIneligibility.NonCompliantStandard => SubsidyErrors.NonCompliantStandard,
        SubsidyIneligibility.NoCcc => SubsidyErrors.NoCcc,
        SubsidyIneligibility.NewBikeNotRegistered => SubsidyErrors.NewBikeNotRegistered,
        SubsidyIneligibility.BelowMinimumPrice => SubsidyErrors.BelowMinimumPrice,
        SubsidyIneligibility.OutsideSchemeWindow => SubsidyErrors.OutsideSchemeWindow,
        SubsidyIneligibility.AlreadySubsidised => SubsidyErrors.AlreadySubsidised,
        _ => null,
    };

    // The first failing condition in the order of the process decides; later ones only add reasons.
    private static SubsidyIneligibility FirstOf(SubsidyIneligibility first, SubsidyIneligibility next) => first == SubsidyIneligibility.None ? next : first;

    // The values of the phase reason of an eligible claim, made from what the evaluation decided when they are read.
    private sealed class PhaseApplied(SubsidyScheme scheme, Instant completedAt, int phase, Money price) : IDeferredMessageArguments
    {
        public MessageArguments ArgumentsOf(int index)
        {
            var rules = scheme.Phases[phase];
            object completed = completedAt.InZone(LegalTime.Zone).LocalDateTime, number = rules.Number;
            object start = new SchemeTime(rules.StartLocal), end = new SchemeTime(rules.EndLocal);
            var amount = scheme.ComputeAmount(phase, price, false);
            return MessageArguments.Of([("Completed", completed, completed), ("Phase", number, number), ("Start", start, start), ("End", end, end),
                ("Amount", new YuanText(amount, " 元"), new YuanText(amount, " yuan"))], keepsEnglish: false);
        }
    }

    // A local time of the scheme, written as the scheme writes it, when the text is read.
    private readonly record struct SchemeTime(LocalDateTime Value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => SubsidySchemeReader.FormatLocal(Value);

        public override string ToString() => SubsidySchemeReader.FormatLocal(Value);
    }

    // An amount as each language writes it (300.00 元, 300.00 yuan), when the text is read.
    private readonly record struct YuanText(Money Amount, string Unit) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        public override string ToString() => SubsidySchemeReader.FormatAmount(Amount) + Unit;
    }

    // A plate is written in Chinese characters (浙A·12345); the English text refers to it rather than quoting it, and the
    // reason's arguments keep the plate itself.
    private static LocalizedText PlateOf(in SubsidyClaim claim) => new(claim.OldPlate ?? "", "on the claim");

    private SubsidyAssessment Ineligible(SubsidyIneligibility reason, in SubsidyClaim claim) =>
        new(reason, Scheme.PhaseIndexAt(claim.CompletedAt), Money.Zero);

    // The step's time in Beijing time, written as the scheme's window is, so the two read side by side.
    private static string TimeOf(in SubsidyClaim claim, string step) => step switch
    {
        "recycling" => Local(claim.RecycledAt),
        "plate-cancellation" => Local(claim.OldPlateCancelledAt),
        "purchase" => MessageArguments.Format(claim.PurchaseDate),
        "new-registration" => Local(claim.NewRegisteredAt),
        _ => Local(claim.CompletedAt),
    };

    private static string Local(Instant? at) => at is { } instant ? SubsidySchemeReader.FormatLocal(instant.InZone(LegalTime.Zone).LocalDateTime) : "";

    /// <summary>The first step outside the window, or <see langword="null"/> when every step and the completion are inside and the completion falls in a phase.</summary>
    internal static string? OutsideWindow(SubsidyScheme scheme, in SubsidyClaim claim)
    {
        var firstDay = scheme.FirstDay;
        var lastDay = scheme.LastDay;
        if (claim.RecycledAt is { } recycled && !scheme.IsInWindow(recycled))
        {
            return "recycling";
        }
        if (claim.OldPlateCancelledAt is { } cancelled && !scheme.IsInWindow(cancelled))
        {
            return "plate-cancellation";
        }
        if (claim.PurchaseDate < firstDay || claim.PurchaseDate > lastDay)
        {
            return "purchase";
        }
        if (claim.NewRegisteredAt is { } registered && !scheme.IsInWindow(registered))
        {
            return "new-registration";
        }
        return scheme.IsInWindow(claim.CompletedAt) && scheme.PhaseIndexAt(claim.CompletedAt) >= 0 ? null : "completion";
    }
}
