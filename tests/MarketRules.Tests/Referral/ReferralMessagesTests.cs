using System.Reflection;
using MarketRules.Referral;

namespace MarketRules.Tests.Referral;

public class ReferralMessagesTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var definition in Definitions())
        {
            data.Add(definition.Code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Definition_ChineseAndEnglish_NameTheSamePlaceholders(string code)
    {
        var definition = Definitions().Single(d => d.Code == code);
        Assert.StartsWith("MR.Referral.", definition.Code, StringComparison.Ordinal);
        Assert.Equal(
            MessageDefinition.PlaceholdersOf(definition.Template.English).Distinct().Order(StringComparer.Ordinal),
            MessageDefinition.PlaceholdersOf(definition.Template.Chinese).Distinct().Order(StringComparer.Ordinal));
    }

    private static IEnumerable<MessageDefinition> Definitions() =>
        new[] { typeof(ReferralErrors), typeof(ReferralReasons) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (MessageDefinition)f.GetValue(null)!);
}
