using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Deploy;
using Coach.Packaging;
using Coach.SolutionSource;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// <c>coach deploy [--dry-run] [--config pac-config.json]</c>: turns pac-config.json into the pac sequence
/// (auth, pack, import with --activate-plugins --publish-changes and the settings file) and runs it, or prints it.
/// Exit codes: 0 deployed (or printed); 1 a pac step failed; 2 pac-config.json, the settings file or the package is
/// not usable; 3 pac is not installed.
/// </summary>
public static class DeployCommand
{
    public const int Deployed = 0;
    public const int StepFailed = 1;
    public const int Invalid = 2;
    public const int PacMissing = 3;

    public static Command Create() => Create(new ConsoleProcessRunner(), () => PacLocator.Find());

    /// <summary>For tests: the process runner and where pac is found are replaceable.</summary>
    public static Command Create(IProcessRunner runner, Func<string?> findPac)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the pac commands without running them." };
        var config = new Option<string?>("--config") { Description = "The configuration file (default: pac-config.json at the repository root)." };
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: found from the current folder)." };

        var command = new Command("deploy", "Deploy the solution with pac: sign in, pack, import with the environment's settings (see pac-config.json).")
        {
            dryRun,
            config,
            repo,
        };

        command.SetAction(parseResult =>
        {
            var console = ToolConsole.For(parseResult);
            RepoLayout layout;
            DeployPlan plan;
            string configDisplay;
            try
            {
                layout = RepoLayout.Discover(parseResult.GetValue(repo));
                var configPath = parseResult.GetValue(config) is { } given ? Path.GetFullPath(given) : layout.PacConfig;
                configDisplay = layout.Relative(configPath);
                var pacConfig = PacConfigLoader.Load(configPath, configDisplay);
                plan = DeployPlan.Create(layout, pacConfig, configDisplay);
            }
            catch (Exception e) when (e is ConfigurationException or RepoNotFoundException)
            {
                CommandConsole.Error(parseResult, e.Message);
                return Invalid;
            }

            var pac = findPac();
            var isDryRun = parseResult.GetValue(dryRun);
            WritePlan(console, layout, plan, configDisplay, isDryRun);

            var standIn = StandInSdkAssemblies(layout);
            if (isDryRun)
            {
                if (standIn.Count > 0)
                {
                    console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(StandInMessage(standIn))}");
                }

                if (pac == null)
                {
                    console.MarkupLine($"[yellow]note:[/] {Markup.Escape(PacLocator.MissingMessage)}");
                }

                console.MarkupLine("Dry run: nothing was run. Run [bold]coach deploy[/] without --dry-run to deploy.");
                return Deployed;
            }

            if (pac == null)
            {
                CommandConsole.Error(parseResult, PacLocator.MissingMessage);
                return PacMissing;
            }

            if (plan.Config.IsPlaceholderEnvironment)
            {
                CommandConsole.Error(parseResult, $"{configDisplay}: $.environmentUrl: still the example URL; set it to your environment before deploying.");
                return Invalid;
            }

            // Before pac auth create (a browser sign-in): an import of these assemblies cannot succeed.
            if (standIn.Count > 0)
            {
                CommandConsole.Error(parseResult, StandInMessage(standIn));
                return Invalid;
            }

            DeployResult result;
            try
            {
                result = new Deployer(runner, pac).Run(layout, plan, step => console.MarkupLine($"[bold]>[/] {Markup.Escape(step.CommandLine)}"));
            }
            catch (PackException e)
            {
                CommandConsole.Error(parseResult, "coach pack: " + e.Message);
                return Invalid;
            }

            if (result.Pack != null) PackCommand.Write(console, layout, result.Pack);
            switch (result.Outcome)
            {
                case DeployOutcome.Succeeded:
                    console.MarkupLine($"[green]Deployed {Markup.Escape(plan.Config.SolutionName)} to {Markup.Escape(plan.Config.EnvironmentUrl)}.[/] Next: assign the Sales Coach and Sales Rep – Coaching roles (README, \"Deploy to an environment\").");
                    return Deployed;
                case DeployOutcome.NotDeployable:
                    CommandConsole.Error(parseResult, result.Message!);
                    return Invalid;
                default:
                    CommandConsole.Error(parseResult, result.Message!);
                    return StepFailed;
            }
        });

        return command;
    }

    /// <summary>The built plugin assemblies the pack would take that reference the SDK stand-in (Dataverse cannot load them).</summary>
    private static List<string> StandInSdkAssemblies(RepoLayout layout)
    {
        var found = new List<string>();
        foreach (var assembly in SolutionSourceReader.Read(layout).PluginAssemblies)
        {
            var lookup = BuiltAssemblyLocator.Find(layout, assembly.AssemblyName);
            if (!lookup.Found) continue; // the pack step says it is missing
            try
            {
                if (BuiltAssembly.Load(lookup.Path!).ReferencesStandInSdk) found.Add(layout.Relative(lookup.Path!));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                // unreadable: the pack step reports it
            }
        }

        return found;
    }

    private static string StandInMessage(IReadOnlyList<string> assemblies) =>
        $"{string.Join(", ", assemblies)} {(assemblies.Count == 1 ? "was" : "were")} built against the SDK stand-in (Platform/Xrm.Sdk.Local), which Dataverse cannot load. " +
        "Build the deployable ones first: dotnet build Plugins/Coaching.Plugins -c Release -p:XrmSdk=Official (and the same for Workflows/Coaching.Workflows).";

    private static void WritePlan(IAnsiConsole console, RepoLayout layout, DeployPlan plan, string configDisplay, bool dryRun)
    {
        var c = plan.Config;
        console.MarkupLine($"{(dryRun ? "coach deploy --dry-run" : "coach deploy")}: [bold]{Markup.Escape(c.SolutionName)}[/] ({(c.Managed ? "managed" : "unmanaged")}) to {Markup.Escape(c.EnvironmentUrl)}, from {Markup.Escape(configDisplay)}");
        if (plan.SettingsFile != null && plan.Settings != null)
        {
            var variables = string.Join(", ", plan.Settings.EnvironmentVariables.Select(v => v.SchemaName));
            console.MarkupLine(Markup.Escape($"  settings: {layout.Relative(plan.SettingsFile)} ({(variables.Length == 0 ? "no environment variables" : variables)}; {plan.Settings.ConnectionReferences.Count} connection references)"));
        }
        else
        {
            console.MarkupLine("  settings: none (the environment keeps its current values, or the defaults the solution ships)");
        }

        var number = 1;
        foreach (var step in plan.Steps)
        {
            console.MarkupLine(Markup.Escape($"  {number++}. {step.Title}"));
            console.MarkupLine(Markup.Escape($"     {step.CommandLine}"));
        }

        foreach (var warning in plan.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }
}
