using System.Globalization;

namespace MarketRules.Tests.Kernel;

// Amounts in law are stated in yuan, paid in fen: Money holds fen exactly, refuses fractions of a fen, reads a caller's
// amount only between 0 and one trillion yuan (both included), and refuses an overflow instead of wrapping round.
public class MoneyMutationEdgeTests
{
    [Fact]
    public void FromYuan_TwoDecimalPlaces_IsExactlyThatManyFen()
    {
        Assert.Equal(123_456, Money.FromYuan(1234.56m).Fen);
        Assert.Equal(1, Money.FromYuan(0.01m).Fen);
        Assert.Equal(1010, Money.FromYuan(10.100m).Fen);
        Assert.Equal(1234.56m, Money.FromFen(123_456).Yuan);
        Assert.Equal(Money.Zero, Money.FromFen(0));
        Assert.Equal(0, Money.Zero.Fen);
    }

    [Fact]
    public void FromYuan_FractionOfAFen_RefusedNamingTheAmount()
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));
        Assert.Equal("yuan", ex.ParamName);
        Assert.StartsWith("An amount in yuan has at most two decimal places (fen)", ex.Message, StringComparison.Ordinal);
    }

    // Between 0 and 1 万亿元, both included, in whole fen.
    [Theory]
    [InlineData("0", true)]
    [InlineData("-0.01", false)]
    [InlineData("0.01", true)]
    [InlineData("0.005", false)]
    [InlineData("1000000000000", true)]
    [InlineData("1000000000000.00", true)]
    [InlineData("1000000000000.01", false)]
    public void IsValidYuan_FromZeroToOneTrillionYuanInWholeFen(string yuan, bool valid)
    {
        Assert.Equal(valid, Money.IsValidYuan(decimal.Parse(yuan, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void MaxYuan_IsOneTrillionYuan() => Assert.Equal(1_000_000_000_000m, Money.MaxYuan);

    [Fact]
    public void AddAndSubtract_AreExactInFen()
    {
        var fine = Money.FromYuan(100.50m);
        var surcharge = Money.FromYuan(0.75m);
        Assert.Equal(Money.FromYuan(101.25m), fine + surcharge);
        Assert.Equal(Money.FromYuan(101.25m), fine.Add(surcharge));
        Assert.Equal(Money.FromYuan(99.75m), fine - surcharge);
        Assert.Equal(Money.FromYuan(99.75m), fine.Subtract(surcharge));
        Assert.Equal(Money.FromFen(-25), surcharge - Money.FromYuan(1m));
    }

    [Fact]
    public void AddAndSubtract_BeyondTheRangeOfFen_RefusedNotWrapped()
    {
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue).Add(Money.FromFen(1)));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MinValue) - Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MinValue).Subtract(Money.FromFen(1)));
    }

    [Theory]
    [InlineData(999, 1000, -1)]
    [InlineData(1000, 1000, 0)]
    [InlineData(1001, 1000, 1)]
    public void Comparison_IsByFen(long left, long right, int sign)
    {
        var l = Money.FromFen(left);
        var r = Money.FromFen(right);
        Assert.Equal(sign, Math.Sign(l.CompareTo(r)));
        Assert.Equal(sign < 0, l < r);
        Assert.Equal(sign > 0, l > r);
        Assert.Equal(sign <= 0, l <= r);
        Assert.Equal(sign >= 0, l >= r);
    }

    [Theory]
    [InlineData(123_450, "1234.50 yuan")]
    [InlineData(0, "0.00 yuan")]
    [InlineData(-5, "-0.05 yuan")]
    public void ToString_YuanWithTwoDecimalsWhateverTheCulture(long fen, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes a decimal comma: the text stays the invariant one.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, Money.FromFen(fen).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
