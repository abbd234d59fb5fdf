using System;
using System.Collections.Generic;
using System.Linq;

namespace Coach.Simulation;

/// <summary>
/// A problem found in an input file: where it is and why. A refused row is skipped and counted; a kept row was
/// used with the cell at fault left unknown (<see cref="Kept"/>).
/// </summary>
/// <param name="File">The file name as the user wrote it (e.g. "opportunities.csv").</param>
/// <param name="Line">1-based line in the file where the row starts (line 1 is the header).</param>
/// <param name="Reason">What is wrong, worded so the user can fix the file.</param>
public sealed record InputIssue(string File, int Line, string Reason)
{
    /// <summary>The column at fault, when one cell is.</summary>
    public string? Column { get; init; }

    /// <summary>True when the row was kept (the cell is unknown or a stand-in was made); false when the row was refused.</summary>
    public bool Kept { get; init; }

    /// <summary>The reason without the row's own values, to group issues ("unknown industry"); the reason itself when not set.</summary>
    public string Kind
    {
        get => _kind ?? Reason;
        init => _kind = value;
    }

    private readonly string? _kind;

    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>
/// The input cannot be used as a whole (a file is missing, a required column is absent, the settings are
/// invalid): the command stops with a non-zero exit code instead of reporting on partial data.
/// </summary>
public sealed class InputUnusableException : Exception
{
    public InputUnusableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Issues of one file with the same reason and column: how many, and which lines.</summary>
public sealed record InputIssueGroup(string File, string Kind, string? Column, bool Kept, IReadOnlyList<InputIssue> Issues)
{
    public int Count => Issues.Count;

    /// <summary>Groups by file (in input order), then refusals before kept cells, then the largest first.</summary>
    public static IReadOnlyList<InputIssueGroup> Of(IEnumerable<InputIssue> issues) =>
        issues.GroupBy(i => (i.File, i.Kind, i.Column, i.Kept))
            .Select(g => new InputIssueGroup(g.Key.File, g.Key.Kind, g.Key.Column, g.Key.Kept, g.OrderBy(i => i.Line).ToList()))
            .OrderBy(g => FileOrder(g.File))
            .ThenBy(g => g.Kept)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Kind, StringComparer.Ordinal)
            .ToList();

    /// <summary>"refused" or "kept", then the column when one cell is at fault, then the reason.</summary>
    public string Title => $"{(Kept ? "kept" : "refused")}{(Column == null ? "" : $", column {Column}")}: {Kind}";

    private static int FileOrder(string file) => file switch
    {
        PipelineData.AccountsFile => 0,
        PipelineData.UsersFile => 1,
        PipelineData.OpportunitiesFile => 2,
        PipelineData.EventsFile => 3,
        _ => 4,
    };
}
