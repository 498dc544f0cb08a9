using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Subsidies;

internal static class SubsidySchemeReader
{
    internal static RuleResult<SubsidyScheme> Parse(string json)
    {
        Preconditions.CheckNotNull(json);
        var read = Json.StrictJson.Read(json, SubsidyJsonContext.Default.SubsidySchemeDto, SubsidyErrors.SchemeMalformed);
        if (!read.IsSuccess)
        {
            return RuleResult<SubsidyScheme>.Failure(read.Errors);
        }
        var dto = read.Value;
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        void Require(bool ok, string path, string member)
        {
            if (!ok)
            {
                errors.Add(SubsidyErrors.SchemeMalformed.CreateLocalized(path, ("Detail", $"须给出「{member}」", $"'{member}' is required")));
            }
        }
        Money? Amount(long? fen, string path)
        {
            if (fen is null)
            {
                return null;
            }
            if (fen < 0)
            {
                errors.Add(SubsidyErrors.SchemeAmountInvalid.CreateLocalized(path, ("Value", fen, fen), ("Detail", "金额以分计，不得为负数", "amounts are fen, zero or more")));
                return null;
            }
            return Money.FromFen(fen.Value);
        }
        int? Count(int? count, string path)
        {
            if (count is < 0)
            {
                errors.Add(SubsidyErrors.SchemeAmountInvalid.CreateLocalized(path, ("Value", count, count), ("Detail", "名额不得为负数", "a quota is zero or more recipients")));
                return null;
            }
            return count;
        }

        Require(!string.IsNullOrWhiteSpace(dto.Id), "$.id", "id");
        Require(dto.Title is not null, "$.title", "title");
        Require(dto.Citation is not null, "$.citation", "citation");
        Require(dto.Validity?.Start is not null, "$.validity.start", "validity.start");
        Require(dto.Validity?.End is not null, "$.validity.end", "validity.end");
        Require(dto.Phases is { Count: > 0 }, "$.phases", "phases");
        Require(dto.Jurisdiction is not null, "$.jurisdiction", "jurisdiction");
        var jurisdiction = Jurisdiction.Parse(dto.Jurisdiction);
        if (dto.Jurisdiction is not null && !jurisdiction.IsSuccess)
        {
            errors.AddRange(jurisdiction.Errors.Select(e => e.WithPath("$.jurisdiction")));
        }
        var validFrom = dto.Validity?.Start;
        var validTo = dto.Validity?.End;
        if (validTo < validFrom)
        {
            errors.Add(SubsidyErrors.SchemePhasesInvalid.CreateLocalized("$.validity", ("Detail", "有效期的结束早于开始", "the window ends before it starts")));
        }
        var overallBudget = Amount(dto.OverallBudgetFen, "$.overallBudgetFen");
        var overallQuota = Count(dto.OverallQuota, "$.overallQuota");
        var minimumPrice = Amount(dto.MinimumNewBikePriceFen, "$.minimumNewBikePriceFen");

        var phases = ImmutableArray.CreateBuilder<SubsidyPhase>();
        for (var i = 0; i < (dto.Phases?.Count ?? 0); i++)
        {
            var p = dto.Phases![i];
            var path = $"$.phases[{i}]";
            var start = p.Start.GetValueOrDefault();
            var end = p.End.GetValueOrDefault();
            if (p.Start is null || p.End is null || p.AmountFen is null || p.Citation is null)
            {
                errors.Add(SubsidyErrors.SchemeMalformed.CreateLocalized(path, ("Detail", "须有「start」「end」「amountFen」和「citation」（每一金额均须注明依据）",
                    "'start', 'end', 'amountFen' and 'citation' are required (every amount is cited)")));
                continue;
            }
            if (end < start)
            {
                errors.Add(SubsidyErrors.SchemePhasesInvalid.CreateLocalized(path, ("Detail", $"第{i + 1}阶段的结束早于开始", $"phase {i + 1} ends before it starts")));
                continue;
            }
            if (validFrom is not null && validTo is not null && (start < validFrom || end > validTo))
            {
                errors.Add(SubsidyErrors.SchemePhasesInvalid.CreateLocalized(path, ("Detail", $"第{i + 1}阶段超出方案有效期", $"phase {i + 1} lies outside the scheme's window")));
            }
            if (phases.Count > 0 && start <= phases[^1].EndLocal)
            {
                errors.Add(SubsidyErrors.SchemePhasesInvalid.CreateLocalized(path, ("Detail", $"第{i + 1}阶段在第{i}阶段结束前开始（各阶段按时间顺序排列，不得重叠）",
                    $"phase {i + 1} starts before phase {i} ends (phases are listed in time order and do not overlap)")));
            }
            if (p.RateOfPrice <= 0m || p.RateOfPrice > 1m)
            {
                errors.Add(SubsidyErrors.SchemeAmountInvalid.CreateLocalized(path + ".rateOfPrice", ("Value", p.RateOfPrice, p.RateOfPrice),
                    ("Detail", "按价格计算的比例须大于 0 且不超过 1", "a share of the price is above 0 and at most 1")));
            }
            var amount = Amount(p.AmountFen, path + ".amountFen");
            var budget = Amount(p.BudgetFen, path + ".budgetFen");
            var quota = Count(p.Quota, path + ".quota");
            if (amount is not null)
            {
                phases.Add(new SubsidyPhase(i + 1, p.Name ?? new LocalizedText($"第{i + 1}阶段", $"Phase {i + 1}"), start, end, amount.Value, p.RateOfPrice, budget, quota, p.Citation));
            }
        }

        var keys = ImmutableArray.CreateRange((dto.Uniqueness ?? [SubsidyUniquenessKey.PersonId, SubsidyUniquenessKey.OldPlate, SubsidyUniquenessKey.OldFrame, SubsidyUniquenessKey.NewFrame]).Distinct());
        var evidence = ImmutableArray.CreateBuilder<SubsidyEvidenceRequirement>();
        for (var i = 0; i < (dto.Evidence?.Count ?? 0); i++)
        {
            var e = dto.Evidence![i];
            var step = e.Step.GetValueOrDefault();
            var kinds = e.Evidence ?? [];
            if (e.Step is null || kinds.Count == 0)
            {
                errors.Add(SubsidyErrors.SchemeMalformed.CreateLocalized($"$.evidence[{i}]", ("Detail", "须有「step」和至少一种「evidence」", "'step' and at least one 'evidence' kind are required")));
                continue;
            }
            foreach (var kind in kinds)
            {
                evidence.Add(new SubsidyEvidenceRequirement(step, kind));
            }
        }
        var extras = ImmutableArray.CreateBuilder<SubsidyExtra>();
        for (var i = 0; i < (dto.Extras?.Count ?? 0); i++)
        {
            var e = dto.Extras![i];
            var path = $"$.extras[{i}]";
            if (string.IsNullOrWhiteSpace(e.Id) || e.Condition is null || e.AmountFen is null || e.Citation is null)
            {
                errors.Add(SubsidyErrors.SchemeMalformed.CreateLocalized(path, ("Detail", "须有「id」「condition」「amountFen」和「citation」", "'id', 'condition', 'amountFen' and 'citation' are required")));
                continue;
            }
            var amount = Amount(e.AmountFen, path + ".amountFen");
            if (amount is not null)
            {
                extras.Add(new SubsidyExtra(e.Id, e.Condition.Value, amount.Value, e.Citation));
            }
        }
        Duration? expiry = null;
        var re = dto.ReservationExpiry;
        if (re is not null)
        {
            var hours = re.Hours.GetValueOrDefault();
            if (re.Hours is null || re.Citation is null)
            {
                errors.Add(SubsidyErrors.SchemeMalformed.CreateLocalized("$.reservationExpiry", ("Detail", "须有「hours」和「citation」（期限与每一金额一样须注明依据）",
                    "'hours' and 'citation' are required (the period is cited like every amount)")));
            }
            else if (hours <= 0 || hours > 24 * 366)
            {
                errors.Add(SubsidyErrors.SchemeAmountInvalid.CreateLocalized("$.reservationExpiry.hours", ("Value", hours, hours),
                    ("Detail", "预留期限须大于 0 小时且不超过 8784 小时", "a reservation is held for more than 0 and at most 8,784 hours")));
            }
            else
            {
                expiry = Duration.FromHours(hours);
            }
        }
        if (errors.Count > 0)
        {
            return RuleResult<SubsidyScheme>.Failure(errors.ToImmutable());
        }
        return RuleResult<SubsidyScheme>.Success(new SubsidyScheme(dto.Id!, dto.Version ?? "1", jurisdiction.Value, dto.Title!, dto.Citation!,
            validFrom!.Value, validTo!.Value, phases.ToImmutable(), overallBudget, overallQuota, keys, evidence.ToImmutable(),
            dto.Exhaustion ?? SubsidyExhaustionPolicy.Reject, dto.Rounding ?? SubsidyRounding.DownToFen, minimumPrice, extras.ToImmutable(),
            expiry, dto.ReservationExpiry?.Citation));
    }

    // Building a pattern parses its text: build it once, not on every explanation.
    private static readonly NodaTime.Text.LocalDateTimePattern LocalPattern = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");

    internal static string FormatLocal(LocalDateTime value) => LocalPattern.Format(value);

    internal static string FormatYuan(Money money) => FormatAmount(money) + " 元";

    // The same amount in the English text: "300.00 yuan" (a reason's arguments keep the Chinese value).
    internal static string FormatYuanInEnglish(Money money) => FormatAmount(money) + " yuan";

    // The number of yuan with its two decimals, as every subsidy message writes it.
    internal static string FormatAmount(Money money) => money.Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}

internal sealed class SubsidySchemeDto
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Jurisdiction { get; set; }

    public LocalizedText? Title { get; set; }

    public Citation? Citation { get; set; }

    public SubsidyValidityDto? Validity { get; set; }

    public List<SubsidyPhaseDto>? Phases { get; set; }

    public long? OverallBudgetFen { get; set; }

    public int? OverallQuota { get; set; }

    public List<SubsidyUniquenessKey>? Uniqueness { get; set; }

    public List<SubsidyEvidenceDto>? Evidence { get; set; }

    public SubsidyExhaustionPolicy? Exhaustion { get; set; }

    public SubsidyRounding? Rounding { get; set; }

    public long? MinimumNewBikePriceFen { get; set; }

    public List<SubsidyExtraDto>? Extras { get; set; }

    public SubsidyReservationExpiryDto? ReservationExpiry { get; set; }
}

internal sealed class SubsidyReservationExpiryDto
{
    public int? Hours { get; set; }

    public Citation? Citation { get; set; }
}

internal sealed class SubsidyValidityDto
{
    public LocalDateTime? Start { get; set; }

    public LocalDateTime? End { get; set; }
}

internal sealed class SubsidyPhaseDto
{
    public LocalizedText? Name { get; set; }

    public LocalDateTime? Start { get; set; }

    public LocalDateTime? End { get; set; }

    public long? AmountFen { get; set; }

    public decimal? RateOfPrice { get; set; }

    public long? BudgetFen { get; set; }

    public int? Quota { get; set; }

    public Citation? Citation { get; set; }
}

internal sealed class SubsidyExtraDto
{
    public string? Id { get; set; }

    public SubsidyExtraCondition? Condition { get; set; }

    public long? AmountFen { get; set; }

    public Citation? Citation { get; set; }
}

internal sealed class SubsidyEvidenceDto
{
    public SubsidyStep? Step { get; set; }

    public List<SubsidyEvidence>? Evidence { get; set; }
}
