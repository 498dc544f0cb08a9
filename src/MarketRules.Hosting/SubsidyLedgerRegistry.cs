using System.Collections.Concurrent;
using MarketRules.Subsidies;

namespace MarketRules.Hosting;

/// <summary>
/// The subsidy ledgers of a host, one per scheme, in one <see cref="SubsidyLedgerStorage"/>: a scheme is found in the
/// law in force (<see cref="IMarketRulesLaw"/>: the shipped schemes and the files under
/// <c>MarketRules:Subsidies:Schemes</c>), its ledger opened (its tables created) on first use and kept until the registry
/// is disposed. Beside them, the store of the responses kept for <c>Idempotency-Key</c>s, in the same database.
/// Registered by <see cref="MarketRulesServiceCollectionExtensions.AddMarketRulesSubsidyLedgers(Microsoft.Extensions.DependencyInjection.IServiceCollection, SubsidyLedgerStorage)"/>;
/// MarketRules.AspNetCore's <c>MapMarketRules</c> serves the claims endpoints over it.
/// </summary>
/// <remarks>
/// <para>A ledger keeps the scheme it was opened with: a scheme file edited while the host runs reaches its ledger at the
/// next start (budgets held in the database are never re-read mid-phase).</para>
/// <para>This type is thread-safe; each ledger is opened once even when many requests ask for it together.</para>
/// </remarks>
[Mutable]
public sealed class SubsidyLedgerRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ISubsidyLedger>> ledgers = new(StringComparer.Ordinal);
    private readonly IMarketRulesLaw law;
    private readonly Lock gate = new();
    private IIdempotencyStore? idempotency;
    private bool disposed;

    /// <summary>Creates the registry; nothing is opened until asked for.</summary>
    /// <param name="law">The law in force, where schemes are found.</param>
    /// <param name="storage">Where the ledgers live.</param>
    /// <param name="clock">The clock of the ledgers (reservation instants and expiry) and of <c>release-expired</c>.</param>
    public SubsidyLedgerRegistry(IMarketRulesLaw law, SubsidyLedgerStorage storage, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(clock);
        this.law = law;
        Storage = storage;
        Clock = clock;
    }

    /// <summary>Where the ledgers live.</summary>
    public SubsidyLedgerStorage Storage { get; }

    /// <summary>The clock of the ledgers.</summary>
    public IClock Clock { get; }

    /// <summary>The store of the responses kept for <c>Idempotency-Key</c>s, beside the ledgers (opened on first use).</summary>
    public IIdempotencyStore Idempotency
    {
        get
        {
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                // Not a Lazy: a database down at the first request must not stay the answer once it is back.
                return idempotency ??= Storage.OpenIdempotencyStore();
            }
        }
    }

    /// <summary>The ledger of a scheme of the law in force, opened on first use.</summary>
    /// <param name="schemeId">The scheme's id, e.g. <c>gongshu-2022-ebike-tradein</c>.</param>
    /// <returns>The ledger, or <c>MR.Subsidy.UnknownScheme</c> when the law in force has no such scheme.</returns>
    public RuleResult<ISubsidyLedger> Find(string schemeId)
    {
        ArgumentNullException.ThrowIfNull(schemeId);
        ObjectDisposedException.ThrowIf(disposed, this);
        var scheme = SubsidySchemes.Resolve(law.Current.Law, schemeId);
        if (!scheme.IsSuccess)
        {
            return RuleResult<ISubsidyLedger>.Failure(scheme.Errors);
        }
        var found = scheme.Value;
        var ledger = ledgers.GetOrAdd(schemeId, _ => new Lazy<ISubsidyLedger>(() => Storage.Open(found, Clock)));
        try
        {
            return RuleResult<ISubsidyLedger>.Success(ledger.Value);
        }
        catch
        {
            // A failed open (the database down) is not kept: the next request opens again.
            ledgers.TryRemove(new KeyValuePair<string, Lazy<ISubsidyLedger>>(schemeId, ledger));
            throw;
        }
    }

    /// <summary>Disposes every ledger opened and the idempotency store.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            (idempotency as IDisposable)?.Dispose();
        }
        foreach (var ledger in ledgers.Values.Where(l => l.IsValueCreated))
        {
            (ledger.Value as IDisposable)?.Dispose();
        }
    }
}
