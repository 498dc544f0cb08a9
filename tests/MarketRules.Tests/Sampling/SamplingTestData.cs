using System.Security.Cryptography;
using MarketRules.Credit;
using MarketRules.Parameters;
using MarketRules.Sampling;

namespace MarketRules.Tests.Sampling;

/// <summary>Generated rosters and inspector directories for the sampling tests (deterministic from a seed).</summary>
internal static class SamplingTestData
{
    internal static readonly string[] Regions = ["330102", "330105", "330106"];
    internal static readonly string[] Industries = ["C", "F", "H", "L"];

    /// <summary>A valid credit code from a number: 17 characters derived from it plus the check character.</summary>
    internal static string Code(long n)
    {
        Span<char> first = stackalloc char[17];
        "91330105".AsSpan().CopyTo(first);
        var x = n;
        for (var i = 16; i >= 8; i--)
        {
            first[i] = UnifiedSocialCreditCode.Alphabet[(int)(x % 31)];
            x /= 31;
        }
        return new string(first) + UnifiedSocialCreditCode.ComputeCheckCharacter(first);
    }

    /// <summary>A roster of <paramref name="count"/> entities; region, industry, class and status derived from a hash of the seed and index.</summary>
    internal static List<EntityRecord> Roster(int count, int seed = 1, double inactiveShare = 0.05)
    {
        var list = new List<EntityRecord>(count);
        Span<byte> input = stackalloc byte[8];
        Span<byte> hash = stackalloc byte[32];
        for (var i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(input, ((long)seed << 32) | (uint)i);
            SHA256.HashData(input, hash);
            var tierRoll = hash[2] % 100;
            var tier = tierRoll < 55 ? CreditRiskClass.A : tierRoll < 85 ? CreditRiskClass.B : tierRoll < 96 ? CreditRiskClass.C : CreditRiskClass.D;
            var status = hash[3] / 255.0 < inactiveShare ? EntityStatus.Deregistered : EntityStatus.Active;
            list.Add(new EntityRecord(
                UnifiedSocialCreditCode.Parse(Code(i + (seed * 1_000_000L))).GetValueOrThrow(),
                $"Entity {i}",
                Jurisdiction.Parse(Regions[hash[0] % Regions.Length]).GetValueOrThrow(),
                Industries[hash[1] % Industries.Length],
                EntityKind.Enterprise,
                status,
                tier)
            {
                LastInspected = hash[4] % 4 == 0 ? new LocalDate(2024, 1 + (hash[5] % 12), 1 + (hash[6] % 28)) : null,
            });
        }
        return list;
    }

    internal static byte[] Seed(int n) => SHA256.HashData(BitConverter.GetBytes(n));

    internal static readonly LocalDate AsOf = new(2025, 3, 1);
}
