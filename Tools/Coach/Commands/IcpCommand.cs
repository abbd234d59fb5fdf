using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Coach.Icp;
using Coach.Reports;
using Coach.Simulation;
using Coaching.Core.Icp;
using Coaching.Core.Settings;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// <c>coach icp [--accounts FILE] [--settings FILE] [--deal-size N] [--csv FILE]</c>: scores accounts against the
/// Ideal Customer Profile with the product's rule, so an admin can try settings before changing the environment.
/// </summary>
public static class IcpCommand
{
    public static string DefaultAccounts => Path.Combine(AppContext.BaseDirectory, "Sample", PipelineData.AccountsFile);

    public static Command Create()
    {
        var accounts = new Option<FileInfo?>("--accounts")
        {
            Description = "Accounts CSV: name, industry, employees, annual_revenue, country, and optionally deal_size (default: the bundled sample's accounts.csv).",
            HelpName = "FILE",
        };
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "Settings JSON as for coach_CoachingSettings (default: the solution's default value).",
            HelpName = "FILE",
        };
        var dealSize = new Option<string?>("--deal-size")
        {
            Description = "Deal size to score every account with (a deal_size column wins). Without either, deal size is left out and the score is the account's own fit.",
            HelpName = "N",
        };
        var csv = new Option<FileInfo?>("--csv")
        {
            Description = "Also write the scores (with every reason) to this CSV file.",
            HelpName = "FILE",
        };
        var all = new Option<bool>("--all") { Description = "List every account (default: the 25 best and the 10 worst)." };
        var culture = InputOptions.Culture();
        var map = InputOptions.Map();
        var force = InputOptions.Force();

        var command = new Command("icp", "Score accounts from a CSV against the ICP settings, with one reason per criterion, the band distribution and the criteria most often missed. " + ExitCodes.Help)
        {
            accounts, settings, dealSize, csv, all, culture, map, force,
        };
        command.SetAction(parseResult =>
        {
            if (!InputOptions.TryLoadOptions(parseResult.GetValue(culture), parseResult.GetValue(map), out var loadOptions, out var problem))
            {
                CommandConsole.Error(parseResult, problem!);
                return ExitCodes.Usage;
            }

            var dealSizeText = parseResult.GetValue(dealSize);
            decimal? size = null;
            if (dealSizeText != null)
            {
                if (!InputValues.TryAmount(dealSizeText, out var parsed))
                {
                    CommandConsole.Error(parseResult, $"--deal-size: '{dealSizeText}' is not an amount (e.g. 25000 or 25,000.50).");
                    return ExitCodes.Usage;
                }

                size = parsed;
            }

            return Run(
                parseResult,
                parseResult.GetValue(accounts)?.FullName,
                parseResult.GetValue(settings)?.FullName,
                size,
                parseResult.GetValue(csv)?.FullName,
                parseResult.GetValue(all),
                loadOptions,
                parseResult.GetValue(force));
        });
        return command;
    }

    private static int Run(ParseResult parseResult, string? accountsPath, string? settingsPath, decimal? dealSize, string? csvPath, bool all, LoadOptions loadOptions, bool force)
    {
        var console = CommandConsole.For(parseResult);
        if (dealSize is < 0 or > InputValues.MoneyMax)
        {
            CommandConsole.Error(parseResult, $"--deal-size must be between 0 and {InputValues.MoneyMax.ToString("N0", CultureInfo.InvariantCulture)}, not {dealSize.Value.ToString(CultureInfo.InvariantCulture)}.");
            return ExitCodes.Usage;
        }

        var inputs = new[] { accountsPath ?? DefaultAccounts, settingsPath }.Where(p => p != null).Select(p => p!).ToList();
        if (csvPath != null && !InputOptions.CanWrite("--csv", csvPath, force, inputs, out var unwritable))
        {
            CommandConsole.Error(parseResult, unwritable!);
            return ExitCodes.OutputUnwritable;
        }

        CoachingSettings settings;
        try
        {
            settings = settingsPath == null ? CoachingSettingsParser.Parse(CoachingSettings.DefaultJson) : SettingsFile.Load(settingsPath).Settings;
        }
        catch (SettingsFileException e)
        {
            CommandConsole.Error(parseResult, e.Message);
            return ExitCodes.SettingsInvalid;
        }

        IcpScoringResult result;
        try
        {
            result = IcpScoring.Score(accountsPath ?? DefaultAccounts, settings, dealSize, loadOptions);
        }
        catch (InputUnusableException e)
        {
            CommandConsole.Error(parseResult, e.Message);
            return ExitCodes.InputUnusable;
        }

        using (CommandConsole.Buffered(console)) Render(console, result, accountsPath ?? "bundled sample accounts.csv", settingsPath ?? "solution default", dealSize, all);
        if (csvPath != null)
        {
            if (!InputOptions.TryWrite("--csv", csvPath, path => IcpScoring.WriteCsv(result, path), out var writeProblem))
            {
                CommandConsole.Error(parseResult, writeProblem!);
                return ExitCodes.OutputUnwritable;
            }

            CommandConsole.Unwrapped(console, "Scores written to " + csvPath);
        }

        if (result.Accounts.Count == 0)
        {
            CommandConsole.Error(parseResult, "no usable account in the file; nothing was scored.");
            return ExitCodes.InputUnusable;
        }

        return ExitCodes.Ok;
    }

    public static void Render(IAnsiConsole console, IcpScoringResult result, string source, string settingsSource, decimal? dealSize, bool all)
    {
        var icp = result.Settings;
        console.Write(new Rule("[bold]ICP fit[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        grid.AddRow("[grey]Accounts[/]", Markup.Escape(source));
        grid.AddRow("[grey]Settings[/]", Markup.Escape(settingsSource));
        grid.AddRow("[grey]Weights[/]", $"industry {icp.Weights.Industry}, employees {icp.Weights.Employees}, revenue {icp.Weights.Revenue}, country {icp.Weights.Country}, deal size {icp.Weights.DealSize}; " +
                                        $"Strong ≥ {icp.Bands.Strong}, Partial ≥ {icp.Bands.Partial}");
        grid.AddRow("[grey]Deal size[/]", result.AccountFitOnly
            ? "not scored: no --deal-size and no deal_size column, so the score is the account's own fit"
            : dealSize.HasValue ? $"{ReportText.Money(dealSize)} for every account without its own deal_size" : "from the deal_size column");
        console.Write(grid);
        console.WriteLine();

        var total = result.Accounts.Count;
        var bands = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("Band").AddColumn(new TableColumn("Accounts").RightAligned()).AddColumn(new TableColumn("Share").RightAligned()).AddColumn("");
        foreach (var band in new[] { IcpFitBand.Strong, IcpFitBand.Partial, IcpFitBand.Poor, IcpFitBand.Unknown })
        {
            var count = result.Count(band);
            var share = total == 0 ? 0 : (double)count / total;
            bands.AddRow($"[{Colour(band)}]{band}[/]", count.ToString(CultureInfo.InvariantCulture), share.ToString("0%", CultureInfo.InvariantCulture), $"[{Colour(band)}]{new string('█', (int)Math.Round(share * 30))}[/]");
        }

        console.Write(bands);

        var missed = result.MostMissed();
        if (missed.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
                .AddColumn("Most often missed").AddColumn(new TableColumn("Missed").RightAligned()).AddColumn(new TableColumn("Unknown").RightAligned());
            foreach (var (criterion, count, unknown) in missed) table.AddRow(Markup.Escape(criterion), count.ToString(CultureInfo.InvariantCulture), unknown.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
        }

        var accounts = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey35)
            .AddColumn("Account").AddColumn("Industry").AddColumn(new TableColumn("Employees").RightAligned()).AddColumn(new TableColumn("Revenue").RightAligned())
            .AddColumn("Country").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Band").AddColumn("Missed");
        var shown = all || total <= 35 ? result.Accounts : result.Accounts.Take(25).Concat(result.Accounts.Skip(total - 10)).ToList();
        foreach (var s in shown)
        {
            var a = s.Account;
            accounts.AddRow(
                Markup.Escape(a.Name), Markup.Escape(a.Industry ?? "–"), a.Employees?.ToString("N0", CultureInfo.InvariantCulture) ?? "–", ReportText.Money(a.AnnualRevenue),
                Markup.Escape(a.Country ?? "–"), s.Fit.Score?.ToString(CultureInfo.InvariantCulture) ?? "–", $"[{Colour(s.Fit.Band)}]{s.Fit.Band}[/]",
                Markup.Escape(string.Join("; ", s.Misses.Select(m => m.Substring(0, m.LastIndexOf(" (", StringComparison.Ordinal))))));
        }

        console.Write(accounts);
        if (shown.Count < total) console.MarkupLine($"[grey]{total - shown.Count} accounts in the middle not shown (--all lists every one, --csv writes them with every reason).[/]");

        foreach (var note in result.Notes) console.MarkupLine($"[grey]Note: {Markup.Escape(note)}[/]");
        foreach (var group in InputIssueGroup.Of(result.Issues))
        {
            console.MarkupLine($"[{(group.Kept ? "grey" : "yellow")}]{group.Count} × {Markup.Escape(group.File)}, {Markup.Escape(group.Title)}[/]");
            foreach (var issue in group.Issues.Take(5)) console.MarkupLine($"  line {issue.Line}: {Markup.Escape(issue.Reason)}");
            if (group.Count > 5) console.MarkupLine($"  [grey]… and {group.Count - 5} more (--csv writes every account)[/]");
        }
    }

    private static string Colour(IcpFitBand band) => band switch
    {
        IcpFitBand.Strong => "green",
        IcpFitBand.Partial => "yellow",
        IcpFitBand.Poor => "red",
        _ => "grey",
    };
}
