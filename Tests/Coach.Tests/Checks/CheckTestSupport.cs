using System.Linq;
using Coach.Checks;
using Coach.Tests.SolutionSource;

namespace Coach.Tests.Checks;

internal static class CheckTestSupport
{
    /// <summary>Checks a repository with the net462 builds of this test run.</summary>
    public static CheckReport Check(Coach.SolutionSource.RepoLayout layout)
    {
        var options = new CheckOptions { Configuration = TestRepo.Configuration };
        return SolutionChecker.Run(layout, options);
    }

    public static string Describe(CheckReport report) =>
        string.Join("\n", report.Findings.Select(f => f.ToString()));
}
