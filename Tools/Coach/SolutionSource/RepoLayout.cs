using System;
using System.IO;

namespace Coach.SolutionSource;

/// <summary>Where things live in a checkout: the repository root (the folder holding CoachingPlugins.sln) and the paths under it.</summary>
public sealed class RepoLayout
{
    public const string SolutionFileName = "CoachingPlugins.sln";

    public RepoLayout(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>Solution/src: the unpacked solution (SolutionPackager layout).</summary>
    public string SolutionSource => Path.Combine(Root, "Solution", "src");

    public string PacConfig => Path.Combine(Root, "pac-config.json");

    /// <summary>The default output folder of <c>coach pack</c> (git-ignored).</summary>
    public string DefaultPackOutput => Path.Combine(Root, "artifacts");

    /// <summary>A path relative to the root with forward slashes, for messages and findings.</summary>
    public string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? full.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }

    /// <summary>Finds the repository root from <paramref name="start"/> (default: the current directory), then from the tool's own folder.</summary>
    public static RepoLayout Discover(string? start = null)
    {
        if (start != null)
        {
            var explicitRoot = Path.GetFullPath(start);
            if (!Directory.Exists(explicitRoot))
            {
                throw new RepoNotFoundException($"The repository folder '{explicitRoot}' does not exist.");
            }

            return FindUpwards(explicitRoot) ?? (Directory.Exists(Path.Combine(explicitRoot, "Solution", "src"))
                ? new RepoLayout(explicitRoot)
                : throw new RepoNotFoundException($"'{explicitRoot}' is not a Coaching Plugins checkout: neither {SolutionFileName} nor Solution/src was found there or above."));
        }

        return FindUpwards(Directory.GetCurrentDirectory())
               ?? FindUpwards(AppContext.BaseDirectory)
               ?? throw new RepoNotFoundException(
                   $"Could not find the repository: no {SolutionFileName} in the current folder or above. Run coach from inside the checkout or pass --repo <folder>.");
    }

    private static RepoLayout? FindUpwards(string from)
    {
        for (var dir = new DirectoryInfo(from); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return new RepoLayout(dir.FullName);
            }
        }

        return null;
    }
}

public sealed class RepoNotFoundException : Exception
{
    public RepoNotFoundException(string message)
        : base(message)
    {
    }
}
