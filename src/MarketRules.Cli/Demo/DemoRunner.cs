using System.Diagnostics;
using Spectre.Console;

namespace MarketRules.Cli.Demo;

/// <summary>Runs the demo: the calendar step, then every area's step in <see cref="DemoSteps.All"/>.</summary>
internal sealed class DemoRunner(IAnsiConsole console, TextWriter output, string outputDirectory, ulong seed, TextWriter errors)
{
    public static IReadOnlyList<IDemoStep> Steps => [new CalendarDemoStep(), .. DemoSteps.All];

    public int Run()
    {
        var context = new DemoContext(output, outputDirectory, seed, console);
        console.Write(new Rule($"[bold]MarketRules demo[/] — {Markup.Escape(context.District.ToString())} 杭州市拱墅区, {context.Year}, seed {seed}"));
        var failed = 0;
        var timings = new List<IReadOnlyList<string>>();
        foreach (var step in Steps)
        {
            console.WriteLine();
            console.Write(new Rule(Markup.Escape(step.Title)).LeftJustified());
            var watch = Stopwatch.StartNew();
            try
            {
                step.Run(context);
                timings.Add([step.Title, "ok", $"{watch.Elapsed.TotalSeconds:0.0} s"]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One area's failure is reported and the demo goes on with the others.
                failed++;
                timings.Add([step.Title, "FAILED", $"{watch.Elapsed.TotalSeconds:0.0} s"]);
                errors.WriteLine($"marketrules demo: step '{step.Title}' failed: {ex}");
            }
        }
        context.Table("Steps 步骤", ["Step", "Status", "Time"], timings);
        context.Table("Files written 输出文件", ["File"], context.WrittenFiles.Select(f => (IReadOnlyList<string>)[f]));
        return failed == 0 ? CliApp.Ok : CliApp.RuleErrors;
    }
}
