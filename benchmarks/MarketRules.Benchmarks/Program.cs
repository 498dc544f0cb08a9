using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "ledger-profile")
{
    return MarketRules.Benchmarks.LedgerProfile.Run();
}
if (args.Length > 0 && args[0] == "ledger-throughput")
{
    return MarketRules.Benchmarks.LedgerThroughput.Run(args);
}
if (args.Length > 0 && args[0] == "sampling-scale")
{
    return MarketRules.Benchmarks.SamplingScale.Run(args);
}
if (args.Length > 0 && args[0] == "cold-start")
{
    return MarketRules.Benchmarks.ColdStart.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
