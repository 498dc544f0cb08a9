using System.Text.Json;
using System.Text.Json.Nodes;
using MarketRules.Calendar;
using MarketRules.Json;
using MarketRules.Parameters;
using Snapshooter;
using Snapshooter.Xunit;

namespace MarketRules.Tests.Kernel;

public class ExplanationJsonTests
{
    private static readonly MessageDefinition InTime = new("MR.Test.InTime",
        "陈述申辩期限为 {Days} 个工作日，截止于 {LastDay}",
        "The statement period is {Days} working days and ends on {LastDay}");

    private static Explanation SmallExplanation()
    {
        var context = PolicyContext.National(PolicyPackTests.Catalog);
        var builder = new ExplanationBuilder("kernel.example/1", new LocalDate(2024, 9, 27), "330105");
        var period = context.Resolve(PolicyPackTests.StatementPeriod, builder.AsOf);
        builder.Use(period);
        var deadline = PeriodCalculator.China.Deadline(builder.AsOf, period.AsPeriod());
        builder.Add(InTime.ToReason(LegalPeriod.AdministrativePenaltyLawArticle85, ("Days", period.Value), ("LastDay", deadline.LastDay)));
        builder.Add(ComputedDate.FromDeadline("case.statement-deadline", new LocalizedText("陈述申辩截止日", "Statement deadline"), deadline,
            LegalPeriod.AdministrativePenaltyLawArticle85));
        return builder.Build("in-time");
    }

    [Fact]
    public void Serialize_SmallExplanation_MatchesTheContractSnapshot()
    {
        var json = MarketRulesJson.Serialize(SmallExplanation());
        // Stored indented so that a change to the contract reads as a reviewable diff; re-encoded as the library
        // encodes, so that the snapshot also pins which characters are escaped.
        var readable = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = MarketRulesJson.Encoder });
        // Snapshots live in __snapshots__ beside this file. The folder is given explicitly: CI builds map source
        // paths to /_/, so Snapshooter could not find it from the PDB.
        Snapshot.Match(readable, new SnapshotFullName("ExplanationJsonTests.Serialize_SmallExplanation.snap",
            Path.Combine(RepositoryPaths.Root, "tests", "MarketRules.Tests", "Kernel")));
    }

    [Fact]
    public void Serialize_SmallExplanation_UsesIsoDatesKebabCaseAndBothLanguages()
    {
        using var document = JsonDocument.Parse(MarketRulesJson.Serialize(SmallExplanation()));
        var root = document.RootElement;
        Assert.Equal("2024-09-27", root.GetProperty("asOf").GetString());
        Assert.Equal("330105", root.GetProperty("jurisdiction").GetString());
        var reason = root.GetProperty("reasons")[0];
        // 2024-09-27 + 5 working days: 09-29 (Sun, make-up), 09-30, 10-08, 10-09, 10-10.
        Assert.Equal("陈述申辩期限为 5 个工作日，截止于 2024-10-10", reason.GetProperty("message").GetProperty("zh").GetString());
        Assert.Equal("The statement period is 5 working days and ends on 2024-10-10", reason.GetProperty("message").GetProperty("en").GetString());
        Assert.Equal("verified-official", reason.GetProperty("citation").GetProperty("status").GetString());
        var parameter = root.GetProperty("parameters")[0];
        Assert.Equal("working-days", parameter.GetProperty("unit").GetString());
        Assert.Equal("2021-07-15", parameter.GetProperty("effectiveFrom").GetString());
        var date = root.GetProperty("dates")[0];
        Assert.Equal("2024-10-10", date.GetProperty("date").GetString());
        Assert.Equal("2024-10-10T16:00:00Z", date.GetProperty("expiresAt").GetString());
    }
}
