using System.Text;
using System.Text.Json;
using MarketRules.Subsidies;

namespace MarketRules.Tests.Subsidies;

/// <summary>
/// The ledger's answers as every door writes them (<see cref="SubsidyLedgerJson"/>: the <c>marketrules subsidy</c>
/// commands and the HTTP claims endpoints), member for member: a reservation held, one wait-listed, one refused for a
/// key another claim holds, one refused for budget; a decision with and without its explanation and with the
/// reservation as it stands now; the balances; every journal line. A renamed or dropped member breaks a bureau's
/// client, so the shape is asserted whole (issue 18: the hosts' tests are not in the mutation run).
/// </summary>
public class SubsidyLedgerJsonWriterTests
{
    private static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void EveryAnswerOfTheLedger_MemberForMember_MatchesSnapshot()
    {
        var scheme = SubsidyTestData.OnePhase(30_000, exhaustion: "wait-list-next-phase", extraPhase: SubsidyTestData.JulyPhase,
            overall: "\"overallBudgetFen\": 100000,", quota: "5");
        var clock = new NodaTime.Testing.FakeClock(SubsidyTestData.June15);
        var ledger = new InMemorySubsidyLedger(scheme, clock);
        var allocator = new SubsidyAllocator(ledger);
        var text = new StringBuilder();

        var granted = allocator.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15));
        clock.AdvanceMinutes(1);
        var waitListed = allocator.Submit(SubsidyTestData.Claim(2, SubsidyTestData.June15));
        var again = allocator.Submit(SubsidyTestData.Claim(3, SubsidyTestData.June15, person: 1));
        var repeat = allocator.Submit(SubsidyTestData.Claim(1, SubsidyTestData.June15));
        var july = allocator.Submit(SubsidyTestData.Claim(4, SubsidyTestData.July15));
        var exhausted = allocator.Submit(SubsidyTestData.Claim(5, SubsidyTestData.July15));
        clock.AdvanceMinutes(1);
        var confirmed = ledger.Confirm("C000001").GetValueOrThrow();
        Assert.True(ledger.Release("C000002").IsSuccess);

        text.AppendLine("# reservations");
        foreach (var decision in new[] { granted, waitListed, again, july, exhausted })
        {
            text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, decision.Reservation!)));
        }
        text.AppendLine("# decisions");
        text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, granted, explain: false)));
        text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, repeat, explain: false)));
        text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, granted, explain: false, current: confirmed)));
        text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, exhausted)));
        text.AppendLine("# balances");
        text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, ledger.Snapshot())));
        text.AppendLine("# journal");
        foreach (var entry in ledger.Entries())
        {
            text.AppendLine(Written(w => SubsidyLedgerJson.Write(w, entry)));
        }
        Snapshooter.Xunit.Snapshot.Match(text.ToString());
    }

    [Fact]
    public void Write_NullArguments_ArgumentNullException()
    {
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        var reservation = new SubsidyReservation("C1", SubsidyReservationState.Reserved, 1, Money.Zero, null, SubsidySchemes.Gongshu2022.Citation);
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.Write(null!, reservation));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.Write(writer, (SubsidyReservation)null!));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.Write(writer, (SubsidyDecision)null!));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.Write(writer, (SubsidyLedgerSnapshot)null!));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.Write(writer, (SubsidyLedgerEntry)null!));
        Assert.Throws<ArgumentNullException>(() => SubsidyLedgerJson.WriteClaim(null!));
    }
}
