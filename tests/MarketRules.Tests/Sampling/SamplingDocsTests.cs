using System.Globalization;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>docs/sampling.md must not drift from the code: its defaults table and its SQL are checked here.</summary>
public class SamplingDocsTests
{
    private static string Doc() => Kernel.GeneratedDocSections.Read("docs/sampling.md");

    internal static IEnumerable<string> DefaultRows() => SamplingParameters.All.Select(p =>
    {
        var status = p.Values.IsEmpty ? "—" : string.Join(" / ", p.Values.Select(v => StatusCode(v.Citation.Status)));
        var values = p.Values.IsEmpty ? "none (see note)" : string.Join(" / ", p.Values.Select(v => v.Value.ToString(CultureInfo.InvariantCulture) + " " + Unit(p.Unit)));
        var from = p.Values.IsEmpty ? "—" : string.Join(" / ", p.Values.Select(v => v.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        var citation = p.Values.IsEmpty ? "national texts set none" : string.Join(" / ", p.Values.Select(v => v.Citation.ToString()).Distinct());
        return $"| `{p.Id}` | {values} | {from} | {citation} | {status} |";
    });

    private static string Unit(Parameters.ParameterUnit unit) => unit switch
    {
        Parameters.ParameterUnit.Ratio => "(ratio)",
        Parameters.ParameterUnit.WorkingDays => "working days",
        Parameters.ParameterUnit.Count => "persons",
        Parameters.ParameterUnit.Months => "months",
        _ => unit.ToString(),
    };

    private static string StatusCode(VerificationStatus status) => status switch
    {
        VerificationStatus.VerifiedOfficial => "V-O",
        VerificationStatus.VerifiedSecondary => "V-S",
        VerificationStatus.FromMemory => "MEM",
        _ => "REQ",
    };

    [Fact]
    public void Doc_DefaultsTable_MatchesSamplingParameters()
    {
        var doc = Doc();
        var missing = DefaultRows().Where(row => !doc.Contains(row, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/sampling.md lacks these rows (regenerate the table):\n" + string.Join("\n", DefaultRows()));
    }

    [Theory]
    [InlineData(nameof(DuckDbReproductionTests.RosterHashSql))]
    [InlineData(nameof(DuckDbReproductionTests.QuotaSql))]
    [InlineData(nameof(DuckDbReproductionTests.DrawSql))]
    public void Doc_Sql_IsTheSqlTheDuckDbTestRuns(string name)
    {
        var sql = (string)typeof(DuckDbReproductionTests).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.Contains(sql.ReplaceLineEndings("\n"), Doc(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PostgreSqlReproductionTests.RosterHashSql))]
    [InlineData(nameof(PostgreSqlReproductionTests.QuotaSql))]
    [InlineData(nameof(PostgreSqlReproductionTests.DrawSql))]
    public void Doc_Sql_IsTheSqlThePostgreSqlTestRuns(string name)
    {
        var sql = (string)typeof(PostgreSqlReproductionTests).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.Contains(sql.ReplaceLineEndings("\n"), Doc(), StringComparison.Ordinal);
    }
}
