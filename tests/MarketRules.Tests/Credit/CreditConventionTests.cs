using System.Reflection;
using MarketRules.Credit;

namespace MarketRules.Tests.Credit;

public class CreditConventionTests
{
    public static TheoryData<string> Definitions()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(CreditErrors).GetFields().Concat(typeof(CreditReasons).GetFields()))
        {
            data.Add(field.DeclaringType!.Name + "." + field.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void MessageDefinition_ChineseAndEnglish_HaveTheSamePlaceholders(string name)
    {
        var parts = name.Split('.');
        var type = parts[0] == nameof(CreditErrors) ? typeof(CreditErrors) : typeof(CreditReasons);
        var definition = (MessageDefinition)type.GetField(parts[1], BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.StartsWith("MR.Credit.", definition.Code, StringComparison.Ordinal);
        Assert.Equal(MessageDefinition.PlaceholdersOf(definition.Template.Chinese).Order(), MessageDefinition.PlaceholdersOf(definition.Template.English).Order());
    }

    [Fact]
    public void CreditParameters_AreInTheNationalCatalog() =>
        Assert.All(CreditParameters.All, p => Assert.Same(p, NationalCatalog.Catalog.Find(p.Id)));

    [Fact]
    public void CreditParameters_FromMemoryValues_SayWhatIsUnverified() =>
        Assert.All(CreditParameters.All.SelectMany(p => p.Values).Where(v => v.Citation.Status == VerificationStatus.FromMemory),
            v => Assert.False(string.IsNullOrWhiteSpace(v.Citation.Note)));
}
