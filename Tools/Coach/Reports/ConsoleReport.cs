using System;
using System.Globalization;
using System.Linq;
using Coach.Simulation;
using Spectre.Console;

namespace Coach.Reports;

/// <summary>The simulation on screen: the four sections as tables, then what was skipped and why.</summary>
public static class ConsoleReport
{
    public const string AgendaTitle = "1. Pipeline meeting agenda";
    public const string RepsTitle = "2. Coaching per rep";
    public const string BlockedTitle = "3. Stage moves the gate blocked";
    public const string IcpTitle = "4. ICP distribution";

    /// <summary>Deals per manager, blocked moves and skipped rows shown before "… and N more".</summary>
    public const int AgendaShown = 8;
    public const int BlockedShown = 12;
    public const int IssuesShown = 15;

    /// <summary>Lines shown per group of input issues without --verbose.</summary>
    public const int IssuesPerGroup = 3;

    public static void Render(IAnsiConsole console, SimulationResult r, bool verbose = false)
    {
        Header(console, r);
        Agenda(console, r);
        Reps(console, r);
        Blocked(console, r);
        Icp(console, r);
        Input(console, r, verbose);
    }

    private static void Header(IAnsiConsole console, SimulationResult r)
    {
        var s = r.Summary;
        console.Write(new Rule("[bold]Coaching simulation[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        grid.AddRow("[grey]Data[/]", Markup.Escape(r.DataSource));
        grid.AddRow("[grey]Settings[/]", Markup.Escape(r.SettingsSource));
        grid.AddRow("[grey]Period[/]", Markup.Escape(ReportText.Period(r)));
        grid.AddRow("[grey]Pipeline[/]", $"{s.Opportunities:N0} deals ({s.OpenOpportunities:N0} open, {s.Won:N0} won, {s.Lost:N0} lost), {s.Reps} reps, {s.Managers} managers, {s.Accounts:N0} accounts");
        grid.AddRow("[grey]Replayed[/]",
            $"{s.EventsReplayed:N0} events in {ReportText.Seconds(s.ReplayTime)}: {s.EventsApplied:N0} applied, " +
            $"[red]{s.EventsBlocked:N0} blocked[/] by the stage gate, {s.EventsRefused:N0} refused otherwise, {s.EventsSkipped:N0} skipped");
        grid.AddRow("[grey]Input[/]", InputLine(r));
        console.Write(grid);
        foreach (var warning in r.Warnings) console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(warning)}");
        console.WriteLine();
    }

    private static void Agenda(IAnsiConsole console, SimulationResult r)
    {
        Section(console, AgendaTitle, $"{r.AgendaCount:N0} early-stage deals flagged for review, in coaching priority");
        foreach (var agenda in r.Agendas)
        {
            var value = agenda.Items.Sum(i => i.EstimatedValue ?? 0m);
            console.MarkupLine($"[bold]{Markup.Escape(agenda.Manager)}[/] [grey]· {ReportText.Count(agenda.Items.Count, "deal", "deals")} · {ReportText.ShortMoney(value)}[/]");
            if (agenda.Items.Count == 0)
            {
                console.MarkupLine("  [grey]Nothing flagged.[/]");
                continue;
            }

            var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
                .AddColumn(new TableColumn("#").RightAligned())
                .AddColumn("Deal")
                .AddColumn("Rep")
                .AddColumn("Stage")
                .AddColumn(new TableColumn("Value").RightAligned())
                .AddColumn("ICP")
                .AddColumn("Why (review reasons)")
                .AddColumn("Next interaction");
            foreach (var item in agenda.Items.Take(AgendaShown))
            {
                table.AddRow(
                    item.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(item.Opportunity) + (item.FlaggedOnlyByTime ? " [grey](time only)[/]" : string.Empty),
                    Markup.Escape(item.Rep),
                    item.Stage,
                    ReportText.Money(item.EstimatedValue),
                    $"[{BandColor(item.IcpBand)}]{Markup.Escape(item.IcpBand ?? "–")}{(item.IcpScore.HasValue ? " " + item.IcpScore.Value : "")}[/]",
                    string.Join(", ", item.Reasons.Select(x => Markup.Escape(ReportText.ReasonTag(x)))),
                    item.NextInteractionDate.HasValue
                        ? ReportText.Date(item.NextInteractionDate) + (string.IsNullOrWhiteSpace(item.NextInteractionGoal) ? " [red](no goal)[/]" : "")
                        : "[red]none[/]");
            }

            console.Write(table);
            var byTime = agenda.Items.Where(i => i.FlaggedOnlyByTime).ToList();
            if (byTime.Count > 0)
            {
                console.MarkupLine($"  [grey]Flagged by time-based reasons only: {byTime.Count:N0}, e.g. {Markup.Escape(string.Join("; ", byTime.Take(3).Select(i => i.Opportunity + " (" + string.Join(", ", i.Reasons.Select(ReportText.ReasonTag)) + ")")))}[/]");
            }

            if (agenda.Items.Count > AgendaShown) console.MarkupLine($"  [grey]… and {agenda.Items.Count - AgendaShown:N0} more (all in the HTML report)[/]");
        }

        console.MarkupLine($"[grey]{Markup.Escape(ReportText.TimeBasedLegend(r.Agendas.SelectMany(a => a.Items)))}[/]");
        console.MarkupLine($"[grey]Source: {Markup.Escape(r.AgendaSource)}[/]");
        console.WriteLine();
    }

    private static void Reps(IAnsiConsole console, SimulationResult r)
    {
        Section(console, RepsTitle, $"sessions opened, coaching tasks, and cadence against {r.CadenceTarget} sessions a week");
        var showHeld = r.Reps.Any(x => x.Held > 0);
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("Rep")
            .AddColumn("Manager")
            .AddColumn(new TableColumn("Open deals").RightAligned())
            .AddColumn(new TableColumn("Sessions").RightAligned())
            .AddColumn(new TableColumn("Stage/flag").RightAligned())
            .AddColumn(new TableColumn("Prep (open)").RightAligned())
            .AddColumn(new TableColumn("Actions").RightAligned())
            .AddColumn(new TableColumn("Reflections").RightAligned())
            .AddColumn(new TableColumn($"Per week vs {r.CadenceTarget}").NoWrap())
            .AddColumn(new TableColumn("At target").RightAligned());
        if (showHeld) table.AddColumn(new TableColumn("Held").RightAligned());
        foreach (var x in r.Reps)
        {
            var colour = x.MeetsTarget ? "green" : "yellow";
            var cells = new System.Collections.Generic.List<string>
            {
                Markup.Escape(x.Rep),
                Markup.Escape(x.Manager ?? "–"),
                x.OpenDeals.ToString(CultureInfo.InvariantCulture),
                x.SessionsCreated.ToString(CultureInfo.InvariantCulture),
                $"{x.SessionsFromStageChange}/{x.SessionsFromReviewFlag}",
                $"{x.PrepTasks} ({x.PrepTasksOpen})",
                x.ActionTasks.ToString(CultureInfo.InvariantCulture),
                x.ReflectionTasks.ToString(CultureInfo.InvariantCulture),
                $"[{colour}]{Gauge(x.AveragePerWeek, x.Target)} {ReportText.Number(x.AveragePerWeek),4}[/]",
                $"{x.WeeksAtTarget}/{r.Weeks.Count} wk",
            };
            if (showHeld) cells.Add(x.Held.ToString(CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.MarkupLine($"[grey]Cadence: {Markup.Escape(r.CadenceSource)}; weeks start on Monday (UTC).[/]");
        console.WriteLine();
    }

    private static void Blocked(IAnsiConsole console, SimulationResult r)
    {
        var moves = r.BlockedMoves;
        Section(console, BlockedTitle, $"{moves.Count:N0} forward move(s) refused until the next interaction had a goal and a future date");
        if (moves.Count == 0)
        {
            console.MarkupLine("[green]None: every forward move had a goal and a future next interaction.[/]");
            console.WriteLine();
            return;
        }

        console.MarkupLine(string.Join("  ", ReportText.BlockKinds(moves).Select(k => $"[grey]{Markup.Escape(k.Kind)}:[/] {k.Count:N0}")));
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("When")
            .AddColumn("Deal")
            .AddColumn("Rep")
            .AddColumn("Move")
            .AddColumn("What the rep saw");
        foreach (var m in moves.Take(BlockedShown))
        {
            table.AddRow(ReportText.DateTime(m.Time), Markup.Escape(m.Opportunity), Markup.Escape(m.Rep), $"{m.From} → {m.To}", $"[red]{Markup.Escape(m.Message)}[/]");
        }

        console.Write(table);
        if (moves.Count > BlockedShown) console.MarkupLine($"  [grey]… and {moves.Count - BlockedShown:N0} more (all in the HTML report)[/]");
        console.WriteLine();
    }

    private static void Icp(IAnsiConsole console, SimulationResult r)
    {
        var icp = r.Icp;
        Section(console, IcpTitle, $"fit of the {icp.Total:N0} deals of the period, and the criteria they miss most");
        var bands = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("Band")
            .AddColumn(new TableColumn("Deals").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn("")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn(new TableColumn("Win rate").RightAligned());
        foreach (var b in icp.Bands)
        {
            var share = icp.Total == 0 ? 0 : (double)b.Count / icp.Total;
            bands.AddRow(
                $"[{BandColor(b.Band)}]{b.Band}[/]",
                b.Count.ToString("N0", CultureInfo.InvariantCulture),
                share.ToString("0%", CultureInfo.InvariantCulture),
                $"[{BandColor(b.Band)}]{new string('█', (int)Math.Round(share * 30))}[/]",
                ReportText.Money(b.Value),
                b.WinRate.HasValue ? $"{b.WinRate.Value:0%} of {b.Won + b.Lost}" : "–");
        }

        console.Write(bands);
        var criteria = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("Most often missed")
            .AddColumn(new TableColumn("Missed").RightAligned())
            .AddColumn(new TableColumn("Unknown").RightAligned())
            .AddColumn(new TableColumn("Met").RightAligned());
        foreach (var c in icp.Criteria)
        {
            criteria.AddRow(Markup.Escape(c.Criterion), c.Missed.ToString("N0", CultureInfo.InvariantCulture), c.Unknown.ToString("N0", CultureInfo.InvariantCulture), c.Met.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(criteria);
        console.WriteLine();
    }

    private static void Input(IAnsiConsole console, SimulationResult r, bool verbose)
    {
        foreach (var note in r.Notes) console.MarkupLine($"[grey]Note: {Markup.Escape(note)}[/]");
        if (r.Refused.Count > 0)
        {
            console.MarkupLine($"[yellow]{r.Refused.Count:N0} operation(s) refused by the platform (not stage-gate blocks):[/]");
            foreach (var x in r.Refused.Take(verbose ? int.MaxValue : IssuesShown))
            {
                console.MarkupLine($"  {Markup.Escape(x.Source)}: {Markup.Escape(x.Kind)} on '{Markup.Escape(x.Opportunity)}': {Markup.Escape(x.Message)}");
            }
        }

        if (r.Issues.Count == 0) return;
        var groups = InputIssueGroup.Of(r.Issues);
        console.MarkupLine($"[yellow]Input issues: {r.Issues.Count:N0} in {groups.Count:N0} group(s), by file, reason and column[/] [grey](first lines of each; --verbose lists all)[/]");
        foreach (var file in groups.GroupBy(g => g.File))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(file.Key)}[/]");
            foreach (var group in file)
            {
                console.MarkupLine($"    [{(group.Kept ? "grey" : "yellow")}]{group.Count,6:N0} × {Markup.Escape(group.Title)}[/]");
                foreach (var issue in group.Issues.Take(verbose ? int.MaxValue : IssuesPerGroup))
                {
                    console.MarkupLine($"             line {issue.Line}: {Markup.Escape(issue.Reason)}");
                }

                if (!verbose && group.Count > IssuesPerGroup) console.MarkupLine($"             [grey]… and {group.Count - IssuesPerGroup:N0} more[/]");
            }
        }
    }

    /// <summary>"all rows used" or rows read, kept (with unknown cells) and refused.</summary>
    public static string InputLine(SimulationResult r)
    {
        var counts = r.InputCounts;
        if (r.Issues.Count == 0) return counts == null ? "all rows used" : $"all rows used ({counts.Read:N0} rows read)";
        return counts == null
            ? $"[yellow]{r.Issues.Count:N0} issue(s)[/] (listed at the end)"
            : $"{Markup.Escape(counts.ToString())}{(r.Summary.EventsSkipped > 0 ? $", {r.Summary.EventsSkipped:N0} event(s) not applied" : "")} [grey](issues listed at the end)[/]";
    }

    private static void Section(IAnsiConsole console, string title, string subtitle)
    {
        console.Write(new Rule($"[bold blue]{Markup.Escape(title)}[/] [grey]· {Markup.Escape(subtitle)}[/]").LeftJustified().RuleStyle("grey35"));
    }

    private static string Gauge(double value, int target)
    {
        const int width = 10;
        var filled = target <= 0 ? width : (int)Math.Round(Math.Min(1.0, value / target) * width);
        return new string('█', filled) + new string('░', width - filled);
    }

    private static string BandColor(string? band) => band switch
    {
        "Strong" => "green",
        "Partial" => "yellow",
        "Poor" => "red",
        _ => "grey",
    };
}
