using System.Collections.Immutable;
using MarketRules.Calendar;

namespace MarketRules.Tests.Kernel;

// How a message template is filled: every placeholder with its value written as the law writes it (dates uuuu-MM-dd,
// yuan with their fen, a period in each language's words), a placeholder without a value left visible, and the
// placeholders a template names read in order.
public class MessageTemplateMutationEdgeTests
{
    private static readonly MessageDefinition HearingLimit = new("MR.Test.HearingLimit",
        "应在告知后{Period}内（至{Limit}）要求听证；罚款{Fine}元",
        "A hearing must be requested within {Period} of the notice (by {Limit}); fine {Fine} yuan");

    [Fact]
    public void Create_DatePeriodAndAmount_EachWrittenAsTheLawWritesIt()
    {
        var error = HearingLimit.Create("$.hearingRequested",
            ("Period", LegalPeriod.WorkingDays(5)), ("Limit", new LocalDate(2025, 9, 23)), ("Fine", new MessageNumber(50_000m, "0.00")));
        Assert.Equal("应在告知后5个工作日内（至2025-09-23）要求听证；罚款50000.00元", error.Message.Chinese);
        Assert.Equal("A hearing must be requested within 5 working days of the notice (by 2025-09-23); fine 50000.00 yuan", error.Message.English);
        Assert.Equal(new Dictionary<string, string> { ["Fine"] = "50000.00", ["Limit"] = "2025-09-23", ["Period"] = "5个工作日" }, error.Arguments);
    }

    [Fact]
    public void Create_MissingArgument_PlaceholderStaysAsWritten()
    {
        // A value not given shows in the text as its placeholder, braces included: never silently blank.
        var error = KernelErrors.Required.Create("$.partyName");
        Assert.Equal(new LocalizedText("「{PropertyName}」为必填项", "{PropertyName} is required"), error.Message);
        Assert.Empty(error.Arguments);
        var partly = HearingLimit.Create(null, ("Limit", new LocalDate(2025, 9, 23)));
        Assert.Equal("A hearing must be requested within {Period} of the notice (by 2025-09-23); fine {Fine} yuan", partly.Message.English);
    }

    [Fact]
    public void Create_NullValue_IsEmptyInBothLanguages()
    {
        var error = KernelErrors.Required.Create("$", ("PropertyName", null));
        Assert.Equal(new LocalizedText("「」为必填项", " is required"), error.Message);
        Assert.Equal("", error.Arguments["PropertyName"]);
    }

    private sealed class Unnamed
    {
        public override string? ToString() => null;
    }

    private sealed class Seat
    {
        public override string ToString() => "330106";
    }

    [Fact]
    public void Create_ValueNeitherTextNorNumber_ShowsItsOwnTextOrNothing()
    {
        // Neither a string nor IFormattable (a Uri is formattable): the value's own text.
        var seat = KernelErrors.PolicyPackMalformed.Create("$.jurisdiction", ("Detail", new Seat()));
        Assert.Equal(new LocalizedText("政策包格式错误：330106", "Malformed policy pack: 330106"), seat.Message);
        var unnamed = KernelErrors.PolicyPackMalformed.Create("$.citation", ("Detail", new Unnamed()));
        Assert.Equal(new LocalizedText("政策包格式错误：", "Malformed policy pack: "), unnamed.Message);
        Assert.Equal("", unnamed.Arguments["Detail"]);
    }

    [Fact]
    public void Create_NoArgumentArrays_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => KernelErrors.Required.Create("$", ((string, object?)[])null!));
        Assert.Throws<ArgumentNullException>(() => KernelErrors.Required.Create("$", (ImmutableSortedDictionary<string, string>)null!));
    }

    [Fact]
    public void Create_FormattedArguments_FillBothTemplatesAndAreKept()
    {
        var arguments = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("PropertyName", "fineYuan")]);
        var error = KernelErrors.Required.Create("$.fineYuan", arguments);
        Assert.Equal(new LocalizedText("「fineYuan」为必填项", "fineYuan is required"), error.Message);
        Assert.Same(arguments, error.Arguments);
    }

    [Fact]
    public void ReasonKeepingChinese_DifferentValuesPerLanguage_ArgumentsAreTheChinese()
    {
        var chinese = HearingLimit.ToReasonKeepingChinese(null, ("Period", "五个工作日", "five working days"));
        Assert.Equal("五个工作日", chinese.Arguments["Period"]);
        Assert.StartsWith("应在告知后五个工作日内", chinese.Message.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("A hearing must be requested within five working days", chinese.Message.English, StringComparison.Ordinal);
        Assert.Equal("five working days", HearingLimit.ToReasonKeepingEnglish(null, ("Period", "五个工作日", "five working days")).Arguments["Period"]);
    }

    // An evaluation's compact record: the values of reason i are made only when its text is read.
    private sealed class HearingRecord : IDeferredMessageArguments
    {
        public List<int> Asked { get; } = [];

        public MessageArguments ArgumentsOf(int index)
        {
            Asked.Add(index);
            return MessageArguments.Of(new (string, object?)[] { ("Period", LegalPeriod.WorkingDays(index)), ("Limit", new LocalDate(2025, 9, 23)), ("Fine", 500m) });
        }
    }

    [Fact]
    public void DeferredReason_Read_FilledFromTheRecordAtItsIndexOnlyWhenRead()
    {
        var record = new HearingRecord();
        var reason = HearingLimit.ToDeferredReason(null, record, 5);
        Assert.Empty(record.Asked);
        Assert.Equal(new LocalizedText("应在告知后5个工作日内（至2025-09-23）要求听证；罚款500元",
            "A hearing must be requested within 5 working days of the notice (by 2025-09-23); fine 500 yuan"), reason.Message);
        Assert.Equal("5个工作日", reason.Arguments["Period"]);
        Assert.Equal(5, Assert.Single(record.Asked.Distinct()));
    }

    [Theory]
    [InlineData("日期 {Date} 超出法定工作日历已知的年份范围（{FirstYear}—{LastYear}）", new[] { "Date", "FirstYear", "LastYear" })]
    [InlineData("{PropertyName} is required", new[] { "PropertyName" })]
    [InlineData("政策包格式错误：{Detail}，另见 {未闭合", new[] { "Detail" })]
    [InlineData("未知错误", new string[0])]
    public void PlaceholdersOf_Template_NamesInOrderAndAnUnclosedBraceIgnored(string template, string[] expected) =>
        Assert.Equal(expected, MessageDefinition.PlaceholdersOf(template));

    [Fact]
    public void PlaceholdersOf_NoTemplate_Throws() =>
        Assert.Equal("template", Assert.Throws<ArgumentNullException>(() => MessageDefinition.PlaceholdersOf(null!)).ParamName);
}
