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
    public string? IndexUsed => _indexUsed ??= _indexTable == null ? null : _indexTable + "." + (_indexColumn ?? _describeColumns!());

    public bool UsedIndex => _indexTable != null;

    // Written out only when read: most callers never look.
    private string? _indexUsed;
    private string? _indexTable;
    private string? _indexColumn;
    private System.Func<string>? _describeColumns;

    internal void UseIndex(string table, string column) => (_indexTable, _indexColumn, _describeColumns, _indexUsed) = (table, column, null, null);

    /// <param name="describeColumns">The columns of an OR ("salesstage or statecode"), named when asked for.</param>
    internal void UseIndex(string table, System.Func<string> describeColumns) => (_indexTable, _indexColumn, _describeColumns, _indexUsed) = (table, null, describeColumns, null);

    /// <summary>Rows that matched the criteria, before Top and paging (a TopCount query in key order stops at its page).</summary>
    public int RowsMatched { get; internal set; }

    /// <summary>Entities in the returned collection.</summary>
    public int RowsReturned { get; internal set; }

    public override string ToString() =>
        $"examined {RowsExamined} (+{LinkRowsExamined} linked), matched {RowsMatched}, returned {RowsReturned}, " +
        (IndexUsed == null ? "table scan" : "index " + IndexUsed);
}
