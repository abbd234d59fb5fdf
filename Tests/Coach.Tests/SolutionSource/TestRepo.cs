using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Coach.SolutionSource;

namespace Coach.Tests.SolutionSource;

/// <summary>The checkout the tests run in, and the build configuration they were built with (stamped by the build).</summary>
public static class TestRepo
{
    public static string Root => Metadata("RepoRoot").TrimEnd('/', '\\');

    public static string Configuration => Metadata("Configuration");

    public static RepoLayout Layout => new(Root);

    /// <summary>The sandbox (net462) build of a registered assembly, as this test run built it.</summary>
    public static string BuiltAssembly(string name)
    {
        foreach (var folder in new[] { "Plugins", "Workflows" })
        {
            var path = Path.Combine(Root, folder, name, "bin", Configuration, "net462", name + ".dll");
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException($"The net462 build of {name} ({Configuration}) is missing; the Coach.Tests build should have produced it.");
    }

    /// <summary>Assembly name → net462 DLL for every assembly Solution/src registers.</summary>
    public static IReadOnlyDictionary<string, string> BuiltAssemblies() =>
        SolutionSourceReader.Read(Layout).PluginAssemblies
            .Select(a => a.AssemblyName)
            .Distinct()
            .ToDictionary(n => n, BuiltAssembly, StringComparer.OrdinalIgnoreCase);

    /// <summary>The coaching panel's name in the solution (Controls/&lt;name&gt;/).</summary>
    public const string PanelControl = "coach_Coaching.CoachingPanel";

    /// <summary>
    /// A stand-in for the coaching panel's build (pcf-scripts output) in <paramref name="folder"/>: the manifest as the
    /// build writes it (code resource bundle.js), a small bundle and the CSS. The packaging tests need its shape, not the
    /// real bundle, and must not depend on the npm build that the panel's own tests run at the same time.
    /// </summary>
    public static string WriteStandInBuiltPanel(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "css"));
        var input = File.ReadAllText(Path.Combine(Root, "CoachingPanel", "CoachingPanel", "ControlManifest.Input.xml"));
        File.WriteAllText(Path.Combine(folder, "ControlManifest.xml"), input.Replace("<code path=\"index.ts\"", "<code path=\"bundle.js\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "bundle.js"), "/* stand-in for the built coaching panel */");
        File.Copy(Path.Combine(Root, "CoachingPanel", "CoachingPanel", "css", "CoachingPanel.css"), Path.Combine(folder, "css", "CoachingPanel.css"));
        return folder;
    }

    private static string Metadata(string key) =>
        typeof(TestRepo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

internal static class PathExtensions
{
    /// <summary>The path, after creating its folder.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

/// <summary>
/// A throwaway copy of the parts of the repository the tools read (Solution/, the plugin and workflow sources,
/// pac-config.json, the net462 builds in their bin folders and a stand-in build of the coaching panel), to seed mistakes into without touching the checkout.
/// </summary>
public sealed class TempRepo : IDisposable
{
    private TempRepo(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public RepoLayout Layout => new(Root);

    public string Src => Path.Combine(Root, "Solution", "src");

    public static TempRepo Create(bool withBuilds = true)
    {
        var root = Path.Combine(Path.GetTempPath(), "coach-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var repo = new TempRepo(root);
        File.WriteAllText(Path.Combine(root, RepoLayout.SolutionFileName), string.Empty);
        File.Copy(Path.Combine(TestRepo.Root, "pac-config.json"), Path.Combine(root, "pac-config.json"));
        CopyTree(Path.Combine(TestRepo.Root, "Solution"), Path.Combine(root, "Solution"), _ => true);
        foreach (var top in new[] { "Plugins", "Workflows" })
        {
            CopyTree(Path.Combine(TestRepo.Root, top), Path.Combine(root, top), f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal));
        }

        if (withBuilds)
        {
            foreach (var (name, path) in TestRepo.BuiltAssemblies())
            {
                var relative = Path.GetRelativePath(TestRepo.Root, path);
                var target = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(path, target);
                _ = name;
            }

            // The coaching panel's PCF project with its build output, where coach pack looks for it.
            File.Copy(Path.Combine(TestRepo.Root, "CoachingPanel", "pcfconfig.json"), Path.Combine(root, "CoachingPanel", "pcfconfig.json").EnsureFolder());
            TestRepo.WriteStandInBuiltPanel(Path.Combine(root, "CoachingPanel", "out", "controls", "CoachingPanel"));
        }

        return repo;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Edit(string relative, Func<string, string> change)
    {
        var before = Read(relative);
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"The edit of {relative} changed nothing; the test's seed no longer matches the file.");
        Write(relative, after);
    }

    /// <summary>The repository-relative path of the step file whose name contains <paramref name="nameFragment"/>.</summary>
    public string StepFile(string nameFragment)
    {
        var file = Directory.GetFiles(Path.Combine(Src, "SdkMessageProcessingSteps"), "*.xml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains(nameFragment, StringComparison.Ordinal));
        return Path.GetRelativePath(Root, file).Replace('\\', '/');
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyTree(string from, string to, Func<string, bool> include)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj") || !include(file)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
