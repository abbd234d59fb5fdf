using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Commands;
using Coach.Deploy;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Deploy;

public class DeployCommandTests
{
    private sealed class RecordingRunner : IProcessRunner
    {
        private readonly int _exitCode;

        public RecordingRunner(int exitCode = 0)
        {
            _exitCode = exitCode;
        }

        public List<string> CommandLines { get; } = new();

        public int Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
        {
            CommandLines.Add(Path.GetFileName(program) + " " + string.Join(" ", arguments));
            return _exitCode;
        }
    }

    private static (int Exit, string Output) Deploy(IProcessRunner runner, string? pac, params string[] args)
    {
        var root = new RootCommand { DeployCommand.Create(runner, () => pac) };
        using var output = new StringWriter();
        var exit = root.Parse(new[] { "deploy" }.Concat(args).ToArray()).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private static string Config(string environmentUrl = "https://contoso-dev.crm.dynamics.com", string extra = "") => $$"""
        {
          "environmentUrl": "{{environmentUrl}}",
          "solutionName": "CoachingPlugins",
          "publisherPrefix": "coach",
          "managed": false,
          "settingsFile": "Solution/settings/example.settings.json",
          "outputDirectory": "artifacts"{{extra}}
        }
        """;

    [Fact]
    public void A_dry_run_prints_the_pac_sequence_and_runs_nothing()
    {
        var runner = new RecordingRunner();

        var (exit, output) = Deploy(runner, "/usr/bin/pac", "--dry-run", "--repo", TestRepo.Root);

        exit.Should().Be(DeployCommand.Deployed);
        runner.CommandLines.Should().BeEmpty();
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        var auth = lines.IndexOf("pac auth create --environment https://yourorg.crm.dynamics.com");
        var pack = lines.IndexOf("coach pack --out artifacts");
        var import = lines.IndexOf("pac solution import --path artifacts/CoachingPlugins_1_0_0_0.zip --activate-plugins --publish-changes --settings-file Solution/settings/example.settings.json");
        auth.Should().BeGreaterThan(0, output);
        pack.Should().BeGreaterThan(auth, output);
        import.Should().BeGreaterThan(pack, output);
        output.Should().Contain("settings: Solution/settings/example.settings.json (coach_CoachingSettings; 0 connection references)");
        output.Should().Contain("environmentUrl is still the example");
        output.Should().Contain("Dry run: nothing was run.");
    }

    [Fact]
    public void A_managed_dry_run_packs_and_imports_the_managed_zip()
    {
        using var repo = TempRepo.Create();
        repo.Write("pac-config.json", Config().Replace("\"managed\": false", "\"managed\": true"));

        var (exit, output) = Deploy(new RecordingRunner(), "/usr/bin/pac", "--dry-run", "--repo", repo.Root);

        exit.Should().Be(0, output);
        output.Should().Contain("coach pack --out artifacts --managed");
        output.Should().Contain("pac solution import --path artifacts/CoachingPlugins_1_0_0_0_managed.zip --activate-plugins --publish-changes");
    }

    [Fact]
    public void Without_pac_the_dry_run_says_how_to_install_it_and_a_real_run_stops()
    {
        using var repo = TempRepo.Create();
        repo.Write("pac-config.json", Config());
        var runner = new RecordingRunner();

        var (dryExit, dryOutput) = Deploy(runner, null, "--dry-run", "--repo", repo.Root);
        var (exit, output) = Deploy(runner, null, "--repo", repo.Root);

        dryExit.Should().Be(0);
        dryOutput.Should().Contain("dotnet tool install --global Microsoft.PowerApps.CLI.Tool");
        exit.Should().Be(DeployCommand.PacMissing);
        output.Should().Contain("pac (the Power Platform CLI) was not found on PATH").And.Contain("dotnet tool install --global Microsoft.PowerApps.CLI.Tool");
        runner.CommandLines.Should().BeEmpty();
    }

    [Fact]
    public void A_real_run_refuses_the_example_environment_url()
    {
        var runner = new RecordingRunner();

        var (exit, output) = Deploy(runner, "/usr/bin/pac", "--repo", TestRepo.Root);

        exit.Should().Be(DeployCommand.Invalid);
        output.Should().Contain("pac-config.json: $.environmentUrl: still the example URL");
        runner.CommandLines.Should().BeEmpty();
    }

    [Fact]
    public void A_failing_pac_step_stops_the_sequence_with_its_exit_code()
    {
        using var repo = TempRepo.Create();
        repo.Write("pac-config.json", Config());
        var runner = new RecordingRunner(exitCode: 1);
        // The command refuses this repository's stand-in-SDK build before any pac step, so drive the deployer itself.
        var layout = new Coach.SolutionSource.RepoLayout(repo.Root);
        var plan = Coach.Deploy.DeployPlan.Create(layout, Coach.Deploy.PacConfigLoader.Load(layout.PacConfig, "pac-config.json"), "pac-config.json");

        var result = new Deployer(runner, "/opt/pac/pac").Run(layout, plan, _ => { });

        result.Outcome.Should().Be(DeployOutcome.StepFailed);
        runner.CommandLines.Should().Equal("pac auth create --environment https://contoso-dev.crm.dynamics.com");
        result.Message.Should().Contain("failed with exit code 1; nothing after it was run");
    }

    [Fact]
    public void An_assembly_built_against_the_sdk_stand_in_is_never_imported()
    {
        using var repo = TempRepo.Create();
        repo.Write("pac-config.json", Config());
        var runner = new RecordingRunner();

        var (exit, output) = Deploy(runner, "/opt/pac/pac", "--repo", repo.Root);

        exit.Should().Be(DeployCommand.Invalid);
        runner.CommandLines.Should().BeEmpty("pac auth create (a browser sign-in) is not worth doing for an import that cannot succeed");
        output.Should().Contain("built against the SDK stand-in").And.Contain("-p:XrmSdk=Official");
    }

    [Fact]
    public void A_dry_run_warns_about_assemblies_built_against_the_sdk_stand_in()
    {
        using var repo = TempRepo.Create();
        repo.Write("pac-config.json", Config());
        var runner = new RecordingRunner();

        var (exit, output) = Deploy(runner, "/opt/pac/pac", "--dry-run", "--repo", repo.Root);

        exit.Should().Be(DeployCommand.Deployed);
        output.Should().Contain("warning:").And.Contain("built against the SDK stand-in");
    }
}
