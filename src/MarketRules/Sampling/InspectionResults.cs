using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Calendar;
using MarketRules.Credit;
using MarketRules.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Sampling;

/// <summary>One department's selection in a task: the entities it drew and the items it checks on them.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Department">The department.</param>
/// <param name="ItemIds">The items it checks.</param>
/// <param name="CreditCodes">The entities it selected.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record DepartmentSelection(string TaskId, string Department, ImmutableArray<string> ItemIds, ImmutableArray<string> CreditCodes);

/// <summary>Merges several departments' selections on the same entity into one visit (进一次门、查多项事).</summary>
public static class JointInspection
{
    /// <summary>Builds one visit per entity, carrying every department's items.</summary>
    /// <param name="selections">The departments' selections.</param>
    /// <param name="directory">The entity directory, for each entity's region and last team.</param>
    /// <param name="date">The planned day of the visits.</param>
    /// <returns>The visits, by credit code; entities missing from the directory are left out.</returns>
    public static ImmutableArray<Visit> Merge(IEnumerable<DepartmentSelection> selections, IReadOnlyDictionary<string, EntityRecord> directory, LocalDate date)
    {
        Preconditions.CheckNotNull(selections);
        Preconditions.CheckNotNull(directory);
        var byEntity = new SortedDictionary<string, (SortedSet<string> Items, SortedSet<string> Departments, SortedSet<string> Tasks)>(StringComparer.Ordinal);
        foreach (var selection in selections)
        {
            foreach (var code in selection.CreditCodes)
            {
                if (!byEntity.TryGetValue(code, out var entry))
                {
                    entry = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
                    byEntity[code] = entry;
                }
                entry.Items.UnionWith(selection.ItemIds);
                entry.Departments.Add(selection.Department);
                entry.Tasks.Add(selection.TaskId);
            }
        }
        var visits = ImmutableArray.CreateBuilder<Visit>(byEntity.Count);
        foreach (var (code, entry) in byEntity)
        {
            if (directory.TryGetValue(code, out var entity))
            {
                visits.Add(new Visit(code, entity.Region, date, [.. entry.Items])
                {
                    Departments = [.. entry.Departments],
                    TaskIds = [.. entry.Tasks],
                    LastTeam = entity.LastTeam.IsDefault ? [] : entity.LastTeam,
                });
            }
        }
        return visits.ToImmutable();
    }
}

/// <summary>What an inspection found, as published (检查结果).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<InspectionOutcome>))]
public enum InspectionOutcome
{
    /// <summary>No problem found (未发现问题).</summary>
    NoProblemFound = 0,

    /// <summary>Problems found and ordered corrected (发现问题已责令改正).</summary>
    ProblemsFound = 1,

    /// <summary>Not found at the registered address (通过登记的住所（经营场所）无法联系).</summary>
    NotFoundAtRegisteredAddress = 2,

    /// <summary>Problems found, case opened (发现问题待后续处理 / 已立案).</summary>
    CaseOpened = 3,

    /// <summary>Not in business (未发现开展本次抽查涉及的经营活动).</summary>
    NoRelevantActivity = 4,
}

/// <summary>The result of one inspection and whether and when it was published.</summary>
/// <param name="CreditCode">The entity.</param>
/// <param name="TaskId">The task.</param>
/// <param name="InspectionEnded">The day the inspection ended: the 20 working days count from it.</param>
/// <param name="Outcome">What it found.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record InspectionResult(string CreditCode, string TaskId, LocalDate InspectionEnded, InspectionOutcome Outcome)
{
    /// <summary>The day the result was published on the National Enterprise Credit Information Publicity System, or <see langword="null"/>.</summary>
    public LocalDate? PublishedOn { get; init; }
}

/// <summary>Where a result stands against its publication deadline.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PublicationState>))]
public enum PublicationState
{
    /// <summary>Published by the deadline.</summary>
    PublishedOnTime = 0,

    /// <summary>Published after the deadline.</summary>
    PublishedLate = 1,

    /// <summary>Not yet published, the deadline not yet passed.</summary>
    Pending = 2,

    /// <summary>Not published and the deadline passed.</summary>
    Overdue = 3,
}

/// <summary>A result with its publication deadline.</summary>
/// <param name="Result">The result.</param>
/// <param name="Deadline">The last day to publish.</param>
/// <param name="State">Where it stands on the report's date.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PublicationItem(InspectionResult Result, ComputedDate Deadline, PublicationState State);

/// <summary>Published and overdue rates against the 100 % target.</summary>
/// <param name="AsOf">The report's date.</param>
/// <param name="Items">Every result with its deadline.</param>
/// <param name="Target">The target share of published results.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PublicationReport(LocalDate AsOf, ImmutableArray<PublicationItem> Items, decimal Target)
{
    /// <summary>Results counted.</summary>
    public int Total => Items.Length;

    /// <summary>Results published by their deadline.</summary>
    public int PublishedOnTime => Items.Count(i => i.State == PublicationState.PublishedOnTime);

    /// <summary>Results published late.</summary>
    public int PublishedLate => Items.Count(i => i.State == PublicationState.PublishedLate);

    /// <summary>Results unpublished past their deadline.</summary>
    public int Overdue => Items.Count(i => i.State == PublicationState.Overdue);

    /// <summary>Results still within their period.</summary>
    public int Pending => Items.Count(i => i.State == PublicationState.Pending);

    /// <summary>Published (on time or late) ÷ results whose deadline has passed or that are published; 1 when none is due.</summary>
    public decimal PublishedRate
    {
        get
        {
            var due = Total - Pending;
            return due == 0 ? 1m : decimal.Round((decimal)(PublishedOnTime + PublishedLate) / due, 4);
        }
    }

    /// <summary>Results unpublished past their deadline ÷ results due.</summary>
    public decimal OverdueRate => Total - Pending == 0 ? 0m : decimal.Round((decimal)Overdue / (Total - Pending), 4);

    /// <summary>Whether the published rate reaches the target and nothing is overdue.</summary>
    public bool MeetsTarget => PublishedRate >= Target && Overdue == 0;
}

/// <summary>Publication deadlines of inspection results (一公开): 20 working days after the inspection ends.</summary>
public static class ResultPublication
{
    /// <summary>Computes each result's deadline and state on a date.</summary>
    /// <param name="results">The results.</param>
    /// <param name="asOf">The report's date.</param>
    /// <param name="law">The law in force: parameters, jurisdiction and period calculator (<c>NationalCatalog.Law</c> for national law).</param>
    /// <returns>The report.</returns>
    /// <exception cref="CalendarOutOfRangeException">Thrown when a deadline falls outside the calendar's years.</exception>
    public static PublicationReport Report(IEnumerable<InspectionResult> results, LocalDate asOf, LawContext law)
    {
        Preconditions.CheckNotNull(results);
        Preconditions.CheckNotNull(law);
        var calculator = law.Periods;
        var target = law.Resolve(SamplingParameters.PublicationTarget, asOf).Value;
        var items = ImmutableArray.CreateBuilder<PublicationItem>();
        foreach (var result in results)
        {
            var period = law.Resolve(SamplingParameters.PublicationPeriod, result.InspectionEnded);
            var deadline = calculator.Deadline(result.InspectionEnded, period.AsPeriod());
            var state = result.PublishedOn is { } published
                ? (published <= deadline.LastDay ? PublicationState.PublishedOnTime : PublicationState.PublishedLate)
                : (deadline.IsOverdueOn(asOf) ? PublicationState.Overdue : PublicationState.Pending);
            items.Add(new PublicationItem(result, ComputedDate.FromDeadline("sampling.publication-deadline",
                new LocalizedText("抽查结果公示期限", "Deadline to publish the inspection result"), deadline, period.Citation), state));
        }
        return new PublicationReport(asOf, items.ToImmutable(), target);
    }
}

/// <summary>One row of the annual coverage report.</summary>
/// <param name="Dimension"><c>tier</c>, <c>region</c> or <c>all</c>.</param>
/// <param name="Key">The class, the region code, or <c>*</c>.</param>
/// <param name="Active">Active enterprises.</param>
/// <param name="Inspected">Distinct enterprises inspected in the year, across all tasks.</param>
/// <param name="Target">The coverage target.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CoverageRow(string Dimension, string Key, int Active, int Inspected, decimal Target)
{
    /// <summary>Inspected ÷ active.</summary>
    public decimal Ratio => Active == 0 ? 0m : decimal.Round((decimal)Inspected / Active, 4);

    /// <summary>Whether the ratio reaches the target.</summary>
    public bool MeetsTarget => Active == 0 || (decimal)Inspected >= Target * Active;
}

/// <summary>Annual coverage: distinct enterprises inspected across all tasks of a year ÷ active enterprises, against the 5 % target.</summary>
public static class AnnualCoverage
{
    /// <summary>Computes coverage overall, per credit-risk class and per region.</summary>
    /// <param name="roster">The directory (active entities are the denominator).</param>
    /// <param name="results">Every inspection result of the year (any task).</param>
    /// <param name="year">The year.</param>
    /// <param name="target">The coverage target, e.g. the resolved <see cref="SamplingParameters.AnnualCoverage"/>.</param>
    /// <returns>The rows: <c>all</c> first, then by class, then by region.</returns>
    public static ImmutableArray<CoverageRow> Compute(IEnumerable<EntityRecord> roster, IEnumerable<InspectionResult> results, int year, decimal target)
    {
        Preconditions.CheckNotNull(roster);
        Preconditions.CheckNotNull(results);
        var inspected = results.Where(r => r.InspectionEnded.Year == year).Select(r => r.CreditCode).ToHashSet(StringComparer.Ordinal);
        var active = roster.Where(r => r.Status == EntityStatus.Active).ToList();
        CoverageRow Row(string dimension, string key, IEnumerable<EntityRecord> group)
        {
            var list = group.ToList();
            return new CoverageRow(dimension, key, list.Count, list.Count(r => inspected.Contains(r.CreditCode.Value)), target);
        }
        var rows = ImmutableArray.CreateBuilder<CoverageRow>();
        rows.Add(Row("all", "*", active));
        foreach (var tier in Enum.GetValues<CreditRiskClass>())
        {
            rows.Add(Row("tier", tier.ToString(), active.Where(r => r.Tier == tier)));
        }
        foreach (var region in active.GroupBy(r => r.Region).OrderBy(g => g.Key))
        {
            rows.Add(Row("region", region.Key.ToString(), region));
        }
        return rows.ToImmutable();
    }
}
