using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using AngleSharp.Html.Parser;
using Coach.Commands;
using Coach.Reports;

namespace Coach.Tests.Simulate;

/// <summary>The README's first command, end to end: exit codes, the four sections on screen, the HTML report.</summary>
public sealed class SimulateCommandTests
{
    internal static (int Exit, string Output, string Error) Coach(params string[] args)
    {
        var root = new RootCommand { SimulateCommand.Create(), IcpCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_bundled_sample_prints_the_four_sections_and_exits_0()
    {
        var (exit, output, error) = Coach("simulate");

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().Contain("Data      bundled sample");
        var sections = new[] { ConsoleReport.AgendaTitle, ConsoleReport.RepsTitle, ConsoleReport.BlockedTitle, ConsoleReport.IcpTitle };
        sections.Select(s => output.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        output.Should().Contain("Maria Okafor").And.Contain("Daniel Brandt", "the sample has two managers, each with an agenda");
        output.Should().Contain("Before moving '", "the sample has stage moves the gate blocks");
        output.Should().Contain("Strong").And.Contain("Most often missed");
        output.Should().Contain("all rows used", "the bundled sample is clean");
    }

    [Fact]
    public void The_report_reaches_the_output_in_a_few_writes_not_one_per_table_cell()
    {
        // The standard output flushes every write: a report written cell by cell was a system call per cell.
        var output = new CountingWriter();
        var root = new RootCommand { SimulateCommand.Create() };
        var exit = root.Parse(new[] { "simulate" }).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        exit.Should().Be(0);
        output.ToString().Should().Contain(ConsoleReport.IcpTitle);
        output.Writes.Should().BeLessThan(50, "the report is held and written at once");
    }

    [Fact]
    public void The_report_option_writes_a_self_contained_html_page_with_the_agenda_and_charts()
    {
        var path = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"), "report.html");

        var (exit, output, _) = Coach("simulate", "--report", path);

        exit.Should().Be(0);
        output.Should().Contain("HTML report: " + path);
        var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        document.QuerySelectorAll("section#agenda article.manager").Should().HaveCount(2);
        document.QuerySelectorAll("section#agenda ol.agenda li.item").Should().NotBeEmpty();
        document.QuerySelectorAll("svg").Length.Should().BeGreaterThanOrEqualTo(7);
        document.QuerySelectorAll("script, link, img, iframe").Should().BeEmpty("the page carries everything inline");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_malformed_settings_file_gives_the_path_precise_error_and_exit_3()
    {
        var settings = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        File.WriteAllText(settings, "{ \"icp\": { \"weights\": { \"industry\": \"high\" } } }");

        var (exit, output, error) = Coach("simulate", "--settings", settings);

        exit.Should().Be(ExitCodes.SettingsInvalid);
        output.Should().BeEmpty();
        error.Should().Be($"error: {settings}: coach_CoachingSettings: icp.weights.industry: expected a whole number from 0 to 100, found \"high\"\n"
            .Replace("\n", Environment.NewLine));
        File.Delete(settings);
    }

    [Fact]
    public void A_settings_file_changes_the_rules_the_plugins_apply()
    {
        var settings = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        File.WriteAllText(settings, "{ \"stageGate\": { \"requireGoalFromStage\": \"Close\", \"minimumGoalLength\": 1, \"requireFutureInteractionDate\": false } }");

        var (exit, output, _) = Coach("simulate", "--settings", settings);

        exit.Should().Be(0);
        output.Should().Contain("Settings  " + settings);
        output.Should().NotContain("' to Develop, ").And.NotContain("' to Propose, ", "the gate now binds only moves to Close");
        File.Delete(settings);
    }

    [Fact]
    public void A_missing_data_folder_exits_2_with_the_folder_named()
    {
        var (exit, output, error) = Coach("simulate", "--data", "/no/such/folder");

        exit.Should().Be(ExitCodes.InputUnusable);
        output.Should().BeEmpty();
        error.Should().StartWith("error: /no/such/folder: data folder not found");
    }

    [Fact]
    public void A_missing_required_column_exits_2_and_names_the_column()
    {
        using var folder = new PipelineFolder();
        folder.Users[0] = "name,manager";

        var (exit, _, error) = Coach("simulate", "--data", folder.Write());

        exit.Should().Be(ExitCodes.InputUnusable);
        error.Should().Contain("users.csv: missing required column role");
    }

    [Fact]
    public void Refused_rows_are_listed_by_file_reason_and_column_and_the_run_still_exits_0()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities.Add($"O4,Ghost deal,Nowhere Ltd,{PipelineFolder.Rep},yesterday,1000,,Qualify,Open,,,,,");

        var (exit, output, _) = Coach("simulate", "--data", folder.Write());

        exit.Should().Be(0);
        output.Should().Contain("9 rows read, 8 kept (0 with unknown cells), 1 refused");
        output.Should().Contain("1 × refused: bad date in created_on");
        output.Should().Contain("line 5: bad date in created_on: 'yesterday'");
    }

    [Theory]
    [InlineData("--from", "last monday", "--from: 'last monday' is not an ISO 8601 date")]
    [InlineData("--to", "31/09/2026", "--to: '31/09/2026' is not an ISO 8601 date")]
    public void A_bad_window_date_is_a_usage_error(string option, string value, string message)
    {
        var (exit, _, error) = Coach("simulate", option, value);

        exit.Should().Be(ExitCodes.Usage);
        error.Should().Contain(message);
    }

    [Fact]
    public void From_and_to_narrow_the_report_to_a_window()
    {
        var (exit, output, _) = Coach("simulate", "--from", "2026-08-01", "--to", "2026-08-31");

        exit.Should().Be(0);
        output.Should().Contain("Period    2026-08-01 → 2026-08-31");
        output.Should().Contain("event(s) after --to 2026-08-31");
    }
}
