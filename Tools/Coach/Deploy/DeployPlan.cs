using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Coach.Packaging;
using Coach.SolutionSource;

namespace Coach.Deploy;

public enum DeployStepKind
{
    /// <summary>A pac command.</summary>
    Pac,

    /// <summary>coach pack, run in-process.</summary>
    Pack,
}

/// <summary>One step of a deployment: what it does and the command line that does it.</summary>
public sealed record DeployStep(DeployStepKind Kind, string Title, string Program, IReadOnlyList<string> Arguments)
{
    public string CommandLine => Program + " " + string.Join(" ", Arguments.Select(Quote));

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? "\"" + argument.Replace("\"", "\\\"") + "\"" : argument;
}

/// <summary>The pac sequence for one environment, built from pac-config.json and Solution/src.</summary>
public sealed record DeployPlan(
    PacConfig Config,
    string ZipPath,
    string OutputDirectory,
    string? SettingsFile,
    DeploymentSettings? Settings,
    IReadOnlyList<DeployStep> Steps,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Validates the configuration against the solution (name, prefix), the settings file (shape, variables,
    /// settings JSON) and lays out: pac auth create, coach pack, pac solution import.
    /// </summary>
    public static DeployPlan Create(RepoLayout layout, PacConfig config, string configDisplayName)
    {
        var tree = SolutionSourceReader.Read(layout);
        var manifest = tree.Manifest ?? throw new ConfigurationException("Solution/src/Other/Solution.xml", "SolutionManifest", "missing; there is no solution to deploy.");
        if (!string.Equals(config.SolutionName, manifest.UniqueName, StringComparison.Ordinal))
        {
            throw new ConfigurationException(configDisplayName, "$.solutionName", $"\"{config.SolutionName}\" is not the solution in Solution/src, which is \"{manifest.UniqueName}\".");
        }

        if (config.PublisherPrefix != null && !string.Equals(config.PublisherPrefix, manifest.CustomizationPrefix, StringComparison.Ordinal))
        {
            throw new ConfigurationException(configDisplayName, "$.publisherPrefix", $"\"{config.PublisherPrefix}\" is not the publisher prefix of the solution, which is \"{manifest.CustomizationPrefix}\".");
        }

        var warnings = new List<string>();
        if (config.IsPlaceholderEnvironment)
        {
            warnings.Add($"environmentUrl is still the example \"{config.EnvironmentUrl}\"; set it to your environment's URL (Power Platform admin center > Environments > your environment > Environment URL).");
        }

        string? settingsPath = null;
        DeploymentSettings? settings = null;
        if (config.SettingsFile != null)
        {
            settingsPath = Path.IsPathRooted(config.SettingsFile) ? config.SettingsFile : Path.Combine(layout.Root, config.SettingsFile);
            if (!File.Exists(settingsPath))
            {
                throw new ConfigurationException(configDisplayName, "$.settingsFile", $"\"{config.SettingsFile}\" does not exist (looked at {layout.Relative(settingsPath)}).");
            }

            settings = DeploymentSettings.Load(settingsPath, layout.Relative(settingsPath), tree);
        }

        var outputDirectory = Path.GetFullPath(config.OutputDirectory is { } output
            ? Path.IsPathRooted(output) ? output : Path.Combine(layout.Root, output)
            : layout.DefaultPackOutput);
        var zipPath = Path.Combine(outputDirectory, SolutionPacker.ZipName(manifest.UniqueName, manifest.Version, config.Managed));

        var pack = new List<string> { "pack", "--out", layout.Relative(outputDirectory) };
        if (config.Managed) pack.Add("--managed");

        var import = new List<string> { "solution", "import", "--path", layout.Relative(zipPath), "--activate-plugins", "--publish-changes" };
        if (settingsPath != null)
        {
            import.Add("--settings-file");
            import.Add(layout.Relative(settingsPath));
        }

        var steps = new List<DeployStep>
        {
            new(DeployStepKind.Pac, "Sign in to the environment (opens a browser the first time)", "pac", new[] { "auth", "create", "--environment", config.EnvironmentUrl }),
            new(DeployStepKind.Pack, $"Build the {(config.Managed ? "managed" : "unmanaged")} solution zip from Solution/src and the built assemblies", "coach", pack),
            new(DeployStepKind.Pac, "Import it, turn the plug-in steps on and publish" + (settingsPath != null ? ", with this environment's settings" : string.Empty), "pac", import),
        };

        return new DeployPlan(config, zipPath, outputDirectory, settingsPath, settings, steps, warnings);
    }
}
