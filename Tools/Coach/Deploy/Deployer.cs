using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Coach.Packaging;
using Coach.SolutionSource;

namespace Coach.Deploy;

/// <summary>Runs an external program with the console attached (pac auth create may open a browser).</summary>
public interface IProcessRunner
{
    int Run(string program, IReadOnlyList<string> arguments, string workingDirectory);
}

public sealed class ConsoleProcessRunner : IProcessRunner
{
    public int Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.WaitForExit();
        return process.ExitCode;
    }
}

public enum DeployOutcome
{
    Succeeded,
    StepFailed,
    NotDeployable,
}

public sealed record DeployResult(DeployOutcome Outcome, DeployStep? FailedStep, int ExitCode, PackResult? Pack, string? Message);

/// <summary>Carries out a <see cref="DeployPlan"/>: pac steps through the runner, the pack step in-process.</summary>
public sealed class Deployer
{
    private readonly IProcessRunner _runner;
    private readonly string _pac;

    public Deployer(IProcessRunner runner, string pacPath)
    {
        _runner = runner;
        _pac = pacPath;
    }

    public DeployResult Run(RepoLayout layout, DeployPlan plan, Action<DeployStep> starting)
    {
        PackResult? packed = null;
        foreach (var step in plan.Steps)
        {
            starting(step);
            if (step.Kind == DeployStepKind.Pack)
            {
                packed = SolutionPacker.Pack(layout, new PackOptions { OutputDirectory = plan.OutputDirectory, Managed = plan.Config.Managed });
                if (!packed.IsDeployable)
                {
                    return new DeployResult(DeployOutcome.NotDeployable, step, 2, packed,
                        "The plugin assemblies were built against the SDK stand-in (Platform/Xrm.Sdk.Local), which Dataverse cannot load. " +
                        "Build the deployable ones first: dotnet build Plugins/Coaching.Plugins -c Release -p:XrmSdk=Official (and the same for Workflows/Coaching.Workflows).");
                }

                continue;
            }

            var exit = _runner.Run(_pac, step.Arguments, layout.Root);
            if (exit != 0)
            {
                return new DeployResult(DeployOutcome.StepFailed, step, exit, packed, $"`{step.CommandLine}` failed with exit code {exit}; nothing after it was run.");
            }
        }

        return new DeployResult(DeployOutcome.Succeeded, null, 0, packed, null);
    }
}
