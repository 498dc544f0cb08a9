using System.Collections.Concurrent;

namespace MarketRules.Subsidies;

/// <summary>
/// Where the ledgers of a deployment live: opens the ledger of any scheme, and the store of the responses an HTTP
/// layer keeps for its <c>Idempotency-Key</c>s, in the same place. <see cref="InMemory"/> here;
/// <c>SqliteSubsidyLedgerStorage</c> (package MarketRules.Subsidies.Sqlite) and <c>PostgreSqlSubsidyLedgerStorage</c>
/// (MarketRules.Subsidies.PostgreSql) for real phases. MarketRules.Hosting's <c>AddMarketRulesSubsidyLedgers</c> takes one.
/// </summary>
/// <remarks>Implementations are thread-safe; a storage opens, it does not cache: the caller keeps and disposes what it opens.</remarks>
public abstract class SubsidyLedgerStorage
{
    /// <summary>The kind of storage (<c>memory</c>, <c>sqlite</c>, <c>postgresql</c>), for logs and health reports.</summary>
    public abstract string Kind { get; }

    /// <summary>Opens (creating its tables when absent) the ledger of a scheme. A disposable ledger is the caller's to dispose.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="clock">The clock that dates reservations and starts each hold's expiry.</param>
    /// <returns>The ledger.</returns>
    public abstract ISubsidyLedger Open(SubsidyScheme scheme, IClock clock);

    /// <summary>Opens the store of idempotent responses beside the ledgers (the same database), so that every server sharing the ledgers answers a repeated key alike. A disposable store is the caller's to dispose.</summary>
    /// <returns>The store.</returns>
    public abstract IIdempotencyStore OpenIdempotencyStore();

    /// <summary>Ledgers and responses in this process's memory: for tests and demos (one server, lost at exit).</summary>
    /// <returns>The storage.</returns>
    public static SubsidyLedgerStorage InMemory() => new InMemoryStorage();

    private sealed class InMemoryStorage : SubsidyLedgerStorage
    {
        public override string Kind => "memory";

        public override ISubsidyLedger Open(SubsidyScheme scheme, IClock clock) => new InMemorySubsidyLedger(scheme, clock);

        public override IIdempotencyStore OpenIdempotencyStore() => new InMemoryIdempotencyStore();
    }
}

/// <summary>A response kept for an <c>Idempotency-Key</c>: the fingerprint of the request that made it, the HTTP status and the body.</summary>
/// <param name="Fingerprint">What identifies the request (e.g. a SHA-256 of method, path and body): the same key with another fingerprint is another request.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Body">The body answered (JSON).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record StoredResponse(string Fingerprint, int Status, string Body);

/// <summary>
/// Where the responses kept for <c>Idempotency-Key</c>s live: the first response saved under a key wins, and every
/// reader (every server sharing the store) reads that one.
/// </summary>
/// <remarks>Implementations are thread-safe and safe across the processes that share their database.</remarks>
public interface IIdempotencyStore
{
    /// <summary>The response kept for a key, or <see langword="null"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The response kept, or <see langword="null"/>.</returns>
    StoredResponse? Find(string key);

    /// <summary>Keeps a response unless one is already kept for the key; returns the one kept (this one, or the first writer's).</summary>
    /// <param name="key">The key.</param>
    /// <param name="response">The response.</param>
    /// <returns>The response kept for the key.</returns>
    StoredResponse Save(string key, StoredResponse response);
}

/// <summary>Responses kept in this process's memory: for tests and demos (one server, lost at exit).</summary>
/// <remarks>This type is thread-safe.</remarks>
[Mutable]
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, StoredResponse> responses = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public StoredResponse? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return responses.GetValueOrDefault(key);
    }

    /// <inheritdoc/>
    public StoredResponse Save(string key, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        return responses.GetOrAdd(key, response);
    }
}
