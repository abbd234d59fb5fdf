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

    public required IReadOnlyList<AccountRow> Accounts { get; init; }

    public required IReadOnlyList<UserRow> Users { get; init; }

    public required IReadOnlyList<OpportunityRow> Opportunities { get; init; }

    /// <summary>Rows of events.csv that passed validation; null when the data has no events.csv.</summary>
    public IReadOnlyList<PipelineEvent>? Events { get; init; }

    /// <summary>Rows skipped, with file, line and reason.</summary>
    public required List<InputIssue> Issues { get; init; }

    /// <summary>Things the user should know that are not row errors (an optional column absent, ...).</summary>
    public required List<string> Notes { get; init; }

    /// <summary>Data rows read per file (usable or not).</summary>
    public required IReadOnlyDictionary<string, int> RowsRead { get; init; }

    public int SkippedIn(string file) => Issues.Count(i => i.File == file);

    public bool HasEvents => Events != null;
}
