using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

public class ResidentIdNumberTests
{
    // Check characters worked by hand with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and map 1 0 X 9 8 7 6 5 4 3 2:
    // 11010519491231002: sum 167, 167 mod 11 = 2 → X. 44052418800101001: sum 195, mod 11 = 8 → 4.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524188001010014")]
    public void Parse_ValidNumber_Succeeds(string text)
    {
        var result = ResidentIdNumber.Parse(text);
        Assert.True(result.IsSuccess);
        Assert.Equal(text.ToUpperInvariant(), result.Value.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check character (X expected)
    [InlineData("440524188001010015")] // wrong check character (4 expected)
    [InlineData("11010519491331002X")] // month 13
    [InlineData("000000194912310020")] // address 000000
    [InlineData("1101051949123100X")] // 17 characters
    [InlineData("110105194912310A2X")] // letter in the body
    [InlineData("")]
    public void Parse_MalformedNumber_ReturnsCodedError(string text)
    {
        var result = ResidentIdNumber.Parse(text);
        Assert.False(result.IsSuccess);
        Assert.Equal("MR.Subsidy.InvalidResidentId", Assert.Single(result.Errors).Code);
    }

    // GB 11643-1999: what is wrong is said in both languages, the first fault found (length, then the body's digits, the
    // address code, the birth date, the check character), so a clerk can correct the number the applicant gave.
    [Fact]
    public void Parse_EachFault_SaidInBothLanguages_TheFirstOneFound()
    {
        foreach (var (text, chinese, english) in new[]
        {
            ("", "为空", "empty"),
            ("1101051949123100X", "应为 18 位，实为 17 位", "expected 18 characters, found 17"),
            ("110105194912310A2X", "第 1 至 17 位须为数字", "characters 1 to 17 must be digits"),
            ("000000194912310020", "地址码 000000 不是行政区划", "the address code 000000 is not a division"),
            ("11010519491331002X", "第 7 至 14 位不是出生日期（yyyyMMdd）", "characters 7 to 14 are not a birth date (yyyyMMdd)"),
            ("110105194912310021", "校验码为 1，应为 X（ISO 7064 MOD 11-2）", "check character is 1, expected X (ISO 7064 MOD 11-2)"),
        })
        {
            var error = Assert.Single(ResidentIdNumber.Parse(text).Errors);
            Assert.Equal(("MR.Subsidy.InvalidResidentId", english, english), (error.Code, error.Arguments["Detail"], ResidentIdNumber.Check(text)));
            Assert.EndsWith(chinese, error.Message.Chinese, StringComparison.Ordinal);
            Assert.EndsWith(english, error.Message.English, StringComparison.Ordinal);
        }
        Assert.Equal("empty", ResidentIdNumber.Check(null));
    }

    [Fact]
    public void ComputeCheckCharacter_NotSeventeenDigits_SaysSoNamingTheArgument()
    {
        foreach (var first17 in new[] { "1101051949123100", "1101051949123100A" })
        {
            var thrown = Assert.Throws<ArgumentException>(() => ResidentIdNumber.ComputeCheckCharacter(first17));
            Assert.Equal("first17", thrown.ParamName);
            Assert.StartsWith("17 digits are required", thrown.Message, StringComparison.Ordinal);
        }
    }

    // The birth date is a real day from 1800 on: 1800-01-01 is accepted, 1799-12-31 is not (the check character is
    // computed for each body, so only the date decides).
    [Theory]
    [InlineData("11010518000101001", true)]
    [InlineData("11010517991231001", false)]
    public void Check_BirthYearFrom1800(string first17, bool valid)
    {
        var number = first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
        Assert.Equal(valid, ResidentIdNumber.Check(number) is null);
        if (!valid)
        {
            Assert.Equal("characters 7 to 14 are not a birth date (yyyyMMdd)", ResidentIdNumber.Check(number));
        }
    }

    // Computing a check character needs exactly seventeen digits; anything else is a caller's error, said at once.
    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    [InlineData("110105194912310/2")]
    [InlineData("110105194912310:2")]
    public void ComputeCheckCharacter_NotSeventeenDigits_ArgumentException(string first17) =>
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.ComputeCheckCharacter(first17));

    [Fact]
    public void ComputeCheckCharacter_GeneratedNumbers_AllParse()
    {
        for (var n = 0; n < 2000; n += 7)
        {
            Assert.True(ResidentIdNumber.Parse(SubsidyTestData.PersonId(n)).IsSuccess);
        }
    }

    [Fact]
    public void ToMaskedString_HidesBirthDateAndSequence() =>
        Assert.Equal("110105********002X", ResidentIdNumber.Parse("11010519491231002X").Value.ToMaskedString());

    [Theory]
    [InlineData("浙A·12345", "浙A12345")]
    [InlineData("杭州C12345", "杭州C12345")]
    [InlineData("浙a-b1234", "浙AB1234")]
    [InlineData("杭州 123456", "杭州123456")]
    [InlineData("浙江杭123456789", "浙江杭123456789")] // three characters of area, nine of serial: both at their limit
    [InlineData("浙·12345", "浙12345")] // a separator without a city letter
    [InlineData("  浙A·12345      ", "浙A12345")] // sixteen characters with the blanks around it
    public void NormalizePlate_AcceptedFormats_Normalise(string plate, string expected) =>
        Assert.Equal(expected, VehicleIdentifiers.NormalizePlate(plate));

    [Theory]
    [InlineData("  浙A·12345       ")] // seventeen characters: refused before trimming
    [InlineData("浙A·1234567890")] // serial of ten
    [InlineData("浙A·")] // a city letter and nothing after it
    [InlineData("浙A")]
    [InlineData("浙江杭1234567890123")] // sixteen characters of which thirteen serial: longer than the buffer's room
    [InlineData("")]
    [InlineData("   ")]
    public void NormalizePlate_PastItsLimits_ReturnNull(string plate) => Assert.Null(VehicleIdentifiers.NormalizePlate(plate));

    [Theory]
    [InlineData("A12345")] // no issuing-area character
    [InlineData("浙A·ABCDE")] // no digit
    [InlineData("浙A·1234")] // serial too short
    [InlineData("浙江省杭州12345")] // prefix longer than three characters
    [InlineData("浙A·12#45")]
    public void NormalizePlate_RejectedFormats_ReturnNull(string plate) => Assert.Null(VehicleIdentifiers.NormalizePlate(plate));

    [Theory]
    [InlineData("NF00000001", true)]
    [InlineData("ab12cd", true)]
    [InlineData("NF0O000001", false)] // letter O
    [InlineData("ABCDEFGH", false)] // no digit
    [InlineData("A1234", false)] // too short: five
    [InlineData("A12345678901234567890", false)] // 21 characters
    [InlineData("A1234567890123456789", true)] // 20 characters
    [InlineData(" lf0001 ", true)] // six once trimmed
    [InlineData("LF-00001", false)]
    [InlineData("LFI00001", false)] // letter I
    [InlineData("LFQ00001", false)] // letter Q
    public void IsValidFrameNumber_Formats(string frame, bool valid) => Assert.Equal(valid, VehicleIdentifiers.IsValidFrameNumber(frame));
}
