using MarketRules.Parameters;

namespace MarketRules.Cli.Demo;

/// <summary>
/// What every step of `marketrules demo` shares: the console to print tables to, where to write JSON/CSV outputs,
/// the demo district and year, and one seed from which every step derives its generated data deterministically.
/// </summary>
internal sealed class DemoContext
{
    public DemoContext(TextWriter output, string outputDirectory, ulong seed)
    {
        Output = output;
        OutputDirectory = outputDirectory;
        Seed = seed;
    }

    /// <summary>Where the readable report goes (a Spectre.Console console wraps it in the host).</summary>
    public TextWriter Output { get; }

    /// <summary>Directory for the plan and decisions as JSON and CSV files.</summary>
    public string OutputDirectory { get; }

    /// <summary>The seed every generator derives from.</summary>
    public ulong Seed { get; }

    /// <summary>The demo district: Gongshu District, Hangzhou (拱墅区, 330105).</summary>
    public Jurisdiction District { get; } = Jurisdiction.Parse("330105").GetValueOrThrow();

    /// <summary>The supervision year the demo walks through.</summary>
    public int Year { get; } = 2025;

    /// <summary>Prints a table. Steps call this rather than a console library directly, so the host decides the rendering.</summary>
    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var materialised = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, materialised.Count == 0 ? 0 : materialised.Max(r => r[i].Length))).ToArray();
        Output.WriteLine();
        Output.WriteLine(title);
        Output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var row in materialised)
        {
            Output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
        }
    }

    /// <summary>Writes an output file (JSON or CSV) under <see cref="OutputDirectory"/> and returns its path.</summary>
    public string WriteFile(string fileName, string content)
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, fileName);
        File.WriteAllText(path, content);
        return path;
    }
}

/// <summary>One step of the demo: a rule area's part of a year of supervision.</summary>
internal interface IDemoStep
{
    /// <summary>The step's heading.</summary>
    string Title { get; }

    /// <summary>Runs the step, printing tables and writing its output files.</summary>
    void Run(DemoContext context);
}

/// <summary>The demo's steps in the order they run. Each rule area adds one line.</summary>
internal static class DemoSteps
{
    public static IReadOnlyList<IDemoStep> All { get; } =
    [
        // One line per rule area, e.g. new Sampling.SamplingDemoStep(),
        new SubsidyDemoStep(),
    ];
}
