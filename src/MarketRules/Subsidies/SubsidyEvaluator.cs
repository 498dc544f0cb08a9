using System.Collections.Immutable;
using FluentValidation;
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
/// Decides eligibility and amount of claims under one scheme. <see cref="Assess"/> is the allocation-free hot path on
/// typed, pre-validated claims; <see cref="Explain"/> builds the full explanation (all reasons, through the
/// FluentValidation <see cref="SubsidyEligibilityValidator"/>) for one decision.
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
        EligibilityValidator = new SubsidyEligibilityValidator(scheme);
    }

    /// <summary>The scheme.</summary>
    public SubsidyScheme Scheme { get; }

    /// <summary>The FluentValidation form of the eligibility rules, which reports every failing condition.</summary>
    public SubsidyEligibilityValidator EligibilityValidator { get; }

    /// <summary>Assesses a claim: the first failing condition in the order of the process, or the phase and amount.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The assessment.</returns>
    public SubsidyAssessment Assess(in SubsidyClaim claim)
    {
        var scheme = Scheme;
        var reason = SubsidyIneligibility.None;
        if (!claim.OldRegisteredNonStandard)
        {
            reason = SubsidyIneligibility.OldBikeNotRegisteredNonStandard;
        }
        else if (!claim.OwnedByApplicant)
        {
            reason = SubsidyIneligibility.NotOwner;
        }
        else if (claim.RecycledAt is null || !claim.RecyclerAuthorised)
        {
            reason = SubsidyIneligibility.NotRecycled;
        }
        else if (claim.OldPlateCancelledAt is null)
        {
            reason = SubsidyIneligibility.PlateNotCancelled;
        }
        else if (!EBikeStandards.IsCompliant(claim.NewStandard, claim.PurchaseDate, claim.ProductionDate))
        {
            reason = SubsidyIneligibility.NonCompliantStandard;
        }
        else if (!claim.HasCcc)
        {
            reason = SubsidyIneligibility.NoCcc;
        }
        else if (claim.NewPlate is null || claim.NewRegisteredAt is null)
        {
            reason = SubsidyIneligibility.NewBikeNotRegistered;
        }
        else if (scheme.MinimumNewBikePrice is { } minimum && claim.Price < minimum)
        {
            reason = SubsidyIneligibility.BelowMinimumPrice;
        }
        else if (OutsideWindow(scheme, claim) is not null)
        {
            reason = SubsidyIneligibility.OutsideSchemeWindow;
        }
        else if ((claim.PreviouslySubsidisedMask & scheme.UniquenessMask) != 0)
        {
            reason = SubsidyIneligibility.AlreadySubsidised;
        }
        if (reason != SubsidyIneligibility.None)
        {
            return new SubsidyAssessment(reason, scheme.PhaseIndexAt(claim.CompletedAt), Money.Zero);
        }
        var phase = scheme.PhaseIndexAt(claim.CompletedAt);
        return new SubsidyAssessment(SubsidyIneligibility.None, phase, scheme.ComputeAmount(phase, claim.Price, claim.LithiumToLeadAcid));
    }

    /// <summary>Builds the explanation of an assessment: the phase, amount and extras, or every failing condition.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="assessment">Its assessment.</param>
    /// <returns>The explanation builder, to which a ledger adds its reasons before <see cref="ExplanationBuilder.Build"/>.</returns>
    public ExplanationBuilder Explain(in SubsidyClaim claim, SubsidyAssessment assessment)
    {
        var builder = new ExplanationBuilder(RuleId, LegalTime.DateOf(claim.CompletedAt), Scheme.Jurisdiction.IsNational ? null : Scheme.Jurisdiction.ToString());
        if (assessment.IsEligible)
        {
            var phase = Scheme.Phases[assessment.PhaseIndex];
            builder.Add(SubsidyErrors.PhaseApplies.ToReason(phase.Citation,
                ("Completed", claim.CompletedAt.InZone(LegalTime.Zone).LocalDateTime), ("Phase", phase.Number),
                ("Start", SubsidySchemeReader.FormatLocal(phase.StartLocal)), ("End", SubsidySchemeReader.FormatLocal(phase.EndLocal)),
                ("Amount", SubsidySchemeReader.FormatYuan(Scheme.ComputeAmount(assessment.PhaseIndex, claim.Price, false)))));
            if (claim.LithiumToLeadAcid)
            {
                foreach (var extra in Scheme.Extras)
                {
                    builder.Add(SubsidyErrors.ExtraApplies.ToReason(extra.Citation, ("Extra", extra.Id), ("Amount", SubsidySchemeReader.FormatYuan(extra.Amount))));
                }
            }
            return builder;
        }
        var result = EligibilityValidator.Validate(claim);
        foreach (var failure in result.Errors)
        {
            if (failure.CustomState is MessageDefinition definition)
            {
                var arguments = failure.FormattedMessagePlaceholderValues
                    .Where(p => p.Key is not ("PropertyName" or "PropertyValue" or "PropertyPath"))
                    .Select(p => (p.Key, (object?)p.Value)).ToArray();
                builder.Add(definition.ToReason(CitationOf(definition), arguments));
            }
        }
        return builder;
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

    internal Citation CitationOf(MessageDefinition definition) =>
        definition == SubsidyErrors.NonCompliantStandard ? EBikeStandards.Citation : Scheme.Citation;

    internal static string TimeOf(in SubsidyClaim claim, string step) => step switch
    {
        "recycling" => MessageDefinition.FormatValue(claim.RecycledAt),
        "plate-cancellation" => MessageDefinition.FormatValue(claim.OldPlateCancelledAt),
        "purchase" => MessageDefinition.FormatValue(claim.PurchaseDate),
        "new-registration" => MessageDefinition.FormatValue(claim.NewRegisteredAt),
        _ => MessageDefinition.FormatValue(claim.CompletedAt),
    };

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

/// <summary>
/// The eligibility conditions of a scheme as a FluentValidation validator over a typed claim: every failing condition
/// is reported with its code (<c>MR.Subsidy.NotOwner</c>, <c>MR.Subsidy.NoCcc</c>…). These are domain outcomes — a
/// claim that fails is "not eligible", which is a decision, not an input error.
/// </summary>
public sealed class SubsidyEligibilityValidator : AbstractValidator<SubsidyClaim>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="scheme">The scheme.</param>
    public SubsidyEligibilityValidator(SubsidyScheme scheme)
    {
        Preconditions.CheckNotNull(scheme);
        RuleFor(x => x).Custom((c, ctx) =>
        {
            if (!c.OldRegisteredNonStandard)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.OldBikeNotRegisteredNonStandard, "OldRegisteredNonStandard", ("Plate", c.OldPlate));
            }
            if (!c.OwnedByApplicant)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.NotOwner, "OwnedByApplicant", ("Plate", c.OldPlate));
            }
            if (c.RecycledAt is null || !c.RecyclerAuthorised)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.NotRecycled, "RecycledAt");
            }
            if (c.OldPlateCancelledAt is null)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.PlateNotCancelled, "OldPlateCancelledAt", ("Plate", c.OldPlate));
            }
            if (!EBikeStandards.IsCompliant(c.NewStandard, c.PurchaseDate, c.ProductionDate))
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.NonCompliantStandard, "NewStandard",
                    ("Standard", EBikeStandards.Name(c.NewStandard)), ("Date", c.PurchaseDate), ("Required", EBikeStandards.Required(c.PurchaseDate)));
            }
            if (!c.HasCcc)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.NoCcc, "NewCccCertificate");
            }
            if (c.NewPlate is null || c.NewRegisteredAt is null)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.NewBikeNotRegistered, "NewPlate");
            }
            if (scheme.MinimumNewBikePrice is { } minimum && c.Price < minimum)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.BelowMinimumPrice, "NewPriceFen",
                    ("Price", SubsidySchemeReader.FormatYuan(c.Price)), ("Minimum", SubsidySchemeReader.FormatYuan(minimum)));
            }
            if (SubsidyEvaluator.OutsideWindow(scheme, c) is { } step)
            {
                SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.OutsideSchemeWindow, "CompletedAt", ("Step", step), ("Time", SubsidyEvaluator.TimeOf(c, step)),
                    ("Start", SubsidySchemeReader.FormatLocal(scheme.ValidFromLocal)), ("End", SubsidySchemeReader.FormatLocal(scheme.ValidToLocal)));
            }
            foreach (var key in scheme.UniquenessKeys)
            {
                if ((c.PreviouslySubsidisedMask & (1 << (int)key)) != 0)
                {
                    SubsidyClaimInputValidator.Fail(ctx, SubsidyErrors.AlreadySubsidised, "PreviouslySubsidised",
                        ("Key", SubsidyClaimInputValidator.Kebab(key)), ("OtherClaim", "register"));
                }
            }
        });
    }
}
