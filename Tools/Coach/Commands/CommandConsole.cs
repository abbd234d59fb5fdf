using System;
using System.CommandLine;
using System.IO;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>Exit codes of simulate and icp.</summary>
public static class ExitCodes
{
    /// <summary>The run completed (skipped rows are reported, not fatal).</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong (an option value that cannot be read).</summary>
    public const int Usage = 1;

    /// <summary>The input is unusable as a whole: a missing folder or file, a missing required column.</summary>
    public const int InputUnusable = 2;

    /// <summary>The settings file is missing, unreadable or invalid.</summary>
    public const int SettingsInvalid = 3;

    public const string Help =
        "Exit codes: 0 completed (skipped rows are listed, not fatal); 1 bad option value; " +
        "2 input unusable (missing folder or file, missing required column); 3 settings file unreadable or invalid.";
}

/// <summary>The console a command writes to: the real one, or the invocation's writer (tests) without colours.</summary>
internal static class CommandConsole
{
    public static IAnsiConsole For(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (!ReferenceEquals(output, Console.Out)) return Plain(output);
        var console = AnsiConsole.Console;
        // Redirected to a file or a pipe: no terminal width to fit, so use one wide enough for the tables.
        if (Console.IsOutputRedirected) console.Profile.Width = 140;
        return console;
    }

    public static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    public static void Error(ParseResult parseResult, string message)
    {
        var error = parseResult.InvocationConfiguration.Error;
        if (ReferenceEquals(error, Console.Error))
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        }
        else
        {
            error.WriteLine("error: " + message);
        }
    }
}
