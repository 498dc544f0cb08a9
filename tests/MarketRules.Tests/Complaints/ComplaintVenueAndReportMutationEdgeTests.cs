using MarketRules.Complaints;
using MarketRules.Json;
using static MarketRules.Tests.Complaints.ComplaintFixture;

namespace MarketRules.Tests.Complaints;

/// <summary>
/// Edges of the competent bureau (Order 20 Art 12/14, Order 121 Art 13/15: the first receiver among competent bureaus;
/// a platform seller's address, or the platform's domicile) and of report intake (程序规定 Art 18; Order 121 Art 35 ¶2)
/// that the session-16 mutation run showed untested: a tie between receivers, the argument guards, and the texts.
/// </summary>
public class ComplaintVenueAndReportMutationEdgeTests
{
    private static readonly ReportHandling Handling = new(NationalCatalog.Law);

    private static ReportSubmission Report(LocalDate on, string facts = "expired-food", bool newFacts = false) => new(on, "R-1", "91330106MA2XXXXX1", facts, newFacts);

    private static string Venue(ComplaintVenue v) => $"{v.Bureau} | {v.Citation.Article?.Chinese} | {v.Reason.Chinese} | {v.Reason.English}";

    [Fact]
    public void FirstReceiver_TheEarliestReceipt_ATieGoesToTheFirstListed()
    {
        var t = At(D(2026, 6, 1));
        Assert.Equal("B", ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order121, [new("A", t.Plus(Duration.FromHours(1))), new("B", t)]).Bureau);
        Assert.Equal("A", ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order121, [new("A", t), new("B", t)]).Bureau);
    }

    [Fact]
    public void FirstReceiver_NoReceipts_AndPlatformSeller_NoPlatformBureau_AreArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order121, null!));
        var empty = Assert.Throws<ArgumentException>(() => ComplaintJurisdiction.FirstReceiver(ComplaintOrder.Order121, []));
        Assert.Contains("At least one receipt is needed", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => ComplaintJurisdiction.PlatformSeller(ComplaintOrder.Order121, null!, "seller", true));
    }

    [Fact]
    public void Venues_UnderBothOrders_CiteTheOrdersArticle_MatchSnapshot()
    {
        var t = At(D(2026, 6, 1));
        var lines = new List<string>();
        foreach (var order in new[] { ComplaintOrder.Order20, ComplaintOrder.Order121 })
        {
            lines.Add(Venue(ComplaintJurisdiction.FirstReceiver(order, [new("A", t.Plus(Duration.FromHours(1))), new("B", t)])));
            lines.Add(Venue(ComplaintJurisdiction.PlatformSeller(order, "platform", null, true)));
            lines.Add(Venue(ComplaintJurisdiction.PlatformSeller(order, "platform", "seller", false)));
            lines.Add(Venue(ComplaintJurisdiction.PlatformSeller(order, "platform", "seller", true, complainantPrefersPlatform: true)));
            lines.Add(Venue(ComplaintJurisdiction.PlatformSeller(order, "platform", "seller", true)));
        }
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", lines));
    }

    [Fact]
    public void Receive_NullEarlierOrReport_AreArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => Handling.Receive(null!, Report(D(2026, 6, 1))));
        Assert.Throws<ArgumentNullException>(() => Handling.Receive([], null!));
    }

    [Fact]
    public void Intakes_Order20LastDay_Order121New_Repeat_MergedExtendedWithTesting_ExplanationsMatchSnapshot()
    {
        // 2026-04-14 is Order 20's last day; the rest are under Order 121.
        var intakes = new[]
        {
            Handling.Receive([], Report(D(2026, 4, 14))),
            Handling.Receive([], Report(D(2026, 4, 15)), extended: true),
            Handling.Receive([Report(D(2026, 5, 20))], Report(D(2026, 6, 1))),
            Handling.Receive([Report(D(2026, 5, 20)), Report(D(2026, 5, 25), "other-facts")], Report(D(2026, 6, 1), "more-batches", newFacts: true), extended: true,
                excluded: [new DateInterval(D(2026, 6, 2), D(2026, 6, 5))]),
        };
        Snapshooter.Xunit.Snapshot.Match(string.Join("\n", intakes.Select(i => MarketRulesJson.Serialize(i.GetValueOrThrow().Explanation))));
    }

    [Fact]
    public void RealNameNotice_Order20_FiveWorkingDaysFromTheFilingDecision_Order121_None()
    {
        // Filing decided Friday 2026-04-10: 5 working days end Friday 04-17 (Order 20 Art 31 ¶2, received 04-14).
        Assert.Equal(D(2026, 4, 17), Handling.RealNameNoticeDeadline(D(2026, 4, 14), D(2026, 4, 10))!.Value.LastDay);
        Assert.Null(Handling.RealNameNoticeDeadline(D(2026, 4, 15), D(2026, 4, 20)));
    }
}
