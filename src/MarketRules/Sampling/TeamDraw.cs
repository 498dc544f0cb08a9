using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Sampling;

/// <summary>One visit to an entity: the items checked (several departments' items merge into one visit, 进一次门、查多项事).</summary>
/// <param name="CreditCode">The entity visited.</param>
/// <param name="Region">The entity's region (GB/T 2260).</param>
/// <param name="Date">The planned day of the visit (certificates must be valid on it).</param>
/// <param name="ItemIds">The inspection items of the visit; every inspector of the team is qualified for all of them.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Visit(string CreditCode, Jurisdiction Region, LocalDate Date, ImmutableArray<string> ItemIds)
{
    /// <summary>The departments whose items the visit carries.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Departments { get; init; } = [];

    /// <summary>The tasks the visit serves.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> TaskIds { get; init; } = [];

    /// <summary>The units inspectors may come from; empty for any unit covering the region.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> Units { get; init; } = [];

    /// <summary>The team of the entity's last inspection; the draw prefers other inspectors.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<string> LastTeam { get; init; } = [];
}

/// <summary>The constraints a team must meet, in the order the draw applies them.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<TeamConstraint>))]
public enum TeamConstraint
{
    /// <summary>The inspector's unit covers the entity's region and is one of the visit's units.</summary>
    RegionOrUnit = 0,

    /// <summary>The inspector is qualified for every item of the visit.</summary>
    Qualification = 1,

    /// <summary>The enforcement certificate is valid on the visit's day.</summary>
    Certificate = 2,

    /// <summary>The inspector has no declared conflict with the entity (回避, Administrative Penalty Law art. 43).</summary>
    Conflict = 3,

    /// <summary>The inspector is within the workload cap.</summary>
    Workload = 4,
}

/// <summary>A team drawn for a visit.</summary>
/// <param name="Visit">The visit.</param>
/// <param name="Inspectors">The inspectors' ids, by rank.</param>
/// <param name="RepeatedFromLastTeam">How many of them were on the entity's last team (only when no one else was available).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TeamAssignment(Visit Visit, ImmutableArray<string> Inspectors, int RepeatedFromLastTeam);

/// <summary>A visit for which no team could be formed, with the constraint that left too few inspectors.</summary>
/// <param name="Visit">The visit.</param>
/// <param name="Constraint">The first constraint after which fewer than the team size remained.</param>
/// <param name="Remaining">Inspectors left after that constraint.</param>
/// <param name="Reason">The coded reason, in both languages.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record InfeasibleVisit(Visit Visit, TeamConstraint Constraint, int Remaining, Reason Reason);

/// <summary>The second random's result: teams for the visits that have one, and the visits that have none, with why.</summary>
/// <param name="Assignments">The teams, in the order they were drawn.</param>
/// <param name="Infeasible">The visits without a team.</param>
/// <param name="Workload">Visits per inspector.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TeamDrawResult(ImmutableArray<TeamAssignment> Assignments, ImmutableArray<InfeasibleVisit> Infeasible, ImmutableSortedDictionary<string, int> Workload);

/// <summary>
/// The second random of 双随机: draws a team of inspectors for each visit by the same verifiable ranking as the entity
/// draw. The prefix is SHA-256(seed) ‖ SHA-256(task id + "/team"); visits are served in order of SHA-256(prefix ‖ credit
/// code), and for each visit the eligible inspectors are ranked by SHA-256(prefix ‖ credit code ‖ "|" ‖ inspector id),
/// those not on the entity's last team first.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class TeamDraw
{
    /// <summary>Draws the teams.</summary>
    /// <param name="seed">The seed bytes (the same public seed as the entity draw).</param>
    /// <param name="taskId">The task id.</param>
    /// <param name="visits">The visits.</param>
    /// <param name="inspectors">The inspector directory.</param>
    /// <param name="teamSize">Inspectors per team, at least 2 (Administrative Penalty Law art. 42).</param>
    /// <returns>The teams and the infeasible visits, or coded errors for an empty or malformed directory (nothing drawn).</returns>
    public static RuleResult<TeamDrawResult> Assign(ReadOnlySpan<byte> seed, string taskId, IEnumerable<Visit> visits, IReadOnlyList<InspectorRecord> inspectors, int teamSize)
    {
        Preconditions.CheckNotNull(taskId);
        Preconditions.CheckNotNull(visits);
        Preconditions.CheckNotNull(inspectors);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        if (seed.IsEmpty)
        {
            errors.Add(SamplingErrors.InvalidSeed.Create("$.seed", ("Seed", "")));
        }
        if (teamSize < 2)
        {
            errors.Add(SamplingErrors.InvalidField.Create("$.teamSize", ("PropertyName", "teamSize")));
        }
        if (inspectors.Count == 0)
        {
            errors.Add(SamplingErrors.EmptyInspectorPool.Create("$.inspectors"));
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inspectors.Count; i++)
        {
            var inspector = inspectors[i];
            var detail = inspector is null ? "the record is null"
                : string.IsNullOrWhiteSpace(inspector.Id) ? "the id is missing"
                : seen.TryGetValue(inspector.Id, out var first) ? $"id {inspector.Id} repeats record {first}"
                : inspector.WorkloadCap < 0 ? "the workload cap is negative"
                : inspector.CertificateValidity is null ? "the certificate validity is missing"
                : null;
            if (detail is not null)
            {
                errors.Add(SamplingErrors.InvalidInspector.Create($"$.inspectors[{i}]", ("Index", i), ("Number", i + 1), ("Detail", detail)));
            }
            else
            {
                seen[inspector!.Id] = i;
            }
        }
        if (errors.Count > 0)
        {
            return RuleResult<TeamDrawResult>.Failure(errors.ToImmutable());
        }

        var prefix = DrawPrefix.CreateForTeams(seed, taskId);
        var ordered = visits.Select(v => (Visit: Preconditions.CheckNotNull(v), Rank: prefix.Rank(v.CreditCode)))
            .OrderBy(v => v.Rank, StringComparer.Ordinal).ThenBy(v => v.Visit.CreditCode, StringComparer.Ordinal).ToList();
        var load = inspectors.ToDictionary(i => i.Id, _ => 0, StringComparer.Ordinal);
        var assignments = ImmutableArray.CreateBuilder<TeamAssignment>();
        var infeasible = ImmutableArray.CreateBuilder<InfeasibleVisit>();
        foreach (var (visit, _) in ordered)
        {
            IEnumerable<InspectorRecord> pool = inspectors;
            (TeamConstraint Constraint, int Remaining)? failed = null;
            foreach (var constraint in Enum.GetValues<TeamConstraint>())
            {
                var list = pool.Where(i => Meets(i, visit, constraint, load)).ToList();
                pool = list;
                if (list.Count < teamSize)
                {
                    failed = (constraint, list.Count);
                    break;
                }
            }
            if (failed is { } f)
            {
                infeasible.Add(new InfeasibleVisit(visit, f.Constraint, f.Remaining, SamplingReasons.TeamInfeasible.ToReason(CitationOf(f.Constraint),
                    ("Code", visit.CreditCode), ("TeamSize", teamSize), ("Constraint", ConstraintName(f.Constraint)), ("Remaining", f.Remaining))));
                continue;
            }
            var team = pool
                .Select(i => (Inspector: i, Repeat: !visit.LastTeam.IsDefaultOrEmpty && visit.LastTeam.Contains(i.Id), Rank: prefix.Rank(visit.CreditCode + "|" + i.Id)))
                .OrderBy(x => x.Repeat).ThenBy(x => x.Rank, StringComparer.Ordinal)
                .Take(teamSize)
                .ToList();
            foreach (var member in team)
            {
                load[member.Inspector.Id]++;
            }
            assignments.Add(new TeamAssignment(visit, [.. team.Select(m => m.Inspector.Id)], team.Count(m => m.Repeat)));
        }
        return RuleResult<TeamDrawResult>.Success(new TeamDrawResult(assignments.ToImmutable(), infeasible.ToImmutable(),
            load.ToImmutableSortedDictionary(StringComparer.Ordinal)));
    }

    /// <summary>Whether an inspector meets one constraint for a visit.</summary>
    /// <param name="inspector">The inspector.</param>
    /// <param name="visit">The visit.</param>
    /// <param name="constraint">The constraint.</param>
    /// <param name="load">Visits already assigned per inspector.</param>
    /// <returns>Whether the constraint holds.</returns>
    internal static bool Meets(InspectorRecord inspector, Visit visit, TeamConstraint constraint, IReadOnlyDictionary<string, int> load) => constraint switch
    {
        TeamConstraint.RegionOrUnit => visit.Region.IsWithin(inspector.Region) && (visit.Units.IsDefaultOrEmpty || visit.Units.Contains(inspector.Unit)),
        TeamConstraint.Qualification => !inspector.QualifiedItems.IsDefault && visit.ItemIds.All(inspector.QualifiedItems.Contains),
        TeamConstraint.Certificate => inspector.CertificateValidity.Contains(visit.Date),
        TeamConstraint.Conflict => inspector.Conflicts.IsDefaultOrEmpty || !inspector.Conflicts.Contains(visit.CreditCode),
        TeamConstraint.Workload => load.GetValueOrDefault(inspector.Id) < inspector.WorkloadCap,
        _ => false,
    };

    private static string ConstraintName(TeamConstraint constraint) => constraint switch
    {
        TeamConstraint.RegionOrUnit => "辖区/单位 region or unit",
        TeamConstraint.Qualification => "检查事项资格 qualification for every item",
        TeamConstraint.Certificate => "执法证有效 valid certificate",
        TeamConstraint.Conflict => "回避 recusal",
        _ => "工作量上限 workload cap",
    };

    private static Citation? CitationOf(TeamConstraint constraint) => constraint switch
    {
        TeamConstraint.Conflict => SamplingParameters.PenaltyLawArticle43,
        _ => SamplingParameters.PenaltyLawArticle42,
    };
}
