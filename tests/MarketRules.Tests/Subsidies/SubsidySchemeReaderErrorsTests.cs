using System.Text;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

/// <summary>
/// A local scheme is policy a bureau writes (issue 18: the reader's checks were mostly unmeasured). Every fault of a
/// scheme is refused with its code, its path and both texts, all faults at once; each limit is accepted at its edge
/// (zero fen, a quota of zero, a window or phase of one instant, phases that touch the window's ends, a hold of
/// 8,784 hours) and refused one step past it.
/// </summary>
public class SubsidySchemeReaderErrorsTests
{
    private const string Citation = """{ "document": { "zh": "测试", "en": "Test" }, "status": "project-requirement" }""";

    private static string Scheme(string phases = "", string extra = "", string validity = """{ "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" }""") =>
        $$"""
        {
          "id": "edge", "jurisdiction": "330105",
          "title": { "zh": "测试", "en": "Test" },
          "citation": {{Citation}},
          "validity": {{validity}},{{extra}}
          "phases": [ {{(phases.Length > 0 ? phases : Phase("2022-06-01T00:00:00", "2022-06-30T23:59:59"))}} ]
        }
        """;

    private static string Phase(string start, string end, string members = "\"amountFen\": 30000") =>
        $$"""{ "start": "{{start}}", "end": "{{end}}", {{members}}, "citation": {{Citation}} }""";

    private static RuleResult<SubsidyScheme> Parse(string json) => SubsidyScheme.Parse(json);

    [Fact]
    public void EveryFaultOfAScheme_CodedAtItsPathInBothLanguages_MatchSnapshot()
    {
        var cases = new (string Name, string Json)[]
        {
            ("nothing but braces", "{}"),
            ("no title, citation or validity", """{ "id": "x", "jurisdiction": "330105", "phases": [] }"""),
            ("blank id, bad jurisdiction", Scheme().Replace("\"id\": \"edge\"", "\"id\": \" \"", StringComparison.Ordinal).Replace("330105", "33010", StringComparison.Ordinal)),
            ("window ends before it starts", Scheme(validity: """{ "start": "2022-06-01T00:00:00", "end": "2022-05-31T23:59:59" }""")),
            ("negative amounts and quotas", Scheme(extra: """ "overallBudgetFen": -1, "overallQuota": -1, "minimumNewBikePriceFen": -1,""",
                phases: Phase("2022-06-01T00:00:00", "2022-06-30T23:59:59", "\"amountFen\": -1, \"budgetFen\": -1, \"quota\": -1"))),
            ("a phase without its members", Scheme(phases: """{ "start": "2022-06-01T00:00:00" }""")),
            ("a phase that ends before it starts", Scheme(phases: Phase("2022-06-30T00:00:00", "2022-06-01T00:00:00"))),
            ("a phase outside the window", Scheme(phases: Phase("2022-05-31T23:59:59", "2022-06-30T23:59:59") + ", " + Phase("2022-07-01T00:00:00", "2022-09-01T00:00:00"))),
            ("phases overlapping, touching at an instant", Scheme(phases: Phase("2022-06-01T00:00:00", "2022-06-30T23:59:59") + ", " + Phase("2022-06-30T23:59:59", "2022-07-31T23:59:59"))),
            ("a share of the price of 0 and of more than 1", Scheme(phases: Phase("2022-06-01T00:00:00", "2022-06-30T23:59:59", "\"amountFen\": 30000, \"rateOfPrice\": 0") + ", "
                + Phase("2022-07-01T00:00:00", "2022-07-31T23:59:59", "\"amountFen\": 30000, \"rateOfPrice\": 1.01"))),
            ("evidence without a step or kinds", Scheme(extra: """ "evidence": [ { "step": "recycling" }, { "evidence": ["recycling-receipt"] } ],""")),
            ("an extra without its members", Scheme(extra: """ "extras": [ { "id": "lithium-to-lead-acid" }, { "id": "x", "condition": "lithium-to-lead-acid", "amountFen": -5, "citation": """ + Citation + " } ],")),
            ("a hold without its citation", Scheme(extra: """ "reservationExpiry": { "hours": 72 },""")),
            ("a hold of 0 hours", Scheme(extra: """ "reservationExpiry": { "hours": 0, "citation": """ + Citation + " },")),
            ("a hold of 8,785 hours", Scheme(extra: """ "reservationExpiry": { "hours": 8785, "citation": """ + Citation + " },")),
        };
        var text = new StringBuilder();
        foreach (var (name, json) in cases)
        {
            var result = Parse(json);
            Assert.False(result.IsSuccess, name);
            text.Append("## ").AppendLine(name);
            foreach (var error in result.Errors)
            {
                text.Append(error.Code).Append(' ').Append(error.Path).Append(" | ").Append(error.Message.Chinese).Append(" | ").AppendLine(error.Message.English);
            }
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    // The edges a scheme may sit on: nothing is negative, a window and a phase may be a single instant, the first phase
    // may start at the window's first instant and the last end at its last, consecutive phases may meet one second
    // apart, a share of the whole price is allowed, and a hold may run a leap year of hours.
    [Fact]
    public void EveryLimit_AtItsEdge_IsAccepted()
    {
        var zeros = Parse(Scheme(extra: """ "overallBudgetFen": 0, "overallQuota": 0, "minimumNewBikePriceFen": 0,""",
            phases: Phase("2022-06-01T00:00:00", "2022-06-01T00:00:00", "\"amountFen\": 0, \"budgetFen\": 0, \"quota\": 0, \"rateOfPrice\": 1"))).GetValueOrThrow();
        Assert.Equal(Money.Zero, zeros.Phases[0].Amount);
        Assert.Equal(0, zeros.Phases[0].Quota);
        Assert.Equal(0, zeros.OverallQuota);
        Assert.Equal(1m, zeros.Phases[0].RateOfPrice);

        var instant = Parse(Scheme(validity: """{ "start": "2022-06-01T00:00:00", "end": "2022-06-01T00:00:00" }""",
            phases: Phase("2022-06-01T00:00:00", "2022-06-01T00:00:00"))).GetValueOrThrow();
        Assert.Equal(instant.ValidFromLocal, instant.ValidToLocal);

        var touching = Parse(Scheme(phases: Phase("2022-06-01T00:00:00", "2022-06-30T23:59:59") + ", " + Phase("2022-07-01T00:00:00", "2022-08-31T23:59:59"))).GetValueOrThrow();
        Assert.Equal([1, 2], touching.Phases.Select(p => p.Number));
        Assert.Equal(new LocalizedText("第2阶段", "Phase 2"), touching.Phases[1].Name);

        var longest = Parse(Scheme(extra: """ "reservationExpiry": { "hours": 8784, "citation": """ + Citation + " },")).GetValueOrThrow();
        Assert.Equal(Duration.FromHours(8784), longest.ReservationExpiry);
        var shortest = Parse(Scheme(extra: """ "reservationExpiry": { "hours": 1, "citation": """ + Citation + " },")).GetValueOrThrow();
        Assert.Equal(Duration.FromHours(1), shortest.ReservationExpiry);
    }

    // What a scheme leaves out takes the documented defaults: every uniqueness key, no evidence, refusal when a phase is
    // exhausted, rounding down to the fen, version "1", no extras, the library's 72-hour hold; a key named twice counts once.
    [Fact]
    public void OmittedMembers_TakeTheirDefaults_RepeatedKeysCountOnce()
    {
        var scheme = Parse(Scheme()).GetValueOrThrow();
        Assert.Equal([SubsidyUniquenessKey.PersonId, SubsidyUniquenessKey.OldPlate, SubsidyUniquenessKey.OldFrame, SubsidyUniquenessKey.NewFrame], scheme.UniquenessKeys.ToArray());
        Assert.Empty(scheme.Evidence);
        Assert.Empty(scheme.Extras);
        Assert.Equal(SubsidyExhaustionPolicy.Reject, scheme.Exhaustion);
        Assert.Equal(SubsidyRounding.DownToFen, scheme.Rounding);
        Assert.Equal("1", scheme.Version);
        Assert.Equal(SubsidyScheme.DefaultReservationExpiry, scheme.ReservationExpiry);
        Assert.Same(SubsidyScheme.DefaultReservationExpiryCitation, scheme.ReservationExpiryCitation);

        var keys = Parse(Scheme(extra: """ "uniqueness": ["old-plate", "person-id", "old-plate"],""")).GetValueOrThrow();
        Assert.Equal([SubsidyUniquenessKey.OldPlate, SubsidyUniquenessKey.PersonId], keys.UniquenessKeys.ToArray());
        Assert.Throws<ArgumentNullException>(() => SubsidyScheme.Parse(null!));
    }
}
