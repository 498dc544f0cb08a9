using System.Collections.Immutable;
using System.Security.Cryptography;
using MarketRules.Credit;

namespace MarketRules.Sampling;

/// <summary>Names where a record (and one of its fields, when not null) sits, for error paths: <c>$.roster[i].tier</c>, <c>$.shards[s][i]</c> or a CSV line.</summary>
internal delegate string RecordLocation(int shard, int index, string? field);

/// <summary>
/// The commit phase in one streaming pass: each record is validated, counted in its stratum and kept as one 32-byte
/// entry (the credit code packed in 90 bits, the other canonical fields in 63); no string is built per record. The
/// entries are sorted in blocks on every core, then merged once in credit-code order while the canonical lines are
/// written straight into SHA-256, which also finds duplicates (adjacent equal codes).
/// </summary>
/// <remarks>Workers are not thread-safe: each thread adds through its own <see cref="Worker"/>.</remarks>
internal sealed class RosterCommitter
{
    internal const int MaxErrors = 100;
    private const int FirstBlock = 4096;
    private const int LargestBlock = 1 << 20;

    private static readonly byte[][] StatusText = [.. new[] { "active", "deregistered", "revoked" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private readonly SamplingPolicy policy;
    private readonly DoubleRandomSampler.EligibilityRules rules;
    private readonly RecordLocation locate;
    private readonly Dictionary<string, int> industries = new(StringComparer.Ordinal);
    private readonly List<string> industryNames = [];
    private readonly List<Worker> workers = [];

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
        var blocks = workers.SelectMany(w => w.Blocks()).Where(b => b.Count > 0).ToList();
        Parallel.ForEach(blocks, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, block => block.Items.AsSpan(0, block.Count).Sort());
        var hash = HashInCodeOrder(blocks, errors);

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
    /// Merges the sorted blocks in credit-code order (a binary heap of block cursors) and hashes each record's canonical
    /// line as it passes; two adjacent equal codes are a duplicate (in one shard) or an overlap (between shards).
    /// </summary>
    private string HashInCodeOrder(List<(Entry[] Items, int Count)> blocks, ImmutableArray<RuleError>.Builder errors)
    {
        var industryBytes = industryNames.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var used = 0;
        var heap = new int[blocks.Count];
        var cursor = new int[blocks.Count];
        for (var i = 0; i < heap.Length; i++)
        {
            heap[i] = i;
        }
        var size = heap.Length;
        for (var i = size / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
        var hasPrevious = false;
        Entry previous = default;
        Span<byte> ascii = stackalloc byte[Sha256Lanes.CreditCodeLength];
        while (size > 0)
        {
            var top = heap[0];
            var entry = blocks[top].Items[cursor[top]];
            if (++cursor[top] == blocks[top].Count)
            {
                heap[0] = heap[--size];
            }
            if (size > 0)
            {
                SiftDown(0);
            }
            if (hasPrevious && entry.High == previous.High && entry.Low == previous.Low)
            {
                if (errors.Count < MaxErrors)
                {
                    PackedCode.Unpack(entry.High, entry.Low, ascii);
                    var code = System.Text.Encoding.ASCII.GetString(ascii);
                    errors.Add(entry.Shard == previous.Shard
                        ? SamplingErrors.DuplicateEntity.Create(locate(entry.Shard, entry.Index, "creditCode"), ("Code", code), ("FirstIndex", previous.Index), ("Index", entry.Index))
                        : SamplingErrors.OverlappingShards.Create(locate(entry.Shard, entry.Index, "creditCode"),
                            ("Code", code), ("FirstShard", previous.Shard), ("FirstIndex", previous.Index), ("Shard", entry.Shard), ("Index", entry.Index)));
                }
                // The next copy, if any, is reported against this one (its own shard's copy when there is one); the
                // first copy's line is the one hashed.
                previous = entry;
                continue;
            }
            hasPrevious = true;
            previous = entry;
            if (buffer.Length - used < 128)
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
            }
            used += WriteLine(entry, industryBytes, buffer.AsSpan(used));
        }
        sha.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(sha.GetHashAndReset());

        void SiftDown(int i)
        {
            while (true)
            {
                var left = 2 * i + 1;
                if (left >= size)
                {
                    return;
                }
                var smallest = left + 1 < size && Head(heap[left + 1]).CompareTo(Head(heap[left])) < 0 ? left + 1 : left;
                if (Head(heap[smallest]).CompareTo(Head(heap[i])) >= 0)
                {
                    return;
                }
                (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
                i = smallest;
            }
        }

        Entry Head(int block) => blocks[block].Items[cursor[block]];
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
        private readonly Dictionary<string, int> industries = new(StringComparer.Ordinal);
        private readonly List<Entry[]> full = [];
        private Entry[] block = new Entry[FirstBlock];
        private int count;

        internal Worker(RosterCommitter owner) => this.owner = owner;

        internal List<(int Shard, int Index, RuleError Error)> Errors { get; } = [];

        internal Dictionary<long, Counts> Census { get; } = [];

        internal HashSet<string> FoundMandatory { get; } = new(StringComparer.Ordinal);

        internal int Active { get; private set; }

        internal IEnumerable<(Entry[] Items, int Count)> Blocks() => full.Select(b => (b, b.Length)).Append((block, count));

        public void Add(EntityRecord record, int shard, int index)
        {
            if (record is null)
            {
                if (owner.NullsReported)
                {
                    return;
                }
                Error(shard, index, SamplingErrors.InvalidCreditCode.Create(owner.locate(shard, index, null), ("Index", index), ("Code", ""), ("Detail", "the record is null")));
                return;
            }
            var code = record.CreditCode.Value;
            var valid = true;
            if (!PackedCode.TryPack(code, out var high, out var low))
            {
                Error(shard, index, SamplingErrors.InvalidCreditCode.Create(owner.locate(shard, index, "creditCode"), ("Index", index), ("Code", code), ("Detail", "missing")));
                valid = false;
            }
            if (!Enum.IsDefined(record.Tier))
            {
                Error(shard, index, SamplingErrors.UnknownTier.Create(owner.locate(shard, index, "tier"), ("Code", code), ("Tier", (int)record.Tier)));
                valid = false;
            }
            if (record.Region.IsNational || record.Region.Code is < 0 or > 999_999)
            {
                Error(shard, index, SamplingErrors.InvalidRegion.Create(owner.locate(shard, index, "region"), ("Code", code), ("Region", record.Region)));
                valid = false;
            }
            if (!DoubleRandomSampler.IsIndustryCode(record.Industry))
            {
                Error(shard, index, SamplingErrors.InvalidIndustry.Create(owner.locate(shard, index, "industry"), ("Code", code), ("Industry", record.Industry ?? "")));
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
            var industryCode = record.Industry!;
            if (!industries.TryGetValue(industryCode, out var industry))
            {
                industry = industries[industryCode] = owner.IndustryId(industryCode);
            }
            var date = record.LastInspected is { } d ? (ulong)(uint)(((d.Year - 1899) << 9) | (d.Month << 5) | d.Day) : 0UL;
            if (count == block.Length)
            {
                full.Add(block);
                block = new Entry[Math.Min(LargestBlock, block.Length * 2)];
                count = 0;
            }
            block[count++] = new Entry
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
