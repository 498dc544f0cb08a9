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
