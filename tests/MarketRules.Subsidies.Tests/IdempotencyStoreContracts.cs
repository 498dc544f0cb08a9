using MarketRules.Subsidies.PostgreSql;
using MarketRules.Subsidies.Sqlite;
using MarketRules.TestSupport;

namespace MarketRules.Subsidies.Tests;

/// <summary>
/// What every <see cref="IIdempotencyStore"/> guarantees the claims endpoints: the first response saved under a key wins,
/// whoever saves next (another thread, another server on the database) gets that one back.
/// </summary>
public abstract class IdempotencyStoreContract : IDisposable
{
    private readonly List<IIdempotencyStore> opened = [];

    /// <summary>A new, empty place for a store (a file, a schema).</summary>
    protected abstract string NewPlace();

    protected abstract IIdempotencyStore OpenStore(string place);

    protected IIdempotencyStore Open(string place)
    {
        var store = OpenStore(place);
        opened.Add(store);
        return store;
    }

    [Fact]
    public void Save_KeepsTheFirstResponse_AndFindReadsIt()
    {
        var store = Open(NewPlace());
        Assert.Null(store.Find("k-1"));
        var first = new StoredResponse("fp-a", 200, """{"outcome":"granted","note":"杭州 ✓"}""");
        Assert.Equal(first, store.Save("k-1", first));
        // A second writer under the key gets the first response, not its own.
        Assert.Equal(first, store.Save("k-1", new StoredResponse("fp-b", 409, "{}")));
        Assert.Equal(first, store.Find("k-1"));
        Assert.Null(store.Find("K-1"));
        var other = new StoredResponse("fp-c", 404, """{"ok":false}""");
        Assert.Equal(other, store.Save("k-2", other));
    }

    [Fact]
    public void RacingWriters_AllGetTheOneResponseKept()
    {
        var store = Open(NewPlace());
        var answers = new StoredResponse[16];
        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
            answers[n] = store.Save("race", new StoredResponse("fp-" + n, 200, "{\"n\":" + n + "}")));
        Assert.Single(answers.Distinct());
        Assert.Equal(answers[0], store.Find("race"));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        foreach (var store in opened)
        {
            (store as IDisposable)?.Dispose();
        }
    }
}

public sealed class InMemoryIdempotencyStoreContract : IdempotencyStoreContract
{
    protected override string NewPlace() => "";

    protected override IIdempotencyStore OpenStore(string place) => new InMemoryIdempotencyStore();
}

/// <summary>A durable store: what one instance kept, another on the same database (another server, a restart) reads.</summary>
public abstract class DurableIdempotencyStoreContract : IdempotencyStoreContract
{
    [Fact]
    public void TwoStoresOnOneDatabase_AnswerAlike()
    {
        var place = NewPlace();
        var a = Open(place);
        var b = Open(place);
        var kept = a.Save("shared", new StoredResponse("fp-a", 200, "{}"));
        Assert.Equal(kept, b.Find("shared"));
        Assert.Equal(kept, b.Save("shared", new StoredResponse("fp-b", 200, "[]")));
        (a as IDisposable)?.Dispose();
        Assert.Equal(kept, Open(place).Find("shared"));
    }
}

public sealed class SqliteIdempotencyStoreContract : DurableIdempotencyStoreContract
{
    private readonly string directory = Directory.CreateTempSubdirectory("mr-idem-").FullName;

    protected override string NewPlace() => Path.Combine(directory, Guid.NewGuid().ToString("N")[..8] + ".db");

    protected override IIdempotencyStore OpenStore(string place) => new SqliteIdempotencyStore(place);

    [Fact]
    public void TheTable_SitsBesideTheLedgerInOneFile()
    {
        var file = NewPlace();
        using var ledger = new SqliteSubsidyLedger(MarketRules.Tests.Subsidies.SubsidyTestData.OnePhase(30_000), file);
        Open(file).Save("beside", new StoredResponse("fp", 200, "{}"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('mr_http_idempotency', 'mr_subsidy_claim')";
        Assert.Equal(2L, command.ExecuteScalar());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

[Collection(PostgreSqlCluster.Name)]
public sealed class PostgreSqlIdempotencyStoreContract(PostgreSqlServer server) : DurableIdempotencyStoreContract
{
    protected override string NewPlace() => PostgreSqlServer.NewSchema();

    protected override IIdempotencyStore OpenStore(string place) => new PostgreSqlIdempotencyStore(server.ConnectionString, place);

    [Fact]
    public void ASchemaNameThatIsNotAPlainIdentifier_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new PostgreSqlIdempotencyStore(server.ConnectionString, "x; DROP TABLE y"));
}
