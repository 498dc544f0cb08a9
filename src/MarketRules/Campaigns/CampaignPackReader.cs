using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Json;

namespace MarketRules.Campaigns;

internal static class CampaignPackReader
{
    private static readonly NodaTime.Text.LocalTimePattern Time = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    internal static RuleResult<CampaignPlan> Parse(string json)
    {
        // The kernel's strict reading (duplicates, unknown members, invalid text, each with its path) and its bilingual
        // details: never the binder's exception text.
        var read = StrictJson.Read(json, CampaignJsonContext.Default.CampaignPackDto, CampaignErrors.PackMalformed);
        return read.IsSuccess ? FromDto(read.Value, "$") : RuleResult<CampaignPlan>.Failure(read.Errors);
    }

    internal static RuleResult<CampaignPlan> FromDto(CampaignPackDto dto, string root)
    {
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        void Invalid(string path, string chinese, string english) =>
            errors.Add(CampaignErrors.PackInvalid.CreateLocalized(root + path[1..], ("Detail", chinese, english)));
        DateInterval? Range(DateRangeDto? range, string path)
        {
            // Read without pattern variables: Stryker guards each condition, a variable declared in one is then not
            // definitely assigned (CS0165), and every mutant of this method would be dropped as a compile error.
            var start = range?.Start;
            var end = range?.End;
            if (start is null || end is null)
            {
                Invalid(path, "须给出「start」和「end」", "'start' and 'end' are required");
                return null;
            }
            if (end.Value < start.Value)
            {
                errors.Add(CampaignErrors.RangeInvalid.Create(root + path[1..], ("From", start.Value), ("To", end.Value)));
                return null;
            }
            return new DateInterval(start.Value, end.Value);
        }
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            Invalid("$.id", "须给出「id」", "'id' is required");
        }
        if (dto.Title is null)
        {
            Invalid("$.title", "须给出「title」", "'title' is required");
        }
        var window = Range(dto.Window, "$.window");
        bool Inside(DateInterval d) => window is null || (d.Start >= window.Start && d.End <= window.End);

        var phases = ImmutableArray.CreateBuilder<CampaignPhase>();
        for (var i = 0; i < (dto.Phases?.Count ?? 0); i++)
        {
            var p = dto.Phases![i];
            var path = $"$.phases[{i}]";
            if (string.IsNullOrWhiteSpace(p.Id) || p.Name is null)
            {
                Invalid(path, "须给出「id」和「name」", "'id' and 'name' are required");
                continue;
            }
            // Read without pattern variables (here and below), for the reason given in Range.
            var days = Range(new DateRangeDto { Start = p.Start, End = p.End }, path);
            if (days is not null)
            {
                if (!Inside(days))
                {
                    Invalid(path, $"阶段“{p.Id}”超出专项行动的起止期间", $"phase '{p.Id}' lies outside the campaign's window");
                }
                if (phases.Count > 0 && days.Start <= phases[^1].Days.End)
                {
                    Invalid(path, $"阶段“{p.Id}”在上一阶段结束前开始（各阶段须按时间顺序排列且互不重叠）", $"phase '{p.Id}' starts before the previous phase ends (phases are in time order and do not overlap)");
                }
                phases.Add(new CampaignPhase(p.Id!, p.Name, days));
            }
        }
        var concentrated = ImmutableArray.CreateBuilder<DateInterval>();
        for (var i = 0; i < (dto.Concentrated?.Count ?? 0); i++)
        {
            var days = Range(dto.Concentrated![i], $"$.concentrated[{i}]");
            if (days is not null)
            {
                if (!Inside(days))
                {
                    Invalid($"$.concentrated[{i}]", "集中行动期间超出专项行动的起止期间", "a concentrated-action window lies outside the campaign's window");
                }
                concentrated.Add(days);
            }
        }

        var units = ImmutableArray.CreateBuilder<CampaignUnit>();
        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Units?.Count ?? 0); i++)
        {
            var u = dto.Units![i];
            if (string.IsNullOrWhiteSpace(u.Id) || u.Name is null)
            {
                Invalid($"$.units[{i}]", "须给出「id」和「name」", "'id' and 'name' are required");
                continue;
            }
            if (!unitIds.Add(u.Id!))
            {
                Invalid($"$.units[{i}].id", $"单位“{u.Id}”重复定义", $"unit '{u.Id}' is defined twice");
            }
            units.Add(new CampaignUnit(u.Id!, u.Name, u.ReportsTo));
        }
        if (units.Count == 0)
        {
            Invalid("$.units", "至少须定义一个单位（谁向谁报送）", "at least one unit is required (who reports to whom)");
        }
        for (var i = 0; i < units.Count; i++)
        {
            var to = units[i].ReportsTo;
            if (to is not null && !unitIds.Contains(to))
            {
                errors.Add(CampaignErrors.UnknownReference.Create($"{root}.units[{i}].reportsTo", ("Id", to)));
            }
        }
        var roots = units.Where(u => u.ReportsTo is null).Select(u => u.Id).ToList();

        var series = ImmutableArray.CreateBuilder<ReportSeries>();
        var seriesIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Series?.Count ?? 0); i++)
        {
            var s = dto.Series![i];
            var path = $"$.series[{i}]";
            // Read without a pattern variable in the condition: mutation testing rewrites the condition, the variable is then
            // not definitely assigned, and Stryker would drop every mutant of this method as a compile error.
            var cadence = s.Cadence.GetValueOrDefault();
            if (string.IsNullOrWhiteSpace(s.Id) || s.Name is null || s.Cadence is null)
            {
                Invalid(path, "须给出「id」、「name」和「cadence」", "'id', 'name' and 'cadence' are required");
                continue;
            }
            if (!seriesIds.Add(s.Id!))
            {
                Invalid(path + ".id", $"报送事项“{s.Id}”重复定义", $"series '{s.Id}' is defined twice");
            }
            LocalTime? before = null;
            var text = s.Before;
            if (text is not null)
            {
                var parsed = Time.Parse(text);
                if (parsed.Success)
                {
                    before = parsed.Value;
                }
                else
                {
                    Invalid(path + ".before", "不是按“时:分”（两位数）书写的时刻", $"'{text}' is not a time of day written HH:mm");
                }
            }
            if ((cadence == ReportCadence.Weekly) != (s.Weekday is not null) || s.Weekday is IsoDayOfWeek.None)
            {
                Invalid(path + ".weekday", "只有每周报送的事项须且只能写明星期几（「monday」至「sunday」）", "a weekly series, and only a weekly series, names its weekday (monday … sunday)");
            }
            if ((cadence == ReportCadence.Monthly) != (s.DayOfMonth is not null) || s.DayOfMonth is < 1 or > 31)
            {
                Invalid(path + ".dayOfMonth", "只有每月报送的事项须且只能写明每月几日（1至31）", "a monthly series, and only a monthly series, names its day of the month (1–31)");
            }
            if ((cadence == ReportCadence.Once) != (s.Dates is { Count: > 0 }))
            {
                Invalid(path + ".dates", "只有按固定日期报送的事项须且只能列出日期", "a fixed-date series, and only a fixed-date series, lists its dates");
            }
            var dates = (s.Dates ?? []).ToImmutableArray();
            if (window is not null && dates.Any(d => !window.Contains(d)))
            {
                Invalid(path + ".dates", "固定报送日期超出专项行动的起止期间", "a fixed date lies outside the campaign's window");
            }
            ImmutableArray<DateInterval> windows = [];
            var own = s.Windows ?? [];
            if (own.Count > 0 && s.Within is not null)
            {
                Invalid(path, "「within」与「windows」只能给出其一", "give either 'within' or 'windows', not both");
            }
            else if (own.Count > 0)
            {
                var list = ImmutableArray.CreateBuilder<DateInterval>();
                for (var j = 0; j < own.Count; j++)
                {
                    var days = Range(own[j], $"{path}.windows[{j}]");
                    if (days is not null)
                    {
                        if (!Inside(days))
                        {
                            Invalid($"{path}.windows[{j}]", "报送期间超出专项行动的起止期间", "a report window lies outside the campaign's window");
                        }
                        list.Add(days);
                    }
                }
                windows = list.ToImmutable();
            }
            else
            {
                var within = s.Within ?? "campaign";
                if (within == "campaign")
                {
                    windows = window is null ? [] : [window];
                }
                else if (within == "concentrated")
                {
                    windows = concentrated.ToImmutable();
                    if (windows.IsEmpty)
                    {
                        Invalid(path + ".within", "方案未设集中行动期间", "the plan has no concentrated-action windows");
                    }
                }
                else
                {
                    var phase = phases.FirstOrDefault(p => p.Id == within);
                    if (phase is not null)
                    {
                        windows = [phase.Days];
                    }
                    else
                    {
                        errors.Add(CampaignErrors.UnknownReference.Create($"{root}{path[1..]}.within", ("Id", within)));
                    }
                }
            }
            var to = s.To;
            if (to is null)
            {
                if (roots.Count == 1)
                {
                    to = roots[0];
                }
                else
                {
                    Invalid(path + ".to", "方案没有唯一的接收单位时须给出「to」", "'to' is required when the plan has no single receiving unit");
                    continue;
                }
            }
            else if (!unitIds.Contains(to))
            {
                errors.Add(CampaignErrors.UnknownReference.Create($"{root}{path[1..]}.to", ("Id", to)));
            }
            var named = s.Reporters ?? [];
            var reporters = named.Count > 0 ? named.ToImmutableArray() : [.. units.Where(u => u.ReportsTo == to).Select(u => u.Id)];
            for (var j = 0; j < named.Count; j++)
            {
                if (!unitIds.Contains(named[j]))
                {
                    errors.Add(CampaignErrors.UnknownReference.Create($"{root}{path[1..]}.reporters[{j}]", ("Id", named[j])));
                }
            }
            if (reporters.IsEmpty)
            {
                Invalid(path + ".reporters", "没有单位报送该事项", "no unit sends this series");
            }
            series.Add(new ReportSeries(s.Id!, s.Name, cadence, windows, reporters, to)
            {
                Weekday = s.Weekday, DayOfMonth = s.DayOfMonth, Dates = dates, Before = before, RestDays = s.RestDays,
            });
        }
        if (series.Count == 0)
        {
            Invalid("$.series", "至少须定义一个报送事项", "at least one report series is required");
        }
        if (errors.Count > 0)
        {
            return RuleResult<CampaignPlan>.Failure(errors.ToImmutable());
        }
        var citation = new Citation(dto.Title!, null, dto.Status ?? VerificationStatus.ProjectRequirement)
        {
            IssuingBody = dto.Issuer, Source = dto.Source, Note = dto.Note,
        };
        return RuleResult<CampaignPlan>.Success(new CampaignPlan(dto.Id!, dto.Title!, dto.Issuer ?? dto.Title!, citation, window!, phases.ToImmutable(),
            concentrated.ToImmutable(), units.ToImmutable(), series.ToImmutable(), dto.RestDays));
    }
}

/// <summary>A campaign pack as JSON writes it; read strictly (unknown members and duplicate keys are errors).</summary>
public sealed class CampaignPackDto
{
    /// <summary>The pack's id.</summary>
    public string? Id { get; init; }

    /// <summary>Where the plan comes from (e.g. <c>seed</c>, or an address).</summary>
    public string? Source { get; init; }

    /// <summary>How far the plan was checked; <c>project-requirement</c> by default.</summary>
    public VerificationStatus? Status { get; init; }

    /// <summary>A note on the plan's text.</summary>
    public string? Note { get; init; }

    /// <summary>The plan's title.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Who issued it.</summary>
    public LocalizedText? Issuer { get; init; }

    /// <summary>The campaign's days.</summary>
    public DateRangeDto? Window { get; init; }

    /// <summary>The plan's rest-day rule; absent when the plan does not say.</summary>
    public CampaignRestDayRule? RestDays { get; init; }

    /// <summary>The phases.</summary>
    public List<CampaignPhaseDto>? Phases { get; init; }

    /// <summary>The concentrated-action windows.</summary>
    public List<DateRangeDto>? Concentrated { get; init; }

    /// <summary>The units.</summary>
    public List<CampaignUnitDto>? Units { get; init; }

    /// <summary>The report series.</summary>
    public List<ReportSeriesDto>? Series { get; init; }
}

/// <summary>A range of days, both ends included.</summary>
public sealed class DateRangeDto
{
    /// <summary>The first day.</summary>
    public LocalDate? Start { get; init; }

    /// <summary>The last day.</summary>
    public LocalDate? End { get; init; }
}

/// <summary>A phase as JSON writes it.</summary>
public sealed class CampaignPhaseDto
{
    /// <summary>The id.</summary>
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>The first day.</summary>
    public LocalDate? Start { get; init; }

    /// <summary>The last day.</summary>
    public LocalDate? End { get; init; }
}

/// <summary>A unit as JSON writes it.</summary>
public sealed class CampaignUnitDto
{
    /// <summary>The id.</summary>
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>The id of the unit it reports to.</summary>
    public string? ReportsTo { get; init; }
}

/// <summary>A report series as JSON writes it.</summary>
public sealed class ReportSeriesDto
{
    /// <summary>The id.</summary>
    public string? Id { get; init; }

    /// <summary>The name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>The cadence.</summary>
    public ReportCadence? Cadence { get; init; }

    /// <summary>For a weekly series: <c>monday</c> … <c>sunday</c>.</summary>
    [JsonConverter(typeof(KebabCaseEnumConverter<IsoDayOfWeek>))]
    public IsoDayOfWeek? Weekday { get; init; }

    /// <summary>For a monthly series: 1–31.</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>For a fixed-date series: the dates.</summary>
    public List<LocalDate>? Dates { get; init; }

    /// <summary>The time of day, <c>HH:mm</c>, the report is due before; absent for the end of the day.</summary>
    public string? Before { get; init; }

    /// <summary><c>campaign</c> (default), <c>concentrated</c> or a phase's id.</summary>
    public string? Within { get; init; }

    /// <summary>The series' own windows, instead of <see cref="Within"/>.</summary>
    public List<DateRangeDto>? Windows { get; init; }

    /// <summary>The series' own rest-day rule.</summary>
    public CampaignRestDayRule? RestDays { get; init; }

    /// <summary>The ids of the units that send it; by default every unit that reports to <see cref="To"/>.</summary>
    public List<string>? Reporters { get; init; }

    /// <summary>The id of the receiving unit; by default the plan's single unit that reports to no one.</summary>
    public string? To { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateJsonConverter)])]
[JsonSerializable(typeof(CampaignPackDto))]
internal sealed partial class CampaignJsonContext : JsonSerializerContext
{
}
