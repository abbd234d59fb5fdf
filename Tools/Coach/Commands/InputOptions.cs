using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Coach.Simulation;

namespace Coach.Commands;

/// <summary>The options simulate and icp share for reading files (--culture, --map) and writing them (--force).</summary>
internal static class InputOptions
{
    public static Option<string?> Culture() => new("--culture")
    {
        Description = "How the CSV files write numbers, as a culture name (en-US: 12,500.50; de-DE or fr-FR: 12.500,50). Default: detected per file.",
        HelpName = "NAME",
    };

    public static Option<string[]> Map() => new("--map")
    {
        Description = "Map a free-text value to a Dynamics 365 label: field:text=Label, e.g. --map industry:medical=\"Doctor's Offices and Clinics\" " +
                      "(fields: industry, stage, status, buyer_stage, role), or a file with one such line per line. Repeatable.",
        HelpName = "MAPPING",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Overwrite an output file that exists (an input file is never overwritten).",
    };

    public static bool TryLoadOptions(string? culture, IEnumerable<string>? maps, out LoadOptions options, out string? problem)
    {
        options = LoadOptions.Default;
        problem = null;
        NumberFormat? format = null;
        if (culture != null && !NumberFormat.TryFromCulture(culture, out format))
        {
            problem = $"--culture: '{culture}' is not a culture name (e.g. en-US, de-DE, fr-FR).";
            return false;
        }

        var categories = new CategoryMap();
        foreach (var map in maps ?? Array.Empty<string>())
        {
            if (!categories.TryAdd(map, out var why))
            {
                problem = "--map: " + why;
                return false;
            }
        }

        options = new LoadOptions { NumberFormat = format, Categories = categories };
        return true;
    }

    /// <summary>
    /// Whether <paramref name="path"/> may be written: never an input file or a folder; an existing file only with
    /// --force. Checked before the run, so a long run does not end in a refusal.
    /// </summary>
    public static bool CanWrite(string option, string path, bool force, IEnumerable<string> inputs, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        if (inputs.Any(i => string.Equals(Path.GetFullPath(i), full, StringComparison.Ordinal)))
        {
            problem = $"{option} {path}: that is an input file; it is never overwritten. Choose another file name.";
            return false;
        }

        if (Directory.Exists(full))
        {
            problem = $"{option} {path}: is a folder; give a file name, e.g. {Path.Combine(path, option == "--report" ? "coaching.html" : "scores.csv")}.";
            return false;
        }

        if (File.Exists(full) && !force)
        {
            problem = $"{option} {path}: the file exists; add --force to overwrite it.";
            return false;
        }

        return true;
    }

    /// <summary>Writes through <paramref name="write"/>, creating the folder; false with a message when it cannot.</summary>
    public static bool TryWrite(string option, string path, Action<string> write, out string? problem)
    {
        problem = null;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder != null) Directory.CreateDirectory(folder);
            write(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = $"{option} {path}: cannot write the file: {e.Message}";
            return false;
        }
    }
}
