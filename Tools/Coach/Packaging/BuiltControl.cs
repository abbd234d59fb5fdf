using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Coach.SolutionSource;

namespace Coach.Packaging;

/// <summary>
/// A code component as its build leaves it: the folder pcf-scripts writes (&lt;outDir&gt;/&lt;constructor&gt;/, outDir
/// from the project's pcfconfig.json) holding ControlManifest.xml and the resources it names (bundle.js, css, resx, img).
/// </summary>
public sealed record BuiltControl(string Folder, string Namespace, string Constructor, IReadOnlyList<string> Resources)
{
    public string ManifestName => Namespace + "." + Constructor;

    /// <summary>Reads the built manifest; the resources are paths relative to <paramref name="folder"/>, forward slashes.</summary>
    public static BuiltControl Load(RepoLayout layout, string folder)
    {
        var manifestPath = Path.Combine(folder, "ControlManifest.xml");
        if (!File.Exists(manifestPath)) throw new PackException($"{layout.Relative(folder)} has no ControlManifest.xml: it is not a built control.");
        XElement control;
        try
        {
            control = XDocument.Load(manifestPath).Root?.Element("control")
                      ?? throw new PackException($"{layout.Relative(manifestPath)} has no <control> element.");
        }
        catch (XmlException e)
        {
            throw new PackException($"{layout.Relative(manifestPath)}:{e.LineNumber}: not well-formed XML: {e.Message}");
        }

        var resources = control.Element("resources")?.Elements()
            .Select(r => (string?)r.Attribute("path"))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!.Replace('\\', '/').TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? new List<string>();
        return new BuiltControl(folder, (string?)control.Attribute("namespace") ?? string.Empty, (string?)control.Attribute("constructor") ?? string.Empty, resources);
    }
}

public static class BuiltControlLocator
{
    /// <summary>
    /// The built folder of the control named <paramref name="manifestName"/> ("Coaching.CoachingPanel"): every top-level
    /// folder of the repository with a pcfconfig.json is a PCF project, and its build output is searched for a
    /// ControlManifest.xml with that namespace and constructor. Null when none is built; <paramref name="projects"/>
    /// names the PCF projects seen (for the message).
    /// </summary>
    public static string? Find(RepoLayout layout, string manifestName, out IReadOnlyList<string> projects)
    {
        var seen = new List<string>();
        projects = seen;
        foreach (var project in Directory.GetDirectories(layout.Root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var config = Path.Combine(project, "pcfconfig.json");
            if (!File.Exists(config)) continue;
            seen.Add(project);
            var output = Path.GetFullPath(Path.Combine(project, OutDir(config)));
            if (!Directory.Exists(output)) continue;
            foreach (var folder in Directory.GetDirectories(output).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (!File.Exists(Path.Combine(folder, "ControlManifest.xml"))) continue;
                if (string.Equals(BuiltControl.Load(layout, folder).ManifestName, manifestName, StringComparison.Ordinal)) return folder;
            }
        }

        return null;
    }

    /// <summary>True when a source file of the PCF project (outside node_modules and the output) is newer than the built bundle.</summary>
    public static bool IsOlderThanSources(string builtFolder)
    {
        var project = FindProject(builtFolder);
        if (project == null) return false;
        var built = Directory.GetFiles(builtFolder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Min();
        var outputRoot = Path.GetDirectoryName(builtFolder)!;
        return Directory.GetFiles(project, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(outputRoot, StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "test" or "generated" or "obj" or "bin"))
            .Where(f => Path.GetExtension(f) is ".ts" or ".tsx" or ".css" or ".resx" or ".xml")
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static string? FindProject(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pcfconfig.json"))) return dir.FullName;
        }

        return null;
    }

    private static string OutDir(string pcfconfig)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(pcfconfig));
            if (json.RootElement.TryGetProperty("outDir", out var outDir) && outDir.ValueKind == JsonValueKind.String) return outDir.GetString()!;
        }
        catch (JsonException)
        {
        }

        return "./out/controls";
    }
}
