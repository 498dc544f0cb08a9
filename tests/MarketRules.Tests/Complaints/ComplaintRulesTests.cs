using System.Text.Json;
using MarketRules.Complaints;
using MarketRules.Engine;
using MarketRules.Engine.Rules.Complaints;
using MarketRules.Parameters;

namespace MarketRules.Tests.Complaints;

// The JSON door of complaint.transition/1 and report.reward/1: strict input, coded errors with paths, never an exception.
public class ComplaintRulesTests
{
    private static RuleEngine Engine => MarketRules.Tests.Engine.FreshRules.Engine();

    private const string Received = """{ "kind": "received", "at": "2026-04-15T02:00:00Z" }""";

    private static string Complaint(string input) => $$"""{ "rule": "complaint.transition/1", "asOf": "2026-04-15", "input": {{input}} }""";

    private static string Reward(string input, string jurisdiction = "330000") =>
        $$"""{ "rule": "report.reward/1", "asOf": "2026-06-30", "jurisdiction": "{{jurisdiction}}", "input": {{input}} }""";

    private static string Intake(string input) => $$"""{ "rule": "report.intake/1", "asOf": "2025-06-02", "input": {{input}} }""";

    public static TheoryData<string, string, string?> BadRequests() => new()
    {
        // Facts every event and every report must carry, wherever they stand
        { Complaint($$"""{ "history": [ { "kind": "received" } ], "event": {{Received}} }"""), "MR.Input.Required", "$.input.history[0].at" },
        { Intake("""{ "report": { "receivedOn": "2025-06-02", "respondentId": "S1", "factsKey": "x" } }"""), "MR.Input.Required", "$.input.report.reporterId" },
        { Intake("""{ "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "factsKey": "x" } }"""), "MR.Input.Required", "$.input.report.respondentId" },
        { Intake("""{ "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1" } }"""), "MR.Input.Required", "$.input.report.factsKey" },
        { Intake("""{ "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1", "factsKey": "x" }, "earlier": [ { "receivedOn": "2025-06-01", "respondentId": "S1", "factsKey": "x" } ] }"""), "MR.Input.Required", "$.input.earlier[0].reporterId" },
        { Reward("""{ "finesAndConfiscationsYuan": 10000 }"""), "MR.Rewards.LevelRequired", "$.input.level" },
        { Reward("""{ "level": "level1", "finesAndConfiscationsYuan": 1000000000000.01 }"""), "MR.Rewards.AmountNotInFen", "$.input.finesAndConfiscationsYuan" },
        // Unknown or misspelt members, at every level
        { Complaint($$"""{ "event": {{Received}}, "complaintNo": "C-1" }"""), "MR.Engine.UnknownMember", "$.input.complaintNo" },
        { Complaint("""{ "event": { "kind": "received", "at": "2026-04-15T02:00:00Z", "harmKnowOn": "2026-01-01" } }"""), "MR.Engine.UnknownMember", "$.input.event.harmKnowOn" },
        { Complaint($$"""{ "history": [ { "kind": "received", "at": "2026-04-15T02:00:00Z", "extra": 1 } ], "event": {{Received}} }"""), "MR.Engine.UnknownMember", "$.input.history[0].extra" },
        { Reward("""{ "level": "level1", "finesAndConfiscationYuan": 5 }"""), "MR.Engine.UnknownMember", "$.input.finesAndConfiscationYuan" },
        // Duplicate members
        { Complaint("""{ "event": { "kind": "received", "kind": "accepted", "at": "2026-04-15T02:00:00Z" } }"""), "MR.Engine.DuplicateMember", "$.input.event.kind" },
        // Wrong enum spellings
        { Complaint("""{ "event": { "kind": "recieved", "at": "2026-04-15T02:00:00Z" } }"""), "MR.Engine.WrongType", "$.input.event.kind" },
        { Complaint("""{ "event": { "kind": "refused", "at": "2026-04-15T02:00:00Z", "refusalGrounds": ["too-late"] } }"""), "MR.Engine.WrongType", "$.input.event.refusalGrounds[0]" },
        { Complaint("""{ "event": { "kind": "testing-started", "at": "2026-04-15T02:00:00Z", "pause": 1 } }"""), "MR.Engine.WrongType", "$.input.event.pause" },
        { Reward("""{ "level": "level-1" }"""), "MR.Engine.WrongType", "$.input.level" },
        { Reward("""{ "level": "level1", "rounding": "bankers" }"""), "MR.Engine.WrongType", "$.input.rounding" },
        // Impossible dates and instants
        { Complaint("""{ "event": { "kind": "received", "at": "2026-02-30T02:00:00Z" } }"""), "MR.Engine.WrongType", "$.input.event.at" },
        { Complaint("""{ "event": { "kind": "received", "at": "2026-04-15T02:00:00Z", "harmKnownOn": "2023-13-01" } }"""), "MR.Engine.WrongType", "$.input.event.harmKnownOn" },
        { Reward("""{ "level": "level1", "closedOn": "30/06/2026" }"""), "MR.Engine.WrongType", "$.input.closedOn" },
        // Missing and null members
        { Complaint("""{ }"""), "MR.Input.Required", "$.input.event" },
        { Complaint("""{ "event": null }"""), "MR.Input.Required", "$.input.event" },
        { Complaint("""{ "event": { "kind": "received" } }"""), "MR.Input.Required", "$.input.event.at" },
        // Numbers out of range
        { Reward("""{ "level": "level1", "finesAndConfiscationsYuan": -1 }"""), "MR.Rewards.NegativeAmount", "$.input.finesAndConfiscationsYuan" },
        { Reward("""{ "level": "level1", "finesAndConfiscationsYuan": 1.001 }"""), "MR.Rewards.AmountNotInFen", "$.input.finesAndConfiscationsYuan" },
        { Reward("""{ "level": "level1", "finesAndConfiscationsYuan": 1e40 }"""), "MR.Engine.ValueOutOfRange", "$.input.finesAndConfiscationsYuan" },
        // Law not in force
        { Complaint("""{ "event": { "kind": "received", "at": "2019-06-03T02:00:00Z" } }"""), "MR.Complaints.NoOrderInForce", "$.input.event" },
        { Reward("""{ "level": "level1", "suspectedCrime": true, "closedOn": "2021-11-30" }"""), "MR.Parameter.NotInForce", "$.input" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Evaluate_BadInput_AnswersACodedLocatedBilingualError(string request, string code, string? path)
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(request));
        var root = decision.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean(), root.GetRawText());
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors, e => e.GetProperty("code").GetString() == code);
        Assert.Equal(path, error.TryGetProperty("path", out var p) ? p.GetString() : null);
        var zh = error.GetProperty("message").GetProperty("zh").GetString()!;
        var en = error.GetProperty("message").GetProperty("en").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(zh));
        Assert.DoesNotContain("Exception", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ComplaintTransition_ExplainsTheOrderAndCitesIt()
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(Complaint($$"""{ "complaintId": "C-9", "event": {{Received}} }""")));
        var root = decision.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean(), root.GetRawText());
        Assert.Equal("order121", root.GetProperty("result").GetProperty("order").GetString());
        var reasons = root.GetProperty("explanation").GetProperty("reasons").EnumerateArray().ToList();
        var governing = Assert.Single(reasons, r => r.GetProperty("code").GetString() == "MR.Complaints.GoverningOrder");
        Assert.Contains("第四十六条", governing.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Reward_UsesTheShippedProvincialPack_AndACallersPackWins()
    {
        var rule = new ReportRewardRule();
        var zhejiang = Jurisdiction.Parse("330000").GetValueOrThrow();
        var input = new ReportRewardInput { Level = RewardLevel.Level3, FinesAndConfiscationsYuan = 150_000m };
        var national = new RuleContext(new LocalDate(2026, 6, 30), zhejiang, NationalCatalog.Policy, Calendar.PeriodCalculator.China);
        Assert.True(rule.Evaluate(input, national).Value!.Result.Eligible);

        var own = PolicyPack.Parse("""
            { "id": "zhejiang-stricter", "jurisdiction": "330000", "title": { "zh": "测试", "en": "test" },
              "citation": { "document": { "zh": "测试", "en": "test" }, "status": "from-memory" },
              "parameters": { "rewards.large-amount": { "unit": "yuan", "values": [ { "from": "2021-12-01", "value": 200000 } ] } } }
            """, NationalCatalog.Catalog).GetValueOrThrow();
        var stricter = new RuleContext(new LocalDate(2026, 6, 30), zhejiang, NationalCatalog.Policy.WithPack(own).GetValueOrThrow(), Calendar.PeriodCalculator.China);
        Assert.False(rule.Evaluate(input, stricter).Value!.Result.Eligible);
    }

    [Fact]
    public void Reward_TheLargestAmountTheRuleTakes_IsDecided_AndCappedByArt12()
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(Reward("""{ "level": "level1", "finesAndConfiscationsYuan": 1000000000000, "closedOn": "2026-06-01" }""")));
        var result = decision.RootElement.GetProperty("result");
        Assert.True(result.GetProperty("capApplied").GetBoolean(), decision.RootElement.GetRawText());
    }

    [Theory]
    [InlineData("\"reporterIsNaturalPerson\": false", "not-natural-person")]
    [InlineData("\"reporterExclusions\": [\"official-duty\"]", "official-duty")]
    [InlineData("\"reporterExclusions\": [\"violator\", \"infringed-party\"]", "violator")]
    public void Reward_TheReportersStandingFromJson_ExcludesTheReward_MeasuresArt6(string member, string exclusion)
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(Reward($$"""{ "level": "level1", "finesAndConfiscationsYuan": 10000, "closedOn": "2026-06-01", {{member}} }""")));
        var result = decision.RootElement.GetProperty("result");
        Assert.False(result.GetProperty("eligible").GetBoolean());
        Assert.Contains(exclusion, result.GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()));
        using var plain = JsonDocument.Parse(Engine.Evaluate(Reward("""{ "level": "level1", "finesAndConfiscationsYuan": 10000, "closedOn": "2026-06-01" }""")));
        Assert.DoesNotContain(exclusion, plain.RootElement.GetProperty("result").GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Intake_EarlierReportOnTheSameDay_AndFilingOnTheDayOfReceipt_AreInOrder()
    {
        using var decision = JsonDocument.Parse(Engine.Evaluate(Intake("""
            { "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1", "factsKey": "x", "realName": true },
              "earlier": [ { "receivedOn": "2025-06-02", "reporterId": "R2", "respondentId": "S1", "factsKey": "y" } ],
              "filingDecidedOn": "2025-06-02" }
            """)));
        Assert.True(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
        Assert.Equal("2025-06-09", decision.RootElement.GetProperty("result").GetProperty("realNameNoticeBy").GetString());
    }

    [Fact]
    public void ComplaintContract_ReadDirectlyWithTheRulesTypeInfo_RefusesARepeatedMember()
    {
        // A caller that deserialises with the rule's own type info (not through the engine) gets the same strictness.
        var input = new MarketRules.Engine.Rules.Complaints.ComplaintTransitionRule().Input;
        Assert.ThrowsAny<JsonException>(() => { _ = JsonSerializer.Deserialize("""{ "complaintId": "a", "complaintId": "b" }""", input); });
    }

    [Fact]
    public void ComplaintEventInput_TypedDefaultRefusalGrounds_ReadAsNone()
    {
        var input = new MarketRules.Engine.Rules.Complaints.ComplaintEventInput { Kind = ComplaintEventKind.Refused, RefusalGrounds = default };
        Assert.False(input.RefusalGrounds.IsDefault);
        Assert.Empty(input.RefusalGrounds);
    }

    // The three facts below are also rows of the bad-request theory; as facts of their own they are what a mutation run
    // attributes reliably (Stryker.NET with xUnit 2 does not always switch a mutant on for a theory's row).

    [Fact]
    public void Intake_ReportWithoutReporterRespondentOrFacts_EachRequiredAtItsPath_NothingDecided()
    {
        // Order 20 keys a repeated report by who reported, whom, and which facts: without them there is nothing to compare.
        foreach (var (report, missing) in new[]
        {
            ("""{ "receivedOn": "2025-06-02", "respondentId": "S1", "factsKey": "x" }""", "reporterId"),
            ("""{ "receivedOn": "2025-06-02", "reporterId": "R1", "factsKey": "x" }""", "respondentId"),
            ("""{ "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1" }""", "factsKey"),
        })
        {
            using var decision = JsonDocument.Parse(Engine.Evaluate(Intake($$"""{ "report": {{report}} }""")));
            Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
            var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal(("MR.Input.Required", "$.input.report." + missing), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        }
    }

    [Fact]
    public void Reward_ReporterNotANaturalPerson_NoReward_Art6()
    {
        static string[] Exclusions(bool naturalPerson)
        {
            using var decision = JsonDocument.Parse(Engine.Evaluate(Reward($$"""{ "level": "level1", "finesAndConfiscationsYuan": 10000, "closedOn": "2026-06-01", "reporterIsNaturalPerson": {{(naturalPerson ? "true" : "false")}} }""")));
            return [.. decision.RootElement.GetProperty("result").GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()!)];
        }
        Assert.Contains("not-natural-person", Exclusions(naturalPerson: false));
        Assert.DoesNotContain("not-natural-person", Exclusions(naturalPerson: true));
    }

    [Fact]
    public void Reward_WithoutALevel_LevelRequired_NothingDecided()
    {
        // Art 9's percentages are by level: a reward without one cannot be computed.
        using var decision = JsonDocument.Parse(Engine.Evaluate(Reward("""{ "finesAndConfiscationsYuan": 10000, "closedOn": "2026-06-01" }""")));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
        var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("MR.Rewards.LevelRequired", "$.input.level"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }

    [Fact]
    public void Intake_ReportWithoutItsDayOfReceipt_RequiredAtItsPath_InTheEarlierReportsToo()
    {
        // Which order applies (Order 20 or Order 121) and every period of the verification count from the day of receipt.
        foreach (var (input, path) in new[]
        {
            ("""{ "report": { "reporterId": "R1", "respondentId": "S1", "factsKey": "x" } }""", "$.input.report.receivedOn"),
            ("""{ "report": { "receivedOn": "2025-06-02", "reporterId": "R1", "respondentId": "S1", "factsKey": "x" }, "earlier": [ { "reporterId": "R2", "respondentId": "S1", "factsKey": "x" } ] }""", "$.input.earlier[0].receivedOn"),
        })
        {
            using var decision = JsonDocument.Parse(Engine.Evaluate(Intake(input)));
            Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
            var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal(("MR.Input.Required", path), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        }
    }

    [Fact]
    public void Transition_EventWithoutItsKind_MissingField_NotAComplaintReceived()
    {
        // Left out, "kind" read as the first kind, a complaint received, and was decided as one.
        using var decision = JsonDocument.Parse(Engine.Evaluate(Complaint("""{ "event": { "at": "2026-04-15T02:00:00Z" } }""")));
        Assert.False(decision.RootElement.GetProperty("ok").GetBoolean(), decision.RootElement.GetRawText());
        var error = Assert.Single(decision.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("MR.Engine.MissingField", "$.input.event.kind"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
    }
}
