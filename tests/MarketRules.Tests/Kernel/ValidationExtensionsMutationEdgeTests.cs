using System.Collections.Immutable;
using FluentValidation;
using FluentValidation.Results;

namespace MarketRules.Tests.Kernel;

// The strict door's FluentValidation bridge: a failed rule becomes a coded, bilingual error located by the JSON path
// the caller wrote (camelCase members, array indexes, the root), the member named by its JSON name in both languages,
// and never a .NET rendering of a non-scalar value. A rule without a MarketRules definition still gets a code.
public class ValidationExtensionsMutationEdgeTests
{
    // The shape of a penalty decision's input as a host would validate it before evaluation.
    private sealed record ExcludedTime(LocalDate? Start);

    private sealed record PenaltyInput(string? PartyName, decimal FineYuan, decimal? ConfiscationYuan, List<ExcludedTime> Excluded, List<string> Witnesses);

    private sealed class PenaltyInputValidator : AbstractValidator<PenaltyInput>
    {
        public PenaltyInputValidator()
        {
            RuleFor(x => x.PartyName).NotEmpty().WithError(KernelErrors.Required);
            RuleFor(x => x.FineYuan).IsAmountInYuan();
            RuleFor(x => x.ConfiscationYuan).IsAmountInYuan();
            RuleForEach(x => x.Excluded).ChildRules(e => e.RuleFor(p => p.Start).NotNull().WithError(KernelErrors.Required));
            RuleFor(x => x.Witnesses).NotEmpty().WithError(KernelErrors.Required);
        }
    }

    private static readonly PenaltyInputValidator Validator = new();

    private static PenaltyInput Valid() => new("某商贸有限公司", 50_000m, null, [new(new LocalDate(2025, 3, 1))], ["张三"]);

    private static RuleError Single(PenaltyInput input, string prefix = "$") => Assert.Single(Validator.Validate(input).ToRuleErrors(prefix));

    [Fact]
    public void Required_EmptyPartyName_IsCodedAtItsJsonMemberAndNamedByItInBothLanguages()
    {
        var error = Single(Valid() with { PartyName = "" });
        Assert.Equal("MR.Input.Required", error.Code);
        Assert.Equal("$.partyName", error.Path);
        // FluentValidation would say "Party Name"; the caller knows the member as partyName, in both languages.
        Assert.Equal(new LocalizedText("「partyName」为必填项", "partyName is required"), error.Message);
        Assert.Equal("partyName", error.Arguments["PropertyName"]);
        Assert.Equal("", error.Arguments["PropertyValue"]);
    }

    [Fact]
    public void Required_UnderAnEnclosingDocument_PathStartsAtThePrefix()
    {
        var error = Single(Valid() with { PartyName = null }, "$.input");
        Assert.Equal("$.input.partyName", error.Path);
        Assert.Equal("partyName", error.Arguments["PropertyName"]);
    }

    [Fact]
    public void Required_MemberOfTheSecondExcludedTime_PathHasTheIndexAndTheMessageNamesTheMember()
    {
        var error = Single(Valid() with { Excluded = [new(new LocalDate(2025, 3, 1)), new(null)] });
        Assert.Equal("$.excluded[1].start", error.Path);
        Assert.Equal(new LocalizedText("「start」为必填项", "start is required"), error.Message);
    }

    [Fact]
    public void Required_EmptyList_LeavesTheListOutOfTheArguments()
    {
        // A list would read "System.Collections.Generic.List`1[…]": the path says where to look instead.
        var error = Single(Valid() with { Witnesses = [] });
        Assert.Equal("$.witnesses", error.Path);
        Assert.Equal(new LocalizedText("「witnesses」为必填项", "witnesses is required"), error.Message);
        Assert.False(error.Arguments.ContainsKey("PropertyValue"));
        Assert.Equal("witnesses", error.Arguments["PropertyName"]);
    }

    [Theory]
    [InlineData("-0.01", "-0.01")]
    [InlineData("0.001", "0.001")]
    [InlineData("1000000000000.01", "1000000000000.01")]
    public void InvalidAmount_FineNotMoney_StatesTheAmountAsGivenInYuan(string fine, string shown)
    {
        var error = Single(Valid() with { FineYuan = decimal.Parse(fine, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("MR.Amount.Invalid", error.Code);
        Assert.Equal("$.fineYuan", error.Path);
        Assert.Equal($"金额 {shown} 无效：应在 0 至 1 万亿元之间，最小单位为分", error.Message.Chinese);
        Assert.Equal($"Amount {shown} is invalid: it must lie between 0 and 1 trillion yuan, in whole fen", error.Message.English);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("0", true)]
    [InlineData("12345.67", true)]
    [InlineData("-0.01", false)]
    [InlineData("0.005", false)]
    public void InvalidAmount_OptionalConfiscation_AbsentOrMoneyPasses(string? confiscation, bool valid)
    {
        var input = Valid() with { ConfiscationYuan = confiscation is null ? null : decimal.Parse(confiscation, System.Globalization.CultureInfo.InvariantCulture) };
        var errors = Validator.Validate(input).ToRuleErrors();
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(("MR.Amount.Invalid", "$.confiscationYuan"), (error.Code, error.Path));
        }
    }

    [Fact]
    public void ValidateToResult_ValidInput_IsTheSameInstance()
    {
        var input = Valid();
        var result = Validator.ValidateToResult(input);
        Assert.True(result.IsSuccess);
        Assert.Same(input, result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ValidateToResult_TwoBadMembers_FailsWithBothErrorsInRuleOrder()
    {
        var result = Validator.ValidateToResult(Valid() with { PartyName = "", FineYuan = -1m }, "$.input");
        Assert.False(result.IsSuccess);
        Assert.Equal(["MR.Input.Required at $.input.partyName", "MR.Amount.Invalid at $.input.fineYuan"],
            result.Errors.Select(e => $"{e.Code} at {e.Path}"));
    }

    [Fact]
    public void ValidateToResult_NoValidator_Throws() =>
        Assert.Equal("validator", Assert.Throws<ArgumentNullException>(() => ((IValidator<PenaltyInput>)null!).ValidateToResult(Valid())).ParamName);

    [Fact]
    public void WithError_NoRuleOrNoDefinition_Throws()
    {
        Assert.Equal("error", Assert.Throws<ArgumentNullException>(() => new InlineValidator<PenaltyInput>().RuleFor(x => x.PartyName).NotEmpty().WithError(null!)).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => ((IRuleBuilderOptions<PenaltyInput, string?>)null!).WithError(KernelErrors.Required)).ParamName);
    }

    [Fact]
    public void RuleWithoutADefinition_NotAMarketRulesCode_IsUnknownWithTheRulesOwnText()
    {
        var validator = new InlineValidator<PenaltyInput>();
        validator.RuleFor(x => x.PartyName).NotEmpty().WithMessage("party name missing");
        var error = Assert.Single(validator.Validate(Valid() with { PartyName = "" }).ToRuleErrors());
        Assert.Equal("MR.Kernel.Unknown", error.Code);
        Assert.Equal("$.partyName", error.Path);
        Assert.Equal(new LocalizedText("party name missing", "party name missing"), error.Message);
    }

    [Fact]
    public void RuleWithoutADefinition_MarketRulesCode_KeepsTheCode()
    {
        var validator = new InlineValidator<PenaltyInput>();
        validator.RuleFor(x => x.PartyName).NotEmpty().WithErrorCode("MR.Input.Required").WithMessage("party name missing");
        var error = Assert.Single(validator.Validate(Valid() with { PartyName = "" }).ToRuleErrors());
        Assert.Equal("MR.Input.Required", error.Code);
        Assert.Equal(new LocalizedText("party name missing", "party name missing"), error.Message);
    }

    [Fact]
    public void RuleWithoutADefinition_EmptyCode_IsUnknown()
    {
        var failure = new ValidationFailure("PartyName", "party name missing") { ErrorCode = "" };
        Assert.Equal("MR.Kernel.Unknown", Assert.Single(new ValidationResult([failure]).ToRuleErrors()).Code);
    }

    [Fact]
    public void ToRuleErrors_ValidResult_IsEmpty() =>
        Assert.Empty(new ValidationResult().ToRuleErrors());

    private static ValidationFailure RequiredFailure(string? propertyName) => new(propertyName, "required")
    {
        CustomState = KernelErrors.Required,
        FormattedMessagePlaceholderValues = new Dictionary<string, object> { ["PropertyName"] = "Whole Input" },
    };

    [Fact]
    public void ToRuleErrors_FailureOfTheWholeInput_IsAtThePrefixAndNamedByIt()
    {
        // A rule on the object itself (no member): the error is at the validated object's own path.
        var error = Assert.Single(new ValidationResult([RequiredFailure(null)]).ToRuleErrors("$.input"));
        Assert.Equal("$.input", error.Path);
        Assert.Equal("input", error.Arguments["PropertyName"]);
        Assert.Equal("$", Assert.Single(new ValidationResult([RequiredFailure("")]).ToRuleErrors()).Path);
        Assert.Equal("$", Assert.Single(new ValidationResult([RequiredFailure("")]).ToRuleErrors()).Arguments["PropertyName"]);
    }

    [Fact]
    public void ToRuleErrors_EmptyPrefixAndNoMember_IsAnEmptyPathWithoutThrowing()
    {
        // A caller that roots the paths itself passes an empty prefix: the error of the whole object has an empty path.
        var error = Assert.Single(new ValidationResult([RequiredFailure(null)]).ToRuleErrors(""));
        Assert.Equal("", error.Path);
        Assert.Equal("", error.Arguments["PropertyName"]);
    }

    [Fact]
    public void ToRuleErrors_PathWithoutAMemberName_MessageQuotesTheWholePath()
    {
        // An element of a list validated as a whole has no member name: rather than an empty 「」, the message quotes the path.
        var error = Assert.Single(new ValidationResult([RequiredFailure("[2]")]).ToRuleErrors());
        Assert.EndsWith("[2]", error.Path, StringComparison.Ordinal);
        Assert.Equal(error.Path, error.Arguments["PropertyName"]);
        Assert.Equal($"{error.Path} is required", error.Message.English);
    }

    [Fact]
    public void ToRuleErrors_NestedIndexes_NameTheListMember()
    {
        var error = Assert.Single(new ValidationResult([RequiredFailure("Claims[2].Items[0][1]")]).ToRuleErrors());
        Assert.Equal("$.claims[2].items[0][1]", error.Path);
        Assert.Equal("items", error.Arguments["PropertyName"]);
    }

    [Theory]
    [InlineData("FineYuan", "$.fineYuan")]
    [InlineData("Claims[2].PersonId", "$.claims[2].personId")]
    [InlineData("Claims..PersonId", "$.claims..personId")]
    [InlineData("X", "$.x")]
    public void ToJsonPath_EachSegmentCamelCased(string propertyPath, string expected) =>
        Assert.Equal(expected, ValidationExtensions.ToJsonPath("$", propertyPath));

    // A detail the rule words in both languages (what is wrong with an identity number, say) reads in Chinese in the
    // zh-CN text and in English in the English one; the error's arguments keep the English, like every other value,
    // and a plain value beside it is the same in both.
    [Fact]
    public void LocalizedDetail_EachLanguageReadsItsOwn_ArgumentsKeepTheEnglish()
    {
        var definition = new MessageDefinition("MR.Test.Detail", "号码 {Number} 无效：{Detail}", "Number {Number} is invalid: {Detail}");
        var failure = new ValidationFailure("IdNumber", "unused")
        {
            CustomState = definition,
            FormattedMessagePlaceholderValues = new Dictionary<string, object>
            {
                ["Number"] = "110105",
                ["Detail"] = new LocalizedText("校验码为 1，应为 5", "check character is 1, expected 5"),
            },
        };
        var error = Assert.Single(new ValidationResult([failure]).ToRuleErrors());
        Assert.Equal("MR.Test.Detail", error.Code);
        Assert.Equal("$.idNumber", error.Path);
        Assert.Equal(new LocalizedText("号码 110105 无效：校验码为 1，应为 5", "Number 110105 is invalid: check character is 1, expected 5"), error.Message);
        Assert.Equal("check character is 1, expected 5", error.Arguments["Detail"]);
        Assert.Equal("110105", error.Arguments["Number"]);
    }

    [Fact]
    public void ToRuleErrors_NoResult_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ((ValidationResult)null!).ToRuleErrors());
}
