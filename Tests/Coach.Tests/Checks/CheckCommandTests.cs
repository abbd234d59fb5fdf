using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Commands;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Checks;

public class CheckCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand { CheckCommand.Create() };
        using var output = new StringWriter();
        var exit = root.Parse(new[] { "check" }.Concat(args).ToArray()).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void On_the_repository_the_check_passes_and_says_what_it_read()
    {
        var (exit, output) = Run("--repo", TestRepo.Root, "--configuration", TestRepo.Configuration);

        exit.Should().Be(CheckCommand.Passed, output);
        output.Should().Contain("coach check: Solution/src, the built plugin assemblies and the plugin sources");
        output.Should().Contain($"built assembly Coaching.Plugins: Plugins/Coaching.Plugins/bin/{TestRepo.Configuration}/net462/Coaching.Plugins.dll");
        output.Should().MatchRegex(@"0 errors, \d+ warnings?: passed\.");
    }

    [Fact]
    public void A_seeded_bad_step_fails_with_exit_code_1_and_a_readable_line()
    {
        using var repo = TempRepo.Create();
        var step = repo.StepFile("MicroCoachingSessionPlugin: Update of opportunity");
        repo.Edit(step, xml => xml.Replace("<FilteringAttributes>salesstage,stepname,coach_reviewflag</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>"));

        var (exit, output) = Run("--repo", repo.Root, "--configuration", TestRepo.Configuration);

        exit.Should().Be(CheckCommand.Failed);
        output.Should().MatchRegex($@"error\s+meta-avoid-reg-no-attribute {System.Text.RegularExpressions.Regex.Escape(step)}:\d+");
        output.Should().Contain("1 error").And.Contain("the solution is not ready to ship");
    }

    [Fact]
    public void Fix_regenerates_the_root_components_before_checking()
    {
        using var repo = TempRepo.Create();
        repo.Edit("Solution/src/Other/Solution.xml", xml => System.Text.RegularExpressions.Regex.Replace(xml, @"<RootComponents>[\s\S]*</RootComponents>", "<RootComponents />"));

        Run("--repo", repo.Root, "--configuration", TestRepo.Configuration).Exit.Should().Be(CheckCommand.Failed);
        var (exit, output) = Run("--repo", repo.Root, "--configuration", TestRepo.Configuration, "--fix");

        exit.Should().Be(CheckCommand.Passed, output);
        output.Should().StartWith("Rewrote the root components of Solution/src/Other/Solution.xml");
        repo.Read("Solution/src/Other/Solution.xml").Should().Be(File.ReadAllText(Path.Combine(TestRepo.Root, "Solution", "src", "Other", "Solution.xml")));
    }

    [Fact]
    public void Fix_refuses_while_a_step_xml_is_broken_and_leaves_solution_xml_alone()
    {
        using var repo = TempRepo.Create();
        var step = repo.StepFile("MicroCoachingSessionPlugin: Update of opportunity");
        repo.Edit(step, xml => xml.Substring(0, xml.Length / 2));
        var before = repo.Read("Solution/src/Other/Solution.xml");

        var (exit, output) = Run("--repo", repo.Root, "--configuration", TestRepo.Configuration, "--fix");

        exit.Should().Be(CheckCommand.Failed);
        output.Should().Contain("--fix: not rewriting Solution.xml while 1 file(s) of Solution/src cannot be read");
        repo.Read("Solution/src/Other/Solution.xml").Should().Be(before, "the broken step stays a root component");
        Run("--repo", repo.Root, "--configuration", TestRepo.Configuration).Output.Should().NotContain("Run `coach check --fix`");
    }
}
