using System;
using System.IO;
using System.Linq;
using System.Text;
using Coach.Commands;
using Coach.Icp;
using Coach.Reports;
using Coach.Simulation;
using Coach.Tests.SolutionSource;
using Coaching.Core.Icp;
using Coaching.Core.Settings;

namespace Coach.Tests.Simulate;

/// <summary>
/// The files people really have (issue 13): a row is refused only when it cannot be placed at all; a bad optional
/// cell keeps the row with the value unknown and is reported; nothing is lost or changed silently.
/// </summary>
public sealed class ForeignInputTests
{
    private static string ForeignCrm => Path.Combine(AppContext.BaseDirectory, "Simulate", "ForeignCrm");

    private static void WriteBytes(PipelineFolder folder, string file, string text, Encoding encoding) =>
        File.WriteAllBytes(folder.File(file), encoding.GetBytes(text));

    [Fact]
    public void A_foreign_crm_export_keeps_at_least_99_percent_of_its_deals_reports_every_unknown_cell_in_groups_and_exits_0()
    {
        var (exit, output, error) = SimulateCommandTests.Coach("simulate", "--data", ForeignCrm);

        error.Should().BeEmpty();
        exit.Should().Be(0);
        var data = PipelineLoader.Load(ForeignCrm);
        data.RowsRead["opportunities.csv"].Should().Be(120);
        data.Opportunities.Count.Should().BeGreaterThanOrEqualTo(119, "at least 99% of the deals are kept");
        data.Opportunities.Count(o => o.Account == null).Should().Be(20, "deals without an account are kept without a customer");
        output.Should().Contain("Pipeline  120 deals");
        output.Should().Contain("330 rows read, 330 kept (41 with unknown cells), 0 refused");
        output.Should().Contain("4 × kept, column industry: unknown industry").And.Contain("unknown industry 'technolgy'");
        output.Should().Contain("22 × kept, column buyer_stage: unknown buyer_stage").And.Contain("unknown buyer_stage 'Spät'");
        output.Should().Contain("20 × kept, column account: no account");
        output.Should().Contain("1 × kept, column owner: owner not in users.csv: created as a rep").And.Contain("René Blanc");
        output.Should().Contain("Warning: accounts.csv: column 'Website' not recognised");
        output.Should().Contain("read as Windows-1252").And.Contain("semicolon-delimited").And.Contain("decimal comma");
        data.Issues.Where(i => i.Kept).Should().HaveCount(47, "every unknown cell is an issue, in a group on the screen");
    }

    // Finding 1: a decimal comma is not a thousands separator; valid groupings and currency symbols are read.
    [Theory]
    [InlineData("12500,50", '.', null)]
    [InlineData("1,5", '.', null)]
    [InlineData("1,2,3", '.', null)]
    [InlineData("1,500", '.', "1500")]
    [InlineData("$12,500.00", '.', "12500")]
    [InlineData("12 500,00", ',', "12500")]
    [InlineData("12500,50", ',', "12500.50")]
    [InlineData("€ 45.000", ',', "45000")]
    [InlineData("1e20", '.', null)]
    public void Numbers_are_read_in_the_file_format_with_thousands_separators_only_where_valid(string text, char decimalSeparator, string? expected)
    {
        var format = decimalSeparator == '.' ? NumberFormat.DecimalPoint : NumberFormat.DecimalComma;

        var ok = InputValues.TryAmount(text, format, out var value);

        ok.Should().Be(expected != null);
        if (expected != null) value.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_file_with_decimal_commas_is_detected_and_its_values_read_as_decimals()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace(",150000,", ",\"12500,50\",");
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",8000,", ",\"1,5\",");

        var data = PipelineLoader.Load(folder.Write());

        data.Opportunities.Single(o => o.Id == "O1").EstimatedValue.Should().Be(12500.50m);
        data.Opportunities.Single(o => o.Id == "O2").EstimatedValue.Should().Be(1.5m);
        data.Notes.Should().Contain(n => n.Contains("decimal comma"));
    }

    [Fact]
    public void Culture_option_reads_every_file_with_that_format()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace(",150000,", ",\"150,000\",");

        var data = PipelineLoader.Load(folder.Write(), new LoadOptions { NumberFormat = NumberFormat.DecimalComma });

        data.Opportunities.Single(o => o.Id == "O1").EstimatedValue.Should().Be(150m);
    }

    // Finding 2: Windows-1252 / Latin-1 is decoded, not replaced by U+FFFD, and two names stay two.
    [Fact]
    public void A_latin1_file_is_decoded_with_a_note_and_accented_names_stay_distinct()
    {
        using var folder = new PipelineFolder();
        folder.Write();
        var latin1 = Encoding.Latin1;
        WriteBytes(folder, "users.csv", "name,role,manager\nMaría Manager,manager,\nJosé Rep,rep,María Manager\nJosè Rep,rep,María Manager\n", latin1);
        folder.Opportunities[1] = folder.Opportunities[1].Replace(PipelineFolder.Rep, "José Rep");
        folder.Opportunities[2] = folder.Opportunities[2].Replace(PipelineFolder.OtherRep, "Josè Rep");
        folder.Opportunities[3] = folder.Opportunities[3].Replace(PipelineFolder.Rep, "José Rep");
        File.WriteAllText(folder.File("opportunities.csv"), string.Join("\n", folder.Opportunities) + "\n");

        var data = PipelineLoader.Load(folder.Path);

        data.Users.Select(u => u.Name).Should().BeEquivalentTo("María Manager", "José Rep", "Josè Rep");
        data.Notes.Should().Contain(n => n.StartsWith("users.csv: not valid UTF-8, read as Windows-1252"));
        data.Issues.Should().BeEmpty();
    }

    // Finding 3: one unclosed quote does not swallow the rest of the file.
    [Fact]
    public void An_unclosed_quote_is_reported_at_its_line_and_the_rows_after_it_are_read()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities.Insert(2, $"O9,\"Broken deal,Acme Wholesale,{PipelineFolder.Rep},2026-07-01T09:00:00Z,100,,Qualify,Open,,,,,");

        var data = PipelineLoader.Load(folder.Write());

        data.Opportunities.Select(o => o.Id).Should().BeEquivalentTo("O1", "O2", "O3");
        var issue = data.Issues.Should().ContainSingle().Subject;
        issue.Line.Should().Be(3);
        issue.Reason.Should().Contain("a quote opened on this line is not closed");
    }

    // Finding 4: an amount beyond Dataverse Money is refused (the cell), not accepted.
    [Fact]
    public void An_amount_beyond_the_money_range_is_unknown_and_reported()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",8000,", ",99999999999999999999999,");

        var data = PipelineLoader.Load(folder.Write());

        data.Opportunities.Single(o => o.Id == "O2").EstimatedValue.Should().BeNull();
        data.Issues.Should().ContainSingle().Which.Reason.Should().StartWith("estimated_value is out of range: '99999999999999999999999'");
    }

    // Finding 5: headers match regardless of spaces, underscores and case; unknown ones are warned about.
    [Fact]
    public void Headers_with_spaces_are_matched_and_unknown_headers_are_warned_about_at_the_top()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[0] = "Name,Industry,Employees,Annual Revenue,Country,Colour";
        folder.Accounts[1] += ",blue";
        folder.Opportunities[0] = folder.Opportunities[0].Replace("estimated_value", "Estimated Value").Replace("created_on", "Created On");

        var data = PipelineLoader.Load(folder.Write());

        data.Accounts[0].AnnualRevenue.Should().Be(50000000m);
        data.Opportunities.Single(o => o.Id == "O1").EstimatedValue.Should().Be(150000m);
        data.Warnings.Should().ContainSingle().Which.Should().Contain("'Colour' not recognised");
        var (_, output, _) = SimulateCommandTests.Coach("simulate", "--data", folder.Path);
        output.IndexOf("Warning: accounts.csv: column 'Colour'", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf(ConsoleReport.AgendaTitle, StringComparison.Ordinal));
    }

    // Finding 6: free-text industries map through synonyms and --map; what does not map stays unknown, never poor.
    [Fact]
    public void Free_text_industries_map_case_insensitively_and_an_unmapped_one_keeps_the_account_with_industry_unknown()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[1] = "Acme Wholesale,financial services,800,50000000,United States";
        folder.Accounts[2] = "Tiny Cafe,technolgy,12,900000,Spain";

        var data = PipelineLoader.Load(folder.Write());

        data.Accounts.Should().HaveCount(2);
        data.Accounts[0].Industry.Should().Be("Financial");
        data.Accounts[1].Industry.Should().BeNull();
        data.Issues.Should().ContainSingle().Which.Should().Match<InputIssue>(i => i.Kept && i.Column == "industry" && i.Reason.Contains("'technolgy'"));
        data.Opportunities.Should().HaveCount(3, "the deals of the account stay");
    }

    [Fact]
    public void A_user_mapping_maps_an_industry_and_icp_scores_an_unmapped_industry_as_unknown_not_a_miss()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[1] = "Acme Wholesale,medical,800,50000000,United States";
        folder.Accounts[2] = "Tiny Cafe,technolgy,800,50000000,United States";
        var path = Path.Combine(folder.Write(), "accounts.csv");
        var categories = new CategoryMap();
        categories.TryAdd("industry:medical=\"Doctor's Offices and Clinics\"", out var problem).Should().BeTrue(problem);

        var result = IcpScoring.Score(path, CoachingSettings.Default, null, new LoadOptions { Categories = categories });

        result.Accounts.Single(a => a.Account.Name == "Acme Wholesale").Account.Industry.Should().Be("Doctor's Offices and Clinics");
        var unmapped = result.Accounts.Single(a => a.Account.Name == "Tiny Cafe");
        unmapped.Fit.Reasons.Should().Contain(r => r.StartsWith("Industry: unknown"));
        unmapped.Fit.Reasons.Should().NotContain(r => r.Contains("is not a target industry"));
    }

    // Finding 7: one bad optional cell does not drop the row.
    [Fact]
    public void Bad_optional_cells_keep_their_rows_with_the_value_unknown()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[1] = "Acme Wholesale,Wholesale,800,\"$546,180,000\",United States";
        folder.Accounts[2] = "Tiny Cafe,Eating and Drinking Places,12,-1,Spain";
        folder.Users[3] = $"{PipelineFolder.OtherRep},rep,Nina Nowhere";
        folder.Opportunities[1] = folder.Opportunities[1].Replace("2026-10-30", "30/10/2026").Replace(",Early,", ",Spät,");
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",Tiny Cafe,", ",,");

        var data = PipelineLoader.Load(folder.Write());

        data.Accounts.Should().HaveCount(2);
        data.Accounts[0].AnnualRevenue.Should().Be(546180000m);
        data.Accounts[1].AnnualRevenue.Should().BeNull();
        data.Users.Should().Contain(u => u.Name == "Nina Nowhere" && u.Role == UserRole.Manager);
        data.Users.Single(u => u.Name == PipelineFolder.OtherRep).Manager.Should().Be("Nina Nowhere");
        data.Opportunities.Should().HaveCount(3);
        var o1 = data.Opportunities.Single(o => o.Id == "O1");
        o1.EstimatedCloseDate.Should().BeNull();
        o1.BuyerStage.Should().BeNull();
        data.Opportunities.Single(o => o.Id == "O2").Account.Should().BeNull();
        data.Issues.Should().OnlyContain(i => i.Kept);
        data.Issues.Select(i => i.Column).Should().BeEquivalentTo("annual_revenue", "manager", "estimated_close_date", "buyer_stage", "account");
    }

    [Fact]
    public void A_deal_without_an_account_is_created_without_a_customer()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",Tiny Cafe,", ",,");

        var (exit, output, _) = SimulateCommandTests.Coach("simulate", "--data", folder.Write());

        exit.Should().Be(0);
        output.Should().Contain("Pipeline  3 deals");
    }

    // Finding 8: nothing usable is an error; a window outside the data is warned about.
    [Fact]
    public void Nothing_usable_exits_non_zero_with_the_reason()
    {
        using var folder = new PipelineFolder();
        for (var i = 1; i < folder.Opportunities.Count; i++) folder.Opportunities[i] = folder.Opportunities[i].Replace("2026-07-0", "someday-0");

        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "--data", folder.Write());

        exit.Should().Be(ExitCodes.InputUnusable);
        error.Should().Contain("no usable deal in opportunities.csv").And.Contain("3 refused").And.Contain("bad date in created_on");
    }

    [Fact]
    public void A_from_date_after_the_data_is_warned_about()
    {
        using var folder = new PipelineFolder();

        var (exit, output, _) = SimulateCommandTests.Coach("simulate", "--data", folder.Write(), "--from", "2027-01-01");

        exit.Should().Be(0);
        output.Should().Contain("Warning: --from 2027-01-01 is after the last event of the data");
    }

    [Fact]
    public void A_to_date_before_the_data_is_warned_about()
    {
        using var folder = new PipelineFolder();

        var (exit, output, _) = SimulateCommandTests.Coach("simulate", "--data", folder.Write(), "--to", "2025-01-01");

        exit.Should().Be(0);
        output.Should().Contain("Warning: --to 2025-01-01T23:59:59Z is before the first event of the data");
    }

    // Finding 9: no stack traces.
    [Fact]
    public void Icp_csv_to_a_folder_is_a_clear_error_and_to_a_missing_folder_creates_it()
    {
        using var folder = new PipelineFolder();
        var accounts = Path.Combine(folder.Write(), "accounts.csv");

        var (exit, _, error) = SimulateCommandTests.Coach("icp", "--accounts", accounts, "--csv", folder.Path);
        exit.Should().Be(ExitCodes.OutputUnwritable);
        error.Should().Contain("is a folder; give a file name");

        var nested = Path.Combine(folder.Path, "new", "scores.csv");
        SimulateCommandTests.Coach("icp", "--accounts", accounts, "--csv", nested).Exit.Should().Be(0);
        File.Exists(nested).Should().BeTrue();
    }

    [Fact]
    public void Simulate_report_to_a_folder_is_refused_before_the_run()
    {
        using var folder = new PipelineFolder();

        var (exit, output, error) = SimulateCommandTests.Coach("simulate", "--data", folder.Write(), "--report", folder.Path);

        exit.Should().Be(ExitCodes.OutputUnwritable);
        error.Should().Contain("is a folder");
        output.Should().NotContain(ConsoleReport.AgendaTitle, "it is refused before the run");
    }

    [Fact]
    public void Sample_with_a_negative_count_is_a_usage_error()
    {
        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "sample", "--out", Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N")), "--opportunities", "-5");

        exit.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--opportunities must be 1 or more, not -5");
    }

    [Fact]
    public void A_step_without_its_plugin_type_gives_a_message_not_a_stack_trace()
    {
        using var folder = new PipelineFolder();
        var solution = Path.Combine(folder.Path, "solution");
        CopyTree(Path.Combine(TestRepo.Root, "Solution", "src"), solution);
        var step = Directory.GetFiles(Path.Combine(solution, "SdkMessageProcessingSteps"), "*.xml").First();
        var lines = File.ReadAllLines(step).Where(l => !l.Contains("<PluginTypeName>") && !l.Contains("<PluginTypeId>"));
        File.WriteAllLines(step, lines);

        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "--data", folder.Write(), "--solution", solution);

        exit.Should().Be(ExitCodes.InputUnusable);
        error.Should().Contain("the solution cannot be loaded").And.NotContain("   at ");
    }

    // Finding 10: the charts say what they mean.
    [Fact]
    public void The_heatmap_colours_two_of_three_sessions_amber_not_the_target_green()
    {
        var svg = SvgCharts.Heatmap(new[] { "Rick" }, new[] { "W1", "W2" }, new[] { (System.Collections.Generic.IReadOnlyList<int>)new[] { 2, 3 } }, 3, "Sessions");

        var cells = svg.Split("<rect").Skip(1).ToList();
        cells.Single(c => c.Contains("2 sessions")).Should().NotContain("#2fa866").And.NotContain("#9bd3ae").And.NotContain("#1f8a4c");
        cells.Single(c => c.Contains("3 sessions")).Should().Contain("#2fa866");
    }

    [Fact]
    public void The_team_chart_axis_counts_whole_sessions()
    {
        var svg = SvgCharts.Columns(new[] { ("W1", 44.0), ("W2", 30.0) }, 40, "team target 40", "Sessions");

        svg.Should().NotContain(">37.5<").And.NotContain(">12.5<");
    }

    [Fact]
    public void The_week_by_week_heading_has_no_template_text()
    {
        using var folder = new PipelineFolder();
        var report = Path.Combine(folder.Write(), "out", "report.html");

        SimulateCommandTests.Coach("simulate", "--data", folder.Path, "--report", report).Exit.Should().Be(0);

        File.ReadAllText(report).Should().NotContain("{chartedNote}").And.Contain("<h3>Week by week");
    }

    // Finding 13: inputs are never overwritten, other files only with --force.
    [Fact]
    public void The_report_never_overwrites_an_input_file_even_with_force()
    {
        using var folder = new PipelineFolder();
        var input = Path.Combine(folder.Write(), "opportunities.csv");
        var before = File.ReadAllText(input);

        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "--data", folder.Path, "--report", input, "--force");

        exit.Should().Be(ExitCodes.OutputUnwritable);
        error.Should().Contain("that is an input file");
        File.ReadAllText(input).Should().Be(before);
    }

    [Fact]
    public void An_existing_report_or_sample_is_overwritten_only_with_force()
    {
        using var folder = new PipelineFolder();
        var report = Path.Combine(folder.Write(), "report.html");
        File.WriteAllText(report, "mine");

        SimulateCommandTests.Coach("simulate", "--data", folder.Path, "--report", report).Exit.Should().Be(ExitCodes.OutputUnwritable);
        File.ReadAllText(report).Should().Be("mine");
        SimulateCommandTests.Coach("simulate", "--data", folder.Path, "--report", report, "--force").Exit.Should().Be(0);
        File.ReadAllText(report).Should().StartWith("<!DOCTYPE html>");

        var users = File.ReadAllText(folder.File("users.csv"));
        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "sample", "--out", folder.Path, "--opportunities", "5");
        exit.Should().Be(ExitCodes.OutputUnwritable);
        error.Should().Contain("add --force");
        File.ReadAllText(folder.File("users.csv")).Should().Be(users);
    }

    // Finding 14: semicolons, --deal-size abc, a pac settings file.
    [Fact]
    public void A_semicolon_delimited_file_is_read()
    {
        using var folder = new PipelineFolder();
        folder.Write();
        File.WriteAllText(folder.File("users.csv"), string.Join("\n", folder.Users.Select(l => l.Replace(',', ';'))) + "\n");

        var data = PipelineLoader.Load(folder.Path);

        data.Users.Should().HaveCount(3);
        data.Notes.Should().Contain("users.csv: semicolon-delimited.");
    }

    [Fact]
    public void A_deal_size_that_is_not_a_number_is_a_clear_usage_error()
    {
        var (exit, _, error) = SimulateCommandTests.Coach("icp", "--deal-size", "abc");

        exit.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--deal-size: 'abc' is not an amount").And.NotContain("System.Decimal");
    }

    [Fact]
    public void A_pac_deployment_settings_file_is_named_as_such()
    {
        var path = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"EnvironmentVariables\":[{\"SchemaName\":\"coach_CoachingSettings\",\"Value\":\"\"}],\"ConnectionReferences\":[]}");

        var (exit, _, error) = SimulateCommandTests.Coach("simulate", "--settings", path);

        exit.Should().Be(ExitCodes.SettingsInvalid);
        error.Should().Contain("pac deployment settings file").And.NotContain("unknown setting");
    }

    // Finding 15: help lists sample; a long path is printed on one line.
    [Fact]
    public void Simulate_help_lists_the_sample_command()
    {
        var (_, output, _) = SimulateCommandTests.Coach("simulate", "--help");

        output.Should().MatchRegex(@"Commands:\s+sample\s+Generate a deterministic sample pipeline");
    }

    [Fact]
    public void The_report_path_is_printed_on_one_line_however_long()
    {
        using var folder = new PipelineFolder();
        var report = Path.Combine(folder.Write(), new string('d', 120), new string('e', 60), "report.html");

        var (_, output, _) = SimulateCommandTests.Coach("simulate", "--data", folder.Path, "--report", report);

        output.Split('\n').Should().Contain(l => l.TrimEnd('\r') == "HTML report: " + report);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
    }
}
