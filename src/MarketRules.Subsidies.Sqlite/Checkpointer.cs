using SQLitePCL;

namespace MarketRules.Subsidies.Sqlite;

/// <summary>
/// Checkpoints of a ledger's WAL run off the callers' threads. A checkpoint copies the WAL's pages into the database
/// file between two fsyncs (of the WAL, then of the file): with SQLite's automatic checkpoint the commit that crosses
/// the threshold waits for both, and on the benchmark's disk that wait was ≈ 70 µs of every reserve + confirm, a third
/// of its wall time. SQLite's documentation allows turning the automatic checkpoint off and checkpointing "in a
/// separate thread or process"; here a pool thread with its own connection runs the bulk of each checkpoint
/// (<c>PASSIVE</c>: writers and readers go on meanwhile), and the next commit finishes it — only the pages written
/// while the bulk ran, so its two fsyncs find little to flush — which lets the following write start the WAL over
/// (SQLite reuses the WAL from its start only once every frame is in the file). Durability is unchanged: the same
/// checkpoints, the same fsyncs, at the same ≈ 16 MB of WAL; only the thread that waits for them changed.
/// </summary>
/// <remarks>Used under the ledger's lock (<see cref="AfterCommit"/>); the background pass takes only its own.</remarks>
internal sealed class Checkpointer : IDisposable
{
    /// <summary>Pages written to the WAL (by this connection) after which a background checkpoint starts: ≈ 16 MB of
    /// 4 KiB pages, SQLite's automatic checkpoint at the ledger's former <c>wal_autocheckpoint = 4000</c>.</summary>
    internal const int Threshold = 4000;

    /// <summary>Pages after which the WAL is started over: the next background pass is the last of the cycle and the
    /// writer finishes it (≈ 66 MB of WAL on disk, plus what is written while that pass runs; reused from its start).</summary>
    internal const int Restart = 4 * Threshold;

    private readonly sqlite3 writer;
    private readonly string path;
    private readonly bool synchronous;
    private readonly Lock sync = new();
    private sqlite3? own;
    private int sincePass;
    private int sinceRestart;
    private int running;
    private volatile bool finishDue;
    private bool disposed;

    public Checkpointer(sqlite3 writer, string path, bool synchronous)
    {
        this.writer = writer;
        this.path = path;
        this.synchronous = synchronous;
        Check(writer, raw.sqlite3_wal_autocheckpoint(writer, 0));
        raw.sqlite3_db_status(writer, raw.SQLITE_DBSTATUS_CACHE_WRITE, out _, out _, 1);
    }

    /// <summary>Checkpoints completed by the background pass (for tests).</summary>
    internal int BackgroundPasses { get; private set; }

    /// <summary>Checkpoints run by the writer (finishing a cycle; for tests).</summary>
    internal int WriterPasses { get; private set; }

    /// <summary>After each commit of the writer's connection, on its thread, under the ledger's lock.</summary>
    public void AfterCommit()
    {
        raw.sqlite3_db_status(writer, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        sincePass += written;
        sinceRestart += written;
        if (finishDue || sinceRestart >= 2 * Restart)
        {
            // The pages written since the cycle's last background pass began (or, when the passes cannot run —
            // another process holding the checkpoint lock, a failure to open —, everything, as SQLite's automatic
            // checkpoint would). A busy checkpoint lock is no error: the next commit tries again.
            finishDue = false;
            if (Finish(atBound: sinceRestart >= 2 * Restart))
            {
                sincePass = 0;
                sinceRestart = 0;
                WriterPasses++;
            }
        }
        else if (sincePass >= Threshold && Interlocked.CompareExchange(ref running, 1, 0) == 0)
        {
            sincePass = 0;
            var last = sinceRestart >= Restart;
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Self.Pass(state.Last), (Self: this, Last: last), preferLocal: false);
        }
    }

    // The writer's checkpoint. Only one connection checkpoints at a time: while a background pass runs, a PASSIVE
    // checkpoint answers busy at once. Finishing a cycle, the writer lets it be (the next commit tries again); at the
    // bound it waits for the pass to end first, so the WAL cannot grow past the bound however slowly that pass runs on
    // a loaded machine (CI under load saw 166.2 MB against the 164.8 MB bound when the writer only retried).
    private bool Finish(bool atBound)
    {
        if (!atBound)
        {
            return raw.sqlite3_wal_checkpoint_v2(writer, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK;
        }
        lock (sync)
        {
            return raw.sqlite3_wal_checkpoint_v2(writer, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK;
        }
    }

    public void Dispose()
    {
        lock (sync)
        {
            disposed = true;
            own?.Dispose();
            own = null;
        }
    }

    private void Pass(bool last)
    {
        var done = false;
        try
        {
            lock (sync)
            {
                if (disposed)
                {
                    return;
                }
                own ??= Open();
                done = raw.sqlite3_wal_checkpoint_v2(own, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _) == raw.SQLITE_OK;
                if (done)
                {
                    BackgroundPasses++;
                }
            }
        }
#pragma warning disable CA1031 // A pool thread must not throw; the writer checkpoints at the limit instead.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            finishDue = done && last;
            Volatile.Write(ref running, 0);
        }
    }

    private sqlite3 Open()
    {
        Check(null, raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE, null));
        try
        {
            // The checkpoint flushes as the ledger's connection would: the WAL before copying, the file after.
            Check(db, raw.sqlite3_exec(db, synchronous ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"));
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static void Check(sqlite3? db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException(db is null ? "SQLite error " + rc : raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
