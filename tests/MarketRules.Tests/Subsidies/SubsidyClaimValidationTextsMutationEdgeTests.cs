using System.Text;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

/// <summary>
/// A claim that fails the door is refused whole, every fault with its code, path and both texts, and the ledger is not
/// touched (issue 18: the validator's rules and the evidence a scheme requires were mostly unmeasured). The national
/// 2025 scheme requires a price (its minimum) and five kinds of evidence; Gongshu 2022 the old frame number and seven.
/// </summary>
public class SubsidyClaimValidationTextsMutationEdgeTests
{
    [Fact]
    public void EveryFaultOfAClaim_CodedAtItsPathInBothLanguages_LedgerUntouched_MatchSnapshot()
    {
        var national = SubsidyTestData.Shanghai("2025-05-10T09:00:00");
        var valid = SubsidyTestData.Input(1, national);
        var gongshuValid = SubsidyTestData.Input(1, SubsidyTestData.June15);
        var cases = new (string Name, SubsidyScheme Scheme, SubsidyClaimInput Input)[]
        {
            ("national: everything missing", SubsidySchemes.National2025, new SubsidyClaimInput()),
            ("national: bad identifiers", SubsidySchemes.National2025, valid with
            {
                ApplicantId = "330105195001010001", OldOwnerId = "33010519500101000X", OldPlate = "plate", OldFrameNumber = "frame!", NewFrameNumber = "Ω", NewPlate = "x",
            }),
            ("national: negative price", SubsidySchemes.National2025, valid with { NewPriceFen = -1 }),
            ("national: completed before purchase and every step", SubsidySchemes.National2025, valid with
            {
                PurchaseDate = new LocalDate(2025, 5, 11), RecycledAt = national + Duration.FromSeconds(1),
                OldPlateCancelledAt = national + Duration.FromSeconds(1), NewRegisteredAt = national + Duration.FromSeconds(1),
            }),
            ("national: completed at the instant of every step", SubsidySchemes.National2025, valid with
            {
                PurchaseDate = new LocalDate(2025, 5, 10), RecycledAt = national, OldPlateCancelledAt = national, NewRegisteredAt = national,
            }),
            ("national: no evidence", SubsidySchemes.National2025, valid with { Evidence = [] }),
            ("national: all evidence but the CCC certificate", SubsidySchemes.National2025, valid with
            {
                Evidence = [.. SubsidyTestData.AllEvidence.Where(e => e != SubsidyEvidence.CccCertificate)],
            }),
            ("gongshu: no old frame number (a uniqueness key there)", SubsidySchemes.Gongshu2022, gongshuValid with { OldFrameNumber = null }),
            ("gongshu: no price (no minimum, no share of the price)", SubsidySchemes.Gongshu2022, gongshuValid with { NewPriceFen = null }),
            ("gongshu: only the first and the last kind of evidence", SubsidySchemes.Gongshu2022, gongshuValid with
            {
                Evidence = [SubsidyEvidence.IdentityDocument, SubsidyEvidence.NewPlateRegistration],
            }),
        };
        var text = new StringBuilder();
        foreach (var (name, scheme, input) in cases)
        {
            var ledger = new InMemorySubsidyLedger(scheme);
            var result = new SubsidyAllocator(ledger).Submit(input);
            text.Append("## ").AppendLine(name);
            if (result.IsSuccess)
            {
                text.Append("accepted ").AppendLine(result.Value.Outcome.ToString());
                continue;
            }
            Assert.Empty(ledger.Entries());
            foreach (var error in result.Errors)
            {
                text.Append(error.Code).Append(' ').Append(error.Path).Append(" | ").Append(error.Message.Chinese).Append(" | ").AppendLine(error.Message.English);
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    // What a claim carries as bits: each kind of evidence and each key paid before is its own bit, so a claim with
    // every kind but one misses exactly that one, and a key paid before refuses the claim as already subsidised.
    [Fact]
    public void ClaimFromInput_EachEvidenceAndEachPaidKeyIsItsOwnBit()
    {
        var scheme = SubsidySchemes.National2025;
        var evaluator = new SubsidyEvaluator(scheme);
        var completed = SubsidyTestData.Shanghai("2025-05-10T09:00:00");
        foreach (var key in Enum.GetValues<SubsidyUniquenessKey>())
        {
            var claim = SubsidyClaim.FromInput(SubsidyTestData.Input(1, completed) with { PreviouslySubsidised = [key] });
            Assert.Equal(SubsidyIneligibility.AlreadySubsidised, evaluator.Assess(claim).Ineligibility);
        }
        Assert.Equal(SubsidyIneligibility.None, evaluator.Assess(SubsidyClaim.FromInput(SubsidyTestData.Input(1, completed) with { PreviouslySubsidised = [] })).Ineligibility);
        var validator = new SubsidyClaimInputValidator(scheme);
        foreach (var missing in scheme.Evidence.Select(r => r.Evidence))
        {
            var input = SubsidyTestData.Input(1, completed) with { Evidence = [.. SubsidyTestData.AllEvidence.Where(e => e != missing)] };
            var error = Assert.Single(validator.Validate(input).ToRuleErrors());
            Assert.Equal("MR.Subsidy.MissingEvidence", error.Code);
            Assert.Equal(SubsidyClaimInputValidator.Kebab(missing), error.Arguments["Evidence"]);
        }
    }
}
