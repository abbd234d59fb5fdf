using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Coach.Packaging;
using Coach.SolutionSource;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// <c>coach pack [--out DIR] [--managed] [--configuration C] [--assembly DLL]</c>: builds the importable solution
/// zip from Solution/src and the built plugin assemblies. Exit 0 on success, 2 when it cannot be built.
/// </summary>
public static class PackCommand
{
    public const int Packed = 0;
    public const int Failed = 2;

    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write the zip to (default: artifacts/ at the repository root)." };
        var managed = new Option<bool>("--managed") { Description = "Build a managed package (for test and production environments)." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "Build configuration to take the assemblies from (default: Release, else Debug)." };
        var assembly = new Option<string[]>("--assembly") { Description = "Use this built DLL for the assembly of the same name (repeatable)." };
        var repo = new Option<string?>("--repo") { Description = "Repository root (default: found from the current folder)." };

        var command = new Command("pack", "Build the importable solution zip from Solution/src and the built plugin assemblies.")
        {
            output,
            managed,
            configuration,
            assembly,
            repo,
        };

        command.SetAction(parseResult =>
        {
            var console = ToolConsole.For(parseResult);
            try
            {
                var layout = RepoLayout.Discover(parseResult.GetValue(repo));
                var options = new PackOptions
                {
                    OutputDirectory = parseResult.GetValue(output),
                    Managed = parseResult.GetValue(managed),
                    Configuration = parseResult.GetValue(configuration),
                };
                foreach (var path in parseResult.GetValue(assembly) ?? Array.Empty<string>())
                {
                    options.AssemblyPaths[Path.GetFileNameWithoutExtension(path)] = path;
                }

                var result = SolutionPacker.Pack(layout, options);
                Write(console, layout, result);
                return Packed;
            }
            catch (Exception e) when (e is PackException or RepoNotFoundException or IOException or UnauthorizedAccessException)
            {
                CommandConsole.Error(parseResult, "coach pack: " + e.Message);
                return Failed;
            }
        });

        return command;
    }

    private static string Count(int count, string singular, string? plural = null) => $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static void Write(IAnsiConsole console, RepoLayout layout, PackResult result)
    {
        console.MarkupLine($"Packed [bold]{Markup.Escape(result.SolutionName)} {Markup.Escape(result.Version)}[/] ({(result.Managed ? "managed" : "unmanaged")}) into {Markup.Escape(layout.Relative(result.ZipPath))}");
        foreach (var assembly in result.Assemblies)
        {
            var build = assembly.Configuration != null ? $"{assembly.Configuration}, {assembly.Framework}" : "given with --assembly";
            console.MarkupLine(Markup.Escape($"  {assembly.ZipEntry}  <-  {layout.Relative(assembly.SourcePath)} ({build})"));
        }

        foreach (var control in result.Controls)
        {
            console.MarkupLine(Markup.Escape($"  Controls/{control.Name}/ ({control.ZipEntries.Count} files)  <-  {layout.Relative(control.SourceFolder)}"));
        }

        var c = result.Counts;
        console.MarkupLine(Markup.Escape(
            $"  {Count(c.Tables, "table")}, {Count(c.Forms, "form")}, {Count(c.Views, "view")}, {Count(c.Roles, "security role")}, " +
            $"{Count(c.PluginAssemblies, "plugin assembly", "plugin assemblies")} ({Count(c.PluginTypes, "type")}), {Count(c.Steps, "step")}, " +
            $"{Count(c.EnvironmentVariables, "environment variable")}, {Count(c.CustomApis, "custom API")}; {Count(result.Entries.Count, "zip entry", "zip entries")}"));
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }
}
