using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MarketRules.Hosting;

// Reads the MarketRules section as strictly as the engine reads JSON: every key must be one an option reads, lists are
// lists of plain values. Written by hand rather than with ConfigurationBinder, which ignores unknown keys by default and
// binds by reflection (the package stays trimming- and AOT-clean).
internal static class MarketRulesConfiguration
{
    // Settings under MarketRules:Subsidies that a host reads itself to choose its ledger storage (MarketRules.Server does).
    private static readonly HashSet<string> LedgerSettings = new(["Ledger", "Sqlite", "PostgreSql"], StringComparer.OrdinalIgnoreCase);

    public static void Bind(IConfiguration section, MarketRulesOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            if (Is(child, "PolicyPacks"))
            {
                ReadList(child, options.PolicyPacks, options.ConfigurationErrors);
            }
            else if (Is(child, "CalendarYears"))
            {
                ReadList(child, options.CalendarYears, options.ConfigurationErrors);
            }
            else if (Is(child, "Subsidies"))
            {
                foreach (var setting in child.GetChildren())
                {
                    if (Is(setting, "Schemes"))
                    {
                        ReadList(setting, options.SubsidySchemes, options.ConfigurationErrors);
                    }
                    else if (!LedgerSettings.Contains(setting.Key))
                    {
                        options.ConfigurationErrors.Add(HostingErrors.UnknownSetting.Create("$", ("Key", setting.Path)));
                    }
                }
            }
            else
            {
                options.ConfigurationErrors.Add(HostingErrors.UnknownSetting.Create("$", ("Key", child.Path)));
            }
        }
    }

    private static bool Is(IConfigurationSection section, string key) => string.Equals(section.Key, key, StringComparison.OrdinalIgnoreCase);

    // A list is bound from keys 0, 1, 2…; order by index, refuse an entry that is itself a section.
    private static void ReadList(IConfigurationSection list, IList<string> into, List<RuleError> errors)
    {
        var entries = new SortedList<int, string>();
        foreach (var entry in list.GetChildren())
        {
            if (entry.Value is null && !entry.GetChildren().Any())
            {
                continue; // A key set to null is unset (a reload may clear an entry this way).
            }
            if (!int.TryParse(entry.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                errors.Add(HostingErrors.UnknownSetting.Create("$", ("Key", entry.Path)));
            }
            else if (entry.Value is not { Length: > 0 } value || entry.GetChildren().Any())
            {
                errors.Add(HostingErrors.NotAPath.Create("$", ("Key", entry.Path)));
            }
            else
            {
                entries[index] = value;
            }
        }
        foreach (var value in entries.Values)
        {
            into.Add(value);
        }
    }

    public sealed class ChangeTokenSource(IConfiguration section) : IOptionsChangeTokenSource<MarketRulesOptions>
    {
        public string Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => section.GetReloadToken();
    }
}
