using System.Collections.Immutable;
using MarketRules.Parameters;
using MarketRules.Utility;

namespace MarketRules.Complaints;

/// <summary>
/// The provincial 较大数额 thresholds of the reward measures shipped with the library, as jurisdiction packs: Zhejiang,
/// Chongqing and Liaoning 100,000 yuan (Liaoning 10,000 for natural persons), Shaanxi 300,000 yuan. Each is read in a
/// reprint or a news report (V-S); the days they took effect are partly from memory (see each pack's note).
/// </summary>
public static class RewardPolicyPacks
{
    private static readonly Lazy<PolicyPack> LazyZhejiang = new(() => Parse("zhejiang-rewards.json"));
    private static readonly Lazy<PolicyPack> LazyChongqing = new(() => Parse("chongqing-rewards.json"));
    private static readonly Lazy<PolicyPack> LazyShaanxi = new(() => Parse("shaanxi-rewards.json"));
    private static readonly Lazy<PolicyPack> LazyLiaoning = new(() => Parse("liaoning-rewards.json"));

    /// <summary>Zhejiang (330000): fines plus confiscations of 100,000 yuan or more (含).</summary>
    public static PolicyPack Zhejiang => LazyZhejiang.Value;

    /// <summary>Chongqing (500000): 100,000 yuan or more.</summary>
    public static PolicyPack Chongqing => LazyChongqing.Value;

    /// <summary>Shaanxi (610000): 300,000 yuan or more (陕市监发〔2022〕482号).</summary>
    public static PolicyPack Shaanxi => LazyShaanxi.Value;

    /// <summary>Liaoning (210000): 10,000 yuan or more on a natural person, 100,000 on an organisation.</summary>
    public static PolicyPack Liaoning => LazyLiaoning.Value;

    /// <summary>Every shipped reward pack.</summary>
    public static ImmutableArray<PolicyPack> All => [Zhejiang, Chongqing, Shaanxi, Liaoning];

    /// <summary>The law plus every shipped reward pack it does not already cover (see <see cref="AddDefaults"/>).</summary>
    /// <param name="law">The law, e.g. <c>NationalCatalog.Law</c>.</param>
    /// <returns>The law with the shipped reward packs.</returns>
    public static LawContext WithAll(LawContext law) => Preconditions.CheckNotNull(law).WithPolicy(AddDefaults(law.Policy));

    /// <summary>
    /// Adds the shipped reward packs to <paramref name="policy"/> as defaults: a pack is skipped when the policy already
    /// has one for the same jurisdiction that sets the same values over overlapping dates (the caller's pack wins).
    /// </summary>
    /// <param name="policy">The caller's policy.</param>
    /// <returns>The policy with the shipped packs it did not already cover.</returns>
    public static PolicyContext AddDefaults(PolicyContext policy)
    {
        Preconditions.CheckNotNull(policy);
        foreach (var pack in All)
        {
            if (policy.Packs.Any(p => p.Id == pack.Id))
            {
                continue;
            }
            var added = policy.WithPack(pack);
            if (added.IsSuccess)
            {
                policy = added.Value!;
            }
        }
        return policy;
    }

    /// <summary>The JSON of a shipped pack, e.g. <c>zhejiang-rewards.json</c>.</summary>
    /// <param name="file">The file name.</param>
    /// <returns>The pack's JSON.</returns>
    public static string Json(string file)
    {
        using var stream = typeof(RewardPolicyPacks).Assembly.GetManifestResourceStream("MarketRules.Data.Complaints/" + file)
            ?? throw new InvalidOperationException($"Embedded resource {file} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // A reward pack sets reward parameters only: it is read against them, as a policy context's packs are keyed by parameter id.
    private static PolicyPack Parse(string file) => PolicyPack.Parse(Json(file), new ParameterCatalog(RewardParameters.All)).GetValueOrThrow();
}
