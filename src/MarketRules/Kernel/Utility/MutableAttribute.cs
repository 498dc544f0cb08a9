namespace MarketRules;

/// <summary>
/// Marks a public type as deliberately mutable. Every other public class and record in MarketRules is immutable;
/// a convention test enforces this.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MutableAttribute : Attribute
{
}

/// <summary>
/// Marks a private field of an immutable type that memoises a value computed from the type's read-only state (a text
/// formatted on first read): the object is written once per field at most and always reads the same, so it stays
/// immutable to every caller; the convention test that holds immutability accepts such fields.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
internal sealed class MemoisedAttribute : Attribute
{
}
