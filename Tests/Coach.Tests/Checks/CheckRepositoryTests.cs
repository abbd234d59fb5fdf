using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;
using static Coach.Tests.Checks.CheckTestSupport;

namespace Coach.Tests.Checks;

public class CheckRepositoryTests
{
    [Fact]
    public void The_repository_passes_its_own_solution_checks()
    {
        var report = Check(TestRepo.Layout);

        report.Findings.Where(f => f.Severity == Severity.Error).Should().BeEmpty(Describe(report));
        report.Statistics.Steps.Should().BeGreaterThan(0);
        report.Statistics.AssembliesInspected.Should().NotBeEmpty("the checks compare the registration with the built assemblies");
        report.Statistics.SourceFiles.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Every_finding_names_its_rule_severity_file_and_line()
    {
        using var repo = TempRepo.Create();
        repo.Edit(repo.StepFile("StageGatePlugin: Update of opportunity\""), xml => xml.Replace("<FilteringAttributes>salesstage,stepname</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>"));

        var finding = Check(repo.Layout).For(Rules.FilteringAttributes).Single();

        finding.Severity.Should().Be(Severity.Error);
        finding.Location.File.Should().StartWith("Solution/src/SdkMessageProcessingSteps/");
        finding.Location.Line.Should().BeGreaterThan(1);
        File.ReadAllLines(repo.PathOf(finding.Location.File))[finding.Location.Line - 1].Should().Contain("<FilteringAttributes>");
        finding.Message.Should().Contain("runs on every save of opportunity");
    }
}
