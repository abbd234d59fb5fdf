using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Coach.Deploy;

/// <summary>Finds the Power Platform CLI (pac) on PATH.</summary>
public static class PacLocator
{
    public const string InstallCommand = "dotnet tool install --global Microsoft.PowerApps.CLI.Tool";

    public static string MissingMessage =>
        "pac (the Power Platform CLI) was not found on PATH. Install it with:" + Environment.NewLine +
        "    " + InstallCommand + Environment.NewLine +
        "then open a new terminal so the .NET tools folder (~/.dotnet/tools, or %USERPROFILE%\\.dotnet\\tools on Windows) is on PATH, and check with `pac help`.";

    /// <summary>The full path of pac, or null. <paramref name="path"/> defaults to the PATH environment variable.</summary>
    public static string? Find(string? path = null, bool? windows = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var isWindows = windows ?? OperatingSystem.IsWindows();
        var names = isWindows ? new[] { "pac.exe", "pac.cmd", "pac.bat" } : new[] { "pac" };
        foreach (var directory in path.Split(isWindows ? ';' : Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                string candidate;
                try
                {
                    candidate = Path.Combine(directory.Trim('"'), name);
                }
                catch (ArgumentException)
                {
                    continue;
                }

                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }
}
