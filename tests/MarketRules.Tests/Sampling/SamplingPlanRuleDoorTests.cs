using System.Text;
using System.Text.Json;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Engine.Rules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>
/// sampling.plan/1 as a JSON caller meets it: every fault of a roster record coded at its path with the record's code
/// and the faulty value in its arguments (read by hand in the snapshot), a roster with nothing in it, a null record from
/// a typed caller; and a plan drawn with the caller's exclusions, explained (国家市场监督管理总局 2019 plan, SAMR
/// double-random rules).
/// </summary>
public class SamplingPlanRuleDoorTests
{
    private const string Seed = "00112233445566778899aabbccddeeff";

    private static readonly string[] Codes = ["91330105MA2H000010", "91330105MA2H000023", "91330105MA2H000036", "91330105MA2H000049", "91330105MA2H00005C"];

    private static string Plan(string roster, string more = "") =>
        $$$"""{"rule":"sampling.plan/1","asOf":"2025-03-01","input":{"taskId":"t-1","seed":"{{{Seed}}}","roster":[{{{roster}}}]{{{more}}}}}""";

    private static string Record(string code, string tier = "A") =>
        $$"""{"creditCode":"{{code}}","name":"Entity {{code[^2..]}}","region":"330105","industry":"C14","tier":"{{tier}}","status":"active"}""";

    private static string Errors(string request)
    {
        using var decision = JsonDocument.Parse(FreshRules().Evaluate(request));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean());
        var text = new StringBuilder();
        foreach (var error in decision.RootElement.GetProperty("errors").EnumerateArray())
        {
            var message = error.GetProperty("message");
            text.Append(error.GetProperty("code").GetString()).Append(" at ").Append(error.GetProperty("path").GetString()).AppendLine()
                .Append("  ").AppendLine(message.GetProperty("zh").GetString())
                .Append("  ").AppendLine(message.GetProperty("en").GetString())
                .Append("  ").AppendLine(error.TryGetProperty("arguments", out var arguments) ? arguments.GetRawText() : "{}");
        }
        return text.ToString();
    }

    private static RuleEngine FreshRules() => MarketRules.Tests.Engine.FreshRules.Engine();

    [Fact]
    public void RosterFaults_EachCodedAtItsPath_WithTheRecordAndTheValue_MatchSnapshot()
    {
        var faulty = string.Join(",",
            Record(Codes[0]),
            """{"creditCode":"91330105MA2H000011","name":"Bad check","region":"000000","industry":"C14","tier":"E","status":"closed"}""",
            """{"creditCode":"91330105MA2H000023","name":"No tier","region":"33010X","industry":"C14"}""",
            """{"name":"Nothing","industry":"C14"}""",
            """{"name":"No code, bad class and region","region":"000000","industry":"C14","tier":"E"}""");
        var text = new StringBuilder()
            .AppendLine("## faulty records").Append(Errors(Plan(faulty)))
            .AppendLine("## an empty roster").Append(Errors(Plan("")));
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void TypedNullRecord_CodedAtItsIndex_NothingDrawn()
    {
        var rule = new SamplingPlanRule();
        var input = new SamplingPlanInput { TaskId = "t-1", Seed = Seed, Roster = [null!] };
        var result = rule.EvaluateUntyped(input, new RuleContext(new LocalDate(2025, 3, 1), default, NationalCatalog.Policy, PeriodCalculator.China));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("MR.Sampling.InvalidCreditCode", "$.roster[0]"), (error.Code, error.Path));
        Assert.Equal("Record 1 of the entity directory has an invalid unified social credit code : the record is null", error.Message.English);
        Assert.Equal("名录库第 1 条记录的统一社会信用代码  无效：记录为空", error.Message.Chinese);
        Assert.Equal(("0", "1", ""), (error.Arguments["Index"], error.Arguments["Number"], error.Arguments["Code"]));
    }

    [Fact]
    public void EmptyRosterAndABadSeed_BothReported_EveryErrorAtOnce()
    {
        using var decision = JsonDocument.Parse(FreshRules().Evaluate(
            """{"rule":"sampling.plan/1","asOf":"2025-03-01","input":{"taskId":"t-1","seed":"zz","roster":[]}}"""));
        Assert.Equal(["MR.Sampling.InvalidSeed@$.input.seed", "MR.Sampling.EmptyRoster@$.input.roster"],
            decision.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString() + "@" + e.GetProperty("path").GetString()));
    }

    [Fact]
    public void Plan_WithTheCallersExclusions_NeverDrawsThem_AndExplainsTheDraw()
    {
        var roster = string.Join(",", Codes.Select(c => Record(c)));
        var excluded = Codes[..4];
        using var plain = JsonDocument.Parse(FreshRules().Evaluate(Plan(roster)));
        using var without = JsonDocument.Parse(FreshRules().Evaluate(Plan(roster, ",\"exclusions\":[" + string.Join(",", excluded.Select(c => "\"" + c + "\"")) + "]")));
        Assert.True(without.RootElement.GetProperty("ok").GetBoolean(), without.RootElement.GetRawText());
        var receipt = without.RootElement.GetProperty("result").GetProperty("receipt");
        var selected = receipt.GetProperty("strata").EnumerateArray()
            .SelectMany(s => s.GetProperty("selected").EnumerateArray()).Select(e => e.GetProperty("creditCode").GetString()).ToList();
        // Five active enterprises, 5 % coverage rounded up: one is drawn, and only the one not excluded can be.
        Assert.Equal([Codes[4]], selected);
        Assert.Equal(excluded, receipt.GetProperty("policy").GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(plain.RootElement.GetProperty("result").GetProperty("receipt").GetProperty("policy").GetProperty("exclusions").EnumerateArray());
        var reasons = without.RootElement.GetProperty("explanation").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("MR.Sampling.PlanDrawn", reasons);
        Assert.DoesNotContain("MR.Sampling.RatiosScaled", reasons);
    }
}
