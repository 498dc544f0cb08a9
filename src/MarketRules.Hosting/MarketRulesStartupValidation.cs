using Microsoft.Extensions.Hosting;

namespace MarketRules.Hosting;

// Loads the law while the host starts, so that a bad pack stops the start (OptionsValidationException listing every
// coded error) instead of failing the first request that needs the law.
internal sealed class MarketRulesStartupValidation(IMarketRulesLaw law) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = law.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
