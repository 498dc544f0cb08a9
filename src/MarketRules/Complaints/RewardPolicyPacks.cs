using System.Collections.Immutable;
using MarketRules.Parameters;

namespace MarketRules.Complaints;

/// <summary>
/// The provincial 较大数额 thresholds of the reward measures shipped with the library, as jurisdiction packs: Zhejiang,
/// Chongqing and Liaoning 100,000 yuan (Liaoning 10,000 for natural persons), Shaanxi 300,000 yuan. Each is read in a
/// reprint or a news report (V-S); the days they took effect are partly from memory (see each pack's note).
/// </summary>
public static class RewardPolicyPacks
{
    /// <summary>Zhejiang (330000): fines plus confiscations of 100,000 yuan or more (含).</summary>
    public static PolicyPack Zhejiang => Parse("zhejiang-rewards.json");

    /// <summary>Chongqing (500000): 100,000 yuan or more.</summary>
    public static PolicyPack Chongqing => Parse("chongqing-rewards.json");

    /// <summary>Shaanxi (610000): 300,000 yuan or more (陕市监发〔2022〕482号).</summary>
    public static PolicyPack Shaanxi => Parse("shaanxi-rewards.json");

    /// <summary>Liaoning (210000): 10,000 yuan or more on a natural person, 100,000 on an organisation.</summary>
    public static PolicyPack Liaoning => Parse("liaoning-rewards.json");

    /// <summary>Every shipped reward pack.</summary>
    public static ImmutableArray<PolicyPack> All => [Zhejiang, Chongqing, Shaanxi, Liaoning];

    /// <summary>The national law plus every shipped reward pack.</summary>
    /// <returns>The policy context.</returns>
    public static PolicyContext WithAll()
    {
        var policy = NationalCatalog.Policy;
        foreach (var pack in All)
        {
            policy = policy.WithPack(pack).GetValueOrThrow();
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

    private static PolicyPack Parse(string file) => PolicyPack.Parse(Json(file), NationalCatalog.Catalog).GetValueOrThrow();
}
