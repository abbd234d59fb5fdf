using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

public sealed class CheckOptions
{
    /// <summary>Built assemblies to inspect instead of looking in the projects' bin folders (assembly name → DLL path).</summary>
    public IDictionary<string, string> AssemblyPaths { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Build configuration to inspect; null prefers Release, then Debug.</summary>
    public string? Configuration { get; set; }

    public StandardColumns? StandardColumns { get; set; }
}

/// <summary>What every rule can look at.</summary>
public sealed class CheckContext
{
    public required RepoLayout Layout { get; init; }

    public required SolutionSourceTree Tree { get; init; }

    public required ColumnCatalog Columns { get; init; }

    /// <summary>Built assembly per registered assembly name; null when no build was found.</summary>
    public required IReadOnlyDictionary<string, BuiltAssembly?> Assemblies { get; init; }

    public required PluginSources Sources { get; init; }

    public string Prefix => Tree.Manifest?.CustomizationPrefix is { Length: > 0 } p ? p : "coach";

    public BuiltAssembly? BuiltFor(PluginAssemblyDefinition assembly) =>
        Assemblies.TryGetValue(assembly.AssemblyName, out var built) ? built : null;
}

/// <summary>
/// <c>coach check</c>: our solution checks over Solution/src, the built plugin assemblies and the plugin sources.
/// Each rule reports findings with rule id, severity, file and line; any error fails the run.
/// </summary>
public static class SolutionChecker
{
    public static CheckReport Run(RepoLayout layout, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var tree = SolutionSourceReader.Read(layout);
        var notes = new List<string>();
        var findings = new List<Finding>();
        var assemblies = new Dictionary<string, BuiltAssembly?>(StringComparer.OrdinalIgnoreCase);
        var inspected = new List<string>();

        foreach (var assembly in tree.PluginAssemblies)
        {
            if (assemblies.ContainsKey(assembly.AssemblyName)) continue;
            string? path = null;
            if (options.AssemblyPaths.TryGetValue(assembly.AssemblyName, out var given))
            {
                path = given;
            }
            else
            {
                // Without a configuration, inspect the most recent build: a stale Release next to a fresh Debug build is not what the sources say.
                var lookup = BuiltAssemblyLocator.Find(layout, assembly.AssemblyName, options.Configuration, new[] { "net462", "net10.0" }, newest: options.Configuration == null);
                path = lookup.Path;
                if (path == null)
                {
                    findings.Add(new Finding(Rules.AssemblyTypes, Severity.Warning, assembly.Location,
                        $"No build of {assembly.AssemblyName} was found (looked for {string.Join(", ", lookup.Searched.Select(layout.Relative).Take(4))}), so its plugin types were checked against the registration only. Build first: dotnet build {FirstProject(layout, lookup)} -c Release."));
                }
            }

            BuiltAssembly? built = null;
            if (path != null)
            {
                try
                {
                    built = BuiltAssembly.Load(path);
                    inspected.Add($"{assembly.AssemblyName}: {layout.Relative(path)}");
                    if (BuiltAssemblyLocator.IsOlderThanSources(layout, path))
                    {
                        findings.Add(new Finding(Rules.AssemblyTypes, Severity.Warning, assembly.Location,
                            $"{layout.Relative(path)} is older than the plugin sources; build again so the checks compare the registration with the current code."));
                    }
                }
                catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
                {
                    findings.Add(new Finding(Rules.AssemblyTypes, Severity.Error, assembly.Location, $"Could not read the built assembly {layout.Relative(path)}: {e.Message}"));
                }
            }

            assemblies[assembly.AssemblyName] = built;
        }

        var sources = PluginSources.Load(layout);
        var context = new CheckContext
        {
            Layout = layout,
            Tree = tree,
            Columns = new ColumnCatalog(tree, options.StandardColumns),
            Assemblies = assemblies,
            Sources = sources,
        };

        findings.AddRange(StructureRules.Run(context));
        findings.AddRange(RegistrationRules.Run(context));
        findings.AddRange(AssemblyRules.Run(context));
        findings.AddRange(CustomizationRules.Run(context));
        findings.AddRange(SecurityRules.Run(context));
        findings.AddRange(ExportFormatRules.Run(context));
        findings.AddRange(SourceRules.Run(context, notes));

        return new CheckReport(findings, new CheckStatistics(
            tree.XmlFiles.Count,
            tree.Tables.Count,
            tree.Steps.Count,
            tree.PluginTypes.Count(),
            tree.CustomApis.Count,
            sources.Files.Count,
            inspected,
            notes));
    }

    private static string FirstProject(RepoLayout layout, AssemblyLookup lookup)
    {
        var first = lookup.Searched.FirstOrDefault();
        if (first == null) return lookup.AssemblyName;
        var project = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(first))));
        return project == null ? lookup.AssemblyName : layout.Relative(project);
    }
}
