using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Checks;
using Coach.SolutionSource;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// <c>coach check [--fix] [--configuration C] [--assembly DLL] [--repo DIR]</c>: the solution checks over
/// Solution/src, the built plugin assemblies and the plugin sources. Exit 0 when there is no error, 1 when there
/// is at least one, 2 when the repository cannot be read.
/// </summary>
public static class CheckCommand
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Unusable = 2;

    public static Command Create()
    {
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: found from the current folder)." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "Build configuration whose assemblies to inspect (default: Release, else Debug)." };
        var assembly = new Option<string[]>("--assembly") { Description = "A built plugin or workflow DLL to inspect instead of the one in its project's bin folder (repeatable).", AllowMultipleArgumentsPerToken = false };
        var fix = new Option<bool>("--fix") { Description = "First rewrite the RootComponents of Solution/src/Other/Solution.xml from what Solution/src holds." };

        var command = new Command("check", "Run the solution checks over Solution/src, the built plugin assembly and the plugin sources.")
        {
            repo,
            configuration,
            assembly,
            fix,
        };

        command.SetAction(parseResult =>
        {
            var console = ToolConsole.For(parseResult);
            RepoLayout layout;
            try
            {
                layout = RepoLayout.Discover(parseResult.GetValue(repo));
            }
            catch (RepoNotFoundException e)
            {
                CommandConsole.Error(parseResult, e.Message);
                return Unusable;
            }

            var options = new CheckOptions { Configuration = parseResult.GetValue(configuration) };
            foreach (var path in parseResult.GetValue(assembly) ?? Array.Empty<string>())
            {
                if (!File.Exists(path))
                {
                    CommandConsole.Error(parseResult, $"--assembly {path}: no such file.");
                    return Unusable;
                }

                options.AssemblyPaths[Path.GetFileNameWithoutExtension(path)] = Path.GetFullPath(path);
            }

            if (parseResult.GetValue(fix))
            {
                var tree = SolutionSourceReader.Read(layout);
                if (tree.Manifest == null)
                {
                    CommandConsole.Error(parseResult, "Solution/src/Other/Solution.xml is missing or unreadable; nothing to fix.");
                    return Unusable;
                }

                if (tree.XmlProblems.Count > 0)
                {
                    // A component whose XML cannot be read would look absent, and its root component would be dropped.
                    CommandConsole.Error(parseResult,
                        $"--fix: not rewriting Solution.xml while {tree.XmlProblems.Count} file(s) of Solution/src cannot be read: the components they hold would drop out of the root components. " +
                        "Fix these first: " + string.Join("; ", tree.XmlProblems.Select(p => $"{p.Location}: {p.Message}")));
                    return Failed;
                }

                var changed = RootComponentsPlanner.Apply(tree, out var summary);
                console.MarkupLine(changed
                    ? $"Rewrote the root components of Solution/src/Other/Solution.xml ({Markup.Escape(summary)})."
                    : "The root components of Solution/src/Other/Solution.xml were already complete.");
            }

            var report = SolutionChecker.Run(layout, options);
            Write(console, report);
            return report.HasErrors ? Failed : Passed;
        });

        return command;
    }

    public static void Write(IAnsiConsole console, CheckReport report)
    {
        var s = report.Statistics;
        console.MarkupLine("[bold]coach check[/]: Solution/src, the built plugin assemblies and the plugin sources");
        console.MarkupLine(Markup.Escape($"  {s.XmlFiles} XML files, {s.Tables} tables, {s.Steps} steps, {s.PluginTypes} plugin types, {s.CustomApis} custom APIs, {s.SourceFiles} C# files"));
        foreach (var inspected in s.AssembliesInspected)
        {
            console.MarkupLine(Markup.Escape($"  built assembly {inspected}"));
        }

        console.WriteLine();
        foreach (var finding in report.Findings)
        {
            var label = finding.Severity == Severity.Error ? "[red]error  [/]" : "[yellow]warning[/]";
            console.MarkupLine($"{label} [bold]{Markup.Escape(finding.RuleId)}[/] {Markup.Escape(finding.Location.ToString())}");
            console.MarkupLine($"        {Markup.Escape(finding.Message)}");
        }

        if (report.Findings.Count > 0) console.WriteLine();
        var summary = $"{report.ErrorCount} error{(report.ErrorCount == 1 ? string.Empty : "s")}, {report.WarningCount} warning{(report.WarningCount == 1 ? string.Empty : "s")}";
        console.MarkupLine(report.HasErrors
            ? $"[red]{Markup.Escape(summary)}: the solution is not ready to ship.[/]"
            : $"[green]{Markup.Escape(summary)}: passed.[/]");
    }
}
