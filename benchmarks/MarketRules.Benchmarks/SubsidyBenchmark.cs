using System.Globalization;
using MarketRules.Calendar;
using MarketRules.Subsidies;

namespace MarketRules.Benchmarks;

/// <summary>Shared data: 1 M valid Gongshu-style claims completed in June 2022, person n for claim n.</summary>
internal static class SubsidyClaims
{
    public const int Count = 1_000_000;

    public static SubsidyClaim[] Generate(int count)
    {
        var start = new LocalDateTime(2022, 6, 1, 8, 0).InZoneStrictly(LegalTime.Zone).ToInstant();
        var claims = new SubsidyClaim[count];
        for (var n = 0; n < count; n++)
        {
            var completed = start.Plus(Duration.FromSeconds(n % 2_000_000));
            var birth = new LocalDate(1950, 1, 1).PlusDays(n / 1000);
            var first17 = "330105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
            var id = ResidentIdNumber.Parse(first17 + ResidentIdNumber.ComputeCheckCharacter(first17)).GetValueOrThrow();
            claims[n] = new SubsidyClaim
            {
                ClaimId = "C" + n.ToString("D7", CultureInfo.InvariantCulture),
                Applicant = id,
                OldPlate = "杭州" + n.ToString("D7", CultureInfo.InvariantCulture),
                OldFrameNumber = "LF" + n.ToString("D8", CultureInfo.InvariantCulture),
                OldRegisteredNonStandard = n % 50 != 0, // 2 % not registered
                OwnedByApplicant = true,
                RecycledAt = completed,
                RecyclerAuthorised = true,
                OldPlateCancelledAt = completed,
                NewFrameNumber = "NF" + n.ToString("D8", CultureInfo.InvariantCulture),
                NewStandard = EBikeStandard.Gb17761Of2018,
                HasCcc = n % 97 != 0, // ~1 % without CCC
                PurchaseDate = LegalTime.DateOf(completed),
                Price = Money.FromFen(200_000),
                NewPlate = "浙A" + n.ToString("D6", CultureInfo.InvariantCulture),
                NewRegisteredAt = completed,
                CompletedAt = completed,
            };
        }
        return claims;
    }

    public static SubsidyScheme Scheme(long budgetFen) => SubsidyScheme.Parse($$"""
        { "id": "bench", "jurisdiction": "330105", "title": { "zh": "基准", "en": "Benchmark" },
          "citation": { "document": { "zh": "基准", "en": "Benchmark" }, "status": "project-requirement" },
          "validity": { "start": "2022-06-01T00:00:00", "end": "2022-08-31T23:59:59" },
          "phases": [
            { "start": "2022-06-01T00:00:00", "end": "2022-06-30T23:59:59", "amountFen": 30000, "budgetFen": {{budgetFen}},
              "citation": { "document": { "zh": "基准", "en": "Benchmark" }, "status": "project-requirement" } },
            { "start": "2022-07-01T00:00:00", "end": "2022-07-31T23:59:59", "amountFen": 20000, "budgetFen": {{budgetFen}},
              "citation": { "document": { "zh": "基准", "en": "Benchmark" }, "status": "project-requirement" } } ] }
        """).GetValueOrThrow();
}

/// <summary>Evaluating 1 M claims single-threaded: the FluentValidation eligibility validator (what a caller would write first) against the typed fast path.</summary>
[MemoryDiagnoser]
public class SubsidyBenchmark
{
    private SubsidyClaim[] claims = [];
    private SubsidyEvaluator evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        claims = SubsidyClaims.Generate(SubsidyClaims.Count);
        evaluator = new SubsidyEvaluator(SubsidyClaims.Scheme(long.MaxValue / 4));
    }

    [Benchmark(Baseline = true)]
    public int Evaluate_FluentValidator()
    {
        var eligible = 0;
        var validator = evaluator.EligibilityValidator;
        foreach (var claim in claims)
        {
            eligible += validator.Validate(claim).IsValid ? 1 : 0;
        }
        return eligible;
    }

    [Benchmark]
    public long Evaluate_FastPath()
    {
        var total = 0L;
        foreach (ref readonly var claim in claims.AsSpan())
        {
            total += evaluator.Assess(claim).Amount.Fen;
        }
        return total;
    }

    [Benchmark]
    public long EvaluateAndAllocate_SingleThread()
    {
        var allocator = new SubsidyAllocator(new InMemorySubsidyLedger(SubsidyClaims.Scheme(500_000 * 30_000L), claims.Length));
        var total = 0L;
        foreach (ref readonly var claim in claims.AsSpan())
        {
            total += allocator.Submit(claim).Amount.Fen;
        }
        return total;
    }
}

/// <summary>Allocation throughput: 1 M eligible claims reserved and confirmed against a budget for half of them, on 1, 2 and 8 threads.</summary>
[MemoryDiagnoser]
public class SubsidyAllocationBenchmark
{
    private SubsidyClaim[] claims = [];
    private int[] phase = [];
    private SubsidyScheme scheme = null!;

    [Params(1, 2, 8)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        claims = SubsidyClaims.Generate(SubsidyClaims.Count);
        scheme = SubsidyClaims.Scheme(500_000 * 30_000L);
        var evaluator = new SubsidyEvaluator(scheme);
        phase = [.. claims.Select(c => evaluator.Assess(c).PhaseIndex)];
    }

    [Benchmark]
    public long Allocate_ReserveConfirm()
    {
        var ledger = new InMemorySubsidyLedger(scheme, claims.Length);
        var workers = new Thread[Threads];
        for (var t = 0; t < workers.Length; t++)
        {
            var offset = t;
            workers[t] = new Thread(() =>
            {
                for (var i = offset; i < claims.Length; i += workers.Length)
                {
                    if (phase[i] < 0)
                    {
                        continue;
                    }
                    var result = ledger.Reserve(claims[i], phase[i]);
                    if (result.Reservation.State == SubsidyReservationState.Reserved)
                    {
                        ledger.Confirm(claims[i].ClaimId);
                    }
                }
            });
            workers[t].Start();
        }
        foreach (var worker in workers)
        {
            worker.Join();
        }
        return ledger.Snapshot().Paid.Fen;
    }
}
