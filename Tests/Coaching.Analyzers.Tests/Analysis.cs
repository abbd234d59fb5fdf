using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Coaching.Analyzers.Tests;

/// <summary>One diagnostic, as the build would print it: id, severity, 1-based line, message.</summary>
public sealed record Reported(string Id, DiagnosticSeverity Severity, int Line, string Message);

/// <summary>Compiles a snippet against the SDK stand-in and the running .NET, and runs one analyzer over it.</summary>
internal static class Analysis
{
    private static readonly IReadOnlyList<MetadataReference> References = LoadReferences();

    /// <summary>
    /// The analyzer's diagnostics. The snippet must compile: a rule that passes because the code did not bind
    /// proves nothing.
    /// </summary>
    public static IReadOnlyList<Reported> Run(DiagnosticAnalyzer analyzer, string source, string path = "/repo/Plugins/Coaching.Plugins/Services/Snippet.cs")
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            new[] { tree },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The snippet does not compile:\n" + string.Join("\n", errors));

        return compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Select(d => new Reported(d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage()))
            .OrderBy(d => d.Line)
            .ToList();
    }

    /// <summary>The 1-based line of the first line of <paramref name="source"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string source, string fragment)
    {
        var index = Array.FindIndex(source.Split('\n'), l => l.Contains(fragment, StringComparison.Ordinal));
        if (index < 0) throw new ArgumentException($"'{fragment}' is not in the snippet.");
        return index + 1;
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetDirectoryName(p) == runtime)
            .Append(typeof(Microsoft.Xrm.Sdk.IPlugin).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
