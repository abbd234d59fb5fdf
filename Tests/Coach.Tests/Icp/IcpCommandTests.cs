using System;
using System.IO;
using System.Linq;
using Coach.Commands;
using Coach.Icp;
using Coach.Tests.Simulate;
using Coaching.Core.Icp;
using Coaching.Core.Settings;

namespace Coach.Tests.Icp;

/// <summary><c>coach icp</c>: accounts scored with the product's ICP rule against a settings file.</summary>
public sealed class IcpCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));

    public IcpCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private string Accounts() => Write("accounts.csv",
        "name,industry,employees,annual_revenue,country",
        "Acme Wholesale,Wholesale,800,50000000,United States",
        "Tiny Cafe,Eating and Drinking Places,12,900000,Spain",
        "Mystery Co,,,,Germany");

    [Fact]
    public void The_table_of_every_account_reaches_the_output_in_a_few_writes_not_one_per_cell()
    {
        var output = new CountingWriter();
        var root = new System.CommandLine.RootCommand { IcpCommand.Create() };
        var exit = root.Parse(new[] { "icp", "--accounts", Accounts(), "--all" })
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });

        exit.Should().Be(0);
        output.ToString().Should().Contain("Acme Wholesale").And.Contain("Mystery Co");
        output.Writes.Should().BeLessThan(20, "the report is held and written at once");
    }

    [Fact]
    public void Without_a_deal_size_the_score_is_the_accounts_own_fit()
    {
        var result = IcpScoring.Score(Accounts(), CoachingSettings.Default, dealSize: null);

        result.AccountFitOnly.Should().BeTrue();
        result.Settings.Weights.DealSize.Should().Be(0);
        result.Accounts.Select(a => (a.Account.Name, a.Fit.Score, a.Fit.Band)).Should().Equal(
            ("Acme Wholesale", 100, IcpFitBand.Strong),
            ("Tiny Cafe", 0, IcpFitBand.Poor),
            ("Mystery Co", null, IcpFitBand.Unknown));
        result.Accounts[1].Misses.Should().HaveCount(4);
    }

    [Fact]
    public void A_deal_size_scores_the_deal_size_criterion_too()
    {
        var result = IcpScoring.Score(Accounts(), CoachingSettings.Default, dealSize: 10000m);

        result.AccountFitOnly.Should().BeFalse();
        result.Accounts[0].Fit.Score.Should().Be(80, "everything but the deal size (20 points) fits");
        result.Accounts[0].Misses.Should().ContainSingle().Which.Should().StartWith("Deal size: 10,000 is below the minimum 25,000");
    }

    [Fact]
    public void A_deal_size_column_wins_over_the_option_and_a_bad_one_is_reported_with_its_line()
    {
        var path = Write("deals.csv",
            "name,industry,employees,annual_revenue,country,deal_size",
            "Acme Wholesale,Wholesale,800,50000000,United States,30000",
            "Tiny Cafe,Eating and Drinking Places,12,900000,Spain,-3");

        var result = IcpScoring.Score(path, CoachingSettings.Default, dealSize: 1m);

        result.Accounts.Should().HaveCount(2, "a bad deal_size leaves that account's deal size to --deal-size, the account is still scored");
        result.Accounts.Single(a => a.Account.Name == "Acme Wholesale").Fit.Score.Should().Be(100);
        result.Accounts.Single(a => a.Account.Name == "Tiny Cafe").DealSize.Should().Be(1m);
        result.Issues.Should().ContainSingle().Which.ToString().Should().Be("deals.csv:3: negative value in deal_size: -3 (must be 0 or more): kept as unknown");
    }

    [Fact]
    public void The_command_prints_bands_misses_and_accounts_and_exits_0()
    {
        var (exit, output, error) = SimulateCommandTests.Coach("icp", "--accounts", Accounts());

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().Contain("not scored: no --deal-size and no deal_size column");
        output.Should().Contain("Most often missed");
        output.Should().Contain("Acme Wholesale").And.Contain("Tiny Cafe").And.Contain("Mystery Co");
    }

    [Fact]
    public void The_command_scores_against_a_settings_file()
    {
        var settings = Write("settings.json", "{ \"icp\": { \"industries\": [\"Eating and Drinking Places\"], \"countries\": [\"Spain\"], \"employeeRange\": { \"min\": 1, \"max\": 50 }, \"revenueRange\": { \"min\": 0, \"max\": 1000000 } } }");
        var csv = Path.Combine(_folder, "scores.csv");

        var (exit, output, _) = SimulateCommandTests.Coach("icp", "--accounts", Accounts(), "--settings", settings, "--csv", csv);

        exit.Should().Be(0);
        output.Should().MatchRegex("Settings +" + System.Text.RegularExpressions.Regex.Escape(settings));
        var lines = File.ReadAllLines(csv);
        lines[0].Should().Be("name,industry,employees,annual_revenue,country,deal_size,score,band,reasons");
        lines[1].Should().StartWith("Tiny Cafe,Eating and Drinking Places,12,900000,Spain,,100,Strong,");
    }

    [Fact]
    public void The_bundled_sample_accounts_are_scored_by_default()
    {
        var (exit, output, _) = SimulateCommandTests.Coach("icp");

        exit.Should().Be(0);
        output.Should().Contain("bundled sample accounts.csv");
        output.Should().Contain("accounts in the middle not shown");
    }

    [Fact]
    public void A_malformed_settings_file_gives_the_path_precise_error_and_exit_3()
    {
        var settings = Write("bad.json", "{ \"icp\": { \"bands\": { \"strong\": 30, \"partial\": 60 } } }");

        var (exit, output, error) = SimulateCommandTests.Coach("icp", "--accounts", Accounts(), "--settings", settings);

        exit.Should().Be(ExitCodes.SettingsInvalid);
        output.Should().BeEmpty();
        error.Should().Contain(settings + ": coach_CoachingSettings: icp.bands: expected partial to be below strong, found partial 60 and strong 30");
    }

    [Fact]
    public void A_missing_accounts_file_exits_2()
    {
        var (exit, _, error) = SimulateCommandTests.Coach("icp", "--accounts", Path.Combine(_folder, "none.csv"));

        exit.Should().Be(ExitCodes.InputUnusable);
        error.Should().Contain("none.csv: file not found.");
    }

    [Fact]
    public void A_missing_name_column_exits_2()
    {
        var path = Write("nameless.csv", "industry,employees", "Wholesale,800");

        var (exit, _, error) = SimulateCommandTests.Coach("icp", "--accounts", path);

        exit.Should().Be(ExitCodes.InputUnusable);
        error.Should().Contain("nameless.csv: missing required column name");
    }
}
