using System.Runtime.ExceptionServices;

namespace MarketRules.Subsidies.Storage;

/// <summary>
/// Group commit for a durable ledger: concurrent callers' writes share one transaction, and so one commit (one WAL
/// append, one flush). Each caller queues its write; the first caller to find no batch running leads: it takes every
/// write queued so far, runs them in one transaction (<c>runBatch</c>), and only after the commit returned wakes each
/// caller with its own outcome. A caller therefore returns only once its write is as durable as a commit of the store
/// makes it; when the commit fails, every write of the batch fails with it and none is reported done.
/// </summary>
/// <remarks>Compiled into each storage package (internal): the packages share no assembly but the core.</remarks>
internal sealed class GroupCommit
{
    private readonly object sync = new();
    private readonly List<Write> queue = [];
    private readonly Action<IReadOnlyList<Write>> runBatch;
    private bool leading;

    /// <param name="runBatch">Runs the writes in one transaction, in order, calling <see cref="Write.Run"/> on each
    /// (which records the write's own result or exception), and commits; it throws when the transaction as a whole
    /// fails.</param>
    public GroupCommit(Action<IReadOnlyList<Write>> runBatch) => this.runBatch = runBatch;

    /// <summary>Runs one write in the next batch and returns its result once that batch is committed.</summary>
    /// <param name="write">The write, run alone inside the batch's transaction (or in a transaction of its own).</param>
    /// <param name="payload">What a batch runner that sends the batch as one request needs to know of the write.</param>
    public T Run<T>(Func<T> write, object? payload = null)
    {
        var mine = new Write(() => write(), payload);
        List<Write> batch;
        lock (sync)
        {
            queue.Add(mine);
            while (leading && !mine.Done)
            {
                Monitor.Wait(sync);
            }
            if (mine.Done)
            {
                return (T)mine.Outcome()!;
            }
            leading = true;
            batch = [.. queue];
            queue.Clear();
        }
        Exception? failure = null;
        try
        {
            runBatch(batch);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            lock (sync)
            {
                foreach (var w in batch)
                {
                    w.Finish(failure);
                }
                leading = false;
                Monitor.PulseAll(sync);
            }
        }
        return (T)mine.Outcome()!;
    }

    /// <summary>One caller's write: run once inside a batch's transaction.</summary>
    internal sealed class Write(Func<object?> work, object? payload)
    {
        private object? result;
        private ExceptionDispatchInfo? error;

        public bool Done { get; private set; }

        public object? Payload { get; } = payload;

        /// <summary>Records the write's result, for a batch runner that ran it as part of one request.</summary>
        public void Succeed(object? value) => result = value;

        /// <summary>Runs the write, keeping its result; rethrows its exception after keeping it, so the batch can undo it.</summary>
        public void Run()
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
                throw;
            }
        }

        // Under the group's lock: the batch is over, committed (failure null) or not.
        public void Finish(Exception? failure)
        {
            if (failure is not null && error is null)
            {
                error = ExceptionDispatchInfo.Capture(failure);
            }
            Done = true;
        }

        public object? Outcome()
        {
            error?.Throw();
            return result;
        }
    }
}
