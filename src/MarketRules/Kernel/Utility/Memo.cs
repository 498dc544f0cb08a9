using System.Runtime.CompilerServices;

namespace MarketRules.Utility;

/// <summary>
/// The one way an immutable decision makes a part of itself when first read (its explanation, its agenda): the value is
/// made from the owner at most once per thread that races for it, and the first one stored is the one every reader gets.
/// The field is marked <see cref="MemoisedAttribute"/>.
/// </summary>
internal static class Memo
{
    /// <summary>The value in <paramref name="field"/>, made by <paramref name="make"/> from <paramref name="owner"/> when absent.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TOwner">The owner's type (pass a static lambda so no closure is allocated).</typeparam>
    /// <param name="field">The memoising field.</param>
    /// <param name="owner">The object the value is made from.</param>
    /// <param name="make">Makes the value.</param>
    /// <returns>The value stored first.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Once<T, TOwner>(ref T? field, TOwner owner, Func<TOwner, T> make)
        where T : class
    {
        // Read without pattern variables: a mutation tool that guards each condition would leave them unassigned (CS0165).
        var made = Volatile.Read(ref field);
        if (made is not null)
        {
            return made;
        }
        var built = make(owner);
        return Interlocked.CompareExchange(ref field, built, null) ?? built;
    }
}
