using MarketRules.Calendar;
using MarketRules.Campaigns;
using MarketRules.Cases;
using MarketRules.Credit;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Sampling;
using MarketRules.Tests.Engine;

namespace MarketRules.Tests.Kernel;

// The message paths the vector mutations do not reach (documents read outside the engine, a case rejection that names
// a fact): every zh text without an ASCII identifier or English sentence, every en text without Chinese, and no .NET
// exception text in either.
public class BilingualMessageTests
{
    public static TheoryData<string, Func<IEnumerable<RuleError>>> Refusals() => new()
    {
        { "receipt not JSON", () => SamplingReceipt.FromJson("{ \"taskId\": ").Errors },
        { "receipt of the wrong type", () => SamplingReceipt.FromJson("""{ "taskId": [1, 2] }""").Errors },
        { "calendar not JSON", () => CalendarData.ParseYears("{ \"years\": [").Errors },
        { "calendar without years", () => CalendarData.ParseYears("{}").Errors },
        { "policy pack not JSON", () => PolicyPack.Parse("{ \"id\": ", PolicyPackTests.Catalog).Errors },
        { "policy pack of the wrong type", () => PolicyPack.Parse("""{ "id": [1] }""", PolicyPackTests.Catalog).Errors },
        { "policy pack misspelt", () => PolicyPack.Parse("""{ "idx": "a" }""", PolicyPackTests.Catalog).Errors },
        { "policy pack without its members", () => PolicyPack.Parse("""{ "id": "a", "jurisdiction": "330000" }""", PolicyPackTests.Catalog).Errors },
        { "credit policy of the wrong type", () => CreditRiskPolicy.Parse("""{ "id": { } }""").Errors },
        { "credit policy unknown indicator", () => CreditRiskPolicy.Parse("""{ "id": "p", "effectiveFrom": "2024-01-01", "indicators": { "tax-arrears": { "weight": 1, "cap": 1 } }, "cutPoints": { "b": 1, "c": 2, "d": 3 } }""").Errors },
        { "local tiers not JSON", () => LocalTierPolicy.Parse("{ \"id\": ").Errors },
        { "local tiers unknown tier", () => LocalTierPolicy.Parse("""{ "id": "x", "jurisdiction": "330100", "tiers": { "amber": { "records": [], "lookBackYears": 1, "inspectionFrequencyMultiplier": 1 } } }""").Errors },
        { "campaign pack of the wrong type", () => CampaignPlan.Parse("""{ "id": 5 }""").Errors },
        { "campaign pack without members", () => CampaignPlan.Parse("""{ "id": "x" }""").Errors },
        { "case lead without the act's date", () => [new CaseStateMachine(NationalCatalog.Law).Apply(CaseSnapshot.Initial,
            CaseEvent.Of(CaseEventKind.LeadReceived, new LocalDate(2025, 3, 3).At(new LocalTime(10, 0)).InZoneStrictly(LegalTime.Zone).ToInstant())).ToRuleError()] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refusal_IsCodedLocatedAndBilingualWithoutLeaks(string what, Func<IEnumerable<RuleError>> refuse)
    {
        var errors = refuse().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            Assert.StartsWith("MR.", error.Code, StringComparison.Ordinal);
            Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
            Assert.False(StrictDoorVectorMutationTests.LeaksIntoChinese(error.Message.Chinese), what + " zh: " + error.Message.Chinese);
            Assert.False(StrictDoorVectorMutationTests.LeaksIntoEnglish(error.Message.English), what + " en: " + error.Message.English);
            foreach (var text in new[] { error.Message.Chinese, error.Message.English })
            {
                // System.Text.Json's exception texts: "… could not be converted to System.String. Path: $ | LineNumber: 0 | BytePositionInLine: 4."
                Assert.DoesNotContain("LineNumber", text, StringComparison.Ordinal);
                Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("MarketRules.", text, StringComparison.Ordinal);
            }
        });
    }

    // The leak check sees an identifier glued to Chinese text (.NET's \b does not: CJK characters are word characters
    // to it), a kebab-case or quoted id, and leaves dates, numbers, codes and units alone.
    [Theory]
    [InlineData("适用order20：总局令第20号", true)]
    [InlineData("投诉由“received”转为“accepted”", true)]
    [InlineData("调解期限：mediation-limit，最后一日2026-06-16", true)]
    [InlineData("案件处于“None”时不能发生“CaseOpened”", true)]
    [InlineData("投诉于2026-04-15收到，适用国家市场监督管理总局令第121号", false)]
    [InlineData("新车执行标准 GB 17761-2018，罚没款50000.00元，$.input.excluded[0] 的类型错误", false)]
    public void LeakCheck_SeesIdentifiersGluedToChinese(string zh, bool leaks) =>
        Assert.Equal(leaks, StrictDoorVectorMutationTests.LeaksIntoChinese(zh));

    [Fact]
    public void PublicCreate_WithALocalizedValue_ShowsEachLanguageItsOwnText()
    {
        // What a host writes when the body cannot be read at all (HTTP framing): the engine's code, each language whole.
        var error = EngineErrors.InvalidJson.Create("$", ("Detail", new LocalizedText("无法读取请求正文", "the request body could not be read")));
        Assert.Equal("请求不是有效的 JSON：无法读取请求正文", error.Message.Chinese);
        Assert.Equal("The request is not valid JSON: the request body could not be read", error.Message.English);
        Assert.Equal("无法读取请求正文", error.Arguments["Detail"]);
        // A plain value is the same in both.
        Assert.Equal("The request is not valid JSON: 12", EngineErrors.InvalidJson.Create("$", ("Detail", 12)).Message.English);
    }

    [Theory]
    [InlineData("{ \"rule\": ")]
    [InlineData("[1, 2")]
    [InlineData("{ \"rule\": \"calendar.deadline/1\", \"asOf\": \"2025-01-01\", \"input\": { \"trigger\": \"2025-01-01\", \"length\": \"x\", \"unit\": \"days\" } }")]
    public void Engine_Malformed_IsDescribedInTheLibrarysOwnWords(string request)
    {
        using var decision = System.Text.Json.JsonDocument.Parse(RuleEngine.Default.Evaluate(request));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean());
        var errors = decision.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            var message = error.GetProperty("message");
            var zh = message.GetProperty("zh").GetString()!;
            var en = message.GetProperty("en").GetString()!;
            Assert.False(StrictDoorVectorMutationTests.LeaksIntoChinese(zh), zh);
            Assert.False(StrictDoorVectorMutationTests.LeaksIntoEnglish(en), en);
            Assert.DoesNotContain("LineNumber", en, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void CalendarReason_NamesTheKindOfDayInWords()
    {
        // 2025-01-26 (a Sunday) was a make-up workday before the Spring Festival.
        var answer = RuleEngine.Default.Evaluate("""{ "rule": "calendar.working-days/1", "asOf": "2025-01-26", "input": { "date": "2025-01-26" } }""");
        Assert.Contains("调休上班日", answer, StringComparison.Ordinal);
        Assert.Contains("is a make-up workday", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("日期类型为", answer, StringComparison.Ordinal);
    }
}
