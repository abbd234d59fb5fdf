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

    /// <summary>An output file cannot be written: a folder, an input file, an existing file without --force, no permission.</summary>
    public const int OutputUnwritable = 4;

    public const string Help =
        "Exit codes: 0 completed (refused rows and unknown cells are listed, not fatal); 1 bad option value; " +
        "2 input unusable (missing folder or file, missing required column, no usable row); 3 settings file unreadable or invalid; " +
        "4 output file not written (a folder, an input file, or exists without --force).";
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

    /// <summary>
    /// Until disposed, what the console writes is held and then written at once. The standard output flushes every write,
    /// and Spectre writes a table cell by cell: a large report was a hundred thousand system calls.
    /// </summary>
    public static IDisposable Buffered(IAnsiConsole console) => new HeldOutput(console);

    /// <summary>A line that must not wrap (it ends in a path to copy), whatever the console's width.</summary>
    public static void Unwrapped(IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);

    public static void Error(ParseResult parseResult, string message)
    {
        var error = parseResult.InvocationConfiguration.Error;
        if (ReferenceEquals(error, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            // Redirected stderr gets 80 columns by default, which splits long paths: an error is one line.
            if (Console.IsErrorRedirected) console.Profile.Width = 4096;
            console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        }
        else
        {
            error.WriteLine("error: " + message);
        }
    }

    private sealed class HeldOutput : IAnsiConsoleOutput, IDisposable
    {
        private readonly IAnsiConsole _console;
        private readonly IAnsiConsoleOutput _target;
        private readonly StringWriter _held = new StringWriter();

        public HeldOutput(IAnsiConsole console)
        {
            _console = console;
            _target = console.Profile.Out;
            console.Profile.Out = this;
        }

        public TextWriter Writer => _held;
        public bool IsTerminal => _target.IsTerminal;
        public int Width => _target.Width;
        public int Height => _target.Height;
        public void SetEncoding(System.Text.Encoding encoding) => _target.SetEncoding(encoding);

        public void Dispose()
        {
            _console.Profile.Out = _target;
            _target.Writer.Write(_held.ToString());
            _target.Writer.Flush();
        }
    }
}
