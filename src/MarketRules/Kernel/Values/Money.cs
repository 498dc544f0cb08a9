using System.Diagnostics.Contracts;
using System.Globalization;

namespace MarketRules;

/// <summary>
/// An amount of renminbi held exactly in fen (分, 0.01 yuan). Amounts in law are stated in yuan; payments are made in fen.
/// </summary>
/// <remarks>
/// <para>Equality and ordering are by the number of fen. Arithmetic is checked: an overflow throws.</para>
/// <para>The default value of this type is zero.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    private Money(long fen) => Fen = fen;

    /// <summary>Zero yuan.</summary>
    public static Money Zero => default;

    /// <summary>The amount in fen.</summary>
    public long Fen { get; }

    /// <summary>The amount in yuan.</summary>
    public decimal Yuan => Fen / 100m;

    /// <summary>Creates an amount from fen.</summary>
    /// <param name="fen">The number of fen.</param>
    /// <returns>The amount.</returns>
    [Pure]
    public static Money FromFen(long fen) => new(fen);

    /// <summary>Creates an amount from yuan.</summary>
    /// <param name="yuan">The number of yuan, at most two decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">Thrown when the amount has fractions of a fen.</exception>
    [Pure]
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (decimal.Truncate(fen) != fen)
        {
            throw new ArgumentException("An amount in yuan has at most two decimal places (fen)", nameof(yuan));
        }
        return new((long)fen);
    }

    /// <summary>
    /// The largest amount the library reads from a caller: one trillion yuan (1 万亿元), far above any fine, sales
    /// amount or budget the rules deal with, and small enough that sums of many such amounts still fit in fen.
    /// </summary>
    public static decimal MaxYuan => 1_000_000_000_000m;

    /// <summary>Whether a caller's amount in yuan can be an amount of money: between 0 and <see cref="MaxYuan"/>, in whole fen.</summary>
    /// <param name="yuan">The amount in yuan.</param>
    /// <returns>Whether it is valid.</returns>
    [Pure]
    public static bool IsValidYuan(decimal yuan) => yuan >= 0m && yuan <= MaxYuan && decimal.Round(yuan, 2) == yuan;

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>The sum.</returns>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Subtracts two amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>The difference.</returns>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Compares amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether left is smaller.</returns>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Compares amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether left is larger.</returns>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Compares amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether left is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Compares amounts.</summary>
    /// <param name="left">The left amount.</param>
    /// <param name="right">The right amount.</param>
    /// <returns>Whether left is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <summary>Adds an amount.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    [Pure]
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    [Pure]
    public Money Subtract(Money other) => this - other;

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <inheritdoc />
    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture) + " yuan";
}
