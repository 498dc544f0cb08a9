using MarketRules.Cases;

namespace MarketRules.Tests.Cases;

// Messages name states and events in the procedure rules' Chinese terms and the JSON names, never C# enum names
// ("案件处于“None”时不能发生“CaseOpened”" was the defect).
public sealed class CaseLabelsTests
{
    [Fact]
    public void EveryStateAndEvent_HasAChineseLabel()
    {
        Assert.Equal((Enum.GetValues<CaseState>().Length, Enum.GetValues<CaseEventKind>().Length), CaseLabels.Counts);
        Assert.All(Enum.GetValues<CaseState>(), s => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", CaseLabels.Of(s).Chinese));
        Assert.All(Enum.GetValues<CaseEventKind>(), e => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", CaseLabels.Of(e).Chinese));
    }

    [Fact]
    public void IllegalTransition_NamesStateAndEventInEachLanguage()
    {
        var json = MarketRules.Tests.Engine.FreshRules.Engine().Evaluate("""{ "rule": "case.transition/1", "asOf": "2024-10-08", "input": { "history": [], "event": { "kind": "case-opened", "at": "2024-10-08T02:00:00Z" } } }""");
        using var decision = System.Text.Json.JsonDocument.Parse(json);
        var error = decision.RootElement.GetProperty("errors")[0];
        Assert.Equal("MR.Cases.IllegalTransition", error.GetProperty("code").GetString());
        Assert.StartsWith("案件处于“尚无线索”时不能发生“立案”", error.GetProperty("message").GetProperty("zh").GetString());
        Assert.StartsWith("A case in state 'none' cannot take event 'case-opened'", error.GetProperty("message").GetProperty("en").GetString());
        Assert.DoesNotContain("CaseOpened", json);
    }
}
