namespace Xrm.Emulator.Queries;

/// <summary>
/// How much work one query did, so tests and benchmarks can check that an indexed filter does not scan the table.
/// A fresh instance per execution: no shared state between queries.
/// </summary>
public sealed class QueryStatistics
{
    /// <summary>Root-table rows the criteria were evaluated on (the whole table for a scan, the index hits otherwise).</summary>
    public int RowsExamined { get; internal set; }

    /// <summary>Link-entity rows the joins looked at.</summary>
    public int LinkRowsExamined { get; internal set; }

    /// <summary>The column whose equality index chose the candidate rows ("opportunity.parentaccountid"), or null for a scan.</summary>
    public string? IndexUsed { get; internal set; }

    public bool UsedIndex => IndexUsed != null;

    /// <summary>Rows that matched the criteria, before Top and paging (a TopCount query in key order stops at its page).</summary>
    public int RowsMatched { get; internal set; }

    /// <summary>Entities in the returned collection.</summary>
    public int RowsReturned { get; internal set; }

    public override string ToString() =>
        $"examined {RowsExamined} (+{LinkRowsExamined} linked), matched {RowsMatched}, returned {RowsReturned}, " +
        (IndexUsed == null ? "table scan" : "index " + IndexUsed);
}
