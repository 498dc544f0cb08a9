using System.Diagnostics.Contracts;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MarketRules.Tests.Kernel;

// Conventions the whole library keeps, checked by reflection over the MarketRules assembly (after NodaTime's
// MutabilityTest and PurityTest): a new type in any area is held to them as soon as it is written.
public partial class ConventionTests
{
    private static readonly Assembly Library = typeof(MessageDefinition).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    private static IEnumerable<(string Name, MessageDefinition Definition)> AllMessageDefinitions() =>
        from type in PublicTypes
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field.FieldType == typeof(MessageDefinition)
        select ($"{type.Name}.{field.Name}", (MessageDefinition)field.GetValue(null)!);

    [Fact]
    public void MessageDefinitions_Placeholders_AreTheSameInChineseAndEnglish()
    {
        var definitions = AllMessageDefinitions().ToList();
        Assert.NotEmpty(definitions);
        var mismatched = definitions
            .Where(d => !MessageDefinition.PlaceholdersOf(d.Definition.Template.Chinese).Order(StringComparer.Ordinal)
                .SequenceEqual(MessageDefinition.PlaceholdersOf(d.Definition.Template.English).Order(StringComparer.Ordinal)))
            .Select(d => $"{d.Name} ({d.Definition.Code})")
            .ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void MessageDefinitions_Codes_AreUniqueAndWellFormed()
    {
        var definitions = AllMessageDefinitions().ToList();
        var duplicates = definitions.GroupBy(d => d.Definition.Code, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Name))}").ToList();
        Assert.Empty(duplicates);
        var malformed = definitions.Where(d => !CodePattern().IsMatch(d.Definition.Code)).Select(d => d.Definition.Code).ToList();
        Assert.Empty(malformed);
        var blank = definitions.Where(d => string.IsNullOrWhiteSpace(d.Definition.Template.Chinese) || string.IsNullOrWhiteSpace(d.Definition.Template.English))
            .Select(d => d.Name).ToList();
        Assert.Empty(blank);
    }

    [Fact]
    public void MessageDefinitions_AreReadOnlyFields()
    {
        var writable = from type in PublicTypes
                       from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
                       where field.FieldType == typeof(MessageDefinition) && !field.IsInitOnly
                       select $"{type.Name}.{field.Name}";
        Assert.Empty(writable);
    }

    [Fact]
    public void PublicClasses_AreSealedOrAbstract()
    {
        var unsealed = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(unsealed);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOrWritableFields()
    {
        // Init-only setters are fine (the object is immutable once built); [Mutable] marks the deliberate exceptions.
        var offenders = new List<string>();
        foreach (var type in PublicTypes.Where(t => (t.IsClass || t.IsValueType) && !t.IsEnum && t.GetCustomAttribute<MutableAttribute>() is null))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                {
                    offenders.Add($"{type.FullName}.{property.Name} has a public setter");
                }
            }
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                // A memoised text (formatted on first read, then always the same) does not make the object mutable.
                if (!field.IsInitOnly && !field.IsLiteral && !field.CustomAttributes.Any(a => a.AttributeType.Name == "MemoisedAttribute"))
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a writable field");
                }
            }
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a writable static field");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        var mutable = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null && t.GetCustomAttribute<MutableAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicStructMethods_ArePure()
    {
        // Every method of a public struct that returns a value is [Pure]; property accessors, operators, the
        // members records generate and interface implementations (CompareTo, Equals) are exempt, as in NodaTime.
        var impure = new List<string>();
        foreach (var type in PublicTypes.Where(t => t.IsValueType && !t.IsEnum))
        {
            var interfaceMethods = type.GetInterfaces()
                .SelectMany(i => type.GetInterfaceMap(i).TargetMethods)
                .ToHashSet();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.IsSpecialName || method.ReturnType == typeof(void) || interfaceMethods.Contains(method) ||
                    method.GetCustomAttribute<CompilerGeneratedAttribute>() is not null ||
                    method.Name is "ToString" or "GetHashCode" or "Equals" or "Deconstruct" or "PrintMembers")
                {
                    continue;
                }
                if (method.GetCustomAttribute<PureAttribute>() is null)
                {
                    impure.Add($"{type.Name}.{method.Name}");
                }
            }
        }
        Assert.Empty(impure);
    }

    [Fact]
    public void BannedSymbols_ListHiddenClocksAndUnseededRandomness()
    {
        // The analyzer reads eng/BannedSymbols.txt; check it still bans what the design forbids, and that the
        // library references the analyzer, so a hidden clock anywhere in src/ fails the build (RS0030).
        var banned = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "eng", "BannedSymbols.txt"))
            .Select(l => l.Split(';')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow",
            "P:NodaTime.SystemClock.Instance", "M:System.Random.#ctor", "P:System.Random.Shared",
        }, banned);
        var targets = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "eng", "Library.targets"));
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", targets, StringComparison.Ordinal);
        Assert.Contains("BannedSymbols.txt", targets, StringComparison.Ordinal);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    [GeneratedRegex(@"^MR\.[A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CodePattern();
}
