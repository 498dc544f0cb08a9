using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace MarketRules.Tests.Kernel;

// The dependency rule of docs/architecture.md, read from the compiled library: every type's base type, interfaces,
// fields, signatures and the types and members its method bodies use.
//   kernel  → nothing but the kernel;
//   an area → the kernel, and other areas' public types only;
//   engine  → anything (the JSON contracts and adapters of every area, and the national catalog that gathers them);
//   hosts, storage packages and MarketRules.Testing → the public API (no InternalsVisibleTo but tests and benchmarks).
// Edges that break the rule today are listed in KnownViolations: the list may only shrink (issue 11 removes them), and
// a listed edge that no longer exists fails the test too, so that the list stays true.
public sealed class ArchitectureTests
{
    private static readonly string[] KernelNamespaces =
        ["MarketRules", "MarketRules.Calendar", "MarketRules.Json", "MarketRules.Parameters", "MarketRules.Utility"];

    // The composition of every area's parameters lives beside the engine: it must read every area.
    private static readonly string[] CompositionTypes = ["MarketRules.NationalCatalog"];

    // "source type → target layer" edges that break the rule today. Remove a line when its edge is gone; never add one.
    private static readonly string[] KnownViolations =
    [
    ];

    [Fact]
    public void Library_FollowsTheDependencyRule_ExceptKnownViolationsThatOnlyShrink()
    {
        var found = Violations(typeof(NationalCatalog).Assembly);
        var unexpected = found.Except(KnownViolations, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var gone = KnownViolations.Except(found, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, "New edges that break the dependency rule:\n" + string.Join("\n", unexpected));
        Assert.True(gone.Count == 0, "These known violations are gone; remove them from KnownViolations:\n" + string.Join("\n", gone));
    }

    [Fact]
    public void Library_ExposesItsInternalsOnlyToItsOwnTestsAndBenchmarks()
    {
        var friends = typeof(NationalCatalog).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order(StringComparer.Ordinal);
        Assert.Equal(["MarketRules.Benchmarks", "MarketRules.Tests"], friends);
    }

    [Fact]
    public void Checker_FindsABadEdge_WhenAKernelTypeUsesAnArea()
    {
        // The checker itself: this test assembly's own probe type sits in a kernel namespace and uses an area.
        var found = Violations(typeof(ArchitectureTests).Assembly);
        Assert.Contains("MarketRules.ArchitectureProbe → area MarketRules.Referral", found);
    }

    internal static HashSet<string> Violations(Assembly assembly)
    {
        var violations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var source = Outermost(type);
            var from = LayerOf(source);
            if (from.Layer is not ("kernel" or "area"))
            {
                continue;
            }
            foreach (var target in References(type))
            {
                var used = Outermost(target);
                if ((used.Assembly != assembly && used.Assembly != typeof(NationalCatalog).Assembly) || used == source)
                {
                    continue;
                }
                var to = LayerOf(used);
                string? broken = (from.Layer, to.Layer) switch
                {
                    (_, "generated") => null,
                    ("kernel", "kernel") => null,
                    ("kernel", "area") => "area " + to.Name,
                    ("kernel", _) => to.Layer,
                    ("area", "kernel") => null,
                    ("area", "area") when to.Name == from.Name || IsPublic(target) => null,
                    ("area", "area") => "internals of area " + to.Name,
                    ("area", _) => to.Layer,
                    _ => null,
                };
                if (broken is not null)
                {
                    violations.Add(source.FullName + " → " + broken);
                }
            }
        }
        return violations;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    private static bool IsPublic(Type type) => Outermost(type).IsPublic && (type.IsPublic || type.IsNestedPublic || type == Outermost(type));

    private static (string Layer, string Name) LayerOf(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns.Length == 0)
        {
            // Compiler-generated (<PrivateImplementationDetails>): constant data, part of whichever type uses it.
            return ("generated", ns);
        }
        if (CompositionTypes.Contains(type.FullName))
        {
            return ("composition", ns);
        }
        if (ns == "MarketRules.Engine" || ns.StartsWith("MarketRules.Engine.", StringComparison.Ordinal))
        {
            return ("engine", ns);
        }
        if (KernelNamespaces.Contains(ns))
        {
            return ("kernel", ns);
        }
        if (ns.StartsWith("MarketRules.", StringComparison.Ordinal))
        {
            return ("area", string.Join('.', ns.Split('.').Take(2)));
        }
        return ("other", ns);
    }

    // Every type a type's declaration and code refer to.
    private static HashSet<Type> References(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var seen = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !seen.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var field in type.GetFields(All))
        {
            Add(field.FieldType);
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            foreach (var used in BodyReferences(method))
            {
                Add(used);
            }
        }
        return seen;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or BadImageFormatException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var value = unchecked(il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : (short)il[i]);
            i += value > 0xFF || value < 0 ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                yield break;
            }
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or TypeLoadException)
                    {
                        member = null;
                    }
                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is MethodInfo m)
                        {
                            yield return m.ReturnType;
                        }
                        else if (member is FieldInfo f)
                        {
                            yield return f.FieldType;
                        }
                    }
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + checked(4 * count);
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}

