using System.Collections.Immutable;
using MarketRules.Calendar;
using MarketRules.Engine;
using MarketRules.Parameters;
using MarketRules.Subsidies;

namespace MarketRules.Hosting;

/// <summary>
/// The law a host applies at one moment: national law with the configured policy packs and subsidy schemes (which ride
/// on the law as instruments, found with <see cref="SubsidySchemes.Resolve"/>), counted on the statutory calendar with
/// the configured calendar years, and the rule engine over it. Immutable; a reload produces a new instance.
/// </summary>
public sealed class MarketRulesLaw
{
    /// <summary>Creates the law from its parts.</summary>
    /// <param name="law">The law context (national jurisdiction; <see cref="LawContext.For"/> reads it for another).</param>
    /// <param name="engine">The rule engine over the same policy and calendar.</param>
    /// <param name="policyPacks">The policy packs loaded on top of national law, in order.</param>
    public MarketRulesLaw(LawContext law, RuleEngine engine, ImmutableArray<PolicyPack> policyPacks)
    {
        Law = law ?? throw new ArgumentNullException(nameof(law));
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        PolicyPacks = policyPacks.IsDefault ? [] : policyPacks;
    }

    /// <summary>National law (carrying the shipped schemes) and the built-in engine: what a host without configuration applies.</summary>
    public static MarketRulesLaw National { get; } = new(NationalCatalog.Law, RuleEngine.Default, []);

    /// <summary>The law context: policy (national values, the loaded packs, the shipped and configured subsidy schemes), jurisdiction and period calculator.</summary>
    public LawContext Law { get; }

    /// <summary>The rule engine over the same policy and calendar.</summary>
    public RuleEngine Engine { get; }

    /// <summary>The policy packs loaded on top of national law, in order.</summary>
    public ImmutableArray<PolicyPack> PolicyPacks { get; }

    /// <summary>Reads the files an options instance names and validates them.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The law, or every coded error found: for each bad file one <c>MR.Hosting.InvalidFile</c> naming it, followed by its own errors with their JSON paths.</returns>
    public static RuleResult<MarketRulesLaw> Load(MarketRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        errors.AddRange(options.ConfigurationErrors);
        var law = NationalCatalog.Law;
        var packs = ImmutableArray.CreateBuilder<PolicyPack>();
        foreach (var file in options.PolicyPacks)
        {
            if (Read(file, errors) is not { } json)
            {
                continue;
            }
            var pack = PolicyPack.Parse(json, law.Policy.Catalog);
            var loaded = pack.IsSuccess ? law.WithPack(pack.Value) : RuleResult<LawContext>.Failure(pack.Errors);
            if (loaded.IsSuccess)
            {
                law = loaded.Value;
                packs.Add(pack.Value!);
            }
            else
            {
                InFile(errors, loaded.Errors, file);
            }
        }
        foreach (var file in options.SubsidySchemes)
        {
            if (Read(file, errors) is not { } json)
            {
                continue;
            }
            var scheme = SubsidyScheme.Parse(json);
            if (scheme.IsSuccess)
            {
                // On the law, as the engine's rule and every evaluator find it: one registry (decision 0019).
                law = SubsidySchemes.With(law, scheme.Value);
            }
            else
            {
                InFile(errors, scheme.Errors, file);
            }
        }
        var calendar = law.Calendar;
        foreach (var file in options.CalendarYears)
        {
            if (Read(file, errors) is not { } json)
            {
                continue;
            }
            var years = CalendarData.ParseYears(json);
            var extended = years.IsSuccess ? calendar.WithYears(years.Value) : RuleResult<StatutoryCalendar>.Failure(years.Errors);
            if (extended.IsSuccess)
            {
                calendar = extended.Value;
            }
            else
            {
                InFile(errors, extended.Errors, file);
            }
        }
        if (errors.Count > 0)
        {
            return RuleResult<MarketRulesLaw>.Failure(errors.ToImmutable());
        }
        if (packs.Count == 0 && options.SubsidySchemes.Count == 0 && options.CalendarYears.Count == 0)
        {
            return RuleResult<MarketRulesLaw>.Success(National);
        }
        // One calendar for the law and the engine: a deadline counted by a typed evaluator and by JSON agree.
        var periods = ReferenceEquals(calendar, law.Calendar) ? law.Periods : new PeriodCalculator(calendar);
        law = law.WithPeriods(periods);
        var engine = new RuleEngine(law.Policy, periods, BuiltInRules.All);
        return RuleResult<MarketRulesLaw>.Success(new MarketRulesLaw(law, engine, packs.ToImmutable()));
    }

    private static string? Read(string file, ImmutableArray<RuleError>.Builder errors)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(HostingErrors.FileUnreadable.Create("$", ("File", file)));
            return null;
        }
    }

    // The file's own errors keep their paths within the file ($.values[2].from); one error before them names the file.
    private static void InFile(ImmutableArray<RuleError>.Builder errors, ImmutableArray<RuleError> found, string file)
    {
        errors.Add(HostingErrors.InvalidFile.Create("$", ("File", file), ("Count", found.Length)));
        errors.AddRange(found);
    }
}
