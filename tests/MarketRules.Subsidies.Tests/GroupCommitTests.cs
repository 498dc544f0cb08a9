using MarketRules.Subsidies.Storage;

namespace MarketRules.Subsidies.Tests;

// Group commit may batch callers, but never answer one before its batch's commit: a ledger's caller that got an
// answer must find its write durable. Driven directly, with a batch runner that records its commits.
public sealed class GroupCommitTests
{
    [Fact]
    public void ConcurrentCallers_EachAnsweredOnlyAfterTheCommitOfTheBatchHoldingItsWrite_AndBatched()
    {
        var committed = new HashSet<int>();
        var batches = 0;
        var gate = new object();
        var group = new GroupCommit(batch =>
        {
            Interlocked.Increment(ref batches);
            foreach (var write in batch)
            {
                write.Run();
            }
            Thread.Sleep(5); // the flush
            lock (gate)
            {
                foreach (var write in batch)
                {
                    committed.Add((int)write.Payload!);
                }
            }
        });
        const int Callers = 8, WritesEach = 50;
        var violations = 0;
        var threads = Enumerable.Range(0, Callers).Select(t => new Thread(() =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var id = t * WritesEach + i;
                var answer = group.Run(() => id, id);
                Assert.Equal(id, answer);
                lock (gate)
                {
                    if (!committed.Contains(id))
                    {
                        violations++;
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(0, violations);
        Assert.Equal(Callers * WritesEach, committed.Count);
        Assert.True(batches < Callers * WritesEach, $"{batches} batches for {Callers * WritesEach} writes: callers were never grouped");
    }

    [Fact]
    public void AWriteThatThrows_FailsAlone_AndAFailedCommit_FailsEveryWriteOfItsBatch()
    {
        var failCommit = false;
        var group = new GroupCommit(batch =>
        {
            foreach (var write in batch)
            {
                try
                {
                    write.Run();
                }
                catch (InvalidOperationException)
                {
                    // undone alone (a savepoint), the batch goes on
                }
            }
            if (failCommit)
            {
                throw new IOException("disk full");
            }
        });

        Assert.Throws<InvalidOperationException>(() => group.Run<int>(() => throw new InvalidOperationException("this write")));
        Assert.Equal(7, group.Run(() => 7));
        failCommit = true;
        var error = Assert.Throws<IOException>(() => group.Run(() => 8));
        Assert.Equal("disk full", error.Message);
    }
}
