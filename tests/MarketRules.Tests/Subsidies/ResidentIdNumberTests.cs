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
    public void NormalizePlate_AcceptedFormats_Normalise(string plate, string expected) =>
        Assert.Equal(expected, VehicleIdentifiers.NormalizePlate(plate));

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
    [InlineData("A1234", false)] // too short
    [InlineData("A12345678901234567890", false)] // 21 characters
    public void IsValidFrameNumber_Formats(string frame, bool valid) => Assert.Equal(valid, VehicleIdentifiers.IsValidFrameNumber(frame));
}
