using MarketRules.Sampling;
using MarketRules.Utility;

namespace MarketRules.Tests.Sampling;

/// <summary>
/// The commit's bucket sort spreads entries into slices of their codes' top 64 bits before sorting each slice: whatever
/// the codes — spread, all in one slice, equal, at the ends of the range, duplicated across shards — the order must be
/// exactly <see cref="RosterCommitter.Entry.CompareTo"/>'s, because the roster hash and the duplicate check read it.
/// </summary>
public class BucketSortTests
{
    public static TheoryData<string, int> Rosters => new()
    {
        { "spread", 50_000 },
        { "one prefix", 50_000 },
        { "clustered", 50_000 },
        { "equal codes", 5_000 },
        { "range ends", 5_000 },
        { "spread", 3 },
        { "spread", 1 },
        { "range ends", 2 },
    };

    [Theory]
    [MemberData(nameof(Rosters))]
    public void SortInto_AnyCodes_GivesTheComparisonsOrder(string kind, int count)
    {
        var random = new Random(count * 31 + kind.Length);
        const ulong Mask45 = (1UL << 45) - 1;
        var entries = new RosterCommitter.Entry[count];
        for (var i = 0; i < count; i++)
        {
            var (high, low) = kind switch
            {
                // Codes that differ only below the top 64 bits: one slice, sorted whole.
                "one prefix" => (0x1234_5678_9AUL & Mask45, (ulong)random.Next(1 << 26)),
                "clustered" => (((ulong)(uint)random.Next(3) << 40) | (uint)random.Next(100), (ulong)random.NextInt64() & Mask45),
                "equal codes" => (7UL, 9UL),
                "range ends" => random.Next(2) == 0 ? (0UL, 0UL) : (Mask45, Mask45),
                _ => ((ulong)random.NextInt64() & Mask45, (ulong)random.NextInt64() & Mask45),
            };
            entries[i] = new RosterCommitter.Entry { High = high, Low = low, Fields = (ulong)i, Shard = random.Next(3), Index = i };
        }
        using var arena = new NativeArena();
        // In blocks of uneven sizes, as the workers' buckets hand them over.
        var blocks = new List<NativeBlock<RosterCommitter.Entry>>();
        for (var at = 0; at < count;)
        {
            var length = Math.Min(count - at, 1 + random.Next(700));
            var block = arena.Allocate<RosterCommitter.Entry>(length);
            entries.AsSpan(at, length).CopyTo(block.Span);
            blocks.Add(block);
            at += length;
        }
        var sorted = arena.Allocate<RosterCommitter.Entry>(count);

        RosterCommitter.SortInto(blocks, sorted.Span, new int[(1 << 16) + 1]);

        var expected = entries.ToArray();
        Array.Sort(expected);
        Assert.Equal(expected, sorted.Span.ToArray());
    }
}
