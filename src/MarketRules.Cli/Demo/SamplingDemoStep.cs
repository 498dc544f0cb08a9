using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MarketRules.Calendar;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;
using NodaTime;

namespace MarketRules.Cli.Demo;

/// <summary>
/// The year's double-random plan for the demo district: a generated directory of ~30,000 enterprises in six Hangzhou
/// districts and ~60 inspectors, a verifiable stratified draw, a joint visit list, teams, results and coverage by class.
/// </summary>
internal sealed class SamplingDemoStep : IDemoStep
{
    private static readonly string[] Districts = ["330102", "330105", "330106", "330108", "330109", "330110"];
    private static readonly string[] Industries = ["C", "F", "H", "I", "L", "M"];
    private const int Enterprises = 30_000;
    private const int InspectorCount = 60;

    public string Title => "双随机、一公开 — double-random inspections";

    public void Run(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var generator = new DemoHash(context.Seed, "sampling");
        var roster = GenerateRoster(generator);
        var directory = roster.ToDictionary(r => r.CreditCode.Value, StringComparer.Ordinal);
        var asOf = new LocalDate(context.Year, 1, 15);
        var policy = SamplingPolicy.Resolve(NationalCatalog.Law.For(context.District), asOf, out _) with
        {
            AvoidRepeatMonths = 12,
            MandatoryMarks = PriorityMarks.SeriousViolation,
        };

        // Commit phase: publish the roster hash and quotas; then the seed is announced (here derived from the demo seed).
        var taskId = $"{context.District}-{context.Year}-双随机-01";
        var commitment = DoubleRandomSampler.Commit(taskId, asOf, policy, roster).GetValueOrThrow();
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"public-ceremony|{context.Seed}|{context.Year}"));
        var receipt = DoubleRandomSampler.Draw(commitment, seed, roster, degreeOfParallelism: 2).GetValueOrThrow();
        var verified = DoubleRandomSampler.Verify(receipt, roster).IsVerified;

        // A second department (culture and tourism) draws catering and accommodation; shared entities get one joint visit.
        var cultureTask = $"{context.District}-{context.Year}-文旅-01";
        var culturePolicy = new SamplingPolicy { AnnualCoverage = 0.03m };
        var culture = DoubleRandomSampler.Plan(cultureTask, asOf, culturePolicy, seed, roster.Where(r => r.Industry == "H").ToList()).GetValueOrThrow();
        var items = Items();
        var selections = new List<DepartmentSelection>();
        foreach (var entity in receipt.Strata.SelectMany(s => s.Selected))
        {
            var record = directory[entity.CreditCode];
            selections.Add(new DepartmentSelection(taskId, "市场监管局", [.. items.Where(i => i.Department == "市场监管局" && i.AppliesTo(record)).Select(i => i.Id)], [entity.CreditCode]));
        }
        selections.Add(new DepartmentSelection(cultureTask, "文化广电旅游体育局", ["WL-01"], [.. culture.Strata.SelectMany(s => s.Selected).Select(s => s.CreditCode)]));
        var visitDay = new LocalDate(context.Year, 4, 15);
        var visits = JointInspection.Merge(selections, directory, visitDay);
        var inspectors = GenerateInspectors(generator, context);
        var teams = TeamDraw.Assign(seed, taskId, visits, inspectors, policy.TeamSize).GetValueOrThrow();

        // Results: each visit ends on a working day; most are published within 20 working days, a few late or not yet.
        var results = new List<InspectionResult>();
        var calendar = StatutoryCalendar.China;
        for (var i = 0; i < teams.Assignments.Length; i++)
        {
            var visit = teams.Assignments[i].Visit;
            var h = generator.Next("result", i);
            var ended = calendar.AddWorkingDays(new LocalDate(context.Year, 3, 1), h[0] % 180);
            var outcome = (h[1] % 20) switch { 0 => InspectionOutcome.NotFoundAtRegisteredAddress, < 4 => InspectionOutcome.ProblemsFound, _ => InspectionOutcome.NoProblemFound };
            LocalDate? published = (h[2] % 50) switch { 0 => null, 1 => calendar.AddWorkingDays(ended, 25), _ => calendar.AddWorkingDays(ended, 1 + (h[3] % 19)) };
            results.Add(new InspectionResult(visit.CreditCode, taskId, ended, outcome) { PublishedOn = published });
        }
        var publication = ResultPublication.Report(results, new LocalDate(context.Year, 12, 31), NationalCatalog.Law.For(context.District));
        var coverage = AnnualCoverage.Compute(roster, results, context.Year, policy.AnnualCoverage);

        context.Output.WriteLine($"Roster committed: {commitment.Records:N0} records, {commitment.Active:N0} active, hash {commitment.RosterHash[..16]}…; target {commitment.Target:N0} (5 %), {commitment.Strata.Length} strata.");
        context.Output.WriteLine($"Seed {receipt.Seed[..16]}…; selected {receipt.SelectedCount:N0}; receipt re-verified: {(verified ? "yes" : "NO")}.");
        context.Output.WriteLine($"Visits {visits.Length:N0} ({visits.Count(v => v.Departments.Length > 1)} joint); teams {teams.Assignments.Length:N0}; infeasible {teams.Infeasible.Length}.");
        context.Table("Draw by credit-risk class (quota = class ratio × population, rounded up per stratum)",
            ["Class", "Population", "Quota", "Selected", "Realised"],
            Enum.GetValues<CreditRiskClass>().Select(tier =>
            {
                var strata = receipt.Strata.Where(s => s.Stratum.Tier == tier).ToList();
                var population = strata.Sum(s => s.Population);
                var selected = strata.Sum(s => s.Selected.Length);
                return (IReadOnlyList<string>)[tier.ToString(), population.ToString("N0", CultureInfo.InvariantCulture), strata.Sum(s => s.Quota).ToString("N0", CultureInfo.InvariantCulture),
                    selected.ToString("N0", CultureInfo.InvariantCulture), Percent(population == 0 ? 0 : (decimal)selected / population)];
            }));
        context.Table($"Annual coverage {context.Year} (distinct enterprises inspected ÷ active) vs 5 %",
            ["Dimension", "Key", "Active", "Inspected", "Coverage", "Meets 5 %"],
            coverage.Where(r => r.Dimension != "region").Select(r => (IReadOnlyList<string>)[r.Dimension, r.Key, r.Active.ToString("N0", CultureInfo.InvariantCulture),
                r.Inspected.ToString("N0", CultureInfo.InvariantCulture), Percent(r.Ratio), r.MeetsTarget ? "yes" : "no"]));
        context.Table("Publication within 20 working days (一公开)",
            ["Results", "On time", "Late", "Overdue", "Published rate", "Target"],
            [[publication.Total.ToString(CultureInfo.InvariantCulture), publication.PublishedOnTime.ToString(CultureInfo.InvariantCulture),
              publication.PublishedLate.ToString(CultureInfo.InvariantCulture), publication.Overdue.ToString(CultureInfo.InvariantCulture),
              Percent(publication.PublishedRate), Percent(publication.Target)]]);
        if (!teams.Infeasible.IsEmpty)
        {
            context.Table("Visits without a feasible team", ["Entity", "Constraint", "Remaining"],
                teams.Infeasible.Take(5).Select(v => (IReadOnlyList<string>)[v.Visit.CreditCode, v.Constraint.ToString(), v.Remaining.ToString(CultureInfo.InvariantCulture)]));
        }

        context.WriteFile("sampling-receipt.json", receipt.ToJson());
        var csv = new StringBuilder("credit_code,region,industry,tier,rank,mandatory,items,team\n");
        var teamOf = teams.Assignments.ToDictionary(a => a.Visit.CreditCode, a => string.Join(' ', a.Inspectors), StringComparer.Ordinal);
        var visitOf = visits.ToDictionary(v => v.CreditCode, StringComparer.Ordinal);
        foreach (var stratum in receipt.Strata)
        {
            foreach (var s in stratum.Selected)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{s.CreditCode},{stratum.Stratum.Region},{stratum.Stratum.Industry},{stratum.Stratum.Tier},{s.Rank},{(s.Mandatory ? 1 : 0)},")
                   .Append(string.Join(' ', visitOf[s.CreditCode].ItemIds)).Append(',').Append(teamOf.GetValueOrDefault(s.CreditCode, "")).Append('\n');
            }
        }
        context.WriteFile("sampling-plan.csv", csv.ToString());
    }

    private static string Percent(decimal ratio) => (ratio * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static List<EntityRecord> GenerateRoster(DemoHash generator)
    {
        var roster = new List<EntityRecord>(Enterprises);
        Span<char> first = stackalloc char[17];
        for (var i = 0; i < Enterprises; i++)
        {
            var h = generator.Next("entity", i);
            var region = Districts[h[0] % Districts.Length];
            "91".AsSpan().CopyTo(first);
            region.AsSpan().CopyTo(first[2..]);
            for (var c = 8; c < 17; c++)
            {
                first[c] = UnifiedSocialCreditCode.Alphabet[h[c] % UnifiedSocialCreditCode.Alphabet.Length];
            }
            var code = UnifiedSocialCreditCode.Parse(new string(first) + UnifiedSocialCreditCode.ComputeCheckCharacter(first)).GetValueOrThrow();
            var roll = h[20] % 100;
            var tier = roll < 60 ? CreditRiskClass.A : roll < 90 ? CreditRiskClass.B : roll < 98 ? CreditRiskClass.C : CreditRiskClass.D;
            roster.Add(new EntityRecord(code, $"企业{i:D5}", Jurisdiction.Parse(region).GetValueOrThrow(), Industries[h[1] % Industries.Length],
                EntityKind.Enterprise, h[21] % 25 == 0 ? EntityStatus.Deregistered : EntityStatus.Active, tier)
            {
                Priority = tier == CreditRiskClass.D && h[22] % 4 == 0 ? PriorityMarks.SeriousViolation : PriorityMarks.None,
                LastInspected = h[23] % 10 == 0 ? new LocalDate(2024, 1 + (h[24] % 12), 1 + (h[25] % 28)) : null,
            });
        }
        // Codes are random: drop the (rare) repeats so the directory is valid.
        return [.. roster.DistinctBy(r => r.CreditCode.Value)];
    }

    private static List<InspectorRecord> GenerateInspectors(DemoHash generator, DemoContext context)
    {
        var inspectors = new List<InspectorRecord>(InspectorCount);
        var yearStart = new LocalDate(context.Year, 1, 1);
        for (var i = 0; i < InspectorCount; i++)
        {
            var h = generator.Next("inspector", i);
            var cityLevel = i % 5 == 0;
            var region = cityLevel ? "330100" : Districts[i % Districts.Length];
            var qualified = new List<string> { "SC-01", "SC-02" };
            if (h[0] % 3 != 0)
            {
                qualified.Add("SC-03");
            }
            if (h[1] % 3 != 0)
            {
                qualified.Add("SC-04");
            }
            if (h[2] % 4 == 0)
            {
                qualified.Add("WL-01");
            }
            inspectors.Add(new InspectorRecord($"ZF{context.District}{i:D3}", $"执法人员{i:D2}", cityLevel ? "杭州市市场监管局" : $"{region} 市场监管所", Jurisdiction.Parse(region).GetValueOrThrow(),
                new DateInterval(yearStart.PlusYears(-3), h[3] % 30 == 0 ? yearStart.PlusMonths(2) : yearStart.PlusYears(2)))
            {
                QualifiedItems = [.. qualified],
                WorkloadCap = 75 + (h[4] % 20),
            });
        }
        return inspectors;
    }

    private static ImmutableArray<InspectionItem> Items() =>
    [
        new("SC-01", new LocalizedText("登记事项检查", "Registration items"), new LocalizedText("市场主体登记管理条例 第三十八条", "Market Entity Registration Regulations art. 38"), "市场监管局"),
        new("SC-02", new LocalizedText("企业公示信息检查", "Publicly disclosed information"), new LocalizedText("企业信息公示暂行条例 第十四条", "Enterprise Information Disclosure Regulations art. 14"), "市场监管局"),
        new("SC-03", new LocalizedText("产品质量监督检查", "Product quality"), new LocalizedText("产品质量法 第十五条", "Product Quality Law art. 15"), "市场监管局") { Industries = ["C", "F"] },
        new("SC-04", new LocalizedText("食品经营监督检查", "Food business"), new LocalizedText("食品生产经营监督检查管理办法", "Food inspection measures (SAMR Order 49)"), "市场监管局") { Industries = ["H"] },
        new("WL-01", new LocalizedText("文化旅游经营检查", "Culture and tourism business"), new LocalizedText("旅游法", "Tourism Law"), "文化广电旅游体育局") { Industries = ["H"] },
    ];

    /// <summary>Deterministic bytes from the demo seed: SHA-256(stream ‖ seed ‖ kind ‖ index), no System.Random.</summary>
    private sealed class DemoHash(ulong seed, string stream)
    {
        private readonly byte[] buffer = new byte[32];

        internal byte[] Next(string kind, int index)
        {
            var text = Encoding.UTF8.GetBytes($"{stream}|{kind}|{index}|");
            var message = new byte[text.Length + 8];
            text.CopyTo(message, 0);
            BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(text.Length), seed);
            SHA256.HashData(message, buffer);
            return buffer;
        }
    }
}
