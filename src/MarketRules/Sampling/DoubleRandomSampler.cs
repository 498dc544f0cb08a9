using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using MarketRules.Credit;
using MarketRules.Utility;

namespace MarketRules.Sampling;

/// <summary>
/// The first random of 双随机: a verifiable, stratified draw of entities in two phases. <see cref="Commit"/> freezes the
/// roster (its canonical hash) and the quotas before the seed exists; <see cref="Draw"/> ranks every eligible entity by
/// SHA-256(SHA-256(seed) ‖ SHA-256(task id) ‖ credit code) and takes each stratum's lowest ranks; <see cref="Verify"/>
/// recomputes a published receipt from the published roster.
/// </summary>
/// <remarks>
/// <para>The selection depends only on the set of records, never on their order, and a changed roster moves as few
/// selections as possible: an added entity displaces at most one in its own stratum.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class DoubleRandomSampler
{

    /// <summary>The MarketRules version recorded in receipts.</summary>
    public static string LibraryVersion { get; } =
        typeof(DoubleRandomSampler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// The commit phase: validates the roster, computes its canonical hash and every stratum's quota. Publish the result
    /// before the seed is known. Reads the roster once and keeps 32 bytes per record (see <c>docs/sampling.md</c>)
    /// outside the collector's heap, given back when the commit returns or throws — except at most 512 MiB of it, kept
    /// for the process's next commit (see <see cref="ReleaseRetainedMemory"/>).
    /// </summary>
    /// <param name="taskId">The inspection task's id.</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="policy">The working rules.</param>
    /// <param name="roster">The entity directory, in any order.</param>
    /// <param name="degreeOfParallelism">Cores to use; the commitment is the same.</param>
    /// <returns>The commitment, or coded errors naming the records (at most 100); nothing is committed then.</returns>
    public static RuleResult<RosterCommitment> Commit(string taskId, LocalDate asOf, SamplingPolicy policy, IEnumerable<EntityRecord> roster, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(roster);
        return CommitShards(taskId, asOf, policy, [roster], degreeOfParallelism, RosterPath);
    }

    /// <summary>
    /// Gives back to the operating system the scratch memory that finished commits keep for the next commit in this
    /// process (at most 512 MiB, whatever the roster's size: a process that commits again writes into pages already
    /// mapped, which made the 10 M commit, draw and receipt 15–25 % faster in benchmarks/results). A host that draws
    /// rarely and wants that memory back between draws calls this after a commit; a one-shot process need not.
    /// </summary>
    /// <remarks>Safe to call at any time, from any thread: a commit running meanwhile keeps what it holds.</remarks>
    public static void ReleaseRetainedMemory() => NativeArena.TrimPool();

    /// <summary>
    /// The commit phase over a roster held in shards (e.g. one per province): exactly the commitment of their union. An
    /// entity in two shards is refused with <c>MR.Sampling.OverlappingShards</c> naming both places.
    /// </summary>
    /// <param name="taskId">The inspection task's id.</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="policy">The working rules.</param>
    /// <param name="shards">The roster's disjoint parts, each in any order; error paths are <c>$.shards[s][i]</c>.</param>
    /// <param name="degreeOfParallelism">Cores to use; the commitment is the same.</param>
    /// <returns>The commitment, or coded errors (at most 100).</returns>
    public static RuleResult<RosterCommitment> CommitShards(string taskId, LocalDate asOf, SamplingPolicy policy, IReadOnlyList<IEnumerable<EntityRecord>> shards,
        int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(shards);
        return CommitShards(taskId, asOf, policy, shards, degreeOfParallelism, (shard, index, field) => $"$.shards[{shard}][{index}]" + (field is null ? "" : "." + field));
    }

    /// <summary>The commit phase over an asynchronous stream (e.g. rows read from a database or a CSV file), read once.</summary>
    /// <param name="taskId">The inspection task's id.</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="policy">The working rules.</param>
    /// <param name="roster">The entity directory, in any order.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>The commitment, or coded errors (at most 100).</returns>
    public static async Task<RuleResult<RosterCommitment>> CommitAsync(string taskId, LocalDate asOf, SamplingPolicy policy, IAsyncEnumerable<EntityRecord> roster,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(roster);
        var (committer, errors) = StartCommit(taskId, policy, asOf, RosterPath);
        // The entries are freed when the commit ends, however it ends (an exception, a cancellation).
        using var owned = committer;
        var worker = committer.NewWorker();
        var index = 0;
        await foreach (var record in roster.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            worker.Add(record, 0, index++);
        }
        committer.Records = index;
        return FinishCommit(taskId, asOf, policy, committer, errors, Environment.ProcessorCount);
    }

    internal static string RosterPath(int shard, int index, string? field) => $"$.roster[{index}]" + (field is null ? "" : "." + field);

    internal static RuleResult<RosterCommitment> CommitShards(string taskId, LocalDate asOf, SamplingPolicy policy, IReadOnlyList<IEnumerable<EntityRecord>> shards,
        int degreeOfParallelism, RecordLocation locate, IReadOnlyCollection<RuleError>? readerErrors = null)
    {
        Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 256);
        var (committer, errors) = StartCommit(taskId, policy, asOf, locate, nullsReported: readerErrors is not null);
        // The entries are freed when the commit ends, however it ends (a record that throws, a reader that fails).
        using var owned = committer;
        var workers = Enumerable.Range(0, degreeOfParallelism).Select(_ => (IRecordSink)committer.NewWorker()).ToArray();
        for (var shard = 0; shard < shards.Count; shard++)
        {
            committer.Records += RosterPartitioner.Run(Preconditions.CheckNotNull(shards[shard]), shard, workers);
        }
        if (readerErrors is not null)
        {
            // The reader's errors (rows that did not parse) come first: they are where the file is wrong.
            errors.InsertRange(0, readerErrors.Take(RosterCommitter.MaxErrors));
        }
        return FinishCommit(taskId, asOf, policy, committer, errors, degreeOfParallelism);
    }

    internal static (RosterCommitter Committer, ImmutableArray<RuleError>.Builder Errors) StartCommit(string taskId, SamplingPolicy policy, LocalDate asOf, RecordLocation locate,
        bool nullsReported = false)
    {
        Preconditions.CheckNotNull(taskId);
        Preconditions.CheckNotNull(policy);
        var errors = ImmutableArray.CreateBuilder<RuleError>();
        CheckPolicy(policy, errors);
        if (taskId.Length == 0)
        {
            errors.Add(SamplingErrors.InvalidField.Create("$.taskId", ("PropertyName", "taskId")));
        }
        return (new RosterCommitter(policy, asOf, locate) { NullsReported = nullsReported }, errors);
    }

    internal static RuleResult<RosterCommitment> FinishCommit(string taskId, LocalDate asOf, SamplingPolicy policy, RosterCommitter committer,
        ImmutableArray<RuleError>.Builder errors, int degreeOfParallelism)
    {
        var completed = committer.Complete(errors, degreeOfParallelism);
        if (completed is not var (rosterHash, strata, active))
        {
            return RuleResult<RosterCommitment>.Failure(errors.ToImmutable());
        }
        if (active == 0)
        {
            return RuleResult<RosterCommitment>.Failure(SamplingErrors.EmptyRoster.Create("$.roster"));
        }

        var target = (int)decimal.Ceiling(policy.AnnualCoverage * active);
        var quotas = Quotas(strata, policy, 1m);
        var scale = 1m;
        if (quotas.Sum() < target)
        {
            var positive = strata.Where(s => policy.RatioOf(s.Key.Tier) > 0).Select(s => policy.RatioOf(s.Key.Tier)).DefaultIfEmpty(0m).Min();
            var ceilingScale = positive == 0 ? 1m : decimal.Ceiling(1m / positive);
            var available = Quotas(strata, policy, ceilingScale).Sum();
            if (available < target)
            {
                return RuleResult<RosterCommitment>.Failure(SamplingErrors.InfeasibleRatios.Create("$.policy",
                    ("Target", target), ("Coverage", policy.AnnualCoverage), ("Active", active), ("Available", available)));
            }
            decimal low = 1m, high = ceilingScale;
            for (var i = 0; i < 64 && high - low > 0.000001m; i++)
            {
                var middle = (low + high) / 2;
                if (Quotas(strata, policy, middle).Sum() >= target)
                {
                    high = middle;
                }
                else
                {
                    low = middle;
                }
            }
            // Publish a short factor: rounding up keeps the target met, since quotas only grow with the factor.
            scale = decimal.Ceiling(high * 1_000_000m) / 1_000_000m;
            quotas = Quotas(strata, policy, scale);
        }
        return RuleResult<RosterCommitment>.Success(new RosterCommitment
        {
            TaskId = taskId,
            AsOf = asOf,
            RosterHash = rosterHash,
            Policy = policy,
            Records = committer.Records,
            Active = active,
            Target = target,
            Scale = scale,
            Strata = [.. strata.Select((s, i) => new StratumQuota(s.Key, s.Active, s.Population, s.Mandatory, quotas[i]))],
        });
    }

    /// <summary>
    /// The draw phase: streams the roster once and selects each stratum's quota. Memory grows with the sample, not the
    /// roster. With <paramref name="degreeOfParallelism"/> above 1 the roster is read in chunks ranked on that many
    /// cores; the result is the same.
    /// </summary>
    /// <param name="commitment">The published commitment.</param>
    /// <param name="seed">The seed bytes from the public source.</param>
    /// <param name="roster">The committed roster, in any order.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <returns>The receipt, or <c>MR.Sampling.RosterChanged</c> when the streamed roster's strata differ from the commitment.</returns>
    public static RuleResult<SamplingReceipt> Draw(RosterCommitment commitment, ReadOnlySpan<byte> seed, IEnumerable<EntityRecord> roster, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(commitment);
        Preconditions.CheckNotNull(roster);
        Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 256);
        if (seed.IsEmpty)
        {
            return RuleResult<SamplingReceipt>.Failure(SamplingErrors.InvalidSeed.Create("$.seed", ("Seed", "")));
        }
        return DrawShards(commitment, seed, [roster], degreeOfParallelism);
    }

    /// <summary>
    /// The draw phase over a roster held in shards, as committed by <see cref="CommitShards(string, LocalDate, SamplingPolicy, IReadOnlyList{IEnumerable{EntityRecord}}, int)"/>:
    /// exactly the receipt of their union. Each core keeps one lottery for all the shards; they merge once at the end.
    /// </summary>
    /// <param name="commitment">The published commitment.</param>
    /// <param name="seed">The seed bytes from the public source.</param>
    /// <param name="shards">The committed roster's parts, each in any order.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <returns>The receipt, or <c>MR.Sampling.RosterChanged</c> when the shards' strata differ from the commitment.</returns>
    public static RuleResult<SamplingReceipt> DrawShards(RosterCommitment commitment, ReadOnlySpan<byte> seed, IReadOnlyList<IEnumerable<EntityRecord>> shards, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(commitment);
        Preconditions.CheckNotNull(shards);
        Preconditions.CheckArgumentRange(degreeOfParallelism, 1, 256);
        if (seed.IsEmpty)
        {
            return RuleResult<SamplingReceipt>.Failure(SamplingErrors.InvalidSeed.Create("$.seed", ("Seed", "")));
        }
        var draw = new DrawState(commitment, DrawPrefix.Create(seed, commitment.TaskId), Convert.ToHexStringLower(seed));
        var workers = Enumerable.Range(0, degreeOfParallelism).Select(_ => draw.NewWorker()).ToArray();
        for (var shard = 0; shard < shards.Count; shard++)
        {
            RosterPartitioner.Run(Preconditions.CheckNotNull(shards[shard]), shard, workers);
        }
        draw.Merge(workers, degreeOfParallelism);
        return draw.ToReceipt(degreeOfParallelism);
    }

    /// <summary>The draw phase over an asynchronous stream (e.g. rows read from a database), on one core.</summary>
    /// <param name="commitment">The published commitment.</param>
    /// <param name="seed">The seed bytes.</param>
    /// <param name="roster">The committed roster, in any order.</param>
    /// <param name="cancellationToken">Cancels the draw.</param>
    /// <returns>The receipt, or <c>MR.Sampling.RosterChanged</c>.</returns>
    public static async Task<RuleResult<SamplingReceipt>> DrawAsync(RosterCommitment commitment, ReadOnlyMemory<byte> seed, IAsyncEnumerable<EntityRecord> roster,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(commitment);
        Preconditions.CheckNotNull(roster);
        if (seed.IsEmpty)
        {
            return RuleResult<SamplingReceipt>.Failure(SamplingErrors.InvalidSeed.Create("$.seed", ("Seed", "")));
        }
        var draw = new DrawState(commitment, DrawPrefix.Create(seed.Span, commitment.TaskId), Convert.ToHexStringLower(seed.Span));
        var worker = draw.NewWorker();
        await foreach (var record in roster.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            worker.Add(record, 0, 0);
        }
        draw.Merge([worker], 1);
        return draw.ToReceipt(1);
    }

    /// <summary>Commits and draws in one step, for a roster already frozen and a seed already public.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="asOf">The date of the draw.</param>
    /// <param name="policy">The working rules.</param>
    /// <param name="seed">The seed bytes.</param>
    /// <param name="roster">The roster; enumerated twice.</param>
    /// <param name="degreeOfParallelism">Cores to use for the draw.</param>
    /// <returns>The receipt or coded errors.</returns>
    public static RuleResult<SamplingReceipt> Plan(string taskId, LocalDate asOf, SamplingPolicy policy, ReadOnlySpan<byte> seed, IEnumerable<EntityRecord> roster,
        int degreeOfParallelism = 1)
    {
        var commitment = Commit(taskId, asOf, policy, roster);
        return commitment.IsSuccess ? Draw(commitment.Value, seed, roster, degreeOfParallelism) : RuleResult<SamplingReceipt>.Failure(commitment.Errors);
    }

    /// <summary>
    /// Recomputes a receipt from the roster it names: the canonical hash, the quotas and every selected entity with its
    /// rank. Needs no policy pack: the receipt carries the working rules it used.
    /// </summary>
    /// <param name="receipt">The published receipt.</param>
    /// <param name="roster">The published roster; enumerated twice.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <returns>The differences found, and the receipt format checked; no differences when the receipt is confirmed.</returns>
    public static ReceiptVerification Verify(SamplingReceipt receipt, IEnumerable<EntityRecord> roster, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(receipt);
        Preconditions.CheckNotNull(roster);
        return VerifyPasses(receipt, Passes(roster, degreeOfParallelism));
    }

    /// <summary>The two passes a verification makes over a roster (commit, then draw), as the roster's own reader makes them.</summary>
    internal sealed record RosterPasses(
        Func<string, LocalDate, SamplingPolicy, RuleResult<RosterCommitment>> Commit,
        Func<RosterCommitment, byte[], RuleResult<SamplingReceipt>> Draw);

    private static RosterPasses Passes(IEnumerable<EntityRecord> roster, int degreeOfParallelism) => new(
        (taskId, asOf, policy) => Commit(taskId, asOf, policy, roster, degreeOfParallelism),
        (commitment, seed) => Draw(commitment, seed, roster, degreeOfParallelism));

    internal static ReceiptVerification VerifyPasses(SamplingReceipt receipt, RosterPasses roster) =>
        Recompute(receipt, receipt.Strata.Select(RuleResult<StratumResult>.Success), static () => [], roster);

    /// <summary>
    /// Recomputes a published receipt read from a stream, as <see cref="Verify(SamplingReceipt, IEnumerable{EntityRecord}, int)"/>
    /// does, without holding the published selection: the receipt's header (task, seed, hash, rules) is read first, the
    /// draw recomputed, and the published strata are then read one at a time and compared as they arrive. Memory is that
    /// of the commitment and the recomputed draw, whatever the size of the receipt.
    /// </summary>
    /// <param name="publishedReceipt">The receipt as published (UTF-8 JSON); read to its end and left open. Read as strictly as <see cref="SamplingReceipt.FromJson(Stream)"/>.</param>
    /// <param name="roster">The published roster; enumerated twice.</param>
    /// <param name="degreeOfParallelism">Cores to use.</param>
    /// <returns>The differences found (or the receipt's <c>MR.Sampling.ReceiptMalformed</c> errors with their JSON paths), and the format checked.</returns>
    public static ReceiptVerification VerifyPublished(Stream publishedReceipt, IEnumerable<EntityRecord> roster, int degreeOfParallelism = 1)
    {
        Preconditions.CheckNotNull(publishedReceipt);
        Preconditions.CheckNotNull(roster);
        return VerifyPublishedPasses(publishedReceipt, Passes(roster, degreeOfParallelism));
    }

    internal static ReceiptVerification VerifyPublishedPasses(Stream publishedReceipt, RosterPasses roster)
    {
        using var reader = new ReceiptReader(publishedReceipt);
        var header = reader.ReadHeader();
        return header.IsSuccess
            ? Recompute(header.Value!, reader.ReadStrata(), reader.ReadEnd, roster, () => (reader.PublishedSelectedCount, reader.PublishedRealisedCoverage))
            : new ReceiptVerification(header.Errors);
    }

    // The one verification: the header against a recomputed commitment and draw, then the published strata as they come.
    // The roster's passes are its reader's own commit and draw (a CSV file's name its lines in errors).
    private static ReceiptVerification Recompute(SamplingReceipt receipt, IEnumerable<RuleResult<StratumResult>> publishedStrata, Func<ImmutableArray<RuleError>> readEnd,
        RosterPasses roster, Func<(int? Selected, decimal? Coverage)>? publishedTotals = null)
    {
        var differences = ImmutableArray.CreateBuilder<RuleError>();
        void Differ(string path, string chinese, string english) => differences.Add(SamplingErrors.ReceiptMismatch.CreateLocalized(path, ("Detail", chinese, english)));
        if (receipt.Format != SamplingReceipt.CurrentFormat)
        {
            // One implementation of the commitment: a receipt of an older format is checked by the version that wrote it.
            return new ReceiptVerification([SamplingErrors.UnsupportedReceiptFormat.Create("$.format", ("Format", receipt.Format), ("Supported", SamplingReceipt.CurrentFormat))]);
        }
        byte[] seed;
        try
        {
            seed = Convert.FromHexString(receipt.Seed);
        }
        catch (FormatException)
        {
            Differ("$.seed", "种子不是十六进制数", "the seed is not hexadecimal");
            return new ReceiptVerification(differences.ToImmutable());
        }
        var commitment = roster.Commit(receipt.TaskId, receipt.AsOf, receipt.Policy);
        if (!commitment.IsSuccess)
        {
            return new ReceiptVerification(commitment.Errors);
        }
        if (commitment.Value.RosterHash != receipt.RosterHash)
        {
            Differ("$.rosterHash", $"名录的哈希值为 {commitment.Value.RosterHash}，凭证记载 {receipt.RosterHash}", $"the roster hashes to {commitment.Value.RosterHash}, not {receipt.RosterHash}");
        }
        var redrawn = roster.Draw(commitment.Value, seed);
        if (!redrawn.IsSuccess)
        {
            return new ReceiptVerification(redrawn.Errors);
        }
        var fresh = redrawn.Value;
        if (fresh.Prefix != receipt.Prefix)
        {
            Differ("$.prefix", $"前缀为 {fresh.Prefix}，凭证记载 {receipt.Prefix}", $"the prefix is {fresh.Prefix}, not {receipt.Prefix}");
        }
        if (fresh.Active != receipt.Active || fresh.Target != receipt.Target || fresh.Scale != receipt.Scale)
        {
            Differ("$.target", $"在营数/目标数/比例为 {fresh.Active}/{fresh.Target}/{fresh.Scale}，凭证记载 {receipt.Active}/{receipt.Target}/{receipt.Scale}", $"active/target/scale are {fresh.Active}/{fresh.Target}/{fresh.Scale}, not {receipt.Active}/{receipt.Target}/{receipt.Scale}");
        }
        var malformed = ImmutableArray.CreateBuilder<RuleError>();
        var published = 0;
        foreach (var read in publishedStrata)
        {
            var i = published++;
            if (!read.IsSuccess)
            {
                malformed.AddRange(read.Errors);
                continue;
            }
            if (i >= fresh.Strata.Length)
            {
                continue;
            }
            var (a, b) = (fresh.Strata[i], read.Value);
            if (a.Stratum != b.Stratum || a.Active != b.Active || a.Population != b.Population || a.Mandatory != b.Mandatory || a.Quota != b.Quota)
            {
                Differ($"$.strata[{i}]", $"分层「{a.Stratum}」在营数/总数/必抽数/配额为 {a.Active}/{a.Population}/{a.Mandatory}/{a.Quota}，凭证记载「{b.Stratum}」{b.Active}/{b.Population}/{b.Mandatory}/{b.Quota}", $"stratum {a.Stratum} active/population/mandatory/quota {a.Active}/{a.Population}/{a.Mandatory}/{a.Quota}, receipt says {b.Stratum} {b.Active}/{b.Population}/{b.Mandatory}/{b.Quota}");
            }
            else if (!a.Selected.SequenceEqual(b.Selected))
            {
                Differ($"$.strata[{i}].selected", $"分层「{a.Stratum}」抽中 {string.Join(",", a.Selected.Select(s => s.CreditCode))}", $"stratum {a.Stratum} selects {string.Join(",", a.Selected.Select(s => s.CreditCode))}");
            }
        }
        malformed.AddRange(readEnd());
        if (malformed.Count > 0)
        {
            // A receipt that cannot be read whole is not confirmed: its reading errors, not a comparison, are the answer.
            return new ReceiptVerification([.. malformed.Take(RosterCommitter.MaxErrors)]);
        }
        if (fresh.Strata.Length != published)
        {
            Differ("$.strata", $"分层数为 {fresh.Strata.Length}，凭证记载 {published}", $"{fresh.Strata.Length} strata, not {published}");
        }
        // The published totals are what a reader of the receipt quotes (how many were inspected, the coverage reached):
        // a receipt whose strata are right but whose totals are not is not confirmed.
        var (publishedSelected, publishedCoverage) = publishedTotals?.Invoke() ?? (null, null);
        if (publishedSelected is { } selected && selected != fresh.SelectedCount)
        {
            Differ("$.selectedCount", $"抽中总数为 {fresh.SelectedCount}，凭证记载 {selected}", $"{fresh.SelectedCount} selected, not {selected}");
        }
        if (publishedCoverage is { } coverage && coverage != fresh.RealisedCoverage)
        {
            var actual = fresh.RealisedCoverage.ToString(CultureInfo.InvariantCulture);
            var stated = coverage.ToString(CultureInfo.InvariantCulture);
            Differ("$.realisedCoverage", $"实际覆盖率为 {actual}，凭证记载 {stated}", $"the realised coverage is {actual}, not {stated}");
        }
        return new ReceiptVerification(differences.ToImmutable()) { Active = fresh.Active, Selected = fresh.SelectedCount, RosterHash = fresh.RosterHash };
    }

    /// <summary>The canonical line of a record in the roster hash: code|region|industry|tier|status|flags|last-inspected, then a line feed.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The line.</returns>
    public static string CanonicalLine(EntityRecord record)
    {
        Preconditions.CheckNotNull(record);
        var status = record.Status switch
        {
            EntityStatus.Active => "active",
            EntityStatus.Deregistered => "deregistered",
            EntityStatus.Revoked => "revoked",
            _ => ((int)record.Status).ToString(CultureInfo.InvariantCulture),
        };
        var last = record.LastInspected is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{record.CreditCode.Value}|{record.Region}|{record.Industry}|{record.Tier}|{status}|{(int)record.Priority}|{last}\n");
    }

    internal static StratumKey StratumOf(EntityRecord record) => new(record.Region.ToString(), record.Industry, record.Tier);

    internal static bool IsIndustryCode(string? industry)
    {
        if (industry is null || industry.Length is < 1 or 2 or > 5 || industry[0] is < 'A' or > 'T')
        {
            return false;
        }
        for (var i = 1; i < industry.Length; i++)
        {
            if (!char.IsAsciiDigit(industry[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal static int[] Quotas(List<(StratumKey Key, int Active, int Population, int Mandatory)> strata, SamplingPolicy policy, decimal scale)
    {
        var quotas = new int[strata.Count];
        for (var i = 0; i < strata.Count; i++)
        {
            // The class ratio applies to the stratum's active enterprises (the ratio's denominator in the working rules);
            // only eligible ones can fill it.
            var (key, active, population, mandatory) = strata[i];
            var ratio = Math.Min(1m, policy.RatioOf(key.Tier) * scale);
            var quota = (int)Math.Min(population, decimal.Ceiling(active * ratio));
            quotas[i] = Math.Max(quota, mandatory);
        }
        return quotas;
    }

    private static void CheckPolicy(SamplingPolicy policy, ImmutableArray<RuleError>.Builder errors)
    {
        void Ratio(decimal? value, string name)
        {
            if (value is { } v && (v < 0m || v > 1m))
            {
                errors.Add(SamplingErrors.InvalidField.Create("$.policy." + name, ("PropertyName", name)));
            }
        }
        Ratio(policy.AnnualCoverage, "annualCoverage");
        Ratio(policy.RatioA, "ratioA");
        Ratio(policy.RatioB, "ratioB");
        Ratio(policy.RatioC, "ratioC");
        Ratio(policy.RatioD, "ratioD");
        if (policy.TeamSize < 2)
        {
            errors.Add(SamplingErrors.InvalidField.Create("$.policy.teamSize", ("PropertyName", "teamSize")));
        }
        if (policy.AvoidRepeatMonths < 0)
        {
            errors.Add(SamplingErrors.InvalidField.Create("$.policy.avoidRepeatMonths", ("PropertyName", "avoidRepeatMonths")));
        }
    }

    /// <summary>Which entities may and must be drawn, as the working rules say.</summary>
    internal sealed class EligibilityRules
    {
        private readonly FrozenSet<string> mandatory;
        private readonly FrozenSet<string> excluded;
        private readonly PriorityMarks mandatoryMarks;
        private readonly LocalDate? windowStart;

        internal EligibilityRules(SamplingPolicy policy, LocalDate asOf)
        {
            mandatory = (policy.MandatoryInclusions.IsDefault ? [] : policy.MandatoryInclusions).ToFrozenSet(StringComparer.Ordinal);
            excluded = (policy.Exclusions.IsDefault ? [] : policy.Exclusions).ToFrozenSet(StringComparer.Ordinal);
            mandatoryMarks = policy.MandatoryMarks;
            windowStart = policy.AvoidRepeatMonths > 0 ? asOf.PlusMonths(-policy.AvoidRepeatMonths) : null;
        }

        /// <summary>Whether the working rules name the entity as a mandatory inclusion.</summary>
        internal bool IsNamedMandatory(string code) => mandatory.Count > 0 && mandatory.Contains(code);

        /// <summary>Classifies an active entity: eligible (in a stratum's population) and mandatory.</summary>
        internal (bool Eligible, bool Mandatory) Classify(EntityRecord record)
        {
            var code = record.CreditCode.Value;
            if (excluded.Count > 0 && excluded.Contains(code))
            {
                return (false, false);
            }
            var isMandatory = (mandatory.Count > 0 && mandatory.Contains(code)) || (record.Priority & mandatoryMarks) != 0;
            if (isMandatory)
            {
                return (true, true);
            }
            var recent = windowStart is { } start && record.LastInspected is { } last && last > start;
            return (!recent, false);
        }
    }

    /// <summary>One draw in progress: the commitment's strata, and the workers' lotteries merged into one.</summary>
    private sealed class DrawState
    {
        private readonly RosterCommitment commitment;
        private readonly DrawPrefix prefix;
        private readonly string seedHex;
        // Keyed by StratumId: looking a record up hashes a long, not its industry's string.
        private readonly Dictionary<long, int> strata;
        private readonly Dictionary<string, int> industries = new(StringComparer.Ordinal);
        private readonly int[] capacities;
        private readonly EligibilityRules rules;
        private SamplingLottery? lottery;
        private readonly int[] inStratum;
        private readonly int[] population;
        private readonly int[] mandatory;
        private int active;
        private string? unexpected;

        internal DrawState(RosterCommitment commitment, DrawPrefix prefix, string seedHex)
        {
            this.commitment = commitment;
            this.prefix = prefix;
            this.seedHex = seedHex;
            // Keyed by the region's number so that looking a record up allocates nothing.
            strata = new Dictionary<long, int>(commitment.Strata.Length);
            capacities = new int[commitment.Strata.Length];
            for (var i = 0; i < commitment.Strata.Length; i++)
            {
                var key = commitment.Strata[i].Stratum;
                if (int.TryParse(key.Region, NumberStyles.None, CultureInfo.InvariantCulture, out var region))
                {
                    // A stratum whose region is not a number matches no record: the draw then reports RosterChanged.
                    if (!industries.TryGetValue(key.Industry, out var industry))
                    {
                        industry = industries[key.Industry] = industries.Count;
                    }
                    strata[StratumId(region, industry, key.Tier)] = i;
                }
                capacities[i] = commitment.Strata[i].Quota - commitment.Strata[i].Mandatory;
            }
            rules = new EligibilityRules(commitment.Policy, commitment.AsOf);
            inStratum = new int[capacities.Length];
            population = new int[capacities.Length];
            mandatory = new int[capacities.Length];
        }

        internal Worker NewWorker() => new(this);

        /// <summary>A stratum as one number: region, the industry's index in the commitment and the class (0–3: A–D).</summary>
        private static long StratumId(int region, int industry, CreditRiskClass tier) => ((long)region << 24) | ((long)industry << 2) | (long)tier;

        /// <summary>
        /// Takes the workers' counts and lotteries once, at the end: the first worker's lottery becomes the draw's (n
        /// workers, n lotteries) and the others are merged into it stratum by stratum on every core.
        /// </summary>
        internal void Merge(IReadOnlyList<Worker> workers, int degreeOfParallelism)
        {
            foreach (var worker in workers)
            {
                active += worker.Active;
                unexpected ??= worker.Unexpected;
                for (var i = 0; i < population.Length; i++)
                {
                    inStratum[i] += worker.ActiveCount[i];
                    population[i] += worker.Population[i];
                    mandatory[i] += worker.MandatoryCount[i];
                }
            }
            lottery = workers[0].Lottery;
            lottery.MergeAll([.. workers.Skip(1).Select(w => w.Lottery)], degreeOfParallelism);
        }

        internal RuleResult<SamplingReceipt> ToReceipt(int degreeOfParallelism)
        {
            var detail = unexpected;
            if (detail is null && active != commitment.Active)
            {
                detail = $"{active} active entities, the commitment has {commitment.Active}";
            }
            for (var i = 0; detail is null && i < population.Length; i++)
            {
                var committed = commitment.Strata[i];
                if (inStratum[i] != committed.Active || population[i] != committed.Population || mandatory[i] != committed.Mandatory)
                {
                    detail = $"stratum {committed.Stratum} has {inStratum[i]} active, {population[i]} eligible, {mandatory[i]} mandatory entities; the commitment has {committed.Active}, {committed.Population}, {committed.Mandatory}";
                }
            }
            if (detail is not null)
            {
                return RuleResult<SamplingReceipt>.Failure(SamplingErrors.RosterChanged.Create("$.roster", ("Detail", detail)));
            }
            var results = new StratumResult[population.Length];
            var drawn = lottery ??= new SamplingLottery(prefix, capacities);
            drawn.Flush();
            // Each stratum's selection (its sort and its strings) is built by whichever core takes it.
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, i =>
            {
                var q = commitment.Strata[i];
                results[i] = new StratumResult(q.Stratum, q.Active, q.Population, q.Mandatory, q.Quota, drawn.SelectedFlushed(i));
            });
            return RuleResult<SamplingReceipt>.Success(new SamplingReceipt
            {
                LibraryVersion = LibraryVersion,
                TaskId = commitment.TaskId,
                AsOf = commitment.AsOf,
                Seed = seedHex,
                Prefix = prefix.Hex,
                RosterHash = commitment.RosterHash,
                Policy = commitment.Policy,
                Active = commitment.Active,
                Target = commitment.Target,
                Scale = commitment.Scale,
                Strata = ImmutableArray.Create(results),
            });
        }

        internal sealed class Worker : IRecordSink
        {
            private readonly DrawState draw;
            private readonly byte[] ascii = new byte[Sha256Lanes.CreditCodeLength];
            private readonly IndustryCache industries;

            internal Worker(DrawState draw)
            {
                this.draw = draw;
                // An industry no stratum has is −1: the record is then in a stratum the commitment does not have.
                industries = new IndustryCache(industry => draw.industries.TryGetValue(industry, out var id) ? id : -1);
                Lottery = new SamplingLottery(draw.prefix, draw.capacities);
                Population = new int[draw.capacities.Length];
                ActiveCount = new int[draw.capacities.Length];
                MandatoryCount = new int[draw.capacities.Length];
            }

            internal SamplingLottery Lottery { get; }

            internal int[] Population { get; }

            internal int[] ActiveCount { get; }

            internal int[] MandatoryCount { get; }

            internal int Active { get; private set; }

            internal string? Unexpected { get; private set; }

            public void Add(EntityRecord record, int shard, int index)
            {
                if (record is null || record.Status != EntityStatus.Active)
                {
                    return;
                }
                Active++;
                var code = record.CreditCode.Value;
                var industry = record.Industry is null ? -1 : industries[record.Industry];
                if (code.Length != Sha256Lanes.CreditCodeLength || industry < 0 || (uint)record.Tier > 3
                    || !draw.strata.TryGetValue(StratumId(record.Region.Code, industry, record.Tier), out var stratum))
                {
                    Unexpected ??= $"entity {code} is in stratum {StratumOf(record)}, which the commitment does not have";
                    return;
                }
                ActiveCount[stratum]++;
                var (eligible, isMandatory) = draw.rules.Classify(record);
                if (!eligible)
                {
                    return;
                }
                Population[stratum]++;
                if (isMandatory)
                {
                    MandatoryCount[stratum]++;
                }
                Encoding.ASCII.GetBytes(code, ascii);
                Lottery.Add(stratum, ascii, isMandatory);
            }
        }
    }
}
