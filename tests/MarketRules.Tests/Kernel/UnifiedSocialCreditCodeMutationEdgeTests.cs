namespace MarketRules.Tests.Kernel;

// GB 32100-2015, the unified social credit code (统一社会信用代码): 18 characters of a 31-character alphabet (digits and
// upper-case letters without I, O, Z, S, V), the 18th a check character computed modulo 31 over the first 17. The codes
// below are published ones (the standard's widely quoted example and three enterprises' public registrations), so the
// check characters are the registry's, not this library's.
public class UnifiedSocialCreditCodeMutationEdgeTests
{
    private const string Example = "91350100M000100Y43";
    private const string Baidu = "91110000802100433B";
    private const string Alibaba = "91330100716105852F";
    private const string Tencent = "91440300708461136T";

    [Theory]
    [InlineData(Example)]
    [InlineData(Baidu)]
    [InlineData(Alibaba)]
    [InlineData(Tencent)]
    public void Parse_PublishedCode_AcceptedWithTheRegistrysCheckCharacter(string code)
    {
        var parsed = UnifiedSocialCreditCode.Parse(code);
        Assert.True(parsed.IsSuccess);
        Assert.Equal(code, parsed.Value.Value);
        Assert.Equal(code, parsed.Value.ToString());
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        Assert.Null(UnifiedSocialCreditCode.Problem(code));
        Assert.Equal(code[17], UnifiedSocialCreditCode.ComputeCheckCharacter(code.AsSpan(0, 17)));
    }

    [Fact]
    public void Parse_LowerCaseLetters_AcceptedAndHeldUpperCase()
    {
        var parsed = UnifiedSocialCreditCode.Parse("91350100m000100y43");
        Assert.True(parsed.IsSuccess);
        Assert.Equal(Example, parsed.Value.Value);
        Assert.Equal(UnifiedSocialCreditCode.Parse(Example).Value, parsed.Value);
        Assert.Equal('3', UnifiedSocialCreditCode.ComputeCheckCharacter("91350100m000100y4"));
    }

    [Fact]
    public void Parse_WrongCheckCharacter_RefusedSayingWhichCharacterTheStandardGives()
    {
        const string code = "91350100M000100Y44";
        var parsed = UnifiedSocialCreditCode.Parse(code);
        Assert.False(parsed.IsSuccess);
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("MR.Identifier.InvalidCreditCode", error.Code);
        Assert.Null(error.Path);
        Assert.Equal("统一社会信用代码 91350100M000100Y44 无效：校验码应为“3”", error.Message.Chinese);
        Assert.Equal("Unified social credit code 91350100M000100Y44 is invalid: check character should be '3'", error.Message.English);
        Assert.Equal(code, error.Arguments["Code"]);
        Assert.Equal("check character should be '3'", error.Arguments["Detail"]);
        Assert.Equal(new LocalizedText("校验码应为“3”", "check character should be '3'"), UnifiedSocialCreditCode.Problem(code));
    }

    [Fact]
    public void Parse_LowerCaseCodeWithWrongCheckCharacter_ErrorQuotesWhatTheCallerSent()
    {
        var error = Assert.Single(UnifiedSocialCreditCode.Parse("91350100m000100y4a").Errors);
        Assert.Equal("Unified social credit code 91350100m000100y4a is invalid: check character should be '3'", error.Message.English);
    }

    [Theory]
    [InlineData("91350100M000100Y4")] // 17: one short
    [InlineData("91350100M000100Y433")] // 19: one too many
    [InlineData("")]
    public void Parse_NotEighteenCharacters_RefusedAsTheWrongLength(string code)
    {
        var parsed = UnifiedSocialCreditCode.Parse(code);
        Assert.False(parsed.IsSuccess);
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("MR.Identifier.InvalidCreditCode", error.Code);
        Assert.Equal($"统一社会信用代码 {code} 无效：应为18位字符", error.Message.Chinese);
        Assert.Equal($"Unified social credit code {code} is invalid: expected 18 characters", error.Message.English);
        Assert.Equal(code, error.Arguments["Code"]);
    }

    [Fact]
    public void Parse_Null_RefusedAsTheWrongLengthWithAnEmptyCode()
    {
        var parsed = UnifiedSocialCreditCode.Parse(null);
        Assert.False(parsed.IsSuccess);
        Assert.False(UnifiedSocialCreditCode.IsValid(null));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("Unified social credit code  is invalid: expected 18 characters", error.Message.English);
        Assert.Equal("统一社会信用代码  无效：应为18位字符", error.Message.Chinese);
        Assert.Equal("", error.Arguments["Code"]);
        Assert.Equal(new LocalizedText("应为18位字符", "expected 18 characters"), UnifiedSocialCreditCode.Problem(null));
    }

    // Table 3 of the standard leaves out I, O, Z, S and V (they read like 1, 0, 2, 5 and U); a lower-case one is named upper-case.
    [Theory]
    [InlineData('I', 'I')]
    [InlineData('O', 'O')]
    [InlineData('Z', 'Z')]
    [InlineData('S', 'S')]
    [InlineData('V', 'V')]
    [InlineData('o', 'O')]
    [InlineData('-', '-')]
    public void Parse_CharacterOutsideTheAlphabet_RefusedNamingIt(char wrong, char named)
    {
        var code = Example[..8] + wrong + Example[9..];
        var parsed = UnifiedSocialCreditCode.Parse(code);
        Assert.False(parsed.IsSuccess);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal($"统一社会信用代码 {code} 无效：含不允许的字符“{named}”", error.Message.Chinese);
        Assert.Equal($"Unified social credit code {code} is invalid: character '{named}' is not allowed", error.Message.English);
        Assert.Equal(new LocalizedText($"含不允许的字符“{named}”", $"character '{named}' is not allowed"), UnifiedSocialCreditCode.Problem(code));
    }

    [Fact]
    public void ComputeCheckCharacter_NotSeventeenCharacters_RefusedNamingTheArgument()
    {
        foreach (var text in new[] { Example[..16], Example })
        {
            var ex = Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter(text));
            Assert.Equal("first17", ex.ParamName);
            Assert.StartsWith("Expected 17 characters", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ComputeCheckCharacter_CharacterOutsideTheAlphabet_RefusedNamingTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter("91350100I000100Y4"));
        Assert.Equal("first17", ex.ParamName);
        Assert.StartsWith("Character outside the code's alphabet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_HoldsNoCode_EmptyAndFirstInOrder()
    {
        var none = default(UnifiedSocialCreditCode);
        Assert.Equal("", none.Value);
        Assert.Equal("", none.ToString());
        Assert.True(none < UnifiedSocialCreditCode.Parse(Example).Value);
    }

    // Ordinal order on the 18 characters: "9111…" (Beijing) < "9133…" (Hangzhou) < "9135…" (Fuzhou) < "9144…" (Shenzhen).
    [Theory]
    [InlineData(Baidu, Alibaba, -1)]
    [InlineData(Alibaba, Example, -1)]
    [InlineData(Example, Example, 0)]
    [InlineData(Tencent, Example, 1)]
    public void Comparison_IsOrdinalOnTheCode(string left, string right, int sign)
    {
        var l = UnifiedSocialCreditCode.Parse(left).GetValueOrThrow();
        var r = UnifiedSocialCreditCode.Parse(right).GetValueOrThrow();
        Assert.Equal(sign, Math.Sign(l.CompareTo(r)));
        Assert.Equal(sign < 0, l < r);
        Assert.Equal(sign > 0, l > r);
        Assert.Equal(sign <= 0, l <= r);
        Assert.Equal(sign >= 0, l >= r);
    }
}
