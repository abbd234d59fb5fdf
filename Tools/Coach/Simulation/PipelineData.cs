using System;
using System.Collections.Generic;
using System.Linq;

namespace Coach.Simulation;

/// <summary>The validated input: usable rows, the rows that were skipped and why, and notes on what was absent.</summary>
public sealed class PipelineData
{
    public const string AccountsFile = "accounts.csv";
    public const string UsersFile = "users.csv";
    public const string OpportunitiesFile = "opportunities.csv";
    public const string EventsFile = "events.csv";

    /// <summary>The files of a data folder.</summary>
    public static readonly string[] Files = { AccountsFile, UsersFile, OpportunitiesFile, EventsFile };

    public required IReadOnlyList<AccountRow> Accounts { get; init; }

    public required IReadOnlyList<UserRow> Users { get; init; }

    public required IReadOnlyList<OpportunityRow> Opportunities { get; init; }

    private IReadOnlyList<PipelineEvent>? _events;
    private bool _hasEvents;
    private bool _eventsHandedOver;

    /// <summary>Rows of events.csv that passed validation; null when the data has no events.csv.</summary>
    /// <exception cref="InvalidOperationException">After <see cref="HandOverEvents"/>: the data has been simulated.</exception>
    public IReadOnlyList<PipelineEvent>? Events
    {
        get => _eventsHandedOver
            ? throw new InvalidOperationException("The events were handed to a replay, which lets go of each once applied; load the data again to simulate it again.")
            : _events;
        init
        {
            _events = value;
            _hasEvents = value != null;
        }
    }

    /// <summary>
    /// Forgets the events, for a replay that holds them itself and lets go of each once applied (at ten times the
    /// bundled sample's size they are about 70 MB the rest of the run does not need).
    /// </summary>
    internal void HandOverEvents()
    {
        _eventsHandedOver = true;
        _events = null;
    }

    /// <summary>Every problem found, with file, line, column and reason: rows refused and cells kept as unknown.</summary>
    public required List<InputIssue> Issues { get; init; }

    /// <summary>What the user must see before the results (columns not recognised, ...).</summary>
    public List<string> Warnings { get; init; } = new();

    /// <summary>Things the user should know that are not row errors (an optional column absent, ...).</summary>
    public required List<string> Notes { get; init; }

    /// <summary>Data rows read per file (usable or not).</summary>
    public required IReadOnlyDictionary<string, int> RowsRead { get; init; }

    /// <summary>Rows of <paramref name="file"/> that were refused.</summary>
    public int SkippedIn(string file) => InputCounts.RefusedRows(Issues.Where(i => i.File == file));

    /// <summary>Rows read, kept, kept with unknown cells and refused, over all files.</summary>
    public InputCounts Counts => InputCounts.Of(RowsRead.Values.Sum(), Issues);

    /// <summary>True when there is nothing to simulate: no deal was kept.</summary>
    public bool NothingUsable => Opportunities.Count == 0;

    public bool HasEvents => _hasEvents;
}

/// <summary>How many rows were read, kept (some with unknown cells) and refused.</summary>
public sealed record InputCounts(int Read, int Kept, int KeptWithUnknown, int Refused)
{
    public static InputCounts Of(int read, IEnumerable<InputIssue> issues)
    {
        var list = issues as IReadOnlyCollection<InputIssue> ?? issues.ToList();
        var refused = RefusedRows(list);
        var keptWithUnknown = list.Where(i => i.Kept).Select(i => (i.File, i.Line)).Distinct().Count();
        return new InputCounts(read, Math.Max(0, read - refused), keptWithUnknown, refused);
    }

    /// <summary>Distinct rows refused (a row has one refusal, possibly with several reasons).</summary>
    public static int RefusedRows(IEnumerable<InputIssue> issues) => issues.Where(i => !i.Kept).Select(i => (i.File, i.Line)).Distinct().Count();

    public override string ToString() =>
        $"{Read:N0} rows read, {Kept:N0} kept ({KeptWithUnknown:N0} with unknown cells), {Refused:N0} refused";
}
