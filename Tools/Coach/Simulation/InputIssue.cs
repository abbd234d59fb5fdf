using System;

namespace Coach.Simulation;

/// <summary>A row of an input file that could not be used: where it is and why. The row is skipped and counted.</summary>
/// <param name="File">The file name as the user wrote it (e.g. "opportunities.csv").</param>
/// <param name="Line">1-based line in the file where the row starts (line 1 is the header).</param>
/// <param name="Reason">What is wrong, worded so the user can fix the file.</param>
public sealed record InputIssue(string File, int Line, string Reason)
{
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
