using System.Diagnostics.Contracts;
using System.Globalization;

namespace MarketRules.Parameters;

/// <summary>
/// An administrative division by its six-digit GB/T 2260 code: a province (<c>330000</c>), a prefecture-level city
/// (<c>330100</c>) or a county-level district (<c>330105</c>). Local policy applies to a jurisdiction and every
/// division under it.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are by code.</para>
/// <para>The default value of this type is the code <c>000000</c>, which stands for the whole country.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketRules.Json.JurisdictionJsonConverter))]
public readonly record struct Jurisdiction : IComparable<Jurisdiction>
{
    private Jurisdiction(int code) => Code = code;

    /// <summary>The whole country (<c>000000</c>): national rules only.</summary>
    public static Jurisdiction National => default;

    /// <summary>The six-digit code as a number.</summary>
    public int Code { get; }

    /// <summary>Whether this is the whole country.</summary>
    public bool IsNational => Code == 0;

    /// <summary>The province this division belongs to (itself for a province).</summary>
    public Jurisdiction Province => new(Code / 10000 * 10000);

    /// <summary>The prefecture-level city this division belongs to (itself for a city; the province's code for a province).</summary>
    public Jurisdiction City => new(Code / 100 * 100);

    /// <summary>Parses a six-digit code.</summary>
    /// <param name="code">The code, e.g. <c>330105</c>.</param>
    /// <returns>The jurisdiction or the coded error <c>MR.Jurisdiction.Invalid</c>.</returns>
    [Pure]
    public static RuleResult<Jurisdiction> Parse(string? code)
    {
        // Read without out variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var value = 0;
        if (code is { Length: 6 } && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return RuleResult<Jurisdiction>.Success(new Jurisdiction(value));
        }
        return RuleResult<Jurisdiction>.Failure(KernelErrors.InvalidJurisdiction.Create(null, ("Code", code ?? "")));
    }

    /// <summary>Whether this division lies within another (or is it). Everything lies within <see cref="National"/>.</summary>
    /// <param name="other">The possibly enclosing division.</param>
    /// <returns>Whether this is <paramref name="other"/> or one of its sub-divisions.</returns>
    [Pure]
    public bool IsWithin(Jurisdiction other) =>
        other.IsNational || other == this || (other.Code % 10000 == 0 && Province == other) || (other.Code % 100 == 0 && City == other);

    /// <summary>Compares by code.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts before right.</returns>
    public static bool operator <(Jurisdiction left, Jurisdiction right) => left.Code < right.Code;

    /// <summary>Compares by code.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts after right.</returns>
    public static bool operator >(Jurisdiction left, Jurisdiction right) => left.Code > right.Code;

    /// <summary>Compares by code.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts before or equal to right.</returns>
    public static bool operator <=(Jurisdiction left, Jurisdiction right) => left.Code <= right.Code;

    /// <summary>Compares by code.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether left sorts after or equal to right.</returns>
    public static bool operator >=(Jurisdiction left, Jurisdiction right) => left.Code >= right.Code;

    /// <inheritdoc />
    public int CompareTo(Jurisdiction other) => Code.CompareTo(other.Code);

    /// <inheritdoc />
    public override string ToString() => Code.ToString("D6", CultureInfo.InvariantCulture);
}
