using System.Collections.Immutable;
using System.Security.Cryptography;
using MarketRules.Credit;
using MarketRules.Utility;

namespace MarketRules.Sampling;

/// <summary>Names where a record (and one of its fields, when not null) sits, for error paths: <c>$.roster[i].tier</c>, <c>$.shards[s][i]</c> or a CSV line.</summary>
internal delegate string RecordLocation(int shard, int index, string? field);

/// <summary>
/// The commit phase in one streaming pass: each record is validated, counted in its stratum and kept as one 32-byte
/// entry (the credit code packed in 90 bits, the other canonical fields in 63) in the bucket of its check character; no
/// string is built per record. Each bucket is then sorted by code and its canonical lines written straight into its own
/// SHA-256, the buckets shared among the cores with no merge between them; sorting also finds duplicates (adjacent
/// equal codes). The roster hash is one SHA-256 over the bucket hashes (format 2 of docs/sampling.md).
/// </summary>
/// <remarks>
/// <para>The entries and the sort's scratch live in a <see cref="NativeArena"/>, not on the collector's heap: disposing
/// the committer (a <c>using</c> around the commit, so an exception or a cancellation does it too) gives the 32 bytes
/// per record back to the operating system at once — but for the arena's bounded pool (512 MiB) kept for the next
/// commit — and the draw or verification that follows does not grow beside them.</para>
/// <para>Workers are not thread-safe: each thread adds through its own <see cref="Worker"/>.</para>
/// </remarks>
internal sealed class RosterCommitter : IDisposable
{
    internal const int MaxErrors = 100;
    private const int FirstBlock = 256;
    private const int LargestBlock = 1 << 14;

    /// <summary>Whether a bucket is spread into slices before it is sorted (<see cref="SortInto"/>); off, it is sorted whole. Settable for the A/B harness in benchmarks/ only.</summary>
    internal static bool SpreadSort { get; set; } = true;

    // The most slices a bucket is spread into before each is sorted: the counts (256 KiB) stay in a core's cache.
    private const int SpreadBins = 1 << 16;

    // A worker's slabs, which its buckets' blocks are cut from, double from 1 MiB to 64 MiB: a small roster touches
    // little, a national one makes few allocations, and a slab of 32 MiB or more is one the C library maps (and unmaps
    // on free) on its own, whatever its malloc thresholds have become.
    private const int FirstSlab = 1 << 15;
    private const int LargestSlab = 1 << 21;

    /// <summary>Buckets of the roster hash: one per check character of GB 32100 (the code's 18th, from 31).</summary>
    internal const int Buckets = 31;

    private static readonly byte[][] StatusText = [.. new[] { "active", "deregistered", "revoked" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private readonly SamplingPolicy policy;
    private readonly DoubleRandomSampler.EligibilityRules rules;
    private readonly RecordLocation locate;
    private readonly Dictionary<string, int> industries = new(StringComparer.Ordinal);
    private readonly List<string> industryNames = [];
    private readonly List<Worker> workers = [];
    private readonly NativeArena arena = new();

    internal RosterCommitter(SamplingPolicy policy, LocalDate asOf, RecordLocation locate)
    {
        this.policy = policy;
        this.locate = locate;
        rules = new DoubleRandomSampler.EligibilityRules(policy, asOf);
    }

    /// <summary>Whether a null record is a row the reader already reported (a CSV row that did not parse), not an error of its own.</summary>
    internal bool NullsReported { get; init; }

    /// <summary>Records offered so far, valid or not, over every shard.</summary>
    internal int Records { get; set; }

    /// <summary>Frees every entry and the sort's scratch; the commit's results (hash, census) stay valid.</summary>
    public void Dispose() => arena.Dispose();

    internal Worker NewWorker()
    {
        var worker = new Worker(this);
        lock (workers)
        {
            workers.Add(worker);
        }
        return worker;
    }

    /// <summary>Sorts, hashes and counts what the workers gathered; appends errors to <paramref name="errors"/>.</summary>
    internal (string RosterHash, List<(StratumKey Key, int Active, int Population, int Mandatory)> Strata, int Active)? Complete(
        ImmutableArray<RuleError>.Builder errors, int degreeOfParallelism)
    {
        var recordErrors = workers.SelectMany(w => w.Errors).OrderBy(e => e.Shard).ThenBy(e => e.Index).Take(MaxErrors - errors.Count).Select(e => e.Error);
        errors.AddRange(recordErrors);
        var hash = HashBuckets(errors, degreeOfParallelism);

        var census = new Dictionary<long, Counts>();
        var active = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var worker in workers)
        {
            active += worker.Active;
            found.UnionWith(worker.FoundMandatory);
            foreach (var (key, counts) in worker.Census)
            {
                if (!census.TryGetValue(key, out var total))
                {
                    census[key] = total = new Counts();
                }
                total.Add(counts);
            }
        }
        var mandatoryList = policy.MandatoryInclusions.IsDefault ? [] : policy.MandatoryInclusions;
        var excluded = policy.Exclusions.IsDefault ? [] : policy.Exclusions.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < mandatoryList.Length; i++)
        {
            if (excluded.Contains(mandatoryList[i]))
            {
                errors.Add(SamplingErrors.MandatoryAndExcluded.Create($"$.policy.mandatoryInclusions[{i}]", ("Code", mandatoryList[i])));
            }
            else if (!found.Contains(mandatoryList[i]))
            {
                errors.Add(SamplingErrors.MandatoryNotEligible.Create($"$.policy.mandatoryInclusions[{i}]", ("Code", mandatoryList[i])));
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var strata = census
            .Select(kv => (Key: new StratumKey(RegionOf(kv.Key).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), industryNames[IndustryOf(kv.Key)], (CreditRiskClass)(kv.Key & 3)),
                kv.Value.Active, kv.Value.Population, kv.Value.Mandatory))
            .OrderBy(s => s.Key)
            .ToList();
        return (hash, strata, active);
    }

    private static int RegionOf(long stratum) => (int)(stratum >> 20);

    private static int IndustryOf(long stratum) => (int)((stratum >> 2) & ((1 << 18) - 1));

    private int IndustryId(string industry)
    {
        lock (industries)
        {
            if (!industries.TryGetValue(industry, out var id))
            {
                id = industries[industry] = industryNames.Count;
                industryNames.Add(industry);
            }
            return id;
        }
    }

    /// <summary>
    /// Hashes the roster as format 2 of docs/sampling.md defines it: each bucket (the records whose codes end in one
    /// check character) sorted by code and its canonical lines hashed, on every core, one bucket at a time; then one
    /// SHA-256 over the non-empty buckets' hashes in bucket order. Two adjacent equal codes in a sorted bucket are a
    /// duplicate (in one shard) or an overlap (between shards).
    /// </summary>
    private string HashBuckets(ImmutableArray<RuleError>.Builder errors, int degreeOfParallelism)
    {
        var industryBytes = industryNames.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
        var sizes = new long[Buckets];
        foreach (var worker in workers)
        {
            for (var b = 0; b < Buckets; b++)
            {
                sizes[b] += worker.BucketCount(b);
            }
        }
        var hashes = new byte[Buckets][];
        var duplicates = new List<(Entry Entry, Entry Previous)>?[Buckets];
        // The largest buckets first, so that the last one to finish is a small one.
        var order = Enumerable.Range(0, Buckets).Where(b => sizes[b] > 0).OrderByDescending(b => sizes[b]).ToArray();
        var next = -1;
        var threads = Math.Max(1, Math.Min(degreeOfParallelism, order.Length));
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            // The largest bucket a thread takes is its first: one scratch per thread, the size of that bucket.
            var scratch = default(NativeBlock<Entry>);
            var buffer = new byte[1 << 16];
            var bins = new int[SpreadBins + 1];
            var blocks = new List<NativeBlock<Entry>>();
            int claimed;
            while ((claimed = Interlocked.Increment(ref next)) < order.Length)
            {
                var bucket = order[claimed];
                if (scratch.Length < sizes[bucket])
                {
                    scratch = arena.Allocate<Entry>((int)sizes[bucket]);
                }
                blocks.Clear();
                foreach (var worker in workers)
                {
                    worker.TakeBucket(bucket, blocks);
                }
                var entries = scratch.Span[..(int)sizes[bucket]];
                SortInto(blocks, entries, bins);
                hashes[bucket] = HashInCodeOrder(entries, industryBytes, buffer, ref duplicates[bucket]);
            }
        });

        // Duplicates are reported in code order, whatever bucket found them.
        Span<byte> ascii = stackalloc byte[Sha256Lanes.CreditCodeLength];
        foreach (var (entry, previous) in duplicates.Where(d => d is not null).SelectMany(d => d!).OrderBy(d => d.Entry).Take(Math.Max(0, MaxErrors - errors.Count)))
        {
            PackedCode.Unpack(entry.High, entry.Low, ascii);
            var code = System.Text.Encoding.ASCII.GetString(ascii);
            errors.Add(entry.Shard == previous.Shard
                ? SamplingErrors.DuplicateEntity.Create(locate(entry.Shard, entry.Index, "creditCode"), ("Code", code), ("FirstIndex", previous.Index), ("Index", entry.Index),
                    ("FirstNumber", previous.Index + 1), ("Number", entry.Index + 1))
                : SamplingErrors.OverlappingShards.Create(locate(entry.Shard, entry.Index, "creditCode"),
                    ("Code", code), ("FirstShard", previous.Shard), ("FirstIndex", previous.Index), ("Shard", entry.Shard), ("Index", entry.Index),
                    ("FirstShardNumber", previous.Shard + 1), ("FirstNumber", previous.Index + 1), ("ShardNumber", entry.Shard + 1), ("Number", entry.Index + 1)));
        }

        // The roster hash: one line per non-empty bucket, its check character, '|', its hash in lower-case hex, a line feed.
        var lines = new byte[order.Length * 67];
        var at = 0;
        Span<byte> hex = stackalloc byte[64];
        for (var b = 0; b < Buckets; b++)
        {
            // Read without a pattern variable: a mutation tool that guards the condition would leave it unassigned (CS0165).
            var bucketHash = hashes[b];
            if (bucketHash is null)
            {
                continue;
            }
            lines[at++] = (byte)UnifiedSocialCreditCode.Alphabet[b];
            lines[at++] = (byte)'|';
            Convert.TryToHexStringLower(bucketHash, hex, out _);
            hex.CopyTo(lines.AsSpan(at));
            at += 64;
            lines[at++] = (byte)'\n';
        }
        return Convert.ToHexStringLower(SHA256.HashData(lines.AsSpan(0, at)));
    }

    /// <summary>
    /// Sorts a bucket's entries, gathered from its blocks, into <paramref name="destination"/> in code order (as
    /// <see cref="Entry.CompareTo"/>): one pass finds the range of the codes' top 64 bits, one counts the entries per
    /// slice of that range, one scatters them to their slices, and each slice — a handful of entries when codes are
    /// spread, as GB 32100's serial digits are — is sorted on its own. The order is the comparison's, whatever the codes
    /// are (a crowded slice is just a bigger sort); at 10 M entries it replaces ≈ 18 levels of partitioning 32-byte
    /// entries with three linear passes.
    /// </summary>
    internal static void SortInto(List<NativeBlock<Entry>> blocks, Span<Entry> destination, int[] bins)
    {
        if (!SpreadSort)
        {
            var at = 0;
            foreach (var block in blocks)
            {
                block.Span.CopyTo(destination[at..]);
                at += block.Length;
            }
            destination.Sort();
            return;
        }
        var min = ulong.MaxValue;
        var max = 0UL;
        foreach (var block in blocks)
        {
            foreach (ref readonly var entry in block.Span)
            {
                var key = TopBits(entry);
                min = Math.Min(min, key);
                max = Math.Max(max, key);
            }
        }
        // Slices of equal width over [min, max]: about four entries each on average, at most SpreadBins of them.
        // A power of two from 2 to SpreadBins, so that the shift below is from 0 to 63.
        var slices = (int)Math.Min(SpreadBins, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, destination.Length / 4)));
        var range = blocks.Count == 0 ? 0 : max - min;
        var shift = Math.Max(0, (64 - System.Numerics.BitOperations.LeadingZeroCount(range)) - System.Numerics.BitOperations.Log2((uint)slices));
        var counts = bins.AsSpan(0, slices + 1);
        counts.Clear();
        foreach (var block in blocks)
        {
            foreach (ref readonly var entry in block.Span)
            {
                counts[(int)((TopBits(entry) - min) >> shift) + 1]++;
            }
        }
        for (var i = 1; i <= slices; i++)
        {
            counts[i] += counts[i - 1];
        }
        // counts[i] is now where slice i starts; each scatter moves it on, so afterwards it is where slice i ends.
        foreach (var block in blocks)
        {
            foreach (ref readonly var entry in block.Span)
            {
                destination[counts[(int)((TopBits(entry) - min) >> shift)]++] = entry;
            }
        }
        var start = 0;
        for (var i = 0; i < slices; i++)
        {
            var end = counts[i];
            if (end - start > 1)
            {
                destination[start..end].Sort();
            }
            start = end;
        }
    }

    /// <summary>The top 64 of the code's 90 packed bits: ordered as the codes are, ties broken by <see cref="Entry.CompareTo"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong TopBits(in Entry entry) => (entry.High << 19) | (entry.Low >> 26);

    /// <summary>SHA-256 of a sorted bucket's canonical lines; the first copy of a duplicated code is the one hashed.</summary>
    private static byte[] HashInCodeOrder(ReadOnlySpan<Entry> entries, byte[][] industryBytes, byte[] buffer, ref List<(Entry Entry, Entry Previous)>? duplicates)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var used = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            ref readonly var entry = ref entries[i];
            if (i > 0 && entry.High == entries[i - 1].High && entry.Low == entries[i - 1].Low)
            {
                // The next copy, if any, is reported against this one (its own shard's copy when there is one).
                duplicates ??= [];
                if (duplicates.Count < MaxErrors)
                {
                    duplicates.Add((entry, entries[i - 1]));
                }
                continue;
            }
            if (buffer.Length - used < 128)
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
            }
            used += WriteLine(entry, industryBytes, buffer.AsSpan(used));
        }
        sha.AppendData(buffer, 0, used);
        return sha.GetHashAndReset();
    }

    /// <summary>The canonical line of docs/sampling.md: code|region|industry|tier|status|priority|last-inspected, then a line feed.</summary>
    private static int WriteLine(in Entry entry, byte[][] industryBytes, Span<byte> line)
    {
        var fields = entry.Fields;
        PackedCode.Unpack(entry.High, entry.Low, line);
        var at = Sha256Lanes.CreditCodeLength;
        line[at++] = (byte)'|';
        var region = (int)(fields & 0xFFFFF);
        for (var i = 5; i >= 0; i--)
        {
            line[at + i] = (byte)('0' + region % 10);
            region /= 10;
        }
        at += 6;
        line[at++] = (byte)'|';
        var industry = industryBytes[(int)((fields >> 20) & 0x3FFFF)];
        industry.CopyTo(line[at..]);
        at += industry.Length;
        line[at++] = (byte)'|';
        line[at++] = (byte)('A' + (int)((fields >> 38) & 3));
        line[at++] = (byte)'|';
        var status = StatusText[(int)((fields >> 40) & 3)];
        status.CopyTo(line[at..]);
        at += status.Length;
        line[at++] = (byte)'|';
        line[at++] = (byte)('0' + (int)((fields >> 42) & 7));
        line[at++] = (byte)'|';
        var date = (int)(fields >> 45);
        if (date != 0)
        {
            var (year, month, day) = ((date >> 9) + 1899, (date >> 5) & 15, date & 31);
            for (var i = 3; i >= 0; i--)
            {
                line[at + i] = (byte)('0' + year % 10);
                year /= 10;
            }
            line[at + 4] = (byte)'-';
            line[at + 5] = (byte)('0' + month / 10);
            line[at + 6] = (byte)('0' + month % 10);
            line[at + 7] = (byte)'-';
            line[at + 8] = (byte)('0' + day / 10);
            line[at + 9] = (byte)('0' + day % 10);
            at += 10;
        }
        line[at++] = (byte)'\n';
        return at;
    }

    /// <summary>One record as the commitment keeps it: 32 bytes, ordered by credit code, then shard, then position.</summary>
    internal struct Entry : IComparable<Entry>
    {
        internal ulong High;
        internal ulong Low;

        /// <summary>Region (20 bits), industry id (18), tier (2), status (2), priority marks (3), last-inspected date (18: 0 for none, else (year − 1899) ≪ 9 | month ≪ 5 | day).</summary>
        internal ulong Fields;
        internal int Shard;
        internal int Index;

        public readonly int CompareTo(Entry other) =>
            High != other.High ? High.CompareTo(other.High)
            : Low != other.Low ? Low.CompareTo(other.Low)
            : Shard != other.Shard ? Shard.CompareTo(other.Shard)
            : Index.CompareTo(other.Index);
    }

    internal sealed class Counts
    {
        internal int Active;
        internal int Population;
        internal int Mandatory;

        internal void Add(Counts other)
        {
            Active += other.Active;
            Population += other.Population;
            Mandatory += other.Mandatory;
        }
    }

    /// <summary>One thread's share of the pass: its own entry blocks, census and errors.</summary>
    internal sealed class Worker : IRecordSink
    {
        private readonly RosterCommitter owner;
        private readonly IndustryCache industries;
        // Per bucket: the blocks filled so far, the block being filled and how much of it is.
        private readonly List<NativeBlock<Entry>>?[] full = new List<NativeBlock<Entry>>?[Buckets];
        private readonly NativeBlock<Entry>[] block = new NativeBlock<Entry>[Buckets];
        private readonly int[] count = new int[Buckets];
        // The slab the next block is cut from, and how much of it is cut.
        private NativeBlock<Entry> slab;
        private int slabUsed;

        internal Worker(RosterCommitter owner)
        {
            this.owner = owner;
            industries = new IndustryCache(owner.IndustryId);
        }

        internal List<(int Shard, int Index, RuleError Error)> Errors { get; } = [];

        internal Dictionary<long, Counts> Census { get; } = [];

        internal HashSet<string> FoundMandatory { get; } = new(StringComparer.Ordinal);

        internal int Active { get; private set; }

        internal long BucketCount(int bucket) => (full[bucket]?.Sum(b => (long)b.Length) ?? 0) + count[bucket];

        /// <summary>Adds a bucket's filled blocks to <paramref name="blocks"/> and lets go of them (the arena still holds them).</summary>
        internal void TakeBucket(int bucket, List<NativeBlock<Entry>> blocks)
        {
            blocks.AddRange(full[bucket] ?? []);
            if (count[bucket] > 0)
            {
                blocks.Add(block[bucket].Slice(0, count[bucket]));
            }
            (full[bucket], block[bucket], count[bucket]) = (null, default, 0);
        }

        private NativeBlock<Entry> NewBlock(int length)
        {
            if (slab.Length - slabUsed < length)
            {
                // The rest of the old slab (less than one block) stays unused.
                slab = owner.arena.Allocate<Entry>(Math.Max(length, slab.Length == 0 ? FirstSlab : Math.Min(LargestSlab, slab.Length * 2)));
                slabUsed = 0;
            }
            var cut = slab.Slice(slabUsed, length);
            slabUsed += length;
            return cut;
        }

        public void Add(EntityRecord record, int shard, int index)
        {
            if (record is null)
            {
                if (owner.NullsReported)
                {
                    return;
                }
                Error(shard, index, SamplingErrors.InvalidCreditCode.CreateLocalized(owner.locate(shard, index, null), ("Index", index, index), ("Number", index + 1, index + 1), ("Code", "", ""), ("Detail", "记录为空", "the record is null")));
                return;
            }
            var code = record.CreditCode.Value;
            var valid = true;
            if (!PackedCode.TryPack(code, out var high, out var low))
            {
                Error(shard, index, SamplingErrors.InvalidCreditCode.CreateLocalized(owner.locate(shard, index, "creditCode"), ("Index", index, index), ("Number", index + 1, index + 1), ("Code", code, code), ("Detail", "未填写", "missing")));
                valid = false;
            }
            if (!Enum.IsDefined(record.Tier))
            {
                Error(shard, index, SamplingErrors.UnknownTier.Create(owner.locate(shard, index, "tier"), ("Code", code), ("Tier", (int)record.Tier), ("Index", index), ("Number", index + 1)));
                valid = false;
            }
            if (record.Region.IsNational || record.Region.Code is < 0 or > 999_999)
            {
                Error(shard, index, SamplingErrors.InvalidRegion.Create(owner.locate(shard, index, "region"), ("Code", code), ("Region", record.Region), ("Index", index), ("Number", index + 1)));
                valid = false;
            }
            if (!DoubleRandomSampler.IsIndustryCode(record.Industry))
            {
                Error(shard, index, SamplingErrors.InvalidIndustry.Create(owner.locate(shard, index, "industry"), ("Code", code), ("Industry", record.Industry ?? ""), ("Index", index), ("Number", index + 1)));
                valid = false;
            }
            if (!Enum.IsDefined(record.Status))
            {
                Error(shard, index, SamplingErrors.InvalidField.Create(owner.locate(shard, index, "status"), ("PropertyName", "status")));
                valid = false;
            }
            if ((int)record.Priority is < 0 or > 7)
            {
                Error(shard, index, SamplingErrors.InvalidField.Create(owner.locate(shard, index, "priority"), ("PropertyName", "priority")));
                valid = false;
            }
            if (record.LastInspected is { } last && !Json.DoorLimits.Contains(last))
            {
                Error(shard, index, SamplingErrors.InvalidField.Create(owner.locate(shard, index, "lastInspected"), ("PropertyName", "lastInspected")));
                valid = false;
            }
            if (!valid)
            {
                return;
            }
            var industry = industries[record.Industry!];
            var date = record.LastInspected is { } d ? (ulong)(uint)(((d.Year - 1899) << 9) | (d.Month << 5) | d.Day) : 0UL;
            // The bucket is the check character, the code's last: the low half's lowest five bits.
            var bucket = (int)(low & 31);
            var items = block[bucket];
            if (count[bucket] == items.Length)
            {
                if (items.Length > 0)
                {
                    (full[bucket] ??= []).Add(items);
                }
                items = block[bucket] = NewBlock(items.Length == 0 ? FirstBlock : Math.Min(LargestBlock, items.Length * 2));
                count[bucket] = 0;
            }
            items.Span[count[bucket]++] = new Entry
            {
                High = high,
                Low = low,
                Fields = (ulong)(uint)record.Region.Code | ((ulong)(uint)industry << 20) | ((ulong)(uint)record.Tier << 38) | ((ulong)(uint)record.Status << 40)
                    | ((ulong)(uint)record.Priority << 42) | (date << 45),
                Shard = shard,
                Index = index,
            };
            if (record.Status != EntityStatus.Active)
            {
                return;
            }
            Active++;
            if (owner.rules.IsNamedMandatory(code))
            {
                FoundMandatory.Add(code);
            }
            var (eligible, mandatory) = owner.rules.Classify(record);
            var stratum = ((long)record.Region.Code << 20) | ((long)industry << 2) | (long)record.Tier;
            if (!Census.TryGetValue(stratum, out var counts))
            {
                Census[stratum] = counts = new Counts();
            }
            counts.Active++;
            counts.Population += eligible ? 1 : 0;
            counts.Mandatory += mandatory ? 1 : 0;
        }

        private void Error(int shard, int index, RuleError error)
        {
            if (Errors.Count < MaxErrors)
            {
                Errors.Add((shard, index, error));
            }
        }
    }
}

/// <summary>A phase's per-thread state that takes records one at a time.</summary>
internal interface IRecordSink
{
    void Add(EntityRecord record, int shard, int index);
}

/// <summary>
/// Hands a roster's records to a fixed set of workers, one thread each: in chunks claimed by index from a list, or
/// read under a lock from any other sequence. Each worker keeps its own state, so the caller merges exactly once per worker.
/// </summary>
internal static class RosterPartitioner
{
    private const int ChunkSize = 4096;

    /// <summary>Feeds every record of one shard to the workers; returns how many records it had.</summary>
    internal static int Run(IEnumerable<EntityRecord> roster, int shard, IRecordSink[] workers)
    {
        if (workers.Length == 1)
        {
            var index = 0;
            foreach (var record in roster)
            {
                workers[0].Add(record, shard, index++);
            }
            return index;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers.Length };
        if (roster is IReadOnlyList<EntityRecord> list)
        {
            var count = list.Count;
            var chunks = (count + ChunkSize - 1) / ChunkSize;
            var next = -1;
            Parallel.For(0, workers.Length, options, w =>
            {
                int chunk;
                while ((chunk = Interlocked.Increment(ref next)) < chunks)
                {
                    var end = Math.Min(count, (chunk + 1) * ChunkSize);
                    for (var i = chunk * ChunkSize; i < end; i++)
                    {
                        workers[w].Add(list[i], shard, i);
                    }
                }
            });
            return count;
        }
        var gate = new object();
        using var enumerator = roster.GetEnumerator();
        var taken = 0;
        var done = false;
        Parallel.For(0, workers.Length, options, w =>
        {
            var buffer = new EntityRecord[ChunkSize];
            while (true)
            {
                int start, n = 0;
                lock (gate)
                {
                    if (done)
                    {
                        return;
                    }
                    start = taken;
                    while (n < ChunkSize && enumerator.MoveNext())
                    {
                        buffer[n++] = enumerator.Current;
                    }
                    done = n < ChunkSize;
                    taken += n;
                }
                for (var k = 0; k < n; k++)
                {
                    workers[w].Add(buffer[k], shard, start + k);
                }
            }
        });
        return taken;
    }
}

/// <summary>
/// A thread's cache of industry ids by string reference: a roster shares a few industry strings among many records,
/// so most lookups compare one reference instead of hashing the string; a miss asks the phase's own table.
/// </summary>
internal sealed class IndustryCache(Func<string, int> lookUp)
{
    private readonly (string? Industry, int Id)[] slots = new (string?, int)[8];

    /// <summary>The industry's id as the phase's table gives it.</summary>
    internal int this[string industry]
    {
        get
        {
            ref var slot = ref slots[System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(industry) & (slots.Length - 1)];
            if (!ReferenceEquals(slot.Industry, industry))
            {
                slot = (industry, lookUp(industry));
            }
            return slot.Id;
        }
    }
}
