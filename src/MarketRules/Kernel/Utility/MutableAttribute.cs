namespace MarketRules;

/// <summary>
/// Marks a public type as deliberately mutable. Every other public class and record in MarketRules is immutable;
/// a convention test enforces this.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MutableAttribute : Attribute
{
}
