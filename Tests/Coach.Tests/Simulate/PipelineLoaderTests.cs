using Coaching.Core.Opportunities;
using System.IO;
using System.Linq;
using Coach.Simulation;

namespace Coach.Tests.Simulate;

/// <summary>
/// The CSV contract: a row that cannot be used is reported with its file, line and reason, skipped and counted;
/// only a missing file or a missing required column makes the input unusable.
/// </summary>
public sealed class PipelineLoaderTests
{
    [Fact]
    public void A_valid_folder_loads_every_row_without_issues()
    {
        using var folder = new PipelineFolder();

        var data = PipelineLoader.Load(folder.Write());

        data.Users.Should().HaveCount(3);
        data.Accounts.Should().HaveCount(2);
        data.Opportunities.Should().HaveCount(3);
        data.Events.Should().BeNull("there is no events.csv");
        data.Issues.Should().BeEmpty();
        data.Accounts[0].IndustryCode.Should().Be(33, "Wholesale is industrycode 33");
    }

    [Fact]
    public void An_opportunity_on_an_account_missing_from_accounts_csv_is_kept_with_the_account_made_and_reported()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities.Add($"O4,Ghost deal,Nowhere Ltd,{PipelineFolder.Rep},2026-07-04T09:00:00Z,1000,,Qualify,Open,,,,,");

        var data = PipelineLoader.Load(folder.Write());

        var issue = data.Issues.Should().ContainSingle().Subject;
        issue.Should().Match<InputIssue>(i => i.File == "opportunities.csv" && i.Line == 5 && i.Kept && i.Column == "account");
        issue.Reason.Should().Be("account 'Nowhere Ltd' is not in accounts.csv: created with nothing known");
        data.Opportunities.Select(o => o.Id).Should().BeEquivalentTo("O1", "O2", "O3", "O4");
        data.Accounts.Should().Contain(a => a.Name == "Nowhere Ltd" && a.Industry == null);
        data.SkippedIn("opportunities.csv").Should().Be(0);
    }

    [Fact]
    public void A_bad_creation_date_refuses_the_row_because_it_cannot_be_placed_in_time()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[2] = folder.Opportunities[2].Replace("2026-07-02T09:00:00Z", "02/07/2026");

        var data = PipelineLoader.Load(folder.Write());

        var issue = data.Issues.Should().ContainSingle().Subject;
        issue.File.Should().Be("opportunities.csv");
        issue.Line.Should().Be(3);
        issue.Kept.Should().BeFalse();
        issue.Reason.Should().Be("bad date in created_on: '02/07/2026' (expected ISO 8601, e.g. 2026-01-15 or 2026-01-15T09:30:00Z): the deal cannot be placed in time");
        data.Opportunities.Should().NotContain(o => o.Id == "O2");
    }

    [Fact]
    public void A_stage_that_does_not_map_keeps_the_deal_at_its_status_stage_and_says_how_to_map_it()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace(",Develop,", ",Haggling,");

        var data = PipelineLoader.Load(folder.Write());

        var issue = data.Issues.Should().ContainSingle().Subject;
        issue.Kept.Should().BeTrue();
        issue.Reason.Should().Be("unknown stage 'Haggling': kept at Qualify (expected Qualify, Develop, Propose, Close; map it with --map stage:Haggling=\"<label>\")");
        data.Opportunities.Single(o => o.Id == "O1").Stage.Should().Be(SalesStage.Qualify);
    }

    [Fact]
    public void A_negative_value_is_reported_and_the_row_kept_with_the_value_unknown()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",8000,", ",-8000,");

        var data = PipelineLoader.Load(folder.Write());

        data.Issues.Should().ContainSingle().Which.Reason.Should().Be("negative value in estimated_value: -8000 (must be 0 or more): kept as unknown");
        data.Opportunities.Should().HaveCount(3);
        data.Opportunities.Single(o => o.Id == "O2").EstimatedValue.Should().BeNull();
    }

    [Fact]
    public void Every_problem_of_a_kept_row_is_reported_in_its_own_column()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities.Add("O9,Broken,Nowhere Ltd,Nobody,2026-07-09,-1,,Negotiate,Pending,,,Sideways,,");

        var data = PipelineLoader.Load(folder.Write());

        data.Issues.Should().OnlyContain(i => i.Kept && i.Line == 5, string.Join(" | ", data.Issues));
        data.Issues.Select(i => i.Column).Should().BeEquivalentTo("account", "owner", "estimated_value", "status", "buyer_stage");
        var deal = data.Opportunities.Single(o => o.Id == "O9");
        deal.Stage.Should().Be(SalesStage.Close, "Negotiate is a synonym of Close");
        deal.Status.Should().Be(OpportunityState.Open);
        data.Users.Should().Contain(u => u.Name == "Nobody" && u.Role == UserRole.Rep);
    }

    [Fact]
    public void Rows_that_refer_to_a_refused_row_say_which_line_was_refused()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[2] = folder.Opportunities[2].Replace("2026-07-02T09:00:00Z", "yesterday");
        folder.WithEvents("2026-07-05T10:00:00Z,O2,goal_set,Ask for the owner");

        var data = PipelineLoader.Load(folder.Write());

        data.Issues.Select(i => i.ToString()).Should().Equal(
            "opportunities.csv:3: bad date in created_on: 'yesterday' (expected ISO 8601, e.g. 2026-01-15 or 2026-01-15T09:30:00Z): the deal cannot be placed in time",
            "events.csv:2: unknown opportunity 'O2' (opportunities.csv line 3 was skipped)");
    }

    [Fact]
    public void Each_bad_event_row_is_reported_with_its_line()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents(
            "2026-07-05T10:00:00Z,O1,goal_set,Agree the pilot scope",
            "2026-07-05T10:00:00Z,O404,goal_set,Who?",
            "not-a-date,O1,goal_set,When?",
            "2026-07-06T10:00:00Z,O1,teleport,Mars",
            "2026-07-06T11:00:00Z,O1,stage_change,Haggle",
            "2026-07-06T12:00:00Z,O1,interaction_scheduled,next tuesday",
            "2026-06-01T10:00:00Z,O1,goal_set,Before it existed");

        var data = PipelineLoader.Load(folder.Write());

        data.Events.Should().ContainSingle().Which.Line.Should().Be(2);
        data.Issues.Select(i => (i.File, i.Line)).Should().Equal(
            ("events.csv", 3), ("events.csv", 4), ("events.csv", 5), ("events.csv", 6), ("events.csv", 7), ("events.csv", 8));
        data.Issues[0].Reason.Should().Be("unknown opportunity 'O404' (not in opportunities.csv)");
        data.Issues[1].Reason.Should().StartWith("bad date in timestamp: 'not-a-date'");
        data.Issues[2].Reason.Should().StartWith("unknown kind 'teleport' (expected stage_change, goal_set");
        data.Issues[3].Reason.Should().Be("unknown stage 'Haggle' (expected Qualify, Develop, Propose, Close)");
        data.Issues[4].Reason.Should().StartWith("bad date in value: 'next tuesday'");
        data.Issues[5].Reason.Should().Be("timestamp 2026-06-01T10:00:00Z is before the opportunity was created (2026-07-01T09:00:00Z)");
    }

    [Fact]
    public void Line_numbers_count_physical_lines_so_a_quoted_multi_line_cell_does_not_shift_them()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace(",Expansion,", ",\"Expansion\nafter a merger\",");
        folder.Opportunities[2] = folder.Opportunities[2].Replace(",Qualify,", ",Nowhere,");

        var data = PipelineLoader.Load(folder.Write());

        data.Opportunities.Single(o => o.Id == "O1").BuyingTrigger.Should().Be("Expansion\nafter a merger");
        data.Issues.Should().ContainSingle().Which.Line.Should().Be(4, "O1 spans lines 2 and 3");
    }

    [Fact]
    public void Unknown_columns_are_ignored_and_column_names_match_regardless_of_case_and_order()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[0] = "Country,Notes,NAME,industry,employees,annual_revenue";
        folder.Accounts[1] = "United States,key account,Acme Wholesale,Wholesale,800,50000000";
        folder.Accounts[2] = "Spain,,Tiny Cafe,Eating and Drinking Places,12,900000";

        var data = PipelineLoader.Load(folder.Write());

        data.Issues.Should().BeEmpty();
        data.Accounts[0].Should().Be(new AccountRow("Acme Wholesale", "Wholesale", 33, 800, 50000000m, "United States", 2));
    }

    [Fact]
    public void An_absent_optional_column_is_named_in_a_note_rather_than_dropped_silently()
    {
        using var folder = new PipelineFolder();
        folder.Accounts[0] = "name,industry,employees,country";
        folder.Accounts[1] = "Acme Wholesale,Wholesale,800,United States";
        folder.Accounts[2] = "Tiny Cafe,Eating and Drinking Places,12,Spain";

        var data = PipelineLoader.Load(folder.Write());

        data.Issues.Should().BeEmpty();
        data.Notes.Should().Contain("accounts.csv has no annual_revenue column: treated as not captured for every row.");
    }

    [Fact]
    public void A_missing_required_column_makes_the_input_unusable_and_names_the_column()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[0] = folder.Opportunities[0].Replace("owner,", "seller,");

        var act = () => PipelineLoader.Load(folder.Write());

        act.Should().Throw<InputUnusableException>().WithMessage("opportunities.csv: missing required column owner (the header has: id, name, account, seller, *");
    }

    [Fact]
    public void A_missing_file_makes_the_input_unusable_and_names_the_file()
    {
        using var folder = new PipelineFolder();
        File.Delete(Path.Combine(folder.Write(), "users.csv"));

        var act = () => PipelineLoader.Load(folder.Path);

        act.Should().Throw<InputUnusableException>().WithMessage("*users.csv: file not found.");
    }

    [Fact]
    public void A_missing_data_folder_makes_the_input_unusable()
    {
        var act = () => PipelineLoader.Load("/no/such/folder");

        act.Should().Throw<InputUnusableException>().WithMessage("/no/such/folder: data folder not found*");
    }
}
