using System;
using System.Collections.Generic;

namespace Xrm.Emulator.Metadata;

/// <summary>A table: its primary id and name columns and every column the emulator accepts on it.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _columns;

    public TableMetadata(string logicalName, string primaryId, string? primaryName, bool isActivity, IEnumerable<ColumnMetadata> columns)
    {
        LogicalName = logicalName;
        PrimaryIdAttribute = primaryId;
        PrimaryNameAttribute = primaryName;
        IsActivity = isActivity;
        _columns = new Dictionary<string, ColumnMetadata>(StringComparer.Ordinal);
        foreach (var column in columns) _columns[column.LogicalName] = column;
        if (!_columns.ContainsKey(primaryId)) _columns[primaryId] = new ColumnMetadata(primaryId, ColumnType.Uniqueidentifier);
    }

    public string LogicalName { get; }

    public string PrimaryIdAttribute { get; }

    public string? PrimaryNameAttribute { get; }

    public bool IsActivity { get; }

    public IReadOnlyCollection<ColumnMetadata> Columns => _columns.Values;

    public ColumnMetadata? Column(string logicalName) =>
        _columns.TryGetValue(logicalName, out var column) ? column : null;

    public bool HasColumn(string logicalName) => _columns.ContainsKey(logicalName);

    /// <summary>This table with <paramref name="added"/> columns added or replacing existing ones (a solution extending a system table).</summary>
    public TableMetadata With(IEnumerable<ColumnMetadata> added, bool? isActivity = null)
    {
        var columns = new Dictionary<string, ColumnMetadata>(_columns, StringComparer.Ordinal);
        foreach (var column in added) columns[column.LogicalName] = column;
        return new TableMetadata(LogicalName, PrimaryIdAttribute, PrimaryNameAttribute, isActivity ?? IsActivity, columns.Values);
    }

    public override string ToString() => LogicalName;
}
