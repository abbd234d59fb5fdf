using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Coach.Reports;
using Coach.Simulation;

namespace Coach.Tests.Simulate;

/// <summary>The HTML report: valid HTML with the four sections, the agenda per manager, and charts as inline SVG.</summary>
public sealed class HtmlReportTests
{
    private static (SimulationResult Result, IDocument Page) Simulated(PipelineFolder folder)
    {
        var data = PipelineLoader.Load(folder.Write());
        var result = Simulator.Run(new SimulationOptions { DataFolder = "test data" }, data);
        return (result, new HtmlParser().ParseDocument(HtmlReport.Render(result)));
    }

    [Fact]
    public void The_page_parses_and_has_the_four_sections_in_order()
    {
        using var folder = new PipelineFolder();

        var (_, page) = Simulated(folder);

        page.Title.Should().StartWith("Coaching simulation");
        page.QuerySelectorAll("main > section").Select(s => s.Id).Should().Equal("agenda", "reps", "blocked", "icp", "input");
        page.QuerySelectorAll("h2").Select(h => h.TextContent).Take(4).Should().Equal(
            "1Pipeline meeting agenda", "2Coaching per rep", "3Stage moves the gate blocked", "4ICP fit");
    }

    [Fact]
    public void The_agenda_lists_each_managers_flagged_deals_with_their_reasons()
    {
        using var folder = new PipelineFolder();

        var (result, page) = Simulated(folder);

        var manager = page.QuerySelectorAll("#agenda article.manager").Should().ContainSingle().Subject;
        manager.QuerySelector("h3")!.TextContent.Should().Be(PipelineFolder.Manager);
        var items = manager.QuerySelectorAll("ol.agenda > li.item");
        items.Length.Should().Be(result.Agendas.Single().Items.Count).And.BeGreaterThan(0);
        var first = result.Agendas.Single().Items[0];
        items[0].QuerySelector(".title")!.TextContent.Should().Contain(first.Opportunity);
        items[0].QuerySelectorAll("ul.reasons > li").Length.Should().Be(first.Reasons.Count);
    }

    [Fact]
    public void Charts_are_inline_svg_with_titles_and_nothing_is_loaded_from_elsewhere()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents("2026-07-03T10:00:00Z,O1,stage_change,Propose");

        var (_, page) = Simulated(folder);

        var charts = page.QuerySelectorAll("svg.chart");
        charts.Length.Should().BeGreaterThanOrEqualTo(7);
        charts.Should().OnlyContain(svg => svg.GetAttribute("role") == "img" && !string.IsNullOrEmpty(svg.GetAttribute("aria-label")));
        page.QuerySelectorAll("#reps svg.heatmap").Should().ContainSingle();
        page.QuerySelectorAll("#icp svg.donut").Should().ContainSingle();
        page.QuerySelectorAll("#blocked svg").Should().HaveCount(2, "blocked moves by rep and what they lacked");
        page.QuerySelectorAll("script, link, img, iframe, object").Should().BeEmpty();
        page.QuerySelectorAll("style").Should().ContainSingle();
        page.DocumentElement.OuterHtml.Should().NotContain("http://www.w3.org/1999/xlink").And.NotContain("https://");
    }

    [Fact]
    public void Blocked_moves_show_the_message_the_rep_saw()
    {
        using var folder = new PipelineFolder();
        folder.WithEvents("2026-07-03T10:00:00Z,O1,stage_change,Propose");

        var (result, page) = Simulated(folder);

        page.QuerySelectorAll("#blocked table.blocked blockquote").Select(b => b.TextContent).Should()
            .Equal(result.BlockedMoves.Select(m => m.Message));
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities[1] = folder.Opportunities[1].Replace("Acme rollout", "<b>Acme</b> & co");

        var (_, page) = Simulated(folder);

        page.QuerySelectorAll("#agenda b").Should().BeEmpty();
        page.QuerySelector("#agenda")!.TextContent.Should().Contain("<b>Acme</b> & co");
    }

    [Fact]
    public void Skipped_rows_appear_with_file_line_and_reason()
    {
        using var folder = new PipelineFolder();
        folder.Opportunities.Add($"O4,Ghost deal,Nowhere Ltd,{PipelineFolder.Rep},2026-07-04T09:00:00Z,1000,,Qualify,Open,,,,,");

        var (_, page) = Simulated(folder);

        var row = page.QuerySelectorAll("#input table.issues tbody tr").Should().ContainSingle().Subject;
        row.QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal(
            "opportunities.csv", "1", "kept", "account", "account not in accounts.csv: created with nothing known", "5: account 'Nowhere Ltd' is not in accounts.csv: created with nothing known");
    }
}
