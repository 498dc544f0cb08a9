using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MarketRules.Json;
using MarketRules.Utility;

namespace MarketRules.Campaigns;

/// <summary>What a report due on a rest day becomes. No campaign plan found says; the plan (or one series) states it.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CampaignRestDayRule>))]
public enum CampaignRestDayRule
{
    /// <summary>The report stays due on the rest day (what daily holiday monitoring does, reporting through the festival).</summary>
    Keep = 0,

    /// <summary>The report is due on the last working day before, at the same time of day.</summary>
    PreviousWorkingDay = 1,

    /// <summary>The report is due on the first working day after, at the same time of day.</summary>
    NextWorkingDay = 2,
}

/// <summary>How often a report series falls due.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReportCadence>))]
public enum ReportCadence
{
    /// <summary>Every day of its windows (日报).</summary>
    Daily = 0,

    /// <summary>Once a week on a weekday (周报).</summary>
    Weekly = 1,

    /// <summary>Once a month on a day of the month (月报, "每月21日前").</summary>
    Monthly = 2,

    /// <summary>On fixed dates (stage and final summaries).</summary>
    Once = 3,
}

/// <summary>A phase of a campaign (动员部署, 集中行动, 总结提升…).</summary>
/// <param name="Id">The pack's id of the phase.</param>
/// <param name="Name">Its name.</param>
/// <param name="Days">Its days, both ends included.</param>
public sealed record CampaignPhase(string Id, LocalizedText Name, DateInterval Days);

/// <summary>A unit that takes part in a campaign and whom it reports to.</summary>
/// <param name="Id">The pack's id of the unit.</param>
/// <param name="Name">Its name.</param>
/// <param name="ReportsTo">The id of the unit it reports to, or <see langword="null"/> for the unit that receives reports.</param>
public sealed record CampaignUnit(string Id, LocalizedText Name, string? ReportsTo);

/// <summary>A series of reports: when each falls due, until what time of day, who sends it and to whom.</summary>
/// <param name="Id">The pack's id of the series.</param>
/// <param name="Name">Its name.</param>
/// <param name="Cadence">How often it falls due.</param>
/// <param name="Windows">The days it runs on (a daily series only inside the concentrated weeks, for example).</param>
/// <param name="Reporters">The ids of the units that send it.</param>
/// <param name="To">The id of the unit that receives it.</param>
public sealed record ReportSeries(string Id, LocalizedText Name, ReportCadence Cadence, ImmutableArray<DateInterval> Windows, ImmutableArray<string> Reporters, string To)
{
    /// <summary>For a weekly series, the weekday.</summary>
    public IsoDayOfWeek? Weekday { get; init; }

    /// <summary>For a monthly series, the day of the month (the month's last day when it has fewer days).</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>For a fixed-date series, the dates.</summary>
    public ImmutableArray<LocalDate> Dates { get; init; } = [];

    /// <summary>The time of day the report is due before (Asia/Shanghai), or <see langword="null"/> for the end of the day.</summary>
    public LocalTime? Before { get; init; }

    /// <summary>The series' own rest-day rule, or <see langword="null"/> to follow the plan's.</summary>
    public CampaignRestDayRule? RestDays { get; init; }
}

/// <summary>
/// A campaign plan (专项行动工作方案) as data: its window, phases, concentrated-action windows, units and report series,
/// read from a validated JSON pack. Campaign plans are administrative documents, not law: every value is the plan's.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class CampaignPlan
{
    internal CampaignPlan(string id, LocalizedText title, LocalizedText issuer, Citation citation, DateInterval window, ImmutableArray<CampaignPhase> phases,
        ImmutableArray<DateInterval> concentrated, ImmutableArray<CampaignUnit> units, ImmutableArray<ReportSeries> series, CampaignRestDayRule? restDays)
    {
        Id = id;
        Title = title;
        Issuer = issuer;
        Citation = citation;
        Window = window;
        Phases = phases;
        Concentrated = concentrated;
        Units = units;
        Series = series;
        RestDays = restDays;
    }

    /// <summary>The pack's id.</summary>
    public string Id { get; }

    /// <summary>The plan's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>Who issued it.</summary>
    public LocalizedText Issuer { get; }

    /// <summary>Where the plan comes from and how far it was checked (a seed plan is <see cref="VerificationStatus.ProjectRequirement"/>).</summary>
    public Citation Citation { get; }

    /// <summary>The campaign's days.</summary>
    public DateInterval Window { get; }

    /// <summary>The phases, in time order.</summary>
    public ImmutableArray<CampaignPhase> Phases { get; }

    /// <summary>The concentrated-action windows (集中行动周).</summary>
    public ImmutableArray<DateInterval> Concentrated { get; }

    /// <summary>The units and whom each reports to.</summary>
    public ImmutableArray<CampaignUnit> Units { get; }

    /// <summary>The report series.</summary>
    public ImmutableArray<ReportSeries> Series { get; }

    /// <summary>The plan's rest-day rule, or <see langword="null"/> when the plan does not say (then <see cref="CampaignRestDayRule.Keep"/> applies and every due on a rest day is flagged).</summary>
    public CampaignRestDayRule? RestDays { get; }

    /// <summary>The same plan with a stated rest-day rule (to see what each rule would do to a silent plan's calendar).</summary>
    /// <param name="rule">The rule, or <see langword="null"/> for a plan that does not say.</param>
    /// <returns>The plan with its rule replaced; the series' own rules are kept.</returns>
    public CampaignPlan WithRestDays(CampaignRestDayRule? rule) => new(Id, Title, Issuer, Citation, Window, Phases, Concentrated, Units, Series, rule);

    /// <summary>The seed's example: the Daguan District (Anqing) New Year and Spring Festival anti-counterfeit campaign, 2016-12-01 → 2017-02-28.</summary>
    public static CampaignPlan Daguan2016 => LazyDaguan.Value;

    private static readonly Lazy<CampaignPlan> LazyDaguan = new(() => Parse(ReadResource("MarketRules.Data.Campaigns/daguan-2016.json")).GetValueOrThrow());

    /// <summary>The packs that ship with the library, by id.</summary>
    public static ImmutableArray<CampaignPlan> Examples => [Daguan2016];

    /// <summary>Reads a campaign pack strictly: an unknown or misspelt member, a duplicate key, a bad value or a reference to an unknown phase or unit is a coded error with its path.</summary>
    /// <param name="json">The pack.</param>
    /// <returns>The plan, or the errors (<c>MR.Campaigns.*</c>).</returns>
    public static RuleResult<CampaignPlan> Parse(string json) => CampaignPackReader.Parse(Preconditions.CheckNotNull(json));

    private static string ReadResource(string name)
    {
        using var stream = typeof(CampaignPlan).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The coded errors of campaign packs and their calendars.</summary>
public static class CampaignErrors
{
    /// <summary>A pack that cannot be read: not JSON, an unknown member, a duplicate key, a wrong type.</summary>
    public static readonly MessageDefinition PackMalformed = new("MR.Campaigns.PackMalformed",
        "专项行动方案包无法读取：{Detail}",
        "The campaign pack cannot be read: {Detail}");

    /// <summary>A value out of place: an end before a start, a window outside the campaign, a missing field.</summary>
    public static readonly MessageDefinition PackInvalid = new("MR.Campaigns.PackInvalid",
        "专项行动方案包取值无效：{Detail}",
        "The campaign pack has an invalid value: {Detail}");

    /// <summary>A reference to a phase, unit or series the pack does not define.</summary>
    public static readonly MessageDefinition UnknownReference = new("MR.Campaigns.UnknownReference",
        "未定义的引用「{Id}」",
        "Unknown reference '{Id}'");

    /// <summary>A date range that ends before it starts.</summary>
    public static readonly MessageDefinition RangeInvalid = new("MR.Campaigns.RangeInvalid",
        "日期范围 {From} 至 {To} 无效",
        "The date range {From} to {To} is invalid");
}

/// <summary>The reasons campaign decisions give.</summary>
public static class CampaignReasons
{
    /// <summary>How rest days are handled.</summary>
    public static readonly MessageDefinition RestDayRule = new("MR.Campaigns.RestDayRule",
        "「{Series}」逢休息日的处理：{Rule}",
        "'{Series}' on a rest day: {Rule}");

    /// <summary>A report due on a rest day.</summary>
    public static readonly MessageDefinition DueOnRestDay = new("MR.Campaigns.DueOnRestDay",
        "「{Series}」原定 {Date}（{DayKind}）报送：{Outcome}",
        "'{Series}' falls due on {Date} ({DayKind}): {Outcome}");

    /// <summary>The number of reports due in the range.</summary>
    public static readonly MessageDefinition Dues = new("MR.Campaigns.Dues",
        "{From} 至 {To} 共有 {Count} 次报送",
        "{Count} reports fall due from {From} to {To}");

    /// <summary>A unit's record.</summary>
    public static readonly MessageDefinition UnitRecord = new("MR.Campaigns.UnitRecord",
        "“{Unit}”：按时 {OnTime} 次，迟报 {Late} 次，漏报 {Missing} 次",
        "'{Unit}': {OnTime} on time, {Late} late, {Missing} missing");

    /// <summary>A late report.</summary>
    public static readonly MessageDefinition LateReport = new("MR.Campaigns.LateReport",
        "“{Unit}”的“{Series}”应于 {DueAt} 前报送，实际 {SubmittedAt}，迟 {Minutes} 分钟",
        "'{Unit}' sent '{Series}' due before {DueAt} at {SubmittedAt}, {Minutes} minutes late");

    /// <summary>A missing report.</summary>
    public static readonly MessageDefinition MissingReport = new("MR.Campaigns.MissingReport",
        "“{Unit}”未报送应于 {DueAt} 前报送的“{Series}”",
        "'{Unit}' did not send '{Series}' due before {DueAt}");
}
