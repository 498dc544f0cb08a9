namespace MarketRules.Cli.Demo;

/// <summary>
/// The demo's seeded generator (SplitMix64). Its sequence is fixed by this code, not by a runtime's System.Random,
/// so the demo district follows from the seed alone on every .NET version.
/// </summary>
internal sealed class DemoRandom(ulong state)
{
    /// <summary>A value in [0, bound).</summary>
    public ulong Next(ulong bound)
    {
        unchecked
        {
            state += 0x9E37_79B9_7F4A_7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
            z ^= z >> 31;
            return bound == 0 ? 0 : z % bound;
        }
    }

    /// <summary>A value in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + (int)Next((ulong)(maxExclusive - minInclusive));
}
