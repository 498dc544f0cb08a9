using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MarketRules.Utility;

namespace MarketRules.Sampling;

/// <summary>
/// The first 64 bytes of every message the draw hashes: SHA-256(seed) ‖ SHA-256(UTF-8 task id). An entity's rank is
/// SHA-256(prefix ‖ its 18 ASCII credit-code characters) — an 82-byte message — and a stratum selects the entities
/// with the lowest ranks, comparing the 32-byte digests byte by byte.
/// </summary>
/// <remarks>
/// <para>Hashing the seed and the task id first gives a fixed-size prefix whatever their lengths, so the hash state
/// after the prefix is computed once and each entity costs one SHA-256 compression; an auditor writes the same in SQL
/// as <c>sha256(unhex(prefix_hex || hex(credit_code)))</c> (see <c>docs/sampling.md</c>).</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class DrawPrefix
{
    private DrawPrefix(byte[] bytes)
    {
        Bytes = [.. bytes];
        State = Sha256Lanes.ComputePrefixState(bytes);
    }

    /// <summary>The 64 prefix bytes.</summary>
    public ImmutableArray<byte> Bytes { get; }

    /// <summary>The prefix as lower-case hex (128 characters), for the SQL reproduction.</summary>
    public string Hex => Convert.ToHexStringLower(Bytes.AsSpan());

    internal PrefixState State { get; }

    /// <summary>Builds the prefix of a draw.</summary>
    /// <param name="seed">The seed bytes from the public source announced in advance (e.g. a lottery result or a randomness-beacon value); at least one byte.</param>
    /// <param name="taskId">The inspection task's id, as published with the roster commitment.</param>
    /// <returns>The prefix.</returns>
    /// <exception cref="ArgumentException">Thrown when the seed is empty or the task id is empty.</exception>
    public static DrawPrefix Create(ReadOnlySpan<byte> seed, string taskId)
    {
        Preconditions.CheckNotNull(taskId);
        Preconditions.CheckArgument(!seed.IsEmpty, nameof(seed), "The seed has at least one byte");
        Preconditions.CheckArgument(taskId.Length > 0, nameof(taskId), "The task id is required");
        var bytes = new byte[64];
        SHA256.HashData(seed, bytes);
        SHA256.HashData(Encoding.UTF8.GetBytes(taskId), bytes.AsSpan(32));
        return new DrawPrefix(bytes);
    }

    /// <summary>Builds the prefix for ranking inspectors for one visit: the draw's prefix with the task id extended by <c>/team</c>.</summary>
    /// <param name="seed">The seed bytes.</param>
    /// <param name="taskId">The task id.</param>
    /// <returns>The prefix of the second draw.</returns>
    public static DrawPrefix CreateForTeams(ReadOnlySpan<byte> seed, string taskId) => Create(seed, Preconditions.CheckNotNull(taskId) + "/team");

    /// <summary>Computes an entity's rank the slow, obvious way (one <see cref="SHA256.HashData(ReadOnlySpan{byte})"/> per id): what an auditor recomputes.</summary>
    /// <param name="id">The id (a credit code's 18 characters, or any UTF-8 text).</param>
    /// <returns>The digest of prefix ‖ UTF-8(id), lower-case hex.</returns>
    public string Rank(string id)
    {
        Preconditions.CheckNotNull(id);
        var idBytes = Encoding.UTF8.GetBytes(id);
        var message = new byte[64 + idBytes.Length];
        Bytes.CopyTo(message);
        idBytes.CopyTo(message, 64);
        return Convert.ToHexStringLower(SHA256.HashData(message));
    }

    internal RankKey RankKey(ReadOnlySpan<byte> id) => id.Length <= Sha256Lanes.MaxIdLength
        ? Sha256Lanes.RankScalar(State, id)
        : Sampling.RankKey.FromDigest(SHA256.HashData([.. Bytes, .. id]));
}

/// <summary>An entity selected by a draw, with its rank.</summary>
/// <remarks>
/// <para>A selected entity is a value of 48 bytes holding no reference: the packed credit code (90 bits), whether the
/// working rules included it (one bit) and the rank's 32-byte digest. A stratum's selection is one array of them, so a
/// national draw builds no object per selected entity and its hundreds of thousands of selections give the collector
/// nothing to trace or copy. <see cref="CreditCode"/> and <see cref="Rank"/> are written as text when read — and the
/// receipt writes them straight from the packed form.</para>
/// <para>Built from text (a receipt read back), the credit code must be 18 characters of the code's alphabet and the rank
/// 64 lower-case hexadecimal digits, the only forms a draw writes; equality compares the values, however the entity was
/// built. <see langword="default"/> is the all-zero code and rank, never a draw's result.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct SelectedEntity
{
    // The code's top 26 bits in bits 0-25 and Mandatory in bit 63; the code's low 64 bits apart.
    private const ulong MandatoryBit = 1UL << 63;
    private readonly ulong codeHigh;
    private readonly ulong codeLow;
    private readonly RankKey rankKey;

    /// <summary>An entity selected by a draw, with its rank.</summary>
    /// <param name="CreditCode">The entity's unified social credit code: 18 characters of the code's alphabet.</param>
    /// <param name="Rank">SHA-256(prefix ‖ code) in lower-case hex (64 digits); the stratum took the lowest.</param>
    /// <param name="Mandatory">Whether the entity was included by the working rules rather than drawn.</param>
    /// <exception cref="ArgumentException">The code or the rank is not in the form a draw writes.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708", Justification = "Parameter names are the properties', as a positional record's.")]
    [System.Text.Json.Serialization.JsonConstructor] // not the struct's default one: a receipt read back must name all three
    public SelectedEntity(string CreditCode, string Rank, bool Mandatory)
    {
        this.CreditCode = CreditCode;
        this.Rank = Rank;
        this.Mandatory = Mandatory;
    }

    internal SelectedEntity(UInt128 code, RankKey rank, bool mandatory)
    {
        codeHigh = (ulong)(code >> 64) | (mandatory ? MandatoryBit : 0);
        codeLow = unchecked((ulong)code);
        rankKey = rank;
    }

    /// <summary>The entity's unified social credit code.</summary>
    /// <exception cref="ArgumentException">When set: not 18 characters of the code's alphabet.</exception>
    public string CreditCode
    {
        get => PackedCode.Unpack(Code);
        init
        {
            Preconditions.CheckNotNull(value);
            Preconditions.CheckArgument(PackedCode.TryPack(value, out var high, out var low), nameof(CreditCode), "A credit code has 18 characters of its alphabet");
            var code = ((UInt128)high << 45) | low;
            codeHigh = (ulong)(code >> 64) | (codeHigh & MandatoryBit);
            codeLow = unchecked((ulong)code);
        }
    }

    /// <summary>SHA-256(prefix ‖ code) in lower-case hex; the stratum took the lowest.</summary>
    /// <exception cref="ArgumentException">When set: not 64 lower-case hexadecimal digits.</exception>
    public string Rank
    {
        get => rankKey.ToString();
        init
        {
            Preconditions.CheckNotNull(value);
            Span<byte> digest = stackalloc byte[32];
            Preconditions.CheckArgument(
                value.Length == 64 && !value.AsSpan().ContainsAnyInRange('A', 'F')
                && Convert.FromHexString(value, digest, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32,
                nameof(Rank), "A rank is 64 lower-case hexadecimal digits");
            rankKey = RankKey.FromDigest(digest);
        }
    }

    /// <summary>Whether the entity was included by the working rules rather than drawn.</summary>
    public bool Mandatory
    {
        get => (codeHigh & MandatoryBit) != 0;
        init => codeHigh = value ? codeHigh | MandatoryBit : codeHigh & ~MandatoryBit;
    }

    private UInt128 Code => new(codeHigh & ~MandatoryBit, codeLow);

    /// <summary>Deconstructs the entity.</summary>
    /// <param name="CreditCode">The credit code.</param>
    /// <param name="Rank">The rank in lower-case hex.</param>
    /// <param name="Mandatory">Whether the working rules included it.</param>
    public void Deconstruct(out string CreditCode, out string Rank, out bool Mandatory) => (CreditCode, Rank, Mandatory) = (this.CreditCode, this.Rank, this.Mandatory);

    /// <summary>
    /// Writes the entity as the published receipt has it — <c>{"creditCode":…,"rank":…,"mandatory":…}</c>, the generated
    /// contract's members in its order — from the packed code and rank, so writing a national receipt builds no string
    /// per selected entity.
    /// </summary>
    /// <param name="writer">The receipt's writer.</param>
    internal void WriteJson(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        Span<byte> code = stackalloc byte[Sha256Lanes.CreditCodeLength];
        PackedCode.Unpack(Code, code);
        writer.WriteString("creditCode"u8, code);
        Span<byte> digest = stackalloc byte[32];
        Span<byte> hex = stackalloc byte[64];
        rankKey.WriteDigest(digest);
        Convert.TryToHexStringLower(digest, hex, out _);
        writer.WriteString("rank"u8, hex);
        writer.WriteBoolean("mandatory"u8, Mandatory);
        writer.WriteEndObject();
    }
}

/// <summary>
/// The published receipt's writer of selected entities (<see cref="SelectedEntity.WriteJson"/>). Only the writing
/// context carries it: a receipt is read through the generated contract, which the strict reader checks member by member.
/// </summary>
internal sealed class SelectedEntityWriter : System.Text.Json.Serialization.JsonConverter<SelectedEntity>
{
    public override SelectedEntity Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new NotSupportedException("The receipt's writing context does not read; SamplingReceipt.FromJson reads.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, SelectedEntity value, System.Text.Json.JsonSerializerOptions options) => value.WriteJson(writer);
}

/// <summary>
/// The draw's engine: one bounded candidate buffer per stratum keeps the entities with the lowest ranks seen so far
/// (at most twice the stratum's capacity), so memory grows with the sample, not the roster, and the result does not depend on the order entities arrive in. Two
/// lotteries over disjoint parts of a roster merge into exactly the lottery of the whole roster: this is how a draw
/// runs on several cores or machines (one shard per province) and stays the single-machine result.
/// </summary>
/// <remarks>Not thread-safe: give each thread its own lottery and <see cref="Merge"/> them.</remarks>
[Mutable]
public sealed class SamplingLottery
{
    // The most ids hashed at once by any path (Sha256Path.Lanes16Avx512).
    private const int MaxLanes = 16;
    private readonly DrawPrefix prefix;
    // The SHA-256 path this lottery hashes with, chosen once, and how many ids it hashes at once.
    private readonly Sha256Path path;
    private readonly int lanes;
    private readonly int[] capacities;
    private readonly StratumBuffer?[] buffers;
    private readonly ulong[] thresholds;
    private readonly List<Candidate>[] mandatory;
    private readonly byte[] pendingIds = new byte[MaxLanes * Sha256Lanes.CreditCodeLength];
    private readonly int[] pendingStrata = new int[MaxLanes];
    private readonly RankKey[] pendingKeys = new RankKey[MaxLanes];
    private int pending;

    /// <summary>Creates an empty lottery.</summary>
    /// <param name="prefix">The draw's prefix.</param>
    /// <param name="capacities">For each stratum, how many entities to draw besides its mandatory inclusions.</param>
    public SamplingLottery(DrawPrefix prefix, ReadOnlySpan<int> capacities)
        : this(prefix, capacities, Sha256Lanes.Path)
    {
    }

    /// <summary>Creates an empty lottery that hashes by the given path (a test checks each path this machine supports).</summary>
    internal SamplingLottery(DrawPrefix prefix, ReadOnlySpan<int> capacities, Sha256Path path)
    {
        this.prefix = Preconditions.CheckNotNull(prefix);
        this.path = path;
        lanes = Sha256Lanes.LanesOf(path);
        this.capacities = capacities.ToArray();
        foreach (var capacity in this.capacities)
        {
            Preconditions.CheckArgument(capacity >= 0, nameof(capacities), "A capacity is not negative");
        }
        buffers = new StratumBuffer?[this.capacities.Length];
        thresholds = new ulong[this.capacities.Length];
        mandatory = new List<Candidate>[this.capacities.Length];
        for (var s = 0; s < buffers.Length; s++)
        {
            thresholds[s] = this.capacities[s] == 0 ? 0 : ulong.MaxValue;
        }
    }

    /// <summary>The number of strata.</summary>
    public int StratumCount => capacities.Length;

    /// <summary>How many entities were offered (drawn or mandatory), in total.</summary>
    public long Offered { get; private set; }

    /// <summary>Offers an entity to its stratum.</summary>
    /// <param name="stratum">The stratum's index.</param>
    /// <param name="creditCode">The credit code's 18 upper-case ASCII characters.</param>
    /// <param name="isMandatory">Whether the working rules include the entity whatever its rank.</param>
    public void Add(int stratum, ReadOnlySpan<byte> creditCode, bool isMandatory = false)
    {
        Preconditions.CheckArgumentRange(stratum, 0, capacities.Length - 1);
        Preconditions.CheckArgument(creditCode.Length == Sha256Lanes.CreditCodeLength, nameof(creditCode), "A credit code has 18 characters");
        Offered++;
        if (isMandatory)
        {
            (mandatory[stratum] ??= []).Add(new Candidate(prefix.RankKey(creditCode), PackedCode.Pack(creditCode)));
            return;
        }
        if (capacities[stratum] == 0)
        {
            return;
        }
        if (lanes == 1)
        {
            Offer(stratum, Sha256Lanes.RankScalar(prefix.State, creditCode), creditCode);
            return;
        }
        creditCode.CopyTo(pendingIds.AsSpan(pending * Sha256Lanes.CreditCodeLength));
        pendingStrata[pending++] = stratum;
        if (pending == lanes)
        {
            FlushFull();
        }
    }

    /// <summary>Offers many entities, none mandatory: the fast path for pre-encoded rosters (eight or sixteen hashes at a time).</summary>
    /// <param name="strata">Each entity's stratum.</param>
    /// <param name="creditCodes">The entities' credit codes, 18 upper-case ASCII bytes each, back to back.</param>
    public void AddRange(ReadOnlySpan<int> strata, ReadOnlySpan<byte> creditCodes)
    {
        const int Width = Sha256Lanes.CreditCodeLength;
        Preconditions.CheckArgument(creditCodes.Length == strata.Length * Width, nameof(creditCodes), "18 bytes per entity");
        var i = 0;
        if (lanes > 1)
        {
            Span<RankKey> keys = stackalloc RankKey[MaxLanes];
            var state = prefix.State;
            for (; i + lanes <= strata.Length; i += lanes)
            {
                Sha256Lanes.Rank(path, state, creditCodes.Slice(i * Width, lanes * Width), keys);
                for (var lane = 0; lane < lanes; lane++)
                {
                    var stratum = strata[i + lane];
                    if ((uint)stratum >= (uint)capacities.Length)
                    {
                        throw new ArgumentOutOfRangeException(nameof(strata), stratum, "Value should be in range [0-" + (capacities.Length - 1) + "]");
                    }
                    if (keys[lane].A <= thresholds[stratum])
                    {
                        Offer(stratum, new Candidate(keys[lane], PackedCode.Pack(creditCodes.Slice((i + lane) * Width, Width))));
                    }
                }
            }
            Offered += i;
        }
        for (; i < strata.Length; i++)
        {
            Add(strata[i], creditCodes.Slice(i * Width, Width));
        }
    }

    /// <summary>
    /// Draws from a pre-encoded roster on several cores: the roster is cut into contiguous parts, each ranked by its own
    /// lottery, and the lotteries are merged — the same result as one lottery over the whole roster.
    /// </summary>
    /// <param name="prefix">The draw's prefix.</param>
    /// <param name="capacities">Entities to draw per stratum.</param>
    /// <param name="strata">Each entity's stratum.</param>
    /// <param name="creditCodes">18 ASCII bytes per entity, back to back.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <returns>The merged lottery.</returns>
    public static SamplingLottery DrawParallel(DrawPrefix prefix, ReadOnlySpan<int> capacities, ReadOnlyMemory<int> strata, ReadOnlyMemory<byte> creditCodes, int degreeOfParallelism)
    {
        Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 256);
        Preconditions.CheckArgument(creditCodes.Length == strata.Length * Sha256Lanes.CreditCodeLength, nameof(creditCodes), "18 bytes per entity");
        var parts = new SamplingLottery[degreeOfParallelism];
        var caps = capacities.ToArray();
        var size = ((strata.Length / degreeOfParallelism) + MaxLanes) / MaxLanes * MaxLanes;
        Parallel.For(0, degreeOfParallelism, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, part =>
        {
            var start = Math.Min(strata.Length, part * size);
            var end = part == degreeOfParallelism - 1 ? strata.Length : Math.Min(strata.Length, start + size);
            var lottery = new SamplingLottery(prefix, caps);
            lottery.AddRange(strata.Span[start..end], creditCodes.Span[(start * Sha256Lanes.CreditCodeLength)..(end * Sha256Lanes.CreditCodeLength)]);
            parts[part] = lottery;
        });
        for (var part = 1; part < parts.Length; part++)
        {
            parts[0].Merge(parts[part]);
        }
        return parts[0];
    }

    /// <summary>Takes another lottery's entities (a shard of the same draw) into this one.</summary>
    /// <param name="other">A lottery with the same prefix and capacities, over entities disjoint from this one's.</param>
    public void Merge(SamplingLottery other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(ReferenceEquals(other.prefix, prefix) || other.prefix.Bytes.SequenceEqual(prefix.Bytes), nameof(other), "Lotteries of different draws do not merge");
        Preconditions.CheckArgument(other.capacities.AsSpan().SequenceEqual(capacities), nameof(other), "Lotteries with different quotas do not merge");
        other.Flush();
        Flush();
        Offered += other.Offered;
        for (var s = 0; s < capacities.Length; s++)
        {
            MergeStratum(other, s);
        }
    }

    /// <summary>
    /// Takes one stratum's entities of another lottery (flushed, as this one) into this one. Strata are independent, so
    /// different strata may be merged on different threads at once; <see cref="Offered"/> is not updated.
    /// </summary>
    internal void MergeStratum(SamplingLottery other, int s)
    {
        if (other.mandatory[s] is { } list)
        {
            (mandatory[s] ??= []).AddRange(list);
        }
        if (other.buffers[s] is not { Count: > 0 } theirs)
        {
            return;
        }
        // The union of both shards' candidates, filtered and compacted like any others: the stratum keeps the lowest
        // ranks of the union, whatever the order.
        foreach (var candidate in theirs.Items.AsSpan(0, theirs.Count))
        {
            if (candidate.Key.A <= thresholds[s])
            {
                Offer(s, candidate);
            }
        }
    }

    /// <summary>Merges other lotteries of the same draw into this one stratum by stratum, on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    internal void MergeAll(IReadOnlyList<SamplingLottery> others, int degreeOfParallelism)
    {
        Flush();
        foreach (var other in others)
        {
            other.Flush();
            Offered += other.Offered;
        }
        Parallel.For(0, capacities.Length, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, s =>
        {
            foreach (var other in others)
            {
                MergeStratum(other, s);
            }
        });
    }

    /// <summary>The entities selected in a stratum so far: mandatory ones first, then drawn ones, each group by rank.</summary>
    /// <param name="stratum">The stratum's index.</param>
    /// <returns>The selected entities.</returns>
    public ImmutableArray<SelectedEntity> Selected(int stratum)
    {
        Preconditions.CheckArgumentRange(stratum, 0, capacities.Length - 1);
        Flush();
        return SelectedFlushed(stratum);
    }

    /// <summary><see cref="Selected"/> of a flushed lottery: touches only the stratum's own state, so strata may be read on different threads at once.</summary>
    internal ImmutableArray<SelectedEntity> SelectedFlushed(int stratum)
    {
        var drawn = buffers[stratum] is { } buffer ? buffer.Lowest() : [];
        var forced = mandatory[stratum]?.ToArray() ?? [];
        Array.Sort(forced);
        var result = ImmutableArray.CreateBuilder<SelectedEntity>(forced.Length + drawn.Length);
        foreach (var c in forced)
        {
            result.Add(new SelectedEntity(c.Code, c.Key, true));
        }
        foreach (var c in drawn)
        {
            result.Add(new SelectedEntity(c.Code, c.Key, false));
        }
        return result.MoveToImmutable();
    }

    internal void Flush()
    {
        for (var i = 0; i < pending; i++)
        {
            var id = pendingIds.AsSpan(i * Sha256Lanes.CreditCodeLength, Sha256Lanes.CreditCodeLength);
            Offer(pendingStrata[i], Sha256Lanes.RankScalar(prefix.State, id), id);
        }
        pending = 0;
    }

    private void FlushFull()
    {
        Sha256Lanes.Rank(path, prefix.State, pendingIds, pendingKeys);
        for (var i = 0; i < lanes; i++)
        {
            Offer(pendingStrata[i], pendingKeys[i], pendingIds.AsSpan(i * Sha256Lanes.CreditCodeLength, Sha256Lanes.CreditCodeLength));
        }
        pending = 0;
    }

    private void Offer(int stratum, RankKey key, ReadOnlySpan<byte> id)
    {
        if (key.A <= thresholds[stratum])
        {
            Offer(stratum, new Candidate(key, PackedCode.Pack(id)));
        }
    }

    private void Offer(int s, Candidate candidate)
    {
        var capacity = capacities[s];
        if (capacity == 0)
        {
            return;
        }
        var buffer = buffers[s] ??= new StratumBuffer(capacity);
        if (buffer.Add(candidate) is { } threshold)
        {
            thresholds[s] = threshold;
        }
    }

    /// <summary>
    /// A stratum's candidates as an append-only buffer of at most twice the capacity: a candidate whose rank's first
    /// word is above the threshold (the capacity-th lowest kept so far) cannot be drawn and is never stored; when the
    /// buffer fills, a quickselect keeps the capacity lowest and raises the threshold. Appends write one cache line in
    /// sequence instead of sifting through a heap, and the whole buffer is compacted in linear time.
    /// </summary>
    private sealed class StratumBuffer
    {
        private const int FullSize = 1 << 15;
        private readonly int capacity;
        private readonly int limit;

        internal StratumBuffer(int capacity)
        {
            this.capacity = capacity;
            limit = capacity <= int.MaxValue / 2 ? Math.Max(capacity * 2, capacity + 16) : int.MaxValue;
        }

        internal Candidate[] Items { get; private set; } = [];

        internal int Count { get; private set; }

        /// <summary>Appends a candidate; returns the new threshold when the buffer was compacted.</summary>
        internal ulong? Add(Candidate candidate)
        {
            if (Count == Items.Length)
            {
                // Count is below the limit here: a full buffer was compacted to the capacity on the previous add. A
                // buffer of up to FullSize candidates is allocated at its limit at once (a stratum with a capacity fills
                // at least that far), so the draw leaves no outgrown copies for the collector to trace or promote.
                var items = Items;
                Array.Resize(ref items, limit <= FullSize ? limit : (int)Math.Min(limit, Math.Max(FullSize, (long)Count * 2)));
                Items = items;
            }
            Items[Count++] = candidate;
            return Count == limit ? Compact() : null;
        }

        /// <summary>Keeps the capacity lowest candidates, sorted by rank, and returns them.</summary>
        internal ReadOnlySpan<Candidate> Lowest()
        {
            if (Count > capacity)
            {
                Compact();
            }
            var lowest = Items.AsSpan(0, Count);
            lowest.Sort();
            return lowest;
        }

        /// <summary>Moves the capacity lowest candidates to the front and drops the rest; returns the capacity-th rank's first word.</summary>
        private ulong? Compact()
        {
            if (Count < capacity)
            {
                return null;
            }
            Select(Items.AsSpan(0, Count), capacity - 1);
            Count = capacity;
            return Items[capacity - 1].Key.A;
        }

        /// <summary>Quickselect: afterwards items[nth] is the candidate of that order and none before it is greater.</summary>
        private static void Select(Span<Candidate> items, int nth)
        {
            var low = 0;
            var high = items.Length - 1;
            var budget = 64;
            while (high - low > 16)
            {
                if (--budget == 0)
                {
                    // Ranks are uniform hashes, so this is never reached in practice; a full sort keeps the worst case bounded.
                    items[low..(high + 1)].Sort();
                    return;
                }
                var middle = low + ((high - low) >> 1);
                if (Less(items[middle], items[low]))
                {
                    (items[middle], items[low]) = (items[low], items[middle]);
                }
                if (Less(items[high], items[low]))
                {
                    (items[high], items[low]) = (items[low], items[high]);
                }
                if (Less(items[high], items[middle]))
                {
                    (items[high], items[middle]) = (items[middle], items[high]);
                }
                var pivot = items[middle];
                var i = low;
                var j = high;
                while (i <= j)
                {
                    while (Less(items[i], pivot))
                    {
                        i++;
                    }
                    while (Less(pivot, items[j]))
                    {
                        j--;
                    }
                    if (i <= j)
                    {
                        (items[i], items[j]) = (items[j], items[i]);
                        i++;
                        j--;
                    }
                }
                if (nth <= j)
                {
                    high = j;
                }
                else if (nth >= i)
                {
                    low = i;
                }
                else
                {
                    return;
                }
            }
            items[low..(high + 1)].Sort();
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool Less(in Candidate x, in Candidate y) => x.Key.A != y.Key.A ? x.Key.A < y.Key.A : x.CompareTo(y) < 0;
    }

    private readonly record struct Candidate(RankKey Key, UInt128 Code) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other)
        {
            var byKey = Key.CompareTo(other.Key);
            return byKey != 0 ? byKey : Code.CompareTo(other.Code);
        }
    }
}
