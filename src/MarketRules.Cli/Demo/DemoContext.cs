using MarketRules.Parameters;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarketRules.Cli.Demo;

/// <summary>
/// What every step of `marketrules demo` shares: the console to print tables to, where to write JSON/CSV outputs,
/// the demo district and year, and one seed from which every step derives its generated data deterministically.
/// </summary>
internal sealed class DemoContext
{
    private readonly List<string> writtenFiles = [];

    public DemoContext(TextWriter output, string outputDirectory, ulong seed)
        : this(output, outputDirectory, seed, null)
    {
    }

    /// <summary>Creates a context whose tables and progress displays render on a Spectre.Console console.</summary>
    public DemoContext(TextWriter output, string outputDirectory, ulong seed, IAnsiConsole? console)
    {
        Output = output;
        OutputDirectory = outputDirectory;
        Seed = seed;
        Console = console;
    }

    /// <summary>Where the readable report goes (a Spectre.Console console wraps it in the host).</summary>
    public TextWriter Output { get; }

    /// <summary>The console tables render on; <see langword="null"/> for plain text (tests, redirected hosts).</summary>
    public IAnsiConsole? Console { get; }

    /// <summary>Directory for the plan and decisions as JSON and CSV files.</summary>
    public string OutputDirectory { get; }

    /// <summary>The seed every generator derives from.</summary>
    public ulong Seed { get; }

    /// <summary>The demo district: Gongshu District, Hangzhou (拱墅区, 330105).</summary>
    public Jurisdiction District { get; } = Jurisdiction.Parse("330105").GetValueOrThrow();

    /// <summary>The supervision year the demo walks through.</summary>
    public int Year { get; } = 2025;

    /// <summary>The files written so far, in order (full paths).</summary>
    public IReadOnlyList<string> WrittenFiles => writtenFiles;

    /// <summary>Prints a table. Steps call this rather than a console library directly, so the host decides the rendering.</summary>
    public void Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var materialised = rows.ToList();
        if (Console is { } console)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(title), new Style(decoration: Decoration.Bold)), Border = TableBorder.Rounded };
            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
            }
            foreach (var row in materialised)
            {
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
            }
            console.WriteLine();
            console.Write(table);
            return;
        }
        var widths = headers.Select((h, i) => Math.Max(h.Length, materialised.Count == 0 ? 0 : materialised.Max(r => r[i].Length))).ToArray();
        Output.WriteLine();
        Output.WriteLine(title);
        Output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var row in materialised)
        {
            Output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
        }
    }

    /// <summary>
    /// Runs a long piece of work under a progress display (a bar on an interactive console, nothing otherwise).
    /// The work reports progress between 0 and <paramref name="total"/>; it must not print while it runs.
    /// </summary>
    public T WithProgress<T>(string description, double total, Func<IProgress<double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Console is not { } console || !console.Profile.Capabilities.Interactive)
        {
            return work(new Progress<double>(_ => { }));
        }
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total);
                var result = work(new SynchronousProgress(value => task.Value = value));
                task.Value = total;
                return result;
            });
    }

    /// <summary>Writes an output file (JSON or CSV) under <see cref="OutputDirectory"/> and returns its path.</summary>
    public string WriteFile(string fileName, string content)
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, fileName);
        File.WriteAllText(path, content);
        writtenFiles.Add(path);
        return path;
    }

    // Progress<T> posts to a synchronisation context; the bar should move while the work runs on this thread.
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
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
        new SamplingDemoStep(),
        new CreditDemoStep(),
        new CaseDemoStep(),
        new ReferralDemoStep(),
        new SubsidyDemoStep(),
        new ComplaintDemoStep(),
        new SpotCheckDemoStep(),
        new CampaignDemoStep(),
    ];
}
