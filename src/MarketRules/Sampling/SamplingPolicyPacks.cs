using MarketRules.Parameters;

namespace MarketRules.Sampling;

/// <summary>The example policy packs shipped with the library for double-random inspections.</summary>
public static class SamplingPolicyPacks
{
    private static readonly Lazy<string> LazyHenan2021Json = new(() => Read("MarketRules.Data.Sampling/henan-2021.json"));

    /// <summary>
    /// Henan SAMR 2021's ratios by credit-risk class, 1 / 2 / 10 / 30 % (V-S, a newspaper report; domain-rules §1.2), as the
    /// pack's JSON. An example: the national texts set no class ratios.
    /// </summary>
    public static string Henan2021Json => LazyHenan2021Json.Value;

    /// <summary>The Henan 2021 pack, parsed against the sampling parameters (the only ones it sets); load it with <see cref="LawContext.WithPack"/>.</summary>
    public static PolicyPack Henan2021 => PolicyPack.Parse(Henan2021Json, new ParameterCatalog(SamplingParameters.All)).GetValueOrThrow();

    private static string Read(string name)
    {
        using var stream = typeof(SamplingPolicyPacks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
