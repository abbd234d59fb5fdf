using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Commands;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Packaging;

public class PackCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand { PackCommand.Create() };
        using var output = new StringWriter();
        var exit = root.Parse(new[] { "pack" }.Concat(args).ToArray()).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void Pack_says_which_build_of_each_assembly_went_into_the_zip()
    {
        using var repo = TempRepo.Create();

        var (exit, output) = Run("--repo", repo.Root, "--out", Path.Combine(repo.Root, "out"), "-c", TestRepo.Configuration);

        exit.Should().Be(PackCommand.Packed, output);
        output.Should().Contain($"Packed CoachingPlugins 1.0.0.0 (unmanaged) into out/CoachingPlugins_1_0_0_0.zip");
        output.Should().Contain($"Coaching.Plugins.dll  <-  Plugins/Coaching.Plugins/bin/{TestRepo.Configuration}/net462/Coaching.Plugins.dll ({TestRepo.Configuration}, net462)");
        output.Should().Contain("2 security roles").And.Contain("3 tables");
        File.Exists(Path.Combine(repo.Root, "out", "CoachingPlugins_1_0_0_0.zip")).Should().BeTrue();
    }

    [Fact]
    public void Pack_without_a_build_fails_with_exit_code_2_naming_the_missing_dll()
    {
        using var repo = TempRepo.Create(withBuilds: false);

        var (exit, output) = Run("--repo", repo.Root);

        exit.Should().Be(PackCommand.Failed);
        output.Should().Contain("coach pack: The built Coaching.Plugins is missing: Plugins/Coaching.Plugins/bin/Release/net462/Coaching.Plugins.dll does not exist");
    }
}
