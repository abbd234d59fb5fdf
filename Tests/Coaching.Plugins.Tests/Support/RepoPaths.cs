using System.IO;
using System.Linq;
using System.Reflection;

namespace Coaching.Plugins.Tests.Support;

/// <summary>Paths the build stamps into the test assembly, so tests never guess where the repo is.</summary>
public static class RepoPaths
{
    public static string Root => Metadata("RepoRoot");

    public static string SolutionSource => Path.Combine(Root, "Solution", "src");

    public static string SandboxPluginAssembly => Metadata("SandboxPluginAssembly");

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
