using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MarketRules.Engine;

/// <summary>
/// The summaries of the library's XML documentation, read from the documentation file the build writes beside the
/// assembly: what the published schemas give as each field's <c>description</c>. One mechanism for every field: the
/// text a C# caller reads in the IDE is the text a JSON caller reads in the schema.
/// </summary>
internal static partial class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    /// <summary>The summary of a property (or, for a positional record, its parameter), or <see langword="null"/> when none is documented.</summary>
    public static string? Of(MemberInfo member)
    {
        var type = member.DeclaringType;
        if (type is null)
        {
            return null;
        }
        var docs = Files.GetOrAdd(type.Assembly, Load);
        var typeName = (type.FullName ?? type.Name).Replace('+', '.');
        if (docs.TryGetValue("P:" + typeName + "." + member.Name, out var summary))
        {
            return summary;
        }
        // A positional record documents its properties as the parameters of the type.
        return docs.TryGetValue("T:" + typeName + "#" + member.Name, out var parameter) ? parameter : null;
    }

    // A single-file or Native AOT host has no documentation file beside it (Location is empty there): its schemas carry
    // no field descriptions. The suppression is for the AOT compiler, which does not read #pragma.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000:Avoid accessing Assembly file path when publishing as a single file", Justification = "An empty Location is handled: no descriptions.")]
    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var location = assembly.Location;
        var path = string.IsNullOrEmpty(location) ? null : Path.ChangeExtension(location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return result;
        }
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            if (name is null)
            {
                continue;
            }
            if (member.Element("summary") is { } summary)
            {
                result[name] = Text(summary);
            }
            if (name.StartsWith("T:", StringComparison.Ordinal))
            {
                foreach (var parameter in member.Elements("param"))
                {
                    if ((string?)parameter.Attribute("name") is { } parameterName)
                    {
                        result[name + "#" + parameterName] = Text(parameter);
                    }
                }
            }
        }
        return result;
    }

    // Plain text: <see cref="T:X.Y"/> → Y, <see langword="null"/> → null, <c>x</c> → x, whitespace collapsed.
    private static string Text(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" or "paramref" or "typeparamref" } reference:
                    var target = (string?)reference.Attribute("langword") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("cref") ?? reference.Value;
                    var simple = target.Split('(')[0];
                    builder.Append(simple[(simple.LastIndexOf('.') + 1)..]);
                    break;
                case XElement inner:
                    builder.Append(Text(inner));
                    break;
            }
        }
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
