using System.Collections.Immutable;
using System.Globalization;

namespace MarketRules.Tests.Kernel;

// What a caller sees of a coded error outside the engine's JSON: its one-line form (code, path, English text), its
// equality, the language chosen for a culture, a result's failure thrown as the exception that carries the errors.
public class RuleErrorMutationEdgeTests
{
    private static readonly RuleError PartyNameRequired = KernelErrors.Required.Create("$.partyName", ("PropertyName", "partyName"));

    [Fact]
    public void ToString_LocatedError_IsCodePathAndEnglishText() =>
        Assert.Equal("MR.Input.Required at $.partyName: partyName is required", PartyNameRequired.ToString());

    [Fact]
    public void ToString_ErrorOfTheWholeInput_IsCodeAndEnglishText() =>
        Assert.Equal("MR.Input.Required: partyName is required", PartyNameRequired.WithPath(null).ToString());

    [Fact]
    public void Equals_SameCodePathAndMessage_EqualWhateverTheArguments()
    {
        var same = KernelErrors.Required.Create("$.partyName", ("PropertyName", "partyName"));
        Assert.True(PartyNameRequired.Equals(same));
        Assert.True(PartyNameRequired.Equals((object)same));
        Assert.Equal(PartyNameRequired.GetHashCode(), same.GetHashCode());
        // The arguments are what filled the message: two errors with one text are one error.
        var sameText = new RuleError("MR.Input.Required", "$.partyName", PartyNameRequired.Message, ImmutableSortedDictionary<string, string>.Empty);
        Assert.True(PartyNameRequired.Equals(sameText));
    }

    [Fact]
    public void Equals_AnotherCodePathOrMessage_NotEqual()
    {
        Assert.False(PartyNameRequired.Equals(null));
        Assert.False(PartyNameRequired.Equals((object?)null));
        Assert.False(PartyNameRequired.Equals(PartyNameRequired.WithPath("$.input.partyName")));
        Assert.False(PartyNameRequired.Equals(KernelErrors.Required.Create("$.partyName", ("PropertyName", "fineYuan"))));
        Assert.False(PartyNameRequired.Equals(new RuleError("MR.Kernel.Unknown", "$.partyName", PartyNameRequired.Message, PartyNameRequired.Arguments)));
    }

    [Theory]
    [InlineData("zh-CN", "「partyName」为必填项")]
    [InlineData("zh-Hans", "「partyName」为必填项")]
    [InlineData("zh-TW", "「partyName」为必填项")]
    [InlineData("zh", "「partyName」为必填项")]
    [InlineData("en-US", "partyName is required")]
    [InlineData("fr-FR", "partyName is required")]
    [InlineData("", "partyName is required")]
    public void GetMessage_Culture_ChineseForEveryChineseCultureElseEnglish(string culture, string expected)
    {
        Assert.Equal(expected, PartyNameRequired.GetMessage(CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(expected, PartyNameRequired.Message.Get(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Get_NoCulture_Throws() =>
        Assert.Equal("culture", Assert.Throws<ArgumentNullException>(() => PartyNameRequired.Message.Get(null!)).ParamName);

    [Fact]
    public void LocalizedText_ToString_IsChineseThenEnglish() =>
        Assert.Equal("「partyName」为必填项 / partyName is required", PartyNameRequired.Message.ToString());

    [Fact]
    public void Under_ParentNotAJsonPath_SaysAPathIsExpected()
    {
        var ex = Assert.Throws<ArgumentException>(() => PartyNameRequired.Under("input"));
        Assert.Equal("parent", ex.ParamName);
        Assert.StartsWith("A JSON path starting with '$'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetValueOrThrow_Success_IsTheValue() =>
        Assert.Equal(new LocalDate(2025, 9, 23), RuleResult<LocalDate>.Success(new LocalDate(2025, 9, 23)).GetValueOrThrow());

    [Fact]
    public void GetValueOrThrow_DefaultResult_ThrowsTheUnknownError()
    {
        // The default value is a failure without errors (never produced by the factories): it still throws a coded error.
        var ex = Assert.Throws<InvalidRuleInputException>(() => default(RuleResult<int>).GetValueOrThrow());
        Assert.Equal("MR.Kernel.Unknown", Assert.Single(ex.Errors).Code);
        Assert.Equal("MR.Kernel.Unknown: Unknown error", ex.Message);
    }

    [Fact]
    public void GetValueOrThrow_Failure_MessageIsEveryErrorOnItsOwnLine()
    {
        var fine = KernelErrors.InvalidAmount.Create("$.fineYuan", ("PropertyValue", -1m));
        var ex = Assert.Throws<InvalidRuleInputException>(() => RuleResult<int>.Failure([PartyNameRequired, fine]).GetValueOrThrow());
        Assert.Equal(new[] { PartyNameRequired, fine }, ex.Errors.ToArray());
        Assert.Equal("MR.Input.Required at $.partyName: partyName is required" + Environment.NewLine
            + "MR.Amount.Invalid at $.fineYuan: Amount -1 is invalid: it must lie between 0 and 1 trillion yuan, in whole fen", ex.Message);
    }

    [Fact]
    public void Failure_NoErrors_Throws()
    {
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => RuleResult<int>.Failure(ImmutableArray<RuleError>.Empty)).ParamName);
        Assert.Throws<ArgumentNullException>(() => RuleResult<int>.Failure((RuleError)null!));
    }

    [Fact]
    public void InvalidRuleInputException_NoErrors_ThrowsForTheErrors()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InvalidRuleInputException(ImmutableArray<RuleError>.Empty));
        Assert.Equal("errors", ex.ParamName);
        Assert.StartsWith("At least one error is required", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new InvalidRuleInputException(default(ImmutableArray<RuleError>)));
    }

    [Fact]
    public void CalendarOutOfRange_DateBeyondTheLastYear_NamesTheDateAndTheYearsInBothLanguages()
    {
        var ex = new CalendarOutOfRangeException(new LocalDate(2027, 1, 1), 2016, 2026);
        var error = Assert.Single(ex.Errors);
        Assert.Null(error.Path);
        Assert.Equal("日期 2027-01-01 超出法定工作日历已知的年份范围（2016—2026）；请加载该年度国务院办公厅节假日安排通知", error.Message.Chinese);
        Assert.Equal("Date 2027-01-01 is outside the years the statutory calendar knows (2016–2026); load that year's State Council holiday notice", error.Message.English);
        Assert.Equal("MR.Calendar.OutOfRange: " + error.Message.English, ex.Message);
        Assert.Equal(new Dictionary<string, string> { ["Date"] = "2027-01-01", ["FirstYear"] = "2016", ["LastYear"] = "2026" }, error.Arguments);
    }
}
