using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
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
/// compiled with Roslyn so the source rules work on symbols: against the SDK stand-in that this tool runs with
/// and the assemblies of the running .NET, as the net10.0 build of the plugins does.
/// </summary>
public sealed class PluginSources
{
    /// <summary>Every analyzer of Coaching.Analyzers: the build loads the same assembly.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(PluginSymbols).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly HashSet<string> AnalyzerIds = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Read once per process: opening the platform's assemblies is a large part of a compilation.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>
    /// Analyses by the sources' content: `pack` checks before it packs, and the tests check many copies of the same
    /// sources, so the same files are compiled once per process.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Lazy<SourceAnalysis>> Analyses = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<(string Relative, string Text)> _files;
    private readonly Lazy<SourceAnalysis> _analysis;

    private PluginSources(IReadOnlyList<(string Relative, string Text)> files)
    {
        _files = files;
        _analysis = new Lazy<SourceAnalysis>(() => Analyses.GetOrAdd(ContentKey(files), _ => new Lazy<SourceAnalysis>(() => Analyze(files))).Value);
    }

    /// <summary>Repository-relative paths, in a stable order.</summary>
    public IReadOnlyList<string> Files => _files.Select(f => f.Relative).ToList();

    public static PluginSources Load(RepoLayout layout)
    {
        var files = new List<(string, string)>();
        foreach (var top in new[] { "Plugins", "Workflows" })
        {
            var root = Path.Combine(layout.Root, top);
            if (!Directory.Exists(root)) continue;
            files.AddRange(Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Relative: layout.Relative(f), Full: f))
                .Where(f => !f.Relative.Contains("/bin/", StringComparison.Ordinal) && !f.Relative.Contains("/obj/", StringComparison.Ordinal))
                .OrderBy(f => f.Relative, StringComparer.Ordinal)
                .Select(f => (f.Relative, File.ReadAllText(f.Full))));
        }

        return new PluginSources(files);
    }

    /// <summary>Classes that implement IPlugin or derive from CodeActivity, and every class in an EntryPoints folder.</summary>
    public IReadOnlyList<PluginClass> PluginClasses() => _analysis.Value.PluginClasses;

    /// <summary>What the analyzers of Coaching.Analyzers report on the sources: the diagnostics the build reports, as findings.</summary>
    public IReadOnlyList<Finding> Findings() => _analysis.Value.Findings;

    /// <summary>Compiler errors ("file:line id message"): where there are any, rules that need a symbol may miss what they cannot bind.</summary>
    public IReadOnlyList<string> CompileErrors() => _analysis.Value.CompileErrors;

    private sealed record SourceAnalysis(IReadOnlyList<PluginClass> PluginClasses, IReadOnlyList<Finding> Findings, IReadOnlyList<string> CompileErrors);

    /// <summary>Compiler and analyzer diagnostics in one pass; trees carry relative paths, so locations are the repository's.</summary>
    private static SourceAnalysis Analyze(IReadOnlyList<(string Relative, string Text)> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: RuntimeSymbols());
        var compilation = CSharpCompilation.Create(
            "PluginSources",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Relative, Encoding.UTF8)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

        var pluginClasses = TypesOf(compilation.SourceModule.GlobalNamespace)
            .Where(PluginSymbols.IsPluginClass)
            .Select(t => new PluginClass(PluginSymbols.FullMetadataName(t), LocationOf(t.Locations.First()), t.IsAbstract, PluginSymbols.IsPluginOrActivity(t) && !t.IsStatic))
            .ToList();
        var findings = diagnostics
            .Where(d => AnalyzerIds.Contains(d.Id))
            .Select(d => new Finding(
                RuleIds.CheckerName(d.Id),
                d.Severity == DiagnosticSeverity.Error ? Severity.Error : Severity.Warning,
                LocationOf(d.Location),
                d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        var compileErrors = diagnostics
            .Where(d => !AnalyzerIds.Contains(d.Id) && d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{LocationOf(d.Location)} {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToList();
        return new SourceAnalysis(pluginClasses, findings, compileErrors);
    }

    private static SourceLocation LocationOf(Location location)
    {
        var span = location.GetLineSpan();
        return new SourceLocation(span.Path, span.StartLinePosition.Line + 1);
    }

    private static string ContentKey(IReadOnlyList<(string Relative, string Text)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, text) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0" + text + "\0"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The assemblies of the running .NET, and the SDK stand-in (Microsoft.Xrm.Sdk and the System.Activities subset).</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal));
        return platform
            .Append(typeof(Microsoft.Xrm.Sdk.IPlugin).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
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
