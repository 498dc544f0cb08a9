using System.Collections.Immutable;
using CsCheck;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

public class TeamDrawTests
{
    private static readonly Jurisdiction Gongshu = Jurisdiction.Parse("330105").GetValueOrThrow();
    private static readonly Jurisdiction Hangzhou = Jurisdiction.Parse("330100").GetValueOrThrow();
    private static readonly LocalDate VisitDay = new(2025, 6, 10);
    private static readonly byte[] Seed = [0x2a];

    private static InspectorRecord Inspector(int n, params string[] items) =>
        new($"I{n:D3}", $"Inspector {n}", "拱墅区市场监管局", Gongshu, new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31)))
        {
            QualifiedItems = [.. items],
            WorkloadCap = 10,
        };

    private static Visit VisitTo(long n, params string[] items) => new(SamplingTestData.Code(n), Gongshu, VisitDay, [.. items]);

    [Fact]
    public void Assign_RandomDirectories_TeamsNeverConflictedUnqualifiedOrOverCap_Meets_Specification()
    {
        var items = new[] { "SC-01", "SC-02", "SC-03" };
        var genInspector = Gen.Int[0, 7].Select(Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 20]).Select(t => (Items: t.Item1, Cap: t.Item2, Expired: t.Item3, Conflict: t.Item4));
        Gen.Select(genInspector.Array[2, 25], Gen.Int[1, 40], Gen.Int[2, 3]).Sample(t =>
        {
            var (specs, visitCount, teamSize) = t;
            var inspectors = specs.Select((s, i) => Inspector(i, [.. items.Where((_, bit) => (s.Items & (1 << bit)) != 0)]) with
            {
                WorkloadCap = s.Cap,
                CertificateValidity = s.Expired ? new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2024, 12, 31)) : new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31)),
                Conflicts = [SamplingTestData.Code(s.Conflict)],
            }).ToList();
            var visits = Enumerable.Range(0, visitCount).Select(v => VisitTo(v, items[v % 3], items[(v + 1) % 3])).ToList();
            var result = TeamDraw.Assign(Seed, "task", visits, inspectors, teamSize).GetValueOrThrow();
            Assert.Equal(visitCount, result.Assignments.Length + result.Infeasible.Length);
            var byId = inspectors.ToDictionary(i => i.Id);
            foreach (var assignment in result.Assignments)
            {
                Assert.Equal(teamSize, assignment.Inspectors.Distinct().Count());
                foreach (var member in assignment.Inspectors.Select(id => byId[id]))
                {
                    Assert.All(assignment.Visit.ItemIds, item => Assert.Contains(item, member.QualifiedItems));
                    Assert.DoesNotContain(assignment.Visit.CreditCode, member.Conflicts);
                    Assert.True(member.CertificateValidity.Contains(assignment.Visit.Date));
                }
            }
            foreach (var inspector in inspectors)
            {
                var visitsOfInspector = result.Assignments.Count(a => a.Inspectors.Contains(inspector.Id));
                Assert.True(visitsOfInspector <= inspector.WorkloadCap);
                Assert.Equal(visitsOfInspector, result.Workload[inspector.Id]);
            }
        }, iter: 100);
    }

    [Fact]
    public void Assign_AllButOneConflicted_InfeasibleNamesRecusalAndVisit()
    {
        var visit = VisitTo(5, "SC-01");
        var inspectors = Enumerable.Range(0, 4).Select(i => Inspector(i, "SC-01") with { Conflicts = i == 0 ? [] : [visit.CreditCode] }).ToList();
        var result = TeamDraw.Assign(Seed, "task", [visit], inspectors, 2).GetValueOrThrow();
        var infeasible = Assert.Single(result.Infeasible);
        Assert.Equal(TeamConstraint.Conflict, infeasible.Constraint);
        Assert.Equal(1, infeasible.Remaining);
        Assert.Equal(visit, infeasible.Visit);
        Assert.Equal("MR.Sampling.TeamInfeasible", infeasible.Reason.Code);
        Assert.Contains(visit.CreditCode, infeasible.Reason.Message.English);
        Assert.Equal("第四十三条", infeasible.Reason.Citation!.Article!.Chinese);
    }

    [Theory]
    [InlineData(TeamConstraint.RegionOrUnit)]
    [InlineData(TeamConstraint.Qualification)]
    [InlineData(TeamConstraint.Certificate)]
    public void Assign_OneConstraintFails_ThatConstraintReported(TeamConstraint failing)
    {
        var visit = VisitTo(9, "SC-02");
        var inspectors = Enumerable.Range(0, 3).Select(i => failing switch
        {
            TeamConstraint.RegionOrUnit => Inspector(i, "SC-02") with { Region = Jurisdiction.Parse("330106").GetValueOrThrow() },
            TeamConstraint.Qualification => Inspector(i, "SC-01"),
            _ => Inspector(i, "SC-02") with { CertificateValidity = new DateInterval(new LocalDate(2020, 1, 1), VisitDay.PlusDays(-1)) },
        }).ToList();
        var result = TeamDraw.Assign(Seed, "task", [visit], inspectors, 2).GetValueOrThrow();
        Assert.Equal(failing, Assert.Single(result.Infeasible).Constraint);
    }

    [Fact]
    public void Assign_CityInspectorAndLastTeam_CityCoversDistrictAndLastTeamAvoided()
    {
        var visit = VisitTo(3, "SC-01") with { LastTeam = ["I000", "I001"] };
        var inspectors = Enumerable.Range(0, 4).Select(i => Inspector(i, "SC-01") with { Region = i == 3 ? Hangzhou : Gongshu }).ToList();
        var assignment = Assert.Single(TeamDraw.Assign(Seed, "task", [visit], inspectors, 2).GetValueOrThrow().Assignments);
        Assert.Equal(["I002", "I003"], assignment.Inspectors.Order());
        Assert.Equal(0, assignment.RepeatedFromLastTeam);
    }

    [Fact]
    public void Assign_EmptyPoolOrDuplicateInspector_CodedErrorsNothingDrawn()
    {
        Assert.Equal("MR.Sampling.EmptyInspectorPool", Assert.Single(TeamDraw.Assign(Seed, "t", [VisitTo(1, "SC-01")], [], 2).Errors).Code);
        var duplicate = TeamDraw.Assign(Seed, "t", [VisitTo(1, "SC-01")], [Inspector(1, "SC-01"), Inspector(1, "SC-01")], 2);
        var error = Assert.Single(duplicate.Errors);
        Assert.Equal("MR.Sampling.InvalidInspector", error.Code);
        Assert.Equal("$.inspectors[1]", error.Path);
        Assert.StartsWith("执法检查人员名录库第 2 条记录无效", error.Message.Chinese, StringComparison.Ordinal);
        Assert.StartsWith("Record 2 of the inspector directory is invalid", error.Message.English, StringComparison.Ordinal);
        Assert.Equal("MR.Sampling.InvalidField", Assert.Single(TeamDraw.Assign(Seed, "t", [VisitTo(1, "SC-01")], [Inspector(1, "SC-01"), Inspector(2, "SC-01")], 1).Errors).Code);
    }

    [Fact]
    public void Assign_ShuffledVisits_SameTeams()
    {
        var visits = Enumerable.Range(0, 30).Select(v => VisitTo(v, "SC-01")).ToList();
        var inspectors = Enumerable.Range(0, 8).Select(i => Inspector(i, "SC-01") with { WorkloadCap = 8 }).ToList();
        var a = TeamDraw.Assign(Seed, "task", visits, inspectors, 2).GetValueOrThrow();
        var b = TeamDraw.Assign(Seed, "task", Enumerable.Reverse(visits), inspectors, 2).GetValueOrThrow();
        Assert.Equal(a.Assignments.Select(x => x.Visit.CreditCode + ":" + string.Join(",", x.Inspectors)), b.Assignments.Select(x => x.Visit.CreditCode + ":" + string.Join(",", x.Inspectors)));
    }

    [Fact]
    public void Merge_TwoDepartmentsSameEntity_OneVisitWithAllItems()
    {
        var roster = SamplingTestData.Roster(10);
        var directory = roster.ToDictionary(r => r.CreditCode.Value);
        var shared = roster[1].CreditCode.Value;
        var visits = JointInspection.Merge(
            [
                new DepartmentSelection("t-market", "市场监管", ["SC-01"], [shared, roster[2].CreditCode.Value]),
                new DepartmentSelection("t-tax", "税务", ["TX-07"], [shared]),
            ],
            directory, VisitDay);
        Assert.Equal(2, visits.Length);
        var joint = visits.Single(v => v.CreditCode == shared);
        Assert.Equal<string>(["SC-01", "TX-07"], joint.ItemIds);
        Assert.Equal<string>(["市场监管", "税务"], joint.Departments);
        Assert.Equal(roster[1].Region, joint.Region);
    }
}
