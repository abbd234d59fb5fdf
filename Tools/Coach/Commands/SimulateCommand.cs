using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Reports;
using Coach.Simulation;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// <c>coach simulate [--data DIR] [--settings FILE] [--report FILE.html] [--from DATE --to DATE]</c>: replays a CSV
/// pipeline through the solution's real plugins in the emulator and shows the coaching picture.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Runs with at least this many events show a progress bar (on an interactive console).</summary>
    public const int ProgressThreshold = 3000;

    public static string DefaultDataFolder => Path.Combine(AppContext.BaseDirectory, "Sample");

    public static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Folder with accounts.csv, users.csv, opportunities.csv and optionally events.csv (default: the bundled sample).",
            HelpName = "DIR",
        };
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "Settings JSON to use as the value of coach_CoachingSettings (default: the solution's default value).",
            HelpName = "FILE",
        };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Also write the report as a self-contained HTML page to this file.",
            HelpName = "FILE.html",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Count activity from this date (ISO 8601); earlier events still build the pipeline's state.",
            HelpName = "DATE",
        };
        var to = new Option<string?>("--to")
        {
            Description = "Replay up to this date (ISO 8601; a date alone includes the whole day) and report as of then.",
            HelpName = "DATE",
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "List every skipped row and refused operation, not just the first ones.",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Print where the time and memory went to stderr.",
            Hidden = true,
        };
        var culture = InputOptions.Culture();
        var map = InputOptions.Map();
        var force = InputOptions.Force();
        var solution = new Option<DirectoryInfo?>("--solution")
        {
            Description = "The unpacked solution to load (default: Solution/src next to the tool or in the repository).",
            Hidden = true,
        };

        var command = new Command("simulate", "Replay a CSV pipeline through the solution's plugins in an in-memory Dataverse and show the coaching picture: " +
                                              "the pipeline-meeting agenda per manager, sessions and tasks per rep against the cadence, blocked stage moves, and ICP fit. " +
                                              ExitCodes.Help)
        {
            data, settings, report, from, to, culture, map, force, verbose, timings, solution,
        };
        command.Subcommands.Add(SampleCommand());
        command.SetAction(parseResult =>
        {
            if (!InputOptions.TryLoadOptions(parseResult.GetValue(culture), parseResult.GetValue(map), out var loadOptions, out var problem))
            {
                CommandConsole.Error(parseResult, problem!);
                return ExitCodes.Usage;
            }

            return Run(
                parseResult,
                parseResult.GetValue(data)?.FullName,
                parseResult.GetValue(settings)?.FullName,
                parseResult.GetValue(report)?.FullName,
                parseResult.GetValue(from),
                parseResult.GetValue(to),
                parseResult.GetValue(verbose),
                parseResult.GetValue(timings),
                parseResult.GetValue(solution)?.FullName,
                loadOptions,
                parseResult.GetValue(force));
        });
        return command;
    }

    private static int Run(
        ParseResult parseResult, string? dataFolder, string? settingsPath, string? reportPath, string? fromText, string? toText, bool verbose, bool timings, string? solution,
        LoadOptions loadOptions, bool force)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var console = CommandConsole.For(parseResult);
        if (!TryWindow(fromText, toText, out var window, out var problem))
        {
            CommandConsole.Error(parseResult, problem!);
            return ExitCodes.Usage;
        }

        SettingsFile? settings = null;
        if (settingsPath != null)
        {
            try
            {
                settings = SettingsFile.Load(settingsPath);
            }
            catch (SettingsFileException e)
            {
                CommandConsole.Error(parseResult, e.Message);
                return ExitCodes.SettingsInvalid;
            }
        }

        var folder = dataFolder ?? DefaultDataFolder;
        var inputs = PipelineData.Files.Select(f => Path.Combine(folder, f)).Append(settingsPath).Where(p => p != null).Select(p => p!).ToList();
        if (reportPath != null && !InputOptions.CanWrite("--report", reportPath, force, inputs, out var unwritable))
        {
            CommandConsole.Error(parseResult, unwritable!);
            return ExitCodes.OutputUnwritable;
        }

        PipelineData data;
        try
        {
            data = PipelineLoader.Load(folder, loadOptions);
        }
        catch (InputUnusableException e)
        {
            CommandConsole.Error(parseResult, e.Message);
            return ExitCodes.InputUnusable;
        }

        if (data.NothingUsable)
        {
            CommandConsole.Error(parseResult, $"{Shown(folder)}: no usable deal in {PipelineData.OpportunitiesFile} ({data.Counts}); nothing to simulate.");
            foreach (var group in InputIssueGroup.Of(data.Issues).Where(g => !g.Kept).Take(5))
            {
                CommandConsole.Error(parseResult, $"  {group.File}: {group.Count:N0} × {group.Title} (first: line {group.Issues[0].Line}: {group.Issues[0].Reason})");
            }

            return ExitCodes.InputUnusable;
        }

        var loaded = clock.Elapsed;
        var options = new SimulationOptions
        {
            DataFolder = dataFolder == null ? "bundled sample" : Shown(folder),
            SettingsJson = settings?.Json,
            SettingsPath = settings == null ? null : Shown(settings.Path),
            Window = window,
            SolutionFolder = solution,
            MeasureLiveHeap = timings,
        };

        SimulationResult result;
        try
        {
            result = RunWithProgress(console, options, data);
        }
        catch (InputUnusableException e)
        {
            CommandConsole.Error(parseResult, e.Message);
            return ExitCodes.InputUnusable;
        }

        // The emulator and its store are unreachable now: their memory goes back to the system before the report is
        // rendered, instead of the report's allocations adding to it (10x the sample: the run's peak came from there).
        Simulator.ReturnFreeMemory();
        var simulated = clock.Elapsed;
        using (CommandConsole.Buffered(console)) ConsoleReport.Render(console, result, verbose);
        var rendered = clock.Elapsed;
        if (reportPath != null)
        {
            if (!InputOptions.TryWrite("--report", reportPath, path => HtmlReport.Write(result, path), out var writeProblem))
            {
                CommandConsole.Error(parseResult, writeProblem!);
                return ExitCodes.OutputUnwritable;
            }

            CommandConsole.Unwrapped(console, "HTML report: " + reportPath);
        }
        else
        {
            console.MarkupLine("[grey]Add --report coaching.html for the same picture as a page with charts to share.[/]");
        }

        if (timings)
        {
            var error = parseResult.InvocationConfiguration.Error;
            error.WriteLine($"load CSV        {loaded.TotalMilliseconds,8:0} ms");
            foreach (var (phase, time, workingSet) in result.Summary.Phases) error.WriteLine($"{phase,-26} {time.TotalMilliseconds,8:0} ms, working set {workingSet} MB");
            error.WriteLine($"console report  {(rendered - simulated).TotalMilliseconds,8:0} ms");
            var refreshes = result.Summary.Refreshes;
            error.WriteLine($"daily refresh   {refreshes.Runs} runs read {refreshes.Read} open deals and wrote {refreshes.Written}");
            error.WriteLine($"HTML report     {(clock.Elapsed - rendered).TotalMilliseconds,8:0} ms");
            error.WriteLine($"total           {clock.Elapsed.TotalMilliseconds,8:0} ms; allocated {GC.GetTotalAllocatedBytes() / 1048576} MB, GC heap {GC.GetTotalMemory(false) / 1048576} MB, " +
                            $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
                            $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
            error.WriteLine("stored rows     " + string.Join(", ", result.Summary.StoredRows.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}")));
            var gc = GC.GetGCMemoryInfo();
            error.WriteLine($"GC at last collection: heap {gc.HeapSizeBytes / 1048576} MB, fragmented {gc.FragmentedBytes / 1048576} MB, committed {gc.TotalCommittedBytes / 1048576} MB, " +
                            $"pause {gc.PauseTimePercentage:0.#}% of the run");
            if (result.Summary.LiveAfterReplayMb is { } live) error.WriteLine($"live after the replay (full collection): {live} MB");
        }

        return ExitCodes.Ok;
    }

    /// <summary>A path as the user would recognise it: relative when under the current folder, else in full.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static SimulationResult RunWithProgress(IAnsiConsole console, SimulationOptions options, PipelineData data)
    {
        if (!console.Profile.Capabilities.Interactive || console.Profile.Out.IsTerminal == false)
        {
            return Simulator.Run(options, data);
        }

        SimulationResult? result = null;
        var events = 0;
        foreach (var o in data.Opportunities) events++;
        events += data.Events?.Count ?? 0;
        if (events < ProgressThreshold) return Simulator.Run(options, data);

        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                result = Simulator.Run(options, data, new Simulator.Hooks
                {
                    Starting = n => task = ctx.AddTask($"Replaying {n:N0} events", maxValue: Math.Max(1, n)),
                    Progress = new Reporter(done => task!.Value = done),
                });
                if (task != null) task.Value = task.MaxValue;
            });
        return result!;
    }

    private sealed class Reporter : IProgress<int>
    {
        private readonly Action<int> _report;

        public Reporter(Action<int> report) => _report = report;

        public void Report(int value) => _report(value);
    }

    /// <summary>Reads --from/--to; a date alone in --to means the end of that day.</summary>
    public static bool TryWindow(string? fromText, string? toText, out ReplayWindow window, out string? problem)
    {
        window = ReplayWindow.All;
        problem = null;
        DateTime? from = null, to = null;
        if (fromText != null)
        {
            if (!InputValues.TryDate(fromText, out var f))
            {
                problem = $"--from: '{fromText}' is not an ISO 8601 date (e.g. 2026-07-01).";
                return false;
            }

            from = f;
        }

        if (toText != null)
        {
            if (!InputValues.TryDate(toText, out var t))
            {
                problem = $"--to: '{toText}' is not an ISO 8601 date (e.g. 2026-09-30).";
                return false;
            }

            to = toText.Trim().Length == 10 ? t.AddDays(1).AddTicks(-1) : t;
        }

        if (from.HasValue && to.HasValue && from.Value > to.Value)
        {
            problem = $"--from {fromText} is after --to {toText}.";
            return false;
        }

        window = new ReplayWindow(from, to);
        return true;
    }

    /// <summary><c>coach simulate sample --out DIR</c> writes a generated sample (how Tools/Coach/Sample was made).</summary>
    private static Command SampleCommand()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the CSV files to.", Required = true };
        var force = InputOptions.Force();
        var opportunities = new Option<int>("--opportunities") { Description = "Number of opportunities.", DefaultValueFactory = _ => 400 };
        var events = new Option<int?>("--events") { Description = "Exact number of events.csv rows (default: what the histories give)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same files.", DefaultValueFactory = _ => 20260701 };
        var command = new Command("sample", "Generate a deterministic sample pipeline (the bundled sample used the defaults).")
        {
            output, opportunities, events, seed, force,
        };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(output)!.FullName;
            var count = parseResult.GetValue(opportunities);
            var eventCount = parseResult.GetValue(events);
            if (count < 1 || eventCount < 0)
            {
                CommandConsole.Error(parseResult, count < 1 ? $"--opportunities must be 1 or more, not {count}." : $"--events must be 0 or more, not {eventCount}.");
                return ExitCodes.Usage;
            }

            if (File.Exists(folder))
            {
                CommandConsole.Error(parseResult, $"--out {folder}: is a file; give a folder.");
                return ExitCodes.OutputUnwritable;
            }

            var existing = PipelineData.Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
            if (existing.Count > 0 && !parseResult.GetValue(force))
            {
                CommandConsole.Error(parseResult, $"--out {folder}: already holds {string.Join(", ", existing)}; add --force to overwrite them.");
                return ExitCodes.OutputUnwritable;
            }

            SampleGenerator.Output written;
            try
            {
                written = new SampleGenerator(parseResult.GetValue(seed), count, eventCount).WriteTo(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CommandConsole.Error(parseResult, $"--out {folder}: cannot write the sample: {e.Message}");
                return ExitCodes.OutputUnwritable;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(
                $"Wrote {folder}: {written.Managers} managers, {written.Reps} reps, {written.Accounts} accounts, {written.Opportunities} opportunities, {written.Events} events.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
