using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MarketRules.Benchmarks.Baselines;
using MarketRules.Engine;
using RulesEngine.Models;

// One fresh process, one first decision. Prints "first-decision-ms=<ms since Main>" and the decision's outcome; the
// runner (MarketRules.Benchmarks cold-start) measures the whole process from outside. Each side lives in its own
// method so that compiling Main loads neither library.
var clock = Stopwatch.StartNew();
var which = args.Length > 0 ? args[0] : "marketrules";
var phases = args.Contains("--phases");
var ok = which switch
{
    "marketrules" => ColdStart.MarketRules(ColdStart.SubsidyRequest, clock, phases),
    "marketrules-deadline" => ColdStart.MarketRules(ColdStart.DeadlineRequest, clock, phases),
    "rulesengine" => ColdStart.RulesEngine(clock),
    "profile" => ColdStart.Profile(clock),
    "zone-tzdb" => ColdStart.Zone(clock, tzdb: true),
    "zone-legal" => ColdStart.Zone(clock, tzdb: false),
    _ => throw new ArgumentException("marketrules, marketrules-deadline or rulesengine", nameof(args)),
};
var elapsed = clock.Elapsed.TotalMilliseconds;
Console.Out.WriteLine($"first-decision-ms={elapsed.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} ok={ok}");
return ok ? 0 : 1;

internal static class ColdStart
{
    // The subsidy conformance vector "June edge" (docs/vectors/subsidy.ebike-tradein.json): the shipped Gongshu scheme.
    public const string SubsidyRequest = """
        {"rule":"subsidy.ebike-tradein/1","asOf":"2022-06-30","jurisdiction":"330105","input":{"schemeId":"gongshu-2022-ebike-tradein","claim":{"claimId":"A1","applicantId":"11010519491231002X","oldPlate":"杭州C12345","oldFrameNumber":"LF12345678","oldRegisteredNonStandard":true,"oldOwnerId":"11010519491231002X","recycledAt":"2022-06-30T08:00:00Z","recyclerAuthorised":true,"oldPlateCancelledAt":"2022-06-30T09:00:00Z","newFrameNumber":"NF87654321","newStandard":"gb17761-2018","newCccCertificate":"2021011119000001","purchaseDate":"2022-06-30","newPriceFen":259900,"newPlate":"浙A·54321","newRegisteredAt":"2022-06-30T15:00:00Z","completedAt":"2022-06-30T15:59:59Z","evidence":["identity-document","filing-certificate","recycling-receipt","plate-cancellation-record","purchase-invoice","ccc-certificate","new-plate-registration"]}}}
        """;

    public const string DeadlineRequest = """
        {"rule":"calendar.deadline/1","asOf":"2024-09-27","input":{"trigger":"2024-09-27","length":15,"unit":"working-days"}}
        """;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool MarketRules(string request, Stopwatch clock, bool phases)
    {
        var engine = RuleEngine.Default;
        var constructed = clock.Elapsed.TotalMilliseconds;
        var decision = engine.Evaluate(request);
        if (phases)
        {
            Console.Error.WriteLine($"engine {constructed:F1} ms, first evaluation {clock.Elapsed.TotalMilliseconds - constructed:F1} ms");
            var again = Stopwatch.StartNew();
            engine.Evaluate(request);
            Console.Error.WriteLine($"second evaluation {again.Elapsed.TotalMilliseconds:F2} ms");
        }
        using var document = JsonDocument.Parse(decision);
        // A decision that is not "ok", or a claim found ineligible, fails the run: the first decision must be the real one.
        var root = document.RootElement;
        return root.GetProperty("ok").GetBoolean()
            && (!root.GetProperty("result").TryGetProperty("eligible", out var eligible) || eligible.GetBoolean());
    }

    // Where the time of the first decision goes, piece by piece in the order the engine touches them (each line is
    // the cost of what that step adds to what came before).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Profile(Stopwatch clock)
    {
        // Wall time and the process's CPU time (all threads, JIT and tiering included): under a loaded machine the
        // CPU column is the one to compare.
        var last = clock.Elapsed.TotalMilliseconds;
        var lastCpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        void Step(string what)
        {
            var now = clock.Elapsed.TotalMilliseconds;
            var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
            Console.Error.WriteLine($"{now - last,8:F1} ms {cpu - lastCpu,8:F1} ms CPU  {what}");
            (last, lastCpu) = (now, cpu);
        }
        Step("Main to here");
        _ = global::MarketRules.Calendar.LegalTime.Zone;
        Step("LegalTime.Zone");
        _ = global::MarketRules.NationalCatalog.Catalog;
        Step("NationalCatalog.Catalog");
        _ = global::MarketRules.Parameters.PolicyContext.National(global::MarketRules.NationalCatalog.Catalog);
        Step("PolicyContext.National");
        _ = global::MarketRules.Subsidies.SubsidySchemes.Gongshu2022;
        Step("Gongshu2022 scheme");
        _ = global::MarketRules.NationalCatalog.Policy;
        Step("NationalCatalog.Policy");
        _ = global::MarketRules.Calendar.PeriodCalculator.China;
        Step("PeriodCalculator.China (calendar)");
        _ = BuiltInRules.All;
        Step("BuiltInRules.All");
        var engine = RuleEngine.Default;
        Step("RuleEngine.Default");
        engine.Evaluate(DeadlineRequest);
        Step("first deadline evaluation");
        engine.Evaluate(SubsidyRequest);
        Step("first subsidy evaluation");
        engine.Evaluate(SubsidyRequest);
        Step("second subsidy evaluation");
        // What the first decision no longer pays for: NodaTime's whole TZDB (LegalTime.Zone reads it only for instants
        // before September 1991). Warm here, so a lower bound of its cost at start.
        _ = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Step("(off the path) DateTimeZoneProviders.Tzdb[\"Asia/Shanghai\"]");
        return true;
    }

    // A/B of the zone alone in a fresh process: Asia/Shanghai from NodaTime's provider (the whole TZDB read, as
    // LegalTime.Zone was built before) or LegalTime.Zone; then the legal date of one instant and the end of one day.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Zone(Stopwatch clock, bool tzdb)
    {
        var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        var start = clock.Elapsed.TotalMilliseconds;
        var zone = tzdb ? NodaTime.DateTimeZoneProviders.Tzdb["Asia/Shanghai"] : global::MarketRules.Calendar.LegalTime.Zone;
        var date = NodaTime.Instant.FromUtc(2024, 9, 27, 16, 30).InZone(zone).Date;
        var end = date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        Console.Error.WriteLine($"{(tzdb ? "tzdb " : "legal")} {clock.Elapsed.TotalMilliseconds - start,8:F1} ms {Environment.CpuUsage.TotalTime.TotalMilliseconds - cpu,8:F1} ms CPU  {date} {end}");
        return date == new NodaTime.LocalDate(2024, 9, 28);
    }

    // The same claim's facts, as SubsidyEligibilityBenchmark flattens them (RulesEngine has no dated standards or
    // instants in Asia/Shanghai, so the caller precomputes those), read from the same JSON.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool RulesEngine(Stopwatch clock)
    {
        using var document = JsonDocument.Parse(SubsidyRequest);
        var claim = document.RootElement.GetProperty("input").GetProperty("claim");
        var facts = new ClaimFacts
        {
            OldRegisteredNonStandard = claim.GetProperty("oldRegisteredNonStandard").GetBoolean(),
            OwnedByApplicant = claim.GetProperty("oldOwnerId").GetString() == claim.GetProperty("applicantId").GetString(),
            Recycled = claim.TryGetProperty("recycledAt", out _) && claim.GetProperty("recyclerAuthorised").GetBoolean(),
            OldPlateCancelled = claim.TryGetProperty("oldPlateCancelledAt", out _),
            StandardInForce = claim.GetProperty("newStandard").GetString() == "gb17761-2018",
            HasCcc = claim.TryGetProperty("newCccCertificate", out _),
            NewRegistered = claim.TryGetProperty("newPlate", out _) && claim.TryGetProperty("newRegisteredAt", out _),
            PriceFen = claim.GetProperty("newPriceFen").GetInt64(),
            MinimumPriceFen = 0,
            InWindow = true,
            PreviouslySubsidised = false,
        };
        var engine = SubsidyRulesEngineWorkflow.Create();
        var results = engine.ExecuteAllRulesAsync(SubsidyRulesEngineWorkflow.Name, [new RuleParameter(SubsidyRulesEngineWorkflow.Parameter, facts)]).AsTask().GetAwaiter().GetResult();
        return results.TrueForAll(r => r.IsSuccess);
    }
}
