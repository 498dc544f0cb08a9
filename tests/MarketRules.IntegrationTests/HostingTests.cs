using MarketRules.Cases;
using MarketRules.Engine;
using MarketRules.Hosting;
using MarketRules.Parameters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MarketRules.IntegrationTests;

// MarketRules.Hosting in a plain service collection: what AddMarketRules registers, strict configuration, reload.
public sealed class HostingTests : IDisposable
{
    private static readonly string Henan = Repository.PathOf("src/MarketRules/Data/Sampling/henan-2021.json");
    private static readonly string MadeUp2027Notice = Repository.PathOf("tests/Shared/made-up-2027-notice.json");
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("marketrules-hosting-");

    [Fact]
    public void AddMarketRules_FromConfiguration_LoadsThePackAndRegistersLawEngineAndEvaluators()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MarketRules:PolicyPacks:0"] = Henan }).Build();
        using var services = new ServiceCollection().AddMarketRules(configuration.GetSection("MarketRules")).BuildServiceProvider();
        var law = services.GetRequiredService<IMarketRulesLaw>().Current;
        Assert.Single(law.PolicyPacks);
        Assert.Same(law.Law, services.GetRequiredService<LawContext>());
        Assert.Same(law.Engine, services.GetRequiredService<RuleEngine>());
        Assert.Same(law.Law.Policy, services.GetRequiredService<RuleEngine>().Policy);
        Assert.NotNull(services.GetRequiredService<CaseStateMachine>());
        Assert.NotNull(services.GetRequiredService<MarketRules.Referral.CriminalReferral>());
        Assert.Contains("\"ok\":true", services.GetRequiredService<RuleEngine>().Evaluate("""{ "rule": "calendar.working-days/1", "asOf": "2024-10-12", "input": { "date": "2024-10-12" } }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void AddMarketRules_ASubstitutedLaw_IsWhatEveryServiceReads()
    {
        var fixedLaw = new FixedLaw(MarketRulesLaw.National);
        using var services = new ServiceCollection().AddSingleton<IMarketRulesLaw>(fixedLaw).AddMarketRules(_ => { }).BuildServiceProvider();
        Assert.Same(fixedLaw, services.GetRequiredService<IMarketRulesLaw>());
        Assert.Same(RuleEngine.Default, services.GetRequiredService<RuleEngine>());
    }

    [Fact]
    public void AddMarketRules_AConfiguredScheme_RidesOnTheLaw_WhereTheEngineAndEvaluatorsFindIt()
    {
        // One registry: the configured scheme is an instrument of the law (no pack configured), so the engine's JSON rule,
        // the injected LawContext and SubsidySchemes.Resolve all see it, beside the shipped ones.
        var file = Path.Combine(work.FullName, "local.json");
        using (var stream = typeof(MarketRules.Subsidies.SubsidySchemes).Assembly.GetManifestResourceStream("MarketRules.Data.Subsidies/gongshu-2022.json")!)
        {
            File.WriteAllText(file, new StreamReader(stream).ReadToEnd().Replace("\"gongshu-2022-ebike-tradein\"", "\"local-2022\"", StringComparison.Ordinal));
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MarketRules:Subsidies:Schemes:0"] = file }).Build();
        using var services = new ServiceCollection().AddMarketRules(configuration.GetSection("MarketRules")).BuildServiceProvider();
        var law = services.GetRequiredService<LawContext>();
        Assert.Equal("local-2022", MarketRules.Subsidies.SubsidySchemes.Resolve(law, "local-2022").Value!.Id);
        Assert.Equal(3, MarketRules.Subsidies.SubsidySchemes.All(law).Length);
        var request = """
            {"rule":"subsidy.ebike-tradein/1","asOf":"2022-06-30","jurisdiction":"330105","input":{"schemeId":"local-2022","claim":{"claimId":"A1","applicantId":"11010519491231002X","oldPlate":"杭州C12345","oldFrameNumber":"LF12345678","oldRegisteredNonStandard":true,"oldOwnerId":"11010519491231002X","recycledAt":"2022-06-30T08:00:00Z","recyclerAuthorised":true,"oldPlateCancelledAt":"2022-06-30T09:00:00Z","newFrameNumber":"NF87654321","newStandard":"gb17761-2018","newCccCertificate":"2021011119000001","purchaseDate":"2022-06-30","newPriceFen":259900,"newPlate":"浙A·54321","newRegisteredAt":"2022-06-30T15:00:00Z","completedAt":"2022-06-30T15:59:59Z","evidence":["identity-document","filing-certificate","recycling-receipt","plate-cancellation-record","purchase-invoice","ccc-certificate","new-plate-registration"]}}}
            """;
        var decision = services.GetRequiredService<RuleEngine>().Evaluate(request);
        Assert.Contains("\"schemeId\":\"local-2022\"", decision, StringComparison.Ordinal);
        Assert.Contains("\"amountFen\":30000", decision, StringComparison.Ordinal);
        Assert.Contains("MR.Subsidy.UnknownScheme", RuleEngine.Default.Evaluate(request), StringComparison.Ordinal);
    }

    [Fact]
    public void AddMarketRules_ConfiguredCalendarYear_IsTheCalendarTheLawAndTheEngineCountOn()
    {
        // A year the shipped calendar does not hold (made-up test notice: 2027-01-01..03 rest, Saturday 01-09 worked).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MarketRules:CalendarYears:0"] = MadeUp2027Notice }).Build();
        using var services = new ServiceCollection().AddMarketRules(configuration.GetSection("MarketRules")).BuildServiceProvider();
        var law = services.GetRequiredService<LawContext>();
        Assert.Equal(2027, law.Calendar.LastYear);
        Assert.Same(law.Periods, services.GetRequiredService<RuleEngine>().Periods);
        // 15 working days after Monday 2026-12-28: 12-29..31 (3), 2027-01-04..08 (8), the make-up Saturday 01-09 (9),
        // 01-11..15 (14), 01-18 (15).
        const string Deadline = """{ "rule": "calendar.deadline/1", "asOf": "2026-12-28", "input": { "trigger": "2026-12-28", "length": 15, "unit": "working-days" } }""";
        Assert.Contains("\"lastDay\":\"2027-01-18\"", services.GetRequiredService<RuleEngine>().Evaluate(Deadline), StringComparison.Ordinal);
        Assert.Equal(new NodaTime.LocalDate(2027, 1, 18), law.Periods.Deadline(new NodaTime.LocalDate(2026, 12, 28), MarketRules.Calendar.LegalPeriod.WorkingDays(15)).LastDay);
        // National law without the file still refuses to guess.
        Assert.Contains("MR.Calendar.OutOfRange", RuleEngine.Default.Evaluate(Deadline), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CalendarFileWithAGap_IsRefusedWithTheFileAndTheCalendarsCode()
    {
        // 2028 cannot follow a calendar that ends with 2026: the working days of 2027 would be guessed.
        var gap = Path.Combine(work.FullName, "2028.json");
        File.WriteAllText(gap, File.ReadAllText(MadeUp2027Notice).Replace("2027", "2028", StringComparison.Ordinal));
        var options = new MarketRulesOptions();
        options.CalendarYears.Add(gap);
        var loaded = MarketRulesLaw.Load(options);
        Assert.False(loaded.IsSuccess);
        Assert.Equal(["MR.Hosting.InvalidFile", "MR.Calendar.DataInvalid"], loaded.Errors.Select(e => e.Code));
        Assert.Contains(gap, loaded.Errors[0].Message.English, StringComparison.Ordinal);
        Assert.Contains("the years jump from 2026", loaded.Errors[1].Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadFilesAndMisspeltKeys_ListsEveryCodedError()
    {
        var bad = Path.Combine(work.FullName, "bad.json");
        File.WriteAllText(bad, """{ "id": "broken", "unknownMember": true }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketRules:PolicyPacks:0"] = bad,
            ["MarketRules:PolicyPacks:1"] = Path.Combine(work.FullName, "missing.json"),
            ["MarketRules:PolicyPack:0"] = Henan,
            ["MarketRules:Subsidies:Schemes:0"] = bad,
        }).Build();
        using var services = new ServiceCollection().AddMarketRules(configuration.GetSection("MarketRules")).BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMarketRulesLaw>().Current);
        var text = string.Join("\n", failure.Failures);
        Assert.Contains("MR.Hosting.UnknownSetting", text);
        Assert.Contains("The configuration key MarketRules:PolicyPack is not a known setting", text);
        Assert.Contains("MR.Hosting.FileUnreadable", text);
        Assert.Equal(2, failure.Failures.Count(f => f.StartsWith("MR.Hosting.InvalidFile", StringComparison.Ordinal)));
        Assert.True(failure.Failures.Count() > 5, text);
    }

    [Fact]
    public void Reload_NewPack_ReplacesTheLaw_AndABadOneKeepsThePrevious()
    {
        var data = new Dictionary<string, string?>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();

        using var services = new ServiceCollection().AddMarketRules(configuration.GetSection("MarketRules")).BuildServiceProvider();
        var law = services.GetRequiredService<IMarketRulesLaw>();
        Assert.Same(MarketRulesLaw.National, law.Current);

        configuration["MarketRules:PolicyPacks:0"] = Henan;
        configuration.Reload();
        var withHenan = law.Current;
        Assert.Single(withHenan.PolicyPacks);
        Assert.Same(withHenan.Engine, services.GetRequiredService<RuleEngine>());

        var bad = Path.Combine(work.FullName, "bad.json");
        File.WriteAllText(bad, "{ not json");
        configuration["MarketRules:PolicyPacks:1"] = bad;
        configuration.Reload();
        Assert.Same(withHenan, law.Current);
        Assert.Contains(law.ReloadErrors, e => e.Code == "MR.Hosting.InvalidFile");

        configuration["MarketRules:PolicyPacks:1"] = null;
        configuration.Reload();
        Assert.Empty(law.ReloadErrors);
    }

    [Fact]
    public void AddMarketRulesSubsidyLedgers_FindsSchemesInTheLaw_OpensEachLedgerOnce_AndDisposesThemWithTheContainer()
    {
        var file = Path.Combine(work.FullName, "ledgers.db");
        var clock = new NodaTime.Testing.FakeClock(MarketRules.Tests.Subsidies.SubsidyTestData.June15);
        var services = new ServiceCollection()
            .AddSingleton<NodaTime.IClock>(clock)
            .AddMarketRules(_ => { })
            .AddMarketRulesSubsidyLedgers(new MarketRules.Subsidies.Sqlite.SqliteSubsidyLedgerStorage(file))
            .BuildServiceProvider();
        var registry = services.GetRequiredService<SubsidyLedgerRegistry>();
        Assert.Same(clock, registry.Clock);
        Assert.Equal("sqlite", registry.Storage.Kind);

        var ledger = registry.Find("gongshu-2022-ebike-tradein").Value!;
        Assert.Same(ledger, registry.Find("gongshu-2022-ebike-tradein").Value);
        Assert.Equal(file, ((MarketRules.Subsidies.Sqlite.SqliteSubsidyLedger)ledger).DatabasePath);
        var decision = new MarketRules.Subsidies.SubsidyAllocator(ledger).Submit(MarketRules.Tests.Subsidies.SubsidyTestData.Input(1, clock.GetCurrentInstant())).Value!;
        Assert.Equal(clock.GetCurrentInstant(), decision.Reservation!.ReservedAt);
        var unknown = registry.Find("no-such-scheme");
        Assert.Equal("MR.Subsidy.UnknownScheme", Assert.Single(unknown.Errors).Code);
        var kept = registry.Idempotency.Save("k", new MarketRules.Subsidies.StoredResponse("fp", 200, "{}"));

        services.Dispose();
        Assert.Throws<ObjectDisposedException>(() => registry.Find("gongshu-2022-ebike-tradein"));
        Assert.Throws<ObjectDisposedException>(() => ledger.Snapshot());
        // Everything is in the file for the next host.
        using var again = new ServiceCollection().AddMarketRules(_ => { })
            .AddMarketRulesSubsidyLedgers(new MarketRules.Subsidies.Sqlite.SqliteSubsidyLedgerStorage(file)).BuildServiceProvider();
        var reopened = again.GetRequiredService<SubsidyLedgerRegistry>();
        Assert.Equal(MarketRules.Subsidies.SubsidyReservationState.Reserved, reopened.Find("gongshu-2022-ebike-tradein").Value!.Find("C000001")!.State);
        Assert.Equal(kept, reopened.Idempotency.Find("k"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Delete(recursive: true);
    }

    private sealed class FixedLaw(MarketRulesLaw law) : IMarketRulesLaw
    {
        public MarketRulesLaw Current => law;

        public System.Collections.Immutable.ImmutableArray<RuleError> ReloadErrors => [];
    }
}
