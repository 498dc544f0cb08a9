using FluentValidation;
using FluentValidation.Results;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

/// <summary>
/// The input boundary: checks a <see cref="SubsidyClaimInput"/> against a scheme for malformed or missing values
/// (identity number, plate and frame formats, time order, evidence). Every failure is a coded error; a claim that
/// fails here is never evaluated and never touches a ledger.
/// </summary>
public sealed class SubsidyClaimInputValidator : AbstractValidator<SubsidyClaimInput>
{
    /// <summary>Creates the validator for a scheme (whose evidence and keys it checks).</summary>
    /// <param name="scheme">The scheme.</param>
    public SubsidyClaimInputValidator(SubsidyScheme scheme)
    {
        Preconditions.CheckNotNull(scheme);
        RuleFor(x => x.ClaimId).NotEmpty().WithError(SubsidyErrors.Required);
        RuleFor(x => x.ApplicantId).NotEmpty().WithError(SubsidyErrors.Required)
            .DependentRules(() => RuleFor(x => x.ApplicantId).Custom((id, ctx) => CheckId(id, ctx)));
        RuleFor(x => x.OldOwnerId).Custom((id, ctx) => CheckId(id, ctx)).When(x => x.OldOwnerId is not null);
        RuleFor(x => x.OldPlate).NotEmpty().WithError(SubsidyErrors.Required)
            .DependentRules(() => RuleFor(x => x.OldPlate).Must(VehicleIdentifiers.IsValidPlate).WithError(SubsidyErrors.InvalidPlate));
        if (scheme.IsUnique(SubsidyUniquenessKey.OldFrame))
        {
            RuleFor(x => x.OldFrameNumber).NotEmpty().WithError(SubsidyErrors.Required);
        }
        RuleFor(x => x.OldFrameNumber).Must(VehicleIdentifiers.IsValidFrameNumber).WithError(SubsidyErrors.InvalidFrameNumber)
            .When(x => !string.IsNullOrEmpty(x.OldFrameNumber));
        RuleFor(x => x.NewFrameNumber).NotEmpty().WithError(SubsidyErrors.Required)
            .DependentRules(() => RuleFor(x => x.NewFrameNumber).Must(VehicleIdentifiers.IsValidFrameNumber).WithError(SubsidyErrors.InvalidFrameNumber));
        RuleFor(x => x.NewPlate).Must(VehicleIdentifiers.IsValidPlate).WithError(SubsidyErrors.InvalidPlate).When(x => x.NewPlate is not null);
        RuleFor(x => x.PurchaseDate).NotNull().WithError(SubsidyErrors.Required);
        RuleFor(x => x.CompletedAt).NotNull().WithError(SubsidyErrors.Required);
        RuleFor(x => x.NewPriceFen).NotNull().WithError(SubsidyErrors.Required)
            .When(_ => scheme.MinimumNewBikePrice is not null || scheme.Phases.Any(p => p.RateOfPrice is not null));
        RuleFor(x => x.NewPriceFen).GreaterThanOrEqualTo(0).WithError(SubsidyErrors.InvalidPrice).When(x => x.NewPriceFen is not null);
        RuleFor(x => x).Custom((claim, ctx) => CheckOrder(claim, ctx)).When(x => x.CompletedAt is not null);
        RuleFor(x => x.Evidence).Custom((evidence, ctx) =>
        {
            foreach (var requirement in scheme.Evidence)
            {
                if (!evidence.Contains(requirement.Evidence))
                {
                    Fail(ctx, SubsidyErrors.MissingEvidence, "Evidence", ("Step", SubsidyLabels.Step(requirement.Step)), ("Evidence", SubsidyLabels.Evidence(requirement.Evidence)));
                }
            }
        });
    }

    private static void CheckId(string? id, ValidationContext<SubsidyClaimInput> ctx)
    {
        if (ResidentIdNumber.Problem(id) is { } problem)
        {
            Fail(ctx, SubsidyErrors.InvalidResidentId, ctx.PropertyPath, ("Detail", problem));
        }
    }

    private static void CheckOrder(SubsidyClaimInput claim, ValidationContext<SubsidyClaimInput> ctx)
    {
        var completed = claim.CompletedAt!.Value;
        if (claim.PurchaseDate is { } purchase && Calendar.LegalTime.DateOf(completed) < purchase)
        {
            Fail(ctx, SubsidyErrors.CompletedBeforeStep, "CompletedAt", ("Step", SubsidyLabels.Step("purchase")));
        }
        if (claim.RecycledAt is { } recycled && completed < recycled)
        {
            Fail(ctx, SubsidyErrors.CompletedBeforeStep, "CompletedAt", ("Step", SubsidyLabels.Step("recycling")));
        }
        if (claim.OldPlateCancelledAt is { } cancelled && completed < cancelled)
        {
            Fail(ctx, SubsidyErrors.CompletedBeforeStep, "CompletedAt", ("Step", SubsidyLabels.Step("plate-cancellation")));
        }
        if (claim.NewRegisteredAt is { } registered && completed < registered)
        {
            Fail(ctx, SubsidyErrors.CompletedBeforeStep, "CompletedAt", ("Step", SubsidyLabels.Step("new-registration")));
        }
    }

    internal static void Fail<T>(ValidationContext<T> ctx, MessageDefinition definition, string property, params (string Name, object? Value)[] arguments)
    {
        var placeholders = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            placeholders[name] = value ?? "";
        }
        ctx.AddFailure(new ValidationFailure(property, definition.Template.English)
        {
            ErrorCode = definition.Code,
            CustomState = definition,
            FormattedMessagePlaceholderValues = placeholders,
        });
    }

    internal static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
