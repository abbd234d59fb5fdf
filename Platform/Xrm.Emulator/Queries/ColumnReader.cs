using Xrm.Emulator.Data;

namespace Xrm.Emulator.Queries;

/// <summary>
/// Reads one column from the rows of a query: what <see cref="PrimaryKey.ValueOf"/> answers, with the column's slot in
/// the table's <see cref="ColumnMap"/> looked up once instead of by name on every row. The slot is looked up again when
/// a row comes from another map or the map has grown (a column that had no slot may have one now). One reader per query
/// and column: it is not safe to share between threads.
/// A mutable struct, so a query's readers cost no object each: keep it in a field, an array element or a captured
/// local and call it there (a copy would look its slot up again, and still read right).
/// </summary>
internal struct ColumnReader
{
    private ColumnMap? _map;
    private int _mapCount;
    private int _slot;
    private bool _isPrimaryId;

    public ColumnReader(string column)
    {
        Column = column;
        _map = null;
        _mapCount = 0;
        _slot = -1;
        _isPrimaryId = false;
    }

    public string Column { get; }

    /// <summary>The column's value (null when absent or null); the primary id from the row's Id when the column itself is absent.</summary>
    public object? ValueOf(StoredRow row)
    {
        if (TryGetValue(row, out var value)) return value;
        return _isPrimaryId ? row.Id : null;
    }

    /// <summary>As <see cref="StoredRow.TryGetValue"/>: false when the row has no such column.</summary>
    public bool TryGetValue(StoredRow row, out object? value)
    {
        if (SlotIn(row) is var slot && slot >= 0) return row.TryGetValueAt(slot, out value);
        value = null;
        return false;
    }

    /// <summary>As <see cref="StoredRow.Contains"/>: the row has the column, with a value or null.</summary>
    public bool IsIn(StoredRow row) => SlotIn(row) is var slot && slot >= 0 && row.HasValueAt(slot);

    private int SlotIn(StoredRow row)
    {
        var map = row.Map;
        if (!ReferenceEquals(map, _map) || map.Count != _mapCount) Resolve(row, map);
        return _slot;
    }

    private void Resolve(StoredRow row, ColumnMap map)
    {
        _map = map;
        _mapCount = map.Count;
        _slot = map.TryGetSlot(Column, out var slot) ? slot : -1;
        _isPrimaryId = PrimaryKey.IsPrimaryIdName(row.LogicalName, Column);
    }
}
