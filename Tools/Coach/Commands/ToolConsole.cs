using System;
using System.CommandLine;
using Spectre.Console;

namespace Coach.Commands;

/// <summary>
/// The console for pack, check and deploy: <see cref="CommandConsole"/>, but without wrapping long lines (file paths,
/// command lines) when the output is not a terminal, so logs and CI output stay one finding per line.
/// </summary>
internal static class ToolConsole
{
    public static IAnsiConsole For(ParseResult parseResult)
    {
        var console = CommandConsole.For(parseResult);
        var redirected = !ReferenceEquals(console, AnsiConsole.Console) || Console.IsOutputRedirected;
        if (redirected) console.Profile.Width = Math.Max(console.Profile.Width, 400);
        return console;
    }
}
