using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Coach.SolutionSource;
using Coaching.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Coach.Checks;

/// <summary>A plugin or workflow class of the sources (see <see cref="PluginSymbols.IsPluginClass"/>).</summary>
public sealed record PluginClass(string FullName, SourceLocation Location, bool IsAbstract, bool IsPluginEntry);

/// <summary>
/// The C# files compiled into the plugin and workflow assemblies (Plugins/** and Workflows/**, without bin/obj),
/// compiled once with Roslyn so the source rules work on symbols: against the SDK stand-in that this tool
/// runs with and the assemblies of the running .NET, as the net10.0 build of the plugins does.
/// </summary>
public sealed class PluginSources
{
    /// <summary>Read once per process: opening the platform's assemblies is most of the cost of a compilation.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> SharedReferences = new(() => References().ToList());

    /// <summary>Every analyzer of Coaching.Analyzers: the build loads the same assembly.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(PluginSymbols).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly HashSet<string> AnalyzerIds = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    private readonly RepoLayout _layout;
    private readonly Lazy<CSharpCompilation> _compilation;
    private readonly Lazy<IReadOnlyList<Diagnostic>> _diagnostics;

    private PluginSources(RepoLayout layout, IReadOnlyList<string> files)
    {
        _layout = layout;
        Files = files;
        _compilation = new Lazy<CSharpCompilation>(Compile);
        _diagnostics = new Lazy<IReadOnlyList<Diagnostic>>(Diagnose);
    }

    /// <summary>Full paths, in a stable order.</summary>
    public IReadOnlyList<string> Files { get; }

    public CSharpCompilation Compilation => _compilation.Value;

    public static PluginSources Load(RepoLayout layout)
    {
        var files = new List<string>();
        foreach (var top in new[] { "Plugins", "Workflows" })
        {
            var root = Path.Combine(layout.Root, top);
            if (!Directory.Exists(root)) continue;
            files.AddRange(Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !layout.Relative(f).Contains("/bin/", StringComparison.Ordinal) && !layout.Relative(f).Contains("/obj/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal));
        }

        return new PluginSources(layout, files);
    }

    /// <summary>Classes that implement IPlugin or derive from CodeActivity, and every class in an EntryPoints folder.</summary>
    public IReadOnlyList<PluginClass> PluginClasses() =>
        TypesOf(Compilation.SourceModule.GlobalNamespace)
            .Where(PluginSymbols.IsPluginClass)
            .Select(t => new PluginClass(
                PluginSymbols.FullMetadataName(t),
                LocationOf(t.Locations.First()),
                t.IsAbstract,
                PluginSymbols.IsPluginOrActivity(t) && !t.IsStatic))
            .ToList();

    /// <summary>What the analyzers of Coaching.Analyzers report on the sources: the same diagnostics the build reports.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerFindings() => _diagnostics.Value.Where(d => AnalyzerIds.Contains(d.Id)).ToList();

    /// <summary>Compiler errors in the sources: where there are any, rules that need a symbol may miss what they cannot bind.</summary>
    public IReadOnlyList<Diagnostic> CompileErrors() =>
        _diagnostics.Value.Where(d => !AnalyzerIds.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Compiler and analyzer diagnostics in one pass over the sources.</summary>
    private IReadOnlyList<Diagnostic> Diagnose()
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        return Compilation.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
    }

    public SourceLocation LocationOf(Location location)
    {
        var span = location.GetLineSpan();
        return new SourceLocation(_layout.Relative(span.Path), span.StartLinePosition.Line + 1);
    }

    private CSharpCompilation Compile()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: RuntimeSymbols());
        var trees = Files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f, Encoding.UTF8));
        return CSharpCompilation.Create(
            "PluginSources",
            trees,
            SharedReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The assemblies of the running .NET, and the SDK stand-in (Microsoft.Xrm.Sdk and the System.Activities subset).</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal));
        return platform
            .Append(typeof(Microsoft.Xrm.Sdk.IPlugin).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    /// <summary>The symbols the net10.0 build defines (NET, NET5_0_OR_GREATER … NETn_0_OR_GREATER).</summary>
    private static IEnumerable<string> RuntimeSymbols()
    {
        var major = Environment.Version.Major;
        var symbols = new List<string> { "NET", "NETCOREAPP", $"NET{major}_0" };
        for (var version = 5; version <= major; version++) symbols.Add($"NET{version}_0_OR_GREATER");
        return symbols;
    }

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in TypesOf(ns)) yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in TypesOf(type)) yield return nested;
            }
        }
    }
}
