using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketRules.Utility;
using NodaTime.Text;

namespace MarketRules.Calendar;

/// <summary>
/// Reads calendar notices in MarketRules' JSON format, the format of the embedded calendar: an object with a
/// <c>years</c> array, each year with its <c>notice</c> (<c>title</c>, <c>source</c>), <c>restDays</c>
/// (<c>name</c>, <c>nameEn</c>, <c>from</c>, <c>to</c>) and <c>makeUpWorkdays</c> (ISO dates).
/// </summary>
public static class CalendarData
{
    private const string EmbeddedResource = "MarketRules.Data.Calendar/statutory-calendar.json";

    /// <summary>Parses notices from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The years, or coded errors naming the JSON path of each problem.</returns>
    public static RuleResult<ImmutableArray<CalendarYear>> ParseYears(string json)
    {
        Preconditions.CheckNotNull(json);
        // Read without pattern variables, and without Count: a mutation tool that guards each condition (or removes the
        // try block) would leave a variable unassigned (CS0165), and it turns a `.Count` into a `Sum` that does not
        // compile; either drops the method's mutants unmeasured.
        // Strict at the door, like packs and schemes: a misspelt member (makeUpWorkday) or a repeated key must be a coded
        // error, never a year read without its make-up workdays.
        var read = Json.StrictJson.Read(json, CalendarJsonContext.Default.CalendarFileDto, KernelErrors.CalendarFileMalformed);
        if (!read.IsSuccess)
        {
            return RuleResult<ImmutableArray<CalendarYear>>.Failure(read.Errors);
        }
        var file = read.Value;
        if (file.Years is null || file.Years.Count == 0)
        {
            return RuleResult<ImmutableArray<CalendarYear>>.Failure(
                KernelErrors.CalendarDataInvalid.CreateLocalized("$.years", ("Year", new LocalizedText("-", "-")), ("Detail", new LocalizedText("须给出「years」，至少一个年度", "'years' is required, with at least one year"))));
        }
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        var years = ImmutableArray.CreateBuilder<CalendarYear>();
        foreach (var (dto, i) in file.Years.Select((y, i) => (y, i)))
        {
            var path = $"$.years[{i}]";
            var rest = new List<HolidayRest>();
            var workdays = new List<LocalDate>();
            foreach (var (r, j) in (dto.RestDays ?? []).Select((r, j) => (r, j)))
            {
                var from = ParseDate(r.From, $"{path}.restDays[{j}].from", dto.Year, errors);
                var to = r.To is null ? from : ParseDate(r.To, $"{path}.restDays[{j}].to", dto.Year, errors);
                if (from.HasValue && to.HasValue)
                {
                    var (f, t) = (from.Value, to.Value);
                    if (t < f)
                    {
                        errors.Add(KernelErrors.CalendarDataInvalid.CreateLocalized($"{path}.restDays[{j}]", ("Year", dto.Year, dto.Year), ("Detail", "「to」早于「from」", "'to' is before 'from'")));
                        continue;
                    }
                    rest.Add(new HolidayRest(new LocalizedText(r.Name ?? "", r.NameEn ?? r.Name ?? ""), new DateInterval(f, t)));
                }
            }
            foreach (var (w, j) in (dto.MakeUpWorkdays ?? []).Select((w, j) => (w, j)))
            {
                var day = ParseDate(w, $"{path}.makeUpWorkdays[{j}]", dto.Year, errors);
                if (day.HasValue)
                {
                    workdays.Add(day.Value);
                }
            }
            // The notice is a document of the registry (LegalDocuments.HolidayArrangementNotice): its title and source are
            // written once, here in the calendar data, and the registry lists the embedded calendar's notices.
            var usual = LegalDocuments.HolidayArrangementNotice(dto.Year).Title;
            var title = new LocalizedText(dto.Notice?.Title ?? usual.Chinese, dto.Notice?.TitleEn ?? usual.English);
            var notice = new Citation(LegalDocuments.HolidayArrangementNotice(dto.Year, title, dto.Notice?.Source), null, VerificationStatus.VerifiedSecondary);
            years.Add(new CalendarYear(dto.Year, notice, rest, workdays));
        }
        var found = errors.ToImmutable();
        return found.IsEmpty
            ? RuleResult<ImmutableArray<CalendarYear>>.Success(years.ToImmutable())
            : RuleResult<ImmutableArray<CalendarYear>>.Failure(found);
    }

    /// <summary>Builds a calendar from JSON notices.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The calendar or the coded errors.</returns>
    public static RuleResult<StatutoryCalendar> ParseCalendar(string json)
    {
        var years = ParseYears(json);
        return years.IsSuccess ? StatutoryCalendar.Create(years.Value) : RuleResult<StatutoryCalendar>.Failure(years.Errors);
    }

    internal static StatutoryCalendar LoadEmbedded()
    {
        using var stream = typeof(CalendarData).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException("The embedded calendar is missing: " + EmbeddedResource);
        using var reader = new StreamReader(stream);
        return ParseCalendar(reader.ReadToEnd()).GetValueOrThrow();
    }

    private static LocalDate? ParseDate(string? text, string path, int year, ImmutableArray<RuleError>.Builder errors)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? "");
        if (result.Success)
        {
            return result.Value;
        }
        errors.Add(KernelErrors.CalendarDataInvalid.CreateLocalized(path, ("Year", year, year), ("Detail", $"「{text}」不是 ISO 日期（yyyy-MM-dd）", $"'{text}' is not an ISO date (yyyy-MM-dd)")));
        return null;
    }
}

internal sealed class CalendarFileDto
{
    public string? Description { get; set; }

    public List<CalendarYearDto>? Years { get; set; }
}

internal sealed class CalendarYearDto
{
    public int Year { get; set; }

    public CalendarNoticeDto? Notice { get; set; }

    public List<HolidayRestDto>? RestDays { get; set; }

    public List<string>? MakeUpWorkdays { get; set; }
}

internal sealed class CalendarNoticeDto
{
    public string? Title { get; set; }

    public string? TitleEn { get; set; }

    public string? Source { get; set; }
}

internal sealed class HolidayRestDto
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CalendarFileDto))]
internal sealed partial class CalendarJsonContext : JsonSerializerContext
{
}
