using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Coach.Checks;
using Coach.SolutionSource;

namespace Coach.Packaging;

public sealed class PackOptions
{
    /// <summary>Folder the zip is written to; default &lt;repo&gt;/artifacts.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Build a managed package (solution.xml Managed = 1), as SolutionPackager /packagetype:Managed does.</summary>
    public bool Managed { get; set; }

    /// <summary>Build configuration to take the assemblies from; null prefers Release, then Debug.</summary>
    public string? Configuration { get; set; }

    /// <summary>Explicit DLLs (assembly name → path) instead of the projects' bin/&lt;configuration&gt;/net462 output.</summary>
    public IDictionary<string, string> AssemblyPaths { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Explicit built control folders (control name, e.g. coach_Coaching.CoachingPanel → folder with ControlManifest.xml) instead of the PCF projects' output.</summary>
    public IDictionary<string, string> ControlPaths { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An assembly that went into the zip, and where it came from.</summary>
public sealed record PackedAssembly(string Name, string SourcePath, string? Configuration, string? Framework, string ZipEntry, bool ReferencesStandInSdk);

/// <summary>A code component that went into the zip: its entries (Controls/&lt;name&gt;/…) and the built folder they came from.</summary>
public sealed record PackedControl(string Name, string SourceFolder, IReadOnlyList<string> ZipEntries);

public sealed record PackCounts(int Tables, int Forms, int Views, int Roles, int PluginAssemblies, int PluginTypes, int Steps, int EnvironmentVariables, int CustomApis);

public sealed record PackResult(
    string ZipPath,
    string SolutionName,
    string Version,
    bool Managed,
    IReadOnlyList<PackedAssembly> Assemblies,
    IReadOnlyList<PackedControl> Controls,
    IReadOnlyList<string> Entries,
    PackCounts Counts,
    IReadOnlyList<string> Warnings)
{
    /// <summary>False when an assembly was built against the SDK stand-in: Dataverse cannot load it.</summary>
    public bool IsDeployable => Assemblies.All(a => !a.ReferencesStandInSdk);
}

/// <summary>
/// <c>coach pack</c>: turns Solution/src (SolutionPackager layout) plus the built plugin assemblies into the zip a
/// solution import accepts: [Content_Types].xml, solution.xml, customizations.xml with the components merged in schema
/// order, PluginAssemblies/&lt;folder&gt;/&lt;assembly&gt;.dll, Controls/&lt;name&gt;/ with each code component's built manifest and
/// resources, and the environmentvariabledefinitions and customapis folders as they are.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Fixed entry timestamps, so the same source packs to the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        OmitXmlDeclaration = false,
    };

    public static PackResult Pack(RepoLayout layout, PackOptions? options = null)
    {
        options ??= new PackOptions();
        var tree = SolutionSourceReader.Read(layout);
        if (tree.XmlProblems.Count > 0)
        {
            throw new PackException("Solution/src has files that cannot be read:" + Environment.NewLine +
                string.Join(Environment.NewLine, tree.XmlProblems.Select(p => $"  {p.Location}: {p.Message}")));
        }

        if (tree.UnknownFolders.Count > 0)
        {
            throw new PackException($"Solution/src holds folders the solution zip has no place for: {string.Join(", ", tree.UnknownFolders.Select(f => f.File))}.");
        }

        var manifest = tree.Manifest ?? throw new PackException("Solution/src/Other/Solution.xml is missing or has no SolutionManifest.");
        var warnings = new List<string>();
        var entries = new List<(string Name, byte[] Content)>();

        var assemblies = new List<PackedAssembly>();
        foreach (var assembly in tree.PluginAssemblies)
        {
            var (packed, bytes) = LocateAssembly(layout, assembly, options, warnings);
            assemblies.Add(packed);
            entries.Add((packed.ZipEntry, bytes));
        }

        var controls = new List<PackedControl>();
        foreach (var control in tree.CustomControls)
        {
            var (packed, files) = LocateControl(layout, control, manifest.CustomizationPrefix, options, warnings);
            controls.Add(packed);
            entries.AddRange(files);
        }

        RefuseWhatCheckCallsAnError(layout, options);
        entries.Add(("solution.xml", Serialize(SolutionXml(layout, options.Managed))));
        entries.Add(("customizations.xml", Serialize(CustomizationsBuilder.Build(layout))));
        foreach (var folder in new[] { "environmentvariabledefinitions", "customapis" })
        {
            var path = Path.Combine(layout.SolutionSource, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                entries.Add((Path.GetRelativePath(layout.SolutionSource, file).Replace('\\', '/'), File.ReadAllBytes(file)));
            }
        }

        // A cloud flow's definition goes in as the file its JsonFileName names; its .data.xml is merged into customizations.xml.
        foreach (var flow in tree.CloudFlows)
        {
            var entry = (flow.JsonFileName ?? string.Empty).TrimStart('/');
            var file = Path.Combine(layout.SolutionSource, entry.Replace('/', Path.DirectorySeparatorChar));
            if (!entry.StartsWith("Workflows/", StringComparison.OrdinalIgnoreCase) || !File.Exists(file))
            {
                throw new PackException($"{flow.Location.File}: JsonFileName '{flow.JsonFileName}' must name a file under /Workflows/ next to it.");
            }

            entries.Add((entry, File.ReadAllBytes(file)));
        }

        foreach (var duplicate in entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new PackException($"Two components want the same zip entry '{duplicate.Key}'.");
        }

        var ordered = new List<(string Name, byte[] Content)> { ("[Content_Types].xml", ContentTypes(entries.Select(e => e.Name))) };
        ordered.AddRange(entries.Where(e => e.Name == "solution.xml"));
        ordered.AddRange(entries.Where(e => e.Name == "customizations.xml"));
        ordered.AddRange(entries.Where(e => e.Name is not ("solution.xml" or "customizations.xml")).OrderBy(e => e.Name, StringComparer.Ordinal));

        var outputDirectory = Path.GetFullPath(options.OutputDirectory ?? layout.DefaultPackOutput);
        Directory.CreateDirectory(outputDirectory);
        var zipPath = Path.Combine(outputDirectory, ZipName(manifest.UniqueName, manifest.Version, options.Managed));
        using (var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in ordered)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var entryStream = entry.Open();
                entryStream.Write(content, 0, content.Length);
            }
        }

        var counts = new PackCounts(
            tree.Tables.Count,
            tree.Forms.Count,
            tree.Views.Count,
            tree.Roles.Count,
            tree.PluginAssemblies.Count,
            tree.PluginTypes.Count(),
            tree.Steps.Count,
            tree.EnvironmentVariables.Count,
            tree.CustomApis.Count);

        return new PackResult(zipPath, manifest.UniqueName, manifest.Version, options.Managed, assemblies, controls, ordered.Select(e => e.Name).ToList(), counts, warnings);
    }

    /// <summary>A package the import would reject is never written: every error of <c>coach check</c> stops the pack, with the same message.</summary>
    private static void RefuseWhatCheckCallsAnError(RepoLayout layout, PackOptions options)
    {
        var checkOptions = new CheckOptions { Configuration = options.Configuration };
        foreach (var (name, path) in options.AssemblyPaths) checkOptions.AssemblyPaths[name] = path;
        var report = SolutionChecker.Run(layout, checkOptions);
        if (!report.HasErrors) return;
        throw new PackException(
            $"coach check finds {report.ErrorCount} error{(report.ErrorCount == 1 ? string.Empty : "s")}; the import would reject this package:" + Environment.NewLine +
            string.Join(Environment.NewLine, report.Findings.Where(f => f.Severity == Severity.Error).Select(f => "  " + f)));
    }

    /// <summary>"CoachingPlugins_1_0_0_0.zip", "..._managed.zip": the names an export gives.</summary>
    public static string ZipName(string uniqueName, string version, bool managed) =>
        $"{uniqueName}_{version.Replace('.', '_')}{(managed ? "_managed" : string.Empty)}.zip";

    private static (PackedAssembly Packed, byte[] Bytes) LocateAssembly(RepoLayout layout, PluginAssemblyDefinition assembly, PackOptions options, List<string> warnings)
    {
        string path;
        string? configuration = null;
        string? framework = null;
        if (options.AssemblyPaths.TryGetValue(assembly.AssemblyName, out var given))
        {
            path = Path.GetFullPath(given);
            if (!File.Exists(path)) throw new PackException($"The assembly given for {assembly.AssemblyName} does not exist: {path}.");
        }
        else
        {
            var lookup = BuiltAssemblyLocator.Find(layout, assembly.AssemblyName, options.Configuration);
            if (!lookup.Found)
            {
                var expected = lookup.Searched[0];
                var project = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(expected)!)!)!)!;
                throw new PackException(
                    $"The built {assembly.AssemblyName} is missing: {layout.Relative(expected)} does not exist" +
                    (lookup.Searched.Count > 1 ? $" (also looked at {string.Join(", ", lookup.Searched.Skip(1).Select(layout.Relative))})" : string.Empty) +
                    $". Build it first: dotnet build {layout.Relative(project)} -c Release -p:XrmSdk=Official");
            }

            path = lookup.Path!;
            configuration = lookup.Configuration;
            framework = lookup.Framework;
        }

        BuiltAssembly built;
        try
        {
            built = BuiltAssembly.Load(path);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            throw new PackException($"Cannot read {layout.Relative(path)}: {e.Message}");
        }

        if (!string.Equals(built.Name, assembly.AssemblyName, StringComparison.Ordinal)
            || !string.Equals(built.Version.ToString(), assembly.Version, StringComparison.Ordinal)
            || !string.Equals(built.PublicKeyToken ?? "null", assembly.PublicKeyToken, StringComparison.OrdinalIgnoreCase))
        {
            throw new PackException(
                $"{layout.Relative(path)} is '{built.FullName}', but {assembly.Location.File} registers '{assembly.FullName}'. The import would reject the assembly; rebuild or correct the registration.");
        }

        if (BuiltAssemblyLocator.IsOlderThanSources(layout, path))
        {
            warnings.Add($"{layout.Relative(path)} is older than the plugin sources: the zip carries the last build, not the current code. Build again before deploying.");
        }

        if (!built.IsNetFramework)
        {
            warnings.Add($"{layout.Relative(path)} targets {built.TargetFramework ?? built.MetadataVersion}; the Dataverse sandbox loads .NET Framework 4.6.2 assemblies only.");
        }

        if (built.ReferencesStandInSdk)
        {
            warnings.Add($"{layout.Relative(path)} was built against the SDK stand-in (Platform/Xrm.Sdk.Local), which Dataverse does not have: fine for tests, not for an import. " +
                         $"Build the deployable assembly with: dotnet build {ProjectOf(layout, path, assembly.AssemblyName)} -c Release -p:XrmSdk=Official");
        }

        var fileName = assembly.FileName ?? $"/PluginAssemblies/{assembly.Folder}/{assembly.AssemblyName}.dll";
        var entry = fileName.TrimStart('/', '\\').Replace('\\', '/');
        if (!entry.StartsWith("PluginAssemblies/", StringComparison.OrdinalIgnoreCase))
        {
            throw new PackException($"{assembly.Location.File}: FileName '{fileName}' must point under /PluginAssemblies/.");
        }

        return (new PackedAssembly(assembly.AssemblyName, path, configuration, framework, entry, built.ReferencesStandInSdk), File.ReadAllBytes(path));
    }

    /// <summary>
    /// The built manifest, bundle and resources of a code component, as zip entries under the folder its
    /// ControlManifest.xml.data.xml names (/Controls/&lt;name&gt;/ControlManifest.xml), the way exports carry them.
    /// </summary>
    private static (PackedControl Packed, List<(string Name, byte[] Content)> Files) LocateControl(
        RepoLayout layout, CustomControlDefinition control, string prefix, PackOptions options, List<string> warnings)
    {
        var expectedFileName = $"/Controls/{control.Name}/ControlManifest.xml";
        if (!string.Equals(control.FileName, expectedFileName, StringComparison.Ordinal))
        {
            throw new PackException($"{control.Location}: FileName must be '{expectedFileName}' (the folder of the control's name), found '{control.FileName}'.");
        }

        var manifestName = control.ManifestName(prefix);
        string folder;
        if (options.ControlPaths.TryGetValue(control.Name, out var given))
        {
            folder = Path.GetFullPath(given);
            if (!Directory.Exists(folder)) throw new PackException($"The built control given for {control.Name} does not exist: {folder}.");
        }
        else
        {
            folder = BuiltControlLocator.Find(layout, manifestName, out var projects)
                     ?? throw new PackException(
                         $"The built {control.Name} is missing: no PCF project output holds a ControlManifest.xml for {manifestName}" +
                         (projects.Count > 0 ? $" (looked in {string.Join(", ", projects.Select(layout.Relative))})" : string.Empty) +
                         ". Build it first: cd " + (projects.Count == 1 ? layout.Relative(projects[0]) : "<the control's folder>") + " && npm ci && npm run build");
            if (BuiltControlLocator.IsOlderThanSources(folder))
            {
                warnings.Add($"{layout.Relative(folder)} is older than the control's sources: the zip carries the last build. Run npm run build again before deploying.");
            }
        }

        var built = BuiltControl.Load(layout, folder);
        if (!string.Equals(built.ManifestName, manifestName, StringComparison.Ordinal))
        {
            throw new PackException($"{layout.Relative(folder)}/ControlManifest.xml is the control {built.ManifestName}, but {control.Location.File} names {control.Name} (publisher prefix '{prefix}' + namespace.constructor '{manifestName}').");
        }

        var entryFolder = $"Controls/{control.Name}/";
        var files = new List<(string Name, byte[] Content)> { (entryFolder + "ControlManifest.xml", File.ReadAllBytes(Path.Combine(folder, "ControlManifest.xml"))) };
        foreach (var resource in built.Resources)
        {
            var path = Path.GetFullPath(Path.Combine(folder, resource));
            if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new PackException($"{layout.Relative(folder)}/ControlManifest.xml names the resource '{resource}', which the build did not produce. Build the control again.");
            }

            files.Add((entryFolder + resource, File.ReadAllBytes(path)));
        }

        return (new PackedControl(control.Name, folder, files.Select(f => f.Name).ToList()), files);
    }

    /// <summary>The project folder of a DLL built to &lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;/.</summary>
    private static string ProjectOf(RepoLayout layout, string dllPath, string fallback)
    {
        var framework = Path.GetDirectoryName(dllPath);
        var configuration = framework == null ? null : Path.GetDirectoryName(framework);
        var bin = configuration == null ? null : Path.GetDirectoryName(configuration);
        return bin != null && Path.GetFileName(bin) == "bin" && Path.GetDirectoryName(bin) is { } project ? layout.Relative(project) : fallback;
    }

    private static XDocument SolutionXml(RepoLayout layout, bool managed)
    {
        var path = Path.Combine(layout.SolutionSource, "Other", "Solution.xml");
        var document = XDocument.Load(path);
        CustomizationsBuilder.RemoveComments(document);
        var manifest = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "SolutionManifest")
                       ?? throw new PackException($"{layout.Relative(path)} has no SolutionManifest.");
        var managedElement = manifest.Elements().FirstOrDefault(e => e.Name.LocalName == "Managed");
        if (managedElement == null)
        {
            managedElement = new XElement("Managed");
            var version = manifest.Elements().FirstOrDefault(e => e.Name.LocalName == "Version");
            if (version != null) version.AddAfterSelf(managedElement);
            else manifest.Add(managedElement);
        }

        managedElement.Value = managed ? "1" : "0";
        return document;
    }

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static byte[] ContentTypes(IEnumerable<string> entries)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var extensions = entries.Select(e => Path.GetExtension(e).TrimStart('.').ToLowerInvariant())
            .Where(e => e.Length > 0)
            .Append("xml")
            .Distinct()
            .OrderBy(e => e == "xml" ? 0 : 1)
            .ThenBy(e => e, StringComparer.Ordinal);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "Types", extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream")))));
        return Serialize(document);
    }
}
