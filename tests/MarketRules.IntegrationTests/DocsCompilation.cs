using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MarketRules.IntegrationTests;

/// <summary>
/// Every C# block of README.md, docs/*.md and the packages' READMEs (src/*/README.md) compiled in ONE in-process Roslyn compilation (one `dotnet run file.cs`
/// per block took ≈ 9 minutes at load), then each block run on its own with its console captured.
/// </summary>
/// <remarks>
/// A block is a file-based program (top-level statements). Each becomes its own namespace <c>DocsExamples.BlockN</c>
/// — not under <c>MarketRules</c>, so a block that forgets <c>using MarketRules;</c> does not compile — with its
/// <c>using</c>s, the implicit usings of the SDK a pasted program gets (the Web SDK's when it uses
/// <c>MarketRules.AspNetCore</c>), its statements as the body of <c>Example.Run(string[] args)</c> and its type
/// declarations beside it. <c>#line</c> directives map every diagnostic back to the page and line of the markdown.
/// A block that does not compile is reported and left out, so that the others still run.
/// </remarks>
internal sealed class DocsCompilation
{
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    // Not failures: an example need not await (CS1998), and its usings may repeat an implicit one (CS0105, CS8019).
    private static readonly HashSet<string> Tolerated = ["CS1998", "CS0105", "CS8019", "CS8933"];

    private static readonly Lazy<DocsCompilation> Docs = new(() => new DocsCompilation(DocPages.CSharpBlocks()));

    private readonly IReadOnlyList<MarkdownExample> blocks;
    private readonly Dictionary<int, List<string>> errors = [];
    private readonly Assembly? assembly;

    public static DocsCompilation All => Docs.Value;

    public TimeSpan CompileTime { get; }

    public DocsCompilation(IReadOnlyList<MarkdownExample> blocks)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        this.blocks = blocks;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = blocks.Select((block, i) => CSharpSyntaxTree.ParseText(Wrap(block, i, parse), parse, $"DocsExample{i}.g.cs", Encoding.UTF8)).ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Debug, concurrentBuild: true);
        var compilation = CSharpCompilation.Create("MarketRules.DocsExamples." + Guid.NewGuid().ToString("N"), trees, References(), options);
        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error || (diagnostic.Severity == DiagnosticSeverity.Warning && !Tolerated.Contains(diagnostic.Id)))
            {
                var index = trees.IndexOf(diagnostic.Location.SourceTree!);
                var span = diagnostic.Location.GetMappedLineSpan();
                (errors.TryGetValue(index, out var list) ? list : errors[index] = []).Add(
                    $"{span.Path}:{span.StartLinePosition.Line + 1}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
        var compiled = compilation.RemoveSyntaxTrees(errors.Keys.Select(i => trees[i]));
        using var image = new MemoryStream();
        var emitted = compiled.Emit(image);
        if (emitted.Success)
        {
            assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));
        }
        else
        {
            // Only when a diagnostic is raised at emit time (none is expected): every block is reported with it.
            var message = string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            for (var i = 0; i < blocks.Count; i++)
            {
                (errors.TryGetValue(i, out var list) ? list : errors[i] = []).Add("emit failed: " + message);
            }
        }
        CompileTime = watch.Elapsed;
    }

    public IEnumerable<MarkdownExample> BlocksOf(string page) =>
        blocks.Where(b => string.Equals(b.Page, page, StringComparison.Ordinal));

    /// <summary>Runs one block; null when it compiled, ran without an exception and printed every expected line.</summary>
    public async Task<string?> RunAsync(MarkdownExample block)
    {
        var index = IndexOf(block);
        if (errors.TryGetValue(index, out var list))
        {
            return $"{block} does not compile:\n{string.Join("\n", list)}";
        }
        var run = assembly!.GetType($"DocsExamples.Block{index}.Example", throwOnError: true)!.GetMethod("Run")!;
        var printed = new StringWriter();
        var (stdout, stderr, directory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        var work = Directory.CreateTempSubdirectory("marketrules-docs-cs-");
        Console.SetOut(TextWriter.Synchronized(printed));
        Console.SetError(TextWriter.Synchronized(printed));
        Environment.CurrentDirectory = work.FullName;   // an example may write a file (a receipt) where it runs
        try
        {
            await (Task)run.Invoke(null, [Array.Empty<string>()])!;
        }
        catch (Exception e)
        {
            var thrown = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return $"{block} threw {thrown}\nPrinted:\n{printed}";
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.CurrentDirectory = directory;
            work.Delete(recursive: true);
        }
        return block.Missing(printed.ToString());
    }

    private int IndexOf(MarkdownExample block)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (ReferenceEquals(blocks[i], block))
            {
                return i;
            }
        }
        throw new ArgumentException($"{block} is not one of the compiled blocks", nameof(block));
    }

    // The statements of a file-based program as the body of Run, its types beside it, both mapped to the markdown.
    private static string Wrap(MarkdownExample block, int index, CSharpParseOptions parse)
    {
        // `#:package` / `#:project` lines tell `dotnet run` what to reference; here every assembly of the test is referenced.
        var code = string.Join("\n", block.Code.Split('\n').Select(line => line.TrimStart().StartsWith("#:", StringComparison.Ordinal) ? "" : line));
        var unit = CSharpSyntaxTree.ParseText(code, parse).GetCompilationUnitRoot();
        string At(SyntaxNode node) => $"#line {block.Line + 1 + node.GetLocation().GetLineSpan().StartLinePosition.Line} \"{block.Page}\"\n";

        var source = new StringBuilder($"namespace DocsExamples.Block{index}\n{{\n");
        var web = unit.Usings.Any(u => u.Name?.ToString() == "MarketRules.AspNetCore");
        foreach (var implicitUsing in web ? WebUsings : ConsoleUsings)
        {
            source.Append("using ").Append(implicitUsing).Append(";\n");
        }
        foreach (var directive in unit.Usings)
        {
            source.Append(At(directive)).Append(directive).Append('\n');
        }
        source.Append("#line hidden\npublic static class Example\n{\npublic static async global::System.Threading.Tasks.Task Run(string[] args)\n{\n");
        foreach (var statement in unit.Members.OfType<GlobalStatementSyntax>())
        {
            source.Append(At(statement)).Append(statement.Statement).Append('\n');
        }
        source.Append("#line hidden\n}\n}\n");
        foreach (var member in unit.Members.Where(m => m is not GlobalStatementSyntax))
        {
            source.Append(At(member)).Append(member).Append('\n');
        }
        if (unit.AttributeLists.Count > 0 || unit.Externs.Count > 0)
        {
            source.Append(At(unit)).Append("#error a documentation example may not declare assembly attributes or extern aliases\n");
        }
        return source.Append("#line default\n}\n").ToString();
    }

    // What the test process runs on: the shared frameworks (Microsoft.NETCore.App, Microsoft.AspNetCore.App), the
    // MarketRules assemblies and their dependencies — what a program referencing the packages compiles against.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path));
}
