// The `marketrules` command's composition root: the one place the real clock and the process's streams enter.
using MarketRules.Cli;

#pragma warning disable RS0030 // The composition root is where the real clock enters; everything below takes an IClock.
var clock = NodaTime.SystemClock.Instance;
#pragma warning restore RS0030

using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();
return await new CliApp(stdin, stdout, Console.Error, clock, interactive: !Console.IsOutputRedirected).RunAsync(args).ConfigureAwait(false);
